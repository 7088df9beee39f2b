import WartaHTML
import WartaText

/// Refuses what cannot be analysed before any work is done: inputs over the size limit, binary
/// data, pages with nothing in them.
public struct InputCheckStage: Stage {
    /// Inputs larger than this many bytes get `too_large`.
    public let maxBytes: Int
    /// `check`.
    public var name: String { "check" }

    /// The charset of pages that do not declare their own (as the extraction stage reads them).
    public let defaultCharset: String?

    /// A check with the size limit `maxBytes`, reading pages that declare no charset in
    /// `defaultCharset`.
    public init(maxBytes: Int, defaultCharset: String? = nil) {
        self.maxBytes = maxBytes
        self.defaultCharset = defaultCharset
    }

    /// Throws when `document`'s input is too large, binary or (for a page) blank.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        let bytes = document.input
        if bytes.count > maxBytes { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        switch document.format {
        case .text:
            // One census of the first 64 KiB tells both whether to decode and, for UTF-8 text
            // (nearly all), whether it is binary.
            let census = InputCheckStage.census(bytes)
            var problem: String?
            if let decoded = InputCheckStage.decodedText(bytes, census) {
                document.input = decoded.bytes
                document.charset = decoded.charset
                problem = InputCheckStage.binaryProblem(document.input)
            } else {
                problem = InputCheckStage.binaryProblem(census)
            }
            if let problem { throw .binaryInput(detail: problem) }
        case .html:
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .emptyInput }
            // A page in UTF-16 is checked as the extractor will read it: half its bytes are NUL.
            let sample = CharsetDecoder.utf16Sample(bytes, declared: document.charset ?? defaultCharset) ?? bytes
            if let problem = InputCheckStage.binaryProblem(sample, toleratingRareNUL: true) { throw .binaryInput(detail: problem) }
        }
    }

    /// Plain text in UTF-16 (with its byte order mark) or windows-1252 as UTF-8
    /// (``CharsetDecoder/decodeText(_:)``), or nil for UTF-8 text: looked at only when the text
    /// opens with a UTF-16 byte order mark or its first 64 KiB hold bytes that are no UTF-8 and
    /// no NUL (binary data stays binary), so most text costs nothing more. UTF-16 was refused
    /// as binary (its NUL bytes), windows-1252 read with U+FFFD for each accented letter.
    static func decodedText(_ bytes: [UInt8], _ census: Census) -> DecodedPage? {
        guard CharsetDecoder.utf16Mark(bytes) != nil || census.invalid > 0 && census.nul == 0 else { return nil }
        return CharsetDecoder.decodeText(bytes)
    }

    /// What the first 64 KiB of an input hold that text does not.
    struct Census {
        var sample = 0, nul = 0, controls = 0, invalid = 0
    }

    /// Why `bytes` look like binary data rather than text, or nil: NUL bytes (in HTML, more
    /// than one in a hundred: a stray one is tolerated and not counted against the rest), more
    /// than one control byte in twenty, or more than a quarter of the bytes not UTF-8.
    static func binaryProblem(_ bytes: [UInt8], toleratingRareNUL: Bool = false) -> String? {
        binaryProblem(census(bytes), toleratingRareNUL: toleratingRareNUL)
    }

    /// ``binaryProblem(_:toleratingRareNUL:)`` from the census of the input's first 64 KiB.
    static func binaryProblem(_ c: Census, toleratingRareNUL: Bool = false) -> String? {
        if toleratingRareNUL {
            if c.nul * 100 > c.sample { return "\(c.nul) NUL bytes in the first \(c.sample) bytes" }
        } else if c.nul > 0 {
            return "\(c.nul) NUL bytes in the first \(c.sample) bytes"
        }
        let counted = c.sample - (toleratingRareNUL ? c.nul : 0)
        if c.controls * 20 > counted && counted >= 64 { return "\(c.controls) control bytes in the first \(counted) bytes" }
        if c.invalid * 4 > counted && counted >= 64 { return "\(c.invalid) of \(counted) bytes are not valid UTF-8" }
        return nil
    }

    /// Counts the NUL bytes, control bytes (other than tab and line breaks) and bytes that start
    /// no valid UTF-8 sequence in the first 64 KiB of `bytes`, in one pass: eight plain ASCII
    /// bytes at a time, byte by byte only at the others. A sequence cut at the end of a
    /// partial sample is valid.
    static func census(_ bytes: [UInt8]) -> Census {
        var c = Census(sample: min(bytes.count, 65_536))
        let whole = c.sample == bytes.count
        let p = bytes.span.extracting(0..<c.sample), words = p.bytes
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < p.count {
            if i + 8 <= p.count {
                // (Any eight bytes are a valid UInt64: the bounds-checked load is safe.)
                let w = words.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Bytes at or above 0x80 (exact) or below 0x20 (the lowest such flag is exact: a
                // borrow only flags bytes above a true one): none, eight plain bytes; else the
                // plain bytes before the first flagged one are passed.
                let flags = w & highs | (w &- ones &* 0x20) & ~w & highs
                if flags == 0 { i += 8; continue }
                i += flags.trailingZeroBitCount &>> 3
            }
            let b = p[i]
            if b < 0x80 {
                if b == 0 { c.nul += 1 } else if b < 0x09 || (b > 0x0D && b < 0x20) { c.controls += 1 }
                i += 1
            } else if let (_, length) = UTF8Decoder.decode(p, i) {
                i += length
            } else {
                if i + 4 < p.count || whole { c.invalid += 1 }
                i += 1
            }
        }
        return c
    }
}
