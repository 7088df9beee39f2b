import WartaText

@inline(__always) func logAdd(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return a > b ? a + FastMath.log(1 + FastMath.exp(b - a)) : b + FastMath.log(1 + FastMath.exp(a - b))
}

/// One annotated sentence: tokens and their IOB2 tags (`B-PER`, `I-ORG`, `O`, …).
public struct NERSentence: Sendable {
    /// The tokens.
    public var tokens: [String]
    /// One tag per token; types other than PER, ORG and LOC (after ``NERCorpus/typeNames``) are `O`.
    public var tags: [String]
    /// Creates a sentence.
    public init(tokens: [String], tags: [String]) { self.tokens = tokens; self.tags = tags }
}

/// Reading annotated text.
public enum NERCorpus {
    /// Type names mapped to Warta's: NERGrit's PERSON, PLACE, ORGANISATION, and GPE/FAC as places.
    public static let typeNames: [String: String] = [
        "PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
        "LOC": "LOC", "PLACE": "LOC", "LOCATION": "LOC", "GPE": "LOC", "FAC": "LOC",
    ]

    /// The sentences of CoNLL-style text: one token per line, its first column the token and
    /// its last column the IOB2 tag (BIO: an `I-` after `O` opens a name); a blank line ends
    /// a sentence.
    public static func read(conll text: String) -> [NERSentence] {
        var out: [NERSentence] = []
        var cur = NERSentence(tokens: [], tags: [])
        // Lines split on bytes: a CRLF pair is one Character, so a String split on "\n" misses it.
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let cols = raw.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }).map { String(decoding: $0, as: UTF8.self) }
            guard let first = cols.first else {
                if !cur.tokens.isEmpty { out.append(cur) }
                cur = NERSentence(tokens: [], tags: [])
                continue
            }
            cur.tokens.append(first)
            cur.tags.append(cols.count > 1 ? normalizedTag(cols.last!) : "O")
        }
        if !cur.tokens.isEmpty { out.append(cur) }
        return out
    }

    static func normalizedTag(_ tag: String) -> String {
        guard tag.count > 2, tag.hasPrefix("B-") || tag.hasPrefix("I-"), let type = typeNames[String(tag.dropFirst(2))] else { return "O" }
        return String(tag.prefix(2)) + type
    }

    /// The labelled spans `(start, end, type)` of IOB2 tags, conlleval's way.
    public static func spans(_ tags: [String]) -> Set<NERSpan> {
        var out = Set<NERSpan>()
        var start: Int? = nil, kind = ""
        for (i, t) in (tags + ["O"]).enumerated() {
            let type = t.count > 2 ? String(t.dropFirst(2)) : ""
            if t == "O" || t.hasPrefix("B-") || type != kind {
                if let s = start { out.insert(NERSpan(start: s, end: i, type: kind)) }
                start = t == "O" ? nil : i
                kind = t == "O" ? "" : type
            }
        }
        return out
    }
}

/// A labelled token span of a sentence.
public struct NERSpan: Hashable, Sendable {
    /// First token, one past the last, type name.
    public var start: Int, end: Int, type: String
}

/// Entity-level precision, recall and F1 per type and micro-averaged (exact span and type).
public struct NERScore: Sendable, CustomStringConvertible {
    /// True positives, false positives, false negatives by type.
    public var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
    /// Creates an empty score.
    public init() {}

    /// Counts one sentence.
    public mutating func add(gold: Set<NERSpan>, predicted: Set<NERSpan>) {
        for type in ["PER", "ORG", "LOC"] {
            let g = gold.filter { $0.type == type }, p = predicted.filter { $0.type == type }
            var c = counts[type] ?? (0, 0, 0)
            c.tp += g.intersection(p).count; c.fp += p.subtracting(g).count; c.fn += g.subtracting(p).count
            counts[type] = c
        }
    }

    /// Adds another score's counts.
    public mutating func add(_ other: NERScore) {
        for (k, v) in other.counts {
            var c = counts[k] ?? (0, 0, 0)
            c.tp += v.tp; c.fp += v.fp; c.fn += v.fn
            counts[k] = c
        }
    }

