import Testing
import WartaText
@testable import WartaEntities

/// A later word of a person's name reaches back a long article's length, no further.
@Suite("partial names")
struct PartialNameTests {
    /// For each of the rules' one-word person mentions of `text`: whether it is a later
    /// partial name.
    static func partials(_ text: String) -> [Bool] {
        let doc = TextAnalyzer().analyze(text)
        let scan = Scan(doc: doc, lexicon: EntityLexicon.builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        scan.applyRules()
        let single = scan.mentions.filter { $0.type == .per && $0.end - $0.start == 1 }
        return single.map { scan.isLaterPartialName($0) }
    }

    @Test func nearIsLinkedFarIsNot() {
        #expect(Self.partials("Kepala Dinas Tri Supriyanto hadir dalam rapat. Tri menjelaskan rencana itu.") == [true])
        let filler = String(repeating: "warga datang ke pasar pagi ini . ", count: 300)  // 2,100 tokens
        let far = Self.partials("Kepala Dinas Tri Supriyanto hadir dalam rapat. " + filler + "Tri menjelaskan rencana itu.")
        #expect(far == [false])
    }
}
