import WartaText

/// Headlines in title case (`Sri Mulyani Bicara Soal Coretax yang Bermasalah`): every word but
/// a few function words is capitalised, so a capital there is no sign of a name.
extension Scan {
    /// Whether `sentence` is a headline in title case: no period at its end, four words or more,
    /// at most one in four in lower case, and at least two capitalised common words
    /// (``isCommonWord(_:)``) after its first.
    func isTitleCase(_ sentence: Range<Int>) -> Bool {
        guard sentence.count >= 4, !isPeriod(sentence.upperBound - 1) else { return false }
        var words = 0, lower = 0, common = 0
        for i in sentence where kinds[i] == .word {
            words += 1
            if flags[i].isDisjoint(with: [.capitalized, .allCaps]) {
                lower += 1
            } else if i > sentence.lowerBound, flags[i].contains(.capitalized), !flags[i].contains(.allCaps), isCommonWord(i) {
                common += 1
            }
        }
        return words >= 4 && lower * 4 <= words && common >= 2
    }

    /// Whether one of `lines` (in text order) holds token `i`: a binary search.
    static func line(containing i: Int, in lines: [Range<Int>]) -> Bool {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return low < lines.count && lines[low].contains(i)
    }

    /// Whether token `i` is a given name the lexicon lists (`Budi`, `Bambang`: words of the
    /// language too, but names in a headline).
    func isGivenName(_ i: Int) -> Bool {
        // Given names only: the Wikipedia list holds common words and phrases as people
        // (`Bunuh diri`, `Gak`).
        lexiconMatch(i, i + 1).map { $0.0.type == .per && $0.0.subtype == "given_name" } ?? false
    }

    /// Whether token `i` is a full stop.
    private func isPeriod(_ i: Int) -> Bool {
        Int(doc.tokens.ends[i]) - Int(doc.tokens.starts[i]) == 1 && doc.bytes[Int(doc.tokens.starts[i])] == 0x2E
    }

    /// Whether token `t` has the shape of a verb (`-kan`; `di-`, `me-`, `ber-`, `ter-`, `per-`
    /// before four letters or more) or of a reduplication (`Gara-gara`).
    func looksLikeVerbOrReduplication(_ t: Int) -> Bool {
        if endsWithKan(t) { return true }
        return withKey(t) { key in
            let k = Array(key)
            if let dash = k.firstIndex(of: 0x2D), dash > 0, k[..<dash].elementsEqual(k[(dash + 1)...]) { return true }
            return ["di", "me", "ber", "ter", "per"].contains { p in k.count >= p.utf8.count + 4 && k.starts(with: p.utf8) }
        }
    }

    /// Whether token `t` is a word of six letters or more ending in `-kan` (`Tetapkan`).
    func endsWithKan(_ t: Int) -> Bool {
        withKey(t) { k in k.count >= 6 && k[k.count - 3] == 0x6B && k[k.count - 2] == 0x61 && k[k.count - 1] == 0x6E }
    }

    /// The key hashes of the words capitalised inside sentences outside the headlines
    /// ``titleCaseLines`` (not opening a sentence or a quote), gathered once a document from
    /// the capitalised tokens alone.
    func capitalizedOutsideHeadlines() -> HashedIntSet {
        if let known = wordsCapitalizedOutsideHeadlines { return known }
        var out = HashedIntSet(capacity: capitals.count)
        var s = 0, sentence = 0..<0, inHeadline = false
        for c in capitals {
            let t = Int(c)
            if t >= sentence.upperBound {
                while Int(doc.sentenceTokenStarts[s + 1]) <= t { s += 1 }
                sentence = Int(doc.sentenceTokenStarts[s])..<Int(doc.sentenceTokenStarts[s + 1])
                inHeadline = Scan.line(containing: sentence.lowerBound, in: titleCaseLines)
            }
            guard !inHeadline, t > sentence.lowerBound, capitalized(t), !flags[t - 1].contains(.openingQuote) else { continue }
            _ = out.insert(keyHash(t))
        }
        wordsCapitalizedOutsideHeadlines = out
        return out
    }

