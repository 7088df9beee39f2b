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
        var scanner = Scanner(p: text, lexicon: lexicon)
        scanner.run(into: &table)
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
    let lexicon: TokenizerLexicon

    init(p: UnsafeBufferPointer<UInt8>, lexicon: TokenizerLexicon) {
        self.p = p
        self.n = p.count
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
        if b < 0x80 { return CharacterClass.ascii[Int(b)] }
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

    mutating func run(into t: inout TokenTable) {
        t.reserve(t.count + n / 5)
        var i = 0
        while i < n {
            let b = p[i]
            if b == 0x20 || b == 0x0A { i += 1; continue }
            let c: CharacterClass
            if b < 0x80 { c = CharacterClass.ascii[Int(b)] } else { c = CharacterClass.of(scalar(i).0) }
            switch c {
            case .space: i += scalar(i).1
            case .letter, .digit: i = word(i, &t)
            default: i = punctuation(i, c, &t)
            }
        }
    }

    // MARK: Words, numbers, abbreviations, URLs

    mutating func word(_ start: Int, _ t: inout TokenTable) -> Int {
        let b0 = p[start]
        if b0 == UInt8(ascii: "h") || b0 == UInt8(ascii: "H") || b0 == UInt8(ascii: "w")
            || b0 == UInt8(ascii: "W") || b0 == UInt8(ascii: "f") {
            if let e = urlWithScheme(start) { emit(start, e, .url, &t); return e }
        }
        // The run of characters that can make an abbreviation, domain or e-mail local part.
        var runEnd = start
        var hasDot = false
        while runEnd < n {
            let b = p[runEnd]
            if isASCIIAlnum(b) { runEnd += 1; continue }
            if b == UInt8(ascii: ".") { hasDot = true; runEnd += 1; continue }
            if b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "%") {
                runEnd += 1; continue
            }
            break
        }
        if runEnd < n, p[runEnd] == UInt8(ascii: "@"), runEnd > start, let e = emailEnd(start, runEnd) {
            emit(start, e, .email, &t)
            return e
        }
        if hasDot {
            if let (e, cls) = abbreviation(start, runEnd) {
                var f = flags(start, e)
                if cls.mayEndSentence { f.insert(.mayEndSentence) }
                t.append(start, e, .abbreviation, f)
                return e
            }
            if let e = domain(start, allowPath: true) {
                emit(start, e, .url, &t)
                return e
            }
        }
        return plainWord(start, &t)
    }

    /// A word or number without dots other than number separators.
    mutating func plainWord(_ start: Int, _ t: inout TokenTable) -> Int {
        var j = start
        var hasLetter = false
        var hasDigit = false
        var hyphenated = false
        var previous: CharacterClass = .space
        var segmentStart = start
        while j < n {
            let (c, len) = scalar(j)
            let k = c < 0x80 ? CharacterClass.ascii[Int(c)] : CharacterClass.of(c)
            switch k {
            case .letter:
                hasLetter = true
            case .digit:
                if hasLetter && !hasDigit && previous == .letter,
                   currencyWords.contains(UnsafeBufferPointer(rebasing: p[start..<j])) {
                    t.append(start, j, .symbol, flags(start, j))
                    return j
                }
                hasDigit = true
            case .hyphen:
                if previous == .letter || previous == .digit, isAlnum(j + len) {
                    let nextEnd = alnumEnd(j + len)
                    if splitsAtHyphen(segmentStart, j, j + len, nextEnd, firstPart: segmentStart == start) {
                        return finishWord(start, j, hasLetter, hyphenated, &t)
                    }
                    hyphenated = true
                    previous = .hyphen
                    j += len
                    segmentStart = j
                    continue
                }
                return finishWord(start, j, hasLetter, hyphenated, &t)
            case .terminal, .comma, .other:
                // Separators inside numbers: 1.500.000  5,61  10.15  12/5/2022  10:15
                let sep = c
                let isSeparator = sep == 0x2E || sep == 0x2C || sep == 0x2F || sep == 0x3A
                if isSeparator, !hasLetter, previous == .digit, j + 1 < n, (p[j + 1] &- 0x30) < 10 {
                    previous = .comma
                    j += 1
                    continue
                }
                // A slash joins short or numbered parts: II/2007, C/O, s/d (not dan/atau).
                if sep == 0x2F, previous == .letter || previous == .digit, isAlnum(j + 1) {
                    let nextEnd = alnumEnd(j + 1)
                    let a = segmentStart..<j, b = (j + 1)..<nextEnd
                    if containsDigit(a) || containsDigit(b) || (a.count <= 3 && b.count <= 3) {
                        previous = .comma
                        j += 1
                        segmentStart = j
                        continue
                    }
                }
                return finishWord(start, j, hasLetter, hyphenated, &t)
            case .quote:
                // Apostrophes inside words: Jum'at, Qur’an.
                let possessive = j + len < n && p[j + len] | 0x20 == UInt8(ascii: "s")
                    && cls(j + len + 1) != .letter && cls(j + len + 1) != .digit
                if (c == 0x27 || c == 0x2019), previous == .letter, cls(j + len) == .letter, !possessive {
                    previous = .quote
                    j += len
                    continue
                }
                return finishWord(start, j, hasLetter, hyphenated, &t)
            default:
                return finishWord(start, j, hasLetter, hyphenated, &t)
            }
            previous = k
            j += len
        }
        return finishWord(start, j, hasLetter, hyphenated, &t)
    }

    /// The end of the run of letters and digits starting at `i`.
    func alnumEnd(_ i: Int) -> Int {
        var e = i
        while e < n {
            let (c, len) = scalar(e)
            let k = c < 0x80 ? CharacterClass.ascii[Int(c)] : CharacterClass.of(c)
            guard k == .letter || k == .digit else { break }
            e += len
        }
        return e
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

    mutating func finishWord(_ start: Int, _ end: Int, _ hasLetter: Bool, _ hyphenated: Bool,
                             _ t: inout TokenTable) -> Int {
        var f = flags(start, end)
        if hyphenated { f.insert(.hyphenated) }
        var kind: TokenKind = hasLetter ? .word : .number
        if kind == .word, currencyWords.contains(UnsafeBufferPointer(rebasing: p[start..<end])),
           end - start == 2 {
            kind = .symbol
        }
        t.append(start, end, kind, f)
        return end
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
                i += 1
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
                i += len
            }
        }
        if letters > 0 && upper == letters { f.insert(.allCaps) }
        return f
    }

    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ t: inout TokenTable) {
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
        var i = start
        var groups = 0
        while i < runEnd {
            var j = i
            while j < runEnd, ((p[j] | 0x20) &- 0x61) < 26 { j += 1 }
            let len = j - i
            guard len >= 1, len <= 3, j < runEnd, p[j] == UInt8(ascii: ".") else { break }
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
            while i < n, isASCIIAlnum(p[i]) || (p[i] == UInt8(ascii: "-") && i > ls) { i += 1 }
            if i == ls { return nil }
            labels += 1
            lastLabel = ls..<i
            if i + 1 < n, p[i] == UInt8(ascii: "."), isASCIIAlnum(p[i + 1]) { i += 1; continue }
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
                i += len
                continue
            }
            if b == UInt8(ascii: "(") { open += 1 }
            if b == UInt8(ascii: ")") { close += 1 }
            i += 1
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

    mutating func punctuation(_ start: Int, _ c: CharacterClass, _ t: inout TokenTable) -> Int {
        let (s, len) = scalar(start)
        var end = start + len
        switch c {
        case .terminal:
            // Runs: "...", "?!", "!!!".
            while end < n {
                let (s2, l2) = scalar(end)
                guard s2 == 0x2E || s2 == 0x3F || s2 == 0x21 || s2 == 0x2026 else { break }
                if (s == 0x2E || s == 0x2026) != (s2 == 0x2E || s2 == 0x2026) { break }
                end += l2
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
            if s < 0x80, end < n, p[end] == UInt8(s), s != 0x22 { end += 1 }  // '' and ``
            t.append(start, end, .punctuation, quoteDirection(start, end, c))
        default:
            if s == 0x40 || s == 0x23, end < n, isASCIIAlnum(p[end]) || p[end] == UInt8(ascii: "_"),
               previousClass(start) != .letter, previousClass(start) != .digit {
                var e = end
                while e < n, isASCIIAlnum(p[e]) || p[e] == UInt8(ascii: "_")
                    || (s == 0x40 && p[e] == UInt8(ascii: ".") && e + 1 < n && isASCIIAlnum(p[e + 1])) { e += 1 }
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
