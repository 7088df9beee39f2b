import CZlib

/// Reads HTML documents from a WARC file (WARC/0.18, 1.0, 1.1; plain, one gzip member per
/// record, or one gzip member for the whole file). Response and resource records with an
/// HTML content type become documents; HTTP chunked and gzip bodies are decoded unless Common
/// Crawl's `X-Crawler-*` headers say they already are. A record cut short is still returned,
/// with `source.truncated` set. Lines that are not a WARC header are skipped until the next one.
public final class WARCReader {
    private let reader: BufferedReader
    private let path: String
    private let maxBytes: Int
    private var index = 0
    private var done = false

    /// Opens `path`.
    public init(path: String, maxBytes: Int) throws(WartaError) {
        reader = BufferedReader(try openStream(path: path))
        self.path = path
        self.maxBytes = maxBytes
    }

    /// The next document, or nil at the end of the file.
    public func next() -> InputDocument? {
        while !done {
            do throws(WartaError) {
                if let doc = try nextRecord() { return doc }
            } catch {
                done = true
                return .failed(id: "\(path)#\(index)", source: SourceInfo(path: path), error)
            }
        }
        return nil
    }

    private func nextRecord() throws(WartaError) -> InputDocument? {
        // Find the next version line.
        var version: [UInt8]?
        while let line = try reader.readLine(limit: 4096) {
            if line.starts(with: Array("WARC/".utf8)) { version = line; break }
        }
        guard version != nil else { done = true; return nil }
        index += 1
        var headers: [String: String] = [:]
        while let line = try reader.readLine(limit: 1 << 16), !line.isEmpty {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased().trimmingWhitespace
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace
            headers[name] = value
        }
        let length = Int(headers["content-length"] ?? "") ?? 0
        let type = (headers["warc-type"] ?? "").lowercased()
        var source = SourceInfo(path: path)
        source.url = headers["warc-target-uri"].map(WARCReader.cleanURI)
        source.recordID = headers["warc-record-id"]
        source.date = headers["warc-date"]
        let id = source.url ?? "\(path)#\(index)"
        guard type == "response" || type == "resource" else {
            try reader.skip(count: length)
            return nil
        }
        if length > maxBytes + (1 << 16) {
            try reader.skip(count: length)
            return .failed(id: id, source: source, .tooLarge(bytes: length, limit: maxBytes))
        }
        let block = try reader.read(count: length)
        source.truncated = block.count < length || reader.truncated
        var contentType = headers["content-type"] ?? ""
        var body = block
        var charset: String?
        if type == "response", contentType.lowercased().contains("application/http") {
            guard let http = WARCReader.parseHTTP(block) else { return nil }
            contentType = http.headers["content-type"] ?? ""
            body = Array(block[http.bodyStart...])
            if http.headers["transfer-encoding"]?.lowercased().contains("chunked") == true,
               http.headers["x-crawler-transfer-encoding"] == nil {
                body = WARCReader.dechunk(body)
            }
            if let encoding = http.headers["content-encoding"]?.lowercased(), http.headers["x-crawler-content-encoding"] == nil,
               encoding.contains("gzip") || encoding.contains("deflate") {
                let (decoded, cut) = WARCReader.gunzip(body)
                body = decoded
                if cut { source.truncated = true }
            }
        }
        let lowerType = contentType.lowercased()
        guard lowerType.contains("html") else { return nil }
        if let r = lowerType.range(of: "charset=") {
            charset = String(contentType[r.upperBound...].prefix { $0 != ";" && $0 != " " })
                .trimmingCharacters(in: ["\"", "'"])
        }
        return InputDocument(id: id, bytes: body, format: .html, charset: charset, source: source)
    }

    /// `<http://example.com/>` → `http://example.com/`.
    static func cleanURI(_ s: String) -> String {
        var t = s
        if t.hasPrefix("<"), t.hasSuffix(">") { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// HTTP status line and headers at the start of `block`.
    static func parseHTTP(_ block: [UInt8]) -> (headers: [String: String], bodyStart: Int)? {
        var i = 0
        var headers: [String: String] = [:]
        var first = true
        while i < block.count {
            guard let nl = block[i...].firstIndex(of: 0x0A) else { return (headers, block.count) }
            var line = block[i..<nl]
            if line.last == 0x0D { line = line.dropLast() }
            i = nl + 1
            if line.isEmpty { return (headers, i) }
            if first { first = false; continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased().trimmingWhitespace
            headers[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace
        }
        return (headers, block.count)
    }

    /// Decodes an HTTP chunked body (a malformed one is returned as far as it decodes).
    static func dechunk(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < body.count {
            guard let nl = body[i...].firstIndex(of: 0x0A) else { break }
            let sizeText = String(decoding: body[i..<nl], as: UTF8.self).trimmingWhitespace.prefix { $0 != ";" }
            guard let size = Int(sizeText, radix: 16) else { return out.isEmpty ? body : out }
            i = nl + 1
            if size == 0 { break }
            let end = min(i + size, body.count)
            out.append(contentsOf: body[i..<end])
            i = end
            if i < body.count, body[i] == 0x0D { i += 1 }
            if i < body.count, body[i] == 0x0A { i += 1 }
        }
        return out
    }

    /// Gunzips (or inflates) a whole body; the flag says it was cut short.
    static func gunzip(_ data: [UInt8]) -> ([UInt8], Bool) {
        final class Source: ByteStream {
            var data: [UInt8]; var used = false; let truncated = false
            init(_ d: [UInt8]) { data = d }
            func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
                if used { return 0 }
                let n = min(buffer.count, data.count)
                for k in 0..<n { buffer[k] = data[k] }
                data.removeFirst(n)
                used = data.isEmpty
                return n
            }
        }
        guard let stream = try? GzipByteStream(Source(data)) else { return (data, false) }
        let reader = BufferedReader(stream)
        guard let (out, _) = try? reader.readAll(limit: Int.max), !out.isEmpty else {
            // Not compressed after all (crawlers that store the decoded body): keep it.
            return (data, false)
        }
        return (out, stream.truncated)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
