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

/// Gives each entity one identity in a document: mentions with the same name, partial names
/// of a person ("Tri" for "Tri Supriyanto"; an earlier "Widodo" or "Jokowi" for a "Joko
/// Widodo" named later), defined acronyms ("Disperin" for "Dinas
/// Perindustrian") and other names after `alias` or `akrab disapa` ("Zulhas" for "Zulkifli
/// Hasan") join the entity they stand for.
public struct EntityResolver: Sendable {
    /// Creates a resolver.
    public init() {}

    /// Groups `mentions` of `doc` into entities.
    public func resolve(_ mentions: [EntityMention], in doc: Document) -> [Entity] {
        resolveIndexed(mentions, in: doc).entities
    }

    /// Groups `mentions` of `doc` into entities, and gives the index of each mention's entity.
    public func resolveIndexed(_ mentions: [EntityMention], in doc: Document) -> (entities: [Entity], entityOfMention: [Int]) {
        var grouping = Grouping(mentionCount: mentions.count)
        for k in mentions.indices { grouping.add(k, of: mentions, in: doc) }
        grouping.joinShortNames(of: mentions, in: doc)
        return (grouping.entities(of: mentions, in: doc), grouping.entityOfMention)
    }
}

/// One pass of ``EntityResolver`` over a document's mentions, in text order. Mentions are read
/// by index and copied once, into their entity; an entity is a ``Group`` (its mentions as a
/// chain, its name as a token range) until ``entities(of:in:)`` makes the public ``Entity``,
/// with its mention list allocated once at its final size and its name made once. The
/// document is passed to each call, not kept (a copy of it costs a reference count a column).
struct Grouping {
    /// An entity being built.
    struct Group {
        /// Its first and last mention (``Grouping/next`` chains the others) and how many.
        var first: Int32, last: Int32, count: Int32
        /// The mention that gives its type, subtype and lexicon id: the one that opened it.
        var opening: Int32
        /// The tokens of its name and the name's length in bytes.
        var nameStart: Int32, nameEnd: Int32, nameLength: Int32
    }

    private(set) var groups: [Group] = []
    /// The entity of each mention so far.
    private(set) var entityOfMention: [Int] = []
    /// The next mention of the same entity, -1 for none.
    private var next: [Int32]
    /// Names by the hash of their type and match key (64 bits: no String per mention).
    private var byName: HashedIntMap<Int>
    /// The latest person whose name holds each word (by the word's key hash); made at the first person.
    private var personByWord: HashedIntMap<Int>?
    /// The person named with two words or more whose name holds each word, -1 for a word of two
    /// such people's names (``joinEarlierPeople(_:of:in:)``); made at the first.
    private var fullNameOwners: HashedIntMap<Int>?
    private var nicknames = Nicknames()
    /// Places by their bare name ("semarang" for Kota Semarang and Semarang), with the cue
    /// word that named them, so Kota Semarang and Kabupaten Semarang stay apart; made at the first place.
    private var placeByBareName: HashedIntMap<(entity: Int, cue: Int?)>?
    /// Organizations and places by the abbreviations of their names ("ORG" + "KPK"); made at the first.
    private var byInitials: HashedIntMap<Int>?
    /// The last mention that is not nested, and its entity.
    private var previous: (mention: Int, entity: Int)?
    /// Where match keys are written to be hashed.
    private var scratch: [UInt8] = []
    /// The match keys of a person's words, end to end, and where each ends (``Nicknames/add(_:ends:person:)``).
    private var keyBytes: [UInt8] = [], keyEnds: [Int] = []
    /// Where one word's match key is written to be measured (``keyLength(_:_:)``).
    private var wordKey: [UInt8] = []

    /// A pass over `mentionCount` mentions.
    init(mentionCount: Int) {
        entityOfMention.reserveCapacity(mentionCount)
        groups.reserveCapacity(mentionCount)
        next = [Int32](filled: -1, count: mentionCount)
        byName = HashedIntMap(capacity: mentionCount)
    }

