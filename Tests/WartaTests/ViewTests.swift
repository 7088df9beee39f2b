import Foundation
import Testing
import Warta
import WartaEntities
import WartaQuotes
import WartaText

/// An element of the `<div id="text">` of a page: its tag, attributes, the visible text inside it,
/// and the tags of the elements around it.
struct PageElement {
    var tag: String
    var attributes: [String: String]
    var text: String
    var enclosing: [String]
}

/// The text part of a page read back: its visible text (tags removed, character references
/// read) and its elements.
struct PageText {
    var visible: [UInt8] = []
    var elements: [PageElement] = []

    /// Reads the `<div class="text" id="text">` of `html`; nil when it is missing or badly nested.
    init?(_ html: String) {
        guard let open = html.range(of: "<div class=\"text\" id=\"text\">"),
              let close = html.range(of: "</div>", range: open.upperBound..<html.endIndex) else { return nil }
        let body = Array(html[open.upperBound..<close.lowerBound].utf8)
        var stack: [(tag: String, attributes: [String: String], start: Int)] = []
        var i = 0
        while i < body.count {
            guard body[i] == UInt8(ascii: "<") else {
                let next = body[i...].firstIndex(of: UInt8(ascii: "<")) ?? body.count
                visible += PageText.unescape(body[i..<next])
                i = next
                continue
            }
            guard let end = body[i...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            let tag = String(decoding: body[(i + 1)..<end], as: UTF8.self)
            i = end + 1
            if tag.hasPrefix("/") {
                guard let top = stack.popLast(), "/" + top.tag == tag else { return nil }
                elements.append(PageElement(tag: top.tag, attributes: top.attributes,
                                            text: String(decoding: visible[top.start...], as: UTF8.self),
                                            enclosing: stack.map(\.tag)))
            } else {
                let name = String(tag.prefix { $0 != " " })
                stack.append((name, PageText.attributes(tag), visible.count))
            }
        }
        if !stack.isEmpty { return nil }
    }

    static func attributes(_ tag: String) -> [String: String] {
        var out: [String: String] = [:]
        for m in tag.matches(of: /([a-z-]+)="([^"]*)"/) {
            out[String(m.1)] = String(decoding: unescape(Array(m.2.utf8)[...]), as: UTF8.self)
        }
        return out
    }

    static func unescape(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var s = String(decoding: b, as: UTF8.self)
        for (from, to) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return Array(s.utf8)
    }

    /// The marks, in the order they close.
    var marks: [PageElement] { elements.filter { $0.tag == "mark" } }
}

/// Byte range of the first occurrence of `word` in `text` (after `from`).
func bytes(_ word: String, in text: String, from: Int = 0) -> Range<Int> {
    let t = Array(text.utf8), w = Array(word.utf8)
    for s in from...(t.count - w.count) where Array(t[s..<(s + w.count)]) == w { return s..<(s + w.count) }
    fatalError("\(word) not in \(text)")
}

/// A small article with a nested place, a repeated person and one quote.
func sampleDocument() -> ViewDocument {
    let text = "Joko Susilo dari DPRD Kota Semarang berkata, “Kami mendukung.”\n\nJoko pulang."
    var doc = ViewDocument(text: Array(text.utf8))
    doc.title = "Dewan mendukung"
    doc.paragraphs = [0..<bytes("\n\n", in: text).lowerBound, bytes("Joko pulang.", in: text)]
    let second = bytes("Joko", in: text, from: 10)
    doc.mentions = [
        .init(range: bytes("Joko Susilo", in: text), type: "PER", name: "Joko Susilo", entity: 0),
        .init(range: bytes("DPRD Kota Semarang", in: text), type: "ORG", name: "DPRD Kota Semarang", entity: 1),
        .init(range: bytes("Kota Semarang", in: text), type: "LOC", name: "Kota Semarang", lexiconID: "33.74",
              nested: true, entity: 2),
        .init(range: second, type: "PER", name: "Joko Susilo", entity: 0),
    ]
    doc.statements = [
        .init(kind: .direct, parts: [bytes("Kami mendukung.", in: text)], cue: bytes("berkata", in: text), cueLemma: "kata",
              speaker: .init(name: "Joko Susilo", role: "Ketua Komisi B", resolvedBy: "name",
                             mention: bytes("Joko Susilo", in: text))),
    ]
    return doc
}

