import Foundation

/// Turns the command line's inputs into documents, one at a time, so a crawl of any size
/// streams through bounded memory.
///
/// - Folders are walked recursively in name order; files ending `.html`, `.htm`, `.txt`,
///   `.jsonl`, `.warc` (and each with `.gz`) are read, others skipped.
/// - `.jsonl`: one object per line with `html` or `text`, and optional `id`, `url`, `charset`,
///   `fetched_at`; other fields pass through as `meta`. A malformed line is an error document.
/// - `.warc`, `.warc.gz`: HTML response and resource records (``WARCReader``).
/// - `-` is standard input in `stdinFormat`.
public final class InputEnumerator {
    /// How to read standard input and files whose name says nothing.
    public enum StreamFormat: String, Sendable { case text, html, jsonl, warc }

    private var pending: [String]
    private let stdinFormat: StreamFormat
    private let forcedFormat: InputDocument.Format?
    private let maxBytes: Int
    private var jsonl: (reader: BufferedReader, path: String, line: Int)?
    private var warc: WARCReader?
    /// Files found so far (for progress).
    public private(set) var filesOpened = 0
    /// How many documents the inputs hold, when that is known before reading (files and
    /// folders of pages and texts; not standard input, JSON Lines or WARC).
    public let expectedDocuments: Int?

    /// The subfolders and readable files of folder `path` in name order (hidden ones skipped).
    static func readableChildren(of path: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        return names.compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { return nil }
            let lower = name.lowercased()
            let base = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
            let readable = [".html", ".htm", ".txt", ".jsonl", ".warc"].contains { base.hasSuffix($0) }
            return isDirectory.boolValue || readable ? child : nil
        }
    }

    /// Counts the documents in `paths`, or nil when a stream's count is unknown.
    static func countDocuments(_ paths: [String], limit: Int = 1_000_000) -> Int? {
        var count = 0
        var stack = paths
        while let path = stack.popLast() {
            if path == "-" { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { count += 1; continue }
            let lower = path.lowercased()
            let base = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
            if isDirectory.boolValue {
                stack += InputEnumerator.readableChildren(of: path)
            } else if base.hasSuffix(".jsonl") || base.hasSuffix(".ndjson") || base.hasSuffix(".warc") {
                return nil
            } else {
                count += 1
            }
            if count > limit { return nil }
        }
        return count
    }

    /// Inputs from `paths` (and the paths listed in `listFile`, one per line).
    public init(paths: [String], listFile: String? = nil, stdinFormat: StreamFormat = .text,
                forcedFormat: InputDocument.Format? = nil, maxBytes: Int) throws(WartaError) {
        var all = paths
        if let listFile {
            let bytes = try InputReader.read(path: listFile)
            all += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        if all.isEmpty { all = ["-"] }
        pending = all.reversed()
        expectedDocuments = InputEnumerator.countDocuments(all)
        self.stdinFormat = stdinFormat
        self.forcedFormat = forcedFormat
        self.maxBytes = maxBytes
    }

    /// The next document, or nil when every input is done.
    public func next() -> InputDocument? {
        while true {
            if let w = warc {
                if let doc = w.next() { return doc }
                warc = nil
            }
            if jsonl != nil {
                if let doc = nextJSONLine() { return doc }
                jsonl = nil
            }
            guard let path = pending.popLast() else { return nil }
            if let doc = open(path) { return doc }
        }
    }

    /// Starts reading `path`; returns a document when the path is one document (or failed).
    private func open(_ path: String) -> InputDocument? {
        let lower = path.lowercased()
        let base = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            pending += InputEnumerator.readableChildren(of: path).reversed()
            return nil
        }
        filesOpened += 1
        let streamFormat: StreamFormat
        if path == "-" {
            streamFormat = stdinFormat
        } else if base.hasSuffix(".jsonl") || base.hasSuffix(".ndjson") {
            streamFormat = .jsonl
        } else if base.hasSuffix(".warc") {
            streamFormat = .warc
        } else if base.hasSuffix(".html") || base.hasSuffix(".htm") {
            streamFormat = .html
        } else {
            streamFormat = .text
        }
        do throws(WartaError) {
            switch streamFormat {
            case .warc:
                warc = try WARCReader(path: path, maxBytes: maxBytes)
                return nil
            case .jsonl:
                jsonl = (BufferedReader(try openStream(path: path)), path, 0)
                return nil
            case .text, .html:
                let format: InputDocument.Format = forcedFormat ?? (streamFormat == .html ? .html : .text)
                let reader = BufferedReader(try openStream(path: path))
                let (bytes, total) = try reader.readAll(limit: maxBytes + 1)
                var source = SourceInfo(path: path)
                source.truncated = reader.truncated
                if total > maxBytes { return .failed(id: path, source: source, .tooLarge(bytes: total, limit: maxBytes)) }
                return InputDocument(id: path, bytes: bytes, format: format, source: source)
            }
        } catch {
            return .failed(id: path, source: SourceInfo(path: path), error)
        }
    }

    private func nextJSONLine() -> InputDocument? {
        guard let (reader, path, startLine) = jsonl else { return nil }
        var line = startLine
        defer { jsonl = (reader, path, line) }
        while true {
            let raw: [UInt8]?
            do throws(WartaError) { raw = try reader.readLine(limit: maxBytes + 1) } catch {
                return .failed(id: "\(path):\(line + 1)", source: SourceInfo(path: path), error)
            }
            guard let bytes = raw else { return nil }
            line += 1
            var source = SourceInfo(path: path)
            source.line = line
            let fallbackID = "\(path):\(line)"
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if bytes.count > maxBytes {
                // The rest of an over-long line follows as further "lines": skip them.
                while let more = try? reader.readLine(limit: maxBytes + 1), more.count > maxBytes {}
                return .failed(id: fallbackID, source: source, .tooLarge(bytes: bytes.count, limit: maxBytes))
            }
            var doc = InputDocument(id: fallbackID, bytes: [], format: .text, source: source)
            doc.jsonLine = (bytes, forcedFormat)
            return doc
        }
    }

    /// One JSON Lines object as a document.
    static func document(jsonLine bytes: [UInt8], fallbackID: String, source: SourceInfo,
                         forcedFormat: InputDocument.Format?) -> InputDocument {
        var source = source
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failed(id: fallbackID, source: source,
                           .malformedInput(detail: "line \(source.line ?? 0) is not a JSON object"))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        source.url = object["url"] as? String
        source.fetchedAt = object["fetched_at"] as? String
        var rest = object
        for key in ["id", "url", "html", "text", "charset", "fetched_at"] { rest.removeValue(forKey: key) }
        let meta = rest.isEmpty ? nil : (try? JSONSerialization.data(withJSONObject: rest, options: [.sortedKeys])).map { [UInt8]($0) }
        if let html = object["html"] as? String {
            return InputDocument(id: id, bytes: Array(html.utf8), format: forcedFormat ?? .html,
                                 charset: object["charset"] as? String, source: source, meta: meta)
        }
        if let text = object["text"] as? String {
            return InputDocument(id: id, bytes: Array(text.utf8), format: forcedFormat ?? .text, source: source, meta: meta)
        }
        var failed = InputDocument.failed(id: id, source: source,
                                          .malformedInput(detail: "line \(source.line ?? 0) has neither \"html\" nor \"text\""))
        failed.meta = meta
        return failed
    }
}
