import WartaText

/// Entity types.
public enum EntityType: String, Sendable, CaseIterable {
    /// A person.
    case per = "PER"
    /// An organization.
    case org = "ORG"
    /// A place.
    case loc = "LOC"
    /// A facility (a building, a road, a market).
    case fac = "FAC"
    /// An event.
    case event = "EVENT"
    /// A date.
    case date = "DATE"
    /// A time of day.
    case time = "TIME"
    /// An amount of money.
    case money = "MONEY"
    /// A percentage.
    case percent = "PERCENT"
    /// A counted quantity.
    case quantity = "QUANTITY"
    /// A role or honorific (a cue, not an entity of its own).
    case role = "ROLE"
}

/// How an occurrence must be written to match a lexicon entry.
public enum CasePolicy: UInt8, Sendable {
    /// Any case.
    case any
    /// Every word starts with a capital (`Kota Semarang`, `Tugu`).
    case capitalized
    /// Every word in capitals (acronyms: `DPRD`, `KPK`).
    case upper
    /// Capitalised, and right after a place word (`Desa`, `Kelurahan`, `di`, `ke`, `daerah`):
    /// names as ambiguous as villages' (`Sidomulyo` is 98 villages, `Tugu` a word).
    case cued
    /// The first word starts with a capital, the others may not (`Juru bicara`, `Kuasa
    /// hukum`): titles of several words as news copy writes them before a name.
    case sentence

    /// The policy a lexicon file's `case` column names (empty means `capitalized`), or nil.
    public init?<S: StringProtocol>(field: S) {
        switch field {
        case "", "capitalized": self = .capitalized
        case "upper": self = .upper
        case "any": self = .any
        case "cued": self = .cued
        case "sentence": self = .sentence
        default: return nil
        }
    }
}

/// One lexicon entry: its type, case policy and length, and a view of the lexicon's columns
/// from which its name, subtype and id are read when asked (a lexicon of 250,000 names loads
/// without building a `String` for each).
public struct LexiconEntry: Sendable {
    /// Entity type.
    public let type: EntityType
    /// How a match must be written.
    public let casePolicy: CasePolicy
    /// Number of tokens in the name.
    public let tokenCount: Int
    /// The entry's position in ``EntityLexicon/entries``.
    let index: Int32
    /// Whether the name is listed with several ids (see ``EntityLexicon/candidateIDs(of:)``).
    let isAmbiguous: Bool
    private let columns: EntityLexicon.Columns

    init(_ columns: EntityLexicon.Columns, _ index: Int) {
        self.columns = columns
        self.index = Int32(index)
        type = EntityLexicon.Columns.types[Int(columns.types[index])]
        casePolicy = CasePolicy(rawValue: columns.policies[index]) ?? .capitalized
        tokenCount = Int(columns.tokenCounts[index])
        isAmbiguous = columns.ambiguous[index] != 0
    }

    /// The name as listed.
    public var name: String { columns.string(2 * Int(index)) }
    /// Subtype (`city`, `ministry`, `role`, …), or empty.
    public var subtype: String { columns.subtypes[Int(columns.subtypeIndexes[Int(index)])] }
    /// The source's identifier (Kemendagri code, ticker, acronym), or empty (also when the
    /// name is listed with several, as most village names are).
    public var id: String { isAmbiguous ? "" : columns.string(2 * Int(index) + 1) }
}

/// A filter on a key's first two bytes and its length (4 KiB): "no" is certain, so a token
/// whose shape no key has skips hashing and probing a table.
struct KeyShapeFilter: Sendable {
    private var bits = [UInt32](repeating: 0, count: 1024)

    /// A filter over every key of `table`.
    init(_ table: ByteStringTable) { table.forEachKey { insert($0) } }

    @inline(__always) static func slot(_ key: UnsafeBufferPointer<UInt8>) -> (Int, UInt32) {
        let second = key.count > 1 ? Int(key[1] & 31) : 0
        return (Int(key[0] & 31) << 5 | second, 1 << UInt32(min(key.count, 31)))
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) {
        guard !key.isEmpty else { return }
        let (i, bit) = KeyShapeFilter.slot(key)
        bits[i] |= bit
    }

    @inline(__always) func mayContain(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !key.isEmpty else { return false }
        let (i, bit) = KeyShapeFilter.slot(key)
        return bits[i] & bit != 0
    }
}

