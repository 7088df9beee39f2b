import WartaEntities

/// Tags people, organizations, places, facilities, events, dates, times and amounts
/// (`EntityTagger`): the mentions layer.
public struct EntityTaggingStage: Stage {
    /// Entity and quote rules are for Indonesian.
    public var isIndonesianOnly: Bool { true }
    /// The tagger.
    public let tagger: EntityTagger
    /// Also the places and organizations inside longer names.
    public let nested: Bool
    /// `entities`.
    public var name: String { "entities" }

    /// A stage over `tagger`.
    public init(tagger: EntityTagger, nested: Bool = false) { self.tagger = tagger; self.nested = nested }

    /// Sets the document's mentions.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        document.mentions = tagger.tag(document.document, nested: nested)
    }
}

/// Gives each entity one identity (`EntityResolver`): the entities layer.
public struct EntityResolutionStage: Stage {
    /// Entity and quote rules are for Indonesian.
    public var isIndonesianOnly: Bool { true }
    /// `resolve`.
    public var name: String { "resolve" }

    /// Creates the stage.
    public init() {}

    /// Groups the document's mentions into entities.
    public func process(_ document: inout AnalyzedDocument) throws(WartaError) {
        (document.entities, document.entityOfMention) = EntityResolver().resolveIndexed(document.mentions, in: document.document)
        document.layers.insert(.entities)
    }
}
