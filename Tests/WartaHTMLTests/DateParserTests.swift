import Testing
@testable import WartaHTML

@Suite("Dates")
struct DateParserTests {
    @Test("machine dates keep the page's offset; UTC is shown in WIB", arguments: [
        ("2015-11-05T14:56:43+07:00", "2015-11-05T14:56:43+07:00"),
        ("2020-05-04T04:25:13+0700", "2020-05-04T04:25:13+07:00"),
        ("2020-10-09T14:58:53+08:00", "2020-10-09T14:58:53+08:00"),
        ("2020-10-09T06:58:53+00:00", "2020-10-09T13:58:53+07:00"),
        ("2020-12-31T20:30:00Z", "2021-01-01T03:30:00+07:00"),
        ("2017-02-17 13:30:08", "2017-02-17T13:30:08+07:00"),
        ("2017-02-17", "2017-02-17"),
    ])
    func machine(_ input: String, _ expected: String) {
        #expect(DateParser.parseMachine(input)?.iso == expected)
    }

    @Test("dates written for readers", arguments: [
        ("Senin, 12 Mei 2022 10:15 WIB", "2022-05-12T10:15:00+07:00"),
        ("12/05/2022, 10:15 WITA", "2022-05-12T10:15:00+08:00"),
        ("Kamis (5/11/2015)", "2015-11-05"),
        ("Jumat , 17 February 2017, 13:16 WIB", "2017-02-17T13:16:00+07:00"),
        ("Rabu, 3 Pebruari 2016 | 08.45 WIT", "2016-02-03T08:45:00+09:00"),
        ("5 Nop 2015 pukul 14.56", "2015-11-05T14:56:00+07:00"),
        ("diperbarui 21 Agt 2019", "2019-08-21"),
    ])
    func text(_ input: String, _ expected: String) {
        #expect(DateParser.parseText(input)?.iso == expected)
    }

    @Test func missingYearComesFromContext() {
        #expect(DateParser.parseText("Jumat (6/11) pukul 08.45", year: 2015)?.iso == "2015-11-06T08:45:00+07:00")
        #expect(DateParser.parseText("Jumat (6/11)") == nil)
        #expect(DateParser.parseText("tidak ada tanggal 99/99/2020 di sini") == nil)
    }

    /// The parser reads its words in place as byte ranges; these are the `String` rules it must
    /// keep: `Int(String)` (digits only, nil past `Int.max`), `lowercased()` (the Kelvin sign is
    /// a `k`), empty parts left out of a split, the month's day and year forms, am/pm and zones.
    @Test("dates read in place keep the String rules", arguments: [
        ("Nov 5, 2015 09:30 pm WITA", "2015-11-05T21:30:00+08:00"),
        ("November 5 2015 12:10 AM", "2015-11-05T00:10:00+07:00"),
        ("5 NOVEMBER 2015 PUKUL 7.05 wib", "2015-11-05T07:05:00+07:00"),
        ("5 Nov 2015 PU\u{212A}UL 7.05", "2015-11-05T07:05:00+07:00"),
        ("5 Nov 2015 jam 7:05:59", "2015-11-05T07:05:59+07:00"),
        ("5 Nov 2015 | 14:56 | WIB", "2015-11-05T14:56:00+07:00"),
        ("05.11.2015 14:56", "2015-11-05T14:56:00+07:00"),
        ("5//11//2015", "2015-11-05"),
        ("99999999999999999999 Mei 2022, 3 Mei 2022", "2022-05-03"),
        ("Senin, 12 Mei 2022 1015 WIB", "2022-05-12"),
        ("Selasa 12-05-22 10.15", "2022-05-12T10:15:00+07:00"),
        ("Rabu (13/5/2025) 10:15 wíb", "2025-05-13T10:15:00+07:00"),
    ])
    func inPlace(_ input: String, _ expected: String) {
        #expect(DateParser.parseText(input)?.iso == expected)
        var bytes = Array(input.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { DateParser.parseHeld(UnsafeBufferPointer($0), year: nil)?.iso } == expected)
    }

    @Test func wordsAreRangesOfTheTokens() {
        #expect(DateParser.tokens("Senin, 12 Mei 2022 | -10.15- WIB.") == ["Senin", ",", "12", "Mei", "2022", "|", "10.15", "WIB"])
        #expect(DateParser.tokens("Café (5/11/2015)") == ["Café", "5/11/2015"])
    }
}

