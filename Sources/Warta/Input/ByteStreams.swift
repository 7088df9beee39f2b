import CZlib

#if canImport(Glibc)
import Glibc
#endif

/// A source of bytes read in chunks.
public protocol ByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 at the end.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int
    /// Whether the stream ended early (a gzip member cut short).
    var truncated: Bool { get }
}

/// Bytes from a file descriptor.
public final class FileByteStream: ByteStream {
    private let fd: Int32
    private let owned: Bool
    private let path: String
    /// Never truncated: a file ends where it ends.
    public let truncated = false

    /// Opens `path` (`-` is standard input).
    public init(path: String) throws(WartaError) {
        self.path = path
        if path == "-" {
            fd = 0
            owned = false
            return
        }
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let e = errno
            if e == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(e)))
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .isDirectory(path: path)
        }
        self.fd = fd
        owned = true
    }

    deinit { if owned { close(fd) } }

    /// Reads the next chunk.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Bytes held in memory, as a stream (a WARC record's body, a test's input).
public final class MemoryByteStream: ByteStream {
    private let data: [UInt8]
    private var position = 0
    /// Never truncated.
    public let truncated = false

    /// A stream over `data`.
    public init(_ data: [UInt8]) { self.data = data }

    /// Copies the next bytes.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        let n = min(buffer.count, data.count - position)
        guard n > 0, let target = buffer.baseAddress else { return 0 }
        data.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + position, count: n) }
        position += n
        return n
    }
}

/// Another stream with bytes already read from it put back in front (how `openStream` looks
/// at the first bytes of standard input without losing them).
final class PrefixedByteStream: ByteStream {
    private var prefix: [UInt8]
    private var position = 0
    private let source: ByteStream

    /// `prefix`, then the rest of `source`.
    init(prefix: [UInt8], source: ByteStream) {
        self.prefix = prefix
        self.source = source
    }

    var truncated: Bool { source.truncated }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        let n = min(buffer.count, prefix.count - position)
        guard n > 0, let target = buffer.baseAddress else { return try source.read(into: buffer) }
        prefix.withUnsafeBufferPointer { target.update(from: $0.baseAddress! + position, count: n) }
        position += n
        if position == prefix.count { prefix = [] ; position = 0 }
        return n
    }
}

/// Gunzips another stream: one member or many (one per WARC record), an FEXTRA field, or a
/// member cut short (then `truncated` is set and the bytes so far are kept). Data that is not
/// gzip or zlib at all, or a corrupt member, also ends the stream with `truncated` set.
public final class GzipByteStream: ByteStream {
    private let source: ByteStream
    private var z = z_stream()
    private var input: [UInt8]
    private var inputEnd = 0
    private var atEnd = false
    private var inMember = false
    /// Whether the compressed data ended inside a member (or was corrupt).
    public private(set) var truncated = false
    /// Decompressed bytes produced so far.
    public private(set) var produced = 0
    /// A raw deflate stream: one stream, no members after it.
    private let raw: Bool

    /// Decompresses `source`: gzip or zlib, or with `raw` a deflate stream without either
    /// header (what some servers send as `Content-Encoding: deflate`).
    public init(_ source: ByteStream, raw: Bool = false) throws(WartaError) {
        self.source = source
        self.raw = raw
        input = [UInt8](repeating: 0, count: 1 << 16)
        let status = inflateInit2_(&z, raw ? -15 : 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK { throw .unreadable(path: "gzip", reason: "zlib could not start (\(status))") }
    }

    deinit { inflateEnd(&z) }

    /// Reads decompressed bytes.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        if atEnd || buffer.isEmpty { return 0 }
        let capacity = UInt32(clamping: buffer.count)
        var count = 0
        while count == 0 {
            if z.avail_in == 0 {
                let n = try input.withUnsafeMutableBufferPointer { (b) throws(WartaError) -> Int in try source.read(into: b) }
                if n == 0 {
                    // No more input: a member left open is a truncated stream.
                    truncated = inMember
                    atEnd = true
                    return 0
                }
                inputEnd = n
                z.avail_in = UInt32(n)
            }
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                z.next_in = inBuf.baseAddress! + (inputEnd - Int(z.avail_in))
                z.next_out = buffer.baseAddress! + count
                z.avail_out = capacity - UInt32(count)
                let before = z.avail_out
                let s = inflate(&z, Z_NO_FLUSH)
                count += Int(before - z.avail_out)
                return s
            }
            inMember = true
            if status == Z_STREAM_END {
                if raw {
                    inMember = false
                    atEnd = true
                    break
                }
                // The next member, if any, starts a new gzip stream.
                inflateReset(&z)
                inMember = false
                continue
            }
            if status == Z_OK || status == Z_BUF_ERROR { continue }
            // Z_DATA_ERROR and the like: keep what came out, end the stream as cut short.
            truncated = true
            atEnd = true
            break
        }
        produced += count
        return count
    }
}

