/// Document-level consistency between people and organizations.
extension Scan {
    /// Splits off the first word of a person a role found when the document names an
    /// organization with that word (`Pelatih Persib Bojan Hodak` after `Persib Bandung`): the
    /// word is the role's organization, the rest (two words or more) the person.
    mutating func splitOrganizationWordsOffPeople() {
        var organizationWords = Set<Int>()
        for m in mentions where m.type == .org { organizationWords.insert(keyHash(m.start)) }
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
