import FuzzSupport
import Warta

/// The JSON Lines reader: one document per line that is not blank (an over-long line is one
/// too_large document and never costs the next), numbered by its line, the same when read in
/// small steps, with valid records.
let maker = RecordMaker()
let maxBytes = 256

func documents(_ stream: ByteStream, limit: Int) -> [InputDocument] {
    guard let inputs = try? InputEnumerator(stream: stream, format: .jsonl, path: "fuzz.jsonl", maxBytes: maxBytes) else {
        fatalError("check failed: a reader over memory cannot fail to open")
    }
    var docs: [InputDocument] = []
    while let doc = inputs.next() {
        docs.append(doc.resolved())
        RecordCheck.require(docs.count <= limit, "the reader ends")
    }
    return docs
}

/// The line numbers that must give documents, counted independently of the reader.
func expectedLines(_ bytes: [UInt8]) -> [Int] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.enumerated().compactMap { k, raw in
        let line = raw.last == 0x0D && raw.count > 0 ? raw.dropLast() : raw
        let blank = raw.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        return line.count > maxBytes || !blank ? k + 1 : nil
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.starts(with: [0x1F, 0x8B]) { return 0 }  // gzip: lines are not countable here
    let docs = documents(MemoryByteStream(bytes), limit: size + 1)
    let lines = docs.map { $0.source.line ?? -1 }
    RecordCheck.require(lines == expectedLines(bytes), "one document per non-blank line: \(lines) vs \(expectedLines(bytes))")
    let stepped = documents(SteppedByteStream(bytes, step: 1 + size % 5), limit: size + 1)
    let (a, b) = (docs.map(fingerprint), stepped.map(fingerprint))
    RecordCheck.require(a == b, "the same documents read in small steps: \(a.count) vs \(b.count), first difference "
        + "\(zip(a, b).first { $0 != $1 }.map { "\($0) | \($1)" } ?? "in the count")")
    for doc in docs.prefix(4) { RecordCheck.check(maker.record(doc)) }
    return 0
}