/// Lexicons compiled once into a table keyed by the match keys of their tokens (case-folded,
/// accent-stripped, joined by single spaces): a lookup is one hash of the token keys.
public struct EntityLexicon: Sendable {
    /// All entries, in the order they were compiled.
    public var entries: Entries { Entries(columns: columns) }

    /// The entries' fields, one array each.
    let columns: Columns

    /// The entries of a lexicon, each read from its columns when asked.
    public struct Entries: RandomAccessCollection, Sendable {
        let columns: Columns
        /// 0.
        public var startIndex: Int { 0 }
        /// The number of entries.
        public var endIndex: Int { columns.types.count }
        /// Entry `i`.
        public subscript(i: Int) -> LexiconEntry { LexiconEntry(columns, i) }
    }

    /// What a scan checks before it takes an entry.
    struct MatchRule {
        let policy: CasePolicy
        let tokenCount: Int
    }

    /// Entry `i`'s subtype (its ``LexiconEntry/subtype``), read without making the entry.
    func subtype(ofEntry i: Int) -> String { columns.subtypes[Int(columns.subtypeIndexes[i])] }

    /// Entry `i`'s id (its ``LexiconEntry/id``), read without making the entry.
    func id(ofEntry i: Int) -> String { columns.ambiguous[i] != 0 ? "" : columns.string(2 * i + 1) }

    /// Whether entry `i` has an id (its ``LexiconEntry/id`` is not empty), read without making it.
    func hasID(entry i: Int) -> Bool { columns.ambiguous[i] == 0 && columns.ends[2 * i + 1] > columns.ends[2 * i] }

    /// Entry `i`'s case policy and length, so a scan checks a candidate without reading more.
    @inline(__always) func matchRule(_ i: Int) -> MatchRule {
        MatchRule(policy: CasePolicy(rawValue: columns.policies[i]) ?? .capitalized, tokenCount: Int(columns.tokenCounts[i]))
    }

    /// Entry `i`'s case policy and length from the rule its key's record holds (``table``),
    /// read from the columns only for an entry of more tokens than a rule holds.
    @inline(__always) func matchRule(_ i: Int, _ rule: LexiconKeyTable.Rule) -> MatchRule {
        guard let count = rule.tokenCount else { return matchRule(i) }
        return MatchRule(policy: rule.policy, tokenCount: count)
    }
    /// Match key → ``Slot``: the entry with that key, and whether longer entries start with
    /// it ("kota" for "kota semarang"), so one probe answers both and a scan stops early; with
    /// the entry's case policy and length, so a scan checks a candidate without reading more.
    let table: LexiconKeyTable

    /// How a value of ``table`` packs an entry index and the prefix bit.
    enum Slot {
        /// Set when some longer entry starts with the key.
        static let longer: Int32 = 1 << 30
        /// The entry index + 1 (0: the key is only a prefix).
        static let entryMask: Int32 = longer - 1
        @inline(__always) static func entry(_ v: Int32) -> Int? { v & entryMask == 0 ? nil : Int(v & entryMask) - 1 }
    }
    /// The first token keys of entries that may start with a lower-case word (case `any`), so
    /// a lower-case token probes this small table instead of the large ones.
    let lowercaseStarts: ByteStringTable
    /// The shapes of ``lowercaseStarts``' keys, so most tokens skip the probe.
    let lowercaseStartShapes: KeyShapeFilter
    /// The most tokens any entry has.
    public let maxTokens: Int
    /// The ids an ambiguous entry stands for (`Bugangan`: a village in Kabupaten Pekalongan and
    /// one in Kota Semarang), by entry index; such entries have an empty ``LexiconEntry/id``.
    let alternatives: CandidateIDs

    /// The ids `entry` may stand for when its name is listed with several (empty otherwise).
    public func candidateIDs(of entry: LexiconEntry) -> [String] { entry.isAmbiguous ? alternatives.ids(of: entry.index) : [] }

    /// The TSV text of the built-in lexicons: Wikipedia's names first and villages next, so
    /// that a curated village, district, city, province or organization of the same name
    /// overrides them.
    public static let builtInSources = [
        EmbeddedWikiNames.wikiNames, EmbeddedVillages.villages, EmbeddedEntityLexicons.places, EmbeddedEntityLexicons.organizations,
        EmbeddedEntityLexicons.personCues, EmbeddedEntityLexicons.givenNames,
    ]

