import Warta

/// Scores tokenization, clitic splitting and sentence splitting against Universal
/// Dependencies CoNLL-U files, as the CoNLL 2018 shared task does: the gold `# text`
/// lines become running text, Warta analyses it from scratch, and tokens, words and
/// sentences are compared as character spans with whitespace ignored.
public enum UDEvaluation {
    /// One gold sentence.
    public struct GoldSentence: Sendable {
        /// The `# text` line.
        public var text: String
        /// Surface tokens (multiword tokens once).
        public var tokens: [String] = []
        /// The syntactic words of each surface token.
        public var words: [[String]] = []
    }

    /// Precision, recall and F1 of one unit.
    public struct Score: Sendable {
        /// Units in the gold data.
        public let gold: Int
        /// Units Warta produced.
        public let system: Int
        /// Units with the same span in both.
        public let matched: Int
        /// Precision in percent.
        public var precision: Double { system == 0 ? 0 : 100 * Double(matched) / Double(system) }
        /// Recall in percent.
        public var recall: Double { gold == 0 ? 0 : 100 * Double(matched) / Double(gold) }
        /// F1 in percent.
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// The scores of one file.
    public struct Result: Sendable {
        /// Surface tokens.
        public let tokens: Score
        /// Syntactic words after clitic splitting.
        public let words: Score
        /// Sentences.
        public let sentences: Score
        /// Gold sentences whose tokens or boundaries Warta got wrong, for inspection.
        public let mismatches: [(gold: String, system: String)]

        /// A printable summary.
        public func report(name: String) -> String {
            func line(_ label: String, _ s: Score) -> String {
                pad(label, 11) + pad(format(s.precision, 2), 9, left: true) + pad(format(s.recall, 2), 9, left: true)
                    + pad(format(s.f1, 2), 9, left: true) + pad(String(s.gold), 9, left: true) + "\n"
            }
            return "\(name)\n" + pad("unit", 11) + "        P        R       F1     gold\n"
                + line("tokens", tokens) + line("words", words) + line("sentences", sentences)
        }

        /// Each mismatched sentence, gold then Warta, tokens separated by ` · `.
        public var errorReport: String {
            var s = ""
            for m in mismatches { s += "GOLD  \(m.gold)\nWARTA \(m.system)\n\n" }
            return s
        }
    }

    /// Reads gold sentences from a CoNLL-U file.
    public static func parse(path: String) throws(WartaError) -> [GoldSentence] {
        let bytes = try InputReader.read(path: path)
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Reads gold sentences from CoNLL-U text.
    public static func parse(_ conllu: String, path: String = "-") throws(WartaError) -> [GoldSentence] {
        var out: [GoldSentence] = []
        var current: GoldSentence?
        var pendingWords = 0
        var lineNumber = 0
        for raw in conllu.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty {
                if let c = current { out.append(c) }
                current = nil
                continue
            }
            if line.hasPrefix("# text = ") {
                current = GoldSentence(text: String(line.dropFirst(9)))
                continue
            }
            if line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2 else {
                throw .malformedCoNLLU(path: path, line: lineNumber, detail: "fewer than 2 columns")
            }
            if current == nil { current = GoldSentence(text: "") }
            let id = cols[0]
            if id.contains(".") { continue }  // empty nodes
            if let dash = id.firstIndex(of: "-") {
                guard let a = Int(id[..<dash]), let b = Int(id[id.index(after: dash)...]), b >= a else {
                    throw .malformedCoNLLU(path: path, line: lineNumber, detail: "bad range \(id)")
                }
                current!.tokens.append(String(cols[1]))
                current!.words.append([])
                pendingWords = b - a + 1
                continue
            }
            if pendingWords > 0 {
                current!.words[current!.words.count - 1].append(String(cols[1]))
                pendingWords -= 1
            } else {
                current!.tokens.append(String(cols[1]))
                current!.words.append([String(cols[1])])
            }
        }
        if let c = current { out.append(c) }
        return out
    }

    /// A span in non-whitespace characters.
    struct Span: Hashable { let start: Int; let end: Int }

    /// Token, word and sentence spans of one side (gold or Warta's).
    struct Spans { var tokens: [Span] = [], words: [Span] = [], sentences: [Span] = [] }

    /// Scores Warta on `gold`, joining `sentencesPerParagraph` sentences per paragraph.
    public static func evaluate(_ gold: [GoldSentence], sentencesPerParagraph: Int = 10,
                                analyzer: TextAnalyzer = TextAnalyzer()) -> Result {
        let (text, sentenceStarts) = runningText(gold, sentencesPerParagraph: sentencesPerParagraph)
        let nw = nonSpaceIndexes(text)
        let expected = goldSpans(gold, sentenceStarts: sentenceStarts, nw)
        let doc = analyzer.analyze(text)
        let system = systemSpans(doc, nw)
        return Result(tokens: score(expected.tokens, system.tokens), words: score(expected.words, system.words),
                      sentences: score(expected.sentences, system.sentences),
                      mismatches: mismatches(gold, expected, doc, system))
    }

    /// The gold sentences as running text (`sentencesPerParagraph` to a paragraph) and the
    /// byte where each starts.
    static func runningText(_ gold: [GoldSentence], sentencesPerParagraph: Int) -> (text: [UInt8], starts: [Int]) {
        var text: [UInt8] = []
        var sentenceStarts: [Int] = []
        for (k, s) in gold.enumerated() {
            if k > 0 { text.append(contentsOf: k % max(1, sentencesPerParagraph) == 0 ? [0x0A, 0x0A] : [0x20]) }
            sentenceStarts.append(text.count)
            text.append(contentsOf: s.text.utf8)
        }
        return (text, sentenceStarts)
    }

