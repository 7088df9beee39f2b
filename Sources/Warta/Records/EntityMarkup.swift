import WartaEntities
import WartaText

/// Tags pre-tokenized sentences (one token per line, blank lines between sentences, as NER
/// datasets are written) and gives one IOB2 tag per given token, keeping the tokens exactly:
/// the output has one line for each line of the input, so it lines up with the input and its
/// gold tags line by line (blank lines, repeated or leading, stay where they were). A
/// `-DOCSTART-` line (CoNLL 2003) is tagged `O` and starts a new document: what the tagger
/// reads from the rest of a document (names repeated elsewhere in it) stays inside it.
public enum PretokenizedTagging {
    /// `token<TAB>tag` lines for CoNLL input (only the first column of each line is read).
    public static func tag(conll: String, pipeline: Pipeline) -> String {
        let tagger = EntityTagger(lexicon: pipeline.configuration.entityLexicon,
                                  commonWords: pipeline.configuration.tokenizerLexicon.commonWords,
                                  speakerCues: pipeline.configuration.speakerCueKeys,
                                  subjectVerbs: pipeline.configuration.subjectVerbKeys,
                                  model: pipeline.configuration.entityModel.model)
        let analyzer = TextAnalyzer(lexicon: pipeline.configuration.tokenizerLexicon)
        // Each input line: its token, or nil for a blank one. Lines split on bytes: as a
        // Character, "\r\n" is one grapheme and never equals "\n".
        var lines: [String?] = conll.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { raw in
            let line = raw.last == 0x0D ? raw.dropLast() : raw[...]
            return line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).first.map { String(decoding: $0, as: UTF8.self) }
        }
        // The text ends with a newline: no line after it.
        if conll.utf8.last == 0x0A { lines.removeLast() }
        var tags = [String](repeating: "O", count: lines.count)
        var start = 0
        while start < lines.count {
            var end = start
            while end < lines.count, lines[end] != "-DOCSTART-" { end += 1 }
            if end > start { tagDocument(lines, start..<end, into: &tags, tagger: tagger, analyzer: analyzer) }
            start = end + 1
        }
        var out = ""
        for (line, tag) in zip(lines, tags) { out += line.map { $0 + "\t" + tag + "\n" } ?? "\n" }
        return out
    }

    /// Tags the token lines of `range` of `lines` as one document, writing their tags into `tags`.
    static func tagDocument(_ lines: [String?], _ range: Range<Int>, into tags: inout [String], tagger: EntityTagger,
                            analyzer: TextAnalyzer) {
        // One paragraph per sentence, its tokens joined as news writes them (``Detokenizer``);
        // each token's line and byte span.
        var text: [UInt8] = []
        var tokens: [(line: Int, span: Range<Int>, sentence: Int)] = []
        var sentence = 0, open = false
        var spacing = Detokenizer()
        for k in range {
            guard let t = lines[k] else {
                if open { sentence += 1; open = false; spacing = Detokenizer() }
                continue
            }
            if !open && !text.isEmpty { text += [0x0A, 0x0A] }
            if spacing.spaceBefore(t.utf8) { text.append(0x20) }
            let s = text.count
            text += t.utf8
            tokens.append((k, s..<text.count, sentence))
            open = true
        }
        guard !tokens.isEmpty else { return }
        let doc = analyzer.analyze(text)
        // Each mention's span in the text, PER, ORG and LOC only (FAC counts as LOC).
        var labelled: [(Range<Int>, String)] = []
        for m in tagger.tag(doc) {
            let type: String
            switch m.type {
            case .per: type = "PER"
            case .org: type = "ORG"
            case .loc, .fac: type = "LOC"
            default: continue
            }
            labelled.append((doc.offsetMap.originalRange(Int(doc.tokens.starts[m.start])..<Int(doc.tokens.ends[m.end - 1])), type))
        }
        joinGluedAcronyms(&labelled, tokens: tokens, text: text)
        var li = 0
        var previous: (mention: Int, sentence: Int)? = nil
        for t in tokens {
            while li < labelled.count, labelled[li].0.upperBound <= t.span.lowerBound { li += 1 }
            if li < labelled.count, labelled[li].0.lowerBound < t.span.upperBound, labelled[li].0.upperBound > t.span.lowerBound {
                let inside = previous.map { $0.mention == li && $0.sentence == t.sentence } ?? false
                tags[t.line] = (inside ? "I-" : "B-") + labelled[li].1
                previous = (li, t.sentence)
            } else {
                previous = nil
            }
        }
    }

    /// Joins to the name before it each acronym the given tokens glue to its brackets
    /// (`Bursa Efek Indonesia` + `(BEI)`): the tagger makes the acronym a mention of its own,
    /// but a given token `(BEI)` cannot hold it without its brackets, and datasets tokenized
    /// so write it inside the organization's or place's name (IDNer train: 37 of 43 such
    /// tokens after an organization or a place, 1 of 21 after a person: `Joko Widodo` `(Jokowi)`).
    /// Only an acronym of the same type whose token is `(`, the acronym, `)` and at most one
    /// punctuation mark, right after the token where the name ends.
    static func joinGluedAcronyms(_ labelled: inout [(Range<Int>, String)],
                                  tokens: [(line: Int, span: Range<Int>, sentence: Int)], text: [UInt8]) {
        guard labelled.count > 1 else { return }
        var at = 0
        var kept = [labelled[0]]
        for next in labelled.dropFirst() {
            let name = kept[kept.count - 1]
            while at < tokens.count, tokens[at].span.upperBound <= next.0.lowerBound { at += 1 }
            if name.1 != "PER", name.1 == next.1, at > 0, at < tokens.count,
               tokens[at - 1].span.upperBound == name.0.upperBound, tokens[at - 1].sentence == tokens[at].sentence,
               isGluedInBrackets(next.0, token: tokens[at].span, text: text) {
                kept[kept.count - 1].0 = name.0.lowerBound..<next.0.upperBound
            } else {
                kept.append(next)
            }
        }
        labelled = kept
    }

    /// Whether token `token` of `text` is `(`, `span`, `)` and at most one more byte of
    /// punctuation (`(BEI),`).
    static func isGluedInBrackets(_ span: Range<Int>, token: Range<Int>, text: [UInt8]) -> Bool {
        guard token.lowerBound + 1 == span.lowerBound, text[token.lowerBound] == 0x28,
              span.upperBound < token.upperBound, text[span.upperBound] == 0x29 else { return false }
        let rest = token.upperBound - span.upperBound - 1
        return rest == 0 || rest == 1 && [0x2C, 0x2E, 0x3B, 0x3A].contains(text[token.upperBound - 1])
    }
}

