import Testing
@testable import WartaHTML

/// Byte search finds what Foundation's `range(of:)` finds for the marks extraction looks for,
/// as string indices of the same text.
@Suite("Byte search")
struct ByteSearchTests {
    @Test func firstAndLastRanges() {
        let title = "Kafe “Halo” ditutup - Berita - Contoh.com"
        let first = title.byteRange(of: " - ")!, last = title.byteRange(of: " - ", backwards: true)!
        #expect(String(title[..<first.lowerBound]) == "Kafe “Halo” ditutup")
        #expect(String(title[last.upperBound...]) == "Contoh.com")
        #expect(title.byteRange(of: " | ") == nil && title.byteRange(of: "") == nil)
        #expect(title.byteRange(of: "Contoh.com!") == nil)
    }

    @Test func containsOnStringsAndSubstrings() {
        let text = "Jakarta – Presiden (foto/Antara) berkata"
        #expect(text.containsBytes("(foto") && text.containsBytes("foto/") && text.containsBytes(" – "))
        #expect(!text.containsBytes("Foto") && !text.containsBytes(""))
        let tail = text.dropFirst(10)
        #expect(tail.containsBytes("Presiden") && !tail.containsBytes("Jakarta"))
        #expect(tail.byteRange(of: "berkata").map { String(tail[$0]) } == "berkata")
        #expect("ld+json".containsBytes("application/ld+json") == false)
    }
}
