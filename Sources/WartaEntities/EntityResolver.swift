import WartaText

/// One entity of a document with all its mentions.
public struct Entity: Sendable {
    /// `e1`, `e2`, … in order of first mention.
    public var id: String
    /// Type.
    public var type: EntityType
    /// Subtype when known.
    public var subtype: String?
    /// The fullest name among its mentions.
    public var name: String
    /// The lexicon identifier when a mention came from a lexicon.
    public var lexiconID: String?
    /// Roles stated for a person.
    public var roles: [String]
    /// Indices into the mention list, in text order.
    public var mentions: [EntityMention]
}

/// Gives each entity one identity in a document: mentions with the same name, later partial
/// names of a person ("Tri" for "Tri Supriyanto") and defined acronyms ("Disperin" for
/// "Dinas Perindustrian") join the entity they stand for.
public struct EntityResolver: Sendable {
    /// Creates a resolver.
    public init() {}

    /// Groups `mentions` of `doc` into entities.
    public func resolve(_ mentions: [EntityMention], in doc: Document) -> [Entity] {
        var entities: [Entity] = []
        var byName: [String: Int] = [:]
        func text(_ m: EntityMention) -> String {
            doc.text(TextRange(Int(doc.tokens.starts[m.start]), Int(doc.tokens.ends[m.end - 1])))
        }
        func key(_ s: String, _ t: EntityType) -> String { t.rawValue + ":" + MatchKey.make(s) }
        var previous: (EntityMention, Int)?
        // The latest person whose name holds each word (match keys).
        var personByWord: [String: Int] = [:]
        for m in mentions {
            let name = text(m)
            var index = byName[key(name, m.type)]
            if index == nil, m.type == .per, m.end - m.start == 1 {
                // A single word of a person named before.
                index = personByWord[MatchKey.make(name)]
            }
            if index == nil, let (p, pi) = previous, m.end - m.start == 1, m.start == p.end + 1,
               m.start > 0, doc.token(m.start - 1).text == "(", m.end < doc.tokens.count,
               doc.token(m.end).text == ")", p.type == m.type {
                index = pi  // "Dinas Perindustrian (Disperin)"
            }
            if let i = index {
                entities[i].mentions.append(m)
                if let r = m.role, !entities[i].roles.contains(r) { entities[i].roles.append(r) }
                if name.count > entities[i].name.count && m.type != .per { entities[i].name = name }
                byName[key(name, m.type)] = i
                if !m.isNested { previous = (m, i) }
                continue
            }
            entities.append(Entity(id: "e\(entities.count + 1)", type: m.type, subtype: m.subtype, name: name,
                                   lexiconID: m.lexiconID, roles: m.role.map { [$0] } ?? [], mentions: [m]))
            if m.type == .per {
                for word in name.split(separator: " ") { personByWord[MatchKey.make(String(word))] = entities.count - 1 }
            }
            byName[key(name, m.type)] = entities.count - 1
            if !m.isNested { previous = (m, entities.count - 1) }
        }
        return entities
    }
}