/// Buffered reading of lines and counted bytes over a stream.
public final class BufferedReader {
    private let stream: ByteStream
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    /// Bytes consumed so far.
    public private(set) var offset = 0
    /// The full length of the line `readLine` returned last (more than it returned when the
    /// line was over the limit), without its line break.
    public private(set) var lastLineLength = 0

    /// Reads from `stream`.
    public init(_ stream: ByteStream, capacity: Int = 1 << 16) {
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: max(capacity, 16))
    }

    /// Whether the underlying stream ended early.
    public var truncated: Bool { stream.truncated }

    /// Reads more bytes after `end`, moving the unread ones to the front first and growing the
    /// buffer when it is full. False at the end of the stream.
    private func fill() throws(WartaError) -> Bool {
        if eof { return false }
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                b.baseAddress!.update(from: b.baseAddress! + start, count: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let n = try buffer.withUnsafeMutableBufferPointer { (b) throws(WartaError) -> Int in
            try stream.read(into: UnsafeMutableBufferPointer(rebasing: b[end...]))
        }
        if n == 0 { eof = true; return false }
        end += n
        return true
    }

    private func consume(_ n: Int) {
        start += n
        offset += n
    }

    /// The next line without its line break (LF or CRLF), or nil at the end. A line longer
    /// than `limit` bytes gives its first `limit` bytes and the rest of it is skipped
    /// (`lastLineLength` tells its full length), so the next call returns the next line.
    public func readLine(limit: Int = 1 << 20) throws(WartaError) -> [UInt8]? {
        let limit = max(limit, 0)
        var searched = 0  // bytes after `start` already known to hold no line break
        while true {
            // A line of `limit` bytes may be followed by CR LF: look that far, no further.
            let window = start + min(end - start, limit > Int.max - 2 ? limit : limit + 2)
            if let nl = lineBreak(from: start + searched, to: window) {
                var length = nl - start
                if length > 0, buffer[nl - 1] == 0x0D { length -= 1 }
                let line = Array(buffer[start..<(start + min(length, limit))])
                lastLineLength = length
                consume(nl + 1 - start)
                return line
            }
            searched = window - start
            if searched > limit {
                let line = Array(buffer[start..<(start + limit)])
                consume(limit)
                lastLineLength = limit + (try skipLine())
                return line
            }
            if try !fill() {
                if start == end { return nil }
                let line = Array(buffer[start..<end])
                lastLineLength = line.count
                consume(end - start)
                return line
            }
        }
    }

    /// The index of the first line break in `buffer[from..<to]`, found by `memchr`.
    private func lineBreak(from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let hit = memchr(raw.baseAddress! + from, 0x0A, to - from) else { return nil }
            return UnsafeRawPointer(hit) - raw.baseAddress!
        }
    }

    /// Skips to just after the next line break; returns how many bytes the line had left
    /// (without its line break); throws ``WartaError/endless(bytes:)`` past ``readCap`` bytes.
    @discardableResult
    public func skipLine() throws(WartaError) -> Int {
        var skipped = 0
        var lastWasCR = false
        while true {
            if skipped > readCap { throw .endless(bytes: skipped) }
            if start == end, try !fill() { return skipped }
            if let nl = buffer[start..<end].firstIndex(of: 0x0A) {
                let n = nl - start
                let cr = n > 0 ? buffer[nl - 1] == 0x0D : lastWasCR
                consume(n + 1)
                return skipped + n - (cr ? 1 : 0)
            }
            skipped += end - start
            lastWasCR = buffer[end - 1] == 0x0D
            consume(end - start)
        }
    }

    /// Reads up to `count` bytes (fewer at the end of the stream).
    public func read(count: Int) throws(WartaError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(max(count, 0), 1 << 24))
        while out.count < count {
            if start == end, try !fill() { break }
            let take = min(count - out.count, end - start)
            out.append(contentsOf: buffer[start..<(start + take)])
            consume(take)
        }
        return out
    }

    /// Skips up to `count` bytes; returns how many were skipped.
    @discardableResult
    public func skip(count: Int) throws(WartaError) -> Int {
        var skipped = 0
        while skipped < count {
            if start == end, try !fill() { break }
            let take = min(count - skipped, end - start)
            consume(take)
            skipped += take
        }
        return skipped
    }

    /// Skips up to `count` bytes but stops before a line that starts with `marker` and one more
    /// byte that `next` accepts (the first byte skipped counts as a line start). Returns how
    /// many bytes were skipped and whether it stopped at such a line.
    public func skip(count: Int, stoppingAtLineStarting marker: [UInt8],
                     followedBy next: (UInt8) -> Bool) throws(WartaError) -> (skipped: Int, found: Bool) {
        let need = marker.count + 1
        var skipped = 0
        var atLineStart = true
        while skipped < count {
            if end - start < need, !eof {
                _ = try fill()
                continue
            }
            if start == end { break }
            let stop = min(end, start + (count - skipped))
            var i = start
            var needMore = false
            while i < stop {
                if atLineStart, buffer[i] == marker[0] {
                    if i + need > end, !eof { needMore = true; break }
                    if i + need <= end, buffer[i..<(i + marker.count)].elementsEqual(marker), next(buffer[i + marker.count]) {
                        skipped += i - start
                        consume(i - start)
                        return (skipped, true)
                    }
                }
                atLineStart = buffer[i] == 0x0A
                i += 1
            }
            skipped += i - start
            consume(i - start)
            if needMore { _ = try fill() }
        }
        return (skipped, false)
    }

    /// The next `count` bytes (fewer at the end of the stream), left unread.
    public func peek(count: Int) throws(WartaError) -> ArraySlice<UInt8> {
        while end - start < count, try fill() {}
        return buffer[start..<min(end, start + count)]
    }

    /// Puts `bytes` back in front of what is left to read (they were read too far).
    public func unread(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if start >= bytes.count {
            buffer.replaceSubrange((start - bytes.count)..<start, with: bytes)
            start -= bytes.count
        } else {
            let rest = buffer[start..<end]
            buffer = Array(bytes) + rest + repeatElement(0, count: max(1 << 16, rest.count))
            end = bytes.count + rest.count
            start = 0
        }
        offset -= bytes.count
    }

    /// The most bytes read past a limit, to count them or to find a line's end, before reading
    /// gives up: a stream that never ends (`/dev/zero`, a line without a line break) is an
    /// error, not a hang. 1 GiB unless set lower (tests do).
    public var readCap = 1 << 30

    /// Everything left in the stream, up to `limit` bytes (more is read and dropped; the
    /// second value is the full length); throws ``WartaError/endless(bytes:)`` past
    /// ``readCap`` bytes.
    public func readAll(limit: Int) throws(WartaError) -> ([UInt8], Int) {
        var out: [UInt8] = []
        var total = 0
        while true {
            if start == end, try !fill() { break }
            let n = end - start
            if out.count < limit { out.append(contentsOf: buffer[start..<(start + min(n, limit - out.count))]) }
            total += n
            consume(n)
            if total > max(limit, readCap) { throw .endless(bytes: total) }
        }
        return (out, total)
    }

    /// Up to `limit` bytes of what is left, and whether more follows (then it stays unread:
    /// decompression stops there).
    public func read(upTo limit: Int) throws(WartaError) -> (bytes: [UInt8], more: Bool) {
        let bytes = try read(count: limit)
        if bytes.count < limit { return (bytes, false) }
        if start == end, try !fill() { return (bytes, false) }
        return (bytes, true)
    }
}

