/// Finds clitics inside word tokens without changing the tokens, following UD Indonesian:
/// `bukunya` = `buku` + `nya`, `ambilkanlah` = `ambilkan` + `lah`, `apakah` = `apa` + `kah`,
/// `kuambil` = `ku` + `ambil`, `dirinyalah` = `diri` + `nya` + `lah`.
///
/// Rules, in order:
/// - Words in `Lexicons/clitic-exceptions.tsv` are never split (`akhirnya`, `adalah`, `meskipun`).
/// - `-nya` splits from any base of two or more letters, except `se…nya` adverbs whose
///   middle is a known word and whose `se…` is not a word of its own (`setinggi-tingginya`,
///   `sebaiknya`; but `sekitar+nya`, `sejarah+nya`).
/// - `-lah`, `-kah`, `-pun` split when the base is a known word and the whole is not a
///   lemma (`tidaklah`, but not `masalah`).
/// - `-ku`, `-mu` split from a known base of three or more letters when the whole is not a
///   lemma and the token is not capitalised (`rumahmu`, but not `buku`, `Maluku`).
/// - `ku-`, `kau-` split from a known base of three or more letters when the whole is not a
///   lemma (`kuambil`, but not `kuasa`).
public struct CliticAnalyzer: Sendable {
    /// The lexicon with exceptions and known words.
    public let lexicon: TokenizerLexicon

