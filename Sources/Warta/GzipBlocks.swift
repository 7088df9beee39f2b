import CZlib
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Records gzipped in blocks, each block one whole gzip member, so that blocks compress on
/// several threads at once (as pigz does) and the file stays valid gzip after every member:
/// `gzip -d`, `zcat`, Python's `gzip` and Spark read a file of members as one stream.
///
/// Records are appended in order (``append(_:)``, from one thread at a time); a block is sealed
/// when it holds ``blockSize`` bytes, when its first record is ``maxDelay`` old (a watcher
/// thread checks), when the file changes (``switchFile(to:)``) and at ``finish()``. Any thread
/// may compress sealed blocks (``compressWaiting()``); members are written in order.
final class GzipBlocks: @unchecked Sendable {
    /// Bytes of records a block holds before it is sealed.
    static let blockSize = 1 << 18
    /// zlib's fastest level: 3 to 4 times as fast as its default (6) on records, for files
    /// about a sixth larger. Compression at level 6 took longer than the analysis itself.
    static let level: Int32 = 1
    /// How long a record may wait in an unsealed block, in nanoseconds.
    static let maxDelay: UInt64 = 250_000_000

    private struct Block {
        var sequence: Int
        var fd: Int32
        /// Whether the file is closed once this block is written.
        var closesFile: Bool
        /// Whether the block is written as a member (an empty block that closes a file with
        /// members is not).
        var member: Bool
        var bytes: [UInt8]
    }

    /// Guards everything below.
    private let condition = NSCondition()
    private var fd: Int32
    private var current: [UInt8] = []
    private var currentSince: UInt64 = 0
    /// Blocks of the current file sealed so far (an empty file still gets one empty member).
    private var blocksInFile = 0
    private var sealed: [Block] = []
    private var compressed: [Int: Block] = [:]
    private var nextSequence = 0
    private var nextToWrite = 0
    /// The first write error: later writes are skipped and callers are told.
    private var failure: Error?
    private var finished = false
    private var watcher: Thread?

    /// Gzips onto `fd`, which ``finish()`` (or ``switchFile(to:)``) closes.
    init(fd: Int32) {
        self.fd = fd
        current.reserveCapacity(GzipBlocks.blockSize + (1 << 16))
        let watcher = Thread { [self] in watch() }
        watcher.stackSize = 1 << 18
        self.watcher = watcher
        watcher.start()
    }

    /// Adds one record (whole); throws the first write error (``OutputSink/BrokenPipe``,
    /// ``OutputSink/WriteFailed``) once a write has failed.
    func append(_ record: UnsafeRawBufferPointer) throws {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        if current.isEmpty { currentSince = monotonicNanoseconds() }
        current.append(contentsOf: record.bindMemory(to: UInt8.self))
        if current.count >= GzipBlocks.blockSize { seal(closingFile: false) }
    }

    /// Ends the current file (closed once its blocks are written) and goes on in `fd`.
    func switchFile(to fd: Int32) {
        condition.lock()
        seal(closingFile: true)
        self.fd = fd
        condition.unlock()
    }

    /// Compresses and writes the sealed blocks, on the calling thread, until none waits.
    func compressWaiting() {
        while true {
            condition.lock()
            guard !sealed.isEmpty else { condition.unlock(); return }
            var block = sealed.removeFirst()
            condition.unlock()
            if block.member { block.bytes = GzipBlocks.member(block.bytes) }
            condition.lock()
            compressed[block.sequence] = block
            writeInOrder()
            condition.unlock()
        }
    }

    /// Seals the records held so far and compresses and writes what is sealed; throws the
    /// first write error once a write has failed.
    func flush() throws {
        condition.lock()
        seal(closingFile: false)
        condition.unlock()
        compressWaiting()
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
    }

    /// Seals and writes what is left, closes the file and stops the watcher; throws the first
    /// write error when a write failed.
    func finish() throws {
        condition.lock()
        if finished { condition.unlock(); return }
        seal(closingFile: true)
        condition.unlock()
        compressWaiting()
        condition.lock()
        // Blocks another thread is compressing are written when it is done.
        while nextToWrite < nextSequence { condition.wait() }
        finished = true
        condition.broadcast()
        let failure = failure
        condition.unlock()
        if let watcher { while !watcher.isFinished { usleep(100) } }
        if let failure { throw failure }
    }

    /// Seals the current block (with the lock held); an empty one only to close a file, or to
    /// give a file with no records its one empty member.
    private func seal(closingFile: Bool) {
        guard !current.isEmpty || closingFile else { return }
        let bytes = current
        current.removeAll(keepingCapacity: true)
        // An empty block that closes a file with members compresses to nothing.
        let member = !bytes.isEmpty || blocksInFile == 0
        sealed.append(Block(sequence: nextSequence, fd: fd, closesFile: closingFile, member: member, bytes: bytes))
        nextSequence += 1
        blocksInFile = closingFile ? 0 : blocksInFile + 1
    }

    /// Writes the compressed blocks whose turn has come (with the lock held).
    private func writeInOrder() {
        while let block = compressed.removeValue(forKey: nextToWrite) {
            if failure == nil, block.member {
                do { try FileDescriptor.writeAll(block.fd, block.bytes) } catch { failure = error }
            }
            if block.closesFile { close(block.fd) }
            nextToWrite += 1
        }
        condition.broadcast()
    }

    /// The watcher: seals a block whose first record has waited ``maxDelay`` and compresses it.
    private func watch() {
        condition.lock()
        while !finished {
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(GzipBlocks.maxDelay) / 4e9))
            if !current.isEmpty, monotonicNanoseconds() &- currentSince >= GzipBlocks.maxDelay { seal(closingFile: false) }
            guard !sealed.isEmpty else { continue }
            condition.unlock()
            compressWaiting()
            condition.lock()
        }
        condition.unlock()
    }

    /// `bytes` as one whole gzip member.
    static func member(_ bytes: [UInt8]) -> [UInt8] {
        var z = z_stream()
        deflateInit2_(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&z) }
        let bound = Int(deflateBound(&z, UInt(bytes.count)))
        return [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            bytes.withUnsafeBufferPointer { input in
                // zlib reads `next_in` only; its type is mutable for older C.
                z.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                z.avail_in = UInt32(input.count)
                z.next_out = out.baseAddress
                z.avail_out = UInt32(bound)
                let status = deflate(&z, Z_FINISH)
                precondition(status == Z_STREAM_END, "deflate into a buffer of deflateBound's size ended with \(status)")
            }
            count = bound - Int(z.avail_out)
        }
    }
}
