/// Splits normalized text into paragraphs: runs of text between blank lines.
public struct ParagraphSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    /// Paragraph ranges from the positions of the blank lines the normalizer wrote.
    public func ranges(breaks: [Int32], length: Int) -> [TextRange] {
        var out: [TextRange] = []
        out.reserveCapacity(breaks.count + 1)
        var start = 0
        for b in breaks {
            if Int(b) > start { out.append(TextRange(start, Int(b))) }
            start = Int(b) + 2
        }
        if length > start { out.append(TextRange(start, length)) }
        return out
    }

    /// Paragraph byte ranges of `text` (normalized, so a paragraph break is exactly "\n\n").
    public func split(_ text: [UInt8]) -> [TextRange] {
        var out: [TextRange] = []
        var start = 0
        var i = 0
        let n = text.count
        while i + 1 < n {
            if text[i] == 0x0A && text[i + 1] == 0x0A {
                if i > start { out.append(TextRange(start, i)) }
                i += 2
                start = i
                continue
            }
            i += 1
        }
        if n > start { out.append(TextRange(start, n)) }
        return out
    }
}

/// Splits paragraphs into sentences over their tokens, by Indonesian rules.
///
/// A sentence ends at `.`, `?`, `!` or `…` (with any closing quotes and brackets after
/// it) when the next token starts with a capital letter, a digit, an opening quote or an
/// opening bracket; after `dll.`, `dsb.`, a degree and other abbreviations that may end a
/// sentence when a capitalised word follows; at a line break before a capital, digit or
/// quote; and at the end of each paragraph. Abbreviations that never end a sentence
/// (`Jl.`, `Prof.`, `H.`, `Rp.`, `No.`) are single tokens, so their dots never split, and
/// numbers such as `1.500.000` and `10.15` are single tokens too. A quote that ends with a
/// comma stays with its attribution (`“…,” jelasnya.`), and datelines such as
/// `SEMARANG (Sigi Jateng) –` have no sentence-final mark.
public struct SentenceSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    /// Fills `document.sentenceRanges` and `document.sentenceTokenStarts`.
    public func split(_ document: inout Document) {
        let t = document.tokens, text = document.bytes
        // Room for a sentence every twelve tokens, about the average: few documents grow it.
        var ranges: [TextRange] = []
        ranges.reserveCapacity(t.count / 12 + 4)
        var starts: [Int32] = []
        starts.reserveCapacity(t.count / 12 + 5)
        let flags = t.flags.span
        var tok = 0
        for para in document.paragraphRanges {
            let first = tok
            while tok < t.count, t.starts[tok] < para.end { tok += 1 }
            if tok == first { continue }
            var sentenceStart = first
            var i = first
            var openBracket = -1  // index of the innermost unclosed bracket in this sentence
            let interesting: TokenFlags = [.terminal, .mayEndSentence, .openingBracket, .closingBracket,
                                           .lineBreakAfter]
            while i < tok {
                let f = flags[i]
                // Most tokens can end nothing.
                if f.isDisjoint(with: interesting) {
                    i &+= 1
                    continue
                }
                if f.contains(.openingBracket) { openBracket = i }
                if f.contains(.closingBracket) { openBracket = -1 }
                // No break inside brackets opened in this sentence, up to 40 tokens:
                // (Foto. Kementerian …), (SSK. II), (E. hemisphaerica (Bl.) RM Smith).
                if openBracket >= 0 && i - openBracket < 40 && !lineBreakBetween(i, min(i + 1, tok - 1), t, text) {
                    i += 1
                    continue
                }
                let end = boundary(after: i, limit: tok, t, text)
                if end > i {
                    ranges.append(TextRange(Int(t.starts[sentenceStart]), Int(t.ends[end - 1])))
                    starts.append(Int32(sentenceStart))
                    sentenceStart = end
                    openBracket = -1
                    i = end
                } else {
                    i += 1
                }
            }
            if sentenceStart < tok {
                ranges.append(TextRange(Int(t.starts[sentenceStart]), Int(t.ends[tok - 1])))
                starts.append(Int32(sentenceStart))
            }
        }
        starts.append(Int32(t.count))
        document.sentenceRanges = ranges
        document.sentenceTokenStarts = starts
    }

    /// If a sentence ends with token `i`'s group, the index of the first token after it; else `i`.
    @inline(__always)
    func boundary(after i: Int, limit: Int, _ t: TokenTable, _ text: [UInt8]) -> Int {
        let f = t.flags[i]
        if f.contains(.terminal) {
            var j = i + 1
            while j < limit, t.flags[j].contains(.closingQuote) || t.flags[j].contains(.closingBracket) { j += 1 }
            if j >= limit { return limit }
            if startsSentence(j, t, text, afterQuestion: isQuestionOrExclamation(i, t, text)) { return j }
            // A lower-case start is a new sentence too after `?` or `!`, and after a plain
            // period that follows an ordinary word or a number ("… di Italia. apakah …");
            // not after a closing quote ("“Setuju?” tanya dia") or an ellipsis.
            if j == i + 1, t.kinds[j] == .word, !t.flags[j].contains(.capitalized), i > 0 {
                let b = text[Int(t.starts[i])]
                if b == UInt8(ascii: "?") || b == UInt8(ascii: "!") { return j }
                if t.count(i) == 1, b == UInt8(ascii: "."),
                   t.kinds[i - 1] == .number || (t.kinds[i - 1] == .word && t.count(i - 1) >= 4) {
                    return j
                }
            }
            return i
        }
        if f.contains(.mayEndSentence) {
            let j = i + 1
            if j >= limit { return limit }
            return t.kinds[j] == .word && t.flags[j].contains(.capitalized) && !t.flags[j].contains(.allCaps) ? j : i
        }
        // A line break inside a paragraph: headings, lists, lines of scraped text.
        let j = i + 1
        if j < limit, lineBreakBetween(i, j, t, text), !f.contains(.comma), !f.contains(.openingQuote),
           !f.contains(.openingBracket), t.kinds[i] != .abbreviation || f.contains(.mayEndSentence),
           startsSentence(j, t, text, afterQuestion: false) {
            return j
        }
        return i
    }

    func isQuestionOrExclamation(_ i: Int, _ t: TokenTable, _ text: [UInt8]) -> Bool {
        let b = text[Int(t.starts[i])]
        return b == UInt8(ascii: "?") || b == UInt8(ascii: "!")
    }

    @inline(__always)
    func lineBreakBetween(_ i: Int, _ j: Int, _ t: TokenTable, _ text: [UInt8]) -> Bool {
        t.flags[i].contains(.lineBreakAfter)
    }

    /// Whether token `j` can start a sentence.
    func startsSentence(_ j: Int, _ t: TokenTable, _ text: [UInt8], afterQuestion: Bool) -> Bool {
        let f = t.flags[j]
        if f.contains(.openingQuote) || f.contains(.openingBracket) { return true }
        switch t.kinds[j] {
        case .word, .abbreviation, .url, .mention, .hashtag, .symbol:
            return f.contains(.capitalized)
        case .number:
            return !afterQuestion
        default:
            return false
        }
    }
}
