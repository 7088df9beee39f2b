/// A half-open byte range `start..<end` into a document's normalized text.
public struct TextRange: Sendable, Hashable {
    /// First byte.
    public var start: Int32
    /// One past the last byte.
    public var end: Int32
    /// Creates a range.
    @inlinable public init(_ start: Int, _ end: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }
    /// The range as Swift integers.
    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }
    /// Byte length.
    @inlinable public var count: Int { Int(end - start) }
}

/// What a token is.
public enum TokenKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Letters, possibly with hyphens, apostrophes and digits: `kios-kios`, `e-KTP`, `Covid-19`.
    case word
    /// Numbers, decimals, times and dates: `5,61`, `1.500.000`, `10.15`, `12/5/2022`.
    case number
    /// Punctuation, including quote marks, dashes, brackets and `...`.
    case punctuation
    /// Other symbols: `%`, `Rp` before an amount, `&`, `/`, emoji.
    case symbol
    /// A URL or bare domain: `https://kompas.com/…`, `KOMPAS.com`.
    case url
    /// An e-mail address.
    case email
    /// `@name`.
    case mention
    /// `#Tag`.
    case hashtag
    /// An abbreviation with its dots: `Jl.`, `S.H.`, `dll.`, `H.`.
    case abbreviation

    /// The lower-case name used in JSON and CoNLL-U output.
    public var description: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        case .url: "url"
        case .email: "email"
        case .mention: "mention"
        case .hashtag: "hashtag"
        case .abbreviation: "abbreviation"
        }
    }
}

/// Properties of a token, set by the tokenizer.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt16
    /// Creates flags from raw bits.
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// Starts with an upper-case letter.
    @inlinable public static var capitalized: TokenFlags { TokenFlags(rawValue: 1 << 0) }
    /// Has letters, all upper-case (`DPRD`, `SEMARANG`).
    @inlinable public static var allCaps: TokenFlags { TokenFlags(rawValue: 1 << 1) }
    /// Contains a hyphen between letters or digits.
    @inlinable public static var hyphenated: TokenFlags { TokenFlags(rawValue: 1 << 2) }
    /// An opening quote mark (`“`, `‘`, `«`, or `"` before text).
    @inlinable public static var openingQuote: TokenFlags { TokenFlags(rawValue: 1 << 3) }
    /// A closing quote mark (`”`, `’`, `»`, or `"` after text).
    @inlinable public static var closingQuote: TokenFlags { TokenFlags(rawValue: 1 << 4) }
    /// A dash: `-` standing alone, `–`, `—`.
    @inlinable public static var dash: TokenFlags { TokenFlags(rawValue: 1 << 5) }
    /// Sentence-final punctuation: `.`, `?`, `!`, `...`, `…`.
    @inlinable public static var terminal: TokenFlags { TokenFlags(rawValue: 1 << 6) }
    /// Has non-ASCII bytes.
    @inlinable public static var nonASCII: TokenFlags { TokenFlags(rawValue: 1 << 7) }
    /// An opening bracket.
    @inlinable public static var openingBracket: TokenFlags { TokenFlags(rawValue: 1 << 8) }
    /// A closing bracket.
    @inlinable public static var closingBracket: TokenFlags { TokenFlags(rawValue: 1 << 9) }
    /// An abbreviation that may also end a sentence (`dll.`, `dsb.`, a degree).
    @inlinable public static var mayEndSentence: TokenFlags { TokenFlags(rawValue: 1 << 10) }
    /// A comma, semicolon or colon.
    @inlinable public static var comma: TokenFlags { TokenFlags(rawValue: 1 << 11) }
    /// Has a digit.
    @inlinable public static var hasDigit: TokenFlags { TokenFlags(rawValue: 1 << 12) }
    /// A line break (or paragraph break) follows the token.
    @inlinable public static var lineBreakAfter: TokenFlags { TokenFlags(rawValue: 1 << 13) }
    /// A degree the abbreviation list knows, written in capitals without its dots (`SH` for
    /// `S.H.`, `MM`, `MBA`): the tokenizer sets it; ``Degrees`` reads it after a name.
    @inlinable public static var degree: TokenFlags { TokenFlags(rawValue: 1 << 14) }
}

/// Token arrays, struct-of-arrays: one entry per token, in text order.
public struct TokenTable: Sendable {
    /// Start byte of each token in the normalized text.
    public internal(set) var starts: [Int32] = []
    /// End byte (exclusive) of each token.
    public internal(set) var ends: [Int32] = []
    /// Kind of each token.
    public internal(set) var kinds: [TokenKind] = []
    /// Flags of each token.
    public internal(set) var flags: [TokenFlags] = []
    /// Clitic analysis of each token, or empty when no token has clitics (most short
    /// texts): read it through ``clitic(_:)``.
    public internal(set) var clitics: [CliticSplit] = []

