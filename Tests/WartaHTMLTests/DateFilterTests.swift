import Testing
@testable import WartaHTML

/// The byte test before ``DateParser/parseText(_:year:)`` turns away only text without a date.
@Suite("Date filter")
struct DateFilterTests {
    func mayHold(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { DateParser.mayHoldDate($0) }
    }

    @Test func textWithoutMonthOrNumericDateIsTurnedAway() {
        #expect(!mayHold("pada tahun 2020 warga desa itu"))
        #expect(!mayHold("sebanyak 1500 orang, atau 12 persen"))
        #expect(mayHold("sebanyak 1.500 orang"))  // a number with a separator: the parser decides
        #expect(!mayHold("Mei tanpa angka"))
        #expect(DateParser.parseText("pada tahun 2020 warga desa itu") == nil)
    }

    @Test("every date the parser reads passes the filter", arguments: [
        "Senin, 12 Mei 2022 10:15 WIB", "12/05/2022, 10:15 WIB", "Kamis (5/11/2015)", "5 Nov 2015 | 14:56",
        "May 3, 2021", "pada 12-5-2022 pukul 10.15", "12.05.2022", "Jumat (6/11)", "12//5/2022",
        "-Mei. 12 2020", "tanggal 3 AGUSTUS 2019",
    ])
    func datesPass(_ s: String) {
        #expect(DateParser.parseText(s, year: 2020) == nil || mayHold(s))
        #expect(mayHold(s))
    }
}

/// The byte test before ``TextArticleExtractor/isEndMarker(_:)`` counts characters.
@Suite("End markers")
struct EndMarkerTests {
    @Test func markersAreFoundInAnyCase() {
        for line in ["Baca Juga", "BACA JUGA:", "Tags: politik", "Back to top", "Berita Terkait", "Copyright © 2020 Kompas",
                     "© Kompas", "Leave a Reply", "Alamat email Anda tidak akan dipublikasikan."] {
            #expect(TextArticleExtractor.isEndMarker(line), "\(line)")
        }
    }

    @Test func prose() {
        for line in ["Sementara itu, warga menunggu.", "Kata dia, bantuan datang besok.", "Jakarta", "Baca buku itu",
                     "Populer di kalangan muda, lagu itu diputar setiap hari di radio swasta di seluruh negeri"] {
            #expect(!TextArticleExtractor.isEndMarker(line), "\(line)")
        }
        #expect(!TextArticleExtractor.mayStartEndMarker("Sementara itu"))
        #expect(TextArticleExtractor.mayStartEndMarker("Éditorial"))  // not ASCII: decided by the full test
    }
}

/// The plain-text article's date search: digits found eight bytes at a time, the first date of
/// a paragraph read from the window around a year.
@Suite("Text article dates")
struct TextArticleDateTests {
    @Test func nextDigitIsTheFirstDigitAtOrAfter() {
        let text = "abcdefgh ijklmnop 7 qrstuvwx/yz0 \u{201C}kutip\u{201D} 9"
        var s = text
        s.withUTF8 { bytes in
            for from in 0...bytes.count {
                let expected = (from..<bytes.count).first { bytes[$0] &- 0x30 < 10 } ?? bytes.count
                #expect(TextArticleExtractor.nextDigit(bytes, from: from) == expected, "from \(from)")
            }
        }
    }

    @Test func firstDateOfAParagraph() {
        let stamp = TextArticleExtractor.firstDate(in: "Kasus 1500 warga itu terjadi pada Senin, 12 Mei 2022 pukul 10.15 WIB.", year: nil)
        #expect(stamp?.iso == "2022-05-12T10:15:00+07:00")
        #expect(TextArticleExtractor.firstDate(in: "Pada tahun 2020 sebanyak 1500 orang datang.", year: nil) == nil)
        #expect(TextArticleExtractor.firstDate(in: "Rapat (5/11/2015) di kantor.", year: nil)?.iso.hasPrefix("2015-11-05") == true)
    }

    @Test func headLengthIsWhatHeadJoins() {
        let paragraphs = ["Satu dua tiga.", String(repeating: "kata ", count: 4000), "Akhir."]
        #expect(TextArticleExtractor.headLength(of: paragraphs) == TextArticleExtractor.head(of: paragraphs).count)
        #expect(TextArticleExtractor.headLength(of: ["a"]) == 1)
        #expect(TextArticleExtractor.headLength(of: []) == 0)
    }

    @Test func sourceLabelFilterPassesEveryLabel() {
        for line in ["Sumber: Antara", "SOURCE: Reuters", "sumber : kompas.com", "Source : AP", "Ṡumber: x", "Pada Senin", "(Sumber: x)", "1. Sumber", ""] {
            let lower = String(line.prefix(8)).lowercased()
            let labelled = TextArticleExtractor.sourceLabels.contains { lower.hasPrefix($0) }
            #expect(!labelled || TextArticleExtractor.mayOpenWithSourceLabel(line), "\(line)")
        }
        #expect(!TextArticleExtractor.mayOpenWithSourceLabel("Pada Senin"))
        let a = TextArticleExtractor().extract(paragraphs: ["Warga Desa Kramas menanam padi di sawah mereka.", "SUMBER: Antara"])
        #expect(a.sourceCredit == "Antara")
    }
}
