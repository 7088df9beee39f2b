import WartaText

/// Why a model file cannot be read.
public enum NERModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not a Warta NER model (or a truncated one).
    case malformed(detail: String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .malformed(let detail): "not a Warta NER model (\(detail)); train one with `warta train-ner --output FILE`"
        }
    }
}

/// A linear-chain sequence model over BIO labels for PER, ORG and LOC (an averaged structured
/// perceptron): hashed feature rows of eight 8-bit weights (seven labels), first-order label
/// transitions, Viterbi decoding over the windows where a name can be (see ``NERWindows``).
public struct NERModel: Sendable {
    /// log2 of the number of weight rows.
    let bits: Int
    /// Whether the model reads gazetteer features.
    public let usesGazetteer: Bool
    /// Whether the model reads the rule tagger's mentions as features.
    public let usesRules: Bool
    /// Whether the model tags twice, the second pass reading what the first said of the same
    /// words elsewhere in the document (``DocumentEvidence``).
    public let usesDocument: Bool
    /// Rows of eight weights (the eighth is padding), quantised to 8 bits.
    let weights: [Int8]
    /// Transition scores `[previous * 8 + label]` in weight units; label 7 is unused.
    let transitions: [Float]
    /// Words of multi-word lexicon names (see ``NERFeatureExtractor/multiWordIndex(_:analyzer:)``).
    let multiWord: WordIndex<UInt8>
    /// The words' distributional classes, when the model reads them (``WordClasses``).
    let classes: WordIndex<WordClasses.Packed>?

    static let stride = 48
    /// The header of a model file: `WNER1` without word classes, `WNER2` with them (flag 8),
    /// so a binary that predates the classes rejects such a model instead of misreading it.
    static let magic: [UInt8] = Array("WNER1".utf8)
    static let magicWithClasses: [UInt8] = Array("WNER2".utf8)

    /// A model from its parts (the trainer's output): what `extractor` reads, and the weights.
    init(extractor x: NERFeatureExtractor, weights: [Int8], transitions: [Float]) {
        bits = x.bits; usesGazetteer = x.gazetteer; usesRules = x.rules; usesDocument = x.document
        self.weights = weights
        self.transitions = transitions; multiWord = x.multiWord; classes = x.classes
        decoderTable = transitions.count >= 64 ? ViterbiDecoder.Table(transitions) : nil
        extractor = NERFeatureExtractor(bits: bits, gazetteer: usesGazetteer, rules: usesRules, multiWord: multiWord, classes: classes,
                                        document: usesDocument)
    }

    /// Whether the model reads the words' distributional classes (``WordClasses``).
    public var usesClasses: Bool { classes != nil }

    /// What the model reads of a token, built once with the model.
    let extractor: NERFeatureExtractor
    /// The transitions as the decoder reads them, built once with the model (nil for the
    /// trainer's placeholder without transitions).
    let decoderTable: ViterbiDecoder.Table?

    /// The model built into Warta (trained by `warta train-ner`, see `Models/SOURCES.md`),
    /// or nil when none is embedded.
    public static let builtIn: NERModel? = {
        if EmbeddedNERModel.base64.isEmpty { return nil }
        do { return try NERModel(data: Base64.decode(EmbeddedNERModel.base64)) } catch {
            preconditionFailure("the built-in NER model is malformed: \(error)")
        }
    }()

    /// The built-in model's text (base64 of its ``data()``), or nil when none is embedded: a
    /// cache keyed by it can keep the decoded model.
    public static var builtInSource: String? { EmbeddedNERModel.base64.isEmpty ? nil : EmbeddedNERModel.base64 }

    /// Reads a model written by ``data()``: in place, field by field (the built-in model is
    /// read at every start).
    public init(data: [UInt8]) throws(NERModelError) {
        let parsed = data.withUnsafeBufferPointer { NERModel.parse($0) }
        self = try parsed.get()
    }

    /// The model in `bytes` (a model file's bytes, read in place: a mapped file is not copied).
    public init(bytes: UnsafeRawBufferPointer) throws(NERModelError) {
        let parsed = NERModel.parse(bytes.bindMemory(to: UInt8.self))
        self = try parsed.get()
    }

