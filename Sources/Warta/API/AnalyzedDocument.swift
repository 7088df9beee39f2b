import WartaEntities
import WartaHTML
import WartaQuotes
import WartaText

/// What kind of bytes a document holds.
public enum InputFormat: Sendable, Equatable {
    /// Plain text.
    case text
    /// An HTML page.
    case html

    /// HTML when the first non-blank byte opens a tag, else text.
    public static func sniff(_ bytes: [UInt8]) -> InputFormat {
        bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
            == UInt8(ascii: "<") ? .html : .text
    }
}

/// One document and the layers the stages add to it, GATE-style: every stage reads what the
/// stages before it added and adds its own layer (article metadata, normalized text, tokens and
/// sentences, entity mentions, entities, quotes). The record writer serialises what is there.
public struct AnalyzedDocument: Sendable {
    /// The record's id.
    public var id: String
    /// Text or HTML.
    public var format: InputFormat
    /// Where the document came from (written into its record).
    public var context: RecordContext
    /// The charset of an HTML page, when the caller knows it (an HTTP header).
    public var charset: String?
    /// The input as given; the extraction and normalization stages consume it.
    public var input: [UInt8]
    /// Bytes of the input.
    public var inputBytes: Int

    /// Text waiting for normalization: the input's text, or an HTML page's extracted body.
    public var pendingText: [UInt8]?
    /// The normalized text (set by normalization; an article's body after text extraction).
    public var normalized: NormalizedText = .empty
    /// What normalization (and charset decoding) repaired in the whole input.
    public var repairs = NormalizationStats()

    /// The article and its metadata, when the document was read as an article.
    public var article: Article?
    /// The analysed text: its paragraphs, sentences, tokens and clitics.
    public var document: Document = Document(normalized: .empty)
    /// Entity mentions in text order (the tagger's, plus speakers the quote pass found).
    public var mentions: [EntityMention] = []
    /// Entities, each with its mentions.
    public var entities: [Entity] = []
    /// The index in ``entities`` of each of ``mentions``.
    public var entityOfMention: [Int] = []
    /// Quotes and their speakers, in text order.
    public var quotes: [Quote] = []
    /// Reporting verbs and quote marks, found once for the speaker pass and the quotes.
    public var speechMarks: SpeechMarks?
    /// The layers present.
    public var layers: Configuration.Layers = []
    /// The language of the text (ISO 639-1), or nil when too little text tells.
    public var language: String?
    /// The stages skipped because the document is not in Indonesian.
    public var skippedStages: [String] = []

    /// A document to analyse.
    public init(id: String, bytes: [UInt8], format: InputFormat, context: RecordContext = RecordContext(source: nil),
                charset: String? = nil) {
        self.id = id
        self.format = format
        self.context = context
        self.charset = charset
        input = bytes
        inputBytes = bytes.count
    }

    /// The analysed text (an article's body, or the whole text).
    public var text: String { document.text }

    /// The text of a byte range of the analysed text (a quote's part, a mention).
    public func text(_ range: TextRange) -> String { document.text(range) }

    /// The people named in the document.
    public var people: [Entity] { entities.filter { $0.type == .per } }

    /// The document's JSON record (one line, without its newline).
    public func record(tokens: Bool = false) -> String {
        var out = JSONWriter(capacity: document.bytes.count * 2 + 512)
        RecordWriter(tokens: tokens).write(self, to: &out)
        var bytes = out.finish()
        if bytes.last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
