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
