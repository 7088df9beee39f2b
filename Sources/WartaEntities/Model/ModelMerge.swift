import WartaText

/// How the sequence model's PER, ORG and LOC spans join the rules' mentions.
extension Scan {
    /// Merges the model's `spans` into the rules' mentions. The model decides people,
    /// organizations and places; the rules keep what a cue anchors (see ``isAnchored(_:)``),
    /// dates, amounts, facilities and events. A model span overlapping an anchored mention, a
    /// facility or an event is dropped, one running into a date or amount is cut before it,
    /// and one with the same span as a rule mention keeps that mention's subtype, lexicon id
    /// and role. The model reads the rules' mentions as features, so rule names it leaves out
    /// are dropped, except a later word of a person's name (`Tri` after `Tri Supriyanto`)
    /// where no model span falls, and a name a place word opens (`Kawasan Industri Wijaya
    /// Kusuma`) against model spans inside it.
    func adopt(_ spans: [Mention]) {
        let spans = givingInitialsBack(givingNameWordsBack(splittingListedOrganizations(splitAtAddressNumbers(splitAtClauseWords(spans)))))
        let plan = mergePlan(spans)
        var a = Adoption(old: mentions, places: ambiguousPlaces, tokens: doc.tokens.count, spans: spans.count)
        for k in plan.anchored { a.keep(k) }
        for s in spans { adopt(s, spans, plan, &a) }
        let old = a.old, taken = a.taken
        for k in plan.partial where !taken[old[k].start] && plan.blocked[old[k].start] == 0 { a.keep(k) }
        for k in plan.opened where !(old[k].start..<old[k].end).contains(where: { taken[$0] || plan.blocked[$0] >= 2 }) { a.keep(k) }
        mentions = a.kept
        ambiguousPlaces = a.ambiguous
        coverMentions()
    }

    /// What ``adopt(_:)`` builds: the mentions kept (with the ambiguous places among them) and
    /// the tokens the model's spans took, from the rules' mentions before the merge.
    struct Adoption {
        let old: [Mention]
        let oldPlaces: [(mention: Int, entry: LexiconEntry)]
        /// By old mention, its first place in ``oldPlaces`` + 1 (0: none): a column, not a
        /// dictionary, read for each mention kept; empty when there are no places.
        private var placeOf: [Int32] = []
        var kept: [Mention] = []
        var ambiguous: [(mention: Int, entry: LexiconEntry)] = []
        var taken: [Bool]

        init(old: [Mention], places: [(mention: Int, entry: LexiconEntry)], tokens: Int, spans: Int) {
            self.old = old
            oldPlaces = places
            if !places.isEmpty {
                placeOf = [Int32](filled: 0, count: old.count)
                for (p, place) in places.enumerated() where place.mention < old.count && placeOf[place.mention] == 0 { placeOf[place.mention] = Int32(p + 1) }
            }
            kept.reserveCapacity(old.count + spans)
            taken = [Bool](filled: false, count: tokens)
        }

        /// Keeps old mention `k` (and its ambiguous place).
        mutating func keep(_ k: Int) {
            kept.append(old[k])
            if !placeOf.isEmpty, case let p = placeOf[k], p != 0 { ambiguous.append((kept.count - 1, oldPlaces[Int(p) - 1].entry)) }
        }

        /// Marks tokens `range` as taken by a model span.
        mutating func take(_ range: Range<Int>) {
            for t in range { taken[t] = true }
        }
    }

    /// Adds model span `s` (one of `spans`) to `a` as `plan` allows: cut at a date or amount,
    /// an unmatched bracket or a break, split from its bracketed acronym or from a role and
    /// place before it, dropped where a rule's mention stands against it, the rule's own
    /// mention kept where it has the same words, and a name after a role and place added.
    @inline(__always)
    private func adopt(_ span: Mention, _ spans: [Mention], _ plan: MergePlan, _ a: inout Adoption) {
        var s = span
        guard let end = plan.end(of: s, isLoneCalendarWord: s.end - s.start == 1 && isCalendarWord(s.start)) else { return }
        s.end = end
        guard let bracketed = withoutUnmatchedBrackets(s), let trimmed = cutAtBreak(bracketed) else { return }
        s = overMiddleInitial(overGluedHyphens(trimmed, plan), plan)
        // `Kementerian Dalam Negeri (Kemendagri)` in one span: the name, and its acronym as a
        // mention of its own, as the rules give them.
        var acronym: Mention? = nil
        if let (name, short) = splitBracketedAcronym(s) {
            s = name
            if plan.blocked[short.start] == 0 { acronym = short }
        }
        defer {
            if let acronym, !a.taken[acronym.start] {
                a.taken[acronym.start] = true
                let m = linked(acronym, plan.ruleRole, a.old, &a.ambiguous, at: a.kept.count)
                a.kept.append(m)
            }
        }
        // A role, its place, then a name: split before anything else, since a name a place
        // word opens (`Provinsi Kalsel Nurul Fajar Desira`) would stand against the span.
        if let (p, role) = nameAfterRoleAndPlace(s) {
            a.take(s.start..<s.end)
            let m = linked(Mention(start: s.start, end: p, type: s.type), plan.ruleRole, a.old, &a.ambiguous, at: a.kept.count)
            a.kept.append(m)
            a.kept.append(Mention(start: p, end: s.end, type: .per, role: textRef(role, p)))
            return
        }
        if plan.standsAgainst(s, spans: spans, old: a.old) { return }
        a.take(s.start..<s.end)
        keepRuleMention(orAdd: s, plan, &a)
        if let (end, role) = nameFollowingRoleAndPlace(s, plan), plan.blocked[s.end..<end].allSatisfy({ $0 == 0 }) {
            a.take(s.end..<end)
            a.kept.append(Mention(start: s.end, end: end, type: .per, role: textRef(role, s.end)))
        }
    }

    /// Keeps the rule's mention of the same words as model span `s` (its subtype, id and role;
    /// and its type when a cue word heads it: `Dinas Perdagangan Kota Salatiga` is an
    /// organization whatever place it names, or when it is a listed organization:
    /// ``listedOrganizationStands(_:against:)``), else adds `s`.
    private func keepRuleMention(orAdd s: Mention, _ plan: MergePlan, _ a: inout Adoption) {
        let old = a.old
        if let k = plan.rule(startingAt: s.start), old[k].end == s.end,
           old[k].type == s.type || cueTypeStands(old[k], against: s.type, at: s) || listedOrganizationStands(old[k], against: s.type) {
            a.keep(k)
            return
        }
        let m = linked(s, plan.ruleRole, old, &a.ambiguous, at: a.kept.count)
        a.kept.append(m)
        // The words a rule person lost to its role are no later name of their own.
        if s.type == .per, plan.ruleRole[s.start] >= 0, case let r = old[Int(plan.ruleRole[s.start])], r.start < s.start {
            a.take(r.start..<s.start)
        }
    }

    /// Person `s` of two words or more widened over the capitalised parts glued to it by a
    /// hyphen (`Jean-` before `Pierre Lacroix`, `-Bissaka` after `Aaron Wan`): a name does not
    /// start or end inside a hyphenated word. A name of one word stays (`Ahok-Djarot`,
    /// `Prabowo-Sandi`: pairs of candidates), and so does a part that is a name of its own
    /// (`Prabowo Subianto-Gibran Rakabuming Raka`), a cue word (`Rosiade-Bupati`) or a rule's
    /// fixed mention; places and organizations stay as they are (`Jakarta-Bandung` is a route).
    @inline(__always)
    func overGluedHyphens(_ s: Mention, _ plan: MergePlan) -> Mention {
        // Most spans have no hyphen at either end: asked first, before anything else.
        guard s.type == .per, s.start >= 2 && isGluedHyphen(s.start - 1) || s.end + 1 < tokenCount && isGluedHyphen(s.end) else { return s }
        return widenedOverGluedHyphens(s, plan)
    }

    /// ``overGluedHyphens(_:_:)`` for a person with a hyphen at an end, out of line: the merge's
    /// loop stays small.
    @inline(never)
    private func widenedOverGluedHyphens(_ s: Mention, _ plan: MergePlan) -> Mention {
        guard (s.start..<s.end).count(where: { kinds[$0] == .word }) >= 2 else { return s }
        var m = s
        while m.start >= 2, isGluedHyphen(m.start - 1), isLoosePart(m.start - 2, plan) { m.start -= 2 }
        while m.end + 1 < tokenCount, isGluedHyphen(m.end), isLoosePart(m.end + 1, plan) { m.end += 2 }
        return m
    }

    /// Person `s` widened over a first name and a middle initial before it (`Galau D.` before
    /// `Muhammad`): a capital and a full stop between two capitalised words is a name's initial,
    /// so the word before it is the name's too, even a word of the language the model left out.
    /// Not an acronym or a listed place, organization or role (`AS D. Trump`).
    @inline(__always)
    func overMiddleInitial(_ s: Mention, _ plan: MergePlan) -> Mention {
        guard s.type == .per, s.start >= 2, isDottedInitial(s.start - 1), isLoosePart(s.start - 2, plan), !isAcronym(s.start - 2),
              lexiconMatch(s.start - 2, s.start - 1).map({ $0.0.type == .per }) ?? true else { return s }
        var m = s
        m.start -= 2
        return m
    }

    /// Whether token `t`, glued by a hyphen to a person, is a part of the person's name
    /// (``overGluedHyphens(_:_:)``): a capitalised word that no mention, cue or role holds.
    private func isLoosePart(_ t: Int, _ plan: MergePlan) -> Bool {
        capitalized(t) && kinds[t] == .word && cues[t].isEmpty && plan.blocked[t] == 0 && plan.modelSpan[t] == 0
            && plan.byStart[t] == 0 && lexiconMatch(t, t + 1).map({ $0.0.type != .role }) ?? true
    }

    /// Span `s` cut at a bracket whose partner is not inside it (`Kemendagri)` after `(`: the
    /// model's window takes in a closing bracket; `Renewable Energy Development (RED` without
    /// its `)`), and without the brackets around a whole name (`(Jokowi)` after `Joko
    /// Widodo`); nil when nothing is left or the span opens with a closing bracket.
    func withoutUnmatchedBrackets(_ s: Mention) -> Mention? {
        var m = s
        if m.end - m.start > 2, flags[m.start].contains(.openingBracket), flags[m.end - 1].contains(.closingBracket) {
            m.start += 1
            m.end -= 1
        }
        var depth = 0, outermost = m.start
        for t in m.start..<m.end {
            if flags[t].contains(.openingBracket) {
                if depth == 0 { outermost = t }
                depth += 1
            } else if flags[t].contains(.closingBracket) {
                if depth > 0 { depth -= 1; continue }
                // A span opening with a closing bracket is the model's confusion after an acronym.
                if t == m.start { return nil }
                m.end = t
                break
            }
        }
        if depth > 0 {
            if outermost == m.start { m.start += 1 } else { m.end = outermost }
        }
        return m.end > m.start ? m : nil
    }

