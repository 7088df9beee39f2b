/// Where roles, organizations and places meet, after the model's names are in.
extension Scan {
    /// Starts each place or organization after the words of a listed role it starts inside
    /// (`Wali Kota` | `Surabaya`, `Kepala Desa` | `Sukamaju`), unless an organization word
    /// opens it (`Kepala Dinas` | `Dinas Perindustrian …` keeps `Dinas`).
    mutating func placesAfterRoleWords() {
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
    /// person's, never part of the name before it.
    mutating func ranksOffNames() {
        var changed = false
        for k in mentions.indices where mentions[k].type == .loc || mentions[k].type == .org {
            let m = mentions[k]
            for t in m.start + 1..<m.end {
                guard let (entry, end) = lexiconMatch(t, doc.tokens.count), entry.type == .role, entry.subtype == "rank",
                      end >= m.end, end < doc.tokens.count, capitalized(end) else { continue }
                mentions[k].end = t
                changed = true
                break
            }
        }
        if changed { coverMentions() }
    }

    /// Splits off the first word of a person a role found when the document names an
    /// organization with that word (`Pelatih Persib Bojan Hodak` after `Persib Bandung`): the
    /// word is the role's organization, the rest (two words or more) the person.
    mutating func splitOrganizationWordsOffPeople() {
        var organizationWords = Set<Int>()
        for k in mentions.indices where mentions[k].type == .org { organizationWords.insert(keyHash(mentions[k].start)) }
        guard !organizationWords.isEmpty else { return }
        var added: [EntityMention] = []
        for k in mentions.indices {
            let m = mentions[k]
            guard m.type == .per, let role = m.role, m.end - m.start >= 3, m.lexiconID == nil,
                  organizationWords.contains(keyHash(m.start)) else { continue }
            added.append(EntityMention(start: m.start, end: m.start + 1, type: .org))
            mentions[k].start += 1
            mentions[k].role = role + " " + text(m.start)
        }
        guard !added.isEmpty else { return }
        mentions += added
        coverMentions()
    }
}
