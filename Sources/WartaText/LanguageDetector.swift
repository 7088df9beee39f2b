/// Tells the language of a text (ISO 639-1) from its function words and the character
/// trigrams of short word lists, without a model or the network: Indonesian (`id`), Malay
/// (`ms`), English (`en`), Javanese (`jv`), Sundanese (`su`), a few other languages news crawls
/// meet (`nl`, `de`, `fr`, `es`, `pt`, `it`, `tl`) and non-Latin scripts by their script
/// (`ar`, `ru`, `hi`, `th`, `ko`, `ja`, `zh`). Works on UTF-8 bytes; reads at most the first
/// ``maxWords`` words and the trigrams of ``maxTrigramWords`` of them.
///
/// A word shared by several languages counts for each of them in equal parts, so Indonesian
/// and Malay are told apart by the words they spell differently (`bahwa`/`bahawa`,
/// `karena`/`kerana`, `uang`/`wang`): Malay needs two such words more than Indonesian ones,
/// else the text is Indonesian. A declared
/// language (`<html lang>`, `og:locale`) only tips a close call: it is never proof.
public struct LanguageDetector: Sendable {
    /// Languages told apart by words, in score order.
    public static let languages = ["id", "ms", "en", "jv", "su", "nl", "de", "fr", "es", "pt", "it", "tl"]
    /// Fewer Latin words than this is too little text: the detector answers nil.
    public static let minimumWords = 5
    /// Words read at most.
    public static let maxWords = 2000
    /// Words of no list whose trigrams are read at most (the function words decide the rest).
    public static let maxTrigramWords = 300

    /// Creates a detector (the word tables are built once per process).
    public init() {}

    /// The language of `text`, or nil when there is too little text or no evidence.
    /// `hint` is the page's declared language (`id-ID`, `en_US`), used only to break a close call.
    public func detect(_ text: [UInt8], hint: String? = nil) -> String? {
        var evidence = Evidence()
        evidence.read(text)
        return evidence.decide(hint: hint.flatMap(LanguageDetector.primaryTag))
    }

