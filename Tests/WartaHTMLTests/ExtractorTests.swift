import Foundation
import Testing
@testable import WartaHTML

/// A small article page; `body` is spliced into the article element.
func page(head: String = "", body: String, bodyAttributes: String = "", after: String = "") -> [UInt8] {
    Array("""
        <!DOCTYPE html><html lang="id-ID"><head><meta charset="utf-8"><title>Judul Berita Hari Ini - Contoh.com</title>
        <meta property="og:site_name" content="Contoh.com">\(head)</head>
        <body\(bodyAttributes)><header><nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a></nav></header>
        <div class="main"><h1>Judul Berita Hari Ini</h1>
        <div class="article-content">\(body)</div>
        <div class="related"><h3>Berita Terkait</h3><ul><li><a href="/a">Satu</a></li><li><a href="/b">Dua</a></li></ul></div>
        </div>\(after)<footer>Hak cipta © 2022 Contoh.com</footer></body></html>
        """.utf8)
}

let paragraphs = """
    <p>JAKARTA, KOMPAS.com - Pemerintah Kota Semarang membuka sentra industri kecil bagi wisatawan, kata pejabat dinas.</p>
    <p>Kepala Dinas Perindustrian Tri Supriyanto menjelaskan, kunjungan terbuka untuk sekolah, universitas dan rombongan dinas.</p>
    <p><strong>Baca juga: <a href="https://contoh.com/x">Sentra IKM Logam Dibuka</a></strong></p>
    <p>“Kami ingin pelaku usaha pindah dan menempati kios-kios yang sudah ada,” ujarnya, Senin (12/5/2022). (vyp/kna)</p>
    """

func extract(_ bytes: [UInt8], charset: String? = nil) -> Article {
    ArticleExtractor().extract(html: bytes, charset: charset)!
}

