import ArgumentParser
import Foundation
import Warta

@main
struct WartaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta",
        abstract: "Indonesian news NLP: scraped pages and text in, one structured JSON record per document out.",
        discussion: """
            Examples:
              warta process seeds/*.txt                   one JSON record per file
              warta process crawl/ --output out.jsonl.gz  a folder of pages, all cores
              warta process --input-format jsonl - < pages.jsonl
              warta process crawl.warc.gz                 HTML records of a WARC file
              warta process --stages text corpus/         tokens and sentences only
              warta tokenize article.txt                  CoNLL-U, clitics as multiword
              warta tag article.txt                       entities marked in the text
              warta quotes article.txt                    who said what
              warta view article.html > article.view.html a page for people
              warta train-ner --train my.iob2 --output my.model   retrain PER/ORG/LOC
              warta bench corpus.txt                      time per stage, in process
              warta eval ud gold.conllu                   token, word, sentence F1 (UD)

            Exit status: 0 success, 1 some documents failed (their error records were \
            written), 2 usage or I/O error.
            """,
        version: "0.1.0",
        subcommands: [Process.self, Tokenize.self, Tag.self, Quotes.self, View.self, TrainNER.self, Bench.self, Eval.self]
    )

    /// Runs the command the arguments name. A command line that does not parse (an unknown
    /// option, a value out of range) exits with status 2, as the help says of every usage
    /// error, not with ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes a line to standard error.
func printError(_ s: String) {
    let line = Array((s + "\n").utf8)
    _ = write(2, line, line.count)
}

/// Runs `body`, turning a closed output pipe into a quiet exit and errors into exit code 2.
func runReportingErrors(_ body: () throws -> Int32) throws {
    // A closed reader (`warta … | head`) makes writes fail with EPIPE, which ends the run
    // quietly, instead of killing the process.
    signal(SIGPIPE, SIG_IGN)
    let status: Int32
    do {
        status = try body()
    } catch is OutputSink.BrokenPipe {
        throw ExitCode.success
    } catch let failure as OutputSink.WriteFailed {
        printError("warta: \(WartaError.unwritable(path: "standard output", reason: failure.reason).message)")
        throw ExitCode(2)
    } catch let error as WartaError {
        printError("warta: \(error.message)")
        throw ExitCode(2)
    }
    if status != 0 { throw ExitCode(status) }
}

