import Testing
@testable import WartaText

@Suite("Normalizer")
struct NormalizerTests {
    func normalize(_ bytes: [UInt8]) -> NormalizedText { Normalizer().normalize(bytes) }
    func text(_ s: String) -> String { String(decoding: Normalizer().normalize(s).bytes, as: UTF8.self) }

    @Test func spacesCollapseAndBecomeASCII() {
        #expect(text("Kota\u{00A0}Semarang,\u{2009}Jawa\t\tTengah   baru") == "Kota Semarang, Jawa Tengah baru")
        #expect(text("  awal dan akhir  \n") == "awal dan akhir")
        #expect(text("figure\u{2007}ideographic\u{3000}narrow\u{202F}x") == "figure ideographic narrow x")
    }

    @Test func lineAndParagraphBreaks() {
        #expect(text("satu\r\ndua\rtiga\u{2028}empat") == "satu\ndua\ntiga\nempat")
        #expect(text("satu\n\n\n\ndua") == "satu\n\ndua")
        #expect(text("satu\n   \n\t\ndua") == "satu\n\ndua")
        #expect(text("satu\u{2029}dua") == "satu\n\ndua")
        #expect(Normalizer().normalize("a\n\nb\n\n\nc").paragraphBreaks == [1, 4])
    }

    @Test func invisibleCharactersAreRemoved() {
        let n = Normalizer().normalize("ker\u{00AD}ja\u{200B}sama \u{FEFF}IKM\u{200D}\u{0007} \u{0085}x")
        #expect(String(decoding: n.bytes, as: UTF8.self) == "kerjasama IKM\nx")
        #expect(n.stats.removed == 5)
    }

    /// Windows-1252 text read as Latin-1 (a page whose charset label libxml2 reads as Latin-1)
    /// holds C1 controls where its quote marks and dashes were: they were removed as invisible,
    /// and the quotes with them. They become their characters; the five windows-1252 leaves
    /// undefined stay removed, and NEL stays a line break.
    @Test func c1ControlsAreWindows1252Characters() {
        let n = Normalizer().normalize("Ia berkata \u{0093}naik\u{0094} \u{0096} katanya\u{0081}. \u{0080}5 \u{0085}x")
        #expect(String(decoding: n.bytes, as: UTF8.self) == "Ia berkata “naik” – katanya. €5\nx")
        #expect(n.stats.mojibakeRepaired == 4 && n.stats.removed == 1)
    }

    @Test func mojibakeIsRepaired() {
        // UTF-8 read as windows-1252 once: “Halo,” ujarnya – café’s
        let broken = "â€œHalo,â€\u{9D} ujarnya â€“ cafÃ©â€™s"
        let n = Normalizer().normalize(broken)
        #expect(String(decoding: n.bytes, as: UTF8.self) == "\u{201C}Halo,\u{201D} ujarnya \u{2013} caf\u{E9}\u{2019}s")
        #expect(n.stats.mojibakeRepaired == 5)
        // Â followed by NBSP is a mojibake NBSP: it becomes a plain space.
        #expect(text("Rp\u{C2}\u{A0}5") == "Rp 5")
    }

    @Test func genuineLatin1LettersStay() {
        // Ã followed by a letter that is not a continuation byte in cp1252 is left alone.
        #expect(text("SÃO PAULO, Ã la carte") == "SÃO PAULO, Ã la carte")
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let n = normalize(Array("ab".utf8) + [0xFF, 0xC3] + Array(" cd".utf8) + [0xE2, 0x80])
        #expect(String(decoding: n.bytes, as: UTF8.self) == "ab\u{FFFD}\u{FFFD} cd\u{FFFD}\u{FFFD}")
        #expect(n.stats.invalidUTF8 == 4)
    }

