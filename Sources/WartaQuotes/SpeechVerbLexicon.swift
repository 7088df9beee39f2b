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
            let bit = key.withUnsafeBufferPointer { SpeechVerbLexicon.fingerprint($0, 0, $0.count) }
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    /// A Bloom-style filter over each form's ``fingerprint(_:_:_:)``: most words of running
    /// text are turned away without being hashed.
    let filter: [UInt64]
    static let filterWords = 1024

    /// A 16-bit hash of the word at `p[s..<e]` (3 to 16 bytes), case folded: its first and
    /// last eight bytes (overlapping, so a word of up to 16 bytes is read whole) mixed with its
    /// length. Indonesian verb forms share prefixes and suffixes (`memaparkan`, `memberikan`),
    /// so every byte counts. Read byte by byte; ``marks(in:)`` reads the same two words with
    /// two loads.
    static func fingerprint(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let n = e - s, m = min(n, 8)
        var head: UInt64 = 0, tail: UInt64 = 0
        for k in 0..<m {
            head |= UInt64(p[s + k]) << UInt64(8 * k)
            tail |= UInt64(p[e - m + k]) << UInt64(8 * k)
        }
        return mix(head, tail, n)
    }

    /// The fingerprint of a word of `n` bytes whose first and last `min(n, 8)` bytes are
    /// `head` and `tail` (little-endian).
    @inline(__always)
    static func mix(_ head: UInt64, _ tail: UInt64, _ n: Int) -> Int {
        let fold: UInt64 = 0x2020_2020_2020_2020
        let x = (head | fold) &* 0x9E37_79B9_7F4A_7C15 ^ (tail | fold) &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(truncatingIfNeeded: n)
        return Int(truncatingIfNeeded: (x &* 0xFF51_AFD7_ED55_8CCD) >> 48)
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
        let bit = SpeechVerbLexicon.fingerprint(word, 0, word.count)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
        return table.value(word, lowercase: true)
    }

    /// The quote marks of `doc`, and the tokens that are reporting verbs where a pattern could
    /// use them (opening a sentence, next to a comma or `bahwa`, after a capitalised word or a
    /// comma, after `dia`, `ia`, `beliau`), in one pass over the token columns. A sentence
    /// without such a verb has no indirect quote.
    ///
    /// The pass is branch-free for almost every token: each token's fingerprint is computed from
    /// two unaligned loads whether it is a word or not, and only a word of 3 to 16 bytes whose
    /// fingerprint passes the filter, or a quote mark, is looked at further (about one token in
    /// twelve of running text).
    func marks(in doc: Document) -> Marks {
        let t = doc.tokens
        let n = t.count
        var cues: [Marks.Cue] = []
        var quotes: [Int32] = []
        let nameOrComma = TokenFlags.comma.rawValue | TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue
        let quote = TokenFlags.openingQuote.rawValue | TokenFlags.closingQuote.rawValue
        let sentenceStarts = doc.sentenceTokenStarts
        var sentence = 0  // the first sentence starting at or after the last word looked at
        let wordKind = TokenKind.word.rawValue
        doc.bytes.withUnsafeBufferPointer { p in
        t.starts.withUnsafeBufferPointer { starts in
        t.ends.withUnsafeBufferPointer { ends in
        t.flags.withUnsafeBufferPointer { flags in
        t.kinds.withUnsafeBufferPointer { kinds in
        filter.withUnsafeBufferPointer { filter in
            /// Token `i` passed the filter or has a quote flag: record it if it is a quote mark,
            /// or a verb form next to what a pattern needs.
            func consider(_ i: Int, _ s: Int, _ e: Int) {
                guard kinds[i] == .word else {
                    if flags[i].rawValue & quote != 0 && kinds[i] == .punctuation { quotes.append(Int32(i)) }
                    return
                }
                guard e - s >= 3, e - s <= 16 else { return }
                var near = i == 0 || flags[i - 1].rawValue & nameOrComma != 0
                if !near {
                    // The first word of a sentence (`Menurut Joko, …`).
                    while sentence < sentenceStarts.count && Int(sentenceStarts[sentence]) < i { sentence += 1 }
                    near = sentence < sentenceStarts.count && Int(sentenceStarts[sentence]) == i
                }
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
                guard near, let v = table.value(UnsafeBufferPointer(rebasing: p[s..<e]), lowercase: true) else { return }
                cues.append(Marks.Cue(token: Int32(i), verb: v))
            }
            guard p.count >= 8 else {
                // A tiny text: byte by byte.
                for i in 0..<n {
                    let s = Int(starts[i]), e = Int(ends[i])
                    let fits = kinds[i] == .word && e - s >= 3 && e - s <= 16
                    let bit = fits ? SpeechVerbLexicon.fingerprint(p, s, e) : 0
                    if fits && filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 || flags[i].rawValue & quote != 0 { consider(i, s, e) }
                }
                return
            }
            let base = UnsafeRawPointer(p.baseAddress!)
            let lastLoad = p.count - 8
            for i in 0..<n {
                let s = Int(starts[i]), e = Int(ends[i]), len = e - s
                // The first min(len, 8) bytes: a load ending inside the text, shifted down.
                let hs = min(s, lastLoad)
                let long = len >= 8
                let head = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: hs, as: UInt64.self)) &>> UInt64(8 &* (s &- hs))
                    & (long ? ~0 : (1 &<< UInt64(8 &* len)) &- 1)
                let last8 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: max(e &- 8, 0), as: UInt64.self))
                let tail = long ? last8 : head
                let bit = SpeechVerbLexicon.mix(head, tail, len)
                let fits = (kinds[i].rawValue == wordKind ? 1 : 0) & (UInt(bitPattern: len &- 3) <= 13 ? 1 : 0)
                let hit = Int(truncatingIfNeeded: filter[bit &>> 6] &>> UInt64(bit & 63)) & fits
                if hit | Int(flags[i].rawValue & quote) != 0 { consider(i, s, e) }
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
extension SpeechVerbLexicon { public func _marksCount(_ doc: Document) -> Int { let m = marks(in: doc); return m.cues.count + m.quotes.count } } // TEMP