    /// The clitic analysis of token `i` (`.none` for most tokens).
    @inlinable public func clitic(_ i: Int) -> CliticSplit { clitics.isEmpty ? .none : clitics[i] }

    /// Records the clitic analysis of token `i`, allocating the column on first use.
    mutating func setClitic(_ i: Int, _ split: CliticSplit) {
        if clitics.isEmpty {
            // Stored in one pass (a fill of zero bytes), not appended a three-byte value at a time.
            let n = count
            clitics = [CliticSplit](unsafeUninitializedCapacity: n) { column, initialized in
                column.initialize(repeating: .none)
                initialized = n
            }
        }
        clitics[i] = split
    }
    /// Tokens the tokenizer found may carry clitics, or nil when unknown (then every word
    /// token is examined).
    var cliticCandidates: [Int32]? = nil

    /// An empty table.
    public init() {}

    /// Number of tokens.
    @inlinable public var count: Int { starts.count }

    /// Byte length of token `i`.
    @inlinable public func count(_ i: Int) -> Int { Int(ends[i] - starts[i]) }

    mutating func reserve(_ n: Int) {
        starts.reserveCapacity(n); ends.reserveCapacity(n); kinds.reserveCapacity(n)
        flags.reserveCapacity(n); clitics.reserveCapacity(n)
    }

    mutating func appendColumns(_ s: UnsafeBufferPointer<Int32>, _ e: UnsafeBufferPointer<Int32>,
                                _ k: UnsafeBufferPointer<TokenKind>, _ f: UnsafeBufferPointer<TokenFlags>) {
        starts.append(contentsOf: s); ends.append(contentsOf: e); kinds.append(contentsOf: k)
        flags.append(contentsOf: f)
        if !clitics.isEmpty { clitics.append(contentsOf: repeatElement(.none, count: s.count)) }
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, _ kind: TokenKind, _ flags: TokenFlags) {
        starts.append(Int32(truncatingIfNeeded: start))
        ends.append(Int32(truncatingIfNeeded: end))
        kinds.append(kind)
        self.flags.append(flags)
        if !clitics.isEmpty { clitics.append(.none) }
    }
}

/// A clitic analysis: how many bytes of a token are a proclitic (`ku-`, `kau-`) and how
/// many are enclitics (`-nya`, `-lah`, …), and where the second enclitic starts if any.
public struct CliticSplit: Sendable, Hashable {
    /// Bytes of the proclitic at the start (0 when none).
    public var prefix: UInt8
    /// Bytes of the first enclitic (0 when none).
    public var suffix1: UInt8
    /// Bytes of a second enclitic after the first (`dirinyalah`: `nya` + `lah`).
    public var suffix2: UInt8
    /// No clitics.
    public static let none = CliticSplit(prefix: 0, suffix1: 0, suffix2: 0)
    /// Creates an analysis.
    @inlinable public init(prefix: UInt8, suffix1: UInt8, suffix2: UInt8) {
        self.prefix = prefix; self.suffix1 = suffix1; self.suffix2 = suffix2
    }
    /// Whether any clitic was found.
    @inlinable public var isSplit: Bool { prefix != 0 || suffix1 != 0 }
}

/// An analysed document: the normalized text owns all token, sentence and paragraph
/// arrays; ``Token``, ``Sentence`` and ``Paragraph`` are index views into it.
public struct Document: Sendable {
    /// Normalized UTF-8 text.
    public let bytes: [UInt8]
    /// Normalized offsets to the original input's offsets.
    public let offsetMap: OffsetMap
    /// What normalization changed.
    public let normalization: NormalizationStats
    /// Paragraph byte ranges.
    public var paragraphRanges: [TextRange] = []
    /// Sentence byte ranges.
    public internal(set) var sentenceRanges: [TextRange] = []
    /// For each sentence, the index of its first token; `sentenceTokenStarts[i+1]` ends it.
    public internal(set) var sentenceTokenStarts: [Int32] = []
    /// Tokens.
    public internal(set) var tokens = TokenTable()

    /// A document over already normalized text.
    public init(normalized: NormalizedText) {
        bytes = normalized.bytes
        offsetMap = normalized.map
        normalization = normalized.stats
    }

    /// The normalized text as a String.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text of a byte range.
    public func text(_ r: TextRange) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r.range]), as: UTF8.self) }
    }

    /// Token `i` as a view.
    @inlinable public func token(_ i: Int) -> Token { Token(document: self, index: i) }

    /// All tokens as views.
    public var tokenViews: [Token] { (0..<tokens.count).map { Token(document: self, index: $0) } }

    /// All sentences as views.
    public var sentences: [Sentence] { (0..<sentenceRanges.count).map { Sentence(document: self, index: $0) } }

    /// All paragraphs as views.
    public var paragraphs: [Paragraph] { (0..<paragraphRanges.count).map { Paragraph(document: self, index: $0) } }
}

