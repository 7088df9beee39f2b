import Testing
import Warta

/// The bytes the JSON writer wrote before it wrote through `JSONAppender`: a byte at a time.
private func referenceString(_ bytes: [UInt8]) -> [UInt8] {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = [0x22]
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        switch b {
        case 0x22, 0x5C: out += [0x5C, b]
        case 0x0A: out += Array("\\n".utf8)
        case 0x0D: out += Array("\\r".utf8)
        case 0x09: out += Array("\\t".utf8)
        case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            i += 3
            continue
        default: out.append(b)
        }
        i += 1
    }
    return out + [0x22]
}

/// Every byte sequence that needs an escape, and some that look like one but do not.
private let escapePieces: [[UInt8]] = (0..<0x20).map { [UInt8($0)] } + [
    [0x22], [0x5C], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80, 0xA7], [0xE2, 0x80], [0xE2],
    Array("é".utf8), Array("😀".utf8), [0x7F], [0x23], [0x5D], [0x21],
]

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("integers at every digit boundary, negative ones and the extremes, as String(v) writes them")
    func integers() {
        var values = [0, 1, 9, Int.max, Int.min, Int.min + 1, Int.max - 1]
        var p = 1
        for _ in 0..<18 {
            p *= 10
            values += [p - 1, p, p + 1]
        }
        values += values.map { $0 == .min ? $0 : -$0 }
        var w = JSONWriter(capacity: 8)
        var expected = ""
        for v in values {
            w.int(v); w.byte(0x2C)
            expected += String(v) + ","
        }
        #expect(String(decoding: w.finish(), as: UTF8.self) == expected)
    }

    @Test("every escape, at every place in and around an eight-byte word, in strings of every short length")
    func escapesEverywhere() {
        for piece in escapePieces {
            for before in 0..<18 {
                for after in [0, 1, 3, 7, 8, 9, 16] {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: before) + piece + Array(repeating: UInt8(ascii: "b"), count: after)
                    var w = JSONWriter(capacity: 8)
                    bytes.withUnsafeBufferPointer { w.string(utf8: $0) }
                    #expect(w.finish() == referenceString(bytes), "\(piece) after \(before), before \(after)")
                    var s = JSONWriter(capacity: 8)
                    s.string(String(decoding: bytes, as: UTF8.self))
                    let valid = String(decoding: bytes, as: UTF8.self).utf8
                    #expect(s.finish() == referenceString(Array(valid)))
                }
            }
        }
    }

    @Test("escapes next to each other and a string of every escape")
    func escapeRuns() {
        let runs: [[UInt8]] = [
            [], [0x22, 0x22], [0x22, 0x23, 0x22, 0x23], Array(repeating: 0x5C, count: 17),
            escapePieces.flatMap { $0 }, escapePieces.reversed().flatMap { $0 + [0x23] },
            Array("“Kami akan membangun,” ujarnya.\n\n\"Itu\\benar\"\t".utf8),
        ]
        for bytes in runs {
            var w = JSONWriter()
            bytes.withUnsafeBufferPointer { w.string(utf8: $0) }
            #expect(w.finish() == referenceString(bytes))
        }
    }

    @Test("a string joined from parts is the parts escaped and joined by spaces")
    func joinedParts() {
        let parts: [[UInt8]] = [Array("Misalnya \"a\"".utf8), [], Array("sekarang\n\u{1}".utf8), [0xE2, 0x80, 0xA9]]
        var w = JSONWriter()
        parts[0].withUnsafeBufferPointer { a in
            parts[1].withUnsafeBufferPointer { b in
                parts[2].withUnsafeBufferPointer { c in
                    parts[3].withUnsafeBufferPointer { d in w.string(joining: [a, b, c, d]) }
                }
            }
        }
        let joined = parts[0] + [0x20] + parts[1] + [0x20] + parts[2] + [0x20] + parts[3]
        #expect(w.finish() == referenceString(joined))
    }

    @Test("keys, raw pieces and booleans past the first buffer")
    func piecesGrowTheBuffer() {
        var w = JSONWriter(capacity: 8)
        var expected = ""
        for k in 0..<50 {
            w.raw(k == 0 ? "{" : ","); w.key("a_key"); w.bool(k % 2 == 0)
            expected += (k == 0 ? "{" : ",") + "\"a_key\":" + (k % 2 == 0 ? "true" : "false")
        }
        w.raw(Array("}".utf8))
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected + "}")
    }

    @Test("code point offsets (code points starting before) of every byte offset, in texts of mixed widths")
    func codePointOffsets() {
        let alphabet = ["a", "é", "😀", "“", " ", "ñ", "\n"]
        var seed: UInt64 = 12345
        for length in 0..<80 {
            var text = ""
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += alphabet[Int(seed >> 33) % alphabet.count]
            }
            for ascii in [false, true] {
                let bytes = Array((ascii ? String(repeating: "x", count: length) : text).utf8)
                bytes.withUnsafeBufferPointer { p in
                    var cp = CodePointIndex(p)
                    var points = 0
                    for i in 0...bytes.count {
                        #expect(cp.codePoint(i) == points, "offset \(i) of \(bytes.count)")
                        if i < bytes.count && bytes[i] & 0xC0 != 0x80 { points += 1 }
                    }
                }
            }
        }
    }
}
