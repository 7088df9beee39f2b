/// The repairs a JSON line gets when a strict parser refuses it, for two faults crawlers'
/// writers commit: a lone UTF-16 surrogate escape (`\ud83d` of an emoji cut in half where a
/// title was shortened) becomes `\ufffd`, the replacement character, as invalid UTF-8 does in
/// text; and a control character written raw inside a string (a tab) is escaped. A line with
/// other faults stays refused.
enum JSONLineRepair {
    /// `line` repaired, or nil when it holds neither fault.
    static func repaired(_ line: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 16)
        var changed = false, inString = false, i = 0
        let n = line.count
        while i < n {
            let b = line[i]
            guard inString else {
                out.append(b)
                inString = b == 0x22
                i += 1
                continue
            }
            if b == 0x22 {
                inString = false
            } else if b == 0x5C {
                let length = escapeLength(line, i)
                if length == 6, let v = hex4(line, i + 2), (0xD800...0xDFFF).contains(v) {
                    // A high surrogate followed by a low one is a pair: both go on as written.
                    if v < 0xDC00, escapeLength(line, i + 6) == 6, let w = hex4(line, i + 8), (0xDC00...0xDFFF).contains(w) {
                        out.append(contentsOf: line[i..<i + 12])
                        i += 12
                    } else {
                        out.append(contentsOf: #"\ufffd"#.utf8)
                        changed = true
                        i += 6
                    }
                    continue
                }
                out.append(contentsOf: line[i..<min(n, i + length)])
                i += length
                continue
            } else if b < 0x20 {
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hexDigit(b >> 4))
                out.append(hexDigit(b & 15))
                changed = true
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        return changed ? out : nil
    }

    /// The bytes of the escape at `i` (a backslash): 6 for `\uXXXX` with four hex digits,
    /// 1 for a backslash that ends the line, else 2 (a malformed escape stays for the parser to
    /// refuse). Never 0: the walk moves on.
    private static func escapeLength(_ line: [UInt8], _ i: Int) -> Int {
        guard i + 1 < line.count, line[i] == 0x5C else { return 1 }
        return line[i + 1] == 0x75 && hex4(line, i + 2) != nil ? 6 : 2
    }

    /// The value of the four hex digits at `i` (of a `\u` escape), or nil.
    static func hex4(_ line: [UInt8], _ i: Int) -> UInt32? {
        guard i + 4 <= line.count else { return nil }
        var v: UInt32 = 0
        for b in line[i..<i + 4] {
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
}