    /// Span `s` without the acronym in brackets that ends it (`Kementerian Dalam Negeri` and
    /// `Kemendagri`), or nil when it has none: one word in capitals or capitalised, alone in
    /// its brackets, after a name of two words or more; no legal form (`(Persero)`).
    func splitBracketedAcronym(_ s: Mention) -> (name: Mention, acronym: Mention)? {
        let close = s.end - 1, word = s.end - 2, open = s.end - 3
        guard s.end - s.start >= 5, flags[close].contains(.closingBracket), flags[open].contains(.openingBracket),
              kinds[word] == .word, allCaps(word) || capitalized(word), !isLegalForm(word) else { return nil }
        var name = s, acronym = s
        name.end = open
        acronym.start = word
        acronym.end = close
        return (name, acronym)
    }

    /// The model's `spans`, each split where a lower-case word that no name holds stands
    /// between two capitalised words (``isClauseWord(_:)``): `Liverpool | vs | Everton`,
    /// `Arsenal | ditantang | Brighton and Hove Albion`, `Gunung Welirang | via | Gunung
    /// Ringgit`. A part left as a head word alone is dropped (`Majelis | hakim | Pengadilan
    /// Tinggi`: the court).
    func splitAtClauseWords(_ spans: [Mention]) -> [Mention] {
        // The tokens inside a span, not its first or last.
        func inner(_ span: Mention) -> Range<Int> { span.start + 1..<max(span.start + 1, span.end - 1) }
        let spans = withoutOpeningClauseWords(spans)
        guard spans.contains(where: { inner($0).contains { isClauseWord($0) } }) else { return spans }
        var out: [Mention] = []
        out.reserveCapacity(spans.count + 8)
        for span in spans {
            var start = span.start
            for t in inner(span) where isClauseWord(t) {
                keepPart(of: span, start..<t, in: &out)
                start = t + 1
            }
            if start == span.start { out.append(span) } else { keepPart(of: span, start..<span.end, in: &out) }
        }
        return out
    }

    /// The model's `spans`, each organization or person that opens with a listed organization
    /// and goes on with a person's name cut in two (`Direktur Jenderal Peternakan dan Kesehatan
    /// Hewan Kementerian Pertanian Agung Suganda`, `Kementerian Koordinator Bidang Perekonomian
    /// Muzdalifah mengatakan`): the model runs a name on through the
    /// organization before it; an organization a listed platform opens ends with the platform
    /// (``platformEnd(_:)``: `YouTube` | `DKPP`, `Instagram` | `Story`).
    func splittingListedOrganizations(_ spans: [Mention]) -> [Mention] {
        // Copied only from the first span cut: most documents have none.
        var out: [Mention]? = nil
        // The words the model reads as a person alone, gathered when first asked (few spans ask).
        var alone: HashedIntSet? = nil
        func isNamedAlone(_ t: Int) -> Bool {
            if alone == nil { alone = wordsNamedAlone(spans) }
            return alone!.contains(keyHash(t))
        }
        // The rules' people by span, gathered when first asked.
        var rulePeople: HashedIntSet? = nil
        func isRulePerson(_ words: Range<Int>) -> Bool {
            if rulePeople == nil { rulePeople = rulePersonSpans() }
            return rulePeople!.contains(Scan.spanKey(words))
        }
        for (k, s) in spans.enumerated() {
            let person = personAfterListedOrganization(s, isNamedAlone: isNamedAlone, isRulePerson: isRulePerson)
            let platform = person == nil ? platformEnd(s) : nil
            guard let p = person ?? platform?.end else { out?.append(s); continue }
            if out == nil { out = Array(spans[..<k]) }
            out!.append(Mention(start: s.start, end: p, type: .org))
            if person != nil {
                out!.append(Mention(start: p, end: s.end, type: .per))
            } else if platform!.restIsOrganization {
                out!.append(Mention(start: p, end: s.end, type: .org))
            }
        }
        return out ?? spans
    }

    /// The model's `spans`, where an organization that opens with a listed one runs on into the
    /// first words of the person right after it, with those words given back to the person
    /// (`Indef Tauhid` | `Ahmad` → `Indef` | `Tauhid Ahmad`): capitalised words that no cue,
    /// lexicon entry or listed name's words claim for an organization or a place. Not in a
    /// headline in title case, where every word is capitalised (`Partai NasDem Nonaktifkan` |
    /// `Ahmad Sahroni`).
    func givingNameWordsBack(_ spans: [Mention]) -> [Mention] {
        guard spans.count >= 2, nameWords != nil else { return spans }
        var out = spans
        for k in 0..<out.count - 1 where out[k].type == .org && out[k + 1].type == .per && out[k].end == out[k + 1].start {
            let s = out[k]
            guard !Scan.line(containing: s.start, in: titleCaseLines), let (entry, p) = lexiconMatch(s.start, s.end), entry.type == .org,
                  p > s.start, p < s.end,
                  (p..<s.end).allSatisfy({ t in
                      kinds[t] == .word && capitalized(t) && !allCaps(t) && cues[t].isDisjoint(with: [.organization, .location, .event])
                          && !isWordOfListedOrganizationOrPlace(t)
                          && !(lexiconMatch(t, t + 1).map { $0.0.type == .org || $0.0.type == .loc } ?? false)
                  })
            else { continue }
            out[k].end = p
            out[k + 1].start = p
        }
        return out
    }

    /// The model's `spans`, where an organization or place that ends in a name's initials (two
    /// at most) right before a person gives them to the person, and ends before the short
    /// honorifics before them (`DPRD H. M.` | `Tauhid Hamdi` → `DPRD` | `M. Tauhid Hamdi`): a
    /// body's name ends in no initial or title.
    func givingInitialsBack(_ spans: [Mention]) -> [Mention] {
        guard spans.count >= 2 else { return spans }
        var out = spans
        for k in 0..<out.count - 1 where out[k].type != .per && out[k + 1].type == .per && out[k].end == out[k + 1].start {
            let end = out[k].end
            var p = end
            while p - 1 > out[k].start, end - p < 2, isDottedInitial(p - 1) { p -= 1 }
            var q = p
            while q - 1 > out[k].start, p - q < 2, isShortHonorific(q - 1) { q -= 1 }
            guard q < end else { continue }
            out[k].end = q
            out[k + 1].start = p
        }
        return out
    }

    /// Where a listed platform ends in organization span `s` that runs on past it, and whether
    /// the rest is an organization of its own: a listed one (`YouTube` | `DKPP`: a channel and
    /// its owner) or one an organization's head word opens (`Instagram` | `Dinas SDABMBK
    /// Medan`). Words no lexicon entry starts are no part of a name (`Instagram` | `Story`,
    /// `akun Instagram` | `Alfons`). Nil before any other listed name (`Facebook Indonesia`,
    /// the company's arm there); other organizations run on as the model reads them (a unit
    /// and its body, `Bareskrim Polri`; a dealer, `BMW Astra`).
    func platformEnd(_ s: Mention) -> (end: Int, restIsOrganization: Bool)? {
        guard s.type == .org, s.end - s.start >= 2, let (first, p) = lexiconMatch(s.start, s.end), first.type == .org,
              first.subtype == "platform", p < s.end else { return nil }
        if capitalized(p) || allCaps(p), let (second, end) = lexiconMatch(p, s.end), second.type == .org, end == s.end { return (p, true) }
        guard !(p..<s.end).contains(where: { lexiconMatch($0, s.end) != nil }) else { return nil }
        return (p, has(p, .organization))
    }

    /// Where the person starts in span `s` when a listed organization opens it and the rest is
    /// a person's name: a listed person; two or more capitalised words that a given name
    /// opens and no organization or place word holds (not `Pertamina` | `Patra Niaga`), or that
    /// the rules read as a person (`Indef` | `Faisal Basri`); or capitalised words whose first
    /// or last the document names as a person alone (`isNamedAlone`: `Kementerian Keuangan` |
    /// `Rosmauli` where `kata Rosmauli` follows).
    func personAfterListedOrganization(_ s: Mention, isNamedAlone: (Int) -> Bool, isRulePerson: (Range<Int>) -> Bool) -> Int? {
        guard s.type == .org || s.type == .per, s.end - s.start >= 3, capitalized(s.start) || allCaps(s.start),
              let (entry, p) = lexiconMatch(s.start, s.end), entry.type == .org, p < s.end else { return nil }
        let rest = p..<s.end
        guard rest.allSatisfy({ kinds[$0] == .word && capitalized($0) && cues[$0].isDisjoint(with: [.organization, .location, .event]) })
        else { return nil }
        if let (person, end) = lexiconMatch(p, s.end), person.type == .per, end == s.end { return p }
        if s.end - p >= 2, isGivenName(p) || isRulePerson(p..<s.end) && isOfNoListedNameWords(p..<s.end) { return p }
        guard !isCommonWord(p) else { return nil }
        // A speaker: up to three words of no listed name (but a person's) right before a
        // reporting verb (`Kementerian Koordinator Bidang Perekonomian` | `Muzdalifah mengatakan`;
        // `Kementerian Kebudayaan Prancis menyatakan` stays whole).
        if s.end - p <= 3, isSubjectVerb(s.end), isOfNoListedNameWords(p..<s.end),
           (p..<s.end).allSatisfy({ t in lexiconMatch(t, t + 1).map { $0.0.type == .per } ?? true }) {
            return p
        }
        return isNamedAlone(p) || isNamedAlone(s.end - 1) ? p : nil
    }

    /// Whether none of `words` is one of a listed organization's or place's name (`Energy
    /// Service`, `Agri Resources Ltd` after a company are the company's words); false without
    /// the index of listed names' words.
    func isOfNoListedNameWords(_ words: Range<Int>) -> Bool {
        nameWords != nil && !words.contains(where: isWordOfListedOrganizationOrPlace)
    }

    /// The spans of the rules' people (``spanKey(_:)``): one lookup a span, not a walk of the mentions.
    func rulePersonSpans() -> HashedIntSet {
        var out = HashedIntSet()
        for m in mentions where m.type == .per { _ = out.insert(Scan.spanKey(m.start..<m.end)) }
        return out
    }

    /// A token range as one well-mixed key (``HashedIntSet`` takes its low bits as the slot).
    static func spanKey(_ r: Range<Int>) -> Int {
        let x = (UInt64(truncatingIfNeeded: r.lowerBound) &<< 32 | UInt64(truncatingIfNeeded: r.upperBound)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: x ^ x &>> 29)
    }

    /// The key hashes of the words `spans` read as a person of one word (not inside a longer name).
    func wordsNamedAlone(_ spans: [Mention]) -> HashedIntSet {
        var out = HashedIntSet()
        for s in spans where s.type == .per && s.end - s.start == 1 && !s.isNested { _ = out.insert(keyHash(s.start)) }
        return out
    }