    /// `id` from `id-ID`, `en` from `en_US`; nil for an empty or malformed tag.
    static func primaryTag(_ tag: String) -> String? {
        let head = tag.utf8.prefix { $0 != 0x2D && $0 != 0x5F }
        guard head.count == 2 || head.count == 3, head.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) else { return nil }
        return String(decoding: head.map { $0 | 0x20 }, as: UTF8.self)
    }

    // MARK: Word lists (common function words, written for this detector)

    static let wordLists: [[String]] = [
        // id: Indonesian; the spellings and words Malay does not use are what tells them apart.
        ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dalam", "pada", "akan", "tidak", "dari", "ke", "oleh",
         "juga", "telah", "ada", "adalah", "mereka", "kami", "kita", "saya", "sudah", "belum", "atau", "tetapi",
         "sebagai", "kepada", "hingga", "serta", "namun", "lebih", "bagi", "para", "pun",
         "bahwa", "karena", "yaitu", "yakni", "saja", "setelah", "uang", "mau", "tersebut", "bisa", "sementara",
         "sejumlah", "pemerintah", "kantor", "kalau", "enggak", "nggak", "sedangkan", "kemarin", "mengatakan",
         "ujarnya", "jelasnya", "tuturnya", "ungkapnya", "terkait", "sebelumnya", "merupakan", "agar", "apakah",
         "persen", "miliar", "rupiah", "warga", "polisi", "kabupaten", "provinsi", "sebanyak", "selasa", "jumat",
         "baru", "internasional", "saat", "seperti", "masih", "hanya", "harus", "tahun", "kata", "menurut", "tapi",
         "sebelum", "ketika", "terhadap", "perlu", "negeri", "turut", "berkata", "daripada", "beliau", "kenyataan",
         "semasa", "ialah", "boleh", "pejabat", "bagaimanapun", "sekiranya"],
        // ms: Malay
        ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dalam", "pada", "akan", "tidak", "dari", "ke", "oleh",
         "juga", "telah", "ada", "adalah", "mereka", "kami", "kita", "saya", "sudah", "belum", "atau", "tetapi",
         "sebagai", "kepada", "hingga", "serta", "namun", "lebih", "bagi", "para", "pun",
         "bahawa", "kerana", "iaitu", "sahaja", "selepas", "wang", "mahu", "boleh", "kerajaan", "pejabat", "beliau",
         "semasa", "ialah", "daripada", "manakala", "sekiranya", "bagaimanapun", "peratus", "bilion", "ringgit",
         "negeri", "baharu", "antarabangsa", "kenyataan", "berkata", "menerusi", "turut", "selasa", "jumaat",
         "sebelum", "ketika", "seperti", "masih", "hanya", "perlu", "tahun", "kata", "menurut", "terhadap"],
        // en: English
        ["the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "was", "on", "with", "as", "by", "at",
         "from", "his", "her", "are", "be", "this", "have", "has", "had", "said", "which", "an", "were", "not",
         "but", "or", "they", "their", "he", "she", "been", "will", "who", "would", "after", "its", "also", "more",
         "than", "about", "there", "when", "can", "we", "our", "you", "all", "one", "new", "up", "out", "into",
         "over", "last", "year", "people", "government", "president", "police", "could", "should", "what",
         "some", "other", "these", "those", "while", "during", "because", "between", "against", "under"],
        // jv: Javanese, ngoko and krama
        ["lan", "ing", "sing", "iku", "ora", "karo", "kanggo", "wis", "uga", "marang", "saka",
         "dening", "menyang", "yaiku", "nanging", "iki", "kuwi", "kabeh", "dadi", "amarga", "sawise",
         "nalika", "banjur", "mung", "isih", "durung", "arep", "wong", "kanthi", "miturut", "ngandika", "ujare",
         "jroning", "utawa", "luwih", "mboten", "ingkang", "saking", "dhateng", "punika", "menika", "wonten",
         "kaliyan", "sampun", "badhe", "inggih", "saged", "kathah", "tiyang", "ugi", "kados", "amargi", "dipun",
         "nggih", "kula", "panjenengan", "sedaya", "taun", "bisa", "maneh", "opo", "ono", "piye"],
        // su: Sundanese
        ["nu", "jeung", "anu", "ieu", "éta", "eta", "teu", "henteu", "geus", "keur", "pikeun", "dina",
         "kana", "ka", "ti", "ogé", "oge", "deui", "mah", "atawa", "urang", "ku", "sarta", "ngan", "kitu",
         "sanggeus", "lamun", "kudu", "bari", "leuwih", "sababaraha", "kabéh", "jalma", "taun", "nyaéta",
         "nyaeta", "hiji", "saurna", "cenah", "ceuk", "pisan", "wae", "ngaliwatan", "nepi", "ngeunaan", "saperti",
         "nurutkeun", "dumasar", "sakabéh", "ngarah", "sangkan", "nya", "dieu", "kieu", "bisa", "di"],
        // nl: Dutch
        ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "niet", "met", "voor", "ook", "maar",
         "aan", "door", "bij", "wordt", "werd", "naar", "heeft", "worden", "uit", "deze", "die", "er", "als"],
        // de: German
        ["der", "die", "und", "das", "ist", "nicht", "mit", "sich", "des", "auf", "für", "ein", "eine", "dem",
         "den", "von", "zu", "im", "auch", "wird", "wurde", "sie", "es", "nach", "bei", "aus", "werden", "sind"],
        // fr: French
        ["le", "la", "les", "des", "et", "est", "une", "un", "du", "dans", "que", "qui", "pour", "pas", "sur", "au",
         "avec", "il", "elle", "ce", "sont", "par", "plus", "ont", "été", "aux", "cette", "mais"],
        // es: Spanish
        ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por", "con", "para", "del", "se",
         "su", "al", "lo", "como", "más", "pero", "sus", "fue", "este", "entre", "también"],
        // pt: Portuguese
        ["o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "é", "para", "com", "não", "por",
         "se", "dos", "das", "na", "mais", "foi", "ao", "também", "pelo", "seu"],
        // it: Italian
        ["il", "la", "di", "che", "e", "è", "un", "una", "per", "non", "del", "della", "con", "sono", "si", "da",
         "le", "gli", "nel", "ma", "anche", "alla", "dei", "delle", "questo", "stato", "più"],
        // tl: Tagalog
        ["ang", "ng", "sa", "mga", "na", "at", "ay", "si", "ni", "kay", "hindi", "ito", "siya", "sila", "para",
         "pero", "kung", "niya", "nila", "naman", "lang", "din", "rin", "kanyang", "noong", "dahil", "ayon"],
    ]

    /// Each word's languages as a bit mask.
    static let words: PackedWordTable = {
        var masks: [String: UInt32] = [:]
        for (l, list) in wordLists.enumerated() { for w in list { masks[w, default: 0] |= 1 << UInt32(l) } }
        return PackedWordTable(masks.map { (Array($0.key.utf8), $0.value) })
    }()

    /// Each character trigram of the word lists (words padded with a space each side) as a bit
    /// mask of languages.
    static let trigrams: TrigramTable = {
        var out: [UInt32: UInt16] = [:]
        for (l, list) in wordLists.enumerated() {
            for w in list {
                let b = [0x20] + Array(w.utf8) + [0x20]
                guard b.count >= 3 else { continue }
                for k in 0...(b.count - 3) { out[trigramKey(b[k], b[k + 1], b[k + 2]), default: 0] |= 1 << UInt16(l) }
            }
        }
        return TrigramTable(out)
    }()

    @inline(__always)
    static func trigramKey(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 {
        UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }
}

