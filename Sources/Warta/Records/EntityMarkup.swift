import WartaEntities
import WartaText

/// Tags pre-tokenized sentences (one token per line, blank lines between sentences, as NER
/// datasets are written) and gives one IOB2 tag per given token, keeping the tokens exactly.
public enum PretokenizedTagging {
    /// `token<TAB>tag` lines for CoNLL input (only the first column of each line is read).
    public static func tag(conll: String, pipeline: Pipeline) -> String {
        let tagger = EntityTagger(lexicon: pipeline.configuration.entityLexicon,
                                  commonWords: pipeline.configuration.tokenizerLexicon.commonWords,
                                  speakerCues: pipeline.configuration.speechVerbs.speakerCueKeys,
                                  model: pipeline.configuration.entityModel.model)
        let analyzer = TextAnalyzer(lexicon: pipeline.configuration.tokenizerLexicon)
        var sentences: [[String]] = [[]]
        // Lines split on bytes: as a Character, "\r\n" is one grapheme and never equals "\n".
        for raw in conll.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = raw.last == 0x0D ? raw.dropLast() : raw[...]
            let token = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).first.map { String(decoding: $0, as: UTF8.self) }
            if let token { sentences[sentences.count - 1].append(token) } else if !sentences[sentences.count - 1].isEmpty {
                sentences.append([])
            }
        }
        if sentences.last?.isEmpty == true { sentences.removeLast() }
        // One paragraph per sentence, tokens joined by spaces; remember each token's byte span.
        var text: [UInt8] = []
        var spans: [[Range<Int>]] = []
        for s in sentences {
            if !text.isEmpty { text += [0x0A, 0x0A] }
            var row: [Range<Int>] = []
            for (k, t) in s.enumerated() {
                if k > 0 { text.append(0x20) }
                let start = text.count
                text += t.utf8
                row.append(start..<text.count)
            }
            spans.append(row)
        }
        let doc = analyzer.analyze(text)
        let mentions = tagger.tag(doc)
        // Each mention's span in the input bytes.
        var labelled: [(Range<Int>, String)] = []
        for m in mentions {
            let type: String
            switch m.type {
            case .per: type = "PER"
            case .org: type = "ORG"
            case .loc, .fac: type = "LOC"
            default: continue
            }
            let r = doc.offsetMap.originalRange(Int(doc.tokens.starts[m.start])..<Int(doc.tokens.ends[m.end - 1]))
            labelled.append((r, type))
        }
        var out = ""
        var li = 0
        for (s, row) in zip(sentences, spans) {
            var previous: (Int, String)? = nil
            for (t, span) in zip(s, row) {
                while li < labelled.count, labelled[li].0.upperBound <= span.lowerBound { li += 1 }
                var tag = "O"
                if li < labelled.count, labelled[li].0.lowerBound < span.upperBound, labelled[li].0.upperBound > span.lowerBound {
                    let type = labelled[li].1
                    tag = (previous?.0 == li ? "I-" : "B-") + type
                    previous = (li, type)
                } else {
                    previous = nil
                }
                out += t + "\t" + tag + "\n"
            }
            out += "\n"
        }
        return out
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
