import Foundation
import Testing
@testable import Warta

/// The hostile WARC files of issue 15 (Tests/Fixtures/warc-hostile) and the classes of bug
/// behind them: lengths from the input, header parsing, resynchronisation, gzip.
@Suite("WARC reader")
struct WARCReaderTests {
    @Test func negativeChunkSizeIsAnErrorRecord() throws {
        let docs = try warcDocuments(fixtureBytes("warc-hostile/01-chunk-size-negative.warc"))
        #expect(docs.map(\.status) == ["damaged_input"])
        #expect(docs[0].id == "t.warc#1")
        #expect(docs[0].error?.message.contains("first chunk size “-1”") == true)
    }

    @Test func overflowingChunkSizeKeepsTheBytesThereAndIsTruncated() throws {
        let docs = try warcDocuments(fixtureBytes("warc-hostile/02-chunk-size-overflow.warc"))
        #expect(docs.map(\.status) == ["ok"])
        #expect(docs[0].bytes == Array("x\r\n".utf8))
        #expect(docs[0].source.truncated)
    }

    @Test func contentTypeWhoseLowercaseIsLongerIsReadOnBytes() throws {
        let docs = try warcDocuments(fixtureBytes("warc-hostile/03-content-type-dotted-I.warc"))
        #expect(docs.map(\.status) == ["ok"])
        #expect(docs[0].charset == "x")
        #expect(docs[0].bytes == samplePage && !docs[0].source.truncated)
    }

    @Test func contentTypeWhoseLowercaseIsShorterGivesTheRightCharset() throws {
        let docs = try warcDocuments(fixtureBytes("warc-hostile/04-content-type-kelvin-wrong-charset.warc"))
        #expect(docs.map(\.status) == ["ok"])
        #expect(docs[0].charset == "windows-1252")
    }

    @Test func hugeLengthOfAWarcinfoRecordDoesNotSwallowTheResponses() throws {
        let docs = try warcDocuments(fixtureBytes("warc-hostile/05-huge-length-nonresponse-swallows-rest.warc"))
        #expect(docs.map(\.status) == ["damaged_input", "ok", "ok", "ok"])
        #expect(docs.map(\.id) == ["t.warc#1", "t.warc#2", "t.warc#3", "t.warc#4"])
        #expect(docs[0].error?.message == "WARC record 1 declares Content-Length 999999999999 but the next record starts after 5 bytes")
        #expect(docs[1...].allSatisfy { $0.bytes == samplePage && !$0.source.truncated })
    }

    @Test func negativeLengthIsAnErrorRecordAndTheNextRecordIsRead() throws {
        let docs = try warcDocuments(fixtureBytes("warc-hostile/06-negative-length-record-dropped.warc"))
        #expect(docs.map(\.status) == ["damaged_input", "ok"])
        #expect(docs[0].error?.message == "WARC record 1 has Content-Length “-1”, not a byte count; skipped to the next record")
        #expect(docs[1].id == "t.warc#2" && docs[1].bytes == samplePage)
    }

    @Test func gzipIsRecognisedByItsMagicBytesWhateverTheName() throws {
        let bytes = try fixtureBytes("warc-hostile/07-gzip-content-named-plain.warc")
        let docs = try warcDocuments(bytes)
        #expect(docs.map(\.status) == ["ok", "ok"])
        #expect(docs.allSatisfy { $0.bytes == samplePage })
        // A pipe handing out one byte at a time, as standard input may.
        let reader = try WARCReader(stream: TrickleStream(bytes), path: "-", maxBytes: 1 << 20)
        #expect(reader.next()?.bytes == samplePage && reader.next()?.bytes == samplePage && reader.next() == nil)
    }

    @Test func aFileThatIsNotWARCIsOneError() throws {
        let docs = try warcDocuments(Array("{\"text\": \"bukan WARC\"}\nbaris kedua\n".utf8))
        #expect(docs.map(\.status) == ["damaged_input"])
        #expect(docs[0].id == "t.warc")
        #expect(try warcDocuments([]).map(\.status) == ["empty_input"])
        // A gzip file cut inside its header decodes to nothing: not empty, damaged.
        let cut = try warcDocuments(Array(try fixtureBytes("warc-hostile/07-gzip-content-named-plain.warc").prefix(12)))
        #expect(cut.map(\.status) == ["damaged_input"] && cut[0].source.truncated)
    }

    @Test func bytesBetweenRecordsAreReportedOrBelongToThePageBefore() throws {
        let good = warcRecord(httpResponse(["Content-Type: text/html"], samplePage))
        // The first record says 10 bytes (no HTTP header ends in them, so it is no page): the
        // rest of its block is not part of any record.
        let short = warcRecord(length: "10", httpResponse(["Content-Type: text/html"], samplePage))
        var docs = try warcDocuments(short + good)
        #expect(docs.map(\.status) == ["damaged_input", "ok"])
        #expect(docs[0].id == "t.warc@113")
        #expect(docs[0].error?.message == "bytes 113 to 255 are not part of a WARC record (a Content-Length may be wrong)")
        #expect(docs[1].bytes == samplePage)
        // A page 20 bytes longer than its length says is cut there, and the rest is its own.
        let page = httpResponse(["Content-Type: text/html"], samplePage)
        let long = warcRecord(length: String(page.count - 20), page)
        docs = try warcDocuments(long + good)
        #expect(docs.map(\.status) == ["ok", "ok"])
        #expect(docs.map(\.source.truncated) == [true, false])
        #expect(docs[0].bytes == Array(samplePage.dropLast(20)))
        // Leading bytes that are no record are reported.
        docs = try warcDocuments(Array("junk\r\n".utf8) + good)
        #expect(docs.map(\.id) == ["t.warc@0", "t.warc#1"])
    }

