@_exported import WartaEntities
@_exported import WartaHTML
@_exported import WartaQuotes
@_exported import WartaText

/// The whole pipeline behind one call:
///
/// ```swift
/// let warta = try Warta()
/// let doc = try warta.analyze(text)      // a news text or an HTML page
/// print(doc.people.map(\.name), doc.quotes.count, doc.record())
/// ```
///
/// Build one and reuse it: building compiles the lexicons; analysing shares them, from any thread.
public struct Warta: Sendable {
    /// The pipeline every document goes through.
    public let pipeline: Pipeline

    /// Warta with `configuration` (every stage and the built-in lexicons by default).
    public init(configuration: Configuration = Configuration()) throws(WartaError) {
        if configuration.maxBytes < 1 { throw .usage("the size limit must be at least 1 byte") }
        if !(configuration.maxSeconds > 0) { throw .usage("the time limit must be positive") }
        pipeline = Pipeline(configuration: configuration)
    }

    /// Analyses `text`: a news text, or an HTML page when it starts with a tag.
    public func analyze(_ text: String, id: String = "doc") throws(WartaError) -> AnalyzedDocument {
        try analyze(Array(text.utf8), id: id)
    }

    /// Analyses `bytes` as `format` (sniffed when nil); `charset` is an HTML page's charset when
    /// known from outside the page.
    public func analyze(_ bytes: [UInt8], format: InputFormat? = nil, id: String = "doc", charset: String? = nil)
        throws(WartaError) -> AnalyzedDocument {
        try pipeline.analyze(bytes, format: format, id: id, charset: charset).get()
    }
}
