import Testing
@testable import WartaHTML

/// Dates by agreement between the visible date line, metadata, `<time>` and the address.
@Suite("Dates by agreement")
struct DateAgreementTests {
    static let canonical = #"<link rel="canonical" href="https://contoh.com/read/2015/03/02/123/judul-berita">"#
    static let line = #"<div class="meta">Senin, 2 Maret 2015 | 09:30 WIB</div>"#
    static let sidebar = #"<div class="sidebar"><ul><li><a href="/x">Berita lama</a> <span class="date">Minggu, 1 Februari 2015 10:00 WIB</span></li></ul></div>"#

    func published(head: String = canonical, line: String = line, after: String = sidebar) -> String? {
        extract(page(head: head, body: line + paragraphs, after: after)).published
    }

    @Test func theVisibleLineAndTheAddressBeatASidebarDate() {
        #expect(published() == "2015-03-02T09:30:00+07:00")
    }

    @Test func twoSourcesOutvoteAWrongMetaDate() {
        let head = Self.canonical + #"<meta property="article:published_time" content="2015-02-02T08:00:00+07:00">"#
        #expect(published(head: head) == "2015-03-02T09:30:00+07:00")
    }

    @Test func localTimeMislabelledAsUTCTakesTheVisibleOffset() {
        let head = Self.canonical + #"<meta property="article:published_time" content="2015-03-02T09:30:45Z">"#
        #expect(published(head: head) == "2015-03-02T09:30:45+07:00")
        // A true UTC time that agrees with the visible WIB time is shown in WIB.
        let utc = Self.canonical + #"<meta property="article:published_time" content="2015-03-02T02:30:45+00:00">"#
        #expect(published(head: utc) == "2015-03-02T09:30:45+07:00")
    }

    @Test func theMostPreciseAgreeingSourceGivesTheTime() {
        let head = Self.canonical + #"<meta property="article:published_time" content="2015-03-02T09:31:27+07:00">"#
        #expect(published(head: head) == "2015-03-02T09:31:27+07:00")
        // A bare date in the metadata takes the visible time.
        let bare = #"<meta name="pubdate" content="2015-03-02">"#
        #expect(published(head: bare) == "2015-03-02T09:30:00+07:00")
    }

    @Test func anUpdateLineIsNotThePublication() {
        let first = #"<div class="date">Diperbarui: Selasa, 3 Maret 2015 10:00 WIB</div><div class="date">Senin, 2 Maret 2015 09:30 WIB</div>"#
        #expect(published(head: "", line: first) == "2015-03-02T09:30:00+07:00")
        let together = #"<div class="date">Senin, 2 Maret 2015 09:30 WIB | Diperbarui Selasa, 3 Maret 2015 10:00 WIB</div>"#
        #expect(published(head: "", line: together) == "2015-03-02T09:30:00+07:00")
    }

    @Test func englishDateLinesWithAMPM() {
        #expect(DateParser.parseText("Monday, March 2, 2015 | 09:30 pm")?.iso == "2015-03-02T21:30:00+07:00")
        #expect(DateParser.parseText("2 March 2015 12:10 AM WITA")?.iso == "2015-03-02T00:10:00+08:00")
    }

    @Test func datesInAddresses() {
        #expect(DateParser.parseURLPath("https://contoh.com/read/2015/03/02/123/judul")?.iso == "2015-03-02")
        #expect(DateParser.parseURLPath("https://contoh.com/berita/20150302/judul")?.iso == "2015-03-02")
        #expect(DateParser.parseURLPath("https://contoh.com/2015-03-02/judul")?.iso == "2015-03-02")
        #expect(DateParser.parseURLPath("https://contoh.com/read/123456/judul-2015") == nil)
    }
}
