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
    /// The longest abbreviation in bytes.
    public let longestAbbreviation: Int

    /// The lexicons built into Warta (from `Lexicons/`).
    public static let builtIn = TokenizerLexicon(
        abbreviationsTSV: EmbeddedLexicons.abbreviations,
        cliticExceptionsTSV: EmbeddedLexicons.cliticExceptions,
        lemmasTSV: EmbeddedLexicons.lemmas)

    /// Builds lexicons from TSV text in the formats of `Lexicons/` (header row first).
    public init(abbreviationsTSV: String, cliticExceptionsTSV: String, lemmasTSV: String) {
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
        var words: [([UInt8], Int32)] = []
        var lemmas: [([UInt8], Int32)] = []
        for row in TokenizerLexicon.rows(lemmasTSV) where row.count >= 2 {
            words.append((row[0], 0))
            words.append((row[1], 0))
            lemmas.append((row[1], 0))
        }
        knownWords = ByteStringTable(words)
        lexicalWords = ByteStringTable(lemmas)
    }

    /// The fields of each data row (the header row and blank lines skipped).
    public static func rows(_ tsv: String) -> [[[UInt8]]] {
        var out: [[[UInt8]]] = []
        var first = true
        for line in tsv.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if first { first = false; continue }
            var fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { Array($0) }
            if let last = fields.last, last.last == 0x0D { fields[fields.count - 1].removeLast() }
            if fields.isEmpty || fields[0].isEmpty || fields[0].first == 0x23 { continue }
            out.append(fields)
        }
        return out
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
