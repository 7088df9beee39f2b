import WartaText

/// The labels the sequence model gives a token: BIO over PER, ORG and LOC (slot 7 is padding,
/// so a weight row is eight lanes).
enum NERLabel {
    static let count = 7
    static let o = 0
    /// `B-` label of a type (PER 1, ORG 3, LOC 5); the `I-` label is one more.
    static func begin(_ type: EntityType) -> Int? {
        switch type {
        case .per: 1
        case .org: 3
        case .loc, .fac: 5
        default: nil
        }
    }
    /// The type a `B-`/`I-` label stands for.
    static func type(_ label: Int) -> EntityType { label <= 2 ? .per : label <= 4 ? .org : .loc }
    static func isInside(_ label: Int) -> Bool { label != 0 && label & 1 == 0 }
    /// Whether `label` may follow `previous` (an `I-` only after its own `B-` or `I-`).
    static func allowed(_ previous: Int, _ label: Int) -> Bool {
        !isInside(label) || previous == label || previous == label - 1
    }
}

/// Feature templates, mixed into every feature's hash.
enum NERTemplate: UInt64 {
    case bias = 1, word, prev1, prev2, next1, next2, prevWord, wordNext, prefix, suffix, shape, prevShape, nextShape,
         shapes, capitals, gazetteer, gazetteerType, prevGazetteer, nextGazetteer, multiWord, prevCue, nextCue,
         length, firstWord, commonWord, acronym, prev1Capital, next1Capital, rule, prevRule, nextRule, ruleWord, prevWordShape, nextWordShape, prevBigram, nextBigram,
         docTypes, docMajority, class64, class256, class1024, prevClass, nextClass
}

/// Where the sequence model decodes: maximal runs of tokens that may be part of a name
/// (capitalised or all-capital words and abbreviations, and at most two other tokens between
/// them), so running lower-case text is `O` without scoring.
enum NERWindows {
    /// Whether token `i` may start or end a name.
    @inline(__always)
    static func isCandidate(_ flags: TokenFlags, _ kind: TokenKind) -> Bool {
        flags.rawValue & (TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue) != 0
            && (kind == .word || kind == .abbreviation || kind == .hashtag || kind == .mention)
    }

    /// Cue classes of a word that may open a name in lower case (`desa Kramas`, `kota Pati`,
    /// `wilayah Jabotabek`).
    static let openingCues: EntityTagger.Cue = [.location, .placeWord, .facility, .organization]

    /// Calls `body` with each window of the sentence `range`: a run of candidates with at most
    /// two other tokens between them, widened by a place or organization word before it and by
    /// a closing bracket after it (`Bursa Efek Indonesia (BEI)`).
    static func forEach(in range: Range<Int>, flags: UnsafeBufferPointer<TokenFlags>, kinds: UnsafeBufferPointer<TokenKind>,
                        cues: UnsafeBufferPointer<EntityTagger.Cue>, _ body: (Range<Int>) -> Void) {
        var i = range.lowerBound
        var lastEnd = range.lowerBound
        while i < range.upperBound {
            guard isCandidate(flags[i], kinds[i]) else { i += 1; continue }
            var start = i
            if start > lastEnd, kinds[start - 1] == .word, !cues[start - 1].isDisjoint(with: openingCues) { start -= 1 }
            var end = i + 1
            var j = end
            while j < range.upperBound, j - end <= 2 {
                if isCandidate(flags[j], kinds[j]) { end = j + 1 }
                if flags[j].contains(.terminal) { break }
                j += 1
            }
            if end < range.upperBound, flags[end].contains(.closingBracket) { end += 1 }
            body(start..<end)
            lastEnd = end
            i = end
        }
    }
}