    /// The model's `spans`, each without the lower-case word it opens with before a capital
    /// when that word heads no name (no place, organization or facility word, no particle or
    /// honorific): `mengungkapkan | Kamal`, `kelahiran | Bandung`, `cuaca | Makassar`.
    /// `kota Bandung`, `komplek DPR` and `dr. Soetomo` keep their first word. Nor does a span end
    /// with a clause word before the next name (``isClauseWord(_:)``: `Arsenal vs` | `West Ham
    /// United`, where the model ran a club on towards the listed club after it).
    func withoutOpeningClauseWords(_ spans: [Mention]) -> [Mention] {
        func opensWithClauseWord(_ s: Mention) -> Bool { s.end - s.start > 1 && isOpeningClauseWord(s.start) }
        func endsWithClauseWord(_ s: Mention) -> Bool { s.end - s.start > 1 && s.end < kinds.count && isClauseWord(s.end - 1) }
        guard spans.contains(where: { opensWithClauseWord($0) || endsWithClauseWord($0) }) else { return spans }
        return spans.map { span in
            var s = span
            if opensWithClauseWord(s) { s.start += 1 }
            // Checked again on what is left: a span never ends up empty.
            if endsWithClauseWord(s) { s.end -= 1 }
            return s
        }
    }

    /// Cues of a word a name may open with in lower case: a head word, an honorific, a connector.
    static let lowercaseOpeningCues: EntityTagger.Cue = Scan.headWordCues.union([.lowercaseStart, .connector])

    /// Whether token `t`, before a capitalised word, is a lower-case word that opens no name.
    func isOpeningClauseWord(_ t: Int) -> Bool {
        guard kinds[t] == .word, !capitalized(t), !allCaps(t), !keyIsEmpty(t), t + 1 < kinds.count,
              capitalized(t + 1) || allCaps(t + 1), cues[t].isDisjoint(with: Scan.lowercaseOpeningCues),
              !isWord(t, in: Scan.nameParticles) else { return false }
        return isSpelledInLowerCase(t)
    }

    /// Whether token `t` starts with a lower-case letter and has no capital inside (`'s` of
    /// `Lloyd's Coffee House`, `iPhone`, `eKTP` are a name's own spelling).
    private func isSpelledInLowerCase(_ t: Int) -> Bool {
        let s = Int(doc.tokens.starts[t]), e = Int(doc.tokens.ends[t])
        return (doc.bytes[s] &- 0x61 < 26 || doc.bytes[s] >= 0x80) && !doc.bytes[s..<e].contains(where: { $0 &- 0x41 < 26 })
    }

    /// The model's `spans`, each cut before a house, block or kilometre number inside it
    /// (``isAddressNumberWord(_:)`` and a number: `Jalan Belitung` | `No 8` | `Jakarta`,
    /// `Dusun Kedungsari` | `RT 05 RW`): the number is no part of the place, and a name after
    /// it is one of its own.
    func splitAtAddressNumbers(_ spans: [Mention]) -> [Mention] {
        func opensNumber(_ t: Int) -> Bool { t + 1 < tokenCount && isNumber(t + 1) && isAddressNumberWord(t) }
        guard spans.contains(where: { s in (s.start + 1..<s.end).contains(where: opensNumber) }) else { return spans }
        var out: [Mention] = []
        out.reserveCapacity(spans.count + 4)
        for span in spans {
            var start = span.start, t = span.start + 1
            while t < span.end {
                guard opensNumber(t) else { t += 1; continue }
                keepPart(of: span, start..<t, in: &out)
                t += 2
                start = t
            }
            if start == span.start { out.append(span) } else if start < span.end { keepPart(of: span, start..<span.end, in: &out) }
        }
        return out
    }

    /// Appends the part `range` of a split model span `span` to `out`, with the span's type
    /// (`Liverpool | vs | Everton`: two clubs, though the lexicon lists a city and a person),
    /// unless it is a head word alone (`Majelis`, `Balai`): a head names nothing without its name.
    private func keepPart(of span: Mention, _ range: Range<Int>, in out: inout [Mention]) {
        guard !range.isEmpty, range.count > 1 || cues[range.lowerBound].isDisjoint(with: Scan.headWordCues) else { return }
        var part = span
        part.start = range.lowerBound; part.end = range.upperBound
        out.append(part)
    }

    /// Whether token `t`, between two capitalised words, is a lower-case word that no name
    /// holds: not a particle names are written with (``nameParticles``, `dan`, `of`, `van`,
    /// `bin`).
    func isClauseWord(_ t: Int) -> Bool {
        guard kinds[t] == .word || kinds[t] == .abbreviation && isWord(t, in: Scan.versus), !capitalized(t), !allCaps(t), !keyIsEmpty(t),
              capitalized(t - 1) || allCaps(t - 1), capitalized(t + 1) || allCaps(t + 1) else { return false }
        return isSpelledInLowerCase(t) && !has(t, .connector) && !isWord(t, in: Scan.nameParticles)
    }

    /// Lower-case words that names are written with, besides the connectors (`dan`, `of`,
    /// `van`, `bin`): the English connectors, the legal forms (`tbk`), and more:
    /// `Bank of America`, `Leonardo da Vinci`, `Pengadilan Tipikor pada PN Jakarta Pusat`,
    /// `TikTok Shop by Tokopedia`.
    static let nameParticles: [[UInt8]] = Scan.englishConnectors + EntityTagger.legalForms + [
        "at", "to", "a", "an", "as", "by", "der", "von", "den", "da", "di", "du", "la", "le", "les", "del", "della",
        "des", "do", "dos", "das", "e", "y", "al", "el", "ibn", "voor", "op", "het", "te", "ke", "dari", "untuk",
        "atas", "bagi", "serta", "pada",
    ].map { Array($0.utf8) }

    /// `vs.` and `v.` between two sides (`Liverpool vs. Everton`): the only abbreviations that
    /// split a span (`RSUD dr. Soetomo` is one name).
    static let versus: [[UInt8]] = ["vs.", "v."].map { Array($0.utf8) }

    /// The cues of words that head a name (`Majelis`, `Balai`, `Kota`, `Gunung`, `Festival`).
    static let headWordCues: EntityTagger.Cue = [.organization, .location, .placeWord, .facility, .event]

    /// Span `s` up to the first thing no name runs over: a new line, a quote mark, `;`, `:`,
    /// `!` or `?` (`Gen Z.` | new line | `"Ada`; `Otoritas Jasa Keuangan` | `; PT`), and for a
    /// person a word with a digit (`No TR/442/2025`); nil when nothing is left.
    func cutAtBreak(_ s: Mention) -> Mention? {
        var m = s
        for t in m.start..<m.end where isBreak(t, inPerson: m.type == .per) || t > m.start && startsLine(t) {
            m.end = t
            break
        }
        return m.end > m.start ? m : nil
    }

    /// Whether token `t` ends any name before it (see ``cutAtBreak(_:)``).
    private func isBreak(_ t: Int, inPerson: Bool) -> Bool {
        if !flags[t].isDisjoint(with: [.openingQuote, .closingQuote]) { return !isApostrophe(t) }
        let s = Int(doc.tokens.starts[t]), e = Int(doc.tokens.ends[t])
        if e - s == 1 {
            switch doc.bytes[s] {
            case 0x3B, 0x3A, 0x21, 0x3F, 0x22: return true  // ; : ! ? "
            default: break
            }
        }
        guard inPerson else { return false }
        // A number or a reference (`27A`, `TR/442/2025`) is no part of a person's name.
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if isDigit(doc.bytes[s]) { return true }
        var digit = false, slash = false
        for k in s..<e {
            digit = digit || isDigit(doc.bytes[k])
            slash = slash || doc.bytes[k] == 0x2F
        }
        return digit && slash
    }

    /// Whether quote mark `t` is an apostrophe inside a name: glued to the words on both sides
    /// (`Victoria's`, `Jum'at`), or after a capital letter alone (`O'Neil`, `D ' Angelo`).
    private func isApostrophe(_ t: Int) -> Bool {
        guard t > 0, t + 1 < doc.tokens.count else { return false }
        let glued = doc.tokens.ends[t - 1] == doc.tokens.starts[t] && doc.tokens.ends[t] == doc.tokens.starts[t + 1]
        let initial = doc.tokens.ends[t - 1] - doc.tokens.starts[t - 1] == 1 && (capitalized(t - 1) || allCaps(t - 1))
        return glued || initial
    }

    /// Whether a line break comes between token `t - 1` and token `t`.
    private func startsLine(_ t: Int) -> Bool {
        for k in Int(doc.tokens.ends[t - 1])..<Int(doc.tokens.starts[t]) where doc.bytes[k] == 0x0A { return true }
        return false
    }

    /// What the rules' mentions say before the model's `spans` are placed among them.
    struct MergePlan {
        /// Mentions kept whatever the model says: anchored names, dates, amounts, facilities, events.
        var anchored: [Int] = []
        /// By token: 0 free, 1 a date or amount (a model span stops there), 2 a mention the
        /// model leaves be, 3 such a mention in brackets (`(WHO)` after `Badan Kesehatan
        /// Dunia`: a model span stops before its bracket, so the name it defines stays).
        var blocked: [UInt8]
        /// By token: the rule person with a role over it, or -1.
        var ruleRole: [Int32]
        /// By token: the longest unanchored rule name starting there, + 1 (0: none); a
        /// column rather than a dictionary, read once per model span.
        var byStart: [Int32]
        /// Later partial names (`Tri`): kept where no model span falls.
        var partial: [Int] = []
        /// Names a place word opens (`Kawasan Industri Wijaya Kusuma`) and organizations an
        /// organization word opens in which the model found places and at most the head
        /// (`Dinas Perdagangan Kota Salatiga`): they stand against model spans inside them.
        var opened: [Int] = []
        /// By token: the name of ``opened`` over it, + 1 (0: none).
        var openedAt: [Int32]
        /// The names of ``opened`` that hold a model person (``spans(inside:_:)``), found once
        /// for all the spans inside them.
        var openedHoldingPerson: Set<Int> = []
        /// By token: the model span over it, + 1 (0: none).
        var modelSpan: [Int32]

        /// The longest unanchored rule name starting at token `t` (``byStart``), if any.
        func rule(startingAt t: Int) -> Int? { byStart[t] == 0 ? nil : Int(byStart[t]) - 1 }

        /// Where model span `s` ends once it stops at a date, an amount or a bracketed acronym,
        /// or nil when it is dropped (over a mention the model leaves be, or a lone calendar
        /// word: `isLoneCalendarWord`, which the scan answers).
        func end(of s: Mention, isLoneCalendarWord: Bool) -> Int? {
            if (s.start..<s.end).contains(where: { blocked[$0] == 2 }) { return nil }
            if isLoneCalendarWord { return nil }
            let end = (s.start..<s.end).first(where: { blocked[$0] != 0 }) ?? s.end
            return end > s.start ? end : nil
        }

        /// Whether `s` lies inside a name of ``opened`` that stands: one the model found no
        /// person in (a person there means the rule ran on too far: `Partai Demokrat Bali I
        /// Made Mudharta`).
        func standsAgainst(_ s: Mention, spans: [Mention], old: [Mention]) -> Bool {
            guard s.type != .per, let k = (s.start..<s.end).lazy.map({ openedAt[$0] }).first(where: { $0 != 0 }).map({ Int($0) - 1 }),
                  old[k].start <= s.start, s.end <= old[k].end else { return false }
            return !openedHoldingPerson.contains(k)
        }

