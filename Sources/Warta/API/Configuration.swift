import WartaEntities
import WartaQuotes
import WartaText

/// Everything a ``Pipeline`` is built from: which stages run, the lexicons they use, the limits
/// on one document and what records include. Build one, then one pipeline from it, and reuse the
/// pipeline for every document.
public struct Configuration: Sendable {
    /// The analysis layers to produce. Each implies the ones it needs: quotes need entities,
    /// entities need text.
    public struct Layers: OptionSet, Sendable, Hashable {
        /// The raw value.
        public let rawValue: UInt8
        /// Creates layers from a raw value.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Normalized text, paragraphs, sentences, tokens and clitics.
        public static let text = Layers(rawValue: 1)
        /// Entities: people, organizations, places, dates, amounts, with one identity each.
        public static let entities = Layers(rawValue: 2)
        /// Direct and indirect quotes with their speakers.
        public static let quotes = Layers(rawValue: 4)
        /// Every layer.
        public static let all: Layers = [.text, .entities, .quotes]

        /// The layers with the ones they need added.
        public var closed: Layers {
            var l = self
            if l.contains(.quotes) { l.insert(.entities) }
            if l.contains(.entities) { l.insert(.text) }
            return l.union(.text)
        }

        /// Parses a comma-separated list such as `text,entities` (with the layers each needs), or
        /// a usage error naming the unknown word.
        public static func parse(_ list: String) -> Result<Layers, WartaError> {
            var layers: Layers = []
            for word in list.split(separator: ",") {
                switch word.trimmingSpaces {
                case "text", "tokens": layers.insert(.text)
                case "entities": layers.insert(.entities)
                case "quotes": layers.insert(.quotes)
                case "all": layers.formUnion(.all)
                default: return .failure(.usage("unknown stage '\(word)': use text, entities, quotes or all"))
                }
            }
            return .success(layers.closed)
        }
    }

    /// The layers to produce (all by default).
    public var layers: Layers = .all
    /// Read plain text as an article (header lines, dateline, furniture and credits told apart,
    /// as in HTML); false keeps the text whole. HTML is always read as a page.
    public var extractsArticles = true
    /// The entity lexicon (people, organizations, places, roles).
    public var entityLexicon: EntityLexicon
    /// The tokenizer's word lists (abbreviations, clitic exceptions, lemmas).
    public var tokenizerLexicon: TokenizerLexicon
    /// The reporting verbs for quotes (the built-in list unless set).
    public var speechVerbs: SpeechVerbLexicon {
        get { customSpeechVerbs ?? .builtIn }
        set { customSpeechVerbs = newValue }
    }
    /// The reporting verbs set in place of the built-in list: nil builds the built-in lexicon
    /// only when quotes are attributed (a run that tags entities alone starts 12M
    /// instructions sooner).
    private var customSpeechVerbs: SpeechVerbLexicon?
    /// The speaker-cue keys of the entity tagger: nil for the built-in verbs (the tagger's own).
    var speakerCueKeys: [[UInt8]]? { customSpeechVerbs?.speakerCueKeys }
    /// The entity tagger's speech verbs whose subject speaks: nil for the built-in verbs.
    var subjectVerbKeys: [[UInt8]]? { customSpeechVerbs?.subjectVerbKeys }
    /// The sequence model that decides people, organizations and places.
    public var entityModel: EntityModel = .builtIn
    /// Also tag the places and organizations inside longer names.
    public var nestedEntities = false
    /// Documents larger than this many bytes are refused (`too_large`).
    public var maxBytes = 20_000_000
    /// A document still being analysed after this many seconds is abandoned (`timeout`);
    /// checked between stages.
    public var maxSeconds = 30.0
    /// The charset of HTML pages that do not declare their own.
    public var defaultCharset: String?
    /// Records include every token's span and kind.
    public var recordsTokens = false
    /// Run the Indonesian-only stages (entities, quotes) whatever language a document is in.
    public var anyLanguage = false

    /// The default configuration over `entityLexicon` and `tokenizerLexicon` (the built-in
    /// lexicons unless given; ``LexiconCache`` loads them fast).
    public init(entityLexicon: EntityLexicon = .builtIn, tokenizerLexicon: TokenizerLexicon = .builtIn) {
        self.entityLexicon = entityLexicon
        self.tokenizerLexicon = tokenizerLexicon
    }
}

/// Which sequence model the entity tagger uses (decoded only when a pipeline tags entities).
public enum EntityModel: Sendable {
    /// The model built into Warta (trained on the shared train splits; see Models/SOURCES.md).
    case builtIn
    /// No model: the rules alone.
    case none
    /// A model trained with `warta train-ner` (``NERModel/init(data:)``).
    case custom(NERModel)

    /// The model itself, or nil for the rules alone.
    public var model: NERModel? {
        switch self {
        case .builtIn: NERModel.builtIn
        case .none: nil
        case .custom(let m): m
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