/// Turns the tokens of a window into hashed feature indices: the word's match key, its
/// affixes (1–4 bytes), shape, capitalisation in context, the words around it (±2), the
/// gazetteer matches over it (type, subtype, position B/I/E/S), words of multi-word lexicon
/// names, cue classes of its neighbours, and the word classes of it and its neighbours.
struct NERFeatureExtractor {
    /// log2 of the number of weight rows.
    let bits: Int
    /// Whether the gazetteer features are on.
    let gazetteer: Bool
    /// Whether the rule tagger's mentions are features.
    let rules: Bool
    /// Words of multi-word lexicon names, by key hash: bit 1 PER, 2 ORG, 4 LOC.
    let multiWord: WordIndex<UInt8>
    /// The words' distributional classes (``WordClasses``); no class features when nil.
    let classes: WordIndex<WordClasses.Packed>?
    /// Whether a second pass reads the first pass's tags of the same words elsewhere in the
    /// document (``DocumentEvidence``).
    var document = false

    /// An extractor for a table of `2^bits` rows, with the given feature groups.
    init(bits: Int, gazetteer: Bool, rules: Bool, multiWord: WordIndex<UInt8>, classes: WordIndex<WordClasses.Packed>? = nil,
         document: Bool = false) {
        self.bits = bits; self.gazetteer = gazetteer; self.rules = rules
        self.multiWord = multiWord; self.classes = classes; self.document = document
    }

    /// Match-key hashes, shapes, gazetteer codes: the per-token facts a window needs, for its
    /// tokens and two on each side.
    struct TokenFacts {
        var keyHash: UInt64 = 0
        var shape: UInt64 = 0
        var shortShape: UInt8 = 0
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var length = 0
        /// The word's classes (``WordClasses/Packed``), 0 for none.
        var classes: WordClasses.Packed = 0
    }

    /// The rows a token's word sums hold without classes (``NERScorer``): bias, key, affixes,
    /// shape and length, the words around it and the shapes next to it.
    static let baseWordRows = 18
    /// The rows a token's word sums hold: ``baseWordRows``, and with classes the word's three
    /// classes and those of the words next to it.
    var wordRows: Int { classes == nil ? NERFeatureExtractor.baseWordRows : NERFeatureExtractor.baseWordRows + 5 }