struct Process: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Analyse documents and write one JSON Lines record per document.",
        discussion: """
            Inputs: files and folders (recursive; .html, .htm, .txt, .jsonl, .warc, each also .gz), \
            --from-list FILE (one path per line), and - or nothing for standard input. \
            JSON Lines objects carry "html" or "text" and optional "id", "url", "charset", \
            "fetched_at"; other fields pass through as "meta". WARC files give their HTML response \
            and resource records. Every record has "id", "status" and "source"; pages and texts \
            are read as articles, and records carry text, paragraphs, sentences, entities and \
            quotes (docs/record.md lists every field; --stages selects less). A document that \
            cannot be analysed gets {"id", "status": "error", "error": {"code", "message"}, \
            "source"}. Records come in input order (--unordered writes them as they finish), the \
            same for every --jobs value. A summary goes to standard error; progress too when it \
            is a terminal; --profile adds each stage's share of the time.

            Examples:
              warta process seeds/*.txt
              warta process crawl/ --jobs 2 --output out.jsonl.gz
              warta process --raw-text --stages text,entities corpus.txt
              warta process --profile --jobs 1 corpus/ > /dev/null

            Exit status: 0 all ok, 1 some documents failed (all were written), 2 usage or I/O error.
            """
    )

    @Argument(help: "Files or folders; - or nothing for standard input.")
    var paths: [String] = []

    @Option(help: "A file listing input paths, one per line.")
    var fromList: String?

    @Flag(help: "Follow symbolic links to folders when walking folders (each folder and file is read once).")
    var follow = false

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case auto, text, html, jsonl, warc

        /// How to read standard input (and, for jsonl and warc, every file).
        var stream: InputEnumerator.StreamFormat {
            switch self {
            case .auto, .text: .text
            case .html: .html
            case .jsonl: .jsonl
            case .warc: .warc
            }
        }

        /// The format every page or text file is read as, whatever its name.
        var forced: InputDocument.Format? { self == .html ? .html : (self == .text ? .text : nil) }
    }

    @Option(help: "How to read standard input and files whose extension says nothing (auto: text); any other value overrides extensions.")
    var inputFormat: InputFormat = .auto

    @OptionGroup var analysis: AnalysisOptions

    @Flag(help: "Add \"tokens\": [[s,e,\"kind\"],…]; a token with clitics gets a fourth element, its words' spans.")
    var tokens = false

    @Option(help: "Worker threads (default: the cores this process may use, after taskset, cpuset and CPU quota).")
    var jobs: Int = AvailableCores.count

    @Flag(help: "Write records as they finish instead of in input order.")
    var unordered = false

    @Option(help: "Write records to this file instead of standard output (.gz compresses).")
    var output: String?

    @Option(help: "Write numbered shards part-00000.jsonl, … to this folder.")
    var outputDir: String?

    @Option(help: "Records per shard with --output-dir.")
    var shardSize = 100_000

    @Flag(help: "Compress shards (.jsonl.gz) with --output-dir.")
    var gzip = false

    @Flag(help: "After the run, print each stage's share of the time and its MB/s to standard error.")
    var profile = false

    @Flag(help: "No summary and no progress on standard error.")
    var quiet = false

    func validate() throws {
        if jobs < 1 || jobs > BatchRunner.Options.maxJobs { throw ValidationError("--jobs must be between 1 and \(BatchRunner.Options.maxJobs)") }
        if output != nil && outputDir != nil { throw ValidationError("give --output or --output-dir, not both") }
        if shardSize < 1 { throw ValidationError("--shard-size must be at least 1") }
        try analysis.validate()
    }

    func run() throws {
        try runReportingErrors {
            var configuration = try analysis.configuration()
            configuration.recordsTokens = tokens
            let inputs = try InputEnumerator(paths: paths, listFile: fromList, stdinFormat: inputFormat.stream,
                                             forcedFormat: inputFormat.forced, maxBytes: configuration.maxBytes, followSymlinks: follow)
            let target = output ?? outputDir
            if let target, let input = inputs.namedInput(sameAs: target) {
                throw WartaError.usage(outputDir == nil
                    ? "\(input) is an input and the output: writing records there would destroy it before it is read; write them to another file"
                    : "\(input) is an input and the output folder: its records would be read back as inputs; write them to another folder")
            }
            let sink = try recordOutput()
            if let target { inputs.exclude(target) }
            var options = BatchRunner.Options()
            options.jobs = jobs
            options.ordered = !unordered
            options.profile = profile
            if !quiet && isatty(2) != 0 { options.progress = Progress.show }
            let summary = BatchRunner(pipeline: Pipeline(configuration: configuration), options: options, output: sink).run(inputs)
            if !quiet && isatty(2) != 0 { Progress.clear() }
            if let failure = summary.outputError {
                printError("warta: \(failure.message)")
                return 2
            }
            if summary.outputClosed { return 0 }
            if !quiet { printError(summary.line) }
            if let table = summary.profile?.table { printError(table) }
            return summary.errors > 0 ? 1 : 0
        }
    }

    private func recordOutput() throws(WartaError) -> RecordOutput {
        if let outputDir { return try RecordOutput(directory: outputDir, shardSize: shardSize, compress: gzip) }
        if let output { return try RecordOutput(path: output) }
        return RecordOutput()
    }
}

