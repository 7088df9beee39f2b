import WartaQuotes

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
        document.quotes = attributor.attribute(document.document, mentions: document.mentions, entities: document.entities,
                                               entityOfMention: document.entityOfMention, marks: marks)
        document.speechMarks = nil
        document.layers.insert(.quotes)
    }
}