        /// The model spans that lie within `m`.
        func spans(inside m: Mention, _ spans: [Mention]) -> [Mention] {
            var out: [Mention] = []
            for t in m.start..<m.end where modelSpan[t] != 0 {
                let sp = spans[Int(modelSpan[t]) - 1]
                if sp.start == t, sp.end <= m.end { out.append(sp) }
            }
            return out
        }

        /// Whether the model found a place inside organization `m` and besides it at most the
        /// organization's own head: an organization named after its place (`Dinas Perdagangan
        /// Kota Salatiga`, `Polres Semarang`) is not cut down to the place, nor split at it. A
        /// person inside, or an organization starting later, means the rule ran on too far
        /// (`Dewan Pimpinan Pusat Partai Demokrat`); nothing inside leaves the model's silence
        /// standing (`Sekolah Menengah`).
        func holdsHeadAndPlacesOnly(_ m: Mention, _ spans: [Mention]) -> Bool {
            // In one walk over `m`, no array: the tokens model spans cover, and the spans inside
            // (as ``spans(inside:_:)`` finds them) with their words.
            var covered = 0, insideWords = 0, place = false
            for t in m.start..<m.end where modelSpan[t] != 0 {
                covered += 1
                let s = spans[Int(modelSpan[t]) - 1]
                guard s.start == t, s.end <= m.end else { continue }
                let isPlace = s.type == .loc && s.start > m.start, isHead = s.type == .org && s.start == m.start
                guard isPlace || isHead else { return false }
                place = place || isPlace
                insideWords += s.end - s.start
            }
            return place && covered == insideWords
        }
    }

    /// The ``MergePlan`` of the rules' mentions against the model's `spans`.
    func mergePlan(_ spans: [Mention]) -> MergePlan {
        let n = doc.tokens.count
        var plan = MergePlan(blocked: [UInt8](filled: 0, count: n), ruleRole: [Int32](filled: -1, count: n),
                             byStart: [Int32](filled: 0, count: n),
                             openedAt: [Int32](filled: 0, count: n), modelSpan: [Int32](filled: 0, count: n))
        for (k, s) in spans.enumerated() { for t in s.start..<min(s.end, n) { plan.modelSpan[t] = Int32(k + 1) } }
        for (k, m) in mentions.enumerated() {
            let name = m.type == .per || m.type == .org || m.type == .loc
            if name, !(isAnchored(k) || isPlaceOfRoleTheModelLeft(k, plan)) || roleRanIntoName(m, plan, spans)
                || roleTookFirstNameWords(m, spans: spans, plan)
                || opensLongerOrganization(m, plan, spans) {
                if m.type == .per, isLaterPartialName(m) { plan.partial.append(k) }
                if m.type != .per, isOpenedByPlaceWord(m) || m.type == .org && isHeadedByCue(m) && plan.holdsHeadAndPlacesOnly(m, spans) {
                    plan.opened.append(k)
                    for t in m.start..<m.end { plan.openedAt[t] = Int32(k + 1) }
                }
                if m.type == .per, !m.role.isNone { for t in m.start..<m.end { plan.ruleRole[t] = Int32(k) } }
                if !m.isNested, plan.rule(startingAt: m.start).map({ mentions[$0].end < m.end }) ?? true { plan.byStart[m.start] = Int32(k + 1) }
                continue
            }
            plan.anchored.append(k)
            let numeric = !name && m.type != .fac && m.type != .event
            let bracketed = name && m.start > 0 && flags[m.start - 1].contains(.openingBracket)
            for t in m.start..<m.end { plan.blocked[t] = max(plan.blocked[t], numeric ? 1 : bracketed ? 3 : 2) }
        }
        for k in plan.opened where plan.spans(inside: mentions[k], spans).contains(where: { $0.type == .per }) { plan.openedHoldingPerson.insert(k) }
        return plan
    }

    /// Whether rule person `m` after a role lost its first words to the role where the model
    /// reads them as the name's: the model's person ends with `m` and starts earlier, right
    /// after a listed role, over capitalised words that name no listed place or organization
    /// (`Pengamat` | `Citra Kirana`, `Pelatih` | `Indra Sjafri`, `Prof` | `Ali Ghufron Mukti`;
    /// the model leaves the field out of `Pengamat Politik` | `Burhanuddin Muhtadi`, and
    /// `Bupati` | `Agam` names the regency).
    func roleTookFirstNameWords(_ m: Mention, spans: [Mention], _ plan: MergePlan) -> Bool {
        guard m.type == .per, !m.role.isNone, case let k = plan.modelSpan[m.end - 1], k != 0 else { return false }
        let s = spans[Int(k) - 1]
        guard s.type == .per, s.end == m.end, s.start < m.start, s.start > 0,
              (s.start..<m.start).allSatisfy({ t in
                  capitalized(t) && !isAcronym(t) && cues[t].isDisjoint(with: [.organization, .location])
                      && !(lexiconMatch(t, m.end).map { $0.0.type == .loc || $0.0.type == .org } ?? false)
              })
        else { return false }
        // Not a title inside an organization's name (`RSUP Prof Ngoerah`, a hospital).
        return (max(0, s.start - 4)..<s.start).contains { j in
            (j == 0 || cues[j - 1].isDisjoint(with: [.organization, .location]))
                && (lexiconMatch(j, s.start).map { $0.0.type == .role && $0.1 == s.start } ?? false)
        }
    }

    /// Whether listed medium `m` opens a longer organization the model found, run on by
    /// capitalised words (`CBS News`, `ESPN FC`, `Katadata Insight Center`): the medium's anchor
    /// gives way to the whole name. Not across a sign (`CNN Indonesia --` | `Xiaomi`).
    func opensLongerOrganization(_ m: Mention, _ plan: MergePlan, _ spans: [Mention]) -> Bool {
        guard m.type == .org, isMedia(m.subtype), case let k = plan.modelSpan[m.start], k != 0 else { return false }
        let s = spans[Int(k) - 1]
        return s.type == .org && s.start == m.start && s.end > m.end
            && (m.end..<s.end).allSatisfy { kinds[$0] == .word && (capitalized($0) || allCaps($0)) || kinds[$0] == .number }
    }

    /// Whether token `i` alone is a month or a day name (`Juni`, `Senin`): calendar words, which
    /// the rules read as dates, are never a person, organization or place on their own.
    func isCalendarWord(_ i: Int) -> Bool {
        // Months and days are cue words: a token without their cue bits is neither.
        guard !cues[i].isDisjoint(with: [.month, .day]) else { return false }
        return withKey(i) { key in
            let word = String(decoding: key, as: UTF8.self)
            return EntityTagger.months.contains(word) || EntityTagger.days.contains(word)
        }
    }

    /// A model span with the lexicon entry of its exact words and type (subtype, id), and the
    /// role of a rule person over it.
    func linked(_ s: Mention, _ ruleRole: [Int32], _ old: [Mention],
                _ ambiguous: inout [(mention: Int, entry: LexiconEntry)], at index: Int) -> Mention {
        var m = s
        // "kota Semarang" links as "Semarang": a lower-case place word before a name.
        let from = s.end - s.start > 1 && !capitalized(s.start) && !allCaps(s.start) ? s.start + 1 : s.start
        if let (entry, end) = lexiconMatch(from, s.end), end == s.end,
           entry.type == s.type || entry.type == .fac && s.type == .loc {
            // A person has no subtype: a given-name entry's (`given_name`) says what the word is.
            m.subtype = entry.subtype.isEmpty || s.type == .per ? .none : .subtype(of: entry)
            m.lexiconID = listedID(of: entry)
            if entry.isAmbiguous, s.type == .loc { ambiguous.append((index, entry)) }
        }
        if s.type == .per, let r = (s.start..<s.end).lazy.map({ ruleRole[$0] }).first(where: { $0 >= 0 }) {
            m.role = old[Int(r)].start != s.start ? role(of: old[Int(r)], through: s.start) : old[Int(r)].role
        }
        return m
    }

    /// Whether rule person `m` after a role is, in its first words or whole, the field of the
    /// role (`Menteri Dalam` | `Negeri Tito Karnavian`, `Bapak Menteri Dalam` | `Negeri`): the
    /// model, which read the rule's span as a feature, tags those words as nothing (and the rest,
    /// if any, as the person: `Tito Karnavian`); they are words of listed organizations and
    /// places and of no listed person (``nameWords``: `Negeri`, `Pangan`; not `Purbaya` of
    /// `Purbaya Yudhi Sadewa`), the first no given name; and the role's last word is a word of
    /// the language or an organization word whose field they name (`Dalam`, `Bidang`,
    /// `Kejaksaan` | `Negeri`), not a rank or an honorific (`Kombes` | `Bhakti`, `Pak` | `Rosan`).
    func roleRanIntoName(_ m: Mention, _ plan: MergePlan, _ spans: [Mention]) -> Bool {
        guard m.type == .per, !m.role.isNone, nameWords != nil, m.start > 0, !isGivenName(m.start),
              isCommonWord(m.start - 1) || !cues[m.start - 1].isDisjoint(with: [.organization, .location]),
              lexiconMatch(m.start - 1, m.start).map({ $0.0.subtype != "honorific" }) ?? true else { return false }
        var nameStart = m.end
        if case let k = plan.modelSpan[m.end - 1], k != 0 {
            let s = spans[Int(k) - 1]
            guard s.type == .per, s.end == m.end, s.start > m.start else { return false }
            nameStart = s.start
        }
        return (m.start..<nameStart).allSatisfy { t in
            plan.modelSpan[t] == 0 && isWordOfListedOrganizationOrPlace(t) && !isWordOfListedPeople(t)
        }
    }

    /// What the document says of its one-word people and organizations: the words of its
    /// people of two words or more (`Musk` of `Elon Musk`), and which of the one-word names
    /// that are no such word and no word of a lexicon person it also writes in lower case.
    struct OneWordNames {
        var personWords: HashedIntSet
        var writtenInLowerCase: HashedIntSet
    }

    /// ``oneWordNames``, gathered the first time a pass asks (``repeatNames()`` and
    /// ``dropPeopleWrittenInLowerCase()`` read the same).
    func oneWordNameEvidence() -> OneWordNames {
        if let known = oneWordNames { return known }
        // Sized for the words of the document's people (most short documents name few).
        var words = 0
        for m in mentions where m.type == .per && m.end - m.start > 1 { words += m.end - m.start }
        var personWords = HashedIntSet(capacity: words)
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start > 1 {
            for t in mentions[k].start..<mentions[k].end { personWords.insert(keyHash(t)) }
        }
        var single: [Int] = []
        for k in mentions.indices where mentions[k].end - mentions[k].start == 1 && (mentions[k].type == .per || mentions[k].type == .org) {
            let t = mentions[k].start
            if !personWords.contains(keyHash(t)), !isWordOfListedPeople(t) { single.append(t) }
        }
        let evidence = OneWordNames(personWords: personWords, writtenInLowerCase: writtenInLowerCase(single))
        oneWordNames = evidence
        return evidence
    }

    /// ``wordsWrittenInLowerCase(among:)`` of `tokens`, from the scan ``dropPhrasesWrittenInLowerCase()``
    /// made for these words when it made one (the document is read once), else by a scan.
    func writtenInLowerCase(_ tokens: [Int]) -> HashedIntSet {
        let hashes = tokens.map(lowercaseHash)
        guard let known = lowerCaseWords, hashes.allSatisfy(known.asked.contains) else { return wordsWrittenInLowerCase(among: tokens) }
        var out = HashedIntSet()
        for h in hashes where known.written.contains(h) { out.insert(h) }
        return out
    }

