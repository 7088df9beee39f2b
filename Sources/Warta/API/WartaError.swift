/// Why a document or a run failed. Each case's `code` appears in error records and its
/// `message` tells the user what to do.
public enum WartaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist.
    case fileNotFound(path: String)
    /// The path exists but could not be read (permissions, a device, an I/O error).
    case unreadable(path: String, reason: String)
    /// The path is a folder where a file was expected.
    case isDirectory(path: String)
    /// The input has no bytes (or only whitespace).
    case emptyInput
    /// The input looks like binary data rather than text (NUL bytes, mostly invalid UTF-8).
    case binaryInput(detail: String)
    /// The input is larger than the per-document limit.
    case tooLarge(bytes: Int, limit: Int)
    /// Compressed content that inflates to more than the per-document limit (inflation stops
    /// there, so the full size is not known).
    case tooLargeDecoded(limit: Int)
    /// A command-line argument is wrong.
    case usage(String)
    /// An input record is not in the expected form (a JSON Lines line that is not an object).
    case malformedInput(detail: String)
    /// A container is damaged: a WARC record with a bad length, bytes between records, a gzip
    /// stream that decodes to nothing, a file that is not in the format it was read as.
    case damagedInput(detail: String)
    /// libxml2 found no element in the page.
    case unparsableHTML
    /// The HTML parser stopped at its nesting limit: the page's text would be incomplete.
    case pageTooDeep
    /// The HTML parser stopped at a size limit (a text, an attribute, memory): the page's text
    /// would be incomplete.
    case pageTooLarge
    /// A CoNLL-U file could not be parsed.
    case malformedCoNLLU(path: String, line: Int, detail: String)
    /// A lexicon file is not in the entity lexicon format.
    case malformedLexicon(path: String, line: Int, detail: String)
    /// The document took longer than the time budget; `stage` is the stage it did not reach.
    case timeout(seconds: Double, stage: String)
    /// The input ran on past `bytes` without ending (a line without a line break, a device that
    /// never ends such as `/dev/zero`): reading stopped there.
    case endless(bytes: Int)
    /// Output could not be created or written (a missing folder, no permission, a full disk): the
    /// records from there on are missing.
    case unwritable(path: String, reason: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .fileNotFound: "file_not_found"
        case .unreadable: "unreadable"
        case .isDirectory: "is_directory"
        case .emptyInput: "empty_input"
        case .binaryInput: "binary_input"
        case .tooLarge, .tooLargeDecoded: "too_large"
        case .usage: "usage"
        case .unparsableHTML: "unparsable_html"
        case .pageTooDeep: "too_deep"
        case .pageTooLarge: "too_large"
        case .malformedInput: "malformed_input"
        case .damagedInput: "damaged_input"
        case .malformedCoNLLU: "malformed_conllu"
        case .malformedLexicon: "malformed_lexicon"
        case .timeout: "timeout"
        case .endless: "too_large"
        case .unwritable: "unwritable"
        }
    }

    /// A message a user can act on.
    public var message: String {
        switch self {
        case .fileNotFound(let p): "\(p): no such file; check the path"
        case .unreadable(let p, let r): "\(p): cannot be read (\(r))"
        case .isDirectory(let p): "\(p): is a folder; pass the files in it"
        case .emptyInput: "the input is empty: there is no text to analyse"
        case .binaryInput(let d): "the input is not text (\(d)); pass HTML or plain text"
        case .tooLarge(let b, let l): "the input has \(b) bytes, over the limit of \(l); raise the size limit to process it"
        case .tooLargeDecoded(let l): "the content inflates to more than the limit of \(l) bytes; raise the size limit to process it"
        case .usage(let m): m
        case .unparsableHTML: "the page has no HTML elements; pass it as plain text"
        case .pageTooDeep: "the page nests elements deeper than the HTML parser follows; its text would be incomplete"
        case .pageTooLarge: "a text or attribute in the page is larger than the HTML parser reads; its text would be incomplete"
        case .malformedInput(let d): "\(d); fix or drop the line"
        case .damagedInput(let d): d
        case .malformedCoNLLU(let p, let l, let d): "\(p):\(l): not valid CoNLL-U (\(d))"
        case .malformedLexicon(let p, let l, let d): "\(p):\(l): not a lexicon row (\(d)); see docs/lexicons.md"
        case .timeout(let s, let stage): "analysis took over \(Int(s)) s and stopped before \(stage); raise the time limit or split the document"
        case .endless(let b): "the input runs on past \(b) bytes without an end (or a line break where lines are read); reading stopped there"
        case .unwritable(let p, let r): "\(p): cannot be written (\(r)); no record from there on is in it (the last one may be cut): fix the path, its permissions or the space left, and run again"
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
