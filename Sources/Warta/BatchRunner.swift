import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Processes a stream of documents on several threads and writes exactly one record per
/// document, in input order unless asked otherwise.
///
/// Memory is bounded: at most `window` documents are between being read and being written
/// (the window is counted from the oldest document not yet written, so one slow page holds the
/// reader back instead of letting results pile up), each at most `maxBytes` long.
public final class BatchRunner: @unchecked Sendable {
    /// How to run: everything about the analysis itself is in the pipeline's configuration.
    public struct Options: Sendable {
        /// Worker threads, at most ``maxJobs``.
        public var jobs = AvailableCores.count
        /// The most worker threads a run starts: a thread the system cannot start (a hundred
        /// thousand of 16 MB stacks) would be waited for without end.
        public static let maxJobs = 1024
        /// Write records in input order (otherwise as they finish).
        public var ordered = true
        /// Time each stage (``Summary/profile``).
        public var profile = false
        /// Called now and then (at most twice a second) with the summary so far, under the
        /// runner's lock: keep it short.
        public var progress: (@Sendable (Summary, _ expected: Int?) -> Void)?
        /// Creates default options.
        public init() {}
    }

    /// Counts for the summary line; they always add up: inputs = ok + errors.
    public struct Summary: Sendable {
        /// Documents read.
        public var inputs = 0
        /// Records with status ok.
        public var ok = 0
        /// Error records.
        public var errors = 0
        /// Input bytes processed.
        public var bytes = 0
        /// Wall-clock seconds.
        public var seconds = 0.0
        /// Whether the output closed before the end (a closed pipe).
        public var outputClosed = false
        /// Why output could not be written (a full disk): the run stopped there, and records are
        /// missing. Nil when all were written or the reader closed the pipe.
        public var outputError: WartaError?
        /// Where the time went, stage by stage (with ``Options/profile``).
        public var profile: StageProfile?

        /// `inputs 7, ok 6, errors 1, 0.3 MB in 0.1 s: 70 docs/s, 3.0 MB/s`.
        public var line: String {
            let mb = Double(bytes) / 1e6
            let t = max(seconds, 1e-9)
            return "warta: inputs \(inputs), ok \(ok), errors \(errors), \(format(mb, 1)) MB in \(format(seconds, 1)) s: "
                + "\(format(Double(inputs) / t, 0)) docs/s, \(format(mb / t, 1)) MB/s"
        }
    }

    private let options: Options
    private let output: RecordOutput
    private let pipeline: Pipeline
    private let writer: RecordWriter
    private let lock = NSCondition()
    private var queue: [(Int, InputDocument)] = []
    private var queueHead = 0
    private var readerDone = false
    private var results: [Int: (record: [UInt8], ok: Bool, bytes: Int)] = [:]
    private var nextToWrite = 0
    private var inFlight = 0
    private var summary = Summary()
    private var stopped = false
    private var lastProgress = 0.0
    private var expected: Int?
    private let start = Date()

    /// A runner putting documents through `pipeline` and writing their records to `output`.
    public init(pipeline: Pipeline, options: Options, output: RecordOutput) {
        self.options = options
        self.output = output
        self.pipeline = pipeline
        writer = RecordWriter(tokens: pipeline.configuration.recordsTokens)
    }

    /// Reads every document from `inputs`, processes them on `options.jobs` threads and
    /// writes the records. Returns the summary.
    public func run(_ inputs: InputEnumerator) -> Summary {
        // The count walks the inputs once more: only a progress line needs it.
        expected = options.progress == nil ? nil : inputs.expectedDocuments
        let jobs = min(max(1, options.jobs), Options.maxJobs)
        if jobs == 1 { return runInline(inputs) }
        let window = jobs * 8
        var threads: [Thread] = []
        for _ in 0..<jobs {
            let t = Thread { [self] in self.work() }
            t.stackSize = 16 << 20
            threads.append(t)
            t.start()
        }
        var sequence = 0
        while true {
            lock.lock()
            while inFlight >= window && !stopped { lock.wait() }
            let halt = stopped
            lock.unlock()
            if halt { break }
            guard let doc = inputs.next() else { break }
            lock.lock()
            queue.append((sequence, doc))
            inFlight += 1
            summary.inputs += 1
            lock.broadcast()
            lock.unlock()
            sequence += 1
        }
        lock.lock()
        readerDone = true
        lock.broadcast()
        while inFlight > 0 && !stopped { lock.wait() }
        lock.unlock()
        for t in threads { while !t.isFinished { usleep(1000) } }
        return finish()
    }