    /// Precision, recall, F1 of `type`, or micro-averaged over all types when nil.
    public func prf(_ type: String? = nil) -> (p: Double, r: Double, f: Double) {
        let cs = type.map { [counts[$0] ?? (0, 0, 0)] } ?? Array(counts.values)
        let tp = Double(cs.reduce(0) { $0 + $1.tp }), fp = Double(cs.reduce(0) { $0 + $1.fp }), fn = Double(cs.reduce(0) { $0 + $1.fn })
        let p = tp / max(1, tp + fp), r = tp / max(1, tp + fn)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// `micro P R F1; PER F1; ORG F1; LOC F1`.
    public var description: String {
        /// Three decimals (`0.842`, `1.000`).
        func f(_ x: Double) -> String {
            let v = Int((x * 1000).rounded())
            let frac = String(v % 1000)
            return String(v / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
        }
        let m = prf()
        var s = "micro P \(f(m.p)) R \(f(m.r)) F1 \(f(m.f))"
        for t in ["PER", "ORG", "LOC"] { let x = prf(t); s += "; \(t) P \(f(x.p)) R \(f(x.r)) F1 \(f(x.f))" }
        return s
    }
}

/// Sentences made into one document with the features of every decoding window computed
/// once, and the gold label of each window token: what a training epoch reads.
struct EncodedCorpus {
    struct Window { var range: Range<Int>; var rows: Int; var labels: Int }
    var windows: [Window] = []
    var rows: [Int32] = []
    var gold: [UInt8] = []
    /// Per window token, as ``gold``: its word (its match key, numbered in order of first
    /// occurrence; -1 for a token that is not a capitalised word), and whether it starts its sentence: what
    /// ``DocumentEvidence`` counts.
    var words: [Int32] = []
    var firsts: [Bool] = []
    var wordCount = 0
    /// Per window token, ``documentRows`` rows from a first pass (-1: none), once
    /// ``setDocumentRows(_:_:)`` has run.
    var docRows: [Int32] = []
    static let documentRows = 2
    let sentences: [NERSentence]
    /// For each sentence, for each of its tokens: the document token holding its first byte,
    /// and whether they start together.
    var docToken: [[(token: Int32, starts: Bool)]] = []
    var documentTokens = 0

    init(_ sentences: [NERSentence], lexicon: EntityLexicon, extractor: NERFeatureExtractor, analyzer: TextAnalyzer) {
        self.sentences = sentences
        let (text, starts) = EncodedCorpus.joined(sentences)
        let doc = analyzer.analyze(text)
        documentTokens = doc.tokens.count
        let labels = labelTokens(doc, text: text, starts: starts)
        let scan = Scan(doc: doc, lexicon: lexicon, commonWords: TokenizerLexicon.builtIn.commonWords)
        if extractor.rules { scan.applyRules() }
        encodeWindows(scan, extractor: extractor, labels: labels)
        docRows = [Int32](repeating: -1, count: gold.count * EncodedCorpus.documentRows)
    }

    /// The sentences as one text (tokens joined by spaces, sentences by blank lines), and the
    /// byte where each token of each sentence starts.
    static func joined(_ sentences: [NERSentence]) -> (text: [UInt8], starts: [[Int]]) {
        var text: [UInt8] = []
        var starts: [[Int]] = []
        for s in sentences {
            if !text.isEmpty { text += [0x0A, 0x0A] }
            var row: [Int] = []
            for (k, t) in s.tokens.enumerated() {
                if k > 0 { text.append(0x20) }
                row.append(text.count)
                text += t.utf8
            }
            starts.append(row)
        }
        return (text, starts)
    }

    /// The gold label of each token of `doc` (the analysis of ``joined(_:)``'s text), from the
    /// sentences' IOB2 tags; fills ``docToken``.
    private mutating func labelTokens(_ doc: Document, text: [UInt8], starts: [[Int]]) -> [UInt8] {
        // The document token at each original byte.
        var tokenAt = [Int32](repeating: -1, count: text.count + 1)
        var tokenStart = [Bool](repeating: false, count: text.count + 1)
        for t in 0..<doc.tokens.count {
            let r = doc.offsetMap.originalRange(Int(doc.tokens.starts[t])..<Int(doc.tokens.ends[t]))
            for b in r where b < tokenAt.count { tokenAt[b] = Int32(t) }
            if r.lowerBound < tokenStart.count { tokenStart[r.lowerBound] = true }
        }
        var labels = [UInt8](repeating: 0, count: doc.tokens.count)
        for (s, row) in zip(sentences, starts) {
            var map: [(Int32, Bool)] = []
            for (k, b) in row.enumerated() {
                let t = tokenAt[b]
                map.append((t, tokenStart[b]))
                guard t >= 0, s.tags[k] != "O", let begin = NERLabel.begin(EntityType(rawValue: String(s.tags[k].dropFirst(2))) ?? .date) else { continue }
                // Later document tokens inside this sentence token continue its label.
                let isBegin = s.tags[k].hasPrefix("B-") || k == 0 || s.tags[k - 1] == "O" || s.tags[k - 1].dropFirst(2) != s.tags[k].dropFirst(2)
                if labels[Int(t)] == 0 { labels[Int(t)] = UInt8(tokenStart[b] && isBegin ? begin : begin + 1) }
                let end = b + s.tokens[k].utf8.count
                var last = t
                for x in b..<end where tokenAt[x] > last {
                    last = tokenAt[x]
                    if labels[Int(last)] == 0 { labels[Int(last)] = UInt8(begin + 1) }
                }
            }
            docToken.append(map)
        }
        return labels
    }

    /// Sets ``windows``, ``rows`` and ``gold`` to the decoding windows of `scan` with their
    /// feature rows and gold labels, and ``words``, ``firsts`` and ``wordCount`` to what the
    /// document evidence counts of their tokens.
    private mutating func encodeWindows(_ scan: Scan, extractor: NERFeatureExtractor, labels: [UInt8]) {
        var windows: [Window] = [], allRows: [Int32] = [], gold: [UInt8] = [], words: [Int32] = [], firsts: [Bool] = []
        let opens = EncodedCorpus.sentenceStarts(scan)
        var scratch = [UInt8](repeating: 0, count: 256)
        var numbers: [UInt64: Int32] = [:]
        NERWindowFeatures.forEachWindow(scan, extractor) { window, rows in
            windows.append(Window(range: window, rows: allRows.count, labels: gold.count))
            allRows += rows
            for t in window {
                if NERWindows.isCandidate(scan.flags[t], scan.kinds[t]) {
                    let key = extractor.facts(scan, t, &scratch).keyHash
                    words.append(numbers[key] ?? { numbers[key] = Int32(numbers.count); return Int32(numbers.count - 1) }())
                } else {
                    words.append(-1)
                }
                firsts.append(opens[t])
            }
            // A name cut by the window's edge starts at the edge.
            for t in window {
                let l = Int(labels[t])
                let previous = t == window.lowerBound ? NERLabel.o : Int(gold[gold.count - 1])
                gold.append(NERLabel.isInside(l) && previous != l && previous != l - 1 ? UInt8(l - 1) : UInt8(l))
            }
        }
        self.windows = windows; self.rows = allRows; self.gold = gold
        self.words = words; self.firsts = firsts
        wordCount = numbers.count
    }

    /// Whether each token starts its sentence or follows an opening quote (as the features
    /// read `first`).
    static func sentenceStarts(_ scan: Scan) -> [Bool] {
        let doc = scan.doc
        var out = [Bool](repeating: false, count: doc.tokens.count)
        for s in 0..<doc.sentenceRanges.count where Int(doc.sentenceTokenStarts[s]) < out.count { out[Int(doc.sentenceTokenStarts[s])] = true }
        for t in 1..<max(1, out.count) where scan.flags[t - 1].contains(.openingQuote) { out[t] = true }
        return out
    }

    /// Sets ``docRows`` from a first pass's `labels` (one per window token, as ``gold``).
    mutating func setDocumentRows(_ labels: [UInt8], _ extractor: NERFeatureExtractor) {
        var evidence = DocumentEvidence(words: wordCount)
        for k in gold.indices where words[k] >= 0 { evidence.add(word: Int(words[k]), label: Int(labels[k]), first: firsts[k]) }
        let n = EncodedCorpus.documentRows
        docRows = [Int32](repeating: -1, count: gold.count * n)
        for k in gold.indices where words[k] >= 0 {
            var m = 0
            evidence.features(word: Int(words[k]), label: Int(labels[k]), first: firsts[k]) { t, v in
                if m < n { docRows[k * n + m] = extractor.row(t, v); m += 1 }
            }
        }
    }

    /// Scores labels decoded for every window (`predicted`, in window order) against the gold tags.
    func score(_ predicted: [UInt8]) -> NERScore {
        var docLabels = [UInt8](repeating: 0, count: documentTokens)
        for w in windows { for (k, t) in w.range.enumerated() { docLabels[t] = predicted[w.labels + k] } }
        var score = NERScore()
        for (s, map) in zip(sentences, docToken) {
            var tags: [String] = []
            for (t, starts) in map {
                let l = t >= 0 ? Int(docLabels[Int(t)]) : 0
                if l == 0 { tags.append("O"); continue }
                let type = NERLabel.type(l).rawValue
                tags.append((starts && !NERLabel.isInside(l) ? "B-" : "I-") + type)
            }
            score.add(gold: NERCorpus.spans(s.tags), predicted: NERCorpus.spans(tags))
        }
        return score
    }
}

/// Trains a ``NERModel``: an averaged structured perceptron over the decoding windows,
/// sentences in a seeded shuffled order each epoch, so a run repeats exactly.
public struct NERTrainer: Sendable {
    /// Passes over the training data (at least 1).
    public var epochs = 8 { didSet { epochs = max(1, epochs) } }
    /// The shuffling seed.
    public var seed: UInt64 = 13
    /// Perceptrons trained with the seeds `seed`, `seed + 1`, …, whose averaged weights are
    /// averaged into the model: one perceptron's dev scores move by about a point with the
    /// order the sentences come in; the average of twenty moves much less, and so do its tags
    /// on unseen text from one retrain to the next.
    public var runs = 20 { didSet { runs = max(1, runs) } }
    /// log2 of the number of weight rows.
    public var bits = 18
    /// Whether to use the gazetteer features.
    public var gazetteer = true
    /// Whether to use the words' distributional classes (``WordClasses``).
    public var classes = true
    /// Whether to read the rule tagger's mentions as features.
    public var rules = true
    /// Whether to tag in two passes, the second reading the first's tags of the same words
    /// elsewhere in the document (the first pass's tags of the training data come from models
    /// trained on the other folds: ``jackknifeFolds``).
    public var document = true
    /// The folds of the first pass over the training data.
    public var jackknifeFolds = 5
    /// The CRF's L2 coefficient (CRFsuite's `c2`).
    public var c2 = 1.0
    /// The CRF's L-BFGS iterations at most (at least 1).
    public var iterations = 150 { didSet { iterations = max(1, iterations) } }
    /// Whether to train a CRF by L-BFGS (else an averaged perceptron, the default: as accurate
    /// on the dev sets and ten times faster to train).
    public var crf = false
    /// The lexicons the gazetteer features read.
    public let lexicon: EntityLexicon

    /// A trainer over `lexicon`.
    public init(lexicon: EntityLexicon = .builtIn) { self.lexicon = lexicon }

    var extractor: NERFeatureExtractor {
        NERFeatureExtractor(bits: bits, gazetteer: gazetteer, rules: rules,
                            multiWord: WordIndex(gazetteer ? NERFeatureExtractor.multiWordIndex(lexicon) : [:]),
                            classes: classes ? WordClasses.builtIn() : nil, document: document && !crf)
    }

    /// A model trained on `train`, reporting the score on each `dev` set after every epoch
    /// through `progress`.
    public func train(_ sentences: [NERSentence], dev: [(name: String, sentences: [NERSentence])] = [],
                      progress: (String) -> Void = { _ in }) -> NERModel {
        let extractor = self.extractor
        let analyzer = TextAnalyzer()
        let corpus = EncodedCorpus(sentences, lexicon: lexicon, extractor: extractor, analyzer: analyzer)
        let devCorpora = dev.map { ($0.name, EncodedCorpus($0.sentences, lexicon: lexicon, extractor: extractor, analyzer: analyzer)) }
        // The best score the decoding windows allow (names outside them cannot be found).
        for (name, c) in devCorpora { progress("reachable \(name): \(c.score(c.gold))") }
        func report(_ stage: String, _ model: NERModel) {
            var line = stage
            for (name, c) in devCorpora { line += "\n  \(name): \(NERTrainer.evaluate(model, c))" }
            progress(line)
        }
        return crf ? trainCRF(corpora: [corpus], extractor: extractor) { report("iteration \($0)", $1) }
            : train(corpora: [corpus], extractor: extractor, epochEnd: report)
    }

    /// Micro and per-type scores of `k`-fold cross-validation over `sentences` (shuffled with
    /// the seed, then cut into `k` folds): each fold scored by a model trained on the others.
    public func crossValidate(_ sentences: [NERSentence], folds k: Int, progress: (String) -> Void = { _ in }) -> (folds: [NERScore], total: NERScore) {
        let extractor = self.extractor
        let analyzer = TextAnalyzer()
        var order = Array(sentences.indices)
        var rng = SplitMix(seed: seed ^ 0xC0FFEE)
        order.shuffle(using: &rng)
        let folds = (0..<k).map { f in
            EncodedCorpus(order.enumerated().filter { $0.offset % k == f }.map { sentences[$0.element] },
                          lexicon: lexicon, extractor: extractor, analyzer: analyzer)
        }
        var scores: [NERScore] = [], total = NERScore()
        for f in 0..<k {
            let rest = folds.enumerated().filter { $0.offset != f }.map(\.element)
            let model = crf ? trainCRF(corpora: rest, extractor: extractor) { _, _ in } : train(corpora: rest, extractor: extractor)
            let s = NERTrainer.evaluate(model, folds[f])
            progress("fold \(f + 1): \(s)")
            scores.append(s); total.add(s)
        }
        return (scores, total)
    }

    /// The score of `model` on `corpus`, tagged as ``NERModel/spans(_:words:)`` tags: in two
    /// passes when the model reads document evidence.
    static func evaluate(_ model: NERModel, _ corpus: EncodedCorpus) -> NERScore {
        let first = decode(model, corpus, documentRows: false)
        guard model.usesDocument else { return corpus.score(first) }
        var second = corpus
        second.setDocumentRows(first, model.extractor)
        return corpus.score(decode(model, second, documentRows: true))
    }

    /// The labels `model` gives every window of `corpus`, with its document rows or without.
    static func decode(_ model: NERModel, _ corpus: EncodedCorpus, documentRows: Bool) -> [UInt8] {
        var predicted: [UInt8] = []
        var emissions: [Float] = [], labels: [Int] = []
        var decoder = ViterbiDecoder()
        let n = EncodedCorpus.documentRows
        for w in corpus.windows {
            emissions.removeAll(keepingCapacity: true)
            let rows = Array(corpus.rows[w.rows..<w.rows + w.range.count * NERModel.stride])
            model.score(rows, tokens: w.range.count, into: &emissions)
            if documentRows {
                let extra = Array(corpus.docRows[w.labels * n..<(w.labels + w.range.count) * n])
                var more: [Float] = []
                model.score(extra, tokens: w.range.count, stride: n, into: &more)
                for k in emissions.indices { emissions[k] += more[k] }
            }
            decoder.decode(emissions, count: w.range.count, transitions: model.transitions, into: &labels)
            predicted += labels.map { UInt8($0) }
        }
        return predicted
    }

    /// The first pass's labels of every window of `corpora`, each window labelled by a
    /// perceptron trained on the windows of the other ``jackknifeFolds`` folds (one run, no
    /// document rows), so no label comes from a model that saw it.
    func firstPass(_ corpora: [EncodedCorpus]) -> [[UInt8]] {
        var out = corpora.map { [UInt8](repeating: 0, count: $0.gold.count) }
        let k = max(2, jackknifeFolds)
        var emissions: [Float] = [], labels: [Int] = []
        var decoder = ViterbiDecoder()
        for fold in 0..<k {
            var weights: [Float] = [], transitions: [Float] = []
            perceptron(corpora: corpora, seed: seed, include: { $1 % k != fold }) { epoch, w, t in
                if epoch == epochs { weights = w; transitions = t }
            }
            for (c, corpus) in corpora.enumerated() {
                for (j, win) in corpus.windows.enumerated() where j % k == fold {
                    emissions.removeAll(keepingCapacity: true)
                    NERTrainer.emissions(weights, corpus, win, into: &emissions)
                    decoder.decode(emissions, count: win.range.count, transitions: transitions, into: &labels)
                    for (t, l) in labels.enumerated() { out[c][win.labels + t] = UInt8(l) }
                }
            }
        }
        return out
    }

    /// The label scores of window `win` of `corpus` under float `weights` (its feature rows,
    /// and its document rows with `documentRows`).
    static func emissions(_ weights: [Float], _ corpus: EncodedCorpus, _ win: EncodedCorpus.Window, documentRows: Bool = false,
                          into emissions: inout [Float]) {
        let stride = NERModel.stride, n = EncodedCorpus.documentRows
        weights.withUnsafeBufferPointer { w in
            let raw = UnsafeRawPointer(w.baseAddress!)
            for t in 0..<win.range.count {
                var sum = SIMD8<Float>()
                for r in corpus.rows[win.rows + t * stride..<win.rows + (t + 1) * stride] where r >= 0 {
                    sum += raw.loadUnaligned(fromByteOffset: Int(r) * 32, as: SIMD8<Float>.self)
                }
                for r in corpus.docRows[(win.labels + t) * n..<(win.labels + t + 1) * n] where documentRows && r >= 0 {
                    sum += raw.loadUnaligned(fromByteOffset: Int(r) * 32, as: SIMD8<Float>.self)
                }
                for l in 0..<8 { emissions.append(sum[l]) }
            }
        }
    }

    /// The average of ``runs`` averaged perceptrons over `corpora`; `epochEnd` sees, after
    /// each epoch, the average of the finished runs and the running one. With document
    /// evidence on, a first pass over `corpora` (``firstPass(_:)``) gives each window its
    /// document rows, and every window that has some is trained on twice, with them and
    /// without: the first pass at tagging runs the same weights without them.
    func train(corpora: [EncodedCorpus], extractor: NERFeatureExtractor, epochEnd: (String, NERModel) -> Void = { _, _ in }) -> NERModel {
        var corpora = corpora
        if extractor.document {
            let first = firstPass(corpora)
            for c in corpora.indices { corpora[c].setDocumentRows(first[c], extractor) }
        }
        var sum = [Float](repeating: 0, count: (1 << bits) * 8), transitionSum = [Float](repeating: 0, count: 64)
        var model = NERModel(extractor: extractor, weights: [], transitions: [])
        let runs = max(1, runs)
        for run in 0..<runs {
            perceptron(corpora: corpora, seed: seed &+ UInt64(run)) { epoch, weights, transitions in
                guard epoch == epochs || run == runs - 1 else { return }
                let n = Float(run + 1)
                let w = zip(sum, weights).map { ($0 + $1) / n }, t = zip(transitionSum, transitions).map { ($0 + $1) / n }
                model = quantized(w, t, extractor)
                if run == runs - 1 { epochEnd("epoch \(epoch)", model) }
                if epoch == epochs {
                    for k in sum.indices { sum[k] += weights[k] }
                    for k in 0..<64 { transitionSum[k] += transitions[k] }
                }
            }
        }
        return model
    }

    /// One averaged perceptron over `corpora`, sentences shuffled by `seed`; `epochEnd` sees
    /// each epoch's averaged weights and transitions.
    func perceptron(corpora: [EncodedCorpus], seed: UInt64, include: (Int, Int) -> Bool = { _, _ in true },
                    epochEnd: (Int, [Float], [Float]) -> Void) {
        let width = (1 << bits) * 8
        var w = [Float](repeating: 0, count: width), u = [Float](repeating: 0, count: width)
        var tw = [Float](repeating: 0, count: 64), tu = [Float](repeating: 0, count: 64)
        var c: Float = 1
        var instances: [(Int, Int, Bool)] = []
        for (k, corpus) in corpora.enumerated() {
            let twice = corpus.docRows.contains { $0 >= 0 }
            for j in corpus.windows.indices where include(k, j) {
                instances.append((k, j, false))
                if twice { instances.append((k, j, true)) }
            }
        }
        var rng = SplitMix(seed: seed)
        var emissions = [Float](), labels = [Int]()
        var decoder = ViterbiDecoder()
        let stride = NERModel.stride
        for epoch in 1...epochs {
            instances.shuffle(using: &rng)
            for (k, j, withDocument) in instances {
                let corpus = corpora[k], win = corpus.windows[j]
                let n = win.range.count
                emissions.removeAll(keepingCapacity: true)
                NERTrainer.emissions(w, corpus, win, documentRows: withDocument, into: &emissions)
                decoder.decode(emissions, count: n, transitions: tw, into: &labels)
                var prevG = 0, prevP = 0
                for t in 0...n {
                    let g = t < n ? Int(corpus.gold[win.labels + t]) : 0, p = t < n ? labels[t] : 0
                    if g != p || prevG != prevP {
                        tw[prevG * 8 + g] += 1; tu[prevG * 8 + g] += c
                        tw[prevP * 8 + p] -= 1; tu[prevP * 8 + p] -= c
                    }
                    if t < n, g != p {
                        func update(_ r: Int32) {
                            w[Int(r) * 8 + g] += 1; u[Int(r) * 8 + g] += c
                            w[Int(r) * 8 + p] -= 1; u[Int(r) * 8 + p] -= c
                        }
                        for r in corpus.rows[win.rows + t * stride..<win.rows + (t + 1) * stride] where r >= 0 { update(r) }
                        let d = EncodedCorpus.documentRows
                        if withDocument { for r in corpus.docRows[(win.labels + t) * d..<(win.labels + t + 1) * d] where r >= 0 { update(r) } }
                    }
                    prevG = g; prevP = p
                }
                c += 1
            }
            epochEnd(epoch, zip(w, u).map { $0 - $1 / c }, zip(tw, tu).map { $0 - $1 / c })
        }
    }

    /// A linear-chain CRF trained by L-BFGS on the L2-regularised negative log-likelihood
    /// (as CRFsuite's `lbfgs` with `c2`), over all decoding windows at once: deterministic.
    func trainCRF(corpora: [EncodedCorpus], extractor: NERFeatureExtractor, epochEnd: (Int, NERModel) -> Void) -> NERModel {
        let width = (1 << bits) * 8
        let dims = width + 64
        var x = [Double](repeating: 0, count: dims)
        var g = [Double](repeating: 0, count: dims)
        var f = objective(x, &g, corpora)
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        let memory = 6
        var model = NERModel(extractor: extractor, weights: [], transitions: [])
        var newG = [Double](repeating: 0, count: dims)
        for iteration in 1...iterations {
            let d = searchDirection(g, history)
            let slope = dot(g, d)
            if slope >= 0 { history.removeAll(); continue }
            var newX = x
            let newF = lineSearch(x, f, d, slope: slope, into: &newX, gradient: &newG, corpora)
            var sv = [Double](repeating: 0, count: dims), yv = [Double](repeating: 0, count: dims)
            for k in 0..<dims { sv[k] = newX[k] - x[k]; yv[k] = newG[k] - g[k] }
            let sy = dot(sv, yv)
            if sy > 1e-10 {
                history.append((sv, yv, 1 / sy))
                if history.count > memory { history.removeFirst() }
            }
            let improvement = (f - newF) / max(abs(f), 1)
            x = newX; g = newG; f = newF
            if iteration % 10 == 0 || iteration == iterations || improvement < 1e-5 {
                model = crfModel(x, extractor)
                epochEnd(iteration, model)
                if improvement < 1e-5 { break }
            }
        }
        return model
    }

    /// L-BFGS's two-loop recursion: the direction -H g from the gradient `g` and the last
    /// steps and gradient changes in `history` (the scaled steepest descent without one).
    func searchDirection(_ g: [Double], _ history: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
        let dims = g.count
        var d = g.map { -$0 }
        var alphas: [Double] = []
        for h in history.reversed() {
            let a = h.rho * dot(h.s, d)
            alphas.append(a)
            for k in 0..<dims { d[k] += a * h.y[k] }  // d = d - a * y with d holding -q
        }
        if let last = history.last {
            let gamma = dot(last.s, last.y) / dot(last.y, last.y)
            for k in 0..<dims { d[k] *= gamma }
        } else {
            let norm = dot(g, g).squareRoot()
            for k in 0..<dims { d[k] /= max(norm, 1e-12) }
        }
        for (h, a) in zip(history, alphas.reversed()) {
            let b = h.rho * dot(h.y, d)
            for k in 0..<dims { d[k] += h.s[k] * (a - b) }
        }
        return d
    }

    /// Backtracking (Armijo) line search from `x` (objective `f`) along `d`: sets `newX` to
    /// the point taken and `gradient` to its gradient, and returns its objective; halves the
    /// step at most 20 times.
    func lineSearch(_ x: [Double], _ f: Double, _ d: [Double], slope: Double, into newX: inout [Double],
                    gradient: inout [Double], _ corpora: [EncodedCorpus]) -> Double {
        var step = 1.0
        var tries = 0
        while true {
            for k in 0..<x.count { newX[k] = x[k] + step * d[k] }
            let newF = objective(newX, &gradient, corpora)
            if newF <= f + 1e-4 * step * slope || tries >= 20 { return newF }
            step *= 0.5
            tries += 1
        }
    }

    func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for k in a.indices { s += a[k] * b[k] }
        return s
    }

    func crfModel(_ x: [Double], _ extractor: NERFeatureExtractor) -> NERModel {
        let width = (1 << bits) * 8
        let w = x[0..<width].map { Float($0) }
        let tw = x[width...].map { Float($0) }
        return quantized(w, Array(tw), extractor)
    }

    /// The regularised negative log-likelihood at `x` (weights, then 64 transitions), its
    /// gradient written to `grad`.
    func objective(_ x: [Double], _ grad: inout [Double], _ corpora: [EncodedCorpus]) -> Double {
        let width = (1 << bits) * 8
        for k in grad.indices { grad[k] = 2 * c2 * x[k] }
        var f = 0.0
        for k in x.indices where x[k] != 0 { f += c2 * x[k] * x[k] }
        var lattice = CRFLattice(x: x, width: width)
        for corpus in corpora {
            for win in corpus.windows {
                f += lattice.negativeLogLikelihood(corpus, win, &grad)
            }
        }
        return f
    }

    /// Weights quantised to 8 bits: the largest magnitude maps to 127; the transitions are
    /// kept in the same units.
    func quantized(_ weights: [Float], _ transitions: [Float], _ extractor: NERFeatureExtractor) -> NERModel {
        let top = weights.lazy.map { abs($0) }.max() ?? 0
        let scale = top > 0 ? top / 127 : 1
        let q = weights.map { Int8(max(-127, min(127, ($0 / scale).rounded()))) }
        return NERModel(extractor: extractor, weights: q, transitions: transitions.map { $0 / scale })
    }
}

/// A small seeded generator (SplitMix64), so shuffles repeat across runs and platforms.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// One window's forward-backward pass for ``NERTrainer/objective(_:_:_:)``: its emission
/// scores, the scaled forward and backward sums over the labels, and what it adds to the
/// gradient. The buffers are kept from window to window.
private struct CRFLattice {
    let x: [Double]
    /// Where the 64 transition weights start in `x`.
    let width: Int
    /// exp of each transition weight; 0 where the transition is not allowed.
    var trans: [Double]
    var emit: [Double] = [], phi: [Double] = [], alpha: [Double] = [], beta: [Double] = [], scale: [Double] = []
    var zPrime = 0.0
    let n = NERLabel.count

