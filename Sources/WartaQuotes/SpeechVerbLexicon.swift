import WartaEntities
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

    /// The roots whose active forms take a clause, so they introduce reported speech without a
    /// comma (`Bagyo mengatakan terjadi hujan abu …`): verbs of saying, and the verbs of stance
    /// news reports speech with (`mengaku`, `menilai`, `menyebut`, `mengklaim`, `berharap`).
    static let sayingLemmas: Set<String> = ["kata", "ujar", "tutur", "jelas", "terang", "ungkap", "papar", "tegas", "nyata",
                                            "imbuh", "tambah", "pendapat", "aku", "nilai", "sebut", "klaim", "harap"]

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
    /// The match keys of the forms after which a capitalised word is the speaker (`kata Bima`,
    /// `ujar Kepala Dinas`, `menurut Budi`), which the entity tagger reads as cues (see
    /// ``SpeechVerbList/speakerCueKeys(tsv:)``).
    public let speakerCueKeys: [[UInt8]]
    /// The match keys of the forms whose subject is the speaker (`Tumiran mengungkapkan`), which
    /// the entity tagger reads too (see ``SpeechVerbList/subjectVerbKeys(tsv:)``).
    public let subjectVerbKeys: [[UInt8]]

    /// The built-in list (`Lexicons/speech-verbs.tsv`, compiled into the library).
    public static let builtIn = SpeechVerbLexicon(tsv: SpeechVerbList.builtInTSV)

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
        (self.speakerCueKeys, self.subjectVerbKeys) = SpeechVerbList.cueKeys(tsv: tsv)
        table = ByteStringTable(keys)
        var filter = [UInt64](filled: 0, count: SpeechVerbLexicon.filterWords)
        for (key, _) in keys where key.count >= 3 {
            let bit = key.withUnsafeBufferPointer { SpeechVerbLexicon.fingerprint($0, 0, $0.count) }
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        // Quote marks pass the filter too, so the sieve reads no token flags: every character
        // the tokenizer reads as a quote mark, and the doubled ASCII ones (`''`, ``` `` ```).
        for mark in SpeechVerbLexicon.quoteMarkTokens {
            let bit = mark.withUnsafeBufferPointer { SpeechVerbLexicon.fingerprint($0, 0, $0.count) }
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = filter
    }

    /// The texts a quote mark token can have (UTF-8): each character of a quote class (ASCII
    /// and ``CharacterClass/nonASCIIQuotes``), and the doubled ASCII ones.
    static let quoteMarkTokens: [[UInt8]] = {
        var out: [[UInt8]] = []
        for c in Array(UInt32(0x20)..<0x80) + CharacterClass.nonASCIIQuotes {
            switch CharacterClass.of(c) {
            case .quote, .openingQuote, .closingQuote:
                let utf8 = Array(String(Unicode.Scalar(c)!).utf8)
                out.append(utf8)
                if c < 0x80 { out.append(utf8 + utf8) }
            default: continue
            }
        }
        return out
    }()

    /// Whether fingerprint `bit` is in ``filter``.
    @inline(__always)
    func passes(_ bit: Int) -> Bool { filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }

    /// A Bloom-style filter over each form's ``fingerprint(_:_:_:)``: most words of running
    /// text are turned away without being hashed.
    let filter: [UInt64]
    static let filterWords = 1024

    /// A 16-bit hash of the word at `p[s..<e]`, case folded: its first eight bytes (all of a
    /// word of up to eight) mixed with its length. Indonesian verb forms share prefixes and
    /// suffixes (`memaparkan`, `memberikan`), so eight bytes and the length tell them apart
    /// where two letters would not. Read byte by byte; ``sieve(_:_:_:_:into:)`` reads the
    /// same eight bytes with one load.
    static func fingerprint(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var head: UInt64 = 0
        for k in 0..<min(e - s, 8) { head |= UInt64(p[s + k]) << UInt64(8 * k) }
        return mix(head, e - s)
    }

    /// The fingerprint of a word of `n` bytes whose first bytes are the low bytes of `head`
    /// (little-endian; bytes past the word's end are masked off here).
    @inline(__always)
    static func mix(_ head: UInt64, _ n: Int) -> Int {
        let long: UInt64 = n >= 8 ? ~0 : 0
        let word = head & (long | ((1 &<< UInt64(truncatingIfNeeded: 8 &* n)) &- 1))
        let x = (word | 0x2020_2020_2020_2020 ^ UInt64(truncatingIfNeeded: n) &<< 59) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: x >> 48)
    }

    /// Writes into `out` the tokens whose fingerprint passes `filter` (verb forms and quote
    /// marks, and a few others by chance) and returns how many. Branch-free: the first eight
    /// bytes of every token are read with one unaligned load (the text has at least eight
    /// bytes; the last tokens, less than eight bytes from its end, are read with a load ending
    /// at its end and shifted), and each token's index is written, the count moving on only for
    /// a hit.
    @inline(never)
    static func sieve(_ p: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int32>, _ ends: UnsafeBufferPointer<Int32>,
                      _ filter: UnsafeBufferPointer<UInt64>, into out: UnsafeMutablePointer<Int32>) -> Int {
        let base = UnsafeRawPointer(p.baseAddress!)
        let lastLoad = p.count &- 8
        let n = starts.count
        // Tokens `0..<whole` start where eight bytes can be read.
        var whole = n
        while whole > 0 && Int(starts[whole &- 1]) > lastLoad { whole &-= 1 }
        let starts = starts.baseAddress!, ends = ends.baseAddress!, filter = filter.baseAddress!
        var m = 0
        @inline(__always) func look(_ i: Int, _ head: UInt64, _ len: Int) {
            let bit = mix(head, len)
            out[m] = Int32(truncatingIfNeeded: i)
            m &+= Int(truncatingIfNeeded: filter[bit &>> 6] &>> UInt64(truncatingIfNeeded: bit & 63)) & 1
        }
        for i in 0..<whole {
            let s = Int(starts[i])
            look(i, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: s, as: UInt64.self)), Int(ends[i]) &- s)
        }
        for i in whole..<n {
            let s = Int(starts[i])
            let head = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: lastLoad, as: UInt64.self)) &>> UInt64(8 &* (s &- lastLoad))
            look(i, head, Int(ends[i]) &- s)
        }
        return m
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
    func index(of word: UnsafeBufferPointer<UInt8>) -> Int32? { index(in: word, 0, word.count) }

    /// The index into ``verbs`` of the word at `p[s..<e]`, if it is a form: its first eight
    /// bytes are read with one load where the text has room.
    @inline(__always)
    func index(in p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int32? {
        let n = e - s
        guard n >= 3, n <= 16 else { return nil }
        let bit = s + 8 <= p.count
            ? SpeechVerbLexicon.mix(UInt64(littleEndian: UnsafeRawPointer(p.baseAddress!).loadUnaligned(fromByteOffset: s, as: UInt64.self)), n)
            : SpeechVerbLexicon.fingerprint(p, s, e)
        guard passes(bit) else { return nil }
        return table.value(UnsafeBufferPointer(rebasing: p[s..<e]), lowercase: true)
    }

    /// The quote marks of `doc`, and the tokens that are reporting verbs where a pattern could
    /// use them (opening a sentence, next to a comma or `bahwa`, after a capitalised word or a
    /// comma, after `dia`, `ia`, `beliau`), in one pass over the token columns. A sentence
    /// without such a verb has no indirect quote.
    ///
    /// A branch-free sieve (``sieve(_:_:_:_:into:)``) reads only the token offsets and the text
    /// and keeps the tokens whose fingerprint passes the filter: the verb forms, the quote marks
    /// and a few others by chance, about one token in twenty of running text. Only those are
    /// looked at further.
    ///
    /// The marks live in one allocation (not an array: no reference counting, one `malloc`),
    /// which the caller frees with ``Marks/deallocate()``.
    func marks(in doc: Document) -> Marks {
        doc.withColumns { c in
            filter.withUnsafeBufferPointer { filter in
                // The sieve writes the tokens to look at into the quote marks' room; then each is
                // looked at, the cues written to their own room and the quote marks over the
                // sieve's output from its start (never ahead of the token being read).
                let n = max(c.starts.count, 1)
                let storage = UnsafeMutableRawPointer.allocate(
                    byteCount: n * (MemoryLayout<Int32>.stride + MemoryLayout<Marks.Cue>.stride), alignment: MemoryLayout<Marks.Cue>.alignment)
                let cueRoom = UnsafeMutableBufferPointer(start: storage.bindMemory(to: Marks.Cue.self, capacity: n), count: n)
                let out = UnsafeMutableBufferPointer(
                    start: (storage + n * MemoryLayout<Marks.Cue>.stride).bindMemory(to: Int32.self, capacity: n), count: n)
                var m = 0
                if c.bytes.count >= 8 {
                    m = SpeechVerbLexicon.sieve(c.bytes, c.starts, c.ends, filter, into: out.baseAddress!)
                } else {
                    // A tiny text: byte by byte.
                    for i in 0..<c.starts.count {
                        if passes(SpeechVerbLexicon.fingerprint(c.bytes, Int(c.starts[i]), Int(c.ends[i]))) { out[m] = Int32(i); m += 1 }
                    }
                }
                let (cues, quotes) = marks(out, m, c, cues: cueRoom)
                return Marks(cues: UnsafeBufferPointer(rebasing: cueRoom[0..<cues]), quotes: UnsafeBufferPointer(rebasing: out[0..<quotes]),
                             storage: storage)
            }
        }
    }

    /// The marks among the first `count` tokens of `sieved` (in text order): the verb forms next
    /// to what a pattern needs, written to `cues`, and the quote marks, written over `sieved`
    /// from its start. Returns how many of each.
    func marks(_ sieved: UnsafeMutableBufferPointer<Int32>, _ count: Int, _ columns: DocumentColumns,
               cues: UnsafeMutableBufferPointer<Marks.Cue>) -> (cues: Int, quotes: Int) {
        let p = columns.bytes, starts = columns.starts, ends = columns.ends, flags = columns.flags, kinds = columns.kinds
        let sentenceStarts = columns.sentenceTokenStarts
        let n = starts.count
        // After a name, a comma, or a closing bracket (an age or acronym after a name: `Slamet
        // (45) mengaku`, `Badan Pusat Statistik (BPS) mencatat`).
        let nameOrComma = TokenFlags.comma.rawValue | TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue
            | TokenFlags.closingBracket.rawValue
        let quote = TokenFlags.openingQuote.rawValue | TokenFlags.closingQuote.rawValue
        var c = 0, q = 0
        var sentence = 0  // the first sentence starting at or after the last word looked at
        for j in 0..<count {
            let k = sieved[j]
            let i = Int(k), s = Int(starts[i]), e = Int(ends[i])
            guard kinds[i] == .word else {
                if flags[i].rawValue & quote != 0 && kinds[i] == .punctuation { sieved[q] = k; q += 1 }
                continue
            }
            guard e - s >= 3, e - s <= 16 else { continue }
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
            if !near {
                // A name a few words back in the clause, with adverbs, a title or where it was
                // said in between (`Budi juga mengatakan`, `Budi yang juga Ketua RT 05
                // mengatakan`, `Budi kepada wartawan menjelaskan`).
                near = SpeechVerbLexicon.nameShortlyBefore(i, flags, sentenceStart: sentence > 0 ? Int(sentenceStarts[sentence - 1]) : 0)
            }
            guard near, let v = table.value(UnsafeBufferPointer(rebasing: p[s..<e]), lowercase: true) else { continue }
            cues[c] = Marks.Cue(token: k, verb: v)
            c += 1
        }
        return (c, q)
    }

}