    /// The non-whitespace character index of every byte offset of `text` (and its end).
    static func nonSpaceIndexes(_ text: [UInt8]) -> [Int] {
        var nw = [Int](repeating: 0, count: text.count + 1)
        var count = 0
        for i in 0..<text.count {
            nw[i] = count
            let b = text[i]
            if b & 0xC0 != 0x80 && !isSpace(text, i) { count += 1 }
        }
        nw[text.count] = count
        return nw
    }

    /// The gold tokens, words and sentences as spans of non-whitespace characters.
    static func goldSpans(_ gold: [GoldSentence], sentenceStarts: [Int], _ nw: [Int]) -> Spans {
        var out = Spans()
        for (k, s) in gold.enumerated() {
            var pos = nw[sentenceStarts[k]]
            let first = pos
            for (t, form) in s.tokens.enumerated() {
                let len = nonSpaceCount(form)
                out.tokens.append(Span(start: pos, end: pos + len))
                appendWords(s.words[t], form, pos, &out.words)
                pos += len
            }
            out.sentences.append(Span(start: first, end: pos))
        }
        return out
    }

    /// Warta's tokens, words and sentences of `doc` as spans of non-whitespace characters.
    static func systemSpans(_ doc: Document, _ nw: [Int]) -> Spans {
        let map = doc.offsetMap
        func span(_ r: TextRange) -> Span {
            let o = map.originalRange(r.range)
            return Span(start: nw[o.lowerBound], end: nw[o.upperBound])
        }
        var out = Spans()
        for i in 0..<doc.tokens.count {
            out.tokens.append(span(TextRange(Int(doc.tokens.starts[i]), Int(doc.tokens.ends[i]))))
            for w in doc.wordRanges(ofToken: i) { out.words.append(span(w)) }
        }
        for r in doc.sentenceRanges { out.sentences.append(span(r)) }
        return out
    }

    /// The gold sentences Warta does not reproduce (tokens, words or boundary), as gold and
    /// system text, for --errors.
    static func mismatches(_ gold: [GoldSentence], _ expected: Spans, _ doc: Document, _ system: Spans) -> [(String, String)] {
        let sysTokenSet = Set(system.tokens), sysWordSet = Set(system.words), sysSentenceSet = Set(system.sentences)
        var mismatches: [(String, String)] = []
        var tokenIndex = 0
        var wordIndex = 0
        for (k, s) in gold.enumerated() {
            let g = expected.sentences[k]
            let own = expected.tokens[tokenIndex..<(tokenIndex + s.tokens.count)]
            tokenIndex += s.tokens.count
            let wordCount = s.words.reduce(0) { $0 + $1.count }
            let ownWords = expected.words[wordIndex..<(wordIndex + wordCount)]
            wordIndex += wordCount
            let tokensOK = own.allSatisfy { sysTokenSet.contains($0) }
            let wordsOK = ownWords.allSatisfy { sysWordSet.contains($0) }
            if tokensOK && wordsOK && sysSentenceSet.contains(g) { continue }
            let shown = (0..<doc.tokens.count).filter {
                let sp = system.tokens[$0]
                return sp.start >= g.start && sp.end <= g.end
            }.map { doc.wordRanges(ofToken: $0).map { doc.text($0) }.joined(separator: "+") }
            var marks = sysSentenceSet.contains(g) ? "" : "  [sentence boundary differs]"
            if !wordsOK && tokensOK { marks += "  [words differ]" }
            let goldText = zip(s.tokens, s.words).map { $1.count > 1 ? $1.joined(separator: "+") : $0 }
            mismatches.append((goldText.joined(separator: " · "), shown.joined(separator: " · ") + marks))
        }
        return mismatches
    }

    static func appendWords(_ words: [String], _ form: String, _ start: Int, _ out: inout [Span]) {
        let total = nonSpaceCount(form)
        if words.count == 1 { out.append(Span(start: start, end: start + total)); return }
        // Multiword token: words take consecutive characters when they spell the token.
        let lengths = words.map(nonSpaceCount)
        if lengths.reduce(0, +) == total && words.joined().lowercased() == form.lowercased() {
            var p = start
            for l in lengths { out.append(Span(start: p, end: p + l)); p += l }
        } else {
            for _ in words { out.append(Span(start: start, end: start + total)) }
        }
    }

    static func score(_ gold: [Span], _ system: [Span]) -> Score {
        var counts: [Span: Int] = [:]
        for g in gold { counts[g, default: 0] += 1 }
        var matched = 0
        for s in system {
            if let c = counts[s], c > 0 { matched += 1; counts[s] = c - 1 }
        }
        return Score(gold: gold.count, system: system.count, matched: matched)
    }

    static func nonSpaceCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars where !u.properties.isWhitespace { n += 1 }
        return n
    }

    static func isSpace(_ text: [UInt8], _ i: Int) -> Bool {
        let b = text[i]
        if b < 0x80 { return b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        guard let (c, _) = UTF8Decoder.decode(text.span, i) else { return false }
        return Unicode.Scalar(c)?.properties.isWhitespace ?? false
    }
}