/// Whether `bytes` start with the gzip magic number.
func hasGzipMagic<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
    var i = bytes.makeIterator()
    return i.next() == 0x1F && i.next() == 0x8B
}

/// `stream`, gunzipped when its first two bytes are the gzip magic number (whatever the file
/// is called, standard input too).
public func decompressingIfGzip(_ stream: ByteStream) throws(WartaError) -> ByteStream {
    var head = [UInt8](repeating: 0, count: 2)
    var count = 0
    while count < 2 {
        let n = try head.withUnsafeMutableBufferPointer { (b) throws(WartaError) -> Int in
            try stream.read(into: UnsafeMutableBufferPointer(rebasing: b[count...]))
        }
        if n == 0 { break }
        count += n
    }
    let prefixed = PrefixedByteStream(prefix: Array(head[0..<count]), source: stream)
    return hasGzipMagic(head[0..<count]) ? try GzipByteStream(prefixed) : prefixed
}

/// Opens a file (`-` is standard input), decompressing it when it is gzip by its magic
/// number, whatever its name.
public func openStream(path: String) throws(WartaError) -> ByteStream {
    try decompressingIfGzip(try FileByteStream(path: path))
}

/// Whole arrays read from and written to a file descriptor, retrying on EINTR (the byte
/// streams' unbuffered counterpart, for whole files and for output).
enum FileDescriptor {
    /// Everything readable from `fd` until end of file: read straight into an array of
    /// `sizeHint` bytes (a file's size), then in chunks for whatever follows (a pipe, a file
    /// that grew). `errno` is left as the last read set it.
    static func readAll(_ fd: Int32, sizeHint: Int) -> [UInt8] {

        errno = 0
        var filled = 0
        // Without a size, no array made in place: one of no elements is the runtime's shared
        // empty storage, whose count the initializer would write (a data race between threads).
        var out: [UInt8] = []
        if sizeHint > 0 {
            out = [UInt8](unsafeUninitializedCapacity: sizeHint) { buffer, count in
                while filled < buffer.count {
                    let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                    if n > 0 { filled += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    break
                }
                count = filled
            }
        }
        if sizeHint > 0 && filled < sizeHint { return out }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        return out
    }

    /// The bytes of the regular file at `path` when it has at most `limit` bytes, read straight
    /// into an array of its size; nil when it cannot be opened, is no regular file, is larger,
    /// grew while it was read or a read failed.
    static func readRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= limit else { return nil }
        let size = Int(st.st_size)
        var failed = false
        // One byte more than the size: a file that grew shows it.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var filled = 0
            while filled < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n > 0 { filled += n; continue }
                if n < 0 && errno == EINTR { continue }
                failed = n < 0
                break
            }
            count = filled
        }
        return failed || bytes.count != size ? nil : bytes
    }

    /// Calls `body` with the bytes of the file at `path` mapped into memory (no copy), or
    /// returns nil when it cannot be opened or mapped.
    static func withMappedFile<R>(_ path: String, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        return body(UnsafeRawBufferPointer(start: base, count: size))
    }

    /// Writes all of `bytes` to `fd`; a closed reader is ``OutputSink/BrokenPipe``, any other
    /// failed write (a full disk, an I/O error) ``OutputSink/WriteFailed``.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0) }
    }

    /// Writes all of `raw` to `fd` (see the array form).
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                let e = errno
                if e == EINTR { continue }
                if e == EPIPE { throw OutputSink.BrokenPipe() }
                throw OutputSink.WriteFailed(reason: String(cString: strerror(e)))
            }
            offset += n
        }
    }
}
