/// The word lists the tokenizer and clitic analyser consult, compiled once into hash tables.
public struct TokenizerLexicon: Sendable {
    /// How an abbreviation behaves at a possible sentence end.
    public enum AbbreviationClass: Int32, Sendable {
        /// Before a name (`Prof.`, `H.`): never ends a sentence.
        case title = 0
        /// Before a name or number (`Jl.`, `No.`, `Kec.`): never ends a sentence.
        case address = 1
        /// Before a number or phrase (`Rp.`, `tgl.`, `s.d.`): never ends a sentence.
        case prefix = 2
        /// After a name (`S.H.`, `M.Si.`): may end a sentence.
        case degree = 3
        /// `dll.`, `dsb.`, `Tbk.`: may end a sentence.
        case general = 4

        /// Whether a sentence may end with this abbreviation's period.
        public var mayEndSentence: Bool { self == .degree || self == .general }

        init?(name: [UInt8]) {
            switch String(decoding: name, as: UTF8.self) {
            case "title": self = .title
            case "address": self = .address
            case "prefix": self = .prefix
            case "degree": self = .degree
            case "general": self = .general
            default: return nil
            }
        }
    }

    /// Abbreviations with their dots, exactly as written, to their class.
    public let abbreviations: ByteStringTable
    /// Lower-case words that look cliticised but are not split (`akhirnya`, `adalah`).
    public let cliticExceptions: ByteStringTable
    /// Lower-case known Indonesian words (inflected forms and lemmas), to check clitic bases.
    public let knownWords: ByteStringTable
    /// Lower-case lemmas and function words: words that are lexical items in themselves
    /// (`masalah`, `buku`), so a clitic-like ending is part of the word.
    public let lexicalWords: ByteStringTable
    /// The words news text writes in lower case inside sentences (`Lexicons/lowercase-words.tsv`:
    /// `inflasi`, `ajukan`) that ``knownWords`` lacks.
    public let lowercaseWords: ByteStringTable
    /// Lower-case words a name is not made of: ``knownWords`` and ``lowercaseWords``, so a
    /// capitalised one in a title-case headline or at a sentence's start is no name.
    public var commonWords: CommonWords { CommonWords(knownWords, lowercaseWords) }
    /// The longest abbreviation in bytes.
    public let longestAbbreviation: Int
    /// The degrees of ``abbreviations`` without their dots when they are two to four capitals
    /// (`SH`, `MM`, `MBA`, `SKM`): how news often writes them after a name.
    let capitalDegrees: ByteStringTable
    /// For each capital letter, a bit per capital that follows it in some ``capitalDegrees``
    /// key: most acronyms (`KPK`, `DPR`) fail this and skip the probe.
    let capitalDegreePairs: [UInt32]

    /// The lexicons built into Warta (from `Lexicons/`).
    public static let builtIn = TokenizerLexicon(
        abbreviationsTSV: EmbeddedLexicons.abbreviations,
        cliticExceptionsTSV: EmbeddedLexicons.cliticExceptions,
        lemmasTSV: EmbeddedLexicons.lemmas,
        lowercaseWordsTSV: EmbeddedLexicons.lowercaseWords)

    /// Builds lexicons from TSV text in the formats of `Lexicons/` (header row first).
    public init(abbreviationsTSV: String, cliticExceptionsTSV: String, lemmasTSV: String, lowercaseWordsTSV: String = "") {
        var abbr: [([UInt8], Int32)] = []
        var longest = 0
        for row in TokenizerLexicon.rows(abbreviationsTSV) where row.count >= 2 {
            guard let cls = AbbreviationClass(name: row[1]) else { continue }
            let key = row[0]
            longest = max(longest, key.count)
            abbr.append((key, cls.rawValue))
        }
        abbreviations = ByteStringTable(abbr)
        longestAbbreviation = longest
        cliticExceptions = ByteStringTable(TokenizerLexicon.rows(cliticExceptionsTSV).map {
            (TokenizerLexicon.asciiLowercased($0[0]), Int32(0))
        })
        let rows = lemmasTSV.utf8.count / 16
        var words = ByteStringTable(capacity: rows * 3 / 2), lemmas = ByteStringTable(capacity: rows / 2)
        TokenizerLexicon.forEachRow(lemmasTSV) { row in
            guard row.count >= 2 else { return }
            words.insert(row[0], value: 0)
            words.insert(row[1], value: 0)
            lemmas.insert(row[1], value: 0)
        }
        knownWords = words
        lexicalWords = lemmas
        var lower = ByteStringTable(capacity: 16)
        TokenizerLexicon.forEachRow(lowercaseWordsTSV) { row in
            if !words.contains(row[0]) { lower.insert(row[0], value: 0) }
        }
        lowercaseWords = lower
        capitalDegrees = TokenizerLexicon.capitalDegrees(of: abbreviations)
        capitalDegreePairs = TokenizerLexicon.pairs(of: capitalDegrees)
    }

