import CPrefetch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WartaText

/// The label scores of a document's windows for tagging: the sums
/// ``NERFeatureExtractor/features(_:window:sentence:facts:gazetteerCodes:ruleCodes:headline:into:stride:)``
/// and ``NERModel/score(_:tokens:into:)`` give, but the rows that depend on one word alone (its
/// key, affixes, shape, length and classes, and the word as the one two before, one before, one
/// after or two after a token) come summed from ``NERWordScores``, so a token costs five vector
/// adds and its contextual rows. Integer sums in another order are the same sums: decoding is unchanged.
struct NERScorer {
    private let model: NERModel
    private let extractor: NERFeatureExtractor
    private let ruleCodes: [UInt8]
    private var codes = GazetteerCodes()
    /// The word of each token of the window and two on each side; -1 outside the sentence.
    private var windowWords: [Int32] = []
    /// The word of each token of the document once looked up (-1 before): the tokens two
    /// before and after a window are often those of the next one, looked up once.
    private var tokenWords: [Int32]
    /// The words' sums of each token of the window, its other rows (``contextRows`` each, the
    /// first `rowCounts[t]` used), and its eight label scores.
    private var sums: [SIMD8<Int16>] = []
    private var rows: [Int32] = []
    private var rowCounts: [UInt8] = []
    private var scores: [SIMD8<Float>] = []
    /// The rows of a neighbour outside the sentence: two before, one before, one after, two after.
    private let outside: (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>)

    /// A scorer for `scan` with the buffers `words` kept from its last document (give them
    /// back with ``giveBuffers(to:)``): a short text allocates none.
    init(model: NERModel, scan: Scan, words: inout NERWordScores) {
        self.init(model: model, scan: scan)
        swapBuffers(&words.buffers)
        codes.forgetSubtypes()
    }

    /// Gives the buffers back to `words` for its next document.
    mutating func giveBuffers(to words: inout NERWordScores) { swapBuffers(&words.buffers) }

    private mutating func swapBuffers(_ kept: inout Buffers) {
        swap(&codes, &kept.codes)
        swap(&windowWords, &kept.windowWords)
        swap(&sums, &kept.sums)
        swap(&rows, &kept.rows)
        swap(&rowCounts, &kept.rowCounts)
        swap(&scores, &kept.scores)
    }

    /// The buffers a scorer fills window after window, kept by ``NERWordScores`` between documents.
    struct Buffers {
        var codes = GazetteerCodes()
        var windowWords: [Int32] = []
        var sums: [SIMD8<Int16>] = []
        var rows: [Int32] = []
        var rowCounts: [UInt8] = []
        var scores: [SIMD8<Float>] = []
    }

    init(model: NERModel, scan: Scan) {
        self.model = model
        extractor = model.extractor
        ruleCodes = extractor.ruleCodes(scan)
        tokenWords = [Int32](filled: -1, count: scan.doc.tokens.count)
        let x = extractor
        outside = model.weights.withUnsafeBytes { w in
            let w = w.baseAddress!
            var prev = NERScorer.load(w, x, .prev1, 1) &+ NERScorer.load(w, x, .prevShape, 99)
            var next = NERScorer.load(w, x, .next1, 3) &+ NERScorer.load(w, x, .nextShape, 99)
            if x.classes != nil {
                prev &+= NERScorer.load(w, x, .prevClass, WordClasses.outside)
                next &+= NERScorer.load(w, x, .nextClass, WordClasses.outside)
            }
            return (NERScorer.load(w, x, .prev2, 2), prev, next, NERScorer.load(w, x, .next2, 4))
        }
    }