/// The progress line on standard error.
enum Progress {
    /// `\r1200/5000 docs, 3.1 MB, 410 docs/s, 1.1 MB/s, 2 errors, ETA 0:09`.
    @Sendable static func show(_ summary: BatchRunner.Summary, _ expected: Int?) {
        let written = summary.ok + summary.errors
        let mb = Double(summary.bytes) / 1e6
        let rate = Double(written) / max(summary.seconds, 1e-9)
        var line = "\r\u{1B}[K\(written)\(expected.map { "/\($0)" } ?? "") docs, \(format(mb, 1)) MB, \(format(rate, 0)) docs/s, "
            + "\(format(mb / max(summary.seconds, 1e-9), 1)) MB/s, \(summary.errors) errors"
        if let total = expected, rate > 0, total > written {
            let eta = Int(Double(total - written) / rate)
            line += ", ETA \(eta / 60):\(eta % 60 < 10 ? "0" : "")\(eta % 60)"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the progress line.
    static func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

/// The options every analysing command shares, mapped to one ``Configuration``.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "The layers to produce, comma-separated: text (tokens and sentences), entities, quotes, or all; each implies the ones it needs.")
    var stages = "all"

    @Flag(help: "Keep plain text whole: no article extraction (header, furniture, credits), no metadata fields.")
    var rawText = false

    @Option(help: "The charset of HTML input when known (as an HTTP header would give it).")
    var charset: String?

    @Option(name: .customLong("lexicon"), help: "An entity lexicon TSV (name, type, subtype, case, id, parent) added to the built-in ones; repeatable.")
    var lexicons: [String] = []

    @Flag(help: "Also the places and organizations inside longer ones (Kota Semarang in DPRD Kota Semarang).")
    var nested = false

    @Option(help: "Documents larger than this many bytes get a too_large error record.")
    var maxBytes = 20_000_000

    @Option(help: "A document still being analysed after this many seconds gets a timeout error record (checked between stages).")
    var maxSeconds = 30.0

    @Flag(help: "Tag entities and quotes whatever a document's language (by default only Indonesian documents get them).")
    var languageAny = false

    @Option(help: "A PER/ORG/LOC model trained by `warta train-ner` instead of the built-in one; `none` tags with the rules alone.")
    var model: String?

    func validate() throws {
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
        if !(maxSeconds > 0) { throw ValidationError("--max-seconds must be positive") }
        if case .failure(let e) = Configuration.Layers.parse(stages) { throw ValidationError("--stages: " + e.message) }
    }

    /// The configuration these options ask for, with `layers` when the command fixes them.
    func configuration(layers: Configuration.Layers? = nil) throws(WartaError) -> Configuration {
        let wanted: Configuration.Layers
        switch layers.map({ Result<Configuration.Layers, WartaError>.success($0) }) ?? Configuration.Layers.parse(stages) {
        case .success(let l): wanted = l
        case .failure(let e): throw e
        }
        var c = try AnalysisOptions.configuration(layers: wanted, lexicons: lexicons)
        c.extractsArticles = !rawText
        c.defaultCharset = charset
        c.nestedEntities = nested
        c.maxBytes = maxBytes
        c.maxSeconds = maxSeconds
        c.anyLanguage = languageAny
        c.entityModel = try EntityModel.load(model, for: c.layers)
        return c
    }

    /// A configuration of `layers` with the built-in lexicons and `lexicons` added, loaded from
    /// the cache (compiling the entity lexicon is the slow part of start-up: only when needed).
    static func configuration(layers: Configuration.Layers, lexicons: [String]) throws(WartaError) -> Configuration {
        let folder = LexiconCacheFolder.path
        let tokenizer = LexiconCache.tokenizerLexicon(folder: folder)
        let lexicon = layers.closed.contains(.entities) || !lexicons.isEmpty
            ? try EntityLexicon.builtIn(adding: lexicons, cacheFolder: folder)
            : EntityLexicon(tsv: [], analyzer: TextAnalyzer(lexicon: tokenizer))
        var c = Configuration(entityLexicon: lexicon, tokenizerLexicon: tokenizer)
        c.layers = layers.closed
        return c
    }
}

/// Where compiled lexicons are cached between runs: `$WARTA_CACHE_DIR` (`off` turns the cache
/// off), else `$XDG_CACHE_HOME/warta`, else `~/.cache/warta`.
enum LexiconCacheFolder {
    static var path: String? {
        let env = ProcessInfo.processInfo.environment
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let dir = value("WARTA_CACHE_DIR") { return dir == "off" ? nil : dir }
        if let xdg = value("XDG_CACHE_HOME") { return xdg + "/warta" }
        return value("HOME").map { $0 + "/.cache/warta" }
    }
}

/// Reads one input (a path or - for standard input) and analyses it with `configuration`: HTML
/// when the name ends .html/.htm or the text starts with a tag.
func analyzeOne(path: String, configuration: Configuration, format: InputFormat? = nil) throws(WartaError) -> AnalyzedDocument {
    let bytes = try InputReader.read(path: path)
    let lower = path.lowercased()
    let format = format ?? (lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : InputFormat.sniff(bytes))
    return try Pipeline(configuration: configuration).analyze(bytes, format: format, id: path == "-" ? "stdin" : path).get()
}

/// The JSON record of `document` with its newline.
func recordBytes(_ document: AnalyzedDocument, tokens: Bool = false) -> [UInt8] {
    var out = JSONWriter()
    RecordWriter(tokens: tokens).write(document, to: &out)
    return out.finish()
}

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Tag people, organizations, places, dates, amounts.",
        discussion: """
            --format text marks each entity in running text as [TYPE words], or in colour on a \
            terminal (--color auto|always|never; NO_COLOR is honoured): people yellow, \
            organizations cyan, places and facilities green, events magenta, dates and amounts blue.

            --format json prints the record with "entities" (as process --stages entities writes it).

            --format conll --pretokenized reads one token per line (the first column; a blank line \
            between sentences; CRLF allowed) and prints token<TAB>tag in IOB2 with PER, ORG and LOC, \
            keeping the given tokens exactly, one output line for each input line: how taggers are \
            compared on NER datasets. The tokens are read as news writes them (no space before a \
            comma, a full stop or a closing bracket, none after an opening one), so `R .` is read \
            as an initial. A -DOCSTART- line starts a new document.

            The text is read whole (no article extraction) unless it is HTML. The compiled lexicons \
            are cached between runs in $WARTA_CACHE_DIR (else $XDG_CACHE_HOME/warta or \
            ~/.cache/warta); WARTA_CACHE_DIR=off turns the cache off.

            Examples:
              warta tag article.txt
              echo "Presiden Joko Widodo tiba di Semarang." | warta tag -
              warta tag --format conll --pretokenized test.txt > tagged.txt

            Exit status: 0 success, 2 usage or I/O error, or an input that cannot be analysed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, conll }

    @Argument(help: "A file; - or nothing for standard input.")
    var path: String = "-"

    @Option(help: "text, json (the record with \"entities\") or conll.")
    var format: Format = .text

    @Flag(help: "The input is one token per line (with --format conll).")
    var pretokenized = false

    enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(help: "Colour entities instead of bracketing them: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: Color = .auto

    @Option(name: .customLong("lexicon"), help: "An entity lexicon TSV added to the built-in ones; repeatable.")
    var lexicons: [String] = []

    @Flag(help: "Also the places and organizations inside longer ones.")
    var nested = false

    @Option(help: "A PER/ORG/LOC model trained by `warta train-ner` instead of the built-in one; `none` tags with the rules alone.")
    var model: String?

    func validate() throws {
        if format == .conll && !pretokenized { throw ValidationError("--format conll needs --pretokenized") }
        if pretokenized && format != .conll { throw ValidationError("--pretokenized goes with --format conll") }
    }

    func run() throws {
        try runReportingErrors {
            var configuration = try AnalysisOptions.configuration(layers: .entities, lexicons: lexicons)
            configuration.extractsArticles = false
            configuration.nestedEntities = nested
            configuration.entityModel = try EntityModel.load(model, for: configuration.layers)
            let sink = OutputSink()
            switch format {
            case .conll:
                let bytes = try InputReader.read(path: path)
                try sink.write(PretokenizedTagging.tag(conll: String(decoding: bytes, as: UTF8.self),
                                                       pipeline: Pipeline(configuration: configuration)))
            case .json:
                try sink.write(recordBytes(try analyzeOne(path: path, configuration: configuration)))
            case .text:
                let doc = try analyzeOne(path: path, configuration: configuration)
                let colors = color == .always || color == .auto && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                try sink.write(EntityMarkup.mark(doc.document, doc.mentions, style: colors ? .terminal : .brackets) + "\n")
            }
            try sink.flush()
            return 0
        }
    }
}

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Direct and indirect quotes and who said them.",
        discussion: """
            Reads one article (text, or HTML when the file ends .html/.htm or starts with <) and \
            lists each quote with its kind, cue, speaker, the speaker's role and how the speaker \
            was found (name, pronoun, role, previous). --format json prints the record with \
            "entities" and "quotes" instead.

            Examples:
              warta quotes seeds/000_43943d992f4a7b6d.txt
              curl -s https://example.id/berita | warta quotes --format json -

            Exit status: 0 success, 2 usage or I/O error, or an input that cannot be analysed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "A file; - or nothing for standard input.")
    var path: String = "-"

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws { try analysis.validate() }

