/// How the sequence model's PER, ORG and LOC spans replace the rules' names while the rules'
/// other mentions, roles, subtypes and lexicon ids stay.
extension Scan {
    /// Whether `type` is one the model decides (a facility is a place to the model).
    static func isModelType(_ type: EntityType) -> Bool { type == .per || type == .org || type == .loc || type == .fac }

    /// Replaces the rules' people, organizations, places and facilities by the model's `spans`:
    /// a rule mention of the same span and type (a facility for a place) stays as it is, with
    /// its subtype, lexicon id and role; another span gets the lexicon entry of its exact
    /// words and type, and the role of a rule person it overlaps. Dates, amounts and events
    /// stay, and a model span overlapping one is dropped.
    mutating func adopt(_ spans: [EntityMention]) {
        let old = mentions
        let oldAmbiguous = Dictionary(ambiguousPlaces.map { ($0.mention, $0.entry) }, uniquingKeysWith: { a, _ in a })
        var kept: [EntityMention] = []
        var ambiguous: [(mention: Int, entry: LexiconEntry)] = []
        var blocked = [Bool](repeating: false, count: doc.tokens.count)
        for (k, m) in old.enumerated() where !Scan.isModelType(m.type) {
            kept.append(m)
            if let e = oldAmbiguous[k] { ambiguous.append((kept.count - 1, e)) }
            for t in m.start..<m.end { blocked[t] = true }
        }
        // Rule names by their start token, for the exact-span check.
        var byStart: [Int: [Int]] = [:]
        for (k, m) in old.enumerated() where Scan.isModelType(m.type) { byStart[m.start, default: []].append(k) }
        var ruleAt = [Int32](repeating: -1, count: doc.tokens.count)
        for (k, m) in old.enumerated() where m.type == .per && m.role != nil { for t in m.start..<m.end { ruleAt[t] = Int32(k) } }
        for s in spans {
            if (s.start..<s.end).contains(where: { blocked[$0] }) { continue }
            if let k = byStart[s.start]?.first(where: { old[$0].end == s.end && (old[$0].type == s.type || old[$0].type == .fac && s.type == .loc) }) {
                kept.append(old[k])
                if let e = oldAmbiguous[k] { ambiguous.append((kept.count - 1, e)) }
                continue
            }
            var m = s
            if let (entry, end) = lexiconMatch(s.start, s.end), end == s.end,
               entry.type == s.type || entry.type == .fac && s.type == .loc {
                m.subtype = entry.subtype.isEmpty ? nil : entry.subtype
                m.lexiconID = entry.id.isEmpty ? nil : entry.id
                if entry.isAmbiguous, s.type == .loc { ambiguous.append((kept.count, entry)) }
            }
            if s.type == .per, let r = (s.start..<s.end).lazy.map({ ruleAt[$0] }).first(where: { $0 >= 0 }) {
                m.role = old[Int(r)].role
            }
            kept.append(m)
        }
        mentions = kept
        ambiguousPlaces = ambiguous
        coverMentions()
    }
}
