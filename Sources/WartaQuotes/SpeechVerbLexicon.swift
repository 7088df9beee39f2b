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

    /// Whether this is `menurut` (or `menurutnya`), which puts the speaker before the statement.
    public var isMenurut: Bool { kind & 1 != 0 }
    /// Whether the root is a verb of saying (`kata`, `ujar`, `jelas`, …) whose active form
    /// introduces reported speech even without a comma.
    public var isSaying: Bool { kind & 2 != 0 }
    /// Bits of ``isMenurut`` and ``isSaying``, computed once from the lemma.
    let kind: UInt8

    /// The roots whose active forms introduce reported speech without a comma
    /// (`Bagyo mengatakan terjadi hujan abu …`).
    static let sayingLemmas: Set<String> = ["kata", "ujar", "tutur", "jelas", "terang", "ungkap", "papar", "tegas", "nyata",
                                            "imbuh", "tambah", "pendapat"]

    init(lemma: String, form: Form, isCore: Bool, isAmbiguous: Bool) {
        self.lemma = lemma; self.form = form; self.isCore = isCore; self.isAmbiguous = isAmbiguous
        kind = (lemma == "menurut" ? 1 : 0) | (SpeechVerb.sayingLemmas.contains(lemma) ? 2 : 0)
    }

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
        var filter = [UInt64](repeating: 0, count: SpeechVerbLexicon.filterWords)
        for (key, _) in keys where key.count >= 3 {
            let bit = key.withUnsafeBufferPointer { SpeechVerbLexicon.signature($0) }
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    /// A filter on each form's length, first two and last letters (16 bits, case folded): most
    /// words of running text are turned away without being hashed.
    let filter: [UInt64]
    static let filterWords = 1024

    @inline(__always)
    static func signature(_ k: UnsafeBufferPointer<UInt8>) -> Int { signature(k, 0, k.count) }

    /// The signature of the word at `p[s..<e]`.
    @inline(__always)
    static func signature(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        (e - s) & 15 | Int(p[e - 1] & 31) << 4 | Int(p[s] & 31) << 9 | Int(p[s + 1] & 3) << 14
    }

    /// The verb that token `i` of `doc` is, if any (case-insensitive).
    public func verb(atToken i: Int, of doc: Document) -> SpeechVerb? {
        index(atToken: i, of: doc).map { verbs[Int($0)] }
    }

    /// The index into ``verbs`` of token `i`'s form: only words of 3 to 16 bytes are looked up.
    func index(atToken i: Int, of doc: Document) -> Int32? {
        guard doc.tokens.kinds[i] == .word else { return nil }
        return doc.bytes.withUnsafeBufferPointer { p in
            index(of: UnsafeBufferPointer(rebasing: p[Int(doc.tokens.starts[i])..<Int(doc.tokens.ends[i])]))
        }
    }

    /// The index into ``verbs`` of `word` (UTF-8), if it is a form: words of 3 to 16 bytes that
    /// pass the filter are looked up.
    @inline(__always)
    func index(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard word.count >= 3, word.count <= 16 else { return nil }
        let bit = SpeechVerbLexicon.signature(word)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return table.value(word, lowercase: true)
    }

    /// The quote marks of `doc`, and the tokens that are reporting verbs where a pattern could
    /// use them (next to a comma or `bahwa`, after a capitalised word or a comma, after `dia`,
    /// `ia`, `beliau`), in one pass over the token columns; most words are never hashed.
    func marks(in doc: Document) -> Marks {
        let t = doc.tokens
        let n = t.count
        var cues: [Marks.Cue] = []
        var quotes: [Int32] = []
        let nameOrComma = TokenFlags.comma.rawValue | TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue
        let quote = TokenFlags.openingQuote.rawValue | TokenFlags.closingQuote.rawValue
        doc.bytes.withUnsafeBufferPointer { p in
        t.starts.withUnsafeBufferPointer { starts in
        t.ends.withUnsafeBufferPointer { ends in
        t.flags.withUnsafeBufferPointer { flags in
        t.kinds.withUnsafeBufferPointer { kinds in
        filter.withUnsafeBufferPointer { filter in
            for i in 0..<n {
                guard kinds[i] == .word else {
                    if flags[i].rawValue & quote != 0 && kinds[i] == .punctuation { quotes.append(Int32(i)) }
                    continue
                }
                let s = Int(starts[i]), e = Int(ends[i])
                guard e - s >= 3, e - s <= 16 else { continue }
                // A filter on length and letters turns away most words first.
                let bit = SpeechVerbLexicon.signature(p, s, e)
                guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                var near = i == 0 || flags[i - 1].rawValue & nameOrComma != 0
                if !near {
                    // dia, ia, beliau (lower case: capitalised ones passed above)
                    let b = Int(starts[i - 1]), c = ends[i - 1] - starts[i - 1]
                    near = c == 2 && p[b] == 0x69 && p[b + 1] == 0x61
                        || c == 3 && p[b] == 0x64 && p[b + 1] == 0x69 && p[b + 2] == 0x61
                        || c == 6 && p[b] == 0x62 && p[b + 1] == 0x65 && p[b + 5] == 0x75
                }
                if !near, i + 1 < n {
                    let b = Int(starts[i + 1])
                    near = flags[i + 1].contains(.comma)
                        || ends[i + 1] - starts[i + 1] == 5 && p[b] == 0x62 && p[b + 1] == 0x61 && p[b + 4] == 0x61
                }
                guard near, let v = table.value(UnsafeBufferPointer(rebasing: p[s..<e]), lowercase: true) else { continue }
                cues.append(Marks.Cue(token: Int32(i), verb: v))
            }
        }
        }
        }
        }
        }
        }
        return Marks(cues: cues, quotes: quotes)
    }
}

/// What one pass over a document's tokens finds for quote attribution.
struct Marks {
    /// A reporting verb: its token and its index into ``SpeechVerbLexicon/verbs``.
    struct Cue {
        var token: Int32
        var verb: Int32
    }
    /// Reporting verbs where a pattern can use them, in text order.
    var cues: [Cue] = []
    /// Quote mark tokens, in text order.
    var quotes: [Int32] = []
}
