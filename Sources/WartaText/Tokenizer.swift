/// Splits normalized text into tokens in one pass over its UTF-8 bytes.
///
/// Kept whole: hyphenated words and reduplication (`kios-kios`, `e-KTP`, `Covid-19`),
/// numbers with Indonesian separators (`5,61`, `1.500.000`, `10.15`), dates and times
/// (`12/5/2022`, `10:15`), abbreviations with their dots (`S.H.`, `a.n.`, `Jl.`, `H.`),
/// URLs and bare domains (`KOMPAS.com`), e-mail addresses, `@mentions` and `#hashtags`,
/// and apostrophes inside words (`Jum'at`). Split off: `Rp` from an attached amount,
/// percent signs, brackets, quote marks, dashes and sentence-final punctuation.
public struct Tokenizer: Sendable {
    /// The abbreviation and word lists consulted.
    public let lexicon: TokenizerLexicon

    /// Creates a tokenizer with `lexicon` (the built-in lists by default).
    public init(lexicon: TokenizerLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// Appends the tokens of `text` to `table`; offsets are relative to `text`.
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>, into table: inout TokenTable) {
        if table.count == 0 {
            // Write straight into the table's arrays; a token has at least one byte, so
            // `text.count + 1` always suffices, and a third of it nearly always does.
            if fill(&table, text, capacity: text.count / 3 + 64) { return }
            _ = fill(&table, text, capacity: text.count + 1)
            return
        }
        var sink = TokenSink(capacity: max(64, text.count / 5))
        defer { sink.deallocate() }
        CharacterClass.ascii.withUnsafeBufferPointer { ascii in
            let scanner = Scanner(p: text, ascii: ascii, lexicon: lexicon)
            scanner.run(into: &sink)
        }
        sink.move(into: &table)
    }

    /// Appends the tokens of the UTF-8 `text` to `table`; offsets are relative to `text`.
    public func tokenize(_ text: [UInt8], into table: inout TokenTable) {
        text.withUnsafeBufferPointer { tokenize($0, into: &table) }
    }

    /// Tokenizes into fresh arrays of `capacity`; false when they were too small.
    private func fill(_ table: inout TokenTable, _ text: UnsafeBufferPointer<UInt8>, capacity: Int) -> Bool {
        var fits = true
        var count = 0
        let starts = [Int32](unsafeUninitializedCapacity: capacity) { s, sc in
            let ends = [Int32](unsafeUninitializedCapacity: capacity) { e, ec in
                let kinds = [TokenKind](unsafeUninitializedCapacity: capacity) { k, kc in
                    let flags = [TokenFlags](unsafeUninitializedCapacity: capacity) { f, fc in
                        var sink = TokenSink(starts: s.baseAddress!, ends: e.baseAddress!, kinds: k.baseAddress!,
                                             flags: f.baseAddress!, capacity: capacity)
                        CharacterClass.ascii.withUnsafeBufferPointer { ascii in
                            Scanner(p: text, ascii: ascii, lexicon: lexicon).run(into: &sink)
                        }
                        fits = !sink.overflowed
                        count = fits ? sink.count : 0
                        if fits { table.cliticCandidates = sink.cliticCandidates }
                        fc = count
                    }
                    if fits { table.flags = flags }
                    kc = count
                }
                if fits { table.kinds = kinds }
                ec = count
            }
            if fits { table.ends = ends }
            sc = count
        }
        guard fits else { return false }
        table.starts = starts
        table.clitics = []
        return true
    }

    /// The tokens of `text` (convenience for tests and small inputs).
    public func tokenize(_ text: String) -> [(text: String, kind: TokenKind)] {
        let bytes = Array(text.utf8)
        var table = TokenTable()
        bytes.withUnsafeBufferPointer { tokenize($0, into: &table) }
        return (0..<table.count).map { i in
            (String(decoding: bytes[Int(table.starts[i])..<Int(table.ends[i])], as: UTF8.self), table.kinds[i])
        }
    }
}

/// Growable token columns written through raw pointers while scanning: one bounds and
/// capacity check per token instead of one uniqueness check per column.
struct TokenSink {
    private(set) var starts: UnsafeMutablePointer<Int32>
    private(set) var ends: UnsafeMutablePointer<Int32>
    private(set) var kinds: UnsafeMutablePointer<TokenKind>
    private(set) var flags: UnsafeMutablePointer<TokenFlags>
    private(set) var count = 0
    /// Indices of word tokens that end or start like a clitic.
    var cliticCandidates: [Int32] = []
    private var capacity: Int
    /// Whether the columns belong to someone else (fixed capacity, no growth).
    private let borrowed: Bool
    /// A borrowed sink ran out of room; its tokens are incomplete.
    private(set) var overflowed = false

