import Benchmark
import Warta
import WartaText

#if canImport(Glibc)
import Glibc
#endif

/// The benchmark input: the shared text corpus when present, else the seeds.
let corpus: [UInt8] = {
    let candidates = ["../../shared/data/corpus/corpus-all.txt", "../shared/data/corpus/corpus-all.txt"]
    for path in candidates where access(path, R_OK) == 0 {
        if let bytes = try? InputReader.read(path: path) { return bytes }
    }
    return (try? InputReader.read(path: "../seeds/000_43943d992f4a7b6d.txt")) ?? []
}()

let analyzer = TextAnalyzer()

/// The annotated HTML pages when present (read in place, never copied into the project).
let htmlPages: [[UInt8]] = {
    var pages: [[UInt8]] = []
    for base in ["../../shared/data/html", "../shared/data/html"] {
        for set in ["pages-2015", "pages-modern"] {
            guard let dir = opendir("\(base)/\(set)") else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix("."), let sub = opendir("\(base)/\(set)/\(name)") else { continue }
                defer { closedir(sub) }
                while let file = readdir(sub) {
                    let f = withUnsafeBytes(of: file.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if f.hasSuffix(".html"), let bytes = try? InputReader.read(path: "\(base)/\(set)/\(name)/\(f)") {
                        pages.append(bytes)
                    }
                }
            }
        }
        if !pages.isEmpty { break }
    }
    return pages
}()
/// The corpus split at blank lines into documents.
let documents: [[UInt8]] = corpus.split(separator: 0x0A, omittingEmptySubsequences: false)
    .reduce(into: [[UInt8]]([[]])) { docs, line in
        if line.isEmpty { if !docs[docs.count - 1].isEmpty { docs.append([]) } } else {
            if !docs[docs.count - 1].isEmpty { docs[docs.count - 1].append(0x0A) }
            docs[docs.count - 1] += line
        }
    }.filter { !$0.isEmpty }

/// A pipeline producing `layers` over text read whole.
func pipeline(_ layers: Configuration.Layers) -> Pipeline {
    var c = Configuration()
    c.layers = layers
    c.extractsArticles = false
    return Pipeline(configuration: c)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .one,
        maxDuration: .seconds(5),
        maxIterations: 30
    )

    Benchmark("normalize (corpus, MB = \(corpus.count / 1_000_000))") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(analyzer.normalizer.normalize(corpus)) }
    }

    let normalized = analyzer.normalizer.normalize(corpus)
    Benchmark("tokenize (normalized corpus)") { benchmark in
        for _ in benchmark.scaledIterations {
            var t = TokenTable()
            normalized.bytes.withUnsafeBufferPointer { analyzer.tokenizer.tokenize($0, into: &t) }
            blackHole(t)
        }
    }

    Benchmark("normalize + segment + tokenize (corpus as one text)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(analyzer.analyze(corpus)) }
    }

    Benchmark("normalize + segment + tokenize (\(documents.count) documents)") { benchmark in
        for _ in benchmark.scaledIterations {
            for d in documents { blackHole(analyzer.analyze(d)) }
        }
    }

    if !htmlPages.isEmpty {
        let pipeline = Pipeline()
        Benchmark("HTML page to whole record (\(htmlPages.count) pages)") { benchmark in
            for _ in benchmark.scaledIterations {
                var out = JSONWriter(capacity: 1 << 16)
                for page in htmlPages {
                    if case .success(let doc) = pipeline.analyze(page, format: .html) { RecordWriter().write(doc, to: &out) }
                    out.bytes.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    // Records with tokens, with entities, and with entities and quotes (quotes cost the
    // difference between the last two).
    let records: [(String, Configuration.Layers, Bool)] = [
        ("record with tokens", .text, true), ("record with entities", .entities, false),
        ("record with entities and quotes", .all, false),
    ]
    for (name, layers, tokens) in records {
        let writer = RecordWriter(tokens: tokens)
        let pipeline = pipeline(layers)
        Benchmark("\(name) (\(documents.count) documents)") { benchmark in
            for _ in benchmark.scaledIterations {
                var out = JSONWriter(capacity: 1 << 16)
                for d in documents {
                    if case .success(let doc) = pipeline.analyze(d, format: .text) { writer.write(doc, to: &out) }
                    out.bytes.removeAll(keepingCapacity: true)
                }
            }
        }
    }
}
