/// A hand-written JSON writer that appends UTF-8 bytes to a buffer (about ten times
/// faster than `JSONEncoder` here). Callers write structure; the writer escapes strings.
///
/// Each public method holds the buffer for one append. A record's hundreds of small pieces are
/// written inside one ``appending(_:)`` scope instead, through a ``JSONAppender`` that skips the
/// copy-on-write check per piece.
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

    /// Calls `body` with the bytes written, in place (valid during the call only).
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: buffer.base, count: count))
    }

    /// Forgets the bytes written, keeping the buffer.
    public mutating func removeAll() { count = 0 }

    /// How many bytes are written.
    public var byteCount: Int { count }

    /// Makes room for `n` bytes in all.
    public mutating func reserveCapacity(_ n: Int) { appending { $0.reserve(n - $0.count) } }

    /// Runs `body` with the buffer held by this writer alone (copied first if another writer
    /// shares it): `body` appends through a ``JSONAppender`` with no copy-on-write check per piece.
    @inline(__always)
    mutating func appending<R>(_ body: (inout JSONAppender) -> R) -> R {
        if !isKnownUniquelyReferenced(&buffer) { buffer = buffer.copy(count) }
        var appender = JSONAppender(buffer, count: count)
        let result = body(&appender)
        count = appender.count
        return result
    }

    /// Appends raw bytes (already valid JSON).
    @inline(__always) public mutating func raw(_ s: StaticString) { appending { $0.raw(s) } }

    /// Appends raw bytes (already valid JSON).
    public mutating func raw(_ b: [UInt8]) { b.withUnsafeBytes { append($0) } }

    /// Appends the bytes of `p`.
    @inline(__always) mutating func append(_ p: UnsafeRawBufferPointer) { appending { $0.append(p) } }

    /// Appends one raw byte.
    @inline(__always) public mutating func byte(_ b: UInt8) { appending { $0.byte(b) } }

    /// Appends `"key":`.
    @inline(__always) public mutating func key(_ k: StaticString) { appending { $0.key(k) } }

    /// Appends a JSON string.
    public mutating func string(_ s: String) { appending { $0.string(s) } }

    /// Appends a JSON string from UTF-8 bytes (assumed valid UTF-8). Runs of bytes that need no
    /// escape are found eight bytes at a time and appended whole.
    public mutating func string(utf8 u: UnsafeBufferPointer<UInt8>) { appending { $0.string(utf8: u) } }

    /// Appends one JSON string of `parts` (UTF-8) joined by single spaces.
    public mutating func string(joining parts: [UnsafeBufferPointer<UInt8>]) { appending { $0.string(joining: parts) } }

    /// Appends an integer.
    @inline(__always) public mutating func int(_ v: Int) { appending { $0.int(v) } }

    /// Appends `true` or `false`.
    public mutating func bool(_ v: Bool) { appending { $0.bool(v) } }

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
}

/// Appends to a ``JSONWriter``'s buffer during one ``JSONWriter/appending(_:)`` scope, which
/// holds the buffer alone: the appender only makes room (one comparison a piece) and copies.
/// It cannot be copied, so no other writer can see the bytes it writes.
struct JSONAppender: ~Copyable {
    /// The buffer, kept alive by the writer for the scope.
    private unowned(unsafe) let buffer: JSONBuffer
    /// The buffer's memory and size, refreshed when it grows.
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count: Int

    init(_ buffer: JSONBuffer, count: Int) {
        self.buffer = buffer
        base = buffer.base
        capacity = buffer.capacity
        self.count = count
    }

