import WartaEntities
import WartaText

/// Finds direct and indirect quotes and attributes each to its speaker.
///
/// Direct quotes are paired quote marks (multi-paragraph quotes and quotes interrupted by their
/// attribution are one quote); indirect quotes are reported speech around a reporting verb
/// (`Menurut X, …`, `X mengatakan, …`, `…, kata X.`, `…, kata dia, …`). The speaker is the name,
/// pronoun or role next to the cue; pronouns and `-nya` go to the last speaker, or to a person
/// introduced since as a sentence's subject; roles go to the person holding them. A speaker that
/// cannot be found with confidence is left out.
///
/// An attributor is one reference to its compiled lists: copying it (per document, per thread)
/// costs one reference count, not one per table.
public struct QuoteAttributor: Sendable {
    /// The lists, compiled once.
    let words: QuoteWords
    /// The reporting verbs.
    public var verbs: SpeechVerbLexicon { words.verbs }
    /// The entity lexicon, for roles standing for their holder (`kata Presiden`).
    public var lexicon: EntityLexicon { words.lexicon }

    /// Creates an attributor; `commonWords` are the common words a name is not made of only
    /// (the tokenizer's list by default).
    public init(verbs: SpeechVerbLexicon = .builtIn, lexicon: EntityLexicon = .builtIn,
                commonWords: CommonWords = TokenizerLexicon.builtIn.commonWords) {
        words = QuoteWords(verbs: verbs, lexicon: lexicon, commonWords: commonWords)
    }

    /// The reporting verbs and quote marks of `doc`, found in one pass over its tokens. Find
    /// them once per document and pass them to ``addingSpeakers(_:to:marks:)`` and
    /// ``attribute(_:mentions:entities:entityOfMention:marks:)``.
    public func marks(in doc: Document) -> SpeechMarks {
        SpeechMarks(words.verbs.marks(in: doc))
    }

    /// The quotes of `doc` in text order. `mentions` are the entity tagger's (nested ones are
    /// ignored), `entities` the resolver's groups of them and `entityOfMention` each mention's
    /// entity (the resolver gives it); speakers point into `entities`.
    public func attribute(_ doc: Document, mentions: [EntityMention], entities: [Entity], entityOfMention: [Int],
                          marks: SpeechMarks) -> [Quote] {
        withExtendedLifetime(marks) {
            attribute(doc, mentions: mentions, entities: entities, entityOfMention: entityOfMention, marks: marks.marks)
        }
    }

    /// The quotes of `doc` in text order, looking up each mention's entity (slower than giving it).
    public func attribute(_ doc: Document, mentions: [EntityMention], entities: [Entity]) -> [Quote] {
        let marks = marks(in: doc)
        return withExtendedLifetime(marks) {
            attribute(doc, mentions: mentions, entities: entities, entityOfMention: nil, marks: marks.marks)
        }
    }

    func attribute(_ doc: Document, mentions: [EntityMention], entities: [Entity], entityOfMention: [Int]?,
                   marks: Marks) -> [Quote] {
        // No reporting verb and no quote mark: nothing to attribute (most sentences of running text).
        if marks.cues.isEmpty && marks.quotes.isEmpty { return [] }
        let known = entityOfMention.flatMap { $0.count == mentions.count ? $0 : nil }
            ?? QuoteScan.entities(ofMentions: mentions, entities)
        // The scan reads the text and token columns in place (no bounds checks in its hot loops).
        return doc.withColumns { columns in
            QuoteScan(words: words, columns: columns, paragraphRanges: doc.paragraphRanges, mentions: mentions,
                      entities: entities, entityOfMention: known, marks: marks).run()
        }
    }
}

/// The reporting verbs and quote marks of one document (``QuoteAttributor/marks(in:)``), found
/// once and read by the speaker pass and the attribution. Immutable; its buffer is freed with it.
public final class SpeechMarks: @unchecked Sendable {
    let marks: Marks
    init(_ marks: Marks) { self.marks = marks }
    deinit { marks.deallocate() }
    /// How many reporting verbs a pattern can use.
    public var cueCount: Int { marks.cues.count }
    /// How many quote marks.
    public var quoteMarkCount: Int { marks.quotes.count }
}

/// The word lists of one attributor, in one immutable object: an attributor or a scan holds
/// one reference to it (a copy of each table per document, or per lookup of a static table,
/// costs more than the lookups).
final class QuoteWords: Sendable {
    let verbs: SpeechVerbLexicon
    let lexicon: EntityLexicon
    /// First-word keys of the lexicon's roles and ranks (`kepala`, `juru`, `kapolres`).
    let roleHeads: ByteStringTable
    let pronouns = ByteStringTable(keys: ["dia", "ia", "beliau"])
    let adverbs = ByteStringTable(keys: [
        "juga", "pun", "pula", "lagi", "kembali", "lalu", "kemudian", "sempat", "bahkan", "sendiri", "lebih",
        "lanjut", "turut", "hanya", "sudah", "telah", "masih", "tegas", "secara", "terpisah", "saat", "itu", "ketika",
        "dihubungi", "dikonfirmasi",
    ])
    let prepositions = ByteStringTable(keys: [
        "oleh", "dengan", "kepada", "dari", "untuk", "bersama", "terhadap", "tentang", "soal", "bagi", "pada", "atas",
        "dan", "atau", "antara",
    ])
    /// Words that open a phrase of where, when or how something was said, between a speaker
    /// and the verb (`dalam pidatonya`, `kepada wartawan`, `saat dihubungi`).
    let circumstances = ByteStringTable(keys: [
        "dalam", "di", "kepada", "saat", "ketika", "usai", "seusai", "selepas", "setelah", "sesudah", "melalui", "lewat",
        "sewaktu", "pada",
    ])
    /// Words that open a source after the speaker (`dikutip dari Antara`, `seperti dilansir
    /// Reuters`): where the words were taken from, not more of them.
    let sourceWords = ByteStringTable(keys: ["dikutip", "dilansir", "mengutip", "melansir", "dinukil", "disiarkan"])
    /// Words of the occasion of saying (`saat dihubungi wartawan`, `dalam keterangan
    /// tertulisnya`, `usai rapat`): a phrase of ``circumstances`` holding one tells how the words
    /// were said.
    let occasionWords = ByteStringTable(keys: [
        "wartawan", "jurnalis", "keterangan", "keterangannya", "pidato", "pidatonya", "sambutan", "sambutannya",
        "konferensi", "jumpa", "wawancara", "dihubungi", "dikonfirmasi", "ditemui", "dijumpai", "rapat", "siaran", "pers",
    ])
    /// The days of the week, which date a statement alone (`…, kata Budi, Senin.`).
    let days = ByteStringTable(keys: ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"])
    /// Nouns of someone close to a person, who speaks for themself (`rekan Zuckerberg`, `istri
    /// Budi`): not honorifics that stand before a name (`Ibu`, `Bapak`).
    let relatives = ByteStringTable(keys: [
        "rekan", "istri", "suami", "anak", "adik", "kakak", "teman", "keluarga", "tetangga", "pengacara", "kerabat",
        "sahabat", "kekasih", "pacar", "menantu", "mertua", "cucu", "sepupu", "keponakan", "ajudan", "asisten",
    ])
    /// Words between `yang` and the title it gives a speaker (`yang juga Ketua RT 05`, `yang
    /// merupakan pengamat`).
    let copulas = ByteStringTable(keys: ["juga", "merupakan", "adalah", "sekaligus", "selaku", "kini", "saat", "ini", "menjabat", "sebagai"])
    /// Common words (the tokenizer's list): a name made only of them is not a name.
    let commonWords: CommonWords
    /// Lower-case words inside a role or an organization's name.
    let roleJoiners = ByteStringTable(keys: ["sekaligus", "dan", "serta", "of", "to", "the", "for", "and"])
    /// Sentence openers after which the next person named is a new topic (`Sementara itu, Joko …`).
    let shiftOpeners = ByteStringTable(keys: ["sementara", "adapun", "terpisah", "sedangkan", "di", "secara", "selain"])
    /// Words that open a sentence pointing back at what was just said (`Demikian disampaikan …`),
    /// and nouns that do so with a demonstrative (`Hal itu dikatakan …`; `Hal senada`, a like
    /// view, points at someone else's words).
    let backReferences = ByteStringTable(keys: ["demikian", "begitu", "itu"])
    let statementNouns = ByteStringTable(keys: ["hal", "pernyataan", "ucapan"])
    /// What `,” demikian …` names as the words' source (``QuoteScan/sourceAfter(_:limit:)``).
    let sourceNouns = ByteStringTable(keys: ["pernyataan", "keterangan", "pengumuman", "laporan", "putusan", "bunyi", "pesan",
                                             "tulis", "tertulis", "siaran", "rilis", "unggahan", "cuitan", "surat"])
    /// Words that open a description of someone not named (``QuoteScan/describesSomeoneElse(_:limit:)``).
    let indefinites = ByteStringTable(keys: ["seorang", "seseorang", "salah", "para", "sejumlah", "beberapa", "sebagian", "banyak",
                                             "sekelompok", "segelintir"])
    /// Connectives that open a sentence before a comma and add nothing to what is reported
    /// (`Sementara itu,`, `Meski begitu,`, `Untuk itu,`, `Oleh karena itu,`). Not prepositions
    /// of topic or time: `Di bidang pertanian,`, `Dengan program tersebut,` are part of it.
    let connectives = ByteStringTable(keys: ["sementara", "selain", "adapun", "sedangkan", "meski", "meskipun", "walau", "walaupun",
                                             "namun", "untuk", "oleh", "karena", "bahkan", "lebih", "akan", "tetapi", "tapi",
                                             "selanjutnya"])
    /// Nouns that describe a person and may open a description pointing back at someone named
    /// before (`pria kelahiran Jawa Tengah ini`, `mantan direktur IMF itu`, `bek berusia 23
    /// tahun itu`), besides the roles' head words. Not `warga` or `sumber`, which stand for
    /// someone not named, nor `media`, `dokumen`, `kelompok`.
    let personNouns = ByteStringTable(keys: [
        "pria", "wanita", "perempuan", "laki-laki", "lelaki", "kakek", "nenek", "pemuda", "pemudi", "remaja", "gadis",
        "bocah", "mantan", "eks", "sosok", "tokoh", "pemain", "penyanyi", "aktor", "aktris", "artis", "atlet", "bek",
        "kiper", "penyerang", "gelandang", "striker", "musisi", "pengusaha", "pengamat", "politikus", "politisi", "ekonom",
        "peneliti", "dokter", "guru", "dosen", "mahasiswa", "mahasiswi", "petani", "nelayan", "pedagang", "sopir",
        "pengemudi", "komedian", "presenter", "penulis", "seniman", "petenis", "pembalap", "pesepak", "pebulu",
        "perenang", "petinju", "pelari", "legenda", "ulama", "ustaz", "pendeta", "advokat", "pengacara", "hakim", "jaksa",
    ])
    /// Words that make a description another of a kind (`warga lainnya`).
    let others = ByteStringTable(keys: ["lainnya", "lain"])
    /// Prepositions that end the source's name: what follows is where it was read (`di laman`, `dalam dokumen`).
    let sourcePrepositions = ByteStringTable(keys: ["di", "dalam", "dari", "pada", "melalui", "kepada", "seperti", "yang"])
    let demonstratives = ByteStringTable(keys: ["itu", "ini", "tersebut"])

    init(verbs: SpeechVerbLexicon, lexicon: EntityLexicon, commonWords: CommonWords) {
        self.verbs = verbs
        self.lexicon = lexicon
        self.commonWords = commonWords
        var heads = Set<String>()
        for e in lexicon.entries(ofType: .role) where e.subtype != "honorific" {
            if let first = e.name.split(separator: " ").first { heads.insert(MatchKey.make(String(first))) }
        }
        roleHeads = ByteStringTable(keys: heads)
    }
}

/// A speech verb of the lexicon's list: its index and the flags the patterns read (a copy of
/// ``SpeechVerb`` would copy its lemma).
struct VerbRef {
    let index: Int32
    let form: SpeechVerb.Form
    let isCore: Bool
    /// ``SpeechVerb``'s bits of `isMenurut` and `isSaying`.
    let kind: UInt8
    /// Verb `index` of `verbs`.
    @inline(__always) init(_ index: Int32, of verbs: [SpeechVerb]) {
        self.index = index
        form = verbs[Int(index)].form; isCore = verbs[Int(index)].isCore; kind = verbs[Int(index)].kind
    }
    var isMenurut: Bool { kind & 1 != 0 }
    var isSaying: Bool { kind & 2 != 0 }
    var hasSpeakerClitic: Bool { form == .nya || form == .dinya }
}

/// What stands for the speaker next to a cue, before resolution.
enum SpeakerPhrase {
    case none
    /// An entity mention (index into the scan's mentions).
    case mention(Int)
    /// `dia`, `ia`, `beliau`, or the `-nya` of `ujarnya` (a byte range).
    case pronoun(TextRange)
    /// Role words without a name, as a token range.
    case role(Range<Int>)
    /// Someone the words after the cue describe without naming (`kata seorang warga`, `ujar
    /// warga lainnya`), or a source that is no speaker (`demikian bunyi spanduk`): not the
    /// speaker before.
    case unnamed