    /// The fields of each data row (the header row, blank lines and `#` comments skipped).
    public static func rows(_ tsv: String) -> [[[UInt8]]] {
        var out: [[[UInt8]]] = []
        forEachRow(tsv) { fields in out.append(fields.map { Array($0) }) }
        return out
    }

    /// Calls `body` with the fields of each data row as views of `tsv`'s bytes, valid only
    /// during the call (the header row, blank lines and `#` comments skipped; CRLF allowed).
    /// One pass over the bytes, no allocation per row.
    public static func forEachRow(_ tsv: String, _ body: ([UnsafeBufferPointer<UInt8>]) -> Void) {
        var text = tsv
        text.withUTF8 { bytes in
            var fields: [UnsafeBufferPointer<UInt8>] = []
            var lineStart = 0
            var header = true
            let n = bytes.count
            while lineStart < n {
                var end = lineStart
                while end < n && bytes[end] != 0x0A { end += 1 }
                let next = end + 1
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                if header { header = false; lineStart = next; continue }
                if end > lineStart && bytes[lineStart] != 0x23 && bytes[lineStart] != 0x09 {
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for i in lineStart..<end where bytes[i] == 0x09 {
                        fields.append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]))
                        fieldStart = i + 1
                    }
                    fields.append(UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]))
                    body(fields)
                }
                lineStart = next
            }
        }
    }

    static func asciiLowercased(_ b: [UInt8]) -> [UInt8] {
        b.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    }

    /// The class of the abbreviation spelled by `bytes`, if it is one.
    @inline(__always)
    public func abbreviationClass(_ bytes: UnsafeBufferPointer<UInt8>) -> AbbreviationClass? {
        abbreviations.value(bytes).flatMap(AbbreviationClass.init(rawValue:))
    }
}

extension TokenizerLexicon {
    /// The first bytes of an image (and its format version).
    static let imageMagic: UInt64 = 0x5741_5254_544F_4B34  // "WARTTOK4"

    /// The compiled lists as a binary image that ``init(image:)`` loads many times faster than
    /// the TSV compiles.
    public func image() -> [UInt8] {
        var w = BinaryImageWriter()
        w.write(TokenizerLexicon.imageMagic)
        w.write(Int64(longestAbbreviation))
        for table in [abbreviations, cliticExceptions, knownWords, lexicalWords, lowercaseWords] { table.write(to: &w) }
        return w.bytes
    }

    /// Loads an image that ``image()`` wrote, or nil when `bytes` is not one.
    public init?(image bytes: UnsafeRawBufferPointer) {
        var r = BinaryImageReader(bytes)
        guard r.read(UInt64.self) == TokenizerLexicon.imageMagic, let longest = r.read(Int64.self), longest >= 0,
              let abbreviations = ByteStringTable(reading: &r), let cliticExceptions = ByteStringTable(reading: &r),
              let knownWords = ByteStringTable(reading: &r), let lexicalWords = ByteStringTable(reading: &r),
              let lowercaseWords = ByteStringTable(reading: &r)
        else { return nil }
        self.abbreviations = abbreviations
        self.cliticExceptions = cliticExceptions
        self.knownWords = knownWords
        self.lexicalWords = lexicalWords
        self.lowercaseWords = lowercaseWords
        longestAbbreviation = Int(longest)
        capitalDegrees = TokenizerLexicon.capitalDegrees(of: abbreviations)
        capitalDegreePairs = TokenizerLexicon.pairs(of: capitalDegrees)
    }

