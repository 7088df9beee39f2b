import Testing
import WartaText
@testable import WartaEntities

/// What the second pass reads of a word's other occurrences in the document.
@Suite("document evidence")
struct DocumentEvidenceTests {
    /// The features of one token, as "template value".
    static func features(_ e: DocumentEvidence, word: Int, label: Int, first: Bool = false) -> [String] {
        var out: [String] = []
        e.features(word: word, label: label, first: first) { out.append("\($0) \($1)") }
        return out
    }

    @Test func aWordNamedOnceHasNone() {
        var e = DocumentEvidence(words: 4)
        e.add(word: 1, label: 3, first: false)  // B-ORG
        #expect(Self.features(e, word: 1, label: 3).isEmpty)
        #expect(Self.features(e, word: 2, label: 0).isEmpty)
    }

    @Test func theOtherOccurrencesCountNotTheTokenItself() {
        var e = DocumentEvidence(words: 4)
        e.add(word: 1, label: 3, first: false)  // "Persib" tagged ORG once
        e.add(word: 1, label: 0, first: false)  // and left untagged once
        // The untagged one reads the tagged one: organization elsewhere (bit 4), majority ORG (2).
        #expect(Self.features(e, word: 1, label: 0) == ["docTypes 4", "docMajority 2"])
        // The tagged one reads only an untagged occurrence: nothing to go on.
        #expect(Self.features(e, word: 1, label: 3).isEmpty)
    }

    @Test func aCapitalAtASentencesStartIsNotCountedAsUntagged() {
        var e = DocumentEvidence(words: 4)
        e.add(word: 3, label: 1, first: false)  // B-PER
        e.add(word: 3, label: 0, first: true)   // "Budi" opening a sentence, untagged: not counted
        e.add(word: 3, label: 0, first: false)  // and untagged inside one
        // Elsewhere: a person and an untagged use (bits 1 and 2), the untagged one first among
        // equals (0), at a sentence's start (4).
        #expect(Self.features(e, word: 3, label: 0, first: true) == ["docTypes 3", "docMajority 4"])
    }
}