    /// Drops each one-word person, found by the rules or the model, whose word the document
    /// also writes in lower case and that is no word of a longer person's name there nor of a
    /// lexicon person (`Menko Pangan` beside `ketahanan pangan`; `Wahyu` stays).
    func dropPeopleWrittenInLowerCase() {
        guard nameWords != nil else { return }
        let evidence = oneWordNameEvidence()
        guard !evidence.writtenInLowerCase.isEmpty else { return }
        var words: [Int] = []
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start == 1 && mentions[k].lexiconID.isNone {
            let t = mentions[k].start
            if !evidence.personWords.contains(keyHash(t)), !isWordOfListedPeople(t), !isGivenName(t),
               evidence.writtenInLowerCase.contains(lowercaseHash(t)) {
                words.append(k)
            }
        }
        removeMentions(words)
    }

    /// Removes the mentions at `indices` (ascending), keeping ``ambiguousPlaces`` pointing at
    /// the same mentions, and marks the tokens again.
    func removeMentions(_ indices: [Int]) {
        guard !indices.isEmpty else { return }
        var newIndex = [Int?](filled: nil, count: mentions.count)
        var next = 0, r = 0
        for k in mentions.indices {
            if r < indices.count, indices[r] == k { r += 1; continue }
            newIndex[k] = next
            next += 1
        }
        dropMentions(at: indices)
        ambiguousPlaces = ambiguousPlaces.compactMap { p in newIndex[p.mention].map { ($0, p.entry) } }
        coverMentions()
    }

    /// Removes the mentions at `indices` (ascending) in one pass over the others: removing
    /// them one by one moved every later mention each time (quadratic in a long document).
    func dropMentions(at indices: [Int]) {
        guard !indices.isEmpty else { return }
        var kept = 0, r = 0
        for k in mentions.indices {
            if r < indices.count, indices[r] == k { r += 1; continue }
            if kept != k { mentions.swapAt(kept, k) }
            kept += 1
        }
        mentions.removeLast(mentions.count - kept)
    }

    /// The hashes (``lowercaseHash(_:)``) of the words of `tokens` that the document also
    /// writes in lower case.
    func wordsWrittenInLowerCase(among tokens: [Int]) -> HashedIntSet {
        var out = HashedIntSet()
        forEachLowerCaseWord(among: tokens) { _, h in out.insert(h) }
        return out
    }

    /// Calls `body` with each token the document writes in lower case that is a word of
    /// `tokens` (whatever their case), and its ``lowercaseHash(_:)``; only words as long as one
    /// of them and with its first two letters are hashed. Returns the hashes of `tokens`' words.
    @discardableResult
    func forEachLowerCaseWord(among tokens: [Int], _ body: (Int, Int) -> Void) -> HashedIntSet {
        var wanted = HashedIntSet(capacity: tokens.count)
        guard !tokens.isEmpty else { return wanted }
        for t in tokens { wanted.insert(lowercaseHash(t)) }
        // By the low five bits of the first two bytes (their letters in either case), a bit mask
        // of the lengths (up to 63 bytes) the words have: a word of the text passes only where
        // one of `tokens` has its shape, which few do.
        var lengths = [UInt64](filled: 0, count: 1024)
        doc.withColumns { c in
            for t in tokens {
                let s = Int(c.starts[t]), length = Int(c.ends[t]) - s
                lengths[Scan.shapeRow(c.bytes, s, length)] |= 1 << UInt64(min(63, length))
            }
        }
        doc.withColumns { c in
            lengths.withUnsafeBufferPointer { lengths in
                // A word of kind `word` without a capital is written in lower case (the
                // columns read directly: this loop visits every token).
                for t in 0..<c.starts.count where c.kinds[t] == .word && c.flags[t].isDisjoint(with: [.capitalized, .allCaps]) {
                    let s = Int(c.starts[t]), length = Int(c.ends[t]) - s
                    guard lengths[Scan.shapeRow(c.bytes, s, length)] & 1 << UInt64(min(63, length)) != 0 else { continue }
                    let h = c.hash(ofToken: t, lowercase: true)
                    if wanted.contains(h) { body(t, h) }
                }
            }
        }
        return wanted
    }

    /// Whether token `t` is a word written in lower case (of kind `word`, no capital).
    @inline(__always) func isLowerCaseWord(_ t: Int) -> Bool {
        kinds[t] == .word && flags[t].isDisjoint(with: [.capitalized, .allCaps])
    }

    /// Drops each person of two words or more, no lexicon's and opening with no given name,
    /// whose words the document also writes one after another in lower case (`School Kitchen`
    /// beside `school kitchen`, `Private Jet`, `Bunuh Diri`): a phrase a headline or a
    /// sentence's start capitalised, no name.
    func dropPhrasesWrittenInLowerCase() {
        var phrases: [Int] = []
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start >= 2
            && mentions[k].lexiconID.isNone && !isGivenName(mentions[k].start) {
            phrases.append(k)
        }
        guard !phrases.isEmpty else { return }
        // Each phrase's words as one hash; then the same of the lower-case runs from each place
        // its first word stands in lower case, as long as the phrases are.
        func phraseHash(_ a: Int, _ b: Int) -> Int {
            var h = 0
            for t in a..<b { h = h &* 1_000_003 ^ lowercaseHash(t) }
            return h
        }
        var lengths = Set<Int>(), written = HashedIntSet(), firsts = HashedIntSet()
        for k in phrases {
            lengths.insert(mentions[k].end - mentions[k].start)
            firsts.insert(lowercaseHash(mentions[k].start))
        }
        // The one-word names' words are looked for in the same reading of the document, for
        // ``oneWordNameEvidence()`` after this pass.
        var tokens = phrases.map { mentions[$0].start }
        for m in mentions where m.end - m.start == 1 && (m.type == .per || m.type == .org) { tokens.append(m.start) }
        var words = HashedIntSet()
        let asked = forEachLowerCaseWord(among: tokens) { t, h in
            words.insert(h)
            guard firsts.contains(h) else { return }
            for n in lengths where t + n <= doc.tokens.count && (t + 1..<t + n).allSatisfy(isLowerCaseWord) {
                written.insert(phraseHash(t, t + n))
            }
        }
        lowerCaseWords = (asked, words)
        guard !written.isEmpty else { return }
        removeMentions(phrases.filter { written.contains(phraseHash(mentions[$0].start, mentions[$0].end)) })
    }

    /// The row of ``wordsWrittenInLowerCase(among:)``'s length masks for the word of `length`
    /// bytes at `s` in `bytes`: the low five bits of its first byte, then of its second (0 for
    /// a word of one byte). A word and its lower case have the same row.
    @inline(__always)
    static func shapeRow(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ length: Int) -> Int {
        let second = length > 1 ? bytes[s + 1] & 0x1F : 0
        return Int(bytes[s] & 0x1F) << 5 | Int(second)
    }

    /// The hash of the bytes of token `t` in lower case, whatever its case (from the text: the
    /// scan keys only the tokens near names).
    func lowercaseHash(_ t: Int) -> Int {
        doc.hash(ofToken: t, lowercase: true)
    }

    /// Whether the word of token `t` is a word of the lexicon's people's names (``nameWords``).
    func isWordOfListedPeople(_ t: Int) -> Bool {
        guard let words = nameWords else { return false }
        return withKey(t) { words[NERFeatureExtractor.wordHash($0)] } & 1 != 0
    }

    /// Whether token `t`'s word is a word of a listed organization's or place's name of two
    /// words or more (``nameWords``; `Negeri`, `Resources`).
    func isWordOfListedOrganizationOrPlace(_ t: Int) -> Bool {
        guard let words = nameWords else { return false }
        return withKey(t) { words[NERFeatureExtractor.wordHash($0)] } & 6 != 0
    }

    /// The role of rule person `m`, which stands right before it, run on over `m`'s words
    /// before token `start` (`Menteri Dalam` + `Negeri`); `m`'s role when it stands elsewhere.
    func role(of m: Mention, through start: Int) -> MentionText {
        guard let role = string(m.role) else { return .none }
        let nameStart = Int(doc.tokens.starts[m.start])
        let roleStart = nameStart - 1 - role.utf8.count
        guard roleStart >= 0, doc.bytes[roleStart..<nameStart - 1].elementsEqual(role.utf8) else { return m.role }
        // A name that starts inside the role's words keeps the words before it (`Pengamat` of
        // `Pengamat Citra`); one that starts before the role has the role as it was.
        guard start > 0, Int(doc.tokens.starts[start]) > roleStart else { return m.role }
        return MentionText(source: .document, a: Int32(roleStart), b: doc.tokens.ends[start - 1])
    }

    /// Whether rule mention `k` stands whatever the model says, by the cue it rests on: a
    /// person after a role or a speech verb (`kata Bima`, a place's name too) unless it is the
    /// last word of the role's organization (``isLastWordOfRoleOrganization(_:)``), a
    /// dateline's publisher, an abbreviation of a name before it (`KIW`), an acronym defined in
    /// brackets and its later uses (`Disperin`), a listed organization a role names before its
    /// person (``isListedOrganizationOfRole(_:)``). Any other rule name gives way to the model,
    /// which has read it as a feature.
    func isAnchored(_ k: Int) -> Bool {
        let m = mentions[k]
        switch m.type {
        case .per: return (!m.role.isNone || has(m.start - 1, .speech)) && !isLastWordOfRoleOrganization(m)
        case .org, .loc:
            return abbreviations.contains(k) || isMedia(m.subtype) || isDefinedAcronym(m) || isListedNameWithCommas(m)
                || isListedOrganizationOfRole(k)
        default: return true
        }
    }

    /// Whether rule mention `k` is a lexicon organization that a role names right before a
    /// person with that role (`CEO` | `Nvidia` | `Jensen Huang`): the role vouches for it,
    /// though the model may not know the name.
    func isListedOrganizationOfRole(_ k: Int) -> Bool {
        let m = mentions[k]
        guard m.type == .org, !m.lexiconID.isNone, k + 1 < mentions.count else { return false }
        let person = mentions[k + 1]
        guard person.type == .per && person.start == m.end && !person.role.isNone else { return false }
        // A title names the body, a rank or honorific does not (`Brigjen` | `Toto Suharyanto`).
        return (max(0, m.start - 4)..<m.start).contains { j in
            lexiconMatch(j, m.start).map { $0.0.type == .role && $0.1 == m.start && $0.0.subtype == "role" } ?? false
        }
    }

    /// Whether rule mention `k` is ``isListedPlaceOfRole(_:)`` and no model span covers it: the
    /// model left it out, and it stands.
    func isPlaceOfRoleTheModelLeft(_ k: Int, _ plan: MergePlan) -> Bool {
        let m = mentions[k]
        return m.type == .loc && (m.start..<m.end).allSatisfy({ plan.modelSpan[$0] == 0 }) && isListedPlaceOfRole(k)
    }

