import Foundation
import WartaText

/// Finds the article body and metadata in a parsed page with general rules: block scores
/// from text density, link density and paragraph structure; strong signals from
/// `<article>`, `itemprop=articleBody` and common class names; metadata from `<meta>`,
/// JSON-LD, `<time>` and visible Indonesian text. No rule names a site.
public struct ArticleExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Decodes, parses and extracts a page. `charset` is the HTTP charset when known.
    public func extract(html: [UInt8], charset: String? = nil) -> Article? {
        let decoded = CharsetDecoder.decode(html, declared: charset)
        if ArticleExtractor.isFeed(decoded.bytes) {
            // An RSS or Atom feed lists articles: an index, with no body to extract.
            var article = Article()
            article.pageType = .index
            article.charset = decoded.charset
            article.charsetSource = decoded.source
            // The items' titles and descriptions tell the language; markup words are no evidence.
            article.language = LanguageDetector().detect(decoded.bytes)
            return article
        }
        guard let tree = HTMLTree(html: decoded.bytes, encoding: decoded.libxmlEncoding) else { return nil }
        var article = extract(tree)
        article.textLoss = tree.textLoss
        article.replacedBytes = decoded.replaced
        article.charset = decoded.charset
        article.charsetSource = decoded.source
        return article
    }

    /// Whether the bytes are an RSS, RDF or Atom feed rather than a page.
    static func isFeed(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        guard head.containsBytes("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") else { return false }
        return head.containsBytes("<rss") || head.containsBytes("<feed") || head.containsBytes("<rdf:rdf") || head.containsBytes("<channel")
    }

    /// Extracts the article from a parsed page.
    public func extract(_ tree: HTMLTree) -> Article {
        var state = Extraction(tree: tree)
        return state.run()
    }
}

/// The work of one extraction.
struct Extraction {
    let tree: HTMLTree
    var article = Article()
    /// Elements whose subtree is never body text.
    var dropped: [Bool]
    /// Non-link text bytes and link text bytes in each subtree (dropped parts excluded).
    var textLength: [Int32]
    var linkLength: [Int32]
    var meta: [String: [String]] = [:]
    var jsonLD: [[String: Any]] = []
    /// The language the page declares (`<html lang>`, `content-language`, `og:locale`): a hint
    /// for the detector, never the answer.
    var declaredLanguage: String?
    /// What each element's class and id words say, read once.
    let names: [NameFlags]
    /// Nodes inside a sidebar, related list, comment block or footer (by tag or name).
    let periphery: [Bool]

    /// Kinds of class and id words.
    struct NameFlags: OptionSet {
        let rawValue: UInt8
        static let boilerplate = NameFlags(rawValue: 1)
        static let content = NameFlags(rawValue: 2)
        static let date = NameFlags(rawValue: 4)
        static let caption = NameFlags(rawValue: 8)
        static let breadcrumb = NameFlags(rawValue: 16)
        static let articleBody = NameFlags(rawValue: 32)
        /// Sidebars, related lists, comments, footers: never a byline or a date of the article.
        static let periphery = NameFlags(rawValue: 64)
        /// An element that holds a byline (`author`, `byline`, `penulis`…).
        static let byline = NameFlags(rawValue: 128)
    }

    init(tree: HTMLTree) {
        self.tree = tree
        dropped = [Bool](filled: false, count: tree.count)
        textLength = [Int32](filled: 0, count: tree.count)
        linkLength = [Int32](filled: 0, count: tree.count)
        let names = (0..<tree.count).map { Extraction.nameFlags(tree, $0) }
        self.names = names
        var periphery = [Bool](filled: false, count: tree.count)
        for i in 0..<tree.count {
            let p = Int(tree.parents[i])
            let tag = tree.tags[i]
            periphery[i] = (p >= 0 && periphery[p]) || !tree.isText[i]
                && (tag == .aside || tag == .footer || tag == .nav || names[i].contains(.periphery))
        }
        self.periphery = periphery
    }

    static let wordKinds: ByteStringTable = {
        var kinds: [String: UInt8] = [:]
        for w in boilerplateTokens { kinds[w, default: 0] |= NameFlags.boilerplate.rawValue }
        for w in contentTokens { kinds[w, default: 0] |= NameFlags.content.rawValue }
        for w in dateTokens { kinds[w, default: 0] |= NameFlags.date.rawValue }
        for w in ["caption", "keterangan", "wp-caption-text"] {
            kinds[w, default: 0] = NameFlags.caption.rawValue | NameFlags.boilerplate.rawValue
        }
        for w in peripheryTokens { kinds[w, default: 0] |= NameFlags.periphery.rawValue }
        for w in bylineNames { kinds[w, default: 0] |= NameFlags.byline.rawValue }
        kinds["articlebody", default: 0] |= NameFlags.articleBody.rawValue
        return ByteStringTable(kinds.map { (Array($0.key.utf8), Int32($0.value)) })
    }()

    /// Class and id words of page parts around the article (sidebars, related and popular
    /// lists, comments, footers): no byline or date is read inside them.
    static let peripheryTokens: Set<String> = [
        "sidebar", "related", "terkait", "comment", "comments", "komentar", "footer", "popular", "populer",
        "terpopuler", "trending", "widget", "rekomendasi", "recommended", "recommendation", "latest", "terbaru",
        "lainnya", "outbrain", "taboola", "mgid", "most", "terhangat", "indeks", "aside", "disqus", "fb-comments",
    ]

    static let dateTokens: Set<String> = ["date", "time", "tanggal", "waktu", "tgl", "datetime", "timestamp",
                                          "publish", "published", "pubdate", "jam", "posted", "tanggalan"]

