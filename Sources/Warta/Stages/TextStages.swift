import WartaText

/// Turns the document's text (its input, or an HTML page's body) into clean NFC UTF-8, counting
/// what it repaired (`Normalizer`).
public struct NormalizationStage: Stage {
    /// The normalizer.
    public let normalizer: Normalizer
    /// `normalize`.
    public var name: String { "normalize" }

    /// A stage over `normalizer`.
    public init(normalizer: Normalizer = Normalizer()) { self.normalizer = normalizer }

    /// Sets the normalized text; plain text that normalizes to nothing is `empty_input`.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        let normalized = document.pendingText.map { normalizer.normalize($0) } ?? normalizer.normalize(document.input)
        document.pendingText = nil
        if normalized.bytes.isEmpty && document.format == .text { throw .emptyInput }
        document.repairs.invalidUTF8 += normalized.stats.invalidUTF8
        document.repairs.mojibakeRepaired += normalized.stats.mojibakeRepaired
        document.repairs.removed += normalized.stats.removed
        document.repairs.recomposed += normalized.stats.recomposed
        document.normalized = normalized
    }
}

/// Splits the normalized text into paragraphs, tokens and sentences and finds clitics
/// (`TextAnalyzer`): the text layer.
public struct SegmentationStage: Stage {
    /// The text analyser.
    public let analyzer: TextAnalyzer
    /// `segment`.
    public var name: String { "segment" }

    /// A stage over `analyzer`.
    public init(analyzer: TextAnalyzer = TextAnalyzer()) { self.analyzer = analyzer }

    /// Adds the text layer.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        document.document = analyzer.analyze(normalized: document.normalized)
        document.normalized = .empty
        document.input = []
        document.layers.insert(.text)
    }
}

/// Tells the language of the text (``LanguageDetector``; an article's extractor has already
/// told it, with the page's declared language as a hint).
public struct LanguageStage: Stage {
    /// `language`.
    public var name: String { "language" }

    /// Creates the stage.
    public init() {}

    /// Sets the document's language.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        document.language = document.article.map(\.language) ?? LanguageDetector().detect(document.document.bytes)
    }
}
