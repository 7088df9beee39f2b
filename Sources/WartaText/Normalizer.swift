import CICUShim

/// The characters windows-1252 gives the bytes 0x80–0x9F, where Latin-1 has C1 controls.
public enum Windows1252 {
    /// The character of byte `b` (0x80–0x9F), U+FFFD for the five bytes windows-1252 leaves undefined.
    @inline(__always)
    public static func highCharacter(_ b: UInt8) -> UInt32 { high[Int(b &- 0x80) & 31] }

    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}

/// What the normalizer changed in one text.
public struct NormalizationStats: Sendable, Equatable {
    /// Bytes that were not valid UTF-8 and became U+FFFD.
    public var invalidUTF8 = 0
    /// Characters rebuilt from UTF-8 that had been decoded as windows-1252 (`â€œ` → `“`), and
    /// windows-1252 characters that had been decoded as Latin-1 (U+0093 → `“`).
    public var mojibakeRepaired = 0
    /// Invisible characters removed: zero-width spaces and joiners, BOM, soft hyphens, controls.
    public var removed = 0
    /// Runs that NFC recomposition changed.
    public var recomposed = 0
    /// Creates empty statistics.
    public init() {}
}

/// Normalized UTF-8 text with the map back to the original bytes.
public struct NormalizedText: Sendable {
    /// The normalized text as UTF-8 bytes.
    public let bytes: [UInt8]
    /// Normalized byte offsets to original byte offsets.
    public let map: OffsetMap
    /// What changed.
    public let stats: NormalizationStats
    /// Where each paragraph break ("\n\n") starts, in order.
    public let paragraphBreaks: [Int32]
}

/// Turns raw bytes into clean NFC UTF-8 text in one pass, keeping the offset map.
///
/// - Invalid UTF-8 becomes U+FFFD (counted).
/// - UTF-8 that was once decoded as windows-1252 (`â€œ`, `â€™`, `Ã©`, `Â `) is repaired.
/// - NBSP, thin, figure, ideographic and other spaces and tabs become a space; runs collapse.
/// - CR, CRLF, NEL and U+2028 become a line break; a blank line or U+2029 is a paragraph
///   break, written as exactly one empty line. Leading and trailing whitespace is dropped.
/// - A C1 control that windows-1252 gives a character (U+0093, a `“` read as Latin-1) becomes
///   that character (counted as a repair); NEL is a line break.
/// - Zero-width space and joiners, BOM, soft hyphen and other C0/C1 controls are removed.
/// - Text is recomposed to NFC through ICU, touching only the runs ICU says may change.
/// - Quote marks and dashes stay as written: see ``CharacterClass`` for their classes.
public struct Normalizer: Sendable {
    /// Creates a normalizer.
    public init() {}

    /// Normalizes `input`.
    public func normalize(_ input: [UInt8]) -> NormalizedText {
        input.withUnsafeBufferPointer { normalize($0) }
    }

    /// Normalizes the UTF-8 of `input`.
    public func normalize(_ input: String) -> NormalizedText {
        normalize(Array(input.utf8))
    }

    /// Normalizes `input`.
    public func normalize(_ input: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var state = State(capacity: input.count)
        state.run(input)
        state.map.normalizedLength = state.out.count
        state.map.originalLength = input.count
        return NormalizedText(bytes: state.out, map: state.map, stats: state.stats, paragraphBreaks: state.paragraphBreaks)
    }