    /// Closes the output and completes the summary.
    private func finish() -> Summary {
        let closing = Date()
        do { try output.finish() } catch { noteOutputFailure(error) }
        summary.profile?.add(seconds: Date().timeIntervalSince(closing), as: "write")
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// One job: read, process and write on this thread, one document at a time.
    private func runInline(_ inputs: InputEnumerator) -> Summary {
        var profile = options.profile ? StageProfile(stages: pipeline.stages) : nil
        // One writer for every record: its memory is reused, and each record is written from it.
        var out = JSONWriter(capacity: 1 << 16)
        while !stopped {
            let reading = monotonicNanoseconds()
            guard let doc = inputs.next() else { break }
            profile?.add(seconds: Double(monotonicNanoseconds() - reading) / 1e9, as: "read")
            summary.inputs += 1
            out.removeAll()
            let ok = process(doc, into: &out, profile: &profile)
            let size = doc.jsonLine?.bytes.count ?? doc.bytes.count
            let writing = monotonicNanoseconds()
            out.withBytes { write($0, ok, bytes: size) }
            output.compressWaiting()
            profile?.add(seconds: Double(monotonicNanoseconds() - writing) / 1e9, as: "write")
        }
        summary.profile = profile
        return finish()
    }

    private func work() {
        var profile = options.profile ? StageProfile(stages: pipeline.stages) : nil
        defer {
            if let profile {
                lock.lock()
                if summary.profile == nil { summary.profile = profile } else { summary.profile!.merge(profile) }
                lock.unlock()
            }
        }
        while true {
            lock.lock()
            while queueHead == queue.count && !readerDone && !stopped { lock.wait() }
            if stopped || (queueHead == queue.count && readerDone) { lock.unlock(); return }
            // Take the oldest waiting document; compact the queue now and then.
            let (seq, doc) = queue[queueHead]
            queueHead += 1
            if queueHead >= 256 { queue.removeFirst(queueHead); queueHead = 0 }
            lock.unlock()
            let (record, ok) = process(doc, profile: &profile)
            lock.lock()
            deliver(seq, record, ok, bytes: doc.jsonLine?.bytes.count ?? doc.bytes.count)
            lock.unlock()
            // Outside the lock: the workers compress gzip output side by side.
            output.compressWaiting()
        }
    }

    /// The record of one document: its analysis, or an error record saying why there is none.
    func process(_ input: InputDocument, profile: inout StageProfile?) -> ([UInt8], Bool) {
        var out = JSONWriter()
        let ok = process(input, into: &out, profile: &profile)
        return (out.finish(), ok)
    }

    /// Writes the record of one document to `out`: its analysis, or an error record saying
    /// why there is none. Returns whether it is an analysis.
    func process(_ input: InputDocument, into out: inout JSONWriter, profile: inout StageProfile?) -> Bool {
        let resolved = input.resolved()
        out.reserveCapacity(resolved.bytes.count * 2 + 512)
        let context = RecordContext(source: resolved.source, meta: resolved.meta)
        if let error = resolved.error {
            writer.writeError(id: resolved.id, error: error, context: context, to: &out)
            return false
        }
        var doc = AnalyzedDocument(id: resolved.id, bytes: resolved.bytes, format: resolved.format == .html ? .html : .text,
                                   context: context, charset: resolved.charset)
        do throws(WartaError) {
            try pipeline.run(&doc, profile: &profile)
        } catch {
            writer.writeError(id: resolved.id, error: error, context: context, to: &out)
            return false
        }
        let writing = monotonicNanoseconds()
        writer.write(doc, to: &out)
        profile?.add(seconds: Double(monotonicNanoseconds() - writing) / 1e9, as: "record")
        return true
    }

    /// Called with the lock held: stores a record and writes what is ready.
    private func deliver(_ seq: Int, _ record: [UInt8], _ ok: Bool, bytes: Int) {
        results[seq] = (record, ok, bytes)
        while !stopped {
            let key = options.ordered ? nextToWrite : (results.keys.first ?? -1)
            guard let r = results.removeValue(forKey: key) else { break }
            r.record.withUnsafeBytes { write($0, r.ok, bytes: r.bytes) }
            inFlight -= 1
        }
        lock.broadcast()
    }

    /// Writes the next record and counts it (with the lock held, when there are threads).
    private func write(_ record: UnsafeRawBufferPointer, _ ok: Bool, bytes: Int) {
        do {
            try output.write(record: record)
        } catch {
            stopped = true
            noteOutputFailure(error)
        }
        if ok { summary.ok += 1 } else { summary.errors += 1 }
        summary.bytes += bytes
        nextToWrite += 1
        if let progress = options.progress { showProgress(progress) }
    }

    /// Records why output stopped: a closed pipe, or a write that failed (the first one).
    private func noteOutputFailure(_ error: Error) {
        if let failure = error as? WartaError {
            if summary.outputError == nil { summary.outputError = failure }
        } else {
            summary.outputClosed = true
        }
    }

    private func showProgress(_ report: (Summary, Int?) -> Void) {
        let now = Date().timeIntervalSince(start)
        guard now - lastProgress >= 0.5 else { return }
        lastProgress = now
        var current = summary
        current.seconds = now
        report(current, expected)
    }
}