    /// Gives mention `k` its entity: one named before, or a new one.
    mutating func add(_ k: Int, of mentions: [EntityMention], in doc: Document) {
        let start = mentions[k].start, end = mentions[k].end, type = mentions[k].type
        let matchKey = hash(start, end, doc)
        let nameKey = Grouping.mix(matchKey, type)
        let length = Int(doc.tokens.ends[end - 1] - doc.tokens.starts[start])
        var index = byName[nameKey]
        if index == nil, type == .per { index = person(start, end, matchKey, doc) }
        let bare = type == .loc ? bareName(start, end, matchKey, doc) : nil
        if index == nil, let (key, cue) = bare, let known = placeByBareName?[key],
           cue == nil || known.cue == nil || known.cue == cue {
            index = known.entity  // "Semarang" and "Kota Semarang"
        }
        if index == nil, end - start == 1, length >= 3, let e = byInitials?[Grouping.mix(doc.hash(ofToken: start), type)] {
            index = e  // an abbreviation of an organization or place named before ("KIW"), a person's initials ("AHY")
        }
        if index == nil, let (p, pi) = previous, end - start == 1, start == mentions[p].end + 1,
           start > 0, Grouping.isByte(start - 1, 0x28, doc), end < doc.tokens.count,
           Grouping.isByte(end, 0x29, doc), mentions[p].type == type {
            index = pi  // "Dinas Perindustrian (Disperin)"
        }
        if index == nil, type == .per, let (p, pi) = previous, mentions[p].type == .per, OtherNames.isOtherName(start, after: mentions[p].end, doc) {
            index = pi  // "Zulkifli Hasan alias Zulhas", "Saifullah Yusuf atau yang akrab disapa Gus Ipul"
        }
        if let (key, cue) = bare {
            let e = index ?? groups.count
            if placeByBareName == nil { placeByBareName = HashedIntMap() }
            placeByBareName![key] = (e, cue ?? placeByBareName![key]?.cue)
        }
        let e = index ?? groups.count
        entityOfMention.append(e)
        if let i = index {
            join(k, to: i, of: mentions, length: length, doc)
        } else {
            open(k, of: mentions, length: length, doc)
        }
        byName[nameKey] = e
        if !mentions[k].isNested { previous = (k, e) }
    }

    /// The person a person's mention of tokens `start..<end` names again: by one word of the
    /// name or a nickname made of it ("Risma"), or by some words of it ("Ahmad Riza" for Ahmad
    /// Riza Patria).
    private mutating func person(_ start: Int, _ end: Int, _ matchKey: Int, _ doc: Document) -> Int? {
        guard let personByWord else { return nil }
        if end - start == 1 {
            return personByWord[matchKey] ?? nicknames.person(shortenedAs: matchKey, length: keyLength(start, doc))
        }
        guard let e = personByWord[hash(start, start + 1, doc)] else { return nil }
        for t in start + 1..<end where personByWord[hash(t, t + 1, doc)] != e { return nil }
        return e
    }

    /// Adds mention `k` to entity `i`: a longer name replaces the entity's name (of two as
    /// long, one not in capitals: `Salatiga` over a dateline's `SALATIGA`), but a person keeps
    /// the name it was first given.
    private mutating func join(_ k: Int, to i: Int, of mentions: [EntityMention], length: Int, _ doc: Document) {
        groups[i].count += 1
        next[Int(groups[i].last)] = Int32(k)
        groups[i].last = Int32(k)
        let named = Int(groups[i].nameLength)
        guard mentions[k].type != .per, length > named
                || length == named && Grouping.isShouted(Int(groups[i].nameStart), Int(groups[i].nameEnd), doc) else { return }
        groups[i].nameStart = Int32(mentions[k].start)
        groups[i].nameEnd = Int32(mentions[k].end)
        groups[i].nameLength = Int32(length)
    }

    /// Makes mention `k` a new entity, and notes the words of a person's name and the
    /// abbreviations of an organization's or a place's.
    private mutating func open(_ k: Int, of mentions: [EntityMention], length: Int, _ doc: Document) {
        let e = groups.count
        let start = mentions[k].start, end = mentions[k].end, type = mentions[k].type
        groups.append(Group(first: Int32(k), last: Int32(k), count: 1, opening: Int32(k), nameStart: Int32(start), nameEnd: Int32(end),
                            nameLength: Int32(length)))
        // Two people joined by a hyphen (`Prabowo-Gibran`, a ticket) are no one person that
        // a later `Prabowo` stands for.
        if type == .per, !(start + 1..<end).contains(where: { Grouping.isByte($0, 0x2D, doc) }) {
            notePersonWords(start, end, e, doc)
            if end - start == 3 { noteInitials(start, end, type, e, doc) }
        } else if type == .org || type == .loc, end - start >= 2 {
            noteInitials(start, end, type, e, doc)
        }
    }

