import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where records go: standard output, a file (gzip-compressed when it ends `.gz`), or
/// numbered shards in a folder. A plain record is written whole and at once (one `write`), so a
/// crash later in the run never costs the records before it; gzip output is written in blocks of
/// whole members (``GzipBlocks``), each within a quarter of a second of its first record. A
/// closed reader is reported as `OutputSink.BrokenPipe` when the process ignores SIGPIPE.
public final class RecordOutput {
    /// The file descriptor of plain output (-1 once finished, or for gzip output).
    private var fd: Int32
    private var ownsFD: Bool
    /// The compressor of gzip output, for the whole run (shards switch its file).
    private let gzip: GzipBlocks?
    /// The file written now, for error messages.
    private var currentPath: String
    private let shardDirectory: String?
    private let shardSize: Int
    private var recordsInShard = 0
    private var shardIndex = 0

    /// Standard output.
    public init() {
        fd = 1
        ownsFD = false
        gzip = nil
        currentPath = "standard output"
        shardDirectory = nil
        shardSize = 0
    }

    /// A file; `.gz` compresses.
    public init(path: String) throws(WartaError) {
        currentPath = path
        shardDirectory = nil
        shardSize = 0
        (fd, ownsFD, gzip) = try RecordOutput.open(path)
    }

    /// Shards `part-00000.jsonl`, `part-00001.jsonl`, … in `directory`, `shardSize` records each
    /// (`.jsonl.gz` with `compress`).
    public init(directory: String, shardSize: Int, compress: Bool) throws(WartaError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: directory, reason: "the output folder cannot be created")
        }
        shardDirectory = directory
        self.shardSize = max(1, shardSize)
        currentPath = RecordOutput.shardPath(directory, 0, compress: compress)
        (fd, ownsFD, gzip) = try RecordOutput.open(currentPath)
    }

    static func shardPath(_ dir: String, _ k: Int, compress: Bool) -> String {
        let n = String(k)
        return dir + "/part-" + String(repeating: "0", count: max(0, 5 - n.count)) + n + (compress ? ".jsonl.gz" : ".jsonl")
    }

    /// Opens `path`: a plain file descriptor, or a compressor on it for `.gz`.
    private static func open(_ path: String) throws(WartaError) -> (fd: Int32, owned: Bool, gzip: GzipBlocks?) {
        let fd = try openFile(path)
        guard isCompressed(path) else { return (fd, true, nil) }
        return (-1, false, GzipBlocks(fd: fd))
    }

    private static func openFile(_ path: String) throws(WartaError) -> Int32 {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        return fd
    }

    private static func isCompressed(_ path: String) -> Bool { path.lowercased().hasSuffix(".gz") }

    /// Writes one whole record (its bytes end with a newline).
    public func write(record: [UInt8]) throws { try record.withUnsafeBytes { try write(record: $0) } }

    /// Writes one whole record from memory the caller keeps (its bytes end with a newline).
    /// Gzip output only seals a block here when it is full; ``compressWaiting()`` compresses it.
    /// Throws ``OutputSink/BrokenPipe`` when the reader has gone, ``WartaError/unwritable(path:reason:)``
    /// when a write fails otherwise (a full disk).
    public func write(record: UnsafeRawBufferPointer) throws {
        if let dir = shardDirectory, recordsInShard >= shardSize {
            // The shard is full: the next shard opens with its first record.
            shardIndex += 1
            recordsInShard = 0
            currentPath = RecordOutput.shardPath(dir, shardIndex, compress: gzip != nil)
            if let gzip {
                gzip.switchFile(to: try RecordOutput.openFile(currentPath))
            } else {
                if ownsFD { close(fd) }
                fd = try RecordOutput.openFile(currentPath)
            }
        }
        recordsInShard += 1
        try reportingFailure {
            if let gzip { try gzip.append(record) } else if fd >= 0 { try FileDescriptor.writeAll(fd, record) }
        }
    }

    /// Runs `body`, a failed write other than a closed pipe becoming ``WartaError/unwritable(path:reason:)``.
    private func reportingFailure(_ body: () throws -> Void) throws {
        do { try body() } catch let failure as OutputSink.WriteFailed {
            throw WartaError.unwritable(path: currentPath, reason: failure.reason)
        }
    }

    /// Compresses the full blocks of gzip output on the calling thread (any thread, without the
    /// lock under which records are written), so that several threads compress at once.
    public func compressWaiting() { gzip?.compressWaiting() }

    /// Plain records are written as they come; gzip output compresses and writes the records
    /// it holds now (blocks other threads are compressing follow when they are done).
    public func flush() throws { try reportingFailure { try gzip?.flush() } }

    /// Closes the output (gzip output writes what it holds first).
    public func finish() throws {
        defer { fd = -1 }
        try reportingFailure {
            if let gzip { try gzip.finish() } else if ownsFD, fd >= 0 { close(fd) }
        }
    }
}
