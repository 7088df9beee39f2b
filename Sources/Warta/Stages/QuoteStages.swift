import WartaQuotes
import WartaText

/// Finds the reporting verbs and quote marks once, and adds the speakers the tagger missed (an
/// unknown name as the subject of a reporting verb) to the mentions, before resolution gives
/// them identities.
public struct SpeakerStage: Stage {
    /// Entity and quote rules are for Indonesian.
    public var isIndonesianOnly: Bool { true }
    /// The attributor.
    public let attributor: QuoteAttributor
    /// `speakers`.
    public var name: String { "speakers" }

    /// A stage over `attributor`.
    public init(attributor: QuoteAttributor) { self.attributor = attributor }

    /// Sets the speech marks and adds missed speakers to the mentions.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        let marks = attributor.marks(in: document.document)
        document.speechMarks = marks
        document.mentions = attributor.addingSpeakers(document.document, to: document.mentions, marks: marks)
    }
}

/// Attributes direct and indirect quotes to their speakers over the resolved entities
/// (`QuoteAttributor`): the quotes layer.
public struct QuoteStage: Stage {
    /// Entity and quote rules are for Indonesian.
    public var isIndonesianOnly: Bool { true }
    /// The attributor.
    public let attributor: QuoteAttributor
    /// `quotes`.
    public var name: String { "quotes" }

    /// A stage over `attributor`.
    public init(attributor: QuoteAttributor) { self.attributor = attributor }

    /// Sets the document's quotes.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        let marks = document.speechMarks ?? attributor.marks(in: document.document)
        let quotes = attributor.attribute(document.document, mentions: document.mentions, entities: document.entities,
                                          entityOfMention: document.entityOfMention, marks: marks)
        document.quotes = QuoteStage.withoutDateline(quotes, datelineEnd(of: document))
        document.speechMarks = nil
        document.layers.insert(.quotes)
    }

    /// Where the article's dateline (`JAKARTA, KOMPAS.com -`) and the spaces after it end in the
    /// document's text, when the text opens with it; 0 otherwise.
    func datelineEnd(of document: AnalyzedDocument) -> Int {
        guard let dateline = document.article?.dateline else { return 0 }
        let bytes = document.document.bytes, head = dateline.text.utf8
        guard !head.isEmpty, bytes.starts(with: head) else { return 0 }
        var end = head.count
        while end < bytes.count, bytes[end] == 0x20 { end += 1 }
        return end
    }

    /// `quotes` with the dateline taken off the statement that opens the text (`Hal itu
    /// disampaikan Prabowo …` makes the first sentence, dateline and all, reported speech):
    /// the dateline is the publisher's, not anyone's words.
    static func withoutDateline(_ quotes: [Quote], _ end: Int) -> [Quote] {
        guard end > 0, let first = quotes.first?.parts.first, Int(first.start) < end else { return quotes }
        var out = quotes
        for k in out.indices {
            guard let part = out[k].parts.first, Int(part.start) < end else { break }
            if Int(part.end) <= end {
                out[k].parts.removeFirst()
            } else {
                out[k].parts[0] = TextRange(end, Int(part.end))
            }
        }
        return out.filter { !$0.parts.isEmpty }
    }
}
