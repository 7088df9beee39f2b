import Foundation
import Testing

@Suite("warta view")
struct ViewCommandTests {
    let seed = "seeds/000_43943d992f4a7b6d.txt"

    @Test("the seed's page: eleven quotes with speakers, marks, nothing loaded from elsewhere")
    func seedPage() throws {
        let r = try warta(["view", seed])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        let firstParts = r.stdout.matches(of: /<span id="q\d+" class="q" data-quote="q\d+" data-type="(direct|indirect|mixed)" data-speaker="([^"]*)"/)
        #expect(firstParts.count == 11)
        #expect(Set(firstParts.map { String($0.2) }) == ["Tri Supriyanto", "Joko Susilo"])
        #expect(r.stdout.contains(">Tri Supriyanto</span></mark>"))
        #expect(r.stdout.contains("<dt>Section</dt><dd>Jawa Tengah</dd>"))
        for needle in ["src=", "href=\"http", "<link", "<script", "url("] { #expect(!r.stdout.contains(needle)) }
    }

    @Test("--output writes the same page to a file")
    func outputFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("seed.html").path
        let r = try warta(["view", seed, "--output", path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == (try warta(["view", seed]).stdout))
    }

    @Test("--output-dir writes a page per document and an index linking them; a failed input gives exit 1")
    func report() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("page.html")
        try Data("<html><head><title>Banjir di Bekasi</title></head><body><article><p>Warga Bekasi mengungsi.</p></article></body></html>".utf8).write(to: html)
        let out = dir.appendingPathComponent("report").path
        let r = try warta(["view", seed, html.path, dir.appendingPathComponent("missing.txt").path, "--output-dir", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing.txt: no such file"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["0001-000_43943d992f4a7b6d.html", "0002-page.html", "index.html"])
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"0001-000_43943d992f4a7b6d.html\">Dewan Komisi B DPRD Kota Semarang"))
        #expect(index.contains("<a href=\"0002-page.html\">"))
        #expect(index.contains("<td class=\"n\">11</td></tr>"))
    }

    @Test("a report inside the folder it reads is not read back, and the folder itself is refused as the output")
    func reportInsideItsInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for k in 1...3 { try Data("Budi pergi ke pasar nomor \(k) di Semarang.".utf8).write(to: dir.appendingPathComponent("a\(k).txt")) }
        let out = dir.appendingPathComponent("view").path
        // Twice: the first run's pages were read back as documents (6 pages, then 10).
        for _ in 0..<2 {
            let r = try warta(["view", dir.path, "--output-dir", out])
            #expect(r.status == 0 && r.stderr.contains("3 pages and index.html"), "\(r.stderr)")
        }
        let same = try warta(["view", dir.path, "--output-dir", dir.path])
        #expect(same.status == 2 && same.stderr.contains("is an input and the output folder"), "\(same.stderr)")
    }

    @Test("a WARC file becomes a report: a page per HTML record and an index")
    func warcReport() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try warta(["view", "Tests/Fixtures/warc/resiliparse-clipped.warc.gz", "--output-dir", dir.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("1 page and index.html"))
        let page = "0001-a-humble-chance-the-rapper-leads-a-spiritual-awakening-at-re.html"
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [page, "index.html"])
        let index = try String(contentsOfFile: dir.path + "/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"\(page)\">A Humble Chance The Rapper Leads a Spiritual Awakening at Revention</a>"))
        #expect(index.contains("<td>Houston Press</td>"))
    }

    @Test("several documents without --output-dir are a usage error")
    func severalNeedADirectory() throws {
        let r = try warta(["view", seed, seed])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--output-dir"))
        #expect(r.stdout.isEmpty)
    }

    @Test("standard input, and markup in a text shown as text")
    func standardInput() throws {
        let r = try warta(["view", "--raw-text", "-"], input: Data("Kata Joko <script>alert(1)</script> di Semarang.".utf8))
        #expect(r.status == 0)
        #expect(!r.stdout.contains("<script>"))
        #expect(r.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("help gives examples and exit codes")
    func help() throws {
        let r = try warta(["view", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("Exit status: 0"))
    }
}
