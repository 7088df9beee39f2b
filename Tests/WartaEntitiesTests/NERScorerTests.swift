import Testing
import WartaText
@testable import WartaEntities

/// The tagger's scorer (word sums kept from document to document) gives the emissions the
/// feature rows give, for the built-in model and for any weights.
@Suite("NER scorer")
struct NERScorerTests {
    static let texts = [
        "Presiden Joko Widodo tiba di Semarang, Jawa Tengah, Senin (12/3). \"Kami siap,\" kata Gubernur Ganjar Pranowo.",
        "PEMKOT SEMARANG RESMIKAN JALAN BARU DI KAWASAN INDUSTRI WIJAYA KUSUMA",
        "Kepala Dinas Perindustrian Kota Semarang Tri Supriyanto mengatakan Bursa Efek Indonesia (BEI) mencatat kenaikan 2,5 persen.",
        "Dia bertemu Amanda Vanstone Selasa di Café Batavia, Jakarta Pusat, bersama perwakilan Kementerian Hukum dan Hak Asasi Manusia.",
        "Namun , menurut Badan Pengawas Obat dan Makanan (BPOM), produk itu aman. Tri juga hadir di desa Kramas.",
    ]

    /// The emissions of every window of `texts`: by the feature rows, and by the scorer.
    static func emissions(_ model: NERModel, _ texts: [String]) -> (rows: [Float], scorer: [Float]) {
        var byRows: [Float] = [], byScorer: [Float] = []
        var words = NERWordScores()
        for text in texts {
            let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
            scan.applyRules()
            NERWindowFeatures.forEachWindow(scan, model.extractor) { window, rows in
                model.score(rows, tokens: window.count, into: &byRows)
            }
            var scorer = NERScorer(model: model, scan: scan)
            NERWindowFeatures.forEachWindow(scan) { window, sentence, headline in
                scorer.score(scan, window, sentence: sentence, headline: headline, words: &words, into: &byScorer)
            }
        }
        return (byRows, byScorer)
    }

    /// A window longer than ``NERWindowFeatures/maxWindow`` (thousands of capitalised words and
    /// no full stop) is decoded in pieces that cover it: one of 400,000 tokens had taken 300 MB.
    @Test func aWindowOfThousandsOfWordsIsDecodedInPieces() {
        let text = Array(repeating: "Budi Santoso Jakarta", count: 1000).joined(separator: " ")
        let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        scan.applyRules()
        var windows: [Range<Int>] = []
        NERWindowFeatures.forEachWindow(scan) { window, _, _ in windows.append(window) }
        #expect(windows.map(\.count) == [1024, 1024, 952])
        #expect(windows.first?.lowerBound == 0 && zip(windows, windows.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }

    @Test func theBuiltInModel() throws {
        let model = try #require(NERModel.builtIn)
        let (rows, scorer) = Self.emissions(model, Self.texts + Self.texts)
        #expect(rows.count > 100)
        #expect(rows == scorer)
    }

    @Test(arguments: [0, 1, 2], [true, false])
    func anyWeights(_ kind: Int, withClasses: Bool) throws {
        let builtIn = try #require(NERModel.builtIn)
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        // Random weights, the extremes, and mostly zero rows (a small table: rows collide).
        let weights = (0..<(1 << 12) * 8).map { k -> Int8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if k % 8 == 7 { return 0 }
            switch kind {
            case 0: return Int8(truncatingIfNeeded: state >> 56)
            case 1: return k / 8 % 2 == 0 ? -128 : 127
            default: return state >> 60 == 0 ? Int8(truncatingIfNeeded: state >> 40) : 0
            }
        }
        let x = NERFeatureExtractor(bits: 12, gazetteer: true, rules: true, multiWord: builtIn.multiWord, classes: withClasses ? builtIn.classes : nil)
        let model = NERModel(extractor: x, weights: weights, transitions: builtIn.transitions)
        let (rows, scorer) = Self.emissions(model, Self.texts + Self.texts)
        #expect(rows == scorer)
    }

    /// The word classes group words used alike, keyed by match key (any case): months share
    /// a class, a city has another; a word the corpus never had has none.
    @Test func wordClassesGroupWordsUsedAlike() {
        let classes = WordClasses.builtIn()
        func of(_ word: String) -> WordClasses.Packed {
            Array(word.utf8).withUnsafeBufferPointer { classes[NERFeatureExtractor.wordHash($0)] }
        }
        #expect(of("januari") != 0)
        #expect(WordClasses.values(of("januari")).1 == WordClasses.values(of("februari")).1)
        #expect(WordClasses.values(of("januari")).1 != WordClasses.values(of("jakarta")).1)
        #expect(WordClasses.values(of("senin")).2 == WordClasses.values(of("kamis")).2)
        #expect(of("zzqxv") == 0)
        #expect(WordClasses.values(0) == (0xFFFF, 0xFFFF, 0xFFFF))
    }
}

/// The decoder finds the best allowed label sequence (an `I-` label only after its `B-` or
/// itself, the sentence opened and closed by `O`), checked against every sequence.
@Suite("Viterbi decoder")
struct ViterbiDecoderTests {
    @Test func findsTheBestAllowedSequence() {
        var generator = SplitMix(seed: 7)
        var decoder = ViterbiDecoder()
        for count in 1...4 {
            for _ in 0..<25 {
                let emissions = (0..<count * 8).map { _ in generator.nextFloat() }
                let transitions = (0..<64).map { _ in generator.nextFloat() }
                var labels: [Int] = []
                decoder.decode(emissions, count: count, transitions: transitions, into: &labels)
                let best = Self.bestByEnumeration(emissions, count: count, transitions)
                #expect(labels == best, "\(count) tokens")
            }
        }
    }

    /// The highest-scoring allowed sequence, by trying all of them.
    static func bestByEnumeration(_ e: [Float], count: Int, _ tr: [Float]) -> [Int] {
        var best: [Int] = [], bestScore = -Float.infinity
        var labels = [Int](repeating: 0, count: count)
        func visit(_ t: Int, _ previous: Int, _ score: Float) {
            if t == count {
                let total = score + tr[previous * 8 + NERLabel.o]
                if total > bestScore { bestScore = total; best = labels }
                return
            }
            for l in 0..<NERLabel.count where NERLabel.allowed(previous, l) {
                labels[t] = l
                visit(t + 1, l, score + tr[previous * 8 + l] + e[t * 8 + l])
            }
        }
        visit(0, NERLabel.o, 0)
        return best
    }
}

extension SplitMix {
    /// A float in -1..<1.
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}
