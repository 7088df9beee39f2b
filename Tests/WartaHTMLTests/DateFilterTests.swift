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
