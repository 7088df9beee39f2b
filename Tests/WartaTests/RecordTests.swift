import Foundation
import Testing
import Warta
import WartaText
import WartaTools

let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// A pipeline producing `layers`, reading text whole unless `articles`.
func pipeline(_ layers: Configuration.Layers = .text, articles: Bool = false, maxBytes: Int = 20_000_000) -> Pipeline {
    var c = Configuration()
    c.layers = layers
    c.extractsArticles = articles
    c.maxBytes = maxBytes
    return Pipeline(configuration: c)
}

let textPipeline = pipeline()

func record(_ text: String, tokens: Bool = false) throws -> [String: Any] {
    let doc = try textPipeline.analyze(Array(text.utf8), format: .text, id: "t").get()
    var out = JSONWriter()
    RecordWriter(tokens: tokens).write(doc, to: &out)
    #expect(out.bytes.last == 0x0A)
    return try JSONSerialization.jsonObject(with: Data(out.bytes)) as! [String: Any]
}

@Suite("Records")
struct RecordTests {
    @Test func offsetsAreCodePointsIntoText() throws {
        let r = try record("“Café” naik 5%.\n\nKata 😀 dia.", tokens: true)
        let text = r["text"] as! String
        #expect(text == "“Café” naik 5%.\n\nKata 😀 dia.")
        let scalars = Array(text.unicodeScalars)
        func slice(_ p: [Int]) -> String { String(String.UnicodeScalarView(scalars[p[0]..<p[1]])) }
        let tokens = (r["tokens"] as! [[Any]]).map { slice([$0[0] as! Int, $0[1] as! Int]) }
        #expect(tokens == ["“", "Café", "”", "naik", "5", "%", ".", "Kata", "😀", "dia", "."])
        let kinds = (r["tokens"] as! [[Any]]).map { $0[2] as! String }
        #expect(kinds[8] == "symbol" && kinds[4] == "number")
        #expect((r["paragraphs"] as! [[Int]]).map(slice) == ["“Café” naik 5%.", "Kata 😀 dia."])
        #expect((r["sentences"] as! [[Int]]).map(slice) == ["“Café” naik 5%.", "Kata 😀 dia."])
    }

    @Test func cliticTokensCarryTheirWords() throws {
        let r = try record("Menurutnya bagus.", tokens: true)
        let first = (r["tokens"] as! [[Any]])[0]
        #expect(first[0] as! Int == 0 && first[1] as! Int == 10)
        #expect((first[3] as! [[Int]]) == [[0, 7], [7, 10]])
    }

    @Test func statsCountRepairs() throws {
        let r = try record("â€œYaâ€\u{9D}\u{200B} ok")
        let stats = r["stats"] as! [String: Int]
        #expect(stats["mojibake_repaired"] == 2 && stats["invisible_removed"] == 1 && stats["tokens"] == 4)
    }

    @Test func badInputGetsErrors() {
        let p = pipeline(maxBytes: 100)
        #expect(p.analyze([], format: .text).failureCode == "empty_input")
        #expect(p.analyze(Array(" \n\t ".utf8), format: .text).failureCode == "empty_input")
        #expect(p.analyze([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], format: .text).failureCode == "binary_input")
        #expect(p.analyze([UInt8](repeating: 0x61, count: 101), format: .text).failureCode == "too_large")
        #expect(p.analyze((0..<90).map { _ in UInt8(0xFE) }, format: .text).failureCode == "binary_input")
    }