    /// Classifies the words of element `i`'s class and id, byte by byte.
    static func nameFlags(_ tree: HTMLTree, _ i: Int) -> NameFlags {
        guard !tree.isText[i] else { return [] }
        var flags: NameFlags = []
        for attribute in [Attribute.class, .id] {
            guard let value = tree.attributeBytes(attribute, of: i) else { continue }
            let v = value.span
            var negated = false
            var start = 0
            func word(_ w: Span<UInt8>) {
                guard !w.isEmpty else { return }
                if var k = wordKinds.value(w, lowercase: true).map({ NameFlags(rawValue: UInt8($0)) }) {
                    if negated { k.remove(.boilerplate) }
                    flags.formUnion(k)
                }
                if w.count >= 10, equalsLower(w.extracting(0..<10), "breadcrumb") { flags.insert(.breadcrumb) }
                if w.count > 7, equalsLower(w.extracting((w.count - 7)...), "caption") { flags.insert(.caption) }
                negated = equalsLower(w, "no") || equalsLower(w, "non") || equalsLower(w, "without")
            }
            for k in 0..<v.count {
                let b = v[k]
                if (b | 0x20) &- 0x61 < 26 || (b &- 0x30) < 10 || b >= 0x80 { continue }
                word(v.extracting(start..<k))
                start = k + 1
            }
            word(v.extracting(start..<v.count))
        }
        if let ip = tree.attributeBytes(.itemprop, of: i), equalsLower(ip.span, "articlebody") {
            flags.insert(.articleBody)
        }
        return flags
    }

    /// Whether `w` spells `s` (lower-case ASCII) ignoring ASCII case.
    static func equalsLower(_ w: Span<UInt8>, _ s: StaticString) -> Bool {
        guard w.count == s.utf8CodeUnitCount else { return false }
        for k in 0..<w.count where (w[k] &- 0x41 < 26 ? w[k] | 0x20 : w[k]) != s.utf8Start[k] { return false }
        return true
    }

    mutating func run() -> Article {
        readMetadata()
        markBoilerplate()
        measure()
        let body = bestCandidate()
        if let body { collectBody(body) }
        useStructuredBodyIfFuller()
        readTitle()
        readDates()
        readBylines()
        readSection()
        readImage(body)
        readPagination()
        classify(body)
        refineMediaPage(body)
        if article.pageType != .article && article.pageType != .photo && article.pageType != .video {
            article.paragraphs = []
            article.related = []
            article.dateline = nil
        } else {
            readDateline()
        }
        readLanguage()
        return article
    }

    // MARK: Metadata

