import Testing
@testable import Warta

/// The JSON Lines reader's fast paths: strings scanned eight bytes at a time, keys compared pairwise.
@Suite("Flat JSON objects")
struct FlatJSONObjectTests {
    func object(_ s: String) -> FlatJSONObject? { FlatJSONObject(Array(s.utf8)) }

    @Test(arguments: Array(0...17))
    func stringsEndAndUnescapeAtEveryOffset(_ k: Int) {
        let pad = String(repeating: "a", count: k)
        #expect(object(#"{"t": "\#(pad)"}"#)?["t"] == pad)
        #expect(object(#"{"t": "\#(pad)\"x\\y\n", "u": "é\#(pad)"}"#)?["t"] == pad + "\"x\\y\n")
        #expect(object(#"{"t": "\#(pad)\u00e9 ok"}"#)?["t"] == pad + "é ok")
        #expect(object(#"{"t": "\#(pad)é\#(pad)ü"}"#)?["t"] == pad + "é" + pad + "ü")
        #expect(object("{\"t\": \"\(pad)\u{01}\"}") == nil)   // a control byte
        #expect(object("{\"t\": \"\(pad)\t\"}") == nil)
        #expect(object(#"{"t": "\#(pad)"#) == nil)            // no closing quote
    }

    @Test func repeatedKeysAreRefused() {
        #expect(object(#"{"a": "1", "b": "2", "a": "3"}"#) == nil)
        #expect(object(#"{"a": "1", "b": "2", "c": "3"}"#)?["c"] == "3")
        let many = (0..<20).map { #""k\#($0)": "v""# }
        #expect(object("{" + many.joined(separator: ", ") + "}")?["k19"] == "v")
        #expect(object("{" + (many + [#""k3": "w""#]).joined(separator: ", ") + "}") == nil)
    }

    /// The validator agrees with `String(validating:)` on every byte string it is shown: ASCII
    /// runs of every length around one scalar of each width, and the malformed sequences
    /// (overlong forms, surrogates, values above U+10FFFF, lone and cut continuation bytes).
    @Test func validUTF8AsStringDecides() {
        let scalars: [[UInt8]] = [
            [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0xAF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xC3], [0xE2, 0x80], [0xFF],
        ]
        for scalar in scalars {
            for before in 0..<10 {
                for after in [0, 1, 7, 8, 9] {
                    let bytes = Array(repeating: UInt8(0x61), count: before) + scalar + Array(repeating: 0x62, count: after)
                    let valid = bytes.withUnsafeBufferPointer { FlatJSONObject.isValidUTF8($0) }
                    #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
                }
            }
        }
    }

    @Test func valuesAreTheirUTF8Bytes() {
        let o = object(#"{"text": "a\nb \u00e9 “c”", "id": "x"}"#)
        #expect(o?.bytes("text") == Array("a\nb é “c”".utf8))
        #expect(o?["id"] == "x")
        #expect(o?.bytes("html") == nil)
        #expect(FlatJSONObject([0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]) == nil)  // {"t":"\xC3("}
    }

    /// Plain other fields are read here and written as `meta` (what `JSONSerialization` writes
    /// is checked line by line in the input enumerator's tests); other shapes are left to it.
    @Test func plainOtherFieldsPassThrough() {
        let keys = InputEnumerator.jsonLineKeys
        let o = object(#"{"id": 7, "text": "x", "status": 200, "ok": true, "n": null, "a_b": "p/q", "ab": "\"r\""}"#)
        #expect(o?.number("id") == Array("7".utf8) && o?.holdsStringNumberOrNull("id") == true)
        #expect(o?.passedThrough(besides: keys).map { String(decoding: $0, as: UTF8.self) }
                == #"{"a_b":"p\/q","ab":"\"r\"","n":null,"ok":true,"status":200}"#)
        #expect(object(#"{"text": "x"}"#)?.passedThrough(besides: keys) == [])
        #expect(object(#"{"text": "x", "Lang": "id", "b": 1}"#)?.passedThrough(besides: keys).map { String(decoding: $0, as: UTF8.self) }
                == #"{"b":1,"Lang":"id"}"#)
        #expect(object(#"{"text": "x", "Lang": "id", "lang": "en"}"#)?.passedThrough(besides: keys) == nil)
        #expect(object(#"{"text": "x", "k2": "id"}"#)?.passedThrough(besides: keys) == nil)
        #expect(object(#"{"text": "x", "t": "a\tb"}"#)?.passedThrough(besides: keys) == nil)
        #expect(object(#"{"id": true, "text": "x"}"#)?.holdsStringNumberOrNull("id") == false)
        for refused in [#"{"text": "x", "f": 1.5}"#, #"{"text": "x", "f": 01}"#, #"{"text": "x", "f": -0}"#,
                        #"{"text": "x", "f": 1234567890123456}"#, #"{"text": "x", "f": [1]}"#, #"{"text": "x", "f": nul}"#] {
            #expect(object(refused) == nil, "\(refused)")
        }
    }
}

