import Testing
import WartaText

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("hyphenated words and reduplication stay whole", arguments: [
        "kios-kios", "sentra-sentra", "bermain-main", "sayur-mayur", "e-KTP", "Covid-19", "anak-anak",
        "Undang-Undang", "ke-2", "H-1", "APBN-P", "kawan-kawannya", "1960-an",
    ])
    func hyphenated(_ word: String) {
        #expect(tokens("di \(word) itu") == ["di", word, "itu"])
    }

    @Test func everyQuoteMarkBeyondASCIIIsListed() {
        // The quotes' speech-verb filter lists the quote marks from this list, not from every scalar.
        let quotes = (UInt32(0x80)...0xFFFF).filter { c in
            switch CharacterClass.of(c) {
            case .quote, .openingQuote, .closingQuote: true
            default: false
            }
        }
        #expect(quotes.sorted() == CharacterClass.nonASCIIQuotes.sorted())
    }

    @Test func hyphensBetweenNamesAndRangesSplitAsInUD() {
        #expect(tokens("Januari-September 2007") == ["Januari", "-", "September", "2007"])
        #expect(tokens("tol Jagorawi-Cinere") == ["tol", "Jagorawi", "-", "Cinere"])
        #expect(tokens("skor 2-1 dan 5-10 persen") == ["skor", "2", "-", "1", "dan", "5", "-", "10", "persen"])
        #expect(tokens("tanggal 12-05-2022") == ["tanggal", "12-05-2022"])
    }

    @Test func numbersWithIndonesianSeparators() {
        #expect(tokens("naik 5,61 persen") == ["naik", "5,61", "persen"])
        #expect(tokens("Rp 1.500.000,00 dan 2,5 km") == ["Rp", "1.500.000,00", "dan", "2,5", "km"])
        #expect(tokens("pukul 10.15 WIB atau 10:15") == ["pukul", "10.15", "WIB", "atau", "10:15"])
        #expect(tokens("Senin (12/5/2022).") == ["Senin", "(", "12/5/2022", ")", "."])
        #expect(tokens("tahun 2021.") == ["tahun", "2021", "."])
        #expect(kinds("5,61 12/5/2022") == [.number, .number])
    }

    /// A document's or unit's number keeps its dots, and no sentence ends inside it; a dot
    /// before a capital or after a lower-case word still ends one.
    @Test func documentNumbersKeepTheirDots() {
        #expect(tokens("Nomor 5/POJK.03/2022 berlaku") == ["Nomor", "5/POJK.03/2022", "berlaku"])
        #expect(tokens("Nomor Kep-176/KM.10/7 tanggal") == ["Nomor", "Kep-176/KM.10/7", "tanggal"])
        #expect(tokens("Nomor: PRINT-02/M.2.24/Fd/10/2025 tanggal") == ["Nomor", ":", "PRINT-02/M.2.24/Fd/10/2025", "tanggal"])
        #expect(tokens("Edaran SE.2/MENLHK/2020 terbit") == ["Edaran", "SE.2/MENLHK/2020", "terbit"])
        #expect(tokens("RT.05 RW.02") == ["RT.", "05", "RW.", "02"])
        #expect(tokens("kasus COVID-19.Ini") == ["kasus", "COVID-19", ".", "Ini"])
        let doc = TextAnalyzer().analyze("Keputusan Menteri Keuangan Nomor Kep-176/KM.10/7 tanggal 17 September 2007 berlaku.")
        #expect(doc.sentenceRanges.count == 1)
    }

    @Test func currencyAndPercentSplit() {
        #expect(tokens("Rp5 juta") == ["Rp", "5", "juta"])
        #expect(tokens("Rp1.500.000") == ["Rp", "1.500.000"])
        #expect(tokens("Rp. 5.000") == ["Rp.", "5.000"])
        #expect(tokens("naik 5%.") == ["naik", "5", "%", "."])
        #expect(kinds("Rp5 %") == [.symbol, .number, .symbol])
    }

    @Test func abbreviationsKeepTheirDots() {
        #expect(tokens("Jl. Pemuda No. 5") == ["Jl.", "Pemuda", "No.", "5"])
        #expect(tokens("Prof. Dr. H. Ahmad, S.H., M.Si.") == ["Prof.", "Dr.", "H.", "Ahmad", ",", "S.H.", ",", "M.Si."])
        #expect(tokens("Senin s.d. Jumat a.n. Budi") == ["Senin", "s.d.", "Jumat", "a.n.", "Budi"])
        #expect(tokens("buku, pena, dll.") == ["buku", ",", "pena", ",", "dll."])
        #expect(tokens("Kec. Tugu, Kab. Semarang") == ["Kec.", "Tugu", ",", "Kab.", "Semarang"])
        #expect(tokens("gelar S.Kom. miliknya") == ["gelar", "S.Kom.", "miliknya"])
        #expect(kinds("Jl. S.H. H.") == [.abbreviation, .abbreviation, .abbreviation])
        // An ordinary word before a period is not an abbreviation.
        #expect(tokens("di Semarang.") == ["di", "Semarang", "."])
    }

    @Test func webTokens() {
        #expect(tokens("Baca https://www.kompas.com/read/2022/05/12/berita-1.html.") ==
                ["Baca", "https://www.kompas.com/read/2022/05/12/berita-1.html", "."])
        #expect(tokens("JAKARTA, KOMPAS.com - Presiden") == ["JAKARTA", ",", "KOMPAS.com", "-", "Presiden"])
        #expect(tokens("(www.detik.com)") == ["(", "www.detik.com", ")"])
        #expect(tokens("surel humas@semarangkota.go.id.") == ["surel", "humas@semarangkota.go.id", "."])
        #expect(tokens("#SemarangHebat @ganjarpranowo!") == ["#SemarangHebat", "@ganjarpranowo", "!"])
        #expect(kinds("https://a.id KOMPAS.com x@y.com @a #b") == [.url, .url, .email, .mention, .hashtag])
    }

    @Test func quotesAndDashesAreTokensWithDirection() {
        let doc = TextAnalyzer().analyze("“Misalnya bisa,” jelasnya – ”Kompas” dan \"lurus\".")
        let quoteFlags = doc.tokenViews.filter { $0.kind == .punctuation && $0.text != "," && $0.text != "." }
            .map { ($0.text, $0.flags.contains(.openingQuote), $0.flags.contains(.closingQuote), $0.flags.contains(.dash)) }
        #expect(quoteFlags.map(\.0) == ["“", "”", "–", "”", "”", "\"", "\""])
        #expect(quoteFlags.map(\.1) == [true, false, false, true, false, true, false])
        #expect(quoteFlags.map(\.2) == [false, true, false, false, true, false, true])
        #expect(quoteFlags.map(\.3) == [false, false, true, false, false, false, false])
    }

    @Test func apostrophesInsideWords() {
        #expect(tokens("hari Jum'at dan Qur’an") == ["hari", "Jum'at", "dan", "Qur’an"])
        #expect(tokens("Moody's menilai") == ["Moody", "'s", "menilai"])
        #expect(tokens("‘Halo’ katanya") == ["‘", "Halo", "’", "katanya"])
    }

    @Test func punctuationRuns() {
        #expect(tokens("Benarkah?! Tunggu... ya…") == ["Benarkah", "?!", "Tunggu", "...", "ya", "…"])
        #expect(tokens("a -- b") == ["a", "--", "b"])
        #expect(tokens("km² m³") == ["km²", "m³"])
    }

    @Test func tokenFlags() {
        let doc = TextAnalyzer().analyze("DPRD Semarang kota e-KTP 74")
        let f = doc.tokenViews.map(\.flags)
        #expect(f[0].contains(.allCaps) && f[0].contains(.capitalized))
        #expect(f[1].contains(.capitalized) && !f[1].contains(.allCaps))
        #expect(f[2].isEmpty)
        #expect(f[3].contains(.hyphenated))
        #expect(f[4].contains(.hasDigit))
    }

    @Test func nonLatinAndSymbols() {
        #expect(tokens("kota 亳, Zhengzhou ♥ 😀") == ["kota", "亳", ",", "Zhengzhou", "♥", "😀"])
        #expect(tokens("İske Bistä") == ["İske", "Bistä"])
    }
}