    /// The weight row of feature `value` of `template`, widened to 16 bits: a token's at most
    /// ``NERModel/stride`` rows of 8-bit weights sum to at most 48 × 128 in each lane.
    @inline(__always)
    static func load(_ w: UnsafeRawPointer, _ x: NERFeatureExtractor, _ template: NERTemplate, _ value: UInt64) -> SIMD8<Int16> {
        SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(x.row(template, value)) << 3, as: SIMD8<Int8>.self))
    }

    /// Appends eight label scores for each token of `window` (in `sentence`) to `emissions`.
    mutating func score(_ scan: Scan, _ window: Range<Int>, sentence: Range<Int>, headline: NERWindowFeatures.HeadlineCase, words: inout NERWordScores,
                        into emissions: inout [Float]) {
        let base = window.lowerBound - 2
        lookUpWords(scan, window, sentence: sentence, words: &words)
        for i in window where scan.flags[i].contains(.capitalized) { words.checkCommon(Int(windowWords[i - base]), i, scan) }
        extractor.gazetteerCodes(scan, window: window, sentence: sentence, into: &codes)
        makeRoom(window.count)
        contextRows(scan, window, sentence: sentence, headline: headline, words: words)
        sumRows(window.count)
        scores.withUnsafeBufferPointer { scores in
            UnsafeRawBufferPointer(start: scores.baseAddress, count: window.count * MemoryLayout<SIMD8<Float>>.stride)
                .withMemoryRebound(to: Float.self) { emissions.append(contentsOf: $0) }
        }
    }

    /// Sets ``scores`` to the sums of each token's words' sums and its other rows. The rows'
    /// loads in one run, independent of each other: their cache misses overlap.
    private mutating func sumRows(_ tokens: Int) {
        model.weights.withUnsafeBytes { w in
            let w = w.baseAddress!
            rows.withUnsafeBufferPointer { rows in
            rowCounts.withUnsafeBufferPointer { counts in
            sums.withUnsafeBufferPointer { sums in
            scores.withUnsafeMutableBufferPointer { scores in
                for t in 0..<tokens {
                    var sum = sums[t]
                    let first = t &* NERScorer.contextRows
                    for k in first..<first &+ Int(counts[t]) {
                        sum &+= SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(rows[k]) &<< 3, as: SIMD8<Int8>.self))
                    }
                    scores[t] = SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: sum))
                }
            }
            }
            }
            }
        }
    }

    /// Sets ``windowWords`` to the word of each token of `window` and two on each side (-1
    /// outside `sentence`), each token looked up in `words` the first time only (``tokenWords``).
    private mutating func lookUpWords(_ scan: Scan, _ window: Range<Int>, sentence: Range<Int>, words: inout NERWordScores) {
        let base = window.lowerBound - 2, n = window.count + 4
        let lo = max(base, sentence.lowerBound), hi = min(window.upperBound + 2, sentence.upperBound)
        // Both columns are taken out of `self` while written, so the model can be read beside them.
        var known: [Int32] = [], out: [Int32] = []
        var missed = false
        swap(&known, &tokenWords)
        swap(&out, &windowWords)
        if out.count < n { out = [Int32](filled: -1, count: n * 2) }
        let doc = scan.doc
        doc.bytes.withUnsafeBufferPointer { text in
        doc.tokens.starts.withUnsafeBufferPointer { starts in
        doc.tokens.ends.withUnsafeBufferPointer { ends in
        known.withUnsafeMutableBufferPointer { known in
        out.withUnsafeMutableBufferPointer { out in
            for k in 0..<n {
                let t = base &+ k
                guard t >= lo && t < hi else { out[k] = -1; continue }
                var w = known[t]
                if w < 0 {
                    // A new word waits (-2) for the loop below, which reads the model.
                    guard let found = words.word(text, Int(starts[t]), Int(ends[t])) else { out[k] = -2; missed = true; continue }
                    w = Int32(found)
                    known[t] = w
                }
                out[k] = w
            }
        }
        }
        }
        }
        }
        swap(&known, &tokenWords)
        swap(&out, &windowWords)
        if missed {
            for k in 0..<n where windowWords[k] == -2 {
                let t = base + k
                if tokenWords[t] < 0 { tokenWords[t] = Int32(words.word(of: t, scan, model)) }
                windowWords[k] = tokenWords[t]
            }
        }
        // The gazetteer codes come next: the words' sums arrive meanwhile.
        windowWords.withUnsafeBufferPointer { out in words.prefetch(UnsafeBufferPointer(rebasing: out[0..<n])) }
    }

    /// The word (in ``NERWordScores``) of each token of the window scored last.
    func wordsOfLastWindow(_ count: Int) -> ArraySlice<Int32> { windowWords[2..<2 + count] }

    /// Makes room in ``sums``, ``rows``, ``rowCounts`` and ``scores`` for `tokens` tokens; the
    /// buffers only grow, so a window costs no allocation.
    private mutating func makeRoom(_ tokens: Int) {
        guard sums.count < tokens else { return }
        sums = [SIMD8<Int16>](filled: SIMD8(), count: tokens * 2)
        rows = [Int32](filled: -1, count: tokens * 2 * NERScorer.contextRows)
        rowCounts = [UInt8](filled: 0, count: tokens * 2)
        scores = [SIMD8<Float>](filled: SIMD8(), count: tokens * 2)
    }

    /// The most rows a token has besides its words' sums (``NERFeatureExtractor/wordRows``,
    /// ``NERFeatureExtractor/baseWordRows`` or more).
    static let contextRows = NERModel.stride - NERFeatureExtractor.baseWordRows

    /// Sets ``sums`` to the words' sums of each token of `window` and ``rows`` to its other
    /// rows (``contextRows`` a token, -1 after the last).
    private mutating func contextRows(_ scan: Scan, _ window: Range<Int>, sentence: Range<Int>, headline: NERWindowFeatures.HeadlineCase, words: NERWordScores) {
        let base = window.lowerBound - 2
        // Scalars and buffers only: a copy of the extractor per window retained its word indexes.
        let gazetteer = extractor.gazetteer, rules = extractor.rules, bits = extractor.bits, wordRows = extractor.wordRows
        let outside = outside
        scan.flags.withUnsafeBufferPointer { flags in
        scan.cues.withUnsafeBufferPointer { cues in
        ruleCodes.withUnsafeBufferPointer { ruleCodes in
        windowWords.withUnsafeBufferPointer { windowWords in
        sums.withUnsafeMutableBufferPointer { sums in
        rows.withUnsafeMutableBufferPointer { rows in
        rowCounts.withUnsafeMutableBufferPointer { counts in
        codes.withColumns { codes in
            words.withColumns { vectors, keys, info in
            model.weights.withUnsafeBytes { weights in
                var out = RowWriter(rows: rows, bits: bits, wordRows: wordRows, weights: weights.baseAddress!)
                for i in window {
                    let k = i - base
                    let words = Neighbours(windowWords, k)
                    sums[i - window.lowerBound] = words.sums(vectors, outside: outside)
                    out.start((i - window.lowerBound) * NERScorer.contextRows)
                    let e = words.word
                    let key = keys[e]
                    out.pairRows(words, keys: keys, info: info)
                    let first = i == sentence.lowerBound || (i - 1 >= sentence.lowerBound && flags[i - 1].contains(.openingQuote))
                    let capital = flags[i].contains(.capitalized), caps = flags[i].contains(.allCaps)
                    out.row(.capitals, (first ? 1 : 0) | (capital ? 2 : 0) | (caps ? 4 : 0) | headline.rawValue)
                    if first { out.row(.firstWord, key) }
                    if capital, info[e].common == NERWordScores.Info.common { out.row(.commonWord, first ? 1 : 0) }
                    out.neighbourRows(i, sentence: sentence, flags: flags, cues: cues)
                    // The words' sums hold at most 23 rows and at most 14 came above: the stride
                    // (48) drops none of them. From here on rows past it are dropped, as the
                    // feature rows drop them.
                    if gazetteer { out.gazetteerRows(k, codes, multiWord: capital || caps ? info[e].multiWord : 0) }
                    if rules { NERFeatureExtractor.ruleFeatures(ruleCodes, i, sentence: sentence, key: key) { out.add($0, $1) } }
                    counts[i - window.lowerBound] = UInt8(truncatingIfNeeded: out.count)
                }
            }
            }
        }
        }
        }
        }
        }
        }
        }
        }
    }
}

