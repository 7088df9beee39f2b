import WartaText

/// One entity mention: a token range of the document, with its type.
public struct EntityMention: Sendable, Equatable {
    /// First token.
    public var start: Int
    /// One past the last token.
    public var end: Int
    /// Type.
    public var type: EntityType
    /// Subtype (`city`, `ministry`, …) when known.
    public var subtype: String?
    /// The lexicon entry's identifier when it came from a lexicon.
    public var lexiconID: String?
    /// A role standing before a person (`Kepala Dinas Perindustrian`).
    public var role: String?
    /// Whether the mention lies inside a longer one (`Kota Semarang` in `DPRD Kota Semarang`).
    public var isNested = false

    /// Creates a mention.
    public init(start: Int, end: Int, type: EntityType, subtype: String? = nil, lexiconID: String? = nil, role: String? = nil) {
        self.start = start; self.end = end; self.type = type
        self.subtype = subtype; self.lexiconID = lexiconID; self.role = role
    }

    /// A mention with every field given.
    init(start: Int, end: Int, type: EntityType, subtype: String?, lexiconID: String?, role: String?, isNested: Bool) {
        self.start = start; self.end = end; self.type = type
        self.subtype = subtype; self.lexiconID = lexiconID; self.role = role; self.isNested = isNested
    }
}

/// Tags people, organizations, places, dates, times, money, percentages and quantities with
/// lexicons in a token table, Indonesian cue words and token patterns (GATE ANNIE's order:
/// gazetteer, then rules, then a name matcher that links later partial mentions).
public struct EntityTagger: Sendable {
    /// The lexicons.
    public let lexicon: EntityLexicon
    /// Common words (the tokenizer's list): a capitalised run made of them is no name.
    public let commonWords: CommonWords
    /// The sequence model that decides the PER, ORG and LOC spans, or nil for the rules alone.
    public let model: NERModel?
    /// The model's word scores, kept from document to document.
    let wordScores = NERWordScorePool()

    /// The cue words, with the speech verbs of the tagger's list.
    let cues: CueWords

    /// Creates a tagger over `lexicon`, `commonWords`, `speakerCues` and `subjectVerbs` (the
    /// built-in lists by default; match keys as ``SpeechVerbList/speakerCueKeys(tsv:)`` and
    /// ``SpeechVerbList/subjectVerbKeys(tsv:)`` give them) with `model` (the built-in one by
    /// default; nil tags with the rules alone).
    public init(lexicon: EntityLexicon = .builtIn, commonWords: CommonWords = TokenizerLexicon.builtIn.commonWords,
                speakerCues: [[UInt8]]? = nil, subjectVerbs: [[UInt8]]? = nil, model: NERModel? = NERModel.builtIn) {
        self.lexicon = lexicon
        self.commonWords = commonWords
        self.model = model
        if speakerCues == nil && subjectVerbs == nil {
            self.cues = .builtIn
        } else {
            let keys = SpeechVerbList.cueKeys(tsv: SpeechVerbList.builtInTSV)
            self.cues = CueWords(speakerCues ?? keys.speaker, subjectVerbs: subjectVerbs ?? keys.subject)
        }
    }

    static let locationCues: Set<String> = [
        "kota", "kabupaten", "kecamatan", "kelurahan", "desa", "provinsi", "jalan", "jl.", "kawasan", "pasar",
        "pulau", "gunung", "sungai", "danau", "teluk", "selat", "dusun", "kampung", "bandara", "pelabuhan", "stasiun",
        "terminal", "taman", "alun-alun", "kab.", "kec.", "kel.", "prov.", "gg.", "gedung", "istana", "masjid",
        "gereja", "lapangan", "stadion", "hotel", "bundaran", "lapas", "rutan", "kompleks", "komplek", "pantai", "bukit",
        "kepulauan", "lembah", "tanjung", "semenanjung", "samudra", "samudera", "goa", "gua", "kawah",
        "waduk", "telaga", "curug", "gampong", "nagari", "menara", "tugu", "sirkuit", "terowongan",
    ]
    /// Buildings and structures: `Masjid Istiqlal`, `Bandara Soekarno-Hatta` are facilities (FAC).
    static let facilityCues: Set<String> = [
        "bandara", "pelabuhan", "stasiun", "terminal", "gedung", "istana", "masjid", "gereja", "stadion", "hotel",
        "lapas", "rutan", "pura", "vihara", "klenteng", "museum", "jembatan", "bendungan", "candi", "benteng", "monumen",
        "mal", "bandar", "menara", "tugu", "sirkuit", "terowongan",
    ]
    /// Words that name an event with the capitalised words or the year after them
    /// (`Piala Dunia 2022`, `Pilkada 2024`, `Festival Kota Lama`).
    static let eventCues: Set<String> = [
        "festival", "konferensi", "kongres", "muktamar", "munas", "musda", "piala", "olimpiade", "pemilu", "pilkada",
        "pilpres", "pileg", "kejuaraan", "turnamen", "pekan", "hut", "peringatan", "konser", "lomba", "sidang",
        "pameran", "expo", "seminar", "ktt",
    ]
    static let organizationCues: Set<String> = [
        "dinas", "kementerian", "badan", "komisi", "partai", "pt", "cv", "universitas", "institut", "polres",
        "polda", "polsek", "polresta", "polrestabes", "pemkot", "pemkab", "pemprov", "pemerintah", "dprd", "bank",
        "yayasan", "lembaga", "direktorat", "kantor", "sekolah", "sma", "smp", "sd", "smk", "rumah", "rs", "rsud",
        "pengadilan", "kejaksaan", "kejari", "kejati", "kodam", "korem", "kodim", "satuan", "persatuan", "asosiasi",
        "perusahaan", "koperasi", "majelis", "dewan", "sekretariat", "biro", "balai", "dinkes", "disdik", "perum",
        "rsup", "rsu", "rsia", "rsj", "rspad", "kepolisian", "otoritas", "politeknik", "perhimpunan", "himpunan", "federasi",
        "ikatan", "forum", "paguyuban", "komando", "perkumpulan", "pesantren", "koalisi",
    ]
    /// The words that end an organization's name written head last, English or Indonesian
    /// (`Fitch Ratings`, `Mandiri Sekuritas`; ``englishOrganizationsAreNoPeople()``), as match keys.
    static let trailingOrganizationHeads: [[UInt8]] = [
        "group", "university", "institute", "research", "foundation", "ratings", "corporation", "corp", "holdings",
        "consulting", "securities", "airlines", "airways", "motors", "company", "council", "association", "agency",
        "studios", "productions", "pictures", "records", "entertainment", "club", "partners", "ventures", "labs",
        "technologies", "international", "times", "post", "news", "bank", "insurance", "capital", "finance", "sekuritas",
    ].map { Array($0.utf8) }

    /// The English word that ends a city's name (``Scan/placesNamedAfterPeople()``), as a match key.
    static let cityWord: [[UInt8]] = [Array("city".utf8)]

    /// English words that end an event's name (``Scan/eventsNamedLast()``), as match keys.
    static let englishEventHeads = ByteStringTable(keys: [
        "games", "open", "masters", "cup", "championship", "championships", "award", "awards", "festival", "expo", "summit",
        "olympics", "marathon", "prix",
    ])

    /// Company legal forms written after the name (as match keys).
    static let legalForms: [[UInt8]] = ["persero", "perseroda", "tbk", "ltd", "inc", "llc"].map { Array($0.utf8) }
    /// Abbreviations of common nouns (`PPN`, `TKP`, `WNI`; `Lexicons/common-acronyms.tsv`):
    /// alone, never a name.
    static let commonAcronyms: ByteStringTable = {
        var keys: [String] = []
        TokenizerLexicon.forEachRow(EmbeddedEntityLexicons.commonAcronyms) { row in
            if let first = row.first.map({ String(decoding: $0, as: UTF8.self) }), first != "acronym" { keys.append(first) }
        }
        return ByteStringTable(keys: keys)
    }()
    /// The shapes of ``commonAcronyms``' keys (first letters and length): most words are
    /// answered without a probe of the table.
    static let commonAcronymShapes = KeyShapeFilter(commonAcronyms)
    /// Function words of the language (`Lexicons/function-words.tsv`: `namun`, `dalam`, `ia`):
    /// alone, never a name, so the sequence model leaves one that opens a sentence unscored.
    static let functionWords: ByteStringTable = {
        var keys: [String] = []
        TokenizerLexicon.forEachRow(EmbeddedEntityLexicons.functionWords) { row in
            if let first = row.first { keys.append(String(decoding: first, as: UTF8.self)) }
        }
        return ByteStringTable(keys: keys)
    }()
    /// Nouns of made things that a product's name follows (`mobil Pajero`, `aplikasi LinkAja`):
    /// what they name is no person.
    static let productNouns: [[UInt8]] = [
        "mobil", "motor", "ponsel", "smartphone", "aplikasi", "merek", "varian", "tipe", "skuter", "sedan",
    ].map { Array($0.utf8) }
    /// Words that open a school's name (`SMA Negeri 6 Jakarta`, `Sekolah Dasar …`).
    static let schoolWords: [[UInt8]] = ["sekolah", "sma", "smp", "sd", "smk"].map { Array($0.utf8) }
    /// Nouns of a product's users and services (`akun Instagram`, `pengemudi Pajero`): one word
    /// after them names no person (`akun Nikita Huruhara` is a person's account).
    static let productUserNouns: [[UInt8]] = [
        "akun", "pengguna", "layanan", "platform", "pengemudi", "sopir", "pengendara",
    ].map { Array($0.utf8) }
    /// Nouns that a number follows to name a numbered thing (`Nomor 5`, `Pasal 27A`): never a name.
    static let numberingNouns: [[UInt8]] = ["nomor", "nomer", "no", "pasal", "ayat", "huruf", "bab"].map { Array($0.utf8) }
    /// Personal pronouns, written capitalised (`Anda`) or opening a sentence: never a name.
    static let pronouns: [[UInt8]] = [
        "anda", "dia", "ia", "beliau", "kamu", "engkau", "kau", "dikau", "saya", "aku", "kami", "kita", "mereka", "kalian",
    ].map { Array($0.utf8) }
    /// Exclamations and words of address that open a sentence (`Ayo`, `Mari`, `Halo`, `Moms`):
    /// alone, never a name.
    static let exclamations: [[UInt8]] = ["ayo", "yuk", "mari", "halo", "hai", "moms"].map { Array($0.utf8) }
    /// The words after `I` or `Ni` that open a Balinese name: birth-order names and titles
    /// (`I Made Agus Hartawiguna`, `Ni Luh Putu Sri Wahyuni`, `I Gusti Ngurah Rai`).
    static let balineseNameWords: [[UInt8]] = [
        "wayan", "gede", "gde", "putu", "made", "kadek", "nengah", "nyoman", "komang", "ketut", "gusti", "dewa", "luh", "desak",
    ].map { Array($0.utf8) }
    /// The initials of Balinese titles that open a name (`IGN` I Gusti Ngurah, `IGA` I Gusti
    /// Agung, `IB` Ida Bagus, `AA` Anak Agung), as match keys.
    static let balineseTitleInitials: [[UInt8]] = ["ign", "igk", "iga", "igb", "igm", "igp", "ib", "aa", "agn"].map { Array($0.utf8) }
    static let months: Set<String> = [
        "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
        "november", "nopember", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "sep", "okt", "nov", "des",
    ]
    static let days: Set<String> = ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"]
    static let scales: Set<String> = ["ribu", "juta", "miliar", "milyar", "triliun", "ratus"]
    static let units: Set<String> = [
        "kios", "orang", "unit", "km", "kilometer", "meter", "m", "cm", "kg", "ton", "liter", "hektare", "ha",
        "rumah", "kendaraan", "ekor", "buah", "kali", "jiwa", "warga", "siswa", "pasien", "kasus", "desa", "sekolah",
        "lembar", "paket", "batang", "gram", "mm", "inci", "derajat",
    ]
    /// ``units`` as bytes.
    static let unitWords: [[UInt8]] = units.map { Array($0.utf8) }
    /// Currencies written after an amount (`75 dolar AS`, `5 miliar euro`).
    static let currencies: [[UInt8]] = [
        "dolar", "rupiah", "euro", "yen", "yuan", "ringgit", "won", "pound", "poundsterling", "riyal", "baht", "peso",
        "franc", "rubel", "rupee", "dirham",
    ].map { Array($0.utf8) }

    /// The subtype an administrative place cue gives the place it starts (`Kota` → city), unless
    /// the lexicon lists the whole name (`Kota Agung`, a district).
    static let cueSubtypes: [String: String] = [
        "kota": "city", "kabupaten": "regency", "kab.": "regency", "kecamatan": "district", "kec.": "district",
        "kelurahan": "village", "kel.": "village", "desa": "village", "provinsi": "province", "prov.": "province",
        "kampung": "village", "gampong": "village", "nagari": "village", "dusun": "hamlet",
        "jalan": "street", "jl.": "street", "kawasan": "area",
    ]
    /// The subtype a cue of a feature of nature gives the place it starts (`Teluk` → bay); not
    /// `Tanjung`, which opens more towns and quarters (`Tanjung Priok`, `Tanjung Duren`) than capes.
    static let featureSubtypes: [String: String] = [
        "pulau": "island", "kepulauan": "islands", "gunung": "mountain", "bukit": "hill", "sungai": "river",
        "danau": "lake", "telaga": "lake", "waduk": "reservoir", "teluk": "bay", "selat": "strait",
        "semenanjung": "peninsula", "samudra": "ocean", "samudera": "ocean", "pantai": "beach", "lembah": "valley",
        "goa": "cave", "gua": "cave", "kawah": "crater", "curug": "waterfall",
    ]

    /// Cue classes of a token's match key, one bit each.
    struct Cue: OptionSet {
        let rawValue: UInt16
        static let location = Cue(rawValue: 1)
        static let organization = Cue(rawValue: 2)
        static let speech = Cue(rawValue: 4)
        static let month = Cue(rawValue: 8)
        static let day = Cue(rawValue: 16)
        static let scale = Cue(rawValue: 32)
        static let unit = Cue(rawValue: 64)
        static let preposition = Cue(rawValue: 128)
        /// A word that can start a date, time, amount or percentage (`Senin`, `pukul`, `Rp`, `minus`).
        static let numeric = Cue(rawValue: 256)
        /// `persen`, `%`.
        static let percent = Cue(rawValue: 512)
        /// `WIB`, `WITA`, `WIT`.
        static let timeZone = Cue(rawValue: 1024)
        /// A word joining two parts of one name (`dan`, `&`, `van`, `bin`).
        static let connector = Cue(rawValue: 2048)
        /// A lower-case word after which an unknown capitalised name is a place (`di`, `ke`,
        /// `daerah`, `ibukota`).
        static let placeWord = Cue(rawValue: 4096)
        /// A word that starts a facility (`Masjid`, `Bandara`); it is also a location cue.
        static let facility = Cue(rawValue: 8192)
        /// A word that starts an event (`Piala`, `Pilkada`, `Festival`).
        static let event = Cue(rawValue: 16384)
        /// Set per document, not in ``CueWords``: the first word of a lexicon entry of case `any`
        /// (`Dr.`, `Prof.`), the only entries a lower-case token can start.
        static let lowercaseStart = Cue(rawValue: 32768)
    }

    /// Every cue word's key → its cue bits, looked up once per token, and their shapes (most
    /// tokens skip the table). The speech verbs come from ``SpeechVerbList``, the list the
    /// quote attributor reads too.
    struct CueWords: Sendable {
        let table: ByteStringTable
        let shapes: KeyShapeFilter
        /// The speech verbs whose subject is the speaker (``SpeechVerbList/subjectVerbKeys(tsv:)``).
        let subjectVerbs: ByteStringTable

        /// The cue words with the built-in speech verbs.
        static let builtIn: CueWords = {
            let keys = SpeechVerbList.cueKeys(tsv: SpeechVerbList.builtInTSV)
            return CueWords(keys.speaker, subjectVerbs: keys.subject)
        }()

        init(_ speakerCues: [[UInt8]], subjectVerbs: [[UInt8]]) {
            self.subjectVerbs = ByteStringTable(subjectVerbs.map { ($0, Int32(0)) })
            var bits: [[UInt8]: UInt16] = [:]
            func add(_ words: Set<String>, _ c: Cue) { for w in words { bits[Array(w.utf8), default: 0] |= c.rawValue } }
            for key in speakerCues { bits[key, default: 0] |= Cue.speech.rawValue }
            add(locationCues, .location); add(organizationCues, .organization)
            add(facilityCues, [.location, .facility]); add(eventCues, .event)
            add(months, .month); add(days, .day); add(scales, .scale); add(units, .unit)
            add(["di", "ke", "dari", "dan", "atau", "dengan", "antara", "oleh", "untuk", "dalam"], .preposition)
            add(days.union(["pukul", "rp", "rp.", "us$", "us", "$", "usd", "idr", "minus"]), .numeric)
            add(["persen", "%"], .percent); add(["wib", "wita", "wit"], .timeZone)
            add(["dan", "&", "of", "de", "van", "bin", "binti"], .connector)
            add(["di", "ke", "daerah", "wilayah", "kawasan", "kota", "ibukota", "negara", "provinsi", "kabupaten",
                 "kecamatan", "desa", "kampung", "pulau"], .placeWord)
            table = ByteStringTable(bits.map { ($0.key, Int32($0.value)) })
            shapes = KeyShapeFilter(table)
        }
    }

    /// The entity mentions of `doc`, sentence by sentence, in text order; with `nested`, also the
    /// places and organizations inside longer ones (marked `isNested`).
    public func tag(_ doc: Document, nested: Bool = false) -> [EntityMention] {
        let scan = Scan(doc: doc, lexicon: lexicon, commonWords: commonWords, cueWords: cues)
        scan.applyRules()
        if let model {
            var words = wordScores.take()
            let spans = model.spans(scan, words: &words)
            scan.nameWords = model.multiWord
            scan.adopt(spans)
            wordScores.give(words)
            scan.trimPeopleInHeadlines()
            scan.trimOrganizationsAndPlacesInHeadlines()
            scan.splitOrganizationWordsOffPeople()
            // Before the names are repeated: each of the two is a name to find again.
            scan.splitCoordinatedOrganizations()
            scan.acronymsOfModelOrganizations()
            scan.namesAcrossParticles()
            scan.organizationsEndingInSpeakers()
            // Before the names are repeated: the words of a phrase dropped protect no one-word name.
            scan.dropPhrasesWrittenInLowerCase()
            scan.repeatNames()
            scan.dropPeopleWrittenInLowerCase()
            scan.speakersBeforeSpeechVerbs()
            scan.speakingNamesArePeople()
            scan.peopleInCapacityOfRoles()
            scan.wordsOfPeopleArePeople()
            scan.commonWordsOffPeople()
        } else {
            scan.splitCoordinatedOrganizations()
            scan.namesAcrossParticles()
            scan.organizationsEndingInSpeakers()
            scan.speakersBeforeSpeechVerbs()
        }
        scan.otherNames()
        scan.initialsOfPeople()
        scan.placesAfterRoleWords()
        scan.ranksOffNames()
        // The people the model found take roles as the rules' people do: after them, then before.
        if model != nil { scan.attachAppositiveRoles() }
        scan.attachRolesBefore()
        scan.resolveAmbiguousPlaces()
        scan.countriesAreNoPeople()
        scan.englishOrganizationsAreNoPeople()
        scan.placesNamedAfterPeople()
        scan.eventsNamedLast()
        // After it: initials are no country (`berinisial AS`).
        scan.peopleByInitials()
        scan.aliasesInBracketsTakeTheirNamesType()
        scan.dropCommonWordNames()
        scan.trimDegreesOffPeople()
        scan.trimTitlesOffRoles()
        if nested { scan.addNested() }
        return scan.entityMentions()
    }
}

