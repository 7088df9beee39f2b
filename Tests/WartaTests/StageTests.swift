import Testing
@testable import Warta
import WartaText

/// Each stage through the `Stage` protocol: what it adds to the document, on real text.
@Suite("stages")
struct StageTests {
    static let configuration = Configuration()
    static let stages = Pipeline.defaultStages(configuration)
    static let text = "SEMARANG (Sigi Jateng) – Kepala Dinas Perindustrian Kota Semarang Tri Supriyanto mengatakan, "
        + "harga naik 5,61 persen.\n\n“Kami akan menambah pasokan,” ujarnya, Senin (12/5/2022)."

    /// The document after the stages before the one named `name`.
    func document(before name: String, _ input: String = StageTests.text, format: InputFormat = .text) throws -> AnalyzedDocument {
        var doc = AnalyzedDocument(id: "t", bytes: Array(input.utf8), format: format)
        for stage in StageTests.stages {
            if stage.name == name { break }
            try stage.process(&doc)
        }
        return doc
    }

    func stage(_ name: String) throws -> any Stage {
        try #require(StageTests.stages.first { $0.name == name })
    }

    @Test func theDefaultOrder() {
        #expect(StageTests.stages.map(\.name) == ["check", "extract-html", "normalize", "extract-text", "segment", "language",
                                                  "entities", "speakers", "resolve", "quotes"])
        var textOnly = Configuration()
        textOnly.layers = .text
        textOnly.extractsArticles = false
        #expect(Pipeline.defaultStages(textOnly).map(\.name) == ["check", "extract-html", "normalize", "segment", "language"])
        var entities = Configuration()
        entities.layers = .entities
        #expect(Pipeline.defaultStages(entities).map(\.name) == ["check", "extract-html", "normalize", "extract-text", "segment",
                                                                 "language", "entities", "resolve"])
    }

    @Test func inputCheckRefusesWhatCannotBeAnalysed() throws {
        var big = AnalyzedDocument(id: "t", bytes: [UInt8](repeating: 0x61, count: 11), format: .text)
        #expect(throws: WartaError.tooLarge(bytes: 11, limit: 10)) { try InputCheckStage(maxBytes: 10).process(&big) }
        var blankPage = AnalyzedDocument(id: "t", bytes: Array(" \n ".utf8), format: .html)
        #expect(throws: WartaError.emptyInput) { try InputCheckStage(maxBytes: 10).process(&blankPage) }
    }

    /// The binary check reads the first 64 KiB once: NUL bytes (a rare one tolerated in HTML),
    /// control bytes, bytes that are not UTF-8; Indonesian text with curly quotes and a
    /// character cut at the end of the sample are text.
    @Test func binaryInputIsToldFromText() {
        let text = Array("Kepala Dinas mengatakan, “Stok cukup,” kata dia. Bahasa Indonesia 12/5/2024.\n".utf8)
        #expect(InputCheckStage.binaryProblem(text) == nil)
        #expect(InputCheckStage.binaryProblem(text + [0] + text) == "1 NUL bytes in the first \(2 * text.count + 1) bytes")
        var page = Array(repeating: Array("<p>teks</p>".utf8), count: 20).flatMap { $0 }
        page.insert(0, at: 50)
        #expect(InputCheckStage.binaryProblem(page, toleratingRareNUL: true) == nil)
        #expect(InputCheckStage.binaryProblem(page + [UInt8](repeating: 0, count: 10), toleratingRareNUL: true) != nil)
        let controls = (0..<100).flatMap { _ in [0x61, 0x01, 0x62, 0x63] as [UInt8] }
        #expect(InputCheckStage.binaryProblem(controls) == "100 control bytes in the first 400 bytes")
        let latin1 = (0..<100).flatMap { _ in [0x61, 0xE9, 0xE8] as [UInt8] }
        #expect(InputCheckStage.binaryProblem(latin1) == "200 of 300 bytes are not valid UTF-8")
        // "é" (C3 A9) cut after its first byte at the end of the 64 KiB sample.
        let long = [UInt8](repeating: 0x61, count: 65_535) + [0xC3, 0xA9]
        #expect(InputCheckStage.census(long).invalid == 0)
    }

    /// The census passes plain bytes eight at a time and stops at the first byte of a word that
    /// is not plain: it counts what a byte-by-byte count counts, wherever the bytes fall.
    @Test func censusCountsAsByteByByte() {
        let pieces: [[UInt8]] = [[0x61], [0x0A], [0x00], [0x01], [0x1F], [0x09], [0x0D], [0x7F], [0xC3, 0xA9], [0xE2, 0x80, 0x9C],
                                 [0xF0, 0x9F, 0x98, 0x80], [0xE9], [0x80], [0xC3], [0xED, 0xA0, 0x80], [0x20, 0x62, 0x63]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            let count = Int(state % 40)
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes += pieces[Int(state >> 33) % pieces.count]
            }
            var nul = 0, controls = 0, invalid = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0 { nul += 1 } else if b < 0x09 || (b > 0x0D && b < 0x20) { controls += 1 }
                    i += 1
                } else if let (_, length) = UTF8Decoder.decode(bytes.span, i) {
                    i += length
                } else {
                    invalid += 1
                    i += 1
                }
            }
            let c = InputCheckStage.census(bytes)
            #expect(c.nul == nul && c.controls == controls && c.invalid == invalid && c.sample == bytes.count, "\(bytes)")
        }
    }

    @Test func htmlExtractionLeavesTheBodyForNormalization() throws {
        let page = try String(contentsOfFile: repositoryRoot + "/Tests/Fixtures/html/berita.html", encoding: .utf8)
        var doc = try document(before: "extract-html", page, format: .html)
        try stage("extract-html").process(&doc)
        #expect(doc.article?.title == "Pemkot Salatiga Buka Pasar Murah di Alun-alun")
        let body = String(decoding: doc.pendingText ?? [], as: UTF8.self)
        #expect(body.hasPrefix("SALATIGA, Warta Contoh – Pemerintah Kota Salatiga membuka pasar murah"))
        #expect(body.hasSuffix("Pasar murah akan digelar lagi pekan depan di Kecamatan Tingkir."))
        #expect(!body.contains("Beranda") && !body.contains("Terpopuler") && !body.contains("Baca juga"))
        var text = try document(before: "extract-html")
        try stage("extract-html").process(&text)
        #expect(text.article == nil && text.pendingText == nil)
    }

    @Test func normalizationCountsRepairs() throws {
        var doc = try document(before: "normalize", "â€œYaâ€\u{9D}\u{200B} ok")
        try stage("normalize").process(&doc)
        #expect(String(decoding: doc.normalized.bytes, as: UTF8.self) == "“Ya” ok")
        #expect(doc.repairs.mojibakeRepaired == 2 && doc.repairs.removed == 1)
    }

    @Test func textArticleNarrowsTheTextToTheBody() throws {
        var doc = try document(before: "extract-text", "Jawa Tengah\n\nHarga beras di Semarang naik lagi pekan ini\n\n" + StageTests.text)
        try stage("extract-text").process(&doc)
        #expect(doc.article?.section == "Jawa Tengah")
        #expect(doc.article?.title == "Harga beras di Semarang naik lagi pekan ini")
        #expect(doc.article?.dateline?.place == "SEMARANG")
        #expect(String(decoding: doc.normalized.bytes, as: UTF8.self) == StageTests.text)
    }

    @Test func segmentationAddsTheTextLayer() throws {
        var doc = try document(before: "segment")
        try stage("segment").process(&doc)
        #expect(doc.layers == .text)
        #expect(doc.document.paragraphRanges.count == 2 && doc.document.sentenceRanges.count == 2)
        #expect(doc.document.tokenViews.prefix(4).map(\.text) == ["SEMARANG", "(", "Sigi", "Jateng"])
    }

    @Test func taggingResolutionAndQuotes() throws {
        var doc = try document(before: "entities")
        try stage("entities").process(&doc)
        let tagged = doc.mentions.map { doc.text(TextRange(Int(doc.document.tokens.starts[$0.start]), Int(doc.document.tokens.ends[$0.end - 1]))) }
        #expect(tagged.contains("Tri Supriyanto") && tagged.contains("5,61 persen") && tagged.contains("Senin (12/5/2022)"))
        try stage("speakers").process(&doc)
        #expect(doc.speechMarks != nil)
        try stage("resolve").process(&doc)
        #expect(doc.entityOfMention.count == doc.mentions.count)
        #expect(doc.people.map(\.name) == ["Tri Supriyanto"])
        try stage("quotes").process(&doc)
        #expect(doc.layers == .all && doc.speechMarks == nil)
        #expect(doc.quotes.map(\.kind) == [.indirect, .direct])
        #expect(doc.quotes.allSatisfy { $0.speaker?.name == "Tri Supriyanto" })
        #expect(doc.quotes.map { $0.parts.map(doc.text).joined() } == ["harga naik 5,61 persen", "Kami akan menambah pasokan"])
    }

    /// A sentence that points back (`Hal itu disampaikan Prabowo`) makes the first sentence of
    /// the body reported speech; the dateline that opens it is the publisher's, not part of it.
    @Test func theDatelineIsNoPartOfAQuote() throws {
        let text = "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto meminta para menteri bekerja keras. "
            + "Hal itu disampaikan Prabowo saat memimpin sidang kabinet di Istana Negara, Jakarta."
        var doc = try document(before: "quotes", text)
        #expect(doc.article?.dateline?.publisher == "KOMPAS.com")
        try stage("quotes").process(&doc)
        #expect(doc.quotes.map { $0.parts.map(doc.text).joined() } == ["Presiden Prabowo Subianto meminta para menteri bekerja keras"])
    }

    @Test func documentsInAnotherLanguageSkipTheIndonesianStages() throws {
        let english = "The President arrived in Jakarta on Monday. He said the economy was growing faster than expected."
        let skipped = try Pipeline(configuration: StageTests.configuration).analyze(Array(english.utf8), format: .text).get()
        #expect(skipped.language == "en")
        #expect(skipped.skippedStages == ["entities", "speakers", "resolve", "quotes"])
        #expect(skipped.layers == .text && skipped.entities.isEmpty)
        var any = StageTests.configuration
        any.anyLanguage = true
        let tagged = try Pipeline(configuration: any).analyze(Array(english.utf8), format: .text).get()
        #expect(tagged.skippedStages.isEmpty && tagged.layers == .all)
        #expect(tagged.entities.contains { $0.name == "Jakarta" })
        let indonesian = try Pipeline(configuration: StageTests.configuration).analyze(Array(StageTests.text.utf8), format: .text).get()
        #expect(indonesian.language == "id" && indonesian.skippedStages.isEmpty)
    }

    /// A stage of one's own, appended to the default list: it reads the layers before it.
    struct SentenceCount: Stage {
        var name: String { "sentence-count" }
        func process(_ document: inout AnalyzedDocument) throws(WartaError) {
            if document.document.sentenceRanges.count > 1 { throw .usage("too many sentences") }
        }
    }

    @Test func aPipelineTakesAStageOfOnesOwn() {
        let pipeline = Pipeline(stages: StageTests.stages + [SentenceCount()], configuration: StageTests.configuration)
        #expect(pipeline.analyze(Array("Satu kalimat saja.".utf8), format: .text).failureCode == nil)
        #expect(pipeline.analyze(Array(StageTests.text.utf8), format: .text).failureCode == "usage")
    }

    /// A stage that takes too long: the next stage is not run and the document is a timeout.
    struct Slow: Stage {
        var name: String { "slow" }
        func process(_ document: inout AnalyzedDocument) throws(WartaError) {
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .milliseconds(30) {}
        }
    }

    @Test func theTimeBudgetIsCheckedBetweenStages() {
        var c = Configuration()
        c.maxSeconds = 0.01
        let pipeline = Pipeline(stages: [Slow(), SegmentationStage()], configuration: c)
        let result = pipeline.analyze(Array("Teks.".utf8), format: .text)
        #expect(result.failureCode == "timeout")
        if case .failure(let e) = result { #expect(e.message.contains("stopped before segment")) }
        // No limit at all, or one past what a UInt64 of nanoseconds holds (`--max-seconds inf`
        // trapped), is a limit never reached.
        for seconds in [Double.infinity, 1e300] {
            c.maxSeconds = seconds
            #expect(Pipeline(stages: [Slow(), SegmentationStage()], configuration: c).analyze(Array("Teks.".utf8), format: .text).failureCode == nil)
        }
    }

    @Test func theProfileCountsEveryStage() throws {
        let pipeline = Pipeline(configuration: StageTests.configuration)
        var profile: StageProfile? = StageProfile(stages: pipeline.stages)
        var doc = AnalyzedDocument(id: "t", bytes: Array(StageTests.text.utf8), format: .text)
        try pipeline.run(&doc, profile: &profile)
        #expect(profile?.documents == 1 && profile?.bytes == StageTests.text.utf8.count)
        #expect(profile?.names == pipeline.stages.map(\.name))
        #expect(profile?.table.contains("quotes") == true)
    }
}

