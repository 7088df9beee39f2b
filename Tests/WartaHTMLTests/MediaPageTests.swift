import Testing
@testable import WartaHTML

/// Photo and video pages: their furniture leaves the body, `pageType` says what they are.
@Suite("Photo and video pages")
struct MediaPageTests {
    static let furniture = """
        <div class="photo-tools"><span>Rating ( voters)</span><a href="#">Vote Photo</a></div>
        <div><b>Form Rating</b></div><p>More Photos</p><p>Foto 3 dari 8</p>
        """

    @Test func aPhotoStoryIsItsCaptions() {
        let head = #"<meta property="og:type" content="article"><link rel="canonical" href="https://contoh.com/foto/2022/05/12/banjir">"#
        let body = """
            <figure><img src="/1.jpg"><figcaption>Warga menyeberangi banjir di Jalan Sudirman, Jakarta, Kamis (12/5/2022).</figcaption></figure>
            <figure><img src="/2.jpg"><figcaption>Petugas mengevakuasi lansia dengan perahu karet di Kampung Melayu.</figcaption></figure>
            """ + Self.furniture
        let a = extract(page(head: head, body: body))
        #expect(a.pageType == .photo)
        #expect(a.paragraphs == ["Warga menyeberangi banjir di Jalan Sudirman, Jakarta, Kamis (12/5/2022).",
                                 "Petugas mengevakuasi lansia dengan perahu karet di Kampung Melayu."])
    }

    @Test func aGalleryWithADescriptionLosesItsFurniture() {
        let head = #"<link rel="canonical" href="https://contoh.com/galeri/12345/banjir-jakarta">"#
        let body = """
            <p>Banjir merendam sejumlah kawasan di Jakarta setelah hujan deras mengguyur sejak malam hari. Warga mengungsi ke masjid dan sekolah terdekat.</p>
            <p>Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter di beberapa titik, kata petugas kepada wartawan.</p>
            <img src="/1.jpg"><img src="/2.jpg"><img src="/3.jpg">
            """ + Self.furniture
        let a = extract(page(head: head, body: body))
        #expect(a.pageType == .photo)
        #expect(a.paragraphs.count == 2)
        for word in ["Rating", "Vote", "More Photos", "dari 8"] { #expect(!a.bodyText.contains(word), "\(word)") }
    }

    @Test func aVideoPage() {
        let head = #"<meta property="og:type" content="video.other"><link rel="canonical" href="https://contoh.com/video/777/banjir">"#
        let body = """
            <iframe src="https://www.youtube.com/embed/abc"></iframe>
            <p>Video banjir yang merendam kawasan Kampung Melayu, Jakarta Timur, sejak Kamis pagi. Warga mengungsi ke tempat yang lebih tinggi.</p>
            <p>Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak dengan perahu karet, kata kepala pelaksana BPBD.</p>
            """
        let a = extract(page(head: head, body: body))
        #expect(a.pageType == .video)
        #expect(a.paragraphs.count == 2)
    }

    @Test func anArticleWithOnePhotoStaysAnArticle() {
        let a = extract(page(body: "<figure><img src=\"/1.jpg\"><figcaption>Foto: Dok</figcaption></figure>" + paragraphs))
        #expect(a.pageType == .article)
        #expect(!Extraction.isMediaFurniture("Foto"))
        #expect(Extraction.isMediaFurniture("Rating ( voters)"))
    }
}
