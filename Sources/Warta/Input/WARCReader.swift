/// Reads HTML documents from a WARC file (WARC/0.18, 1.0, 1.1; plain, one gzip member per
/// record, or one gzip member for the whole file, recognised by its magic number). Response
/// and resource records with an HTML content type become documents; HTTP chunked and gzip
/// bodies are decoded unless Common Crawl's `X-Crawler-*` headers say they already are.
///
/// Nothing in the input can make it trap, and nothing is lost silently: every length read
/// from the input is checked; a record cut short is returned with `source.truncated` set; a
/// record whose `Content-Length` is not a byte count, or runs into the next record, gives a
/// `damaged_input` error document and reading goes on at the next `WARC/` line; a page whose
/// content goes on past its declared length is marked truncated; other bytes between records
/// give a `damaged_input` document; a file with no WARC record is one error.
public final class WARCReader {
    private let reader: BufferedReader
    private let path: String
    private let maxBytes: Int
    private var index = 0
    private var done = false
    /// Documents found and not yet returned (a damage report and the record after it).
    private var pending: [InputDocument] = []
    private var pendingHead = 0
    /// After a record whose length was unusable: the lines up to the next record are its own.
    private var resyncing = false

    /// Header lines allowed in one record before it counts as damaged.
    static let maxHeaderLines = 1000

    /// Opens `path` (`-` is standard input).
    public convenience init(path: String, maxBytes: Int) throws(WartaError) {
        try self.init(stream: try FileByteStream(path: path), path: path, maxBytes: maxBytes)
    }

    /// Reads `stream` (gunzipped when it starts with the gzip magic number); `path` names it
    /// in records.
    public init(stream: ByteStream, path: String, maxBytes: Int) throws(WartaError) {
        reader = BufferedReader(try decompressingIfGzip(stream))
        self.path = path
        self.maxBytes = maxBytes
    }

    /// The next document, or nil at the end of the file.
    public func next() -> InputDocument? {
        while true {
            if pendingHead < pending.count {
                defer {
                    pendingHead += 1
                    if pendingHead == pending.count { pending.removeAll(keepingCapacity: true); pendingHead = 0 }
                }
                return pending[pendingHead]
            }
            if done { return nil }
            do throws(WartaError) {
                try readRecord()
            } catch {
                done = true
                pending.append(.failed(id: "\(path)#\(index)", source: SourceInfo(path: path), error))
            }
        }
    }

    // MARK: Records

    /// Reads one WARC record (and what precedes it) into `pending`.
    private func readRecord() throws(WartaError) {
        let sawRecords = index > 0
        guard try findVersionLine(sawRecords: sawRecords) else { done = true; return }
        index += 1
        guard let headers = try readHeaders() else {
            resyncing = true
            pending.append(failed(recordSource([:]), .damagedInput(
                detail: "WARC record \(index) has more than \(WARCReader.maxHeaderLines) header lines; skipped to the next record")))
            return
        }
        var source = recordSource(headers)
        let id = source.url ?? "\(path)#\(index)"
        let type = WARCReader.asciiLowercased(headers["warc-type"] ?? [])
        guard let length = headers["content-length"].flatMap(WARCReader.parseDecimal) else {
            resyncing = true
            let raw = headers["content-length"].map { "“" + String(decoding: $0.prefix(40), as: UTF8.self) + "”" } ?? "none"
            pending.append(.failed(id: id, source: source, .damagedInput(
                detail: "WARC record \(index) has Content-Length \(raw), not a byte count; skipped to the next record")))
            return
        }
        let isDocument = type == "response" || type == "resource"
        if !isDocument || length > maxBytes + (1 << 16) {
            try skipBlock(length: length, isDocument: isDocument, id: id, source: source)
            return
        }
        let (block, cut) = try readBlock(length: length)
        source.truncated = cut  // the stream ending early inside this block (not later)
        let overrun = try !endsRecord(reader.peek(count: 16))
        guard var doc = document(block: block, type: type, headers: headers, id: id, source: source) else { return }
        if overrun {
            // The content goes on past its declared length: the document is cut short, and
            // the bytes up to the next record are its own.
            doc.source.truncated = true
            resyncing = true
        }
        pending.append(doc)
    }

