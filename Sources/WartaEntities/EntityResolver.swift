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
        var keys = MentionKeys(doc: doc)
        var entities: [Entity] = []
        var entityOfMention: [Int] = []
        entityOfMention.reserveCapacity(mentions.count)
        // Names by the hash of their type and match key (64 bits: no String per mention).
        var byName = HashedIntMap<Int>(capacity: mentions.count)
        var previous: (EntityMention, Int)?
        // The latest person whose name holds each word (by the word's key hash).
        var personByWord = HashedIntMap<Int>()
        var nicknames = Nicknames()
        // Places by their bare name ("semarang" for Kota Semarang and Semarang), with the cue
        // word that named them, so Kota Semarang and Kabupaten Semarang stay apart.
        var placeByBareName = HashedIntMap<(entity: Int, cue: Int?)>()
        // Organizations and places by the abbreviations of their names ("ORG" + "KPK").
        var byInitials = HashedIntMap<Int>()
        for m in mentions {
            let matchKey = keys.hash(m.start, m.end)
            let nameKey = MentionKeys.mix(matchKey, m.type)
            let length = Int(doc.tokens.ends[m.end - 1] - doc.tokens.starts[m.start])
            var index = byName[nameKey]
            if index == nil, m.type == .per, m.end - m.start == 1 {
                // A single word of a person named before, or a nickname made of it ("Risma").
                index = personByWord[matchKey] ?? nicknames.person(shortenedAs: keys.key(m.start))
            } else if index == nil, m.type == .per, let e = personByWord[keys.hash(m.start, m.start + 1)],
                      (m.start + 1..<m.end).allSatisfy({ personByWord[keys.hash($0, $0 + 1)] == e }) {
                index = e  // some words of a person named before ("Ahmad Riza" for Ahmad Riza Patria)
            }
            let bare = m.type == .loc ? keys.bareName(m, matchKey) : nil
            if index == nil, let (key, cue) = bare, let known = placeByBareName[key],
               cue == nil || known.cue == nil || known.cue == cue {
                index = known.entity  // "Semarang" and "Kota Semarang"
            }
            if index == nil, m.end - m.start == 1, m.type == .org || m.type == .loc, length >= 3,
               let e = byInitials[MentionKeys.mix(keys.rawHash(m.start), m.type)] {
                index = e  // an abbreviation of an organization or place named before ("KIW")
            }
            if index == nil, let (p, pi) = previous, m.end - m.start == 1, m.start == p.end + 1,
               m.start > 0, keys.isByte(m.start - 1, 0x28), m.end < doc.tokens.count,
               keys.isByte(m.end, 0x29), p.type == m.type {
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
                if m.type != .per,
                   length > entities[i].name.utf8.count || length == entities[i].name.utf8.count && EntityResolver.isShouted(entities[i].name) {
                    // The longer name; of two as long, one not in capitals (`Salatiga` over a dateline's `SALATIGA`).
                    entities[i].name = keys.text(m.start, m.end)
                }
                byName[nameKey] = i
                if !m.isNested { previous = (m, i) }
                continue
            }
            let name = keys.text(m.start, m.end)
            entities.append(Entity(id: "e\(entities.count + 1)", type: m.type, subtype: m.subtype, name: name,
                                   lexiconID: m.lexiconID, roles: m.role.map { [$0] } ?? [], mentions: [m]))
            // Two people joined by a hyphen (`Prabowo-Gibran`, a ticket) are no one person that
            // a later `Prabowo` stands for.
            if m.type == .per, !(m.start + 1..<m.end).contains(where: { keys.isByte($0, 0x2D) }) {
                for t in m.start..<m.end where doc.tokens.kinds[t] == .word || doc.tokens.kinds[t] == .abbreviation {
                    personByWord[keys.hash(t, t + 1)] = entities.count - 1
                }
                if m.end - m.start >= 2 { nicknames.add((m.start..<m.end).map { keys.key($0) }, person: entities.count - 1) }
            } else if m.type == .org || m.type == .loc, m.end - m.start >= 2 {
                for form in Initials.forms(keys.initials(m.start, m.end)) {
                    byInitials[MentionKeys.mix(ByteStringTable.hash(of: form), m.type)] = entities.count - 1
                }
            }
            byName[nameKey] = entities.count - 1
            if !m.isNested { previous = (m, entities.count - 1) }
        }
        return (entities, entityOfMention)
    }
}

/// Match keys of token runs for the resolver, hashed from one scratch buffer: no String per
/// mention.
struct MentionKeys {
    let doc: Document
    var scratch: [UInt8] = []

    init(doc: Document) { self.doc = doc }

    /// The hash of the match key of tokens `a..<b` (token keys joined by single spaces).
    mutating func hash(_ a: Int, _ b: Int) -> Int { doc.matchKeyHash(ofTokens: a, b, scratch: &scratch) }

