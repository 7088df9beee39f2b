/// Dates by agreement: the visible date line near the headline, `article:published_time` and
/// other meta, JSON-LD `datePublished`, `<time>` and the date in the address each propose a
/// day; the day most sources agree on wins (the page's metadata breaks a tie), with the time of
/// the most precise source that agrees. Dates in sidebars, related lists, comments and footers
/// are never candidates.
extension Extraction {
    /// Where a date was read.
    enum DateSource: Int, Comparable {
        case jsonLD, meta, timeElement, visible, url, pageText
        static func < (a: DateSource, b: DateSource) -> Bool { a.rawValue < b.rawValue }
    }

    /// One proposed publication date.
    struct DateCandidate {
        var source: DateSource
        var stamp: DateParser.Stamp
        /// For a machine date stated in UTC, its UTC clock (offset 0).
        var utc: DateParser.Stamp?

        /// How exactly it gives the time: a local machine time (seconds) beats a visible time,
        /// which beats a UTC machine time; a date without time (or at midnight) comes last.
        var precision: Int {
            guard stamp.hasTime else { return 0 }
            let midnight = stamp.hour == 0 && stamp.minute == 0 && stamp.second == 0
            switch source {
            case .jsonLD, .meta, .timeElement: return midnight ? 1 : (utc == nil ? 4 : 2)
            case .visible, .pageText: return 3
            case .url: return 0
            }
        }

        var day: Int { DateParser.daysFromCivil(stamp.year, stamp.month, stamp.day) }
    }

    static let publishedKeys = ["article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                                "og:published_time", "dc.date.issued", "dc.date", "date", "sailthru.date",
                                "content_publishedtime", "published_time", "article:published"]

    mutating func readDates() {
        var candidates = dateCandidates()
        correctMislabelledUTC(&candidates)
        article.published = Extraction.agreedDate(candidates)?.iso
        let modifiedKeys = ["article:modified_time", "datemodified", "og:updated_time", "lastmod", "last-modified"]
        let modified = (ldString(["dateModified"]).map { [$0] } ?? []) + modifiedKeys.compactMap { first($0) }
        article.modified = modified.lazy.compactMap(DateParser.parseMachine).first?.iso
    }

    /// Every source's first date; the page text anywhere only when no source gives one.
    func dateCandidates() -> [DateCandidate] {
        var out: [DateCandidate] = []
        /// The most precise of a source's machine dates (a meta key with a time beats one without).
        func machine(_ texts: [String], _ source: DateSource) {
            let found = texts.compactMap { text -> DateCandidate? in
                guard let stamp = DateParser.parseMachine(text) else { return nil }
                let raw = DateParser.parseMachine(text, keepUTC: true)
                return DateCandidate(source: source, stamp: stamp, utc: raw?.offsetMinutes == 0 && raw?.hasTime == true ? raw : nil)
            }
            if let best = found.enumerated().max(by: { a, b in
                a.element.precision != b.element.precision ? a.element.precision < b.element.precision : a.offset > b.offset
            })?.element {
                out.append(best)
            }
        }
        machine(ldString(["datePublished"]).map { [$0] } ?? [], .jsonLD)
        machine(Extraction.publishedKeys.compactMap { self.first($0) }, .meta)
        machine(tree.elements(.time).filter { !periphery[$0] }.compactMap { tree.attribute(.datetime, of: $0) }, .timeElement)
        if let visible = visibleDateLine() { out.append(DateCandidate(source: .visible, stamp: visible, utc: nil)) }
        if let url = article.url, let stamp = DateParser.parseURLPath(url) {
            out.append(DateCandidate(source: .url, stamp: stamp, utc: nil))
        }
        if out.isEmpty, let any = firstDateInText() { out.append(DateCandidate(source: .pageText, stamp: any, utc: nil)) }
        return out
    }

    /// A machine time in UTC whose clock equals the visible local time of the same day was
    /// local time mislabelled as UTC: it takes the visible offset.
    func correctMislabelledUTC(_ candidates: inout [DateCandidate]) {
        guard let visible = candidates.first(where: { $0.source == .visible && $0.stamp.hasTime })?.stamp else { return }
        for k in candidates.indices {
            guard var raw = candidates[k].utc, raw.year == visible.year, raw.month == visible.month,
                  raw.day == visible.day, raw.hour == visible.hour, raw.minute == visible.minute else { continue }
            raw.offsetMinutes = visible.offsetMinutes
            candidates[k].stamp = raw
            candidates[k].utc = nil
        }
    }

