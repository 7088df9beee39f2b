import Foundation
import Testing
@testable import Warta

@Suite("input enumerator")
struct InputEnumeratorTests {
    private func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    private func all(_ inputs: InputEnumerator) -> [InputDocument] {
        var docs: [InputDocument] = []
        while docs.count < 1000, let doc = inputs.next() { docs.append(doc.resolved()) }
        return docs
    }

    /// The fast reader of flat JSON Lines objects gives what `JSONSerialization` gives, on
    /// escapes, raw Unicode, and every line it leaves to Foundation (numbers, surrogates, other
    /// fields, repeated keys, invalid UTF-8, control bytes, trailing text).
    @Test(arguments: [
        #"{"id": "a", "text": "Satu.\nDua \"kata\" \\ \/ \t\u00e9\u0000 é 😀"}"#,
        #"{"text":"Tiga","url":"https://contoh.id/a?b=1","fetched_at":"2024-01-01T00:00:00Z","charset":"utf-8"}"#,
        #"  { "html" : "<p>Empat</p>" , "id" : "x" }  "#,
        #"{"id": 7, "text": "Lima"}"#,
        #"{"id": "s", "text": "emoji \ud83d\ude00"}"#,
        #"{"id": "m", "text": "Enam", "lang": "id", "tags": ["a"]}"#,
        #"{"id": "x1", "text": "Satu", "source": "detik.com", "status": 200, "ok": true, "gone": false, "n": null, "neg": -12}"#,
        #"{"text": "Dua", "a_b": "x", "ab": "y", "a": "z", "b_": "w", "_a": "v", "a__": 1, "a_": 2, "aa_b": 3, "zz": 0}"#,
        #"{"text": "Tiga", "link": "http://x.com/a\/b", "q": "say \"hi\" \\ ok", "e": "é“x”\u2028 \u00e9"}"#,
        #"{"text": "Empat", "Upper": "x", "lang": "id"}"#,
        #"{"text": "Lima", "crawl_date": "2025-10-01", "content_type": "text/html", "lang": "id", "fetched_at": "2025"}"#,
        #"{"html": "<p>x</p>", "charset": "utf-8", "status": 0, "depth": 3, "url": "https://a.id/b"}"#,
        #"{"text": "Enam", "big": 123456789012345, "bigger": 1234567890123456}"#,
        #"{"text": "Tujuh", "f": 1.5}"#,
        #"{"text": "Tujuh", "f": 1e5, "g": -0, "h": 007}"#,
        #"{"text": "Delapan", "ctl": "a\tb"}"#,
        #"{"text": "Sembilan", "k9": "x", "k10": "y"}"#,
        #"{"text": null, "html": "<p>x</p>", "extra": "y"}"#,
        #"{"text": "Sepuluh", "t": tru, "u": nulll}"#,
        #"{"id": 12345, "text": "Sebelas", "lang": "id"}"#,
        #"{"id": "cc", "text": "Sembilan belas", "publishedAt": "2025", "crawledAt": 1, "Source": "x", "title": "T", "URL_b": "u", "url_a": "v", "Zeta": null}"#,
        #"{"text": "Dua puluh", "Lang": "id", "lang": "en"}"#,
        #"{"text": "Dua puluh satu", "aB": 1, "Ab": 2}"#,
        #"{"id": -3, "text": "Dua belas"}"#,
        #"{"id": 0, "text": "Tiga belas"}"#,
        #"{"id": null, "text": "Empat belas"}"#,
        #"{"id": true, "text": "Lima belas"}"#,
        #"{"id": false, "text": "Enam belas"}"#,
        #"{"url": null, "text": "Tujuh belas", "charset": 5, "fetched_at": false}"#,
        #"{"html": null, "text": "Delapan belas"}"#,
        #"{"html": 3, "text": null}"#,
        #"{"id": "d", "text": "Tujuh", "text": "Delapan"}"#,
        #"{"id": "c", "text": "raw\#(Character(UnicodeScalar(9)))tab"}"#,
        #"{"id": "t", "text": "Sembilan"} x"#,
        #"{"id": "h", "text": "\u+123"}"#,
        #"{"id": "e"}"#,
        #"[1, 2]"#,
    ])
    func flatJSONLinesReadAsFoundationReadsThem(_ line: String) {
        check(Array(line.utf8))
    }

