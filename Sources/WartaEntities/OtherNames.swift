import WartaText

/// The words that give a person another name: `alias` right after the name (`Zulkifli Hasan
/// alias Zulhas`), and `akrab disapa` or `biasa dipanggil` before a nickname (`… atau yang
/// akrab disapa Gus Ipul`). The tagger makes the other name a person; the resolver makes it the
/// same person as the name before it.
enum OtherNames {
    static let alias = Array("alias".utf8)
    /// The nickname cues' first and second words.
    static let nicknameFirst = ["akrab", "biasa"].map { Array($0.utf8) }
    static let nicknameSecond = ["disapa", "dipanggil"].map { Array($0.utf8) }
    /// What may come between a name and the nickname cue after it (`atau`, `yang`, a comma).
    static let joiners = ["atau", "yang", ","].map { Array($0.utf8) }

    /// Whether token `t` of `doc` is `alias` in any case.
    static func isAlias(_ t: Int, _ doc: Document) -> Bool { isWord(t, alias, doc) }

    /// Whether the two tokens before `t` say a nickname follows (`akrab disapa`, `biasa dipanggil`).
    static func isNicknameCue(before t: Int, _ doc: Document) -> Bool {
        t >= 2 && nicknameFirst.contains { isWord(t - 2, $0, doc) } && nicknameSecond.contains { isWord(t - 1, $0, doc) }
    }

    /// Whether the name at token `start` is another name of the person whose name ends at
    /// token `end`: `alias` between them, or a nickname cue after `atau`, `yang` or a comma.
    static func isOtherName(_ start: Int, after end: Int, _ doc: Document) -> Bool {
        if start == end + 1 { return isAlias(end, doc) }
        guard start - end >= 2, start - end <= 5, isNicknameCue(before: start, doc) else { return false }
        return (end..<start - 2).allSatisfy { t in joiners.contains { isWord(t, $0, doc) } }
    }

    /// Whether token `t` of `doc` is `word` (lower-case ASCII) in any case.
    static func isWord(_ t: Int, _ word: [UInt8], _ doc: Document) -> Bool {
        isWordInAnyCase(doc.bytes, Int(doc.tokens.starts[t]), Int(doc.tokens.ends[t]), word)
    }
}

/// Whether bytes `s..<e` of `bytes` are `word` (lower-case ASCII letters or punctuation) in any case.
@inline(__always)
func isWordInAnyCase<C: RandomAccessCollection<UInt8>>(_ bytes: C, _ s: Int, _ e: Int, _ word: [UInt8]) -> Bool where C.Index == Int {
    guard e - s == word.count else { return false }
    for k in 0..<word.count where bytes[s + k] | 0x20 != word[k] { return false }
    return true
}

extension Scan {
    /// An all-capital word of three letters that spells the initials of a person of three words
    /// named in the document (`AHY` beside `Agus Harimurti Yudhoyono`, `BTP`) is that person,
    /// whatever the model read; a word of the language (`APA`), a listed organization or place
    /// and an acronym the document defines keep their readings. Longer acronyms are more often
    /// a term the model misread as a person (`Low Cost Green Car (LCGC)`).
    func initialsOfPeople() {
        guard !acronymCandidates.isEmpty else { return }
        var initials = HashedIntSet()
        for m in mentions where m.type == .per && m.end - m.start == 3 {
            if let h = initialsHash(m.start, m.end) { initials.insert(h) }
        }
        guard !initials.isEmpty else { return }
        func spellsInitials(_ t: Int) -> Bool {
            allCaps(t) && kinds[t] == .word && doc.tokens.count(t) == 3 && initials.contains(doc.hash(ofToken: t)) && !isCommonWord(t)
                && (lexiconMatch(t, t + 1).map { $0.0.type == .per } ?? true) && !isDefinedAcronym(Mention(start: t, end: t + 1, type: .org))
        }
        for k in mentions.indices where mentions[k].end - mentions[k].start == 1 && (mentions[k].type == .org || mentions[k].type == .loc)
            && mentions[k].lexiconID.isNone && spellsInitials(mentions[k].start) {
            mentions[k].type = .per
            mentions[k].subtype = .none
        }
        for c in acronymCandidates where !covered[Int(c)] && spellsInitials(Int(c)) { add(Mention(start: Int(c), end: Int(c) + 1, type: .per)) }
    }

    /// Initials after `berinisial` or `inisial` name a person (`tersangka berinisial DDS`, `pria
    /// berinisial SF`): news names suspects, victims and minors by them. A word in capitals of
    /// at most ``initialsLimit`` letters, or two or three such words (`berinisial AS dan`
    /// stops at `dan`), becomes one person whatever the model read (it takes capitals for an
    /// organization's acronym); so does an unlisted organization or place of the same one word
    /// elsewhere in the document (`Saat kejadian, NKGA berada …`).
    func peopleByInitials() {
        var people: [Range<Int>] = []
        for c in capitals {
            let t = Int(c)
            guard t > 0, isInitials(t), !(people.last.map { $0.contains(t) } ?? false), isInitialsCue(t - 1) else { continue }
            var end = t + 1
            while end < tokenCount, end - t < 3, isInitials(end) { end += 1 }
            people.append(t..<end)
        }
        guard !people.isEmpty else { return }
        var overlapping: [Int] = []
        for k in mentions.indices where people.contains(where: { $0.overlaps(mentions[k].start..<mentions[k].end) }) { overlapping.append(k) }
        // Both keep ``covered`` up to date; retyping leaves it as it is.
        removeMentions(overlapping)
        var words = HashedIntSet()
        for p in people {
            add(Mention(start: p.lowerBound, end: p.upperBound, type: .per))
            if p.count == 1 { words.insert(doc.hash(ofToken: p.lowerBound)) }
        }
        for k in mentions.indices where mentions[k].end - mentions[k].start == 1 && (mentions[k].type == .org || mentions[k].type == .loc)
            && mentions[k].lexiconID.isNone && isInitials(mentions[k].start) && words.contains(doc.hash(ofToken: mentions[k].start)) {
            mentions[k].type = .per
            mentions[k].subtype = .none
        }
    }

    /// The most letters of a word of initials (``peopleByInitials()``).
    static let initialsLimit = 5

    /// Whether token `t` is a word of capital letters short enough to be initials (`SF`, `A`).
    func isInitials(_ t: Int) -> Bool {
        kinds[t] == .word && (allCaps(t) || capitalized(t) && doc.tokens.count(t) == 1) && doc.tokens.count(t) <= Scan.initialsLimit
    }

    /// Whether token `t` is `berinisial` or `inisial` in lower case.
    func isInitialsCue(_ t: Int) -> Bool {
        !capitalized(t) && !allCaps(t) && isWord(t, in: Scan.initialsCues)
    }

    /// The words after which initials name a person.
    static let initialsCues: [[UInt8]] = ["berinisial", "inisial", "inisialnya"].map { Array($0.utf8) }

    /// The hash (as ``Document/hash(ofToken:lowercase:)`` hashes a word) of the first letters of
    /// tokens `start..<end`, or nil when one of them opens with no capital letter.
    func initialsHash(_ start: Int, _ end: Int) -> Int? {
        var h = ByteStringTable.hashStart
        for t in start..<end {
            let c = doc.bytes[Int(doc.tokens.starts[t])]
            guard c &- 0x41 < 26 else { return nil }
            h = ByteStringTable.hashStep(h, c)
        }
        return ByteStringTable.hashEnd(h)
    }
}