    var isNone: Bool { if case .none = self { return true } else { return false } }
}

/// The token ranges of a quote's parts: up to two held inline (nearly every quote), more in an
/// array (a quote over several paragraphs), so a candidate costs no allocation.
struct Parts: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    private var first = 0..<0, second = 0..<0
    private var more: [Range<Int>] = []
    private(set) var count = 0

    init() {}
    init(arrayLiteral ranges: Range<Int>...) { for r in ranges { append(r) } }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    subscript(i: Int) -> Range<Int> {
        get { i == 0 ? first : i == 1 ? second : more[i - 2] }
        set {
            if i == 0 { first = newValue } else if i == 1 { second = newValue } else { more[i - 2] = newValue }
        }
    }

    mutating func append(_ r: Range<Int>) {
        if count == 0 { first = r } else if count == 1 { second = r } else { more.append(r) }
        count += 1
    }

    mutating func removeAll() {
        count = 0
        more.removeAll(keepingCapacity: true)
    }
}

/// A quote found, before its speaker is resolved.
struct Candidate {
    var kind: Quote.Kind
    /// Token ranges of the parts (quote marks excluded).
    var parts: Parts
    var cue: Int?
    var phrase: SpeakerPhrase
    var start: Int { parts[0].lowerBound }
    var end: Int { parts[parts.count - 1].upperBound }
}

/// The state of one attribution pass over one document: its text and token columns, read in
/// place through ``DocumentColumns``, and the mentions and the entities in their arrays. A class, so the closures of its
/// searches hold one reference to it, not a copy of every array; its changing properties are
/// only ever used by the pass itself (`@exclusivity(unchecked)`).
final class QuoteScan {
    /// The word lists.
    let words: QuoteWords
    /// The text, the token columns and the sentence starts (in tokens, plus the token count),
    /// read in place: the scan lives inside ``Document/withColumns(_:)``.
    let columns: DocumentColumns
    let n: Int
    let paragraphRanges: [TextRange]
    let mentions: [EntityMention]
    let entities: [Entity]
    /// The entity of each mention (read for people and organizations only), -1 for none.
    let entityOfMention: [Int]
    /// Reporting verbs where patterns can use them, and the quote marks (``SpeechVerbLexicon/marks(in:)``).
    let marks: Marks
    /// A person or an organization: its first token, its end and its index into ``mentions``.
    struct Span {
        var start: Int32, end: Int32, mention: Int32
    }
    /// The people and organizations (not nested), in text order; ``mentionAt(_:)`` searches them.
    let spans: [Span]
    /// First token of each paragraph, plus the token count (filled by ``findDirect()``, the
    /// only pass that needs paragraphs).
    @exclusivity(unchecked) var paragraphStarts: [Int] = []
    @exclusivity(unchecked) var candidates: [Candidate] = []
    /// Where the candidates reach, once sorted (``run()``): for each index, the one among it
    /// and those before it that ends last (``CandidateReach/overlaps(_:_:_:)``).
    @exclusivity(unchecked) var reach = CandidateReach()

    /// A scan of a document's `columns` that lists the people and organizations of `mentions` in ``spans``.
    init(words: QuoteWords, columns: DocumentColumns, paragraphRanges: [TextRange], mentions: [EntityMention],
         entities: [Entity], entityOfMention: [Int], marks: Marks) {
        self.words = words
        self.columns = columns
        n = columns.starts.count
        self.paragraphRanges = paragraphRanges
        self.mentions = mentions; self.entities = entities; self.entityOfMention = entityOfMention
        self.marks = marks
        var lastEnd: Int32 = 0
        // (By index: the mentions' fields are read in place, never copied with their Strings.)
        var spans: [Span] = []
        spans.reserveCapacity(mentions.count)
        for k in mentions.indices where !mentions.isNested(k) && (mentions.type(k) == .per || mentions.type(k) == .org)
            && Int32(mentions.start(k)) >= lastEnd {
            spans.append(Span(start: Int32(mentions.start(k)), end: Int32(mentions.end(k)), mention: Int32(k)))
            lastEnd = Int32(mentions.end(k))
        }
        self.spans = spans
    }

