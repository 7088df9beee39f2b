import Testing
import WartaText
@testable import WartaEntities

/// What the second pass reads of a word's other occurrences in the document.
@Suite("document evidence")
struct DocumentEvidenceTests {
    /// The features of one token, as (template, value) pairs.
    static func features(_ e: DocumentEvidence, key: UInt64, label: Int, first: Bool = false) -> [String] {
        var out: [String] = []
        e.features(key: key, label: label, first: first) { out.append("\($0) \($1)") }
        return out
    }

    @Test func aWordNamedOnceHasNone() {
        var e = DocumentEvidence()
        e.add(key: 7, label: 3, first: false)  // B-ORG
        #expect(Self.features(e, key: 7, label: 3).isEmpty)
        #expect(Self.features(e, key: 8, label: 0).isEmpty)
    }

    @Test func theOtherOccurrencesCountNotTheTokenItself() {
        var e = DocumentEvidence()
        e.add(key: 7, label: 3, first: false)  // "Persib" tagged ORG once
        e.add(key: 7, label: 0, first: false)  // and left untagged once
        // The untagged one reads the tagged one: organization elsewhere (bit 4), majority ORG (2).
        #expect(Self.features(e, key: 7, label: 0) == ["docTypes 4", "docMajority 2"])
        // The tagged one reads only an untagged occurrence: nothing to go on.
        #expect(Self.features(e, key: 7, label: 3).isEmpty)
    }

    @Test func aCapitalAtASentencesStartIsNotCountedAsUntagged() {
        var e = DocumentEvidence()
        e.add(key: 9, label: 1, first: false)  // B-PER
        e.add(key: 9, label: 0, first: true)   // "Budi" opening a sentence, untagged: not counted
        #expect(Self.features(e, key: 9, label: 0, first: true) == ["docTypes 2", "docMajority 5"])
        #expect(Self.features(e, key: 9, label: 1).isEmpty)
    }
}
