import WartaText

/// Assembles the stages into one document pipeline. Immutable and `Sendable`: one
/// pipeline serves every thread.
public struct Pipeline: Sendable {
    /// The text stages.
    public let analyzer: TextAnalyzer
    /// Inputs larger than this many bytes get a `too_large` error.
    public var maxBytes: Int

    /// Creates a pipeline with the built-in lexicons.
    public init(maxBytes: Int = 20_000_000) {
        analyzer = TextAnalyzer()
        self.maxBytes = maxBytes
    }

    /// Analyses one plain-text document, or says why it cannot be analysed.
    public func analyze(text bytes: [UInt8]) -> Result<Document, WartaError> {
        if bytes.count > maxBytes { return .failure(.tooLarge(bytes: bytes.count, limit: maxBytes)) }
        if let problem = Pipeline.binaryProblem(bytes) { return .failure(.binaryInput(detail: problem)) }
        let doc = analyzer.analyze(bytes)
        if doc.bytes.isEmpty { return .failure(.emptyInput) }
        return .success(doc)
    }

    /// Why `bytes` look like binary data rather than text, or nil.
    public static func binaryProblem(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(65_536)
        var nul = 0
        var controls = 0
        for b in sample {
            if b == 0 { nul += 1 } else if b < 0x09 || (b > 0x0D && b < 0x20) { controls += 1 }
        }
        if nul > 0 { return "\(nul) NUL bytes in the first \(sample.count) bytes" }
        if controls * 20 > sample.count && sample.count >= 64 {
            return "\(controls) control bytes in the first \(sample.count) bytes"
        }
        // Mostly invalid UTF-8: binary, or a legacy encoding the caller should name.
        var invalid = 0
        var nonASCII = 0
        sample.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                if p[i] < 0x80 { i += 1; continue }
                nonASCII += 1
                if let (_, len) = UTF8Decoder.decode(p, i) { i += len } else {
                    // A sequence cut at the end of the sample is not invalid.
                    if i + 4 < p.count || sample.count == bytes.count { invalid += 1 }
                    i += 1
                }
            }
        }
        if invalid * 4 > sample.count && sample.count >= 64 {
            return "\(invalid) of \(sample.count) bytes are not valid UTF-8"
        }
        return nil
    }
}

import WartaHTML

/// A document analysed as an article: its metadata and its analysed body.
public struct ArticleResult: Sendable {
    /// The extracted article and metadata.
    public let article: Article
    /// The body text analysed by the text stages.
    public let document: Document
    /// Bytes of the input (the page or the whole text).
    public let inputBytes: Int
    /// What normalization repaired in the whole input (not only in the body).
    public let inputRepairs: NormalizationStats
}

extension Pipeline {
    /// Extracts the article from an HTML page and analyses its body. `charset` is the HTTP
    /// header's charset when known.
    public func analyze(html bytes: [UInt8], charset: String? = nil) -> Result<ArticleResult, WartaError> {
        if bytes.count > maxBytes { return .failure(.tooLarge(bytes: bytes.count, limit: maxBytes)) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .failure(.emptyInput) }
        if let problem = Pipeline.binaryProblem(bytes.filter { $0 != 0 }) ?? Pipeline.nulProblem(bytes) {
            return .failure(.binaryInput(detail: problem))
        }
        guard let article = ArticleExtractor().extract(html: bytes, charset: charset) else {
            return .failure(.unparsableHTML)
        }
        if let loss = article.textLoss { return .failure(loss == .tooDeep ? .pageTooDeep : .pageTooLarge) }
        let document = analyzer.analyze(Array(article.bodyText.utf8))
        var repairs = document.normalization
        repairs.invalidUTF8 += article.replacedBytes
        return .success(ArticleResult(article: article, document: document, inputBytes: bytes.count, inputRepairs: repairs))
    }

    /// Analyses scraped plain text as an article: header lines, dateline, body, furniture
    /// and credits are told apart as in HTML (``TextArticleExtractor``).
    public func analyze(article bytes: [UInt8]) -> Result<ArticleResult, WartaError> {
        analyze(text: bytes).map { whole in
            let paragraphs = whole.paragraphs.map(\.text)
            let article = TextArticleExtractor().extract(paragraphs: paragraphs)
            let document = analyzer.analyze(Array(article.bodyText.utf8))
            return ArticleResult(article: article, document: document, inputBytes: bytes.count,
                                 inputRepairs: whole.normalization)
        }.flatMap { $0.document.bytes.isEmpty ? .failure(.emptyInput) : .success($0) }
    }

    /// NUL bytes are tolerated in HTML only when they are rare (a stray byte, not a binary file).
    static func nulProblem(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(65_536)
        let nul = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        return nul * 100 > sample.count ? "\(nul) NUL bytes in the first \(sample.count) bytes" : nil
    }
}
