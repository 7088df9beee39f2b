/// How the sequence model's PER, ORG and LOC spans join the rules' mentions.
extension Scan {
    /// Merges the model's `spans` into the rules' mentions. The rules keep what a cue anchors
    /// (see ``isAnchored(_:)``), dates, amounts, facilities and events; the model decides every
    /// other person, organization and place: a model span overlapping an anchored mention, a
    /// facility or an event is dropped, one running into a date or amount is cut before it,
    /// and one with the same span as a rule mention keeps that mention's subtype, lexicon id
    /// and role. Unanchored rule names the model does not overlap stay when `keepRuleNames`.
    mutating func adopt(_ spans: [EntityMention], keepRuleNames: Bool = false) {
        let old = mentions
        let oldAmbiguous = ambiguousPlaces.isEmpty ? [:] : Dictionary(ambiguousPlaces.map { ($0.mention, $0.entry) }, uniquingKeysWith: { a, _ in a })
        var kept: [EntityMention] = []
        var ambiguous: [(mention: Int, entry: LexiconEntry)] = []
        func keep(_ k: Int) {
            kept.append(old[k])
            if !oldAmbiguous.isEmpty, let e = oldAmbiguous[k] { ambiguous.append((kept.count - 1, e)) }
        }
        // 0 free, 1 a date or amount (a model span stops there), 2 a mention the model leaves be.
        var blocked = [UInt8](repeating: 0, count: doc.tokens.count)
        // Rule names that give way only to a longer model span, by token (index + 1).
        var soft = [Int32](repeating: 0, count: doc.tokens.count)
        var unanchored: [Int] = []
        var softNames: [Int] = []
        var byStart: [Int: Int] = [:]
        for (k, m) in old.enumerated() {
            let name = m.type == .per || m.type == .org || m.type == .loc
            let level = name ? anchor(k) : 2
            if level < 2 {
                if level == 1 {
                    softNames.append(k)
                    for t in m.start..<m.end { soft[t] = Int32(k + 1) }
                } else {
                    unanchored.append(k)
                }
                if !m.isNested, byStart[m.start].map({ old[$0].end < m.end }) ?? true { byStart[m.start] = k }
                continue
            }
            keep(k)
            let numeric = !name && m.type != .fac && m.type != .event
            for t in m.start..<m.end { blocked[t] = max(blocked[t], numeric ? 1 : 2) }
        }
        // A cue-opened rule name stands against the model's spans inside it ("DPRD" + "Kota
        // Semarang" in "DPRD Kota Semarang", "Industri Wijaya Kusuma" in "Kawasan Industri
        // Wijaya Kusuma"), unless the model found a person in it: then the rule ran on too far
        // ("Partai Demokrat Bali I Made Mudharta") and the model's spans win.
        var holdsPerson = [Bool](repeating: false, count: old.count)
        for s in spans where s.type == .per && soft[s.start] != 0 { holdsPerson[Int(soft[s.start]) - 1] = true }
        func stands(_ k: Int) -> Bool { !holdsPerson[k] }
        var ruleRole = [Int32](repeating: -1, count: doc.tokens.count)
        for k in unanchored where old[k].type == .per && old[k].role != nil { for t in old[k].start..<old[k].end { ruleRole[t] = Int32(k) } }
        var taken = [Bool](repeating: false, count: doc.tokens.count)
        for var s in spans {
            if (s.start..<s.end).contains(where: { blocked[$0] == 2 }) { continue }
            if s.end - s.start == 1, isCalendarWord(s.start) { continue }
            if let cut = (s.start..<s.end).first(where: { blocked[$0] != 0 }) { s.end = cut }
            // A lower-case place word before a name stays outside it, as the rules write places
            // ("kota Semarang" → "Semarang"; "Kota Semarang" keeps its cue).
            if s.end - s.start > 1, !capitalized(s.start), !allCaps(s.start) { s.start += 1 }
            if s.end <= s.start { continue }
            // Inside a rule name opened by a cue that stands: the rule's span stays.
            if let k = (s.start..<s.end).lazy.map({ soft[$0] }).first(where: { $0 != 0 }).map({ Int($0) - 1 }),
               old[k].start <= s.start, s.end <= old[k].end, stands(k) { continue }
            for t in s.start..<s.end { taken[t] = true }
            if let k = byStart[s.start], old[k].end == s.end, old[k].type == s.type {
                keep(k)
                continue
            }
            kept.append(linked(s, ruleRole, old, &ambiguous, at: kept.count))
        }
        for k in softNames where !(old[k].start..<old[k].end).contains(where: { taken[$0] || blocked[$0] == 2 }) { keep(k) }
        if keepRuleNames {
            for k in unanchored where !(old[k].start..<old[k].end).contains(where: { taken[$0] || blocked[$0] == 2 }) { keep(k) }
        }
        mentions = kept
        ambiguousPlaces = ambiguous
        coverMentions()
    }

