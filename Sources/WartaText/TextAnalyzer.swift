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
    public func analyze(_ input: UnsafeBufferPointer<UInt8>) -> Document {
        analyze(normalized: normalizer.normalize(input))
    }

    /// Analyses raw input bytes.
    public func analyze(_ input: [UInt8]) -> Document {
        input.withUnsafeBufferPointer { analyze($0) }
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
        let paragraphs = doc.bytes.withUnsafeBufferPointer { ParagraphSplitter().split($0) }
        segment(&doc, paragraphs: paragraphs)
    }

    private func segment(_ doc: inout Document, paragraphs: [TextRange]) {
        var tokens = TokenTable()
        doc.bytes.withUnsafeBufferPointer { text in
            tokenizer.tokenize(text, into: &tokens)
            clitics.analyze(text, &tokens)
        }
        doc.tokens = tokens
        doc.paragraphRanges = paragraphs
        SentenceSplitter().split(&doc)
    }
}
