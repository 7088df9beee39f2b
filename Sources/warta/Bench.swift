import ArgumentParser
import Warta

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput per stage on your own text (one core).",
        discussion: """
            Reads FILE (plain text; blank lines separate documents when --split is given),
            runs each stage ITERATIONS times and prints MB/s (10^6 bytes of input per second)
            and tokens/s. Build with -c release for meaningful figures.
            """
    )

    @Argument(help: "A plain-text file.")
    var file: String

    @Option(help: "How many times to run each stage; the best run is reported.")
    var iterations = 5

    func run() throws {
        try runReportingErrors {
            let bytes = try InputReader.read(path: file)
            let report = StageBenchmark(input: bytes).run(iterations: max(1, iterations))
            let sink = OutputSink()
            try sink.write(report.table())
            try sink.flush()
            return 0
        }
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Warta against annotated data.",
        subcommands: [EvalUD.self]
    )
}

struct EvalUD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ud",
        abstract: "Token, word and sentence F1 against UD CoNLL-U files (CoNLL 2018 style).",
        discussion: """
            The # text lines are joined into running text, several sentences per paragraph,
            and tokenized from scratch; spans are compared by character with whitespace ignored.
            """
    )

    @Argument(help: "Gold CoNLL-U files.")
    var files: [String]

    @Option(help: "Sentences joined into one paragraph of running text.")
    var sentencesPerParagraph = 10

    @Flag(help: "Print each gold sentence that was not matched exactly, with Warta's split.")
    var errors = false

    func run() throws {
        try runReportingErrors {
            let sink = OutputSink()
            for file in files {
                let gold = try UDEvaluation.parse(path: file)
                let result = UDEvaluation.evaluate(gold, sentencesPerParagraph: sentencesPerParagraph)
                try sink.write(result.report(name: file))
                if errors { try sink.write(result.errorReport) }
            }
            try sink.flush()
            return 0
        }
    }
}