extension SpeechVerbLexicon {
    /// Whether a capitalised word stands among the eight tokens before token `i`, after
    /// `sentenceStart` and after the last comma or closing mark before `i`.
    static func nameShortlyBefore(_ i: Int, _ flags: UnsafeBufferPointer<TokenFlags>, sentenceStart: Int) -> Bool {
        let capital = TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue
        let stop = TokenFlags.comma.rawValue | TokenFlags.terminal.rawValue | TokenFlags.closingQuote.rawValue
        var j = i - 1
        while j >= max(sentenceStart, i - 8) {
            let f = flags[j].rawValue
            if f & stop != 0 { return false }
            if f & capital != 0 { return true }
            j -= 1
        }
        return false
    }
}

/// What one pass over a document's tokens finds for quote attribution, in one allocation that
/// ``deallocate()`` frees.
struct Marks {
    /// A reporting verb: its token and its index into ``SpeechVerbLexicon/verbs``.
    struct Cue {
        var token: Int32
        var verb: Int32
    }
    /// Reporting verbs where a pattern can use them, in text order.
    let cues: UnsafeBufferPointer<Cue>
    /// Quote mark tokens, in text order.
    let quotes: UnsafeBufferPointer<Int32>
    let storage: UnsafeMutableRawPointer

    /// Frees the buffers.
    func deallocate() { storage.deallocate() }
}
