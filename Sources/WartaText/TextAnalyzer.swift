/// Runs the text stages in order: normalize, paragraphs, tokens, sentences, clitics.
///
/// An analyser holds only immutable compiled lexicons: share one across threads.
public struct TextAnalyzer: Sendable {
    /// The normalizer.
    public let normalizer: Normalizer
    /// The tokenizer.
    public let tokenizer: Tokenizer
    /// The clitic analyser.
    public let clitics: CliticAnalyzer

    /// Creates an analyser over `lexicon` (the built-in lists by default).
    public init(lexicon: TokenizerLexicon = .builtIn) {
        normalizer = Normalizer()
        tokenizer = Tokenizer(lexicon: lexicon)
        clitics = CliticAnalyzer(lexicon: lexicon)
    }

    /// Analyses raw input bytes (any encoding problems are repaired and counted).
    public func analyze(_ input: [UInt8]) -> Document {
        analyze(normalized: normalizer.normalize(input))
    }

    /// Analyses a string.
    public func analyze(_ input: String) -> Document {
        analyze(Array(input.utf8))
    }

    /// Analyses already normalized text.
    public func analyze(normalized: NormalizedText) -> Document {
        var doc = Document(normalized: normalized)
        segment(&doc, paragraphs: ParagraphSplitter().ranges(breaks: normalized.paragraphBreaks,
                                                              length: normalized.bytes.count))
        return doc
    }

    /// Fills paragraphs, tokens, sentences and clitic analyses of `doc`.
    public func segment(_ doc: inout Document) {
        let paragraphs = ParagraphSplitter().split(doc.bytes)
        segment(&doc, paragraphs: paragraphs)
    }

    private func segment(_ doc: inout Document, paragraphs: [TextRange]) {
        var tokens = TokenTable()
        tokenizer.tokenize(doc.bytes, into: &tokens)
        clitics.analyze(doc.bytes, &tokens)
        doc.tokens = tokens
        doc.paragraphRanges = paragraphs
        SentenceSplitter().split(&doc)
    }
}
