/// Writes a ``ViewDocument`` as one self-contained HTML page for people: the article's metadata,
/// its text with every entity in a `<mark data-type="…">` and every quote in a
/// `<span class="q" data-speaker="…">`, a legend and a side panel. CSS is inline; the page loads
/// nothing (no fonts, scripts, images or styles from elsewhere), so it works offline and mailed.
///
/// The text is written byte for byte between tags, escaped: with the tags removed and the
/// entities (`&amp;`, `&lt;`, `&gt;`) read back, the `<div id="text">` holds exactly
/// ``ViewDocument/text``. Type labels and attributions are CSS generated content.
public struct HTMLPageWriter: Sendable {
    /// One document of a report: the page's address relative to the index, and the document.
    public struct IndexEntry: Sendable {
        /// The page's file name, as linked from the index (`000_seed.html`).
        public var href: String
        /// The document.
        public var document: ViewDocument

        /// Creates an entry.
        public init(href: String, document: ViewDocument) { self.href = href; self.document = document }
    }

    /// The entity types in legend order, with what each stands for.
    static let types: [(type: String, meaning: String)] = [
        ("PER", "person"), ("ORG", "organization"), ("LOC", "place"), ("FAC", "facility"), ("EVENT", "event"),
        ("DATE", "date"), ("TIME", "time"), ("MONEY", "money"), ("PERCENT", "percentage"),
        ("QUANTITY", "quantity"),
    ]

    /// Creates a writer.
    public init() {}

    /// The page of `doc`, UTF-8.
    public func page(_ doc: ViewDocument) -> [UInt8] {
        var h = HTMLBuffer()
        h.raw("<!DOCTYPE html>\n<html lang=\"")
        h.attribute(doc.language ?? "id")
        h.raw("\">\n")
        head(doc.title ?? "Warta", &h)
        h.raw("<body>\n")
        header(doc, &h)
        legend(&h)
        h.raw("<main>\n<div class=\"text\" id=\"text\">")
        BodyRenderer(doc: doc).render(into: &h)
        h.raw("</div>\n<aside>\n")
        entityPanel(doc, &h)
        quotePanel(doc, &h)
        h.raw("</aside>\n</main>\n")
        h.raw("<footer>Written by <code>warta view</code>. Each mark's label is its entity type; ")
        h.raw("hover a mark for its entity and lexicon id.</footer>\n</body>\n</html>\n")
        return h.bytes
    }

    /// A page linking `entries`: title, date, site, counts of entities and quotes.
    public func index(_ entries: [IndexEntry], title: String = "Warta report") -> [UInt8] {
        var h = HTMLBuffer()
        h.raw("<!DOCTYPE html>\n<html lang=\"id\">\n")
        head(title, &h)
        h.raw("<body>\n<header class=\"meta\"><h1>"); h.text(title); h.raw("</h1>")
        h.raw("<p>\(entries.count) document\(entries.count == 1 ? "" : "s")</p></header>\n")
        h.raw("<table class=\"index\">\n<thead><tr><th>Title</th><th>Published</th><th>Site</th>")
        h.raw("<th>Entities</th><th>Quotes</th></tr></thead>\n<tbody>\n")
        for e in entries { indexRow(e, &h) }
        h.raw("</tbody>\n</table>\n</body>\n</html>\n")
        return h.bytes
    }

    private func indexRow(_ e: IndexEntry, _ h: inout HTMLBuffer) {
        let d = e.document
        h.raw("<tr><td><a href=\""); h.attribute(e.href); h.raw("\">"); h.text(d.title ?? e.href); h.raw("</a></td>")
        h.raw("<td>"); h.text(d.published ?? ""); h.raw("</td><td>"); h.text(d.site ?? ""); h.raw("</td>")
        h.raw("<td class=\"n\">\(Set(d.mentions.map(\.entity)).count)</td>")
        h.raw("<td class=\"n\">\(d.statements.count)</td></tr>\n")
    }