    @inline(__always) static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        return x &* 0xc4ce_b9fe_1a85_ec53
    }

    @inline(__always) static func fnv(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in from..<to { h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3 }
        return h
    }

    /// The hash of a word's match key (as ``multiWord`` is keyed).
    static func wordHash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 { fnv(key, 0, key.count) }

    /// The row of feature `value` of `template`.
    @inline(__always) func row(_ template: NERTemplate, _ value: UInt64) -> Int32 {
        NERFeatureExtractor.row(template, value, bits: bits)
    }

    /// The row of feature `value` of `template` in a table of `2^bits` rows.
    @inline(__always) static func row(_ template: NERTemplate, _ value: UInt64, bits: Int) -> Int32 {
        Int32(truncatingIfNeeded: NERFeatureExtractor.mix(template.rawValue &* 0x9e37_79b9_7f4a_7c15, value) &>> UInt64(64 - bits))
    }

    /// The facts of token `i` of `scan`, its key written through `scratch`.
    func facts(_ scan: Scan, _ i: Int, _ scratch: inout [UInt8]) -> TokenFacts {
        let doc = scan.doc
        let s = Int(doc.tokens.starts[i]), e = Int(doc.tokens.ends[i])
        // The rule scan keyed the tokens around capitals already; others are keyed here.
        var f: TokenFacts
        if !scan.keyIsEmpty(i) {
            f = scan.withKey(i) { NERFeatureExtractor.keyFacts($0) }
        } else {
            let capacity = MatchKey.capacity(for: e - s)
            if scratch.count < capacity { scratch = [UInt8](filled: 0, count: capacity * 2) }
            f = doc.bytes.withUnsafeBufferPointer { text in
                scratch.withUnsafeMutableBufferPointer { out in
                    let n = MatchKey.write(UnsafeBufferPointer(rebasing: text[s..<e]), to: out.baseAddress!)
                    return NERFeatureExtractor.keyFacts(UnsafeBufferPointer(rebasing: out[0..<n]))
                }
            }
        }
        if let index = classes { f.classes = index[f.keyHash] }
        (f.shape, f.shortShape) = doc.bytes.withUnsafeBufferPointer { NERFeatureExtractor.shape($0, s, e) }
        return f
    }

    /// The facts of a word that its match key `key` gives: the key's hash, length, and the
    /// hashes of its first and last one to four bytes (0 past the key's length).
    @inline(__always)
    static func keyFacts(_ key: UnsafeBufferPointer<UInt8>) -> TokenFacts {
        var f = TokenFacts()
        let n = key.count
        // The prefixes' hashes are the key's hash after one to four bytes.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for k in 0..<n {
            h = (h ^ UInt64(key[k])) &* 0x100_0000_01b3
            switch k {
            case 0: prefixes.0 = h
            case 1: prefixes.1 = h
            case 2: prefixes.2 = h
            case 3: prefixes.3 = h
            default: break
            }
        }
        f.keyHash = h
        f.length = n
        f.prefixes = prefixes
        f.suffixes = suffixes(key)
        return f
    }

    /// The hashes of the last one to four bytes of `key` (0 for those past its length).
    @inline(__always)
    static func suffixes(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64, UInt64) {
        let n = key.count
        func step(_ h: UInt64, _ k: Int) -> UInt64 { (h ^ UInt64(key[k])) &* 0x100_0000_01b3 }
        let h0: UInt64 = 0xcbf2_9ce4_8422_2325
        switch n {
        case 0: return (0, 0, 0, 0)
        case 1: return (step(h0, 0), 0, 0, 0)
        case 2: return (step(h0, 1), step(step(h0, 0), 1), 0, 0)
        case 3: return (step(h0, 2), step(step(h0, 1), 2), step(step(step(h0, 0), 1), 2), 0)
        default:
            return (step(h0, n &- 1), step(step(h0, n &- 2), n &- 1), step(step(step(h0, n &- 3), n &- 2), n &- 1),
                    step(step(step(step(h0, n &- 4), n &- 3), n &- 2), n &- 1))
        }
    }

    /// The shape of `text[s..<e]`: X upper, x lower (and any non-ASCII byte), d digit, other
    /// bytes as themselves, runs collapsed to one mark, hashed; and its short shape (bit 1
    /// upper, 2 lower, 4 digit, 8 other).
    @inline(__always)
    static func shape(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (UInt64, UInt8) {
        var shape: UInt64 = 0xcbf2_9ce4_8422_2325
        var last: UInt8 = 0
        var classes: UInt8 = 0
        for k in s..<e {
            let b = text[k]
            let c: UInt8
            if b &- 0x41 < 26 { c = 0x58; classes |= 1 } else if b &- 0x61 < 26 || b >= 0x80 { c = 0x78; classes |= 2 }
            else if b &- 0x30 < 10 { c = 0x64; classes |= 4 } else { c = b; classes |= 8 }
            if c != last { shape = (shape ^ UInt64(c)) &* 0x100_0000_01b3; last = c }
        }
        return (shape, classes)
    }

    /// Appends the feature rows of each token of `window` to `rows` (`stride` per token,
    /// unused slots -1), reading facts of the tokens around it from `facts` (indexed from
    /// `window.lowerBound - 2`).
    func features(_ scan: Scan, window: Range<Int>, sentence: Range<Int>, facts: [TokenFacts],
                  gazetteerCodes: GazetteerCodes, ruleCodes: [UInt8], headline: NERWindowFeatures.HeadlineCase, into rows: inout [Int32], stride: Int) {
        let base = window.lowerBound - 2
        let flags = scan.flags
        for i in window {
            var n = 0
            let at = rows.count
            rows.append(contentsOf: repeatElement(-1, count: stride))
            func add(_ t: NERTemplate, _ v: UInt64) { if n < stride { rows[at + n] = row(t, v); n += 1 } }
            let f = facts[i - base]
            let p1 = i - 1 >= sentence.lowerBound ? facts[i - 1 - base].keyHash : 1
            let p2 = i - 2 >= sentence.lowerBound ? facts[i - 2 - base].keyHash : 2
            let n1 = i + 1 < sentence.upperBound ? facts[i + 1 - base].keyHash : 3
            let n2 = i + 2 < sentence.upperBound ? facts[i + 2 - base].keyHash : 4
            add(.bias, 0)
            add(.word, f.keyHash)
            add(.prev1, p1); add(.prev2, p2); add(.next1, n1); add(.next2, n2)
            add(.prevWord, NERFeatureExtractor.mix(p1, f.keyHash))
            add(.wordNext, NERFeatureExtractor.mix(f.keyHash, n1))
            add(.prefix, f.prefixes.0 ^ 1); add(.prefix, f.prefixes.1 ^ 2); add(.prefix, f.prefixes.2 ^ 3); add(.prefix, f.prefixes.3 ^ 4)
            add(.suffix, f.suffixes.0 ^ 1); add(.suffix, f.suffixes.1 ^ 2); add(.suffix, f.suffixes.2 ^ 3); add(.suffix, f.suffixes.3 ^ 4)
            add(.shape, f.shape)
            add(.prevWordShape, NERFeatureExtractor.mix(p1, UInt64(f.shortShape)))
            add(.nextWordShape, NERFeatureExtractor.mix(n1, UInt64(f.shortShape)))
            add(.prevBigram, NERFeatureExtractor.mix(p2, p1))
            add(.nextBigram, NERFeatureExtractor.mix(n1, n2))
            let ps = i - 1 >= sentence.lowerBound ? facts[i - 1 - base].shortShape : 99
            let ns = i + 1 < sentence.upperBound ? facts[i + 1 - base].shortShape : 99
            add(.prevShape, UInt64(ps)); add(.nextShape, UInt64(ns))
            if classes != nil {
                let (c64, c256, c1024) = WordClasses.values(f.classes)
                add(.class64, c64); add(.class256, c256); add(.class1024, c1024)
                add(.prevClass, i - 1 >= sentence.lowerBound ? WordClasses.middle(facts[i - 1 - base].classes) : WordClasses.outside)
                add(.nextClass, i + 1 < sentence.upperBound ? WordClasses.middle(facts[i + 1 - base].classes) : WordClasses.outside)
            }
            add(.shapes, UInt64(ps) << 16 | UInt64(f.shortShape) << 8 | UInt64(ns))
            let first = i == sentence.lowerBound || (i - 1 >= sentence.lowerBound && flags[i - 1].contains(.openingQuote))
            let capital = flags[i].contains(.capitalized), caps = flags[i].contains(.allCaps)
            add(.capitals, (first ? 1 : 0) | (capital ? 2 : 0) | (caps ? 4 : 0) | headline.rawValue)
            add(.length, UInt64(min(f.length, 12)) << 4 | UInt64(f.shortShape))
            if first { add(.firstWord, f.keyHash) }
            if capital, scan.isCommonWord(i) { add(.commonWord, first ? 1 : 0) }
            let pc = i - 1 >= sentence.lowerBound ? UInt64(flags[i - 1].rawValue & 3) : 9
            let nc = i + 1 < sentence.upperBound ? UInt64(flags[i + 1].rawValue & 3) : 9
            add(.prev1Capital, pc << 4 | UInt64(flags[i].rawValue & 3))
            add(.next1Capital, nc << 4 | UInt64(flags[i].rawValue & 3))
            if i - 1 >= sentence.lowerBound, !scan.cues[i - 1].isEmpty { add(.prevCue, UInt64(scan.cues[i - 1].rawValue)) }
            if i + 1 < sentence.upperBound, !scan.cues[i + 1].isEmpty { add(.nextCue, UInt64(scan.cues[i + 1].rawValue)) }
            if gazetteer {
                for j in 0..<gazetteerCodes.count(i - base) {
                    let code = gazetteerCodes.code(i - base, j)
                    add(.gazetteer, code)
                    add(.gazetteerType, code & 0xFFFF)
                }
                for j in 0..<gazetteerCodes.count(i - 1 - base) { add(.prevGazetteer, gazetteerCodes.code(i - 1 - base, j) & 0xFFFF) }
                for j in 0..<gazetteerCodes.count(i + 1 - base) { add(.nextGazetteer, gazetteerCodes.code(i + 1 - base, j) & 0xFFFF) }
                if capital || caps, case let m = multiWord[f.keyHash], m != 0 { add(.multiWord, UInt64(m)) }
            }
            if rules { NERFeatureExtractor.ruleFeatures(ruleCodes, i, sentence: sentence, key: f.keyHash, add) }
        }
    }

    /// The features of the rule mentions over token `i` and its neighbours (``ruleCodes(_:)``),
    /// through `add`: for training here and for tagging in ``NERScorer``.
    @inline(__always)
    static func ruleFeatures<Codes: RandomAccessCollection<UInt8>>(_ ruleCodes: Codes, _ i: Int, sentence: Range<Int>, key: UInt64,
                                                                 _ add: (NERTemplate, UInt64) -> Void) where Codes.Index == Int {
        let r = ruleCodes[i]
        let pr = i - 1 >= sentence.lowerBound ? ruleCodes[i - 1] : 0
        let nr = i + 1 < sentence.upperBound ? ruleCodes[i + 1] : 0
        add(.rule, UInt64(r))
        add(.prevRule, UInt64(pr) << 8 | UInt64(r))
        add(.nextRule, UInt64(nr) << 8 | UInt64(r))
        if r != 0 { add(.ruleWord, NERFeatureExtractor.mix(key, UInt64(r))) }
    }

    /// The rule mentions of the document by token: type code, position (B, I, E, S) and
    /// whether a role came with it (empty when the rule features are off).
    func ruleCodes(_ scan: Scan) -> [UInt8] {
        guard rules else { return [] }
        var codes = [UInt8](filled: 0, count: scan.doc.tokens.count)
        for k in scan.mentions.indices {
            let start = scan.mentions[k].start, end = scan.mentions[k].end
            let type = NERFeatureExtractor.typeCode(scan.mentions[k].type), role: UInt8 = !scan.mentions[k].role.isNone ? 0x80 : 0
            for t in start..<end {
                let pos: UInt8 = end - start == 1 ? 3 : t == start ? 0 : t == end - 1 ? 2 : 1
                codes[t] = type | pos << 4 | role
            }
        }
        return codes
    }

    /// The gazetteer codes of the tokens of `window` and two on each side (indexed from
    /// `window.lowerBound - 2`): for each lexicon match starting in the window, for each token
    /// it covers, its type, subtype and the token's position (B, I, E, S).
    func gazetteerCodes(_ scan: Scan, window: Range<Int>, sentence: Range<Int>, into codes: inout GazetteerCodes) {
        let base = window.lowerBound - 2
        codes.reset(window.count + 4)
        guard gazetteer else { return }
        let columns = scan.lexicon.columns
        var i = max(sentence.lowerBound, base)
        let limit = min(sentence.upperBound, window.upperBound + 2)
        while i < limit {
            // No entry starts at most tokens (lower-case words): the lookup's own first test, inline.
            if scan.mayStartEntry(i), let (index, end) = scan.lexiconMatchIndex(i, sentence.upperBound) {
                let entry = codes.entryCode(index, columns)
                for t in i..<min(end, window.upperBound + 2) {
                    let pos: UInt64 = end - i == 1 ? 3 : t == i ? 0 : t == end - 1 ? 2 : 1
                    codes.append(t - base, entry | pos << 4)
                }
            }
            i += 1
        }
    }

    static func typeCode(_ t: EntityType) -> UInt8 {
        switch t {
        case .per: 1
        case .org: 2
        case .loc: 3
        case .fac: 4
        case .event: 5
        case .role: 6
        default: 7
        }
    }

    static func fnv16(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h & 0xFFFF
    }

    /// The words of multi-word PER, ORG and LOC entries (not villages) of `lexicon`, by key
    /// hash: bit 1 PER, 2 ORG, 4 LOC.
    static func multiWordIndex(_ lexicon: EntityLexicon, analyzer: TextAnalyzer = TextAnalyzer()) -> [UInt64: UInt8] {
        var out: [UInt64: UInt8] = [:]
        var key: [UInt8] = []
        for entry in lexicon.entries where entry.tokenCount > 1 && entry.casePolicy != .cued {
            let bit: UInt8
            switch entry.type {
            case .per: bit = 1
            case .org: bit = 2
            case .loc, .fac: bit = 4
            default: continue
            }
            var name = entry.name
            let n = name.withUTF8 { EntityLexicon.key(of: $0, into: &key, analyzer: analyzer) }
            guard n > 1 else { continue }
            key.withUnsafeBufferPointer { k in
                var s = 0
                for j in 0...k.count where j == k.count || k[j] == 0x20 {
                    // Only words that look like names: three bytes or more.
                    if j - s >= 3 { out[fnv(k, s, j), default: 0] |= bit }
                    s = j + 1
                }
            }
        }
        return out
    }
}

