/// Where roles, organizations and places meet, after the model's names are in.
extension Scan {
    /// Starts each place or organization after the words of a listed role it starts inside
    /// (`Wali Kota` | `Surabaya`, `Kepala Desa` | `Sukamaju`), unless an organization word
    /// opens it (`Kepala Dinas` | `Dinas Perindustrian …` keeps `Dinas`).
    func placesAfterRoleWords() {
        var changed = false
        for k in mentions.indices where mentions[k].type == .loc || mentions[k].type == .org {
            let m = mentions[k]
            guard m.start > 0, !has(m.start, .organization) else { continue }
            for j in max(0, m.start - 3)..<m.start {
                if let (entry, end) = lexiconMatch(j, m.end), entry.type == .role, end > m.start, end < m.end {
                    mentions[k].start = end
                    changed = true
                    break
                }
            }
        }
        if changed { coverMentions() }
    }

    /// Ends each place or organization before a listed rank that closes it and a capitalised
    /// name follows (`Polda Metro Jaya` | `Kombes Pol` `Ade Ary Syam Indradi`): the rank is the
    /// person's, never part of the name before it. When the place or organization ran on over
    /// the name (`Polda Metro Jaya AKBP Dwiasi Wiyatputera`), the name is a person; a person
    /// whose words hold a rank starts after it, the words before being the role (`Wadir
    /// Reskrimum Polda Metro Jaya AKBP` | `Dwiasi Wiyatputera`).
    func ranksOffNames() {
        var changed = false, added: [Mention] = []
        for k in mentions.indices where mentions[k].type != .date && mentions[k].type != .time {
            let m = mentions[k]
            guard m.type == .loc || m.type == .org || m.type == .per, let (t, end) = rankInside(m) else { continue }
            changed = true
            if m.type == .per {
                mentions[k].start = end
                if mentions[k].role.isNone { mentions[k].role = textRef(m.start, end) }
                continue
            }
            mentions[k].end = t
            if end < m.end { added.append(Mention(start: end, end: m.end, type: .per)) }
        }
        // No mention empties (a cut leaves a word before the rank, a person a word after it), so
        // the indices ``ambiguousPlaces`` holds stay right; the new people go at the end.
        guard changed else { return }
        for p in added { add(p) }
        coverMentions()
    }

    /// The first listed rank after the first word of `m` (its start and end) that a
    /// capitalised word follows, right after `m`, or inside it when capitalised words that are
    /// no organization or place words and no listed place or organization end `m`.
    func rankInside(_ m: Mention) -> (Int, Int)? {
        for t in m.start + 1..<m.end {
            guard let (entry, end) = lexiconMatch(t, doc.tokens.count), entry.type == .role, entry.subtype == "rank",
                  end < doc.tokens.count, capitalized(end) else { continue }
            // Right after an organization or place word, or the first word, a rank is part of
            // the name (`Direktorat Jenderal`, `Jalan Kapten Maulana Lubis`, `Simpang Kolonel Masturi`).
            if t == m.start + 1 || has(t - 1, .organization) || has(t - 1, .location) { continue }
            // Nor is a rank that a listed role runs over (`Direktur Jenderal`).
            if (max(m.start, t - 2)..<t).contains(where: { j in lexiconMatch(j, m.end).map { $0.0.type == .role && $0.1 > t } ?? false }) {
                continue
            }
            // A person's rank must leave a name inside the person; an organization's may close it.
            if m.type == .per, end >= m.end { continue }
            // Inside, the words after the rank must be able to be a name: no organization or place
            // word and no listed place or organization (`Konsulat Jenderal` | `Republik Indonesia`).
            if end < m.end, !(end..<m.end).allSatisfy({ capitalized($0) && !has($0, .organization) && !has($0, .location) })
                || (end..<m.end).contains(where: { lexiconMatch($0, m.end).map { $0.0.type == .loc || $0.0.type == .org } ?? false }) {
                continue
            }
            return (t, end)
        }
        return nil
    }

    /// Splits an organization read over `dan` into the two it names when the side after `dan`
    /// opens with an organization's cue word (`Kejaksaan Tinggi dan Kejaksaan Negeri`, `Bank
    /// Himbara dan Kantor Pos`) or both sides are listed names (`Shopee dan Tokopedia`). A
    /// listed name stays whole, and so does a field after `dan` (`Kementerian Pekerjaan Umum
    /// dan Perumahan Rakyat`, `Dinas Komunikasi dan Informatika`).
    func splitCoordinatedOrganizations() {
        var added: [Mention] = []
        for k in mentions.indices where mentions[k].type == .org && !mentions[k].isNested && mentions[k].end - mentions[k].start >= 3 {
            let m = mentions[k]
            guard let c = (m.start + 1..<m.end - 1).first(where: isDan), lexiconMatch(m.start, m.end)?.1 != m.end else { continue }
            let left = listedOrganization(m.start, c), right = listedOrganization(c + 1, m.end)
            guard has(c + 1, .organization) && capitalized(c + 1) || left != nil && right != nil else { continue }
            mentions[k] = Mention(start: m.start, end: c, type: .org, subtype: subtype(of: left), lexiconID: listedID(of: left))
            added.append(Mention(start: c + 1, end: m.end, type: .org, subtype: subtype(of: right), lexiconID: listedID(of: right)))
        }
        guard !added.isEmpty else { return }
        mentions += added
        coverMentions()
    }

    /// The listed organization that is exactly tokens `a..<b`, if any.
    func listedOrganization(_ a: Int, _ b: Int) -> LexiconEntry? {
        lexiconMatch(a, b).flatMap { $0.1 == b && $0.0.type == .org ? $0.0 : nil }
    }

    /// Whether token `t` is the word `dan` in lower case.
    func isDan(_ t: Int) -> Bool {
        has(t, .connector) && !capitalized(t) && withKey(t) { $0.elementsEqual("dan".utf8) }
    }

    /// Splits off the first word of a person a role found when the document names an
    /// organization with that word (`Pelatih Persib Bojan Hodak` after `Persib Bandung`): the
    /// word is the role's organization, the rest (two words or more) the person.
    func splitOrganizationWordsOffPeople() {
        var organizationWords = Set<Int>()
        for k in mentions.indices where mentions[k].type == .org { organizationWords.insert(keyHash(mentions[k].start)) }
        guard !organizationWords.isEmpty else { return }
        var added: [Mention] = []
        for k in mentions.indices {
            let m = mentions[k]
            guard m.type == .per, let role = string(m.role), m.end - m.start >= 3, m.lexiconID.isNone,
                  organizationWords.contains(keyHash(m.start)) else { continue }
            added.append(Mention(start: m.start, end: m.start + 1, type: .org))
            mentions[k].start += 1
            mentions[k].role = intern(role + " " + text(m.start))
        }
        guard !added.isEmpty else { return }
        mentions += added
        coverMentions()
    }
}