func page(_ doc: ViewDocument) -> String { String(decoding: HTMLPageWriter().page(doc), as: UTF8.self) }

@Suite("warta view pages")
struct ViewTests {
    @Test("each mention is a mark around its exact text, with its type")
    func marksAroundExactText() throws {
        let parsed = try #require(PageText(page(sampleDocument())))
        let marks = parsed.marks.map { "\($0.attributes["data-type"]!) \($0.text)" }
        #expect(Set(marks) == ["PER Joko Susilo", "ORG DPRD Kota Semarang", "LOC Kota Semarang", "PER Joko"])
        #expect(parsed.marks.count == 4)
        let first = try #require(parsed.marks.first { $0.attributes["id"] == "m0" })
        #expect(first.attributes["title"] == "PER · Joko Susilo")
        #expect(first.attributes["data-entity"] == "e0")
    }

    @Test("a nested mention sits inside its container's mark")
    func nestedInsideContainer() throws {
        let parsed = try #require(PageText(page(sampleDocument())))
        let nested = try #require(parsed.marks.first { $0.text == "Kota Semarang" })
        #expect(nested.attributes["class"] == "nested")
        #expect(nested.enclosing == ["p", "mark"])
        let html = page(sampleDocument())
        #expect(html.contains("title=\"ORG · DPRD Kota Semarang\">DPRD <mark id=\"m2\""))
    }

    @Test("the visible text of the text part equals the document's text")
    func visibleTextIsTheText() throws {
        let doc = sampleDocument()
        let parsed = try #require(PageText(page(doc)))
        #expect(parsed.visible == doc.text)
    }

