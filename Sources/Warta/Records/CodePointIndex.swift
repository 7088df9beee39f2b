import WartaText

/// Converts byte offsets of a UTF-8 text into Unicode code point offsets (what Python strings
/// and spaCy use), for output. Any offset, in any order, costs O(1): the code points before
/// every 8-byte word are counted once, when the index is made, and an offset inside a word
/// counts the word's first bytes in one masked load.
public struct CodePointIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    /// Code points before each 8-byte word, and before the end of the last whole word.
    private var words: [Int32] = []

    /// Creates an index over `bytes`, which must outlive it.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        isASCII = CodePointIndex.isASCII(bytes)
        if isASCII { return }
        words = CodePointIndex.wordStarts(bytes)
    }

    /// Whether `bytes` holds no byte of 0x80 or more (32 bytes a step; stops at the first step
    /// that has one).
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base), n = bytes.count, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i &+ 32 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
            if w & highs != 0 { return false }
            i &+= 32
        }
        for k in i..<n where bytes[k] >= 0x80 { return false }
        return true
    }

    /// The code points before each whole 8-byte word of `bytes`, and before the bytes after them.
    private static func wordStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
        let words = bytes.count >> 3
        var table = [Int32](filled: 0, count: words + 1)
        guard let base = bytes.baseAddress else { return table }
        let raw = UnsafeRawPointer(base)
        table.withUnsafeMutableBufferPointer { t in
            var total: Int32 = 0
            for w in 0..<words {
                t[w] = total
                total &+= 8 &- Int32(truncatingIfNeeded: continuations(raw.loadUnaligned(fromByteOffset: w << 3, as: UInt64.self)))
            }
            t[words] = total
        }
        return table
    }

    /// The high bit of each UTF-8 continuation byte (`10xxxxxx`) of the little-endian word `w`.
    @inline(__always)
    private static func continuationBits(_ w: UInt64) -> UInt64 { w & ~(w << 1) & 0x8080_8080_8080_8080 }

    /// How many bytes of the little-endian word `w` are continuation bytes.
    @inline(__always)
    private static func continuations(_ w: UInt64) -> Int { continuationBits(w).nonzeroBitCount }

    /// The code point offset of byte offset `offset`.
    @inline(__always)
    public mutating func codePoint(_ offset: Int) -> Int {
        if isASCII { return offset }
        let w = offset >> 3, inWord = offset & 7
        let before = Int(words[w])
        if inWord == 0 { return before }
        let start = w << 3
        guard start &+ 8 <= bytes.count else {
            return before + CodePointIndex.codePoints(bytes, start, offset)
        }
        let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: start, as: UInt64.self)
        let firstBytes: UInt64 = (1 << UInt64(inWord &* 8)) &- 1
        return before &+ inWord &- (CodePointIndex.continuationBits(word) & firstBytes).nonzeroBitCount
    }

    /// Code points that start in `bytes[from..<to]`: bytes that are not UTF-8 continuation bytes
    /// (`10xxxxxx`), counted eight at a time.
    @inline(__always)
    static func codePoints(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = from, continuations = 0
        while i + 8 <= to {
            continuations &+= CodePointIndex.continuations(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        while i < to {
            if bytes[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return to - from - continuations
    }
}