    /// The built-in lexicons from `Lexicons/`, compiled from their TSV text.
    public static let builtIn = EntityLexicon(tsv: builtInSources)

    /// Compiles TSV files in the `Lexicons/` entity format (name, type, subtype, case, id,
    /// parent). A later file's entry for a key overrides an earlier file's; within one file the
    /// first entry for a key wins, and when the same name is listed again with the same type
    /// and another id (98 villages called Sidomulyo) the entry keeps no id: the name is ambiguous.
    public init(tsv files: [String], analyzer: TextAnalyzer = TextAnalyzer()) {
        var compiler = Compiler(rows: files.reduce(0) { n, f in n + f.utf8.count / 32 }, analyzer: analyzer)
        for file in files { compiler.add(file: file) }
        self.columns = compiler.entries.columns()
        self.maxTokens = compiler.maxTokens
        let columns = self.columns
        self.table = LexiconKeyTable(compiler.table, entryLimit: Int32(columns.types.count)) { value in
            guard let i = Slot.entry(value) else { return LexiconKeyTable.Rule(bits: 0) }
            return LexiconKeyTable.Rule(policy: CasePolicy(rawValue: columns.policies[i]) ?? .capitalized,
                                        tokenCount: Int(columns.tokenCounts[i]))
        }
        self.lowercaseStarts = compiler.lowercaseStarts
        self.lowercaseStartShapes = KeyShapeFilter(compiler.lowercaseStarts)
        self.alternatives = CandidateIDs(compiler.alternatives)
    }

    /// What ``init(tsv:analyzer:)`` builds, file by file.
    private struct Compiler {
        let analyzer: TextAnalyzer
        var entries = ColumnBuilder()
        var table: ByteStringTable
        var lowercaseStarts = ByteStringTable(capacity: 16)
        var maxTokens = 1
        /// The key of the name being entered.
        var key: [UInt8] = []
        /// The ids of each ambiguous entry.
        var alternatives: [Int32: [String]] = [:]
        /// The first entry of the file being read.
        var fileStart = 0

        init(rows: Int, analyzer: TextAnalyzer) {
            self.analyzer = analyzer
            table = ByteStringTable(capacity: rows * 3 / 2)
        }

        /// Enters every row of one file (villages, names or the full format).
        mutating func add(file: String) {
            fileStart = entries.count
            if file.hasPrefix(EntityLexicon.villagesHeader) {
                EntityLexicon.forEachVillage(file) { name, id in add(name, .loc, "village", .cued, id) }
                return
            }
            if file.hasPrefix(EntityLexicon.namesHeader) {
                TokenizerLexicon.forEachRow(file) { row in
                    guard row.count == 2, let type = EntityType(rawValue: String(decoding: row[1], as: UTF8.self)) else { return }
                    add(row[0], type, "", .capitalized, "")
                }
                return
            }
            TokenizerLexicon.forEachRow(file) { row in
                guard row.count >= 4, let type = EntityType(rawValue: String(decoding: row[1], as: UTF8.self)) else { return }
                add(row[0], type, String(decoding: row[2], as: UTF8.self), CasePolicy(field: String(decoding: row[3], as: UTF8.self)) ?? .capitalized,
                    row.count > 4 ? String(decoding: row[4], as: UTF8.self) : "")
            }
        }

        /// Enters one name (a view of the file's text).
        mutating func add(_ name: UnsafeBufferPointer<UInt8>, _ type: EntityType, _ subtype: String, _ policy: CasePolicy, _ id: String) {
            let count = EntityLexicon.key(of: name, into: &key, analyzer: analyzer)
            guard count > 0 else { return }
            if let k = insertKey() {
                noteRepeat(of: k, type, subtype, id)
                return
            }
            entries.append(name: name, type: type, subtype: subtype, policy: policy, id: id, tokenCount: count)
            maxTokens = max(maxTokens, count)
            addPrefixes(policy)
        }

        /// Enters ``key`` for the next entry, or returns the entry this file already has for it.
        private mutating func insertKey() -> Int? {
            let new = Int32(entries.count + 1)
            return key.withUnsafeBufferPointer { k -> Int? in
                guard let old = table.insert(k, value: new) else { return nil }
                // A key seen as a prefix only, or an earlier file's entry: this one is its entry.
                guard let k0 = Slot.entry(old), k0 >= fileStart else {
                    table.setValue(old & Slot.longer | new, for: k)
                    return nil
                }
                return k0
            }
        }