    /// Whether rule mention `k` is a listed country, province, regency or city inside the role
    /// of the person right after it (`Presiden Amerika Serikat` | `Donald Trump`, `Gubernur
    /// Jawa Tengah` | `Ahmad Luthfi`, `Menteri Luar Negeri Indonesia` | `Sugiono`): a place the
    /// annotated corpora tag, which the model, trained on few such roles, leaves out. It stands
    /// where the model found nothing over it (``isPlaceOfRoleTheModelLeft(_:_:)``); where the
    /// model reads it as part of a name, the model's name stands (`Kemenag Purwakarta`).
    func isListedPlaceOfRole(_ k: Int) -> Bool {
        let m = mentions[k]
        guard m.type == .loc, k + 1 < mentions.count, let (place, end) = lexiconMatch(m.start, m.end),
              place.type == .loc, end == m.end, Scan.jurisdictions.contains(place.subtype) else { return false }
        let person = mentions[k + 1]
        guard person.type == .per, person.start == m.end, person.role.source == .document,
              case let roleStart = person.role.a, roleStart < doc.tokens.starts[m.start],
              let j = (max(0, m.start - 6)..<m.start).first(where: { doc.tokens.starts[$0] == roleStart }),
              let (title, titleEnd) = lexiconMatch(j, m.start), title.type == .role, title.subtype == "role"
        else { return false }
        // The role opens with a title, not a rank or an honorific, and the words between it and
        // the place are its field (`Menteri Luar Negeri`), a form of state (`Presiden Republik`)
        // or, before a region, a body it qualifies, by acronym or as found (`Ketua PW LPNU` |
        // `Jatim`, `Ketua NasDem` | `Sumut`). A country after a body is the body's name (`PKB
        // Indonesia`, `Analis Artha Sekuritas Indonesia`).
        let country = place.subtype == "country"
        return (titleEnd..<m.start).allSatisfy { t in
            isCommonWord(t) || isFormOfState(t) || !country && (allCaps(t)
                || mentions[max(0, k - 3)..<k].contains { ($0.type == .org || $0.type == .loc) && $0.start <= t && t < $0.end })
        }
    }

    /// Whether token `t` names a form of state before a country's name (`Republik`, `Kerajaan`).
    func isFormOfState(_ t: Int) -> Bool { isWord(t, in: Scan.formsOfState) }

    /// The match keys of ``isFormOfState(_:)``.
    static let formsOfState: [[UInt8]] = ["republik", "kerajaan", "federasi", "kesultanan", "keamiran"].map { Array($0.utf8) }

    /// The subtypes of the places an office holds (`Presiden`, `Gubernur`, `Bupati`, `Wali
    /// Kota`): districts and villages, whose names are often words or names (`Juli`, `Tanta`), are
    /// not among them.
    static let jurisdictions: Set<String> = ["country", "province", "regency", "city"]

    /// Whether `m` is a listed name with commas inside (`Badan Meteorologi, Klimatologi, dan
    /// Geofisika`): the model, which learned that a comma ends a name, would cut it in pieces.
    func isListedNameWithCommas(_ m: Mention) -> Bool {
        (m.start + 1..<max(m.start + 1, m.end - 1)).contains(where: isComma) && lexiconMatch(m.start, m.end)?.1 == m.end
    }

    /// Whether subtype `t` is `media` (a dateline's publisher), without making a string of
    /// the subtypes that cannot be (none) or must be (``MentionText/media``).
    func isMedia(_ t: MentionText) -> Bool {
        switch t.source {
        case .none: return false
        case .media: return true
        default: return string(t) == "media"
        }
    }

    /// Whether the person `m` a role found is one word followed by an acronym in brackets or a
    /// number, then a capitalised name (`Direktur Jenderal Otonomi Daerah Kementerian Dalam
    /// Negeri (Kemendagri) Akmal Malik`, `Kepala Humas Daop 1 Eva Chairunisa`): the last word of
    /// the role's organization, and not the person; the model decides there.
    func isLastWordOfRoleOrganization(_ m: Mention) -> Bool {
        guard !m.role.isNone, m.end - m.start == 1 else { return false }
        if m.end + 1 < doc.tokens.count, isNumber(m.end), capitalized(m.end + 1) { return true }
        // `(`, one to three words, `)`, then the name.
        guard let close = (m.end + 2...m.end + 4).first(where: { $0 + 1 < doc.tokens.count && flags[$0].contains(.closingBracket) })
        else { return false }
        return bracketedAcronymStart(endingAt: close) == m.end && capitalized(close + 1)
    }

    /// Whether a capitalised place or facility word opens `m` (`Kawasan Industri Wijaya Kusuma`,
    /// `Jalan Pemuda`). Names an organization word opens (`Komisi III`, `Dewan Pimpinan Pusat
    /// Partai Demokrat`) are the model's to cut: annotators split and drop them in ways it learned.
    func isOpenedByPlaceWord(_ m: Mention) -> Bool {
        (capitalized(m.start) || allCaps(m.start)) && !cues[m.start].isDisjoint(with: [.location, .facility])
    }

    /// Where the person starts in a model place or organization span that a role opens and that
    /// runs on from a listed name into two to four more capitalised words that are not one
    /// listed place or organization (`Kepala BPBD Jawa Tengah Bergas Penanggungan mengatakan`:
    /// `Jawa Tengah`, then the person `Bergas Penanggungan`), or nil. News writes a role, its
    /// organization and place, then the name, which ends the run of capitalised words. Also
    /// where the role starts.
    func nameAfterRoleAndPlace(_ s: Mention) -> (name: Int, role: Int)? {
        guard s.type == .loc || s.type == .org, s.end - s.start >= 2, let role = roleStart(before: s.start),
              let (entry, p) = listedNameOpening(s), entry.type == .loc || entry.type == .org, (2...4).contains(s.end - p),
              lexiconMatch(p, s.end).map({ $0.1 < s.end || $0.0.type == .per }) ?? true,
              s.end >= doc.tokens.count || !capitalized(s.end) && !allCaps(s.end)
        else { return nil }
        // Names are often words or places too (`Bergas` is a district, `Penanggungan` a word):
        // any capitalised word but a cue word (`Kota`, `Dinas`).
        for t in p..<s.end where !capitalized(t) || allCaps(t) || !cues[t].isEmpty { return nil }
        return (p, role)
    }

    /// The end of the person right after a model place or organization span that a role
    /// opens (`Kepala BPBD Jawa Tengah` `Bergas Penanggungan` `mengatakan`), and where the role
    /// starts, or nil: one to four capitalised words no model span covers, none a cue word,
    /// that end the run of capitalised words and are not one listed place or organization.
    /// News writes a role, its organization and place, then the name.
    func nameFollowingRoleAndPlace(_ s: Mention, _ plan: MergePlan) -> (end: Int, role: Int)? {
        guard s.type == .loc || s.type == .org, let role = roleStart(before: s.start) else { return nil }
        var end = s.end
        while end < doc.tokens.count, end - s.end < 5, capitalized(end), !allCaps(end), cues[end].isEmpty, plan.modelSpan[end] == 0 {
            end += 1
        }
        guard (1...4).contains(end - s.end), end >= doc.tokens.count || !capitalized(end) && !allCaps(end),
              lexiconMatch(s.end, end).map({ $0.1 < end || $0.0.type == .per }) ?? true else { return nil }
        return (end, role)
    }

    /// The listed name that opens span `s`, after a place word if one opens it (`Provinsi
    /// Kalsel`, `Kota Semarang`), and where it ends.
    func listedNameOpening(_ s: Mention) -> (LexiconEntry, Int)? {
        if let match = lexiconMatch(s.start, s.end) { return match }
        guard s.end - s.start >= 3, has(s.start, .placeWord) else { return nil }
        return lexiconMatch(s.start + 1, s.end)
    }

    /// The role word (`Kepala`, `Kapolres`) before token `i` with only its organization
    /// between: capitalised words, numbers and the hyphens between them, at most eight
    /// (`BPBD`, `Badan Perencanaan Pembangunan Daerah`, `Satuan Tugas Penanganan Covid-19`,
    /// `Komisi III`), and the organization's acronym in brackets (`(Bappeda)`), or nil.
    func roleStart(before i: Int) -> Int? {
        var j = i - 1, words = 0
        while j >= 0, words <= 8 {
            if let (entry, _) = lexiconMatch(j, i), entry.type == .role { return j }
            if let open = bracketedAcronymStart(endingAt: j) { j = open - 1; continue }
            guard capitalized(j) || allCaps(j) || isNumber(j) || isHyphenInName(j) else { return nil }
            j -= 1
            words += 1
        }
        return nil
    }

    /// Whether token `j` is a hyphen between a capitalised word and a word or number
    /// (`Covid - 19` as some texts space it).
    func isHyphenInName(_ j: Int) -> Bool {
        j > 0 && j + 1 < doc.tokens.count && kinds[j] == .punctuation && doc.tokens.count(j) == 1
            && doc.bytes[Int(doc.tokens.starts[j])] == 0x2D && (capitalized(j - 1) || allCaps(j - 1))
    }

    /// Where `(ACRONYM)` ending at token `j` opens: `(`, one to three capitalised or
    /// all-capital words (`(Bappeda)`, `(BUMDes LKM)`), `)`; or nil.
    func bracketedAcronymStart(endingAt j: Int) -> Int? {
        guard j >= 2, flags[j].contains(.closingBracket) else { return nil }
        var k = j - 1
        while k >= 0, k >= j - 3, capitalized(k) || allCaps(k) { k -= 1 }
        return k >= 0 && k < j - 1 && flags[k].contains(.openingBracket) ? k : nil
    }

    /// Whether `m` follows `di` or `ke`: a building named there is where something happens.
    func isVenue(_ m: Mention) -> Bool {
        m.start > 0 && withKey(m.start - 1) { $0.elementsEqual("di".utf8) || $0.elementsEqual("ke".utf8) }
    }

    /// Whether a capitalised organization, place or facility word opens `m` (`Dinas`, `Kawasan`).
    func isHeadedByCue(_ m: Mention) -> Bool {
        (capitalized(m.start) || allCaps(m.start)) && !cues[m.start].isDisjoint(with: [.organization, .location, .facility])
    }

    /// Whether the type of rule mention `m`, which a cue word heads, stands against the model's
    /// type `modelType` for the same words: not for a building named after `di` or `ke` that the
    /// model reads as a place, nor for a school (`SMA Negeri 6 Jakarta`), a place or a body as
    /// its sentence reads it, which annotators write both ways (NERGrit train: places 46 times,
    /// organizations 28).
    func cueTypeStands(_ m: Mention, against modelType: EntityType, at s: Mention) -> Bool {
        isHeadedByCue(m) && !(modelType == .loc && isVenue(s)) && !isWord(m.start, in: EntityTagger.schoolWords)
    }

