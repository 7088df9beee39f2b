import WartaText

/// A reporting verb form from `Lexicons/speech-verbs.tsv` (`ujarnya`, `mengatakan`, `menurut`).
public struct SpeechVerb: Sendable, Hashable {
    /// How the form is built from its root.
    public enum Form: String, Sendable {
        /// The root alone: `kata`, `ujar`, `jelas`.
        case bare
        /// The root with `-nya`, which stands for the speaker: `ujarnya`, `jelasnya`.
        case nya
        /// An active verb: `mengatakan`, `menjelaskan`, `berkata`.
        case men
        /// A passive verb: `dikatakan`.
        case di
        /// A passive verb with `-nya`: `dikatakannya`.
        case dinya
        /// `menurut`, which introduces the speaker before the statement.
        case preposition
    }

    /// The root (`kata` for `mengatakan`), written as the cue's lemma.
    public let lemma: String
    /// The form.
    public let form: Form
    /// Whether the form is in the core tier (reports speech) rather than the extended one
    /// (denials, requests, opinions).
    public let isCore: Bool
    /// Whether the form is also an adjective or an ordinary word (`jelas`, `tambah`), so it is a
    /// cue only in a reporting construction.
    public let isAmbiguous: Bool

    /// Whether the form ends in `-nya` standing for the speaker.
    public var hasSpeakerClitic: Bool { form == .nya || form == .dinya }
}

/// The reporting verbs, compiled once into a byte table keyed by lower-case form.
public struct SpeechVerbLexicon: Sendable {
    /// The verbs, indexed by the table's values.
    public let verbs: [SpeechVerb]
    let table: ByteStringTable

    /// The built-in list (`Lexicons/speech-verbs.tsv`, compiled into the library).
    public static let builtIn = SpeechVerbLexicon(tsv: EmbeddedSpeechVerbs.speechVerbs)

    /// Compiles a TSV text with the columns form, lemma, kind, tier, ambiguous (and a header row).
    public init(tsv: String) {
        var verbs: [SpeechVerb] = []
        var keys: [([UInt8], Int32)] = []
        for row in TokenizerLexicon.rows(tsv) where row.count >= 5 {
            guard let form = SpeechVerb.Form(rawValue: String(decoding: row[2], as: UTF8.self)) else { continue }
            let verb = SpeechVerb(lemma: String(decoding: row[1], as: UTF8.self), form: form,
                                  isCore: row[3].elementsEqual("core".utf8), isAmbiguous: row[4].elementsEqual("yes".utf8))
            keys.append((MatchKey.make(String(decoding: row[0], as: UTF8.self)).utf8.map { $0 }, Int32(verbs.count)))
            verbs.append(verb)
        }
        self.verbs = verbs
        table = ByteStringTable(keys)
    }

    /// The verb that token `i` of `doc` is, if any (case-insensitive).
    public func verb(atToken i: Int, of doc: Document) -> SpeechVerb? {
        index(atToken: i, of: doc).map { verbs[Int($0)] }
    }

    /// The index into ``verbs`` of token `i`'s form: only words of 3 to 16 bytes are looked up.
    func index(atToken i: Int, of doc: Document) -> Int32? {
        let t = doc.tokens
        let count = t.count(i)
        guard count >= 3, count <= 16, t.kinds[i] == .word else { return nil }
        return doc.bytes.withUnsafeBufferPointer { p in
            table.value(UnsafeBufferPointer(rebasing: p[Int(t.starts[i])..<Int(t.ends[i])]), lowercase: true)
        }
    }
}
