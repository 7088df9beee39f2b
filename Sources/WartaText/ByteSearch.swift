/// Substring search on bytes, case and all: the first or last place where one byte string
/// occurs in another.
public enum ByteSearch {
    /// The offset of the first (last, `backwards`) occurrence of `needle` in `hay`; nil when
    /// there is none or `needle` is empty.
    public static func offset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>,
                              backwards: Bool = false) -> Int? {
        let n = needle.count
        guard n > 0, n <= hay.count else { return nil }
        let first = needle[0], last = hay.count - n
        func matches(_ i: Int) -> Bool {
            guard hay[i] == first else { return false }
            for k in 1..<n where hay[i + k] != needle[k] { return false }
            return true
        }
        if backwards {
            for i in stride(from: last, through: 0, by: -1) where matches(i) { return i }
        } else {
            for i in 0...last where matches(i) { return i }
        }
        return nil
    }

    /// ``offset(of:in:backwards:)`` of the bytes of two spans.
    public static func offset(of needle: Span<UInt8>, in hay: Span<UInt8>, backwards: Bool = false) -> Int? {
        hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { offset(of: $0, in: h, backwards: backwards) } }
    }
}
