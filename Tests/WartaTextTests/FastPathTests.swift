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

/// The language detector's word reader, eight bytes at a time, against the byte-by-byte rule.
@Suite("Language detector words")
struct DetectorWordTests {
    /// What the reader must answer for the word at the start of `text`: lower-cased ASCII
    /// letters and Latin-1 pairs.
    func expected(_ text: [UInt8]) -> (length: Int, inCapitals: Bool, word: [UInt8]) {
        var i = 0, word: [UInt8] = [], small: UInt8 = 0, pairs = 0
        while i < text.count {
            let b = text[i]
            if (b | 0x20) &- 0x61 < 26 {
                word.append(b | 0x20); small |= b; i += 1
                continue
            }
            guard b == 0xC3, i + 1 < text.count, text[i + 1] >= 0x80, text[i + 1] != 0x97, text[i + 1] != 0xB7 else { break }
            let lower = text[i + 1] < 0xA0 ? text[i + 1] + 0x20 : text[i + 1]
            word += [0xC3, lower]
            pairs += 1; i += 2
        }
        return (word.count, small & 0x20 == 0 && pairs == 0, word)
    }

    @Test(arguments: ["a", "di", "yang", "dengan", "kabupaten", "internasional", "PEMERINTAH", "Jakarta",
                      "caféteria", "ÉCOLE", "bagaimanapunbagaimanapun", String(repeating: "abcdefgh", count: 9)])
    func wordsReadAsByteByByte(_ w: String) {
        for tail in ["", " itu", ",", "9", "é", "[x"] {
            let text = Array((w + tail).utf8)
            var evidence = Evidence()
            var buffer = InlineArray<64, UInt8>(repeating: 0)
            var i = 0
            let got = evidence.readWord(text.span, &i, into: &buffer)
            let want = expected(text)
            #expect(got.length == want.length && got.inCapitals == want.inCapitals)
            #expect(i == want.length)
            let kept = min(want.length, 64)
            #expect((0..<kept).map { buffer[$0] } == Array(want.word.prefix(kept)))
        }
    }
}

/// ``Document/matchKeyHash(ofTokens:_:scratch:)`` hashes ASCII tokens as it lower-cases them:
/// the hash of the match keys written out and joined by spaces, as for other text.
@Suite("Match key hashes")
struct MatchKeyHashTests {
    @Test func hashOfTheJoinedKeys() {
        let doc = TextAnalyzer().analyze("Kota SEMARANG dan Café Ñandú, Jl. Pahlawan No. 5 di ÉCOLE.")
        var scratch: [UInt8] = []
        for a in 0..<doc.tokens.count {
            for b in (a + 1)...min(doc.tokens.count, a + 4) {
                var joined: [UInt8] = []
                for t in a..<b {
                    if t > a { joined.append(0x20) }
                    joined += doc.matchKey(ofToken: t)
                }
                #expect(doc.matchKeyHash(ofTokens: a, b, scratch: &scratch) == ByteStringTable.hash(of: joined), "\(a)..<\(b)")
            }
        }
    }
}

/// The detector's function words by their packed bytes: every listed word and its mask, and no
/// word that only shares bytes with one (a prefix, a longer word, other bytes after the 16th).
@Suite("Packed word table")
struct PackedWordTableTests {
    let words: [(bytes: [UInt8], mask: UInt32)] = [
        ("di", 1), ("yang", 3), ("bahawa", 2), ("bagaimanapun", 3), ("internasional", 1), ("été", 128),
        ("abcdefgh", 4), ("abcdefghijklmnop", 8),
    ].map { (Array($0.0.utf8), $0.1) }

    /// `word` in a 64-byte buffer with `garbage` after it, as the detector's reader leaves it.
    func mask(_ table: PackedWordTable, _ word: String, garbage: UInt8 = 0x7A) -> UInt32 {
        let bytes = Array(word.utf8)
        let buffer = bytes + [UInt8](repeating: garbage, count: 64 - bytes.count)
        return table.mask(PackedWordTable.key(buffer.span.bytes, bytes.count))
    }

    @Test func listedWordsAreFoundWithTheirMasks() {
        let table = PackedWordTable(words)
        for (bytes, m) in words {
            #expect(mask(table, String(decoding: bytes, as: UTF8.self)) == m)
            #expect(mask(table, String(decoding: bytes, as: UTF8.self), garbage: 0) == m)
        }
    }

    @Test func wordsSharingBytesAreNotFound() {
        let table = PackedWordTable(words)
        for w in ["d", "dia", "yan", "yangz", "abcdefg", "abcdefghi", "abcdefghijklmno", "bagaimana", "internasiona", "ete"] {
            #expect(mask(table, w) == 0, "\(w)")
        }
    }

    @Test func theBuiltInListsAreAllFound() {
        for (l, list) in LanguageDetector.wordLists.enumerated() {
            for w in list where w.utf8.count <= PackedWordTable.maxLength {
                #expect(mask(LanguageDetector.words, w) & (1 << UInt32(l)) != 0, "\(w)")
            }
        }
    }
}