/// The state of one tagging pass, owned by one ``EntityTagger/tag(_:nested:)`` call and never
/// shared. A class: as a struct of some 600 bytes it was copied whole each time a pass that
/// changes it called one that only reads it (a quarter of a million copies over 30 corpus
/// files, 6% of tagging). Its changing properties are `@exclusivity(unchecked)`: no pass holds
/// one while calling code that changes it, and the runtime's check of every access had cost
/// as much as the copies.
final class Scan {
    /// The rule passes whose names the model reads as features and then replaces.
    func applyRules() {
        prefetchLookups()
        for s in 0..<doc.sentenceRanges.count {
            sentence(Int(doc.sentenceTokenStarts[s])..<Int(doc.sentenceTokenStarts[s + 1]))
        }
        attachAppositiveRoles()
        coverMentions()
        namesAfterRoleClauses()
        completeEarlierNames()
        linkPartialNames()
        tagAbbreviations()
        titleCaseLines = findTitleCaseLines()
        trimPeopleInHeadlines()
    }

    let doc: Document
    let lexicon: EntityLexicon
    let commonWords: CommonWords
    @exclusivity(unchecked) var mentions: [Mention] = []
    /// The strings of mentions that no lexicon entry, token or text range holds (``intern(_:)``).
    @exclusivity(unchecked) var interned: [String] = []
    /// The match keys of all tokens, each followed by a space: token `i`'s key is
    /// `keyBytes[keyEnds[i]..<keyEnds[i + 1] - 1]`, and the key of tokens `i..<j` as a lexicon
    /// lists it (token keys joined by spaces) is one contiguous slice.
    let keyBytes: [UInt8]
    let keyEnds: [Int32]
    /// The cue bits of each token.
    let cues: [EntityTagger.Cue]
    /// The token columns this pass reads, held directly.
    let flags: [TokenFlags]
    let kinds: [TokenKind]
    /// The capitalised and all-capital tokens, in order: the passes after the sentence rules
    /// visit only these.
    let capitals: [Int32]
    /// The words in capitals of three to six letters, in order (``tagAbbreviations()``).
    let acronymCandidates: [Int32]
    /// Single words of person names found so far, with the first token they were seen at.
    /// (Keyed by the hash of the word's match key: 64 bits, no String per word.)
    @exclusivity(unchecked) var personWords = HashedIntMap<Int>()
    /// The key hashes of ``personWords``, so most tokens skip the dictionary.
    @exclusivity(unchecked) var personWordHashes = HashFilter()
    /// Given names that are also words of the language (`Indah` of `Indah Putri Andriani`), by
    /// key hash, with the first token they were seen at: the person again only inside a
    /// sentence (``linkPartialNames()``). Nil until the first.
    @exclusivity(unchecked) var givenNamesOfTheLanguage: HashedIntMap<Int>?
    /// Tokens inside a mention, built once for the passes after the sentence rules
    /// (``coverMentions()``) and kept up to date by ``add(_:)`` from then on.
    @exclusivity(unchecked) var covered: [Bool] = []
    @exclusivity(unchecked) var acronyms: [String: Mention] = [:]
    /// Places found under a name the lexicon lists with several codes, with their entries.
    @exclusivity(unchecked) var ambiguousPlaces: [(mention: Int, entry: LexiconEntry)] = []
    /// The key hashes of ``acronyms``.
    @exclusivity(unchecked) var acronymHashes = HashFilter()
    /// The hashes of ``acronyms``' texts (``Document/hash(ofToken:lowercase:)`` of their tokens):
    /// whether a word is one is answered without a `String` (``isDefinedAcronym(_:)``). Nil
    /// until the first acronym: most short documents define none, and pay for no table.
    @exclusivity(unchecked) var acronymTexts: HashedIntSet?
    /// The mentions ``tagAbbreviations()`` added (by index), which the model's spans do not replace.
    @exclusivity(unchecked) var abbreviations = Set<Int>()
    /// The longest lexicon match from each token within ``matchLimits`` (the widest limit a
    /// pass asked for so far), for every later call of ``lexiconMatchIndex(_:_:)`` within it:
    /// ``notLookedUp``, ``noMatch``, or the entry index + 1 above 32 bits and the end below.
    /// This and the other memos by token are written in place: the scan owns them (freed by
    /// `deinit`), and a class-held array would check that it is unique at every write.
    let matches: UnsafeMutablePointer<UInt64>
    let matchLimits: UnsafeMutablePointer<Int32>
    /// By token, the hash state after its key's bytes (``keyState(_:)``), ``notHashed`` until
    /// asked: the passes hash the same capitalised words again and again.
    let keyStates: UnsafeMutablePointer<UInt64>
    /// One bit a token, set where a rule of ``sentence(_:)`` can start: a token with a key that
    /// is capitalised, a number or a cue word (``nextCandidate(_:_:)``).
    let candidates: [UInt64]
    /// The number of tokens (the memos' length).
    let tokenCount: Int
    /// The speech verbs whose subject speaks (``EntityTagger/CueWords/subjectVerbs``).
    let subjectVerbs: ByteStringTable
    /// The headlines in title case (``isTitleCase(_:)``), found by ``applyRules()``.
    @exclusivity(unchecked) var titleCaseLines: [Range<Int>] = []
    /// ``capitalizedOutsideHeadlines()``, once asked.
    @exclusivity(unchecked) var wordsCapitalizedOutsideHeadlines: HashedIntSet?
    /// The words of multi-word lexicon names (the model's ``NERFeatureExtractor/multiWord``:
    /// bit 1 PER, 2 ORG, 4 LOC), for the merge with the model's spans.
    @exclusivity(unchecked) var nameWords: WordIndex<UInt8>?
    /// What the document says of its one-word names, gathered once after the merge
    /// (``oneWordNameEvidence()``).
    @exclusivity(unchecked) var oneWordNames: OneWordNames?
    /// The lower-case hashes of the words ``dropPhrasesWrittenInLowerCase()`` looked for in
    /// lower case, and those it found (read by ``writtenInLowerCase(_:)``).
    @exclusivity(unchecked) var lowerCaseWords: (asked: HashedIntSet, written: HashedIntSet)?
    static let noMatch: UInt64 = 1 << 63
    /// A token of ``matches`` not looked up yet (no lookup's value: its end would pass 2^32).
    static let notLookedUp: UInt64 = UInt64.max >> 1
    /// A token of ``keyStates`` not hashed yet (a state that is 1 is merely hashed again).
    static let notHashed: UInt64 = 1
    /// By token, what ``isCommonWord(_:)`` found: 0 not asked yet, 1 no word of the
    /// language, 2 a word of the language.
    let commonWordAnswers: UnsafeMutablePointer<UInt8>

    init(doc: Document, lexicon: EntityLexicon, commonWords: CommonWords, cueWords: EntityTagger.CueWords = .builtIn) {
        self.doc = doc
        self.lexicon = lexicon
        self.commonWords = commonWords
        subjectVerbs = cueWords.subjectVerbs
        // Keys only where a rule can look: capitalised words and their neighbours, numbers and
        // their neighbours, abbreviations. Lower-case running text (most tokens) is skipped.
        let n = doc.tokens.count
        tokenCount = n
        // The memos start as values that repeat no byte, stored in vector steps: a fill of
        // zeros becomes a `memset` that valgrind counts byte by byte.
        matches = .allocate(capacity: n)
        matches.initialize(repeating: Scan.notLookedUp, count: n)
        // Read only where `matches` holds a lookup, and written with it.
        matchLimits = .allocate(capacity: n)
        keyStates = .allocate(capacity: n)
        keyStates.initialize(repeating: Scan.notHashed, count: n)
        commonWordAnswers = .allocate(capacity: n)
        commonWordAnswers.initialize(repeating: 0, count: n)
        let flags = doc.tokens.flags, kinds = doc.tokens.kinds
        self.flags = flags
        self.kinds = kinds
        let (salient, capitals, acronymCandidates) = Scan.salientTokens(doc)
        let keys = Scan.keys(doc, salient: salient, cues: CueLookup(cueWords: cueWords, lexicon: lexicon), keyStates: keyStates)
        self.keyBytes = keys.bytes
        self.keyEnds = keys.ends
        self.cues = keys.cues
        self.capitals = capitals
        self.acronymCandidates = acronymCandidates
        self.candidates = keys.candidates
        // Room for a mention per two capitals before the array grows.
        mentions.reserveCapacity(capitals.count / 2 + 16)
    }

    /// Capitalised or all-capital tokens.
    static let salientFlags = TokenFlags.capitalized.rawValue | TokenFlags.allCaps.rawValue

    /// Whether each token is one a rule looks at (capitalised, a number, an abbreviation or a
    /// symbol), shifted by one (`salient[i + 1]` is token `i`'s, with a `false` on each side);
    /// the capitalised tokens; and the all-capital words of three to six letters (acronyms).
    static func salientTokens(_ doc: Document) -> (salient: [Bool], capitals: [Int32], acronymCandidates: [Int32]) {
        let n = doc.tokens.count
        var capitals: [Int32] = [], acronymCandidates: [Int32] = []
        // Room for the capitals of most texts at once (a quarter of the tokens), not grown by doubling.
        capitals.reserveCapacity(n / 4 + 8)
        // Filled, then written (an array made by `unsafeUninitializedCapacity` asks the runtime
        // for its storage metadata each time).
        var salient = [Bool](filled: false, count: n + 2)
        let salientFlags = Scan.salientFlags
        salient.withUnsafeMutableBufferPointer { out in
            doc.tokens.flags.withUnsafeBufferPointer { flags in
                doc.tokens.kinds.withUnsafeBufferPointer { kinds in
                    for i in 0..<n {
                        let capital = flags[i].rawValue & salientFlags != 0
                        let k = kinds[i]
                        if capital {
                            capitals.append(Int32(i))
                            if flags[i].contains(.allCaps), k == .word, case let count = doc.tokens.count(i), count >= 3, count <= 6 {
                                acronymCandidates.append(Int32(i))
                            }
                        }
                        out[i + 1] = capital || k == .number || k == .abbreviation || k == .symbol
                    }
                }
            }
        }
        return (salient, capitals, acronymCandidates)
    }

    /// The tables that give a token's key its cue bits: the cue words, and the lower-case
    /// starts of lexicon entries of case `any`, each behind a filter of key shapes.
    struct CueLookup {
        let table: ByteStringTable, shapes: KeyShapeFilter
        let lowercaseStarts: ByteStringTable, lowercaseShapes: KeyShapeFilter, checkLowercaseStarts: Bool

        init(cueWords: EntityTagger.CueWords, lexicon: EntityLexicon) {
            table = cueWords.table
            shapes = cueWords.shapes
            lowercaseStarts = lexicon.lowercaseStarts
            lowercaseShapes = lexicon.lowercaseStartShapes
            checkLowercaseStarts = lowercaseStarts.count > 0
        }

        /// The cue bits of a token's `key` (only lower-case tokens need the case-`any` bit),
        /// and its hash state when it had to be hashed for them.
        @inline(__always)
        func bits(_ key: UnsafeBufferPointer<UInt8>, capital: Bool) -> (bits: UInt16, state: UInt64?) {
            // Cue words are short: the shape filter leaves most keys unhashed.
            let cue = shapes.mayContain(key)
            let lower = checkLowercaseStarts && !capital && lowercaseShapes.mayContain(key)
            guard cue || lower else { return (0, nil) }
            let state = ByteStringTable.hashState(of: key)
            let h = ByteStringTable.hashEnd(state)
            var bits = cue ? UInt16(truncatingIfNeeded: table.value(key, hash: h) ?? 0) : 0
            if lower, lowercaseStarts.value(key, hash: h) != nil { bits |= EntityTagger.Cue.lowercaseStart.rawValue }
            return (bits, state)
        }
    }

