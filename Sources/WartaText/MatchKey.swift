import CICUShim

/// Lexicon match keys: case-folded and accent-stripped, so `Jakarta`, `JAKARTA` and
/// `jakarta` share a key, and `Café` matches `cafe`. ASCII takes a fast path; other text
/// goes through ICU (NFKC case folding, then non-spacing marks removed after NFD).
public enum MatchKey {
    /// Appends the match key of UTF-8 `bytes` to `out` (``write(_:to:)`` into room made at its end).
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count, room = capacity(for: bytes.count)
        out.append(contentsOf: repeatElement(0, count: room))
        let n = out.withUnsafeMutableBufferPointer { write(bytes, to: $0.baseAddress! + start) }
        out.removeLast(room - n)
    }

    /// The most bytes ``write(_:to:)`` writes for `count` bytes of text.
    @inlinable public static func capacity(for count: Int) -> Int { count * 3 + 16 }

    /// Writes the match key of UTF-8 `bytes` at `out`, which has room for
    /// ``capacity(for:)`` bytes, and returns its length (a fast path for callers that lay
    /// out many keys in one buffer).
    @inlinable @inline(__always)
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var high: UInt8 = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            high |= b
            out[i] = b &- 0x41 < 26 ? b | 0x20 : b
        }
        return high < 0x80 ? bytes.count : writeNonASCII(bytes, to: out)
    }

    @usableFromInline
    static func writeNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var status: Int32 = 0
        let cap = capacity(for: bytes.count)
        let n = Int(cicu_match_key_utf8(bytes.baseAddress, Int32(bytes.count), out, Int32(cap), &status))
        if status > 0 || n > cap {
            // ICU failed (it should not): ASCII folding of the raw bytes, already written.
            return bytes.count
        }
        return n
    }

    /// The match key of `text`.
    public static func make(_ text: String) -> String {
        var out: [UInt8] = []
        var s = text
        s.withUTF8 { append($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Document {
    /// The match key of token `i` (see ``MatchKey``).
    public func matchKey(ofToken i: Int) -> [UInt8] {
        var out: [UInt8] = []
        appendMatchKey(ofToken: i, to: &out)
        return out
    }

    /// Appends the match key of token `i` to `out` (no array of its own: for callers that lay
    /// out many keys in one buffer).
    public func appendMatchKey(ofToken i: Int, to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { p in
            MatchKey.append(UnsafeBufferPointer(rebasing: p[Int(tokens.starts[i])..<Int(tokens.ends[i])]), to: &out)
        }
    }

    /// The hash (``ByteStringTable/hash(of:lowercase:)``) of the match key of tokens `a..<b`:
    /// their keys joined by single spaces, written into `scratch` (grown as needed, so a caller
    /// that keeps it allocates once).
    public func matchKeyHash(ofTokens a: Int, _ b: Int, scratch: inout [UInt8]) -> Int {
        if let h = asciiMatchKeyHashState(ofTokens: a, b) { return ByteStringTable.hashEnd(h) }
        let starts = tokens.starts, ends = tokens.ends
        // Each token's key may take ``MatchKey/capacity(for:)`` of its bytes, and a space.
        let room = MatchKey.capacity(for: Int(ends[b - 1] - starts[a])) + 17 * (b - a)
        if scratch.count < room { scratch = [UInt8](filled: 0, count: room * 2) }
        return bytes.withUnsafeBufferPointer { p in
            scratch.withUnsafeMutableBufferPointer { out in
                var n = 0
                for t in a..<b {
                    if t > a { out[n] = 0x20; n += 1 }
                    n += MatchKey.write(UnsafeBufferPointer(rebasing: p[Int(starts[t])..<Int(ends[t])]), to: out.baseAddress! + n)
                }
                return ByteStringTable.hash(of: UnsafeBufferPointer(rebasing: out[0..<n]))
            }
        }
    }

    /// The hash state of the match key of tokens `a..<b` when their bytes are ASCII (the key
    /// is then their bytes lower-cased, joined by single spaces), hashed as the bytes are read
    /// in one pass; nil when a byte is not ASCII.
    @inline(__always)
    func asciiMatchKeyHashState(ofTokens a: Int, _ b: Int) -> UInt64? {
        bytes.withUnsafeBufferPointer { p -> UInt64? in
            tokens.starts.withUnsafeBufferPointer { starts -> UInt64? in
                tokens.ends.withUnsafeBufferPointer { ends -> UInt64? in
                    var h = ByteStringTable.hashStart
                    var high: UInt8 = 0
                    for t in a..<b {
                        if t > a { h = ByteStringTable.hashStep(h, 0x20) }
                        for i in Int(starts[t])..<Int(ends[t]) {
                            let c = p[i]
                            high |= c
                            h = ByteStringTable.hashStep(h, c &- 0x41 < 26 ? c | 0x20 : c)
                        }
                    }
                    return high < 0x80 ? h : nil
                }
            }
        }
    }
}