    /// Skips to the next `WARC/` version line. Non-blank lines on the way are reported (unless
    /// they belong to a record already reported); a file without any record is one error.
    private func findVersionLine(sawRecords: Bool) throws(WartaError) -> Bool {
        let junkStart = reader.offset
        var junkEnd = junkStart
        var junkLines = 0
        var lineStart = reader.offset
        var found = false
        while let line = try reader.readLine(limit: 4096) {
            if WARCReader.isVersionLine(line) { found = true; break }
            if !line.allSatisfy(WARCReader.isSpace) { junkLines += 1; junkEnd = reader.offset }
            lineStart = reader.offset
        }
        let wasResyncing = resyncing
        resyncing = false
        if !sawRecords && !found {
            var source = SourceInfo(path: path)
            source.truncated = reader.truncated
            let error: WartaError = junkLines > 0
                ? .damagedInput(detail: "not a WARC file: no line starts a WARC record (WARC/1.0); check the input format")
                : reader.truncated ? .damagedInput(detail: "the gzip data is cut short or corrupt: nothing decodes") : .emptyInput
            pending.append(.failed(id: path, source: source, error))
            return false
        }
        if junkLines > 0 && !wasResyncing {
            let end = found ? lineStart : junkEnd
            var source = SourceInfo(path: path)
            source.truncated = !found && reader.truncated
            pending.append(.failed(id: "\(path)@\(junkStart)", source: source, .damagedInput(
                detail: "bytes \(junkStart) to \(end) are not part of a WARC record (a Content-Length may be wrong)")))
        }
        return found
    }

    /// The header fields up to the blank line, names lowercased; nil when there are too many.
    private func readHeaders() throws(WartaError) -> [String: [UInt8]]? {
        var headers: [String: [UInt8]] = [:]
        var lines = 0
        while let line = try reader.readLine(limit: 1 << 16), !line.isEmpty {
            lines += 1
            if lines > WARCReader.maxHeaderLines { return nil }
            guard let (name, value) = WARCReader.headerField(line) else { continue }
            headers[name] = value
        }
        return headers
    }

    private func recordSource(_ headers: [String: [UInt8]]) -> SourceInfo {
        var source = SourceInfo(path: path)
        source.url = headers["warc-target-uri"].map { WARCReader.cleanURI(String(decoding: $0, as: UTF8.self)) }
        source.recordID = headers["warc-record-id"].map { String(decoding: $0, as: UTF8.self) }
        source.date = headers["warc-date"].map { String(decoding: $0, as: UTF8.self) }
        return source
    }

    private func failed(_ source: SourceInfo, _ error: WartaError) -> InputDocument {
        .failed(id: source.url ?? "\(path)#\(index)", source: source, error)
    }

    /// Skips a block not read as a document, stopping early at a `WARC/` line: a length that
    /// runs into the next record (or past the end of the file) is reported.
    private func skipBlock(length: Int, isDocument: Bool, id: String, source: SourceInfo) throws(WartaError) {
        let (skipped, found) = try reader.skip(count: length, stoppingAtLineStarting: WARCReader.versionPrefix,
                                                followedBy: WARCReader.isDigit)
        var source = source
        if found {
            resyncing = true
            pending.append(.failed(id: id, source: source, .damagedInput(
                detail: "WARC record \(index) declares Content-Length \(length) but the next record starts after \(skipped) bytes")))
        } else if isDocument {
            source.truncated = skipped < length
            pending.append(.failed(id: id, source: source, .tooLarge(bytes: length, limit: maxBytes)))
        } else if skipped < length {
            source.truncated = true
            pending.append(.failed(id: id, source: source, .damagedInput(
                detail: "WARC record \(index) declares Content-Length \(length) but the file ends after \(skipped) bytes")))
        } else if try !endsRecord(reader.peek(count: 16)) {
            resyncing = true  // a record that is no document, longer than it says: its tail is its own
        }
    }

    /// The block of a document record and whether it was cut short. A block whose declared
    /// length runs into the next record ends where that record starts; the rest is read again.
    private func readBlock(length: Int) throws(WartaError) -> ([UInt8], Bool) {
        var block = try reader.read(count: length)
        var cut = block.count < length
        let next = try reader.peek(count: 16)
        if cut || !endsRecord(next), let start = WARCReader.recordStart(in: block) {
            reader.unread(block[start...])
            block.removeSubrange(start...)
            cut = true
        }
        return (block, cut)
    }