    /// The match keys of the tokens a rule can look at (``salientTokens(_:)`` and their
    /// neighbours; lower-case running text, most tokens, keeps an empty key), each followed by
    /// a space, with their ends; each keyed token's cue bits; and a bit per token that can
    /// start a lexicon entry or a rule (a key with a cue, a capital or a number). The hash
    /// state of a key hashed for its cues goes to `keyStates`.
    static func keys(_ doc: Document, salient: [Bool], cues lookup: CueLookup, keyStates: UnsafeMutablePointer<UInt64>)
        -> (bytes: [UInt8], ends: [Int32], cues: [EntityTagger.Cue], candidates: [UInt64]) {
        let n = doc.tokens.count
        // One buffer sized for the worst case (every token keyed, every key three times its
        // text), written through pointers.
        var keyEnds = [Int32](filled: 0, count: n + 1)
        var cues = [EntityTagger.Cue](filled: [], count: n)
        var candidates = [UInt64](filled: 0, count: n >> 6 + 2)
        let capacity = MatchKey.capacity(for: doc.bytes.count) + 17 * n + 1
        let salientFlags = Scan.salientFlags
        let keyBytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            var at = 0
            doc.bytes.withUnsafeBufferPointer { text in
            doc.tokens.starts.withUnsafeBufferPointer { starts in
            doc.tokens.ends.withUnsafeBufferPointer { ends in
            doc.tokens.flags.withUnsafeBufferPointer { flags in
            doc.tokens.kinds.withUnsafeBufferPointer { kinds in
            salient.withUnsafeBufferPointer { salient in
            keyEnds.withUnsafeMutableBufferPointer { keyEnds in
            cues.withUnsafeMutableBufferPointer { cues in
            candidates.withUnsafeMutableBufferPointer { candidates in
                for i in 0..<n {
                    if salient[i] || salient[i + 1] || salient[i + 2] {
                        let token = UnsafeBufferPointer(rebasing: text[Int(starts[i])..<Int(ends[i])])
                        let length = MatchKey.write(token, to: out.baseAddress! + at)
                        let capital = flags[i].rawValue & salientFlags != 0
                        let (bits, state) = lookup.bits(UnsafeBufferPointer(rebasing: out[at..<at + length]), capital: capital)
                        if let state {
                            keyStates[i] = state
                            cues[i] = EntityTagger.Cue(rawValue: bits)
                        }
                        if length > 0, bits != 0 || capital || kinds[i] == .number {
                            candidates[i >> 6] |= 1 << UInt64(i & 63)
                        }
                        at += length
                    }
                    out[at] = 0x20
                    at += 1
                    keyEnds[i + 1] = Int32(at)
                }
            }
            }
            }
            }
            }
            }
            }
            }
            }
            written = at
        }
        return (keyBytes, keyEnds, cues, candidates)
    }

    deinit {
        matches.deallocate()
        matchLimits.deallocate()
        keyStates.deallocate()
        commonWordAnswers.deallocate()
    }

    /// The first token from `i` on where a rule of ``sentence(_:)`` can start (``candidates``),
    /// or `limit` when there is none before it.
    @inline(__always) func nextCandidate(_ i: Int, _ limit: Int) -> Int {
        guard i < limit else { return limit }
        var w = i >> 6
        var word = candidates[w] & (~0 << UInt64(i & 63))
        while word == 0 {
            w += 1
            if w << 6 >= limit { return limit }
            word = candidates[w]
        }
        return min(w << 6 + word.trailingZeroBitCount, limit)
    }

    /// Whether token `i` has no key (running lower-case text away from names and numbers).
    @inline(__always) func keyIsEmpty(_ i: Int) -> Bool { keyEnds[i] + 1 == keyEnds[i + 1] }

    /// The hash of token `i`'s key, as the lexicon tables hash it.
    @inline(__always) func keyHash(_ i: Int) -> Int { ByteStringTable.hashEnd(keyState(i)) }

    /// The hash state after the bytes of token `i`'s key (``ByteStringTable/hashStep(_:_:)``
    /// from ``ByteStringTable/hashStart``), hashed the first time it is asked for.
    @inline(__always) func keyState(_ i: Int) -> UInt64 {
        precondition(i >= 0 && i < tokenCount, "token out of range")
        let known = keyStates[i]
        if known != Scan.notHashed { return known }
        let state = withKey(i) { ByteStringTable.hashState(of: $0) }
        keyStates[i] = state
        return state
    }

    /// Calls `body` with the match key of token `i`.
    @inline(__always) func withKey<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withKey(i, i + 1, body)
    }

    /// Calls `body` with the key of tokens `i..<j`: their keys joined by single spaces.
    @inline(__always) func withKey<R>(_ i: Int, _ j: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        keyBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(keyEnds[i])..<Int(keyEnds[j]) - 1])) }
    }

    /// The hash of the key of a run of tokens from one token on (``withKey(_:_:_:)``: the
    /// tokens' keys joined by spaces), as ``ByteStringTable/hash(of:lowercase:)`` gives it,
    /// extended a token at a time: each byte is hashed once, however long the run grows.
    struct RunKeyHash {
        /// The hash state after the bytes before `at`.
        var state = ByteStringTable.hashStart
        /// The next byte of ``Scan/keyBytes`` to hash.
        var at: Int
    }

    /// A ``RunKeyHash`` of the run that starts at token `i`, before any token is hashed.
    @inline(__always) func runKeyHash(from i: Int) -> RunKeyHash { RunKeyHash(at: Int(keyEnds[i])) }

    /// The hash of the key of the run of `run` up to token `end` (exclusive; `end` past every
    /// token hashed so far): ``keyHash(_:)`` of those tokens' joined key.
    @inline(__always) func extend(_ run: inout RunKeyHash, to end: Int) -> Int {
        let stop = Int(keyEnds[end]) - 1
        // A run of one token so far: its key's state, hashed once for every pass.
        if run.at == Int(keyEnds[end - 1]), run.state == ByteStringTable.hashStart {
            run.state = keyState(end - 1)
            run.at = stop
            return ByteStringTable.hashEnd(run.state)
        }
        keyBytes.withUnsafeBufferPointer { bytes in
            var h = run.state
            for k in run.at..<stop { h = ByteStringTable.hashStep(h, bytes[k]) }
            run.state = h
        }
        run.at = stop
        return ByteStringTable.hashEnd(run.state)
    }

    @inline(__always) func has(_ i: Int, _ c: EntityTagger.Cue) -> Bool { i >= 0 && i < cues.count && cues[i].contains(c) }
    /// Whether token `i` has any of the cue bits `c` (``has(_:_:)`` asks for all of them).
    @inline(__always) func hasAny(_ i: Int, _ c: EntityTagger.Cue) -> Bool { i >= 0 && i < cues.count && !cues[i].isDisjoint(with: c) }

    func text(_ i: Int) -> String { text(i, i + 1) }
    /// The text of tokens `a..<b`.
    func text(_ a: Int, _ b: Int) -> String { doc.text(TextRange(Int(doc.tokens.starts[a]), Int(doc.tokens.ends[b - 1]))) }
    /// The UTF-8 bytes of token `i` (a view of the document's text).
    func bytes(of i: Int) -> ArraySlice<UInt8> { doc.bytes[Int(doc.tokens.starts[i])..<Int(doc.tokens.ends[i])] }
    func key(_ i: Int) -> String { withKey(i) { String(decoding: $0, as: UTF8.self) } }
    @inline(__always) func capitalized(_ i: Int) -> Bool {
        flags[i].contains(.capitalized) && (kinds[i] == .word || kinds[i] == .abbreviation)
    }
    @inline(__always) func allCaps(_ i: Int) -> Bool { flags[i].contains(.allCaps) }
    @inline(__always) func isNumber(_ i: Int) -> Bool { kinds[i] == .number }

    /// The longest lexicon entry starting at `i` within `limit`, honouring case policies.
    func lexiconMatch(_ i: Int, _ limit: Int) -> (LexiconEntry, Int)? {
        lexiconMatchIndex(i, limit).map { (lexicon.entries[$0.entry], $0.end) }
    }

    /// The index of the longest lexicon entry starting at `i` within `limit`, and its end,
    /// looked up once: the longest match within a wider limit is the answer when it ends
    /// within `limit`, and no match within a wider limit means none within `limit`.
    func lexiconMatchIndex(_ i: Int, _ limit: Int) -> (entry: Int, end: Int)? {
        guard i >= 0, i < limit else { return nil }
        precondition(i < tokenCount, "token out of range")
        // A token asked about before has its answer, or a search to widen: only a new one is
        // checked, and one that cannot start an entry is remembered as no match within any limit.
        let known = matches[i]
        if known == Scan.notLookedUp {
            guard mayStartEntry(i) else {
                matches[i] = Scan.noMatch
                matchLimits[i] = Int32.max
                return nil
            }
        } else if limit <= Int(matchLimits[i]) {
            if known == Scan.noMatch { return nil }
            let end = Int(known & 0xFFFF_FFFF)
            if end <= limit { return (Int(known >> 32) - 1, end) }
        }
        let (match, limited) = searchLexicon(i, limit)
        if known == Scan.notLookedUp || limit > Int(matchLimits[i]) {
            matches[i] = match.map { UInt64($0.entry + 1) << 32 | UInt64($0.end) } ?? Scan.noMatch
            // A search the limit did not stop ends alike within any wider limit.
            matchLimits[i] = limited ? Int32(limit) : Int32.max
        }
        return match
    }

    /// Brings in, batch by batch, what the lexicon and common-word lookups of the capitalised
    /// tokens will read (each lookup is a few random reads in tables of megabytes): asked for
    /// together, the reads overlap instead of waiting one after another. Hashes the keys, as
    /// the lookups would.
    func prefetchLookups() {
        // Staggered: the slots of one batch are asked for while the entries of the batch
        // before are read, so a step reads lines asked for a batch earlier.
        let batch = 32, count = capitals.count
        var hashes = [Int](filled: 0, count: count)
        for c in 0..<count where !keyIsEmpty(Int(capitals[c])) { hashes[c] = keyHash(Int(capitals[c])) }
        // The capitals of batch b (from b × batch), clamped to the list.
        func capitalsOf(_ b: Int) -> Range<Int> { min(max(b * batch, 0), count)..<min(max(b * batch + batch, 0), count) }
        for b in 0..<(count + batch - 1) / batch + 2 {
            for c in capitalsOf(b) {
                lexicon.table.prefetch(hash: hashes[c], .slot)
                commonWords.prefetch(hash: hashes[c], .slot)
            }
            for c in capitalsOf(b - 1) {
                lexicon.table.prefetch(hash: hashes[c], .entry)
                commonWords.prefetch(hash: hashes[c], .entry)
            }
            for c in capitalsOf(b - 2) { commonWords.prefetch(hash: hashes[c], .keyBytes) }
        }
    }

    /// Whether a lexicon entry can start at token `i`: it has a key, and a lower-case word that
    /// is no number starts only entries of case `any` (``EntityTagger/Cue/lowercaseStart``).
    @inline(__always) func mayStartEntry(_ i: Int) -> Bool {
        !keyIsEmpty(i) && (!flags[i].isDisjoint(with: [.capitalized, .allCaps]) || kinds[i] == .number
            || cues[i].contains(.lowercaseStart))
    }

    /// ``lexiconMatchIndex(_:_:)`` without the memory: the lexicon's table walked from `i`
    /// (where ``mayStartEntry(_:)`` holds, below `limit`), and whether `limit` stopped the walk
    /// (an entry might go on past it).
    private func searchLexicon(_ i: Int, _ limit: Int) -> (match: (entry: Int, end: Int)?, limited: Bool) {
        let firstState = keyState(i)
        return keyBytes.withUnsafeBufferPointer { bytes in
            // The key of i..<j is one slice of the keys, hashed as j grows, each byte once.
            let start = Int(keyEnds[i])
            var at = Int(keyEnds[i + 1]) - 1, state = firstState
            guard let hit = lexicon.table.value(UnsafeBufferPointer(rebasing: bytes[start..<at]), hash: ByteStringTable.hashEnd(state))
            else { return (nil, false) }
            var best: (entry: Int, end: Int)?
            if let index = EntityLexicon.Slot.entry(hit.value), case let rule = lexicon.matchRule(index, hit.rule), rule.tokenCount == 1,
               casePolicyHolds(rule.policy, oneToken: i) {
                best = (index, i + 1)
            }
            guard hit.value & EntityLexicon.Slot.longer != 0 else { return (best, false) }
            guard i + 1 < limit else { return (best, true) }
            var j = i + 1
            while true {
                if j >= limit { return (best, true) }
                if j - i >= lexicon.maxTokens { break }
                // Stop as soon as no entry continues this way; an empty key ends every entry.
                if keyIsEmpty(j) { break }
                j += 1
                let stop = Int(keyEnds[j]) - 1
                for k in at..<stop { state = ByteStringTable.hashStep(state, bytes[k]) }
                at = stop
                guard let hit = lexicon.table.value(UnsafeBufferPointer(rebasing: bytes[start..<stop]), hash: ByteStringTable.hashEnd(state))
                else { break }
                if let index = EntityLexicon.Slot.entry(hit.value), case let rule = lexicon.matchRule(index, hit.rule),
                   rule.tokenCount == j - i, casePolicyHolds(rule.policy, i, j) {
                    best = (index, j)
                }
                if hit.value & EntityLexicon.Slot.longer == 0 { break }
            }
            return (best, false)
        }
    }

    /// ``casePolicyHolds(_:_:_:)`` of the one token `i`.
    @inline(__always) func casePolicyHolds(_ policy: CasePolicy, oneToken i: Int) -> Bool {
        switch policy {
        case .any: return true
        // A capitalised token has the capital flag, so the inner-word test holds.
        case .capitalized, .sentence: return capitalized(i)
        case .upper: return allCaps(i) || isNumber(i)
        case .cued: return i > 0 && (has(i - 1, .placeWord) || has(i - 1, .location)) && capitalized(i)
        }
    }

    /// Whether tokens `i..<j` are written as `policy` asks.
    func casePolicyHolds(_ policy: CasePolicy, _ i: Int, _ j: Int) -> Bool {
        switch policy {
        case .any: return true
        case .capitalized:
            // Inner joining words may stay lower case ("Badan Pengawas Obat dan Makanan",
            // "Kementerian Hukum dan Hak Asasi Manusia").
            return capitalized(i) && (i..<j).allSatisfy {
                isNumber($0) || !flags[$0].isDisjoint(with: [.capitalized, .allCaps]) || kinds[$0] == .punctuation
                    || $0 > i && $0 < j - 1 && hasAny($0, [.connector, .preposition])
            }
        case .upper: return (i..<j).allSatisfy { allCaps($0) || isNumber($0) }
        case .sentence: return capitalized(i)
        case .cued:
            return i > 0 && (has(i - 1, .placeWord) || has(i - 1, .location)) && casePolicyHolds(.capitalized, i, j)
        }
    }

    /// The end of the run of capitalised words (and connecting `dan`, `&`, numbers, with
    /// `joinHyphens` hyphens inside words, and with `throughTitles` a title before a capitalised
    /// word, `RSUP dr. Kariadi`, an institution named after a person) from `i`.
    func capitalizedRun(_ i: Int, _ limit: Int, allowConnectors: Bool = true, joinHyphens: Bool = true, throughTitles: Bool = false) -> Int {
        var j = i
        while j < limit {
            // A day name after a name is the date of what is told ("Amanda Vanstone Selasa").
            if j > i, has(j, .day) { break }
            // `Jalan Belitung` | `No 8`, `Dusun Kedungsari` | `RT 05`: a house or block number ends a place.
            if j > i, j + 1 < limit, isNumber(j + 1), isAddressNumberWord(j) { break }
            if capitalized(j) || allCaps(j) && kinds[j] == .word { j += 1; continue }
            if throughTitles, kinds[j] == .abbreviation, j + 1 < limit, capitalized(j + 1), isHonorific(j) { j += 1; continue }
            if allowConnectors, j > i, j + 1 < limit, capitalized(j + 1), has(j, .connector), !opensNameAfterAnd(j) {
                j += 1; continue
            }
            // `Masjid Al-Ikhlas`, `Bandara Soekarno-Hatta`: a hyphen inside a word (not in a
            // person's name, `joinHyphens` false: `Prabowo-Gibran` is two people).
            if joinHyphens, j > i, j + 1 < limit, capitalized(j + 1), isGluedHyphen(j) { j += 1; continue }
            break
        }
        return j
    }

    /// Lower-case particles inside a person's name (`van`, `von der`, `da`, `de`, `bin`), as
    /// match keys: not `di`, the preposition.
    static let personNameParticles: [[UInt8]] = ["van", "von", "der", "den", "de", "da", "dos", "das", "del", "della",
                                                 "du", "bin", "binti", "ibn", "al", "el"].map { Array($0.utf8) }

    /// Whether token `t` is one of ``personNameParticles`` in lower case.
    func isNameParticle(_ t: Int) -> Bool {
        t >= 0 && t < tokenCount && kinds[t] == .word && !capitalized(t) && !allCaps(t) && isWord(t, in: Scan.personNameParticles)
    }

    /// Where one or two particles right before token `t` start when a capitalised word (after
    /// `lower`) comes before them, else nil.
    func particlesBefore(_ t: Int, after lower: Int) -> Int? {
        var p = t
        while p > lower, t - p < 2, isNameParticle(p - 1) { p -= 1 }
        return p < t && p - 1 >= lower && capitalized(p - 1) ? p : nil
    }

    /// Where the capitalised word after one or two particles at `t` starts, when one does
    /// (before `limit`), else nil.
    func afterParticles(_ t: Int, _ limit: Int) -> Int? {
        var q = t
        while q < limit, q - t < 2, isNameParticle(q) { q += 1 }
        return q > t && q < limit && capitalized(q) && !hasAny(q, [.organization, .location, .placeWord]) ? q : nil
    }

    /// Whether `j` is `dan` or `&` and the word after it opens a name of its own: an
    /// organization's, facility's or event's head word (`RS Omni dan Museum Nasional`, `Polsek
    /// Kuta dan Polda Bali`, `Sidang Tahunan MPR dan Sidang Bersama`). Inside one name the words
    /// after `dan` are its subject (`Badan Pengawas Obat dan Makanan`).
    func opensNameAfterAnd(_ j: Int) -> Bool {
        hasAny(j + 1, [.organization, .facility, .event]) && isWord(j, in: Scan.ands)
    }

    /// `dan` and `&`, as match keys.
    static let ands: [[UInt8]] = ["dan", "&"].map { Array($0.utf8) }

    /// Words that put a number to an address (`No`, `Nomor`, `RT`, `RW`, `Kav`, `Km`), as match keys.
    static let addressNumberWords: [[UInt8]] = ["no", "no.", "nomor", "nomer", "rt", "rt.", "rw", "rw.", "kav", "kav.", "km", "km."]
        .map { Array($0.utf8) }

    /// Whether token `j` is one of ``addressNumberWords``.
    func isAddressNumberWord(_ j: Int) -> Bool { isWord(j, in: Scan.addressNumberWords) }

    /// Whether token `j` is a hyphen written with no space on either side, between two tokens.
    func isGluedHyphen(_ j: Int) -> Bool {
        j > 0 && j + 1 < tokenCount && kinds[j] == .punctuation && isByte(j, 0x2D)
            && doc.tokens.starts[j] == doc.tokens.ends[j - 1] && doc.tokens.ends[j] == doc.tokens.starts[j + 1]
    }

    /// Whether the capitalised run ending at `run` is an organization's name rather than a
    /// person's: it goes on with an English connector ("Institute for Development") or is
    /// defined as an acronym ("Destructive Fishing Watch (DFW)").
    func continuesAsOrganization(_ run: Int, _ limit: Int) -> Bool {
        guard run < limit else { return false }
        // "Covid - 19", "Tugas Penanganan Covid-19": a name is not followed by a dash and a number.
        if flags[run].contains(.dash) || kinds[run] == .punctuation && isByte(run, 0x2D), run + 1 < limit, isNumber(run + 1) {
            return true
        }
        if flags[run].contains(.openingBracket), run + 2 < limit, allCaps(run + 1), flags[run + 2].contains(.closingBracket) {
            return true
        }
        return kinds[run] == .word && !capitalized(run) && Scan.isWritten(bytes(of: run), in: Scan.englishConnectors)
    }

    /// The end of an event named from cue `i`: the capitalised words after it and a year
    /// (`Piala Dunia 2022`, `Pilkada 2024`), or nil when neither follows.
    func eventEnd(_ i: Int, _ limit: Int) -> Int? {
        var end = capitalizedRun(i + 1, limit)
        if end < limit, isNumber(end), doc.tokens.count(end) == 4, bytes(of: end).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            end += 1
        }
        return end > i + 1 ? end : nil
    }

    /// A dateline at a sentence's start, `SEMARANG (Sigi Jateng) –`: the place in capitals is a
    /// place and the bracketed name before the dash is the publisher (an organization), not
    /// places ("Sigi", "Jateng"). Returns where tagging goes on.
    func dateline(_ start: Int, _ limit: Int) -> Int {
        var p = start
        while p < limit, p < start + 3, allCaps(p), kinds[p] == .word { p += 1 }
        guard p > start, p + 3 < limit, flags[p].contains(.openingBracket) else { return start }
        var c = p + 1
        while c < limit, c < p + 6, capitalized(c) || allCaps(c) { c += 1 }
        guard c > p + 1, c + 1 < limit, flags[c].contains(.closingBracket), flags[c + 1].contains(.dash) else { return start }
        let place = lexiconMatch(start, p)?.0
        add(Mention(start: start, end: p, type: .loc, subtype: subtype(of: place), lexiconID: listedID(of: place)), from: place)
        add(Mention(start: p + 1, end: c, type: .org, subtype: .media))
        return c + 2
    }

    /// An untagged word in capitals that abbreviates an organization or place named before
    /// ("KIW" after "Kawasan Industri Wijaya Kusuma", see ``Initials``) is a mention of it.
    func tagAbbreviations() {
        // Only untagged words in capitals of three to six letters can be such abbreviations.
        guard acronymCandidates.contains(where: { !covered[Int($0)] }) else { return }
        // Names of two words or more, by where they end.
        let named = mentions.indices.filter { k in
            let m = mentions[k]
            return (m.type == .org || m.type == .loc) && m.end - m.start >= 2 && !m.isNested
        }.sorted { mentions[$0].end < mentions[$1].end }
        guard !named.isEmpty else { return }
        // The initials of each name (mention index, by ``packedInitials(_:)``), entered once the name has been read.
        var byInitials = HashedIntMap<Int>(capacity: named.count * 2)
        var entered = false
        var next = 0
        for c in acronymCandidates {
            let i = Int(c)
            while next < named.count, mentions[named[next]].end <= i {
                entered = enterInitials(of: mentions[named[next]], as: named[next], in: &byInitials) || entered
                next += 1
            }
            guard entered, !covered[i], let k = byInitials[Scan.packedInitials(bytes(of: i))] else { continue }
            let m = mentions[k]
            add(Mention(start: i, end: i + 1, type: m.type, subtype: m.subtype, lexiconID: m.lexiconID))
            abbreviations.insert(mentions.count - 1)
        }
    }

    /// Enters the abbreviations of name `m` (mention `k`) of at most six letters into
    /// `byInitials` (see ``Initials/forms(_:)``: all its initials, and all but the last of
    /// four or more, written in that order); returns whether it entered any.
    func enterInitials(of m: Mention, as k: Int, in byInitials: inout HashedIntMap<Int>) -> Bool {
        // Letters packed into an integer, one byte each: no array per name or per candidate.
        var all: UInt64 = 0, last: UInt64 = 0, count = 0
        for t in m.start..<m.end where capitalized(t) || allCaps(t) {
            last = all
            all = all << 8 | UInt64(doc.bytes[Int(doc.tokens.starts[t])])
            count += 1
        }
        guard count >= 2 else { return false }
        if count <= 6 { byInitials[Scan.mixed(all)] = k }
        if count >= 4, count - 1 <= 6 { byInitials[Scan.mixed(last)] = k }
        return count <= 7
    }

    /// The bytes `letters` packed into an integer, one byte each (at most eight count), mixed
    /// as ``HashedIntMap`` keys need.
    static func packedInitials<C: Collection>(_ letters: C) -> Int where C.Element == UInt8 {
        mixed(letters.reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// `x` with its bits mixed into the low ones, one to one (an odd multiplier, then a
    /// shift and xor), so equal keys stay the only equal keys.
    static func mixed(_ x: UInt64) -> Int {
        let y = x &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: y ^ y >> 29)
    }

    /// Whether `window` is one capitalised function word (`Namun`, `Dalam`, `Ia` opening a
    /// sentence, ``EntityTagger/functionWords``): no name, whatever the model would read, and
    /// a quarter of the windows of news text.
    func isLoneFunctionWord(_ window: Range<Int>) -> Bool {
        let i = window.lowerBound
        guard window.count == 1, capitalized(i), !allCaps(i) else { return false }
        return isFunctionWord(i)
    }

    /// Whether keyed token `i` is a function word of the language (``EntityTagger/functionWords``).
    func isFunctionWord(_ i: Int) -> Bool {
        // The key's hash as the scan keeps it: the lookup hashes nothing.
        let h = keyHash(i)
        return withKey(i) { EntityTagger.functionWords.value($0, hash: h) != nil }
    }

    /// Whether token `i` is a word of the language (`Besar`, `Daerah`), by the lemma list;
    /// looked up once per token (``commonWordAnswers``): the passes and the model ask again
    /// for the same capitalised words, and each lookup probes two tables.
    func isCommonWord(_ i: Int) -> Bool {
        precondition(i >= 0 && i < tokenCount, "token out of range")
        let known = commonWordAnswers[i]
        if known != 0 { return known == 2 }
        let h = keyHash(i)
        let common = withKey(i) { commonWords.contains($0, hash: h) }
        commonWordAnswers[i] = common ? 2 : 1
        return common
    }

    /// Adds `m`, found as lexicon entry `entry`; a place whose name the lexicon lists with
    /// several codes waits for ``resolveAmbiguousPlaces()``.
    func add(_ m: Mention, from entry: LexiconEntry?) {
        add(m)
        if m.lexiconID.isNone, m.type == .loc, let entry, entry.isAmbiguous {
            ambiguousPlaces.append((mentions.count - 1, entry))
        }
    }

    /// Gives each ambiguous place the code among its candidates that the document's other
    /// places point to: the one under the most specific code named in the document (`Bugangan`
    /// is 33.74.03.1006 in a text that names Kota Semarang, 33.74). A tie, or no candidate under
    /// any code named, leaves it without one.
    func resolveAmbiguousPlaces() {
        guard !ambiguousPlaces.isEmpty else { return }
        var ids: [String] = []
        for m in mentions where m.type == .loc {
            if let id = string(m.lexiconID) { ids.append(id) }
        }
        let candidates = ambiguousPlaces.map { lexicon.candidateIDs(of: $0.entry) }
        // Codes in ASCII (all of Kemendagri's) are compared as bytes, by their hashes.
        let ascii = ids.allSatisfy(Scan.isASCII) && candidates.allSatisfy { $0.allSatisfy(Scan.isASCII) }
        var named = Set<Substring>(), namedHashes = HashedIntSet()
        for id in ids {
            if ascii {
                if let b = id.utf8.first, b &- 0x30 < 10 { namedHashes.insert(Scan.hash(id.utf8[...])) }
            } else if id.first?.isNumber == true {
                named.insert(Substring(id))
            }
        }
        guard !(ascii ? namedHashes.isEmpty : named.isEmpty) else { return }
        for (p, (k, _)) in ambiguousPlaces.enumerated() {
            var best: (score: Int, id: String)? = nil
            var tied = false
            for id in candidates[p] {
                let score = ascii ? Scan.namedPrefixLevel(of: id, in: namedHashes) : Scan.namedPrefixLevel(of: id, in: named)
                if score > (best?.score ?? 0) { best = (score, id); tied = false } else if score > 0, score == best?.score { tied = true }
            }
            if let best, !tied { mentions[k].lexiconID = intern(best.id) }
        }
    }

    /// The number of dotted parts of the longest prefix of `id` (cut at a dot) that `named` holds, or 0.
    static func namedPrefixLevel(of id: String, in named: Set<Substring>) -> Int {
        var end = id.endIndex
        var level = id.split(separator: ".").count
        while level > 0 {
            if named.contains(id[..<end]) { return level }
            guard let dot = id[..<end].lastIndex(of: ".") else { break }
            end = dot
            level -= 1
        }
        return 0
    }

    /// ``namedPrefixLevel(of:in:)`` of an ASCII `id` among the hashes of ASCII codes (``hash(_:)``).
    static func namedPrefixLevel(of id: String, in named: HashedIntSet) -> Int {
        let bytes = Array(id.utf8)
        // The parts that `split` counts: runs of bytes other than dots.
        var level = 0
        for k in bytes.indices where bytes[k] != 0x2E && (k == 0 || bytes[k - 1] == 0x2E) { level += 1 }
        var end = bytes.count
        while level > 0 {
            if named.contains(hash(bytes[..<end])) { return level }
            guard let dot = bytes[..<end].lastIndex(of: 0x2E) else { break }
            end = dot
            level -= 1
        }
        return 0
    }

    /// Whether `s` is all ASCII.
    static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    /// ``ByteStringTable/hash(of:lowercase:)`` of `bytes`.
    static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var h = ByteStringTable.hashStart
        for b in bytes { h = ByteStringTable.hashStep(h, b) }
        return ByteStringTable.hashEnd(h)
    }

    func add(_ m: Mention) {
        mentions.append(m)
        if !covered.isEmpty { for t in m.start..<m.end { covered[t] = true } }
        if m.type == .per {
            // Words of a person's name that can stand for the person later: not roles or places.
            for t in m.start..<m.end where capitalized(t) && !allCaps(t) {
                if let (e, _) = lexiconMatch(t, t + 1), e.type != .per { continue }
                // Words of the language ("Umum", "Pusat") are not names on their own; the first
                // word of a name whose other words are none is a given name (`Indah`).
                if isCommonWord(t) {
                    if t == m.start, m.end - m.start >= 2, (t + 1..<m.end).contains(where: { capitalized($0) && !isCommonWord($0) }) {
                        if givenNamesOfTheLanguage == nil { givenNamesOfTheLanguage = HashedIntMap<Int>() }
                        _ = givenNamesOfTheLanguage?.insert(keyHash(t), t)
                    }
                    continue
                }
                let h = keyHash(t)
                if personWords.insert(h, t) == nil { personWordHashes.insert(h) }
            }
        }
    }

    /// The most tokens a rule of ``sentence(_:)`` reads from where it starts (the longest role,
    /// organization and name in news run to about twenty).
    static let ruleReach = 80

    func sentence(_ range: Range<Int>) {
        var i = dateline(range.lowerBound, range.upperBound)
        while true {
            // Running lower-case text away from names and numbers has no key: nothing starts here.
            // Nor does a lower-case word or sign that is no cue, unless a case-`any` entry
            // starts with it: every rule below needs a cue, a capital, a number or a match.
            i = nextCandidate(i, range.upperBound)
            if i >= range.upperBound { break }
            // No name, role or amount runs on for more than ``ruleReach`` tokens: a rule that
            // walks to the end of an endless run of titles or capitals from each of its tokens
            // would take time quadratic in the sentence's length.
            let limit = min(range.upperBound, i + Scan.ruleReach), reach = range.lowerBound..<limit
            if isNumber(i) || !cues[i].isDisjoint(with: [.numeric, .month]), let end = numeric(i, limit) { i = end; continue }
            // Lexicon, then cue patterns that may extend it; each rule gives where to go on.
            let match = lexiconMatch(i, limit)
            // Without a match or a cue word here or before, only an acronym defined earlier
            // can start a name: the other rules are not asked (most capitalised words).
            if match == nil, !hasCueForUnlistedName(i, reach) {
                i = definedAcronym(i) ?? i + 1
                continue
            }
            if let next = personAfterRoleOrGivenName(i, limit, match) ?? event(i, limit) ?? organization(i, limit, match)
                ?? cuedPlace(i, limit, match) ?? countryAsModifier(i, reach, match) ?? placeAfterSpeechVerb(i, reach, match)
                ?? listedPlaceOrOrganization(i, limit, match) ?? definedAcronym(i) ?? nameAfterSpeechVerb(i, reach)
                ?? placeAfterPlaceWord(i, reach, match) {
                i = next
            } else {
                i += 1
            }
        }
    }

    /// Whether a rule of ``sentence(_:)`` can start a name at token `i` that no lexicon entry
    /// starts: `i` is an event, organization or place word (``event(_:_:)``,
    /// ``organization(_:_:_:)``, ``cuedPlace(_:_:_:)``), or a speech verb or place word stands
    /// before it in the sentence (``nameAfterSpeechVerb(_:_:)``, ``placeAfterPlaceWord(_:_:_:)``).
    /// The one rule this leaves out is ``definedAcronym(_:)``.
    func hasCueForUnlistedName(_ i: Int, _ range: Range<Int>) -> Bool {
        !cues[i].isDisjoint(with: [.event, .organization, .location])
            || i > range.lowerBound && !cues[i - 1].isDisjoint(with: [.speech, .placeWord])
    }

    /// A role or honorific, or a given name, starts a person when capitalised words follow
    /// (``personAfterRole(_:_:_:)``); a given name starts a capitalised run.
    func personAfterRoleOrGivenName(_ i: Int, _ limit: Int, _ match: (LexiconEntry, Int)?) -> Int? {
        guard let (entry, end) = match, entry.type == .role || entry.type == .per else { return nil }
        if entry.type == .role { return personAfterRole(i, end, limit) }
        let run = capitalizedRun(i, limit, allowConnectors: false, joinHyphens: false)
        add(Mention(start: i, end: max(run, end), type: .per))
        return max(run, end)
    }

    /// "Kepala Dinas Perindustrian Kota Semarang Tri Supriyanto": the role (from `i` to `end`)
    /// runs on through organization and place words; the name is the last capitalised run.
    /// Without a name, the organization the role names is still one ("kata Kepala Badan
    /// Pengawas Obat dan Makanan di Jakarta").
    func personAfterRole(_ i: Int, _ end: Int, _ limit: Int) -> Int {
        if isTitleOfInstitution(i) { return end }
        // A listed name may start inside the role's words (`Kepala Badan` | `Meteorologi, …`);
        // a pronoun ends the name (`Prof Muhammad Ikhsan Ia merupakan …`, a lost full stop).
        var run = beforeNextRole(end, roleRunEnd(from: end, limit, listedFrom: i + 1))
        if let p = (end..<run).first(where: { isPronoun($0) }) { run = p }
        // Not inside a listed name that starts in the role's words (`Kepala Badan` | `Meteorologi,
        // Klimatologi, dan Geofisika` | `Dwikorita Karnawati`).
        let nameStart = afterListedName(nameAtEnd(of: end..<run), in: i + 1..<run)
        if nameStart < run, !allCaps(nameStart) || isBalineseNameOpening(nameStart)
            || (isInitial(nameStart) || isDottedInitial(nameStart)) && run - nameStart >= 2,
           !continuesAsOrganization(run, limit), !isFollowedByAppositiveName(run, limit),
           !(run - nameStart == 1 && (isCommonWord(nameStart) || isDescription(nameStart, limit, role: i..<end))),
           !followsJoiningWord(nameStart, after: end) {
            let role = roleOfName(nameStart, run, afterRole: i, end, limit)
            if nameStart > i + 1 { tagRoleOrganization(i + 1, nameStart) }
            add(Mention(start: nameStart, end: run, type: .per, role: role))
            return run
        }
        if run > i + 1 {
            let before = mentions.count
            tagRoleOrganization(i + 1, run)
            if mentions.count > before { return run }
        }
        return end
    }

    /// The role of the name `nameStart..<run` after the role words `i..<end`: the words from `i`
    /// to the name, except after a relational title (``RelationalRoles``): the name right after
    /// it holds none (`Kuasa Hukum Hendrogiarto`, the lawyer's client), and a name with a role
    /// between, followed by a comma and another name, holds that role only (`Juru bicara
    /// Presiden Joko Widodo, Fadjroel Rachman`: the second is the spokesman).
    func roleOfName(_ nameStart: Int, _ run: Int, afterRole i: Int, _ end: Int, _ limit: Int) -> MentionText {
        guard isRelationalTitle(i, end) else { return textRef(i, nameStart) }
        if nameStart == end { return .none }
        guard run + 1 < limit, isComma(run), couldOpenAppositiveName(run + 1, before: limit),
              lexiconMatch(end, nameStart).map({ $0.0.type == .role && $0.0.subtype != "honorific" }) ?? false
        else { return textRef(i, nameStart) }
        return textRef(end, nameStart)
    }

    /// Whether a name set off by commas follows the run ending at `run` (`Manajer Tim PB Djarum`,
    /// `Fung Permadi`, …): then the run is the role's, and the name is the person
    /// (``namesAfterRoleClauses()``).
    func isFollowedByAppositiveName(_ run: Int, _ limit: Int) -> Bool {
        guard run + 2 < limit, isComma(run), capitalized(run + 1), !isAcronym(run + 1),
              let end = commaClosedRun(from: run + 1, limit) else { return false }
        return (run + 1..<end).allSatisfy { !hasAny($0, [.organization, .location, .placeWord, .day, .month]) && !isAcronym($0) }
            && (lexiconMatch(run + 1, end).map { $0.0.type == .per } ?? true)
    }

    /// The end of the capitalised run of one to four words from `start` when a comma follows
    /// it before `limit` (a name set off by commas), else nil.
    func commaClosedRun(from start: Int, _ limit: Int) -> Int? {
        let end = capitalizedRun(start, limit, allowConnectors: false, joinHyphens: false)
        return end > start && end - start <= 4 && end < limit && isComma(end) ? end : nil
    }

    /// The end of the capitalised run `start..<run` after a role, cut before a joining word that
    /// a second role follows (`Kapolda Metro Jaya Irjen Pol Karyoto` | `dan Kabid Humas …`):
    /// two people, each with a role, not one name after a long role.
    func beforeNextRole(_ start: Int, _ run: Int) -> Int {
        guard run - start >= 3 else { return run }
        for t in start + 1..<run - 1 where has(t, .connector) && !capitalized(t) {
            if let (entry, _) = lexiconMatch(t + 1, run), entry.type == .role, entry.subtype != "honorific" { return t }
        }
        return run
    }

    /// Whether the word before `nameStart` (inside a role's run that starts at `runStart`)
    /// joins the fields of the role's organization (`Menteri Riset dan Teknologi`): what
    /// follows `dan` there is a field, not a name.
    func followsJoiningWord(_ nameStart: Int, after runStart: Int) -> Bool {
        nameStart > runStart && has(nameStart - 1, .connector) && withKey(nameStart - 1) { $0.elementsEqual("dan".utf8) }
    }

    /// Where the name at the end of the capitalised run `run` after a role starts: at most
    /// three words or initials that are not acronyms, organization or place words, legal forms
    /// (`Tbk`), numbers (`Dandim 1302/Minahasa`) nor listed as something other than a
    /// person, not the word right after a place word (which names the place: `Dusun
    /// Nglahar`), without the words of the language that open the role's tail ("Besar" of
    /// Komisaris Besar, "Penanganan", "Barat") unless they are given names.
    func nameAtEnd(of run: Range<Int>) -> Int {
        if isPlacesNameAfterRank(run) { return run.lowerBound }
        // Degrees after the name (`Raldi Hendro Koestoer PhD`) are none of its three words.
        let nameEnd = doc.withColumns { c in
            var e = run.upperBound
            while e - run.lowerBound > 1, c.kinds[e - 1] == .word, c.isDegreeShaped(e - 1) { e -= 1 }
            return e
        }
        var nameStart = run.upperBound, particles = 0
        while true {
            // `Louis van Gaal`, `Ursula von der Leyen`: particles between the name's words, and
            // then a fourth capitalised word (`Luiz Inacio Lula da Silva`).
            if nameStart < run.upperBound, let p = particlesBefore(nameStart, after: run.lowerBound) {
                particles += nameStart - p
                nameStart = p
            }
            // A name does not start inside a hyphenated word (`Gelandang Pierre-Emile Hojbjerg`):
            // the part glued before its first word is that word's.
            if nameStart < run.upperBound, nameStart - 2 >= run.lowerBound, isGluedHyphen(nameStart - 1), capitalized(nameStart - 2) {
                particles += 2
                nameStart -= 2
                continue
            }
            guard nameStart > run.lowerBound, capitalized(nameStart - 1) || isInitial(nameStart - 1),
                  !isAcronym(nameStart - 1) || isInnerInitials(nameStart - 1, in: run) || isDottedInitial(nameStart - 1),
                  lexiconMatch(nameStart - 1, run.upperBound).map({ $0.0.type == .per
                      || (isBareOneWordOrganization($0.0, nameStart - 1, $0.1) && run.upperBound - nameStart < 2) }) ?? true,
                  !has(nameStart - 1, .organization), !has(nameStart - 1, .location), !isLegalForm(nameStart - 1),
                  !isNumbered(nameStart - 1),
                  nameEnd - nameStart - particles < (particles > 0 ? 4 : 3) else { break }
            nameStart -= 1
        }
        // Particles open no name (`van Gaal` alone is cut back to `Gaal`).
        while nameStart < run.upperBound, isNameParticle(nameStart) { nameStart += 1 }
        // A Roman numeral closes a body's unit and opens no name: the name starts after it, a
        // word of the language or not (`KPK Wilayah V` | `Dian Patria`); a Balinese `I` opens
        // one (`I Wayan Sudana`).
        if nameStart < run.upperBound - 1, isRomanNumeral(nameStart), !isBalineseNameOpening(nameStart) { return nameStart + 1 }
        // The word right after a place or organization word names the place or organization
        // (`Kepala Dusun Nglahar, …`, `Dosen FISIP Universitas Brawijaya, …`).
        if nameStart > run.lowerBound, nameStart < run.upperBound, has(nameStart - 1, .location) || has(nameStart - 1, .organization) {
            nameStart += 1
        }
        nameStart = afterRoleOverlapping(nameStart, in: run)
        nameStart = afterListedName(nameStart, in: run)
        nameStart = rightAfterRank(nameStart, in: run)
        nameStart = balineseNameStart(nameStart, in: run)
        // Right after a rank the name starts, a word of the language or not (`Kombes` | `Wira
        // Satya Triputra`).
        if isRightAfterRank(nameStart, in: run) { return nameStart }
        // Right after a listed place or organization the name starts too (`Bupati Luwu Utara` |
        // `Indah Putri Andriani`): a word of the language there is a given name, not a unit's,
        // when the name has a word that is no word of the language (`PT Permata` | `Dunia Sukses
        // Utama` is the company's).
        if isRightAfterListedName(nameStart, in: run), (nameStart..<run.upperBound).contains(where: { !isCommonWord($0) }) {
            return nameStart
        }
        while nameStart < run.upperBound - 1, isCommonWord(nameStart),
              lexiconMatch(nameStart, nameStart + 1).map({ $0.0.type != .per }) ?? true {
            nameStart += 1
        }
        return nameStart
    }

    /// Whether a listed place or organization of `run` ends right before token `t`.
    func isRightAfterListedName(_ t: Int, in run: Range<Int>) -> Bool {
        (max(run.lowerBound, t - 4)..<t).contains { j in
            lexiconMatch(j, t).map { ($0.0.type == .loc || $0.0.type == .org) && $0.1 == t } ?? false
        }
    }

    /// Whether `entry`, matched over tokens `start..<end`, is an organization of one word with no
    /// id (the Wikipedia names' `Toto`, `Alexa`): as often a given name, so it does not stop a
    /// name of one more word after a role (`Direktur Toto Sugito`); before two more, it is the
    /// body the role names (`Pendiri Microsoft Bill Gates`).
    func isBareOneWordOrganization(_ entry: LexiconEntry, _ start: Int, _ end: Int) -> Bool {
        entry.type == .org && end == start + 1 && !lexicon.hasID(entry: Int(entry.index))
    }

    /// Whether a listed rank, or an honorific written short (`H.`, `Hj.`, `Dr.`), ends right
    /// before token `t` of `run` (inside the run or just before it), and no listed role runs
    /// over it (`Direktur Jenderal` | `Imigrasi`).
    func isRightAfterRank(_ t: Int, in run: Range<Int>) -> Bool {
        func listedRole(_ j: Int) -> (LexiconEntry, Int)? {
            lexiconMatch(j, run.upperBound).flatMap { $0.0.type == .role ? $0 : nil }
        }
        func isRank(_ entry: LexiconEntry, _ j: Int) -> Bool {
            entry.subtype == "rank" || entry.subtype == "honorific" && kinds[j] == .abbreviation
        }
        guard let j = (max(0, t - 3)..<t).first(where: { j in listedRole(j).map { isRank($0.0, j) && $0.1 == t } ?? false })
        else { return false }
        return !(max(0, j - 2)..<j).contains { listedRole($0).map { $0.1 >= t } ?? false }
    }

    /// Whether the one word at `t` after the role words `role` closes, with a demonstrative, a
    /// description of someone by the role and the body it names (`CEO Tesla itu`, `Bupati Koltim
    /// tersebut`); an honorific names the person (`Pak Harto itu`).
    func isDescription(_ t: Int, _ limit: Int, role: Range<Int>) -> Bool {
        guard t + 1 < limit, isDemonstrative(t + 1) else { return false }
        return lexiconMatch(role.lowerBound, role.upperBound).map { $0.0.subtype != "honorific" } ?? true
    }

    /// Whether token `t` is `itu` or `tersebut`, which close a description (`CEO Tesla itu`, `tutur
    /// Wasekjen DPP Golkar itu`), not a name.
    func isDemonstrative(_ t: Int) -> Bool { withKey(t) { $0.elementsEqual("itu".utf8) || $0.elementsEqual("tersebut".utf8) } }

    /// Whether token `i` is a word of two letters or more in capitals (`DKPKP`): an acronym, no
    /// word of a person's name in running text.
    func isAcronym(_ i: Int) -> Bool { allCaps(i) && doc.tokens.ends[i] - doc.tokens.starts[i] > 1 }

    /// Whether token `t` is one capital and a full stop (`D.`, `M.`): a name's initial, no acronym.
    func isDottedInitial(_ t: Int) -> Bool {
        doc.tokens.ends[t] - doc.tokens.starts[t] == 2 && doc.bytes[Int(doc.tokens.starts[t])] &- 0x41 < 26
            && doc.bytes[Int(doc.tokens.starts[t]) + 1] == 0x2E
    }

    /// Whether token `t` is a listed honorific written short, with its full stop (`H.`, `Hj.`, `Dr.`).
    func isShortHonorific(_ t: Int) -> Bool { kinds[t] == .abbreviation && isHonorific(t) }

    /// Whether token `i` is one capital letter, the initial of a name (`M` of `M Fadli Amri`),
    /// and not a Roman numeral (`Wilayah V`, `Komisi I`).
    func isInitial(_ i: Int) -> Bool {
        guard allCaps(i), kinds[i] == .word, doc.tokens.ends[i] - doc.tokens.starts[i] == 1 else { return false }
        let c = doc.bytes[Int(doc.tokens.starts[i])]
        return c != 0x49 && c != 0x56 && c != 0x58  // I, V, X
    }

    /// Whether `run`, right after a rank, is a short name that holds a place's name (`Kombes` |
    /// `Kamal`, a district of Madura; `Ipda` | `Samosir`): a rank follows its unit and comes
    /// right before the person, so the whole run is the name. A title after the rank opens
    /// none (`Kombes Pol` | `Dr.` | `Dedy Tabrani`).
    func isPlacesNameAfterRank(_ run: Range<Int>) -> Bool {
        guard run.count <= 3, isRightAfterRank(run.lowerBound, in: run), run.allSatisfy({ capitalized($0) && !isAcronym($0) }),
              lexiconMatch(run.lowerBound, run.upperBound).map({ $0.0.type != .role }) ?? true else { return false }
        return run.contains { t in lexiconMatch(t, run.upperBound).map { $0.0.type == .loc } ?? false }
    }

    /// Whether token `i` is a Roman numeral in capitals (`V`, `XI`, `III`).
    func isRomanNumeral(_ i: Int) -> Bool {
        guard allCaps(i), kinds[i] == .word, doc.tokens.ends[i] - doc.tokens.starts[i] <= 4 else { return false }
        return withKey(i) { k in k.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 } }  // i, v, x
    }

    /// Whether token `i` is two initials inside a name (`PS` of `Bambang PS Brodjonegoro`): two
    /// capitals no lexicon lists and no Roman numeral, between capitalised words of `run` that
    /// are no acronyms, the first a name's word (no word of the language but a given name, no
    /// organization or place word: `Kementerian Kesehatan RI` | `Azhar Jaya`).
    func isInnerInitials(_ i: Int, in run: Range<Int>) -> Bool {
        guard i > run.lowerBound, i + 1 < run.upperBound, allCaps(i), kinds[i] == .word,
              doc.tokens.ends[i] - doc.tokens.starts[i] == 2, lexiconMatch(i, i + 1) == nil,
              capitalized(i - 1), !allCaps(i - 1), capitalized(i + 1), !allCaps(i + 1),
              !isCommonWord(i - 1) || isGivenName(i - 1), !hasAny(i - 1, [.organization, .location, .placeWord]) else { return false }
        return withKey(i) { k in !k.allSatisfy { $0 == 0x69 || $0 == 0x76 || $0 == 0x78 } }  // II, IV, VI, XI …
    }

    /// `nameStart`, or an earlier `I` or `Ni` and a Balinese name word (``EntityTagger/balineseNameWords``)
    /// at most four words before it: Balinese names run to five words (`Sekda Kabupaten Tabanan` |
    /// `I Made Agus Hartawiguna`), past the three-word limit of ``nameAtEnd(of:)``.
    func balineseNameStart(_ nameStart: Int, in run: Range<Int>) -> Int {
        guard nameStart > run.lowerBound else { return nameStart }
        for j in stride(from: nameStart, through: max(run.lowerBound, nameStart - 4), by: -1) where j + 1 < run.upperBound {
            if isBalineseNameOpening(j) { return j }
        }
        return nameStart
    }

    /// Whether tokens `i` and `i + 1` are `I` or `Ni` and a Balinese name word, or the initials
    /// of a Balinese title and a capitalised word (`IGN` | `Jaya Negara`, I Gusti Ngurah).
    func isBalineseNameOpening(_ i: Int) -> Bool {
        // The text may end at `I` (`Presiden I`, which had crashed the tagger).
        guard i + 1 < doc.tokens.count, capitalized(i + 1) else { return false }
        if allCaps(i), !allCaps(i + 1), isWord(i, in: EntityTagger.balineseTitleInitials) { return true }
        return (withKey(i) { $0.elementsEqual("i".utf8) || $0.elementsEqual("ni".utf8) }) && (capitalized(i) || allCaps(i))
            && isWord(i + 1, in: EntityTagger.balineseNameWords)
    }

    /// `nameStart`, or the end of a listed role or rank that starts before it and runs into
    /// it (`Irjen Pol`, `Kombes Pol` before `Ahmad Luthfi`), when a name is left after it.
    func afterRoleOverlapping(_ nameStart: Int, in run: Range<Int>) -> Int {
        for j in max(run.lowerBound, nameStart - 3)..<nameStart {
            if let (entry, end) = lexiconMatch(j, run.upperBound), entry.type == .role, end > nameStart, end < run.upperBound {
                return end
            }
        }
        return nameStart
    }

    /// `nameStart`, or the end of a listed organization or place that starts before it and runs
    /// into it: the words of a listed name are no person's (`Dosen Universitas Gadjah Mada`, …
    /// had made a person `Mada`); or the end of one that four name words follow.
    func afterListedName(_ nameStart: Int, in run: Range<Int>) -> Int {
        guard nameStart < run.upperBound else { return nameStart }
        for j in run.lowerBound..<nameStart {
            guard let (entry, end) = lexiconMatch(j, run.upperBound), entry.type == .org || entry.type == .loc else { continue }
            if end > nameStart { return end }
            // A name of four words right after a listed name (`Universitas Indonesia` | `Tri
            // Yunus Miko Wahyono`), past the three-word limit.
            if end < nameStart, run.upperBound - end == 4, (end..<nameStart).allSatisfy({ couldOpenName($0, before: run.upperBound) }) {
                return end
            }
        }
        return nameStart
    }

    /// `nameStart`, or the end of a listed role or rank one or two words before it when those
    /// words could open the name (`Kombes Pol` | `Ade Ary Syam Indradi`: a name of four words
    /// after a rank, which the three-word limit of ``nameAtEnd(of:)`` would cut).
    func rightAfterRank(_ nameStart: Int, in run: Range<Int>) -> Int {
        guard nameStart < run.upperBound else { return nameStart }
        for e in stride(from: nameStart - 1, through: max(run.lowerBound + 1, nameStart - 2), by: -1) {
            guard (e..<nameStart).allSatisfy({ couldOpenName($0, before: run.upperBound) }) else { return nameStart }
            for j in max(run.lowerBound, e - 3)..<e {
                if let (entry, end) = lexiconMatch(j, run.upperBound), entry.type == .role, end == e, !isTitleOfInstitution(j) { return e }
            }
        }
        return nameStart
    }

    /// Whether token `i` may be a word of a person's name (in a run ending at `limit`): capitalised,
    /// no organization or place word, not listed as something other than a person, no common word.
    func couldOpenName(_ i: Int, before limit: Int) -> Bool {
        capitalized(i) && !allCaps(i) && !has(i, .organization) && !has(i, .location) && !isCommonWord(i)
            && (lexiconMatch(i, limit).map { $0.0.type == .per } ?? true)
    }

    /// An event opened by its cue word ("Piala Dunia 2022").
    func event(_ i: Int, _ limit: Int) -> Int? {
        guard has(i, .event), capitalized(i) || allCaps(i), let end = eventEnd(i, limit) else { return nil }
        add(Mention(start: i, end: end, type: .event, subtype: .key(of: i)))
        return end
    }

    /// An organization opened by its cue word ("Dinas Perindustrian", "PT Maju Jaya").
    func organization(_ i: Int, _ limit: Int, _ match: (LexiconEntry, Int)?) -> Int? {
        guard has(i, .organization), capitalized(i) || allCaps(i) else { return nil }
        let run = capitalizedRun(i + 1, limit, throughTitles: true)
        guard run > i + 1 || allCaps(i) && match != nil else { return nil }
        let end = max(run, match?.1 ?? 0)
        add(Mention(start: i, end: end, type: .org, subtype: subtype(of: match?.0), lexiconID: match.map { .id(of: $0.0) } ?? .none))
        return acronymAfter(i, end, limit)
    }

    /// A place or facility opened by its cue word ("Kecamatan Tugu", "Masjid Istiqlal"). A name
    /// listed whole with its cue is that entry ("Kepulauan Riau"); else the name after the cue
    /// gives its code only when listed as a place of the cue's kind ("Kelurahan Bugangan"), not
    /// of another kind: "Teluk Jakarta" is a bay, not the province, "Pulau Jawa" no village.
    func cuedPlace(_ i: Int, _ limit: Int, _ match: (LexiconEntry, Int)?) -> Int? {
        guard has(i, .location), capitalized(i) else { return nil }
        let run = capitalizedRun(i + 1, limit, allowConnectors: false)
        guard run > i + 1 else { return nil }
        let end = max(run, match?.1 ?? 0)
        let cue = key(i)
        let sub = EntityTagger.cueSubtypes[cue]
        let type: EntityType = has(i, .facility) ? .fac : .loc
        var listed = match?.1 == end ? match?.0 : nil
        if listed == nil, type == .loc, let sub, let (entry, nameEnd) = lexiconMatch(i + 1, end), nameEnd == end,
           entry.type == .loc, entry.subtype == sub {
            listed = entry
        }
        let subtypeText: MentionText = if type == .fac { .key(of: i) }
            else if let listed, !listed.subtype.isEmpty { .subtype(of: listed) }
            else { (sub ?? EntityTagger.featureSubtypes[cue]).map(intern) ?? .none }
        add(Mention(start: i, end: end, type: type, subtype: subtypeText, lexiconID: listedID(of: listed)), from: listed)
        return acronymAfter(i, end, limit)
    }

    /// A country after a common noun is a modifier, not a place ("pemerintah Indonesia",
    /// "militer Israel"): no mention, and the rules go on after it.
    func countryAsModifier(_ i: Int, _ range: Range<Int>, _ match: (LexiconEntry, Int)?) -> Int? {
        guard let (entry, end) = match, entry.type == .loc, entry.subtype == "country", i > range.lowerBound,
              kinds[i - 1] == .word, !capitalized(i - 1), !allCaps(i - 1),
              !has(i - 1, .preposition), !has(i - 1, .placeWord) else { return nil }
        return end
    }

    /// Places do not speak: a place name right after a speech verb is a person ("kata Bima",
    /// "ujar Arief").
    func placeAfterSpeechVerb(_ i: Int, _ range: Range<Int>, _ match: (LexiconEntry, Int)?) -> Int? {
        guard let (entry, _) = match, entry.type == .loc, i > range.lowerBound, has(i - 1, .speech),
              capitalized(i), !allCaps(i) else { return nil }
        let run = capitalizedRun(i, range.upperBound, allowConnectors: false)
        add(Mention(start: i, end: run, type: .per))
        return run
    }

    /// A place or organization the lexicon lists (a village only after its cue).
    func listedPlaceOrOrganization(_ i: Int, _ limit: Int, _ match: (LexiconEntry, Int)?) -> Int? {
        guard let (entry, end) = match, entry.type == .loc || entry.type == .org, entry.casePolicy != .cued else { return nil }
        add(Mention(start: i, end: end, type: entry.type, subtype: .subtype(of: entry), lexiconID: listedID(of: entry)),
            from: entry)
        return acronymAfter(i, end, limit)
    }

    /// An acronym defined earlier in the document ("… (Disperin)").
    func definedAcronym(_ i: Int) -> Int? {
        guard !acronyms.isEmpty, capitalized(i) || allCaps(i), acronymHashes.mayContain(keyHash(i)),
              acronymTexts?.contains(doc.hash(ofToken: i)) == true, let a = acronyms[text(i)] else { return nil }
        add(Mention(start: i, end: i + 1, type: a.type, subtype: a.subtype, lexiconID: a.lexiconID))
        return i + 1
    }

    /// A capitalised name right after a speech verb ("kata Joko Susilo"); not an English title
    /// that `of` holds or continues ("kata Head of Research …", "menurut Head Of Investment
    /// Research …"), nor a description a demonstrative closes ("tutur Wasekjen DPP Golkar itu"),
    /// nor a title a comma and a ranked name follow ("kata Kasubdit IV …, AKBP Ferdiyan Fahmi").
    func nameAfterSpeechVerb(_ i: Int, _ range: Range<Int>) -> Int? {
        guard i > range.lowerBound, has(i - 1, .speech), capitalized(i) else { return nil }
        let run = capitalizedRun(i, range.upperBound, allowConnectors: false, joinHyphens: false)
        func isOf(_ t: Int) -> Bool { withKey(t) { $0.elementsEqual("of".utf8) } }
        if (i + 1..<run).contains(where: isOf) { return nil }
        if run + 1 < range.upperBound, isOf(run), capitalized(run + 1) || allCaps(run + 1) { return nil }
        // A demonstrative after the run makes it a description (`tutur Wasekjen DPP Golkar itu`).
        if run < range.upperBound, isDemonstrative(run) { return nil }
        // A comma, then a rank or role and a name: the run is the person's title (`kata Kasubdit
        // IV Renakta Ditreskrimum Polda Lampung, AKBP Ferdiyan Fahmi`).
        if run + 2 < range.upperBound, isByte(run, 0x2C), let (entry, end) = lexiconMatch(run + 1, range.upperBound),
           entry.type == .role, end < range.upperBound, capitalized(end) { return nil }
        // A listed role inside the run makes what comes before it part of a title (`kata
        // Pelaksana Tugas Direktur Jenderal … Maxi Rein Rondonuwu`): the role's rule reads it.
        if (i + 1..<run).contains(where: { lexiconMatch($0, run).map { $0.0.type == .role && $0.0.subtype != "honorific" } ?? false }) {
            return nil
        }
        add(Mention(start: i, end: run, type: .per))
        return run
    }

    /// Tags each unknown capitalised name right before a speech verb whose subject speaks
    /// (`Tumiran mengungkapkan`, `Selanjutnya Miller berharap`) that no mention covers: a
    /// person, though no lexicon lists it and the model left it. Not when a word of the run is
    /// a word of the language, a pronoun, a derived word or a listed name (`Polisi mengatakan`,
    /// `Pihaknya menegaskan`, `Israel mengklaim`), nor a run longer than ``subjectNameLimit``
    /// words. Run after the model's merge: as a rule feature, a pattern the model never saw in
    /// training turned its reading of the same name elsewhere.
    func speakersBeforeSpeechVerbs() {
        // ``add(_:)`` keeps ``covered`` up to date.
        var k = 0
        while k < capitals.count {
            // A block of adjacent capitals, and the verb after it first: most blocks have none.
            let i = Int(capitals[k])
            var last = k
            while last + 1 < capitals.count, capitals[last + 1] == capitals[last] + 1 { last += 1 }
            k = last + 1
            guard isSubjectVerb(Int(capitals[last]) + 1), capitalized(i), !allCaps(i) else { continue }
            let run = capitalizedRun(i, tokenCount, allowConnectors: false, joinHyphens: false)
            guard run == Int(capitals[last]) + 1 else { continue }
            // The name opens the run, or the word after a function word opening it (`Selanjutnya Tumiran`).
            for start in i..<min(i + 2, run) where run - start <= Scan.subjectNameLimit && opensName(start)
                && (start..<run).allSatisfy({ !covered[$0] && isUnlistedNameWord($0) }) {
                add(Mention(start: start, end: run, type: .per))
                break
            }
        }
    }

    /// Whether capitalised token `i` can open a name: no capitalised word stands before it but
    /// a function word (`Selanjutnya Tumiran`; not `Operasi Fajar`, the name of a thing).
    func opensName(_ i: Int) -> Bool {
        i == 0 || !capitalized(i - 1) && !allCaps(i - 1) || capitalized(i - 1) && isFunctionWord(i - 1)
    }

    /// The most words of a name ``speakersBeforeSpeechVerbs()`` reads.
    static let subjectNameLimit = 4

    /// Whether token `t` is a speech verb in lower case whose subject speaks (``subjectVerbs``:
    /// `mengatakan`, `menegaskan`, `berharap`).
    func isSubjectVerb(_ t: Int) -> Bool {
        guard t < tokenCount, kinds[t] == .word, !capitalized(t), !allCaps(t) else { return false }
        let s = Int(doc.tokens.starts[t]), e = Int(doc.tokens.ends[t])
        // Active forms open with `me` or `be` and have six letters or more: most words after a
        // name (`dan`, `yang`, `di`) are answered without hashing.
        guard e - s >= 6, case let b = doc.bytes[s], b == 0x6D || b == 0x62, doc.bytes[s + 1] == 0x65 else { return false }
        // A lower-case verb is its own match key; most tokens after a name are not keyed.
        return doc.bytes.withUnsafeBufferPointer { text in subjectVerbs.value(UnsafeBufferPointer(rebasing: text[s..<e])) != nil }
    }

    /// Whether capitalised token `t` can be a word of an unlisted name: a word, no entry of the
    /// lexicon starts there, and it is no word of the language, pronoun, day or month.
    func isUnlistedNameWord(_ t: Int) -> Bool {
        capitalized(t) && !allCaps(t) && kinds[t] == .word && lexiconMatch(t, t + 1) == nil && !isCommonWord(t)
            && !isPronoun(t) && !hasAny(t, [.day, .month]) && !isWordWithNya(t) && !isDerivedWord(t)
            && !isFunctionWord(t)
    }

    /// An unknown capitalised name after a preposition or noun of place ("di Quetta", "ke Las
    /// Palmas", "daerah Bugangan"); a village ("di Sidomulyo") is such a name with a code when
    /// it is unambiguous. Coordinated places share the cue: "daerah Bugangan dan Barito".
    func placeAfterPlaceWord(_ i: Int, _ range: Range<Int>, _ match: (LexiconEntry, Int)?) -> Int? {
        let village = match.flatMap { $0.0.casePolicy == .cued ? $0 : nil }
        guard match == nil || village != nil, i > range.lowerBound, has(i - 1, .placeWord), !capitalized(i - 1),
              capitalized(i), !allCaps(i), !hasAny(i, [.month, .day]) else { return nil }
        let limit = range.upperBound
        var run = capitalizedRun(i, limit, allowConnectors: false)
        if let (entry, end) = village, end == run {
            add(Mention(start: i, end: run, type: .loc, subtype: .subtype(of: entry), lexiconID: listedID(of: entry)),
                from: entry)
        } else {
            add(Mention(start: i, end: run, type: .loc))
        }
        while run + 1 < limit, has(run, .connector), !capitalized(run), capitalized(run + 1), !allCaps(run + 1) {
            let known = lexiconMatch(run + 1, limit)
            if let (entry, _) = known, entry.type != .loc { break }
            let next = max(capitalizedRun(run + 1, limit, allowConnectors: false), known?.1 ?? 0)
            add(Mention(start: run + 1, end: next, type: .loc))
            run = next
        }
        return run
    }

    /// Tags the organization or place inside a role ("Kepala [Dinas Perindustrian] …").
    func tagRoleOrganization(_ start: Int, _ end: Int) {
        var i = start
        while i < end {
            if has(i, .organization) && (capitalized(i) || allCaps(i)) {
                // The organization ends before a rank or role inside the run (`Polda Metro Jaya` |
                // `Kombes Pol`), after the listed name it opens (`Kantor Staf Presiden`).
                let listed = lexiconMatch(i, end)
                let listedEnd = listed.map { $0.1 } ?? i + 1
                let orgEnd = (listedEnd..<end).first { t in lexiconMatch(t, end).map { $0.0.type == .role } ?? false && !isTitleOfInstitution(t) } ?? end
                // Exactly a listed organization: its subtype and id come with it.
                let entry = listed.flatMap { $0.1 == orgEnd && $0.0.type == .org ? $0.0 : nil }
                add(Mention(start: i, end: orgEnd, type: .org, subtype: subtype(of: entry), lexiconID: entry.map { .id(of: $0) } ?? .none))
                return
            }
            if let (entry, e) = lexiconMatch(i, end), entry.type == .org || entry.type == .loc {
                // A listed organization or country keeps its id; a place in Indonesia does not:
                // the role's level decides which (`Bupati Semarang` is the regency, not the city
                // the bare name lists).
                let id: MentionText = entry.type == .org || entry.subtype == "country" ? listedID(of: entry) : .none
                add(Mention(start: i, end: e, type: entry.type, subtype: .subtype(of: entry), lexiconID: id))
                i = e
                continue
            }
            i += 1
        }
    }

    /// "Dinas Perindustrian (Disperin)": the acronym becomes an alias; returns where to go on.
    /// A company's legal form after the name (`PT Bank Rakyat Indonesia (Persero) Tbk (BRI)`) is
    /// passed over: it is no acronym and no name of its own. An abbreviation of a common noun
    /// is none of the name's (`warga negara Indonesia (WNI)`: citizens, not the country).
    func acronymAfter(_ start: Int, _ end: Int, _ limit: Int) -> Int {
        let end = legalFormEnd(after: end, limit)
        guard end + 2 < limit, isByte(end, 0x28), isByte(end + 2, 0x29), kinds[end + 1] == .word,
              capitalized(end + 1), !isCommonAcronym(end + 1) else { return end }
        if abbreviatesLongerRun(start, end, acronym: end + 1) { return end + 3 }
        // The acronym is read on its own then (`UNRWA`, a listed name).
        if endsLongerName(start, end, acronym: end + 1) { return end }
        let m = mentions.last!
        acronyms[text(end + 1)] = m
        acronymHashes.insert(keyHash(end + 1))
        if acronymTexts == nil { acronymTexts = HashedIntSet() }
        acronymTexts!.insert(doc.hash(ofToken: end + 1))
        add(Mention(start: end + 1, end: end + 2, type: m.type, subtype: m.subtype, lexiconID: m.lexiconID))
        return end + 3
    }

    /// Whether place `start..<end` (the last mention) ends a longer capitalised name, which the
    /// acronym at token `acronym` abbreviates as it does not start as the place does
    /// (`Pemeringkat Efek Indonesia (Pefindo)`, a rating agency; `Badan Bantuan dan Pekerjaan PBB
    /// untuk Pengungsi Palestina (UNRWA)`; but `Dolar Amerika Serikat (AS)`).
    func endsLongerName(_ start: Int, _ end: Int, acronym: Int) -> Bool {
        guard let m = mentions.last, m.type == .loc, m.start == start, start > 0,
              capitalized(start - 1) || allCaps(start - 1), kinds[start - 1] == .word, !isFunctionWord(start - 1) else { return false }
        return bytes(of: acronym).first.map { $0 & 0xDF } != bytes(of: start).first.map { $0 & 0xDF }
    }

    /// Whether the acronym at token `acronym` gives the initials of a longer capitalised run
    /// that ends with the name `start..<end` and not the name's own: `Ikatan Ahli Perencanaan
    /// Indonesia (IAPI)` abbreviates the whole run, not the place `Indonesia`.
    func abbreviatesLongerRun(_ start: Int, _ end: Int, acronym: Int) -> Bool {
        let letters = withKey(acronym) { $0.map { $0 & 0xDF } }
        func initials(_ from: Int) -> [UInt8] { (from..<end).compactMap { t in capitalized(t) || allCaps(t) ? bytes(of: t).first : nil } }
        guard letters.count >= 2, !Initials.forms(initials(start)).contains(letters) else { return false }
        var from = start
        while from > 0, start - from < 8, capitalized(from - 1) || allCaps(from - 1) || has(from - 1, .connector) {
            from -= 1
            if (capitalized(from) || allCaps(from)), Initials.forms(initials(from)).contains(letters) { return true }
        }
        return false
    }

    /// Where the legal forms right after token `end - 1` end (`(Persero)`, `Tbk`); `end` when none follows.
    func legalFormEnd(after end: Int, _ limit: Int) -> Int {
        var e = end
        while e < limit {
            if isLegalForm(e) {
                e += 1
            } else if e + 2 < limit, flags[e].contains(.openingBracket), isLegalForm(e + 1), flags[e + 2].contains(.closingBracket) {
                e += 3
            } else {
                break
            }
        }
        return e
    }

    /// Whether token `i` is a company's legal form (`Persero`, `Tbk`), which follows a name
    /// and is never one itself.
    func isLegalForm(_ i: Int) -> Bool {
        isWord(i, in: EntityTagger.legalForms)
    }

    /// DATE, TIME, MONEY, PERCENT and QUANTITY from token patterns; returns the end when one matches.
    func numeric(_ i: Int, _ limit: Int) -> Int? {
        guard isNumber(i) || has(i, .numeric) || has(i, .month) else { return nil }
        // The words this looks for are never numbers: a number's key is not needed.
        let k = isNumber(i) ? "" : key(i)
        // Senin (12/5/2022), Senin, 12 Mei 2022, 14 Februari
        if has(i, .day), capitalized(i) {
            if i + 1 < limit, key(i + 1) == "(", i + 3 < limit, isNumber(i + 2), key(i + 3) == ")" {
                add(Mention(start: i, end: i + 4, type: .date)); return i + 4
            }
        }
        if isNumber(i), bytes(of: i).contains(0x2F) {
            add(Mention(start: i, end: i + 1, type: .date)); return i + 1
        }
        if isNumber(i), has(i + 1, .month), i + 1 < limit, capitalized(i + 1) {
            var end = i + 2
            if end < limit, isNumber(end), bytes(of: end).count == 4 { end += 1 }
            add(Mention(start: dayRangeStart(before: i), end: end, type: .date)); return end
        }
        // November 2025, Maret 2020: a month and a year.
        if has(i, .month), capitalized(i), i + 1 < limit, isYear(i + 1) {
            add(Mention(start: i, end: i + 2, type: .date)); return i + 2
        }
        // pukul 10.15 WIB
        if k == "pukul", i + 1 < limit, isNumber(i + 1) {
            var end = i + 2
            if end < limit, has(end, .timeZone) { end += 1 }
            add(Mention(start: i, end: end, type: .time)); return end
        }
        // US$ 24,5 miliar (the tokenizer writes `US $`), $ 5 juta
        if k == "us", i + 2 < limit, isByte(i + 1, 0x24), isNumber(i + 2) { return amount(from: i, number: i + 2, limit) }
        if k == "$", i + 1 < limit, isNumber(i + 1) { return amount(from: i, number: i + 1, limit) }
        // Rp 1,5 miliar / Rp5 juta
        if k == "rp" || k == "rp." || k == "us$" || k == "usd" || k == "idr", i + 1 < limit, isNumber(i + 1) {
            return amount(from: i, number: i + 1, limit)
        }
        // (minus) 5,61 persen / 60%
        if isNumber(i) || (k == "minus" && i + 1 < limit && isNumber(i + 1)) {
            let n = k == "minus" ? i + 1 : i
            if n + 1 < limit, has(n + 1, .percent) {
                add(Mention(start: i, end: n + 2, type: .percent)); return n + 2
            }
            if k != "minus", n + 1 < limit, has(n + 1, .unit) {
                add(Mention(start: i, end: n + 2, type: .quantity)); return n + 2
            }
            // 15 ribu orang / 75 dolar AS / 5 miliar euro (two tokens after the number have no
            // key: their bytes are compared, as the text writes them in lower case).
            let m = n + 1 < limit && has(n + 1, .scale) ? n + 2 : n + 1
            if k != "minus", m < limit, m > n + 1, Scan.isWritten(bytes(of: m), in: EntityTagger.unitWords) {
                add(Mention(start: i, end: m + 1, type: .quantity)); return m + 1
            }
            if m < limit, Scan.isWritten(bytes(of: m), in: EntityTagger.currencies) {
                // `dolar AS`, `dolar Amerika Serikat`: the country's name (two words at most) goes with it.
                let dollar = bytes(of: m).elementsEqual("dolar".utf8)
                let end = dollar ? capitalizedRun(m + 1, min(limit, m + 3), allowConnectors: false, joinHyphens: false) : m + 1
                add(Mention(start: i, end: end, type: .money)); return end
            }
        }
        return nil
    }

    /// A sum of money from token `i` whose number is at `number`, with its scale word after
    /// it (`juta`, `miliar`): the mention's end.
    func amount(from i: Int, number: Int, _ limit: Int) -> Int {
        var end = number + 1
        if end < limit, has(end, .scale) { end += 1 }
        add(Mention(start: i, end: end, type: .money))
        return end
    }

    /// The first day of a range that ends with the day at `i` (`12-14 Desember`, `12 hingga
    /// 14 Desember`, `12 s.d. 14 Desember`), or `i`.
    func dayRangeStart(before i: Int) -> Int {
        guard i >= 2, isNumber(i - 2), doc.tokens.count(i - 2) <= 2, !isInLastMention(i - 2) else { return i }
        let hyphen = isByte(i - 1, 0x2D) || withKey(i - 1) { $0.elementsEqual("–".utf8) }
        return hyphen || withKey(i - 1) { $0.elementsEqual("hingga".utf8) || $0.elementsEqual("sampai".utf8) || $0.elementsEqual("s.d.".utf8) }
            ? i - 2 : i
    }

    /// Whether token `i` is a year of four digits from 1900 to 2099.
    func isYear(_ i: Int) -> Bool {
        guard isNumber(i), doc.tokens.count(i) == 4 else { return false }
        let b = bytes(of: i)
        return b.allSatisfy { $0 &- 0x30 < 10 } && (b.starts(with: "19".utf8) || b.starts(with: "20".utf8))
    }

    /// Whether token `t` lies inside the last mention found (the rules go left to right: a
    /// day before a range was passed just before).
    func isInLastMention(_ t: Int) -> Bool { mentions.last.map { $0.start <= t && t < $0.end } ?? false }

    /// A name set off by commas after a clause that opens with a role is the person the role
    /// describes, known or not (`Dosen Universitas Kristen Satya Wacana, Umbu Rauta,
    /// mengatakan`): one to four capitalised words, not all of them words of the language, that
    /// no lexicon lists as something else, with no place, organization or calendar word, and a
    /// comma after them that no `dan` follows (`Menteri Desa, Pembangunan Daerah
    /// Tertinggal, dan Transmigrasi` lists fields).
    func namesAfterRoleClauses() {
        var s = 0
        var people = personStarts()
        for c in capitals {
            let start = Int(c)
            guard start > 0, !covered[start], isComma(start - 1) else { continue }
            while Int(doc.sentenceTokenStarts[s + 1]) <= start { s += 1 }
            let limit = Int(doc.sentenceTokenStarts[s + 1])
            guard let end = commaClosedRun(from: start, limit), !(end + 1 < limit && has(end + 1, .connector)),
                  (start..<end).allSatisfy({ couldBeAppositiveName($0, before: end) }),
                  !(start..<end).allSatisfy(isCommonWord), let r = roleBeforeComma(start, people: people) else { continue }
            add(Mention(start: start, end: end, type: .per, role: textRef(r, start - 1)))
            people[start] = true
        }
    }

    /// Another name of a person (``OtherNames``) is a person too: the name after a person and
    /// `alias` (`Zulkifli Hasan alias Zulhas`, `Dedi Mulyadi alias KDM`), and a nickname after
    /// `akrab disapa` or `biasa dipanggil`, whoever it is of (`yang akrab disapa Noel`): one to
    /// three capitalised or all-capital words that no other mention holds.
    func otherNames() {
        let n = doc.tokens.count
        var found: [Mention] = []
        func name(at start: Int) {
            let end = capitalizedRun(start, min(n, start + 3), allowConnectors: false, joinHyphens: false)
            if end > start, (start..<end).allSatisfy({ !covered[$0] }) { found.append(Mention(start: start, end: end, type: .per)) }
        }
        for m in mentions where m.type == .per && m.end + 1 < n && OtherNames.isAlias(m.end, doc) { name(at: m.end + 1) }
        for c in capitals where OtherNames.isNicknameCue(before: Int(c), doc) { name(at: Int(c)) }
        for m in found where !covered[m.start] { add(m) }
    }


    /// Whether token `i` is a comma.
    @inline(__always) func isComma(_ i: Int) -> Bool { kinds[i] == .punctuation && isByte(i, 0x2C) }

    /// The key hashes of the words of people named in two words or more: one of them alone is
    /// that person (`Dini` after `Dini Sri Wahyuni`), a function word or not.
    func wordsOfFullNames() -> HashedIntSet {
        var words = HashedIntSet()
        for m in mentions where m.type == .per && m.end - m.start >= 2 { for t in m.start..<m.end { words.insert(keyHash(t)) } }
        return words
    }

    /// Whether token `i` is a unit's or a document's number (`1302/Minahasa`, `Kep-176/KM`):
    /// it opens with a digit or holds a slash. No word of a person's name is; a digit glued
    /// after one by a scraped list's numbering (`Sudjatmiko9`) leaves it a name.
    func isNumbered(_ i: Int) -> Bool {
        let b = bytes(of: i)
        return b.first.map { $0 &- 0x30 < 10 } == true || b.contains(0x2F)
    }

    /// Whether token `i` is written as the one byte `b`.
    @inline(__always) func isByte(_ i: Int, _ b: UInt8) -> Bool {
        let start = Int(doc.tokens.starts[i])
        return Int(doc.tokens.ends[i]) == start + 1 && doc.bytes[start] == b
    }

    /// Whether `word` is one of `words`, byte for byte.
    static func isWritten<C: Collection>(_ word: C, in words: [[UInt8]]) -> Bool where C.Element == UInt8 {
        let n = word.count
        return words.contains { $0.count == n && $0.elementsEqual(word) }
    }

    /// `selaku` (in the capacity of), which puts a person's role after the name.
    static let inCapacityOf: [[UInt8]] = [Array("selaku".utf8)]

    /// The English words that go on with an organization's name (``continuesAsOrganization(_:_:)``), as written.
    static let englishConnectors: [[UInt8]] = ["for", "of", "and", "the", "on", "in"].map { Array($0.utf8) }

    /// Whether token `i` may be a word of a name set off by commas (see ``namesAfterRoleClauses()``).
    func couldBeAppositiveName(_ i: Int, before end: Int) -> Bool {
        !covered[i] && couldOpenAppositiveName(i, before: end)
    }

    /// ``couldBeAppositiveName(_:before:)`` without asking whether a mention holds token `i`
    /// (for the sentence rules, before ``covered`` is built).
    func couldOpenAppositiveName(_ i: Int, before end: Int) -> Bool {
        capitalized(i) && !allCaps(i) && !isLegalForm(i)
            && !hasAny(i, [.organization, .location, .placeWord, .day, .month, .speech])
            && (lexiconMatch(i, end).map { $0.0.type == .per } ?? true)
    }

    /// A role in apposition after a person's name, or after `selaku`, becomes the person's role:
    /// "Joko Susilo, Ketua Komite B DPRD Kota Semarang, …" (the role runs through the
    /// capitalised words after the role word, and never over another person's name).
    func attachAppositiveRoles() {
        let n = doc.tokens.count
        let people = personStarts()
        for k in mentions.indices where mentions[k].type == .per && mentions[k].role.isNone {
            // `Budi Santoso, Kepala Dinas …,` / `Nicke Widyawati selaku Direktur Utama …`.
            let comma = mentions[k].end
            guard comma + 1 < n, isComma(comma) || isWord(comma, in: Scan.inCapacityOf), capitalized(comma + 1),
                  let (entry, roleWordsEnd) = lexiconMatch(comma + 1, n), entry.type == .role else { continue }
            let end = roleRunEnd(from: roleWordsEnd, n)
            // A relational title runs over the person it names (`Budi Santoso, Kuasa Hukum Hendrogiarto,`).
            guard !(comma + 1..<end).contains(where: { people[$0] }) || isRelationalTitle(comma + 1, roleWordsEnd) else { continue }
            mentions[k].role = textRef(comma + 1, end)
        }
    }

    /// Whether token `t` is a capitalised word in lower case after its capital, with no cue.
    func isPlainCapitalizedWord(_ t: Int) -> Bool { kinds[t] == .word && capitalized(t) && !allCaps(t) && cues[t].isEmpty }

    /// The end of a role's words from `i`: its capitalised run, going on over a number before
    /// a capitalised word (first too: `CEO` | `99 Group Indonesia`), an acronym in brackets
    /// (`Wakil Presiden Direktur PT Hutchison 3 Indonesia (Tri)`) and a listed organization or
    /// place starting from `listedFrom` (else `i`) with commas in it (`Badan Meteorologi,
    /// Klimatologi, dan Geofisika`).
    func roleRunEnd(from i: Int, _ limit: Int, listedFrom: Int? = nil) -> Int {
        // The run ends in a person's name, where a hyphen joins two names (`Faruq El-Shara`
        // is read by the name's own rules), so it does not join words here.
        var end = capitalizedRun(i, limit, joinHyphens: false)
        // Listed names are looked for from each token once (a name from an earlier one ends
        // no later than the longest found then): linear however long the run grows.
        var scanned = min(listedFrom ?? i, i)
        while true {
            let listed = listedNameEnd(crossing: scanned..<end, limit)
            scanned = max(scanned, end)
            if let listed, listed > end {
                // `Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) Dwikorita Karnawati`.
                end = listed < limit && capitalized(listed) ? capitalizedRun(listed, limit, joinHyphens: false) : listed
            } else if end + 1 < limit, isNumber(end), capitalized(end + 1) {
                end = capitalizedRun(end + 1, limit, joinHyphens: false)
            } else if end > i, let next = afterParticles(end, limit) {
                end = capitalizedRun(next, limit, joinHyphens: false)
            } else if end == i + 1, end + 2 < limit, isGluedHyphen(end), isPlainCapitalizedWord(i), isPlainCapitalizedWord(end + 1),
                      capitalized(end + 2) {
                // A hyphenated first name after the role and more of the name after it
                // (`Gelandang Pierre-Emile Hojbjerg`): ``nameAtEnd(of:)`` reads it as one word.
                // Not a pair (`Prabowo-Gibran`), a name's hyphenated last word, nor acronyms and
                // cue words (`Menteri PKP-Mendagri`, `Anggota DPRD-Kadis`).
                end = capitalizedRun(end + 1, limit, joinHyphens: false)
            } else if end > i, end + 2 < limit, flags[end].contains(.openingBracket), capitalized(end + 1) || allCaps(end + 1),
                      flags[end + 2].contains(.closingBracket) {
                end += 3
            } else {
                break
            }
        }
        return end
    }

    /// Whether token `c` is a comma inside a listed organization or place (`Badan Meteorologi,
    /// Klimatologi, dan Geofisika`), one starting at most twelve tokens before it.
    func isCommaInListedName(_ c: Int) -> Bool {
        isComma(c) && listedNameEnd(crossing: max(0, c - 12)..<c, tokenCount) != nil
    }

    /// The end of the longest listed organization or place that starts in `run` and ends after
    /// it (a name with commas in it: `Badan Meteorologi, Klimatologi, dan Geofisika`), or nil.
    func listedNameEnd(crossing run: Range<Int>, _ limit: Int) -> Int? {
        var best: Int? = nil
        for t in run {
            guard let (entry, end) = lexiconMatch(t, limit), end > run.upperBound, entry.type == .org || entry.type == .loc,
                  entry.casePolicy != .any
            else { continue }
            best = max(best ?? end, end)
        }
        return best
    }

    /// A role right before a person, or before a comma and then the person, is the person's
    /// when the rules left it without one (`Menurut Kepala Dinas Perdagangan Kota Salatiga, Sri
    /// Handayani, …`; `Direktur Eksekutif Center of Reform on Economics (CORE) Mohammad Faisal`).
    func attachRolesBefore() {
        let people = personStarts()
        for k in mentions.indices where mentions[k].type == .per && (mentions[k].role.isNone || hasOnlyTitlesAsRole(k)) {
            let s = mentions[k].start
            guard !Scan.line(containing: s, in: titleCaseLines),
                  let r = roleBeforeComma(s, people: people) ?? roleRightBefore(s, end: mentions[k].end, people: people) else { continue }
            // The role ends before the titles of the name, the comma, or the bracket that holds
            // the name (`Menteri (Dody Hanggodo)`).
            var end = s
            while end > r + 1, isHonorific(end - 1) { end -= 1 }
            while end > r + 1, isComma(end - 1) || kinds[end - 1] == .punctuation && flags[end - 1].contains(.openingBracket) {
                end -= 1
            }
            mentions[k].role = textRef(r, end)
        }
    }

    /// Where the role starts when comma `s - 1` closes a clause that opens with a role (or
    /// holds one after its first word: `Menurut`, `Sementara`), back to the sentence's start,
    /// a comma or a quote mark within twelve words (`Pengamat politik dari Universitas
    /// Indonesia, Aditya Perdana, …`), and names no other person.
    func roleBeforeComma(_ s: Int, people: [Bool]) -> Int? {
        // Titles between the comma and the name (`Menurut Kepala Dinas Kesehatan, Prof. Dr. Sri Handayani`).
        var s = s
        while s > 2, isHonorific(s - 1) { s -= 1 }
        let comma = s - 1
        guard comma > 1, isComma(comma) else { return nil }
        var r = comma
        while r > 0, r > comma - 16, kinds[r - 1] != .punctuation || isCommaInListedName(r - 1) { r -= 1 }
        guard r == 0 || kinds[r - 1] == .punctuation && r > comma - 16 else { return nil }
        return role(in: r..<min(r + 2, comma), before: comma, people: people, overPeople: true)
    }

    /// Whether person `k`'s role is only the titles right before its name (`Dr.`, `Prof. Dr.`):
    /// a role before a comma ahead of them says more (`Direktur RSUD, Dr. Budi Santoso`).
    func hasOnlyTitlesAsRole(_ k: Int) -> Bool {
        let role = mentions[k].role, s = mentions[k].start
        guard role.source == .document, s > 0, isHonorific(s - 1) else { return false }
        var h = s - 1
        while h > 0, isHonorific(h - 1) { h -= 1 }
        return role.b == doc.tokens.ends[s - 1] && (h..<s).contains { role.a == doc.tokens.starts[$0] }
    }

    /// Whether token `i` alone is a listed honorific (`Dr.`, `Prof.`, `H.`, `Bapak`).
    func isHonorific(_ i: Int) -> Bool {
        lexiconMatch(i, i + 1).map { $0.0.type == .role && $0.0.subtype == "honorific" } ?? false
    }

    /// Whether token `i` is an honorific that opens the name of an institution named after a
    /// person: right after an organization word or its acronym in brackets (`RSUP Prof
    /// Ngoerah`, `Rumah Sakit Umum Pusat (RSUP) Prof Ngoerah`), not before a person's name.
    func isTitleOfInstitution(_ i: Int) -> Bool {
        guard i > 0, isHonorific(i) else { return false }
        if has(i - 1, .organization) { return true }
        return i > 2 && flags[i - 1].contains(.closingBracket) && flags[i - 3].contains(.openingBracket) && has(i - 2, .organization)
    }

    /// Where the role starts in the capitalised run right before token `s` (capitalised
    /// words, `of`/`dan` and English joining words, acronyms in brackets, within fourteen
    /// tokens), when a listed role opens the run and it names no other person.
    func roleRightBefore(_ s: Int, end: Int, people: [Bool]) -> Int? {
        var r = s
        while r > 0, r > s - 14,
              capitalized(r - 1) || allCaps(r - 1) || has(r - 1, .connector) || flags[r - 1].contains(.openingBracket)
                || flags[r - 1].contains(.closingBracket) || isEnglishJoiner(r - 1) || isCommaInListedName(r - 1) { r -= 1 }
        guard r < s - 1, let role = role(in: r..<min(r + 2, s), before: s, people: people) else { return nil }
        return roleOwnedBy(s, end: end, from: role, people: people)
    }

    /// The start of the role person `s..<end` holds when the role from `role` runs up to it: a
    /// relational title names whose representative the person is (`Kuasa Hukum` |
    /// `Hendrogiarto`: none), and before a representative after a comma the person holds only
    /// the title after it (`Juru Bicara` `Presiden` | `Joko Widodo, Fadjroel Rachman`).
    func roleOwnedBy(_ s: Int, end: Int, from role: Int, people: [Bool]) -> Int? {
        let title = relationalTitleLength(at: role)
        guard title > 0 else { return role }
        if role + title == s { return nil }
        let n = doc.tokens.count
        guard isFollowedByAppositiveName(end, n) || end + 1 < n && isComma(end) && people[end + 1] else { return role }
        return self.role(in: role + title..<role + title + 1, before: s, people: people)
    }

    /// Whether tokens `i..<end` are a relational title (``RelationalRoles``).
    func isRelationalTitle(_ i: Int, _ end: Int) -> Bool { relationalTitleLength(at: i) == end - i }

    /// The number of tokens of the relational title (``RelationalRoles``) at token `i`, or 0.
    func relationalTitleLength(at i: Int) -> Int { doc.withColumns { RelationalRoles.length(at: i, in: $0) } }

    /// Whether token `i` is a lower-case English word that joins the words of a name (`Center
    /// of Reform on Economics`, `Institute for …`).
    func isEnglishJoiner(_ i: Int) -> Bool {
        !capitalized(i) && withKey(i) { k in Scan.englishJoiners.contains { k.elementsEqual($0) } }
    }

    /// The words of ``isEnglishJoiner(_:)``, as bytes.
    static let englishJoiners: [[UInt8]] = ["on", "for", "the", "and", "in", "at"].map { Array($0.utf8) }

    /// The first token of `candidates` where a listed role starts, if no person starts
    /// between it and `end` (`people`: ``personStarts()``).
    /// With `overPeople`, a relational title (``RelationalRoles``) may run over the person it
    /// names (`Kuasa hukum Hendrogiarto, Budi Santoso`).
    func role(in candidates: Range<Int>, before end: Int, people: [Bool], overPeople: Bool = false) -> Int? {
        // A role or rank; an honorific alone (`Saudara FJ`, `Pak`) is no role.
        guard let role = candidates.first(where: { lexiconMatch($0, end).map { $0.0.type == .role && $0.0.subtype != "honorific" } ?? false })
        else { return nil }
        if (role..<end).contains(where: { people[$0] }), !overPeople || relationalTitleLength(at: role) == 0 {
            return nil
        }
        return role
    }

    /// Whether a person starts at each token: looked up per token, not by a search through
    /// every mention (which made a document of thousands of people quadratic).
    func personStarts() -> [Bool] {
        var people = [Bool](filled: false, count: doc.tokens.count + 1)
        for k in mentions.indices where mentions[k].type == .per { people[mentions[k].start] = true }
        return people
    }

    /// Places and organizations inside longer places and organizations: "Kota Semarang" in
    /// "DPRD Kota Semarang", "Kementerian Perindustrian" in "Kementerian Perindustrian Kota Semarang".
    func addNested() {
        for outer in mentions where (outer.type == .org || outer.type == .loc) && outer.end - outer.start > 1 {
            var i = outer.start
            while i < outer.end {
                var found: Mention?
                if has(i, .location), capitalized(i) {
                    let run = capitalizedRun(i + 1, outer.end, allowConnectors: false)
                    if run > i + 1 { found = Mention(start: i, end: run, type: has(i, .facility) ? .fac : .loc) }
                }
                if found == nil, let (entry, end) = lexiconMatch(i, outer.end), entry.type == .loc || entry.type == .org {
                    found = Mention(start: i, end: end, type: entry.type, subtype: .subtype(of: entry), lexiconID: listedID(of: entry))
                }
                guard var m = found, !(m.start == outer.start && m.end == outer.end) else { i += 1; continue }
                m.isNested = true
                mentions.append(m)
                i = m.end
            }
        }
    }

    /// Later single-word mentions of a person already named ("Tri", "Joko", "Pak Joko").
    /// A person first tagged by one word ("kata Piter") whose word stood earlier in an untagged
    /// capitalised run ("Ekonom CORE Indonesia Piter Abdullah mengatakan") is named there in
    /// full: that run, from the word on, becomes the person's first mention.
    func completeEarlierNames() {
        guard let (lone, filter, last) = loneNameWords() else { return }
        var done = HashedIntSet()
        for c in capitals {
            let i = Int(c)
            if i >= last { break }
            if covered[i] { continue }
            let h = keyHash(i)
            guard filter.mayContain(h), capitalized(i), !allCaps(i),
                  let at = lone[h], i < at, !done.contains(h), sameKey(i, at), !isCommonWord(i) else { continue }
            var end = i + 1
            while end < last, end < i + 4, !covered[end], capitalized(end), !allCaps(end), !isCommonWord(end) {
                end += 1
            }
            done.insert(h)
            add(Mention(start: i, end: end, type: .per))
        }
    }

    /// The words of the one-word people that are no word of a longer person (by the hash of
    /// their key, ``keyHash(_:)``) with the first token each stands at, a filter over their
    /// hashes (which spares most tokens the lookup), and the last of those first tokens; nil
    /// when there is none (``completeEarlierNames()``).
    func loneNameWords() -> (lone: HashedIntMap<Int>, filter: HashFilter, last: Int)? {
        var full = HashedIntSet()
        var singles = 0
        for k in mentions.indices where mentions[k].type == .per {
            let start = mentions[k].start, end = mentions[k].end
            if end - start == 1 { singles += 1; continue }
            for t in start..<end { full.insert(keyHash(t)) }
        }
        guard singles > 0 else { return nil }
        var lone = HashedIntMap<Int>(capacity: singles)
        var filter = HashFilter()
        var hashes: [Int] = []
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start == 1 {
            let start = mentions[k].start, h = keyHash(start)
            guard !full.contains(h) else { continue }
            if let first = lone.insert(h, start) {
                if first > start { lone[h] = start }
            } else {
                filter.insert(h)
                hashes.append(h)
            }
        }
        guard !hashes.isEmpty else { return nil }
        let last = hashes.reduce(0) { max($0, lone[$1]!) }
        return (lone, filter, last)
    }

    /// Whether tokens `i` and `j` have the same match key.
    func sameKey(_ i: Int, _ j: Int) -> Bool {
        withKey(i) { a in withKey(j) { b in a.elementsEqual(b) } }
    }

    /// Drops the names that are words of the language or things: people whose words are all
    /// personal pronouns (``EntityTagger/pronouns``: one `Anda` read as a name would be the name
    /// again at every `Anda` of the document) or an exclamation alone (`Ayo`, ``EntityTagger/exclamations``),
    /// that follow a product noun (`mobil Pajero`; then the word is no person anywhere in the
    /// document), that are a numbering noun before a number (`Nomor 188`) or hold a document's
    /// number (`Nomor PRINT-362/N.3.22/Fd.1/10/2025`), and, alone, a function word, an
    /// abbreviation of a common noun or an organization or place word of the language that no
    /// lexicon entry names (``EntityTagger/commonAcronyms``: `tarif PPN`, `di TKP`; `Kementerian`).
    func dropCommonWordNames() {
        // A one-word person that follows a product noun somewhere (`akun Instagram`, `pengemudi
        // Pajero`) is that product everywhere in the document, unless a lexicon knows the word
        // as a person's (`mobil Dora` is Dora's car).
        var products = HashedIntSet()
        for m in mentions where m.type == .per && m.end - m.start == 1 && isAfterProductNoun(m.start, oneWord: true) && !keyIsEmpty(m.start)
            && !isGivenName(m.start) && !isWordOfListedPeople(m.start) {
            products.insert(keyHash(m.start))
        }
        let brands = productBrands(ofFirstWordsOf: mentions)
        var words: [Int] = []
        var personEnds: [Bool]? = nil
        var personWords: HashedIntSet? = nil
        for k in mentions.indices where isCommonWordName(k, &personWords) || isProductName(mentions[k], products)
            || isBrandedProduct(mentions[k], brands) || isDegreeAfterName(k, &personEnds) {
            words.append(k)
        }
        dropMentions(at: words)
    }

    /// A one-word person that the lexicons list as a country is that country (the model reads a
    /// country that acts as a person: `dengan Israel`, `keberhasilan Tiongkok adalah`), unless a
    /// speech verb names it (then the rules read a person: places do not speak); a capitalised
    /// noun that is also a speech verb names no one (`Kisah Tiongkok menunjukkan`).
    func countriesAreNoPeople() {
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start == 1 {
            let t = mentions[k].start
            guard !isAfterSpeechVerb(t), let (entry, end) = lexiconMatch(t, t + 1), end == t + 1, entry.type == .loc,
                  entry.subtype == "country" else { continue }
            mentions[k].type = .loc
            mentions[k].subtype = .subtype(of: entry)
            mentions[k].lexiconID = listedID(of: entry)
            mentions[k].role = .none
        }
    }

    /// A person of two words or more whose last word heads an English organization's name is
    /// that organization (`Fitch Ratings`, `Climate Council`, `Saiful Mujani Research`): no
    /// unlisted person's name ends in one, whether the model read it or a speech verb named it.
    func englishOrganizationsAreNoPeople() {
        for k in mentions.indices where mentions[k].type == .per && mentions[k].end - mentions[k].start >= 2 && mentions[k].lexiconID.isNone {
            let last = mentions[k].end - 1
            guard capitalized(last), isWord(last, in: EntityTagger.trailingOrganizationHeads) else { continue }
            mentions[k].type = .org
            mentions[k].subtype = .none
            mentions[k].lexiconID = .none
            mentions[k].role = .none
        }
    }

    /// A person's name right after a place's cue word (`Kota Ho Chi Minh`, `Desa Suharto`) or
    /// ending in `City` (`Ho Chi Minh City`) names a place: the model reads a man's name, but
    /// no person stands there. A person with a role, or after one, is left alone (`Kepala Desa
    /// Sutrisno`, `Wali Kota Bobby Nasution`: the cue is the role's).
    func placesNamedAfterPeople() {
        for k in mentions.indices where mentions[k].type == .per && mentions[k].role.isNone {
            let start = mentions[k].start, last = mentions[k].end - 1
            if start > 0, has(start - 1, .location), capitalized(start - 1), !isRoleEnding(at: start),
               let sub = withKey(start - 1, { EntityTagger.cueSubtypes[String(decoding: $0, as: UTF8.self)] }) {
                mentions[k].start = start - 1
                mentions[k].subtype = intern(sub)
            } else if last > start, capitalized(last), isWord(last, in: EntityTagger.cityWord) {
                mentions[k].subtype = intern("city")
            } else {
                continue
            }
            mentions[k].type = .loc
            mentions[k].lexiconID = .none
        }
    }

    /// Whether a role the lexicon lists ends right before token `t` (`Wali Kota` before a
    /// headline's `Wahyu Hidayat`, where no role was attached).
    func isRoleEnding(at t: Int) -> Bool {
        guard t >= 2, let (entry, end) = lexiconMatch(t - 2, t) else { return false }
        return entry.type == .role && end == t
    }

    /// Capitalised names ending in an English word for an event, with a year after it or not
    /// (`SEA Games 2019`, `Russian Open`, `Grammy Awards`, `Java Jazz Festival`), are events:
    /// the people, organizations and places the model or the lexicon read in their words
    /// (`Russian` a person, `SEA` a village) are dropped for one event. A name inside that the
    /// lexicon lists as something other than a village (`Indonesia` of Indonesia Open, `FIFA`
    /// of FIFA World Cup) is kept, and then no event is made.
    func eventsNamedLast() {
        var events: [Mention] = []
        for c in capitals {
            let h = Int(c)
            guard h > 0, capitalized(h), !allCaps(h), h + 1 >= doc.tokens.count || !capitalized(h + 1) && !allCaps(h + 1),
                  isKey(h, in: EntityTagger.englishEventHeads) else { continue }
            var start = h
            // Back over the capitalised words of the name to the sentence's start, or in a
            // headline in title case to a word of the language (`Pemkab Bogor Raih Mandaya Awards`).
            let headline = Scan.line(containing: h, in: titleCaseLines)
            while start > 0, !isSentenceStart(start), kinds[start - 1] == .word, capitalized(start - 1) || allCaps(start - 1),
                  !headline || !isCommonWord(start - 1) { start -= 1 }
            if start < h, isSentenceStart(start), isCommonWord(start) { start += 1 }
            guard start < h else { continue }
            let end = h + 1 < doc.tokens.count && isYear(h + 1) ? h + 2 : h + 1
            if let e = events.last, e.end > start { continue }
            events.append(Mention(start: start, end: end, type: .event, subtype: .key(of: h)))
        }
        guard !events.isEmpty else { return }
        // Each token's event (events do not overlap), so each mention finds its own in one
        // look per token: a document of thousands of events stays linear.
        var eventAt = [Int32](repeating: -1, count: doc.tokens.count)
        for (n, e) in events.enumerated() { for t in e.start..<e.end { eventAt[t] = Int32(n) } }
        var blocked = [Bool](repeating: false, count: events.count)
        for m in mentions {
            for t in m.start..<m.end where eventAt[t] >= 0 && !isReadInsideEvent(m, events[Int(eventAt[t])]) {
                blocked[Int(eventAt[t])] = true
            }
        }
        guard blocked.contains(false) else { return }
        mentions.removeAll { m in (m.start..<m.end).contains { eventAt[$0] >= 0 && !blocked[Int(eventAt[$0])] } }
        mentions += events.indices.filter { !blocked[$0] }.map { events[$0] }
        mentions.sort { $0.start < $1.start }
    }

    /// Whether mention `m` lies inside event `e` and is a reading of its words the event
    /// replaces: a person, organization or place not listed, or listed as a village.
    func isReadInsideEvent(_ m: Mention, _ e: Mention) -> Bool {
        guard e.start <= m.start, m.end <= e.end, [.per, .org, .loc].contains(m.type) else { return false }
        return m.lexiconID.isNone || m.type == .per || string(m.subtype) == "village"
    }

    /// Whether mention `k` is a one-word person that is a degree after a person's name and a
    /// comma, or after other degrees there (`Prof Budi Santoso, MSc`, `Andi Hamzah, SH, MH`): a
    /// title, not a person. `personEnds` (whether a person ends before each token) is filled the
    /// first time a degree needs it, so a document of many stays linear.
    func isDegreeAfterName(_ k: Int, _ personEnds: inout [Bool]?) -> Bool {
        let start = mentions[k].start
        guard mentions[k].type == .per, mentions[k].end - start == 1, start >= 2, isComma(start - 1) else { return false }
        let before = doc.withColumns { $0.isDegreeShaped(start) ? $0.beforeDegrees(start, from: 0) : start }
        guard before != start else { return false }
        if personEnds == nil {
            var ends = [Bool](filled: false, count: doc.tokens.count + 1)
            for m in mentions where m.type == .per { ends[m.end] = true }
            personEnds = ends
        }
        return personEnds![before + 1]
    }

    /// A person's role that ends with the honorifics written short right before the name ends
    /// before them (`Dekan Fakultas Ekonomi … Malang Dr.` | `Muhammad Sri Wahyudi`): a title
    /// is the name's, not the office's. A role of titles only keeps its first (`Prof.` of `Prof. Dr.`).
    func trimTitlesOffRoles() {
        for k in mentions.indices where mentions[k].type == .per && mentions[k].role.source == .document && mentions[k].start >= 2 {
            var t = mentions[k].start - 1
            guard mentions[k].role.b == doc.tokens.ends[t] else { continue }
            let roleStart = mentions[k].role.a
            while t > 0, doc.tokens.starts[t] > roleStart, isShortHonorific(t) { t -= 1 }
            if t < mentions[k].start - 1 { mentions[k].role.b = doc.tokens.ends[t] }
        }
    }

    /// A person's name that ends with a degree written without a comma (`Raldi Hendro Koestoer
    /// PhD`, `Budi Santoso SH`) ends before it: a degree with capitals inside or a listed one in
    /// capitals (not a dotted one: `Maria S.W.` ends with initials), and two words stay at least.
    func trimDegreesOffPeople() {
        var trimmed = false
        doc.withColumns { c in
            for k in mentions.indices where mentions[k].type == .per {
                var end = mentions[k].end
                while end - mentions[k].start > 2, c.kinds[end - 1] == .word, c.isDegreeShaped(end - 1) { end -= 1 }
                if end < mentions[k].end { mentions[k].end = end; trimmed = true }
            }
        }
        if trimmed { coverMentions() }
    }

    /// The key hashes of the first words of `people` (of two words or more) that the document
    /// writes capitalised right after a product noun (`mobil Kia`, `motor Vespa`), no given name
    /// or listed person's word (`mobil Dora`). Only those words are looked for.
    func productBrands(ofFirstWordsOf people: [Mention]) -> HashedIntSet {
        var firsts = HashedIntSet(), brands = HashedIntSet()
        for m in people where m.type == .per && m.end - m.start >= 2 && m.lexiconID.isNone && !keyIsEmpty(m.start) {
            firsts.insert(keyHash(m.start))
        }
        guard !firsts.isEmpty else { return brands }
        for c in capitals {
            let t = Int(c)
            guard !keyIsEmpty(t), firsts.contains(keyHash(t)), isAfterProductNoun(t), !isGivenName(t), !isWordOfListedPeople(t) else { continue }
            brands.insert(keyHash(t))
        }
        return brands
    }

    /// Whether `m` is a person of two words or more whose first word a product noun names in
    /// the document (`Kia Rio`, `Kia Sportage` after `mobil Kia`): a model of the brand.
    func isBrandedProduct(_ m: Mention, _ brands: HashedIntSet) -> Bool {
        !brands.isEmpty && m.type == .per && m.end - m.start >= 2 && m.lexiconID.isNone && !keyIsEmpty(m.start)
            && brands.contains(keyHash(m.start))
    }

    /// Whether `m` is a one-word person whose word names a product elsewhere (`products`: key hashes).
    func isProductName(_ m: Mention, _ products: HashedIntSet) -> Bool {
        !products.isEmpty && m.type == .per && m.end - m.start == 1 && !keyIsEmpty(m.start) && products.contains(keyHash(m.start))
    }

    /// Whether mention `k` is a word of the language or a thing (see ``dropCommonWordNames()``);
    /// `personWords` keeps ``wordsOfFullNames()`` once a function word asks for them.
    func isCommonWordName(_ k: Int, _ personWords: inout HashedIntSet?) -> Bool {
        let start = mentions[k].start, end = mentions[k].end, type = mentions[k].type
        if type == .per, (start..<end).allSatisfy({ isPronoun($0) }) || isAfterProductNoun(start, oneWord: end - start == 1)
            || isNumberingNoun(start, end) || (start..<end).contains(where: isNumbered)
            || end - start == 1 && isWord(start, in: EntityTagger.exclamations) {
            return true
        }
        guard end - start == 1, mentions[k].lexiconID.isNone, type == .per || type == .org || type == .loc else { return false }
        // A function word alone (`Ada`, `Bagi`) is no name, wherever a name was read from it:
        // a lost full stop (`daya ingat Ada yang bilang`) made it one, repeated at every `Ada`.
        // (A word of a listed person's name does not save it: `Ada` of `Ada Lovelace`.)
        if isFunctionWord(start), !has(start - 1, .speech), !isGivenName(start) {
            if personWords == nil { personWords = wordsOfFullNames() }
            if !personWords!.contains(keyHash(start)) { return true }
        }
        // A person a speech verb names (`ujar Terawan`) is one whatever the word.
        if type == .per, isWordWithNya(start) || isDerivedWord(start) && !has(start - 1, .speech),
           !isGivenName(start), !isWordOfListedPeople(start) {
            return true
        }
        // An organization or place word of the lemma list alone (`Kementerian menyatakan …`, `ke
        // Desa hingga Kabupaten`) names a kind, not one body or place; a short form (`Pemkot`,
        // `Kejari`) names the one the text is about.
        let commonWords = commonWords
        return isCommonAcronym(start)
            || hasAny(start, [.organization, .location]) && capitalized(start) && withKey(start) { commonWords.containsInFirst($0) }
    }

    /// Whether token `i` is a form the language makes from one of its words, which a name
    /// almost never is: a verb without its prefix, as headlines write them (`Banggakan`, since
    /// `dibanggakan` is a word), a word with the prefix `ber-` or `di-` (`Bergaji`: `gaji`), or
    /// a noun of `ke-`, `pe-` or `per-` and `-an` (`Kewilayahan`). Among the 21,859 words of the
    /// lexicons' people, 28 are such forms (`Ganjar`, `Bersaudara`): the callers exempt listed
    /// names. (`ter-` is left out: `Terawan` is `ter` + `awan`.)
    func isDerivedWord(_ i: Int) -> Bool {
        let commonWords = commonWords  // the closure reads the table, not the scan (which it would copy)
        return withKey(i) { key in
            let n = key.count
            guard n >= 5, key.allSatisfy({ $0 &- 0x61 < 26 }) else { return false }
            for prefix in Scan.derivingPrefixes where n - prefix.count >= 4 && key.starts(with: prefix) {
                if commonWords.contains(UnsafeBufferPointer(rebasing: key[prefix.count...])) { return true }
            }
            // A noun of `ke-`, `pe-` or `per-` and `-an` around a word (`Kewilayahan`: `wilayah`).
            if n >= 7, key[n - 2] == 0x61, key[n - 1] == 0x6E {
                for prefix in Scan.nounPrefixes where n - prefix.count - 2 >= 3 && key.starts(with: prefix) {
                    if commonWords.contains(UnsafeBufferPointer(rebasing: key[prefix.count..<n - 2])) { return true }
                }
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n + 2) { passive in
                passive[0] = 0x64; passive[1] = 0x69
                for k in 0..<n { passive[k + 2] = key[k] }
                return commonWords.contains(UnsafeBufferPointer(passive))
            }
        }
    }

    /// Whether token `i` is a word of the language with `-nya` (`Sistemnya`, `Wilayahnya`).
    func isWordWithNya(_ i: Int) -> Bool {
        // Most words do not end in `-nya`: they are answered before the table is copied for the closure.
        guard withKey(i, { key in
            let n = key.count
            return n >= 7 && key[n - 3] == 0x6E && key[n - 2] == 0x79 && key[n - 1] == 0x61
        }) else { return false }
        let commonWords = commonWords
        return withKey(i) { key in commonWords.contains(UnsafeBufferPointer(rebasing: key[..<(key.count - 3)])) }
    }

    /// Prefixes that make words from words (``Scan/isDerivedWord(_:)``).
    static let derivingPrefixes: [[UInt8]] = ["ber", "di"].map { Array($0.utf8) }
    /// Prefixes that make nouns with `-an` (``Scan/isDerivedWord(_:)``).
    static let nounPrefixes: [[UInt8]] = ["ke", "per", "pe"].map { Array($0.utf8) }

    /// Whether token `t` follows a product noun (``EntityTagger/productNouns``) in lower case,
    /// or, when it is a one-word name, a noun of a product's users (``EntityTagger/productUserNouns``).
    func isAfterProductNoun(_ t: Int, oneWord: Bool = false) -> Bool {
        t > 0 && kinds[t - 1] == .word && !capitalized(t - 1) && !allCaps(t - 1) && doc.bytes.withUnsafeBufferPointer { p in
            let word = UnsafeBufferPointer(rebasing: p[Int(doc.tokens.starts[t - 1])..<Int(doc.tokens.ends[t - 1])])
            return Scan.isWritten(word, in: EntityTagger.productNouns)
                || oneWord && Scan.isWritten(word, in: EntityTagger.productUserNouns)
        }
    }

    /// Whether tokens `start..<end` are one numbering noun and a number follows (`Nomor 188`,
    /// `Pasal 27A`): a reference, not a person.
    func isNumberingNoun(_ start: Int, _ end: Int) -> Bool {
        end - start == 1 && end < doc.tokens.count && (kinds[end] == .number || doc.bytes[Int(doc.tokens.starts[end])] &- 0x30 < 10)
            && isWord(start, in: EntityTagger.numberingNouns)
    }

    /// Whether token `t` is a personal pronoun.
    func isPronoun(_ t: Int) -> Bool { isWord(t, in: EntityTagger.pronouns) }

    /// Whether the match key of token `t` is one of `words`.
    func isWord(_ t: Int, in words: [[UInt8]]) -> Bool { !keyIsEmpty(t) && withKey(t) { Scan.isWritten($0, in: words) } }

    /// Whether the match key of token `t` is a key of `table` (one hash lookup: the key's hash
    /// is the scan's, made once).
    func isKey(_ t: Int, in table: ByteStringTable) -> Bool {
        guard !keyIsEmpty(t) else { return false }
        let h = keyHash(t)
        return withKey(t) { table.value($0, hash: h) != nil }
    }

    /// Whether token `t` is, as written, an abbreviation of a common noun.
    func isCommonAcronym(_ t: Int) -> Bool {
        doc.bytes.withUnsafeBufferPointer { p in
            let word = UnsafeBufferPointer(rebasing: p[Int(doc.tokens.starts[t])..<Int(doc.tokens.ends[t])])
            return EntityTagger.commonAcronymShapes.mayContain(word) && EntityTagger.commonAcronyms.value(word) != nil
        }
    }

    /// Marks the tokens of every mention found so far.
    func coverMentions() {
        covered = [Bool](filled: false, count: doc.tokens.count)
        for k in mentions.indices { for t in mentions[k].start..<mentions[k].end { covered[t] = true } }
    }

    func linkPartialNames() {
        for c in capitals {
            let i = Int(c)
            guard !covered[i], capitalized(i) else { continue }
            let h = keyHash(i)
            if personWordHashes.mayContain(h), let first = personWords[h], first < i {
                mentions.append(Mention(start: i, end: i + 1, type: .per))
                covered[i] = true
            } else if let given = givenNamesOfTheLanguage?[h], given < i, isGivenNameAlone(i) {
                mentions.append(Mention(start: i, end: i + 1, type: .per))
                covered[i] = true
            }
        }
    }

    /// Whether token `i`, a given name that is also a word of the language, stands alone inside
    /// a sentence (`Sebelumnya, Indah menyampaikan`), where only a name is capitalised: not
    /// opening a sentence or a quote, nor before another capitalised word.
    func isGivenNameAlone(_ i: Int) -> Bool {
        guard i > 0, !flags[i - 1].contains(.openingQuote) else { return false }
        if i + 1 < tokenCount, capitalized(i + 1) || allCaps(i + 1) { return false }
        return !isSentenceStart(i)
    }

    /// Whether a speech verb in lower case stands right before token `t` (`kata Bima`; not the
    /// noun `Kisah` opening a sentence).
    func isAfterSpeechVerb(_ t: Int) -> Bool { has(t - 1, .speech) && !capitalized(t - 1) }

    /// Whether token `i` opens one of the document's sentences.
    func isSentenceStart(_ i: Int) -> Bool {
        let starts = doc.sentenceTokenStarts
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(starts[mid]) < i { lo = mid + 1 } else { hi = mid }
        }
        return lo < starts.count && Int(starts[lo]) == i
    }
}

