import Testing
@testable import WartaHTML

/// Text integrity: boilerplate removal decides on blocks; inside a kept block every inline
/// element keeps its text, and the parser's limits never drop text silently.
@Suite("Text integrity")
struct TextIntegrityTests {
    static let lead = "<p>JAKARTA - Pemerintah menetapkan harga eceran tertinggi beras medium untuk seluruh wilayah, kata menteri.</p>"
    /// Closing paragraphs that make the page an article.
    static let close = """
        <p>Menteri Perdagangan mengatakan kebijakan itu akan dievaluasi setiap tiga bulan bersama pemerintah daerah dan para pedagang.</p>
        <p>Badan Pangan Nasional memastikan stok beras di gudang cukup untuk kebutuhan enam bulan ke depan, ujarnya.</p>
        """

    @Test func tagLinksInsideSentencesKeepTheirWords() throws {
        let body = Self.lead + """
            <p>Harga <a class="link-tag" href="/tag/beras">beras</a> naik di <a class="tag" href="/tag/pasar">pasar induk</a> sejak pekan lalu, menurut <span class="author-name">pedagang</span> setempat.</p>
            <p><a class="tag-link" href="/tag/jokowi">Presiden Joko Widodo</a> dan <a class="tags" href="/tag/prabowo">Prabowo Subianto</a> bertemu di <a href="/tag/istana">Istana Merdeka</a>.</p>
            """ + Self.close
        let a = extract(page(body: body))
        try #require(a.paragraphs.count == 5)
        #expect(a.paragraphs[1] == "Harga beras naik di pasar induk sejak pekan lalu, menurut pedagang setempat.")
        #expect(a.paragraphs[2] == "Presiden Joko Widodo dan Prabowo Subianto bertemu di Istana Merdeka.")
    }

    @Test func inlineAdsAndScriptsLeaveNoHoleAndNoLabel() throws {
        let body = Self.lead + """
            <p>Kenaikan itu <span class="ads">ADVERTISEMENT</span>berlaku mulai <ins class="adsbygoogle" data-ad-slot="1"></ins>bulan depan <script>googletag.display("div-1");</script>di semua provinsi, <em class="hidden-print">tanpa</em> pengecualian.</p>
            """ + Self.close
        let a = extract(page(body: body))
        try #require(a.paragraphs.count == 4)
        #expect(a.paragraphs[1] == "Kenaikan itu berlaku mulai bulan depan di semua provinsi, tanpa pengecualian.")
    }

    @Test func inlineShareButtonsLeaveButATagLinkStays() throws {
        let body = Self.lead + """
            <p>Harga <a class="tag" href="/tag/cabai">cabai</a> turun di semua pasar tradisional kota itu. <span class="share-inline"><a href="/fb">Facebook</a> <a href="/tw">Twitter</a></span></p>
            """ + Self.close
        let a = extract(page(body: body))
        try #require(a.paragraphs.count == 4)
        #expect(a.paragraphs[1] == "Harga cabai turun di semua pasar tradisional kota itu.")
    }

    @Test func addressLinksStayButHeadlineLinksAreRelated() throws {
        let body = Self.lead + """
            <p>Video: <a href="https://www.youtube.com/watch?v=abc123">https://www.youtube.com/watch?v=abc123</a></p>
            <p><a href="/read/2">Harga Beras Naik Lagi di Pasar Induk Cipinang</a></p>
            <p>Kontak: <a href="mailto:humas@contoh.go.id">humas@contoh.go.id</a></p>
            """ + Self.close
        let a = extract(page(body: body))
        #expect(Array(a.paragraphs[1...2]) == ["Video: https://www.youtube.com/watch?v=abc123", "Kontak: humas@contoh.go.id"])
        #expect(a.paragraphs.count == 5)
        #expect(a.related.map(\.title) == ["Harga Beras Naik Lagi di Pasar Induk Cipinang"])
    }

    @Test func aDeepPageIsReadWhole() throws {
        // Past libxml2's default limit of 256 levels: parsed with the limit lifted.
        let deep = String(repeating: "<div>", count: 20_000)
        let html = "<html><head><title>Judul</title></head><body>\(deep)" + Self.lead
            + Self.close + "<p>Paragraf kedua juga dibaca utuh oleh pengurai, kata pejabat itu kepada wartawan.</p></body></html>"
        let a = extract(Array(html.utf8))
        #expect(a.textLoss == nil)
        #expect(a.paragraphs.last == "Paragraf kedua juga dibaca utuh oleh pengurai, kata pejabat itu kepada wartawan.")
    }

    @Test func aLimitThatStillBitesIsReported() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 300) + Self.lead + "</body></html>"
        let limited = try #require(HTMLTree(html: Array(html.utf8), encoding: nil, liftLimits: false))
        #expect(limited.textLoss == .tooDeep)
        let lifted = try #require(HTMLTree(html: Array(html.utf8), encoding: nil, liftLimits: true))
        #expect(lifted.textLoss == nil)
    }

    @Test func aHugeAttributeDoesNotEmptyTheParagraph() throws {
        let html = "<html><body><article><p title=\"\(String(repeating: "x", count: 5_000_000))\">"
            + "Paragraf dengan atribut raksasa tetap dibaca sampai habis oleh pengurai halaman, kata mereka.</p>"
            + Self.lead + Self.close + "</article></body></html>"
        let a = extract(Array(html.utf8))
        #expect(a.textLoss == nil)
        #expect(a.paragraphs.first == "Paragraf dengan atribut raksasa tetap dibaca sampai habis oleh pengurai halaman, kata mereka.")
    }
}

@Suite("Language of the article")
struct ArticleLanguageTests {
    @Test func bodyTextDecidesAndTheDeclaredLanguageIsOnlyAHint() {
        // The page says Indonesian, the body is English.
        let english = """
            <p>JAKARTA - The government said on Monday that the price of rice would not rise because stocks in the warehouses were sufficient.</p>
            <p>The minister told reporters that the policy would be reviewed every three months with the regional governments.</p>
            """
        #expect(extract(page(body: english)).language == "en")
        let indonesian = "<p>JAKARTA - Pemerintah menetapkan harga beras karena stok di gudang masih cukup untuk enam bulan, kata menteri.</p>"
            + "<p>Menteri mengatakan bahwa kebijakan itu akan dievaluasi setiap tiga bulan bersama pemerintah daerah.</p>"
        #expect(extract(page(body: indonesian)).language == "id")
    }

    @Test func plainTextArticlesGetALanguageToo() {
        let a = TextArticleExtractor().extract(paragraphs: [
            "Kerajaan berkata bahawa harga beras tidak akan dinaikkan kerana bekalan di gudang masih mencukupi.",
        ])
        #expect(a.language == "ms")
    }
}