    /// Whether `next` (what follows a block) is a well-formed record end: line breaks, then
    /// the end of the file or the next record.
    private func endsRecord(_ next: ArraySlice<UInt8>) -> Bool {
        let rest = next.drop { $0 == 0x0D || $0 == 0x0A }
        return rest.isEmpty || rest.starts(with: WARCReader.versionPrefix.prefix(rest.count))
    }

    // MARK: Content

    /// The document of a response or resource record, an error document, or nil when the
    /// record is not HTML.
    private func document(block: [UInt8], type: String, headers: [String: [UInt8]], id: String,
                          source: SourceInfo) -> InputDocument? {
        var source = source
        var contentType = headers["content-type"] ?? []
        var body = block[...]
        if type == "response", WARCReader.contains(contentType, "application/http") {
            let http = WARCReader.parseHTTP(block)
            contentType = http.headers["content-type"] ?? []
            body = block[http.bodyStart...]
            if let encoding = http.headers["transfer-encoding"], WARCReader.contains(encoding, "chunked"),
               http.headers["x-crawler-transfer-encoding"] == nil {
                switch WARCReader.dechunk(body) {
                case .decoded(let bytes, let complete):
                    body = bytes[...]
                    if !complete { source.truncated = true }
                case .notChunked(let sizeLine):
                    // A crawler that stored the decoded page without saying so: keep it.
                    guard body.first(where: { !WARCReader.isSpace($0) }) == UInt8(ascii: "<") else {
                        return .failed(id: id, source: source, .damagedInput(
                            detail: "the HTTP body is declared chunked but its first chunk size “\(sizeLine)” is not a hexadecimal number"))
                    }
                }
            }
            if let encoding = http.headers["content-encoding"], http.headers["x-crawler-content-encoding"] == nil {
                let (codings, unsupported) = ContentDecoding.codings(encoding)
                if let unsupported, !ContentDecoding.looksDecoded(body) {
                    return .failed(id: id, source: source, .damagedInput(
                        detail: "the HTTP body is compressed as “\(unsupported)”, which Warta does not decode (it decodes gzip, deflate and br)"))
                }
                // The last coding applied is undone first.
                for coding in codings.reversed() {
                    switch ContentDecoding.decode(body, coding, limit: maxBytes) {
                    case .decoded(let bytes, let cut):
                        body = bytes[...]
                        if cut { source.truncated = true }
                    case .notCompressed: break  // stored decoded already
                    case .tooLarge: return .failed(id: id, source: source, .tooLargeDecoded(limit: maxBytes))
                    case .undecodable:
                        return .failed(id: id, source: source, .damagedInput(detail: "the \(String(decoding: encoding, as: UTF8.self))-encoded HTTP body decodes to nothing"))
                    }
                }
            }
        }
        guard WARCReader.contains(contentType, "html") else { return nil }
        return InputDocument(id: id, bytes: Array(body), format: .html, charset: WARCReader.charset(in: contentType),
                             source: source)
    }

    // MARK: Byte-level parsing

    static let versionPrefix = Array("WARC/".utf8)