    init(x: [Double], width: Int) {
        self.x = x
        self.width = width
        trans = [Double](repeating: 0, count: 64)
        for p in 0..<n { for l in 0..<n { trans[p * 8 + l] = NERLabel.allowed(p, l) ? FastMath.exp(x[width + p * 8 + l]) : 0 } }
    }

    /// The window's negative log-likelihood; adds its gradient to `grad`.
    mutating func negativeLogLikelihood(_ corpus: EncodedCorpus, _ win: EncodedCorpus.Window, _ grad: inout [Double]) -> Double {
        let len = win.range.count
        var logZ = emissions(corpus, win)
        forward(len, &logZ)
        backward(len)
        zPrime = 0
        for l in 0..<n { zPrime += alpha[(len - 1) * 8 + l] * beta[(len - 1) * 8 + l] }
        logZ += FastMath.log(zPrime)
        let gold = goldScore(corpus, win, &grad)
        addExpectedCounts(corpus, win, &grad)
        return logZ - gold
    }

    /// Fills `emit` and `phi` (exp of each score less the token's best); returns the sum of the bests.
    private mutating func emissions(_ corpus: EncodedCorpus, _ win: EncodedCorpus.Window) -> Double {
        let stride = NERModel.stride
        emit.removeAll(keepingCapacity: true); phi.removeAll(keepingCapacity: true)
        var logZ = 0.0
        for t in 0..<win.range.count {
            var sum = [Double](repeating: 0, count: 8)
            for r in corpus.rows[win.rows + t * stride..<win.rows + (t + 1) * stride] where r >= 0 {
                let base = Int(r) * 8
                for l in 0..<n { sum[l] += x[base + l] }
            }
            let m = sum[0..<n].max()!
            logZ += m
            for l in 0..<8 { emit.append(sum[l]); phi.append(l < n ? FastMath.exp(sum[l] - m) : 0) }
        }
        return logZ
    }

