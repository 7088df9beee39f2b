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

/// Gunzips another stream: one member or many (one per WARC record), an FEXTRA field, or a
/// member cut short (then `truncated` is set and the bytes so far are kept).
public final class GzipByteStream: ByteStream {
    private let source: ByteStream
    private var z = z_stream()
    private var input: [UInt8]
    private var inputEnd = 0
    private var atEnd = false
    private var inMember = false
    /// Whether the compressed data ended inside a member.
    public private(set) var truncated = false

    /// Decompresses `source`.
    public init(_ source: ByteStream) throws(WartaError) {
        self.source = source
        input = [UInt8](repeating: 0, count: 1 << 16)
        let status = inflateInit2_(&z, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK { throw .unreadable(path: "gzip", reason: "zlib could not start (\(status))") }
    }

    deinit { inflateEnd(&z) }

    /// Reads decompressed bytes.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        if atEnd { return 0 }
        var produced = 0
        while produced == 0 {
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
                z.next_out = buffer.baseAddress! + produced
                z.avail_out = UInt32(buffer.count - produced)
                let before = z.avail_out
                let s = inflate(&z, Z_NO_FLUSH)
                produced += Int(before - z.avail_out)
                return s
            }
            inMember = true
            if status == Z_STREAM_END {
                // The next member, if any, starts a new gzip stream.
                inflateReset(&z)
                inMember = false
                continue
            }
            if status == Z_BUF_ERROR { continue }
            if status != Z_OK {
                if produced > 0 { atEnd = true; truncated = true; return produced }
                truncated = true
                atEnd = true
                return 0
            }
        }
        return produced
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

    /// Reads from `stream`.
    public init(_ stream: ByteStream, capacity: Int = 1 << 16) {
        self.stream = stream
        buffer = [UInt8](repeating: 0, count: capacity)
    }

    /// Whether the underlying stream ended early.
    public var truncated: Bool { stream.truncated }

    private func fill() throws(WartaError) -> Bool {
        if eof { return false }
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { b in
                b.baseAddress!.update(from: b.baseAddress! + start, count: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let n = try buffer.withUnsafeMutableBufferPointer { (b) throws(WartaError) -> Int in
            try stream.read(into: UnsafeMutableBufferPointer(rebasing: b[end...]))
        }
        if n == 0 { eof = true; return false }
        end += n
        return true
    }

    /// The next line without its line break (LF or CRLF), or nil at the end.
    /// Lines longer than `limit` are cut (the rest is returned as the next line).
    public func readLine(limit: Int = 1 << 20) throws(WartaError) -> [UInt8]? {
        var searched = 0  // bytes after `start` already known to hold no line break
        while true {
            if let nl = buffer[(start + searched)..<end].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<nl])
                if line.last == 0x0D { line.removeLast() }
                offset += nl + 1 - start
                start = nl + 1
                return line
            }
            searched = end - start
            if searched >= limit {
                let line = Array(buffer[start..<(start + limit)])
                offset += limit
                start += limit
                return line
            }
            if try !fill() {
                if start == end { return nil }
                let line = Array(buffer[start..<end])
                offset += end - start
                start = end
                return line
            }
        }
    }

    /// Reads up to `count` bytes (fewer at the end of the stream).
    public func read(count: Int) throws(WartaError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(count, 1 << 24))
        while out.count < count {
            if start == end, try !fill() { break }
            let take = min(count - out.count, end - start)
            out.append(contentsOf: buffer[start..<(start + take)])
            start += take
            offset += take
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
            start += take
            offset += take
            skipped += take
        }
        return skipped
    }

    /// Everything left in the stream, up to `limit` bytes (more is read and dropped; the
    /// second value is the full length).
    public func readAll(limit: Int) throws(WartaError) -> ([UInt8], Int) {
        var out: [UInt8] = []
        var total = 0
        while true {
            if start == end, try !fill() { break }
            let n = end - start
            if out.count < limit { out.append(contentsOf: buffer[start..<(start + min(n, limit - out.count))]) }
            total += n
            offset += n
            start = end
        }
        return (out, total)
    }
}

/// Whether a file name ends like gzip.
func isGzipName(_ path: String) -> Bool { path.lowercased().hasSuffix(".gz") }

/// Opens a file, decompressing `.gz` (or bytes that start with the gzip magic).
public func openStream(path: String) throws(WartaError) -> ByteStream {
    let file = try FileByteStream(path: path)
    if isGzipName(path) { return try GzipByteStream(file) }
    return file
}