/// What one text says: weighted word and trigram hits per language and letters per script.
struct Evidence {
    /// One score per language of ``LanguageDetector/languages`` (12), in its order: inline, so
    /// a document allocates no arrays for them.
    typealias Scores = InlineArray<12, Double>

    var wordScore = Scores(repeating: 0)
    var trigramScore = Scores(repeating: 0)
    var wordHits = 0
    var words = 0
    /// Function words written in capitals (`WHO`, `IT`, `DAN`): acronyms as often as words, so
    /// they count only in a text written mostly in capitals (a headline).
    var capitalScore = Scores(repeating: 0)
    var capitalHits = 0
    /// Function words in lower case between two words that begin with capitals: in a name
    /// (`Bank of America`) or a headline in title case (`Purbaya ke Kepala Daerah`). They count
    /// only when the other words leave the language open.
    var nameScore = Scores(repeating: 0)
    var nameHits = 0
    /// Function words in lower case inside quote marks: a report quotes people in other
    /// languages (`"I am very happy," kata Messi`), so they count only when the words outside
    /// leave the language open.
    var quotedScore = Scores(repeating: 0)
    var quotedHits = 0
    /// Whether the words read now stand inside quote marks.
    var isQuoted = false
    var capitalWords = 0
    var trigramWords = 0
    /// The words of no list whose trigrams count (at most ``LanguageDetector/maxTrigramWords``),
    /// each followed by a space: their trigrams are read only when they could change the
    /// decision (``trigramsMayDecide(hint:)``), which function words settle in most texts.
    /// Only the first ``pendingCount`` bytes are words: the array grows in steps and is
    /// written through a span, not appended to a byte at a time.
    var pendingTrigramWords: [UInt8] = []
    var pendingCount = 0
    var latinLetters = 0
    /// Letters of other scripts: Arabic, Cyrillic, Devanagari, Thai, Hangul, kana, CJK.
    var scripts = InlineArray<7, Int>(repeating: 0)
    static let scriptCodes = ["ar", "ru", "hi", "th", "ko", "ja", "zh"]