    @Test func invalidUTF8InAJSONLineIsAnErrorEitherWay() {
        check(Array(#"{"id": "u", "text": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
    }

    /// A lone surrogate escape (half an emoji, where a crawler cut a string) reads as U+FFFD and
    /// a raw tab inside a string as a tab, where `JSONSerialization` refused the line: the
    /// document is read, not lost. A pair stays one character; other faults stay refused.
    @Test func loneSurrogatesAndRawControlCharactersAreRepaired() {
        func text(_ line: String) -> String? {
            let doc = InputEnumerator.document(jsonLine: Array(line.utf8), fallbackID: "x:1", source: SourceInfo(path: "x.jsonl"),
                                               forcedFormat: nil)
            return doc.error == nil ? String(decoding: doc.bytes, as: UTF8.self) : nil
        }
        #expect(text(#"{"id": "a", "text": "Banjir di Demak \ud83d"}"#) == "Banjir di Demak \u{FFFD}")
        #expect(text(#"{"id": "a", "text": "x \udc00 y \ud83d\ude00 z \ud83d\u0041", "tags": ["a"]}"#) == "x \u{FFFD} y 😀 z \u{FFFD}A")
        #expect(text("{\"id\": \"c\", \"text\": \"raw\ttab\\\\ \\\"q\\\"\"}") == "raw\ttab\\ \"q\"")
        #expect(text(#"{"id": "s", "text": "emoji \ud83d\ude00"}"#) == "emoji 😀")
        #expect(text(#"{"id": "h", "text": "\u+123"}"#) == nil)
        #expect(text(#"{"id": "t", "text": "\ud83d"} x"#) == nil)
        #expect(JSONLineRepair.repaired(Array(#"{"text": "emoji \ud83d\ude00 \\ud800"}"#.utf8)) == nil)
    }

    /// A line whose last byte is a backslash inside a string made the repair loop for ever
    /// (found by FuzzJSONLines: Tests/Fixtures/fuzz/jsonl-backslash-at-line-end.jsonl). Its three
    /// lines that are not blank are three error records, and the reader ends.
    @Test func aLineEndingInABackslashIsAnErrorNotAHang() throws {
        let bytes = try fixtureBytes("fuzz/jsonl-backslash-at-line-end.jsonl")
        let inputs = try InputEnumerator(stream: MemoryByteStream(bytes), format: .jsonl, path: "x.jsonl", maxBytes: 256)
        let docs = all(inputs)
        #expect(docs.map { $0.error?.code } == ["malformed_input", "malformed_input", "malformed_input"])
        #expect(JSONLineRepair.repaired(Array(#"{"text": "tab\#t ends \"#.utf8)) == Array(#"{"text": "tab\u0009 ends \"#.utf8))
    }

    private func check(_ bytes: [UInt8]) {
        let source = SourceInfo(path: "x.jsonl")
        let fast = InputEnumerator.document(jsonLine: bytes, fallbackID: "x:1", source: source, forcedFormat: nil)
        let slow = InputEnumerator.documentByFoundation(jsonLine: bytes, fallbackID: "x:1", source: source, forcedFormat: nil)
        #expect(fast.id == slow.id && fast.bytes == slow.bytes && fast.format == slow.format && fast.charset == slow.charset)
        #expect(fast.source == slow.source && fast.meta == slow.meta && (fast.error == nil) == (slow.error == nil))
    }

    @Test func theLineAfterAnOverLongLineIsNotLost() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let long = "{\"text\": \"" + String(repeating: "kata ", count: 600_000) + "\"}"
        let lines = ["{\"id\": \"a\", \"text\": \"Satu.\"}", long, "{\"id\": \"b\", \"text\": \"Dua.\"}", "{\"id\": \"c\", \"text\": \"Tiga.\"}"]
        try write(Array(lines.joined(separator: "\n").utf8), dir + "/x.jsonl")
        let docs = all(try InputEnumerator(paths: [dir + "/x.jsonl"], maxBytes: 1_000_000))
        #expect(docs.map(\.id) == ["a", dir + "/x.jsonl:2", "b", "c"])
        #expect(docs.map(\.source.line) == [1, 2, 3, 4])
        #expect(docs[1].error == .tooLarge(bytes: long.utf8.count, limit: 1_000_000))
    }

    @Test func linksToFoldersAreFollowedOnlyWhenAskedAndEachFolderOnce() throws {
        let dir = try folder(), other = try folder()
        defer { for d in [dir, other] { try? FileManager.default.removeItem(atPath: d) } }
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        try write(Array("Satu.".utf8), dir + "/a/x.txt")
        try write(Array("Dua.".utf8), other + "/y.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/a/up", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir + "/a/self", withDestinationPath: "../a")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: other)
        try FileManager.default.createSymbolicLink(atPath: dir + "/z.txt", withDestinationPath: dir + "/a/x.txt")
        let plain = try InputEnumerator(paths: [dir], maxBytes: 1000)
        #expect(all(plain).map(\.id) == [dir + "/a/x.txt", dir + "/z.txt"])
        #expect(plain.expectedDocuments == 2)
        let follow = try InputEnumerator(paths: [dir], maxBytes: 1000, followSymlinks: true)
        #expect(all(follow).map(\.id) == [dir + "/a/x.txt", dir + "/b/y.txt"])
        #expect(follow.expectedDocuments == 2)
    }

