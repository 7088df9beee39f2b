/// Where a document came from, for its record's `source` field.
public struct SourceInfo: Sendable, Equatable {
    /// The file it was read from (`-` for standard input).
    public var path: String
    /// Its line in a JSON Lines file (1-based).
    public var line: Int?
    /// The address it was fetched from (WARC-Target-URI, or `url` in JSON Lines).
    public var url: String?
    /// WARC-Record-ID.
    public var recordID: String?
    /// WARC-Date.
    public var date: String?
    /// When it was fetched (`fetched_at` in JSON Lines).
    public var fetchedAt: String?
    /// The input ended before the document did (a WARC record or gzip member cut short).
    public var truncated = false

    /// A source that is just a path.
    public init(path: String) { self.path = path }
}

/// One document to process: its bytes, format and provenance, or why it cannot be read.
public struct InputDocument: Sendable {
    /// How to read the bytes.
    public enum Format: Sendable { case text, html }

    /// The record's id.
    public var id: String
    /// The content.
    public var bytes: [UInt8]
    /// Text or HTML.
    public var format: Format
    /// The charset from HTTP headers or the input's `charset` field.
    public var charset: String?
    /// Provenance.
    public var source: SourceInfo
    /// Fields of a JSON Lines object that Warta does not use, as a JSON object, passed through.
    public var meta: [UInt8]?
    /// Set when the document could not be read: the record is an error record.
    public var error: WartaError?
    /// A JSON Lines line not yet parsed (parsing is left to the worker threads).
    var jsonLine: (bytes: [UInt8], forcedFormat: Format?)?

    /// Creates a document.
    public init(id: String, bytes: [UInt8], format: Format, charset: String? = nil, source: SourceInfo,
                meta: [UInt8]? = nil, error: WartaError? = nil) {
        self.id = id; self.bytes = bytes; self.format = format; self.charset = charset
        self.source = source; self.meta = meta; self.error = error
    }

    /// The document itself: a JSON Lines line parsed, anything else as it is.
    public func resolved() -> InputDocument {
        guard let (line, forced) = jsonLine else { return self }
        return InputEnumerator.document(jsonLine: line, fallbackID: id, source: source, forcedFormat: forced)
    }

    /// A document that failed before processing.
    public static func failed(id: String, source: SourceInfo, _ error: WartaError) -> InputDocument {
        InputDocument(id: id, bytes: [], format: .text, source: source, error: error)
    }
}
