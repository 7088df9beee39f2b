import Testing
import WartaText
@testable import WartaEntities

/// The sequence model's fast paths give exactly what the plain definitions give: a word's
/// facts (key hash, affix hashes, shape), and the rows the scorer writes for a token.
@Suite("NER fast paths")
struct NERFastPathTests {
    static let texts = NERScorerTests.texts + [
        "Ia ke RSUD dr. Soetomo, lalu ke PT Kereta Api Indonesia (Persero) dan ke Dinas Pekerjaan Umum.",
        "a b cd efg hijk Étienne ÜBER naïve 2024 12,5 % @warta #pemilu e-KTP",
    ]

    /// FNV-1a of `bytes`, as the features hash keys.
    static func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The match key of token `t` as the facts read it: the scan's key, or the token's written.
    static func key(_ scan: Scan, _ t: Int) -> [UInt8] {
        if !scan.keyIsEmpty(t) { return scan.withKey(t) { Array($0) } }
        let token = Array(scan.doc.bytes[Int(scan.doc.tokens.starts[t])..<Int(scan.doc.tokens.ends[t])])
        var out = [UInt8](repeating: 0, count: MatchKey.capacity(for: token.count))
        let n = token.withUnsafeBufferPointer { t in out.withUnsafeMutableBufferPointer { MatchKey.write(t, to: $0.baseAddress!) } }
        return Array(out[0..<n])
    }

    /// A word's shape by its definition: a mark per byte class, runs collapsed, hashed.
    static func shape(_ token: ArraySlice<UInt8>) -> (UInt64, UInt8) {
        var marks: [UInt8] = [], short: UInt8 = 0
        for b in token {
            let (mark, bit): (UInt8, UInt8) = switch b {
            case 0x41...0x5A: (0x58, 1)
            case 0x61...0x7A, 0x80...: (0x78, 2)
            case 0x30...0x39: (0x64, 4)
            default: (b, 8)
            }
            short |= bit
            if marks.last != mark { marks.append(mark) }
        }
        return (fnv(marks[...]), short)
    }

    @Test func factsAreTheirDefinitions() throws {
        let model = try #require(NERModel.builtIn)
        let x = model.extractor
        var scratch: [UInt8] = []
        var checked = 0
        for text in Self.texts {
            let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
            for t in 0..<scan.doc.tokens.count {
                let f = x.facts(scan, t, &scratch)
                let key = Self.key(scan, t), n = key.count
                #expect(f.keyHash == Self.fnv(key[...]))
                #expect(f.length == n)
                let prefixes = (1...4).map { n >= $0 ? Self.fnv(key[0..<$0]) : 0 }
                let suffixes = (1...4).map { n >= $0 ? Self.fnv(key[(n - $0)...]) : 0 }
                #expect([f.prefixes.0, f.prefixes.1, f.prefixes.2, f.prefixes.3] == prefixes)
                #expect([f.suffixes.0, f.suffixes.1, f.suffixes.2, f.suffixes.3] == suffixes)
                let token = scan.doc.bytes[Int(scan.doc.tokens.starts[t])..<Int(scan.doc.tokens.ends[t])]
                let (shape, short) = Self.shape(token)
                #expect(f.shape == shape && f.shortShape == short)
                #expect(f.classes == x.classes.map { $0[Self.fnv(key[...])] } ?? 0)
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// The scorer's emissions (word sums from their rows in one loop, the cache's table sized
    /// for its limit) equal the feature rows' for the longer texts too.
    @Test func scorerMatchesRowsOnMoreWords() throws {
        let model = try #require(NERModel.builtIn)
        let (rows, scorer) = NERScorerTests.emissions(model, Self.texts + Self.texts.reversed())
        #expect(rows.count > 100)
        #expect(rows == scorer)
    }
}