        /// A repeat of entry `k` within its file: the first stays; another id of the same type
        /// and subtype makes the name ambiguous, and every id listed for it a candidate.
        private mutating func noteRepeat(of k: Int, _ type: EntityType, _ subtype: String, _ id: String) {
            let first = entries.id(k)
            guard entries.types[k] == Columns.typeCode(type), !id.isEmpty, entries.subtype(k) == subtype,
                  first != id || alternatives[Int32(k)] != nil else { return }
            if alternatives[Int32(k)] == nil { alternatives[Int32(k)] = [first].filter { !$0.isEmpty } }
            if !alternatives[Int32(k)]!.contains(id) { alternatives[Int32(k)]!.append(id) }
            entries.ambiguous[k] = 1
        }

        /// Marks every shorter key of ``key`` (its first words) as one a longer entry continues,
        /// and a first word of an entry of case `any` as a lower-case start.
        private mutating func addPrefixes(_ policy: CasePolicy) {
            key.withUnsafeBufferPointer { k in
                for (n, b) in k.enumerated() where b == 0x20 {
                    let prefix = UnsafeBufferPointer(rebasing: k[0..<n])
                    if let old = table.insert(prefix, value: Slot.longer), old & Slot.longer == 0 {
                        table.setValue(old | Slot.longer, for: prefix)
                    }
                }
                if policy == .any { lowercaseStarts.insert(UnsafeBufferPointer(rebasing: k.prefix { $0 != 0x20 }), value: 0) }
            }
        }
    }

    /// The first line of `Lexicons/villages.tsv`, whose format is compact: one line per
    /// Kemendagri district, its code, then each village as its four-digit code suffix, a space
    /// and its name, tab-separated. Each village is a LOC of subtype `village`, case `cued`,
    /// with the full code as its id.
    static let villagesHeader = "district\tvillages\n"

    /// The first line of `Lexicons/wiki-names.tsv`, whose format is compact: a name and its
    /// type on each line, case `capitalized`, no subtype or id.
    static let namesHeader = "name\ttype\n"