/// Word key hashes → small values (type bits of multi-word names, word classes), open
/// addressing: the index the features probe once per word.
struct WordIndex<Value: FixedWidthInteger & Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private let mask: Int
    /// 64 minus log2 of the table size: a key's first slot is its top bits after a multiply
    /// (the low bits of an FNV hash cluster).
    private let shift: UInt64

    init(_ entries: [UInt64: Value]) { self.init(pairs: entries.lazy.map { ($0.key, $0.value) }, count: entries.count) }

    /// An index of `count` (key, value) pairs; a repeated key keeps its last value.
    init<S: Sequence>(pairs: S, count: Int) where S.Element == (UInt64, Value) {
        var size = 16
        while size < count * 2 { size <<= 1 }
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        // Built once at start-up (the model's word indexes), so its pages are mapped at once.
        keys = Prefault.filledArray(0, count: size)
        values = Prefault.filledArray(0, count: size)
        for (k, v) in pairs where k != 0 {
            var slot = WordIndex.slot(k, shift)
            while keys[slot] != 0 && keys[slot] != k { slot = (slot + 1) & mask }
            keys[slot] = k; values[slot] = v
        }
    }

    /// The entries, for writing a model.
    var entries: [UInt64: Value] {
        var out: [UInt64: Value] = [:]
        for (k, v) in zip(keys, values) where k != 0 { out[k] = v }
        return out
    }

    /// The first slot of `key` in a table of `2^(64 - shift)` slots.
    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) &>> shift) }

    /// The value of `key`, 0 when absent.
    subscript(_ key: UInt64) -> Value {
        keys.withUnsafeBufferPointer { keys in
            var slot = WordIndex.slot(key, shift)
            while true {
                let k = keys[slot]
                if k == key { return values[slot] }
                if k == 0 { return 0 }
                slot = (slot &+ 1) & mask
            }
        }
    }
}

