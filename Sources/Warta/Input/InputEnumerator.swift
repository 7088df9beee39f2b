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
    private var walk: FolderWalk
    /// The one document of a text or HTML stream, until it is returned.
    private var single: InputDocument?
    /// Files found so far (for progress).
    public private(set) var filesOpened = 0
    /// How many documents the inputs hold, when that can be known before reading (files and
    /// folders of pages and texts; not standard input, JSON Lines or WARC). Counted by a walk
    /// of its own the first time it is asked (for a progress line), not otherwise: a folder of
    /// small files would be listed and examined twice.
    public private(set) lazy var expectedDocuments: Int? = countablePaths.flatMap {
        InputEnumerator.countDocuments($0, followSymlinks: walk.followSymlinks)
    }
    /// The paths ``expectedDocuments`` counts (nil when the count is unknown).
    private let countablePaths: [String]?
    /// The paths named on the command line and in the list file.
    private let namedPaths: [String]

    /// Counts the documents in `paths`, or nil when a stream's count is unknown.
    static func countDocuments(_ paths: [String], followSymlinks: Bool, limit: Int = 1_000_000) -> Int? {
        var walk = FolderWalk(followSymlinks: followSymlinks)
        var count = 0
        var stack = Array(paths.reversed())
        while let path = stack.popLast() {
            if path == "-" { return nil }
            guard let kind = walk.visit(path) else { continue }
            let base = FolderWalk.baseName(path)
            if kind == .folder {
                stack += walk.readableChildren(of: path).reversed()
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
    /// `stdinFormat` `.jsonl` or `.warc` (given explicitly: `.text` is the default) reads every
    /// file that way, whatever its name. `followSymlinks` follows symbolic links to folders
    /// met in a walk (links named on the command line are always followed); either way each
    /// folder is read once, and with it each file.
    public init(paths: [String], listFile: String? = nil, stdinFormat: StreamFormat = .text,
                forcedFormat: InputDocument.Format? = nil, maxBytes: Int, followSymlinks: Bool = false) throws(WartaError) {
        var all = paths
        if let listFile {
            let bytes = try InputReader.read(path: listFile)
            all += String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        if all.isEmpty { all = ["-"] }
        pending = all.reversed()
        namedPaths = all
        // Every file read as JSON Lines or WARC: the count is not known ahead.
        countablePaths = stdinFormat == .jsonl || stdinFormat == .warc ? nil : all
        walk = FolderWalk(followSymlinks: followSymlinks)
        self.stdinFormat = stdinFormat
        self.forcedFormat = forcedFormat
        self.maxBytes = maxBytes
    }

    /// Documents from a stream already open (gunzipped when it starts like gzip): JSON Lines
    /// or WARC read record by record, text or HTML as one document. `path` names it in records.
    public init(stream: ByteStream, format: StreamFormat, path: String, forcedFormat: InputDocument.Format? = nil,
                maxBytes: Int) throws(WartaError) {
        pending = []
        countablePaths = nil
        namedPaths = []
        stdinFormat = format
        self.forcedFormat = forcedFormat
        self.maxBytes = maxBytes
        walk = FolderWalk(followSymlinks: false)
        switch format {
        case .warc: warc = try WARCReader(stream: stream, path: path, maxBytes: maxBytes)
        case .jsonl: jsonl = (BufferedReader(try decompressingIfGzip(stream)), path, 0)
        case .text, .html:
            single = try wholeDocument(try decompressingIfGzip(stream), path: path,
                                       format: forcedFormat ?? (format == .html ? .html : .text))
        }
    }

    /// The next document, or nil when every input is done.
    public func next() -> InputDocument? {
        if let doc = single {
            single = nil
            return doc
        }
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

    /// The named input (a path given, not one found in a folder) that is the file or folder at
    /// `path`, if any: records written there would destroy it before it is read.
    public func namedInput(sameAs path: String) -> String? {
        guard let target = FolderWalk.identity(path) else { return nil }
        return namedPaths.first { ($0 == "-" ? FolderWalk.standardInputIdentity() : FolderWalk.identity($0)) == target }
            .map { $0 == "-" ? "standard input" : $0 }
    }

    /// Leaves the file or folder at `path` (where this run writes its records) out of the
    /// folders walked: records are not read back as inputs while they are written.
    public func exclude(_ path: String) {
        if let identity = FolderWalk.identity(path) { walk.excluded.insert(identity) }
    }

    /// The error of a file whose name holds bytes that are no UTF-8 (shown as U+FFFD in `path`).
    static func undecodableName(_ path: String) -> WartaError {
        .unreadable(path: path, reason: "its name is not valid UTF-8, shown here with U+FFFD; rename it to UTF-8, as `convmv -f latin1 -t utf8` does")
    }

    /// Starts reading `path`; returns a document when the path is one document (or failed).
    private func open(_ path: String) -> InputDocument? {
        let kind = path == "-" ? .file : walk.visit(path)
        if kind == nil { return nil }  // read already (a link, a hard link)
        if kind == .folder {
            pending += walk.readableChildren(of: path).reversed()
            return nil
        }
        filesOpened += 1
        if path.unicodeScalars.contains("\u{FFFD}"), access(path, F_OK) != 0 {
            return .failed(id: path, source: SourceInfo(path: path), InputEnumerator.undecodableName(path))
        }
        do throws(WartaError) {
            switch streamFormat(of: path) {
            case .warc:
                warc = try WARCReader(path: path, maxBytes: maxBytes)
                return nil
            case .jsonl:
                jsonl = (BufferedReader(try openStream(path: path)), path, 0)
                return nil
            case .text:
                return try wholeFile(path, format: forcedFormat ?? .text)
            case .html:
                return try wholeFile(path, format: forcedFormat ?? .html)
            }
        } catch {
            return .failed(id: path, source: SourceInfo(path: path), error)
        }
    }

    /// How to read `path`: an explicit JSON Lines or WARC format first, then the name.
    private func streamFormat(of path: String) -> StreamFormat {
        if path == "-" || stdinFormat == .jsonl || stdinFormat == .warc { return stdinFormat }
        let base = FolderWalk.baseName(path)
        if base.hasSuffix(".jsonl") || base.hasSuffix(".ndjson") { return .jsonl }
        if base.hasSuffix(".warc") { return .warc }
        if base.hasSuffix(".html") || base.hasSuffix(".htm") { return .html }
        return .text
    }

    /// A file that is one document. Decompression stops at the limit; gzip data cut short is
    /// marked truncated, or is an error when nothing decoded.
    private func wholeDocument(_ stream: ByteStream, path: String, format: InputDocument.Format) throws(WartaError) -> InputDocument {
        let reader = BufferedReader(stream)
        var source = SourceInfo(path: path)
        if let gzip = stream as? GzipByteStream {
            let (bytes, more) = try reader.read(upTo: maxBytes)
            source.truncated = gzip.truncated
            if more { return .failed(id: path, source: source, .tooLargeDecoded(limit: maxBytes)) }
            if bytes.isEmpty && gzip.truncated {
                return .failed(id: path, source: source, .damagedInput(detail: "the gzip data is cut short or corrupt: nothing decodes"))
            }
            return InputDocument(id: path, bytes: bytes, format: format, source: source)
        }
        let (bytes, total) = try reader.readAll(limit: maxBytes + 1)
        if total > maxBytes { return .failed(id: path, source: source, .tooLarge(bytes: total, limit: maxBytes)) }
        return InputDocument(id: path, bytes: bytes, format: format, source: source)
    }

    /// The file at `path` as one document: read whole when it is a plain regular file, else
    /// as a stream (standard input, gzip, a file that changes while read).
    private func wholeFile(_ path: String, format: InputDocument.Format) throws(WartaError) -> InputDocument {
        if let doc = wholeRegularFile(path, format: format) { return doc }
        return try wholeDocument(try openStream(path: path), path: path, format: format)
    }

    /// A regular file of at most `maxBytes` that is not gzip, read whole into an array of its
    /// size (no stream buffer filled with zeros, no copy out of it); nil for anything else
    /// (standard input, gzip, a file too large, that grew or failed to read), which
    /// ``wholeDocument(_:path:format:)`` then reads as a stream.
    private func wholeRegularFile(_ path: String, format: InputDocument.Format) -> InputDocument? {
        guard path != "-", let bytes = FileDescriptor.readRegularFile(path, limit: maxBytes),
              !hasGzipMagic(bytes) else { return nil }
        return InputDocument(id: path, bytes: bytes, format: format, source: SourceInfo(path: path))
    }

    private func nextJSONLine() -> InputDocument? {
        guard let (reader, path, startLine) = jsonl else { return nil }
        var line = startLine
        var failed = false
        defer { jsonl = failed ? nil : (reader, path, line) }
        while true {
            let raw: [UInt8]?
            do throws(WartaError) { raw = try reader.readLine(limit: maxBytes) } catch {
                // A read error ends the file: one error record, not one per attempt.
                failed = true
                return .failed(id: "\(path):\(line + 1)", source: SourceInfo(path: path), error)
            }
            guard let bytes = raw else { return nil }
            line += 1
            var source = SourceInfo(path: path)
            source.line = line
            let fallbackID = "\(path):\(line)"
            // readLine skipped the rest of an over-long line: the next line is the next document.
            if reader.lastLineLength > maxBytes {
                return .failed(id: fallbackID, source: source, .tooLarge(bytes: reader.lastLineLength, limit: maxBytes))
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            var doc = InputDocument(id: fallbackID, bytes: [], format: .text, source: source)
            doc.jsonLine = (bytes, forcedFormat)
            return doc
        }
    }

    /// The fields of a JSON line that Warta reads; others pass through as `meta`.
    static let jsonLineKeys: Set<String> = ["id", "url", "html", "text", "charset", "fetched_at"]

    /// One JSON Lines object as a document.
    static func document(jsonLine bytes: [UInt8], fallbackID: String, source: SourceInfo,
                         forcedFormat: InputDocument.Format?) -> InputDocument {
        var source = source
        // The usual line, known fields and plain other fields, without Foundation. A known field
        // that holds no string is absent (as `as? String` finds it), but for a numbered id.
        if let flat = FlatJSONObject(bytes), flat.holdsStringNumberOrNull("id"),
           let rest = flat.passedThrough(besides: InputEnumerator.jsonLineKeys),
           flat.bytes("html") != nil || flat.bytes("text") != nil {
            source.url = flat["url"]
            source.fetchedAt = flat["fetched_at"]
            let id = flat["id"] ?? flat.number("id").map { String(decoding: $0, as: UTF8.self) } ?? fallbackID
            let meta = rest.isEmpty ? nil : rest
            if let html = flat.bytes("html") {
                return InputDocument(id: id, bytes: html, format: forcedFormat ?? .html, charset: flat["charset"], source: source, meta: meta)
            }
            return InputDocument(id: id, bytes: flat.bytes("text")!, format: forcedFormat ?? .text, source: source, meta: meta)
        }
        return documentByFoundation(jsonLine: bytes, fallbackID: fallbackID, source: source, forcedFormat: forcedFormat)
    }

    /// The JSON object of `bytes` as `JSONSerialization` reads it, or nil.
    private static func jsonObject(_ bytes: [UInt8]) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    }

    /// ``document(jsonLine:fallbackID:source:forcedFormat:)`` by `JSONSerialization`: any JSON,
    /// and a line with a lone surrogate escape or a raw control character once repaired
    /// (``JSONLineRepair``).
    static func documentByFoundation(jsonLine bytes: [UInt8], fallbackID: String, source: SourceInfo,
                                     forcedFormat: InputDocument.Format?) -> InputDocument {
        var source = source
        guard let object = jsonObject(bytes) ?? JSONLineRepair.repaired(bytes).flatMap(jsonObject) else {
            return .failed(id: fallbackID, source: source,
                           .malformedInput(detail: "line \(source.line ?? 0) is not a JSON object"))
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? fallbackID
        source.url = object["url"] as? String
        source.fetchedAt = object["fetched_at"] as? String
        var rest = object
        for key in InputEnumerator.jsonLineKeys { rest.removeValue(forKey: key) }
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

/// A walk through folders that reads each folder once (by device and inode), skips hidden
/// names and files of other kinds, and follows symbolic links to folders only when asked.
struct FolderWalk {
    /// What a path is.
    enum Kind { case file, folder }

    /// A file's or folder's device and inode.
    struct Identity: Hashable {
        var device: UInt64, inode: UInt64
        init(_ st: stat) { (device, inode) = (UInt64(st.st_dev), UInt64(st.st_ino)) }
    }

    let followSymlinks: Bool
    private var seen: Set<Identity> = []
    /// Files and folders never visited (the run's output).
    var excluded: Set<Identity> = []

    /// The identity of the regular file standard input reads (`< x.jsonl`), or nil for a pipe or terminal.
    static func standardInputIdentity() -> Identity? {
        var st = stat()
        guard fstat(0, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Identity(st)
    }

    /// The identity of the file or folder at `path` (links followed), or nil when it cannot be examined.
    static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(st)
    }

    init(followSymlinks: Bool) { self.followSymlinks = followSymlinks }

    /// The name lowercased without `.gz`.
    static func baseName(_ path: String) -> String {
        let lower = path.lowercased()
        return lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
    }

    /// What `path` is, or nil when it was visited already (a folder always; a file when links
    /// are followed). A path that cannot be examined is a file: opening it gives its error.
    mutating func visit(_ path: String) -> Kind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return .file }
        let isFolder = (st.st_mode & S_IFMT) == S_IFDIR
        let identity = Identity(st)
        if !excluded.isEmpty, excluded.contains(identity) { return nil }
        if isFolder || followSymlinks {
            if !seen.insert(identity).inserted { return nil }
        }
        return isFolder ? .folder : .file
    }

    /// The subfolders and readable files of folder `path` in name order (hidden ones skipped;
    /// links to folders only when following links).
    ///
    /// A name that is not valid UTF-8 cannot be opened through a `String`: it is kept with
    /// U+FFFD in place of its bad bytes, so that opening it gives an error record
    /// (``InputEnumerator/undecodableName``) rather than nothing.
    func readableChildren(of path: String) -> [String] {
        return FolderWalk.names(in: path).sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var link = stat()
            guard lstat(child, &link) == 0 else {
                // A name with bytes that are no UTF-8 cannot be examined: opened, it gives its error record.
                return name.unicodeScalars.contains("\u{FFFD}") && FolderWalk.isDocumentName(name) ? child : nil
            }
            let isLink = (link.st_mode & S_IFMT) == S_IFLNK
            // Only a link needs its target examined (a broken one is skipped).
            var target = link
            if isLink { guard stat(child, &target) == 0 else { return nil } }
            if (target.st_mode & S_IFMT) == S_IFDIR { return !isLink || followSymlinks ? child : nil }
            // A named pipe, socket or device in a folder is no file of documents: opening a pipe
            // no one writes to waits for ever.
            guard (target.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FolderWalk.isDocumentName(name) ? child : nil
        }
    }

    /// Whether a file called `name` in a folder is read: `.html`, `.htm`, `.txt`, `.jsonl`,
    /// `.warc`, each also `.gz`.
    static func isDocumentName(_ name: String) -> Bool {
        let base = baseName(name)
        return [".html", ".htm", ".txt", ".jsonl", ".warc"].contains { base.hasSuffix($0) }
    }

    /// The names in folder `path`, every one (`.` and `..` aside), bytes that are no UTF-8
    /// replaced by U+FFFD (Foundation's listing leaves such a name out); empty when the folder
    /// cannot be read.
    static func names(in path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }
}
