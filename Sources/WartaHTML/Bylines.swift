import Foundation
import WartaText

/// Bylines by evidence: visible labelled credit lines first (`Penulis: …`, `Redaktur &
/// Reporter : …`, credit boxes, closing credit blocks), then JSON-LD and `<meta name=author>`
/// when the page shows no author. Organisations are never authors.
extension Extraction {
    /// What a credit label says a person did.
    struct CreditRoles: OptionSet {
        let rawValue: UInt8
        static let author = CreditRoles(rawValue: 1)
        static let editor = CreditRoles(rawValue: 2)
    }

    /// One credit: the roles and the raw text naming the person (empty when the name stands in
    /// the next element, as in a credit box).
    struct Credit: Equatable {
        var roles: CreditRoles
        var names: String
        /// The label is prose (`Oleh`, `By`): no colon follows it.
        var prose: Bool
        /// Where the label starts in the line, in characters.
        var at: Int
    }

    /// Labels, longest first where one begins another; `prose` labels need no colon.
    static let creditLabels: [(label: String, roles: CreditRoles, prose: Bool)] = [
        ("laporan wartawan", .author, true), ("laporan reporter", .author, true), ("laporan", .author, false),
        ("penulis", .author, false), ("reporter", .author, false), ("wartawan", .author, false),
        ("pewarta", .author, false), ("jurnalis", .author, false), ("koresponden", .author, false),
        ("kontributor", .author, false), ("writer", .author, false), ("author", .author, false),
        ("reported by", .author, true), ("written by", .author, true), ("oleh", .author, true), ("by", .author, true),
        ("editor", .editor, false), ("penyunting", .editor, false), ("redaktur", .editor, false),
        ("editing", .editor, false), ("penyelaras", .editor, false), ("edited by", .editor, true),
        // Abbreviations some sites use: "Rep: Nama Red: Nama".
        ("rep", .author, false), ("red", .editor, false),
    ]

    /// The labels as characters, for matching without allocating.
    static let creditLabelCharacters: [(label: [Character], roles: CreditRoles, prose: Bool)] =
        creditLabels.map { (Array($0.label), $0.roles, $0.prose) }

    /// Role words that may stand before a name inside a credit (`Kontributor Kota, Nama`).
    static let roleWords: Set<String> = [
        "kontributor", "wartawan", "reporter", "koresponden", "jurnalis", "pewarta", "fotografer", "penulis",
        "editor", "redaktur", "correspondent", "contributor",
    ]

    /// Words that make a name an organisation's (never an author).
    static let organisationWords: Set<String> = [
        "media", "cyber", "redaksi", "tim", "team", "news", "com", "group", "grup", "network", "admin", "desk",
        "online", "tv", "pt", "tbk", "corp", "inc", "ltd", "press", "pers", "humas", "official", "staff", "biro",
        "newsroom", "editorial", "publishing", "digital", "channel", "portal",
    ]