    /// Reads words (ASCII letters and Latin letters with diacritics, lower-cased) and counts
    /// the letters of other scripts by their UTF-8 lead bytes.
    /// Words touching a digit or a URL or markup character (`bb4ee8`, `/a/`, `id=o`) are
    /// slugs and codes, not prose: they are not counted.
    mutating func read(_ bytes: [UInt8]) {
        let text = bytes.span
        let table = LanguageDetector.words, reciprocals = Evidence.reciprocals
        // The current word in a fixed 64-byte buffer: a longer word counts as a word but is
        // looked up by its first bytes only (no listed word comes near).
        var word = InlineArray<64, UInt8>(repeating: 0)
        var technicalBefore = false
        var names = NameRun()
        var i = 0
        let n = text.count
        var checked = 0
        while i < n, words < LanguageDetector.maxWords {
            if words >= checked + 20 {
                checked = words
                if isSettled { break }
            }
            let start = i
            let (length, inCapitals) = readWord(text, &i, into: &word)
            let capital = length > 0 && text[start] &- 0x41 < 26
            if length > 0 && i == n {
                if !technicalBefore { add(word.span, length, inCapitals: inCapitals, capital: capital, &names, table, reciprocals) }
                break
            }
            let b = text[i]
            if b >= 0x80 { countScript(text, i) }
            noteQuoteMark(text, i)
            let technical = Evidence.isTechnical(b)
            if length > 0 && !technicalBefore && !technical {
                add(word.span, length, inCapitals: inCapitals, capital: capital, &names, table, reciprocals)
            } else if length > 0 {
                names = NameRun()
            }
            technicalBefore = technical
            i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
    }

    /// Where a name in capitals may hold function words: whether the run began after a word
    /// that began with a capital, and the languages of the (at most two) lower-case function
    /// words after it, until the next word tells whether a capital follows them too.
    struct NameRun {
        var afterCapital = false
        var pending: (UInt32, UInt32) = (0, 0)
        var count = 0
    }

    /// ``addWord(_:_:inCapitals:_:_:)``, except that one or two lower-case function words
    /// between two words that begin with capitals may be part of a name (`Center of Reform`,
    /// `Ursula von der Leyen`) and count apart (``nameScore``): names come from any language,
    /// and a short Indonesian text that cites an English one is still Indonesian.
    mutating func add(_ buffer: Span<UInt8>, _ length: Int, inCapitals: Bool, capital: Bool, _ names: inout NameRun,
                      _ table: PackedWordTable, _ reciprocals: [Double]) {
        if isQuoted {
            addWord(buffer, length, inCapitals: inCapitals, table, reciprocals)
            names = NameRun()
            return
        }
        if names.count > 0, capital {
            moveToNames(names.pending.0, reciprocals)
            if names.count > 1 { moveToNames(names.pending.1, reciprocals) }
        }
        let hit = addWord(buffer, length, inCapitals: inCapitals, table, reciprocals)
        if capital {
            names = NameRun(afterCapital: true)
        } else if names.afterCapital, hit != 0, names.count < 2 {
            if names.count == 0 { names.pending.0 = hit } else { names.pending.1 = hit }
            names.count += 1
        } else {
            names = NameRun()
        }
    }

    /// Moves a function word of languages `mask` from the text's words to the names' words.
    private mutating func moveToNames(_ mask: UInt32, _ reciprocals: [Double]) {
        Evidence.share(mask, into: &wordScore, reciprocals, sign: -1)
        wordHits -= 1
        Evidence.share(mask, into: &nameScore, reciprocals)
        nameHits += 1
    }

    /// Reads the word's letters from `i` (none when `text[i]` is no letter) into `word`,
    /// lower-cased, and leaves `i` after them: their length in bytes and whether all were
    /// ASCII capitals. The buffer's bytes after the word are left as they were.
    @inline(__always)
    mutating func readWord(_ text: Span<UInt8>, _ i: inout Int, into word: inout InlineArray<64, UInt8>)
        -> (length: Int, inCapitals: Bool) {
        let capacity = word.count, n = text.count
        // `small` gathers the lower-case bit of the ASCII letters; `pairs` counts Latin-1 letters.
        var length = 0, pairs = 0, small: UInt8 = 0
        while i < n {
            let b = text[i]
            if (b | 0x20) &- 0x61 < 26 {
                guard i &+ 8 <= n else {
                    let lower = b | 0x20
                    if length < capacity { word[length] = lower }
                    small |= b
                    length &+= 1; i &+= 1
                    continue
                }
                // Eight bytes at once: the run of ASCII letters they start with (one at least).
                let x = text.bytes.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self)
                let lower = x | 0x2020_2020_2020_2020
                let notLetter = CharacterClass.notLowerCase(lower)
                let run = notLetter == 0 ? 8 : notLetter.trailingZeroBitCount &>> 3
                if length &+ 8 <= capacity {
                    // The bytes after the run are written too, and overwritten or ignored.
                    var kept = word.mutableSpan
                    kept.withUnsafeMutableBytes { $0.storeBytes(of: lower, toByteOffset: length, as: UInt64.self) }
                } else {
                    var v = lower
                    for k in 0..<run where length &+ k < capacity {
                        word[length &+ k] = UInt8(truncatingIfNeeded: v)
                        v &>>= 8
                    }
                }
                let runBytes: UInt64 = run == 8 ? ~0 : (1 &<< UInt64(8 &* run)) &- 1
                if x & runBytes & 0x2020_2020_2020_2020 != 0 { small |= 0x20 }
                length &+= run; i &+= run
                continue
            }
            guard b == 0xC3, i + 1 < n else { break }
            let c = text[i + 1]
            guard c >= 0x80, c != 0x97, c != 0xB7 else { break }
            // Latin-1 letters: é, ü, ç… (lower-cased: C3 80–9E become C3 A0–BE).
            let lower = c < 0xA0 ? c + 0x20 : c
            if length + 1 < capacity { word[length] = 0xC3; word[length + 1] = lower }
            length &+= 2; pairs &+= 1; i &+= 2
        }
        latinLetters &+= length - pairs
        return (length, small & 0x20 == 0 && pairs == 0)
    }

