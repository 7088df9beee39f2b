import Testing
import WartaText
@testable import WartaEntities

/// The tagger's decoder (transition tables built once, two groups of lanes) picks the labels
/// the label-by-label lattice picks, ties included: each label's best previous label is the
/// first strictly greater one in label order.
@Suite("Viterbi decoder of the tagger")
struct TaggerDecoderTests {
    /// The lattice label by label: candidates in label order, kept when strictly greater.
    static func reference(_ e: [Float], count: Int, _ tr: [Float]) -> [Int] {
        let n = NERLabel.count
        var best = [Float](repeating: -.infinity, count: count * 8), back = [Int](repeating: 0, count: count * 8)
        for l in 0..<n { best[l] = (NERLabel.allowed(NERLabel.o, l) ? tr[NERLabel.o * 8 + l] : -.infinity) + e[l] }
        for t in 1..<max(count, 1) {
            for l in 0..<n {
                var m = -Float.infinity, arg = 0
                for p in 0..<n {
                    let v = best[(t - 1) * 8 + p] + (NERLabel.allowed(p, l) ? tr[p * 8 + l] : -.infinity)
                    if v > m { m = v; arg = p }
                }
                best[t * 8 + l] = m + e[t * 8 + l]
                back[t * 8 + l] = arg
            }
        }
        var m = -Float.infinity, arg = 0
        for l in 0..<n {
            let v = best[(count - 1) * 8 + l] + tr[l * 8 + NERLabel.o]
            if v > m { m = v; arg = l }
        }
        var labels = [Int](repeating: 0, count: count)
        labels[count - 1] = arg
        var t = count - 1
        while t > 0 { arg = back[t * 8 + arg]; t -= 1; labels[t] = arg }
        return labels
    }

    /// Small whole numbers, so many paths tie.
    @Test func tiesAsTheLatticeBreaksThem() {
        var generator = SplitMix(seed: 11)
        func small() -> Float { Float(Int(generator.next() % 5)) - 2 }
        for count in 1...9 {
            for _ in 0..<40 {
                let emissions = (0..<count * 8).map { _ in small() }
                let transitions = (0..<64).map { _ in small() }
                var decoder = ViterbiDecoder(table: ViterbiDecoder.Table(transitions))
                var labels = [UInt8](repeating: 9, count: count)
                emissions.withUnsafeBufferPointer { e in labels.withUnsafeMutableBufferPointer { decoder.decode(e, into: $0) } }
                let expected = Self.reference(emissions, count: count, transitions)
                #expect(labels.map { Int($0) } == expected, "\(count) tokens")
                var generic = ViterbiDecoder(), byArray: [Int] = []
                generic.decode(emissions, count: count, transitions: transitions, into: &byArray)
                #expect(byArray == expected)
            }
        }
    }

    /// The decoder built for one model's transitions decodes windows of any length in turn,
    /// its buffer grown for a long one and reused for a short one.
    @Test func windowsOfAnyLengthInTurn() {
        var generator = SplitMix(seed: 5)
        let transitions = (0..<64).map { _ in generator.nextFloat() }
        var decoder = ViterbiDecoder(table: ViterbiDecoder.Table(transitions))
        for count in [3, 1, 40, 2, 17, 1] {
            let emissions = (0..<count * 8).map { _ in generator.nextFloat() * 3 }
            var labels = [UInt8](repeating: 0, count: count)
            emissions.withUnsafeBufferPointer { e in labels.withUnsafeMutableBufferPointer { decoder.decode(e, into: $0) } }
            #expect(labels.map { Int($0) } == Self.reference(emissions, count: count, transitions))
        }
    }
}

/// The word cache finds a word by its bytes: short words by their packed bytes (also at the
/// very end of a text), long ones by a key of their first and last eight bytes and then all
/// their bytes.
@Suite("NER word cache")
struct NERWordCacheTests {
    @Test func findsEachWordByItsBytes() throws {
        let model = try #require(NERModel.builtIn)
        // Two long words share their first and last eight bytes; the text ends in a short word.
        let text = "Kabupatenabcdefghijklmnopqrstu dan Kabupatenabcdefghzjklmnopqrstu di Kota Semarang ya"
        let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        let doc = scan.doc
        var words = NERWordScores()
        var numbers: [Int] = []
        for t in 0..<doc.tokens.count {
            let s = Int(doc.tokens.starts[t]), e = Int(doc.tokens.ends[t])
            #expect(doc.bytes.withUnsafeBufferPointer { words.word($0, s, e) } == nil)
            numbers.append(words.word(of: t, scan, model))
            #expect(doc.bytes.withUnsafeBufferPointer { words.word($0, s, e) } == numbers.last)
        }
        #expect(Set(numbers).count == numbers.count)
        // Each token of a second text with the same words finds the number its word has.
        let again = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        for t in 0..<again.doc.tokens.count {
            #expect(words.word(of: t, again, model) == numbers[t])
        }
    }

    /// Keys a multiplier spreads: every key put in is found, others are not.
    @Test func wordIndexFindsWhatItHolds() {
        var generator = SplitMix(seed: 3)
        var pairs: [(UInt64, UInt8)] = []
        for k in 0..<3000 {
            // Keys alike in their low bits, and random ones.
            let key = k % 2 == 0 ? UInt64(k) << 20 | 7 : generator.next() | 1
            pairs.append((key, UInt8(k % 200 + 1)))
        }
        let index = WordIndex(pairs: pairs, count: pairs.count)
        for (key, value) in pairs { #expect(index[key] == value) }
        #expect(index[12_345] == 0)
        #expect(index[0] == 0)
    }
}

/// The scorer lent the buffers of the word cache scores as one with buffers of its own, from
/// document to document.
@Suite("NER scorer buffers")
struct NERScorerBufferTests {
    @Test func lentBuffersScoreAlike() throws {
        let model = try #require(NERModel.builtIn)
        let texts = NERScorerTests.texts + NERScorerTests.texts.reversed()
        var lentWords = NERWordScores(), ownWords = NERWordScores()
        for text in texts {
            let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
            scan.applyRules()
            var lent = NERScorer(model: model, scan: scan, words: &lentWords), own = NERScorer(model: model, scan: scan)
            var byLent: [Float] = [], byOwn: [Float] = []
            NERWindowFeatures.forEachWindow(scan) { window, sentence, headline in
                lent.score(scan, window, sentence: sentence, headline: headline, words: &lentWords, into: &byLent)
                own.score(scan, window, sentence: sentence, headline: headline, words: &ownWords, into: &byOwn)
            }
            lent.giveBuffers(to: &lentWords)
            #expect(byLent == byOwn)
        }
    }
}