    private func head(_ title: String, _ h: inout HTMLBuffer) {
        h.raw("<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        h.text(title)
        h.raw("</title>\n<style>\n")
        h.raw(HTMLPageWriter.css)
        h.raw("</style>\n</head>\n")
    }

    private func header(_ d: ViewDocument, _ h: inout HTMLBuffer) {
        h.raw("<header class=\"meta\">\n<h1>"); h.text(d.title ?? "(no title)"); h.raw("</h1>\n<dl>")
        let rows: [(String, String?)] = [
            ("Site", d.site), ("Section", d.section), ("Published", d.published),
            ("Authors", d.authors.isEmpty ? nil : d.authors.joined(separator: ", ")),
            ("Editors", d.editors.isEmpty ? nil : d.editors.joined(separator: ", ")),
            ("Dateline", d.dateline), ("URL", d.url), ("Language", d.language),
        ]
        for (label, value) in rows {
            h.raw("<div><dt>\(label)</dt><dd>")
            if let value { h.text(value) } else { h.raw("<span class=\"none\">—</span>") }
            h.raw("</dd></div>")
        }
        h.raw("</dl>\n</header>\n")
    }

    private func legend(_ h: inout HTMLBuffer) {
        h.raw("<nav class=\"legend\" aria-label=\"Entity types\">")
        for (type, meaning) in HTMLPageWriter.types {
            h.raw("<span class=\"item\"><span class=\"key\" data-type=\"\(type)\">\(type)</span> \(meaning)</span> ")
        }
        h.raw("<span class=\"item\"><span class=\"key-q\">quote</span> &nbsp;<span class=\"key-cue\">cue</span>")
        h.raw(" &nbsp;<span class=\"key-who\">speaker</span></span>")
        h.raw("</nav>\n")
    }
}

// MARK: - Side panel

extension HTMLPageWriter {
    /// One entity in the panel: its first mention's index, type, name, lexicon id and mention count.
    struct PanelEntity {
        var first: Int
        var type: String
        var name: String
        var lexiconID: String?
        var count: Int
    }

    /// The entities of `doc` in order of first mention.
    static func panelEntities(_ doc: ViewDocument) -> [PanelEntity] {
        var byEntity: [Int: Int] = [:]
        var list: [PanelEntity] = []
        for (k, m) in doc.mentions.enumerated() {
            if let i = byEntity[m.entity] {
                list[i].count += 1
                if list[i].lexiconID == nil { list[i].lexiconID = m.lexiconID }
            } else {
                byEntity[m.entity] = list.count
                list.append(PanelEntity(first: k, type: m.type, name: m.name, lexiconID: m.lexiconID, count: 1))
            }
        }
        return list
    }

    /// Types in legend order, then any others in alphabetical order.
    static func typeOrder(_ present: Set<String>) -> [String] {
        let known = types.map(\.type)
        return known.filter(present.contains) + present.subtracting(known).sorted()
    }

    private func entityPanel(_ doc: ViewDocument, _ h: inout HTMLBuffer) {
        let entities = HTMLPageWriter.panelEntities(doc)
        h.raw("<section class=\"panel\" id=\"entities\">\n<h2>Entities (\(entities.count))</h2>\n")
        for type in HTMLPageWriter.typeOrder(Set(entities.map(\.type))) {
            let group = entities.filter { $0.type == type }.sorted { ($1.count, $0.first) < ($0.count, $1.first) }
            h.raw("<h3><span class=\"key\" data-type=\""); h.attribute(type); h.raw("\">"); h.text(type)
            h.raw("</span> \(group.count)</h3>\n<ul>\n")
            for e in group {
                h.raw("<li><a href=\"#m\(e.first)\">"); h.text(e.name); h.raw("</a> <span class=\"count\">×\(e.count)</span>")
                if let id = e.lexiconID { h.raw(" <code>"); h.text(id); h.raw("</code>") }
                h.raw("</li>\n")
            }
            h.raw("</ul>\n")
        }
        h.raw("</section>\n")
    }

    private func quotePanel(_ doc: ViewDocument, _ h: inout HTMLBuffer) {
        var speakers: [String] = []
        var quotesOf: [String: [Int]] = [:]
        for (k, q) in doc.statements.enumerated() {
            let who = HTMLPageWriter.speakerName(q)
            if quotesOf[who] == nil { speakers.append(who) }
            quotesOf[who, default: []].append(k)
        }
        h.raw("<section class=\"panel\" id=\"quotes\">\n<h2>Quotes (\(doc.statements.count))</h2>\n")
        for who in speakers {
            let quotes = quotesOf[who]!
            h.raw("<h3>"); h.text(who); h.raw(" <span class=\"count\">\(quotes.count)</span></h3>\n")
            if let role = quotes.lazy.compactMap({ doc.statements[$0].speaker?.role }).first {
                h.raw("<p class=\"role\">"); h.text(role); h.raw("</p>\n")
            }
            h.raw("<ol>\n")
            for k in quotes { quoteItem(doc, k, &h) }
            h.raw("</ol>\n")
        }
        h.raw("</section>\n")
    }