    /// The match key of token `t`.
    func key(_ t: Int) -> [UInt8] { doc.matchKey(ofToken: t) }

    /// The hash of token `t`'s bytes as written.
    func rawHash(_ t: Int) -> Int {
        doc.hash(ofToken: t)
    }

    /// A key hash combined with an entity type.
    static func mix(_ h: Int, _ type: EntityType) -> Int {
        var x = UInt64(UInt(bitPattern: h)) ^ UInt64(type.rawValue.utf8.reduce(0) { $0 &* 31 &+ Int($1) })
        x = (x ^ (x >> 33)) &* 0xff51_afd7_ed55_8ccd
        return Int(truncatingIfNeeded: x ^ (x >> 33))
    }

    /// Whether token `t` is the single byte `b`.
    func isByte(_ t: Int, _ b: UInt8) -> Bool {
        doc.tokens.count(t) == 1 && doc.bytes[Int(doc.tokens.starts[t])] == b
    }

    /// The text from token `a` to token `b - 1`.
    func text(_ a: Int, _ b: Int) -> String {
        doc.text(TextRange(Int(doc.tokens.starts[a]), Int(doc.tokens.ends[b - 1])))
    }

    /// The first letters of the tokens `a..<b` that start with a capital A–Z.
    func initials(_ a: Int, _ b: Int) -> [UInt8] {
        (a..<b).compactMap { t in
            let c = doc.bytes[Int(doc.tokens.starts[t])]
            return (0x41...0x5A).contains(c) ? c : nil
        }
    }

    static let placeCues: Set<Int> = Set(["kota", "kabupaten", "kab.", "provinsi", "prov."].map { w in
        ByteStringTable.hash(of: Array(w.utf8))
    })

    /// A place mention's bare name without its cue word, and the cue, as key hashes (`semarang`,
    /// `kota` for "Kota Semarang"; `semarang`, nil for "Semarang").
    mutating func bareName(_ m: EntityMention, _ matchKey: Int) -> (Int, Int?)? {
        if m.end - m.start >= 2, doc.tokens.count(m.start) <= 9 {
            let first = hash(m.start, m.start + 1)
            if MentionKeys.placeCues.contains(first) { return (hash(m.start + 1, m.end), first) }
        }
        return m.end - m.start <= 2 ? (matchKey, nil) : nil
    }
}

extension EntityResolver {
    /// Whether `name` is written in capitals only (a dateline's `SALATIGA`).
    static func isShouted(_ name: String) -> Bool {
        var letters = 0
        for b in name.utf8 {
            if b &- 0x61 < 26 { return false }
            if b &- 0x41 < 26 { letters += 1 }
        }
        return letters > 1
    }
}

/// People named with two words or more, by their words' match keys, for the nicknames news
/// makes of a name: the first letters of one of its words (`Risma` for Tri Rismaharini), or a
/// first name with the start of the next (`Jokowi` for Joko Widodo).
struct Nicknames {
    /// The person each short form stands for, by the hash of its bytes: a start (five letters
    /// or more) of a word of the person's name, or a word of the name and the start (two
    /// letters or more) of the next; -1 when it shortens two people's names. Looked up once
    /// per one-word name instead of by a search through every person (quadratic in a
    /// document of thousands of people). Keyed by ``ByteStringTable/hash(of:lowercase:)`` of
    /// the form's bytes, computed a byte at a time as the name's words are walked.
    private var forms = HashedIntMap<Int>(capacity: 64)

    /// Notes the words of `person`'s name.
    mutating func add(_ words: [[UInt8]], person: Int) {
        for (k, word) in words.enumerated() {
            var h = ByteStringTable.hashStart
            for (j, byte) in word.enumerated() {
                if j >= 5 { note(h, person) }  // the first j bytes, a strict start of the word
                h = ByteStringTable.hashStep(h, byte)
            }
            guard k + 1 < words.count else { continue }
            let next = words[k + 1]
            for (j, byte) in next.enumerated() where j < next.count - 1 {
                h = ByteStringTable.hashStep(h, byte)
                if j >= 1, word.count + j + 1 >= 5 { note(h, person) }  // the word and next's first j + 1 bytes
            }
        }
    }

    private mutating func note(_ h: UInt64, _ person: Int) {
        let key = ByteStringTable.hashEnd(h)
        if let known = forms[key] {
            if known != person { forms[key] = -1 }
        } else {
            forms[key] = person
        }
    }

    /// The person whose name `word` (a match key of five letters or more) shortens, when only
    /// one person's does.
    func person(shortenedAs word: [UInt8]) -> Int? {
        guard word.count >= 5 else { return nil }
        let found = forms[ByteStringTable.hash(of: word)]
        return found == -1 ? nil : found
    }
}