    /// Whether token `i` alone is a month or a day name (`Juni`, `Senin`): calendar words, which
    /// the rules read as dates, are never a person, organization or place on their own.
    func isCalendarWord(_ i: Int) -> Bool {
        withKey(i) { key in
            let word = String(decoding: key, as: UTF8.self)
            return EntityTagger.months.contains(word) || EntityTagger.days.contains(word)
        }
    }

    /// A model span with the lexicon entry of its exact words and type (subtype, id), and the
    /// role of a rule person over it.
    func linked(_ s: EntityMention, _ ruleRole: [Int32], _ old: [EntityMention],
                _ ambiguous: inout [(mention: Int, entry: LexiconEntry)], at index: Int) -> EntityMention {
        var m = s
        if let (entry, end) = lexiconMatch(s.start, s.end), end == s.end,
           entry.type == s.type || entry.type == .fac && s.type == .loc {
            m.subtype = entry.subtype.isEmpty ? nil : entry.subtype
            m.lexiconID = entry.id.isEmpty ? nil : entry.id
            if entry.isAmbiguous, s.type == .loc { ambiguous.append((index, entry)) }
        }
        if s.type == .per, let r = (s.start..<s.end).lazy.map({ ruleRole[$0] }).first(where: { $0 >= 0 }) {
            m.role = old[Int(r)].role
        }
        return m
    }

    /// How firmly rule mention `k` stands against the model's spans (0 not at all, 1 against
    /// spans inside it, 2 against any overlapping span), by the cue it rests on. Firm: a person after a role or a
    /// speech verb (`kata Bima`, a place's name too); a name opened by an organization, place,
    /// a dateline's publisher; an abbreviation of a name before it (KIW); an acronym defined in
    /// brackets; a later mention of a person's word. Against spans inside it: a name opened by
    /// an organization, place, facility or event word (`Dinas Perindustrian`, `Kawasan Industri
    /// Wijaya Kusuma`); a multi-word lexicon name.
    func anchor(_ k: Int) -> UInt8 {
        let m = mentions[k]
        switch m.type {
        case .per:
            if m.role != nil || has(m.start - 1, .speech) { return 2 }
            // A later mention of a name's word (`Tri` after `Tri Supriyanto`).
            if m.end - m.start == 1, case let h = keyHash(m.start), personWordHashes.mayContain(h), let first = personWords[h],
               first < m.start { return 2 }
            return 0
        case .org, .loc:
            if abbreviations.contains(k) || m.subtype == "media" { return 2 }
            // An acronym defined in brackets, and its later uses (`Disperin`).
            if m.end - m.start == 1, !acronyms.isEmpty, acronymHashes.mayContain(keyHash(m.start)), acronyms[text(m.start)] != nil {
                return 2
            }
            if capitalized(m.start) || allCaps(m.start),
               !cues[m.start].isDisjoint(with: [.organization, .location, .facility, .event]) { return 1 }
            return m.end - m.start >= 2 && (m.lexiconID != nil || m.subtype != nil) ? 1 : 0
        default:
            return 2
        }
    }
}