    /// Calls `body` with each village's name (a view, valid during the call) and full code.
    static func forEachVillage(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, String) -> Void) {
        TokenizerLexicon.forEachRow(text) { row in
            let district = String(decoding: row[0], as: UTF8.self)
            for field in row.dropFirst() where field.count > 5 && field[4] == 0x20 {
                body(UnsafeBufferPointer(rebasing: field[5...]), district + "." + String(decoding: field[0..<4], as: UTF8.self))
            }
        }
    }

    /// Writes the match key of the lexicon name `name` (its tokens' keys joined by single
    /// spaces) into `key` and returns its number of tokens. Plain ASCII words that the tokenizer
    /// keeps whole (most names) are folded directly; anything else is tokenized like a document.
    static func key(of name: UnsafeBufferPointer<UInt8>, into key: inout [UInt8], analyzer: TextAnalyzer) -> Int {
        if let count = plainKey(of: name, into: &key) { return count }
        key.removeAll(keepingCapacity: true)
        let doc = analyzer.analyze(String(decoding: name, as: UTF8.self))
        for t in 0..<doc.tokens.count {
            if t > 0 { key.append(0x20) }
            key += doc.matchKey(ofToken: t)
        }
        return doc.tokens.count
    }

    static let cliticEndings: [[UInt8]] = ["nya", "lah", "kah", "pun", "tah", "ku", "mu"].map { Array($0.utf8) }

    /// The fast path of ``key(of:into:analyzer:)``, replacing `key`'s contents: ASCII letters only, single spaces, and no
    /// word that looks cliticised (`-nya`, `-lah`, `-kah`, `-pun`, `-tah`, `-ku`, `-mu`, `ku-`,
    /// `kau-`), since the tokenizer may split those; nil for any other name.
    static func plainKey(of name: UnsafeBufferPointer<UInt8>, into key: inout [UInt8]) -> Int? {
        key.removeAll(keepingCapacity: true)
        guard let first = name.first, first != 0x20, name.last != 0x20 else { return nil }
        var count = 1
        var wordStart = 0
        func plainWord(_ s: Int, _ e: Int) -> Bool {
            let w = key[s..<e]
            if w.starts(with: "ku".utf8) || w.starts(with: "kau".utf8) { return false }
            return !EntityLexicon.cliticEndings.contains { w.count > $0.count && w.suffix($0.count).elementsEqual($0) }
        }
        for b in name {
            if b == 0x20 {
                guard key.last != 0x20, plainWord(wordStart, key.count) else { return nil }
                key.append(0x20)
                count += 1
                wordStart = key.count
                continue
            }
            let lower = b | 0x20
            guard lower >= 0x61, lower <= 0x7A else { return nil }
            key.append(lower)
        }
        return plainWord(wordStart, key.count) ? count : nil
    }

    // MARK: Binary image

    /// The first bytes of an image (and its format version).
    static let imageMagic: UInt64 = 0x5741_5254_4C45_5837  // "WARTLEX7"

    /// The compiled lexicon as a binary image that ``init(image:)`` loads many times faster
    /// than the TSV compiles (the CLI keeps one in its cache, see the README).
    public func image() -> [UInt8] {
        var w = BinaryImageWriter()
        w.write(EntityLexicon.imageMagic)
        w.write(Int64(maxTokens))
        let c = columns
        w.write(c.types); w.write(c.policies); w.write(c.tokenCounts); w.write(c.subtypeIndexes); w.write(c.ambiguous)
        var subtypeText: [UInt8] = [], subtypeEnds: [Int32] = []
        for s in c.subtypes { subtypeText += s.utf8; subtypeEnds.append(Int32(subtypeText.count)) }
        w.write(subtypeText); w.write(subtypeEnds)
        w.write(c.text); w.write(c.ends)
        table.write(to: &w)
        lowercaseStarts.write(to: &w)
        // Alternatives: entry indices, then each one's ids as a list of ends into one text.
        let a = alternatives
        w.write(a.entries); w.write(a.counts); w.write(a.text); w.write(a.ends)
        return w.bytes
    }

    /// Loads an image that ``image()`` wrote, or nil when `bytes` is not one (truncated,
    /// another format); the caller then compiles the TSV.
    public init?(image bytes: UnsafeRawBufferPointer) {
        var r = BinaryImageReader(bytes)
        guard r.read(UInt64.self) == EntityLexicon.imageMagic, let maxTokens = r.read(Int64.self),
              let types = r.readArray(UInt8.self), let policies = r.readArray(UInt8.self),
              let tokenCounts = r.readArray(UInt16.self), let subtypeIndexes = r.readArray(UInt16.self),
              let ambiguousFlags = r.readArray(UInt8.self),
              let subtypeText = r.readArray(UInt8.self), let subtypeEnds = r.readArray(Int32.self),
              let text = r.readArray(UInt8.self), let ends = r.readArray(Int32.self),
              types.count < Int(Int32.max), let table = LexiconKeyTable(reading: &r, entryLimit: Int32(types.count)),
              let lowercaseStarts = ByteStringTable(reading: &r),
              let ambiguous = r.readArray(Int32.self), let altCounts = r.readArray(Int32.self),
              let altText = r.readArray(UInt8.self), let altEnds = r.readArray(Int32.self),
              let subtypes = Columns.strings(subtypeText, subtypeEnds),
              let alternatives = CandidateIDs(entries: ambiguous, counts: altCounts, text: altText, ends: altEnds),
              ambiguous.allSatisfy({ $0 >= 0 && Int($0) < types.count }),
              [policies.count, tokenCounts.count, subtypeIndexes.count, ambiguousFlags.count].allSatisfy({ $0 == types.count }),
              ends.count == 2 * types.count, Columns.areEnds(ends, of: text.count),
              types.allSatisfy({ Int($0) < Columns.types.count }), policies.allSatisfy({ CasePolicy(rawValue: $0) != nil }),
              subtypeIndexes.allSatisfy({ Int($0) < subtypes.count })
        else { return nil }
        self.columns = Columns(types: types, policies: policies, tokenCounts: tokenCounts, subtypeIndexes: subtypeIndexes,
                               subtypes: subtypes, text: text, ends: ends, ambiguous: ambiguousFlags)
        self.maxTokens = Int(maxTokens)
        self.table = table
        self.lowercaseStarts = lowercaseStarts
        self.lowercaseStartShapes = KeyShapeFilter(lowercaseStarts)
        self.alternatives = alternatives
    }

    /// The first problem in a lexicon file's text, as (line number, what is wrong), or nil when
    /// every row has a name, a known type (PER, ORG, LOC, FAC, EVENT, ROLE, …) and a case policy
    /// (`capitalized`, `upper`, `cued`, `any`, or empty for `capitalized`).
    public static func firstProblem(inTSV text: String) -> (line: Int, detail: String)? {
        // "\r\n" is one Character, so CRLF files split here too.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let first = lines.first?.split(separator: "\t").first.map { $0.hasPrefix("\u{FEFF}") ? $0.dropFirst() : $0 }
        guard first == "name" else {
            return (1, "the first line must be the header name<TAB>type<TAB>subtype<TAB>case<TAB>id<TAB>parent")
        }
        for (n, line) in lines.enumerated().dropFirst() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count < 4 { return (n + 1, "\(fields.count) column(s); a row needs name, type, subtype and case, separated by tabs") }
            if fields[0].isEmpty { return (n + 1, "empty name") }
            if EntityType(rawValue: String(fields[1])) == nil {
                return (n + 1, "unknown type '\(fields[1])'; use one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if CasePolicy(field: fields[3]) == nil {
                return (n + 1, "unknown case '\(fields[3])'; use capitalized, upper, cued or any")
            }
        }
        return nil
    }

    /// Whether some longer entry starts with the tokens of `key`.
    public func hasLongerEntry(startingWith key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { table.value($0) }.map { $0.value & Slot.longer != 0 } ?? false
    }

    /// The entries of type `type`, in compiled order, found on the type column alone: testing
    /// each of the built-in lexicons' 135,000 entries as a ``LexiconEntry`` cost 17 million
    /// instructions of start-up.
    public func entries(ofType type: EntityType) -> [LexiconEntry] {
        let code = Columns.typeCode(type), types = columns.types
        var out: [LexiconEntry] = []
        for i in types.indices where types[i] == code { out.append(LexiconEntry(columns, i)) }
        return out
    }

    /// The entry whose key is `key`, if any.
    public func entry(forKey key: [UInt8]) -> LexiconEntry? {
        key.withUnsafeBufferPointer { table.value($0) }.flatMap { Slot.entry($0.value) }.map { entries[$0] }
    }
}