    /// The model in `p`, or what is wrong with it.
    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> Result<NERModel, NERModelError> {
        var r = ModelReader(p)
        guard let m = r.take(5), case let header = Array(p[m..<m + 5]), header == NERModel.magic || header == NERModel.magicWithClasses
        else { return .failure(.malformed(detail: "no WNER1 or WNER2 header")) }
        guard let bits = r.uint(1), (8...24).contains(bits), let flags = r.uint(1), flags & ~15 == 0,
              (flags & 8 != 0) == (header == NERModel.magicWithClasses), let words = r.uint(4), words <= r.remaining / 9 else {
            return .failure(.malformed(detail: "bad header"))
        }
        guard let transitions = r.floats(64) else { return .failure(.malformed(detail: "truncated transitions")) }
        guard let multiWord = r.wordList(Int(words)) else { return .failure(.malformed(detail: "truncated word list")) }
        var classes: WordIndex<WordClasses.Packed>?
        if flags & 8 != 0 {
            guard let pairs = r.classList() else { return .failure(.malformed(detail: "truncated class list")) }
            classes = WordIndex(pairs: pairs, count: pairs.count)
        }
        let rows = 1 << Int(bits)
        guard let bitmap = r.take(rows / 8) else { return .failure(.malformed(detail: "truncated row map")) }
        // Every row the map marks has seven bytes after it: counted first, then copied whole.
        let stored = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[bitmap..<bitmap + rows / 8])
        let marked = Swift.stride(from: 0, to: stored.count, by: 8).reduce(0) { $0 + stored.loadUnaligned(fromByteOffset: $1, as: UInt64.self).nonzeroBitCount }
        guard let body = r.take(marked * 7) else { return .failure(.malformed(detail: "truncated weights")) }
        let weights = NERModel.weights(rows: rows, map: stored, from: p.baseAddress! + body)
        let x = NERFeatureExtractor(bits: Int(bits), gazetteer: flags & 1 != 0, rules: flags & 2 != 0,
                                    multiWord: WordIndex(pairs: multiWord, count: multiWord.count), classes: classes, document: flags & 4 != 0)
        return .success(NERModel(extractor: x, weights: weights, transitions: transitions))
    }

    /// The weight table of `rows` rows of eight bytes: zero but for the rows `map` marks (a
    /// bit per row), whose first seven bytes come one after another from `body`.
    static func weights(rows: Int, map: UnsafeRawBufferPointer, from body: UnsafePointer<UInt8>) -> [Int8] {
        [Int8](unsafeUninitializedCapacity: rows * 8) { w, count in
            let out = UnsafeMutableRawPointer(w.baseAddress!)
            Prefault.pages(of: UnsafeMutableRawBufferPointer(start: out, count: rows * 8))
            out.initializeMemory(as: UInt8.self, repeating: 0, count: rows * 8)
            var from = body
            for word in 0..<rows / 64 {
                var bits = UInt64(littleEndian: map.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
                while bits != 0 {
                    let row = word * 64 + bits.trailingZeroBitCount
                    (out + row * 8).copyMemory(from: from, byteCount: 7)
                    from += 7
                    bits &= bits - 1
                }
            }
            count = rows * 8
        }
    }

    /// The model's bytes: header, transitions, multi-word index, word classes (flag 8), a
    /// bitmap of the non-zero rows, then those rows (seven bytes each).
    public func data() -> [UInt8] {
        var out = classes == nil ? NERModel.magic : NERModel.magicWithClasses
        out.append(UInt8(bits)); out.append((usesGazetteer ? 1 : 0) | (usesRules ? 2 : 0) | (usesDocument ? 4 : 0) | (classes != nil ? 8 : 0))
        func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        func u64(_ v: UInt64) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        u32(UInt32(multiWord.entries.count))
        for t in transitions { u32(t.bitPattern) }
        for (h, b) in multiWord.entries.sorted(by: { $0.key < $1.key }) { u64(h); out.append(b) }
        if let classes {
            let entries = classes.entries.sorted { $0.key < $1.key }
            u32(UInt32(entries.count))
            for (h, c) in entries { u64(h); u32(c) }
        }
        let rows = 1 << bits
        var bitmap = [UInt8](repeating: 0, count: rows / 8)
        var body: [UInt8] = []
        for row in 0..<rows where (0..<7).contains(where: { weights[row * 8 + $0] != 0 }) {
            bitmap[row >> 3] |= 1 << UInt8(row & 7)
            for k in 0..<7 { body.append(UInt8(bitPattern: weights[row * 8 + k])) }
        }
        return out + bitmap + body
    }

    /// The PER, ORG and LOC spans of `scan`'s document, with the word scores of `words` (kept
    /// by the caller from document to document).
    func spans(_ scan: Scan, words: inout NERWordScores) -> [Mention] {
        var pass = FirstPass(expectedTokens: scan.capitals.count * 2 + 16, tokens: scan.doc.tokens.count, document: usesDocument,
                             candidates: scan.capitals.count)
        guard let decoderTable else { preconditionFailure("a model without transitions") }
        var decoder = ViterbiDecoder(table: decoderTable)
        var scorer = NERScorer(model: self, scan: scan, words: &words)
        NERWindowFeatures.forEachWindow(scan) { window, sentence, headline in
            // Such a word is O, and scoring it cost what a name costs (the windows of training keep it).
            if scan.isLoneFunctionWord(window) { return }
            let at = pass.emissions.count
            scorer.score(scan, window, sentence: sentence, headline: headline, words: &words, into: &pass.emissions)
            pass.add(window, emissions: at, decoder: &decoder)
            if usesDocument {
                pass.addCandidates(scan, window, sentence: sentence, words: scorer.wordsOfLastWindow(window.count), keys: words.keyHashes)
            }
        }
        scorer.giveBuffers(to: &words)
        if usesDocument { secondPass(&pass, &decoder) }
        return pass.spans()
    }

    /// The windows of a document with their emissions and their first labels, and for the
    /// second pass, the word of each capitalised token (its match key, numbered in the
    /// document; -1 for others) and whether it opens its sentence.
    struct FirstPass {
        struct Window { var range: Range<Int>; var emissions: Int; var labels: Int }
        var windows: [Window] = []
        var emissions: [Float] = []
        /// The labels of the windows' tokens, window after window (the first ``labelCount``;
        /// as many as the document has tokens, so a window never grows the column), and for
        /// the second pass, their words and whether each opens its sentence.
        var labels: [UInt8]
        var labelCount = 0
        var words: [Int32] = []
        var firsts: [Bool] = []
        /// The number of each match key hash.
        var numbers: HashedIntMap<Int32>
        var wordCount = 0

        /// An empty pass for a document of `tokens` tokens, with room for about
        /// `expectedTokens` window tokens (windows hold the capitalised tokens and a few around
        /// them), so its columns grow once.
        init(expectedTokens: Int, tokens: Int, document: Bool, candidates: Int) {
            // The words are at most the candidates (a short text's map is small: it is filled at every document).
            numbers = HashedIntMap(capacity: document ? min(256, candidates) : 0)
            emissions.reserveCapacity(expectedTokens * 8)
            labels = [UInt8](filled: 0, count: tokens)
            if document {
                words = [Int32](filled: -1, count: tokens)
                firsts = [Bool](filled: false, count: tokens)
            }
        }

        /// Adds `range`, its emissions from `at`, and its labels by `decoder`.
        mutating func add(_ range: Range<Int>, emissions at: Int, decoder: inout ViterbiDecoder) {
            windows.append(Window(range: range, emissions: at, labels: labelCount))
            decode(windows.count - 1, &decoder)
            labelCount += range.count
        }

        /// Decodes window `w` (its labels written over the ones it had).
        mutating func decode(_ w: Int, _ decoder: inout ViterbiDecoder) {
            let window = windows[w]
            emissions.withUnsafeBufferPointer { e in
                labels.withUnsafeMutableBufferPointer { labels in
                    decoder.decode(UnsafeBufferPointer(rebasing: e[window.emissions..<window.emissions + window.range.count * 8]),
                                   into: UnsafeMutableBufferPointer(rebasing: labels[window.labels..<window.labels + window.range.count]))
                }
            }
        }

        /// The spans the labels of the windows name.
        func spans() -> [Mention] {
            var out: [Mention] = []
            out.reserveCapacity(windows.count)
            labels.withUnsafeBufferPointer { labels in
                for w in windows {
                    NERModel.appendSpans(UnsafeBufferPointer(rebasing: labels[w.labels..<w.labels + w.range.count]), from: w.range.lowerBound, to: &out)
                }
            }
            return out
        }

        /// Notes the words of the capitalised tokens of `window` (`words`, from the scorer, and
        /// their key hashes from `keys`).
        mutating func addCandidates(_ scan: Scan, _ window: Range<Int>, sentence: Range<Int>, words ofWindow: ArraySlice<Int32>,
                                    keys: [UInt64]) {
            let at = windows[windows.count - 1].labels - window.lowerBound
            scan.flags.withUnsafeBufferPointer { flags in
            scan.kinds.withUnsafeBufferPointer { kinds in
            keys.withUnsafeBufferPointer { keys in
            words.withUnsafeMutableBufferPointer { words in
            firsts.withUnsafeMutableBufferPointer { firsts in
                for (t, w) in zip(window, ofWindow) where NERWindows.isCandidate(flags[t], kinds[t]) {
                    let key = Int(truncatingIfNeeded: keys[Int(w)])
                    if let n = numbers.insert(key, Int32(wordCount)) {
                        words[at + t] = n
                    } else {
                        words[at + t] = Int32(wordCount)
                        wordCount += 1
                    }
                    firsts[at + t] = t == sentence.lowerBound || t > sentence.lowerBound && flags[t - 1].contains(.openingQuote)
                }
            }
            }
            }
            }
            }
        }
    }

    /// Decodes again the windows whose capitalised words are tagged elsewhere in the document,
    /// with the rows of what the first pass said of them there (``DocumentEvidence``).
    func secondPass(_ pass: inout FirstPass, _ decoder: inout ViterbiDecoder) {
        var evidence = DocumentEvidence(words: pass.wordCount)
        for k in 0..<pass.labelCount where pass.words[k] >= 0 {
            evidence.add(word: Int(pass.words[k]), label: Int(pass.labels[k]), first: pass.firsts[k])
        }
        guard !evidence.isEmpty else { return }
        // The rows first, then the windows they changed decoded again: a window's rows read
        // the first labels of its own tokens only.
        var changed = [Bool](filled: false, count: pass.windows.count)
        let bits = extractor.bits
        weights.withUnsafeBytes { weights in
        pass.windows.withUnsafeBufferPointer { windows in
        pass.words.withUnsafeBufferPointer { words in
        pass.labels.withUnsafeBufferPointer { labels in
        pass.firsts.withUnsafeBufferPointer { firsts in
        pass.emissions.withUnsafeMutableBufferPointer { emissions in
            for (w, window) in windows.enumerated() {
                for k in window.labels..<window.labels + window.range.count where words[k] >= 0 {
                    let at = UnsafeMutableRawPointer(emissions.baseAddress! + window.emissions + (k - window.labels) * 8)
                    evidence.features(word: Int(words[k]), label: Int(labels[k]), first: firsts[k]) { template, value in
                        let row = NERFeatureExtractor.row(template, value, bits: bits)
                        let v = weights.loadUnaligned(fromByteOffset: Int(row) &<< 3, as: SIMD8<Int8>.self)
                        at.storeBytes(of: at.loadUnaligned(as: SIMD8<Float>.self) + SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: v)), as: SIMD8<Float>.self)
                        changed[w] = true
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        for w in changed.indices where changed[w] { pass.decode(w, &decoder) }
    }

    /// Sums the weight rows of each token (`stride` a token, -1 after the last) into eight label scores.
    func score(_ rows: [Int32], tokens: Int, stride: Int = NERModel.stride, into emissions: inout [Float]) {
        weights.withUnsafeBufferPointer { w in
            let raw = UnsafeRawPointer(w.baseAddress!)
            rows.withUnsafeBufferPointer { rows in
                for t in 0..<tokens {
                    var sum = SIMD8<Int32>()
                    for k in t * stride..<(t + 1) * stride {
                        let r = rows[k]
                        if r < 0 { break }
                        sum &+= SIMD8<Int32>(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: Int(r) << 3, as: SIMD8<Int8>.self))
                    }
                    for k in 0..<8 { emissions.append(Float(sum[k])) }
                }
            }
        }
    }

    /// Appends the spans a label sequence names (tokens from `start`).
    static func appendSpans(_ labels: UnsafeBufferPointer<UInt8>, from start: Int, to out: inout [Mention]) {
        var open: (Int, Int)? = nil
        for (k, label) in labels.lazy.map({ Int($0) }).enumerated() {
            if let (s, l) = open, !(NERLabel.isInside(label) && label == l + 1) {
                out.append(Mention(start: start + s, end: start + k, type: NERLabel.type(l)))
                open = nil
            }
            if label != NERLabel.o, !NERLabel.isInside(label) { open = (k, label) }
        }
        if let (s, l) = open { out.append(Mention(start: start + s, end: start + labels.count, type: NERLabel.type(l))) }
    }
}

/// First-order Viterbi over the seven labels, the window entered and left from `O`. An `I-`
/// label is reached only from its `B-` or itself (``NERLabel/allowed(_:_:)``), so the lattice
/// keeps two groups of lanes: `O` and the three `B-` labels, reached from all seven labels,
/// and the three `I-` labels, reached from two each.
struct ViterbiDecoder {
    /// A token's scores: `O`, `B-PER`, `B-ORG`, `B-LOC`; then `I-PER`, `I-ORG`, `I-LOC` (and padding).
    private typealias Lanes = (open: SIMD4<Float>, inside: SIMD4<Float>)

    /// The transitions in the lattice's lanes.
    struct Table: Sendable {
        /// From each previous label (0...6), the transitions to the open lanes.
        var toOpen: (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>)
        /// The transitions to each `I-` label from its `B-` and from itself.
        var fromBegin: SIMD4<Float>, fromInside: SIMD4<Float>
        /// The transitions to `O` after the last token, by label (lane 7 unused).
        var toEnd: SIMD8<Float>

        /// The tables of transitions `tr` (`[previous * 8 + label]`, 64 of them).
        init(_ tr: [Float]) {
            func open(_ p: Int) -> SIMD4<Float> { SIMD4(tr[p * 8], tr[p * 8 + 1], tr[p * 8 + 3], tr[p * 8 + 5]) }
            toOpen = (open(0), open(1), open(2), open(3), open(4), open(5), open(6))
            fromBegin = SIMD4(tr[1 * 8 + 2], tr[3 * 8 + 4], tr[5 * 8 + 6], 0)
            fromInside = SIMD4(tr[2 * 8 + 2], tr[4 * 8 + 4], tr[6 * 8 + 6], 0)
            toEnd = SIMD8(tr[0], tr[8], tr[16], tr[24], tr[32], tr[40], tr[48], 0)
        }
    }

    /// The transitions the table was made from (empty when made from a table).
    private var transitions: [Float] = []
    private var table: Table?
    /// The previous label of each lane (two vectors a token, ``Lanes`` order).
    private var back: [SIMD4<Int32>] = []

    /// A decoder for any transitions (``decode(_:from:count:transitions:into:)``).
    init() {}

    /// A decoder for `transitions` (`[previous * 8 + label]`, ``decode(_:into:)``).
    init(transitions: [Float]) {
        precondition(transitions.count >= 64)
        self.transitions = Array(transitions[0..<64])
        table = Table(transitions)
    }

    /// A decoder for the transitions of `table` (``decode(_:into:)``).
    init(table: Table) { self.table = table }

    /// The best labels for `count` tokens with `emissions` (eight per token).
    mutating func decode(_ emissions: [Float], from offset: Int = 0, count: Int, transitions: [Float], into labels: inout [Int]) {
        precondition(count > 0 && offset >= 0 && emissions.count >= offset + count * 8 && transitions.count >= 64)
        if table == nil || !self.transitions.elementsEqual(transitions[0..<64], by: { $0.bitPattern == $1.bitPattern }) {
            self = ViterbiDecoder(transitions: transitions)
        }
        var out = [UInt8](repeating: 0, count: count)
        emissions.withUnsafeBufferPointer { e in
            out.withUnsafeMutableBufferPointer { decode(UnsafeBufferPointer(rebasing: e[offset..<offset + count * 8]), into: $0) }
        }
        labels = out.map { Int($0) }
    }

    /// Writes to `labels` the best labels for its tokens with `emissions` (eight per token),
    /// under the transitions the decoder was made for.
    mutating func decode(_ emissions: UnsafeBufferPointer<Float>, into labels: UnsafeMutableBufferPointer<UInt8>) {
        let count = labels.count
        guard let table else { preconditionFailure("a decoder made without transitions") }
        precondition(count > 0 && emissions.count >= count * 8)
        if count * 2 > back.count { back = [SIMD4<Int32>](filled: SIMD4(), count: count * 4) }
        let e = UnsafeRawPointer(emissions.baseAddress!)
        // The first token, entered from O (an I- label cannot open a window).
        var scores = ViterbiDecoder.lanes(e)
        scores.open += table.toOpen.0
        scores.inside = SIMD4(repeating: -.infinity) + scores.inside
        back.withUnsafeMutableBufferPointer { back in
            for t in 1..<count {
                let step = ViterbiDecoder.step(scores, table)
                let e = ViterbiDecoder.lanes(e + t &* 32)
                scores = (step.best.open + e.open, step.best.inside + e.inside)
                back[t &* 2] = step.back.open
                back[t &* 2 &+ 1] = step.back.inside
            }
        }
        // The best last label, its transition back to O counted; then back along the lattice.
        let last = SIMD8(lowHalf: scores.open, highHalf: scores.inside)
        var m = -Float.infinity, arg = 0
        for l in 0..<NERLabel.count {
            let lane = ViterbiDecoder.lane(l)
            let v = last[lane] + table.toEnd[l]
            if v > m { m = v; arg = l }
        }
        labels[count &- 1] = UInt8(arg)
        back.withUnsafeBufferPointer { back in
            var t = count &- 1
            while t > 0 {
                let lane = ViterbiDecoder.lane(arg)
                arg = Int(back[t &* 2 &+ lane &>> 2][lane & 3])
                t &-= 1
                labels[t] = UInt8(arg)
            }
        }
    }

    /// The lane of `label` (``Lanes``): O 0, B- labels 1...3, I- labels 4...6.
    @inline(__always)
    private static func lane(_ label: Int) -> Int { label & 1 != 0 || label == 0 ? (label &+ 1) &>> 1 : 3 &+ label &>> 1 }

    /// The eight emissions at `e` in lane order (``Lanes``).
    @inline(__always)
    private static func lanes(_ e: UnsafeRawPointer) -> Lanes {
        let v = e.loadUnaligned(as: SIMD8<Float>.self)
        return (SIMD4(v[0], v[1], v[3], v[5]), SIMD4(v[2], v[4], v[6], v[7]))
    }

    /// One token of the lattice from the previous token's scores `prev`: each lane's best
    /// previous label and its score (before the token's emissions). Candidates are compared
    /// in label order, one kept only when strictly greater, from minus infinity and label 0.
    @inline(__always)
    private static func step(_ prev: Lanes, _ table: Table) -> (best: Lanes, back: (open: SIMD4<Int32>, inside: SIMD4<Int32>)) {
        var m = SIMD4<Float>(repeating: -.infinity), arg = SIMD4<Int32>()
        keep(SIMD4(repeating: prev.open[0]) + table.toOpen.0, SIMD4(repeating: 0), &m, &arg)
        keep(SIMD4(repeating: prev.open[1]) + table.toOpen.1, SIMD4(repeating: 1), &m, &arg)
        keep(SIMD4(repeating: prev.inside[0]) + table.toOpen.2, SIMD4(repeating: 2), &m, &arg)
        keep(SIMD4(repeating: prev.open[2]) + table.toOpen.3, SIMD4(repeating: 3), &m, &arg)
        keep(SIMD4(repeating: prev.inside[1]) + table.toOpen.4, SIMD4(repeating: 4), &m, &arg)
        keep(SIMD4(repeating: prev.open[3]) + table.toOpen.5, SIMD4(repeating: 5), &m, &arg)
        keep(SIMD4(repeating: prev.inside[2]) + table.toOpen.6, SIMD4(repeating: 6), &m, &arg)
        // I-PER, I-ORG, I-LOC: from B-PER, B-ORG, B-LOC, then from themselves.
        var mi = SIMD4<Float>(repeating: -.infinity), argi = SIMD4<Int32>()
        keep(SIMD4(prev.open[1], prev.open[2], prev.open[3], -.infinity) + table.fromBegin, SIMD4(1, 3, 5, 0), &mi, &argi)
        keep(prev.inside + table.fromInside, SIMD4(2, 4, 6, 0), &mi, &argi)
        return ((m, mi), (arg, argi))
    }

    /// Keeps `candidate` (from `label`) in the lanes where it is strictly greater than `m`.
    @inline(__always)
    private static func keep(_ candidate: SIMD4<Float>, _ label: SIMD4<Int32>, _ m: inout SIMD4<Float>, _ arg: inout SIMD4<Int32>) {
        let better = candidate .> m
        m.replace(with: candidate, where: better)
        arg.replace(with: label, where: better)
    }
}

/// The feature rows of every decoding window of a document, shared by tagging and training.
enum NERWindowFeatures {
    /// Calls `body` with each window, its sentence, and whether the sentence is a headline
    /// (``isHeadline(_:_:_:)``).
    static func forEachWindow(_ scan: Scan, _ body: (_ window: Range<Int>, _ sentence: Range<Int>, _ headline: HeadlineCase) -> Void) {
        let doc = scan.doc
        scan.flags.withUnsafeBufferPointer { flags in
            scan.kinds.withUnsafeBufferPointer { kinds in
            scan.cues.withUnsafeBufferPointer { cues in
                for s in 0..<doc.sentenceRanges.count {
                    let sentence = Int(doc.sentenceTokenStarts[s])..<Int(doc.sentenceTokenStarts[s + 1])
                    var headline: HeadlineCase? = nil
                    NERWindows.forEach(in: sentence, flags: flags, kinds: kinds, cues: cues) { window in
                        if headline == nil {
                            headline = isHeadline(sentence, flags, kinds) ? .capitals : scan.isTitleCase(sentence) ? .titleCase : HeadlineCase.none
                        }
                        // A window of thousands of capitalised words is no text (a list of
                        // names without a full stop, a machine's output): decoded in pieces, its
                        // buffers stay small (one of 400,000 tokens had taken 300 MB).
                        for start in stride(from: window.lowerBound, to: window.upperBound, by: maxWindow) {
                            body(start..<min(start + maxWindow, window.upperBound), sentence, headline!)
                        }
                    }
                }
            }
            }
        }
    }

    /// Calls `body` with each window and its tokens' feature rows (``NERModel/stride`` each).
    static func forEachWindow(_ scan: Scan, _ extractor: NERFeatureExtractor, _ body: (Range<Int>, [Int32]) -> Void) {
        var facts: [NERFeatureExtractor.TokenFacts] = []
        var codes = GazetteerCodes()
        let ruleCodes = extractor.ruleCodes(scan)
        var rows: [Int32] = []
        var scratch = [UInt8](filled: 0, count: 256)
        forEachWindow(scan) { window, sentence, headline in
            let base = window.lowerBound - 2
            facts.removeAll(keepingCapacity: true)
            facts.append(contentsOf: repeatElement(.init(), count: window.count + 4))
            for t in max(base, sentence.lowerBound)..<min(window.upperBound + 2, sentence.upperBound) {
                facts[t - base] = extractor.facts(scan, t, &scratch)
            }
            extractor.gazetteerCodes(scan, window: window, sentence: sentence, into: &codes)
            rows.removeAll(keepingCapacity: true)
            extractor.features(scan, window: window, sentence: sentence, facts: facts, gazetteerCodes: codes, ruleCodes: ruleCodes,
                               headline: headline, into: &rows, stride: NERModel.stride)
            body(window, rows)
        }
    }

    /// The most tokens decoded as one window.
    static let maxWindow = 1024

    /// How a sentence is cased when capitals are no sign of a name, as the model reads it.
    enum HeadlineCase: UInt64 {
        /// Running text.
        case none = 0
        /// Most words in capitals (``isHeadline(_:_:_:)``).
        case capitals = 8
        /// A headline in title case (``Scan/isTitleCase(_:)``).
        case titleCase = 16
    }

    /// Whether most words of the sentence are in capitals (a headline or a shouted line).
    static func isHeadline(_ sentence: Range<Int>, _ flags: UnsafeBufferPointer<TokenFlags>, _ kinds: UnsafeBufferPointer<TokenKind>) -> Bool {
        var words = 0, caps = 0
        for i in sentence where kinds[i] == .word {
            words += 1
            if flags[i].contains(.allCaps) { caps += 1 }
        }
        return words >= 3 && caps * 3 >= words * 2
    }
}

/// Base64 (standard alphabet) without Foundation; bytes outside the alphabet are skipped.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The bytes of base64 `text`.
    public static func decode(_ text: String) -> [UInt8] {
        var table = [UInt8](filled: 255, count: 256)
        for (k, c) in alphabet.enumerated() { table[Int(c)] = UInt8(k) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var acc: UInt32 = 0, n = 0
        for c in text.utf8 {
            let v = table[Int(c)]
            if v == 255 { continue }
            acc = acc << 6 | UInt32(v); n += 1
            if n == 4 {
                out.append(UInt8(acc >> 16)); out.append(UInt8(truncatingIfNeeded: acc >> 8)); out.append(UInt8(truncatingIfNeeded: acc))
                acc = 0; n = 0
            }
        }
        if n == 3 { out.append(UInt8(acc >> 10)); out.append(UInt8(truncatingIfNeeded: acc >> 2)) }
        if n == 2 { out.append(UInt8(acc >> 4)) }
        return out
    }

    /// `bytes` in base64, in lines of 76 characters.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var k = 0
        while k < bytes.count {
            let b0 = UInt32(bytes[k]), b1 = k + 1 < bytes.count ? UInt32(bytes[k + 1]) : 0, b2 = k + 2 < bytes.count ? UInt32(bytes[k + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(v >> 18)]); out.append(alphabet[Int(v >> 12 & 63)])
            out.append(k + 1 < bytes.count ? alphabet[Int(v >> 6 & 63)] : 0x3D)
            out.append(k + 2 < bytes.count ? alphabet[Int(v & 63)] : 0x3D)
            k += 3
            if k % 57 == 0 { out.append(0x0A) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Reads a model file's fields in order, each bounds-checked: nil past the end.
private struct ModelReader {
    let p: UnsafeBufferPointer<UInt8>
    private(set) var at = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    /// The bytes not read yet.
    var remaining: Int { p.count - at }

    /// The offset of the next `n` bytes, which are then read.
    mutating func take(_ n: Int) -> Int? {
        guard n >= 0, at + n <= p.count else { return nil }
        defer { at += n }
        return at
    }

    /// The next `n`-byte little-endian unsigned integer.
    mutating func uint(_ n: Int) -> UInt64? {
        guard let start = take(n) else { return nil }
        if n == 8 { return UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + start).loadUnaligned(as: UInt64.self)) }
        return (0..<n).reduce(UInt64(0)) { $0 | UInt64(p[start + $1]) << (8 * UInt64($1)) }
    }

    /// The next `count` 32-bit floats.
    mutating func floats(_ count: Int) -> [Float]? {
        var out: [Float] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            guard let v = uint(4) else { return nil }
            out.append(Float(bitPattern: UInt32(v)))
        }
        return out
    }

    /// The next `count` multi-word entries: a key hash and a byte of bits each.
    mutating func wordList(_ count: Int) -> [(UInt64, UInt8)]? {
        var out: [(UInt64, UInt8)] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            guard let h = uint(8), let b = uint(1) else { return nil }
            out.append((h, UInt8(b)))
        }
        return out
    }

    /// The word classes: their count, then a key hash and packed classes each.
    mutating func classList() -> [(UInt64, WordClasses.Packed)]? {
        guard let count = uint(4), count <= remaining / 12 else { return nil }
        var out: [(UInt64, WordClasses.Packed)] = []
        out.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let h = uint(8), let c = uint(4) else { return nil }
            out.append((h, WordClasses.Packed(c)))
        }
        return out
    }
}