    /// Skips 8-byte blocks that are printable ASCII with single spaces, which normalization
    /// leaves as they are (the common case); returns where byte-by-byte work must resume.
    @inline(__always)
    static func skipCleanASCII(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = p.baseAddress else { return start }
        let n = p.count
        var j = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while j + 8 <= n {
            let x = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
            if x & highs != 0 { break }                                   // non-ASCII
            if (x &- 0x20 &* ones) & ~x & highs != 0 { break }            // controls, tab, line break
            let del = x ^ (0x7F &* ones)
            if (del &- ones) & ~del & highs != 0 { break }                 // DEL
            let z = x ^ (0x20 &* ones)
            let spaces = ~(((z & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | z) & highs
            if spaces != 0 {
                if spaces & (spaces << 8) != 0 { break }                   // two spaces in a row
                if spaces & 0x8000_0000_0000_0000 != 0 { break }           // a space last: look at the next byte
                if spaces & 0x80 != 0 && base[j - 1] == 0x20 { break }     // a space after a space
            }
            j &+= 8
        }
        return j
    }

    /// What to do with one scalar.
    enum Action { case keep, space, lineBreak, paragraphBreak, remove }

    @inline(__always)
    static func action(_ c: UInt32) -> Action {
        switch c {
        case 0x20, 0x09, 0x0B, 0x0C: return .space
        case 0x0A, 0x0D, 0x85, 0x2028: return .lineBreak
        case 0x2029: return .paragraphBreak
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return .remove
        case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x180E, 0x034F, 0x061C, 0x2066...0x2069,
             0x202A...0x202E:
            return .remove
        default: return .keep
        }
    }

    /// The windows-1252 byte that decodes to `c`, if any.
    @inline(__always)
    static func cp1252Byte(_ c: UInt32) -> UInt8? {
        if c < 0x100 { return c >= 0x80 ? UInt8(c) : nil }
        switch c {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    struct State {
        var out: [UInt8]
        var map = OffsetMap(identity: 0)
        var stats = NormalizationStats()
        var paragraphBreaks: [Int32] = []
        /// Pending whitespace: 0 none, 1 space, 2 line break, 3 paragraph break.
        var pending = 0
        var pendingStart = 0
        var pendingEnd = 0
        var pendingNewlines = 0
        /// Whether the pending run is exactly one byte that stands for itself.
        var pendingVerbatim = false
        /// Output and original start of the last emitted character, for NFC recomposition.
        var lastOut = -1
        var lastOrig = -1

        init(capacity: Int) {
            out = []
            out.reserveCapacity(capacity)
        }

        mutating func run(_ p: UnsafeBufferPointer<UInt8>) {
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                if b > 0x20 && b < 0x7F {
                    // Printable ASCII: copy the whole run.
                    // Printable ASCII with single spaces or line breaks between: copy as is.
                    var j = i + 1
                    while j < n {
                        j = Normalizer.skipCleanASCII(p, from: j)
                        guard j < n else { break }
                        let c = p[j]
                        if c > 0x20 && c < 0x7F { j &+= 1; continue }
                        if (c == 0x20 || c == 0x0A), j + 1 < n, p[j + 1] > 0x20, p[j + 1] < 0x7F { j &+= 2; continue }
                        break
                    }
                    flushWhitespace()
                    map.step(normalized: out.count, original: i)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j]))
                    lastOut = out.count - 1
                    lastOrig = j - 1
                    i = j
                    continue
                }
                if b < 0x80 {
                    if b == 0x0D && i + 1 < n && p[i + 1] == 0x0A {
                        whitespace(.lineBreak, i, i + 2, verbatim: false)
                        i &+= 2
                    } else {
                        let action = Normalizer.action(UInt32(b))
                        if action == .remove {
                            stats.removed += 1
                        } else {
                            whitespace(action, i, i + 1, verbatim: b == 0x20 || b == 0x0A)
                        }
                        i &+= 1
                    }
                    continue
                }
                guard let (c, len) = UTF8Decoder.decode(p, i) else {
                    stats.invalidUTF8 += 1
                    flushWhitespace()
                    map.replace(normalized: out.count, original: i, originalEnd: i + 1)
                    lastOut = out.count; lastOrig = i
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    i &+= 1
                    continue
                }
                if c >= 0xC2 && c <= 0xF4, let (fixed, end) = repairMojibake(p, i, c, len) {
                    stats.mojibakeRepaired += 1
                    scalar(fixed, i, end, verbatim: false, p)
                    i = end
                    continue
                }
                i = scalar(c, i, i + len, verbatim: true, p)
            }
        }

        /// Handles one decoded scalar from `start..<end`; returns where to continue.
        @discardableResult
        mutating func scalar(_ c: UInt32, _ start: Int, _ end: Int, verbatim: Bool,
                             _ p: UnsafeBufferPointer<UInt8>) -> Int {
            let action = Normalizer.action(c)
            if action != .keep {
                // Real text holds no C1 control: it is a windows-1252 character read as Latin-1.
                if action == .remove, c &- 0x80 < 0x20, case let fixed = Windows1252.highCharacter(UInt8(c)), fixed != 0xFFFD {
                    stats.mojibakeRepaired += 1
                    return scalar(fixed, start, end, verbatim: false, p)
                }
                if action == .remove { stats.removed += 1; return end }
                whitespace(action, start, end, verbatim: false)
                return end
            }
            flushWhitespace()
            if verbatim && !UnicodeProperties.bits(c).contains(.nfcInert) {
                return recompose(start, end, p)
            }
            if verbatim {
                map.step(normalized: out.count, original: start)
                lastOut = out.count; lastOrig = start
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
            } else if !UnicodeProperties.bits(c).contains(.nfcInert) {
                recompose(repaired: c, start, end)
            } else {
                map.replace(normalized: out.count, original: start, originalEnd: end)
                lastOut = out.count; lastOrig = start
                UTF8Decoder.encode(c, into: &out)
            }
            return end
        }

        /// NFC over the last emitted character and the run of scalars that NFC may change.
        mutating func recompose(_ start: Int, _ end: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int {
            var segEnd = end
            while segEnd < p.count, p[segEnd] >= 0x80, let (c, len) = UTF8Decoder.decode(p, segEnd),
                  Normalizer.action(c) == .keep, !UnicodeProperties.bits(c).contains(.nfcInert) {
                segEnd &+= len
            }
            // Include the character before when it is adjacent in the original.
            let joinPrevious = lastOut >= 0 && lastOut < out.count && pending == 0
            let outStart = joinPrevious ? lastOut : out.count
            let origStart = joinPrevious ? lastOrig : start
            var segment = Array(out[outStart...])
            segment.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<segEnd]))
            let normalized = Normalizer.nfc(segment) ?? segment
            if normalized == segment {
                map.step(normalized: out.count, original: start)
                lastOut = out.count; lastOrig = start
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<segEnd]))
                return segEnd
            }
            stats.recomposed += 1
            out.removeLast(out.count - outStart)
            map.truncate(normalized: outStart)
            map.replace(normalized: outStart, original: origStart, originalEnd: segEnd)
            lastOut = outStart; lastOrig = origStart
            out.append(contentsOf: normalized)
            return segEnd
        }

        /// NFC over the last emitted character and `c`, a scalar that is not in the input as
        /// written (a repaired one) and that NFC may combine or reorder.
        mutating func recompose(repaired c: UInt32, _ start: Int, _ end: Int) {
            let joinPrevious = lastOut >= 0 && lastOut < out.count && pending == 0
            let outStart = joinPrevious ? lastOut : out.count
            let origStart = joinPrevious ? lastOrig : start
            UTF8Decoder.encode(c, into: &out)
            // Most segments pass NFC's quick check as they are (a repaired letter, or marks in
            // canonical order): only the others go through ICU's NFC.
            if !Normalizer.isNFC(out, from: outStart) {
                let segment = Array(out[outStart...])
                let normalized = Normalizer.nfc(segment) ?? segment
                if normalized != segment { stats.recomposed += 1 }
                out.removeLast(out.count - outStart)
                out.append(contentsOf: normalized)
            }
            map.truncate(normalized: outStart)
            map.replace(normalized: outStart, original: origStart, originalEnd: end)
            lastOut = outStart; lastOrig = origStart
        }

        /// Decodes `â€œ`-style mojibake starting with lead scalar `c` at `i`.
        func repairMojibake(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ c: UInt32, _ len: Int)
            -> (UInt32, Int)?
        {
            let count = c < 0xE0 ? 1 : (c < 0xF0 ? 2 : 3)
            var bytes: (UInt8, UInt8, UInt8, UInt8) = (UInt8(c), 0, 0, 0)
            var j = i + len
            for k in 0..<count {
                guard j < p.count, p[j] >= 0x80, let (t, tl) = UTF8Decoder.decode(p, j),
                      let b = Normalizer.cp1252Byte(t), b < 0xC0 else { return nil }
                switch k {
                case 0: bytes.1 = b
                case 1: bytes.2 = b
                default: bytes.3 = b
                }
                j &+= tl
            }
            return withUnsafeBytes(of: &bytes) { raw -> (UInt32, Int)? in
                let buf = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                              count: count + 1)
                guard let (fixed, fl) = UTF8Decoder.decode(buf, 0), fl == count + 1 else { return nil }
                return (fixed, j)
            }
        }

        @inline(__always)
        mutating func whitespace(_ action: Action, _ start: Int, _ end: Int, verbatim: Bool) {
            let level: Int
            switch action {
            case .space: level = 1
            case .lineBreak: level = 2
            case .paragraphBreak: level = 3
            default: return
            }
            if pending == 0 {
                pendingStart = start
                pendingNewlines = 0
                pendingVerbatim = verbatim
            } else {
                pendingVerbatim = false
            }
            pendingEnd = end
            if level >= 2 { pendingNewlines += level == 3 ? 2 : 1 }
            pending = pendingNewlines >= 2 ? 3 : (pendingNewlines == 1 ? 2 : 1)
        }

        @inline(__always)
        mutating func flushWhitespace() {
            guard pending != 0 else { return }
            defer { pending = 0 }
            if out.isEmpty { return }
            if pendingVerbatim {
                map.step(normalized: out.count, original: pendingStart)
            } else {
                map.replace(normalized: out.count, original: pendingStart, originalEnd: pendingEnd)
            }
            switch pending {
            case 1: out.append(0x20)
            case 2: out.append(0x0A)
            default:
                paragraphBreaks.append(Int32(truncatingIfNeeded: out.count))
                out.append(0x0A); out.append(0x0A)
            }
            lastOut = -1
        }
    }
}