    /// Plain text in UTF-16 with its byte order mark, or in windows-1252 (Latin-1), is read as the
    /// text it is: UTF-16 was refused as binary (its NUL bytes), windows-1252 got U+FFFD for each
    /// accented letter and curly quote. Bytes that are no Latin text stay binary.
    @Test func textInUTF16OrWindows1252IsDecoded() throws {
        let p = pipeline(articles: true)
        let text = "Presiden Joko Widodo tiba di Semarang. Kafe “Café Batavia” ramai dikunjungi warga hari ini."
        let utf8 = try p.analyze(Array(text.utf8), format: .text).get()
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
        let fromUTF16 = try p.analyze(utf16, format: .text).get()
        #expect(fromUTF16.text == utf8.text && fromUTF16.article?.charset == "utf-16le")
        let fromLatin = try p.analyze([UInt8](try #require(text.data(using: .windowsCP1252))), format: .text).get()
        #expect(fromLatin.text == utf8.text && fromLatin.article?.charset == "windows-1252")
        #expect(utf8.article?.charset == "utf-8")
        #expect(p.analyze((0..<90).map { UInt8(0x80 + $0) }, format: .text).failureCode == "binary_input")
    }

    /// A page saved in UTF-16 (after its byte order mark, as Windows tools save it) is read as
    /// the charset decoder reads it, not refused as binary for its NUL bytes; binary data after
    /// such a mark stays binary.
    @Test func aPageInUTF16IsRead() throws {
        let p = pipeline(articles: true)
        let paragraphs = (1...4).map { "<p>Warga Semarang \($0) mengatakan harga “naik” di pasar kafé, Senin (12/5/2025). Pedagang setuju.</p>" }
        let page = "<html><head><title>Harga naik</title></head><body><article><h1>Harga naik</h1>\(paragraphs.joined())</article></body></html>"
        let utf8 = try p.analyze(Array(page.utf8), format: .html).get()
        for bigEndian in [false, true] {
            let units = page.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(truncatingIfNeeded: u)] : [UInt8(truncatingIfNeeded: u), UInt8(u >> 8)] }
            let doc = try p.analyze((bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + units, format: .html).get()
            #expect(doc.text == utf8.text && doc.text.contains("kafé") && doc.article?.charset == (bigEndian ? "utf-16be" : "utf-16le"))
        }
        #expect(p.analyze([0xFF, 0xFE] + [UInt8](repeating: 0, count: 200), format: .html).failureCode == "binary_input")
        // Without its mark, in the charset the caller gives (an HTTP header, `--charset`).
        var c = Configuration()
        c.extractsArticles = true
        c.defaultCharset = "utf-16"
        let units = page.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
        #expect(try Pipeline(configuration: c).analyze(units, format: .html).get().text == utf8.text)
        #expect(p.analyze(units, format: .html).failureCode == "binary_input")
    }

    @Test func errorRecordsAreValidJSON() throws {
        var out = JSONWriter()
        RecordWriter().writeError(id: "a\"b", error: .emptyInput, to: &out)
        let r = try JSONSerialization.jsonObject(with: Data(out.bytes)) as! [String: Any]
        #expect(r["id"] as? String == "a\"b" && r["status"] as? String == "error")
        #expect((r["error"] as! [String: String])["code"] == "empty_input")
    }

    @Test func jsonEscapes() throws {
        var w = JSONWriter()
        w.string("a\"b\\c\nd\u{1}é\u{2028}")
        #expect(String(decoding: w.bytes, as: UTF8.self) == #""a\"b\\c\nd\u0001é\u2028""#)
        w = JSONWriter()
        for v in [0, 7, -12, 1234567890123] { w.int(v); w.byte(0x20) }
        #expect(String(decoding: w.bytes, as: UTF8.self) == "0 7 -12 1234567890123 ")
    }

    @Test("a copied writer writes on its own bytes, past its first buffer")
    func writerCopiesAreValues() {
        var a = JSONWriter(capacity: 8)
        a.raw("[1,")
        var b = a
        for _ in 0..<40 { b.raw("2,") }
        a.raw("3]")
        b.raw("4]")
        #expect(String(decoding: a.finish(), as: UTF8.self) == "[1,3]")
        #expect(String(decoding: b.finish(), as: UTF8.self) == "[1," + String(repeating: "2,", count: 40) + "4]")
        b.removeAll()
        b.string(String(repeating: "x", count: 100))
        #expect(b.byteCount == 102)
        #expect(a.bytes.count == 5)
    }

    @Test("the seed's record matches seeds/*.expected.jsonl")
    func seedGolden() throws {
        let path = "seeds/000_43943d992f4a7b6d.txt"
        let input = try InputReader.read(path: repositoryRoot + "/" + path)
        let doc = AnalyzedDocument(id: path, bytes: input, format: .text, context: RecordContext(source: SourceInfo(path: path)))
        let result = try Pipeline().analyze(doc).get()
        var out = JSONWriter()
        RecordWriter(tokens: true).write(result, to: &out)
        let expected = try InputReader.read(path: repositoryRoot + "/seeds/000_43943d992f4a7b6d.expected.jsonl")
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test("an HTML page's whole record matches Tests/Fixtures/html/berita.expected.jsonl")
    func htmlGolden() throws {
        let path = "Tests/Fixtures/html/berita.html"
        let input = try InputReader.read(path: repositoryRoot + "/" + path)
        let doc = AnalyzedDocument(id: path, bytes: input, format: .html, context: RecordContext(source: SourceInfo(path: path)))
        var out = JSONWriter()
        RecordWriter(tokens: true).write(try Pipeline().analyze(doc).get(), to: &out)
        let expected = try InputReader.read(path: repositoryRoot + "/Tests/Fixtures/html/berita.expected.jsonl")
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test("the seed's CoNLL-U matches seeds/*.expected.conllu")
    func seedCoNLLU() throws {
        let path = "seeds/000_43943d992f4a7b6d.txt"
        let doc = TextAnalyzer().analyze(try InputReader.read(path: repositoryRoot + "/" + path))
        var out: [UInt8] = []
        CoNLLUWriter().write(doc, docID: path, to: &out)
        let expected = try InputReader.read(path: repositoryRoot + "/seeds/000_43943d992f4a7b6d.expected.conllu")
        #expect(String(decoding: out, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        // The seed's clitics, as multiword tokens.
        let mwt = String(decoding: out, as: UTF8.self).split(separator: "\n").filter { $0.first?.isNumber == true && $0.split(separator: "\t")[0].contains("-") }
            .map { $0.split(separator: "\t")[1] }
        #expect(mwt == ["produksinya", "jelasnya", "Tujuannya", "imbuhnya", "Menurutnya", "Menurutnya", "terangnya", "ujarnya", "imbuhnya"])
    }
}

extension Result where Failure == WartaError {
    var failureCode: String? {
        if case .failure(let e) = self { return e.code }
        return nil
    }
}

@Suite("Output helpers")
struct OutputTests {
    @Test func codePointIndexHandlesRandomOrder() {
        let s = Array("aé😀b\(String(repeating: "é", count: 5000))z".utf8)
        s.withUnsafeBufferPointer { p in
            var cp = CodePointIndex(p)
            #expect(cp.codePoint(p.count) == 5005)
            #expect(cp.codePoint(1) == 1)
            #expect(cp.codePoint(3) == 2)
            #expect(cp.codePoint(7) == 3)
            #expect(cp.codePoint(8 + 2 * 4000) == 4004)
            #expect(cp.codePoint(0) == 0)
        }
    }

    @Test func conlluMultiwordTokensAndSpaceAfter() {
        let doc = TextAnalyzer().analyze("Bukunya hilang, katanya.")
        var out: [UInt8] = []
        CoNLLUWriter().write(doc, docID: nil, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == """
            # newpar
            # sent_id = 1
            # text = Bukunya hilang, katanya.
            1-2\tBukunya\t_\t_\t_\t_\t_\t_\t_\t_
            1\tBuku\t_\t_\t_\t_\t_\t_\t_\t_
            2\tnya\t_\t_\t_\t_\t_\t_\t_\t_
            3\thilang\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            4\t,\t_\t_\t_\t_\t_\t_\t_\t_
            5-6\tkatanya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            5\tkata\t_\t_\t_\t_\t_\t_\t_\t_
            6\tnya\t_\t_\t_\t_\t_\t_\t_\t_
            7\t.\t_\t_\t_\t_\t_\t_\t_\t_


            """)
    }
}

@Suite("UD evaluation")
struct UDEvaluationTests {
    let gold = """
        # sent_id = 1
        # text = Bukunya ada di Jl. Pemuda.
        1-2\tBukunya\t_\t_\t_\t_\t_\t_\t_\t_
        1\tBuku\tbuku\tNOUN\t_\t_\t0\troot\t_\t_
        2\tnya\tdia\tPRON\t_\t_\t1\tnmod\t_\t_
        3\tada\tada\tVERB\t_\t_\t1\tacl\t_\t_
        4\tdi\tdi\tADP\t_\t_\t6\tcase\t_\t_
        5\tJl.\tjalan\tPROPN\t_\t_\t3\tobl\t_\t_
        6\tPemuda\tpemuda\tPROPN\t_\t_\t5\tflat\t_\tSpaceAfter=No
        7\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

        # sent_id = 2
        # text = Ia datang pukul 10.15 WIB.
        1\tIa\t_\t_\t_\t_\t_\t_\t_\t_
        2\tdatang\t_\t_\t_\t_\t_\t_\t_\t_
        3\tpukul\t_\t_\t_\t_\t_\t_\t_\t_
        4\t10.15\t_\t_\t_\t_\t_\t_\t_\t_
        5\tWIB\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
        6\t.\t_\t_\t_\t_\t_\t_\t_\t_

        """

    @Test func perfectScoresOnAgreeingData() throws {
        let sentences = try UDEvaluation.parse(gold)
        #expect(sentences.count == 2)
        #expect(sentences[0].tokens == ["Bukunya", "ada", "di", "Jl.", "Pemuda", "."])
        #expect(sentences[0].words[0] == ["Buku", "nya"])
        let r = UDEvaluation.evaluate(sentences)
        #expect(r.tokens.f1 == 100 && r.words.f1 == 100 && r.sentences.f1 == 100)
        #expect(r.words.gold == 13 && r.tokens.gold == 12)
    }

    @Test func disagreementsLowerTheScore() throws {
        // Gold that splits the abbreviation's dot and does not split the clitic.
        let other = gold.replacingOccurrences(of: "5\tJl.\tjalan", with: "5\tJl\tjalan")
            .replacingOccurrences(of: "6\tPemuda\tpemuda", with: "6\t.\t_\t_\t_\t_\t5\tpunct\t_\tSpaceAfter=No\n6\tPemuda\tpemuda")
        let r = UDEvaluation.evaluate(try UDEvaluation.parse(other))
        #expect(r.tokens.matched == 11 && r.tokens.gold == 13 && r.tokens.system == 12)
        #expect(r.sentences.f1 == 100)
        #expect(r.mismatches.count == 1)
    }

    @Test func malformedInputIsReported() {
        #expect(throws: WartaError.self) { try UDEvaluation.parse("1-x\tfoo\n") }
    }
}

@Suite("The seed as an article")
struct SeedArticleTests {
    @Test func seedMetadata() throws {
        let input = try InputReader.read(path: repositoryRoot + "/seeds/000_43943d992f4a7b6d.txt")
        let r = try pipeline(articles: true).analyze(input, format: .text).get()
        let a = try #require(r.article)
        #expect(a.section == "Jawa Tengah")
        #expect(a.title == "Dewan Komisi B DPRD Kota Semarang mendukung kunjungan industri dan industri terbuka ke sentra-sentra IKM logam")
        #expect(a.image?.caption == "Aktivitas pekerja di Sentra Industri Kecil (IKM) Pencegahan Logam di Kawasan Industri Wijaya Kusuma, Kecamatan Tugu, Kota Semarang. (Foto. Kementerian Perindustrian Kota Semarang)")
        #expect(a.dateline?.place == "SEMARANG" && a.dateline?.publisher == "Sigi Jateng")
        #expect(a.published == "2022-05-12")
        #expect(a.authors == ["Mushonifin"])
        #expect(a.sourceCredit == "news.google.com")
        let text = r.document.text
        #expect(text.hasPrefix("SEMARANG (Sigi Jateng) – Dinas Perindustrian"))
        #expect(text.hasSuffix("dengan berbagai cara,” imbuhnya."))
        for furniture in ["Related Articles", "Tinggalkan Balasan", "Alamat email", "Back to top button", "Mushonifin"] {
            #expect(!text.contains(furniture))
        }
    }

    /// A pronoun after a person the text introduces by full name and role for the first time
    /// (here in a clause whose subject is not the person) speaks for that person, not for the
    /// subject of an earlier sentence.
    @Test func aPronounSpeaksForTheNewlyIntroducedPerson() throws {
        let text = """
            Gubernur Jawa Barat Ridwan Kamil juga mengimbau agar warga tidak berwisata. Sejumlah pakar mempertanyakan \
            keputusan itu. Salah satunya adalah Ketua Perkumpulan Ahli Ekonomi Kesehatan Indonesia Hasbullah Thabrany. \
            ”Rekreasi bisa dilakukan kapan saja tanpa perlu menunggu akhir pekan,” ujarnya.
            """
        let doc = try pipeline(.all).analyze(Array(text.utf8), format: .text, id: "t").get()
        #expect(doc.quotes.map { $0.speaker?.name } == ["Hasbullah Thabrany"])
    }
}
