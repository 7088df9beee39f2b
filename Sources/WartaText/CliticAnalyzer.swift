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
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, _ table: inout TokenTable) {
        if let candidates = table.cliticCandidates {
            analyze(text, &table, candidates: candidates)
            return
        }
        var found: [(Int, CliticSplit)] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        buffer.withUnsafeMutableBufferPointer { buf in
            table.kinds.withUnsafeBufferPointer { kinds in
            table.flags.withUnsafeBufferPointer { flags in
            table.starts.withUnsafeBufferPointer { starts in
            table.ends.withUnsafeBufferPointer { ends in
                let skip: TokenFlags = [.nonASCII, .hasDigit, .allCaps]
                for i in 0..<kinds.count where kinds[i] == .word {
                    let f = flags[i]
                    if !f.isDisjoint(with: skip) { continue }
                    let s = Int(starts[i]), e = Int(ends[i])
                    let len = e - s
                    if len < 4 || len > 64 || !CliticAnalyzer.mayHaveClitic(text, s, e) { continue }
                    // Lower-cased copy: clitics are matched case-insensitively.
                    for k in 0..<len {
                        let b = text[s + k]
                        buf[k] = (b &- 0x41) < 26 ? b | 0x20 : b
                    }
                    let w = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buf)[0..<len])
                    let split = analyze(w, capitalized: f.contains(.capitalized))
                    if split.isSplit { found.append((i, split)) }
                }
            }}}}
        }
        for (i, split) in found { table.setClitic(i, split) }
    }

    private func analyze(_ text: UnsafeBufferPointer<UInt8>, _ table: inout TokenTable, candidates: [Int32]) {
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            let buf = raw.bindMemory(to: UInt8.self)
            for c in candidates {
                let i = Int(c)
                let s = Int(table.starts[i]), e = Int(table.ends[i])
                let len = e - s
                for k in 0..<len {
                    let b = text[s + k]
                    buf[k] = (b &- 0x41) < 26 ? b | 0x20 : b
                }
                let split = analyze(UnsafeBufferPointer(rebasing: UnsafeBufferPointer(buf)[0..<len]),
                                    capitalized: table.flags[i].contains(.capitalized))
                if split.isSplit { table.setClitic(i, split) }
            }
        }
    }

    /// A cheap test on the raw bytes: does the word end like `-nya`, `-lah`, `-kah`, `-pun`,
    /// `-ku`, `-mu` or start like `ku-`, `kau-`? Most words do not, and skip the lookups.
    @inline(__always)
    static func mayHaveClitic(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        // Compare packed, lower-cased bytes with few branches: this runs for every word.
        let tail = (UInt32(p[e - 3]) << 16 | UInt32(p[e - 2]) << 8 | UInt32(p[e - 1])) | 0x20_2020
        let head = (UInt32(p[s]) << 8 | UInt32(p[s + 1])) | 0x2020
        let tail2 = tail & 0xFFFF
        // -nya -lah -kah -pun, then -ku -mu ku-
        return tail == 0x6E_7961 || tail == 0x6C_6168 || tail == 0x6B_6168 || tail == 0x70_756E
            || tail2 == 0x6B75 || tail2 == 0x6D75 || head == 0x6B75
    }

    /// The analysis of a lower-case word.
    public func analyze(_ word: String, capitalized: Bool = false) -> CliticSplit {
        let bytes = Array(word.lowercased().utf8)
        return bytes.withUnsafeBufferPointer { analyze($0, capitalized: capitalized) }
    }

    func analyze(_ w: UnsafeBufferPointer<UInt8>, capitalized: Bool) -> CliticSplit {
        if lexicon.cliticExceptions.contains(w) { return .none }
        let n = w.count
        // Two enclitics: -nya/-ku/-mu followed by -lah/-kah/-pun.
        if n > 6, hasSuffix(w, "lah") || hasSuffix(w, "kah") || hasSuffix(w, "pun") {
            let inner = UnsafeBufferPointer(rebasing: w[0..<(n - 3)])
            if !lexicon.cliticExceptions.contains(inner) {
                let first = enclitic(inner, capitalized: capitalized, allowParticles: false)
                if first > 0 {
                    return CliticSplit(prefix: 0, suffix1: UInt8(first), suffix2: 3)
                }
            }
        }
        let suffix = enclitic(w, capitalized: capitalized, allowParticles: true)
        let prefix = proclitic(UnsafeBufferPointer(rebasing: w[0..<(n - suffix)]), whole: w)
        return CliticSplit(prefix: UInt8(prefix), suffix1: UInt8(suffix), suffix2: 0)
    }

    @inline(__always)
    func hasSuffix(_ w: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        let c = s.utf8CodeUnitCount
        guard w.count > c else { return false }
        for k in 0..<c where w[w.count - c + k] != s.utf8Start[k] { return false }
        return true
    }

    @inline(__always)
    func known(_ w: UnsafeBufferPointer<UInt8>) -> Bool { lexicon.knownWords.contains(w) }

    @inline(__always)
    func lexical(_ w: UnsafeBufferPointer<UInt8>) -> Bool { lexicon.lexicalWords.contains(w) }

    @inline(__always)
    func hasVowel(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        w.contains { $0 == 0x61 || $0 == 0x65 || $0 == 0x69 || $0 == 0x6F || $0 == 0x75 }
    }

    /// Length of the enclitic at the end of `w`, or 0.
    func enclitic(_ w: UnsafeBufferPointer<UInt8>, capitalized: Bool, allowParticles: Bool) -> Int {
        let n = w.count
        if hasSuffix(w, "nya") {
            let base = UnsafeBufferPointer(rebasing: w[0..<(n - 3)])
            guard base.count >= 2, hasVowel(base), base.last != UInt8(ascii: "-") else { return 0 }
            // se-…-nya adverbs: sebelumnya, seharusnya, sedikitnya.
            if base.count > 4, base[0] == UInt8(ascii: "s"), base[1] == UInt8(ascii: "e"),
               known(UnsafeBufferPointer(rebasing: base[2...])), !lexical(base) {
                return 0
            }
            return 3
        }
        if allowParticles, hasSuffix(w, "lah") || hasSuffix(w, "kah") || hasSuffix(w, "pun") {
            let base = UnsafeBufferPointer(rebasing: w[0..<(n - 3)])
            if base.count >= 2, knownOrDerived(base), !lexical(w), !derived(w, from: lexicon.lexicalWords) { return 3 }
            return 0
        }
        if !capitalized, hasSuffix(w, "ku") || hasSuffix(w, "mu") {
            let base = UnsafeBufferPointer(rebasing: w[0..<(n - 2)])
            if base.count >= 3, knownOrDerived(base), !lexical(w), !derived(w, from: lexicon.lexicalWords) { return 2 }
        }
        return 0
    }

    /// A known word, or one built from a known root with common affixes
    /// (`ambilkan`, `dibunuh`, `berkata`, `menanyakan`).
    func knownOrDerived(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        known(w) || derived(w, from: lexicon.knownWords)
    }

    /// Whether `w` is an affixed form of a word in `words` (`bermasalah` of `masalah`).
    func derived(_ w: UnsafeBufferPointer<UInt8>, from words: ByteStringTable) -> Bool {
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
                if words.contains(UnsafeBufferPointer(rebasing: w[prefix.count..<(n - s)])) { return true }
            }
        }
        return false
    }

    private static let prefixes: [[UInt8]] = ["", "di", "ber", "ter", "ke", "se", "me", "mem", "men", "meng", "per"]
        .map { Array($0.utf8) }

    /// Length of a `ku-` or `kau-` proclitic at the start of `w`, or 0.
    func proclitic(_ w: UnsafeBufferPointer<UInt8>, whole: UnsafeBufferPointer<UInt8>) -> Int {
        guard w.count >= 5, w[0] == UInt8(ascii: "k") else { return 0 }
        if lexical(whole) || lexical(w) { return 0 }
        if w[1] == UInt8(ascii: "a"), w[2] == UInt8(ascii: "u"), w.count >= 6,
           known(UnsafeBufferPointer(rebasing: w[3...])) { return 3 }
        if w[1] == UInt8(ascii: "u"), known(UnsafeBufferPointer(rebasing: w[2...])) { return 2 }
        return 0
    }
}