    /// Whether rule mention `m`, a listed organization with an id and nothing more (a company,
    /// ministry, agency, court or club of `organizations.tsv`; not `Kantor Perum Bulog`, an
    /// office a cue word heads), keeps its type against the model's place for the
    /// same words (`di Tokopedia`, `ke Bulog`, `Bukalapak mengumumkan`): the model reads the
    /// words around it, the lexicon knows the body. International bodies stay as the sentence
    /// reads them (`kawasan ASEAN`).
    func listedOrganizationStands(_ m: Mention, against modelType: EntityType) -> Bool {
        guard m.type == .org, modelType == .loc, let (entry, end) = lexiconMatch(m.start, m.end), end == m.end else { return false }
        return entry.type == .org && entry.subtype != "international" && lexicon.hasID(entry: Int(entry.index))
    }

    /// How far back, in tokens, a later word of a person's name reaches for the full name: a
    /// long news article. In a longer text (a collection of articles or of unrelated
    /// sentences), a bare `Tri` far from `Tri Supriyanto` is as likely someone else.
    static let partialNameReach = 2000

    /// Whether `m` is one word of a person named earlier in the document (`Tri`, or a given name
    /// of ``givenNamesOfTheLanguage``: `Indah`), at most ``partialNameReach`` tokens before.
    func isLaterPartialName(_ m: Mention) -> Bool {
        guard m.end - m.start == 1 else { return false }
        let h = keyHash(m.start)
        guard let first = personWordHashes.mayContain(h) ? personWords[h] : givenNamesOfTheLanguage?[h] else { return false }
        return first < m.start && m.start - first <= Scan.partialNameReach
    }

    /// Whether `m` is an acronym the document defines in brackets (`Dinas Perindustrian
    /// (Disperin)`), there or later.
    func isDefinedAcronym(_ m: Mention) -> Bool {
        m.end - m.start == 1 && !acronyms.isEmpty && acronymHashes.mayContain(keyHash(m.start))
            && acronymTexts?.contains(doc.hash(ofToken: m.start)) == true
    }
}

extension Scan {
    /// A one-word name in brackets right after an organization or place that it shortens
    /// (its first letter, then its letters in order among the name's: `Gabungan Industri
    /// Kendaraan Bermotor Indonesia (Gaikindo)`, `Pemerintah Kota Bandung (Pemkot)`) is that
    /// organization or place again, whatever type the model gave it.
    func aliasesInBracketsTakeTheirNamesType() {
        let n = doc.tokens.count
        var byStart = [Int](filled: -1, count: n + 1)
        for k in mentions.indices where mentions[k].end - mentions[k].start == 1 { byStart[mentions[k].start] = k }
        for k in mentions.indices where mentions[k].type == .org || mentions[k].type == .loc {
            let a = mentions[k].end + 1
            guard a + 1 < n, flags[a - 1].contains(.openingBracket), flags[a + 1].contains(.closingBracket), byStart[a] >= 0,
                  case let j = byStart[a], mentions[j].type != mentions[k].type,
                  [.per, .org, .loc].contains(mentions[j].type), shortens(a, mentions[k].start..<mentions[k].end) else { continue }
            mentions[j].type = mentions[k].type
            mentions[j].subtype = mentions[k].subtype
        }
    }

    /// Whether word `a` (three letters or more) shortens the words `name`: its first letter is
    /// the name's, and its letters come in order among the name's letters.
    func shortens(_ a: Int, _ name: Range<Int>) -> Bool {
        let short = withKey(a) { Array($0) }
        var letters: [UInt8] = []
        for t in name { withKey(t) { letters.append(contentsOf: $0.filter { $0 != 0x20 }) } }
        guard short.count >= 3, short.count < letters.count, short.first == letters.first else { return false }
        var i = 0
        for b in letters where i < short.count && b == short[i] { i += 1 }
        return i == short.count
    }

    /// An organization the model found, then an untagged word in brackets that spells its
    /// initials, defines that acronym (`Indonesia Corruption Watch (ICW)`): the word is the
    /// organization too, and ``repeatNames()`` finds it again later in the document.
    func acronymsOfModelOrganizations() {
        let n = doc.tokens.count
        for k in mentions.indices where mentions[k].type == .org && mentions[k].lexiconID.isNone {
            let a = mentions[k].end + 1
            guard a + 1 < n, flags[a - 1].contains(.openingBracket), flags[a + 1].contains(.closingBracket),
                  kinds[a] == .word, allCaps(a), !covered[a] else { continue }
            let start = mentions[k].start, end = mentions[k].end
            let initials = (start..<end).compactMap { t in capitalized(t) || allCaps(t) ? bytes(of: t).first : nil }
            guard Initials.forms(initials).contains(Array(bytes(of: a))) else { continue }
            add(Mention(start: a, end: a + 1, type: .org, subtype: mentions[k].subtype))
        }
    }
}

extension Scan {
    /// One name, one reading in a document: a person or organization named again with
    /// the same words, capitalised and untagged, and not inside a longer run of capitalised
    /// words, is tagged as it was the first time (`KPK`, `Bursa Efek Indonesia`). A name read
    /// with two types in the document is left alone, and places are left to the model: a
    /// country is often a modifier (`pemerintah Indonesia`), not a place to tag again.
    func repeatNames() {
        let names = nameTable()
        guard !names.isEmpty else { return }
        let n = doc.tokens.count
        @inline(__always) func startsName(_ t: Int) -> Bool { capitalized(t) || allCaps(t) && kinds[t] == .word }
        // A neighbour that would make the words part of a longer name: capitalised, untagged,
        // and not a word of the language capitalised at a sentence's start (`Tawaran StarLine`).
        @inline(__always) func extends(_ t: Int) -> Bool { t >= 0 && t < n && startsName(t) && !covered[t] && !isCommonWord(t) }
        // A name starts only at a capital: the other tokens are passed over, not visited.
        var next = 0
        for c in capitals {
            let i = Int(c)
            guard i >= next, !covered[i], startsName(i), !extends(i - 1) else { continue }
            // The longest name from i, following the prefixes the names have.
            var found: (end: Int, code: Int32)?
            var end = i
            var run = runKeyHash(from: i)
            while end < n, !covered[end] {
                end += 1
                guard let v = names[extend(&run, to: end)] else { break }
                if v & RepeatedName.named != 0, v & 3 < 2, !extends(end) { found = (end, v & 3) }
                if v & RepeatedName.longer == 0 { break }
            }
            guard let (e, code) = found else { continue }
            add(Mention(start: i, end: e, type: code == 0 ? .per : .org))
            next = e
        }
    }

    /// A name the document shows speaking (`," kata Powell`, `," ujar George Santos`) or names
    /// with an honorific (`Pak Rosan`) is a person wherever the model read the same words as an
    /// organization or a place (`Powell menjelaskan`, `adalah George Santos, pendiri …`): one
    /// name, one type in a document. Words in capitals (`jelas CDC`) and lexicon names keep
    /// their types: organizations speak by them.
    func speakingNamesArePeople() {
        var speakers = HashedIntSet()
        for m in mentions where m.type == .per && m.end - m.start <= 4 && isUnlistedWord(m)
            && (isNamedAsSpeaker(m.start) || m.start > 0 && isHonorific(m.start - 1)) {
            speakers.insert(nameHash(m))
        }
        guard !speakers.isEmpty else { return }
        var places = Set<Int>()
        for p in ambiguousPlaces { places.insert(p.mention) }
        for k in mentions.indices where mentions[k].type == .org || mentions[k].type == .loc {
            let m = mentions[k]
            guard m.end - m.start <= 4, !m.isNested, isUnlistedWord(m), !places.contains(k), speakers.contains(nameHash(m)) else { continue }
            mentions[k].type = .per
            mentions[k].subtype = .none
        }
    }

    /// A name in the capacity of a role is a person (`Syahmirwan selaku Kepala Divisi
    /// Investasi`): a run of capitalised words right before `selaku` and a listed role that is
    /// no honorific. An unlisted place or organization the model read there, of at most four
    /// words and no organization or place word, becomes a person; where no mention stands, the
    /// run's last words that could be an unlisted name are one. ``attachAppositiveRoles()``
    /// then gives the person the role.
    func peopleInCapacityOfRoles() {
        // By token, the last mention (not nested) ending there + 1: made at the first `selaku`
        // after a mention, so that a document of thousands is not walked for each.
        var endingAt: [Int32]? = nil
        var k = 0
        while k < capitals.count {
            var last = k
            while last + 1 < capitals.count, capitals[last + 1] == capitals[last] + 1 { last += 1 }
            let first = Int(capitals[k]), end = Int(capitals[last]) + 1
            k = last + 1
            guard isInCapacityOfRole(end) else { continue }
            if covered[end - 1] {
                if endingAt == nil {
                    var column = [Int32](filled: 0, count: doc.tokens.count + 1)
                    for (j, m) in mentions.enumerated() where !m.isNested { column[m.end] = Int32(j + 1) }
                    endingAt = column
                }
                guard case let j = Int(endingAt![end]) - 1, j >= 0 else { continue }
                let m = mentions[j]
                guard m.type == .org || m.type == .loc, m.end - m.start <= 4, isUnlistedWord(m),
                      (m.start..<m.end).allSatisfy({ capitalized($0) && !hasAny($0, [.organization, .location]) }) else { continue }
                mentions[j].type = .per
                mentions[j].subtype = .none
            } else if let start = (max(first, end - 4)..<end).first(where: { s in
                opensName(s) && (s..<end).allSatisfy { !covered[$0] && isUnlistedNameWord($0) } }) {
                add(Mention(start: start, end: end, type: .per))
            }
        }
    }

    /// Whether token `t` is `selaku` followed by a listed role that is no honorific.
    func isInCapacityOfRole(_ t: Int) -> Bool {
        let n = doc.tokens.count
        guard t + 1 < n, isWord(t, in: Scan.inCapacityOf), capitalized(t + 1), let (entry, _) = lexiconMatch(t + 1, n) else { return false }
        return entry.type == .role && entry.subtype != "honorific"
    }

    /// A one-word organization after a person of two words or more that holds its word (`Toto`
    /// after `Toto Sugito`, where a Wikipedia title made `Toto` a company) is that person, as
    /// news names a person in full first and by one name later: one name, one reading. Lexicon
    /// names with an id, words in capitals and words of the language keep their types, and so
    /// does a word the document names as an organization before the person (`Nintendo`
    /// before `Nintendo Switch Lite`).
    func wordsOfPeopleArePeople() {
        // Most documents have no one-word organization to read again: no tables for them.
        guard mentions.contains(where: { $0.type == .org && $0.end - $0.start == 1 && isUnlistedWord($0) }) else { return }
        var firstPerson = HashedIntMap<Int>()
        for m in mentions where m.type == .per && m.end - m.start > 1 {
            for t in m.start..<m.end { firstPerson.insert(keyHash(t), m.start) }
        }
        guard !firstPerson.isEmpty else { return }
        var firstOrganization = HashedIntMap<Int>()
        for m in mentions where m.type == .org && m.end - m.start == 1 { firstOrganization.insert(keyHash(m.start), m.start) }
        for k in mentions.indices where mentions[k].type == .org && mentions[k].end - mentions[k].start == 1 {
            let m = mentions[k], t = m.start, h = keyHash(t)
            guard !m.isNested, isUnlistedWord(m), capitalized(t), let first = firstPerson[h], first < t,
                  first < firstOrganization[h] ?? t, !isCommonWord(t) else { continue }
            mentions[k].type = .per
            mentions[k].subtype = .none
        }
    }

