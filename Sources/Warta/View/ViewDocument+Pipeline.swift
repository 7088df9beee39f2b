import WartaEntities
import WartaHTML
import WartaQuotes
import WartaText

// The adapters from the pipeline's results to a ``ViewDocument``.

extension ViewDocument {
    /// The view of an analysed document: its article metadata, its text, entities and quotes.
    public init(_ analyzed: AnalyzedDocument) {
        self.init(article: analyzed.article, document: analyzed.document, entities: analyzed.entities, quotes: analyzed.quotes)
    }

    /// The view of analysed text `doc`, with `article`'s metadata when it was read as an article.
    public init(article: Article?, document doc: Document, entities: [Entity], quotes: [Quote]) {
        self.init(text: doc.bytes)
        paragraphs = doc.paragraphRanges.map(\.range)
        mentions = ViewDocument.mentions(entities, doc.tokens)
        statements = quotes.map(ViewDocument.statement)
        if let article { setMetadata(article) }
    }

    private mutating func setMetadata(_ a: Article) {
        title = a.title; site = a.siteName; section = a.section; url = a.url; language = a.language
        published = a.published.map(ViewDocument.displayTime)
        authors = a.authors; editors = a.editors
        dateline = a.dateline.map { $0.text.trimmingSpaces }
    }

    /// Every mention of `entities` as a byte range, in text order (a container before what it holds).
    private static func mentions(_ entities: [Entity], _ tokens: TokenTable) -> [Mention] {
        var out: [Mention] = []
        for (index, e) in entities.enumerated() {
            let lexiconID = e.lexiconID.flatMap { $0.isEmpty ? nil : $0 }
            for m in e.mentions {
                let range = Int(tokens.starts[m.start])..<Int(tokens.ends[m.end - 1])
                out.append(Mention(range: range, type: e.type.rawValue, name: e.name, lexiconID: lexiconID,
                                   nested: m.isNested, entity: index))
            }
        }
        return out.sorted { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
    }

    private static func statement(_ q: Quote) -> Statement {
        let speaker = q.speaker.map {
            Attribution(name: $0.name, role: $0.role, resolvedBy: $0.resolvedBy.rawValue, mention: $0.mention.range)
        }
        return Statement(kind: Statement.Kind(rawValue: q.kind.rawValue) ?? .direct, parts: q.parts.map(\.range),
                         cue: q.cue?.range.range, cueLemma: q.cue?.lemma, speaker: speaker)
    }
}