    /// The scaled forward sums; adds the log of each scale to `logZ`.
    private mutating func forward(_ len: Int, _ logZ: inout Double) {
        alpha = [Double](repeating: 0, count: len * 8)
        scale = [Double](repeating: 1, count: len)
        for t in 0..<len {
            var c = 0.0
            for l in 0..<n {
                var a = 0.0
                if t == 0 { a = trans[l] } else { for p in 0..<n { a += alpha[(t - 1) * 8 + p] * trans[p * 8 + l] } }
                a *= phi[t * 8 + l]
                alpha[t * 8 + l] = a
                c += a
            }
            scale[t] = c
            for l in 0..<n { alpha[t * 8 + l] /= c }
            logZ += FastMath.log(c)
        }
    }

    /// The backward sums, scaled as the forward ones.
    private mutating func backward(_ len: Int) {
        beta = [Double](repeating: 0, count: len * 8)
        for l in 0..<n { beta[(len - 1) * 8 + l] = trans[l * 8] }
        var t = len - 2
        while t >= 0 {
            for p in 0..<n {
                var b = 0.0
                for l in 0..<n { b += trans[p * 8 + l] * phi[(t + 1) * 8 + l] * beta[(t + 1) * 8 + l] }
                beta[t * 8 + p] = b / scale[t + 1]
            }
            t -= 1
        }
    }