    /// A file whose name is not valid UTF-8 (a Latin-1 name copied from an old disk) gets an
    /// error record that says so: Foundation's listing had left it out, and the run lost it.
    @Test func aFileNamedInAnotherCharsetIsAnErrorNotLost() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(Array("Satu.".utf8), dir + "/a.txt")
        let bad = Array(dir.utf8) + Array("/berita-caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = bad.withUnsafeBufferPointer { p in p.withMemoryRebound(to: CChar.self) { Glibc.open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        try #require(fd >= 0)
        _ = Glibc.write(fd, "Dua.", 4)
        close(fd)
        let docs = all(try InputEnumerator(paths: [dir], maxBytes: 1000))
        #expect(docs.map(\.id) == [dir + "/a.txt", dir + "/berita-caf\u{FFFD}.txt"])
        #expect(docs.first?.error == nil)
        #expect(docs.last?.error.map { "\($0)" }?.contains("not valid UTF-8") == true)
        #expect(try InputEnumerator(paths: [dir], maxBytes: 1000).expectedDocuments == 2)
    }

    @Test func anExplicitWARCFormatIsObeyed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write(Array("Ini teks biasa, bukan WARC.\n".utf8), dir + "/a.txt")
        let docs = all(try InputEnumerator(paths: [dir + "/a.txt"], stdinFormat: .warc, maxBytes: 1000))
        #expect(docs.map(\.status) == ["damaged_input"])
        #expect(docs[0].error?.message.hasPrefix("not a WARC file") == true)
        let jsonl = all(try InputEnumerator(paths: [dir + "/a.txt"], stdinFormat: .jsonl, maxBytes: 1000))
        #expect(jsonl.map(\.status) == ["malformed_input"])
    }

    @Test func gzipFilesAreFoundByContentAndCutOnesAreMarked() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = Array((0..<2000).map { "<p>kalimat \($0 * 7919 % 10007)</p>" }.joined().utf8)
        let compressed = try gzipped(page)
        try write(compressed, dir + "/a.html")
        try write(Array(compressed.prefix(compressed.count / 2)), dir + "/b.html.gz")
        try write(Array(compressed.prefix(8)), dir + "/c.html.gz")
        let docs = all(try InputEnumerator(paths: [dir + "/a.html", dir + "/b.html.gz", dir + "/c.html.gz"], maxBytes: 1 << 20))
        #expect(docs.map(\.status) == ["ok", "ok", "damaged_input"])
        #expect(docs[0].bytes == page && !docs[0].source.truncated)
        #expect(docs[1].source.truncated && docs[1].bytes.count > 1000 && page.starts(with: docs[1].bytes))
        #expect(docs[2].source.truncated)
        let small = all(try InputEnumerator(paths: [dir + "/a.html"], maxBytes: 1000))
        #expect(small.map(\.error) == [.tooLargeDecoded(limit: 1000)])
    }

    @Test func aStreamOfJSONLinesReadInSmallStepsGivesTheSameDocuments() throws {
        let text = "{\"id\": \"a\", \"text\": \"Satu.\"}\r\n\n \t\n{\"text\": \"" + String(repeating: "x", count: 300)
            + "\"}\nnot json\n{\"html\": \"<p>Dua</p>\"}"
        for step in [1, 3, 1 << 16] {
            let docs = all(try InputEnumerator(stream: TrickleStream(Array(text.utf8), step: step), format: .jsonl,
                                               path: "s.jsonl", maxBytes: 100))
            #expect(docs.map(\.id) == ["a", "s.jsonl:4", "s.jsonl:5", "s.jsonl:6"], "step \(step)")
            #expect(docs.map(\.status) == ["ok", "too_large", "malformed_input", "ok"])
            #expect(docs.map(\.source.line) == [1, 4, 5, 6])
        }
    }
}