/// A 4 Kibit Bloom-style filter over key hashes (one bit each): "no" is certain, so most
/// tokens skip a dictionary lookup and the String it needs.
struct HashFilter {
    private var bits = [UInt64](filled: 0, count: 64)
    mutating func insert(_ h: Int) { bits[(h >> 6) & 63] |= 1 << UInt64(h & 63) }
    func mayContain(_ h: Int) -> Bool { bits[(h >> 6) & 63] & (1 << UInt64(h & 63)) != 0 }
}

/// Abbreviations by initials.
public enum Initials {
    /// The abbreviations `letters` (the first letters of a name's capitalised words) accepts:
    /// all of them ("KPK" for "Komisi Pemberantasan Korupsi"), and all but the last of four or
    /// more, whose last two words are often one in the abbreviation ("KIW" for "Kawasan Industri
    /// Wijaya Kusuma", Wijayakusuma).
    public static func forms(_ letters: [UInt8]) -> [[UInt8]] {
        guard letters.count >= 2 else { return [] }
        return letters.count >= 4 ? [letters, Array(letters.dropLast())] : [letters]
    }

    /// The abbreviations of `name` (see ``forms(_:)``), from its words that start with a capital.
    public static func forms(of name: String) -> [[UInt8]] {
        forms(name.split(separator: " ").compactMap { w in w.utf8.first.flatMap { (0x41...0x5A).contains($0) ? $0 : nil } })
    }
}