    private func quoteItem(_ doc: ViewDocument, _ k: Int, _ h: inout HTMLBuffer) {
        let q = doc.statements[k]
        let words = q.parts.map { String(decoding: doc.text[BodyRenderer.clamp($0, doc.text.count)], as: UTF8.self) }
            .joined(separator: " … ")
        let snippet = words.count > 110 ? String(words.prefix(100)) + "…" : words
        h.raw("<li><a href=\"#q\(k)\">\(q.kind.rawValue)")
        if let lemma = q.cueLemma { h.raw(" · "); h.text(lemma) }
        h.raw("</a> "); h.text(q.kind == .indirect ? snippet : "“" + snippet + "”"); h.raw("</li>\n")
    }

    /// The name a statement is filed under in the panel.
    static func speakerName(_ q: ViewDocument.Statement) -> String {
        guard let s = q.speaker else { return "Speaker unknown" }
        return s.name ?? "Unnamed speaker"
    }

    /// What a statement's visible attribution says: name, role, how the speaker was found.
    static func attribution(_ q: ViewDocument.Statement) -> String {
        guard let s = q.speaker else { return "speaker unknown" }
        var parts = [s.name ?? "unnamed"]
        if let role = s.role { parts.append(role) }
        parts.append("by " + s.resolvedBy)
        return parts.joined(separator: " · ")
    }
}

// MARK: - Body

/// Lays the document's ranges (paragraphs, quote parts, marks, cues, speaker mentions) over its
/// text as nested elements. Ranges that cross are split: the inner element is closed and
/// reopened around the outer one's end, so the HTML stays well formed.
struct BodyRenderer {
    /// One element over a byte range; `rank` orders elements with the same range (outer first).
    struct Element {
        var start: Int
        var end: Int
        var rank: Int
        var open: [UInt8]
        var reopen: [UInt8]
        var close: [UInt8]
    }

    let doc: ViewDocument

    /// `r` within `0..<count`, empty when it lies outside.
    static func clamp(_ r: Range<Int>, _ count: Int) -> Range<Int> {
        let lower = min(max(r.lowerBound, 0), count)
        return lower..<min(max(r.upperBound, lower), count)
    }

    /// Writes the text with its elements into `h`.
    func render(into h: inout HTMLBuffer) {
        var elements = paragraphs() + quoteParts() + marks() + cues()
        elements.sort { ($0.start, -$0.end, $0.rank) < ($1.start, -$1.end, $1.rank) }
        var stack: [Element] = []
        var cursor = 0
        for e in elements where e.start < e.end {
            closeEnded(upTo: e.start, &stack, &cursor, &h)
            h.text(doc.text[cursor..<e.start])
            cursor = e.start
            h.raw(e.open)
            stack.append(e)
        }
        closeEnded(upTo: Int.max, &stack, &cursor, &h)
        h.text(doc.text[cursor...])
    }

    /// Closes every open element that ends at or before `position`, earliest end first; an
    /// element closed under others closes and reopens them.
    private func closeEnded(upTo position: Int, _ stack: inout [Element], _ cursor: inout Int, _ h: inout HTMLBuffer) {
        while let end = stack.lazy.map(\.end).min(), end <= position {
            let i = stack.lastIndex { $0.end == end }!
            h.text(doc.text[cursor..<end])
            cursor = end
            for above in stack[(i + 1)...].reversed() { h.raw(above.close) }
            h.raw(stack[i].close)
            stack.remove(at: i)
            for above in stack[i...] { h.raw(above.reopen) }
        }
    }

    /// `r` clamped to the text, its ends moved back to the start of a character.
    private func snapped(_ r: Range<Int>) -> Range<Int> {
        let c = BodyRenderer.clamp(r, doc.text.count)
        func back(_ i: Int) -> Int {
            var i = i
            while i > 0, i < doc.text.count, doc.text[i] & 0xC0 == 0x80 { i -= 1 }
            return i
        }
        let lower = back(c.lowerBound)
        return lower..<max(lower, back(c.upperBound))
    }