    /// Digits and the characters of addresses and markup: `/ _ = @ # % & < > \ [ ]`.
    @inline(__always)
    static func isTechnical(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x2F, 0x5F, 0x3D, 0x40, 0x23, 0x25, 0x26, 0x3C, 0x3E, 0x5C, 0x5B, 0x5D: return true
        default: return false
        }
    }

    /// Opens or closes a quotation at byte `i`: `"` opens or closes, `“` opens, `”` closes.
    @inline(__always)
    mutating func noteQuoteMark(_ t: Span<UInt8>, _ i: Int) {
        let b = t[i]
        if b == 0x22 {
            isQuoted.toggle()
        } else if b == 0xE2, i + 2 < t.count, t[i + 1] == 0x80, t[i + 2] == 0x9C || t[i + 2] == 0x9D {
            isQuoted = t[i + 2] == 0x9C
        }
    }

    mutating func countScript(_ t: Span<UInt8>, _ i: Int) {
        let b = t[i]
        let next = i + 1 < t.count ? t[i + 1] : 0
        switch b {
        case 0xD8...0xDB: scripts[0] += 1
        case 0xD0...0xD3: scripts[1] += 1
        case 0xE0 where next == 0xA4 || next == 0xA5: scripts[2] += 1
        case 0xE0 where next == 0xB8 || next == 0xB9: scripts[3] += 1
        case 0xEA...0xED where b > 0xEA || next >= 0xB0: scripts[4] += 1
        case 0xE3 where next >= 0x81 && next <= 0x83: scripts[5] += 1
        case 0xE4...0xE9: scripts[6] += 1
        default: break
        }
    }

    /// Counts a word of `length` bytes kept in `buffer` (see ``readWord(_:_:into:)``), looked
    /// up in `table` (``LanguageDetector/words``).
    /// Returns the languages the word counted for as a function word in lower case (0: none).
    @discardableResult
    mutating func addWord(_ buffer: Span<UInt8>, _ length: Int, inCapitals: Bool,
                          _ table: PackedWordTable, _ reciprocals: [Double]) -> UInt32 {
        words += 1
        // Single letters (initials, "a", "e", "o") are too ambiguous to count.
        guard length >= 2 else { return 0 }
        if inCapitals { capitalWords += 1 }
        let w = buffer.extracting(0..<min(length, buffer.count))
        if length <= PackedWordTable.maxLength, case let mask = table.mask(PackedWordTable.key(buffer.bytes, length)), mask != 0 {
            if inCapitals {
                capitalHits += 1
                Evidence.share(mask, into: &capitalScore, reciprocals)
                return 0
            }
            if isQuoted {
                quotedHits += 1
                Evidence.share(mask, into: &quotedScore, reciprocals)
                return mask
            }
            wordHits += 1
            Evidence.share(mask, into: &wordScore, reciprocals)
            return mask
        }
        guard w.count >= 3, trigramWords < LanguageDetector.maxTrigramWords else { return 0 }
        trigramWords += 1
        let start = pendingCount, end = start + w.count + 1
        // Room for the word copied in whole eight-byte steps from `buffer` (64 bytes); the
        // bytes past its end are overwritten by the next word, or never read.
        if pendingTrigramWords.count < end + 8 {
            let grown = max(end + 8, 2 * pendingTrigramWords.count, 1024)
            pendingTrigramWords.append(contentsOf: repeatElement(0, count: grown - pendingTrigramWords.count))
        }
        let word = buffer.bytes, count = w.count
        pendingTrigramWords.withUnsafeMutableBytes { pending in
            var k = 0
            while k < count {
                pending.storeBytes(of: word.unsafeLoadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: start &+ k,
                                   as: UInt64.self)
                k &+= 8
            }
            pending[end - 1] = 0x20
        }
        pendingCount = end
        return 0
    }

    /// Adds the trigrams of ``pendingTrigramWords`` to ``trigramScore`` (once, on the copy the
    /// decision reads): which languages each word of no list looks like.
    mutating func readTrigrams() {
        let trigrams = LanguageDetector.trigrams, reciprocals = Evidence.reciprocals
        var previous2: UInt8 = 0x20, previous1: UInt8 = 0x20
        for c in pendingTrigramWords[..<pendingCount] {
            if previous1 != 0x20 {
                let m = trigrams.mask(LanguageDetector.trigramKey(previous2, previous1, c))
                if m != 0 { Evidence.share(UInt32(m), into: &trigramScore, reciprocals) }
            }
            previous2 = previous1; previous1 = c
        }
    }

    /// Whether the pending trigrams could change which language leads: each adds at most 1 to
    /// one language's trigram score, weighed 0.05 (and 1.05 for the hinted language), so a
    /// leader by words alone ahead of every other by more than that keeps its lead.
    /// Twenty function words or more with a leader at three times any other language also
    /// settle it: trigrams weigh in where function words are few or split.
    func trigramsMayDecide(hint: Int?) -> Bool {
        let trigrams = Double(pendingCount - trigramWords)
        guard trigrams > 0 else { return false }
        func score(_ l: Int) -> Double { (wordScore[l] + 0.05 * trigramScore[l]) * (l == hint ? 1.05 : 1) }
        // Indonesian and Malay lead together: the words they spell differently part them.
        var leader = 0
        for l in 1..<wordScore.count where score(l) > score(leader) { leader = l }
        let group = leader <= 1 ? 0...1 : leader...leader
        var low = -Double.infinity, words = 0.0, rivalWords = 0.0, rivalUpper = -Double.infinity
        for l in 0..<wordScore.count {
            if group.contains(l) {
                low = max(low, score(l))
                words = max(words, wordScore[l])
            } else {
                rivalWords = max(rivalWords, wordScore[l])
                rivalUpper = max(rivalUpper, (wordScore[l] + 0.05 * (trigramScore[l] + trigrams)) * (l == hint ? 1.05 : 1))
            }
        }
        if wordHits >= 20, 3 * rivalWords < words { return false }
        return rivalUpper >= low
    }

    /// `1 / n` for `n` languages sharing a piece of evidence (a division costs more than the
    /// rest of a trigram's lookup).
    static let reciprocals: [Double] = (0..<32).map { $0 == 0 ? 0 : 1 / Double($0) }

    /// One piece of evidence shared among the languages of `mask` (`reciprocals` is
    /// ``reciprocals``, read once by the caller); a `sign` of -1 takes it back.
    @inline(__always)
    static func share(_ mask: UInt32, into score: inout Scores, _ reciprocals: [Double], sign: Double = 1) {
        let share = sign * reciprocals[mask.nonzeroBitCount & 31]
        var m = mask
        while m != 0 {
            score[m.trailingZeroBitCount] += share
            m &= m &- 1
        }
    }

    /// Whether more text would hardly change the decision: the leader (Indonesian and Malay
    /// counted as one) has twice the evidence of any other language after 500 words, or three
    /// times after 60 words and 20 function words, with Indonesian and Malay three or more of
    /// their own words apart. A news article of a few hundred words is settled in its first
    /// paragraphs.
    var isSettled: Bool {
        // Quoted words count here as the others do: they only change which words decide first.
        guard words >= 60, wordHits + quotedHits >= 20 else { return false }
        var wordScore = wordScore
        for l in wordScore.indices { wordScore[l] += quotedScore[l] }
        let factor = words >= 500 && wordHits + quotedHits >= 50 ? 2.0 : 3.0
        let malay = max(wordScore[0], wordScore[1])
        var other = 0.0, best = 2
        for l in 2..<wordScore.count {
            other = max(other, wordScore[l])
            if wordScore[l] > wordScore[best] { best = l }
        }
        if malay >= other { return malay >= factor * other && abs(wordScore[1] - wordScore[0]) >= 3 }
        var rival = malay
        for l in 2..<wordScore.count where l != best { rival = max(rival, wordScore[l]) }
        return wordScore[best] >= factor * max(rival, 1)
    }

    /// The language with the most evidence; nil with too little text or evidence. Function
    /// words in capitals count only when most words are in capitals, those inside names
    /// (``nameScore``) and those inside quote marks (``quotedScore``) only when the rest leaves
    /// the language open.
    func decide(hint: String?) -> String? {
        guard quotedHits > 0 else { return decideOutsideQuotes(hint: hint) }
        var all = self
        for l in all.wordScore.indices { all.wordScore[l] += quotedScore[l] }
        all.wordHits += quotedHits
        all.quotedHits = 0
        let answer = all.decideOutsideQuotes(hint: hint)
        if answer == "id" || answer == "ms" { return answer }
        // Another language or none: the report's own words may still be Indonesian (`"I am very
        // happy to be here," kata Messi di Jakarta`); Indonesian and Malay are then told apart
        // by all their words, the quoted ones too.
        guard let own = decideOutsideQuotes(hint: hint), own == "id" || own == "ms" else { return answer }
        return Evidence.indonesianOrMalay(malayMargin: all.wordScore[1] - all.wordScore[0], hint: hint)
    }

    /// Indonesian or Malay, by how much more evidence Malay's own words give than Indonesian's:
    /// Indonesian writers use a Malay word now and then (`selepas`), so Malay needs two such
    /// words more than Indonesian ones (one when the page declares Malay).
    static func indonesianOrMalay(malayMargin: Double, hint: String?) -> String {
        malayMargin >= (hint == "ms" ? 0 : 2) && (malayMargin > 0 || hint == "ms") ? "ms" : "id"
    }

    /// ``decide(hint:)`` over the function words outside quote marks.
    private func decideOutsideQuotes(hint: String?) -> String? {
        let withoutNames = decideByCase(hint: hint)
        guard withoutNames == nil, nameHits > 0 else { return withoutNames }
        // One function word of the text's own outside the names outweighs those inside them
        // (`survei itu` against `Institute for Development of Economics and Finance`).
        if let own = decideByCase(hint: hint, minimumHits: 1) { return own }
        var all = self
        for l in all.wordScore.indices { all.wordScore[l] += nameScore[l] }
        all.wordHits += nameHits
        guard let byNames = all.decideByCase(hint: hint) else { return nil }
        return isContradicted(byNames) ? nil : byNames
    }

    /// Whether the text's own function words (outside names), too few to decide, count for
    /// Indonesian and not for `language`, another language: the particles of foreign names
    /// (`van der Sar`, `von Klopp`, `da Silva`) then leave the language open rather than make an
    /// Indonesian report German and cost it its entities and quotes.
    private func isContradicted(_ language: String) -> Bool {
        guard let l = LanguageDetector.languages.firstIndex(of: language), l > 1 else { return false }
        return wordScore[0] > 0 && wordScore[l] <= 0
    }

    /// ``decide(hint:)`` without the function words inside names.
    private func decideByCase(hint: String?, minimumHits: Int = 2) -> String? {
        guard capitalHits > 0, capitalWords * 2 > words else { return decideByWords(hint: hint, minimumHits: minimumHits) }
        var all = self
        for l in all.wordScore.indices { all.wordScore[l] += capitalScore[l] }
        all.wordHits += capitalHits
        return all.decideByWords(hint: hint, minimumHits: minimumHits)
    }

    /// ``decide(hint:)`` over ``wordScore`` alone, with at least `minimumHits` function words.
    private func decideByWords(hint: String?, minimumHits: Int = 2) -> String? {
        let otherScript = scripts.indices.max { scripts[$0] < scripts[$1] }!
        if scripts[otherScript] > latinLetters {
            // Kana beside Han characters is Japanese.
            if otherScript == 6, scripts[5] * 10 > scripts[6] { return "ja" }
            return scripts[otherScript] >= 10 ? Evidence.scriptCodes[otherScript] : nil
        }
        guard words >= LanguageDetector.minimumWords, wordHits >= minimumHits, wordHits * 20 >= words else { return nil }
        let hintIndex = hint.flatMap { LanguageDetector.languages.firstIndex(of: $0) }
        var trigramScore = self.trigramScore
        if trigramsMayDecide(hint: hintIndex) {
            var evidence = self
            evidence.readTrigrams()
            trigramScore = evidence.trigramScore
        }
        var best = 0
        var bestScore = -1.0
        for l in 0..<LanguageDetector.languages.count {
            var s = wordScore[l] + 0.05 * trigramScore[l]
            // The declared language tips a close call (a tie between Indonesian and Malay).
            if l == hintIndex { s *= 1.05 }
            if s > bestScore { best = l; bestScore = s }
        }
        // Indonesian or Malay: only the words they spell differently decide.
        if best <= 1 { return Evidence.indonesianOrMalay(malayMargin: wordScore[1] - wordScore[0], hint: hint) }
        // Another language needs the evidence of two of its function words at least (a
        // headline with "One Piece" in it is not English).
        guard wordScore[best] >= 2 else { return nil }
        return LanguageDetector.languages[best]
    }
}