    /// `WARC/` and a digit.
    static func isVersionLine(_ line: [UInt8]) -> Bool {
        line.count > versionPrefix.count && line.starts(with: versionPrefix) && isDigit(line[versionPrefix.count])
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// Where a record's version line starts inside `block` (after its first byte, at a line
    /// start), if anywhere.
    static func recordStart(in block: [UInt8]) -> Int? {
        var i = 1
        while i < block.count, let nl = block[(i - 1)...].firstIndex(of: 0x0A) {
            let start = nl + 1
            if start + versionPrefix.count < block.count, block[start...].starts(with: versionPrefix),
               isDigit(block[start + versionPrefix.count]) {
                return start
            }
            i = start + 1
        }
        return nil
    }

    /// A non-negative decimal number (spaces around allowed); nil when it is anything else
    /// or does not fit in an `Int`.
    static func parseDecimal(_ bytes: [UInt8]) -> Int? {
        let digits = trimmed(bytes[...])
        guard !digits.isEmpty else { return nil }
        var value = 0
        for b in digits {
            guard isDigit(b) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(b - 0x30))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    /// A hexadecimal chunk size before any `;` extension; nil when malformed or too big.
    static func parseChunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        let field = trimmed(line.prefix { $0 != UInt8(ascii: ";") })
        guard !field.isEmpty else { return nil }
        var value = 0
        for b in field {
            let digit: Int
            switch b {
            case 0x30...0x39: digit = Int(b - 0x30)
            case 0x41...0x46: digit = Int(b - 0x41 + 10)
            case 0x61...0x66: digit = Int(b - 0x61 + 10)
            default: return nil
            }
            let (times16, o1) = value.multipliedReportingOverflow(by: 16)
            let (sum, o2) = times16.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }

    static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var t = s
        while let f = t.first, f == 0x20 || f == 0x09 || f == 0x0D { t = t.dropFirst() }
        while let l = t.last, l == 0x20 || l == 0x09 || l == 0x0D { t = t.dropLast() }
        return t
    }

    /// ASCII letters lowercased, other bytes kept (so lengths never change).
    static func asciiLowercased(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Whether `haystack` contains the ASCII `needle`, ignoring ASCII case.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        find(Array(needle.utf8), in: haystack[...]) != nil
    }

    /// Where the lowercase ASCII `needle` starts in `haystack`, ignoring ASCII case.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            var k = 0
            while k < needle.count {
                let b = haystack[i + k]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != needle[k] { break }
                k += 1
            }
            if k == needle.count { return i }
            i += 1
        }
        return nil
    }

    /// The `charset=` parameter of a content type (found on bytes, ASCII case ignored).
    static func charset(in contentType: [UInt8]) -> String? {
        guard let at = find(Array("charset=".utf8), in: contentType[...]) else { return nil }
        let value = contentType[(at + 8)...]
            .drop { $0 == 0x20 || $0 == 0x22 || $0 == 0x27 }
            .prefix { $0 > 0x20 && $0 < 0x7F && $0 != 0x3B && $0 != 0x2C && $0 != 0x22 && $0 != 0x27 }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    /// `name: value` with the name lowercased and both trimmed.
    static func headerField(_ line: [UInt8]) -> (String, [UInt8])? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return (asciiLowercased(trimmed(line[..<colon])), Array(trimmed(line[(colon + 1)...])))
    }

    /// `<http://example.com/>` → `http://example.com/`.
    static func cleanURI(_ s: String) -> String {
        var t = s
        if t.hasPrefix("<"), t.hasSuffix(">") { t = String(t.dropFirst().dropLast()) }
        return t
    }

    /// HTTP status line and headers at the start of `block` (names lowercased).
    static func parseHTTP(_ block: [UInt8]) -> (headers: [String: [UInt8]], bodyStart: Int) {
        var i = 0
        var headers: [String: [UInt8]] = [:]
        var first = true
        while i < block.count {
            guard let nl = block[i...].firstIndex(of: 0x0A) else { return (headers, block.count) }
            var line = block[i..<nl]
            if line.last == 0x0D { line = line.dropLast() }
            i = nl + 1
            if line.isEmpty { return (headers, i) }
            if first { first = false; continue }
            if let (name, value) = headerField(Array(line)) { headers[name] = value }
        }
        return (headers, block.count)
    }

    /// What decoding a chunked body gave.
    enum Dechunked: Equatable {
        /// The body; `complete` is false when it ended early or at a malformed chunk.
        case decoded([UInt8], complete: Bool)
        /// The first chunk size is not one (the line is given): the body is not chunked.
        case notChunked(String)
    }

    /// Decodes an HTTP chunked body; sizes are checked against what is left, never trusted.
    static func dechunk(_ body: ArraySlice<UInt8>) -> Dechunked {
        var out: [UInt8] = []
        var i = body.startIndex
        while i < body.endIndex {
            guard let nl = body[i...].firstIndex(of: 0x0A), let size = parseChunkSize(body[i..<nl]) else {
                if i == body.startIndex {
                    let line = body[i...].prefix { $0 != 0x0A && $0 != 0x0D }.prefix(40)
                    return .notChunked(String(decoding: line, as: UTF8.self))
                }
                return .decoded(out, complete: false)
            }
            i = nl + 1
            if size == 0 { return .decoded(out, complete: true) }
            let available = body.endIndex - i
            if size > available {
                out.append(contentsOf: body[i...])
                return .decoded(out, complete: false)
            }
            out.append(contentsOf: body[i..<(i + size)])
            i += size
            if i < body.endIndex, body[i] == 0x0D { i += 1 }
            if i < body.endIndex, body[i] == 0x0A { i += 1 }
        }
        return .decoded(out, complete: false)
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
