import ArgumentParser
import Foundation
import Warta
import WartaEntities
import WartaQuotes
import WartaText

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
              warta tokenize article.txt                  CoNLL-U, clitics as multiword
              warta tag article.txt                       entities marked in the text
              warta quotes article.txt                    who said what
              warta bench corpus.txt                      MB/s and tokens/s per stage
              warta eval ud gold.conllu                   token, word, sentence F1 (UD)
            """,
        version: "0.1.0",
        subcommands: [Process.self, Tokenize.self, Tag.self, Quotes.self, Bench.self, Eval.self, TrainNER.self]
    )
}

/// Runs `body`, turning a closed output pipe into a quiet exit and errors into exit code 2.
func runReportingErrors(_ body: () throws -> Int32) throws {
    let status: Int32
    do {
        status = try body()
    } catch is OutputSink.BrokenPipe {
        throw ExitCode.success
    } catch let error as WartaError {
        printError("warta: \(error.message)")
        throw ExitCode(2)
    }
    if status != 0 { throw ExitCode(status) }
}

struct Process: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse documents and write one JSON Lines record per document.",
        discussion: """
            Inputs: files and folders (recursive; .html, .htm, .txt, .jsonl, .warc, each also .gz), \
            --from-list FILE (one path per line), and - or nothing for standard input. \
            JSON Lines objects carry "html" or "text" and optional "id", "url", "charset", \
            "fetched_at"; other fields pass through as "meta". WARC files give their HTML response \
            and resource records. Every record has "id", "status" and "source"; pages and texts \
            are read as articles (see the README for every field), and a document that cannot be \
            analysed gets {"id", "status": "error", "error": {"code", "message"}, "source"}. \
            Records come in input order (--unordered writes them as they finish), the same for \
            every --jobs value. A summary goes to standard error; progress too when it is a \
            terminal. Exit status: 0 all ok, 1 some documents failed (all were written), 2 usage \
            or I/O error.
            """
    )

    @Argument(help: "Files or folders; - or nothing for standard input.")
    var paths: [String] = []

    @Option(help: "A file listing input paths, one per line.")
    var fromList: String?

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case auto, text, html, jsonl, warc
    }

    @Option(help: "How to read standard input, and files whose extension says nothing (auto: text; html and text also override extensions).")
    var inputFormat: InputFormat = .auto

    @Option(help: "The charset of HTML input when known (as an HTTP header would give it).")
    var charset: String?

    @Flag(help: "Add \"tokens\": [[s,e,\"kind\"],…]; a token with clitics gets a fourth element, its words' spans.")
    var tokens = false

    @Flag(help: "Keep plain text whole: no article extraction (header, furniture, credits), no metadata fields.")
    var rawText = false

    @Flag(help: "Add \"entities\" (people, organizations, places, dates, amounts; a run takes three to four times as long).")
    var entities = false

    @Flag(help: "Add \"quotes\": direct and indirect quotes with their speakers (implies --entities).")
    var quotes = false

    @OptionGroup var entityOptions: EntityOptions

    @Option(help: "Documents larger than this many bytes get a too_large error record.")
    var maxBytes = 20_000_000

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

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

    @Flag(help: "No summary and no progress on standard error.")
    var quiet = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if output != nil && outputDir != nil { throw ValidationError("give --output or --output-dir, not both") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        try runReportingErrors {
            let sink: RecordOutput
            if let outputDir {
                sink = try RecordOutput(directory: outputDir, shardSize: shardSize, compress: gzip)
            } else if let output {
                sink = try RecordOutput(path: output)
            } else {
                sink = RecordOutput()
            }
            let stdinFormat: InputEnumerator.StreamFormat
            switch inputFormat {
            case .auto, .text: stdinFormat = .text
            case .html: stdinFormat = .html
            case .jsonl: stdinFormat = .jsonl
            case .warc: stdinFormat = .warc
            }
            let forced: InputDocument.Format? = inputFormat == .html ? .html : (inputFormat == .text ? .text : nil)
            let inputs = try InputEnumerator(paths: paths, listFile: fromList, stdinFormat: stdinFormat,
                                             forcedFormat: forced, maxBytes: maxBytes)
            var options = BatchRunner.Options()
            options.jobs = jobs
            options.ordered = !unordered
            options.tokens = tokens
            options.entities = entities || quotes || !entityOptions.lexicons.isEmpty || entityOptions.nested
            options.quotes = quotes
            options.nested = entityOptions.nested
            if options.entities { options.tagger = try entityOptions.tagger() }
            options.rawText = rawText
            options.maxBytes = maxBytes
            options.charset = charset
            options.progress = !quiet && isatty(2) != 0
            let summary = BatchRunner(options: options, output: sink).run(inputs)
            if summary.outputClosed { return 0 }
            if !quiet { printError(summary.line) }
            return summary.errors > 0 ? 1 : 0
        }
    }
}

/// The entity options `process` and `tag` share.
struct EntityOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: "An entity lexicon TSV (name, type, subtype, case, id, parent) added to the built-in ones; repeatable (process: implies --entities).")
    var lexicons: [String] = []

    @Flag(help: "Also the places and organizations inside longer ones (Kota Semarang in DPRD Kota Semarang; process: implies --entities).")
    var nested = false

    @Option(help: "A PER/ORG/LOC model trained by `warta train-ner` instead of the built-in one; `none` tags with the rules alone.")
    var model: String?

    /// A tagger over the built-in lexicons and the `--lexicon` files, with the `--model` model.
    func tagger() throws(WartaError) -> EntityTagger {
        EntityTagger(lexicon: try EntityLexicon.builtIn(adding: lexicons), model: try NERModel.load(model))
    }
}

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tag people, organizations, places, dates, amounts.",
        discussion: """
            --format conll --pretokenized reads one token per line (the first column; a blank line \
            between sentences; CRLF allowed) and prints token<TAB>tag in IOB2 with PER, ORG and LOC, \
            keeping the given tokens exactly: how taggers are compared on NER datasets.

            --format json prints the record of the text with "entities" (as process --raw-text \
            --entities writes it).

            --format text marks each entity in running text as [TYPE words], or in colour on a \
            terminal (--color auto|always|never; NO_COLOR is honoured): people yellow, \
            organizations cyan, places and facilities green, events magenta, dates and amounts blue.

            The compiled lexicons are cached between runs in $WARTA_CACHE_DIR (else \
            $XDG_CACHE_HOME/warta or ~/.cache/warta); WARTA_CACHE_DIR=off turns the cache off.
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

    @OptionGroup var entityOptions: EntityOptions

    func validate() throws {
        if format == .conll && !pretokenized { throw ValidationError("--format conll needs --pretokenized") }
        if pretokenized && format != .conll { throw ValidationError("--pretokenized goes with --format conll") }
    }

    func run() throws {
        try runReportingErrors {
            let tagger = try entityOptions.tagger()
            let bytes = try InputReader.read(path: path)
            let sink = OutputSink()
            switch format {
            case .conll:
                try sink.write(PretokenizedTagging.tag(conll: String(decoding: bytes, as: UTF8.self), tagger: tagger))
            case .json:
                // The text whole, as `process --raw-text --entities` records it.
                let document = try Pipeline().analyze(text: bytes).get()
                let writer = RecordWriter(options: .init(entities: true, tagger: tagger, nested: entityOptions.nested))
                var out = JSONWriter()
                writer.write(id: path == "-" ? "stdin" : path, document: document, to: &out)
                try sink.write(out.bytes)
            case .text:
                let doc = TextAnalyzer().analyze(bytes)
                let colors = color == .always || color == .auto && isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                try sink.write(EntityMarkup.mark(doc, tagger.tag(doc, nested: entityOptions.nested), colors: colors) + "\n")
            }
            try sink.flush()
            return 0
        }
    }
}

