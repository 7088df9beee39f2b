import WartaText

/// How the bytes of a page were decoded.
public struct DecodedPage: Sendable {
    /// The page as valid UTF-8 (NUL bytes and invalid sequences replaced by U+FFFD), or the
    /// raw bytes when `libxmlEncoding` is set.
    public let bytes: [UInt8]
    /// The charset used, lower case: `utf-8`, `windows-1252`, or a name passed to libxml2.
    public let charset: String
    /// Where the charset came from: `caller`, `bom`, `meta`, `sniffed`.
    public let source: String
    /// A charset other than UTF-8 and windows-1252 that libxml2 must decode itself.
    public let libxmlEncoding: String?
    /// Bytes replaced because they were not valid in the chosen charset (or were NUL).
    public let replaced: Int
}

/// Chooses a page's charset and decodes it to UTF-8.
///
/// Order: the charset the caller passes (HTTP headers), a byte order mark, `<meta charset>`
/// or http-equiv in the first 4 KiB, then sniffing (valid UTF-8 → UTF-8, otherwise
/// windows-1252). A page that declares ISO-8859-1, windows-1252 or ASCII but is valid UTF-8
/// with non-ASCII bytes is read as UTF-8 (a common server mistake), and ISO-8859-1 is read as
/// windows-1252, its superset, so curly quotes in 0x80–0x9F survive.
public enum CharsetDecoder {
    /// Decodes `bytes`, honouring `declared` (from HTTP) when it is a known charset.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> DecodedPage {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return utf8(Array(bytes[3...]), source: "bom")
        }
        if let le = utf16Mark(bytes) {
            return utf8(utf16ToUTF8(Array(bytes[2...]), littleEndian: le), source: "bom", charset: le ? "utf-16le" : "utf-16be")
        }
        let named = declared.flatMap(normalizedName).map { ($0, "caller") }
            ?? metaCharset(bytes).flatMap(normalizedName).map { ($0, "meta") }
        let validUTF8 = isValidUTF8(bytes)
        guard let (name, source) = named else {
            return validUTF8 ? utf8(bytes, source: "sniffed") : windows1252(bytes, source: "sniffed")
        }
        switch name {
        case "utf-16le", "utf-16be":
            // UTF-16 without a byte order mark shows as NUL bytes in every other place; a page
            // whose markup could be read to find the label is in an ASCII-compatible charset,
            // and HTML reads such a declaration as UTF-8.
            if let littleEndian = utf16ByteOrder(bytes) {
                return utf8(utf16ToUTF8(bytes, littleEndian: littleEndian), source: source, charset: littleEndian ? "utf-16le" : "utf-16be")
            }
            fallthrough
        case "utf-8":
            // A page that says UTF-8 but is not: mostly single high bytes are windows-1252.
            if !validUTF8, invalidShare(bytes) > 0.5 { return windows1252(bytes, source: "sniffed") }
            return utf8(bytes, source: name == "utf-8" ? source : "sniffed")
        case "windows-1252", "iso-8859-1", "us-ascii":
            return validUTF8 ? utf8(bytes, source: source == "caller" ? "caller" : "sniffed")
                : windows1252(bytes, source: source)
        default:
            // Text that is valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says:
            // legacy multi-byte text almost never forms valid UTF-8 by chance.
            if validUTF8, bytes.contains(where: { $0 >= 0x80 }) { return utf8(bytes, source: "sniffed") }
            // Another charset (GBK, Shift_JIS, …): libxml2's iconv decodes it.
            return DecodedPage(bytes: bytes.map { $0 == 0 ? 0x20 : $0 }, charset: name, source: source,
                               libxmlEncoding: name, replaced: 0)
        }
    }

    /// Plain text that is not UTF-8, decoded to UTF-8: UTF-16 or UTF-8 with a byte order mark,
    /// or Latin text whose non-ASCII bytes (under a quarter of all) are mostly no valid UTF-8,
    /// read as windows-1252, the superset of Latin-1 that old sites and Windows editors write.
    /// Nil for UTF-8 text, which is left as it is (a stray invalid byte is the normalizer's to
    /// replace), and for other bytes (a legacy Asian charset, binary data): not read as Latin.
    public static func decodeText(_ bytes: [UInt8]) -> DecodedPage? {
        if utf16Mark(bytes) != nil { return decode(bytes) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return decode(bytes) }
        // Mostly invalid high bytes are no UTF-8 (so no valid-UTF-8 pass is needed).
        guard bytes.count(where: { $0 >= 0x80 }) * 4 < bytes.count, invalidShare(bytes) > 0.5 else { return nil }
        return windows1252(bytes, source: "sniffed")
    }

    /// Whether `bytes` open with a UTF-16 byte order mark: true little endian (FF FE), false big
    /// endian (FE FF), nil without one.
    public static func utf16Mark(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return true }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return false }
        return nil
    }

    /// The first 64 KiB of a page in UTF-16 as UTF-8 (NULs kept), when `bytes` open with a
    /// UTF-16 byte order mark, or `declared` (the caller's charset) names UTF-16 and NUL bytes
    /// in every other place agree; nil for a page in any other charset. What the decoder will
    /// read, for a check of the page before it is parsed.
    public static func utf16Sample(_ bytes: [UInt8], declared: String?) -> [UInt8]? {
        if let le = utf16Mark(bytes) { return utf16ToUTF8(Array(bytes[2..<min(bytes.count, 65_536)]), littleEndian: le) }
        guard let name = declared.flatMap(normalizedName), name == "utf-16le" || name == "utf-16be",
              let littleEndian = utf16ByteOrder(bytes) else { return nil }
        return utf16ToUTF8(Array(bytes.prefix(65_536)), littleEndian: littleEndian)
    }

    /// Whether `bytes` look like UTF-16 without a byte order mark: true for little endian (NUL
    /// after most ASCII letters), false for big endian, nil when under two in five of the first
    /// 512 pairs of bytes have a NUL on one side.
    static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        let pairs = min(bytes.count / 2, 512)
        guard pairs >= 8 else { return nil }
        var even = 0, odd = 0
        for k in 0..<pairs {
            if bytes[2 * k] == 0 { even += 1 }
            if bytes[2 * k + 1] == 0 { odd += 1 }
        }
        if odd * 5 >= pairs * 2, odd > even { return true }
        if even * 5 >= pairs * 2, even > odd { return false }
        return nil
    }

    /// The canonical lower-case name of a charset label, or nil when empty.
    static func normalizedName(_ label: String) -> String? {
        var s = label.lowercased()
        while let f = s.first, f == " " || f == "\"" || f == "'" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\"" || l == "'" || l == ";" { s.removeLast() }
        if s.isEmpty { return nil }
        switch s {
        // MySQL's names, which PHP sites print into their pages, are UTF-8 too.
        case "utf8", "utf-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8", "utf8mb4", "utf8mb3": return "utf-8"
        case "utf-16", "utf-16le", "utf16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff": return "utf-16le"
        case "utf-16be", "unicodefffe": return "utf-16be"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819": return "iso-8859-1"
        // `x-user-defined` is a mislabelled Latin page in practice.
        case "windows-1252", "cp1252", "x-cp1252", "x-user-defined": return "windows-1252"
        case "ascii", "us-ascii": return "us-ascii"
        default: return s
        }
    }

    /// The charset a `<meta>` tag in the first 4 KiB declares.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { ($0 &- 0x41) < 26 ? $0 | 0x20 : $0 }
        let needle = Array("charset".utf8)
        var i = 0
        while i + needle.count < head.count {
            if head[i] == 0x63, head[i..<(i + needle.count)].elementsEqual(needle) {
                // Inside a <meta …> tag?
                var k = i
                while k > 0, head[k] != UInt8(ascii: "<"), head[k] != UInt8(ascii: ">") { k -= 1 }
                if head[k] == UInt8(ascii: "<"), head[k..<min(k + 5, head.count)].elementsEqual(Array("<meta".utf8)) {
                    var j = i + needle.count
                    while j < head.count, head[j] == 0x20 { j += 1 }
                    if j < head.count, head[j] == UInt8(ascii: "=") {
                        j += 1
                        while j < head.count, head[j] == 0x20 || head[j] == 0x22 || head[j] == 0x27 { j += 1 }
                        var e = j
                        while e < head.count, isLabel(head[e]) { e += 1 }
                        if e > j { return String(decoding: head[j..<e], as: UTF8.self) }
                    }
                }
            }
            i += 1
        }
        return nil
    }

    private static func isLabel(_ b: UInt8) -> Bool {
        (b &- 0x61) < 26 || (b &- 0x30) < 10 || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
    }

    /// The share of non-ASCII bytes that are not part of a valid UTF-8 sequence.
    static func invalidShare(_ bytes: [UInt8]) -> Double {
        let p = bytes.span
        var i = 0, high = 0, invalid = 0
        while i < p.count {
            if p[i] < 0x80 { i += 1; continue }
            if let (_, len) = UTF8Decoder.decode(p, i) { high += len; i += len } else { high += 1; invalid += 1; i += 1 }
        }
        return high == 0 ? 0 : Double(invalid) / Double(high)
    }

    /// Whether `bytes` are valid UTF-8 (a sequence cut at the very end counts as valid).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            let valid = UTF8Decoder.validPrefixLength(p)
            return valid == p.count || p.count - valid < 4 && p[valid] >= 0xC2
        }
    }

    /// UTF-8 with invalid sequences and NUL bytes replaced by U+FFFD. A page with none is
    /// returned as it came, not copied.
    static func utf8(_ bytes: [UInt8], source: String, charset: String = "utf-8") -> DecodedPage {
        // Written only from the first replacement on.
        var out: [UInt8] = []
        var replaced = 0
        var runStart = 0
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                i = UTF8Decoder.plainASCIIEnd(p, from: i, allowingNUL: false)
                guard i < p.count else { break }
                let b = p[i]
                if b != 0 && b < 0x80 { i += 1; continue }
                if b >= 0x80, let (_, len) = UTF8Decoder.decode(p, i) { i += len; continue }
                if replaced == 0 { out.reserveCapacity(bytes.count + 64) }
                out.append(contentsOf: p[runStart..<i])
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
                i += 1
                runStart = i
            }
        }
        guard replaced > 0 else { return DecodedPage(bytes: bytes, charset: charset, source: source, libxmlEncoding: nil, replaced: 0) }
        out.append(contentsOf: bytes[runStart...])
        return DecodedPage(bytes: out, charset: charset, source: source, libxmlEncoding: nil, replaced: replaced)
    }

    /// windows-1252 to UTF-8 (its five undefined bytes, and NUL, become U+FFFD).
    static func windows1252(_ bytes: [UInt8], source: String) -> DecodedPage {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var replaced = 0
        for b in bytes {
            if b != 0 && b < 0x80 { out.append(b); continue }
            var c = UInt32(b)
            if b == 0 { c = 0xFFFD; replaced += 1 } else if b < 0xA0 {
                c = Windows1252.highCharacter(b)
                if c == 0xFFFD { replaced += 1 }
            }
            UTF8Decoder.encode(c, into: &out)
        }
        return DecodedPage(bytes: out, charset: "windows-1252", source: source, libxmlEncoding: nil, replaced: replaced)
    }

    /// UTF-16 code units (two bytes each, in the order given) as UTF-8, as written: a NUL stays
    /// a NUL, a lone surrogate becomes U+FFFD.
    static func utf16ToUTF8(_ bytes: [UInt8], littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out: [UInt8] = []
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            UTF8Decoder.encode(scalar.value, into: &out)
        }
        return out
    }
}