    /// Each person's or organization's entity (-1 for none and for other mentions), found by the
    /// mention's first token: for callers that have the entities but not the resolver's index.
    static func entities(ofMentions mentions: [EntityMention], _ entities: [Entity]) -> [Int] {
        // (A binary search over the mentions, which the tagger gives sorted by start.)
        var entityOfMention = [Int](filled: -1, count: mentions.count)
        for e in entities.indices where entities[e].type == .per || entities[e].type == .org {
            for m in entities[e].mentions where !m.isNested {
                var lo = 0, hi = mentions.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if mentions.start(mid) < m.start { lo = mid + 1 } else { hi = mid }
                }
                while lo < mentions.count, mentions.start(lo) == m.start {
                    if mentions.end(lo) == m.end, !mentions.isNested(lo) { entityOfMention[lo] = e }
                    lo += 1
                }
            }
        }
        return entityOfMention
    }

    /// Fills ``paragraphStarts``: each paragraph's first token, by a binary search from the previous one.
    func findParagraphs() {
        paragraphStarts.reserveCapacity(paragraphRanges.count + 1)
        var p = 0
        for (k, r) in paragraphRanges.enumerated() {
            var hi = n
            while p < hi {
                let mid = (p + hi) / 2
                if columns.starts[mid] < r.start { p = mid + 1 } else { hi = mid }
            }
            if k == 0 || paragraphStarts.last != p { paragraphStarts.append(p) }
        }
        if paragraphStarts.first != 0 { paragraphStarts.insert(0, at: 0) }
        paragraphStarts.append(n)
    }

    // MARK: Token tests

    func key(_ i: Int) -> String { MatchKey.make(text(i)) }
    /// The person or organization mention covering token `i`, -1 for none (a binary search).
    /// The person a passive reporting verb names in the sentence right after a quote that ends
    /// at token `end`, when the sentence points back at what was said (`“…” Demikian
    /// disampaikan Ketua Serikat Buruh Andi Gani.`, `Hal itu dikatakan …`).
    func agentOfTheNextSentence(after end: Int) -> Int? {
        let s = sentence(of: min(end, n - 1)) + 1
        guard s + 1 < columns.sentenceTokenStarts.count, case let a = Int(columns.sentenceTokenStarts[s]), case let z = Int(columns.sentenceTokenStarts[s + 1]),
              a < z, a >= end,
              word(a, in: words.backReferences) || word(a, in: words.statementNouns) && a + 1 < z && word(a + 1, in: words.demonstratives),
              let k = passiveAgent(a, z) else { return nil }
        let m = mentionAt(k)
        return m >= 0 ? Int(m) : nil
    }

    /// The person or organization that ends right before a colon and the opening mark of the
    /// quote starting at token `start` (`Gubernur Jawa Barat Dedi Mulyadi: “…”`): the speaker.
    func nameBeforeColon(opening start: Int) -> Int? {
        let colon = start - 2
        guard colon >= 1, quoteFamily(start - 1) != 0, tokenIs(colon, ":"), case let m = mentionAt(colon - 1), m >= 0,
              mentions.end(Int(m)) == colon else { return nil }
        return Int(m)
    }

    func mentionAt(_ i: Int) -> Int32 {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(spans[mid].start) <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && Int(spans[lo - 1].end) > i ? spans[lo - 1].mention : -1
    }
    func text(_ i: Int) -> String { text(TextRange(Int(columns.starts[i]), Int(columns.ends[i]))) }
    /// Whether token `i` is exactly `word` (bytes, no String).
    func tokenIs(_ i: Int, _ word: StaticString) -> Bool {
        let c = word.utf8CodeUnitCount
        guard i >= 0, i < n, Int(columns.ends[i] - columns.starts[i]) == c else { return false }
        let s = Int(columns.starts[i]), w = word.utf8Start
        for k in 0..<c where columns.bytes[s + k] != w[k] { return false }
        return true
    }
    /// The text of byte range `r`.
    func text(_ r: TextRange) -> String { String(decoding: columns.bytes[r.range], as: UTF8.self) }
    /// The reporting verb token `i` is, looked up only where a pattern asks.
    func speech(_ i: Int) -> VerbRef? {
        guard i >= 0, i < n, columns.kinds[i] == .word else { return nil }
        return words.verbs.index(in: columns.bytes, Int(columns.starts[i]), Int(columns.ends[i])).map(verb)
    }
    /// Entry `k` of the verb list, read in place.
    func verb(_ k: Int32) -> VerbRef { VerbRef(k, of: words.verbs.verbs) }
    /// The lemma of the verb at token `k` (from the cue list when the verb is in it).
    func lemma(ofCue k: Int) -> String {
        let c = firstCue(atOrAfter: k)
        if c < marks.cues.count, Int(marks.cues[c].token) == k { return words.verbs.verbs[Int(marks.cues[c].verb)].lemma }
        return speech(k).map { words.verbs.verbs[Int($0.index)].lemma } ?? key(k)
    }
    /// The first entry of ``marks.cues`` at token `i` or later.
    func firstCue(atOrAfter i: Int) -> Int {
        var lo = 0, hi = marks.cues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(marks.cues[mid].token) < i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static var nameOrCommaBits: UInt16 { TokenFlags.comma.rawValue | TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue }
    func isComma(_ i: Int) -> Bool { i >= 0 && i < n && columns.flags[i].contains(.comma) }
    func isTerminal(_ i: Int) -> Bool { columns.flags[i].contains(.terminal) && columns.kinds[i] == .punctuation }
    func isPronoun(_ i: Int) -> Bool {
        let c = Int(columns.ends[i] - columns.starts[i])
        guard c >= 2, c <= 6, columns.kinds[i] == .word else { return false }
        let f = columns.bytes[Int(columns.starts[i])] | 0x20
        return (f == UInt8(ascii: "d") || f == UInt8(ascii: "i") || f == UInt8(ascii: "b")) && word(i, in: words.pronouns)
    }
    func isAdverb(_ i: Int) -> Bool { columns.kinds[i] == .word && !columns.flags[i].contains(.capitalized) && word(i, in: words.adverbs) }
    /// Whether token `i`, lower-cased, is a key of `table`.
    func word(_ i: Int, in table: ByteStringTable) -> Bool {
        table.contains(columns.bytes, Int(columns.starts[i])..<Int(columns.ends[i]), lowercase: true)
    }
    /// Whether token `i`, lower-cased, is one of `common`.
    func word(_ i: Int, in common: CommonWords) -> Bool {
        common.contains(columns.bytes, Int(columns.starts[i])..<Int(columns.ends[i]), lowercase: true)
    }
    /// Whether token `i` opens a role, a title's abbreviation with its full stop too (`Plt.`,
    /// `Pj.`, `Kol.`).
    func isRoleWord(_ i: Int) -> Bool {
        var end = Int(columns.ends[i])
        switch columns.kinds[i] {
        case .word: break
        case .abbreviation where end - Int(columns.starts[i]) > 1 && columns.bytes[end - 1] == UInt8(ascii: "."): end -= 1
        default: return false
        }
        return words.roleHeads.contains(columns.bytes, Int(columns.starts[i])..<end, lowercase: true)
    }
    func isPerson(_ m: Int32) -> Bool { m >= 0 && mentions.type(Int(m)) == .per }

    /// 1 for a double quote mark (`"“”„«»`), 2 for a single one (`'‘’`), 0 otherwise.
    @inline(__always) func quoteFamily(_ i: Int) -> Int {
        guard columns.flags[i].rawValue & QuoteScan.quoteBits != 0, columns.kinds[i] == .punctuation else { return 0 }
        let b = columns.bytes, s = Int(columns.starts[i])
        switch b[s] {
        case 0x22: return 1
        case 0x27, 0x60: return 2
        case 0xC2: return 1  // « »
        case 0xE2 where s + 2 < b.count:
            return b[s + 2] == 0x98 || b[s + 2] == 0x99 || b[s + 2] == 0x9A || b[s + 2] == 0x9B || b[s + 2] == 0xB9
                || b[s + 2] == 0xBA ? 2 : 1
        default: return 0
        }
    }
    static var quoteBits: UInt16 { TokenFlags.openingQuote.rawValue | TokenFlags.closingQuote.rawValue }
    func opens(_ i: Int) -> Bool { columns.flags[i].contains(.openingQuote) }
    func closes(_ i: Int) -> Bool { columns.flags[i].contains(.closingQuote) }

    /// Whether mark `i`, read as opening (a straight mark with spaces on both sides:
    /// `selesai. " ujar Amir.`), closes a quote: right after a comma or the end of a sentence
    /// and right before a verb of saying in lower case, it ends the words quoted, and what
    /// follows is their attribution, never a quote of its own.
    /// A mark doubled by the page (`baik, " " jelas dr. Mahdian`) counts as one.
    func closesBeforeCue(_ i: Int) -> Bool {
        guard opens(i) else { return false }
        let before = i > 0 && quoteFamily(i - 1) == quoteFamily(i) ? i - 2 : i - 1
        let after = i + 1 < n && quoteFamily(i + 1) == quoteFamily(i) ? i + 2 : i + 1
        guard before >= 0, isComma(before) || isTerminal(before), after < n,
              !columns.flags[after].contains(.capitalized), !columns.flags[after].contains(.allCaps),
              let v = speech(after) else { return false }
        return v.isSaying
    }

    /// Whether straight mark `i`, read as opening because spaces stand on both sides of it,
    /// closes the quote that is open: right after a comma or the end of a sentence
    /// (`… pencuri, " Sebelumnya …`) it ends the words quoted, and what follows until the next
    /// opening mark is the writer's, never a quote of its own.
    func closesOpenQuote(_ i: Int) -> Bool {
        guard opens(i), i > 0, isComma(i - 1) || isTerminal(i - 1), columns.bytes[Int(columns.starts[i])] == 0x22,
              columns.ends[i - 1] < columns.starts[i] else { return false }
        return i + 1 == n || columns.ends[i] < columns.starts[i + 1]
    }

    // MARK: Pass

    func run() -> [Quote] {
        candidates.reserveCapacity(min(marks.quotes.count / 2 + marks.cues.count, 64))
        findDirect()
        findIndirect()
        candidates.sort { $0.start < $1.start }
        reach = CandidateReach(candidates, count: candidates.count)
        return resolve()
    }

    /// Pairs quote marks paragraph by paragraph, visiting only the marks.
    func findDirect() {
        if marks.quotes.isEmpty { return }
        findParagraphs()
        var parts = Parts()  // the parts of the quote being built
        var pending = false  // whether that quote was still open at the last paragraph's end
        var firstOpen = 0
        var c = 0  // the next quote mark
        for p in 0..<(paragraphStarts.count - 1) {
            let a = paragraphStarts[p], z = paragraphStarts[p + 1]
            if !pending && (c >= marks.quotes.count || Int(marks.quotes[c]) >= z) { continue }
            var open: Int? = nil
            if pending {
                pending = false
                if c < marks.quotes.count, Int(marks.quotes[c]) == a, quoteFamily(a) == 1, opens(a) {
                    open = a; c += 1  // the paragraph reopens the quote: the same quote goes on
                } else {
                    addDirect(parts, firstOpen: firstOpen, close: nil)
                    parts.removeAll()
                }
            }
            while c < marks.quotes.count, Int(marks.quotes[c]) < z {
                let k = Int(marks.quotes[c])
                c += 1
                let family = quoteFamily(k)
                if family == 0 { continue }
                let closing = closes(k) || closesBeforeCue(k)
                guard let o = open else {
                    if opens(k) && !closing { open = k; firstOpen = k; parts.removeAll() }
                    continue
                }
                if family != quoteFamily(o) { continue }
                parts.append((o + 1)..<k)
                let spaced = !closing && closesOpenQuote(k)
                if spaced && sentence(of: k - 1) > sentence(of: o + 1) + 3 {
                    // Too far from its opening for this quote: the mark closed another, whose
                    // opening was lost. This one ends with the sentence it opened in.
                    addDirect(parts, firstOpen: firstOpen, close: nil)
                    open = nil
                    parts.removeAll()
                    continue
                }
                if closing || spaced {
                    if let (cue, phrase, next) = interruption(after: k, limit: z) {
                        // `“Misalnya …,” kata dia, “sekarang …”`: one quote in two parts.
                        interrupted = (cue, phrase)
                        open = next
                        while c < marks.quotes.count, Int(marks.quotes[c]) <= next { c += 1 }
                        continue
                    }
                    addDirect(parts, firstOpen: firstOpen, close: k)
                    open = nil
                } else {
                    // A new opening mark before the last one closed: the last quote ends here.
                    addDirect(parts, firstOpen: firstOpen, close: nil)
                    open = k; firstOpen = k
                }
                parts.removeAll()
            }
            if let o = open {
                parts.append((o + 1)..<z)
                pending = true
            }
        }
        if pending { addDirect(parts, firstOpen: firstOpen, close: nil) }
    }

    /// The cue and speaker that interrupted the quote being built, if any.
    var interrupted: (Int, SpeakerPhrase)?

    /// `, kata dia, “` right after closing mark `c`: the cue, the speaker and the reopening mark.
    func interruption(after c: Int, limit: Int) -> (Int, SpeakerPhrase, Int)? {
        var j = c + 1
        while j < limit && j <= c + 12 {
            if quoteFamily(j) == 1 {
                guard opens(j), isComma(j - 1), j - 1 > c + 1 else { return nil }
                guard let (cue, phrase) = cueAfter(c, limit: j - 1) else { return nil }
                return (cue, phrase, j)
            }
            if isTerminal(j) { return nil }
            j += 1
        }
        return nil
    }

    /// Records a direct quote with parts `given` (token ranges), closed by mark `close` if any.
    func addDirect(_ given: Parts, firstOpen: Int, close: Int?) {
        let carried = interrupted
        interrupted = nil
        // The candidate's own parts, built once (empty parts left out).
        var parts = Parts()
        for p in given where !p.isEmpty { parts.append(p) }
        guard !parts.isEmpty, !opensWithClosingPunctuation(parts[0].lowerBound) else { return }
        // An unclosed quote in a long paragraph ends with the sentence it opened in.
        if close == nil, parts.count == 1, sentence(of: parts[0].upperBound - 1) > sentence(of: parts[0].lowerBound) + 3 {
            let s = sentence(of: parts[0].lowerBound)
            parts[0] = parts[0].lowerBound..<Int(columns.sentenceTokenStarts[s + 1])
        }
        var cue = carried?.0, phrase = carried?.1 ?? .none
        // `"Kami sudah bekerja keras, kata Budi dalam sambutannya. "Hasilnya …`: the closing
        // mark is missing, and the attribution is not quoted.
        if cue == nil, close == nil, parts.count == 1, let (c, k, p) = attributionInside(parts[0]) {
            parts[0] = parts[0].lowerBound..<c
            cue = k; phrase = p
        }
        if cue == nil, let close, let (k, p) = cueAfter(close, limit: paragraphEnd(close)) {
            cue = k; phrase = p
        }
        if cue == nil, let (k, p) = cueBefore(firstOpen) {
            cue = k; phrase = p
        }
        if cue == nil {
            // Without a cue, a short quote is a term or a title (`“Kota Lama”`), and so is one that
            // does not end like speech.
            var words = 0
            for p in parts { words += p.count }
            let last = parts[parts.count - 1].upperBound - 1
            guard words >= 4, isTerminal(last) || isComma(last) || close == nil || lineAlone(close: close) else { return }
        }
        // The comma before `kata dia` belongs to the attribution, not to the words quoted.
        for k in parts.indices {
            let p = parts[k]
            var e = p.upperBound
            while e > p.lowerBound + 1, isComma(e - 1) { e -= 1 }
            if e != p.upperBound { parts[k] = p.lowerBound..<e }
        }
        candidates.append(Candidate(kind: .direct, parts: parts, cue: cue, phrase: phrase))
    }

    /// In the words of an unclosed quote `r`, a comma, a bare verb of saying and its speaker
    /// that end `r`'s last sentence (`…, kata Budi dalam sambutannya.`): the comma, the cue and
    /// the speaker. The quote ends at the comma.
    func attributionInside(_ r: Range<Int>) -> (comma: Int, cue: Int, phrase: SpeakerPhrase)? {
        var end = r.upperBound
        while end > r.lowerBound, isTerminal(end - 1) { end -= 1 }
        // The attribution ends the last sentence: the last comma of it opens the attribution
        // (`…, kata Bareyn, adalah …` goes on after the speaker: an interposed one, left alone).
        var c = end - 1
        while c > r.lowerBound + 2, !isTerminal(c), !isComma(c) { c -= 1 }
        guard c > r.lowerBound + 2, isComma(c), c + 2 < end, let v = speech(c + 1), v.form == .bare, v.isSaying,
              case let phrase = phraseAfter(c + 2, limit: end), !phrase.isNone else { return nil }
        return (c, c + 1, phrase)
    }

    /// Whether token `i` is a lone `,`, `.`, `;`, `:` or `)`: words in quote marks never start
    /// so; marks that do not balance have paired a closing mark with the next opening one, and
    /// what lies between is the attribution (`”, kata Budi. “`), not a quote.
    func opensWithClosingPunctuation(_ i: Int) -> Bool {
        guard columns.ends[i] - columns.starts[i] == 1 else { return false }
        switch columns.bytes[Int(columns.starts[i])] {
        case 0x2C, 0x2E, 0x3B, 0x3A, 0x29: return true
        default: return false
        }
    }

    /// Whether the quote fills its paragraph.
    func lineAlone(close: Int?) -> Bool {
        guard let close else { return false }
        let z = paragraphEnd(close)
        return close + 1 >= z || (close + 2 >= z && isTerminal(close + 1))
    }

    /// The sentence holding token `i` (a binary search).
    func sentence(of i: Int) -> Int {
        let sentenceStarts = columns.sentenceTokenStarts
        var lo = 0, hi = sentenceStarts.count - 2
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(sentenceStarts[mid]) <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func paragraphEnd(_ i: Int) -> Int {
        var lo = 0, hi = paragraphStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if paragraphStarts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return paragraphStarts[min(lo + 1, paragraphStarts.count - 1)]
    }

    /// The cue after closing mark `c` (`,” ujarnya`, `,” kata Joko`, `,” Joko menambahkan`).
    func cueAfter(_ c: Int, limit: Int) -> (Int, SpeakerPhrase)? {
        var j = c + 1
        if j < limit, isComma(j) { j += 1 }
        if let source = sourceAfter(j, limit: limit) { return source }
        var before: SpeakerPhrase = .none
        var k = j
        while k < limit && k < j + 8 {
            if isTerminal(k) || quoteFamily(k) != 0 { return nil }
            if let v = speech(k), v.form != .preposition {
                if !before.isNone { return (k, before) }
                if v.hasSpeakerClitic { return (k, .pronoun(clitic(k))) }
                let phrase = phraseAfter(k + 1, limit: limit)
                if phrase.isNone && !v.isCore { return nil }
                if phrase.isNone, describesSomeoneElse(k + 1, limit: limit) { return (k, .unnamed) }
                return (k, phrase)
            }
            let m = mentionAt(k)
            if m >= 0 { before = .mention(Int(m)); k = mentions.end(Int(m)); continue }
            if isPronoun(k) { before = .pronoun(range(k)); k += 1; continue }
            if isAdverb(k) || isComma(k) { k += 1; continue }
            return nil
        }
        return nil
    }

    /// The cue before opening mark `o` (`Ia mengatakan, “…”`, `Menurut Joko, “…”`, `Kata Joko, “…”`).
    func cueBefore(_ o: Int) -> (Int, SpeakerPhrase)? {
        guard o >= 2, isComma(o - 1) || tokenIs(o - 1, ":") else { return nil }
        let s = sentence(of: o - 1)
        let a = Int(columns.sentenceTokenStarts[s])
        var k = o - 2
        if tokenIs(k, "bahwa") { k -= 1 }
        if let v = speech(k), v.form == .men, k > a {
            let phrase = subjectBefore(k, from: a)
            return phrase.isNone ? nil : (k, phrase)
        }
        // `Menurut Joko, “…”` / `Menurutnya, “…”` / `Kata Joko, “…”`.
        if let v = speech(a), v.isMenurut || opensAsCue(a, v) {
            let phrase = v.hasSpeakerClitic ? SpeakerPhrase.pronoun(clitic(a)) : phraseAfter(a + 1, limit: o - 1)
            return phrase.isNone ? nil : (a, phrase)
        }
        return nil
    }

    /// Whether an English title goes on at token `k` (`of` and a capitalised word: `Head of
    /// Research`), so a "person" just before it is the title's first word.
    func isTitleGoingOn(at k: Int, limit: Int) -> Bool {
        k + 1 < limit && (tokenIs(k, "of") || tokenIs(k, "Of")) && columns.flags[k + 1].contains(.capitalized)
    }

    /// `,” demikian pernyataan resmi PT Pertamina.`: `demikian` after the closing mark names
    /// where the words come from. The cue is the statement's noun or verb (`pernyataan`,
    /// `keterangan`, `disampaikan`; `demikian` when none), and the speaker the person or
    /// organization named before a comma, a preposition or the sentence's end; none when it
    /// names no one (`demikian bunyi spanduk di Houston`, `demikian tertulis di laman KPK`).
    func sourceAfter(_ j: Int, limit: Int) -> (Int, SpeakerPhrase)? {
        guard j < limit, tokenIs(j, "demikian") else { return nil }
        var cue = j
        var k = j + 1
        while k < limit && k < j + 12 {
            if isTerminal(k) || isComma(k) || quoteFamily(k) != 0 || word(k, in: words.sourcePrepositions) { break }
            let m = mentionAt(k)
            if m >= 0 {
                let type = mentions.type(Int(m))
                return (cue, type == .per || type == .org ? .mention(Int(m)) : .unnamed)
            }
            if cue == j, speech(k) != nil || word(k, in: words.sourceNouns) { cue = k }
            k += 1
        }
        return (cue, .unnamed)
    }

    /// Whether the words from token `j` (to a comma or the sentence's end) describe someone
    /// not named and not met before: an indefinite or plural head (`seorang warga`, `salah satu
    /// pedagang`, `para peserta rapat`) or another of a kind (`warga lainnya`). A description
    /// with a demonstrative (`pria kelahiran Jawa Tengah ini`) points back and is not one.
    func describesSomeoneElse(_ j: Int, limit: Int) -> Bool {
        guard j < limit, columns.kinds[j] == .word else { return false }
        if word(j, in: words.indefinites) { return true }
        var k = j
        while k < limit && k < j + 8 {
            if isTerminal(k) || isComma(k) || quoteFamily(k) != 0 || mentionAt(k) >= 0 { return false }
            if word(k, in: words.others) { return true }
            k += 1
        }
        return false
    }

    /// The speaker named after a cue: a person, a role (with the person after it when named:
    /// `ujar Kepala Disperin, Tri Supriyanto`), a pronoun, or an organization.
    func phraseAfter(_ j: Int, limit: Int) -> SpeakerPhrase {
        guard j < limit else { return .none }
        if isPronoun(j) { return .pronoun(range(j)) }
        if let m = personAfterDescription(j, limit: limit) { return .mention(m) }
        var roleStart: Int? = nil
        var org: Int? = nil
        // A capitalised title no list knows (`Head of Startupindonesia.co Erwin Arifin`): read
        // on to the person it names, else nothing.
        var unknownTitle = false
        var commas = 0
        var k = j
        while k < limit && k < j + 20 {
            if isTerminal(k) || quoteFamily(k) != 0 { break }
            let m = mentionAt(k)
            if m >= 0 {
                // `kata kuasa hukum Hendrogiarto`: the lawyer speaks, not the client; so does
                // `kata pengacara Jokowi, Yakup Hasibuan,` (a relative noun in lower case).
                if isPerson(m), let r = roleStart, isNamedByTitle(Int(m), r) || isRelative(r) && mentions.start(Int(m)) == r + 1 {
                    k = mentions.end(Int(m)); continue
                }
                if isPerson(m), !isTitleGoingOn(at: mentions.end(Int(m)), limit: limit) { return .mention(Int(m)) }
                if isPerson(m) { unknownTitle = true } else if org == nil { org = Int(m) }
                k = mentions.end(Int(m)); continue
            }
            if isComma(k) {
                // `kata Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD`,
                // `kata juru bicara …, Alamsyah,`.
                commas += 1
                if roleStart == nil && org == nil && !unknownTitle || commas > 3 { break }
                // After the comma the role or the name goes on (a capitalised word, or `dan`
                // in a list of fields); a lower-case clause is something else.
                guard k + 1 < limit, !columns.flags[k + 1].isDisjoint(with: [.capitalized, .allCaps]) || tokenIs(k + 1, "dan")
                else { break }
                k += 1; continue
            }
            if roleStart == nil && org == nil && !unknownTitle {
                if isRoleWord(k) { roleStart = k; k += 1; continue }
                guard k == j, columns.flags[k].contains(.capitalized), columns.kinds[k] == .word else { break }
                unknownTitle = true; k += 1; continue
            }
            // The organization's acronym in brackets goes on with the role (`peneliti Lembaga
            // Ilmu Pengetahuan Indonesia (LIPI), Dewi Fortuna Anwar`); other brackets end it.
            if let close = bracketedAcronymEnd(at: k, limit: limit) { k = close + 1; continue }
            // `pengamat politik dari Universitas Indonesia, Budi Santoso`: `dari` and a name go on with the role.
            if roleStart != nil, tokenIs(k, "dari"), k + 1 < limit, !columns.flags[k + 1].isDisjoint(with: [.capitalized, .allCaps]) {
                k += 1; continue
            }
            if columns.flags[k].contains(.openingBracket) || columns.kinds[k] == .word && !columns.flags[k].contains(.capitalized)
                && !columns.flags[k].contains(.allCaps) && k > j + 1 && word(k, in: words.prepositions) && !tokenIs(k, "dan") { break }
            k += 1
        }
        if let r = roleStart {
            var e = r + 1
            // A relative clause describes the holder, it is no part of the role (`ujar Dubes` |
            // `yang melihat banyak peluang`).
            while e < k && !isComma(e) && !opensCircumstance(e) && !tokenIs(e, "yang") { e += 1 }
            return .role(r..<e)
        }
        if let org, mentions.start(org) == j { return .mention(org) }
        return .none
    }

    /// Whether token `t` opens, in lower case, a phrase of when, where or how the words were
    /// said, or of where they were taken from: the end of a role named without its person
    /// (`kata jaksa` | `saat membacakan dakwaan`, `kata Ketua DKPP` | `dalam sidang putusan`,
    /// `ujar Menag` | `usai acara`).
    func opensCircumstance(_ t: Int) -> Bool {
        columns.kinds[t] == .word && columns.flags[t].isDisjoint(with: [.capitalized, .allCaps])
            && (word(t, in: words.circumstances) || word(t, in: words.sourceWords))
    }

    /// The person named after a description in lower case and a comma (`kata salah satu
    /// warga, Budi`, `ujar seorang pedagang di Pasar Gede, Siti.`): the description opens in
    /// lower case, holds no person, comma or quote mark and at most seven tokens, and the
    /// person's name, perhaps with an age in brackets (`ayah korban, Dedi (34)`), ends the
    /// phrase (at `limit`, a comma, a closing mark or a word in lower case: `saat ditemui`). Nil
    /// otherwise.
    func personAfterDescription(_ j: Int, limit: Int) -> Int? {
        guard isLowercaseWord(j), mentionAt(j) < 0 else { return nil }
        var c = j + 1
        while c < limit, c < j + 8, !isComma(c) {
            if isTerminal(c) || quoteFamily(c) != 0 || isPerson(mentionAt(c)) || speech(c) != nil { return nil }
            c += 1
        }
        guard c + 1 < limit, isComma(c), case let m = mentionAt(c + 1), isPerson(m), mentions.start(Int(m)) == c + 1 else { return nil }
        let e = afterAge(mentions.end(Int(m)), limit: limit)
        // After the name: the phrase's end, or when and where it was said (`saat ditemui`).
        return e == limit || e < limit && (isComma(e) || isTerminal(e) || quoteFamily(e) != 0 || isLowercaseWord(e)) ? Int(m) : nil
    }

    /// Whether token `i` is a word in lower case.
    func isLowercaseWord(_ i: Int) -> Bool {
        columns.kinds[i] == .word && columns.flags[i].isDisjoint(with: [.capitalized, .allCaps])
    }

    /// Token `e`, or the token after an age in brackets that opens at `e` (`Dedi Hendi Kusuma
    /// (34), …`, `(34 tahun)`): ``beforeAge(_:from:)`` read forwards.
    func afterAge(_ e: Int, limit: Int) -> Int {
        guard e + 2 < limit, columns.flags[e].contains(.openingBracket), columns.kinds[e + 1] == .number else { return e }
        var close = e + 2
        if close + 1 < limit, isAgeUnit(close) { close += 1 }
        return columns.flags[close].contains(.closingBracket) ? close + 1 : e
    }

    /// Whether token `i` is the unit of an age in brackets (`tahun`, `th`).
    func isAgeUnit(_ i: Int) -> Bool { tokenIs(i, "tahun") || tokenIs(i, "th") }

    /// Where `(ACRONYM)` opening at token `k` closes: an opening bracket, one to three
    /// capitalised or all-capital words (`(LIPI)`, `(BUMDes LKM)`), a closing bracket, before
    /// `limit`; or nil.
    func bracketedAcronymEnd(at k: Int, limit: Int) -> Int? {
        guard columns.flags[k].contains(.openingBracket) else { return nil }
        var e = k + 1
        while e < limit, e <= k + 3, columns.kinds[e] == .word, !columns.flags[e].isDisjoint(with: [.capitalized, .allCaps]) { e += 1 }
        return e > k + 1 && e < limit && columns.flags[e].contains(.closingBracket) ? e : nil
    }

    /// The subject before cue `cue` in a sentence starting at `a`: the nearest person (or a
    /// pronoun, a role, an organization) before it, with only adverbs or a comma-delimited
    /// apposition (`Joko Susilo, Ketua Komite B …, mendukung`) between.
    func subjectBefore(_ cue: Int, from a: Int) -> SpeakerPhrase {
        var k = cue - 1
        while k >= a, isAdverb(k) { k -= 1 }
        k = beforeCircumstance(k, from: a)
        while k >= a, isAdverb(k) { k -= 1 }
        k = beforeRelativeClause(k, from: a)
        k = beforeAge(k, from: a)
        // `Erlina Burhan, Sp.P(K) mengatakan`: the person before the degrees after the name.
        if k >= a, mentionAt(k) < 0, case let j = columns.beforeDegrees(k, from: a), j != k, isPerson(mentionAt(j)) { k = j }
        guard k >= a else { return .none }
        if isPronoun(k) { return .pronoun(range(k)) }
        if mentionAt(k) >= 0 {
            let m = Int(mentionAt(k))
            // `Reynaldi dari PT House of Rattan mengatakan`: the person before the affiliation.
            if !isPerson(mentionAt(k)), case let s = mentions.start(m), s - 2 >= a, tokenIs(s - 1, "dari"), isPerson(mentionAt(s - 2)) {
                return phraseIfSubject(Int(mentionAt(s - 2)), a)
            }
            // `Politikus PAN itu berharap`, `Guru Besar Ilmu Fikih UIN Jakarta itu menegaskan`:
            // the holder of the role speaks, not the organization (as after the cue).
            if !isPerson(mentionAt(k)), let r = titleStart(before: mentions.start(m), from: a) { return .role(r..<mentions.end(m)) }
            return phraseIfSubject(m, a)
        }
        if isComma(k) {
            // Back over the apposition (`, Ketua Komite B DPRD Kota Semarang,`, `, di Jakarta, Rabu (…),`).
            var j = k - 1
            while j >= a && j > k - 30 {
                if isPerson(mentionAt(j)) { return phraseIfSubject(appositionHolder(Int(mentionAt(j)), a), a) }
                if quoteFamily(j) != 0 || isTerminal(j) { break }
                j -= 1
            }
            return organizationBeforeTail(k, from: a).map { phraseIfSubject($0, a) } ?? .none
        }
        // `Kepala Dinas Perindustrian menjelaskan` / `Presiden menegaskan`: role words.
        var r = k
        while r >= a, columns.kinds[r] == .word, columns.flags[r].contains(.capitalized) || mentionAt(r) >= 0 { r -= 1 }
        if r < k, isRoleWord(r + 1) { return .role((r + 1)..<(k + 1)) }
        return .none
    }

    /// The organization right before a comma (and its acronym in brackets) and the pieces of
    /// when or where it spoke that the comma at `k` closes (`Fitch Ratings, Senin,` |
    /// `menyatakan`; `Komisi Pemberantasan Korupsi (KPK), di Jakarta, Rabu (12/5),` | `menyebut`), or nil.
    func organizationBeforeTail(_ k: Int, from a: Int) -> Int? {
        var c = k - 1
        while c > a + 1, c > k - 20, quoteFamily(c) == 0, !isTerminal(c) {
            if isComma(c), c + 1 < k, case let e = beforeBrackets(c, from: a), case let m = mentionAt(e - 1), m >= 0,
               mentions.type(Int(m)) == .org, mentions.end(Int(m)) == e, isAttributionTail(c + 1, k) {
                return Int(m)
            }
            c -= 1
        }
        return nil
    }

    /// The opening bracket of the brackets of up to three tokens that end right before token
    /// `c` (`(KPK)`), or `c`.
    func beforeBrackets(_ c: Int, from a: Int) -> Int {
        guard columns.flags[c - 1].contains(.closingBracket),
              let open = (max(a + 1, c - 5)..<c - 1).last(where: { columns.flags[$0].contains(.openingBracket) }) else { return c }
        return open
    }

    /// The token before a phrase of where, when or how something was said that ends at `k`
    /// (`Prabowo dalam pidatonya mengatakan`, `Budi kepada wartawan di Jakarta menjelaskan`,
    /// `Dia saat dihubungi mengaku`): a word of ``QuoteWords/circumstances`` and at most six
    /// tokens after it, no comma, quote mark or person among them, and before it a person or a
    /// pronoun (not an organization: `tenaga penjual Toyota di kawasan Depok mengatakan` is
    /// Toyota's salesman). Else `k`.
    func beforeCircumstance(_ k: Int, from a: Int) -> Int {
        var j = k
        while j > a, j > k - 7 {
            if isComma(j) || isTerminal(j) || quoteFamily(j) != 0 || isPerson(mentionAt(j)) || isPronoun(j) { return k }
            if columns.kinds[j] == .word, !columns.flags[j].contains(.capitalized), word(j, in: words.circumstances),
               isPerson(mentionAt(j - 1)) || isPronoun(j - 1) {
                return j - 1
            }
            j -= 1
        }
        return k
    }

    /// The token before a clause of `yang` that gives the speaker a title and ends at `k`
    /// (`Budi yang juga Ketua RT 05 mengatakan`, `Budi yang merupakan pengamat politik
    /// menilai`): `yang`, words of ``QuoteWords/copulas``, a role word and the rest of the
    /// title (no comma, quote mark, person or speech verb), at most ten tokens, with a person or
    /// pronoun before `yang`. Else `k`.
    func beforeRelativeClause(_ k: Int, from a: Int) -> Int {
        var j = k
        while j > a, j > k - 10, !tokenIs(j, "yang") {
            if isComma(j) || isTerminal(j) || quoteFamily(j) != 0 || isPerson(mentionAt(j)) || speech(j) != nil { return k }
            j -= 1
        }
        guard j > a, tokenIs(j, "yang"), isPerson(mentionAt(j - 1)) || isPronoun(j - 1) else { return k }
        var r = j + 1
        while r <= k, word(r, in: words.copulas) { r += 1 }
        return r <= k && isRoleWord(r) ? j - 1 : k
    }

    /// The first token of a title that ends right before token `s`: a run of capitalised
    /// words and role words, at most eight, from `a` on, that opens with a role word; or nil.
    func titleStart(before s: Int, from a: Int) -> Int? {
        var r = s - 1
        while r >= a, r > s - 9, columns.kinds[r] == .word, mentionAt(r) < 0,
              columns.flags[r].contains(.capitalized) || isRoleWord(r) { r -= 1 }
        return r + 1 < s && isRoleWord(r + 1) ? r + 1 : nil
    }

    /// The token before an age in brackets that ends at `k` (`Slamet (45) mengaku`, `(45
    /// tahun)`), or `k`.
    func beforeAge(_ k: Int, from a: Int) -> Int {
        guard k - 2 > a, columns.flags[k].contains(.closingBracket),
              let open = (max(a + 1, k - 3)..<k).last(where: { columns.flags[$0].contains(.openingBracket) }), open + 1 < k,
              columns.kinds[open + 1] == .number, (open + 2..<k).allSatisfy(isAgeUnit) else { return k }
        return open - 1
    }

    func phraseIfSubject(_ m: Int, _ a: Int) -> SpeakerPhrase {
        let s = mentions.start(m)
        if s > a, columns.kinds[s - 1] == .word, word(s - 1, in: words.prepositions) { return .none }
        // `Kuasa hukum Hendrogiarto mengatakan`: the title and the client's name stand for the lawyer.
        if let r = RelationalRoles.start(endingBefore: s, in: columns), r >= a { return .role(r..<mentions.end(m)) }
        // `rekan Zuckerberg mengklaim`, `istri Budi mengatakan`: someone close to the person speaks.
        if s > a, isRelative(s - 1) { return .role((s - 1)..<mentions.end(m)) }
        return .mention(m)
    }

    /// The person before the apposition that person `m` closes with a relative noun before it
    /// (`Alex Pastoor, asisten Kluivert,`: Pastoor is the assistant), else `m`.
    func appositionHolder(_ m: Int, _ a: Int) -> Int {
        let r = mentions.start(m) - 1
        guard r - 2 >= a, isRelative(r), isComma(r - 1), case let h = mentionAt(r - 2), isPerson(h), mentions.end(Int(h)) == r - 1
        else { return m }
        return Int(h)
    }

    /// Whether token `t` is a noun of someone close to a person (``QuoteWords/relatives``) in
    /// lower case (capitalised, `Anak Agung` is a Balinese title).
    func isRelative(_ t: Int) -> Bool {
        columns.kinds[t] == .word && !columns.flags[t].contains(.capitalized) && word(t, in: words.relatives)
    }

    /// Whether person `m` comes right after the relational title (``RelationalRoles``) at
    /// token `r`: whose representative the title's holder is.
    func isNamedByTitle(_ m: Int, _ r: Int) -> Bool {
        RelationalRoles.start(endingBefore: mentions.start(m), in: columns) == r
    }

    /// The byte range of token `i`.
    func range(_ i: Int) -> TextRange { TextRange(Int(columns.starts[i]), Int(columns.ends[i])) }
    /// The `nya` of `ujarnya`.
    func clitic(_ i: Int) -> TextRange { TextRange(Int(columns.ends[i]) - 3, Int(columns.ends[i])) }

    // MARK: Indirect quotes

    /// Reported speech, sentence by sentence: only the sentences holding a cue
    /// (``SpeechVerbLexicon/marks(in:)`` records every verb an indirect quote can start from).
    func findIndirect() {
        guard !marks.cues.isEmpty else { return }
        var drop: [Int] = []
        let direct = candidates.count
        let directs = CandidateReach(candidates, count: direct)
        var s = 0, next = 0
        while next < marks.cues.count {
            // The sentence of the next cue; its other marks.cues are `indirect`'s to read.
            let cue = Int(marks.cues[next].token)
            while Int(columns.sentenceTokenStarts[s + 1]) <= cue { s += 1 }
            let a = Int(columns.sentenceTokenStarts[s])
            var z = Int(columns.sentenceTokenStarts[s + 1])
            while next < marks.cues.count && Int(marks.cues[next].token) < z { next += 1 }
            while z > a, isTerminal(z - 1) || quoteFamily(z - 1) != 0 { z -= 1 }
            if let c = statementReferredBack(sentence: s, a, z), directQuote(in: c.start, c.end, among: directs) < 0,
               candidates.count == direct || candidates[candidates.count - 1].end <= c.start {
                candidates.append(c); continue
            }
            guard z - a >= 5, var c = indirect(a, z) else { continue }
            let d = directQuote(in: a, Int(columns.sentenceTokenStarts[s + 1]), among: directs)
            if d < 0 {
                if marks.quotes.count > 0, c.parts.contains(where: { p in p.contains { quoteFamily($0) == 1 } }) {
                    c.kind = .mixed  // a quoted term or phrase inside reported speech
                }
            } else {
                // A sentence with a quote inside: mixed when the quote is a fragment of the
                // statement, direct (already found) when it is the statement.
                let statement = c.parts.reduce(0) { $0 + $1.count }
                let quoted = candidates[d].parts.reduce(0) { $0 + $1.count }
                guard candidates[d].start >= c.start, candidates[d].end <= c.end + 1, quoted * 5 < statement * 4,
                      !quoteIsTheStatement(candidates[d], of: c) else { continue }
                c.kind = .mixed
                if drop.last != d { drop.append(d) }
            }
            candidates.append(c)
        }
        if !drop.isEmpty {
            var kept: [Candidate] = []
            kept.reserveCapacity(candidates.count - drop.count)
            for k in candidates.indices where k >= direct || !drop.contains(k) { kept.append(candidates[k]) }
            candidates = kept
        }
    }

    /// The sentence before sentence `s` (`a..<z`) as reported speech when `s` points back at
    /// it and names who said it (`Pemerintah akan menaikkan harga BBM. Hal itu disampaikan
    /// Menteri ESDM Bahlil Lahadalia di Jakarta.`): the sentence before holds no quote mark
    /// (the caller checks that no statement was found in it), and `s` opens with a back
    /// reference and a passive reporting verb whose agent is a person.
    func statementReferredBack(sentence s: Int, _ a: Int, _ z: Int) -> Candidate? {
        guard s > 0, z - a >= 3,
              word(a, in: words.backReferences) || word(a, in: words.statementNouns) && a + 1 < z && word(a + 1, in: words.demonstratives),
              let cue = passiveVerb(a, z), let k = passiveAgent(ofVerb: cue, a, z), case let m = mentionAt(k), isPerson(m)
        else { return nil }
        let pa = Int(columns.sentenceTokenStarts[s - 1])
        var pz = a
        while pz > pa, isTerminal(pz - 1) { pz -= 1 }
        guard pz - pa >= 4, !(pa..<pz).contains(where: { quoteFamily($0) != 0 }) else { return nil }
        return Candidate(kind: .indirect, parts: [pa..<pz], cue: cue, phrase: .mention(Int(m)))
    }

    /// Whether direct quote `q` is the whole statement of reported speech `c`, what follows it
    /// being a tail of place and time (`mengatakan, “Kita harus bekerja keras,” di Jakarta,
    /// Senin`): the quote opens the statement and ends with its own comma or full stop, inside
    /// the marks or right after them, as a quoted sentence does (a quoted term, `“kerja keras”
    /// adalah …`, does not).
    func quoteIsTheStatement(_ q: Candidate, of c: Candidate) -> Bool {
        // The quote's parts leave out its closing punctuation: the token after them, before the
        // mark; some outlets write the comma after the mark (`“…”, ujar Budi`).
        let after = q.end
        guard q.start <= c.start + 1, after + 1 < n else { return false }
        return (isComma(after) || isTerminal(after)) && quoteFamily(after + 1) != 0
            || quoteFamily(after) != 0 && closes(after) && (isComma(after + 1) || isTerminal(after + 1))
    }

    /// The last of the first `count` candidates (the direct quotes) with a part in the sentence
    /// `a..<z`, -1 for none.
    func directQuote(in a: Int, _ z: Int, among directs: CandidateReach) -> Int {
        var d = directs.last(startingBefore: z)
        while d >= 0, directs.canReach(a, through: d, candidates) {
            for p in candidates[d].parts where !p.isEmpty && p.lowerBound < z && p.upperBound > a { return d }
            d -= 1
        }
        return -1
    }

    /// The indirect quote of the sentence `a..<z` (terminal punctuation excluded), if any.
    func indirect(_ a: Int, _ z: Int) -> Candidate? {
        // `Menurut Joko, …` / `Menurutnya, …` (after an opener such as `Namun,`).
        var t = a
        if t + 1 < z, isComma(t + 1), columns.kinds[t] == .word, speech(t) == nil {
            t += 2
        } else if let c = commaAfterConnective(t, before: z) {
            t = c + 1
        }
        if let v = speech(t), v.isMenurut || opensAsCue(t, v) {
            if v.hasSpeakerClitic {
                let s = isComma(t + 1) ? t + 2 : t + 1
                return statement(s, z, cue: t, phrase: .pronoun(clitic(t)))
            }
            var c = t + 1
            while c < z && c < t + 14 && !isComma(c) { c += 1 }
            guard c < z, isComma(c) else { return nil }
            // `Menurut Kepala Dinas Kesehatan, Abdul Hakam, …`: the person named between commas
            // after the role is the speaker, and the statement starts after the second comma.
            if case .role = phraseAfter(t + 1, limit: c), let (m, e) = personBetweenCommas(after: c, before: z) {
                return statement(e + 1, z, cue: t, phrase: .mention(m))
            }
            let phrase = phraseAfter(t + 1, limit: c)
            // `Menurut Budi Santoso, Kepala Dinas Pendidikan, …`: the role is not said.
            return phrase.isNone ? nil : statement(appositionEnd(after: c, before: z) + 1, z, cue: t, phrase: phrase)
        }
        var c = firstCue(atOrAfter: a + 1)
        while c < marks.cues.count, Int(marks.cues[c].token) < z {
            let k = Int(marks.cues[c].token)
            let v = verb(marks.cues[c].verb)
            c += 1
            if v.form == .men, k + 1 < z,
               isComma(k + 1) || tokenIs(k + 1, "bahwa") || v.isSaying && columns.kinds[k + 1] == .word {
                // `Tri menjelaskan, regulasi …` / `Ia mengatakan bahwa …`.
                let phrase = subjectBefore(k, from: a)
                if phrase.isNone { continue }
                var s = k + 1
                while s < z, isComma(s) || tokenIs(s, "bahwa") { s += 1 }
                // `mengatakan di Jakarta, Senin (12/5), harga …`: when and where, then what.
                s = afterAttributionHead(s, z)
                while s < z, isComma(s) || tokenIs(s, "bahwa") { s += 1 }
                return statement(s, z, cue: k, phrase: phrase)
            }
            if isComma(k - 1), k - 1 > a, v.form == .bare || v.form == .nya || v.isMenurut {
                // `…, kata Joko.` / `…, ujarnya.` / `Kunjungan, kata dia, terbuka …`.
                let phrase = v.hasSpeakerClitic ? SpeakerPhrase.pronoun(clitic(k)) : phraseAfter(k + 1, limit: z)
                if phrase.isNone { continue }
                var e = k + 1
                while e < z && !isComma(e) { e += 1 }
                // `…, kata Budi Santoso, Kepala Dinas Pendidikan.` / `…, kata Kepala Dinas
                // Pendidikan, Budi Santoso, …`: the speaker's apposition is not said.
                e = appositionEnd(after: e, before: z)
                // `…, kata Budi di Jakarta, Senin (12/5).`: when and where it was said, not more of it.
                if e < z, isAttributionTail(e + 1, z) { return statement(a, k - 1, cue: k, phrase: phrase) }
                if e + 2 < z {
                    // Interposed: the statement goes on after the speaker.
                    let parts: Parts = [a..<(k - 1), (e + 1)..<z]
                    guard parts[1].count >= 2, parts[0].count + parts[1].count >= 3 else { return nil }
                    return Candidate(kind: .indirect, parts: parts, cue: k, phrase: phrase)
                }
                if e < z { return nil }  // more than a speaker after the cue
                return statement(a, k - 1, cue: k, phrase: phrase)
            }
        }
        return nil
    }

    /// The comma closing an opener of two to four words that starts with a connective
    /// (`Sementara itu,`, `Meski begitu,`, `Lebih lanjut,`), with no name or reporting verb in
    /// it; nil otherwise. A noun phrase before the comma (`Langkah ini, menurut Budi, …`) is
    /// the subject of what is reported, not an opener.
    func commaAfterConnective(_ a: Int, before z: Int) -> Int? {
        guard a < z, word(a, in: words.connectives) else { return nil }
        return commaClosingOpener(a, before: z, words: 4)
    }

    /// Whether token `t`, verb `v`, opens its sentence as `Menurut` does: a verb of saying in
    /// its bare form, capitalised, that is no other word (`Kata Budi, …`, `Ujar dia, …`; not
    /// `Jelas, …`).
    func opensAsCue(_ t: Int, _ v: VerbRef) -> Bool {
        v.form == .bare && v.isSaying && columns.flags[t].contains(.capitalized) && !words.verbs.verbs[Int(v.index)].isAmbiguous
    }

    /// Where the speaker's phrase ends that comma `c` follows: the comma (or `z`) after an
    /// apposition of the speaker between `c` and it (``isApposition(_:)``), else `c`.
    func appositionEnd(after c: Int, before z: Int) -> Int {
        guard c < z, isComma(c) else { return c }
        var e = c + 1
        while e < z && !isComma(e) && !isTerminal(e) && quoteFamily(e) == 0 { e += 1 }
        guard e == z || isComma(e), isApposition(c + 1..<e) else { return c }
        return e
    }

    /// Whether tokens `r` are a clause of `yang` giving the speaker a title or a description
    /// (`yang juga warga setempat`, `yang merupakan pengamat politik`): `yang`, a word of
    /// ``QuoteWords/copulas``, at most ten tokens, no quote mark, person or verb of saying
    /// (`yang penting …` opens what is said).
    func isTitleClause(_ r: Range<Int>) -> Bool {
        guard r.count >= 3, r.count <= 10, tokenIs(r.lowerBound, "yang"), word(r.lowerBound + 1, in: words.copulas) else { return false }
        return !r.contains { quoteFamily($0) != 0 || isPerson(mentionAt($0)) || speech($0) != nil }
    }

    /// Whether tokens `s..<z`, after a speaker and a comma, tell when, where or from what source
    /// the words were said rather than say more (`Senin (12/5/2025)`; `saat dihubungi
    /// wartawan, Senin (12/5)`; `seperti dikutip dari Antara`): pieces between commas, each a
    /// date, a source or a phrase of circumstance, and among them a date, a source or a word of
    /// the occasion (a circumstance alone, `dalam beberapa pekan terakhir`, may be said).
    func isAttributionTail(_ s: Int, _ z: Int) -> Bool {
        let (end, dated) = attributionPieces(s, z, openingPada: true)
        return dated && end >= z
    }

    /// The first token after the pieces from `s` that tell when, where or how the words were
    /// said (``isAttributionTail(_:_:)``'s pieces, a date or an occasion among them) and the
    /// comma closing them, when something follows before `z`; else `s`. A piece opening with
    /// `pada` dates what is reported (`mengatakan, pada kuartal ketiga, ekonomi …`), not the saying.
    func afterAttributionHead(_ s: Int, _ z: Int) -> Int {
        let (end, dated) = attributionPieces(s, z, openingPada: false)
        return dated && end < z ? end : s
    }

    /// Where the pieces between commas from `s` (before `z`) that are ``tailPiece(_:)``s end:
    /// the first token of the first other piece, or past `z`; and whether a date, a source or
    /// an occasion is among them. Without `openingPada`, a piece that opens with `pada` ends them.
    func attributionPieces(_ s: Int, _ z: Int, openingPada: Bool) -> (end: Int, dated: Bool) {
        var k = s, dated = false
        while k < z {
            var e = k
            while e < z, !isComma(e) { e += 1 }
            guard e > k, openingPada || !tokenIs(k, "pada") && !tokenIs(k, "Pada"), let piece = tailPiece(k..<e) else { break }
            dated = dated || piece
            k = e + 1
        }
        return (k, dated)
    }

    /// What the piece `r` of an attribution's tail is (``isAttributionTail(_:_:)``): true for a
    /// date, a source or a circumstance of the occasion, false for another circumstance, nil
    /// for anything else.
    func tailPiece(_ r: Range<Int>) -> Bool? {
        // What is said runs longer: most pieces stop here.
        guard r.count <= 8 else { return nil }
        if r.contains(where: { columns.kinds[$0] != .punctuation }),
           r.allSatisfy({ isInDate($0) || word($0, in: words.days) || columns.kinds[$0] == .punctuation }) {
            return true
        }
        let first = r.lowerBound
        guard columns.kinds[first] == .word, !columns.flags[first].contains(.capitalized) else { return nil }
        let source = word(first, in: words.sourceWords)
            || r.count > 1 && (tokenIs(first, "seperti") || tokenIs(first, "sebagaimana")) && word(first + 1, in: words.sourceWords)
        guard source || word(first, in: words.circumstances) else { return nil }
        for t in r where quoteFamily(t) != 0 || isPerson(mentionAt(t)) || t > first && speech(t) != nil { return nil }
        return source || r.contains { word($0, in: words.occasionWords) || isInDate($0) }
    }

    /// Whether token `t` is inside a date or a time the tagger found (the mentions in text
    /// order: the few starting at or before `t` are looked at).
    func isInDate(_ t: Int) -> Bool {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions.start(mid) <= t { lo = mid + 1 } else { hi = mid }
        }
        for k in stride(from: lo - 1, through: max(0, lo - 3), by: -1) where mentions.end(k) > t {
            if mentions.type(k) == .date || mentions.type(k) == .time { return true }
        }
        return false
    }

    /// Whether tokens `r` name the speaker again rather than say something: a person the
    /// tagger found and nothing else (`kata Kepala Dinas, Budi Santoso`), or a title: a role
    /// word, then only capitalised words, mentions, role words, acronyms in brackets and the
    /// lower-case words of titles (``QuoteWords/roleJoiners``: `Kepala Dinas Pendidikan Kota
    /// Semarang`, `Kepala Bidang Humas Polda Metro Jaya`; not `Presiden akan datang besok`),
    /// or a clause of `yang` that gives one (``isTitleClause(_:)``).
    func isApposition(_ r: Range<Int>) -> Bool {
        guard r.count >= 1, r.count <= 15 else { return false }
        let m = mentionAt(r.lowerBound)
        if isPerson(m), mentions.start(Int(m)) == r.lowerBound, mentions.end(Int(m)) == r.upperBound { return true }
        if isTitleClause(r) { return true }
        guard isRoleWord(r.lowerBound), columns.flags[r.lowerBound].contains(.capitalized) else { return false }
        var k = r.lowerBound + 1
        while k < r.upperBound {
            if let close = bracketedAcronymEnd(at: k, limit: r.upperBound) { k = close + 1; continue }
            let capital = !columns.flags[k].isDisjoint(with: [.capitalized, .allCaps])
            guard capital || mentionAt(k) >= 0 || isRoleWord(k) || word(k, in: words.roleJoiners) else { return false }
            k += 1
        }
        return true
    }

    /// The person named alone after comma `c` (`…, Abdul Hakam, …`) and the comma closing the
    /// name, before `z`; or nil.
    func personBetweenCommas(after c: Int, before z: Int) -> (mention: Int, comma: Int)? {
        // Titles may come before the name (`Menurut Kepala Dinas Kesehatan, Dr. Sri Handayani, …`).
        var p = c + 1
        while p < z, p < c + 4, columns.kinds[p] == .abbreviation { p += 1 }
        guard p < z, case let m = mentionAt(p), isPerson(m), mentions.start(Int(m)) == p else { return nil }
        let e = mentions.end(Int(m))
        return e < z && isComma(e) ? (Int(m), e) : nil
    }

    func statement(_ s: Int, _ e: Int, cue: Int, phrase: SpeakerPhrase) -> Candidate? {
        var e = e
        while e > s, isComma(e - 1) { e -= 1 }
        guard e - s >= 3 else { return nil }
        return Candidate(kind: .indirect, parts: [s..<e], cue: cue, phrase: phrase)
    }

    // MARK: Speakers

    /// Resolves each candidate's speaker in text order, following the document.
    func resolve() -> [Quote] {
        var quotes: [Quote] = []
        quotes.reserveCapacity(candidates.count)
        // Speakers are read back from the quotes made so far, not copied aside.
        var last = -1             // the last quote with a speaker
        var lastEnd = -1          // the token where the last attributed statement ended
        var lastSentence = -10
        var quoted: [Bool]? = nil  // by token, whether a statement covers it; built when first asked
        var roles: [Substring: [(Int, String)]]? = nil  // built at the first role standing for a speaker
        // By entity, the last quote where its speaker was made (-1: none): a column, not a list
        // searched for each quote (quadratic in a document of thousands of speakers).
        var known = [Int32](filled: -1, count: entities.count)
        var made = false
        for ci in candidates.indices {
            let c = candidates[ci]
            // The latest person introduced as a subject since the last attribution (asked for
            // pronouns and quotes without a cue only).
            let anchor = min(c.cue ?? c.start, c.start)
            var speaker: Speaker? = nil
            made = false
            // `kata bek berusia 23 tahun itu` after `… Jay Idzes mengaku senang.`: a description
            // ending in a demonstrative is read as a pronoun is.
            func pointingBack() -> (Speaker, Bool)? {
                guard let d = c.cue.flatMap(descriptionPointingBack), let m = subject(after: lastEnd, before: anchor),
                      !isTopic(m, ofQuote: last, quotes) else { return nil }
                return make(mention: m, at: range(d.lowerBound, d.upperBound), by: .pronoun, known: known, quotes: quotes)
            }
            switch c.phrase {
            case .mention(let m):
                (speaker, made) = make(mention: m, at: range(mentions.start(m), mentions.end(m)), by: .name, known: known, quotes: quotes)
            case .pronoun(let r):
                if let m = latest(subject(after: lastEnd, before: anchor), newPersonWithRole(after: lastEnd, before: anchor, quoted: &quoted)),
                   !isTopic(m, ofQuote: last, quotes) {
                    (speaker, made) = make(mention: m, at: r, by: .pronoun, known: known, quotes: quotes)
                } else if !lastSpeakerIsPerson(last, quotes), let m = lastPerson(after: lastEnd, before: anchor, quoted: &quoted) {
                    (speaker, made) = make(mention: m, at: r, by: .pronoun, known: known, quotes: quotes)
                } else if last >= 0, var s = speakerOfQuote(lastSaidByPerson(last, quotes), in: quotes) {
                    s.mention = r; s.resolvedBy = .pronoun
                    speaker = s
                }
            case .role(let r):
                if roles == nil { roles = roleIndex() }
                speaker = roleHolder(r, before: c.start, index: roles!)
                // A role no one named holds, described and pointing back (`kata bek berusia 23
                // tahun itu`), is the subject before it.
                if speaker?.entity == nil, let found = pointingBack() { (speaker, made) = found }
            case .unnamed:
                speaker = nil
            case .none:
                if c.kind == .direct, let m = nameBeforeColon(opening: c.start) ?? agentOfTheNextSentence(after: c.end) {
                    (speaker, made) = make(mention: m, at: range(mentions.start(m), mentions.end(m)), by: .name, known: known, quotes: quotes)
                } else if let found = pointingBack() {
                    (speaker, made) = found
                } else if c.kind == .direct, last >= 0, var s = speakerOfQuote(last, in: quotes), sentence(of: c.start) - lastSentence <= 2,
                   subject(after: lastEnd, before: anchor) == nil {
                    s.resolvedBy = .previous
                    speaker = s
                }
            }
            if speaker != nil {
                last = quotes.count
                if made, let e = speaker?.entity, e < known.count { known[e] = Int32(last) }
                lastEnd = max(c.end, c.cue ?? 0)
                lastSentence = sentence(of: max(c.end - 1, c.start))
            }
            let cue = c.cue.map { QuoteCue(token: $0, range: range($0), lemma: lemma(ofCue: $0)) }
            quotes.append(Quote(kind: c.kind, parts: c.parts.map { range($0.lowerBound, $0.upperBound) }, cue: cue,
                                speaker: speaker))
        }
        return quotes
    }

    /// The words after cue `cue` that describe the speaker and end in a demonstrative, pointing
    /// back at someone named before (`kata bek berusia 23 tahun itu`, `ujar pria kelahiran Jawa
    /// Tengah ini`): a role's head word or a noun of ``QuoteWords/personNouns`` first, at most
    /// eight words and numbers, capitalised words among them; nil otherwise (`kata sumber itu`,
    /// `tulis media tersebut`).
    func descriptionPointingBack(after cue: Int) -> Range<Int>? {
        guard cue + 1 < n, isRoleWord(cue + 1) || word(cue + 1, in: words.personNouns) else { return nil }
        var j = cue + 1
        while j < n, j <= cue + 8, columns.kinds[j] == .word || columns.kinds[j] == .number {
            if j > cue + 1, word(j, in: words.demonstratives) { return cue + 1..<j + 1 }
            j += 1
        }
        return nil
    }

    /// Whether person mention `m`, which no reporting verb makes speak, is someone quote `i`
    /// (the last with a speaker, by a person; -1 for none) talks about: the quote names the
    /// same entity (`Paulus menambahkan, NT tidak hanya …`, `NT juga aktif …`, then `”…,”
    /// ujarnya`: Paulus still speaks).
    func isTopic(_ m: Int, ofQuote i: Int, _ quotes: [Quote]) -> Bool {
        guard i >= 0, lastSpeakerIsPerson(i, quotes), speech(mentions.end(m)).map({ $0.form != .men }) ?? true,
              entityOfMention.count > m, case let e = entityOfMention[m], e >= 0, speakerOfQuote(i, in: quotes)?.entity != e else { return false }
        let first = mentions.start(m)
        for t in candidates[i].start..<candidates[i].end {
            let k = Int(mentionAt(t))
            if k >= 0, k != m, entityOfMention.count > k, entityOfMention[k] == e { return true }
            // The same word untagged there (`NT`, named by initials).
            if k < 0, isSameWord(t, first) { return true }
        }
        return false
    }

    /// Whether tokens `a` and `b` are the same bytes.
    func isSameWord(_ a: Int, _ b: Int) -> Bool {
        let sa = Int(columns.starts[a]), ea = Int(columns.ends[a]), sb = Int(columns.starts[b]), eb = Int(columns.ends[b])
        guard ea - sa == eb - sb else { return false }
        return (0..<(ea - sa)).allSatisfy { columns.bytes[sa + $0] == columns.bytes[sb + $0] }
    }

    /// The last quote up to `i` (the last with a speaker) that a person said, or a role with
    /// no name, within ``pronounQuoteReach`` quotes: `dia` speaks for a person, not for the
    /// organization quoted since (`KPK juga berharap …` between Budi Prasetyo's quote and
    /// `ucap dia`). `i` when there is none.
    func lastSaidByPerson(_ i: Int, _ quotes: [Quote]) -> Int {
        var j = i
        while j >= 0, j > i - QuoteScan.pronounQuoteReach {
            if let s = quotes[j].speaker, s.entity.map({ entities[$0].type == .per }) ?? true { return j }
            j -= 1
        }
        return i
    }

    /// How many quotes back a pronoun looks for a person's (``lastSaidByPerson(_:_:)``).
    static let pronounQuoteReach = 4

    /// Whether quote `i` (the last with a speaker; -1 for none) was said by a person.
    func lastSpeakerIsPerson(_ i: Int, _ quotes: [Quote]) -> Bool {
        guard i >= 0, let e = speakerOfQuote(i, in: quotes)?.entity else { return false }
        return entities[e].type == .per
    }

    /// The last person named outside statements after token `after` and before token `before`,
    /// at most ``personReach`` tokens back: a pronoun speaks for a person, so when the last
    /// speaker was an organization (or nobody), the person named since is the better reading.
    /// `quoted` marks the tokens statements cover, built at the first call. The people and
    /// organizations of ``spans`` are walked back from `before`, not the tokens (each looked up
    /// by a binary search); `accepts` is asked once per person.
    func lastPerson(after: Int, before: Int, quoted: inout [Bool]?, where accepts: (Int) -> Bool = { _ in true }) -> Int? {
        if quoted == nil {
            var marks = [Bool](filled: false, count: n)
            for c in candidates { for t in c.start..<min(c.end, n) { marks[t] = true } }
            quoted = marks
        }
        // The tokens looked at: `low...high`.
        let high = min(before, n) - 1, low = max(after + 1, before - QuoteScan.personReach, 0)
        guard low <= high else { return nil }
        var s = lastSpan(startingAtOrBefore: high)
        while s >= 0, Int(spans[s].end) > low {
            let m = Int(spans[s].mention)
            s -= 1
            guard mentions.type(m) == .per,
                  hasUnquotedToken(max(low, mentions.start(m)), min(high, mentions.end(m) - 1), quoted!),
                  accepts(m) else { continue }
            return m
        }
        return nil
    }

    /// The index of the last of ``spans`` starting at or before token `i`, -1 for none.
    func lastSpan(startingAtOrBefore i: Int) -> Int {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(spans[mid].start) <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// Whether a token of `a...b` lies outside every statement (`quoted` false).
    func hasUnquotedToken(_ a: Int, _ b: Int, _ quoted: [Bool]) -> Bool {
        var k = a
        while k <= b {
            if !quoted[k] { return true }
            k += 1
        }
        return false
    }

    /// Of two mentions (either may be missing), the one later in the text.
    func latest(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return a ?? b }
        return mentions.start(b) > mentions.start(a) ? b : a
    }

    /// The last person after token `after` and before token `before`, outside statements and at
    /// most ``personReach`` tokens back, that the document names there for the first time, by a
    /// full name and with a role (`Salah satunya adalah Ketua Perkumpulan … Hasbullah
    /// Thabrany.`): news introduces a new speaker so, and a pronoun after it speaks for them.
    func newPersonWithRole(after: Int, before: Int, quoted: inout [Bool]?) -> Int? {
        lastPerson(after: after, before: before, quoted: &quoted) { m in
            // (Its fields read in place: a copy of the mention would copy its strings.)
            let start = mentions.start(m), end = mentions.end(m)
            // A full name: two words or more, none a letter alone (`Peleton B` is a unit).
            guard mentions.role(m) != nil, end - start >= 2,
                  (start..<end).allSatisfy({ columns.ends[$0] - columns.starts[$0] >= 2 }),
                  entityOfMention.count > m, case let e = entityOfMention[m], e >= 0 else { return false }
            return !entities[e].mentions.isEmpty && entities[e].mentions.start(0) == start
        }
    }

    /// How far back, in tokens, ``lastPerson(after:before:quoted:)`` looks: a few sentences.
    static let personReach = 300

    /// The speaker of quote `i` (read in place through a Span: `quotes[i].speaker` would copy the
    /// whole quote).
    func speakerOfQuote(_ i: Int, in quotes: [Quote]) -> Speaker? { quotes.span[i].speaker }

    func range(_ a: Int, _ b: Int) -> TextRange { TextRange(Int(columns.starts[a]), Int(columns.ends[b - 1])) }

    /// The person introduced last by a sentence outside quotes (``introducedPerson(ofSentence:)``:
    /// `Joko Susilo, Ketua …, mendukung …`, `Sementara itu, Joko …`) with its first token after
    /// token `after` and before token `before`: its mention. Sentences are read backwards from
    /// `before`, so a pronoun right after the last statement reads one or two.
    func subject(after: Int, before: Int) -> Int? {
        guard before > 0, before > after + 1 else { return nil }
        var s = sentence(of: before - 1)
        while s >= 0 {
            let a = Int(columns.sentenceTokenStarts[s])
            if let k = introducedPerson(ofSentence: s) {
                if k <= after { return nil }
                if k < before { return Int(mentionAt(k)) }
            }
            if a <= after + 1 { return nil }
            s -= 1
        }
        return nil
    }

    /// The first token of the person sentence `s` introduces, if it lies outside every
    /// statement: its subject (``subjectToken(_:_:)``) or the agent of a passive reporting verb
    /// (``passiveAgent(_:_:)``).
    func introducedPerson(ofSentence s: Int) -> Int? {
        let a = Int(columns.sentenceTokenStarts[s]), z = Int(columns.sentenceTokenStarts[s + 1])
        guard a < z else { return nil }
        if reach.overlaps(a, z, candidates) { return nil }  // a quoted sentence
        return subjectToken(a, z) ?? passiveAgent(a, z)
    }

    /// The first token of the person who opens the sentence `a..<z` as its subject: after a
    /// role (``isInRolePhrase(_:)``), or after an opener and a comma (`Sementara itu,`, `Meski
    /// demikian,`: ``commaAfterOpener(_:before:)``).
    func subjectToken(_ start: Int, _ z: Int) -> Int? {
        var a = start
        if mentionAt(a) < 0, columns.ends[a] - columns.starts[a] >= 2, columns.ends[a] - columns.starts[a] <= 12 {
            if word(a, in: words.shiftOpeners) {
                var c = a + 1
                while c < z && c < a + 5 && !isComma(c) { c += 1 }
                guard c < z, isComma(c) else { return nil }
                a = c + 1
            } else if let c = commaAfterOpener(a, before: z) {
                a = c + 1
            }
        }
        return personAfterRolePhrase(from: a, before: z)
    }

    /// The first token of the person a passive reporting verb near the start of the sentence
    /// `a..<z` names as its agent (`Hal senada dikemukakan Koordinator Nasional DFW Indonesia
    /// Muhammad Abdi Suhufan.`): the verb before any comma, `oleh` perhaps, then a role or other
    /// capitalised words and the person.
    func passiveAgent(_ a: Int, _ z: Int) -> Int? {
        passiveVerb(a, z).flatMap { passiveAgent(ofVerb: $0, a, z) }
    }

    /// The passive reporting verb near the start of the sentence `a..<z`, before any comma
    /// or quote mark (``passiveAgent(_:_:)``'s verb), or nil.
    func passiveVerb(_ a: Int, _ z: Int) -> Int? {
        guard z - a >= 3 else { return nil }
        var k = a
        while k < z, k < a + 6, !(speech(k).map { $0.form == .di } ?? false) {
            if isComma(k) || quoteFamily(k) != 0 { return nil }
            k += 1
        }
        return k < z && k < a + 6 ? k : nil
    }

    /// The first token of the person passive verb `v` of the sentence `a..<z` names as its agent.
    func passiveAgent(ofVerb v: Int, _ a: Int, _ z: Int) -> Int? {
        var k = v + 1
        if k < z, tokenIs(k, "oleh") { k += 1 }
        return personAfterRolePhrase(from: k, before: min(z, a + 24))
    }

    /// The first token of the person reached from token `k` over a role or name run
    /// (``isInRolePhrase(_:)``) and other mentions, before token `z`; nil at anything else.
    func personAfterRolePhrase(from start: Int, before z: Int) -> Int? {
        var k = start + descriptorLength(at: start, before: z)
        while k < z {
            let m = mentionAt(k)
            if isPerson(m) { return k }
            if m >= 0 { k = mentions.end(Int(m)); continue }
            guard isInRolePhrase(k) else { return nil }
            k += 1
        }
        return nil
    }

    /// The number of lower-case words at token `k` that describe the person named after them,
    /// as news writes an occupation before a name (`kapten tim Jay Idzes`, `pengamat politik
    /// Burhanuddin Muhtadi`, and opening a sentence `Ekonom senior Indef Faisal Basri`): a
    /// role's head word and at most two more lower-case words, none a
    /// relative or a relational title (`istri Budi`, `kuasa hukum Budi`: someone else speaks),
    /// a joining word, a preposition, a demonstrative or a reporting verb, before a capitalised
    /// word; 0 otherwise.
    func descriptorLength(at k: Int, before z: Int) -> Int {
        func isLowercaseWord(_ j: Int) -> Bool { self.isLowercaseWord(j) && mentionAt(j) < 0 }
        // Capitalised, the role word opens the sentence (`Ekonom senior Indef Faisal Basri …`):
        // a lower-case word must follow it, else the role phrase reads it.
        guard k < z, columns.kinds[k] == .word, mentionAt(k) < 0, case let capital = columns.flags[k].contains(.capitalized),
              capital || isLowercaseWord(k), isRoleWord(k), !word(k, in: words.relatives),
              RelationalRoles.length(at: k, in: columns) == 0 else { return 0 }
        var j = k + 1
        while j < z, j < k + 3, isLowercaseWord(j) {
            if word(j, in: words.relatives) || word(j, in: words.roleJoiners) || word(j, in: words.sourcePrepositions)
                || word(j, in: words.demonstratives) || speech(j) != nil { return 0 }
            j += 1
        }
        guard !capital || j > k + 1 else { return 0 }
        return j < z && !columns.flags[j].isDisjoint(with: [.capitalized, .allCaps]) ? j - k : 0
    }

    /// The comma closing a short opener of common words that starts at token `a` (`Meski
    /// demikian,`, `Sebelumnya,`): at most four words, no name, no pronoun (`Ia berharap,` is a
    /// clause with its own subject) and no reporting verb in it; or nil.
    func commaAfterOpener(_ a: Int, before z: Int) -> Int? {
        guard word(a, in: words.commonWords), !isPronoun(a) else { return nil }
        return commaClosingOpener(a, before: z, words: 5)
    }

    /// The comma after at most `count` tokens from `a`, none of them a mention, a reporting
    /// verb or a quote mark; nil otherwise (the opener of ``commaAfterOpener(_:before:)`` and
    /// ``commaAfterConnective(_:before:)``).
    func commaClosingOpener(_ a: Int, before z: Int, words count: Int) -> Int? {
        var c = a
        while c < z && c < a + count && !isComma(c) {
            if mentionAt(c) >= 0 || speech(c) != nil || quoteFamily(c) != 0 { return nil }
            c += 1
        }
        return c < z && isComma(c) ? c : nil
    }

    /// Whether token `k` may stand in the role or name run that opens a sentence before its
    /// subject: a capitalised word, a number, a bracket or dash (`Pembina Komunitas Bike to Work
    /// (B2W)`, `Satgas Covid - 19`), or a word that joins the parts of a role or an
    /// organization's name (`Ketua sekaligus Pendiri`, `Bike to Work`).
    func isInRolePhrase(_ k: Int) -> Bool {
        switch columns.kinds[k] {
        case .word: columns.flags[k].contains(.capitalized) || columns.flags[k].contains(.allCaps) || word(k, in: words.roleJoiners)
        case .number: true
        case .punctuation: !columns.flags[k].isDisjoint(with: [.openingBracket, .closingBracket, .dash])
        default: false
        }
    }

    /// A speaker from mention `m` (a person or an organization), and whether it was made here
    /// rather than taken from an earlier quote: `known` gives, by entity, the last quote where
    /// its speaker was made (-1 for none), so each entity's role and affiliation are looked up once.
    func make(mention m: Int, at r: TextRange, by: Speaker.Resolution, known: [Int32],
              quotes: [Quote]) -> (Speaker, Bool) {
        let e = entityOfMention[m]
        if e >= 0, e < known.count, known[e] >= 0, var s = speakerOfQuote(Int(known[e]), in: quotes),
           mentions.role(m) == nil || mentions.role(m) == s.role {
            s.mention = r; s.resolvedBy = by
            return (s, false)
        }
        let name = e >= 0 ? entities[e].name : text(range(mentions.start(m), mentions.end(m)))
        var role = mentions.role(m)
        var near = mentions.start(m)
        if e >= 0 {
            if role == nil, let withRole = entities[e].mentions.indices.first(where: { entities[e].mentions.role($0) != nil }) {
                role = entities[e].mentions.role(withRole)
                near = entities[e].mentions.start(withRole)
            }
        }
        return (Speaker(name: name, entity: e >= 0 ? e : nil, role: role, affiliation: role.flatMap { affiliation($0, near: near) },
                        mention: r, resolvedBy: by), true)
    }

    /// The organization named in `role`, a role stated next to token `near`: the longest
    /// organization mentioned there whose name the role contains.
    func affiliation(_ role: String, near: Int) -> String? {
        var best: TextRange? = nil
        var role = role
        role.makeContiguousUTF8()
        let roleBytes = role.utf8.span
        // The people and organizations near the role, from the first one at or after `near - 24`.
        let from = max(0, near - 24), to = min(n, near + 30)
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(spans[mid].end) <= from { lo = mid + 1 } else { hi = mid }
        }
        while lo < spans.count, Int(spans[lo].start) < to {
            let m = Int(spans[lo].mention)
            lo += 1
            guard mentions.type(m) == .org else { continue }
            let r = range(mentions.start(m), mentions.end(m))
            guard r.count > (best?.count ?? 0) else { continue }
            let name = Array(columns.bytes[r.range])
            if ByteSearch.offset(of: name.span, in: roleBytes) != nil { best = r }
        }
        return best.map { self.text($0) }
    }

    /// The first word of `key` (all of it when it has one).
    static func firstWord(_ key: String) -> Substring { key[..<(key.utf8.firstIndex(of: 0x20) ?? key.endIndex)] }

    /// Persons by the first word of each role they hold: (entity, role key).
    func roleIndex() -> [Substring: [(Int, String)]] {
        var index: [Substring: [(Int, String)]] = [:]
        for e in entities.indices where entities[e].type == .per {
            for role in entities[e].roles {
                let k = MatchKey.make(role)
                index[QuoteScan.firstWord(k), default: []].append((e, k))
            }
        }
        return index
    }

    /// The person holding role `r` (`Presiden`, `Menteri Kesehatan`): the one mentioned last
    /// before `before` with that role, or the first after; the role alone when nobody holds it.
    func roleHolder(_ r: Range<Int>, before: Int, index: [Substring: [(Int, String)]]) -> Speaker {
        let text = text(range(r.lowerBound, r.upperBound))
        let want = MatchKey.make(text)
        var best: (Int, Int)? = nil  // entity, mention start
        for (e, k) in index[QuoteScan.firstWord(want)] ?? [] where k.hasPrefix(want) || want.hasPrefix(k) {
            // The entity's last mention before `before`, else its first.
            var at = -1
            for m in entities[e].mentions.indices where entities[e].mentions.start(m) < before {
                at = max(at, entities[e].mentions.start(m))
            }
            if at < 0 { at = entities[e].mentions.start(0) }
            if best == nil || (at < before && (best!.1 >= before || at > best!.1)) { best = (e, at) }
        }
        let mention = range(r.lowerBound, r.upperBound)
        guard let (e, at) = best else {
            return Speaker(name: nil, entity: nil, role: text, affiliation: affiliation(text, near: r.lowerBound),
                           mention: mention, resolvedBy: .role)
        }
        let role = entities[e].roles.first ?? text
        return Speaker(name: entities[e].name, entity: e, role: role, affiliation: affiliation(role, near: at), mention: mention,
                       resolvedBy: .role)
    }
}