    /// ``capitalDegreePairs`` of `table`.
    static func pairs(of table: ByteStringTable) -> [UInt32] {
        var pairs = [UInt32](repeating: 0, count: 26)
        table.forEachKey { key in pairs[Int(key[0] &- 0x41)] |= 1 << UInt32(key[1] &- 0x41) }
        return pairs
    }

    /// ``capitalDegrees`` from the abbreviations: each degree whose letters, without its dots,
    /// are two to four capitals.
    static func capitalDegrees(of abbreviations: ByteStringTable) -> ByteStringTable {
        var out = ByteStringTable(capacity: 64)
        abbreviations.forEachKey { key in
            guard abbreviations.value(key) == AbbreviationClass.degree.rawValue else { return }
            let letters = key.filter { $0 != 0x2E }
            if (2...4).contains(letters.count), letters.allSatisfy({ $0 &- 0x41 < 26 }) { letters.withUnsafeBufferPointer { _ = out.insert($0, value: 0) } }
        }
        return out
    }

    /// The TSV texts the built-in lists are compiled from (what a cached image is keyed by).
    public static var builtInSources: [String] {
        [EmbeddedLexicons.abbreviations, EmbeddedLexicons.cliticExceptions, EmbeddedLexicons.lemmas, EmbeddedLexicons.lowercaseWords]
    }
}

/// The lower-case words a name is not made of (``TokenizerLexicon/commonWords``): two tables
/// read as one, so the lemma list is not stored twice.
public struct CommonWords: Sendable {
    @usableFromInline let first: ByteStringTable
    @usableFromInline let second: ByteStringTable

    /// The words of `first` and `second`.
    public init(_ first: ByteStringTable, _ second: ByteStringTable = ByteStringTable(capacity: 1)) {
        self.first = first
        self.second = second
    }

    /// Whether `key` (lower-cased first with `lowercase`) is a common word.
    @inline(__always)
    public func contains(_ key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Bool {
        let h = ByteStringTable.hash(key, lowercase: lowercase)
        return first.index(key, hash: h, lowercase: lowercase) != nil || second.index(key, hash: h, lowercase: lowercase) != nil
    }

    /// Whether `key`, whose ``ByteStringTable/hash(of:lowercase:)`` is `hash` (as a caller that
    /// keeps its keys' hashes has it), is a common word: ``contains(_:lowercase:)`` without
    /// hashing the key again.
    @inlinable @inline(__always)
    public func contains(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> Bool {
        first.index(key, hash: hash, lowercase: false) != nil || second.index(key, hash: hash, lowercase: false) != nil
    }

    /// ``ByteStringTable/prefetch(hash:_:)`` in both tables.
    @inlinable @inline(__always)
    public func prefetch(hash: Int, _ step: ByteStringTable.PrefetchStep) {
        first.prefetch(hash: hash, step)
        second.prefetch(hash: hash, step)
    }

    /// Whether the string `key` is a common word.
    public func contains(_ key: String) -> Bool { first.contains(key) || second.contains(key) }

    /// Whether the bytes `key` views (lower-cased first with `lowercase`) are a common word.
    @inline(__always)
    public func contains(_ key: Span<UInt8>, lowercase: Bool = false) -> Bool {
        key.withUnsafeBufferPointer { contains($0, lowercase: lowercase) }
    }

    /// Whether `bytes[range]` (lower-cased first with `lowercase`) is a common word.
    @inline(__always)
    public func contains(_ bytes: [UInt8], _ range: Range<Int>, lowercase: Bool = false) -> Bool {
        bytes.withUnsafeBufferPointer { contains(UnsafeBufferPointer(rebasing: $0[range]), lowercase: lowercase) }
    }

    /// Whether `bytes[range]` is a common word (for a column read in place, ``DocumentColumns``).
    @inline(__always)
    public func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercase: Bool = false) -> Bool {
        contains(UnsafeBufferPointer(rebasing: bytes[range]), lowercase: lowercase)
    }

    /// Whether `key` is in the first table alone (for the tokenizer lexicon's words, the forms
    /// and lemmas of `lemmas.tsv`: curated words, not ones learned from text).
    public func containsInFirst(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        first.index(key, hash: ByteStringTable.hash(key, lowercase: false), lowercase: false) != nil
    }
}