    /// Makes room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(n) }
    }

    @inline(never) private mutating func grow(_ n: Int) {
        buffer.grow(to: max(count + n, capacity * 2), keeping: count)
        base = buffer.base
        capacity = buffer.capacity
    }

    /// Stores `b` in room already made.
    @inline(__always) private mutating func put(_ b: UInt8) {
        base.storeBytes(of: b, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    /// Appends one raw byte.
    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        put(b)
    }

    /// Appends the bytes of `p`.
    @inline(__always) mutating func append(_ p: UnsafeRawBufferPointer) {
        reserve(p.count)
        if let from = p.baseAddress { JSONAppender.copy(from, to: base + count, p.count) }
        count &+= p.count
    }

    /// Copies `n` bytes: small pieces by one or two overlapping words, larger ones by `memcpy`.
    @inline(__always)
    private static func copy(_ from: UnsafeRawPointer, to: UnsafeMutableRawPointer, _ n: Int) {
        if n >= 8 && n <= 16 {
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self), toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self), toByteOffset: n &- 4, as: UInt32.self)
        } else if n < 4 {
            for k in 0..<n { to.storeBytes(of: from.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
        } else {
            to.copyMemory(from: from, byteCount: n)
        }
    }

    /// Appends raw bytes (already valid JSON).
    @inline(__always) mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `"key":`.
    @inline(__always) mutating func key(_ k: StaticString) {
        k.withUTF8Buffer { u in
            reserve(u.count &+ 3)
            put(0x22)
            JSONAppender.copy(u.baseAddress!, to: base + count, u.count)
            count &+= u.count
            put(0x22); put(0x3A)
        }
    }

    /// Appends raw bytes (already valid JSON).
    mutating func raw(_ b: [UInt8]) { b.withUnsafeBytes { append($0) } }

    /// Appends `true` or `false`.
    mutating func bool(_ v: Bool) { if v { raw("true") } else { raw("false") } }

    /// Appends a JSON string.
    mutating func string(_ s: String) {
        // Native strings lend their bytes without a copy of the string.
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) != nil { return }
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Appends a JSON string from UTF-8 bytes (assumed valid UTF-8).
    mutating func string(utf8 u: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        escaped(u)
        byte(0x22)
    }

    /// Appends one JSON string of `parts` (UTF-8) joined by single spaces.
    mutating func string(joining parts: [UnsafeBufferPointer<UInt8>]) {
        byte(0x22)
        for (k, part) in parts.enumerated() {
            if k > 0 { byte(0x20) }
            escaped(part)
        }
        byte(0x22)
    }

    /// Appends `u` escaped for a JSON string, without the quotes: the runs of bytes that need no
    /// escape, found eight bytes at a time, are copied whole (most strings are one run).
    @inline(__always) mutating func escaped(_ u: UnsafeBufferPointer<UInt8>) {
        guard let p = u.baseAddress else { return }
        let n = u.count
        let j = JSONAppender.nextEscape(p, from: 0, n)
        append(UnsafeRawBufferPointer(start: p, count: j))
        if j < n { escaped(p, from: j, n) }
    }

    /// Appends `p[i..<n]` escaped, where `p[i]` may need an escape.
    @inline(never) private mutating func escaped(_ p: UnsafePointer<UInt8>, from i: Int, _ n: Int) {
        var i = escape(p, at: i, n)
        while i < n {
            let j = JSONAppender.nextEscape(p, from: i, n)
            append(UnsafeRawBufferPointer(start: p + i, count: j &- i))
            if j == n { return }
            i = escape(p, at: j, n)
        }
    }

    /// Appends the escape of the byte at `i`, which may need one, and returns where the bytes
    /// after it start.
    private mutating func escape(_ p: UnsafePointer<UInt8>, at i: Int, _ n: Int) -> Int {
        let b = p[i]
        if b < 0x20 || b == 0x22 || b == 0x5C {
            escape(b)
            return i &+ 1
        }
        if b == 0xE2, i &+ 2 < n, p[i &+ 1] == 0x80, p[i &+ 2] == 0xA8 || p[i &+ 2] == 0xA9 {
            // U+2028 and U+2029 are valid JSON but break JavaScript and some line readers.
            raw(p[i &+ 2] == 0xA8 ? "\\u2028" : "\\u2029")
            return i &+ 3
        }
        byte(b)
        return i &+ 1
    }

    /// The index of the first byte at or after `i` that may need an escape (a control byte, `"`,
    /// `\\` or 0xE2), or `n`: eight bytes at a time, the last few in the last eight bytes (or in one
    /// word padded with spaces when there are fewer).
    @inline(__always)
    private static func nextEscape(_ p: UnsafePointer<UInt8>, from i: Int, _ n: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        var i = i
        while i &+ 8 <= n {
            // The lowest flagged byte of the word is exact (a borrow only flags bytes above a true hit).
            let flags = JSONWriter.escapeFlags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if flags != 0 { return i &+ flags.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        if i == n { return n }
        if n >= 8 {
            // The last eight bytes, without the flags of those before `i` (the lowest flag left may
            // then be a false one, above an escaped byte: `escape(_:at:_:)` copies such a byte).
            let seen = UInt64(truncatingIfNeeded: i &- (n &- 8)) &* 8
            let flags = JSONWriter.escapeFlags(raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) & (~0 << seen)
            return flags == 0 ? n : n &- 8 &+ flags.trailingZeroBitCount >> 3
        }
        var w: UInt64 = 0x2020_2020_2020_2020
        var k = n
        while k > i { k &-= 1; w = w << 8 | UInt64(p[k]) }
        let flags = JSONWriter.escapeFlags(w)
        return flags == 0 ? n : i &+ flags.trailingZeroBitCount >> 3
    }

    /// Appends the escape of control byte, quote or backslash `b`.
    private mutating func escape(_ b: UInt8) {
        reserve(6)
        put(0x5C)
        switch b {
        case 0x22: put(0x22)
        case 0x5C: put(0x5C)
        case 0x0A: put(0x6E)
        case 0x0D: put(0x72)
        case 0x09: put(0x74)
        default:
            put(0x75); put(0x30); put(0x30)
            put(JSONAppender.hexDigit(b >> 4)); put(JSONAppender.hexDigit(b & 15))
        }
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 &+ v : 0x57 &+ v }

    /// Appends an integer.
    @inline(__always) mutating func int(_ v: Int) {
        reserve(20)
        if v < 0 { put(0x2D) }
        digits(v.magnitude)
    }

    /// Writes the decimal digits of `v` in room already made (up to 20 bytes), two at a time
    /// from the last.
    @inline(__always) private mutating func digits(_ v: UInt) {
        if v < 10 { put(UInt8(truncatingIfNeeded: 0x30 &+ v)); return }
        let end = count &+ JSONAppender.digitCount(v)
        var k = end, x = v
        while x >= 100 {
            let (q, r) = x.quotientAndRemainder(dividingBy: 100)
            k &-= 2
            base.storeBytes(of: JSONAppender.twoDigits(r), toByteOffset: k, as: UInt16.self)
            x = q
        }
        if x >= 10 {
            base.storeBytes(of: JSONAppender.twoDigits(x), toByteOffset: k &- 2, as: UInt16.self)
        } else {
            base.storeBytes(of: UInt8(truncatingIfNeeded: 0x30 &+ x), toByteOffset: k &- 1, as: UInt8.self)
        }
        count = end
    }

    /// The two ASCII digits of `v` (below 100), the tens first in memory.
    @inline(__always) static func twoDigits(_ v: UInt) -> UInt16 {
        let tens = (v &* 103) >> 10  // v / 10 for every v below 179
        let ones = v &- tens &* 10
        return UInt16(truncatingIfNeeded: (0x30 &+ tens) | (0x30 &+ ones) << 8)
    }

    /// How many decimal digits `v` has.
    @inline(__always) static func digitCount(_ v: UInt) -> Int {
        var n = 1, bound: UInt = 10
        while v >= bound {
            n &+= 1
            if n == 20 { break }
            bound &*= 10
        }
        return n
    }
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
