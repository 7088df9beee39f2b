import Foundation
@testable import Warta

/// The bytes of a file in Tests/Fixtures.
func fixtureBytes(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/Fixtures/" + relativePath)))
}

/// Every document a WARC reader gives for `bytes` (at most 1000: a reader that loops fails).
func warcDocuments(_ bytes: [UInt8], maxBytes: Int = 1 << 20) throws -> [InputDocument] {
    let reader = try WARCReader(stream: MemoryByteStream(bytes), path: "t.warc", maxBytes: maxBytes)
    var docs: [InputDocument] = []
    while docs.count < 1000, let doc = reader.next() { docs.append(doc) }
    return docs
}

/// `bytes` gzip-compressed (by the record writer's own deflate, through a temporary file).
func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("warta-gz-\(UUID().uuidString).gz").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = try RecordOutput(path: path)
    try output.write(record: bytes)
    try output.finish()
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// A WARC record of `type` with `block` as its content.
func warcRecord(type: String = "response", contentType: String = "application/http; msgtype=response",
                length: String? = nil, uri: String? = nil, _ block: [UInt8]) -> [UInt8] {
    var head = "WARC/1.0\r\nWARC-Type: \(type)\r\n"
    if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
    head += "Content-Type: \(contentType)\r\nContent-Length: \(length ?? String(block.count))\r\n\r\n"
    return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
}

/// An HTTP response with `headers` and `body`.
func httpResponse(_ headers: [String], _ body: [UInt8]) -> [UInt8] {
    Array(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
}

let samplePage = Array("<html><body><p>Presiden meresmikan jalan tol baru di Jawa Tengah pada hari Senin pagi.</p></body></html>".utf8)

/// A stream that hands out at most `step` bytes per read, as a pipe may.
final class TrickleStream: ByteStream {
    private let data: [UInt8]
    private let step: Int
    private var position = 0
    let truncated = false

    init(_ data: [UInt8], step: Int = 1) { self.data = data; self.step = step }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        let n = min(step, buffer.count, data.count - position)
        for k in 0..<max(n, 0) { buffer[k] = data[position + k] }
        position += max(n, 0)
        return max(n, 0)
    }
}

extension InputDocument {
    /// The error code, or "ok".
    var status: String { error?.code ?? "ok" }
}
