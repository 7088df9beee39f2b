import CICUShim

/// Character properties the hot paths need, precomputed once from ICU for the whole BMP.
///
/// Looking a scalar up is one array load; scalars outside the BMP (emoji, rare CJK) fall
/// back to a direct ICU call.
public enum UnicodeProperties {
    /// Property bits of one scalar.
    public struct Bits: OptionSet, Sendable {
        /// The bits.
        public let rawValue: UInt8
        /// Creates bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Alphabetic (ICU u_isalpha).
        public static let letter = Bits(rawValue: 1)
        /// Combining mark (general category M*).
        public static let mark = Bits(rawValue: 2)
        /// Decimal digit (Nd).
        public static let digit = Bits(rawValue: 4)
        /// Upper- or title-case letter.
        public static let upper = Bits(rawValue: 8)
        /// NFC never changes text around this scalar.
        public static let nfcInert = Bits(rawValue: 16)
    }

    /// The bits of every BMP scalar, filled by one C call (a general-category lookup and an
    /// NFC inertness test each): a third of the instructions of asking ICU for each property
    /// apart, at every start.
    private static let bmp = [UInt8](unsafeUninitializedCapacity: 0x10000) { table, count in
        cicu_fill_bmp_properties(table.baseAddress!)
        count = 0x10000
    }

    /// The bits of scalar `c`, one ICU call a property (outside the BMP; tests compare the table with it).
    static func compute(_ c: UInt32) -> Bits {
        var b: Bits = []
        if cicu_is_letter(c) != 0 { b.insert(.letter) }
        if cicu_is_mark(c) != 0 { b.insert(.mark) }
        if cicu_is_digit(c) != 0 { b.insert(.digit) }
        if cicu_is_upper(c) != 0 { b.insert(.upper) }
        if cicu_nfc_is_inert(c) != 0 { b.insert(.nfcInert) }
        return b
    }

    /// The property bits of scalar `c`.
    @inline(__always)
    public static func bits(_ c: UInt32) -> Bits {
        if c < 0x10000 { return Bits(rawValue: bmp[Int(c)]) }
        return compute(c)
    }

    /// The runtime ICU version, such as "72.1".
    public static var icuVersion: String {
        var v: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &v) { cicu_version($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        return "\(v.0).\(v.1)"
    }
}

/// Strict UTF-8 decoding and encoding of one scalar.
public enum UTF8Decoder {
    /// Decodes the scalar at `i` of the bytes `bytes` views (see the buffer form).
    @inline(__always)
    public static func decode(_ bytes: Span<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int)? {
        bytes.withUnsafeBufferPointer { decode($0, i) }
    }

    /// Decodes the scalar at `i`; returns the scalar and its length, or nil for an invalid
    /// or truncated sequence (overlong forms, surrogates and values above U+10FFFF included).
    @inline(__always)
    public static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int)? {
        let n = p.count
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xC2 { return nil }
        if b0 < 0xE0 {
            guard i + 1 < n else { return nil }
            let b1 = UInt32(p[i + 1])
            guard b1 & 0xC0 == 0x80 else { return nil }
            return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < n else { return nil }
            let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2])
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
            if b0 == 0xE0 && b1 < 0xA0 { return nil }
            if b0 == 0xED && b1 >= 0xA0 { return nil }
            return ((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F), 3)
        }
        if b0 < 0xF5 {
            guard i + 3 < n else { return nil }
            let b1 = UInt32(p[i + 1]), b2 = UInt32(p[i + 2]), b3 = UInt32(p[i + 3])
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return nil }
            if b0 == 0xF0 && b1 < 0x90 { return nil }
            if b0 == 0xF4 && b1 >= 0x90 { return nil }
            return ((b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F), 4)
        }
        return nil
    }

    /// Appends the UTF-8 encoding of `c` to `out`.
    @inline(__always)
    public static func encode(_ c: UInt32, into out: inout [UInt8]) {
        if c < 0x80 {
            out.append(UInt8(c))
        } else if c < 0x800 {
            out.append(UInt8(0xC0 | c >> 6)); out.append(UInt8(0x80 | c & 0x3F))
        } else if c < 0x10000 {
            out.append(UInt8(0xE0 | c >> 12)); out.append(UInt8(0x80 | (c >> 6) & 0x3F))
            out.append(UInt8(0x80 | c & 0x3F))
        } else {
            out.append(UInt8(0xF0 | c >> 18)); out.append(UInt8(0x80 | (c >> 12) & 0x3F))
            out.append(UInt8(0x80 | (c >> 6) & 0x3F)); out.append(UInt8(0x80 | c & 0x3F))
        }
    }
}

extension UTF8Decoder {
    /// The first index from `i` of a byte of 0x80 or more (or of a NUL, unless `allowingNUL`),
    /// passing eight plain ASCII bytes a step: with none, an index in the last seven bytes or
    /// the count. Every byte before the index is plain ASCII.
    @inline(__always)
    public static func plainASCIIEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int, allowingNUL: Bool = true) -> Int {
        guard let base = p.baseAddress else { return i }
        let raw = UnsafeRawPointer(base), highs: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        var i = i
        while i &+ 8 <= p.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A borrow flags only bytes above a true NUL, so a word without flags has none.
            let nul = allowingNUL ? 0 : (w &- ones) & ~w & highs
            if (w & highs) | nul != 0 { break }
            i &+= 8
        }
        return i
    }

    /// How many bytes from the start of `p` are well-formed UTF-8 (as `String(validating:)`
    /// decides: no overlong forms, surrogates or values above U+10FFFF): the index of the first
    /// byte that opens no valid sequence, or the count. ASCII eight bytes at a time.
    public static func validPrefixLength(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        let n = p.count
        var i = 0
        while i < n {
            i = plainASCIIEnd(p, from: i)
            guard i < n else { break }
            if p[i] < 0x80 { i &+= 1; continue }
            guard let (_, length) = decode(p, i) else { return i }
            i &+= length
        }
        return n
    }
}