/// Distributional word classes (`Lexicons/word-clusters.tsv`, built by
/// `Scripts/build-word-clusters.py` from unlabelled news text): words used alike share a
/// class at three sizes (64, 256 and 1,024 classes), so the model generalises from a name it
/// was trained on to one used the same way.
enum WordClasses {
    /// A word's classes packed: 64-class in bits 0–7, 256-class in 8–15, 1,024-class in 16–26,
    /// bit 31 set (0: not a known word).
    typealias Packed = UInt32

    /// The classes of `Lexicons/word-clusters.tsv`, by the hash of each word's match key.
    static func builtIn(analyzer: TextAnalyzer = TextAnalyzer()) -> WordIndex<Packed> {
        index(EmbeddedWordClusters.wordClusters, analyzer: analyzer)
    }

    /// The classes of a `word<TAB>c64<TAB>c256<TAB>c1024` text; `#` lines, malformed lines and
    /// words the tokenizer splits (`(kpu)`) are skipped.
    static func index(_ text: String, analyzer: TextAnalyzer = TextAnalyzer()) -> WordIndex<Packed> {
        var out: [UInt64: Packed] = [:]
        var key: [UInt8] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 4, let a = UInt32(fields[1]), let b = UInt32(fields[2]), let c = UInt32(fields[3]),
                  a < 64, b < 256, c < 1024 else { continue }
            var word = String(fields[0])
            let n = word.withUTF8 { EntityLexicon.key(of: $0, into: &key, analyzer: analyzer) }
            guard n == 1 else { continue }
            out[key.withUnsafeBufferPointer { NERFeatureExtractor.wordHash($0) }] = a | b << 8 | c << 16 | 1 << 31
        }
        return WordIndex(out)
    }

    /// The three class values of a packed word (a value of its own for words without classes).
    @inline(__always)
    static func values(_ packed: Packed) -> (UInt64, UInt64, UInt64) {
        if packed == 0 { return (0xFFFF, 0xFFFF, 0xFFFF) }
        return (UInt64(packed & 0xFF), UInt64(packed >> 8 & 0xFF), UInt64(packed >> 16 & 0x7FF))
    }

    /// The 256-class of a neighbour (``values(_:)``'s middle value), for the rows of the word
    /// before and after.
    @inline(__always)
    static func middle(_ packed: Packed) -> UInt64 { packed == 0 ? 0xFFFF : UInt64(packed >> 8 & 0xFF) }

    /// The value standing for the neighbour of a sentence's first or last token.
    static let outside: UInt64 = 0xFFFE
}