extension EntityLexicon {
    /// The entries' fields, one array each, shared by every ``LexiconEntry`` (immutable).
    final class Columns: Sendable {
        /// Each entry's type, as an index into ``types``.
        let types: [UInt8]
        /// Each entry's ``CasePolicy`` raw value.
        let policies: [UInt8]
        let tokenCounts: [UInt16]
        /// Each entry's subtype, as an index into ``subtypes``.
        let subtypeIndexes: [UInt16]
        let subtypes: [String]
        /// Each entry's name and id, one after the other, ending at ``ends``.
        let text: [UInt8]
        let ends: [Int32]
        /// 1 where the name is listed with several ids.
        let ambiguous: [UInt8]

        static let types = EntityType.allCases
        static func typeCode(_ type: EntityType) -> UInt8 { UInt8(types.firstIndex(of: type)!) }

        init(types: [UInt8], policies: [UInt8], tokenCounts: [UInt16], subtypeIndexes: [UInt16], subtypes: [String],
             text: [UInt8], ends: [Int32], ambiguous: [UInt8]) {
            self.types = types; self.policies = policies; self.tokenCounts = tokenCounts
            self.subtypeIndexes = subtypeIndexes; self.subtypes = subtypes; self.text = text; self.ends = ends
            self.ambiguous = ambiguous
        }