/// Trigram keys to language masks in one open-addressing table (a `Dictionary` would hash every
/// probe with SipHash).
struct TrigramTable: Sendable {
    private let keys: [UInt32]
    private let masks: [UInt16]
    private let mask: Int

    init(_ entries: [UInt32: UInt16]) {
        var size = 16
        while size < entries.count * 2 { size <<= 1 }
        var keys = [UInt32](repeating: 0, count: size), masks = [UInt16](repeating: 0, count: size)
        for (key, value) in entries {
            var slot = TrigramTable.slot(key, size - 1)
            while masks[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            masks[slot] = value
        }
        self.keys = keys; self.masks = masks; mask = size - 1
    }

    @inline(__always)
    static func slot(_ key: UInt32, _ mask: Int) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B1) >> 15) & mask }

    /// The languages whose words hold trigram `key`, as a bit mask (0 for none).
    @inline(__always)
    func mask(_ key: UInt32) -> UInt16 {
        var slot = TrigramTable.slot(key, mask)
        while masks[slot] != 0 {
            if keys[slot] == key { return masks[slot] }
            slot = (slot + 1) & mask
        }
        return 0
    }
}

/// Words of at most ``maxLength`` bytes, each with a bit mask, found by their bytes packed into
/// two 64-bit words (zeros after the word): a lookup is two multiplies and one compare of a
/// slot, with no loop over the bytes. Words hold no zero byte, so the packed form is unique.
struct PackedWordTable: Sendable {
    static let maxLength = 16
    private struct Slot { var low: UInt64 = 0, high: UInt64 = 0, mask: UInt32 = 0 }
    /// Open addressing, at most half full; an empty slot has mask 0.
    private let slots: [Slot]
    private let shift: UInt64

