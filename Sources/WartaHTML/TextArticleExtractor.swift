import WartaText

/// Finds the same structure in scraped plain text that ``ArticleExtractor`` finds in HTML:
/// header lines (section, headline, photo caption) before the dateline, the body from the
/// dateline on, and the page furniture after it ("Related Articles", comment forms, "Back to
/// top"), plus the date, a closing author credit and a source line.
///
/// It is conservative: text without a dateline keeps all its paragraphs as the body, and only
/// lines that match a known furniture label end the body.
public struct TextArticleExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Lines that mark an advertisement inside the body (`ADVERTISEMENT`, `SCROLL TO CONTINUE
    /// WITH CONTENT` in scraped news text): dropped where they stand alone as a paragraph or a
    /// line of one, the body going on.
    static let adLabels: Set<String> = ["advertisement", "scroll to continue with content", "iklan", "sponsored content"]

    /// The labels of ``adLabels`` as bytes, for the line scan.
    static let adLabelBytes: [[UInt8]] = adLabels.map { Array($0.utf8) }

    /// Whether `line` is one of ``adLabels`` alone, ASCII letters in any case.
    static func isAdLabel(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= 32 else { return false }
        return adLabelBytes.contains { label in
            label.count == line.count && zip(label, line).allSatisfy { l, b in l == (b &- 0x41 < 26 ? b | 0x20 : b) }
        }
    }

    /// `paragraph` without its lines that are advertisement labels (``adLabels``); empty when
    /// it is nothing else. Lines are found on the bytes; the paragraph is copied only when one goes.
    static func withoutAdLines(_ paragraph: String) -> String {
        var paragraph = paragraph
        let rebuilt: [UInt8]? = paragraph.withUTF8 { bytes in
            var out: [UInt8]? = nil
            var start = 0
            while start <= bytes.count {
                let end = UnsafeBufferPointer(rebasing: bytes[start...]).firstIndex(of: 0x0A).map { start + $0 } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if isAdLabel(line) {
                    // The lines before the first label, without the line break after them.
                    if out == nil { out = Array(bytes[..<max(0, start - 1)]) }
                } else if out != nil {
                    if !out!.isEmpty { out!.append(0x0A) }
                    out!.append(contentsOf: line)
                }
                start = end + 1
            }
            return out
        }
        return rebuilt.map { String(decoding: $0, as: UTF8.self) } ?? paragraph
    }

    /// Lines that end an article body when they stand alone.
    static let endMarkers: [String] = [
        "related articles", "related posts", "artikel terkait", "berita terkait", "baca juga", "tinggalkan balasan",
        "tinggalkan komentar", "leave a reply", "komentar", "back to top", "back to top button", "bagikan",
        "share this", "share:", "bagikan:", "tags:", "tag:", "topik:", "populer", "terpopuler", "berita lainnya",
        "alamat email anda tidak akan dipublikasikan", "your email address will not be published", "copyright",
    ]

    /// Extracts from paragraphs of normalized text; `detectingLanguage: false` leaves the
    /// language nil, for a caller that joins the paragraphs anyway and reads their first
    /// ``headLength(of:)`` bytes itself.
    public func extract(paragraphs input: [String], detectingLanguage: Bool = true) -> Article {
        var article = Article()
        var paragraphs = input.map { $0.trimmed }.filter { !$0.isEmpty }
        // A text of nothing but an advertisement label keeps it: it is not empty.
        let withoutAds = paragraphs.map(TextArticleExtractor.withoutAdLines).filter { !$0.isEmpty }
        if !withoutAds.isEmpty { paragraphs = withoutAds }
        // The body ends at the first furniture line after it has started.
        if let cut = paragraphs.indices.dropFirst().first(where: { TextArticleExtractor.isEndMarker(paragraphs[$0]) }) {
            paragraphs = Array(paragraphs[..<cut])
        }
        // A source credit closing the text.
        if let last = paragraphs.last, TextArticleExtractor.mayOpenWithSourceLabel(last) {
            let lower = String(last.prefix(8)).lowercased()
            for label in TextArticleExtractor.sourceLabels where lower.hasPrefix(label) && last.count < 80 {
                article.sourceCredit = String(last.dropFirst(label.count)).trimmed
                paragraphs.removeLast()
                break
            }
        }
        // Closing credit lines ("Penulis : …", "Editor : …") leave the body and give the bylines.
        var credits: [String] = []
        while paragraphs.count > 1, let last = paragraphs.last, Extraction.isCreditParagraph(last) {
            credits.insert(last, at: 0)
            paragraphs.removeLast()
        }
        for line in credits { TextArticleExtractor.readCredit(line, into: &article) }
        // The dateline starts the body; short lines before it are the header.
        var dateline: Dateline?
        if let start = paragraphs.prefix(6).firstIndex(where: {
            dateline = TextArticleExtractor.headHasDash($0) ? Extraction.dateline($0) : nil
            return dateline != nil
        }) {
            let header = Array(paragraphs[..<start])
            paragraphs = Array(paragraphs[start...])
            article.dateline = dateline
            readHeader(header, into: &article)
        }
        // A closing author credit: "… imbuhnya. (Mushonifin)" or "(ant/rd)".
        if var last = paragraphs.last, last.hasSuffix(")"), let open = last.lastIndex(of: "(") {
            let inner = String(last[last.index(after: open)..<last.index(before: last.endIndex)]).trimmed
            let before = String(last[..<open]).trimmed
            if inner.contains("/"), let (initials, _) = Extraction.trailingInitials("(" + inner + ")") {
                article.bylineInitials = initials
                last = before
            } else if article.authors.isEmpty, TextArticleExtractor.looksLikeName(inner), before.isEmpty || before.hasSuffix(".") || before.hasSuffix("\u{201D}") || before.hasSuffix("\"") {
                article.authors = [inner]
                last = before
            }
            if last.isEmpty { paragraphs.removeLast() } else { paragraphs[paragraphs.count - 1] = last }
        }
        // The first date written in the body.
        var year: Int?
        for p in paragraphs.prefix(4) {
            if let stamp = TextArticleExtractor.firstDate(in: p, year: year) {
                article.published = stamp.iso
                break
            }
            year = nil
        }
        article.paragraphs = paragraphs
        article.pageType = paragraphs.isEmpty ? .other : .article
        if detectingLanguage { article.language = LanguageDetector().detect(TextArticleExtractor.head(of: paragraphs)) }
        return article
    }

    /// Authors and editors from a credit line.
    static func readCredit(_ line: String, into article: inout Article) {
        for credit in Extraction.credits(line) {
            let (names, slashEditor) = Extraction.creditNames(credit.names, organisations: [])
            if credit.roles.contains(.author) { article.authors = Extraction.unique(article.authors + names) }
            if credit.roles.contains(.editor) { article.editors = Extraction.unique(article.editors + names) }
            if let slashEditor, !credit.roles.contains(.editor) { article.editors = Extraction.unique(article.editors + [slashEditor]) }
        }
    }

    /// Section, headline and photo caption from the lines before the dateline.
    func readHeader(_ header: [String], into article: inout Article) {
        for line in header {
            let words = line.split(separator: " ").count
            let lower = line.lowercased()
            if lower.containsBytes("(foto") || lower.hasPrefix("foto:") || lower.hasPrefix("foto :")
                || lower.containsBytes("foto/") || lower.hasSuffix(")") && words > 8 {
                article.image = LeadImage(url: nil, caption: line)
            } else if words <= 4, article.section == nil, article.title == nil, !line.hasSuffix(".") {
                article.section = line
            } else if article.title == nil, words >= 4, words <= 30 {
                article.title = line
            }
        }
    }

    static func isEndMarker(_ line: String) -> Bool {
        guard line.utf8.count <= 240, mayStartEndMarker(line), line.count <= 60 else { return false }
        let lower = line.lowercased()
        for m in endMarkers where lower == m || lower.hasPrefix(m) && (m.hasSuffix(":") || lower.count <= m.count + 2) {
            return true
        }
        return lower.hasPrefix("alamat email anda") || lower.hasPrefix("copyright ©") || lower.hasPrefix("©")
    }

    /// Whether `line` may open with an end marker: false when its first 48 bytes are ASCII
    /// (so they lower-case byte by byte and no character there equals another) and, lower-cased,
    /// open with no marker; true otherwise, for ``isEndMarker(_:)`` to decide.
    static func mayStartEndMarker(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { u in
            let head = UnsafeBufferPointer(rebasing: u[..<min(u.count, 48)])
            guard head.allSatisfy({ $0 < 0x80 }) else { return true }
            return endMarkerHeads.contains { m in
                m.count <= head.count && m.indices.allSatisfy { k in
                    let b = head[k]
                    return ((b &- 0x41) < 26 ? b | 0x20 : b) == m[k]
                }
            }
        }
    }

    /// The ASCII bytes every end marker opens with (``endMarkers`` and the prefixes
    /// ``isEndMarker(_:)`` tests besides; `©` is no ASCII byte).
    static let endMarkerHeads: [[UInt8]] = (endMarkers + ["alamat email anda"]).map { Array($0.utf8.prefix { $0 < 0x80 }) }

    /// The labels of a source credit closing a text (`Sumber: Antara`), lower-cased.
    static let sourceLabels = ["source:", "sumber:", "sumber :", "source :"]
    /// The first bytes of ``sourceLabels``.
    static let sourceLabelHeads: [UInt8] = Array(Set(sourceLabels.compactMap { $0.utf8.first }))

    /// Whether `line` may open with a source label: false only when its first byte is ASCII
    /// and, lower-cased, starts no label (its first character, lower-cased, then starts with
    /// that byte however it goes on), so most last paragraphs are not lower-cased at all.
    static func mayOpenWithSourceLabel(_ line: String) -> Bool {
        guard let b = line.utf8.first else { return false }
        return b >= 0x80 || sourceLabelHeads.contains(b &- 0x41 < 26 ? b | 0x20 : b)
    }

    /// One to four capitalised words without digits: a reporter's name.
    static func looksLikeName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        return !words.isEmpty && words.count <= 4 && s.count <= 40
            && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "'" } }
    }

    /// The first date written in paragraph `p`: ``DateParser/parseText(_:year:)`` over a window
    /// around each number that can be a year (1990–2100, or the last part of `12/5/22`), so a long
    /// paragraph is not split into words whole. Read in place; eight bytes without a digit are
    /// passed in one step.
    static func firstDate(in p: String, year: Int?) -> DateParser.Stamp? {
        var p = p
        return p.withUTF8 { bytes -> DateParser.Stamp? in
            let n = bytes.count
            var i = 0
            while i < n {
                i = nextDigit(bytes, from: i)
                guard i < n else { break }
                var e = i
                while e < n && isDigit(bytes[e]) { e += 1 }
                if mayBeYear(bytes, i, e) {
                    // The window's bytes are tested, then parsed in place.
                    let w = UnsafeBufferPointer(rebasing: bytes[window(bytes, i, e)])
                    if DateParser.mayHoldDate(w), let stamp = DateParser.parseHeld(w, year: year) {
                        return stamp
                    }
                }
                i = e
            }
            return nil
        }
    }

    /// The index of the first ASCII digit of `bytes` at or after `i`, or the count: eight bytes
    /// at a time (a byte is a digit when it differs from `0` by less than 10; a borrow flags only
    /// bytes above a true one, so the lowest flag is exact and a word without flags has none).
    static func nextDigit(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = bytes.count
        var i = i
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            while i &+ 8 <= n {
                let y = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (0x30 &* ones)
                let flags = (y &- 10 &* ones) & ~y & (0x80 &* ones)
                if flags != 0 { return i &+ flags.trailingZeroBitCount &>> 3 }
                i &+= 8
            }
        }
        while i < n, !isDigit(bytes[i]) { i &+= 1 }
        return i
    }

    /// Digits `bytes[s..<e]` read as a year: four digits 1990–2100, or two after `/` or `-`.
    static func mayBeYear(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if e - s == 2 { return s > 0 && (bytes[s - 1] == 0x2F || bytes[s - 1] == 0x2D) }
        guard e - s == 4 else { return false }
        let v = bytes[s..<e].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return v >= 1990 && v <= 2100
    }

    /// The bytes from a word boundary up to 48 bytes before `s` to one up to 64 bytes after `e`.
    static func window(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Range<Int> {
        var a = max(0, s - 48), z = min(bytes.count, e + 64)
        while a > 0 && a < s && bytes[a - 1] != 0x20 { a += 1 }
        while z < bytes.count && z > e && bytes[z] != 0x20 { z -= 1 }
        return a..<z
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Whether the first 100 characters of `p` hold a dash after a space (` -`, ` –`, ` —`) or
    /// two hyphens, without which no dateline can be read there (a byte test before the string
    /// search: a hyphen inside a word, `Covid-19`, opens none).
    static func headHasDash(_ p: String) -> Bool {
        var p = p
        return p.withUTF8 { u in
            var seen = 0
            for i in u.indices {
                let b = u[i]
                if b == 0x2D, i >= 1, u[i - 1] == 0x20 || u[i - 1] == 0x2D { return true }
                if b == 0x93 || b == 0x94, i >= 3, u[i - 3] == 0x20, u[i - 2] == 0xE2, u[i - 1] == 0x80 { return true }
                if b & 0xC0 != 0x80 { seen += 1; if seen > 100 { return false } }
            }
            return false
        }
    }

    /// How many bytes ``head(of:)`` takes: the first of `paragraphs` (none empty) joined by
    /// blank lines, up to about as much text as the language detector reads.
    public static func headLength(of paragraphs: [String]) -> Int {
        var length = 0
        for p in paragraphs where length < headLimit { length += (length > 0 ? 2 : 0) + p.utf8.count }
        return length
    }

    /// About as much text as the language detector reads: ``head(of:)`` stops joining
    /// paragraphs past it.
    static let headLimit = 32_768

    /// The first paragraphs, joined, up to about as much text as the language detector reads.
    static func head(of paragraphs: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for p in paragraphs where bytes.count < headLimit {
            if !bytes.isEmpty { bytes.append(0x0A); bytes.append(0x0A) }
            var p = p
            p.withUTF8 { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