/// The gazetteer codes of a window's tokens, at most ``slots`` per token, in one flat buffer
/// reused from window to window.
struct GazetteerCodes {
    static let slots = 8
    private var codes: [UInt64] = []
    private var counts: [UInt8] = []
    /// The hash of each subtype of the lexicon (``NERFeatureExtractor/fnv16(_:)``), by subtype
    /// index; -1 until asked.
    private var subtypeHashes: [Int32] = []

    /// The code of lexicon entry `index` (of `columns`) without the token's position: its
    /// subtype's hash, whether it matches in any case, and its type.
    mutating func entryCode(_ index: Int, _ columns: EntityLexicon.Columns) -> UInt64 {
        let s = Int(columns.subtypeIndexes[index])
        if s >= subtypeHashes.count { subtypeHashes.append(contentsOf: repeatElement(-1, count: s + 1 - subtypeHashes.count)) }
        var sub = subtypeHashes[s]
        if sub < 0 {
            sub = Int32(NERFeatureExtractor.fnv16(columns.subtypes[s]))
            subtypeHashes[s] = sub
        }
        let type = UInt64(NERFeatureExtractor.typeCode(EntityLexicon.Columns.types[Int(columns.types[index])]))
        let cased: UInt64 = CasePolicy(rawValue: columns.policies[index]) == .any ? 1 : 0
        return UInt64(sub) << 16 | cased << 8 | type
    }

