import Foundation
import WartaEntities

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
    /// How to run.
    public struct Options: Sendable {
        /// Worker threads.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// Write records in input order (otherwise as they finish).
        public var ordered = true
        /// Add tokens to records.
        public var tokens = false
        /// Add entities to records.
        public var entities = false
        /// The tagger for entities (the built-in lexicons when nil).
        public var tagger: EntityTagger?
        /// Add entities inside longer ones.
        public var nested = false
        /// Add quotes and their speakers (with the entities they point to).
        public var quotes = false
        /// Keep plain text whole (no article extraction).
        public var rawText = false
        /// Documents larger than this get `too_large` error records.
        public var maxBytes = 20_000_000
        /// Show progress on standard error.
        public var progress = false
        /// The charset of HTML documents that do not carry their own.
        public var charset: String?
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

    /// A runner writing to `output`.
    public init(options: Options, output: RecordOutput) {
        self.options = options
        self.output = output
        pipeline = Pipeline(maxBytes: options.maxBytes)
        writer = RecordWriter(options: .init(tokens: options.tokens, entities: options.entities || options.quotes,
                                            tagger: options.tagger, nested: options.nested, quotes: options.quotes))
    }

    /// Reads every document from `inputs`, processes them on `options.jobs` threads and
    /// writes the records. Returns the summary.
    public func run(_ inputs: InputEnumerator) -> Summary {
        expected = inputs.expectedDocuments
        let jobs = max(1, options.jobs)
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
        do { try output.finish() } catch { summary.outputClosed = true }
        summary.seconds = Date().timeIntervalSince(start)
        if options.progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return summary
    }

    /// One job: read, process and write on this thread, one document at a time.
    private func runInline(_ inputs: InputEnumerator) -> Summary {
        var sequence = 0
        while !stopped, let doc = inputs.next() {
            summary.inputs += 1
            let (record, ok) = process(doc)
            let size = doc.jsonLine?.bytes.count ?? doc.bytes.count
            deliver(sequence, record, ok, bytes: size)
            sequence += 1
        }
        do { try output.finish() } catch { summary.outputClosed = true }
        summary.seconds = Date().timeIntervalSince(start)
        if options.progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return summary
    }

    private func work() {
        while true {
            lock.lock()
            while queueHead == queue.count && !readerDone && !stopped { lock.wait() }
            if stopped || (queueHead == queue.count && readerDone) { lock.unlock(); return }
            // Take the oldest waiting document; compact the queue now and then.
            let (seq, doc) = queue[queueHead]
            queueHead += 1
            if queueHead >= 256 { queue.removeFirst(queueHead); queueHead = 0 }
            lock.unlock()
            let (record, ok) = process(doc)
            lock.lock()
            deliver(seq, record, ok, bytes: doc.jsonLine?.bytes.count ?? doc.bytes.count)
            lock.unlock()
        }
    }

    /// The record of one document.
    func process(_ input: InputDocument) -> ([UInt8], Bool) {
        let doc = input.resolved()
        var out = JSONWriter(capacity: doc.bytes.count * 2 + 512)
        let context = RecordContext(source: doc.source, meta: doc.meta)
        if let error = doc.error {
            writer.writeError(id: doc.id, error: error, context: context, to: &out)
            return (out.bytes, false)
        }
        let result: Result<Void, WartaError>
        switch doc.format {
        case .html:
            result = pipeline.analyze(html: doc.bytes, charset: doc.charset ?? options.charset).map {
                writer.write(id: doc.id, article: $0, context: context, to: &out)
            }
        case .text where options.rawText:
            result = pipeline.analyze(text: doc.bytes).map { writer.write(id: doc.id, document: $0, context: context, to: &out) }
        case .text:
            result = pipeline.analyze(article: doc.bytes).map { writer.write(id: doc.id, article: $0, context: context, to: &out) }
        }
        if case .failure(let error) = result {
            out.bytes.removeAll(keepingCapacity: true)
            writer.writeError(id: doc.id, error: error, context: context, to: &out)
            return (out.bytes, false)
        }
        return (out.bytes, true)
    }

    /// Called with the lock held: stores a record and writes what is ready.
    private func deliver(_ seq: Int, _ record: [UInt8], _ ok: Bool, bytes: Int) {
        results[seq] = (record, ok, bytes)
        while !stopped {
            let key = options.ordered ? nextToWrite : (results.keys.first ?? -1)
            guard let r = results.removeValue(forKey: key) else { break }
            do {
                try output.write(record: r.record)
            } catch {
                stopped = true
                summary.outputClosed = true
            }
            if r.ok { summary.ok += 1 } else { summary.errors += 1 }
            summary.bytes += r.bytes
            nextToWrite += 1
            inFlight -= 1
        }
        if options.progress { showProgress() }
        lock.broadcast()
    }

    private func showProgress() {
        let now = Date().timeIntervalSince(start)
        guard now - lastProgress >= 0.5 else { return }
        lastProgress = now
        let written = summary.ok + summary.errors
        let mb = Double(summary.bytes) / 1e6
        let rate = Double(written) / max(now, 1e-9)
        var line = "\r\u{1B}[K\(written)\(expected.map { "/\($0)" } ?? "") docs, \(format(mb, 1)) MB, \(format(rate, 0)) docs/s, "
            + "\(format(mb / max(now, 1e-9), 1)) MB/s, \(summary.errors) errors"
        if let total = expected, rate > 0, total > written {
            let eta = Int(Double(total - written) / rate)
            line += ", ETA \(eta / 60):\(eta % 60 < 10 ? "0" : "")\(eta % 60)"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
