import Testing
import WartaEntities
import WartaText

/// The resolver's own paths that the tagger's tests do not reach: ids past the first ones it
/// keeps made, nicknames of names written with accents, roles in order, the fuller name.
@Suite("Entity identities: the resolver's own paths")
struct ResolverPathTests {
    /// Every entity gets `e` and its number in order of first mention, past the ids the
    /// resolver keeps made (the first 512) too.
    @Test func idsGoOnPastTheFirstFiveHundred() {
        let doc = TextAnalyzer().analyze((0..<600).map { "Kota\($0)" }.joined(separator: " "))
        let mentions = (0..<doc.tokens.count).map { EntityMention(start: $0, end: $0 + 1, type: .date) }
        let (entities, entityOfMention) = EntityResolver().resolveIndexed(mentions, in: doc)
        #expect(entities.count == 600)
        #expect(entities.map(\.id) == (1...600).map { "e\($0)" })
        #expect(entityOfMention == Array(0..<600))
    }

    /// A nickname joins a person whose name has accents, and a one-word name with accents
    /// joins the person it shortens: match keys fold the accents (`Dédé` is `dede`).
    @Test func nicknamesFoldAccents() {
        #expect(EntityResolverTests.people("Dédé Sunardi tiba. Dedesu lalu berpidato.", ["Dédé Sunardi", "Dedesu"])
                == [["Dédé Sunardi", "Dedesu"]])
        #expect(EntityResolverTests.people("Tri Rismaharini hadir. Rismá berbicara.", ["Tri Rismaharini", "Rismá"])
                == [["Tri Rismaharini", "Rismá"]])
    }

    /// An entity's roles are its mentions' roles in text order, each once; a place's name is
    /// its longest mention, of two as long the one not in capitals; a person's one word named
    /// before and after the full name is that person, named in full; mentions are in text order.
    @Test func rolesInOrderAndTheFullerName() {
        let doc = TextAnalyzer().analyze("SALATIGA hadir. Budi hadir. Salatiga ramai. Budi Santoso datang. Budi pulang. Budi tidur.")
        func token(_ s: String) -> Int {
            (0..<doc.tokens.count).first { doc.text(TextRange(Int(doc.tokens.starts[$0]), Int(doc.tokens.ends[$0]))) == s }!
        }
        let salatiga = (0..<doc.tokens.count).filter {
            doc.text(TextRange(Int(doc.tokens.starts[$0]), Int(doc.tokens.ends[$0]))).lowercased() == "salatiga"
        }
        let budi = (0..<doc.tokens.count).filter { doc.text(TextRange(Int(doc.tokens.starts[$0]), Int(doc.tokens.ends[$0]))) == "Budi" }
        let mentions = [
            EntityMention(start: salatiga[0], end: salatiga[0] + 1, type: .loc),
            EntityMention(start: budi[0], end: budi[0] + 1, type: .per, role: "Ketua"),
            EntityMention(start: salatiga[1], end: salatiga[1] + 1, type: .loc),
            EntityMention(start: budi[1], end: token("Santoso") + 1, type: .per, role: "Wakil"),
            EntityMention(start: budi[2], end: budi[2] + 1, type: .per, role: "Menteri"),
            EntityMention(start: budi[3], end: budi[3] + 1, type: .per, role: "Ketua"),
        ]
        let (entities, entityOfMention) = EntityResolver().resolveIndexed(mentions, in: doc)
        #expect(entities.map(\.name) == ["Salatiga", "Budi Santoso"])
        #expect(entityOfMention == [0, 1, 0, 1, 1, 1])
        #expect(entities[1].roles == ["Ketua", "Wakil", "Menteri"])
        #expect(entities[1].mentions.map(\.start) == budi)
        #expect(entities[0].mentions.map(\.start) == [salatiga[0], salatiga[1]])
    }
}