    /// Empties the buffer for `tokens` tokens.
    mutating func reset(_ tokens: Int) {
        if counts.count < tokens {
            counts = [UInt8](filled: 0, count: tokens * 2)
            codes = [UInt64](filled: 0, count: tokens * 2 * GazetteerCodes.slots)
        } else {
            counts.withUnsafeMutableBufferPointer { $0[0..<tokens].update(repeating: 0) }
        }
    }

    /// Forgets the subtypes' hashes (for another document, maybe of another lexicon).
    mutating func forgetSubtypes() { subtypeHashes.removeAll(keepingCapacity: true) }

    /// Adds `code` to token `k` (dropped when the token has all its slots).
    mutating func append(_ k: Int, _ code: UInt64) {
        let n = Int(counts[k])
        guard n < GazetteerCodes.slots else { return }
        codes[k * GazetteerCodes.slots + n] = code
        counts[k] = UInt8(n + 1)
    }

    /// The number of codes of token `k`.
    @inline(__always) func count(_ k: Int) -> Int { Int(counts[k]) }
    /// Code `j` of token `k`.
    @inline(__always) func code(_ k: Int, _ j: Int) -> UInt64 { codes[k * GazetteerCodes.slots + j] }

    /// The codes in place, read as ``count(_:)`` and ``code(_:_:)`` read them.
    struct Columns {
        let counts: UnsafeBufferPointer<UInt8>
        let codes: UnsafeBufferPointer<UInt64>
        @inline(__always) func count(_ k: Int) -> Int { Int(counts[k]) }
        @inline(__always) func code(_ k: Int, _ j: Int) -> UInt64 { codes[k &* GazetteerCodes.slots &+ j] }
    }