/// The words (in ``NERWordScores``) of a window's token and the two on each side of it, -1
/// outside the sentence.
private struct Neighbours {
    let twoBefore: Int, before: Int, word: Int, after: Int, twoAfter: Int

    /// The words around slot `k` of a window's words (two slots of margin each side).
    @inline(__always) init(_ words: UnsafeBufferPointer<Int32>, _ k: Int) {
        twoBefore = Int(words[k - 2]); before = Int(words[k - 1]); word = Int(words[k])
        after = Int(words[k + 1]); twoAfter = Int(words[k + 2])
    }

    /// The token's rows that the five words' sums hold: its own, and each neighbour's as the
    /// word two before, one before, one after and two after it (`outside` past the sentence).
    @inline(__always)
    func sums(_ vectors: UnsafeBufferPointer<NERWordScores.Sums>,
              outside: (SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>, SIMD8<Int16>)) -> SIMD8<Int16> {
        var sum = vectors[word].own
        sum &+= twoBefore >= 0 ? vectors[twoBefore].twoBefore : outside.0
        sum &+= before >= 0 ? vectors[before].before : outside.1
        sum &+= after >= 0 ? vectors[after].after : outside.2
        sum &+= twoAfter >= 0 ? vectors[twoAfter].twoAfter : outside.3
        return sum
    }
}

