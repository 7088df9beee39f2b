import Testing
import WartaText
@testable import WartaEntities

/// The faster forms of the merge and repeat passes' helpers give exactly what the plain forms gave.
@Suite("Merge and repeat pass shortcuts")
struct MergeSpeedTests {
    static let text = """
        Kepala Dinas Perindustrian Kota Semarang, Tri Supriyanto, mengatakan Nomor itu tidak \
        berlaku. Namun nomor lain masih dipakai warga. Dalam rapat, Tri menyebut Pangan dan \
        ketahanan pangan. Ia juga bertemu Wahyu di Kantor Pajak. Menurut Wahyu, pajak naik. \
        "Besar sekali," kata Supriyanto. Menko Pangan Zulkifli Hasan hadir. A a Ab ab É é.
        """

    static func scan(_ text: String = text) -> Scan {
        Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
    }

    /// A `HashedIntMap` read, written and inserted into through many growths holds what a
    /// `Dictionary` given the same steps holds, keys that share their low bits included.
    @Test func aHashedIntMapMatchesADictionary() {
        var map = HashedIntMap<Int32>()
        var plain: [Int: Int32] = [:]
        // Word hashes, and keys that collide in every table size (multiples of 2^20), and 0.
        let keys = (0..<700).map { ByteStringTable.hash(of: Array("kata\($0)".utf8)) } + (0..<60).map { $0 << 20 } + [0, -1, Int.min]
        for (n, k) in keys.enumerated() {
            if n % 3 == 0 {
                map[k] = Int32(n)
                plain[k] = Int32(n)
            } else {
                let old = map.insert(k, Int32(n))
                #expect(old == plain[k])
                if plain[k] == nil { plain[k] = Int32(n) }
            }
            // Overwrites of keys already in the map.
            if n % 7 == 0, case let j = keys[n / 2] {
                map[j] = -Int32(n)
                plain[j] = -Int32(n)
            }
        }
        #expect(map.count == plain.count)
        for k in keys { #expect(map[k] == plain[k]) }
        for k in (0..<200).map({ ByteStringTable.hash(of: Array("lain\($0)".utf8)) }) { #expect(map[k] == plain[k]) }
    }

    /// A map half full grows when a key is added, never when a key it holds is set again
    /// (the per-document maps stay as small as they were).
    @Test func aHashedIntMapGrowsOnlyForANewKey() {
        func key(_ k: Int) -> Int { k &* 0x2545_F491_4F6C_DD1D }
        var map = HashedIntMap<Int>(capacity: 8)
        #expect(map.slotCount == 16)
        for k in 0..<8 { map[key(k)] = k }
        #expect(map.slotCount == 16 && map.count == 8)
        map[key(3)] = 30
        #expect(map.insert(key(5), 0) == 5)
        #expect(map.slotCount == 16 && map.count == 8)
        map[key(8)] = 8
        #expect(map.slotCount == 32 && map.count == 9)
        #expect(map[key(3)] == 30 && map[key(8)] == 8)
    }

    /// `CommonWords.contains(_:hash:)` with the scan's key hash answers as `contains(_:)`.
    @Test func commonWordsWithAKnownHash() {
        let scan = Self.scan()
        let words = TokenizerLexicon.builtIn.commonWords
        for i in 0..<scan.doc.tokens.count {
            let plain = scan.withKey(i) { words.contains($0) }
            let hashed = scan.withKey(i) { words.contains($0, hash: scan.keyHash(i)) }
            #expect(plain == hashed, "token \(i) \(scan.key(i))")
            #expect(scan.isCommonWord(i) == plain)
        }
        let besar = Array("besar".utf8)
        #expect(besar.withUnsafeBufferPointer { words.contains($0, hash: ByteStringTable.hash(of: besar)) })
    }

    /// A lone function word is found with the scan's key hash as the plain lookup finds it.
    @Test func loneFunctionWordsByTheKeyHash() {
        let scan = Self.scan()
        var found = 0
        for i in 0..<scan.doc.tokens.count {
            let plain = scan.capitalized(i) && !scan.allCaps(i) && scan.withKey(i) { EntityTagger.functionWords.value($0) != nil }
            #expect(scan.isLoneFunctionWord(i..<i + 1) == plain, "token \(i) \(scan.key(i))")
            if plain { found += 1 }
            if i + 2 <= scan.doc.tokens.count { #expect(!scan.isLoneFunctionWord(i..<i + 2)) }
        }
        #expect(found >= 3)  // Namun, Dalam, Ia, Menurut
    }

    /// The words written in lower case, found through the two-letter and length filter, are
    /// the ones a plain walk over every token finds, for one-word names of every shape.
    @Test func wordsWrittenInLowerCaseMatchAPlainWalk() {
        let scan = Self.scan()
        let doc = scan.doc
        let n = doc.tokens.count
        // Every capitalised word, and some lower-case ones and one-byte ones, as the names asked about.
        let tokens = (0..<n).filter { doc.tokens.kinds[$0] == .word }
        let fast = scan.wordsWrittenInLowerCase(among: tokens)
        let wanted = Set(tokens.map { doc.hash(ofToken: $0, lowercase: true) })
        var plain = Set<Int>()
        for t in 0..<n where doc.tokens.kinds[t] == .word && doc.tokens.flags[t].isDisjoint(with: [.capitalized, .allCaps]) {
            let h = doc.hash(ofToken: t, lowercase: true)
            if wanted.contains(h) { plain.insert(h) }
        }
        #expect(fast.count == plain.count)
        for h in wanted { #expect(fast.contains(h) == plain.contains(h)) }
        // `Nomor`/`nomor`, `Pangan`/`pangan`, `Pajak`/`pajak` are among them; `Wahyu` is not.
        for w in ["nomor", "pangan", "pajak"] { #expect(fast.contains(ByteStringTable.hash(of: Array(w.utf8)))) }
        #expect(!fast.contains(ByteStringTable.hash(of: Array("wahyu".utf8))))
        // Asked about the capitalised words alone, the same.
        let capitals = tokens.filter { !doc.tokens.flags[$0].isDisjoint(with: [.capitalized, .allCaps]) }
        let some = scan.wordsWrittenInLowerCase(among: capitals)
        let capitalHashes = Set(capitals.map { doc.hash(ofToken: $0, lowercase: true) })
        for h in capitalHashes { #expect(some.contains(h) == plain.contains(h)) }
    }

    /// The merge keeps each ambiguous place the rules found with its entry, pointing at the
    /// same mention where it now stands: what a dictionary from old mention to entry (the
    /// plain form, built here) gives for the mentions kept.
    @Test func theMergeKeepsAmbiguousPlacesWithTheirMentions() throws {
        // Places the lexicon lists with several codes, written as names.
        let lexicon = EntityLexicon.builtIn
        var names: [String] = []
        for i in 0..<lexicon.entries.count where names.count < 3 {
            let e = lexicon.entries[i]
            if e.isAmbiguous, e.type == .loc, e.tokenCount == 1, e.casePolicy == .capitalized, e.name.first?.isUppercase == true {
                names.append(e.name)
            }
        }
        try #require(names.count == 3)
        let text = "Warga \(names[0]) dan \(names[1]) mengadu di Kota Semarang. Camat \(names[2]) hadir di Jakarta. Warga \(names[0]) lega."
        let scan = Self.scan(text)
        scan.applyRules()
        let old = scan.mentions
        let before = scan.ambiguousPlaces
        #expect(!before.isEmpty)
        var plain: [Int: Int32] = [:]
        for p in before where plain[p.mention] == nil { plain[p.mention] = p.entry.index }
        // The model finds what the rules found, as places and people: the rules' mentions stand.
        scan.adopt(old.filter { [.per, .org, .loc].contains($0.type) })
        var expected: [(start: Int, end: Int, entry: Int32)] = []
        for (k, m) in old.enumerated() {
            if let e = plain[k], scan.mentions.contains(where: { $0.start == m.start && $0.end == m.end }) { expected.append((m.start, m.end, e)) }
        }
        let after = scan.ambiguousPlaces.map { (start: scan.mentions[$0.mention].start, end: scan.mentions[$0.mention].end, entry: $0.entry.index) }
        #expect(after.count == expected.count)
        for e in expected { #expect(after.contains { $0.start == e.start && $0.end == e.end && $0.entry == e.entry }) }
    }

    /// Whether a word is an acronym the document defines, asked by the hash of its text,
    /// answers as the dictionary of acronym texts does, for every token.
    @Test func aDefinedAcronymByItsTextsHash() {
        let text = """
            Dinas Perindustrian (Disperin) Kota Semarang dan Badan Pusat Statistik (BPS) mendata             usaha. Kata Disperin, data BPS dan DISPERIN berbeda; Bps tidak. Komisi Pemberantasan             Korupsi (KPK) memanggil Disperindag.
            """
        let scan = Self.scan(text)
        scan.applyRules()
        #expect(scan.acronyms.count >= 2)
        var found = 0
        for i in 0..<scan.doc.tokens.count {
            let m = Mention(start: i, end: i + 1, type: .org)
            let plain = scan.acronymHashes.mayContain(scan.keyHash(i)) && scan.acronyms[scan.text(i)] != nil
            #expect(scan.isDefinedAcronym(m) == plain, "token \(i) \(scan.text(i))")
            #expect(!scan.isDefinedAcronym(Mention(start: i, end: min(i + 2, scan.doc.tokens.count), type: .org)) || i + 1 == scan.doc.tokens.count)
            if plain { found += 1 }
        }
        #expect(found >= 4)
    }
    /// The rules' people by span answer as a walk of the mentions does, for every span of up
    /// to six tokens (a walk per span had made the merge quadratic in a run of acronyms).
    @Test func rulePeopleBySpanMatchAWalkOfTheMentions() {
        let scan = Self.scan()
        scan.applyRules()
        let people = scan.rulePersonSpans()
        let n = scan.doc.tokens.count
        var found = 0
        for start in 0..<n {
            for end in start + 1...min(n, start + 6) {
                let plain = scan.mentions.contains { $0.type == .per && $0.start == start && $0.end == end }
                #expect(people.contains(Scan.spanKey(start..<end)) == plain, "tokens \(start)..<\(end)")
                if plain { found += 1 }
            }
        }
        #expect(found >= 4)
    }

    /// A name the rules open with a place word stands against the model's spans inside it
    /// unless the model found a person there: what a walk of the spans inside it gives, asked
    /// once for the name, not once for each span inside (quadratic in a run of `Kota`).
    @Test func openedNamesHoldingAPersonMatchAWalkOfTheSpans() {
        let scan = Self.scan("Warga Kawasan Industri Wijaya Kusuma mengadu. Warga Kawasan Industri Budi Santoso datang.")
        scan.applyRules()
        let opened = scan.mentions.indices.filter { scan.mentions[$0].type != .per && scan.isOpenedByPlaceWord(scan.mentions[$0]) }
        #expect(opened.count == 2)
        let spans = opened.flatMap { k -> [Mention] in
            let m = scan.mentions[k]
            return [Mention(start: m.start + 2, end: m.end, type: k == opened[0] ? .org : .per)]
        }
        let plan = scan.mergePlan(spans)
        for k in plan.opened {
            let plain = plan.spans(inside: scan.mentions[k], spans).contains { $0.type == .per }
            #expect(plan.openedHoldingPerson.contains(k) == plain)
        }
        #expect(plan.openedHoldingPerson.count == 1)
    }
}