    /// Calls `body` with the codes in place.
    func withColumns<R>(_ body: (Columns) -> R) -> R {
        counts.withUnsafeBufferPointer { counts in codes.withUnsafeBufferPointer { body(Columns(counts: counts, codes: $0)) } }
    }
}

/// Document-level evidence for the sequence model's second pass: what its first pass said of
/// each capitalised word elsewhere in the document. Counted by word (a small number the caller
/// gives each distinct word): how often the first pass put it in a person, an organization or
/// a place, and how often it stood capitalised and untagged inside a sentence (at a sentence's
/// start a capital says nothing). A token's features read the other occurrences only, so a
/// word named once has none.
struct DocumentEvidence {
    /// Per word: untagged, PER, ORG, LOC.
    private var counts: [SIMD4<UInt16>]
    private(set) var isEmpty = true

    /// Evidence for words numbered below `words`.
    init(words: Int) { counts = [SIMD4<UInt16>](filled: .zero, count: words) }

    /// The kind a first-pass label counts as: 0 untagged, 1 PER, 2 ORG, 3 LOC.
    @inline(__always) static func kind(_ label: Int) -> Int { label == NERLabel.o ? 0 : (label + 1) / 2 }

    /// Counts one candidate token of `word` with first-pass `label`, at a sentence's start or not.
    mutating func add(word: Int, label: Int, first: Bool) {
        let k = DocumentEvidence.kind(label)
        if k == 0 && first { return }
        counts[word][k] &+= 1
        isEmpty = false
    }

    /// The document features of a candidate token of `word` with first-pass `label` through
    /// `add`, when the word's other occurrences were tagged: which kinds they had, and the
    /// most frequent (with whether this token starts its sentence).
    @inline(__always)
    func features(word: Int, label: Int, first: Bool, _ add: (NERTemplate, UInt64) -> Void) {
        var c = counts[word]
        let own = DocumentEvidence.kind(label)
        if !(own == 0 && first) { c[own] &-= 1 }
        var bits: UInt64 = 0, top = 0
        for k in 0..<4 {
            if c[k] > 0 { bits |= 1 << UInt64(k) }
            if c[k] > c[top] { top = k }
        }
        if bits & 14 == 0 { return }
        add(.docTypes, bits)
        add(.docMajority, UInt64(top) | (first ? 4 : 0))
    }
}