    /// Notes the words of person `e`'s name `start..<end` for later partial names and nicknames.
    private mutating func notePersonWords(_ start: Int, _ end: Int, _ e: Int, _ doc: Document) {
        if personByWord == nil { personByWord = HashedIntMap(capacity: 16) }
        let fullName = end - start >= 2
        if fullName, fullNameOwners == nil { fullNameOwners = HashedIntMap(capacity: 16) }
        for t in start..<end where doc.tokens.kinds[t] == .word || doc.tokens.kinds[t] == .abbreviation {
            let key = hash(t, t + 1, doc)
            personByWord![key] = e
            // Words only: an abbreviation (`No.`, `Dr.`) alone names no one.
            if fullName, doc.tokens.kinds[t] == .word { fullNameOwners![key] = fullNameOwners![key].map { $0 == e ? e : -1 } ?? e }
        }
        guard fullName else { return }
        keyBytes.removeAll(keepingCapacity: true)
        keyEnds.removeAll(keepingCapacity: true)
        for t in start..<end {
            doc.appendMatchKey(ofToken: t, to: &keyBytes)
            keyEnds.append(keyBytes.count)
        }
        nicknames.add(keyBytes, ends: keyEnds, person: e)
    }

    /// Notes the abbreviations (``Initials/forms(_:)``) of the name `start..<end` of
    /// organization or place `e`, or the initials of person `e`, hashed as their letters are read.
    private mutating func noteInitials(_ start: Int, _ end: Int, _ type: EntityType, _ e: Int, _ doc: Document) {
        // The hash states after all the capitals and after all but the last.
        var h = ByteStringTable.hashStart, beforeLast = h
        var letters = 0
        for t in start..<end {
            let c = doc.bytes[Int(doc.tokens.starts[t])]
            // A person's initials are the first letters of all the name's words (`AHY`).
            guard c &- 0x41 < 26 else { if type == .per { return } else { continue } }
            beforeLast = h
            h = ByteStringTable.hashStep(h, c)
            letters += 1
        }
        guard letters >= 2 else { return }
        if byInitials == nil { byInitials = HashedIntMap() }
        byInitials![Grouping.mix(ByteStringTable.hashEnd(h), type)] = e
        if letters >= 4, type != .per { byInitials![Grouping.mix(ByteStringTable.hashEnd(beforeLast), type)] = e }
    }

    /// Joins the entities named by part of a name given in full elsewhere in the document:
    /// people named first by one word (``joinEarlierPeople(_:of:in:)``) and organizations named
    /// by the words their full name starts with (``joinShortOrganizations(_:of:in:)``).
    /// Entities are then numbered again by first mention.
    mutating func joinShortNames(of mentions: [EntityMention], in doc: Document) {
        var into = Array(groups.indices)
        let people = joinEarlierPeople(&into, of: mentions, in: doc)
        let organizations = joinShortOrganizations(&into, of: mentions, in: doc)
        if people || organizations { renumber(joining: into) }
    }

    /// Joins a person named first by one word (`Widodo`, or a nickname made of two, `Jokowi`) to the person
    /// a later mention names in full (`Joko Widodo`), when the word belongs to one such person
    /// only: mentions are grouped in text order, so the one word had opened an entity of its own
    /// before the full name was known. Returns whether it joined any.
    private mutating func joinEarlierPeople(_ into: inout [Int], of mentions: [EntityMention], in doc: Document) -> Bool {
        guard let owners = fullNameOwners else { return false }
        var joined = false
        for e in groups.indices where mentions[Int(groups[e].opening)].type == .per
            && groups[e].nameEnd - groups[e].nameStart == 1 {
            let t = Int(groups[e].nameStart)
            let key = hash(t, t + 1, doc)
            guard let owner = owners[key] ?? nicknames.person(compoundedAs: key, length: keyLength(t, doc)),
                  owner > e else { continue }
            into[e] = owner
            joined = true
        }
        return joined
    }

    /// Words after an organization's name that name the same organization: the state (`DPR
    /// RI`, `Kejaksaan Agung Republik Indonesia`), the country of its branch (`Shopee
    /// Indonesia`), its legal form (`PT Antam Tbk.`, `(Persero)`) or its group (`Astra Group`).
    /// The legal forms are the tagger's (``EntityTagger/legalForms``).
    static let sameOrganizationWords = ByteStringTable(
        keys: ["ri", "republik", "indonesia", "group"] + EntityTagger.legalForms.map { String(decoding: $0, as: UTF8.self) })