    /// A table of `words` (each 1 to ``maxLength`` bytes, no zero byte) with a non-zero mask each.
    init(_ words: [(bytes: [UInt8], mask: UInt32)]) {
        var bits = 4
        while 1 << bits < 2 * words.count { bits += 1 }
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        shift = UInt64(64 - bits)
        for (bytes, mask) in words {
            precondition(!bytes.isEmpty && bytes.count <= PackedWordTable.maxLength && !bytes.contains(0) && mask != 0)
            let padded = bytes + [UInt8](repeating: 0, count: PackedWordTable.maxLength)
            let key = PackedWordTable.key(padded.span.bytes, bytes.count)
            var slot = PackedWordTable.slot(key, shift)
            while slots[slot].mask != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(low: key.low, high: key.high, mask: mask)
        }
        self.slots = slots
    }

    /// The mask of the word packed as `key`; 0 when it is not listed.
    @inline(__always)
    func mask(_ key: (low: UInt64, high: UInt64)) -> UInt32 {
        slots.withUnsafeBufferPointer { slots in
            var slot = PackedWordTable.slot(key, shift)
            while true {
                let s = slots[slot]
                if s.mask == 0 || (s.low == key.low && s.high == key.high) { return s.mask }
                slot = (slot &+ 1) & (slots.count &- 1)
            }
        }
    }

    /// The first `length` (at most ``maxLength``) bytes of `bytes` (``maxLength`` bytes or
    /// more) packed little-endian, zeros after them.
    @inline(__always)
    static func key(_ bytes: RawSpan, _ length: Int) -> (low: UInt64, high: UInt64) {
        let low = bytes.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt64.self)
        let high = bytes.unsafeLoadUnaligned(fromByteOffset: 8, as: UInt64.self)
        return (low & keep(length), length > 8 ? high & keep(length &- 8) : 0)
    }

    /// The low `count` bytes of a word set (all eight from 8 on).
    @inline(__always)
    private static func keep(_ count: Int) -> UInt64 { count >= 8 ? ~0 : (1 &<< UInt64(8 &* count)) &- 1 }

    @inline(__always)
    private static func slot(_ key: (low: UInt64, high: UInt64), _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)) &>> shift)
    }
}