/// `warta tag --format conll --pretokenized`: given tokens kept exactly, IOB2 tags.
@Suite("pretokenized tagging")
struct PretokenizedTaggingTests {
    /// The tags of `conll` by a pipeline that tags entities.
    static func tag(_ conll: String) -> String {
        var c = Configuration()
        c.layers = .entities
        return PretokenizedTagging.tag(conll: conll, pipeline: Pipeline(configuration: c))
    }

    @Test func tagsEveryGivenToken() {
        let conll = "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nKota\tB-LOC\nSemarang\tI-LOC\n.\tO\n\r\nRp\nlima\n"
        let out = PretokenizedTaggingTests.tag(conll)
        #expect(out == "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nKota\tB-LOC\nSemarang\tI-LOC\n.\tO\n\nRp\tO\nlima\tO\n")
    }

    /// The output has a line for each input line, so it pastes next to the input: leading and
    /// repeated blank lines stay, `-DOCSTART-` lines (CoNLL 2003) are `O` and split documents.
    @Test func linesUpWithTheInput() {
        let conll = "\n-DOCSTART- -X- O O\n\nPresiden\nJoko\nWidodo\ntiba\n.\n\n\n\nIa\npergi\n.\n-DOCSTART- -X- O O\n\nBudi\nSantoso\ndatang\n.\n\n"
        let out = PretokenizedTaggingTests.tag(conll)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == conll.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(out == "\n-DOCSTART-\tO\n\nPresiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\n.\tO\n\n\n\nIa\tO\npergi\tO\n.\tO\n"
                + "-DOCSTART-\tO\n\nBudi\tB-PER\nSantoso\tI-PER\ndatang\tO\n.\tO\n\n")
    }