    init(capacity: Int) {
        self.capacity = capacity
        borrowed = false
        starts = .allocate(capacity: capacity)
        ends = .allocate(capacity: capacity)
        kinds = .allocate(capacity: capacity)
        flags = .allocate(capacity: capacity)
    }

    /// A sink over columns owned by the caller.
    init(starts: UnsafeMutablePointer<Int32>, ends: UnsafeMutablePointer<Int32>,
         kinds: UnsafeMutablePointer<TokenKind>, flags: UnsafeMutablePointer<TokenFlags>, capacity: Int) {
        self.starts = starts; self.ends = ends; self.kinds = kinds; self.flags = flags
        self.capacity = capacity
        borrowed = true
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, _ kind: TokenKind, _ f: TokenFlags) {
        if count == capacity {
            if borrowed { overflowed = true; return }
            grow()
        }
        starts[count] = Int32(truncatingIfNeeded: start)
        ends[count] = Int32(truncatingIfNeeded: end)
        kinds[count] = kind
        flags[count] = f
        count &+= 1
    }

    /// Notes a line break after the last token.
    @inline(__always)
    mutating func markLineBreak() {
        if count > 0 && !overflowed { flags[count - 1].insert(.lineBreakAfter) }
    }

    mutating func removeLast() {
        guard count > 0 && !overflowed else { return }
        count -= 1
        if cliticCandidates.last == Int32(truncatingIfNeeded: count) { cliticCandidates.removeLast() }
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        func moved<T>(_ old: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
            p.moveInitialize(from: old, count: count)
            old.deallocate()
            return p
        }
        starts = moved(starts); ends = moved(ends); kinds = moved(kinds); flags = moved(flags)
        capacity = newCapacity
    }

    /// Appends the collected tokens to `table`.
    func move(into table: inout TokenTable) {
        let base = Int32(truncatingIfNeeded: table.count)
        if let c = table.cliticCandidates {
            table.cliticCandidates = c + cliticCandidates.map { $0 + base }
        }
        table.appendColumns(UnsafeBufferPointer(start: starts, count: count), UnsafeBufferPointer(start: ends, count: count),
                            UnsafeBufferPointer(start: kinds, count: count), UnsafeBufferPointer(start: flags, count: count))
    }

    func deallocate() {
        starts.deallocate(); ends.deallocate(); kinds.deallocate(); flags.deallocate()
    }
}

/// The top-level domains that make `name.tld` a domain token.
private let topLevelDomains = ByteStringTable(keys: [
    "com", "id", "net", "org", "co", "go", "ac", "sch", "info", "biz", "tv", "io", "me", "news",
    "asia", "edu", "gov", "mil", "int", "uk", "us", "sg", "my", "au", "jp", "cn", "de", "fr", "nl",
    "ru", "app", "dev", "online", "site", "xyz", "ly", "fm", "ai", "tech", "media", "live", "eu",
])

/// Currency symbols written as letters, split from an attached amount (`Rp5` → `Rp`, `5`).
private let currencyWords = ByteStringTable(keys: ["Rp", "RP", "rp", "IDR", "USD", "US", "SGD", "RM"])

private struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    /// `CharacterClass.ascii`, held as a pointer so the hot loop needs no global access.
    let ascii: UnsafeBufferPointer<CharacterClass>
    let lexicon: TokenizerLexicon

    init(p: UnsafeBufferPointer<UInt8>, ascii: UnsafeBufferPointer<CharacterClass>, lexicon: TokenizerLexicon) {
        self.p = p
        self.n = p.count
        self.ascii = ascii
        self.lexicon = lexicon
    }

    @inline(__always)
    func scalar(_ i: Int) -> (UInt32, Int) {
        let b = p[i]
        if b < 0x80 { return (UInt32(b), 1) }
        return UTF8Decoder.decode(p, i) ?? (0xFFFD, 1)
    }

    @inline(__always)
    func cls(_ i: Int) -> CharacterClass {
        if i >= n { return .space }
        let b = p[i]
        if b < 0x80 { return ascii[Int(b)] }
        return CharacterClass.of(scalar(i).0)
    }

    @inline(__always)
    func isAlnum(_ i: Int) -> Bool {
        let c = cls(i)
        return c == .letter || c == .digit
    }

    @inline(__always)
    func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26
    }

    /// The start of the scalar before byte `i`.
    @inline(__always)
    func previousStart(_ i: Int) -> Int {
        var j = i - 1
        while j > 0, p[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    func previousClass(_ i: Int) -> CharacterClass {
        i == 0 ? .space : cls(previousStart(i))
    }

    func run(into t: inout TokenSink) {
        let p = self.p, n = self.n, ascii = self.ascii
        var i = 0
        while i < n {
            let b = p[i]
            if b == 0x20 { i &+= 1; continue }
            if ((b | 0x20) &- 0x61) < 26 {
                // Fast lane for the commonest token: ASCII letters, the first of any case and
                // the rest lower case, ended by a space, a line break or a comma.
                let q = lowerCaseRunEnd(i &+ 1)
                if q < n, p[q] == 0x20 || p[q] == 0x0A || p[q] == 0x2C {
                    let upper = (b &- 0x41) < 26
                    let len = q &- i
                    var kind = TokenKind.word
                    var f: TokenFlags = upper ? (len == 1 ? [.capitalized, .allCaps] : .capitalized) : []
                    if len == 2, isCurrency(i, q) {
                        kind = .symbol
                    } else if len >= 4, len <= 64, mayHaveClitic(i, q) {
                        t.cliticCandidates.append(Int32(truncatingIfNeeded: t.count))
                    }
                    if len == 1 && !upper { f = [] }
                    t.append(i, q, kind, f)
                    i = q
                    continue
                }
                i = word(i, &t)
                continue
            }
            if (b &- 0x30) < 10 { i = word(i, &t); continue }
            if b == 0x0A { t.markLineBreak(); i &+= 1; continue }
            let c: CharacterClass
            if b < 0x80 { c = ascii[Int(b)] } else { c = CharacterClass.of(scalar(i).0) }
            switch c {
            case .space: i += scalar(i).1
            case .letter, .digit: i = word(i, &t)
            default: i = punctuation(i, c, &t)
            }
        }
    }

    /// The end of the run of lower-case ASCII letters (`a`–`z`) starting at `i`: eight bytes
    /// at a time while eight more are there, then byte by byte.
    @inline(__always)
    func lowerCaseRunEnd(_ i: Int) -> Int {
        var q = i
        if let base = p.baseAddress {
            while q &+ 8 <= n {
                let notLower = CharacterClass.notLowerCase(UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self))
                if notLower != 0 { return q &+ notLower.trailingZeroBitCount &>> 3 }
                q &+= 8
            }
        }
        while q < n, (p[q] &- 0x61) < 26 { q &+= 1 }
        return q
    }

    // MARK: Words, numbers, abbreviations, URLs

    @inline(__always)
    func word(_ start: Int, _ t: inout TokenSink) -> Int {
        let b0 = p[start] | 0x20
        if start + 4 < n, (b0 == UInt8(ascii: "h") || b0 == UInt8(ascii: "f")) && p[start + 1] | 0x20 == UInt8(ascii: "t")
            || b0 == UInt8(ascii: "w") && p[start + 1] | 0x20 == UInt8(ascii: "w") {
            if let e = urlWithScheme(start) { emit(start, e, .url, &t); return e }
        }
        let end = plainWord(start, &t)
        // A word that stops at `.`, `@`, `_` or `+` may be the start of an abbreviation
        // (`S.H.`, `Jl.`), a domain (`KOMPAS.com`) or an e-mail address: look again.
        guard end < n, (p[start] &- 0x30) >= 10 else { return end }
        let stop = p[end]
        guard stop == UInt8(ascii: ".") || stop == UInt8(ascii: "@") || stop == UInt8(ascii: "_")
            || stop == UInt8(ascii: "+") else { return end }
        var runEnd = start
        var hasDot = false
        while runEnd < n {
            let b = p[runEnd]
            if isASCIIAlnum(b) { runEnd &+= 1; continue }
            if b == UInt8(ascii: ".") { hasDot = true; runEnd &+= 1; continue }
            if b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "%") {
                runEnd &+= 1; continue
            }
            break
        }
        if runEnd < n, p[runEnd] == UInt8(ascii: "@"), runEnd > start, let e = emailEnd(start, runEnd) {
            t.removeLast()
            emit(start, e, .email, &t)
            return e
        }
        if hasDot {
            if let (e, cls) = abbreviation(start, runEnd) {
                t.removeLast()
                var f = flags(start, e)
                if cls.mayEndSentence { f.insert(.mayEndSentence) }
                t.append(start, e, .abbreviation, f)
                return e
            }
            if let e = domain(start, allowPath: true) {
                t.removeLast()
                emit(start, e, .url, &t)
                return e
            }
        }
        return end
    }

    /// A word or number without dots other than number separators.
    @inline(__always)
    func plainWord(_ start: Int, _ t: inout TokenSink) -> Int {
        let p = self.p, n = self.n, ascii = self.ascii  // locals: no reloads after stores
        var word = WordCursor(start: start)
        while word.j < n {
            let b = p[word.j]
            let k: CharacterClass, c: UInt32, len: Int
            if b < 0x80 {
                if plainRun(b, &word) { continue }
                // The common ends of a word, tested before the general step.
                if b == 0x20 || b == 0x0A || (b == UInt8(ascii: ",") && word.previous == .letter) {
                    return finish(start, word.j, word.w, &t)
                }
                (k, c, len) = (ascii[Int(b)], UInt32(b), 1)
            } else {
                (c, len) = scalar(word.j)
                k = CharacterClass.of(c)
                word.w.nonASCII = true
            }
            if let end = step(k, c, len, &word, &t) { return end }
        }
        return finish(start, word.j, word.w, &t)
    }

    /// Where ``plainWord(_:_:)`` is in its word: the next byte, what the word holds so far, the
    /// class of the character before, and where the part after the last hyphen or slash starts.
    struct WordCursor {
        let start: Int
        var j: Int
        var w = WordState()
        var previous: CharacterClass = .space
        var segmentStart: Int
        init(start: Int) { self.start = start; j = start; segmentStart = start }
    }

    /// The common cases of a word's ASCII byte `b`: a run of lower-case letters, one capital or
    /// a digit not right after the word's first letters (a currency, ``step(_:_:_:_:_:)``),
    /// counted and passed over (false for any other byte).
    @inline(__always)
    func plainRun(_ b: UInt8, _ word: inout WordCursor) -> Bool {
        if (b &- 0x30) < 10, word.w.letters == 0 || word.w.digits || word.previous != .letter {
            word.w.digits = true
            word.previous = .digit
            word.j &+= 1
            return true
        }
        if (b &- 0x61) < 26 {
            let q = lowerCaseRunEnd(word.j &+ 1)
            word.w.letters &+= q &- word.j
            word.previous = .letter
            word.j = q
            return true
        }
        guard (b &- 0x41) < 26 else { return false }
        if word.w.letters == 0 { word.w.firstLetterUpper = true }
        word.w.letters &+= 1
        word.w.upper &+= 1
        word.previous = .letter
        word.j &+= 1
        return true
    }

    /// The character `c` of class `k` and `len` bytes at the cursor: counted and passed over
    /// (nil), or the end of the token, written to `t`.
    @inline(__always)
    func step(_ k: CharacterClass, _ c: UInt32, _ len: Int, _ word: inout WordCursor, _ t: inout TokenSink) -> Int? {
        let start = word.start, j = word.j
        switch k {
        case .letter:
            let bits = UnicodeProperties.bits(c)
            if bits.contains(.letter) {
                let isUpper = bits.contains(.upper)
                if word.w.letters == 0 { word.w.firstLetterUpper = isUpper }
                word.w.letters &+= 1
                if isUpper { word.w.upper &+= 1 }
            }
        case .digit:
            if word.w.letters > 0 && !word.w.digits && word.previous == .letter && j - start <= 3 && isCurrency(start, j) {
                t.append(start, j, .symbol, word.w.firstLetterUpper ? [.capitalized] : [])
                return j
            }
            word.w.digits = true
        case .hyphen:
            guard let next = hyphenJoins(start, word.segmentStart, j, len, word.previous) else { return finish(start, j, word.w, &t) }
            word.w.hyphenated = true
            word.previous = .hyphen
            word.j = next
            word.segmentStart = next
            return nil
        case .terminal, .comma, .other:
            if numberSeparatorJoins(c, j, word.w, word.previous) || codeDotJoins(c, j, word) {
                word.previous = .comma
                word.j = j &+ 1
                return nil
            }
            if slashJoins(c, word.segmentStart, j, word.previous) {
                word.previous = .comma
                word.j = j &+ 1
                word.segmentStart = j &+ 1
                return nil
            }
            return finish(start, j, word.w, &t)
        case .quote:
            guard apostropheJoins(c, j, len, word.previous) else { return finish(start, j, word.w, &t) }
            word.previous = .quote
            word.j = j &+ len
            return nil
        default:
            return finish(start, j, word.w, &t)
        }
        word.previous = k
        word.j = j &+ len
        return nil
    }

    /// Where the word goes on after the hyphen at `j` (`kios-kios`, `e-KTP`, `Covid-19`), or nil
    /// when the hyphen ends it (`Januari-September`, `5-10`, a hyphen at the end).
    @inline(__always)
    func hyphenJoins(_ start: Int, _ segmentStart: Int, _ j: Int, _ len: Int, _ previous: CharacterClass) -> Int? {
        guard previous == .letter || previous == .digit, isAlnum(j + len) else { return nil }
        let nextEnd = alnumEnd(j + len)
        if splitsAtHyphen(segmentStart, j, j + len, nextEnd, firstPart: segmentStart == start) { return nil }
        return j + len
    }

    /// A separator inside a number: `1.500.000`, `5,61`, `10.15`, `12/5/2022`, `10:15`.
    @inline(__always)
    func numberSeparatorJoins(_ c: UInt32, _ j: Int, _ w: WordState, _ previous: CharacterClass) -> Bool {
        let isSeparator = c == 0x2E || c == 0x2C || c == 0x2F || c == 0x3A
        return isSeparator && w.letters == 0 && previous == .digit && j + 1 < n && (p[j + 1] &- 0x30) < 10
    }

    /// A dot inside a document's or unit's number, where no sentence ends: `5/POJK.03/2022`,
    /// `Kep-176/KM.10/7`, `PRINT-02/M.2.24/Fd/10/2025` (a word with a slash or hyphen and a
    /// digit already), `SE.2/MENLHK/2020` (capitals, then digits that a slash goes on from).
    @inline(__always)
    func codeDotJoins(_ c: UInt32, _ j: Int, _ word: WordCursor) -> Bool {
        guard c == 0x2E, word.previous == .letter || word.previous == .digit, j + 1 < n, (p[j + 1] &- 0x30) < 10 else { return false }
        if word.segmentStart > word.start && word.w.digits { return true }
        guard word.previous == .letter else { return false }
        let e = alnumEnd(j + 1)
        return e < n && p[e] == 0x2F && (word.start..<j).allSatisfy { (p[$0] &- 0x41) < 26 }
    }

    /// A slash joining short or numbered parts: `II/2007`, `C/O`, `s/d` (not `dan/atau`).
    @inline(__always)
    func slashJoins(_ c: UInt32, _ segmentStart: Int, _ j: Int, _ previous: CharacterClass) -> Bool {
        guard c == 0x2F, previous == .letter || previous == .digit, isAlnum(j + 1) else { return false }
        let a = segmentStart..<j, b = (j + 1)..<alnumEnd(j + 1)
        return containsDigit(a) || containsDigit(b) || (a.count <= 3 && b.count <= 3)
    }

    /// An apostrophe inside a word: `Jum'at`, `Qur’an`, but not a possessive (`Moody's` → `Moody`, `'s`).
    @inline(__always)
    func apostropheJoins(_ c: UInt32, _ j: Int, _ len: Int, _ previous: CharacterClass) -> Bool {
        let possessive = j + len < n && p[j + len] | 0x20 == UInt8(ascii: "s")
            && cls(j + len + 1) != .letter && cls(j + len + 1) != .digit
        return (c == 0x27 || c == 0x2019) && previous == .letter && cls(j + len) == .letter && !possessive
    }

    /// What `plainWord` learns about a token while scanning it.
    struct WordState {
        var letters = 0
        var upper = 0
        var firstLetterUpper = false
        var digits = false
        var nonASCII = false
        var hyphenated = false
    }

    @inline(__always)
    func finish(_ start: Int, _ end: Int, _ w: WordState, _ t: inout TokenSink) -> Int {
        var f: TokenFlags = []
        if w.firstLetterUpper { f.insert(.capitalized) }
        if w.letters > 0 && w.upper == w.letters { f.formUnion(capitalsFlags(start, end, letters: w.letters)) }
        if w.digits { f.insert(.hasDigit) }
        if w.nonASCII { f.insert(.nonASCII) }
        if w.hyphenated { f.insert(.hyphenated) }
        var kind: TokenKind = w.letters > 0 ? .word : .number
        if kind == .word {
            let len = end &- start
            if len == 2, isCurrency(start, end) {
                kind = .symbol
            } else if len >= 4, len <= 64, !w.digits, !w.nonASCII, w.upper != w.letters,
                      mayHaveClitic(start, end) {
                // Noted while the bytes are in cache, so clitic analysis visits only these.
                t.cliticCandidates.append(Int32(truncatingIfNeeded: t.count))
            }
        }
        t.append(start, end, kind, f)
        return end
    }

    /// Whether `start..<end` is a currency written in letters (`Rp`, `IDR`, `USD`).
    @inline(__always)
    func isCurrency(_ start: Int, _ end: Int) -> Bool {
        let b = p[start]
        guard b == UInt8(ascii: "R") || b == UInt8(ascii: "r") || b == UInt8(ascii: "I")
            || b == UInt8(ascii: "U") || b == UInt8(ascii: "S") else { return false }
        return currencyWords.contains(UnsafeBufferPointer(rebasing: p[start..<end]))
    }

    /// The end of the run of letters and digits starting at `i`.
    func alnumEnd(_ i: Int) -> Int {
        var e = i
        while e < n {
            let (c, len) = scalar(e)
            let k = c < 0x80 ? ascii[Int(c)] : CharacterClass.of(c)
            guard k == .letter || k == .digit else { break }
            e &+= len
        }
        return e
    }

    /// Whether the word `p[s..<e]` of four bytes or more may carry a clitic: the test of
    /// ``CliticAnalyzer/mayHaveClitic(head:_:tail:_:_:)`` on two loads, the word's last four
    /// bytes and its first two (little-endian: the bytes compared read backwards).
    @inline(__always)
    func mayHaveClitic(_ s: Int, _ e: Int) -> Bool {
        let base = UnsafeRawPointer(p.baseAddress!)
        let tail = (base + (e - 4)).loadUnaligned(as: UInt32.self) >> 8 | 0x20_2020
        let tail2 = tail >> 8
        let head = (base + s).loadUnaligned(as: UInt16.self) | 0x2020
        // -nya -lah -kah -pun, then -ku -mu ku-
        return tail == 0x61_796E || tail == 0x68_616C || tail == 0x68_616B || tail == 0x6E_7570
            || tail2 == 0x756B || tail2 == 0x756D || head == 0x756B
    }

    func containsDigit(_ r: Range<Int>) -> Bool { r.contains { (p[$0] &- 0x30) < 10 } }

    /// Whether a hyphen between parts `a` (`aStart..<hyphen`) and `b` (`bStart..<bEnd`)
    /// separates tokens, as UD Indonesian writes them: number ranges (`5-10`) and pairs of
    /// capitalised names (`Januari-September`, `Jagorawi-Cinere`, `Bapepam-LK`) split;
    /// reduplication (`kios-kios`, `Undang-Undang`), prefixes and single letters (`e-KTP`,
    /// `APBN-P`, `H-1`), names with numbers (`Covid-19`, `ke-2`) and dates stay whole.
    func splitsAtHyphen(_ aStart: Int, _ hyphen: Int, _ bStart: Int, _ bEnd: Int, firstPart: Bool) -> Bool {
        let aCount = hyphen - aStart, bCount = bEnd - bStart
        let aDigits = (aStart..<hyphen).allSatisfy { (p[$0] &- 0x30) < 10 }
        let bDigits = (bStart..<bEnd).allSatisfy { (p[$0] &- 0x30) < 10 }
        if aDigits && bDigits {
            // A date such as 12-05-2022 has a third part.
            let date = bEnd + 1 < n && p[bEnd] == UInt8(ascii: "-") && (p[bEnd + 1] &- 0x30) < 10
            return !date && firstPart
        }
        guard aCount >= 2, bCount >= 2, (p[aStart] &- 0x41) < 26, (p[bStart] &- 0x41) < 26 else { return false }
        // Reduplication: the second part repeats the start of the first.
        let k = min(3, aCount, bCount)
        for d in 0..<k where (p[aStart + d] | 0x20) != (p[bStart + d] | 0x20) { return true }
        return false
    }

    /// Flags from the token's letters.
    @inline(__always)
    func flags(_ start: Int, _ end: Int) -> TokenFlags {
        var f: TokenFlags = []
        var letters = 0
        var upper = 0
        var first = true
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 {
                if (b &- 0x41) < 26 {
                    letters += 1; upper += 1
                    if first { f.insert(.capitalized) }
                    first = false
                } else if (b &- 0x61) < 26 {
                    letters += 1; first = false
                } else if (b &- 0x30) < 10 {
                    f.insert(.hasDigit)
                }
                i &+= 1
            } else {
                f.insert(.nonASCII)
                let (c, len) = scalar(i)
                let bits = UnicodeProperties.bits(c)
                if bits.contains(.letter) {
                    letters += 1
                    if bits.contains(.upper) {
                        upper += 1
                        if first { f.insert(.capitalized) }
                    }
                    first = false
                } else if bits.contains(.digit) {
                    f.insert(.hasDigit)
                }
                i &+= len
            }
        }
        if letters > 0 && upper == letters { f.formUnion(capitalsFlags(start, end, letters: letters)) }
        return f
    }

    /// The flags of a token written all in capitals with `letters` letters: `allCaps`, and
    /// `degree` for a listed degree without its dots (`SH`, `MM`).
    @inline(__always)
    func capitalsFlags(_ start: Int, _ end: Int, letters: Int) -> TokenFlags {
        letters >= 2 && letters <= 4 && end &- start == letters && isCapitalDegree(start, end) ? [.allCaps, .degree] : .allCaps
    }

    /// Whether `p[start..<end]` is a degree in capitals without its dots (``TokenFlags/degree``).
    func isCapitalDegree(_ start: Int, _ end: Int) -> Bool {
        let first = p[start] &- 0x41, second = p[start + 1] &- 0x41
        guard first < 26, second < 26, lexicon.capitalDegreePairs[Int(first)] & (1 << UInt32(second)) != 0 else { return false }
        return lexicon.capitalDegrees.contains(UnsafeBufferPointer(rebasing: p[start..<end]))
    }

    @inline(__always)
    func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ t: inout TokenSink) {
        t.append(start, end, kind, flags(start, end))
    }

    /// An abbreviation starting at `start` within the run `start..<runEnd`.
    func abbreviation(_ start: Int, _ runEnd: Int) -> (Int, TokenizerLexicon.AbbreviationClass)? {
        // Longest listed abbreviation first.
        var e = min(runEnd, start + lexicon.longestAbbreviation)
        while e > start + 1 {
            if p[e - 1] == UInt8(ascii: "."),
               let cls = lexicon.abbreviationClass(UnsafeBufferPointer(rebasing: p[start..<e])) {
                return (e, cls)
            }
            e -= 1
        }
        // An initial: one capital letter and a dot, not followed by a letter or digit.
        if (p[start] &- 0x41) < 26, start + 1 < n, p[start + 1] == UInt8(ascii: "."), !isAlnum(start + 2) {
            return (start + 2, .title)
        }
        // Dotted letter groups such as S.Kom. or M.Pd.I.: at least two groups of one to
        // three letters, each closed by a dot, the first capitalised.
        // The last group may go without its dot (`M.Si`, `S.Kom`, `Sp.PD`, `Sp.OG(K)`) when it
        // starts with a capital and the first group is a capital and lower-case letters (not
        // `JD.ID` or `TP.TT`): a degree, not a sentence ending inside a word.
        var i = start
        var groups = 0
        var degreeHead = false
        while i < runEnd {
            var j = i
            while j < runEnd, ((p[j] | 0x20) &- 0x61) < 26 { j &+= 1 }
            let len = j - i
            guard len >= 1, len <= 3 else { break }
            if groups == 0 { degreeHead = (p[i] &- 0x41) < 26 && p[(i + 1)..<j].allSatisfy { ($0 &- 0x61) < 26 } }
            guard j < runEnd, p[j] == UInt8(ascii: ".") else {
                if groups >= 1 && degreeHead && !isAlnum(j) && (p[i] &- 0x41) < 26 { return (j, .degree) }
                break
            }
            groups += 1
            i = j + 1
            if !isAlnum(i) && groups >= 2 && (p[start] &- 0x41) < 26 { return (i, .degree) }
        }
        return nil
    }

    /// The end of a domain (`kompas.com`, `news.detik.com/berita/…`) starting at `start`.
    func domain(_ start: Int, allowPath: Bool) -> Int? {
        var i = start
        var labels = 0
        var lastLabel = start..<start
        while true {
            let ls = i
            while i < n, isASCIIAlnum(p[i]) || (p[i] == UInt8(ascii: "-") && i > ls) { i &+= 1 }
            if i == ls { return nil }
            labels += 1
            lastLabel = ls..<i
            if i + 1 < n, p[i] == UInt8(ascii: "."), isASCIIAlnum(p[i + 1]) { i &+= 1; continue }
            break
        }
        guard labels >= 2,
              topLevelDomains.contains(UnsafeBufferPointer(rebasing: p[lastLabel]), lowercase: true)
        else { return nil }
        if i < n, !allowPath, p[i] == UInt8(ascii: "/") { return i }
        if allowPath, i < n, p[i] == UInt8(ascii: "/") || p[i] == UInt8(ascii: ":") { return urlTail(i) }
        return i
    }

    /// A URL starting with a scheme or `www.`.
    func urlWithScheme(_ start: Int) -> Int? {
        func has(_ s: StaticString) -> Bool {
            let c = s.utf8CodeUnitCount
            guard start + c <= n else { return false }
            for k in 0..<c where (p[start + k] | 0x20) != s.utf8Start[k] { return false }
            return true
        }
        if has("https://") || has("http://") || has("ftp://") {
            let e = urlTail(start)
            return e > start + 8 ? e : nil
        }
        if has("www."), start + 4 < n, isASCIIAlnum(p[start + 4]) { return urlTail(start) }
        return nil
    }

    /// The end of a URL: up to whitespace or a quote, without trailing punctuation.
    func urlTail(_ start: Int) -> Int {
        var i = start
        var open = 0
        var close = 0
        while i < n {
            let b = p[i]
            if b == 0x20 || b == 0x0A || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<")
                || b == UInt8(ascii: ">") { break }
            if b >= 0x80 {
                let (c, len) = scalar(i)
                let k = CharacterClass.of(c)
                if k == .quote || k == .openingQuote || k == .closingQuote || k == .space || k == .dash { break }
                i &+= len
                continue
            }
            if b == UInt8(ascii: "(") { open += 1 }
            if b == UInt8(ascii: ")") { close += 1 }
            i &+= 1
        }
        while i > start {
            let b = p[i - 1]
            if b == UInt8(ascii: ")") && close > open { close -= 1; i -= 1; continue }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";")
                || b == UInt8(ascii: ":") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                || b == UInt8(ascii: "'") || b == UInt8(ascii: "]") {
                i -= 1; continue
            }
            break
        }
        return i
    }

    /// The end of an e-mail address whose local part is `start..<at`.
    func emailEnd(_ start: Int, _ at: Int) -> Int? {
        guard p[start] != UInt8(ascii: "."), p[at - 1] != UInt8(ascii: "."), at + 1 < n else { return nil }
        return domain(at + 1, allowPath: false)
    }

    // MARK: Punctuation and symbols

    func punctuation(_ start: Int, _ c: CharacterClass, _ t: inout TokenSink) -> Int {
        let (s, len) = scalar(start)
        var end = start + len
        switch c {
        case .terminal:
            // Runs: "...", "?!", "!!!".
            while end < n {
                let (s2, l2) = scalar(end)
                guard s2 == 0x2E || s2 == 0x3F || s2 == 0x21 || s2 == 0x2026 else { break }
                if (s == 0x2E || s == 0x2026) != (s2 == 0x2E || s2 == 0x2026) { break }
                end &+= l2
            }
            t.append(start, end, .punctuation, .terminal)
        case .comma:
            t.append(start, end, .punctuation, .comma)
        case .openingBracket:
            t.append(start, end, .punctuation, .openingBracket)
        case .closingBracket:
            t.append(start, end, .punctuation, .closingBracket)
        case .hyphen, .dash:
            while end < n, scalar(end).0 == s { end += scalar(end).1 }
            t.append(start, end, .punctuation, .dash)
        case .quote, .openingQuote, .closingQuote:
            // An English possessive after a word: Moody's → Moody, 's.
            if s == 0x27 || s == 0x2019, previousClass(start) == .letter, end < n,
               p[end] | 0x20 == UInt8(ascii: "s"), cls(end + 1) != .letter, cls(end + 1) != .digit {
                t.append(start, end + 1, .word, [])
                return end + 1
            }
            if s < 0x80, end < n, p[end] == UInt8(s), s != 0x22 { end &+= 1 }  // '' and ``
            t.append(start, end, .punctuation, quoteDirection(start, end, c))
        default:
            if s == 0x40 || s == 0x23, end < n, isASCIIAlnum(p[end]) || p[end] == UInt8(ascii: "_"),
               previousClass(start) != .letter, previousClass(start) != .digit {
                var e = end
                while e < n, isASCIIAlnum(p[e]) || p[e] == UInt8(ascii: "_")
                    || (s == 0x40 && p[e] == UInt8(ascii: ".") && e + 1 < n && isASCIIAlnum(p[e + 1])) { e &+= 1 }
                if s == 0x23 || !(e - end == 0) {
                    t.append(start, e, s == 0x40 ? .mention : .hashtag, flags(start, e))
                    return e
                }
            }
            t.append(start, end, .symbol, s >= 0x80 ? .nonASCII : [])
        }
        return end
    }

    /// Opening or closing, from the glyph and the characters around it.
    func quoteDirection(_ start: Int, _ end: Int, _ c: CharacterClass) -> TokenFlags {
        let before = previousClass(start)
        let after = cls(end)
        let openBefore = before == .space || before == .openingBracket || before == .openingQuote
            || before == .dash || before == .quote && start > 0 && isOpeningContext(previousStart(start))
        let closeAfter = after == .space || after == .terminal || after == .comma || after == .closingBracket
            || after == .closingQuote || after == .quote || after == .dash
        if openBefore && !closeAfter { return [.openingQuote] }
        if !openBefore && closeAfter { return [.closingQuote] }
        switch c {
        case .openingQuote: return [.openingQuote]
        case .closingQuote: return [.closingQuote]
        default: return openBefore ? [.openingQuote] : [.closingQuote]
        }
    }

    func isOpeningContext(_ i: Int) -> Bool {
        let b = previousClass(i)
        return b == .space || b == .openingBracket
    }
}