/// Writes a token's rows into its ``NERScorer/contextRows`` slots of a window's rows.
private struct RowWriter {
    let rows: UnsafeMutableBufferPointer<Int32>
    /// The extractor's table size (log2), all ``NERFeatureExtractor/row(_:_:)`` reads of it: a
    /// copy of the whole extractor per window retained its word indexes.
    let bits: Int
    /// The model's weight rows, fetched ahead as each row is written.
    let weights: UnsafeRawPointer
    /// The rows of a token's words' sums.
    private let wordRows: Int
    /// The token's first slot.
    private var at = 0
    /// The rows written for the token so far.
    private(set) var count = 0

    init(rows: UnsafeMutableBufferPointer<Int32>, bits: Int, wordRows: Int, weights: UnsafeRawPointer) {
        self.rows = rows
        self.bits = bits
        self.weights = weights
        self.wordRows = wordRows
    }

    /// Goes on to the token whose slots start at `slot`.
    @inline(__always) mutating func start(_ slot: Int) { at = slot; count = 0 }

    /// Writes the row of feature `value` of `template`.
    @inline(__always) mutating func row(_ template: NERTemplate, _ value: UInt64) {
        let r = NERFeatureExtractor.row(template, value, bits: bits)
        rows[at &+ count] = r
        warta_prefetch(weights + Int(r) &<< 3)
        count &+= 1
    }

    /// ``row(_:_:)`` while the token has fewer than ``NERModel/stride`` rows with those of
    /// its words' sums (past it, rows are dropped as the feature rows drop them).
    @inline(__always) mutating func add(_ template: NERTemplate, _ value: UInt64) {
        if wordRows + count < NERModel.stride { row(template, value) }
    }

    /// The rows of the word with the word or shape next to it, of the two words on each side,
    /// and of the three shapes.
    @inline(__always)
    mutating func pairRows(_ words: Neighbours, keys: UnsafeBufferPointer<UInt64>, info: UnsafeBufferPointer<NERWordScores.Info>) {
        let key = keys[words.word], shape = UInt64(info[words.word].shape)
        let p1 = words.before >= 0 ? keys[words.before] : 1, p2 = words.twoBefore >= 0 ? keys[words.twoBefore] : 2
        let n1 = words.after >= 0 ? keys[words.after] : 3, n2 = words.twoAfter >= 0 ? keys[words.twoAfter] : 4
        row(.prevWord, NERFeatureExtractor.mix(p1, key))
        row(.wordNext, NERFeatureExtractor.mix(key, n1))
        row(.prevWordShape, NERFeatureExtractor.mix(p1, shape))
        row(.nextWordShape, NERFeatureExtractor.mix(n1, shape))
        row(.prevBigram, NERFeatureExtractor.mix(p2, p1))
        row(.nextBigram, NERFeatureExtractor.mix(n1, n2))
        let ps = words.before >= 0 ? UInt64(info[words.before].shape) : 99, ns = words.after >= 0 ? UInt64(info[words.after].shape) : 99
        row(.shapes, ps << 16 | shape << 8 | ns)
    }

