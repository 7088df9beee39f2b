import Foundation
import Testing
@testable import WartaHTML
import WartaText

/// The decoder's eight-bytes-at-a-time scans answer what a byte-by-byte reading answers, at
/// every position of a word, and a clean page is not copied.
@Suite("Charset decoder")
struct CharsetDecoderTests {
    /// ASCII text with `insert` at offset `at`, long enough for several eight-byte steps.
    func page(_ insert: [UInt8], at: Int) -> [UInt8] {
        let text = Array("Presiden Joko Widodo mengatakan di Jakarta, Senin, bahwa warga".utf8)
        return Array(text[..<at]) + insert + Array(text[at...])
    }

    /// U+FFFD for each NUL and each byte that opens no valid sequence, byte by byte.
    func expected(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int) {
        var out: [UInt8] = [], replaced = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b != 0 && b < 0x80 { out.append(b); i += 1; continue }
            if b >= 0x80, let (_, len) = UTF8Decoder.decode(bytes.span, i) { out += bytes[i..<i + len]; i += len; continue }
            out += [0xEF, 0xBF, 0xBD]; replaced += 1; i += 1
        }
        return (out, replaced)
    }

    @Test(arguments: Array(0...17))
    func nulAndInvalidBytesAreReplacedAtEveryOffset(_ at: Int) {
        for insert: [UInt8] in [[0], [0xE9], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xE2, 0x80], [0x93, 0x00, 0x94], [0x41, 0x00, 0x00]] {
            let bytes = page(insert, at: at)
            let got = CharsetDecoder.utf8(bytes, source: "meta"), want = expected(bytes)
            #expect(got.bytes == want.bytes && got.replaced == want.replaced, "\(insert) at \(at)")
        }
    }

    @Test(arguments: Array(0...17))
    func validityIsReadAtEveryOffset(_ at: Int) {
        #expect(CharsetDecoder.isValidUTF8(page([0xC3, 0xA9], at: at)))
        #expect(CharsetDecoder.isValidUTF8(page([0], at: at)))
        #expect(!CharsetDecoder.isValidUTF8(page([0xE9], at: at)))
        #expect(!CharsetDecoder.isValidUTF8(page([0xE2, 0x80], at: at)))
        // A sequence cut at the very end is the end of a partial read, not an invalid byte.
        #expect(CharsetDecoder.isValidUTF8(page([], at: at) + [0xE2, 0x80]))
    }

    /// Labels that name no charset the page is in: a page's own `<meta charset="utf-16">`
    /// (HTML reads it as UTF-8: the markup was readable), MySQL's `utf8mb4` (PHP sites print it)
    /// and `x-user-defined` are read as UTF-8, or as windows-1252 when the bytes are Latin; a
    /// declared UTF-16 page without a byte order mark is read as UTF-16. `utf-16` gave no
    /// text, and `utf8mb4` turned curly quotes into control characters.
    @Test func labelsThatNameNoCharsetThePageIsIn() {
        let text = "<html><head><meta charset=\"LABEL\"><title>Kafé “baru”</title></head><body><p>Warga kafé.</p></body></html>"
        func decoded(_ label: String, _ encoding: String.Encoding, declared: String? = nil) -> (String, String) {
            let page = CharsetDecoder.decode([UInt8](text.replacingOccurrences(of: "LABEL", with: label).data(using: encoding)!), declared: declared)
            return (String(decoding: page.bytes, as: UTF8.self), page.charset)
        }
        for label in ["utf-16", "UTF-16LE", "utf8mb4", "x-user-defined"] {
            let (utf8, charset8) = decoded(label, .utf8), (latin, charset1252) = decoded(label, .windowsCP1252)
            #expect(utf8.contains("Kafé “baru”") && charset8 == "utf-8", "\(label)")
            #expect(latin.contains("Kafé “baru”") && charset1252 == "windows-1252", "\(label)")
        }
        let (utf16, charset) = decoded("utf-8", .utf16LittleEndian, declared: "utf-16")
        #expect(utf16.contains("Kafé “baru”") && charset == "utf-16le")
        let (utf16BE, charsetBE) = decoded("utf-8", .utf16BigEndian, declared: "utf-16be")
        #expect(utf16BE == utf16 && charsetBE == "utf-16be")
    }

    @Test func aCleanPageIsReturnedWhole() {
        let bytes = page([0xE2, 0x80, 0x9C], at: 9)
        let decoded = CharsetDecoder.decode(bytes, declared: "utf-8")
        #expect(decoded.bytes == bytes && decoded.replaced == 0 && decoded.charset == "utf-8")
    }
}