/// A document's text and token columns as buffer pointers, for hot loops: no bounds checks in
/// release builds, no reference counting. Valid only inside ``Document/withColumns(_:)``.
public struct DocumentColumns {
    /// The normalized UTF-8 text.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Each token's start and end byte.
    public let starts: UnsafeBufferPointer<Int32>
    public let ends: UnsafeBufferPointer<Int32>
    /// Each token's flags and kind.
    public let flags: UnsafeBufferPointer<TokenFlags>
    public let kinds: UnsafeBufferPointer<TokenKind>
    /// Each sentence's first token, then the token count.
    public let sentenceTokenStarts: UnsafeBufferPointer<Int32>
    /// Creates columns (for ``Document/withColumns(_:)``).
    @inlinable public init(bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Int32>,
                           flags: UnsafeBufferPointer<TokenFlags>, kinds: UnsafeBufferPointer<TokenKind>,
                           sentenceTokenStarts: UnsafeBufferPointer<Int32>) {
        self.bytes = bytes; self.starts = starts; self.ends = ends; self.flags = flags; self.kinds = kinds
        self.sentenceTokenStarts = sentenceTokenStarts
    }
}

extension Document {
    /// Calls `body` with the text and the token columns as buffer pointers.
    @inlinable
    public func withColumns<R>(_ body: (DocumentColumns) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { bytes in
            try tokens.starts.withUnsafeBufferPointer { starts in
                try tokens.ends.withUnsafeBufferPointer { ends in
                    try tokens.flags.withUnsafeBufferPointer { flags in
                        try tokens.kinds.withUnsafeBufferPointer { kinds in
                            try sentenceTokenStarts.withUnsafeBufferPointer { sentences in
                                try body(DocumentColumns(bytes: bytes, starts: starts, ends: ends, flags: flags, kinds: kinds,
                                                         sentenceTokenStarts: sentences))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A token: an index into a ``Document``'s token arrays.
public struct Token: Sendable {
    /// The document.
    public let document: Document
    /// The token's index.
    public let index: Int
    /// Creates a view of token `index`.
    @inlinable public init(document: Document, index: Int) { self.document = document; self.index = index }
    /// Byte range in the normalized text.
    public var range: TextRange { TextRange(Int(document.tokens.starts[index]), Int(document.tokens.ends[index])) }
    /// Kind.
    public var kind: TokenKind { document.tokens.kinds[index] }
    /// Flags.
    public var flags: TokenFlags { document.tokens.flags[index] }
    /// Surface text.
    public var text: String { document.text(range) }
    /// Clitic analysis.
    public var clitics: CliticSplit { document.tokens.clitic(index) }
    /// The syntactic words of this token: the surface split at its clitics (`bukunya` →
    /// `buku`, `nya`), or the token itself.
    public var words: [String] { document.wordRanges(ofToken: index).map { document.text($0) } }
    /// Whether whitespace follows the token in the normalized text.
    public var spaceAfter: Bool {
        let e = Int(document.tokens.ends[index])
        return e < document.bytes.count && (document.bytes[e] == 0x20 || document.bytes[e] == 0x0A)
    }
}

/// A sentence: an index into a ``Document``'s sentence arrays.
public struct Sentence: Sendable {
    /// The document.
    public let document: Document
    /// The sentence's index.
    public let index: Int
    /// Byte range.
    public var range: TextRange { document.sentenceRanges[index] }
    /// Text.
    public var text: String { document.text(range) }
    /// Indices of its tokens.
    public var tokenIndices: Range<Int> {
        Int(document.sentenceTokenStarts[index])..<Int(document.sentenceTokenStarts[index + 1])
    }
    /// Its tokens as views.
    public var tokens: [Token] { tokenIndices.map { document.token($0) } }
}

/// A paragraph: an index into a ``Document``'s paragraph array.
public struct Paragraph: Sendable {
    /// The document.
    public let document: Document
    /// The paragraph's index.
    public let index: Int
    /// Byte range.
    public var range: TextRange { document.paragraphRanges[index] }
    /// Text.
    public var text: String { document.text(range) }
}

extension Document {
    /// The byte ranges of the syntactic words of token `i` after clitic splitting.
    public func wordRanges(ofToken i: Int) -> [TextRange] {
        let s = Int(tokens.starts[i]), e = Int(tokens.ends[i])
        let c = tokens.clitic(i)
        if !c.isSplit { return [TextRange(s, e)] }
        var out: [TextRange] = []
        var p = s
        if c.prefix > 0 { out.append(TextRange(p, p + Int(c.prefix))); p += Int(c.prefix) }
        let baseEnd = e - Int(c.suffix1) - Int(c.suffix2)
        out.append(TextRange(p, baseEnd))
        if c.suffix1 > 0 { out.append(TextRange(baseEnd, baseEnd + Int(c.suffix1))) }
        if c.suffix2 > 0 { out.append(TextRange(e - Int(c.suffix2), e)) }
        return out
    }
}
