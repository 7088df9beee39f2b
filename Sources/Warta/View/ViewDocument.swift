/// What a page of ``HTMLPageWriter`` shows: an article's metadata, its text, and the entities and
/// quotes found in it as byte ranges of that text. A plain value, independent of how the
/// pipeline that filled it is built.
public struct ViewDocument: Sendable, Equatable {
    /// An entity mention: where it stands and which entity it names.
    public struct Mention: Sendable, Equatable {
        /// Its bytes in ``ViewDocument/text``.
        public var range: Range<Int>
        /// `PER`, `ORG`, `LOC`, `FAC`, `EVENT`, `DATE`, `TIME`, `MONEY`, `PERCENT`, `QUANTITY`.
        public var type: String
        /// The name of its entity (the fullest of the entity's mentions).
        public var name: String
        /// The lexicon entry's identifier, when the entity is in a lexicon.
        public var lexiconID: String?
        /// Whether it lies inside a longer mention (`Kota Semarang` in `DPRD Kota Semarang`).
        public var nested: Bool
        /// Its entity's index: mentions with the same index name the same entity.
        public var entity: Int

        /// Creates a mention.
        public init(range: Range<Int>, type: String, name: String, lexiconID: String? = nil, nested: Bool = false,
                    entity: Int) {
            self.range = range; self.type = type; self.name = name; self.lexiconID = lexiconID
            self.nested = nested; self.entity = entity
        }
    }

    /// Who a statement is attributed to.
    public struct Attribution: Sendable, Equatable {
        /// The speaker's full name, when known.
        public var name: String?
        /// The speaker's role, when stated.
        public var role: String?
        /// How the speaker was found: `name`, `pronoun`, `role` or `previous`.
        public var resolvedBy: String
        /// The words naming or standing for the speaker next to the quote, when they are in the text.
        public var mention: Range<Int>?

        /// Creates an attribution.
        public init(name: String?, role: String? = nil, resolvedBy: String, mention: Range<Int>? = nil) {
            self.name = name; self.role = role; self.resolvedBy = resolvedBy; self.mention = mention
        }
    }

    /// A quote: its pieces of text, its reporting verb and its speaker.
    public struct Statement: Sendable, Equatable {
        /// How the statement is reported.
        public enum Kind: String, Sendable {
            /// Words in quote marks.
            case direct
            /// Reported speech.
            case indirect
            /// Reported speech with a quoted fragment.
            case mixed
        }

        /// The kind.
        public var kind: Kind
        /// The statement's pieces, in text order.
        public var parts: [Range<Int>]
        /// The reporting verb's bytes, when there is one.
        public var cue: Range<Int>?
        /// The verb's root (`ujar`, `kata`).
        public var cueLemma: String?
        /// The speaker, when found.
        public var speaker: Attribution?

        /// Creates a statement.
        public init(kind: Kind, parts: [Range<Int>], cue: Range<Int>? = nil, cueLemma: String? = nil,
                    speaker: Attribution? = nil) {
            self.kind = kind; self.parts = parts; self.cue = cue; self.cueLemma = cueLemma; self.speaker = speaker
        }
    }

    /// The headline.
    public var title: String?
    /// The site's name.
    public var site: String?
    /// The section.
    public var section: String?
    /// The publication time as it is shown (`2022-05-12 10:00 WIB`).
    public var published: String?
    /// The writers.
    public var authors: [String] = []
    /// The editors.
    public var editors: [String] = []
    /// The dateline as written (`SEMARANG (Sigi Jateng) –`).
    public var dateline: String?
    /// The article's address (shown, never loaded).
    public var url: String?
    /// The page language (`id`).
    public var language: String?
    /// The analysed text, UTF-8.
    public var text: [UInt8]
    /// The paragraphs as byte ranges of ``text``.
    public var paragraphs: [Range<Int>] = []
    /// The entity mentions, in text order.
    public var mentions: [Mention] = []
    /// The quotes, in text order.
    public var statements: [Statement] = []

    /// Creates a document over `text`; the other fields are set one by one.
    public init(text: [UInt8]) { self.text = text }

    /// How an ISO 8601 time reads in an Indonesian newsroom: `2022-05-12T10:00:00+07:00` →
    /// `2022-05-12 10:00 WIB` (`+08:00` WITA, `+09:00` WIT); anything else as it is.
    public static func displayTime(_ iso: String) -> String {
        let b = Array(iso.utf8)
        guard b.count >= 16, b[10] == UInt8(ascii: "T") else { return iso }
        let shown = String(decoding: b[0..<10], as: UTF8.self) + " " + String(decoding: b[11..<16], as: UTF8.self)
        if b.last == UInt8(ascii: "Z") { return shown + " UTC" }
        guard b.count >= 22, b[b.count - 6] == UInt8(ascii: "+") || b[b.count - 6] == UInt8(ascii: "-") else { return shown }
        let offset = String(decoding: b[(b.count - 6)...], as: UTF8.self)
        let zones = ["+07:00": "WIB", "+08:00": "WITA", "+09:00": "WIT"]
        return shown + " " + (zones[offset] ?? "UTC" + offset)
    }
}
