import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where records go: standard output, a file (gzip-compressed when it ends `.gz`), or
/// numbered shards in a folder. Each record is written whole and at once (one `write`, or one
/// sync-flushed deflate), so a crash later in the run never costs the records before it. A closed
/// reader is reported as `OutputSink.BrokenPipe` when the process ignores SIGPIPE.
public final class RecordOutput {
    private enum Target {
        case fd(Int32, owned: Bool)
        case gzip(GzipWriter)
    }

    private var target: Target
    private let path: String?
    private let shardDirectory: String?
    private let shardSize: Int
    private var recordsInShard = 0
    private var shardIndex = 0

    /// Standard output.
    public init() {
        target = .fd(1, owned: false)
        path = nil
        shardDirectory = nil
        shardSize = 0
    }

    /// A file; `.gz` compresses.
    public init(path: String) throws(WartaError) {
        self.path = path
        shardDirectory = nil
        shardSize = 0
        target = try RecordOutput.open(path)
    }

    /// Shards `part-00000.jsonl`, `part-00001.jsonl`, … in `directory`, `shardSize` records each
    /// (`.jsonl.gz` with `compress`).
    public init(directory: String, shardSize: Int, compress: Bool) throws(WartaError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(path: directory, reason: "cannot create the output folder")
        }
        shardDirectory = directory
        self.shardSize = max(1, shardSize)
        path = compress ? ".gz" : nil
        target = try RecordOutput.open(RecordOutput.shardPath(directory, 0, compress: compress))
    }

    static func shardPath(_ dir: String, _ k: Int, compress: Bool) -> String {
        let n = String(k)
        return dir + "/part-" + String(repeating: "0", count: max(0, 5 - n.count)) + n + (compress ? ".jsonl.gz" : ".jsonl")
    }

    private static func open(_ path: String) throws(WartaError) -> Target {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard path.lowercased().hasSuffix(".gz") else { return .fd(fd, owned: true) }
        return .gzip(GzipWriter(fd: fd))
    }

    /// Writes one whole record (its bytes end with a newline).
    public func write(record: [UInt8]) throws { try record.withUnsafeBytes { try write(record: $0) } }

    /// Writes one whole record from memory the caller keeps (its bytes end with a newline).
    public func write(record: UnsafeRawBufferPointer) throws {
        if let dir = shardDirectory, recordsInShard >= shardSize {
            // The shard is full: the next shard opens with its first record.
            try finish()
            shardIndex += 1
            recordsInShard = 0
            target = try RecordOutput.open(RecordOutput.shardPath(dir, shardIndex, compress: path == ".gz"))
        }
        recordsInShard += 1
        switch target {
        case .fd(let fd, _): if fd >= 0 { try FileDescriptor.writeAll(fd, record) }
        case .gzip(let gzip): try gzip.write(record)
        }
    }

    /// Nothing to do: records are written as they come. Kept for callers that flush.
    public func flush() throws {}

    /// Closes the output (the gzip trailer is written here).
    public func finish() throws {
        switch target {
        case .fd(let fd, let owned): if owned { close(fd) }
        case .gzip(let gzip): try gzip.finish()
        }
        target = .fd(-1, owned: false)
    }
}