extension QuoteAttributor {
    /// `mentions` plus the speakers the tagger missed: an unknown capitalised name (one to four
    /// words, not all common words) as the subject of a reporting verb (`Dani Setiawan menilai, …`,
    /// `Abdian Saputra, Koordinator …, mengatakan, …`). Run it before entity resolution so the
    /// new people get identities.
    public func addingSpeakers(_ doc: Document, to mentions: [EntityMention], marks: SpeechMarks) -> [EntityMention] {
        withExtendedLifetime(marks) { addingSpeakers(doc, to: mentions, marks: marks.marks) }
    }

    /// ``addingSpeakers(_:to:marks:)`` finding the marks itself.
    public func addingSpeakers(_ doc: Document, to mentions: [EntityMention]) -> [EntityMention] {
        addingSpeakers(doc, to: mentions, marks: marks(in: doc))
    }

    func addingSpeakers(_ doc: Document, to mentions: [EntityMention], marks: Marks) -> [EntityMention] {
        var search = SpeakerSearch(doc: doc, words: words, mentions: mentions)
        guard let firstCandidate = marks.cues.firstIndex(where: search.mayFollowAName) else { return mentions }
        var sentence = 0
        for (j, cue) in marks.cues.enumerated() where j == firstCandidate || j > firstCandidate && search.mayFollowAName(cue) {
            let k = Int(cue.token)
            while Int(doc.sentenceTokenStarts[sentence + 1]) <= k { sentence += 1 }
            let a = Int(doc.sentenceTokenStarts[sentence]), z = Int(doc.sentenceTokenStarts[sentence + 1])
            guard k > a, k + 1 < z else { continue }
            if let r = search.nameBeforeCue(k, sentenceStart: a) ?? search.nameBeforeAffiliation(k, sentenceStart: a)
                ?? search.nameOpeningSentence(k, sentenceStart: a) {
                search.added.append(EntityMention(start: r.lowerBound, end: r.upperBound, type: .per))
            }
        }
        return search.merged()
    }
}

