import Testing
@testable import WartaText

/// The word-at-a-time and quick-check shortcuts give what the byte-by-byte and ICU paths give.
@Suite("Fast paths")
struct FastPathTests {
    /// Lower-case words of every length around the eight-byte steps, ended by each kind of byte
    /// the run test must stop at (the letters' neighbours `` ` `` and `{`, capitals, non-ASCII,
    /// the end of the text).
    @Test(arguments: Array(1...20))
    func lowerCaseRunsEndWhereTheyShould(_ length: Int) {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let word = String((0..<length).map { letters[($0 * 7) % 26] })
        #expect(tokens("di \(word) itu") == ["di", word, "itu"])
        #expect(tokens("di \(word), itu") == ["di", word, ",", "itu"])
        #expect(tokens("di \(word)") == ["di", word])
        #expect(tokens("di \(word)z") == ["di", word + "z"])
        #expect(tokens("di \(word)Z") == ["di", word + "Z"])
        #expect(tokens("di \(word)é") == ["di", word + "é"])
        #expect(tokens("di \(word){") == ["di", word, "{"])
        #expect(tokens("di \(word)`") == ["di", word, "`"])
        #expect(tokens("di \(word)(x)") == ["di", word, "(", "x", ")"])
        #expect(tokens("Di\(word) itu") == ["Di" + word, "itu"])
    }

    /// A repaired letter after a base passes the quick check; a repaired mark that NFC joins to
    /// its base or reorders does not, and is recomposed.
    @Test func repairedScalarsRecomposeOnlyWhenNFCChangesThem() {
        let letter = Normalizer().normalize("kafe cafÃ© itu")
        #expect(String(decoding: letter.bytes, as: UTF8.self) == "kafe caf\u{E9} itu")
        #expect(letter.stats.recomposed == 0)
        // e + U+0301 written as `Ì` and byte 0x81: NFC makes é.
        let joined = Normalizer().normalize("cafe\u{CC}\u{81} itu")
        #expect(String(decoding: joined.bytes, as: UTF8.self) == "caf\u{E9} itu")
        #expect(joined.stats.recomposed == 1)
        #expect(joined.stats.mojibakeRepaired == 1)
        // Arabic marks in canonical order (fatha after ba) stay as they are.
        let ordered = Normalizer().normalize("Ø¨ÙŽ dan")
        #expect(Array(String(decoding: ordered.bytes, as: UTF8.self).unicodeScalars.prefix(2)) == ["\u{628}", "\u{64E}"])
        #expect(ordered.stats.recomposed == 0)
    }

    @Test func quickCheckAnswersForWholeSegments() {
        #expect(Normalizer.isNFC(Array("x caf\u{E9}".utf8), from: 2))
        #expect(!Normalizer.isNFC(Array("x cafe\u{301}".utf8), from: 2))
        #expect(Normalizer.isNFC(Array("\u{64A}\u{64F}\u{651}".utf8), from: 0))
        #expect(!Normalizer.isNFC(Array("\u{64A}\u{651}\u{64F}".utf8), from: 0))
    }
}
