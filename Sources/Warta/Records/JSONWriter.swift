/// A hand-written JSON writer that appends UTF-8 bytes to a buffer (about ten times
/// faster than `JSONEncoder` here). Callers write structure; the writer escapes strings.
public struct JSONWriter: Sendable {
    /// The bytes: a record is written in hundreds of small pieces, each copied through a
    /// pointer (`Array.append(contentsOf:)` cost ten times as much a piece).
    private var buffer: JSONBuffer
    /// How many bytes of ``buffer`` are written.
    private var count = 0

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] {
        get { buffer.bytes(count) }
        set {
            buffer = JSONBuffer(capacity: max(newValue.count, 64))
            count = 0
            newValue.withUnsafeBytes { append($0) }
        }
    }

    /// Creates a writer with `capacity` bytes reserved.
    public init(capacity: Int = 1 << 12) { buffer = JSONBuffer(capacity: max(capacity, 64)) }

    /// The bytes written.
    public func finish() -> [UInt8] { buffer.bytes(count) }

    /// Forgets the bytes written, keeping the buffer.
    public mutating func removeAll() { count = 0 }

    /// How many bytes are written.
    public var byteCount: Int { count }

    /// Makes room for `n` bytes in all.
    public mutating func reserveCapacity(_ n: Int) { _ = room(n - count) }

    /// Where the next `n` bytes go, after making room for them (and copying a buffer another
    /// writer shares).
    @inline(__always) private mutating func room(_ n: Int) -> UnsafeMutableRawPointer {
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy(count) }
        if count &+ n > buffer.capacity { buffer.grow(to: max(count + n, buffer.capacity * 2), keeping: count) }
        return buffer.base + count
    }

    /// Appends raw bytes (already valid JSON).
    @inline(__always) public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes (already valid JSON).
    public mutating func raw(_ b: [UInt8]) { b.withUnsafeBytes { append($0) } }

    /// Appends the bytes of `p`.
    @inline(__always) mutating func append(_ p: UnsafeRawBufferPointer) {
        let n = p.count
        let to = room(n)
        if n <= 16 {
            for k in 0..<n { to.storeBytes(of: p.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
        } else {
            to.copyMemory(from: p.baseAddress!, byteCount: n)
        }
        count &+= n
    }

    /// Appends one raw byte.
    @inline(__always) public mutating func byte(_ b: UInt8) {
        room(1).storeBytes(of: b, as: UInt8.self)
        count &+= 1
    }

    /// Appends `"key":`.
    @inline(__always) public mutating func key(_ k: StaticString) {
        byte(0x22)
        k.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        byte(0x22); byte(0x3A)
    }

    /// Appends a JSON string.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Appends a JSON string from UTF-8 bytes (assumed valid UTF-8). Runs of bytes that need no
    /// escape are found eight bytes at a time and appended whole.
    public mutating func string(utf8 u: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        escaped(u)
        byte(0x22)
    }

    /// Appends one JSON string of `parts` (UTF-8) joined by single spaces.
    public mutating func string(joining parts: [UnsafeBufferPointer<UInt8>]) {
        byte(0x22)
        for (k, part) in parts.enumerated() {
            if k > 0 { byte(0x20) }
            escaped(part)
        }
        byte(0x22)
    }

    /// Appends `u` escaped for a JSON string, without the quotes.
    private mutating func escaped(_ u: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let n = u.count
        while i < n {
            if i + 8 <= n {
                // Skip to the first byte that may need escaping: the lowest flagged byte of the
                // word is exact (a borrow only flags bytes above a true hit).
                let flags = JSONWriter.escapeFlags(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self))
                if flags == 0 { i += 8; continue }
                i += flags.trailingZeroBitCount >> 3
            }
            let b = u[i]
            if b < 0x20 || b == 0x22 || b == 0x5C {
                if i > runStart { append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[runStart..<i]))) }
                escape(b)
                runStart = i + 1
            } else if b == 0xE2, i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 {
                // U+2028 and U+2029 are valid JSON but break JavaScript and some line readers.
                if i > runStart { append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[runStart..<i]))) }
                raw(u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 3
                runStart = i
                continue
            }
            i += 1
        }
        if n > runStart { append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[runStart..<n]))) }
    }

    /// The high bit of each byte of `w` (little-endian) that may be a control byte, `"`, `\\` or
    /// 0xE2; the lowest flag is always a true one.
    @inline(__always)
    static func escapeFlags(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        // Bytes below 0x20 (a byte of 0x80 or more is not below it).
        let below = (w &- ones &* 0x20) & ~w & highs
        return below | hasZero(w ^ (ones &* 0x22)) | hasZero(w ^ (ones &* 0x5C)) | hasZero(w ^ (ones &* 0xE2))
    }

    /// Appends the escape of control byte, quote or backslash `b`.
    private mutating func escape(_ b: UInt8) {
        byte(0x5C)
        switch b {
        case 0x22: byte(0x22)
        case 0x5C: byte(0x5C)
        case 0x0A: byte(0x6E)
        case 0x0D: byte(0x72)
        case 0x09: byte(0x74)
        default:
            byte(0x75); byte(0x30); byte(0x30)
            byte(JSONWriter.hex[Int(b >> 4)]); byte(JSONWriter.hex[Int(b & 15)])
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends an integer.
    @inline(__always) public mutating func int(_ v: Int) {
        if v >= 0 && v < 10 { byte(UInt8(0x30 + v)); return }
        var v = v
        if v < 0 { byte(0x2D); v = -v }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { t in
            while v > 0 { t[n] = UInt8(0x30 + v % 10); v /= 10; n += 1 }
            while n > 0 { n -= 1; byte(t[n]) }
        }
    }

    /// Appends `true` or `false`.
    public mutating func bool(_ v: Bool) { if v { raw("true") } else { raw("false") } }
}

/// The memory of a ``JSONWriter``: one allocation, grown by doubling. A writer copies it before
/// writing when another writer shares it, so writers keep value semantics (hence the unchecked
/// `Sendable`: a shared buffer is only read).
final class JSONBuffer: @unchecked Sendable {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int

    init(capacity: Int) {
        base = .allocate(byteCount: capacity, alignment: 16)
        self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// Grows to `capacity` bytes, keeping the first `count`.
    func grow(to capacity: Int, keeping count: Int) {
        let new = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        new.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = new
        self.capacity = capacity
    }

    /// A buffer of the same capacity holding the first `count` bytes.
    func copy(_ count: Int) -> JSONBuffer {
        let other = JSONBuffer(capacity: capacity)
        other.base.copyMemory(from: base, byteCount: count)
        return other
    }

    /// The first `count` bytes.
    func bytes(_ count: Int) -> [UInt8] { Array(UnsafeRawBufferPointer(start: base, count: count)) }
}
