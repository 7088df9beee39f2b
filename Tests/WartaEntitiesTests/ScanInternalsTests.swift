import Testing
import WartaText
@testable import WartaEntities

/// The scan's helpers that make the rules cheaper give what the slower forms gave.
@Suite("Scan internals")
struct ScanInternalsTests {
    static func scan(_ text: String) -> Scan {
        Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
    }

    /// A run's key hash grown a token at a time is the hash of the run's joined key, for every
    /// run, keyed tokens or not.
    @Test func aRunKeyHashIsTheHashOfTheJoinedKey() {
        let scan = Self.scan("Kepala Dinas Perindustrian Kota Semarang, Tri Supriyanto, mengatakan bahwa Rp 5 juta cukup.")
        let n = scan.doc.tokens.count
        for i in 0..<n {
            var run = scan.runKeyHash(from: i)
            for end in i + 1...min(n, i + 6) {
                let grown = scan.extend(&run, to: end)
                #expect(grown == scan.withKey(i, end) { ByteStringTable.hash(of: $0) }, "tokens \(i)..<\(end)")
            }
        }
    }

    /// The common-word answer kept per token is the lemma list's answer, asked twice.
    @Test func aCommonWordAnswerIsKeptAsFound() {
        let scan = Self.scan("Besar Daerah Supriyanto Semarang pusat Umum.")
        for i in 0..<scan.doc.tokens.count {
            let direct = scan.withKey(i) { scan.commonWords.contains($0) }
            #expect(scan.isCommonWord(i) == direct)
            #expect(scan.isCommonWord(i) == direct)
        }
    }

    /// A `HashedIntSet` holds what was inserted and nothing else, through growth.
    @Test func aHashedIntSetHoldsItsKeys() {
        var set = HashedIntSet()
        #expect(set.isEmpty)
        let keys = (0..<500).map { ByteStringTable.hash(of: Array("kata\($0)".utf8)) }
        for k in keys {
            let new = set.insert(k)
            #expect(new)
        }
        for k in keys {
            let new = set.insert(k)
            #expect(!new)
        }
        #expect(set.count == keys.count)
        for k in keys { #expect(set.contains(k)) }
        #expect(!set.contains(ByteStringTable.hash(of: Array("kata500".utf8))))
    }

    /// `HashedIntMap.insert` keeps the first value and returns it.
    @Test func aHashedIntMapInsertKeepsTheFirstValue() {
        var map = HashedIntMap<Int>()
        #expect(map.isEmpty)
        for k in 0..<100 {
            let old = map.insert(k * 7919, k)
            #expect(old == nil)
        }
        for k in 0..<100 {
            let old = map.insert(k * 7919, -1)
            #expect(old == k)
        }
        for k in 0..<100 { #expect(map[k * 7919] == k) }
        #expect(!map.isEmpty)
    }

    /// Packed initials are equal exactly when the letters are: the mix is one to one.
    @Test func packedInitialsAreOneToOne() {
        let forms: [[UInt8]] = ["KIW", "KIWK", "IW", "KPK", "BEI", "AB", "ABC", "ABCDEF"].map { Array($0.utf8) }
        let packed = forms.map { Scan.packedInitials($0) }
        #expect(Set(packed).count == forms.count)
        #expect(Scan.packedInitials(Array("KIW".utf8)) == Scan.packedInitials(Array("KIWK".utf8).dropLast()))
    }

    /// An abbreviation of a name read before is found by its initials, all of them or all but
    /// the last of four or more (`KIW`), and a word in capitals that spells no name is not.
    @Test func abbreviationsOfNamesReadBefore() {
        #expect(tagged("Kawasan Industri Wijaya Kusuma menambah lahan. Pengelola KIW menyebut hal itu.", model: nil)
                .contains("LOC KIW"))
        #expect(!tagged("Kawasan Industri Wijaya Kusuma menambah lahan. Pengelola XYZ menyebut hal itu.", model: nil)
                .contains { $0.hasSuffix(" XYZ") })
    }

    /// Capitalised words without a lexicon match or a cue still take an acronym defined
    /// earlier, and a name after a speech verb or a place word.
    @Test func unlistedNamesAfterTheirCues() {
        let mentions = tagged("Dinas Perindustrian (Disperin) hadir. Menurut Disperin, rapat di Quetta batal, kata Joko Susilo.", model: nil)
        #expect(mentions.filter { $0.hasSuffix(" Disperin") }.count == 2)
        #expect(mentions.contains("LOC Quetta"))
        #expect(mentions.contains("PER Joko Susilo"))
    }
}