    @Test("markup in the text is shown as text, in names and attributes too")
    func escaping() throws {
        let text = "Ketik <script>alert(\"x\")</script> & <b>tebal</b> di 'PT A&B'."
        var doc = ViewDocument(text: Array(text.utf8))
        doc.paragraphs = [0..<doc.text.count]
        doc.title = "<script>judul</script>"
        doc.mentions = [.init(range: bytes("PT A&B", in: text), type: "ORG", name: "PT \"A&B\" <x>", entity: 0)]
        let html = page(doc)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("Ketik &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;"))
        #expect(html.contains("title=\"ORG · PT &quot;A&amp;B&quot; &lt;x&gt;\""))
        #expect(html.contains("<title>&lt;script&gt;judul&lt;/script&gt;</title>"))
        let parsed = try #require(PageText(html))
        #expect(parsed.visible == doc.text)
        #expect(parsed.marks.map(\.text) == ["PT A&B"])
    }

    @Test("the page loads nothing from elsewhere")
    func noExternalLoads() {
        var doc = sampleDocument()
        doc.url = "https://example.com/berita/1"
        let html = page(doc).lowercased()
        for needle in ["src=", "href=\"http", "href='http", "url(", "@import", "<link", "<script", "<img", "<iframe"] {
            #expect(!html.contains(needle), "found \(needle)")
        }
        #expect(html.contains("https://example.com/berita/1"))
    }

    @Test("a quote carries its speaker and kind, is attributed visibly, its cue underlined")
    func quotesAttributed() throws {
        let parsed = try #require(PageText(page(sampleDocument())))
        let quote = try #require(parsed.elements.first { $0.attributes["class"] == "q" })
        #expect(quote.text == "Kami mendukung.")
        #expect(quote.attributes["data-speaker"] == "Joko Susilo")
        #expect(quote.attributes["data-type"] == "direct")
        #expect(quote.attributes["data-attribution"] == "Joko Susilo · Ketua Komisi B · by name")
        let cue = try #require(parsed.elements.first { $0.attributes["class"] == "cue" })
        #expect(cue.text == "berkata")
        let who = try #require(parsed.elements.first { $0.attributes["class"] == "who" })
        #expect(who.text == "Joko Susilo")
        #expect(who.enclosing == ["p", "mark"])
        #expect(page(sampleDocument()).contains(".q[data-attribution]::after { content: \"— \" attr(data-attribution)"))
    }

    @Test("a quote in two parts gets two elements; only the last shows the attribution")
    func quoteInParts() throws {
        let text = "“Misalnya,” kata dia, “sekarang bisa.”"
        var doc = ViewDocument(text: Array(text.utf8))
        doc.statements = [.init(kind: .direct, parts: [bytes("Misalnya", in: text), bytes("sekarang bisa.", in: text)],
                                speaker: .init(name: nil, resolvedBy: "pronoun", mention: bytes("dia", in: text)))]
        let parsed = try #require(PageText(page(doc)))
        let parts = parsed.elements.filter { $0.attributes["data-quote"] == "q0" }
        #expect(parts.map(\.text) == ["Misalnya", "sekarang bisa."])
        #expect(parts.map { $0.attributes["data-attribution"] } == [nil, "unnamed · by pronoun"])
        #expect(parts.map { $0.attributes["id"] } == ["q0", nil])
        #expect(parsed.visible == doc.text)
    }

    @Test("a quote crossing a mark is split around the mark's end; the mark stays whole")
    func crossingRanges() throws {
        let text = "Wali Kota Hendi berkata bahwa pasar dibuka."
        var doc = ViewDocument(text: Array(text.utf8))
        doc.mentions = [.init(range: 5..<15, type: "PER", name: "Kota Hendi", entity: 0),
                        .init(range: 200..<300, type: "LOC", name: "out of range", entity: 1)]
        doc.statements = [.init(kind: .indirect, parts: [12..<35])]  // starts inside the mark, ends after it
        let parsed = try #require(PageText(page(doc)))
        #expect(parsed.visible == doc.text)
        #expect(parsed.marks.map(\.text) == ["Kota Hendi"])
        #expect(parsed.elements.filter { $0.attributes["class"] == "q" }.map(\.text) == ["ndi", " berkata bahwa pasar"])
    }

    @Test("a paragraph ending inside a mark still gives a well-formed page with the exact text")
    func paragraphCrossingMark() throws {
        let text = "Wali Kota Hendi berkata."
        var doc = ViewDocument(text: Array(text.utf8))
        doc.paragraphs = [0..<10, 10..<doc.text.count]
        doc.mentions = [.init(range: 5..<15, type: "PER", name: "Kota Hendi", entity: 0)]
        let parsed = try #require(PageText(page(doc)))
        #expect(parsed.visible == doc.text)
        #expect(parsed.marks.map(\.text) == ["Kota ", "Hendi"])
    }

    @Test("a range ending inside a character is moved to the character's start")
    func rangesOnCharacterBoundaries() throws {
        let text = "Café Ñoño buka."
        var doc = ViewDocument(text: Array(text.utf8))
        doc.mentions = [.init(range: 0..<4, type: "FAC", name: "Café", entity: 0)]  // byte 4 is inside "é"
        let parsed = try #require(PageText(page(doc)))
        #expect(parsed.visible == doc.text)
        #expect(parsed.marks.map(\.text) == ["Caf"])
    }

    @Test("the panel lists entities by type with mention counts and lexicon ids, quotes by speaker")
    func sidePanel() {
        let html = page(sampleDocument())
        let panel = String(html[html.range(of: "<aside>")!.lowerBound...])
        #expect(panel.contains("<h2>Entities (3)</h2>"))
        #expect(panel.contains("<li><a href=\"#m0\">Joko Susilo</a> <span class=\"count\">×2</span></li>"))
        #expect(panel.contains("<li><a href=\"#m2\">Kota Semarang</a> <span class=\"count\">×1</span> <code>33.74</code></li>"))
        let per = panel.range(of: "data-type=\"PER\">PER</span> 1</h3>")!, org = panel.range(of: "data-type=\"ORG\">ORG</span> 1</h3>")!
        #expect(per.lowerBound < org.lowerBound)
        #expect(panel.contains("<h2>Quotes (1)</h2>\n<h3>Joko Susilo <span class=\"count\">1</span></h3>"))
        #expect(panel.contains("<li><a href=\"#q0\">direct · kata</a> “Kami mendukung.”</li>"))
    }

    @Test("the header shows the metadata and the legend every type")
    func headerAndLegend() {
        var doc = sampleDocument()
        doc.site = "Sigi Jateng"; doc.published = ViewDocument.displayTime("2022-05-12T09:30:00+07:00")
        doc.authors = ["Mushonifin", "Ani"]; doc.dateline = "SEMARANG (Sigi Jateng) –"; doc.language = "id"
        let html = page(doc)
        #expect(html.contains("<h1>Dewan mendukung</h1>"))
        for field in ["<dt>Site</dt><dd>Sigi Jateng</dd>", "<dt>Published</dt><dd>2022-05-12 09:30 WIB</dd>",
                      "<dt>Authors</dt><dd>Mushonifin, Ani</dd>", "<dt>Dateline</dt><dd>SEMARANG (Sigi Jateng) –</dd>",
                      "<dt>Language</dt><dd>id</dd>"] {
            #expect(html.contains(field), "\(field)")
        }
        for type in ["PER", "ORG", "LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"] {
            #expect(html.contains("<span class=\"key\" data-type=\"\(type)\">\(type)</span>"))
            #expect(html.contains("[data-type=\"\(type)\"] { --c: #"))
        }
    }

    @Test("times read as in Indonesian newsrooms")
    func displayTime() {
        #expect(ViewDocument.displayTime("2022-05-12T10:00:00+07:00") == "2022-05-12 10:00 WIB")
        #expect(ViewDocument.displayTime("2022-05-12T10:00+08:00") == "2022-05-12 10:00 WITA")
        #expect(ViewDocument.displayTime("2022-05-12T10:00:00+09:00") == "2022-05-12 10:00 WIT")
        #expect(ViewDocument.displayTime("2022-05-12T03:00:00Z") == "2022-05-12 03:00 UTC")
        #expect(ViewDocument.displayTime("2022-05-12T03:00:00+01:00") == "2022-05-12 03:00 UTC+01:00")
        #expect(ViewDocument.displayTime("2022-05-12") == "2022-05-12")
    }

    @Test("the index links each page with its title, date, site and counts")
    func index() {
        var doc = sampleDocument()
        doc.published = "2022-05-12"; doc.site = "A & B"
        let html = String(decoding: HTMLPageWriter().index([.init(href: "0001-a\"b.html", document: doc)]), as: UTF8.self)
        #expect(html.contains("<tr><td><a href=\"0001-a&quot;b.html\">Dewan mendukung</a></td><td>2022-05-12</td>"
            + "<td>A &amp; B</td><td class=\"n\">3</td><td class=\"n\">1</td></tr>"))
        #expect(html.contains("<p>1 document</p>"))
    }

    @Test("the seed's page: every entity in its mark, eleven quotes with speakers, the text exact")
    func seedPage() throws {
        let input = try InputReader.read(path: repositoryRoot + "/seeds/000_43943d992f4a7b6d.txt")
        var configuration = Configuration()
        configuration.nestedEntities = true
        let analyzed = try Pipeline(configuration: configuration).analyze(input, format: .text).get()
        let doc = analyzed.document, entities = analyzed.entities
        let view = ViewDocument(analyzed)
        let html = page(view)
        let parsed = try #require(PageText(html))
        #expect(parsed.visible == doc.bytes)
        // Every mention's mark holds exactly its text.
        let expected = view.mentions.map { "\($0.type) " + String(decoding: doc.bytes[$0.range], as: UTF8.self) }
        let marks = parsed.marks.map { "\($0.attributes["data-type"]!) \($0.text)" }
        #expect(marks.sorted() == expected.sorted())
        #expect(marks.count == entities.reduce(0) { $0 + $1.mentions.count })
        let firstParts = parsed.elements.filter { $0.attributes["class"] == "q" && $0.attributes["id"] != nil }
        #expect(firstParts.count == 11)
        #expect(Set(firstParts.map { $0.attributes["data-speaker"]! }) == ["Tri Supriyanto", "Joko Susilo"])
        #expect(html.contains("<dt>Section</dt><dd>Jawa Tengah</dd>"))
        #expect(html.contains("<dt>Dateline</dt><dd>SEMARANG (Sigi Jateng) –</dd>"))
    }
}