    @Test func aLengthThatRunsIntoTheNextRecordIsCutThere() throws {
        let first = httpResponse(["Content-Type: text/html"], samplePage)
        let second = warcRecord(uri: "http://b/", httpResponse(["Content-Type: text/html"], samplePage))
        // Runs 100 bytes into the second record (which is longer), and past the end of the file.
        for extra in [100, 10_000] {
            let lying = warcRecord(length: String(first.count + extra), uri: "http://a/", first)
            let docs = try warcDocuments(lying + second + second)
            #expect(docs.map(\.id) == ["http://a/", "http://b/", "http://b/"], "extra \(extra)")
            #expect(docs.map(\.source.truncated) == [true, false, false])
            #expect(docs.allSatisfy { $0.bytes.starts(with: samplePage) })
        }
    }

    @Test func chunkedBodiesDecodeWithCheckedSizes() {
        func dechunk(_ s: String) -> WARCReader.Dechunked { WARCReader.dechunk(Array(s.utf8)[...]) }
        #expect(dechunk("4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n") == .decoded(Array("Wikipedia".utf8), complete: true))
        #expect(dechunk("4\r\nWiki\r\nZZ\r\nmore") == .decoded(Array("Wiki".utf8), complete: false))
        #expect(dechunk("10\r\nshort") == .decoded(Array("short".utf8), complete: false))
        #expect(dechunk("ffffffffffffffffff\r\nx") == .notChunked("ffffffffffffffffff"))
        #expect(dechunk("7fffffffffffffff\r\nx") == .decoded(Array("x".utf8), complete: false))
        #expect(dechunk("-1\r\nx") == .notChunked("-1"))
        #expect(dechunk("4\r\nWiki") == .decoded(Array("Wiki".utf8), complete: false))
    }

    @Test func lengthsAreCheckedDecimals() {
        func parse(_ s: String) -> Int? { WARCReader.parseDecimal(Array(s.utf8)) }
        #expect(parse("148") == 148 && parse(" 12 ") == 12 && parse("0") == 0)
        #expect(parse("-1") == nil && parse("") == nil && parse("1e3") == nil && parse("+5") == nil)
        #expect(parse("99999999999999999999") == nil)
        #expect(parse("9223372036854775807") == Int.max)
    }

    @Test func charsetIsFoundOnBytesIgnoringASCIICaseOnly() {
        func charset(_ s: String) -> String? { WARCReader.charset(in: Array(s.utf8)) }
        #expect(charset("text/html; CHARSET=\"ISO-8859-1\"") == "ISO-8859-1")
        #expect(charset("text/html;İİİcharset=x") == "x")
        #expect(charset("text/html; \u{212A}\u{212A} charset=windows-1252; q=1") == "windows-1252")
        #expect(charset("text/html") == nil && charset("text/html; charset=") == nil)
    }

    /// Bodies in the content codings servers send: deflate as zlib and as raw deflate (raw
    /// was `binary_input`), brotli (`br`, what browsers ask for; it was `binary_input`), a
    /// brotli body cut short (read, marked truncated), `br` over a body stored decoded (kept),
    /// and a coding Warta does not decode (`zstd`), which says so.
    @Test func contentCodingsAreDecodedOrNamed() throws {
        let docs = try warcDocuments(fixtureBytes("warc/content-encodings.warc"))
        try #require(docs.count == 6)
        let whole = docs[0]
        #expect(whole.error == nil && String(decoding: whole.bytes, as: UTF8.self).contains("<h1>Harga Naik di Pasar Semarang</h1>"))
        for k in [1, 2, 4] {
            #expect(docs[k].error == nil && docs[k].bytes == whole.bytes && !docs[k].source.truncated, "record \(k + 1)")
        }
        #expect(docs[3].error == nil && docs[3].source.truncated && whole.bytes.starts(with: docs[3].bytes) && docs[3].bytes.count > 100)
        #expect(docs[5].error?.message == "the HTTP body is compressed as “zstd”, which Warta does not decode (it decodes gzip, deflate and br)")
        #expect(ContentDecoding.decode(Array(repeating: 7, count: 50)[...], .brotli, limit: 1000) == .undecodable)
        // Stored decoded under a `br` header: after a byte order mark, or text that is no page.
        let page = [0xEF, 0xBB, 0xBF] + Array("<html><body><p>Warga Semarang.</p></body></html>".utf8)
        let text = Array(String(repeating: "Warga Semarang mengatakan harga naik. ", count: 4).utf8)
        #expect(ContentDecoding.decode(page[...], .brotli, limit: 1000) == .notCompressed)
        #expect(ContentDecoding.decode(text[...], .brotli, limit: 1000) == .notCompressed)
        // Codings in the order applied (the last is undone first); the first unknown one named.
        #expect(ContentDecoding.codings(Array("gzip, BR".utf8)) == ([.gzip, .brotli], nil))
        #expect(ContentDecoding.codings(Array("identity".utf8)) == ([], nil))
        #expect(ContentDecoding.codings(Array("x-gzip,zstd,br".utf8)) == ([.gzip], "zstd"))
    }

