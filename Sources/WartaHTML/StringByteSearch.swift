import WartaText

/// Substring search on UTF-8 bytes (``ByteSearch``). With Foundation imported, `contains(_:)`
/// and `range(of:)` of a string in a string go through `NSString`: both converted to UTF-16
/// and compared as composed characters, about ten times the cost of comparing bytes. The
/// needles of extraction are ASCII marks and words (`ld+json`, ` - `, `.com`), where the two agree.
extension StringProtocol {
    /// The first range (the last, `backwards`) of this string whose UTF-8 bytes are those of
    /// `needle`; nil when there is none or `needle` is empty.
    func byteRange(of needle: some StringProtocol, backwards: Bool = false) -> Range<Index>? {
        let found = withUTF8Bytes { hay in needle.withUTF8Bytes { ByteSearch.offset(of: $0, in: hay, backwards: backwards) } }
        guard let found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether the UTF-8 bytes of `needle` occur in this string's (an empty needle does not).
    func containsBytes(_ needle: some StringProtocol) -> Bool {
        withUTF8Bytes { hay in needle.withUTF8Bytes { ByteSearch.offset(of: $0, in: hay) != nil } }
    }

    /// Calls `body` with this string's UTF-8 bytes, in place when they are contiguous.
    fileprivate func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