    @Test func nfcComposes() {
        let n = Normalizer().normalize("Cafe\u{301} dan Jose\u{301} n\u{303}")
        #expect(String(decoding: n.bytes, as: UTF8.self) == "Caf\u{E9} dan Jos\u{E9} \u{F1}")
        #expect(n.stats.recomposed == 3)
        // Already composed text and curly quotes pass through untouched.
        #expect(text("“Café” — ok") == "“Café” — ok")
    }

    @Test func quoteMarksAndDashesStayAsWritten() {
        #expect(text("„a“ «b» ‘c’ \"d\" – — -") == "„a“ «b» ‘c’ \"d\" – — -")
    }

    @Test func offsetsMapBackToTheOriginal() {
        let original = "  SEMARANG\u{00A0}(Sigi Jateng) \u{2013}\r\nâ€œKota\u{200B}nya,â€\u{9D} kata  Cafe\u{301}\u{FF}."
        let bytes = Array(original.utf8)
        let doc = TextAnalyzer().analyze(bytes)
        for t in doc.tokenViews {
            let r = doc.offsetMap.originalRange(t.range.range)
            let source = String(decoding: bytes[r], as: UTF8.self)
            let expected: String
            switch t.text {
            case "“": expected = "â€œ"
            case "”": expected = "â€\u{9D}"
            case "Kotanya": expected = "Kota\u{200B}nya"
            case "Café": expected = "Cafe\u{301}"
            case "\u{FFFD}": expected = "\u{FFFD}"  // the invalid byte 0xFF decodes as U+FFFD here
            default: expected = t.text
            }
            #expect(source == expected, "token \(t.text) maps to \(source)")
        }
        #expect(doc.offsetMap.originalRange(0..<doc.bytes.count) == 2..<bytes.count)
    }

    @Test func matchKeysFoldCaseAndAccents() {
        #expect(MatchKey.make("Jakarta") == "jakarta")
        #expect(MatchKey.make("CAFÉ Ñandú") == "cafe nandu")
        #expect(MatchKey.make("Straße") == "strasse")
    }

    /// Regression: characters rebuilt from mojibake skipped NFC, so Arabic marks repaired from
    /// `Ù‘`-style text kept a non-canonical order, and normalizing the output again changed it.
    @Test func repairedMojibakeIsRecomposedToo() {
        // ي, shadda (ccc 33), damma (ccc 31): NFC puts damma first.
        let mojibake = "ÙŠÙ‘Ù\u{8F} dan é"
        let once = Normalizer().normalize(mojibake)
        let text = String(decoding: once.bytes, as: UTF8.self)
        #expect(Array(text.unicodeScalars.prefix(3)) == ["\u{64A}", "\u{64F}", "\u{651}"])
        #expect(Normalizer().normalize(once.bytes).bytes == once.bytes)
        #expect(once.stats.mojibakeRepaired == 3)
    }

    /// NFC joins a mark with its base across an invisible character that was removed.
    @Test func marksJoinTheirBaseAcrossRemovedInvisibles() {
        let out = Normalizer().normalize("Cafe\u{200B}\u{301}")
        #expect(String(decoding: out.bytes, as: UTF8.self) == "Café")
        #expect(out.map.originalRange(0..<out.bytes.count) == 0..<9)
    }
}

/// The BMP property table, filled in one C call, holds for every code point what asking ICU
/// for each property apart gives (letters, marks, digits, upper case, NFC inertness).
@Suite("Unicode properties")
struct UnicodePropertiesTests {
    @Test func theTableIsWhatEachPropertyGives() {
        var differ: [UInt32] = []
        for c in UInt32(0)..<0x10000 where UnicodeProperties.bits(c) != UnicodeProperties.compute(c) { differ.append(c) }
        #expect(differ.isEmpty, "first differing code points: \(differ.prefix(5))")
        #expect(UnicodeProperties.bits(0x41) == [.letter, .upper])  // not NFC-inert: an accent after it composes
        #expect(UnicodeProperties.bits(0x0301).contains(.mark))
        #expect(UnicodeProperties.bits(0x0663).contains(.digit))
    }
}