    /// The rows of token `i`'s capitals beside those of the tokens next to it, and of the
    /// cue classes of those tokens.
    @inline(__always)
    mutating func neighbourRows(_ i: Int, sentence: Range<Int>, flags: UnsafeBufferPointer<TokenFlags>,
                                cues: UnsafeBufferPointer<EntityTagger.Cue>) {
        let pc = i - 1 >= sentence.lowerBound ? UInt64(flags[i - 1].rawValue & 3) : 9
        let nc = i + 1 < sentence.upperBound ? UInt64(flags[i + 1].rawValue & 3) : 9
        row(.prev1Capital, pc << 4 | UInt64(flags[i].rawValue & 3))
        row(.next1Capital, nc << 4 | UInt64(flags[i].rawValue & 3))
        if i - 1 >= sentence.lowerBound, !cues[i - 1].isEmpty { row(.prevCue, UInt64(cues[i - 1].rawValue)) }
        if i + 1 < sentence.upperBound, !cues[i + 1].isEmpty { row(.nextCue, UInt64(cues[i + 1].rawValue)) }
    }

    /// The rows of the lexicon matches over the token at slot `k` of the window's codes and
    /// the tokens next to it, and of the multi-word names its word is part of (0: none).
    @inline(__always)
    mutating func gazetteerRows(_ k: Int, _ codes: GazetteerCodes.Columns, multiWord: UInt8) {
        for j in 0..<codes.count(k) {
            let code = codes.code(k, j)
            add(.gazetteer, code)
            add(.gazetteerType, code & 0xFFFF)
        }
        for j in 0..<codes.count(k - 1) { add(.prevGazetteer, codes.code(k - 1, j) & 0xFFFF) }
        for j in 0..<codes.count(k + 1) { add(.nextGazetteer, codes.code(k + 1, j) & 0xFFFF) }
        if multiWord != 0 { add(.multiWord, UInt64(multiWord)) }
    }
}

/// Words (by their bytes) with what the sequence model reads of each alone: its key hash, short
/// shape, multi-word name bits, whether it is a common word, and five sums of weight rows: its
/// own rows (bias, key, affixes, shape, length, classes), and its rows as the word two before a
/// token, one before (with its class), one after (with its class) and two after. Kept from document to document (``NERWordScorePool``),
/// emptied between documents past ``limit`` words.
struct NERWordScores {
    /// What a word is besides its key hash and sums.
    struct Info {
        var shape: UInt8
        var multiWord: UInt8
        /// ``unknown``, ``common`` or ``notCommon``.
        var common: UInt8
        static let unknown: UInt8 = 0, common: UInt8 = 1, notCommon: UInt8 = 2
    }

