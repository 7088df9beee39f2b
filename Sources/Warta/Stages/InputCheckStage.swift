import WartaText

/// Refuses what cannot be analysed before any work is done: inputs over the size limit, binary
/// data, pages with nothing in them.
public struct InputCheckStage: Stage {
    /// Inputs larger than this many bytes get `too_large`.
    public let maxBytes: Int
    /// `check`.
    public var name: String { "check" }

    /// A check with the size limit `maxBytes`.
    public init(maxBytes: Int) { self.maxBytes = maxBytes }

    /// Throws when `document`'s input is too large, binary or (for a page) blank.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        let bytes = document.input
        if bytes.count > maxBytes { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        switch document.format {
        case .text:
            if let problem = InputCheckStage.binaryProblem(bytes) { throw .binaryInput(detail: problem) }
        case .html:
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .emptyInput }
            if let problem = InputCheckStage.nulProblem(bytes) ?? InputCheckStage.binaryProblem(bytes.filter { $0 != 0 }) {
                throw .binaryInput(detail: problem)
            }
        }
    }

    /// Why `bytes` look like binary data rather than text, or nil.
    public static func binaryProblem(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(65_536)
        if isPlainASCII(sample) { return nil }
        var nul = 0
        var controls = 0
        for b in sample {
            if b == 0 { nul += 1 } else if b < 0x09 || (b > 0x0D && b < 0x20) { controls += 1 }
        }
        if nul > 0 { return "\(nul) NUL bytes in the first \(sample.count) bytes" }
        if controls * 20 > sample.count && sample.count >= 64 {
            return "\(controls) control bytes in the first \(sample.count) bytes"
        }
        let invalid = invalidUTF8(sample, whole: sample.count == bytes.count)
        if invalid * 4 > sample.count && sample.count >= 64 {
            return "\(invalid) of \(sample.count) bytes are not valid UTF-8"
        }
        return nil
    }

    /// Whether every byte of `sample` is printable ASCII, a tab or a line break (most text),
    /// tested eight bytes at a time.
    static func isPlainASCII(_ sample: ArraySlice<UInt8>) -> Bool {
        sample.withUnsafeBytes { raw in
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            func plain(_ b: UInt8) -> Bool { b < 0x80 && (b >= 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) }
            var i = 0
            while i + 8 <= raw.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A byte at or above 0x80, or below 0x20: look at the eight one by one.
                if w & highs != 0 || (w &- ones &* 0x20) & ~w & highs != 0 {
                    for k in i..<(i + 8) where !plain(raw[k]) { return false }
                }
                i += 8
            }
            for k in i..<raw.count where !plain(raw[k]) { return false }
            return true
        }
    }

    /// Bytes of `sample` that start no valid UTF-8 sequence (mostly invalid: binary, or a legacy
    /// encoding the caller should name). A sequence cut at the end of a partial sample is valid.
    static func invalidUTF8(_ sample: ArraySlice<UInt8>, whole: Bool) -> Int {
        var invalid = 0
        sample.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                if p[i] < 0x80 { i += 1; continue }
                if let (_, len) = UTF8Decoder.decode(p, i) { i += len } else {
                    if i + 4 < p.count || whole { invalid += 1 }
                    i += 1
                }
            }
        }
        return invalid
    }

    /// NUL bytes are tolerated in HTML only when they are rare (a stray byte, not a binary file).
    static func nulProblem(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(65_536)
        let nul = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        return nul * 100 > sample.count ? "\(nul) NUL bytes in the first \(sample.count) bytes" : nil
    }
}
