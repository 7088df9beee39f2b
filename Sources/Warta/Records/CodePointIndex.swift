/// Converts byte offsets of a UTF-8 text into Unicode code point offsets (what Python strings
/// and spaCy use), for output. Any offset, in any order, costs O(1): a count is kept for every
/// 64-byte block, and the bytes of a block are counted eight at a time.
public struct CodePointIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    /// Code points before each 64-byte block.
    private var blocks: [Int32] = []
    private static let blockShift = 6

    /// Creates an index over `bytes`, which must outlive it.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var high: UInt64 = 0
        let words = bytes.count / 8
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            for w in 0..<words { high |= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self) }
        }
        for i in (words * 8)..<bytes.count { high |= UInt64(bytes[i]) }
        isASCII = high & 0x8080_8080_8080_8080 == 0
        if isASCII { return }
        let count = bytes.count >> CodePointIndex.blockShift + 1
        var table = [Int32](filled: 0, count: count)
        var total = 0
        for b in 0..<count {
            table[b] = Int32(truncatingIfNeeded: total)
            let start = b << CodePointIndex.blockShift
            total += CodePointIndex.codePoints(bytes, start, min(start + (1 << CodePointIndex.blockShift), bytes.count))
        }
        blocks = table
    }

    /// The code point offset of byte offset `offset`.
    @inline(__always)
    public mutating func codePoint(_ offset: Int) -> Int {
        if isASCII { return offset }
        let block = offset >> CodePointIndex.blockShift
        return Int(blocks[block]) + CodePointIndex.codePoints(bytes, block << CodePointIndex.blockShift, offset)
    }

    /// Code points that start in `bytes[from..<to]`: bytes that are not UTF-8 continuation bytes
    /// (`10xxxxxx`), counted eight at a time.
    @inline(__always)
    static func codePoints(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = from, continuations = 0
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Bit 7 set and bit 6 clear in a byte: a continuation byte.
            continuations &+= (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i &+= 8
        }
        while i < to {
            if bytes[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return to - from - continuations
    }
}