    /// Joins an organization named by the first words of a longer organization's name in the
    /// document (before or after it) to that one, when the words after them name the same
    /// organization (``sameOrganizationWords``: `DPR` and `DPR RI`), or when one of the two is a
    /// club and one capitalised word follows a one-word name (`Persib` and `Persib Bandung`,
    /// `Tottenham` and `Tottenham Hotspur`). A name that starts two such longer names joins
    /// neither, nor do two names the lexicon gives different entries (`BPJS`, `BPJS Kesehatan`).
    /// The entity keeps the longer name, and the lexicon entry of either. Returns whether it joined any.
    private mutating func joinShortOrganizations(_ into: inout [Int], of mentions: [EntityMention], in doc: Document) -> Bool {
        var longer = HashedIntMap<Int>(capacity: 16)
        var any = false
        for e in groups.indices where isOrganization(e, mentions) && groups[e].nameEnd - groups[e].nameStart >= 2 {
            let a = Int(groups[e].nameStart), b = Int(groups[e].nameEnd)
            for p in shortNameEnds(a, b, doc) {
                let key = hash(a, p, doc)
                longer[key] = longer[key].map { $0 == e ? e : -1 } ?? e
                any = true
            }
        }
        guard any else { return false }
        var joined = false
        for e in groups.indices where isOrganization(e, mentions) {
            let a = Int(groups[e].nameStart), b = Int(groups[e].nameEnd)
            guard let l = longer[hash(a, b, doc)], l >= 0, l != e, into[l] == l, into[e] == e,
                  isSameOrganization(e, l, mentions, doc) else { continue }
            into[e] = l
            if mentions[Int(groups[l].opening)].lexiconID == nil { groups[l].opening = groups[e].opening }
            joined = true
        }
        return joined
    }

    /// Whether entity `e` is an organization.
    private func isOrganization(_ e: Int, _ mentions: [EntityMention]) -> Bool { mentions[Int(groups[e].opening)].type == .org }

    /// Where a shorter name of the same organization can end inside the name `a..<b`: before
    /// words that name the same organization (``sameOrganizationWords``, with brackets and
    /// dots; at least one word after), or after the first word of a name of two (a club's
    /// town or second name: ``isSameOrganization(_:_:_:_:)`` asks for a club). One walk back
    /// from the end.
    private func shortNameEnds(_ a: Int, _ b: Int, _ doc: Document) -> [Int] {
        var ends: [Int] = []
        var p = b, words = 0
        while p > a + 1, let word = sameOrganizationToken(p - 1, doc) {
            p -= 1
            if word { words += 1 }
            if words > 0 { ends.append(p) }
        }
        if b - a == 2, ends.isEmpty, isCapitalizedWord(a + 1, doc) { ends.append(a + 1) }
        return ends
    }

    /// Whether token `t` is a word of ``sameOrganizationWords`` (true), a bracket or a dot
    /// (false), or neither (nil).
    private func sameOrganizationToken(_ t: Int, _ doc: Document) -> Bool? {
        if doc.tokens.kinds[t] == .punctuation, doc.tokens.count(t) == 1,
           [0x28, 0x29, 0x2E].contains(doc.bytes[Int(doc.tokens.starts[t])]) { return false }
        let r = Int(doc.tokens.starts[t])..<Int(doc.tokens.ends[t])
        var word = r
        if doc.bytes[r.upperBound - 1] == 0x2E { word = r.lowerBound..<r.upperBound - 1 }  // `Tbk.`
        return Grouping.sameOrganizationWords.contains(doc.bytes, word, lowercase: true) ? true : nil
    }

    /// Whether token `t` is a word that starts with a capital.
    private func isCapitalizedWord(_ t: Int, _ doc: Document) -> Bool {
        doc.tokens.kinds[t] == .word && doc.tokens.flags[t].contains(.capitalized)
    }