    /// Takes a person's first word off when it is a word of the language that opens the
    /// sentence, is no given name and the rest is a person the document names elsewhere, or
    /// the first or last word of one (`Tampilan Ryan` with Ryan Reynolds, `Janji Burhanuddin`,
    /// `Jasad Endang`: the noun is capitalised only
    /// because the sentence starts with it). `Budi Santoso` keeps `Budi`, a given name.
    func commonWordsOffPeople() {
        // The people's names, and how many people end with each word.
        var names = HashedIntSet(), lastWords = HashedIntMap<Int>(), firstWords = HashedIntSet()
        for m in mentions where m.type == .per {
            _ = names.insert(nameHash(m))
            let last = keyHash(m.end - 1)
            lastWords[last] = (lastWords[last] ?? 0) + 1
            if m.end - m.start >= 2 { _ = firstWords.insert(keyHash(m.start)) }
        }
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start >= 2 {
            let m = mentions[k], s = m.start
            guard m.lexiconID.isNone, isSentenceStart(s) || s > 0 && flags[s - 1].contains(.openingQuote), isCommonWord(s),
                  !isGivenName(s), !isWordOfListedPeople(s), capitalized(s + 1) else { continue }
            var rest = m
            rest.start += 1
            // One word left: the last word of another person's name, or the first of a full name.
            let named = names.contains(nameHash(rest)) || rest.end - rest.start == 1
                && ((lastWords[keyHash(rest.start)] ?? 0) >= 2 || firstWords.contains(keyHash(rest.start)))
            if named { mentions[k].start = s + 1 }
        }
    }

    /// The hash of `m`'s key (its words' keys joined, ``extend(_:to:)``): a word's own key hash
    /// for a name of one word.
    func nameHash(_ m: Mention) -> Int {
        var run = runKeyHash(from: m.start)
        return extend(&run, to: m.end)
    }

    /// Whether a speech verb after a quote or a comma introduces token `t` as who spoke
    /// (`," ujar Argo`), not a verb inside a phrase (`destinasi seru Dubai`).
    func isNamedAsSpeaker(_ t: Int) -> Bool { t >= 2 && isAfterSpeechVerb(t) && kinds[t - 2] == .punctuation }

    /// Whether `m` is no lexicon name and not written in capitals.
    @inline(__always) func isUnlistedWord(_ m: Mention) -> Bool { m.lexiconID.isNone && !allCaps(m.start) }

    /// The value bits of ``nameTable()``.
    enum RepeatedName {
        /// A name ends with these words.
        static let named: Int32 = 4
        /// A longer name goes on from these words.
        static let longer: Int32 = 8
    }

    /// The names ``repeatNames()`` looks for and their first words, by the hashes of their
    /// keys (``extend(_:to:)``; 64 bits, as ``personWords`` keeps words): the name's type (0 a person, 1 an organization, 2 read both ways) in
    /// the low bits, ``RepeatedName/named`` when a name ends there, ``RepeatedName/longer``
    /// when a longer name goes on from there.
    func nameTable() -> HashedIntMap<Int32> {
        let named = RepeatedName.named, longer = RepeatedName.longer
        var words = 0
        for k in mentions.indices where !mentions[k].isNested && (mentions[k].type == .per || mentions[k].type == .org) {
            words += mentions[k].end - mentions[k].start
        }
        // Sized for every prefix of every name: the table never grows.
        var names = HashedIntMap<Int32>(capacity: max(8, words))
        let lowerHere = oneWordNameEvidence().writtenInLowerCase
        // A person shaped as a verb with `-kan` (`Tetapkan`) is no name to repeat.
        var verbs = HashedIntSet()
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start == 1 {
            let t = mentions[k].start
            if !isWordOfListedPeople(t), endsWithKan(t) { verbs.insert(keyHash(t)) }
        }
        for k in mentions.indices where !mentions[k].isNested && (mentions[k].type == .per || mentions[k].type == .org) {
            let start = mentions[k].start, last = mentions[k].end
            // A letter or two alone (`C`, `AS`) is too often something else, and a word this
            // document also writes in lower case (`Nomor` and `nomor`), or a person shaped as a
            // verb, is a name only where it was read as one, unless it is a word of a person's
            // name here or in the lexicon.
            if last - start == 1, withKey(start, { $0.count }) < 3 || !lowerHere.isEmpty && lowerHere.contains(lowercaseHash(start))
                || !verbs.isEmpty && verbs.contains(keyHash(start)) { continue }
            let code: Int32 = mentions[k].type == .per ? 0 : 1
            var run = runKeyHash(from: start)
            for end in start + 1...last {
                let h = extend(&run, to: end)
                let mark = end == last ? named | code : longer
                guard let old = names.insert(h, mark) else { continue }
                var merged = old | mark & (named | longer)
                if end == last { merged = merged & ~3 | (old & named != 0 && old & 3 != code ? 2 : code) }
                names[h] = merged
            }
        }
        return names
    }
}

extension Scan {
    /// A person's name goes on over one or two lower-case particles (``personNameParticles``)
    /// to the capitalised word after them (`Leonardo da Vinci`, `Edwin van der Sar`, where
    /// only the first name was found) and starts at the capitalised words before them
    /// (`David da Silva`, where only `Silva` was): one person, not a name beside untagged
    /// words. A person found on the other side is taken in; words of other mentions, cue
    /// words, roles and a common word opening the sentence (`Gol David da Silva`) stay out.
    func namesAcrossParticles() {
        func isNextToParticle(_ m: Mention) -> Bool { isNameParticle(m.end) || isNameParticle(m.start - 1) }
        guard mentions.contains(where: { $0.type == .per && isNextToParticle($0) }) else { return }
        // The people by first and by last token, for the names taken in (few: particles are rare).
        var byStart: [Int: Int] = [:], byEnd: [Int: Int] = [:]
        for k in mentions.indices where mentions[k].type == .per && !mentions[k].isNested {
            byStart[mentions[k].start] = k; byEnd[mentions[k].end] = k
        }
        var taken = Set<Int>(), changed = false
        for k in mentions.indices where mentions[k].type == .per && !mentions[k].isNested && isNextToParticle(mentions[k]) {
            guard !taken.contains(k) else { continue }
            var name = mentions[k]
            if let end = nameAfterParticles(name.end, people: byStart) {
                if let p = byStart[end.start], p != k { taken.insert(p) }
                name.end = end.end
            }
            if let start = nameBeforeParticles(name.start, people: byEnd) {
                if let p = byEnd[start.end], p != k { taken.insert(p) }
                name.start = start.start
            }
            guard name != mentions[k] else { continue }
            name.lexiconID = .none
            mentions[k] = name
            changed = true
        }
        if !taken.isEmpty { removeMentions(taken.sorted()) } else if changed { coverMentions() }
    }

    /// The name that goes on after particles from token `t`: where its next word starts and
    /// where it ends (the end of the person of `people`, by first token, starting there, if
    /// one does); nil when none goes on.
    func nameAfterParticles(_ t: Int, people: [Int: Int]) -> (start: Int, end: Int)? {
        guard isNameParticle(t), let q = afterParticles(t, tokenCount), mayJoinName(q) else { return nil }
        if covered[q] {
            guard let p = people[q] else { return nil }
            return (q, mentions[p].end)
        }
        var end = q + 1
        while end < tokenCount, end - q < 3, capitalized(end), !allCaps(end), !covered[end], mayJoinName(end) { end += 1 }
        return (q, end)
    }

    /// The name that reaches back over particles before token `t` to one or two capitalised
    /// words: where it starts and where its words before the particles end (the start of the
    /// person of `people`, by end, ending there, if one does); nil when none does.
    func nameBeforeParticles(_ t: Int, people: [Int: Int]) -> (start: Int, end: Int)? {
        guard t > 1, isNameParticle(t - 1), let p = particlesBefore(t, after: 0), mayJoinName(p - 1),
              !isCommonWordOpeningSentence(p - 1) else { return nil }
        if covered[p - 1] {
            guard let k = people[p] else { return nil }
            return (mentions[k].start, p)
        }
        var start = p - 1
        while start > 0, p - 1 - start < 2, capitalized(start - 1), !allCaps(start - 1), !covered[start - 1],
              mayJoinName(start - 1), !isCommonWordOpeningSentence(start - 1) {
            start -= 1
        }
        return (start, p)
    }

    /// Whether capitalised token `t` may be a word of a person's name: no cue word of a place,
    /// organization, date or speech, and no role.
    func mayJoinName(_ t: Int) -> Bool {
        capitalized(t) && !hasAny(t, [.organization, .location, .placeWord, .facility, .event, .day, .month, .speech])
            && lexiconMatch(t, tokenCount)?.0.type != .role
    }

    /// Whether token `t` opens its sentence and is a word of the language, not a given name
    /// (`Gol`, `Kata`): capitalised only because the sentence starts with it.
    func isCommonWordOpeningSentence(_ t: Int) -> Bool {
        isSentenceStart(t) && isCommonWord(t) && !isGivenName(t)
    }
}

extension Scan {
    /// An organization of four words or more that a reporting verb follows ends in its speaker
    /// when its last one or two capitalised words are a name the document gives a person alone
    /// (`PT Eigerindo Multi Produk Industri` | `Zafrullah Sunyaruri menuturkan`, where `lanjut
    /// Zafrullah` comes later): the organization is cut there and the rest is that person. A
    /// listed place or organization among those words keeps them in (`AHASS Todo Stanley Depok`).
    func organizationsEndingInSpeakers() {
        guard mentions.contains(where: { $0.type == .org && $0.end - $0.start >= 4 && $0.end < tokenCount && isSubjectVerb($0.end) })
        else { return }
        let alone = wordsNamedAlone(mentions)
        guard !alone.isEmpty else { return }
        var people: [Mention] = []
        for k in mentions.indices where !mentions[k].isNested && mentions[k].lexiconID.isNone {
            guard let p = speakerEnding(mentions[k], isNamedAlone: { alone.contains(self.keyHash($0)) }) else { continue }
            people.append(Mention(start: p, end: mentions[k].end, type: .per))
            mentions[k].end = p
        }
        guard !people.isEmpty else { return }
        mentions.append(contentsOf: people)
        coverMentions()
    }

    /// Where the person starts in organization `s` (``organizationsEndingInSpeakers()``), or nil.
    func speakerEnding(_ s: Mention, isNamedAlone: (Int) -> Bool) -> Int? {
        guard s.type == .org, s.end - s.start >= 4, s.end < tokenCount, isSubjectVerb(s.end) else { return nil }
        func isNameWord(_ t: Int) -> Bool {
            kinds[t] == .word && capitalized(t) && !allCaps(t) && !isCommonWord(t) && cues[t].isEmpty
                && lexiconMatch(t, s.end).map({ $0.0.type == .per }) ?? true
        }
        if isNameWord(s.end - 1), isNameWord(s.end - 2), isNamedAlone(s.end - 2) || isNamedAlone(s.end - 1) { return s.end - 2 }
        return isNameWord(s.end - 1) && isNamedAlone(s.end - 1) ? s.end - 1 : nil
    }
}