/// Running text with each mention marked as `[TYPE words]`; nested mentions sit inside their
/// outer one (`[ORG DPRD [LOC Kota Semarang]]`), and a mention overlapping another without
/// lying inside it is left out.
public enum EntityMarkup {
    /// How a mark opens and closes.
    public struct Style: Sendable {
        /// The bytes before a mention of a type.
        public var open: @Sendable (EntityType) -> [UInt8]
        /// The bytes after a mention of a type; the second type is the enclosing mention's, if any.
        public var close: @Sendable (EntityType, EntityType?) -> [UInt8]
        /// A style from its two parts.
        public init(open: @escaping @Sendable (EntityType) -> [UInt8],
                    close: @escaping @Sendable (EntityType, EntityType?) -> [UInt8]) {
            self.open = open; self.close = close
        }
        /// `[TYPE words]`.
        public static let brackets = Style(open: { Array("[\($0.rawValue) ".utf8) }, close: { _, _ in [0x5D] })
    }

    /// `doc`'s text with `mentions` (in the order `EntityTagger.tag` gives them) marked in `style`.
    public static func mark(_ doc: Document, _ mentions: [EntityMention], style: Style = .brackets) -> String {
        let text = doc.bytes
        var out: [UInt8] = []
        out.reserveCapacity(text.count + mentions.count * 8)
        var cursor = 0
        var open: [(end: Int, type: EntityType)] = []  // the mentions still open, innermost last
        func closeUntil(_ offset: Int) {
            while let last = open.last, last.end <= offset {
                out += text[cursor..<last.end]
                open.removeLast()
                out += style.close(last.type, open.last?.type)
                cursor = last.end
            }
        }
        for m in mentions {
            let s = Int(doc.tokens.starts[m.start]), e = Int(doc.tokens.ends[m.end - 1])
            closeUntil(s)
            guard s >= cursor, open.last.map({ e <= $0.end }) ?? true else { continue }
            out += text[cursor..<s]
            out += style.open(m.type)
            cursor = s
            open.append((e, m.type))
        }
        closeUntil(Int.max)
        out += text[cursor...]
        return String(decoding: out, as: UTF8.self)
    }
}