    /// Whether short organization `e` and organization `l`, whose name starts with `e`'s,
    /// name one: no two lexicon entries, and a club's town or second name only after a club.
    private func isSameOrganization(_ e: Int, _ l: Int, _ mentions: [EntityMention], _ doc: Document) -> Bool {
        let short = mentions[Int(groups[e].opening)], long = mentions[Int(groups[l].opening)]
        if let i = short.lexiconID, let j = long.lexiconID, i != j { return false }
        let shortWords = groups[e].nameEnd - groups[e].nameStart, longWords = groups[l].nameEnd - groups[l].nameStart
        if shortWords == 1, longWords == 2, sameOrganizationToken(Int(groups[l].nameEnd) - 1, doc) != true {
            return short.subtype == "sport" || long.subtype == "sport"
        }
        return true
    }

    /// Moves the mentions of each entity `e` with `into[e] != e` to entity `into[e]` (one that
    /// is not moved itself), keeping each chain in text order, and numbers the entities left by
    /// their first mention.
    private mutating func renumber(joining into: [Int]) {
        for e in groups.indices where into[e] != e {
            var chain: [Int32] = []
            for g in [e, into[e]] {
                var k = groups[g].first
                while k >= 0 { chain.append(k); k = next[Int(k)] }
            }
            chain.sort()
            for (a, b) in zip(chain, chain.dropFirst()) { next[Int(a)] = b }
            next[Int(chain[chain.count - 1])] = -1
            let t = into[e]
            groups[t].first = chain[0]
            groups[t].last = chain[chain.count - 1]
            groups[t].count = Int32(chain.count)
        }
        let kept = groups.indices.filter { into[$0] == $0 }.sorted { groups[$0].first < groups[$1].first }
        var number = [Int](repeating: -1, count: groups.count)
        for (n, e) in kept.enumerated() { number[e] = n }
        for k in entityOfMention.indices { entityOfMention[k] = number[into[entityOfMention[k]]] }
        groups = kept.map { groups[$0] }
    }

    /// The entities, in order of first mention, each with its mentions in text order.
    func entities(of mentions: [EntityMention], in doc: Document) -> [Entity] {
        var entities: [Entity] = []
        entities.reserveCapacity(groups.count)
        for e in groups.indices {
            let g = groups[e]
            var list: [EntityMention] = []
            list.reserveCapacity(Int(g.count))
            var roles: [String] = []
            var k = Int(g.first)
            while k >= 0 {
                list.append(mentions[k])
                if let r = mentions[k].role, !roles.contains(r) { roles.append(r) }
                k = Int(next[k])
            }
            let f = Int(g.opening)
            let name = doc.text(TextRange(Int(doc.tokens.starts[Int(g.nameStart)]), Int(doc.tokens.ends[Int(g.nameEnd) - 1])))
            entities.append(Entity(id: Grouping.id(e), type: mentions[f].type, subtype: mentions[f].subtype, name: name,
                                   lexiconID: mentions[f].lexiconID, roles: roles, mentions: list))
        }
        return entities
    }

    // MARK: Keys

    /// The hash of the match key of tokens `a..<b` (token keys joined by single spaces).
    private mutating func hash(_ a: Int, _ b: Int, _ doc: Document) -> Int {
        doc.matchKeyHash(ofTokens: a, b, scratch: &scratch)
    }

    /// The length of token `t`'s match key.
    private mutating func keyLength(_ t: Int, _ doc: Document) -> Int {
        wordKey.removeAll(keepingCapacity: true)
        doc.appendMatchKey(ofToken: t, to: &wordKey)
        return wordKey.count
    }

    /// A key hash combined with an entity type.
    static func mix(_ h: Int, _ type: EntityType) -> Int {
        var x = UInt64(UInt(bitPattern: h)) ^ salt(type)
        x = (x ^ (x >> 33)) &* 0xff51_afd7_ed55_8ccd
        return Int(truncatingIfNeeded: x ^ (x >> 33))
    }

    /// The bytes of `type`'s name folded by 31 (`PER`: 79101), written out: folding the name
    /// on every call cost more than the rest of ``mix(_:_:)``.
    static func salt(_ type: EntityType) -> UInt64 {
        switch type {
        case .per: 79101
        case .org: 78532
        case .loc: 75552
        case .fac: 69352
        case .event: 66_353_786
        case .date: 2_090_926
        case .time: 2_575_053
        case .money: 73_541_792
        case .percent: 73_053_499_429
        case .quantity: 2_305_895_060_619
        case .role: 2_521_206
        }
    }

    /// Whether token `t` is the single byte `b`.
    static func isByte(_ t: Int, _ b: UInt8, _ doc: Document) -> Bool {
        doc.tokens.count(t) == 1 && doc.bytes[Int(doc.tokens.starts[t])] == b
    }

