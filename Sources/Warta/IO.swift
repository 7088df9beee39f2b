#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole inputs into memory.
public enum InputReader {
    /// The bytes of the file at `path` (`-` is standard input).
    public static func read(path: String) throws(WartaError) -> [UInt8] {
        if path == "-" { return readAll(fd: 0) }
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let e = errno
            if e == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(e)))
        }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        let bytes = readAll(fd: fd, sizeHint: Int(st.st_size))
        if bytes.isEmpty, errno != 0, st.st_size > 0 {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        return bytes
    }

    /// Everything readable from `fd` until end of file: read straight into an array of
    /// `sizeHint` bytes (a file's size), then in chunks for whatever follows (a pipe, a file
    /// that grew).
    public static func readAll(fd: Int32, sizeHint: Int = 0) -> [UInt8] {
        FileDescriptor.readAll(fd, sizeHint: sizeHint)
    }
}

/// A buffered writer to a file descriptor. A closed reader is reported as ``BrokenPipe`` when
/// the process ignores SIGPIPE (the command line does); otherwise the signal ends it.
public final class OutputSink {
    /// Raised when the reader has gone away (`warta … | head`).
    public struct BrokenPipe: Error {}

    /// Raised when a write fails for another reason than a closed reader: a full disk, an I/O
    /// error. Unlike a closed pipe it is an error: output is missing.
    public struct WriteFailed: Error {
        /// What the system said (`No space left on device`).
        public let reason: String
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private let limit: Int

    /// Creates a sink on `fd` (standard output by default) flushing every `limit` bytes.
    public init(fd: Int32 = 1, limit: Int = 1 << 16) {
        self.fd = fd
        self.limit = limit
        buffer.reserveCapacity(limit * 2)
    }

    /// Appends bytes, writing them out when the buffer is full; bytes larger than the buffer
    /// are written straight from where they are.
    public func write(_ bytes: [UInt8]) throws {
        if bytes.count >= limit {
            try flush()
            try FileDescriptor.writeAll(fd, bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { try flush() }
    }

    /// Appends a string.
    public func write(_ s: String) throws { try write(Array(s.utf8)) }

    /// Writes everything buffered.
    public func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        try FileDescriptor.writeAll(fd, buffer)
    }
}