/// The search for speakers the tagger missed, over one document (``QuoteAttributor/addingSpeakers(_:to:)``).
struct SpeakerSearch {
    let doc: Document
    let words: QuoteWords
    /// The tagger's mentions, sorted by their first token.
    let mentions: [EntityMention]
    /// The names found here so far.
    var added: [EntityMention] = []
    /// The document's tokens.
    let t: TokenTable

    init(doc: Document, words: QuoteWords, mentions: [EntityMention]) {
        self.doc = doc; self.words = words; self.mentions = mentions
        t = doc.tokens
    }

    /// A verb of the active form after a capitalised word or a comma, before a comma, `bahwa`
    /// or anything for a verb of saying: only there can a missed name stand before it.
    func mayFollowAName(_ cue: Marks.Cue) -> Bool {
        let k = Int(cue.token)
        guard k > 0, k + 1 < t.count, words.verbs.verbs[Int(cue.verb)].form == .men,
              t.flags[k - 1].rawValue & QuoteScan.nameOrCommaBits != 0 else { return false }
        return t.flags[k + 1].contains(.comma) || words.verbs.verbs[Int(cue.verb)].isSaying
            || doc.bytes[Int(t.starts[k + 1])..<Int(t.ends[k + 1])].elementsEqual("bahwa".utf8)
    }