    /// Parses a credit line into credits: `Penulis: A | Editor: B`, `Redaktur & Reporter : A`,
    /// `Laporan Wartawan Tribunnews.com, A`, `Oleh A`. A colon label may stand anywhere at a
    /// word start; a prose label only at the start of the line, before a capitalised word.
    static func credits(_ line: String) -> [Credit] {
        // Without a colon only a prose label opening the line can be a credit.
        let head = line.prefix(12).lowercased()
        // (The byte tests first: a line holds a colon only where its bytes hold one.)
        guard line.utf8.contains(0x3A) && line.contains(":") || line.utf8.contains(0xEF) && line.contains("：")
                || creditLabels.contains(where: { $0.prose && head.hasPrefix($0.label + " ") }) else { return [] }
        let chars = Array(line)
        var lower = Array(line.lowercased())
        if lower.count != chars.count { lower = chars.map { $0.lowercased().first ?? $0 } }
        let n = chars.count
        // Label matches at word boundaries.
        var matches: [(start: Int, end: Int, roles: CreditRoles, prose: Bool)] = []
        var k = 0
        while k < n {
            guard k == 0 || !lower[k - 1].isLetter, lower[k].isLetter else { k += 1; continue }
            var found = false
            for (l, roles, prose) in creditLabelCharacters {
                guard k + l.count <= n, lower[k..<k + l.count].elementsEqual(l),
                      k + l.count == n || !lower[k + l.count].isLetter else { continue }
                matches.append((k, k + l.count, roles, prose))
                k += l.count
                found = true
                break
            }
            if !found { k += 1 }
        }
        // Labels joined by connectors form one group: "Redaktur & Reporter".
        var groups: [(start: Int, end: Int, roles: CreditRoles, prose: Bool)] = []
        for m in matches {
            if var last = groups.last, isConnector(lower[last.end..<m.start]) {
                last.end = m.end; last.roles.formUnion(m.roles); last.prose = last.prose && m.prose
                groups[groups.count - 1] = last
            } else {
                groups.append(m)
            }
        }
        // A label word without its colon is part of a name ("Penulis : Kontributor Kota, A"),
        // except a prose label opening the line.
        func colonAfter(_ end: Int) -> Int? {
            var a = end
            while a < n, chars[a] == " " { a += 1 }
            return a < n && (chars[a] == ":" || chars[a] == "：") ? a + 1 : nil
        }
        groups = groups.filter { colonAfter($0.end) != nil || $0.prose && $0.start == 0 }
        var out: [Credit] = []
        for (g, group) in groups.enumerated() {
            var a = group.end
            while a < n, chars[a] == " " { a += 1 }
            let colon = colonAfter(group.end) != nil
            if colon { a = colonAfter(group.end)! } else if a < n, chars[a] == "-" || chars[a] == "–" { a += 1 }
            let end = g + 1 < groups.count ? groups[g + 1].start : n
            guard a <= end else { continue }
            let names = String(chars[a..<end]).trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "|/•·-–,;"))
                .trimmed
            if group.prose && !colon {
                // "Oleh Nama": only at the line's start, before a capital.
                guard group.start == 0, chars[0].isUppercase, names.first?.isUppercase == true else { continue }
            } else if !colon {
                continue
            }
            out.append(Credit(roles: group.roles, names: names, prose: group.prose, at: group.start))
        }
        return out
    }

    /// Whether the text between two labels only joins them (`&`, `/`, `dan`, `and`, `,`).
    static func isConnector(_ between: ArraySlice<Character>) -> Bool {
        let s = String(between).trimmed
        return ["&", "/", ",", "dan", "and", "+", "&amp;"].contains(s)
    }

    /// The person names in a credit's text: `A / B` gives A (and B as the editor, returned
    /// second), `Kontributor Kota, A` gives A, `Tribunnews.com, A` gives A, `A dan B` gives both.
    /// `organisations` are the site's and publisher's names.
    static func creditNames(_ text: String, organisations: [String]) -> (names: [String], slashEditor: String?) {
        let slash = text.split(separator: "/").map { String($0).trimmed }
        var main = slash.first ?? ""
        let slashEditor = slash.count > 1 ? personName(slash[1], organisations: organisations) : nil
        // "Kontributor Kota, Nama" and "Tribunnews.com, Nama": the part before the comma is a
        // role and place or an organisation.
        let commaParts = main.split(separator: ",").map { String($0).trimmed }
        if commaParts.count > 1, let head = commaParts.first,
           roleWords.contains(head.split(separator: " ").first.map { $0.lowercased() } ?? "")
            || isOrganisation(head, organisations: organisations) || head.contains(".") {
            main = commaParts.dropFirst().joined(separator: ",")
        }
        var names: [String] = []
        for part in main.components(separatedBy: " dan ").flatMap({ $0.components(separatedBy: " & ") })
            .flatMap({ $0.components(separatedBy: " and ") }) {
            if let name = personName(part, organisations: organisations) { names.append(name) }
        }
        return (names, slashEditor)
    }

    /// A person's name, or nil for organisations, staff labels, job titles and dates. A role
    /// word before the name is dropped (`Kontributor Nama` gives `Nama`).
    static func personName(_ raw: String, organisations: [String]) -> String? {
        guard var s = personName(raw) else { return nil }
        var words = s.split(separator: " ")
        while words.count > 1, roleWords.contains(words[0].lowercased()) { words.removeFirst() }
        s = words.joined(separator: " ")
        return isOrganisation(s, organisations: organisations) ? nil : s
    }

    /// Whether `name` is one of `organisations` (the site, the publisher) or an organisation
    /// by its words (`Media`, `Cyber`, `Redaksi`, `Tim`, a domain).
    static func isOrganisation(_ name: String, organisations: [String]) -> Bool {
        let lower = name.lowercased()
        for site in organisations where !site.isEmpty {
            let site = site.lowercased()
            if lower == site || site.containsBytes(lower) || lower.containsBytes(site) { return true }
        }
        let words = lower.split(whereSeparator: { !$0.isLetter })
        return words.contains { organisationWords.contains(String($0)) }
            || lower.containsBytes(".com") || lower.containsBytes(".co.id") || lower.containsBytes(".id")
    }

    /// The site's and the publisher's names.
    var organisations: [String] { [article.siteName, publisherName].compactMap { $0 } }

    /// The publisher's name from JSON-LD.
    var publisherName: String? { ldString(["publisher", "name"]) }

    /// A person's name cleaned of what follows it (a date, a site), or nil.
    static func personName(_ raw: String) -> String? {
        var s = raw.trimmed
        let cuts = [" | ", " - ", " – ", ",", " pada ", " Senin", " Selasa", " Rabu", " Kamis", " Jumat", " Sabtu", " Minggu"]
        for cut in cuts {
            if let r = s.byteRange(of: cut) { s = String(s[..<r.lowerBound]).trimmed }
        }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "()[]:-–|•·"))
        s = s.trimmed
        let lower = s.lowercased()
        let rejected = ["redaksi", "admin", "tim", "team", "editor", "reporter", "penulis", "email the author",
                        "kontributor", "wartawan", "staff", "humas", "unknown", "anonymous"]
        guard !s.isEmpty, s.count <= 50, !rejected.contains(lower), !lower.hasPrefix("tim "),
              !s.contains(where: { $0.isNumber }), !lower.containsBytes("http"), !lower.containsBytes("@"),
              s.first?.isLetter == true else { return nil }
        let words = s.split(separator: " ")
        guard words.count <= 6 else { return nil }
        return words.joined(separator: " ")
    }

    /// The first words of the credit labels, for ``startsLikeByline(_:)``.
    static let labelFirstWords: ByteStringTable = ByteStringTable(keys: Set(creditLabels.map {
        String($0.label.split(separator: " ")[0])
    }))

    /// A cheap test before the credit parser: the text's first word (after spaces and
    /// separators) is the first word of a credit label (`Penulis`, `Redaktur`, `Laporan`…).
    static func startsLikeByline(_ b: ArraySlice<UInt8>) -> Bool {
        guard b.count < 400 else { return false }
        var i = b.startIndex
        while i < b.endIndex, b[i] <= 0x20 || b[i] == 0x7C || b[i] == 0x2F || b[i] == 0x2D { i += 1 }
        var e = i
        while e < b.endIndex, e - i <= 12, (b[e] | 0x20) &- 0x61 < 26 { e += 1 }
        guard e > i, e - i <= 12 else { return false }
        let word = b[i..<e]
        return labelFirstWords.value(word.span, lowercase: true) != nil
    }

    /// The line a credit label stands in: the text of its nearest block (text nodes joined by
    /// spaces, a bare label followed by a colon), or nil when that block is long running text.
    func creditLine(around i: Int) -> (container: Int, text: String)? {
        var p = Int(tree.parents[i])
        while p >= 0, !tree.tags[p].isBlock { p = Int(tree.parents[p]) }
        guard p >= 0, Int(tree.subtreeEnd[p]) - p < 60 else { return nil }
        var parts: [String] = []
        var length = 0
        for k in p..<Int(tree.subtreeEnd[p]) where tree.isText[k] {
            var t = Extraction.collapse(Array(tree.textBytes(k)))
            if t.isEmpty { continue }
            // A bare label in its own element ("Penulis" then the name): a credit box.
            let bare = t.count <= 40 && Extraction.startsLikeByline(tree.textBytes(k))
                ? t.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": ")) : ""
            if !bare.isEmpty,
               Extraction.creditLabels.contains(where: { $0.label == bare && !$0.prose }) || Extraction.isCombinedLabel(bare) {
                t = bare.isEmpty ? t : t.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) + " :"
            }
            parts.append(t)
            length += t.count
            if length > 300 { return nil }
        }
        return (p, parts.joined(separator: " "))
    }

    /// "redaktur & reporter": labels joined by connectors, nothing else.
    static func isCombinedLabel(_ s: String) -> Bool {
        let found = credits(s + " : x")
        return found.count == 1 && found[0].names == "x" && !found[0].prose
    }

    mutating func readBylines() {
        // Asked once: each asking walks the page's JSON-LD.
        let organisations = self.organisations
        var authors: [String] = []
        var editors: [String] = []
        var seen = Set<Int>()
        for i in 0..<tree.count where tree.isText[i] && !periphery[i] && Extraction.startsLikeByline(tree.textBytes(i)) {
            let line: String
            if let (container, text) = creditLine(around: i) {
                guard seen.insert(container).inserted else { continue }
                line = text
            } else {
                let text = Extraction.collapse(Array(tree.textBytes(i)))
                guard text.count < 200 else { continue }
                line = text
            }
            for credit in Extraction.credits(line) {
                var text = credit.names
                if text.isEmpty, let next = nextText(after: i) { text = next }
                let (names, slashEditor) = Extraction.creditNames(text, organisations: organisations)
                if credit.roles.contains(.author) { authors += names }
                if credit.roles.contains(.editor) { editors += names }
                if let slashEditor, !credit.roles.contains(.editor) { editors.append(slashEditor) }
            }
        }
        if authors.isEmpty {
            // An unlabelled byline in an element named for it ("Nama - detikNews").
            authors = namedBylines(organisations).filter { c in !editors.contains { $0.lowercased() == c.lowercased() } }
        }
        if authors.isEmpty {
            // JSON-LD or meta authors, unless they are the editor (a common trap) or an organisation.
            let candidates = ldAuthors(organisations) + (meta["author"] ?? []).compactMap { Extraction.personName($0, organisations: organisations) }
            authors = candidates.filter { c in !editors.contains { $0.lowercased() == c.lowercased() } }
        }
        article.authors = Extraction.unique(authors)
        article.editors = Extraction.unique(editors)
    }

    /// Names without repeats (compared ignoring case), in order.
    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }

    /// Class and id words of elements that hold an unlabelled byline.
    static let bylineNames: Set<String> = ["author", "byline", "penulis", "reporter", "writer", "wartawan", "pewarta"]

    /// Names in short elements marked as the byline (`itemprop=author`, `rel=author`, a class
    /// or id word such as `author` or `byline`) outside the periphery: the first that gives any.
    /// `organisations` are the site's and publisher's names (``organisations``).
    func namedBylines(_ organisations: [String]) -> [String] {
        for i in 0..<tree.count where !tree.isText[i] && !periphery[i] && Int(tree.subtreeEnd[i]) - i <= 8 {
            guard isBylineElement(i) else { continue }
            var text = Extraction.collapse(Array(tree.innerText(i).utf8))
            guard !text.isEmpty, text.count <= 80, Extraction.credits(text).isEmpty else { continue }
            for prose in ["by ", "oleh ", "written by "] where text.lowercased().hasPrefix(prose) {
                text = String(text.dropFirst(prose.count))
            }
            let names = Extraction.creditNames(text, organisations: organisations).names
            if !names.isEmpty { return names }
        }
        return []
    }

    func isBylineElement(_ i: Int) -> Bool {
        if names[i].contains(.byline) { return true }
        if let ip = tree.attributeBytes(.itemprop, of: i), Extraction.equalsLower(ip.span, "author") {
            return true
        }
        if tree.tags[i] == .a, let rel = tree.attributeBytes(.rel, of: i),
           Extraction.equalsLower(rel.span, "author") {
            return true
        }
        return false
    }

    /// Persons named as the author in the first JSON-LD article that names any (`organisations`
    /// as in ``namedBylines(_:)``).
    func ldAuthors(_ organisations: [String]) -> [String] {
        var out: [String] = []
        for d in ldArticles {
            let author = d["author"]
            let list = (author as? [Any]) ?? (author.map { [$0] } ?? [])
            for a in list {
                let object = a as? [String: Any]
                if let type = object?["@type"] as? String, type.lowercased() == "organization" { continue }
                let name = object?["name"] as? String ?? (a as? String)
                if let n = name.flatMap({ Extraction.personName($0, organisations: organisations) }) { out.append(n) }
            }
            if !out.isEmpty { break }
        }
        return out
    }

    /// The first text after node `i` (a name after its label), without a leading colon.
    func nextText(after i: Int) -> String? {
        var k = i + 1
        while k < tree.count && k < i + 6 {
            if tree.isText[k] {
                let t = Extraction.collapse(Array(tree.textBytes(k)))
                if !t.isEmpty && t != ":" { return t.hasPrefix(":") ? String(t.dropFirst()).trimmed : t }
            }
            k += 1
        }
        return nil
    }

    /// Whether a paragraph is a credit line (`Penulis : A`, `Redaktur & Reporter : A`,
    /// `Editor: B`): it leaves the body, and its names are read as bylines.
    static func isCreditParagraph(_ text: String) -> Bool {
        text.count <= 160 && startsWithLabel(text)
    }

    /// Whether `text` starts with a colon credit label (or labels joined by connectors).
    static func startsWithLabel(_ text: String) -> Bool {
        guard let first = credits(text).first else { return false }
        return !first.prose && first.at == 0
    }
}