    static let limit = 1 << 14
    /// A slot of the table: a word's bytes packed (eight or fewer) or hashed (more), its
    /// length, and the word + 1 (0: empty).
    private struct Slot {
        var key: UInt64 = 0
        var length: Int32 = 0
        var word: Int32 = 0
    }
    /// Open addressing by ``Slot/key`` and length, large enough for ``limit`` words at half
    /// load: it grows only in the document that takes the cache past its limit.
    private var table = [Slot](filled: Slot(), count: 2 * NERWordScores.limit)
    /// The bytes of the words longer than eight bytes (the others are their keys): word `w`'s
    /// are `bytes[starts[w]..<starts[w + 1]]`.
    private var starts: [Int32] = [0]
    private var bytes: [UInt8] = []
    private var keys: [UInt64] = []
    private var info: [Info] = []
    /// A word's five sums: its own rows, and its rows as the word two before a token, one
    /// before, one after and two after.
    struct Sums {
        var own: SIMD8<Int16>, twoBefore: SIMD8<Int16>, before: SIMD8<Int16>, after: SIMD8<Int16>, twoAfter: SIMD8<Int16>
    }
    private var vectors: [Sums] = []
    private var scratch = [UInt8](filled: 0, count: 256)
    /// The scorer's buffers between documents (``NERScorer/init(model:scan:words:)``).
    var buffers = NERScorer.Buffers()

    /// An empty cache with room for ``limit`` words' key hashes and sums (reserved, not
    /// written: their pages are mapped as the words come).
    init() {
        keys.reserveCapacity(NERWordScores.limit)
        vectors.reserveCapacity(NERWordScores.limit)
    }

