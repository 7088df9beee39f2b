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
public enum CasePolicy: Sendable {
    /// Any case.
    case any
    /// Every word starts with a capital (`Kota Semarang`, `Tugu`).
    case capitalized
    /// Every word in capitals (acronyms: `DPRD`, `KPK`).
    case upper

    /// The policy a lexicon file's `case` column names (empty means `capitalized`), or nil.
    public init?<S: StringProtocol>(field: S) {
        switch field {
        case "", "capitalized": self = .capitalized
        case "upper": self = .upper
        case "any": self = .any
        default: return nil
        }
    }
}

/// One lexicon entry.
public struct LexiconEntry: Sendable {
    /// The name as listed.
    public let name: String
    /// Entity type.
    public let type: EntityType
    /// Subtype (`city`, `ministry`, `role`, …).
    public let subtype: String
    /// How a match must be written.
    public let casePolicy: CasePolicy
    /// The source's identifier (Kemendagri code, ticker, acronym), or empty.
    public let id: String
    /// Number of tokens in the name.
    public let tokenCount: Int
}

/// Lexicons compiled once into a table keyed by the match keys of their tokens (case-folded,
/// accent-stripped, joined by single spaces): a lookup is one hash of the token keys.
public struct EntityLexicon: Sendable {
    /// All entries.
    public let entries: [LexiconEntry]
    /// Match key → index of the entry (the first listed wins for a key and type).
    let table: ByteStringTable
    /// Every proper token prefix of a key ("kota", for "kota semarang"), so a scan stops early.
    let prefixes: ByteStringTable
    /// The most tokens any entry has.
    public let maxTokens: Int

    /// The TSV text of the built-in lexicons.
    public static let builtInSources = [
        EmbeddedEntityLexicons.places, EmbeddedEntityLexicons.organizations,
        EmbeddedEntityLexicons.personCues, EmbeddedEntityLexicons.givenNames,
    ]

    /// The built-in lexicons from `Lexicons/`.
    public static let builtIn = EntityLexicon(tsv: builtInSources)

    /// Compiles TSV files in the `Lexicons/` entity format (name, type, subtype, case, id,
    /// parent); a later file's entry for the same key overrides an earlier one.
    public init(tsv files: [String], analyzer: TextAnalyzer = TextAnalyzer()) {
        var entries: [LexiconEntry] = []
        var keys: [([UInt8], Int32)] = []
        var prefixKeys: [([UInt8], Int32)] = []
        var maxTokens = 1
        for file in files {
            for row in TokenizerLexicon.rows(file) where row.count >= 4 {
                let name = String(decoding: row[0], as: UTF8.self)
                guard let type = EntityType(rawValue: String(decoding: row[1], as: UTF8.self)) else { continue }
                let policy = CasePolicy(field: String(decoding: row[3], as: UTF8.self)) ?? .capitalized
                let doc = analyzer.analyze(name)
                let count = doc.tokens.count
                guard count > 0 else { continue }
                var key: [UInt8] = []
                for t in 0..<count {
                    if t > 0 { key.append(0x20) }
                    key += doc.matchKey(ofToken: t)
                }
                maxTokens = max(maxTokens, count)
                keys.append((key, Int32(entries.count)))
                for (k, b) in key.enumerated() where b == 0x20 { prefixKeys.append((Array(key[0..<k]), 0)) }
                entries.append(LexiconEntry(name: name, type: type, subtype: String(decoding: row[2], as: UTF8.self),
                                            casePolicy: policy, id: row.count > 4 ? String(decoding: row[4], as: UTF8.self) : "",
                                            tokenCount: count))
            }
        }
        self.entries = entries
        self.maxTokens = maxTokens
        table = ByteStringTable(keys)
        prefixes = ByteStringTable(prefixKeys)
    }

    /// The first problem in a lexicon file's text, as (line number, what is wrong), or nil when
    /// every row has a name, a known type (PER, ORG, LOC, FAC, EVENT, ROLE, …) and a case policy
    /// (`capitalized`, `upper`, `any`, or empty for `capitalized`).
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
                return (n + 1, "unknown case '\(fields[3])'; use capitalized, upper or any")
            }
        }
        return nil
    }

    /// Whether some longer entry starts with the tokens of `key`.
    public func hasLongerEntry(startingWith key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { prefixes.contains($0) }
    }

    /// The entry whose key is `key`, if any.
    public func entry(forKey key: [UInt8]) -> LexiconEntry? {
        key.withUnsafeBufferPointer { table.value($0) }.map { entries[Int($0)] }
    }
}
