import Testing
import WartaText
@testable import WartaEntities

/// The CRF trainer's objective: its gradient is the derivative of its value (finite
/// differences over weights of the rows the windows use and over the transitions).
@Suite("CRF objective")
struct CRFObjectiveTests {
    static let sentences = [
        NERSentence(tokens: ["Presiden", "Joko", "Widodo", "tiba", "di", "Semarang", "."],
                    tags: ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
        NERSentence(tokens: ["Bursa", "Efek", "Indonesia", "mencatat", "kenaikan", "kata", "Budi", "."],
                    tags: ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-PER", "O"]),
    ]

    @Test func gradientMatchesFiniteDifferences() throws {
        var trainer = NERTrainer(lexicon: EntityLexicon(tsv: ["name\ttype\tsubtype\tcase\tid\tparent\nSemarang\tLOC\tcity\tcapitalized\t1\t\n"]))
        trainer.bits = 10
        trainer.classes = false
        trainer.crf = true
        let extractor = trainer.extractor
        let corpus = EncodedCorpus(Self.sentences, lexicon: trainer.lexicon, extractor: extractor, analyzer: TextAnalyzer())
        #expect(corpus.windows.count >= 3)
        let width = (1 << trainer.bits) * 8
        var x = [Double](repeating: 0, count: width + 64)
        var seed: UInt64 = 7
        for k in x.indices {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            x[k] = Double(Int64(bitPattern: seed >> 11) % 1000) / 2000
        }
        var grad = [Double](repeating: 0, count: x.count)
        let f = trainer.objective(x, &grad, [corpus])
        #expect(f.isFinite && f > 0)
        let used = Set(corpus.rows.filter { $0 >= 0 }.prefix(6).map { Int($0) * 8 })
        let probes = used.flatMap { [$0, $0 + 1, $0 + 4] } + [width + 1, width + 8, width + 9, width + 8 * 3 + 4]
        let h = 1e-5
        var ignored = grad
        for k in probes {
            var up = x, down = x
            up[k] += h; down[k] -= h
            let numeric = (trainer.objective(up, &ignored, [corpus]) - trainer.objective(down, &ignored, [corpus])) / (2 * h)
            #expect(abs(numeric - grad[k]) < 1e-4 * max(1, abs(numeric)), "coordinate \(k): \(numeric) against \(grad[k])")
        }
    }
}