    /// The gold path's score; takes its transitions' counts off the gradient.
    private func goldScore(_ corpus: EncodedCorpus, _ win: EncodedCorpus.Window, _ grad: inout [Double]) -> Double {
        var gold = 0.0, prev = 0
        for t in 0..<win.range.count {
            let l = Int(corpus.gold[win.labels + t])
            gold += emit[t * 8 + l] + x[width + prev * 8 + l]
            grad[width + prev * 8 + l] -= 1
            prev = l
        }
        gold += x[width + prev * 8]
        grad[width + prev * 8] -= 1
        return gold
    }

    /// Adds the expected feature and transition counts less the gold features' to the gradient.
    private func addExpectedCounts(_ corpus: EncodedCorpus, _ win: EncodedCorpus.Window, _ grad: inout [Double]) {
        let len = win.range.count, stride = NERModel.stride
        for t in 0..<len {
            let l0 = Int(corpus.gold[win.labels + t])
            var delta = [Double](repeating: 0, count: 8)
            for l in 0..<n { delta[l] = alpha[t * 8 + l] * beta[t * 8 + l] / zPrime }
            delta[l0] -= 1
            for r in corpus.rows[win.rows + t * stride..<win.rows + (t + 1) * stride] where r >= 0 {
                let base = Int(r) * 8
                for l in 0..<n { grad[base + l] += delta[l] }
            }
        }
        for l in 0..<n { grad[width + l] += alpha[l] * beta[l] / zPrime }
        for l in 0..<n { grad[width + l * 8] += alpha[(len - 1) * 8 + l] * beta[(len - 1) * 8 + l] / zPrime }
        for t in 1..<max(len, 1) {
            for p in 0..<n where alpha[(t - 1) * 8 + p] > 0 {
                for l in 0..<n where trans[p * 8 + l] > 0 {
                    grad[width + p * 8 + l] += alpha[(t - 1) * 8 + p] * trans[p * 8 + l] * phi[t * 8 + l] * beta[t * 8 + l] / (scale[t] * zPrime)
                }
            }
        }
    }
}
