import WartaEntities
import WartaHTML
import WartaQuotes
import WartaText

/// Times each text stage on one input, for `warta bench` and the benchmark suite.
public struct StageBenchmark {
    /// One stage's best time.
    public struct Stage: Sendable {
        /// Stage name.
        public let name: String
        /// Best wall-clock seconds over the iterations.
        public let seconds: Double
        /// Input bytes per run.
        public let bytes: Int
        /// Tokens produced per run.
        public let tokens: Int
        /// Megabytes (10^6 bytes) of input per second.
        public var megabytesPerSecond: Double { Double(bytes) / seconds / 1e6 }
        /// Tokens per second.
        public var tokensPerSecond: Double { Double(tokens) / seconds }
    }

    /// The measured stages.
    public struct Report: Sendable {
        /// Stages in pipeline order.
        public let stages: [Stage]
        /// A printable table.
        public func table() -> String {
            var s = "stage                          MB/s     tokens/s   seconds\n"
            for st in stages {
                s += pad(st.name, 28) + pad(format(st.megabytesPerSecond, 1), 9, left: true)
                s += pad(format(st.tokensPerSecond / 1e6, 2) + "M", 13, left: true)
                s += pad(format(st.seconds, 4), 10, left: true) + "\n"
            }
            return s
        }
    }

    let input: [UInt8]
    let analyzer = TextAnalyzer()

    /// Creates a benchmark over `input`.
    public init(input: [UInt8]) { self.input = input }

    /// Runs every stage `iterations` times and keeps the best time of each.
    public func run(iterations: Int) -> Report {
        let normalized = analyzer.normalizer.normalize(input)
        var tokens = TokenTable()
        normalized.bytes.withUnsafeBufferPointer { analyzer.tokenizer.tokenize($0, into: &tokens) }
        let count = tokens.count
        var stages: [Stage] = []
        stages.append(measure("normalize", iterations, count) { _ = analyzer.normalizer.normalize(input) })
        stages.append(measure("tokenize", iterations, count) {
            var t = TokenTable()
            normalized.bytes.withUnsafeBufferPointer { analyzer.tokenizer.tokenize($0, into: &t) }
        })
        stages.append(measure("clitics", iterations, count) {
            var t = tokens
            normalized.bytes.withUnsafeBufferPointer { analyzer.clitics.analyze($0, &t) }
        })
        var analyzed = analyzer.analyze(normalized: normalized)
        stages.append(measure("paragraphs+sentences", iterations, count) {
            analyzed.bytes.withUnsafeBufferPointer { analyzed.paragraphRanges = ParagraphSplitter().split($0) }
            SentenceSplitter().split(&analyzed)
        })
        stages.append(measure("normalize+segment+tokenize", iterations, count) {
            _ = analyzer.analyze(input)
        })
        // The same text as separate documents (split at blank lines), as a batch sees it.
        let documents = StageBenchmark.splitDocuments(input)
        stages.append(measure("... per document (\(documents.count) docs)", iterations, count) {
            for d in documents { _ = analyzer.analyze(d) }
        })
        let clock = ContinuousClock()
        var lexicon: EntityLexicon?
        let load = clock.measure { lexicon = EntityLexicon(tsv: EntityLexicon.builtInSources) }
        let tagger = EntityTagger(lexicon: lexicon!)
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        stages.append(Stage(name: "entity lexicons (compile TSV, once)", seconds: seconds(load), bytes: input.count, tokens: 0))
        // What a CLI run does with a warm cache: read the binary image and load it (best of three).
        let image = lexicon!.image()
        let imageLoad = (0..<3).map { _ in clock.measure { _ = image.withUnsafeBytes { EntityLexicon(image: $0) } } }.min()!
        stages.append(Stage(name: "... load binary image (\(image.count / 1_000_000) MB)", seconds: seconds(imageLoad), bytes: input.count, tokens: 0))
        let whole = analyzer.analyze(input)
        stages.append(measure("entity tagging (after tokens)", iterations, count) { _ = tagger.tag(whole) })
        // The same with a small lexicon and with a large one, to show how lookups scale.
        let small = EntityTagger(lexicon: EntityLexicon(tsv: [StageBenchmark.sampledLexicon(about: 1_000)]))
        stages.append(measure("... 1k lexicon entries", iterations, count) { _ = small.tag(whole) })
        let large = EntityTagger(lexicon: EntityLexicon(tsv: EntityLexicon.builtInSources + [StageBenchmark.syntheticLexicon(200_000)]))
        stages.append(measure("... \(large.lexicon.entries.count / 1000)k entries (200k synthetic)", iterations, count) {
            _ = large.tag(whole)
        })
        let attributor = QuoteAttributor(lexicon: tagger.lexicon)
        // Per document, as a batch meets them, on top of tagged entities: entity resolution
        // alone, then with quotes (speaker pre-pass, resolution, attribution); quotes cost the
        // difference.
        let tagged = documents.map { d -> (Document, [EntityMention]) in
            let doc = analyzer.analyze(d)
            return (doc, tagger.tag(doc))
        }
        let resolution = measure("entity resolution, per document", iterations, count) {
            for (doc, mentions) in tagged { _ = EntityResolver().resolve(mentions, in: doc) }
        }
        let withQuotes = measure("... + quotes", iterations, count) {
            for (doc, mentions) in tagged { _ = attributor.analyze(doc, mentions: mentions) }
        }
        stages.append(resolution)
        stages.append(withQuotes)
        stages.append(Stage(name: "quotes alone (difference)", seconds: max(withQuotes.seconds - resolution.seconds, 1e-9),
                            bytes: input.count, tokens: count))
        // The same document by document as a run meets them: each document's text stages, then
        // its tagging, then resolution and quotes, each timed on its own while the document's
        // columns are still in cache (the passes above read 7,248 documents' columns cold).
        var inline = (text: Double.infinity, resolution: Double.infinity, quotes: Double.infinity)
        for _ in 0..<iterations {
            var text = 0.0, resolution = 0.0, quotes = 0.0
            for d in documents {
                var analyzed: Document?
                text += seconds(clock.measure { analyzed = analyzer.analyze(d) })
                let doc = analyzed!
                let mentions = tagger.tag(doc)
                // Resolution once untimed, so the timed one and the one inside `analyze` both run warm.
                _ = EntityResolver().resolve(mentions, in: doc)
                resolution += seconds(clock.measure { _ = EntityResolver().resolve(mentions, in: doc) })
                quotes += seconds(clock.measure { _ = attributor.analyze(doc, mentions: mentions) })
            }
            inline = (min(inline.text, text), min(inline.resolution, resolution), min(inline.quotes, quotes - resolution))
        }
        stages.append(Stage(name: "text stages, timed inline per document", seconds: inline.text, bytes: input.count, tokens: count))
        stages.append(Stage(name: "quotes alone, timed inline (\(Int((inline.quotes / inline.text * 100).rounded()))% of text)",
                            seconds: max(inline.quotes, 1e-9), bytes: input.count, tokens: count))
        let writer = RecordWriter(options: .init(tokens: true))
        stages.append(measure("... + JSON record (--tokens)", iterations, count) {
            let doc = analyzer.analyze(input)
            var out = JSONWriter(capacity: input.count * 4)
            writer.write(id: "bench", document: doc, to: &out)
        })
        return Report(stages: stages)
    }

