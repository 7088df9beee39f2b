import WartaHTML
import WartaText

/// Reads an HTML page as an article: its body text (left for normalization) and its metadata.
/// Plain text passes through.
public struct HTMLExtractionStage: Stage {
    /// The charset of pages that do not declare their own.
    public let defaultCharset: String?
    /// `extract-html`.
    public var name: String { "extract-html" }

    /// A stage using `defaultCharset` for pages without one.
    public init(defaultCharset: String? = nil) { self.defaultCharset = defaultCharset }

    /// Adds the article layer of an HTML document and sets its body as the text to analyse.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        guard document.format == .html else { return }
        guard let article = ArticleExtractor().extract(html: document.input, charset: document.charset ?? defaultCharset) else {
            throw .unparsableHTML
        }
        if let loss = article.textLoss { throw loss == .tooDeep ? .pageTooDeep : .pageTooLarge }
        document.pendingText = Array(article.bodyText.utf8)
        document.repairs.invalidUTF8 += article.replacedBytes
        document.article = article
    }
}

/// Reads normalized plain text as an article, as `TextArticleExtractor` does: header lines,
/// dateline, body, furniture and credits are told apart, and the body becomes the text to
/// analyse. It needs no second normalization: the body is made of normalized paragraphs.
public struct TextArticleStage: Stage {
    /// `extract-text`.
    public var name: String { "extract-text" }

    /// Creates the stage.
    public init() {}

    /// Adds the article layer of a plain-text document and narrows its text to the body.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        guard document.format == .text, document.article == nil else { return }
        let normalized = document.normalized
        let paragraphs = ParagraphSplitter().ranges(breaks: normalized.paragraphBreaks, length: normalized.bytes.count)
            .map { r in String(decoding: normalized.bytes[r.range], as: UTF8.self) }
        let article = TextArticleExtractor().extract(paragraphs: paragraphs, detectingLanguage: false)
        if article.paragraphs.isEmpty { throw .emptyInput }
        let body = NormalizedText(paragraphs: article.paragraphs, stats: normalized.stats)
        // The body starts with the head the extractor would join for the language detector
        // (most often the body itself).
        let head = TextArticleExtractor.headLength(of: article.paragraphs)
        document.normalized = body
        document.article = article
        // Text read in another charset than UTF-8 (``InputCheckStage/decodedText(_:_:)``) says so.
        if let charset = document.charset { document.article!.charset = charset }
        document.article!.language = LanguageDetector().detect(head == body.bytes.count ? body.bytes : Array(body.bytes[..<head]))
    }
}
