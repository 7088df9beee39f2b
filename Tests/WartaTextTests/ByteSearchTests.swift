import Testing
import WartaText

/// Byte search: first and last occurrences, at both ends, and what is never found.
@Suite("Byte search on bytes")
struct ByteSearchOffsetTests {
    func offset(_ needle: String, _ hay: String, backwards: Bool = false) -> Int? {
        ByteSearch.offset(of: Array(needle.utf8).span, in: Array(hay.utf8).span, backwards: backwards)
    }

    @Test func firstLastAndAbsent() {
        #expect(offset("ab", "abxab") == 0 && offset("ab", "abxab", backwards: true) == 3)
        #expect(offset("xab", "abxab") == 2 && offset("b", "abxab", backwards: true) == 4)
        #expect(offset("é", "kafé") == 3)
        #expect(offset("abxabx", "abxab") == nil && offset("", "abxab") == nil && offset("a", "") == nil)
        #expect(offset("Ab", "abxab") == nil)
    }
}