@Suite("Article extraction")
struct ExtractorTests {
    /// A windows-1252 page labelled with a charset libxml2 reads as Latin-1 (`iso-8859-15`)
    /// has C1 controls where its curly quotes and dashes were: the title and the paragraphs
    /// get the characters back (the quotes had come out as U+0093 in the title and were gone
    /// from the text).
    @Test func c1ControlsInAPageAreItsWindows1252Characters() throws {
        let html = "<html><head><meta charset=\"iso-8859-15\"><title>Harga “naik” – kata warga</title></head><body><article>"
            + "<h1>Harga “naik” – kata warga</h1>"
            + String(repeating: "<p>Warga Semarang mengatakan “harga naik” kepada wartawan di pasar, Senin (12/5/2025), saat berbelanja.</p>", count: 4)
            + "</article></body></html>"
        let a = extract([UInt8](try #require(html.data(using: .windowsCP1252))))
        #expect(a.title == "Harga “naik” – kata warga")
        #expect(a.paragraphs.last == "Warga Semarang mengatakan “harga naik” kepada wartawan di pasar, Senin (12/5/2025), saat berbelanja.")
    }

    /// A page whose JSON-LD lists thousands of articles, none with an author a person's name
    /// could come from: the site's and publisher's names were looked up in all of them again
    /// for each author (2,000 took 3.4 s, 8,000 44 s). A block over a megabyte is not read (7 MB
    /// took 650 MB once parsed): the headline then comes from the page.
    @Test func largeJSONLDIsReadOnceOrNotAtAll() {
        func block(_ n: Int) -> String {
            let items = (0..<n).map { #"{"@type":"NewsArticle","headline":"Judul \#($0)","author":{"name":"A\#($0)"}}"# }
            return #"<script type="application/ld+json">["# + items.joined(separator: ",") + "]</script>"
        }
        let many = extract(page(head: block(2000), body: paragraphs))
        #expect(many.title == "Judul 0" && many.authors.isEmpty && many.paragraphs.count == 3)
        let huge = extract(page(head: block(16_000), body: paragraphs))
        #expect(huge.title == "Judul Berita Hari Ini" && huge.paragraphs.count == 3)
    }

    /// A page its scripts fill has its text only in its JSON-LD `articleBody`: the record takes
    /// it (its lines, or the `<p>` of the markup in it) when the page's own body holds less than
    /// half as many words, inserts left out; a page whose body is whole keeps its own paragraphs.
    @Test func theStructuredBodyStandsInForAPageItsScriptsFill() throws {
        let lines = ["Pemerintah Kota Semarang membuka sentra industri kecil bagi wisatawan dan pelajar dari berbagai daerah di Jawa Tengah.",
                     "Kepala Dinas Perindustrian Tri Supriyanto menjelaskan, kunjungan terbuka untuk sekolah, universitas dan rombongan dinas setiap hari kerja.",
                     "Baca juga: Sentra IKM Logam Dibuka",
                     "Menurut dia, pelaku usaha diminta pindah dan menempati kios-kios yang sudah disediakan pemerintah kota sejak tahun lalu."]
        let expected = [lines[0], lines[1], lines[3]]
        func script(_ body: String) throws -> String {
            let object: [String: Any] = ["@context": "https://schema.org", "@type": "NewsArticle", "headline": "Judul Berita Hari Ini", "articleBody": body]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            return #"<script type="application/ld+json">"# + json + "</script>"
        }
        let plain = extract(page(head: try script(lines.joined(separator: "\n")), body: #"<div id="app"></div>"#))
        #expect(plain.pageType == .article && plain.paragraphs == expected)
        let markup = extract(page(head: try script(lines.map { "<p>\($0)</p>" }.joined()), body: "<p>Memuat…</p>"))
        #expect(markup.pageType == .article && markup.paragraphs == expected)
        // A teaser in the structured data does not replace a whole body.
        let whole = extract(page(head: try script(lines[0]), body: paragraphs))
        #expect(whole.paragraphs.count == 3 && whole.paragraphs[0].hasPrefix("JAKARTA, KOMPAS.com - Pemerintah"))
    }

    @Test func bodyInsertsAndCredits() throws {
        let a = extract(page(body: paragraphs))
        #expect(a.pageType == .article)
        try #require(a.paragraphs.count == 3)
        #expect(a.paragraphs[0].hasPrefix("JAKARTA, KOMPAS.com - Pemerintah"))
        #expect(a.paragraphs[2].hasSuffix("Senin (12/5/2022)."))
        #expect(a.related == [Link(title: "Sentra IKM Logam Dibuka", url: "https://contoh.com/x")])
        #expect(a.bylineInitials == "vyp/kna")
        #expect(a.dateline == Dateline(place: "JAKARTA", publisher: "KOMPAS.com", text: "JAKARTA, KOMPAS.com - "))
        #expect(a.title == "Judul Berita Hari Ini")
        #expect(a.siteName == "Contoh.com")
        #expect(a.language == "id")
        #expect(!a.bodyText.contains("Berita Terkait") && !a.bodyText.contains("Hak cipta"))
    }

    @Test func metadataFromMetaAndJSONLD() {
        let head = """
            <meta property="article:published_time" content="2022-05-12T10:15:00+07:00">
            <meta property="article:section" content="Regional"><meta property="article:tag" content="IKM">
            <meta property="article:tag" content="Semarang"><link rel="canonical" href="https://contoh.com/read/1">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
             "headline":"Judul Berita Hari Ini","author":{"@type":"Person","name":"Sri Juliati"},
             "dateModified":"2022-05-12T04:00:00Z"}</script>
            """
        let byline = "<div class=\"credit\">Penulis: Muhammad Renald</div><div class=\"credit\">Editor: Sri Juliati</div>"
        let a = extract(page(head: head, body: paragraphs + byline))
        #expect(a.published == "2022-05-12T10:15:00+07:00")
        #expect(a.modified == "2022-05-12T11:00:00+07:00")
        #expect(a.section == "Regional")
        #expect(a.tags == ["IKM", "Semarang"])
        #expect(a.url == "https://contoh.com/read/1")
        // JSON-LD names the editor as author: the visible byline decides.
        #expect(a.authors == ["Muhammad Renald"])
        #expect(a.editors == ["Sri Juliati"])
        #expect(!a.bodyText.contains("Penulis:"))
    }

    @Test func visibleDateWhenNoMetadata() {
        let a = extract(page(body: "<div class=\"date\">Senin, 12 Mei 2022 10:15 WIB</div>" + paragraphs))
        #expect(a.published == "2022-05-12T10:15:00+07:00")
    }

    @Test func indexPagesGetNoBody() {
        var links = ""
        for k in 0..<60 { links += "<li><a href=\"/read/\(k)\">Berita nomor \(k) tentang kota dan warganya</a></li>" }
        let a = extract(page(body: "<ul>\(links)</ul>"))
        #expect(a.pageType == .index)
        #expect(a.paragraphs.isEmpty)
        let feed = Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>X</title></channel></rss>".utf8)
        #expect(extract(feed).pageType == .index)
    }

    @Test func pagination() {
        let pages = "<div class=\"pages\">Halaman <a href=\"?page=1\">1</a> <a href=\"?page=2\">2</a> <a href=\"?page=3\">3</a> <a href=\"?page=2\">Selanjutnya</a></div>"
        let a = extract(page(body: paragraphs, after: pages))
        #expect(a.page == Pagination(number: 1, of: 3, nextURL: "?page=2"))
        #expect(extract(page(body: paragraphs)).page == nil)
    }

    @Test func imageCaptionStaysOutOfTheBody() {
        let figure = "<figure><img src=\"a.jpg\"><figcaption>Aktivitas pekerja di sentra IKM logam (Foto: Dinas)</figcaption></figure>"
        let a = extract(page(head: "<meta property=\"og:image\" content=\"https://contoh.com/a.jpg\">", body: figure + paragraphs))
        #expect(a.image == LeadImage(url: "https://contoh.com/a.jpg", caption: "Aktivitas pekerja di sentra IKM logam (Foto: Dinas)"))
        #expect(!a.bodyText.contains("Aktivitas pekerja"))
    }

    @Test func brokenNestingStillExtracts() {
        let broken = Array("<html><body><div class=\"share\"><div class=\"article\"><p>\(String(repeating: "Kalimat panjang tentang kota, warga dan pasar. ", count: 20))<p>Paragraf kedua, juga panjang sekali isinya, tentang pasar.</div></span></b>".utf8)
        let a = extract(broken)
        #expect(a.pageType == .article)
        #expect(a.paragraphs.count == 2)
        #expect(a.paragraphs.first?.hasPrefix("Kalimat panjang") == true)
    }
}

@Suite("Charsets")
struct CharsetTests {
    func text(_ a: Article) -> String { a.bodyText }
    let long = String(repeating: "Kalimat yang cukup panjang untuk menjadi isi berita. ", count: 12)

    @Test func cp1252WithoutDeclaration() {
        let bytes = Array("<html><body><article><p>".utf8) + [0x93] + Array("Halo".utf8) + [0x94] + Array(" caf".utf8) + [0xE9]
            + Array(" \(long)</p><p>\(long)</p></article></body></html>".utf8)
        let a = extract(bytes)
        #expect(a.charset == "windows-1252" && a.charsetSource == "sniffed")
        #expect(text(a).hasPrefix("\u{201C}Halo\u{201D} café"))
    }

    @Test func declaredLatin1ButValidUTF8() {
        let bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Kafe “Halo” café \(long)</p><p>\(long)</p></article></body></html>".utf8)
        let a = extract(bytes)
        #expect(a.charset == "utf-8")
        #expect(text(a).hasPrefix("Kafe “Halo” café"))
    }

    @Test func declaredUTF8ButCp1252() {
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>".utf8) + [0x93, 0x41, 0x94]
            + Array(" \(long)</p><p>\(long)</p></article></body></html>".utf8)
        let a = extract(bytes)
        #expect(a.charset == "windows-1252")
        #expect(text(a).hasPrefix("\u{201C}A\u{201D}"))
    }

    @Test func callerCharsetWins() {
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>".utf8) + [0xE9]
            + Array(" \(long)</p><p>\(long)</p></article></body></html>".utf8)
        let a = extract(bytes, charset: "ISO-8859-1")
        #expect(a.charsetSource == "caller")
        #expect(text(a).hasPrefix("é "))
    }

    @Test func hostileInputNeverCrashes() {
        // NUL bytes, deep nesting, a huge page, binary noise, nothing at all.
        _ = ArticleExtractor().extract(html: Array("<p>a\u{0}b</p>".utf8))
        let deep = String(repeating: "<div>", count: 10_000) + "teks" + String(repeating: "</div>", count: 10_000)
        _ = ArticleExtractor().extract(html: Array(deep.utf8))
        let huge = "<html><body>" + String(repeating: "<p>\(long)</p>", count: 20_000) + "</body></html>"
        let a = ArticleExtractor().extract(html: Array(huge.utf8))
        #expect(a?.pageType == .article)
        var noise: [UInt8] = []
        var x: UInt32 = 12345
        for _ in 0..<100_000 { x = x &* 1_103_515_245 &+ 12345; noise.append(UInt8(truncatingIfNeeded: x >> 16)) }
        _ = ArticleExtractor().extract(html: noise)
        #expect(ArticleExtractor().extract(html: []) == nil || ArticleExtractor().extract(html: [])?.paragraphs.isEmpty == true)
    }
}

@Suite("Plain-text articles")
struct TextArticleTests {
    @Test func headerBodyFurnitureAndCredits() {
        let a = TextArticleExtractor().extract(paragraphs: [
            "Jawa Tengah",
            "Dewan mendukung kunjungan industri ke sentra-sentra IKM logam",
            "Aktivitas pekerja di sentra IKM logam. (Foto. Dinas Perindustrian)",
            "SEMARANG (Sigi Jateng) – Dinas Perindustrian melakukan inovasi.",
            "“Sekarang sudah bisa,” jelasnya, Senin (12/5/2022).",
            "“Kami mendukung,” imbuhnya. (Mushonifin)",
            "Source: news.google.com",
            "Related Articles",
            "Tinggalkan Balasan",
        ])
        #expect(a.section == "Jawa Tengah")
        #expect(a.title == "Dewan mendukung kunjungan industri ke sentra-sentra IKM logam")
        #expect(a.image?.caption == "Aktivitas pekerja di sentra IKM logam. (Foto. Dinas Perindustrian)")
        #expect(a.dateline?.place == "SEMARANG" && a.dateline?.publisher == "Sigi Jateng")
        #expect(a.published == "2022-05-12")
        #expect(a.authors == ["Mushonifin"])
        #expect(a.sourceCredit == "news.google.com")
        #expect(a.paragraphs.last == "“Kami mendukung,” imbuhnya.")
        #expect(a.paragraphs.count == 3)
    }

    @Test func textWithoutStructureIsKeptWhole() {
        let input = ["Ini paragraf pertama.", "Komentar tidak ada di sini karena ini kalimat biasa yang panjang.", "Penutup."]
        let a = TextArticleExtractor().extract(paragraphs: input)
        #expect(a.paragraphs == input)
        #expect(a.title == nil && a.dateline == nil)
    }

    /// Advertisement labels standing alone inside scraped news text (Detik's) leave the body,
    /// which goes on after them; the same words inside a sentence stay.
    @Test func advertisementLabelsLeaveTheBody() {
        let input = ["“Tidak ada kenaikan,” ujar Luky di Jakarta.", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT",
                     "Iklan rokok dilarang di televisi.", "Penutup."]
        let a = TextArticleExtractor().extract(paragraphs: input)
        #expect(a.paragraphs == ["“Tidak ada kenaikan,” ujar Luky di Jakarta.", "Iklan rokok dilarang di televisi.", "Penutup."])
        // As lines inside a paragraph too; a text that is nothing but one keeps it.
        let lines = TextArticleExtractor().extract(paragraphs: ["Satu.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nDua."])
        #expect(lines.paragraphs == ["Satu.\nDua."])
        #expect(TextArticleExtractor().extract(paragraphs: ["SCROLL TO CONTINUE WITH CONTENT"]).paragraphs == ["SCROLL TO CONTINUE WITH CONTENT"])
    }
}