    /// The key hashes of the cue words of places (`kota`, `kabupaten`, …): five, compared in turn.
    static let placeCues: [Int] = ["kota", "kabupaten", "kab.", "provinsi", "prov."].map { w in
        ByteStringTable.hash(of: Array(w.utf8))
    }

    /// A place mention's bare name without its cue word, and the cue, as key hashes (`semarang`,
    /// `kota` for "Kota Semarang"; `semarang`, nil for "Semarang").
    private mutating func bareName(_ start: Int, _ end: Int, _ matchKey: Int, _ doc: Document) -> (Int, Int?)? {
        if end - start >= 2, doc.tokens.count(start) <= 9 {
            let first = hash(start, start + 1, doc)
            if Grouping.placeCues.contains(first) { return (hash(start + 1, end, doc), first) }
        }
        return end - start <= 2 ? (matchKey, nil) : nil
    }

    /// Whether the text of tokens `a..<b` is written in capitals only (a dateline's `SALATIGA`).
    static func isShouted(_ a: Int, _ b: Int, _ doc: Document) -> Bool {
        var letters = 0
        for i in Int(doc.tokens.starts[a])..<Int(doc.tokens.ends[b - 1]) {
            let c = doc.bytes[i]
            if c &- 0x61 < 26 { return false }
            if c &- 0x41 < 26 { letters += 1 }
        }
        return letters > 1
    }

    /// `e1`, `e2`, … for the first entities of a document, made once: an interpolated id
    /// costs about 400 instructions, and most documents have a few dozen entities.
    static let ids: [String] = (1...512).map { "e\($0)" }

    /// The id of entity `e` (`e1` for the first).
    static func id(_ e: Int) -> String { e < ids.count ? ids[e] : "e\(e + 1)" }
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
    /// the form's bytes, computed a byte at a time as the name's words are walked. Made at
    /// the first person of two words or more.
    private var forms: HashedIntMap<Int>?
    /// The forms of ``forms`` made of a word and the start of the next (`Jokowi`), alone.
    private var compounds: HashedIntMap<Int>?

    /// Notes the words of `person`'s name: their match keys end to end in `keys`, each ending
    /// where `ends` says.
    mutating func add(_ keys: [UInt8], ends: [Int], person: Int) {
        if forms == nil { forms = HashedIntMap(capacity: 64) }
        var start = 0
        for (k, end) in ends.enumerated() {
            let count = end - start
            var h = ByteStringTable.hashStart
            for j in 0..<count {
                if j >= 5 { note(h, person) }  // the first j bytes, a strict start of the word
                h = ByteStringTable.hashStep(h, keys[start + j])
            }
            start = end
            guard k + 1 < ends.count else { continue }
            let nextCount = ends[k + 1] - end
            for j in 0..<max(0, nextCount - 1) {
                h = ByteStringTable.hashStep(h, keys[end + j])
                if j >= 1, count + j + 1 >= 5 {  // the word and next's first j + 1 bytes
                    note(h, person)
                    Nicknames.note(h, person, in: &compounds)
                }
            }
        }
    }

    private mutating func note(_ h: UInt64, _ person: Int) { Nicknames.note(h, person, in: &forms) }

    private static func note(_ h: UInt64, _ person: Int, in map: inout HashedIntMap<Int>?) {
        let key = ByteStringTable.hashEnd(h)
        if map == nil { map = HashedIntMap(capacity: 64) }
        if let known = map![key] {
            if known != person { map![key] = -1 }
        } else {
            map![key] = person
        }
    }

    /// The person whose name a word joins from one word and the start of the next (`Jokowi`),
    /// when only one person's does. Unlike the start of one word (`Abdul` of Abdullah), such a
    /// form is no name of its own, so it can stand for a person named in full only later.
    func person(compoundedAs key: Int, length: Int) -> Int? {
        guard length >= 5, let found = compounds?[key] else { return nil }
        return found == -1 ? nil : found
    }

    /// The person whose name a word shortens, when only one person's does: the word's match
    /// key has `length` bytes (five or more) and the hash `key`
    /// (``ByteStringTable/hash(of:lowercase:)``).
    func person(shortenedAs key: Int, length: Int) -> Int? {
        guard length >= 5, let found = forms?[key] else { return nil }
        return found == -1 ? nil : found
    }
}