    /// The day most sources give (ties go to the source read first: JSON-LD, meta, `<time>`,
    /// the visible line, the address), with the time of its most precise source.
    static func agreedDate(_ candidates: [DateCandidate]) -> DateParser.Stamp? {
        var votes: [Int: (count: Int, best: DateSource)] = [:]
        for c in candidates {
            let v = votes[c.day] ?? (0, c.source)
            votes[c.day] = (v.count + 1, min(v.best, c.source))
        }
        guard let day = votes.max(by: { a, b in
            a.value.count != b.value.count ? a.value.count < b.value.count : a.value.best > b.value.best
        })?.key else { return nil }
        let agreeing = candidates.filter { $0.day == day }
        // The most precise; among equals, the source read first.
        guard let best = agreeing.max(by: { a, b in
            a.precision != b.precision ? a.precision < b.precision : a.source > b.source
        })?.stamp else { return nil }
        // A machine time (in UTC too) that says the same minute adds its seconds.
        let same = agreeing.first { c in
            c.source <= .timeElement && c.stamp.hasTime && c.stamp.hour == best.hour && c.stamp.minute == best.minute
                && c.stamp.offsetMinutes == best.offsetMinutes && c.stamp.day == best.day
        }
        return same?.stamp ?? best
    }

    /// The date line a reader sees by the headline: a date-named element or a short text near
    /// the headline's `<h1>` (before it by a few nodes, after it by some), outside the periphery.
    /// Without a headline `<h1>` (one that reads as the title), the first date-named element
    /// anywhere outside the periphery.
    func visibleDateLine() -> DateParser.Stamp? {
        // The headline's <h1> (not the site logo's): the one that reads as the title.
        let h1s = tree.elements(.h1)
        let title = article.title ?? ""
        let h1 = h1s.first { i in
            let text = Extraction.collapse(Array(tree.innerText(i).utf8))
            return !title.isEmpty && (text == title || text.contains(title))
        }
        let window = h1.map { max(0, $0 - 40)..<min(tree.count, Int(tree.subtreeEnd[$0]) + 200) } ?? 0..<tree.count
        var named: [DateParser.Stamp] = []
        var loose: [DateParser.Stamp] = []
        for i in window where !periphery[i] {
            if !tree.isText[i], names[i].contains(.date), Int(tree.subtreeEnd[i]) - i < 40 {
                if let s = Extraction.publicationDate(tree.innerText(i)) { named.append(s) }
            } else if tree.isText[i], h1 != nil, tree.textRange[i].count < 120, tree.textRange[i].count >= 6,
                      tree.textBytes(i).contains(where: { $0 &- 0x30 < 10 }),
                      let s = Extraction.publicationDate(tree.text(i)), Extraction.looksLikeDateLine(tree.text(i)) {
                loose.append(s)
            }
        }
        if let s = named.first(where: \.hasTime) ?? named.first { return s }
        return loose.first(where: \.hasTime) ?? loose.first
    }

    /// The date a date line gives for the publication: the first date, unless it stands in a
    /// last-update note; then the first date before the note.
    static func publicationDate(_ text: String) -> DateParser.Stamp? {
        guard let stamp = DateParser.parseText(text) else { return nil }
        let before = beforeUpdate(text)
        return before.utf8.count == text.utf8.count ? stamp : DateParser.parseText(before)
    }

    /// The part of a date line before its last-update note ("Diperbarui …", "Updated …"):
    /// the update is not the publication.
    static func beforeUpdate(_ text: String) -> String {
        let lower = text.lowercased()
        var cut = lower.endIndex
        for word in ["diperbarui", "diperbaharui", "updated", "update", "diupdate", "pembaruan", "terakhir diubah"] {
            if let r = lower.byteRange(of: word), r.lowerBound < cut { cut = r.lowerBound }
        }
        guard cut != lower.endIndex else { return text }
        return String(lower[..<cut])
    }

    /// A short text that is mostly a date: `Senin, 2 Maret 2015 | 09:30 WIB`, `02/03/2015 09:30`.
    static func looksLikeDateLine(_ text: String) -> Bool {
        let words = DateParser.tokens(text).filter { $0 != "|" && $0 != "," }
        return words.count <= 9
    }

    /// The first date written in the body's first paragraphs ("Senin (12/5/2022)"): the last
    /// resort.
    func firstDateInText() -> DateParser.Stamp? {
        DateParser.parseText(article.paragraphs.prefix(4).joined(separator: " "))
    }
}