    private func element(_ r: Range<Int>, rank: Int, open: String, reopen: String? = nil, close: String) -> Element {
        let s = snapped(r)
        return Element(start: s.lowerBound, end: s.upperBound, rank: rank, open: Array(open.utf8),
                       reopen: Array((reopen ?? open).utf8), close: Array(close.utf8))
    }

    private func paragraphs() -> [Element] {
        doc.paragraphs.map { element($0, rank: 0, open: "<p>", close: "</p>") }
    }

    private func quoteParts() -> [Element] {
        var out: [Element] = []
        for (k, q) in doc.statements.enumerated() {
            var common = " class=\"q\" data-quote=\"q\(k)\" data-type=\"\(q.kind.rawValue)\" data-speaker=\""
            common += HTMLBuffer.escaped(q.speaker?.name ?? "") + "\""
            for (j, part) in q.parts.enumerated() {
                var open = "<span" + (j == 0 ? " id=\"q\(k)\"" : "") + common
                if j == q.parts.count - 1 {
                    open += " data-attribution=\"" + HTMLBuffer.escaped(HTMLPageWriter.attribution(q)) + "\""
                }
                out.append(element(part, rank: 1, open: open + ">", reopen: "<span" + common + ">", close: "</span>"))
            }
        }
        return out
    }

    private func marks() -> [Element] {
        doc.mentions.enumerated().map { k, m in
            var attributes = " data-type=\"" + HTMLBuffer.escaped(m.type) + "\" data-entity=\"e\(m.entity)\""
            var title = m.type + " · " + m.name
            if let id = m.lexiconID { title += " · " + id }
            attributes += " title=\"" + HTMLBuffer.escaped(title) + "\""
            if m.nested { attributes += " class=\"nested\"" }
            return element(m.range, rank: m.nested ? 3 : 2, open: "<mark id=\"m\(k)\"" + attributes + ">",
                           reopen: "<mark" + attributes + ">", close: "</mark>")
        }
    }

    private func cues() -> [Element] {
        var out: [Element] = []
        for (k, q) in doc.statements.enumerated() {
            if let cue = q.cue {
                let title = "cue of quote \(k + 1)" + (q.cueLemma.map { ": " + $0 } ?? "")
                out.append(element(cue, rank: 4, open: "<span class=\"cue\" title=\"" + HTMLBuffer.escaped(title) + "\">",
                                   close: "</span>"))
            }
            if let mention = q.speaker?.mention {
                let title = "speaker of quote \(k + 1): " + HTMLPageWriter.attribution(q)
                out.append(element(mention, rank: 5, open: "<span class=\"who\" title=\"" + HTMLBuffer.escaped(title) + "\">",
                                   close: "</span>"))
            }
        }
        return out
    }
}

// MARK: - Output buffer

/// UTF-8 output with HTML escaping.
struct HTMLBuffer {
    var bytes: [UInt8] = []

    /// Appends markup as it is.
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends markup bytes as they are.
    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// Appends text content: `&`, `<` and `>` escaped.
    mutating func text(_ s: String) { text(s.utf8) }

    /// Appends text content bytes: `&`, `<` and `>` escaped.
    mutating func text<C: Collection>(_ b: C) where C.Element == UInt8 {
        bytes.reserveCapacity(bytes.count + b.count)
        for c in b { append(c, quotes: false) }
    }

    /// Appends an attribute value (without its quotes): `&`, `<`, `>`, `"` and `'` escaped.
    mutating func attribute(_ s: String) {
        for c in s.utf8 { append(c, quotes: true) }
    }

    @inline(__always) private mutating func append(_ c: UInt8, quotes: Bool) {
        switch c {
        case UInt8(ascii: "&"): raw("&amp;")
        case UInt8(ascii: "<"): raw("&lt;")
        case UInt8(ascii: ">"): raw("&gt;")
        case UInt8(ascii: "\"") where quotes: raw("&quot;")
        case UInt8(ascii: "'") where quotes: raw("&#39;")
        default: bytes.append(c)
        }
    }

    /// `s` escaped for an attribute value.
    static func escaped(_ s: String) -> String {
        var b = HTMLBuffer()
        b.attribute(s)
        return String(decoding: b.bytes, as: UTF8.self)
    }
}