    /// The unknown name just before the cue at `k` (`Dani Setiawan menilai, …`): a capitalised
    /// run standing alone, or, in a long capitalised run (`Direktur Eksekutif Network for …
    /// Integrity Ferry Kurnia Rizkiyansyah menuturkan`), the part from its given name on.
    func nameBeforeCue(_ k: Int, sentenceStart a: Int) -> Range<Int>? {
        guard let r = name(endingAt: k, floor: a) else { return nil }
        if r.lowerBound == a || !capitalized(r.lowerBound - 1) { return r }
        if let g = r.first(where: isGivenName), g > r.lowerBound { return g..<r.upperBound }
        return nil
    }

    /// The name opening the sentence when an apposition separates it from the cue
    /// (`Abdian Saputra, Koordinator …, mengatakan`).
    func nameOpeningSentence(_ k: Int, sentenceStart a: Int) -> Range<Int>? {
        guard t.flags[k - 1].contains(.comma) else { return nil }
        var c = a
        while c < k - 1, capitalized(c) { c += 1 }
        guard c > a, c < k - 1, t.flags[c].contains(.comma), c - a <= 4, let r = name(endingAt: c, floor: a),
              r.lowerBound == a else { return nil }
        return r
    }

    /// The capitalised name ending just before `end` and starting at or after `floor`: one to
    /// four words, not all common words, not a lone role word or cue.
    /// The unknown name before an affiliation that ends just before the cue at `k` (`Reynaldi
    /// dari PT House of Rattan mengatakan`): `dari`, then an organization or place the tagger
    /// found.
    func nameBeforeAffiliation(_ k: Int, sentenceStart a: Int) -> Range<Int>? {
        guard let m = mention(covering: k - 1), mentions.type(m) != .per, mentions.end(m) == k,
              case let s = mentions.start(m), s - 1 > a,
              doc.bytes[Int(t.starts[s - 1])..<Int(t.ends[s - 1])].elementsEqual("dari".utf8),
              let r = name(endingAt: s - 1, floor: a), r.lowerBound == a || !capitalized(r.lowerBound - 1) else { return nil }
        return r
    }