        /// Field `k` of ``text`` (entry `k / 2`'s name when `k` is even, its id when odd).
        func string(_ k: Int) -> String {
            let start = k == 0 ? 0 : Int(ends[k - 1])
            return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<Int(ends[k])]), as: UTF8.self) }
        }

        /// Whether `ends` ends fields of a text of `count` bytes: non-negative, in order, the last at `count`.
        static func areEnds(_ ends: [Int32], of count: Int) -> Bool {
            (ends.first.map { $0 >= 0 } ?? true) && BinaryImageCheck.neverDecreases(ends)
                && (ends.last.map { Int($0) == count } ?? (count == 0))
        }

        /// The strings of `text` that `ends` delimits, or nil when `ends` does not fit it.
        static func strings(_ text: [UInt8], _ ends: [Int32]) -> [String]? {
            guard areEnds(ends, of: text.count) else { return nil }
            return ends.indices.map { k in String(decoding: text[(k == 0 ? 0 : Int(ends[k - 1]))..<Int(ends[k])], as: UTF8.self) }
        }
    }

    /// The columns of a lexicon being compiled.
    struct ColumnBuilder {
        var types: [UInt8] = [], policies: [UInt8] = [], tokenCounts: [UInt16] = [], subtypeIndexes: [UInt16] = []
        var subtypes: [String] = [], subtypeIndex: [String: UInt16] = [:]
        var text: [UInt8] = [], ends: [Int32] = [], ambiguous: [UInt8] = []

        var count: Int { types.count }

        mutating func append(name: UnsafeBufferPointer<UInt8>, type: EntityType, subtype: String, policy: CasePolicy, id: String, tokenCount: Int) {
            types.append(Columns.typeCode(type))
            policies.append(policy.rawValue)
            tokenCounts.append(UInt16(clamping: tokenCount))
            if subtypeIndex[subtype] == nil { subtypeIndex[subtype] = UInt16(subtypes.count); subtypes.append(subtype) }
            subtypeIndexes.append(subtypeIndex[subtype]!)
            text += name; ends.append(Int32(text.count))
            text += id.utf8; ends.append(Int32(text.count))
            ambiguous.append(0)
        }

        func id(_ k: Int) -> String { String(decoding: text[Int(ends[2 * k])..<Int(ends[2 * k + 1])], as: UTF8.self) }
        func subtype(_ k: Int) -> String { subtypes[Int(subtypeIndexes[k])] }

        func columns() -> Columns {
            Columns(types: types, policies: policies, tokenCounts: tokenCounts, subtypeIndexes: subtypeIndexes,
                    subtypes: subtypes, text: text, ends: ends, ambiguous: ambiguous)
        }
    }
}

/// The ids of the ambiguous entries of a lexicon, kept as the image stores them (entry indices
/// in ascending order, each one's count of ids, the ids' bytes and ends): loading an image
/// builds no `String` and no dictionary for the 7,700 ambiguous village names, and the ids of
/// one entry are made when a document names it.
struct CandidateIDs: Sendable {
    let entries: [Int32]
    let counts: [Int32]
    let text: [UInt8]
    let ends: [Int32]
    /// The index in ``ends`` of each entry's first id.
    private let firsts: [Int32]

    /// The ids of `byEntry`, entries in ascending order.
    init(_ byEntry: [Int32: [String]]) {
        var text: [UInt8] = [], ends: [Int32] = [], counts: [Int32] = []
        let entries = byEntry.keys.sorted()
        for k in entries {
            counts.append(Int32(byEntry[k]!.count))
            for id in byEntry[k]! { text.append(contentsOf: id.utf8); ends.append(Int32(text.count)) }
        }
        self.init(entries: entries, counts: counts, text: text, ends: ends)!
    }

    /// The ids as an image holds them, or nil when the columns do not fit together.
    init?(entries: [Int32], counts: [Int32], text: [UInt8], ends: [Int32]) {
        guard counts.count == entries.count, counts.allSatisfy({ $0 >= 0 }), Int(counts.reduce(0, +)) == ends.count,
              EntityLexicon.Columns.areEnds(ends, of: text.count), zip(entries, entries.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.entries = entries; self.counts = counts; self.text = text; self.ends = ends
        var firsts: [Int32] = []
        firsts.reserveCapacity(counts.count)
        var at: Int32 = 0
        for c in counts { firsts.append(at); at += c }
        self.firsts = firsts
    }

    /// The ids of entry `k` (none when it is not ambiguous).
    func ids(of k: Int32) -> [String] {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid] < k { lo = mid + 1 } else { hi = mid }
        }
        guard lo < entries.count, entries[lo] == k else { return [] }
        let first = Int(firsts[lo])
        return (first..<first + Int(counts[lo])).map { j in
            String(decoding: text[(j == 0 ? 0 : Int(ends[j - 1]))..<Int(ends[j])], as: UTF8.self)
        }
    }
}
