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
        resolveIndexed(mentions, in: doc).entities
    }

    /// Groups `mentions` of `doc` into entities, and gives the index of each mention's entity.
    public func resolveIndexed(_ mentions: [EntityMention], in doc: Document) -> (entities: [Entity], entityOfMention: [Int]) {
        var entities: [Entity] = []
        var entityOfMention: [Int] = []
        entityOfMention.reserveCapacity(mentions.count)
        var byName: [String: Int] = [:]
        func text(_ m: EntityMention) -> String {
            doc.text(TextRange(Int(doc.tokens.starts[m.start]), Int(doc.tokens.ends[m.end - 1])))
        }
        func key(_ matchKey: String, _ t: EntityType) -> String { t.rawValue + ":" + matchKey }
        var previous: (EntityMention, Int)?
        // The latest person whose name holds each word (match keys).
        var personByWord: [String: Int] = [:]
        // Places by their bare name ("semarang" for Kota Semarang and Semarang), with the cue
        // word that named them, so Kota Semarang and Kabupaten Semarang stay apart.
        var placeByBareName: [String: (entity: Int, cue: String?)] = [:]
        // Organizations and places by the abbreviations of their names ("ORG:KPK").
        var byInitials: [String: Int] = [:]
        for m in mentions {
            let name = text(m)
            let matchKey = MatchKey.make(name)
            let nameKey = key(matchKey, m.type)
            var index = byName[nameKey]
            if index == nil, m.type == .per, m.end - m.start == 1 {
                // A single word of a person named before.
                index = personByWord[matchKey]
            }
            let bare = m.type == .loc ? EntityResolver.bareName(m, matchKey, doc) : nil
            if index == nil, let (key, cue) = bare, let known = placeByBareName[key],
               cue == nil || known.cue == nil || known.cue == cue {
                index = known.entity  // "Semarang" and "Kota Semarang"
            }
            if index == nil, m.end - m.start == 1, m.type == .org || m.type == .loc, name.utf8.count >= 3,
               let e = byInitials[m.type.rawValue + ":" + name] {
                index = e  // an abbreviation of an organization or place named before ("KIW")
            }
            if index == nil, let (p, pi) = previous, m.end - m.start == 1, m.start == p.end + 1,
               m.start > 0, doc.token(m.start - 1).text == "(", m.end < doc.tokens.count,
               doc.token(m.end).text == ")", p.type == m.type {
                index = pi  // "Dinas Perindustrian (Disperin)"
            }
            if let (key, cue) = bare {
                let e = index ?? entities.count
                placeByBareName[key] = (e, cue ?? placeByBareName[key]?.cue)
            }
            entityOfMention.append(index ?? entities.count)
            if let i = index {
                entities[i].mentions.append(m)
                if let r = m.role, !entities[i].roles.contains(r) { entities[i].roles.append(r) }
                if name.utf8.count > entities[i].name.utf8.count && m.type != .per { entities[i].name = name }
                byName[nameKey] = i
                if !m.isNested { previous = (m, i) }
                continue
            }
            entities.append(Entity(id: "e\(entities.count + 1)", type: m.type, subtype: m.subtype, name: name,
                                   lexiconID: m.lexiconID, roles: m.role.map { [$0] } ?? [], mentions: [m]))
            if m.type == .per {
                for word in name.split(separator: " ") { personByWord[MatchKey.make(String(word))] = entities.count - 1 }
            } else if m.type == .org || m.type == .loc, m.end - m.start >= 2 {
                for form in Initials.forms(of: name) {
                    byInitials[m.type.rawValue + ":" + String(decoding: form, as: UTF8.self)] = entities.count - 1
                }
            }
            byName[nameKey] = entities.count - 1
            if !m.isNested { previous = (m, entities.count - 1) }
        }
        return (entities, entityOfMention)
    }

    static let placeCues: Set<String> = ["kota", "kabupaten", "kab.", "provinsi", "prov."]

    /// A place mention's name without its cue word, and the cue (`semarang`, `kota` for
    /// "Kota Semarang"; `semarang`, nil for "Semarang").
    static func bareName(_ m: EntityMention, _ matchKey: String, _ doc: Document) -> (String, String?)? {
        if m.end - m.start >= 2, doc.tokens.count(m.start) <= 9 {
            let first = MatchKey.make(doc.text(TextRange(Int(doc.tokens.starts[m.start]), Int(doc.tokens.ends[m.start]))))
            if placeCues.contains(first) {
                let rest = doc.text(TextRange(Int(doc.tokens.starts[m.start + 1]), Int(doc.tokens.ends[m.end - 1])))
                return (MatchKey.make(rest), first)
            }
        }
        return m.end - m.start <= 2 ? (matchKey, nil) : nil
    }
}