    /// Times the HTML path on `pages`: parse and extract, then the full record without
    /// tokens (extraction + text stages + JSON), each the best of `iterations` passes.
    public static func html(pages: [[UInt8]], iterations: Int) -> String {
        let bytes = pages.reduce(0) { $0 + $1.count }
        let clock = ContinuousClock()
        let pipeline = Pipeline()
        let writer = RecordWriter()
        func best(_ body: () -> Void) -> Double {
            var b = Double.infinity
            for _ in 0..<iterations {
                let d = clock.measure(body)
                b = min(b, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
            }
            return b
        }
        let parse = best { for p in pages { _ = WartaHTML.HTMLTree(html: p) } }
        let extract = best { for p in pages { _ = WartaHTML.ArticleExtractor().extract(html: p) } }
        let record = best {
            var out = JSONWriter(capacity: 1 << 16)
            for p in pages {
                if case .success(let r) = pipeline.analyze(html: p) { writer.write(id: "p", article: r, to: &out) }
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        var s = "stage (\(pages.count) pages, \(bytes / 1000) kB)     pages/s      MB/s\n"
        for (name, t) in [("libxml2 parse + tree", parse), ("decode + parse + extract", extract),
                          ("full HTML record", record)] {
            s += pad(name, 33) + pad(format(Double(pages.count) / t, 0), 9, left: true)
            s += pad(format(Double(bytes) / t / 1e6, 1), 10, left: true) + "\n"
        }
        return s
    }

    /// `bytes` split at blank lines into documents.
    /// About `count` entries of the built-in entity lexicons (every n-th row), as one TSV file.
    public static func sampledLexicon(about count: Int) -> String {
        // The files in the entity format (villages.tsv has a compact one of its own).
        let rows = EntityLexicon.builtInSources.filter { $0.hasPrefix("name\t") }.flatMap { $0.split(separator: "\n").dropFirst() }
        let step = max(1, rows.count / count)
        let kept = stride(from: 0, to: rows.count, by: step).map { rows[$0] }
        return "name\ttype\tsubtype\tcase\tid\tparent\n" + kept.joined(separator: "\n") + "\n"
    }

    /// `count` made-up two-word organization names ("Bababa Bibaba"), for timing a large lexicon.
    public static func syntheticLexicon(_ count: Int) -> String {
        let consonants = Array("bdgklmnprst"), vowels = Array("aiu")
        let syllables = consonants.flatMap { c in vowels.map { String(c) + String($0) } }
        let words = syllables.count * syllables.count * syllables.count
        func word(_ n: Int) -> String {
            let s = syllables[n % syllables.count] + syllables[n / syllables.count % syllables.count]
                + syllables[n / (syllables.count * syllables.count) % syllables.count]
            return s.prefix(1).uppercased() + s.dropFirst()
        }
        var out = "name\ttype\tsubtype\tcase\tid\tparent\n"
        for i in 0..<count { out += "\(word(i % words)) \(word(i / words + 1))\tORG\tcompany\tcapitalized\t\t\n" }
        return out
    }

    public static func splitDocuments(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
                if i > start { out.append(Array(bytes[start..<i])) }
                i += 2
                while i < bytes.count && bytes[i] == 0x0A { i += 1 }
                start = i
                continue
            }
            i += 1
        }
        if start < bytes.count { out.append(Array(bytes[start...])) }
        return out
    }

    private func measure(_ name: String, _ iterations: Int, _ tokens: Int, _ body: () -> Void) -> Stage {
        var best = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<iterations {
            let d = clock.measure(body)
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            best = min(best, s)
        }
        return Stage(name: name, seconds: best, bytes: input.count, tokens: tokens)
    }
}

func format(_ v: Double, _ decimals: Int) -> String {
    var m = 1.0
    for _ in 0..<decimals { m *= 10 }
    let r = (v * m).rounded() / m
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let have = s.distance(from: dot, to: s.endIndex) - 1
        if have < decimals { s += String(repeating: "0", count: decimals - have) }
        if decimals == 0 { s = String(s[..<dot]) }
    }
    return s
}

func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return left ? fill + s : s + fill
}