    /// Creates an analyser over `lexicon`.
    public init(lexicon: TokenizerLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// Analyses every word token of `table`, whose offsets point into `text`.
    public func analyze(_ text: [UInt8], _ table: inout TokenTable) {
        let bytes = text.span
        var buffer = InlineArray<64, UInt8>(repeating: 0)
        if let candidates = table.cliticCandidates {
            for c in candidates {
                let i = Int(c)
                let split = analyze(bytes.extracting(Int(table.starts[i])..<Int(table.ends[i])), lowercasingInto: &buffer,
                                    capitalized: table.flags[i].contains(.capitalized))
                if split.isSplit { table.setClitic(i, split) }
            }
            return
        }
        var found: [(Int, CliticSplit)] = []
        let skip: TokenFlags = [.nonASCII, .hasDigit, .allCaps]
        for i in 0..<table.count where table.kinds[i] == .word && table.flags[i].isDisjoint(with: skip) {
            let s = Int(table.starts[i]), e = Int(table.ends[i])
            guard e - s >= 4, e - s <= 64, CliticAnalyzer.mayHaveClitic(head: text[s], text[s + 1],
                                                                        tail: text[e - 3], text[e - 2], text[e - 1]) else { continue }
            let split = analyze(bytes.extracting(s..<e), lowercasingInto: &buffer, capitalized: table.flags[i].contains(.capitalized))
            if split.isSplit { found.append((i, split)) }
        }
        for (i, split) in found { table.setClitic(i, split) }
    }

    /// The analysis of `word` (its first 64 bytes: no longer word is a candidate), lower-cased
    /// into `buffer` first: clitics are matched case-insensitively.
    @inline(__always)
    func analyze(_ word: Span<UInt8>, lowercasingInto buffer: inout InlineArray<64, UInt8>,
                 capitalized: Bool) -> CliticSplit {
        let count = min(word.count, 64)
        for k in 0..<count {
            let b = word[k]
            buffer[k] = (b &- 0x41) < 26 ? b | 0x20 : b
        }
        return analyze(buffer.span.extracting(0..<count), capitalized: capitalized)
    }

    /// A cheap test on the raw bytes: does the word end like `-nya`, `-lah`, `-kah`, `-pun`,
    /// `-ku`, `-mu` or start like `ku-`, `kau-`? Most words do not, and skip the lookups.
    /// `h0`, `h1` are the word's first two bytes, `t0`, `t1`, `t2` its last three.
    @inline(__always)
    static func mayHaveClitic(head h0: UInt8, _ h1: UInt8, tail t0: UInt8, _ t1: UInt8, _ t2: UInt8) -> Bool {
        // Compare packed, lower-cased bytes with few branches: this runs for every word.
        let tail = (UInt32(t0) << 16 | UInt32(t1) << 8 | UInt32(t2)) | 0x20_2020
        let head = (UInt32(h0) << 8 | UInt32(h1)) | 0x2020
        let tail2 = tail & 0xFFFF
        // -nya -lah -kah -pun, then -ku -mu ku-
        return tail == 0x6E_7961 || tail == 0x6C_6168 || tail == 0x6B_6168 || tail == 0x70_756E
            || tail2 == 0x6B75 || tail2 == 0x6D75 || head == 0x6B75
    }

    /// The analysis of a lower-case word.
    public func analyze(_ word: String, capitalized: Bool = false) -> CliticSplit {
        let bytes = Array(word.lowercased().utf8)
        return analyze(bytes.span, capitalized: capitalized)
    }

    func analyze(_ w: Span<UInt8>, capitalized: Bool) -> CliticSplit {
        if lexicon.cliticExceptions.contains(w) { return .none }
        let n = w.count
        // Two enclitics: -nya/-ku/-mu followed by -lah/-kah/-pun.
        if n > 6, hasSuffix(w, "lah") || hasSuffix(w, "kah") || hasSuffix(w, "pun") {
            let inner = w.extracting(0..<(n - 3))
            if !lexicon.cliticExceptions.contains(inner) {
                let first = enclitic(inner, capitalized: capitalized, allowParticles: false)
                if first > 0 {
                    return CliticSplit(prefix: 0, suffix1: UInt8(first), suffix2: 3)
                }
            }
        }
        let suffix = enclitic(w, capitalized: capitalized, allowParticles: true)
        let prefix = proclitic(w.extracting(0..<(n - suffix)), whole: w)
        return CliticSplit(prefix: UInt8(prefix), suffix1: UInt8(suffix), suffix2: 0)
    }

    @inline(__always)
    func hasSuffix(_ w: Span<UInt8>, _ s: StaticString) -> Bool {
        let c = s.utf8CodeUnitCount
        guard w.count > c else { return false }
        for k in 0..<c where w[w.count - c + k] != s.utf8Start[k] { return false }
        return true
    }

    @inline(__always)
    func known(_ w: Span<UInt8>) -> Bool { lexicon.knownWords.contains(w) }

    @inline(__always)
    func lexical(_ w: Span<UInt8>) -> Bool { lexicon.lexicalWords.contains(w) }

    @inline(__always)
    func hasVowel(_ w: Span<UInt8>) -> Bool {
        for k in w.indices where w[k] == 0x61 || w[k] == 0x65 || w[k] == 0x69 || w[k] == 0x6F || w[k] == 0x75 { return true }
        return false
    }

    /// Length of the enclitic at the end of `w`, or 0.
    func enclitic(_ w: Span<UInt8>, capitalized: Bool, allowParticles: Bool) -> Int {
        let n = w.count
        if hasSuffix(w, "nya") {
            let base = w.extracting(0..<(n - 3))
            guard base.count >= 2, hasVowel(base), base[base.count - 1] != UInt8(ascii: "-") else { return 0 }
            // se-…-nya adverbs: sebelumnya, seharusnya, sedikitnya.
            if base.count > 4, base[0] == UInt8(ascii: "s"), base[1] == UInt8(ascii: "e"),
               known(base.extracting(2...)), !lexical(base) {
                return 0
            }
            return 3
        }
        if allowParticles, hasSuffix(w, "lah") || hasSuffix(w, "kah") || hasSuffix(w, "pun") {
            let base = w.extracting(0..<(n - 3))
            if base.count >= 2, knownOrDerived(base), !lexical(w), !derived(w, from: lexicon.lexicalWords) { return 3 }
            return 0
        }
        if !capitalized, hasSuffix(w, "ku") || hasSuffix(w, "mu") {
            let base = w.extracting(0..<(n - 2))
            if base.count >= 3, knownOrDerived(base), !lexical(w), !derived(w, from: lexicon.lexicalWords) { return 2 }
        }
        return 0
    }

    /// A known word, or one built from a known root with common affixes
    /// (`ambilkan`, `dibunuh`, `berkata`, `menanyakan`).
    func knownOrDerived(_ w: Span<UInt8>) -> Bool {
        known(w) || derived(w, from: lexicon.knownWords)
    }

    /// Whether `w` is an affixed form of a word in `words` (`bermasalah` of `masalah`).
    func derived(_ w: Span<UInt8>, from words: ByteStringTable) -> Bool {
        let n = w.count
        var suffixes = [0]
        if hasSuffix(w, "kan") { suffixes.append(3) }
        if hasSuffix(w, "an") { suffixes.append(2) }
        if hasSuffix(w, "i") { suffixes.append(1) }
        for prefix in CliticAnalyzer.prefixes {
            guard n > prefix.count + 2 else { continue }
            var matches = true
            for (k, b) in prefix.enumerated() where w[k] != b { matches = false; break }
            guard matches else { continue }
            for s in suffixes where n - prefix.count - s >= 3 && prefix.count + s > 0 {
                if words.contains(w.extracting(prefix.count..<(n - s))) { return true }
            }
        }
        return false
    }

    private static let prefixes: [[UInt8]] = ["", "di", "ber", "ter", "ke", "se", "me", "mem", "men", "meng", "per"]
        .map { Array($0.utf8) }

    /// Length of a `ku-` or `kau-` proclitic at the start of `w`, or 0.
    func proclitic(_ w: Span<UInt8>, whole: Span<UInt8>) -> Int {
        guard w.count >= 5, w[0] == UInt8(ascii: "k") else { return 0 }
        if lexical(whole) || lexical(w) { return 0 }
        if w[1] == UInt8(ascii: "a"), w[2] == UInt8(ascii: "u"), w.count >= 6,
           known(w.extracting(3...)) { return 3 }
        if w[1] == UInt8(ascii: "u"), known(w.extracting(2...)) { return 2 }
        return 0
    }
}
