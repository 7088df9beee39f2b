import ArgumentParser
import Foundation
import Warta

struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Write documents as HTML pages for people: entities marked, quotes attributed.",
        discussion: """
            Each page is one self-contained HTML file (inline CSS; it loads no fonts, scripts or \
            images, so it opens offline and can be mailed): the article's metadata, the text with \
            every entity marked and labelled by type (nested ones inside their container), every \
            quote with its speaker, role and how the speaker was found, the cue word underlined, \
            and a panel of entities by type and quotes by speaker. Inputs are read as by \
            `warta process` (files, folders, .jsonl, .warc, each also .gz; - for standard input).

            Examples:
              warta view seeds/000_43943d992f4a7b6d.txt > seed.html   a page on standard output
              warta view page.html --output page.view.html
              warta view crawl/ --output-dir report/         a page each + index.html
              warta view crawl.warc.gz --output-dir report/
              warta view --raw-text --lexicon places.tsv notes.txt > notes.html

            One document goes to standard output or --output FILE; several need --output-dir DIR, \
            which gets one page per document (numbered, named after the input) and index.html \
            (title, date, site, counts of entities and quotes, a link to each page).

            Exit status: 0 every page written, 1 some documents failed (each is reported on \
            standard error; the others were written), 2 usage or I/O error.
            """
    )

    @Argument(help: "Files or folders; - or nothing for standard input.")
    var paths: [String] = []

    @Option(help: "How to read standard input, and files whose extension says nothing (auto: text; html and text also override extensions).")
    var inputFormat: Process.InputFormat = .auto

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Write the page to this file instead of standard output (one document only).")
    var output: String?

    @Option(help: "Write one page per document and index.html to this folder.")
    var outputDir: String?

    func validate() throws {
        if output != nil && outputDir != nil { throw ValidationError("give --output or --output-dir, not both") }
        try analysis.validate()
    }

    func run() throws {
        try runReportingErrors {
            var configuration = try analysis.configuration()
            configuration.nestedEntities = true
            let inputs = try InputEnumerator(paths: paths, stdinFormat: inputFormat.stream, forcedFormat: inputFormat.forced,
                                             maxBytes: configuration.maxBytes)
            let viewer = Viewer(pipeline: Pipeline(configuration: configuration))
            if let outputDir { return try writeReport(inputs, viewer, to: outputDir) }
            return try writeOnePage(inputs, viewer)
        }
    }

    /// The page of the only document, to `--output` or standard output.
    private func writeOnePage(_ inputs: InputEnumerator, _ viewer: Viewer) throws -> Int32 {
        guard let first = inputs.next() else { throw WartaError.emptyInput }
        if inputs.next() != nil {
            throw WartaError.usage("the inputs hold several documents; give --output-dir DIR for a page each and an index")
        }
        let doc: ViewDocument
        switch viewer.view(first) {
        case .success(let d): doc = d
        case .failure(let error):
            printError("warta: \(first.id): \(error.message)")
            return 1
        }
        let page = HTMLPageWriter().page(doc)
        if let output {
            let file = try RecordOutput(path: output)
            try file.write(record: page)
            try file.finish()
        } else {
            let sink = OutputSink()
            try sink.write(page)
            try sink.flush()
        }
        return 0
    }

    /// One page per document and `index.html` in `dir`.
    private func writeReport(_ inputs: InputEnumerator, _ viewer: Viewer, to dir: String) throws -> Int32 {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw WartaError.unwritable(path: dir, reason: "the output folder cannot be created")
        }
        // Pages written into a folder being read are not read back as documents.
        if let input = inputs.namedInput(sameAs: dir) {
            throw WartaError.usage("\(input) is an input and the output folder: its pages would be read back as documents; write them to another folder")
        }
        inputs.exclude(dir)
        var entries: [HTMLPageWriter.IndexEntry] = []
        var failed = 0
        var number = 0
        while let input = inputs.next() {
            number += 1
            switch viewer.view(input) {
            case .success(let doc):
                let name = Viewer.pageName(number: number, id: input.id)
                try write(HTMLPageWriter().page(doc), to: dir + "/" + name)
                entries.append(.init(href: name, document: doc))
            case .failure(let error):
                failed += 1
                printError("warta: \(input.id): \(error.message)")
            }
        }
        try write(HTMLPageWriter().index(entries), to: dir + "/index.html")
        let pages = entries.count == 1 ? "1 page" : "\(entries.count) pages"
        printError("warta view: \(pages) and index.html in \(dir)" + (failed > 0 ? "; \(failed) failed" : ""))
        return failed > 0 ? 1 : 0
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let file = try RecordOutput(path: path)
        try file.write(record: bytes)
        try file.finish()
    }
}

/// Runs the pipeline on one input and builds its view.
struct Viewer {
    let pipeline: Pipeline

    /// The view of `input` after every stage of the pipeline.
    func view(_ input: InputDocument) -> Result<ViewDocument, WartaError> {
        let doc = input.resolved()
        if let error = doc.error { return .failure(error) }
        let analyzed = AnalyzedDocument(id: doc.id, bytes: doc.bytes, format: doc.format == .html ? .html : .text,
                                        charset: doc.charset)
        return pipeline.analyze(analyzed).map(ViewDocument.init)
    }

    /// `0001-article.html`: the document's number and its id's last path component, in safe characters.
    static func pageName(number: Int, id: String) -> String {
        var base = id.split(separator: "/").last.map(String.init) ?? "document"
        for suffix in [".gz", ".html", ".htm", ".txt"] where base.lowercased().hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
        }
        let safe = String(base.unicodeScalars.prefix(60).map { s in
            s.isASCII && (s.properties.isAlphabetic || s.properties.numericType != nil || "-_.".unicodeScalars.contains(s))
                ? Character(s) : "_"
        })
        let n = String(number)
        return String(repeating: "0", count: max(0, 4 - n.count)) + n + "-" + (safe.isEmpty ? "document" : safe) + ".html"
    }
}