    @Test func aGzipBodyStopsInflatingAtTheLimit() throws {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 4 << 20)
        let compressed = try gzipped(big)
        #expect(ContentDecoding.decode(compressed[...], .gzip, limit: 100_000) == .tooLarge)
        // Memory stays bounded: inflation stops a buffer past the limit.
        let stream = try GzipByteStream(MemoryByteStream(compressed))
        let (bytes, more) = try BufferedReader(stream).read(upTo: 100_000)
        #expect(bytes.count == 100_000 && more && stream.produced < 100_000 + 2 * 65_536)
        let body = httpResponse(["Content-Type: text/html", "Content-Encoding: gzip"], compressed)
        let docs = try warcDocuments(warcRecord(body), maxBytes: 100_000)
        #expect(docs.map(\.status) == ["too_large"])
        #expect(docs[0].error == .tooLargeDecoded(limit: 100_000))
    }

    @Test func aGzipBodyCutShortIsTruncatedAndOneThatDecodesToNothingIsAnError() throws {
        let page = Array((0..<2000).map { "<p>kalimat \($0 * 7919 % 10007)</p>" }.joined().utf8)
        let compressed = try gzipped(page)
        let cut = Array(compressed.prefix(compressed.count / 2))
        var docs = try warcDocuments(warcRecord(httpResponse(["Content-Type: text/html", "Content-Encoding: gzip"], cut)))
        #expect(docs.map(\.status) == ["ok"] && docs[0].source.truncated)
        #expect(docs[0].bytes.count > 1000 && docs[0].bytes.count < page.count && page.starts(with: docs[0].bytes))
        docs = try warcDocuments(warcRecord(httpResponse(["Content-Type: text/html", "Content-Encoding: gzip"], Array(compressed.prefix(6)))))
        #expect(docs.map(\.status) == ["damaged_input"])
        // A body stored decoded despite the header is kept.
        docs = try warcDocuments(warcRecord(httpResponse(["Content-Type: text/html", "Content-Encoding: gzip"], samplePage)))
        #expect(docs.map(\.status) == ["ok"] && docs[0].bytes == samplePage && !docs[0].source.truncated)
    }

    @Test func tooManyHeaderLinesAreDamageAndTheNextRecordIsRead() throws {
        let headers = (0..<1500).map { "X-\($0): y\r\n" }.joined()
        let bad = Array("WARC/1.0\r\n\(headers)\r\n".utf8)
        let docs = try warcDocuments(bad + warcRecord(httpResponse(["Content-Type: text/html"], samplePage)))
        #expect(docs.map(\.status) == ["damaged_input", "ok"])
    }

    @Test func fiftyGoodRecordsThenABadOneGiveFiftyOneDocuments() throws {
        let good = warcRecord(httpResponse(["Content-Type: text/html"], samplePage))
        let bad = try fixtureBytes("warc-hostile/01-chunk-size-negative.warc")
        let docs = try warcDocuments(Array(repeating: good, count: 50).flatMap { $0 } + bad + good)
        #expect(docs.count == 52)
        #expect(docs.filter { $0.status == "ok" }.count == 51 && docs[50].status == "damaged_input")
    }
}

/// Inputs the fuzzers found (Fuzz/), each replayed exactly.
@Suite("WARC reader, fuzzer findings")
struct WARCFuzzFindingTests {
    /// Reading a gzip WARC file a few bytes at a time must give the same documents. The
    /// fuzzer's input (a damaged gzip member) once gave a document `truncated` in one reading
    /// and not in the other: the flag followed how far the stream had been read.
    @Test(arguments: ["fuzz/warc-stepped-truncated.warc.gz", "warc/warcio-example.warc.gz"], [1, 2, 3, 7, 4096])
    func steppedReadingGivesTheSameDocuments(file: String, step: Int) throws {
        let bytes = try fixtureBytes(file)
        let whole = try warcDocuments(bytes, maxBytes: 4096)
        let reader = try WARCReader(stream: TrickleStream(bytes, step: step), path: "t.warc", maxBytes: 4096)
        var stepped: [InputDocument] = []
        while stepped.count < 1000, let doc = reader.next() { stepped.append(doc) }
        #expect(stepped.map(\.id) == whole.map(\.id))
        #expect(stepped.map(\.status) == whole.map(\.status))
        #expect(stepped.map(\.bytes) == whole.map(\.bytes))
        #expect(stepped.map(\.source.truncated) == whole.map(\.source.truncated))
        #expect(stepped.map(\.charset) == whole.map(\.charset))
    }
}