struct Quotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Direct and indirect quotes and who said them.",
        discussion: """
            Reads one article (text, or HTML when the file ends .html/.htm or starts with <) and \
            lists each quote with its kind, cue, speaker, the speaker's role and how the speaker \
            was found (name, pronoun, role, previous). --format json prints the record with \
            "entities" and "quotes" instead.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "A file; - or nothing for standard input.")
    var path: String = "-"

    @Option(help: "text or json.")
    var format: Format = .text

    @Flag(help: "Keep plain text whole: no article extraction (header, furniture, credits).")
    var rawText = false

    @OptionGroup var entityOptions: EntityOptions

    func run() throws {
        try runReportingErrors {
            let tagger = try entityOptions.tagger()
            let bytes = try InputReader.read(path: path)
            let pipeline = Pipeline()
            let isHTML = path.hasSuffix(".html") || path.hasSuffix(".htm")
                || bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "<")
            let id = path == "-" ? "stdin" : path
            let article: ArticleResult? = isHTML || !rawText
                ? try (isHTML ? pipeline.analyze(html: bytes) : pipeline.analyze(article: bytes)).get() : nil
            let document = try article?.document ?? pipeline.analyze(text: bytes).get()
            let sink = OutputSink()
            switch format {
            case .text:
                try sink.write(QuoteAnalysis(document, tagger: tagger, attributor: QuoteAttributor(lexicon: tagger.lexicon)).listing)
            case .json:
                // Only the record is built: tagging and attribution run once.
                let writer = RecordWriter(options: .init(tagger: tagger, nested: entityOptions.nested, quotes: true))
                var out = JSONWriter()
                if let article { writer.write(id: id, article: article, to: &out) } else { writer.write(id: id, document: document, to: &out) }
                try sink.write(out.bytes)
            }
            try sink.flush()
            return 0
        }
    }
}

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split plain text into sentences and tokens.",
        discussion: """
            CoNLL-U by default: # newdoc, # newpar, # sent_id, # text, then one line per token; \
            a token with clitics (bukunya) is a multiword token line followed by its words \
            (buku, nya), as UD Indonesian writes them; SpaceAfter=No in MISC.
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
            let bytes = try InputReader.read(path: path)
            let doc = TextAnalyzer().analyze(bytes)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 4)
            switch format {
            case .conllu: CoNLLUWriter().write(doc, docID: path == "-" ? nil : path, to: &out)
            case .text: CoNLLUWriter().writePlain(doc, to: &out)
            }
            let sink = OutputSink()
            try sink.write(out)
            try sink.flush()
            return 0
        }
    }
}