    /// Given tokens are joined as news writes them, so an initial keeps its full stop and the
    /// name holds together: `Stephen R . Covey` is read as `Stephen R. Covey` (NERGrit splits
    /// initials so), and a quoted word as `"aidoru"`.
    @Test func tokensJoinAsNewsWritesThem() {
        let conll = "Buku\nkarya\nStephen\nR\n.\nCovey\nitu\nlaris\n,\nkata\nBudi\n.\n"
        let out = PretokenizedTaggingTests.tag(conll)
        #expect(out == "Buku\tO\nkarya\tO\nStephen\tB-PER\nR\tI-PER\n.\tI-PER\nCovey\tI-PER\nitu\tO\nlaris\tO\n,\tO\nkata\tO\nBudi\tB-PER\n.\tO\n")
        var spacing = Detokenizer()
        let joined = ["Ia", "bersama", "\"", "aidoru", "\"", "(", "25", ")", ",", "kata", "Prof", ".", "Budi", "."].map { token in
            (spacing.spaceBefore(token.utf8) ? " " : "") + token
        }.joined()
        #expect(joined == "Ia bersama \"aidoru\" (25), kata Prof. Budi.")
        var curly = Detokenizer()
        let quoted = ["“", "Kami", "siap", ",", "”", "kata", "dia", "."].map { (curly.spaceBefore($0.utf8) ? " " : "") + $0 }.joined()
        #expect(quoted == "“Kami siap,” kata dia.")
    }

    /// An acronym glued to its brackets in one given token joins the organization before it, as
    /// datasets tokenized so annotate it; brackets given as tokens of their own keep it apart,
    /// and a person's short name in brackets stays a mention of its own.
    @Test func gluedAcronymJoinsTheName() {
        let conll = "Saham\nBursa\nEfek\nIndonesia\n(BEI),\nnaik\n.\n\nSaham\nBursa\nEfek\nIndonesia\n(\nBEI\n)\nnaik\n.\n\n"
            + "Presiden\nJoko\nWidodo\n(Jokowi)\ntiba\n.\n"
        let out = PretokenizedTaggingTests.tag(conll)
        #expect(out == "Saham\tO\nBursa\tB-ORG\nEfek\tI-ORG\nIndonesia\tI-ORG\n(BEI),\tI-ORG\nnaik\tO\n.\tO\n\n"
                + "Saham\tO\nBursa\tB-ORG\nEfek\tI-ORG\nIndonesia\tI-ORG\n(\tO\nBEI\tB-ORG\n)\tO\nnaik\tO\n.\tO\n\n"
                + "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\n(Jokowi)\tB-PER\ntiba\tO\n.\tO\n")
    }
}
