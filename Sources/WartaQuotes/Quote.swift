import WartaText

/// A statement in a document and who made it.
public struct Quote: Sendable, Equatable {
    /// How the statement is reported.
    public enum Kind: String, Sendable {
        /// Words in quote marks: `“Nanti akan kami lakukan …,” imbuhnya.`
        case direct
        /// Reported speech: `Tri menjelaskan, regulasi … sedang disusun.`
        case indirect
        /// Reported speech with a quoted fragment.
        case mixed
    }

    /// The kind.
    public var kind: Kind
    /// The statement's pieces as byte ranges of the document's text, without quote marks: one for
    /// most quotes, two when the attribution interrupts it (`“Misalnya …,” kata dia, “sekarang …”`)
    /// or when it runs over several paragraphs.
    public var parts: [TextRange]
    /// The reporting verb, when there is one.
    public var cue: QuoteCue?
    /// Who made the statement; nil when no speaker could be found with confidence.
    public var speaker: Speaker?

    /// From the start of the first part to the end of the last.
    public var range: TextRange { TextRange(Int(parts[0].start), Int(parts[parts.count - 1].end)) }

    /// Creates a quote.
    public init(kind: Kind, parts: [TextRange], cue: QuoteCue? = nil, speaker: Speaker? = nil) {
        self.kind = kind; self.parts = parts; self.cue = cue; self.speaker = speaker
    }
}

/// The reporting verb of a quote (`ujarnya`, `mengatakan`, `Menurut`).
public struct QuoteCue: Sendable, Equatable {
    /// Its token.
    public var token: Int
    /// Its byte range.
    public var range: TextRange
    /// Its root (`ujar`, `kata`, `menurut`).
    public var lemma: String
}

/// The person (or organization) a quote is attributed to.
public struct Speaker: Sendable, Equatable {
    /// How the speaker was found.
    public enum Resolution: String, Sendable {
        /// Named next to the cue: `kata Joko`.
        case name
        /// A pronoun or `-nya` resolved to the last speaker or a person introduced since.
        case pronoun
        /// A role standing for its holder: `kata Presiden`.
        case role
        /// No cue: the speaker of the statement just before.
        case previous
    }

    /// The speaker's full name, when known.
    public var name: String?
    /// Index of the speaker's entity in the entity list the attributor was given.
    public var entity: Int?
    /// The speaker's role (`Kepala Kementerian Perindustrian Kota Semarang`), when stated.
    public var role: String?
    /// The organization in the role (`Kementerian Perindustrian Kota Semarang`), when there is one.
    public var affiliation: String?
    /// The words in the quote's sentence that name or stand for the speaker (a name, `dia`,
    /// `Presiden`, or the `nya` of `ujarnya`), as a byte range.
    public var mention: TextRange
    /// How the speaker was found.
    public var resolvedBy: Resolution
}
