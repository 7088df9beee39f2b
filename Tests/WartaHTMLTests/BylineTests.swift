import Testing
@testable import WartaHTML

/// Bylines by evidence: visible labels first, organisations never authors.
@Suite("Bylines")
struct BylineTests {
    static let body = """
        <p>BEKASI - Pemerintah kota menambah armada bus sekolah gratis untuk siswa di wilayah pinggiran, kata wali kota.</p>
        <p>Dinas Perhubungan mencatat lebih dari dua ribu siswa memakai bus itu setiap hari sejak program dimulai tahun lalu.</p>
        <p>Wali kota berharap orang tua tidak lagi mengantar anak dengan sepeda motor ke sekolah, ujarnya kepada wartawan.</p>
        """

    static func ld(_ author: String) -> String {
        """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Judul Berita Hari Ini",
         "author":\(author),"publisher":{"@type":"Organization","name":"PT Contoh Media Nusantara"}}</script>
        """
    }

    @Test func splitLabelsBeatAnOrganisationInJSONLD() {
        let byline = """
            <div class="byline"><span>Reporter</span> : <a href="/u/1">Budi Santoso</a> | <span>Editor</span> : <a href="/u/2">Sri Wahyuni</a></div>
            """
        let a = extract(page(head: Self.ld(#"{"@type":"Organization","name":"PT Contoh Media Nusantara"}"#), body: byline + Self.body))
        #expect(a.authors == ["Budi Santoso"])
        #expect(a.editors == ["Sri Wahyuni"])
    }

    @Test func aCombinedLabelMakesBothAuthorAndEditor() {
        let a = extract(page(body: "<div class=\"info\">Redaktur &amp; Reporter : Andi Pratama</div>" + Self.body))
        #expect(a.authors == ["Andi Pratama"])
        #expect(a.editors == ["Andi Pratama"])
    }

    @Test func aCreditBoxIsRead() {
        let box = """
            <div class="credit-box"><h4>Tim Redaksi</h4><div><span>Penulis</span><span>Rina Marlina</span></div>
            <div><span>Editor</span><span>Dedi Kurniawan</span></div></div>
            """
        let a = extract(page(head: Self.ld(#"{"@type":"Person","name":"Dedi Kurniawan"}"#), body: Self.body, after: box))
        #expect(a.authors == ["Rina Marlina"])
        #expect(a.editors == ["Dedi Kurniawan"])
    }

    @Test func closingCreditLinesLeaveTheBodyAndFillTheBylines() {
        let credits = "<p>Penulis : Kontributor Kota Bekasi, Lina Marlina</p><p>Editor : Ahmad Fauzi</p>"
        let a = extract(page(body: Self.body + credits))
        #expect(a.paragraphs.count == 3)
        #expect(a.paragraphs.last?.hasSuffix("ujarnya kepada wartawan.") == true)
        #expect(a.authors == ["Lina Marlina"])
        #expect(a.editors == ["Ahmad Fauzi"])
    }

    @Test func organisationsAreNeverAuthors() {
        for author in [#"{"@type":"Person","name":"Contoh Media Cyber"}"#, #"{"name":"Redaksi"}"#,
                       #"{"@type":"Person","name":"Tim Liputan Contoh"}"#, #""PT Contoh Media Nusantara""#] {
            #expect(extract(page(head: Self.ld(author), body: Self.body)).authors == [], "\(author)")
        }
        #expect(extract(page(head: Self.ld(#"{"@type":"Person","name":"Joko Susilo"}"#), body: Self.body)).authors == ["Joko Susilo"])
    }

    @Test func reporterLabelWithPublisherBeforeTheName() {
        let a = extract(page(body: "<div class=\"penulis\">Laporan Wartawan Contoh.com, Yuni Astuti</div>" + Self.body))
        #expect(a.authors == ["Yuni Astuti"])
    }

    @Test func bylinesInSidebarsAreNotTheArticles() {
        let sidebar = "<div class=\"sidebar\"><div>Penulis: Orang Lain</div></div>"
        let a = extract(page(body: "<p>Penulis: Rina Marlina</p>" + Self.body, after: sidebar))
        #expect(a.authors == ["Rina Marlina"])
    }

    @Test func anUnlabelledBylineInANamedElementBeatsJSONLD() {
        let head = Self.ld(#"{"@type":"Person","name":"Dedi Kurniawan"}"#)
        let a = extract(page(head: head, body: "<div class=\"detail__author\">Rina Marlina - contohNews</div>" + Self.body))
        #expect(a.authors == ["Rina Marlina"])
        let b = extract(page(body: "<span class=\"byline\">by Joko Susilo</span>" + Self.body))
        #expect(b.authors == ["Joko Susilo"])
    }

    @Test func closingCreditsInPlainText() {
        let a = TextArticleExtractor().extract(paragraphs: [
            "BEKASI - Pemerintah kota menambah armada bus sekolah gratis untuk siswa di wilayah pinggiran.",
            "Wali kota berharap orang tua tidak lagi mengantar anak dengan sepeda motor, ujarnya.",
            "Redaktur & Reporter : Andi Pratama", "Editor : Ahmad Fauzi",
        ])
        #expect(a.paragraphs.count == 2)
        #expect(a.authors == ["Andi Pratama"])
        #expect(a.editors == ["Andi Pratama", "Ahmad Fauzi"])
    }

    @Test func abbreviatedLabels() {
        let a = extract(page(body: Self.body + "<p>Rep: Nama Satu Red: Nama Dua</p>"))
        #expect(a.authors == ["Nama Satu"])
        #expect(a.editors == ["Nama Dua"])
        #expect(a.paragraphs.count == 3)
    }

    @Test func creditLineGrammar() {
        #expect(Extraction.credits("Redaktur & Reporter : Nama Orang").map(\.roles) == [[.author, .editor]])
        #expect(Extraction.credits("Penulis: A Satu | Editor: B Dua").map(\.names) == ["A Satu", "B Dua"])
        #expect(Extraction.credits("Oleh Arif Budiman").map(\.names) == ["Arif Budiman"])
        #expect(Extraction.credits("Oleh karena itu, harga naik.").isEmpty)
        #expect(Extraction.credits("Editorial: pendapat redaksi").isEmpty)
    }
}
