import FuzzSupport
import Warta

/// The WARC reader: it ends, every document it gives stays within the limits, reading the
/// input a few bytes at a time gives the same documents, and their records are valid.
let maker = RecordMaker()
let maxBytes = 4096

func documents(_ stream: ByteStream, limit: Int) -> [InputDocument] {
    guard let reader = try? WARCReader(stream: stream, path: "fuzz.warc", maxBytes: maxBytes) else {
        fatalError("check failed: a reader over memory cannot fail to open")
    }
    var docs: [InputDocument] = []
    while let doc = reader.next() {
        docs.append(doc)
        RecordCheck.require(docs.count <= limit, "the reader ends (\(docs.count) documents from \(limit) bytes)")
    }
    return docs
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let docs = documents(MemoryByteStream(bytes), limit: size + 2)
    for doc in docs {
        RecordCheck.require(doc.error != nil || doc.bytes.count <= maxBytes + (1 << 16), "a document within the limit")
    }
    let stepped = documents(SteppedByteStream(bytes, step: 1 + size % 7), limit: size + 2)
    let (a, b) = (docs.map(fingerprint), stepped.map(fingerprint))
    RecordCheck.require(a == b, "the same documents read in small steps: \(a.count) vs \(b.count), first difference "
        + "\(zip(a, b).first { $0 != $1 }.map { "\($0) | \($1)" } ?? "in the count")")
    for doc in docs.prefix(3) { RecordCheck.check(maker.record(doc)) }
    return 0
}
