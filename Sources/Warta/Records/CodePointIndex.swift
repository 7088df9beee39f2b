/// Converts byte offsets of a UTF-8 text into Unicode code point offsets (what Python
/// strings and spaCy use), for output. Offsets asked in increasing order cost O(1) each;
/// an earlier offset restarts from the nearest checkpoint.
public struct CodePointIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    private var checkpoints: [Int] = []  // code points before each 4 KiB block
    private var bytePos = 0
    private var cpPos = 0
    private static let blockShift = 12

    /// Creates an index over `bytes`, which must outlive it.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var ascii = true
        var cps = 0
        var cp: [Int] = []
        cp.reserveCapacity(bytes.count >> CodePointIndex.blockShift + 1)
        for (i, b) in bytes.enumerated() {
            if i & ((1 << CodePointIndex.blockShift) - 1) == 0 { cp.append(cps) }
            if b & 0xC0 != 0x80 { cps += 1 }
            if b >= 0x80 { ascii = false }
        }
        isASCII = ascii
        checkpoints = cp
    }

    /// The code point offset of byte offset `offset`.
    public mutating func codePoint(_ offset: Int) -> Int {
        if isASCII { return offset }
        if offset < bytePos || offset - bytePos > (1 << CodePointIndex.blockShift) {
            let block = min(offset >> CodePointIndex.blockShift, checkpoints.count - 1)
            if block >= 0 && block < checkpoints.count {
                bytePos = block << CodePointIndex.blockShift
                cpPos = checkpoints[block]
            } else {
                bytePos = 0; cpPos = 0
            }
        }
        while bytePos < offset {
            if bytes[bytePos] & 0xC0 != 0x80 { cpPos += 1 }
            bytePos += 1
        }
        return cpPos
    }
}