    /// The sentences of the document that are headlines in title case.
    func findTitleCaseLines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        for s in 0..<doc.sentenceRanges.count {
            let sentence = Int(doc.sentenceTokenStarts[s])..<Int(doc.sentenceTokenStarts[s + 1])
            if isTitleCase(sentence) { lines.append(sentence) }
        }
        return lines
    }

    /// Cuts each person in a title-case headline (``titleCaseLines``) before its first common word that is no given
    /// name (`Bambang Tri` of `Bambang Tri Ajukan Gugatan`; `Bambang` is a given name) and
    /// drops one that starts with such a word; a person the lexicon lists stands. A later word
    /// shaped as a verb or a reduplication (``looksLikeVerbOrReduplication(_:)``) that no lexicon
    /// person holds and the text never capitalises outside the headlines also ends it (`Prabowo`
    /// of `Prabowo Turunkan …`, `Amarah Prabowo Gara-gara Koruptor Dijerat …`).
    func trimPeopleInHeadlines() {
        let lines = titleCaseLines
        guard !lines.isEmpty else { return }
        // The words capitalised outside the headlines, gathered the first time a word needs them.
        var named: HashedIntSet? = nil
        // The new end of each mention that changes; most documents have none, and copy nothing.
        var ends: [(mention: Int, end: Int)] = []
        for k in mentions.indices where mentions[k].type == .per && mentions[k].lexiconID.isNone {
            let start = mentions[k].start, end = mentions[k].end
            guard Scan.line(containing: start, in: lines) else { continue }
            for t in start..<end {
                if isCommonWord(t) {
                    if isGivenName(t) { continue }
                } else if t == start || nameWords == nil || !looksLikeVerbOrReduplication(t) || isGivenName(t) || isWordOfListedPeople(t) {
                    continue
                } else {
                    if named == nil { named = capitalizedOutsideHeadlines() }
                    if named!.contains(keyHash(t)) { continue }
                }
                ends.append((k, t))
                break
            }
        }
        cut(ends)
    }

    /// Cuts the organizations and places that no lexicon lists, in the headlines in title case
    /// (``titleCaseLines``), before a verb in `-kan` that the document does not capitalise elsewhere
    /// (`Kemenkeu` | `Ingatkan Wajib Pajak …`, `Polres Sleman` | `Pastikan …`), or after a listed
    /// organization before a verb's base (``isWordAfterListedName(_:_:_:)``); nouns in `-an`
    /// (`Pendidikan`, `Kesehatan`) are no such verb. What is left links to its lexicon entry.
    func trimOrganizationsAndPlacesInHeadlines() {
        let lines = titleCaseLines
        guard !lines.isEmpty else { return }
        var named: HashedIntSet? = nil
        var ends: [(mention: Int, end: Int)] = []
        for k in mentions.indices where (mentions[k].type == .org || mentions[k].type == .loc) && mentions[k].lexiconID.isNone {
            let start = mentions[k].start, end = mentions[k].end
            guard end - start >= 2, Scan.line(containing: start, in: lines) else { continue }
            for t in start + 1..<end where endsWithKan(t) && !isNounInAn(t) || isWordAfterListedName(start, t, mentions[k].type) {
                if named == nil { named = capitalizedOutsideHeadlines() }
                if named!.contains(keyHash(t)) { continue }
                ends.append((k, t))
                break
            }
        }
        cut(ends)
        // What is left may be a listed name (`Kemenkeu`): its subtype and id come with it.
        for (k, end) in ends where mentions[k].end == end {
            guard let (entry, e) = lexiconMatch(mentions[k].start, end), e == end, entry.type == mentions[k].type else { continue }
            mentions[k].subtype = .subtype(of: entry)
            mentions[k].lexiconID = .id(of: entry)
        }
    }

    /// Whether a listed organization (`type`) runs from `start` to just before token `t`, the base
    /// of a verb: a headline's verb, its `meN-` dropped (`Bank Mandiri` | `Sambut Era Suku Bunga
    /// Rendah`, `DPR` | `Minta KPU …`).
    func isWordAfterListedName(_ start: Int, _ t: Int, _ type: EntityType) -> Bool {
        // Places only go on with words of their names (`Kolaka Timur`, `Pulau Kecil`), whatever
        // verbs share their spelling.
        guard type == .org, isVerbBase(t), !has(t, .organization), !has(t, .location) else { return false }
        return lexiconMatch(start, t).map { $0.1 == t && $0.0.type == type } ?? false
    }

    /// Whether the lemma list knows token `t`'s word with the active prefix `meN-` and nothing
    /// after it (`sambut` → `menyambut`, `minta` → `meminta`, `pangkas` → `memangkas`).
    func isVerbBase(_ t: Int) -> Bool {
        withKey(t) { key in
            guard key.count >= 3, let form = Scan.activeForm(of: Array(key)) else { return false }
            return form.withUnsafeBufferPointer { commonWords.containsInFirst($0) }
        }
    }

    /// `word` (lower case) with the prefix `meN-` as Indonesian spells it: `meng-` before a
    /// vowel, `g`, `h` and `k` (which drops), `mem-` before `b`, `f`, `v` and `p` (which drops),
    /// `men-` before `c`, `d`, `j`, `z` and `t` (which drops), `meny-` for `s`, `me-` before the
    /// others; nil when it does not open with a letter.
    static func activeForm(of word: [UInt8]) -> [UInt8]? {
        guard let first = word.first, first &- 0x61 < 26 else { return nil }
        let rest = Array(word.dropFirst())
        func prefixed(_ p: String, _ tail: [UInt8]) -> [UInt8] { Array(p.utf8) + tail }
        switch first {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x67, 0x68: return prefixed("meng", word)  // a e i o u g h
        case 0x6B: return prefixed("meng", rest)  // k
        case 0x62, 0x66, 0x76: return prefixed("mem", word)  // b f v
        case 0x70: return prefixed("mem", rest)  // p
        case 0x63, 0x64, 0x6A, 0x7A: return prefixed("men", word)  // c d j z
        case 0x74: return prefixed("men", rest)  // t
        case 0x73: return prefixed("meny", rest)  // s
        default: return prefixed("me", word)
        }
    }

    /// Whether token `t` has the shape of a noun in `pe-…-an` or `ke-…-an` (`Pendidikan`,
    /// `Kesehatan`, `Perikanan`), not of a verb in `-kan`.
    func isNounInAn(_ t: Int) -> Bool {
        withKey(t) { k in k.count >= 6 && (k.starts(with: "pe".utf8) || k.starts(with: "ke".utf8)) && k.reversed().starts(with: "na".utf8) }
    }

    /// Sets the end of each mention of `ends` and removes the mentions left empty.
    private func cut(_ ends: [(mention: Int, end: Int)]) {
        guard !ends.isEmpty else { return }
        for (k, end) in ends { mentions[k].end = end }
        var index: [Int?] = [], kept = 0
        for k in mentions.indices {
            index.append(mentions[k].end > mentions[k].start ? kept : nil)
            if mentions[k].end > mentions[k].start { kept += 1 }
        }
        mentions.removeAll { $0.end <= $0.start }
        ambiguousPlaces = ambiguousPlaces.compactMap { p in index[p.mention].map { ($0, p.entry) } }
        coverMentions()
    }
}