    /// The index of the tagger's mention over token `i`, if any (not a nested one).
    func mention(covering i: Int) -> Int? {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions.start(mid) <= i { lo = mid + 1 } else { hi = mid }
        }
        var k = lo - 1
        while k >= 0 && k >= lo - 4 {
            if !mentions.isNested(k) && mentions.end(k) > i { return k }
            k -= 1
        }
        return nil
    }

    func name(endingAt end: Int, floor: Int) -> Range<Int>? {
        var s = end
        while s > floor, end - s < 4, capitalized(s - 1) { s -= 1 }
        guard s < end, !(s..<end).allSatisfy(common), !(end - s == 1 && isRoleOrCue(s)), !isDegreeAfterComma(s) else { return nil }
        return s..<end
    }

    /// Whether token `i` is a degree after a comma (`Budi Santoso, MSc mengatakan`): the name
    /// is before the comma, not this word.
    func isDegreeAfterComma(_ i: Int) -> Bool {
        i > 0 && t.flags[i - 1].contains(.comma) && doc.withColumns { $0.isDegreeShaped(i) }
    }

    /// Whether token `i` lies inside a mention, by a binary search over the mentions' first
    /// tokens (sorted by the tagger) and over the names added here.
    func covered(_ i: Int) -> Bool {
        mention(covering: i) != nil || added.contains { $0.start <= i && i < $0.end }
    }

    func capitalized(_ i: Int) -> Bool {
        t.kinds[i] == .word && t.flags[i].contains(.capitalized) && !t.flags[i].contains(.allCaps) && !covered(i)
    }

    func common(_ i: Int) -> Bool {
        words.commonWords.contains(doc.bytes, Int(t.starts[i])..<Int(t.ends[i]), lowercase: true)
    }

    func isGivenName(_ i: Int) -> Bool {
        words.lexicon.entry(forKey: doc.matchKey(ofToken: i)).map { $0.type == .per } ?? false
    }

    func isRoleOrCue(_ i: Int) -> Bool {
        words.roleHeads.contains(doc.bytes, Int(t.starts[i])..<Int(t.ends[i]), lowercase: true)
            || words.verbs.index(atToken: i, of: doc) != nil
    }

    /// The tagger's mentions with the names added here, merged in order (one copy, no sort of
    /// the whole list).
    func merged() -> [EntityMention] {
        if added.isEmpty { return mentions }
        let found = added.sorted { $0.start < $1.start }
        var out: [EntityMention] = []
        out.reserveCapacity(mentions.count + found.count)
        var a = 0
        for m in mentions {
            while a < found.count && found[a].start < m.start { out.append(found[a]); a += 1 }
            out.append(m)
        }
        out.append(contentsOf: found[a...])
        return out
    }
}

