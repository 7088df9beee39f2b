import Warta

/// Times the pipeline's stages in process, for `warta bench` and the benchmark suite: a
/// diagnostic beside the whole-process figures of `Scripts/whole-process-benchmark.sh`.
public struct StageBenchmark {
    let input: [UInt8]
    let configuration: Configuration

    /// A benchmark over `input` (documents separated by blank lines) with `configuration`.
    public init(input: [UInt8], configuration: Configuration) {
        self.input = input
        self.configuration = configuration
    }

    /// Runs the pipeline over the documents of the input `iterations` times, as raw text and as
    /// articles, and gives each stage's time in the fastest pass, then how tagging scales with
    /// the lexicon's size.
    public func run(iterations: Int) -> String {
        let documents = StageBenchmark.splitDocuments(input)
        var out = "\(documents.count) documents, \(input.count / 1000) kB, best of \(iterations)\n\n"
        var raw = configuration
        raw.extractsArticles = false
        out += "raw text (--raw-text):\n" + profile(Pipeline(configuration: raw), documents, iterations).table + "\n"
        out += "articles (default):\n" + profile(Pipeline(configuration: configuration), documents, iterations).table + "\n"
        out += lexiconScaling(iterations)
        return out
    }

    /// The fastest of `iterations` profiled passes of `pipeline` over `documents`.
    func profile(_ pipeline: Pipeline, _ documents: [[UInt8]], _ iterations: Int) -> StageProfile {
        var best: StageProfile?
        for _ in 0..<max(1, iterations) {
            var profile: StageProfile? = StageProfile(stages: pipeline.stages)
            for bytes in documents {
                var doc = AnalyzedDocument(id: "bench", bytes: bytes, format: .text)
                try? pipeline.run(&doc, profile: &profile)
            }
            if best == nil || profile!.totalSeconds < best!.totalSeconds { best = profile }
        }
        return best!
    }

    /// Tagging the whole input as one text with a 1k-entry lexicon, the configured one and one
    /// with 200k more entries; and compiling and loading the configured lexicon.
    func lexiconScaling(_ iterations: Int) -> String {
        let doc = TextAnalyzer(lexicon: configuration.tokenizerLexicon).analyze(input)
        var s = "entity lexicon                       entries      MB/s   seconds\n"
        func row(_ name: String, _ entries: Int, _ seconds: Double) {
            s += pad(name, 33) + pad(String(entries), 11, left: true) + pad(format(Double(input.count) / seconds / 1e6, 1), 10, left: true)
            s += pad(format(seconds, 4), 10, left: true) + "\n"
        }
        let small = EntityLexicon(tsv: [StageBenchmark.sampledLexicon(about: 1_000)])
        let large = EntityLexicon(tsv: EntityLexicon.builtInSources + [StageBenchmark.syntheticLexicon(200_000)])
        for (name, lexicon) in [("tagging, 1k sample", small), ("tagging, configured", configuration.entityLexicon),
                                ("tagging, + 200k synthetic", large)] {
            let tagger = EntityTagger(lexicon: lexicon, commonWords: configuration.tokenizerLexicon.commonWords)
            row(name, lexicon.entries.count, best(iterations) { _ = tagger.tag(doc) })
        }
        let sources = EntityLexicon.builtInSources
        row("compile built-in TSV (once)", configuration.entityLexicon.entries.count, best(1) { _ = EntityLexicon(tsv: sources) })
        let image = configuration.entityLexicon.image()
        row("load binary image (\(image.count / 1_000_000) MB)", configuration.entityLexicon.entries.count,
            best(3) { _ = LexiconCache.entityLexicon(image: image) })
        return s
    }

    /// Times the HTML path on `pages`: libxml2's parse alone, extraction, and the whole record,
    /// each the best of `iterations` passes.
    public static func html(pages: [[UInt8]], iterations: Int, configuration: Configuration) -> String {
        let bytes = pages.reduce(0) { $0 + $1.count }
        let pipeline = Pipeline(configuration: configuration)
        let writer = RecordWriter()
        let parse = best(iterations) { for p in pages { _ = WartaHTML.HTMLTree(html: p) } }
        let extract = best(iterations) { for p in pages { _ = WartaHTML.ArticleExtractor().extract(html: p) } }
        let record = best(iterations) {
            var out = JSONWriter(capacity: 1 << 16)
            for p in pages {
                if case .success(let doc) = pipeline.analyze(p, format: .html) { writer.write(doc, to: &out) }
                out.removeAll()
            }
        }
        var s = "stage (\(pages.count) pages, \(bytes / 1000) kB)     pages/s      MB/s\n"
        for (name, t) in [("libxml2 parse + tree", parse), ("decode + parse + extract", extract),
                          ("whole record", record)] {
            s += pad(name, 33) + pad(format(Double(pages.count) / t, 0), 9, left: true)
            s += pad(format(Double(bytes) / t / 1e6, 1), 10, left: true) + "\n"
        }
        return s
    }

    /// About `count` entries of the built-in entity lexicons (every n-th row), as one TSV file.
    public static func sampledLexicon(about count: Int) -> String {
        // The files in the entity format (villages.tsv and wiki-names.tsv have compact ones).
        let rows = EntityLexicon.builtInSources.filter { $0.hasPrefix("name\ttype\tsubtype") }.flatMap { $0.split(separator: "\n").dropFirst() }
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

    /// `bytes` split at blank lines into documents.
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

}

/// The best wall-clock seconds of `iterations` runs of `body`.
func best(_ iterations: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var b = Double.infinity
    for _ in 0..<max(1, iterations) {
        let d = clock.measure(body)
        b = min(b, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }
    return b
}
