import Foundation
import Warta

/// Checks of the records Warta writes, shared by the fuzz targets. A failed check stops the
/// process (libFuzzer keeps the input that did it).
public enum RecordCheck {
    /// Stops the fuzzer with `message` unless `condition` holds.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("check failed: \(message())") }
    }

    /// `bytes` is one JSON object on one line with an `id` and a `status`; an error record has
    /// a code and a message; an ok record's spans lie inside its text and its counts add up.
    public static func check(_ bytes: [UInt8]) {
        require(bytes.last == 0x0A, "a record ends with a newline")
        require(bytes.firstIndex(of: 0x0A) == bytes.count - 1, "a record is one line")
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)), let record = object as? [String: Any] else {
            fatalError("check failed: not a JSON object: \(String(decoding: bytes.prefix(300), as: UTF8.self))")
        }
        require(record["id"] is String, "a record has an id")
        switch record["status"] as? String {
        case "error":
            let error = record["error"] as? [String: Any]
            require(error?["code"] is String && error?["message"] is String, "an error record has a code and a message")
        case "ok":
            checkSpans(record)
        default:
            fatalError("check failed: status is \(String(describing: record["status"]))")
        }
    }

    /// Spans of paragraphs, sentences, tokens, mentions and quotes lie inside `text` (code
    /// points), a mention's text is its span's, and `stats` counts what the record lists.
    static func checkSpans(_ record: [String: Any]) {
        guard let text = record["text"] as? String else { return }
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        func inside(_ span: Any?, _ what: String) -> (Int, Int) {
            guard let pair = span as? [Any], pair.count >= 2, let s = pair[0] as? Int, let e = pair[1] as? Int else {
                fatalError("check failed: \(what) is not a span: \(String(describing: span))")
            }
            require(0 <= s && s <= e && e <= n, "\(what) [\(s), \(e)] inside a text of \(n) code points")
            return (s, e)
        }
        let stats = record["stats"] as? [String: Any] ?? [:]
        require(stats["chars"] as? Int == n, "stats.chars \(String(describing: stats["chars"])) is the text's \(n)")
        for key in ["paragraphs", "sentences"] {
            let spans = record[key] as? [Any] ?? []
            var last = 0
            for span in spans {
                let (s, e) = inside(span, key)
                require(s >= last, "\(key) in order")
                last = e
            }
            require(stats[key] as? Int == spans.count, "stats.\(key) counts \(key)")
        }
        if let tokens = record["tokens"] as? [Any] {
            require(stats["tokens"] as? Int == tokens.count, "stats.tokens counts tokens")
            for token in tokens {
                let (s, e) = inside(token, "token")
                require(s < e, "a token is not empty")
                if let words = (token as? [Any]).flatMap({ $0.count > 3 ? $0[3] as? [Any] : nil }) {
                    for word in words {
                        let (ws, we) = inside(word, "word")
                        require(s <= ws && we <= e, "a word lies inside its token")
                    }
                }
            }
        }
        for entity in record["entities"] as? [[String: Any]] ?? [] {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let (s, e) = inside(mention["span"], "mention")
                let said = String(String.UnicodeScalarView(scalars[s..<e]))
                require(mention["text"] as? String == said, "a mention's text is its span's")
            }
        }
        for quote in record["quotes"] as? [[String: Any]] ?? [] {
            _ = inside(quote["span"], "quote")
            for part in quote["parts"] as? [Any] ?? [] { _ = inside(part, "quote part") }
            if let cue = quote["cue"] as? [String: Any] { _ = inside(cue["span"], "cue") }
        }
    }
}

/// Makes records the way `warta process --tokens --nested` does (every layer).
public struct RecordMaker: Sendable {
    let articles: Pipeline
    let rawText: Pipeline
    let writer = RecordWriter(tokens: true)

    /// A maker with the built-in lexicons.
    public init() {
        var c = Configuration()
        c.maxBytes = 1 << 20
        c.nestedEntities = true
        articles = Pipeline(configuration: c)
        c.extractsArticles = false
        rawText = Pipeline(configuration: c)
    }

    /// The record of `document` (an error record when it failed or cannot be analysed).
    public func record(_ document: InputDocument, rawText: Bool = false) -> [UInt8] {
        var out = JSONWriter()
        let context = RecordContext(source: document.source, meta: document.meta)
        if let error = document.error {
            writer.writeError(id: document.id, error: error, context: context, to: &out)
            return out.bytes
        }
        let analyzed = AnalyzedDocument(id: document.id, bytes: document.bytes, format: document.format == .html ? .html : .text,
                                        context: context, charset: document.charset)
        switch (rawText ? self.rawText : articles).analyze(analyzed) {
        case .success(let doc): writer.write(doc, to: &out)
        case .failure(let error): writer.writeError(id: document.id, error: error, context: context, to: &out)
        }
        return out.bytes
    }
}

/// A stream over bytes in memory that hands out at most `step` bytes per read, as a pipe
/// may: reading the same input in small steps must give the same documents.
public final class SteppedByteStream: ByteStream {
    private let data: [UInt8]
    private let step: Int
    private var position = 0
    /// Never truncated.
    public let truncated = false

    /// `data`, `step` bytes at a time.
    public init(_ data: [UInt8], step: Int) { self.data = data; self.step = max(step, 1) }

    /// Copies the next bytes.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
        let n = min(step, buffer.count, data.count - position)
        for k in 0..<n { buffer[k] = data[position + k] }
        position += n
        return n
    }
}

/// What identifies a document read from a container, for comparing two readings.
public func fingerprint(_ doc: InputDocument) -> String {
    "\(doc.id)|\(doc.error?.code ?? "ok")|\(doc.bytes.count)|\(doc.bytes.hashValue)|\(doc.source.truncated)|\(doc.source.line ?? -1)|\(doc.charset ?? "")"
}
