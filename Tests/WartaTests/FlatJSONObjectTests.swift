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
}
