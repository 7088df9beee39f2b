/// How the tokenizer sees one character.
public enum CharacterClass: UInt8, Sendable {
    /// Letters and combining marks.
    case letter
    /// Decimal digits.
    case digit
    /// Space or line break.
    case space
    /// A quote mark whose direction depends on context (`"`, `'`, `”`, `’`, `″`).
    case quote
    /// A quote mark that normally opens (`“`, `‘`, `„`, `«`, `‹`).
    case openingQuote
    /// A quote mark that normally closes (`»`, `›`).
    case closingQuote
    /// A dash between words: `–`, `—`, `―`, `‒`, `−`.
    case dash
    /// A hyphen that may join word parts: `-`, U+2010, U+2011.
    case hyphen
    /// `.`, `?`, `!`, `…`.
    case terminal
    /// `,`, `;`, `:`.
    case comma
    /// `(`, `[`, `{`.
    case openingBracket
    /// `)`, `]`, `}`.
    case closingBracket
    /// Anything else: symbols, emoji, other punctuation.
    case other

    /// The class of scalar `c`.
    @inline(__always)
    public static func of(_ c: UInt32) -> CharacterClass {
        if c < 0x80 { return ascii[Int(c)] }
        switch c {
        case 0x201C, 0x2018, 0x201E, 0x201A, 0x00AB, 0x2039, 0x201F, 0x201B: return .openingQuote
        case 0x00BB, 0x203A: return .closingQuote
        case 0x201D, 0x2019, 0x2033, 0x2032: return .quote
        case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2E3A, 0x2E3B: return .dash
        case 0x2010, 0x2011: return .hyphen
        case 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x00A1, 0x00BF: return .terminal
        case 0xA0, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        // Superscript digits belong to the word they follow: km², m³.
        case 0xB2, 0xB3, 0xB9, 0x2070...0x2079: return .letter
        default:
            let bits = UnicodeProperties.bits(c)
            if bits.contains(.letter) || bits.contains(.mark) { return .letter }
            if bits.contains(.digit) { return .digit }
            return .other
        }
    }

    /// The scalars beyond ASCII that ``of(_:)`` reads as a quote mark (opening, closing or
    /// either), so a list of every quote mark need not ask ``of(_:)`` of each scalar.
    public static let nonASCIIQuotes: [UInt32] = [0x201C, 0x2018, 0x201E, 0x201A, 0x00AB, 0x2039, 0x201F, 0x201B, 0x00BB,
                                                  0x203A, 0x201D, 0x2019, 0x2033, 0x2032]

    static let ascii: [CharacterClass] = (0..<128).map { (b: Int) -> CharacterClass in
        switch UInt8(b) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case 0x20, 0x0A, 0x09, 0x0D: return .space
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): return .quote
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"): return .terminal
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"): return .comma
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .openingBracket
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .closingBracket
        default: return .other
        }
    }
}

extension CharacterClass {
    /// The high bit of each byte of `x` (eight bytes, the first lowest) that is not `a`–`z`.
    @inline(__always)
    static func notLowerCase(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let low7 = x & ~highs
        let atLeastA = low7 &+ (0x80 - 0x61) &* ones      // high bit: byte >= 0x61
        let pastZ = low7 &+ (0x80 - 0x7B) &* ones         // high bit: byte >= 0x7B
        return ~(atLeastA & ~pastZ & ~x) & highs
    }
}