/// The first candidates of a scan in text order, with where they reach: for each index, the
/// index of the one among it and those before it that ends last. A question about which
/// candidate touches a sentence then looks at the few that can, not at every candidate before
/// it (which made a document of thousands of quotes quadratic). Candidates out of order
/// (``isSorted`` false) are looked at one by one, as before.
struct CandidateReach {
    private var farthest: [Int] = []
    private var starts: [Int] = []
    private(set) var isSorted = true

    init() {}

    /// The reach of the first `count` of `candidates`.
    init(_ candidates: [Candidate], count: Int) {
        farthest.reserveCapacity(count); starts.reserveCapacity(count)
        for k in 0..<count {
            let start = candidates[k].start
            if let last = starts.last, start < last { isSorted = false }
            starts.append(start)
            farthest.append(k > 0 && candidates[farthest[k - 1]].end >= candidates[k].end ? farthest[k - 1] : k)
        }
    }

    /// The last index whose candidate starts before token `z`, -1 for none.
    func last(startingBefore z: Int) -> Int {
        guard isSorted else { return starts.count - 1 }
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < z { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// Whether a candidate at index `d` or before ends after token `a`.
    func canReach(_ a: Int, through d: Int, _ candidates: [Candidate]) -> Bool {
        !isSorted || candidates[farthest[d]].end > a
    }

    /// Whether a candidate overlaps the tokens `a..<z`.
    func overlaps(_ a: Int, _ z: Int, _ candidates: [Candidate]) -> Bool {
        guard isSorted else { return candidates.prefix(starts.count).contains { $0.start < z && $0.end > a } }
        // Every candidate up to `d` starts before `z`: the one that ends last decides.
        let d = last(startingBefore: z)
        return d >= 0 && candidates[farthest[d]].end > a
    }
}

extension Array where Element == EntityMention {
    // A mention's fields read in place: `mentions[m].start` may copy the whole mention, and
    // with it its three strings.

    /// The first token of mention `m`.
    @inline(__always) func start(_ m: Int) -> Int { span[m].start }
    /// One past the last token of mention `m`.
    @inline(__always) func end(_ m: Int) -> Int { span[m].end }
    /// The type of mention `m`.
    @inline(__always) func type(_ m: Int) -> EntityType { span[m].type }
    /// The role of mention `m`.
    @inline(__always) func role(_ m: Int) -> String? { span[m].role }
    /// Whether mention `m` is nested.
    @inline(__always) func isNested(_ m: Int) -> Bool { span[m].isNested }
}
