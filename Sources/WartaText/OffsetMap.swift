/// Maps byte offsets in the normalized text back to byte offsets in the original input.
///
/// The map is a sorted list of anchors. After an in-step anchor the two texts run in
/// step byte for byte; a replacement anchor covers normalized text that stands for a
/// different original run (collapsed whitespace, a repaired or recomposed character,
/// U+FFFD for an invalid byte) up to the next anchor. Character boundaries map exactly.
public struct OffsetMap: Sendable, Equatable {
    @usableFromInline var normalized: [Int32] = [0]
    @usableFromInline var original: [Int32] = [0]
    /// Original end of a replacement anchor's run, or -1 for an in-step anchor.
    @usableFromInline var replacedEnd: [Int32] = [-1]
    /// Length of the original input in bytes.
    public internal(set) var originalLength: Int = 0
    /// Length of the normalized text in bytes.
    public internal(set) var normalizedLength: Int = 0

    /// An identity map over `length` bytes.
    public init(identity length: Int) {
        originalLength = length
        normalizedLength = length
    }

    /// Starts in-step text at normalized offset `n`, original offset `o`.
    @inline(__always)
    mutating func step(normalized n: Int, original o: Int) {
        let last = normalized.count - 1
        if replacedEnd[last] < 0 && Int(original[last]) - Int(normalized[last]) == o - n { return }
        append(n, o, -1)
    }

    /// Records that normalized text from `n` to the next anchor replaces original `o..<end`.
    mutating func replace(normalized n: Int, original o: Int, originalEnd end: Int) {
        append(n, o, end)
    }

    private mutating func append(_ n: Int, _ o: Int, _ end: Int) {
        let last = normalized.count - 1
        if Int(normalized[last]) == n {
            // The previous anchor covered nothing: overwrite it.
            original[last] = Int32(truncatingIfNeeded: o)
            replacedEnd[last] = Int32(truncatingIfNeeded: end)
            return
        }
        normalized.append(Int32(truncatingIfNeeded: n))
        original.append(Int32(truncatingIfNeeded: o))
        replacedEnd.append(Int32(truncatingIfNeeded: end))
    }

    /// Drops anchors at or after normalized offset `n` (the normalizer retracts output).
    mutating func truncate(normalized n: Int) {
        while normalized.count > 1, Int(normalized[normalized.count - 1]) >= n {
            normalized.removeLast(); original.removeLast(); replacedEnd.removeLast()
        }
    }

    @inline(__always)
    private func anchorIndex(_ n: Int) -> Int {
        var lo = 0, hi = normalized.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if Int(normalized[mid]) <= n { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The original offset where the character at normalized offset `n` starts
    /// (`normalizedLength` maps to `originalLength`).
    public func originalStart(_ n: Int) -> Int {
        if n >= normalizedLength { return originalLength }
        let a = anchorIndex(n)
        if replacedEnd[a] >= 0 { return Int(original[a]) }
        return Int(original[a]) + (n - Int(normalized[a]))
    }

    /// The original offset where the character that ends at normalized offset `n` ends.
    public func originalEnd(_ n: Int) -> Int {
        if n <= 0 { return originalStart(0) }
        let a = anchorIndex(n - 1)
        if replacedEnd[a] >= 0 { return Int(replacedEnd[a]) }
        return Int(original[a]) + (n - Int(normalized[a]))
    }

    /// The original byte range of the normalized byte range `range`.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        let s = originalStart(range.lowerBound)
        if range.isEmpty { return s..<s }
        return s..<max(s, originalEnd(range.upperBound))
    }

    /// Number of anchors: a measure of how much normalization moved the text.
    public var anchorCount: Int { normalized.count }
}