    mutating func readMetadata() {
        for i in 0..<tree.count where !tree.isText[i] {
            switch tree.tags[i] {
            case .meta:
                let key = (tree.attribute(.property, of: i) ?? tree.attribute(.name, of: i)
                    ?? tree.attribute(.itemprop, of: i))?.lowercased()
                if let key, let value = tree.attribute(.content, of: i)?.trimmed, !value.isEmpty {
                    meta[key, default: []].append(value)
                }
            case .link:
                let rel = tree.attribute(.rel, of: i)?.lowercased() ?? ""
                if let href = tree.attribute(.href, of: i) {
                    if rel == "canonical" { meta["canonical", default: []].append(href) }
                    if rel == "next" { meta["rel:next", default: []].append(href) }
                }
            case .html:
                if let lang = tree.attribute(.lang, of: i) { declaredLanguage = lang.lowercased() }
            case .script:
                guard tree.attribute(.type, of: i)?.lowercased().containsBytes("ld+json") == true else { continue }
                var text = ""
                for k in (i + 1)..<Int(tree.subtreeEnd[i]) where tree.isText[k] { text += tree.text(k) }
                addJSONLD(text)
            default:
                break
            }
        }
        article.url = first("canonical") ?? first("og:url")
        article.siteName = first("og:site_name") ?? ldString(["publisher", "name"])
        if declaredLanguage == nil { declaredLanguage = first("content-language") ?? first("og:locale") }
        var tags: [String] = meta["article:tag"] ?? []
        if tags.isEmpty, let keywords = first("news_keywords") ?? ldKeywords() ?? first("keywords") {
            tags = keywords.split(separator: ",").map { String($0).trimmed }
        }
        var seen = Set<String>()
        article.tags = tags.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    func first(_ key: String) -> String? { meta[key]?.first }

    /// The largest JSON-LD block read: a page's metadata, its article body included, takes
    /// kilobytes, and a block of megabytes (a site's catalogue) costs a hundred times its size
    /// in memory once parsed (7 MB took 650 MB).
    static let maxJSONLDBytes = 1 << 20

    /// Adds the objects of one JSON-LD block (its `@graph` too) to ``jsonLD``.
    mutating func addJSONLD(_ text: String) {
        guard text.utf8.count <= Extraction.maxJSONLDBytes, let data = text.trimmed.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        func add(_ o: Any) {
            if let d = o as? [String: Any] {
                jsonLD.append(d)
                if let graph = d["@graph"] as? [Any] { graph.forEach(add) }
            } else if let a = o as? [Any] {
                a.forEach(add)
            }
        }
        add(object)
    }

    /// JSON-LD objects of an article type first.
    var ldArticles: [[String: Any]] {
        let kinds: Set<String> = ["newsarticle", "article", "reportagenewsarticle", "blogposting", "webpage",
                                  "analysisnewsarticle", "opinionnewsarticle"]
        func types(_ d: [String: Any]) -> [String] {
            if let t = d["@type"] as? String { return [t.lowercased()] }
            return (d["@type"] as? [String])?.map { $0.lowercased() } ?? []
        }
        let articles = jsonLD.filter { types($0).contains { kinds.contains($0) && $0 != "webpage" } }
        return articles + jsonLD.filter { types($0).contains("webpage") }
    }

    func ldString(_ path: [String]) -> String? {
        for d in ldArticles {
            var value: Any? = d
            for key in path {
                if let a = value as? [Any] { value = a.first }
                value = (value as? [String: Any])?[key]
            }
            if let a = value as? [Any] { value = a.first }
            if let s = value as? String, !s.trimmed.isEmpty { return s.trimmed }
        }
        return nil
    }

    /// Paragraphs from the page's schema.org `articleBody` where the page's own body holds
    /// less than half as many words: a page its scripts fill (the text only in its JSON-LD) or
    /// a paywall that shows a teaser. Inserts (`Baca juga: …`) are left out, as in a page's body.
    mutating func useStructuredBodyIfFuller() {
        guard let body = ldString(["articleBody"]) else { return }
        let paragraphs = Extraction.paragraphs(ofArticleBody: body).filter { !Extraction.isInsert($0) }
        let words = paragraphs.reduce(0) { $0 + Extraction.wordCount($1) }
        guard words >= 50, article.paragraphs.reduce(0, { $0 + Extraction.wordCount($1) }) * 2 < words else { return }
        article.paragraphs = paragraphs
    }

    /// The paragraphs of an `articleBody`: with markup in it (WordPress writes its HTML there),
    /// the text of each `<p>`, else the lines of its text.
    static func paragraphs(ofArticleBody body: String) -> [String] {
        var text = body
        if body.utf8.contains(0x3C), let tree = HTMLTree(html: Array(body.utf8)) {
            let blocks = tree.elements(.p).map { collapse(Array(tree.innerText($0).utf8)) }.filter { !$0.isEmpty }
            if !blocks.isEmpty { return blocks }
            text = tree.count > 0 ? tree.innerText(0) : body
        }
        return text.split(separator: "\n").map { collapse(Array($0.utf8)) }.filter { !$0.isEmpty }
    }

    /// The words of `text`, counted by the spaces between them.
    static func wordCount(_ text: String) -> Int { text.utf8.count(where: { $0 == 0x20 }) + (text.isEmpty ? 0 : 1) }

    func ldKeywords() -> String? {
        for d in ldArticles {
            if let s = d["keywords"] as? String { return s }
            if let a = d["keywords"] as? [String] { return a.joined(separator: ",") }
        }
        return nil
    }

    // MARK: Boilerplate and measurement

    static let boilerplateTokens: Set<String> = [
        "share", "sharer", "social", "sosmed", "socmed", "comment", "comments", "komentar", "related", "terkait",
        "sidebar", "footer", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "ads", "ad",
        "advert", "advertisement", "iklan", "banner", "cookie", "newsletter", "popular", "populer", "terpopuler",
        "trending", "rekomendasi", "recommended", "recommendation", "widget", "promo", "subscribe", "tags", "tag",
        "copyright", "pagination", "paging", "modal", "popup", "vote", "voting", "voters", "outbrain", "taboola",
        "mgid", "bacajuga", "readalso", "baca", "lainnya", "terbaru", "latest", "topik", "video-terkait", "author",
        "penulis",
        "editor", "byline", "caption", "keterangan", "wp-caption-text", "hidden", "print", "email", "rating",
    ]

    static let contentTokens: Set<String> = [
        "article", "articles", "content", "contents", "body", "entry", "post", "detail", "text", "isi", "story",
        "artikel", "berita", "news", "read", "main", "txt",
    ]

    mutating func markBoilerplate() {
        // First pass: elements that never hold body text, whatever they contain.
        for i in 0..<tree.count {
            let parent = Int(tree.parents[i])
            if parent >= 0 && dropped[parent] { dropped[i] = true; continue }
            if tree.isText[i] { continue }
            let tag = tree.tags[i]
            if tag.isNeverContent || tag == .figcaption || tag == .caption {
                dropped[i] = true
            }
        }
        measure()
        // Second pass: boilerplate by name or position, unless the element holds a body's worth
        // of unlinked text (broken markup can nest the article inside a share bar).
        var dropNow = [Bool](filled: false, count: tree.count)
        let flow = runningText()
        for i in 0..<tree.count where !tree.isText[i] && !dropped[i] {
            let tag = tree.tags[i]
            var boilerplate = tag == .footer || tag == .aside || tag == .header && !hasArticleAncestor(i)
            if !boilerplate {
                // Names such as "share" or "related" ("no-share" is negated when the flags are read).
                boilerplate = names[i].contains(.boilerplate) && !names[i].contains(.articleBody)
            }
            guard boilerplate else { continue }
            if isInRunningText(i, flow: flow) { continue }
            let text = Int(textLength[i]), links = Int(linkLength[i])
            if text >= 600 && links * 3 < text { continue }
            dropNow[i] = true
        }
        for i in 0..<tree.count {
            let parent = Int(tree.parents[i])
            if dropNow[i] || parent >= 0 && dropped[parent] { dropped[i] = true }
        }
        for i in 0..<tree.count { textLength[i] = 0; linkLength[i] = 0 }
    }

    /// Visible bytes of unlinked text each block holds in its own inline flow, outside inline
    /// elements named like boilerplate: the running text of a paragraph.
    func runningText() -> [Int32] {
        var flow = [Int32](filled: 0, count: tree.count)
        for i in 0..<tree.count where tree.isText[i] && !dropped[i] {
            var p = Int(tree.parents[i])
            var plain = true
            while p >= 0, !tree.tags[p].isBlock {
                if tree.tags[p] == .a || names[p].contains(.boilerplate) { plain = false }
                p = Int(tree.parents[p])
            }
            if plain, p >= 0 { flow[p] += Int32(visibleLength(tree.textBytes(i))) }
        }
        return flow
    }

    /// Whether element `i` is an inline element inside a sentence (a tag link in a paragraph,
    /// a styled span): boilerplate removal decides on blocks, and inside a kept block every
    /// inline element keeps its text, whatever its class. Advertisement labels and rows of
    /// links without text of their own (share buttons) are the exceptions.
    func isInRunningText(_ i: Int, flow: [Int32]) -> Bool {
        guard !tree.tags[i].isBlock, tree.tags[i] != .img else { return false }
        var p = Int(tree.parents[i])
        while p >= 0, !tree.tags[p].isBlock { p = Int(tree.parents[p]) }
        guard p >= 0, flow[p] >= 12 else { return false }
        // A row of links with no text of its own is a widget (share buttons), not words.
        var links = 0
        for k in i..<Int(tree.subtreeEnd[i]) where !tree.isText[k] && tree.tags[k] == .a { links += 1 }
        if links >= 2 && textLength[i] == 0 { return false }
        return !Extraction.isAdLabel(Extraction.collapse(Array(tree.innerText(i).utf8)))
    }

    /// An advertisement label standing inside running text ("ADVERTISEMENT", "Scroll to continue").
    static func isAdLabel(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["advertisement", "iklan", "ads", "ad", "sponsored", "scroll to continue", "scroll to continue with content",
                "lanjutkan membaca", "baca juga", "baca juga:"].contains(lower)
    }

    func hasArticleAncestor(_ i: Int) -> Bool {
        var p = Int(tree.parents[i])
        while p >= 0 {
            if tree.tags[p] == .article { return true }
            p = Int(tree.parents[p])
        }
        return false
    }

    mutating func measure() {
        var inLink = [Bool](filled: false, count: tree.count)
        for i in 0..<tree.count {
            let p = Int(tree.parents[i])
            inLink[i] = (p >= 0 && inLink[p]) || (!tree.isText[i] && tree.tags[i] == .a)
        }
        for i in stride(from: tree.count - 1, through: 0, by: -1) {
            if tree.isText[i] && !dropped[i] {
                let n = Int32(visibleLength(tree.textBytes(i)))
                if inLink[i] { linkLength[i] = n } else { textLength[i] = n }
            }
            let p = Int(tree.parents[i])
            if p >= 0 && !dropped[i] {
                textLength[p] += textLength[i]
                linkLength[p] += linkLength[i]
            }
        }
    }

    /// Bytes that are not whitespace.
    func visibleLength(_ b: ArraySlice<UInt8>) -> Int {
        var n = 0
        for c in b where c > 0x20 { n += 1 }
        return n
    }

    // MARK: The body

    /// The element that holds the article body, by readability-style scores.
    func bestCandidate() -> Int? {
        var score = [Double](filled: 0, count: tree.count)
        for i in 0..<tree.count where !tree.isText[i] && !dropped[i] {
            let tag = tree.tags[i]
            guard tag == .p || tag == .div || tag == .td || tag == .pre || tag == .blockquote || tag == .section
                    || tag == .article || tag == .font || tag == .span || tag == .center || tag == .li else { continue }
            // Text that is this element's own (direct text children), not in child blocks.
            var own = 0
            var commas = 0
            var c = i + 1
            let end = Int(tree.subtreeEnd[i])
            while c < end {
                if tree.isText[c] || !tree.tags[c].isBlock {
                    own += Int(textLength[c])
                    if tree.isText[c] { commas += tree.textBytes(c).reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) } }
                }
                c = Int(tree.subtreeEnd[c])
            }
            guard own >= 25 else { continue }
            let s = 1 + Double(commas) + min(Double(own) / 100, 3)
            if tag != .p && tag != .li { score[i] += s }
            let p = Int(tree.parents[i])
            if p >= 0 {
                score[p] += s
                let g = Int(tree.parents[p])
                if g >= 0 { score[g] += s / 2 }
            }
        }
        var best: Int?
        var bestScore = 0.0
        for i in 0..<tree.count where score[i] > 0 {
            let total = Double(textLength[i] + linkLength[i])
            let density = total > 0 ? Double(linkLength[i]) / total : 1
            var s = score[i] * (1 - density)
            if names[i].contains(.content) { s *= 1.25 }
            if tree.tags[i] == .article { s *= 1.3 }
            if names[i].contains(.articleBody) { s *= 2 }
            if s > bestScore { bestScore = s; best = i }
        }
        return best
    }

    /// Reads the paragraphs of `body`, removing inserts and recording related links.
    mutating func collectBody(_ body: Int) {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var links: [Link] = []
        var linkBytes = 0
        var textBytes = 0
        func flush() {
            let text = Extraction.collapse(current)
            current.removeAll(keepingCapacity: true)
            defer { links.removeAll(); linkBytes = 0; textBytes = 0 }
            guard !text.isEmpty else { return }
            if Extraction.isInsert(text) {
                article.related += links
                return
            }
            // A paragraph that is mostly links is a related-articles box, unless it is a sentence
            // (tag links in running text end in a full stop; headlines do not).
            if textBytes > 0, linkBytes * 10 >= textBytes * 6, text.count < 300,
               !Extraction.isSentence(text, linkBytes < textBytes) {
                article.related += links
                return
            }
            paragraphs.append(text)
        }
        var i = body
        let end = Int(tree.subtreeEnd[body])
        var closeAt: [Int] = []  // subtree ends of open blocks
        while i < end {
            while let last = closeAt.last, i >= last { closeAt.removeLast(); flush() }
            if dropped[i] { i = Int(tree.subtreeEnd[i]); continue }
            if tree.isText[i] {
                current.append(contentsOf: tree.textBytes(i))
                let n = visibleLength(tree.textBytes(i))
                textBytes += n
                if let a = linkAncestor(i, within: body), !isAddressLink(a) { linkBytes += n }
                i += 1
                continue
            }
            let tag = tree.tags[i]
            if tag == .br {
                flush()
                i += 1
                continue
            }
            if tag == .a, let href = tree.attribute(.href, of: i) {
                let title = Extraction.collapse(Array(tree.innerText(i).utf8))
                if !title.isEmpty { links.append(Link(title: title, url: href)) }
            }
            if tag.isBlock || tag == .img {
                flush()
                closeAt.append(Int(tree.subtreeEnd[i]))
            }
            i += 1
        }
        flush()
        takeClosingCredit(from: &paragraphs)
        article.paragraphs = paragraphs
    }

    /// Moves a credit closing the body into ``Article/bylineInitials``: a line of its own in
    /// parentheses (`(***/Jenly Wenur)`), else editor initials ending the last paragraph
    /// (`(vyp/kna)`).
    mutating func takeClosingCredit(from paragraphs: inout [String]) {
        if let last = paragraphs.last, last.hasPrefix("("), last.hasSuffix(")"), last.count <= 40,
           !last.dropFirst().contains("(") {
            article.bylineInitials = String(last.dropFirst().dropLast()).trimmed
            paragraphs.removeLast()
        }
        if article.bylineInitials == nil, var last = paragraphs.last, let (initials, rest) = Extraction.trailingInitials(last) {
            article.bylineInitials = initials
            last = rest
            if last.isEmpty { paragraphs.removeLast() } else { paragraphs[paragraphs.count - 1] = last }
        }
    }

    /// Whether link `a` shows an address (`https://…`, `www.…`, an e-mail) as its text: a
    /// reference in the text, never a related-article title.
    func isAddressLink(_ a: Int) -> Bool {
        let text = Extraction.collapse(Array(tree.innerText(a).utf8)).lowercased()
        return text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.")
            || text.contains("@") && text.contains(".") && !text.contains(" ")
    }

    /// Whether a paragraph reads as a sentence: it ends in a full stop, question or exclamation
    /// mark (before closing quotes or brackets) and has words outside its links.
    static func isSentence(_ text: String, _ hasUnlinkedText: Bool) -> Bool {
        guard hasUnlinkedText else { return false }
        var u = text.utf8.reversed().makeIterator()
        while let b = u.next() {
            switch b {
            case 0x22, 0x27, 0x29, 0x5D, 0x80...0xBF, 0xE2: continue  // quotes, brackets, UTF-8 of ” ’
            case 0x2E, 0x21, 0x3F: return true
            default: return false
            }
        }
        return false
    }

    func linkAncestor(_ i: Int, within root: Int) -> Int? {
        var p = Int(tree.parents[i])
        while p >= root {
            if tree.tags[p] == .a { return p }
            p = Int(tree.parents[p])
        }
        return nil
    }

    /// Text with runs of whitespace collapsed and trimmed, and C1 controls as the windows-1252
    /// characters they were before a Latin-1 reading (U+0093 → `“`: a page whose charset label
    /// libxml2 reads as Latin-1), as the normalizer reads the body.
    static func collapse(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let isSpace = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
                || (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0)
            if isSpace {
                space = !out.isEmpty
                i += b == 0xC2 ? 2 : 1
                continue
            }
            if space { out.append(0x20); space = false }
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] &- 0x80 < 0x20, case let c = Windows1252.highCharacter(bytes[i + 1]), c != 0xFFFD {
                UTF8Decoder.encode(c, into: &out)
                i += 2
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let insertPrefixes = [
        "baca juga", "baca :", "baca:", "(baca", "[baca", "simak juga", "simak video", "lihat juga", "tonton juga",
        "saksikan video", "saksikan juga", "dapatkan update", "dapatkan informasi", "klik di sini", "klik disini",
        "advertisement", "scroll to continue", "artikel ini telah tayang", "download aplikasi", "ikuti kami",
        "follow akun", "simak berita", "baca berita", "cek berita", "jangan lewatkan", "berita terkait", "video pilihan",
    ]

    /// Words of photo and video page furniture: a line of only these (and numbers or
    /// brackets) is not text ("Rating ( voters)", "Vote Photo", "More Photos", "Foto 3 dari 8").
    static let mediaFurnitureWords: Set<String> = [
        "rating", "rate", "vote", "voters", "votes", "voter", "photo", "photos", "foto", "video", "videos", "more",
        "form", "next", "prev", "previous", "selanjutnya", "sebelumnya", "lainnya", "galeri", "gallery", "lihat",
        "view", "all", "semua", "beri", "berikan", "nilai", "slide", "of", "dari", "play", "putar", "tonton",
        "watch", "your", "anda", "this", "ini", "the", "thumbnail", "thumbnails", "fullscreen", "layar", "penuh",
    ]

    /// Whether a short line is only photo or video page furniture; at least one of its words
    /// must be a rating, vote, gallery or player word (not a lone "foto").
    static func isMediaFurniture(_ text: String) -> Bool {
        guard text.count <= 40 else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard !words.isEmpty, words.allSatisfy({ mediaFurnitureWords.contains($0) }) else { return false }
        let strong: Set<String> = ["rating", "rate", "vote", "voters", "votes", "voter", "more", "next", "prev",
                                   "previous", "lainnya", "galeri", "gallery", "slide", "play", "putar", "thumbnail",
                                   "thumbnails", "fullscreen", "form"]
        return words.contains { strong.contains($0) } || text.contains(where: \.isNumber)
    }

    /// Whether a paragraph is an insert ("Baca juga: …", "ADVERTISEMENT"), a byline
    /// ("Editor: …"), a copyright line or a bare label ("TAG:").
    static func isInsert(_ text: String) -> Bool {
        let lower = text.lowercased()
        for p in insertPrefixes where lower.hasPrefix(p) { return true }
        if lower == "baca" || lower == "advertisement" || lower == "iklan" { return true }
        if lower.hasPrefix("copyright") || lower.hasPrefix("©") || lower.hasPrefix("(c) ") { return true }
        if text.count <= 25, text.hasSuffix(":") { return true }
        if isCreditParagraph(text) || isMediaFurniture(text) { return true }
        if text.count <= 80 {
            for label in ["editor", "penulis", "reporter", "penyunting", "redaktur", "oleh", "pewarta", "foto", "sumber foto"] {
                if lower.hasPrefix(label), lower.dropFirst(label.count).trimmed.hasPrefix(":") { return true }
            }
        }
        return false
    }

    /// `(vyp/kna)` or `(ant/rd)` at the end of a paragraph: the initials and the rest.
    static func trailingInitials(_ text: String) -> (String, String)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let parts = inner.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 4,
              parts.allSatisfy({ $0.count >= 1 && $0.count <= 5 && $0.allSatisfy { $0.isLetter } }) else { return nil }
        return (String(inner), String(text[..<open]).trimmed)
    }

    // MARK: Title, dates, people, section, image, pages

    mutating func readTitle() {
        var candidates: [String] = []
        if let h = ldString(["headline"]) { candidates.append(h) }
        if let t = first("og:title") ?? first("twitter:title") { candidates.append(t) }
        let tree = self.tree
        let h1s = tree.elements(.h1).map { Extraction.collapse(Array(tree.innerText($0).utf8)) }
        if let h1 = h1s.first(where: { $0.count >= 10 }) {
            candidates.append(h1)
        }
        if let t = tree.elements(.title).first.map({ Extraction.collapse(Array(tree.innerText($0).utf8)) }) {
            candidates.append(t)
        }
        guard let best = candidates.first(where: { !$0.isEmpty }).map(stripSiteSuffix) else { return }
        // The visible headline wins when it and the declared title are the same headline
        // with or without a site label ("KapanLagi.com: …", "In Picture: …").
        if let h1 = candidates.first(where: { h1s.contains($0) }),
           h1 != best, h1.count >= 10, h1.contains(best) || best.contains(h1) {
            article.title = h1
            return
        }
        article.title = best
    }

    /// "Judul - Kompas.com" → "Judul"; keeps separators inside the headline.
    func stripSiteSuffix(_ title: String) -> String {
        // "KapanLagi.com: Judul"
        if let colon = title.byteRange(of: ": "), title[..<colon.lowerBound].lowercased().containsBytes(".com")
            || title[..<colon.lowerBound].lowercased() == (article.siteName ?? "\u{0}").lowercased() {
            return stripSiteSuffix(String(title[colon.upperBound...]).trimmed)
        }
        for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
            guard let r = title.byteRange(of: sep, backwards: true) else { continue }
            let tail = title[r.upperBound...].trimmed
            let site = (article.siteName ?? "").lowercased()
            let looksLikeSite = tail.count <= 30 && (tail.contains(".") || tail.lowercased().containsBytes("news")
                || (!site.isEmpty && (site.containsBytes(tail.lowercased()) || tail.lowercased().containsBytes(site)))
                || tail.split(separator: " ").count <= 2 && tail.first?.isUppercase == true && tail.count < 20)
            if looksLikeSite { return stripSiteSuffix(String(title[..<r.lowerBound]).trimmed) }
        }
        return title
    }

    mutating func readSection() {
        if let s = first("article:section") ?? ldString(["articleSection"]) {
            article.section = s
            return
        }
        // A breadcrumb trail in the page: its last item before the article.
        for i in 0..<tree.count where !tree.isText[i]
            && (names[i].contains(.breadcrumb)
                || tree.attribute(.itemtype, of: i)?.lowercased().hasSuffix("breadcrumblist") == true) {
            let items = (i..<Int(tree.subtreeEnd[i])).filter { !tree.isText[$0] && tree.tags[$0] == .a }
                .map { Extraction.collapse(Array(tree.innerText($0).utf8)) }
                .filter { !$0.isEmpty && !["home", "beranda", "index", "news", "berita"].contains($0.lowercased()) }
            if let last = items.last(where: { $0 != article.title && $0.count < 40 }) {
                article.section = last
                return
            }
        }
        // A path segment of the article's address that a link on the page names
        // (/nasional/685621/… and a menu link "NASIONAL" to …/nasional).
        guard let url = article.url else { return }
        let segments = url.split(separator: "/").dropFirst(2).dropLast().map(String.init)
            .filter { $0.count >= 3 && !$0.allSatisfy(\.isNumber) }
        for segment in segments {
            for i in 0..<tree.count where !tree.isText[i] && tree.tags[i] == .a {
                guard let href = tree.attribute(.href, of: i),
                      href.hasSuffix("/" + segment) || href.hasSuffix("/" + segment + "/") else { continue }
                let text = Extraction.collapse(Array(tree.innerText(i).utf8))
                if text.lowercased() == segment.lowercased().replacingOccurrences(of: "-", with: " ") {
                    article.section = text == text.uppercased() ? text.capitalized : text
                    return
                }
            }
        }
        // A BreadcrumbList: the item before the article itself.
        for d in jsonLD where (d["@type"] as? String)?.lowercased() == "breadcrumblist" {
            let items = (d["itemListElement"] as? [[String: Any]]) ?? []
            let names = items.compactMap { ($0["name"] as? String) ?? (($0["item"] as? [String: Any])?["name"] as? String) }
                .map(\.trimmed).filter { !$0.isEmpty && !["home", "beranda", "index"].contains($0.lowercased()) }
            if let last = names.last(where: { $0 != article.title }) { article.section = last; return }
        }
    }

    mutating func readImage(_ body: Int?) {
        var image = LeadImage()
        image.url = first("og:image") ?? first("twitter:image") ?? ldString(["image", "url"]) ?? ldString(["image"])
        // The first caption in or just before the body.
        let from = body.map { max(0, $0 - 200) } ?? 0
        let to = body.map { Int(tree.subtreeEnd[$0]) } ?? tree.count
        for i in from..<to where !tree.isText[i] {
            let isCaption = tree.tags[i] == .figcaption || tree.tags[i] == .caption || names[i].contains(.caption)
            if isCaption {
                let text = Extraction.collapse(Array(tree.innerText(i).utf8))
                if text.count >= 10 { image.caption = text; break }
            }
        }
        if image.caption == nil {
            // A figure caption outside boilerplate anywhere in the page (photo stories).
            for i in 0..<tree.count where !tree.isText[i] && tree.tags[i] == .figcaption {
                let p = Int(tree.parents[i])
                guard p < 0 || !dropped[p] else { continue }
                let text = Extraction.collapse(Array(tree.innerText(i).utf8))
                if text.count >= 10 { image.caption = text; break }
            }
        }
        if image.url != nil || image.caption != nil { article.image = image }
    }

    mutating func readPagination() {
        var next = first("rel:next")
        var pages: [Int] = []
        for i in 0..<tree.count where !tree.isText[i] && tree.tags[i] == .a && Int(tree.subtreeEnd[i]) - i <= 3 {
            // Pagination links are short: a number, "Selanjutnya", "»".
            var raw: [UInt8] = []
            for k in (i + 1)..<Int(tree.subtreeEnd[i]) where tree.isText[k] { raw += tree.textBytes(k) }
            guard raw.count <= 40, let href = tree.attribute(.href, of: i) else { continue }
            let text = Extraction.collapse(raw).lowercased()
            if next == nil, ["selanjutnya", "halaman selanjutnya", "berikutnya", "next", "next page", "»"].contains(text)
                || text.hasPrefix("halaman selanjutnya") {
                next = href
            }
            if let n = Int(text), n >= 1, n <= 50, href.containsBytes("page=") || href.containsBytes("/\(n)") || href.containsBytes("-\(n)") {
                pages.append(n)
            }
        }
        guard next != nil || pages.count >= 2 else { return }
        var number = 1
        if let url = article.url, let r = url.byteRange(of: "page="), let n = Int(url[r.upperBound...].prefix { $0.isNumber }) {
            number = n
        }
        article.page = Pagination(number: number, of: pages.max().map { max($0, number) }, nextURL: next)
    }

    mutating func classify(_ body: Int?) {
        let text = article.paragraphs.reduce(0) { $0 + $1.count }
        if text < 200, declaresArticle, let caption = article.image?.caption {
            // A photo story: its caption is its text.
            var captions: [String] = []
            for i in 0..<tree.count where !tree.isText[i] && tree.tags[i] == .figcaption {
                let p = Int(tree.parents[i])
                guard p < 0 || !dropped[p] else { continue }
                let c = Extraction.collapse(Array(tree.innerText(i).utf8))
                if c.count >= 10 && !captions.contains(c) { captions.append(c) }
            }
            article.paragraphs = captions.isEmpty ? [caption] : captions
            article.pageType = .photo
            return
        }
        let declaredArticle = declaresArticle
        let links = tree.elements(.a).count
        if text >= 250 && article.paragraphs.count >= 2 || text >= 500 || declaredArticle && text >= 150 {
            // Mostly link titles: an index page even when its text is long.
            if let body, Double(linkLength[body]) > Double(textLength[body]) * 1.5, !declaredArticle {
                article.pageType = .index
            } else {
                article.pageType = .article
            }
        } else if links >= 30 {
            article.pageType = .index
        } else {
            article.pageType = .other
        }
    }

    /// Tells photo and video pages among articles: `og:type` `video…` or a JSON-LD
    /// `VideoObject`/`ImageGallery`, or an address under `/video/`, `/foto/`, `/galeri/`… with
    /// a player or several images and little text.
    mutating func refineMediaPage(_ body: Int?) {
        let ogType = first("og:type")?.lowercased() ?? ""
        let ldTypes = Set(jsonLD.compactMap { ($0["@type"] as? String)?.lowercased() })
        // A declared video page with a short description is still a video page.
        let declaresVideo = ogType.hasPrefix("video") || ldTypes.contains("videoobject")
        guard article.pageType == .article
                || article.pageType == .other && declaresVideo && article.paragraphs.reduce(0, { $0 + $1.count }) >= 50
        else { return }
        let declaresArticleType = ldTypes.contains { $0.containsBytes("article") }
        let path = (article.url ?? "").lowercased().split(separator: "/").dropFirst(2).map(String.init)
        let text = article.paragraphs.reduce(0) { $0 + $1.count }
        let players = tree.elements(.video).count + tree.elements(.iframe).filter { i in
            let src = tree.attribute(.src, of: i)?.lowercased() ?? tree.attribute(.dataSrc, of: i)?.lowercased() ?? ""
            return src.containsBytes("youtube") || src.containsBytes("vidio") || src.containsBytes("player") || src.containsBytes("video")
        }.count
        if ogType.hasPrefix("video") || ldTypes.contains("videoobject") && !declaresArticleType
            || path.contains(where: { ["video", "videos", "tv"].contains($0) }) && players > 0 && text < 1500 {
            article.pageType = .video
            return
        }
        let images = body.map { b in (b..<Int(tree.subtreeEnd[b])).filter { !tree.isText[$0] && tree.tags[$0] == .img }.count } ?? 0
        if ldTypes.contains("imagegallery") && !declaresArticleType
            || path.contains(where: { ["foto", "photo", "photos", "galeri", "gallery", "galeri-foto"].contains($0) })
                && images >= 2 && text < 1500 {
            article.pageType = .photo
        }
    }

    /// Whether og:type or JSON-LD says the page is an article.
    var declaresArticle: Bool {
        first("og:type")?.lowercased() == "article" || !ldArticles.filter { d in
            ((d["@type"] as? String)?.lowercased() ?? "").containsBytes("article") || d["@type"] as? String == "BlogPosting"
        }.isEmpty
    }

    // MARK: Language

    /// The language of the body (of all the page's text when there is no body), told by
    /// ``LanguageDetector`` with the declared language as a hint.
    mutating func readLanguage() {
        var text: [UInt8] = Array(article.bodyText.utf8)
        if text.count < 200 {
            text += Array((article.title ?? "").utf8)
            // An index page's text is mostly link titles, which boilerplate removal dropped.
            for i in 0..<tree.count where tree.isText[i] {
                text.append(0x20)
                text += tree.textBytes(i)
                if text.count > 30_000 { break }
            }
        }
        article.language = LanguageDetector().detect(text, hint: declaredLanguage)
    }

    // MARK: Dateline and credits

    mutating func readDateline() {
        guard var first = article.paragraphs.first else { return }
        if let d = Extraction.dateline(first) {
            article.dateline = d
            first = String(first.dropFirst(d.text.count))
        }
        // "Source: news.google.com" / "Sumber: …" closing the body is a credit, not text.
        if let last = article.paragraphs.last {
            let lower = last.lowercased()
            for label in ["source:", "sumber:", "sumber :", "source :"] where lower.hasPrefix(label) && last.count < 80 {
                article.sourceCredit = String(last.dropFirst(label.count)).trimmed
                article.paragraphs.removeLast()
                break
            }
        }
    }

    /// A dateline at the start of `text`: place and publisher before a dash.
    static func dateline(_ text: String) -> Dateline? {
        let head = String(text.prefix(100))
        var dash: Range<String.Index>?
        for d in [" -- ", " — ", " – ", " - ", " --", "--", " —", " –"] {
            if let r = head.byteRange(of: d), dash == nil || r.lowerBound < dash!.lowerBound { dash = r }
        }
        guard let dash else { return nil }
        let before = head[..<dash.lowerBound].trimmed
        guard !before.isEmpty, before.count <= 70 else { return nil }
        var publisher: String?
        var place: String?
        var rest = before
        // "(Sigi Jateng)" or "(ANTARA News)"
        if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
            publisher = String(rest[rest.index(after: open)..<close]).trimmed
            rest = (String(rest[..<open]) + String(rest[rest.index(after: close)...])).trimmed
        }
        let parts = rest.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        for p in parts {
            if p.contains(".") && p.uppercased() == p || p.lowercased().hasSuffix(".com") || p.lowercased().hasSuffix(".co.id") {
                if publisher == nil { publisher = p }
            } else if place == nil {
                place = p
            } else if let pl = place, p.count <= 20 {
                place = pl + ", " + p
            }
        }
        // A dateline's place is capitalised and short; a sentence before a dash is not one.
        if let pl = place {
            let words = pl.split(separator: " ")
            guard words.count <= 4, pl.first?.isUppercase == true,
                  words.allSatisfy({ $0.first?.isUppercase == true || $0.first == "," }) else { return nil }
        }
        guard place != nil || publisher != nil else { return nil }
        var datelineText = String(text[..<dash.upperBound])
        while datelineText.hasSuffix(" ") == false, let next = text.dropFirst(datelineText.count).first, next == " " {
            datelineText.append(next)
        }
        return Dateline(place: place, publisher: publisher, text: datelineText)
    }
}

extension String {
    /// The string without leading and trailing whitespace (ASCII spaces, tabs, line breaks
    /// and no-break spaces), found on the UTF-8 bytes without Foundation.
    var trimmed: String {
        let u = utf8
        var start = u.startIndex
        var end = u.endIndex
        func isSpace(_ i: String.UTF8View.Index) -> Int {
            let b = u[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C { return 1 }
            if b == 0xC2, u.index(after: i) < u.endIndex, u[u.index(after: i)] == 0xA0 { return 2 }
            return 0
        }
        while start < end {
            let n = isSpace(start)
            if n == 0 { break }
            start = u.index(start, offsetBy: n)
        }
        while start < end {
            let last = u.index(before: end)
            if isSpace(last) == 1 { end = last; continue }
            if u[last] == 0xA0, last > start, u[u.index(before: last)] == 0xC2 { end = u.index(before: last); continue }
            break
        }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(self[start..<end])
    }
}

extension Substring {
    var trimmed: String { String(self).trimmed }
}