extension Normalizer {
    /// Whether `bytes[from...]` (UTF-8) passes NFC's quick check: it is in NFC as it is.
    static func isNFC(_ bytes: [UInt8], from: Int) -> Bool {
        var status: Int32 = 0
        let yes = bytes.withUnsafeBufferPointer { p in
            cicu_nfc_quick_check_utf8(p.baseAddress! + from, Int32(p.count - from), &status)
        }
        return status <= 0 && yes == 1
    }

    /// `bytes` (UTF-8) in NFC, or nil when ICU fails.
    static func nfc(_ bytes: [UInt8]) -> [UInt8]? {
        var status: Int32 = 0
        let cap = bytes.count * 3 + 16
        var normalized = [UInt8](filled: 0, count: cap)
        let written = bytes.withUnsafeBufferPointer { src in
            normalized.withUnsafeMutableBufferPointer { dst in
                cicu_nfc_utf8(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(cap), &status)
            }
        }
        if status > 0 || Int(written) > cap { return nil }
        normalized.removeLast(cap - Int(written))
        return normalized
    }
}

extension NormalizedText {
    /// Text that is already normalized (such as paragraphs of normalized text joined by blank
    /// lines): its map is the identity and `stats` say what normalizing its source changed.
    public init(normalizedBytes bytes: [UInt8], stats: NormalizationStats) {
        var breaks: [Int32] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i + 1 < p.count {
                if p[i] == 0x0A && p[i + 1] == 0x0A { breaks.append(Int32(truncatingIfNeeded: i)); i += 2 } else { i += 1 }
            }
        }
        self.init(bytes: bytes, map: OffsetMap(identity: bytes.count), stats: stats, paragraphBreaks: breaks)
    }

    /// Normalized `paragraphs` joined by blank lines, the breaks known from their lengths.
    public init(paragraphs: [String], stats: NormalizationStats) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paragraphs.reduce(0) { $0 + $1.utf8.count + 2 })
        var breaks: [Int32] = []
        breaks.reserveCapacity(paragraphs.count)
        for (k, p) in paragraphs.enumerated() {
            if k > 0 { breaks.append(Int32(truncatingIfNeeded: bytes.count)); bytes.append(0x0A); bytes.append(0x0A) }
            bytes.append(contentsOf: p.utf8)
        }
        self.init(bytes: bytes, map: OffsetMap(identity: bytes.count), stats: stats, paragraphBreaks: breaks)
    }

    /// No text.
    public static let empty = NormalizedText(normalizedBytes: [], stats: NormalizationStats())
}