    /// The word whose bytes are `text[start..<end]`, or nil when it is new.
    @inline(__always)
    func word(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let key = NERWordScores.key(text, start, end), length = Int32(end &- start)
        return table.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            var slot = NERWordScores.slot(key, length) & mask
            while case let entry = table[slot], entry.word != 0 {
                if entry.key == key, entry.length == length, length <= 8 || isWord(Int(entry.word) &- 1, text, start, end) {
                    return Int(entry.word) &- 1
                }
                slot = (slot &+ 1) & mask
            }
            return nil
        }
    }

    /// The word of token `t` of `scan`, added with its sums when new.
    mutating func word(of t: Int, _ scan: Scan, _ model: NERModel) -> Int {
        let s = Int(scan.doc.tokens.starts[t]), e = Int(scan.doc.tokens.ends[t])
        if let w = scan.doc.bytes.withUnsafeBufferPointer({ word($0, s, e) }) { return w }
        let key = scan.doc.bytes.withUnsafeBufferPointer { NERWordScores.key($0, s, e) }
        let length = Int32(e - s)
        let mask = table.count - 1
        var slot = NERWordScores.slot(key, length) & mask
        while table[slot].word != 0 { slot = (slot + 1) & mask }
        scan.doc.bytes.withUnsafeBufferPointer { text in add(UnsafeBufferPointer(rebasing: text[s..<e]), t, scan, model) }
        table[slot] = Slot(key: key, length: length, word: Int32(keys.count))
        if keys.count * 2 > table.count { grow() }
        return keys.count - 1
    }

    /// The hash of the match key of `word`.
    func keyHash(_ word: Int32) -> UInt64 { keys[Int(word)] }

    /// The hashes of the match keys of the words, by word (one array to lend, not the cache).
    var keyHashes: [UInt64] { keys }

    /// Whether the cache holds ``limit`` words or more.
    var isFull: Bool { keys.count >= NERWordScores.limit }

    /// The bytes `text[start..<end]` of a word packed into 64 bits when they fit (one load
    /// when eight bytes can be read from `start`), else a hash of their first and last eight
    /// (a longer word's bytes are compared when its key and length match).
    @inline(__always)
    static func key(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let n = end &- start
        if n > 8 {
            let p = UnsafeRawPointer(text.baseAddress!)
            return NERFeatureExtractor.mix(p.loadUnaligned(fromByteOffset: start, as: UInt64.self),
                                           p.loadUnaligned(fromByteOffset: end &- 8, as: UInt64.self) &* 0x9e37_79b9_7f4a_7c15)
        }
        if n > 0 && start &+ 8 <= text.count {
            let v = UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + start).loadUnaligned(as: UInt64.self))
            return v & (~0 &>> UInt64(64 &- 8 &* n))
        }
        var v: UInt64 = 0
        for k in 0..<n { v |= UInt64(text[start &+ k]) &<< UInt64(8 &* k) }
        return v
    }

    /// Where a word with `key` and `length` is looked for first (before masking).
    @inline(__always)
    static func slot(_ key: UInt64, _ length: Int32) -> Int {
        Int(truncatingIfNeeded: NERFeatureExtractor.mix(key, UInt64(length)) >> 20)
    }

    /// Whether word `w` is `text[start..<end]` (of more than eight bytes).
    private func isWord(_ w: Int, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let s = Int(starts[w]), n = end - start
        guard Int(starts[w + 1]) - s == n else { return false }
        // Eight bytes at a time, the last eight overlapping the ones before.
        return bytes.withUnsafeBytes { bytes in
            let a = bytes.baseAddress! + s, b = UnsafeRawPointer(text.baseAddress! + start)
            var k = 0
            while true {
                let at = min(k, n &- 8)
                if a.loadUnaligned(fromByteOffset: at, as: UInt64.self) != b.loadUnaligned(fromByteOffset: at, as: UInt64.self) { return false }
                k &+= 8
                if k >= n { return true }
            }
        }
    }

    /// Adds `token` (token `t` of `scan`) with its sums.
    private mutating func add(_ token: UnsafeBufferPointer<UInt8>, _ t: Int, _ scan: Scan, _ model: NERModel) {
        let x = model.extractor
        let f = x.facts(scan, t, &scratch)
        if token.count > 8 { bytes.append(contentsOf: token) }
        starts.append(Int32(bytes.count)); keys.append(f.keyHash)
        info.append(Info(shape: f.shortShape, multiWord: x.gazetteer ? model.multiWord[f.keyHash] : 0, common: Info.unknown))
        let bits = x.bits, classes = x.classes != nil
        func row(_ template: NERTemplate, _ value: UInt64) -> Int32 { NERFeatureExtractor.row(template, value, bits: bits) }
        // The rows of the five sums one after another: own, two before, before, after, two after.
        let sums = withUnsafeTemporaryAllocation(of: Int32.self, capacity: NERWordScores.rowSlots) { r in
            r[0] = row(.bias, 0); r[1] = row(.word, f.keyHash)
            r[2] = row(.prefix, f.prefixes.0 ^ 1); r[3] = row(.prefix, f.prefixes.1 ^ 2)
            r[4] = row(.prefix, f.prefixes.2 ^ 3); r[5] = row(.prefix, f.prefixes.3 ^ 4)
            r[6] = row(.suffix, f.suffixes.0 ^ 1); r[7] = row(.suffix, f.suffixes.1 ^ 2)
            r[8] = row(.suffix, f.suffixes.2 ^ 3); r[9] = row(.suffix, f.suffixes.3 ^ 4)
            r[10] = row(.shape, f.shape); r[11] = row(.length, UInt64(min(f.length, 12)) << 4 | UInt64(f.shortShape))
            var n = 12
            if classes {
                let (c64, c256, c1024) = WordClasses.values(f.classes)
                r[12] = row(.class64, c64); r[13] = row(.class256, c256); r[14] = row(.class1024, c1024)
                n = 15
            }
            let own = n
            r[n] = row(.prev2, f.keyHash)
            r[n + 1] = row(.prev1, f.keyHash); r[n + 2] = row(.prevShape, UInt64(f.shortShape))
            r[n + 3] = row(.next1, f.keyHash); r[n + 4] = row(.nextShape, UInt64(f.shortShape))
            n += 5
            if classes {
                r[n] = row(.prevClass, WordClasses.middle(f.classes)); r[n + 1] = row(.nextClass, WordClasses.middle(f.classes))
                n += 2
            }
            r[n] = row(.next2, f.keyHash)
            return model.weights.withUnsafeBytes { w in NERWordScores.sums(w.baseAddress!, UnsafeBufferPointer(r), own: own, classes: classes) }
        }
        vectors.append(sums)
    }

    /// The most rows of a word's five sums.
    static let rowSlots = 24

    /// The five sums of a word from its rows `r` (``add(_:_:_:_:)``'s order): `own` rows of its
    /// own, then its row two before, one before and one after (each with its shape, and with
    /// its class when `classes`), and two after. Each row is widened at one place, in a loop.
    @inline(__always)
    private static func sums(_ w: UnsafeRawPointer, _ r: UnsafeBufferPointer<Int32>, own: Int, classes: Bool) -> Sums {
        let count = own + (classes ? 8 : 6)
        return withUnsafeTemporaryAllocation(of: SIMD8<Int16>.self, capacity: rowSlots) { v in
            for k in 0..<count {
                v[k] = SIMD8<Int16>(truncatingIfNeeded: w.loadUnaligned(fromByteOffset: Int(r[k]) &<< 3, as: SIMD8<Int8>.self))
            }
            var ownSum = v[0]
            for k in 1..<own { ownSum &+= v[k] }
            var prev = v[own + 1] &+ v[own + 2], next = v[own + 3] &+ v[own + 4]
            if classes { prev &+= v[own + 5]; next &+= v[own + 6] }
            return Sums(own: ownSum, twoBefore: v[own], before: prev, after: next, twoAfter: v[count - 1])
        }
    }

    private mutating func grow() {
        let old = table
        table = [Slot](filled: Slot(), count: old.count * 2)
        let mask = table.count - 1
        for entry in old where entry.word != 0 {
            var slot = NERWordScores.slot(entry.key, entry.length) & mask
            while table[slot].word != 0 { slot = (slot + 1) & mask }
            table[slot] = entry
        }
    }

    /// Looks up once whether word `w` (that of token `i`) is a common word.
    mutating func checkCommon(_ w: Int, _ i: Int, _ scan: Scan) {
        if info[w].common == Info.unknown { info[w].common = scan.isCommonWord(i) ? Info.common : Info.notCommon }
    }

    /// Asks for the cache lines of the sums, key hashes and infos of `words` (-1 for none)
    /// before they are read: a word's 80 bytes of sums start at a multiple of 16, so their
    /// first and last bytes name every line they span.
    @inline(__always)
    func prefetch(_ words: UnsafeBufferPointer<Int32>) {
        vectors.withUnsafeBytes { v in
        keys.withUnsafeBytes { k in
        info.withUnsafeBytes { i in
            for w in words where w >= 0 {
                let at = v.baseAddress! + Int(w) &* MemoryLayout<Sums>.stride
                warta_prefetch(at)
                warta_prefetch(at + (MemoryLayout<Sums>.stride &- 1))
                warta_prefetch(k.baseAddress! + Int(w) &* 8)
                warta_prefetch(i.baseAddress! + Int(w) &* MemoryLayout<Info>.stride)
            }
        }
        }
        }
    }

    /// Calls `body` with the sums, key hashes and infos of the words.
    func withColumns<R>(_ body: (UnsafeBufferPointer<Sums>, UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Info>) -> R) -> R {
        vectors.withUnsafeBufferPointer { v in
            keys.withUnsafeBufferPointer { k in
                info.withUnsafeBufferPointer { i in body(v, k, i) }
            }
        }
    }
}

/// The word caches of one tagger, each lent to one tagging call at a time: as many as calls
/// ran at once. The list is guarded by a pthread mutex rather than `Synchronization.Mutex`,
/// whose futex ThreadSanitizer does not see (it reported the guarded accesses as races).
final class NERWordScorePool: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Read and written only with ``mutex`` held.
    private var free: [NERWordScores] = []

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// A cache no other call holds, empty if it has grown past its limit.
    func take() -> NERWordScores {
        pthread_mutex_lock(mutex)
        let words = free.popLast()
        pthread_mutex_unlock(mutex)
        guard let words, !words.isFull else { return NERWordScores() }
        return words
    }

    /// Gives back a cache taken with ``take()``.
    func give(_ words: sending NERWordScores) {
        pthread_mutex_lock(mutex)
        free.append(words)
        pthread_mutex_unlock(mutex)
    }
}
