import Testing
import WartaText
@testable import WartaEntities

/// The shortcuts of the rule passes (candidate bits, kept hash states, the lexicon search, the
/// order of the public mentions, codes matched by hash) give exactly what the plain forms give.
@Suite("Scan shortcuts")
struct ScanShortcutTests {
    static let text = """
        SEMARANG (Sigi Jateng) – Kepala Dinas Perindustrian Kota Semarang, Tri Supriyanto, mengatakan \
        bahwa Rp 5 juta cukup pada Senin (12/5/2022) pukul 10.15 WIB di Kelurahan Bugangan. \
        Menurut Dr. Ahmad dari Badan Pengawas Obat dan Makanan (BPOM), 60% warga ke Jl. Pemuda. \
        Ia datang ke PT Bank Rakyat Indonesia (Persero) Tbk bersama I Made Agus Hartawiguna.
        """

    static func scan(_ text: String = text) -> Scan {
        Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
    }

    /// The next candidate is the first token from `i` on that the sentence rules' test lets through.
    @Test func theNextCandidateIsTheFirstTokenTheRulesCanStartAt() {
        let scan = Self.scan()
        let n = scan.doc.tokens.count
        func startsRule(_ i: Int) -> Bool {
            !(scan.keyIsEmpty(i) || scan.cues[i].isEmpty && scan.flags[i].isDisjoint(with: [.capitalized, .allCaps])
                && scan.kinds[i] != .number)
        }
        for limit in [0, 1, n / 2, n - 1, n] where limit >= 0 && limit <= n {
            for i in 0...limit {
                let expected = (i..<limit).first(where: startsRule) ?? limit
                #expect(scan.nextCandidate(i, limit) == expected, "from \(i) below \(limit)")
            }
        }
    }

    /// A token's kept key hash is the hash of its key, asked once or twice.
    @Test func aKeptKeyHashIsTheHashOfTheKey() {
        let scan = Self.scan()
        for i in 0..<scan.doc.tokens.count {
            let direct = scan.withKey(i) { ByteStringTable.hash(of: $0) }
            #expect(scan.keyHash(i) == direct)
            #expect(scan.keyHash(i) == direct)
        }
    }

    /// The lexicon search finds the longest entry that the tokens' joined keys name, of the
    /// right length and case, over keyed tokens, as a search of every length finds it.
    @Test func theLexiconSearchFindsTheLongestListedRun() {
        let scan = Self.scan()
        let n = scan.doc.tokens.count
        for i in 0..<n {
            for limit in Set([min(n, i + 1), min(n, i + 3), n]) {
                var expected: (entry: Int, end: Int)?
                if scan.mayStartEntry(i) {
                    var j = i + 1
                    while j <= limit, j - i <= scan.lexicon.maxTokens, !scan.keyIsEmpty(j - 1) {
                        let key = scan.withKey(i, j) { Array($0) }
                        if let entry = scan.lexicon.entry(forKey: key), entry.tokenCount == j - i,
                           scan.casePolicyHolds(entry.casePolicy, i, j) {
                            expected = (Int(entry.index), j)
                        }
                        j += 1
                    }
                }
                let found = scan.lexiconMatchIndex(i, limit)
                #expect(found?.entry == expected?.entry && found?.end == expected?.end, "from \(i) below \(limit)")
            }
        }
    }

    /// The public mentions come by start and longest first, and mentions of the same tokens
    /// keep their order, as a stable sort leaves them.
    @Test func thePublicMentionsKeepTheStableOrder() {
        let scan = Self.scan()
        scan.mentions = [
            Mention(start: 5, end: 7, type: .org), Mention(start: 2, end: 3, type: .per),
            Mention(start: 5, end: 9, type: .loc), Mention(start: 5, end: 7, type: .loc),
            Mention(start: 0, end: 1, type: .loc, subtype: .media), Mention(start: 5, end: 7, type: .per),
            Mention(start: 2, end: 4, type: .org, role: .key(of: 1)),
        ]
        let expected = scan.mentions.sorted { ($0.start, $1.end) < ($1.start, $0.end) }.map(scan.entityMention)
        let found = scan.entityMentions()
        #expect(found.map(\.start) == [0, 2, 2, 5, 5, 5, 5])
        #expect(found.map(\.end) == expected.map(\.end))
        #expect(found.map(\.type) == [.loc, .org, .per, .loc, .org, .loc, .per])
        #expect(found.map(\.type) == expected.map(\.type))
        #expect(found.map(\.subtype) == expected.map(\.subtype))
        #expect(found.map(\.role) == expected.map(\.role))
    }

    /// A code's longest named prefix is found alike by hashes of bytes and by substrings.
    @Test func aNamedPrefixIsFoundAlikeByHashOrSubstring() {
        let named = ["33.74", "33.22.01", "35", "11.01.02.2001", "7.."]
        let bySubstring = Set(named.map { Substring($0) })
        var byHash = HashedIntSet()
        for id in named { byHash.insert(Scan.hash(id.utf8)) }
        for id in ["33.74.03.1006", "33.22.01.2003", "35.01", "11.01.02.2001", "34.01.01.1001", "7..", "7...1", ".33", "", "33..74"] {
            #expect(Scan.namedPrefixLevel(of: id, in: byHash) == Scan.namedPrefixLevel(of: id, in: bySubstring), "\(id)")
        }
        #expect(Scan.namedPrefixLevel(of: "33.74.03.1006", in: byHash) == 2)
        #expect(Scan.namedPrefixLevel(of: "34.01.01.1001", in: byHash) == 0)
    }

    /// A listed word matches only byte for byte, whatever its length.
    @Test func aListedWordMatchesByteForByte() {
        let words: [[UInt8]] = ["for", "of", "and"].map { Array($0.utf8) }
        #expect(Scan.isWritten(Array("of".utf8), in: words))
        #expect(Scan.isWritten(Array("and".utf8), in: words))
        #expect(!Scan.isWritten(Array("Of".utf8), in: words))
        #expect(!Scan.isWritten(Array("fo".utf8), in: words))
        #expect(!Scan.isWritten(Array("ands".utf8), in: words))
        #expect(!Scan.isWritten([UInt8](), in: words))
    }
}