    func run() throws {
        try runReportingErrors {
            let doc = try analyzeOne(path: path, configuration: try analysis.configuration(layers: .quotes))
            let sink = OutputSink()
            switch format {
            case .text: try sink.write(QuoteListing().text(doc))
            case .json: try sink.write(recordBytes(doc))
            }
            try sink.flush()
            return 0
        }
    }
}

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split plain text into sentences and tokens.",
        discussion: """
            CoNLL-U by default: # newdoc, # newpar, # sent_id, # text, then one line per token; \
            a token with clitics (bukunya) is a multiword token line followed by its words \
            (buku, nya), as UD Indonesian writes them; SpaceAfter=No in MISC. The text is read \
            whole (no article extraction).

            Examples:
              warta tokenize article.txt
              warta tokenize --format text - < corpus.txt > tokens.txt

            Exit status: 0 success, 2 usage or I/O error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case conllu, text
    }

    @Argument(help: "A plain-text file; - or nothing for standard input.")
    var path: String = "-"

    @Option(help: "conllu, or text: one sentence per line with tokens separated by spaces.")
    var format: Format = .conllu

    func run() throws {
        try runReportingErrors {
            var configuration = try AnalysisOptions.configuration(layers: .text, lexicons: [])
            configuration.extractsArticles = false
            configuration.maxBytes = Int.max
            let doc = try analyzeOne(path: path, configuration: configuration, format: .text).document
            var out: [UInt8] = []
            switch format {
            case .conllu:
                out.reserveCapacity(doc.bytes.count * 4)
                CoNLLUWriter().write(doc, docID: path == "-" ? nil : path, to: &out)
            case .text: out = CoNLLUWriter().plainLines(doc)
            }
            let sink = OutputSink()
            try sink.write(out)
            try sink.flush()
            return 0
        }
    }
}

extension EntityMarkup.Style {
    /// ANSI colours for a terminal: people yellow, organizations cyan, places and facilities
    /// green, events magenta, dates, times and amounts blue; a nested mark restores the outer colour.
    static let terminal = EntityMarkup.Style(
        open: { color($0) },
        close: { _, outer in Array("\u{1B}[0m".utf8) + (outer.map(color) ?? []) })

    /// The ANSI escape that starts `type`'s colour.
    static func color(_ type: EntityType) -> [UInt8] {
        let code: String
        switch type {
        case .per: code = "1;33"
        case .org: code = "1;36"
        case .loc, .fac: code = "1;32"
        case .event: code = "1;35"
        case .role: code = "2"
        case .date, .time, .money, .percent, .quantity: code = "34"
        }
        return Array("\u{1B}[\(code)m".utf8)
    }
}
