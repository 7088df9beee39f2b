import ArgumentParser
import Warta
import WartaText

@main
struct WartaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta",
        abstract: "Indonesian news NLP: scraped text in, one structured JSON record per document out.",
        discussion: """
            Examples:
              warta process seeds/*.txt              one JSON record per file
              cat article.txt | warta process        a record for standard input (id "-")
              warta tokenize article.txt             CoNLL-U with clitics as multiword tokens
              warta bench corpus.txt                 MB/s and tokens/s per stage
              warta eval ud gold.conllu              token, word and sentence F1 against UD
            """,
        version: "0.1.0",
        subcommands: [Process.self, Tokenize.self, Bench.self, Eval.self]
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
            Each PATH is a plain-text or HTML file (.html, .htm); with no PATH or with -, standard
            input is one document. Both are read as articles: records carry page_type, title, url,
            site_name, section, tags, language, published, modified, authors, editors, dateline,
            image, related, byline_initials, source_credit, page and charset, and "text" is the
            article body (--raw-text keeps plain text whole instead).
            Records: {"id", "status": "ok", "text", "paragraphs": [[s,e],…], "sentences": [[s,e],…],
            "stats"}; offsets are Unicode code points into "text". A document that cannot be analysed
            gets {"id", "status": "error", "error": {"code", "message"}} and the run goes on.
            Exit status: 0 all ok, 1 some documents failed, 2 usage or I/O error.
            """
    )

    @Argument(help: "Plain-text files; - or nothing for standard input.")
    var paths: [String] = []

    @Flag(help: "Add \"tokens\": [[s,e,\"kind\"],…]; a token with clitics gets a fourth element, its words' spans.")
    var tokens = false

    @Option(help: "Documents larger than this many bytes get a too_large error record.")
    var maxBytes = 20_000_000

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case auto, text, html
    }

    @Option(help: "text, html, or auto: files ending .html/.htm are HTML, the rest (and stdin) text.")
    var inputFormat: InputFormat = .auto

    @Option(help: "The charset of HTML input when known (as an HTTP header would give it).")
    var charset: String?

    @Flag(help: "Keep plain text whole: no article extraction (header, furniture, credits), no metadata fields.")
    var rawText = false

    func run() throws {
        try runReportingErrors {
            let pipeline = Pipeline(maxBytes: maxBytes)
            let writer = RecordWriter(options: .init(tokens: tokens))
            let sink = OutputSink()
            var failed = 0
            for path in paths.isEmpty ? ["-"] : paths {
                var out = JSONWriter()
                let lower = path.lowercased()
                let isHTML = inputFormat == .html
                    || inputFormat == .auto && (lower.hasSuffix(".html") || lower.hasSuffix(".htm"))
                do throws(WartaError) {
                    let bytes = try InputReader.read(path: path)
                    if isHTML {
                        let html = try pipeline.analyze(html: bytes, charset: charset).get()
                        writer.write(id: path, article: html, to: &out)
                    } else if rawText {
                        writer.write(id: path, document: try pipeline.analyze(text: bytes).get(), to: &out)
                    } else {
                        writer.write(id: path, article: try pipeline.analyze(article: bytes).get(), to: &out)
                    }
                } catch {
                    failed += 1
                    writer.writeError(id: path, error: error, to: &out)
                }
                try sink.write(out.bytes)
            }
            try sink.flush()
            return failed > 0 ? 1 : 0
        }
    }
}

struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split plain text into sentences and tokens.",
        discussion: """
            CoNLL-U by default: # newdoc, # newpar, # sent_id, # text, then one line per token;
            a token with clitics (bukunya) is a multiword token line followed by its words
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
