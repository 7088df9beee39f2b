import ArgumentParser
import Warta
import WartaTools

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput per stage on your own text (one core).",
        discussion: """
            For a plain-text FILE split at blank lines into documents: runs the pipeline over them \
            ITERATIONS times, as raw text and as articles, and prints each stage's share and MB/s \
            (10^6 bytes of input per second) in the fastest pass; then tagging speed against the \
            lexicon's size. For HTML pages: pages/s and MB/s for libxml2's parse, extraction and the \
            whole record. These are in-process diagnostics: Scripts/whole-process-benchmark.sh times \
            Warta as a user runs it. Build with -c release for meaningful figures.

            Examples:
              warta bench ../shared/data/corpus/corpus-all.txt
              warta bench --iterations 3 pages/*.html

            Exit status: 0 success, 2 usage or I/O error.
            """
    )

    @Argument(help: "A plain-text file, or HTML pages (.html, .htm) to time the HTML path.")
    var files: [String]

    @Option(help: "How many times to run each stage; the best run is reported.")
    var iterations = 5

    func run() throws {
        try runReportingErrors {
            let configuration = try AnalysisOptions.configuration(layers: .all, lexicons: [])
            let sink = OutputSink()
            let html = files.filter { $0.lowercased().hasSuffix(".html") || $0.lowercased().hasSuffix(".htm") }
            if !html.isEmpty {
                var pages: [[UInt8]] = []
                for f in html { pages.append(try InputReader.read(path: f)) }
                try sink.write(StageBenchmark.html(pages: pages, iterations: max(1, iterations), configuration: configuration))
            }
            for file in files where !html.contains(file) {
                let bytes = try InputReader.read(path: file)
                try sink.write(StageBenchmark(input: bytes, configuration: configuration).run(iterations: max(1, iterations)))
            }
            try sink.flush()
            return 0
        }
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Warta against annotated data.",
        subcommands: [EvalUD.self]
    )
}

struct EvalUD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ud",
        abstract: "Token, word and sentence F1 against UD CoNLL-U files (CoNLL 2018 style).",
        discussion: """
            The # text lines are joined into running text, several sentences per paragraph, \
            and tokenized from scratch; spans are compared by character with whitespace ignored.

            Example:
              warta eval ud ../shared/data/ud/id_gsd-ud-dev.conllu

            Exit status: 0 success, 2 usage or I/O error (an unreadable or malformed file).
            """
    )

    @Argument(help: "Gold CoNLL-U files.")
    var files: [String]

    @Option(help: "Sentences joined into one paragraph of running text.")
    var sentencesPerParagraph = 10

    func validate() throws {
        if sentencesPerParagraph < 1 { throw ValidationError("--sentences-per-paragraph must be at least 1") }
    }

    @Flag(help: "Print each gold sentence that was not matched exactly, with Warta's split.")
    var errors = false

    func run() throws {
        try runReportingErrors {
            let sink = OutputSink()
            for file in files {
                let gold = try UDEvaluation.parse(path: file)
                // Scores over no sentence would read as a run that got everything wrong.
                if gold.isEmpty { throw WartaError.malformedCoNLLU(path: file, line: 1, detail: "no sentences") }
                let result = UDEvaluation.evaluate(gold, sentencesPerParagraph: sentencesPerParagraph)
                try sink.write(result.report(name: file))
                if errors { try sink.write(result.errorReport) }
            }
            try sink.flush()
            return 0
        }
    }
}
