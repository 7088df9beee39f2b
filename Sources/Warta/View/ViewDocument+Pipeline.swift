import WartaEntities
import WartaHTML
import WartaQuotes
import WartaText

// The adapters from the pipeline's results to a ``ViewDocument``.

extension ViewDocument {
    /// The view of an analysed article: its metadata, its body, and `entities` and `quotes`
    /// found in the body (as `QuoteAttributor.analyze(_:mentions:resolver:)` gives them).
    public init(article result: ArticleResult, entities: [Entity], quotes: [Quote]) {
        self.init(document: result.document, entities: entities, quotes: quotes)
        let a = result.article
        title = a.title; site = a.siteName; section = a.section; url = a.url; language = a.language
        published = a.published.map(ViewDocument.displayTime)
        authors = a.authors; editors = a.editors
        dateline = a.dateline.map { $0.text.trimmingSpaces }
    }

    /// The view of an analysed text without article metadata.
    public init(document doc: Document, entities: [Entity], quotes: [Quote]) {
        self.init(text: doc.bytes)
        paragraphs = doc.paragraphRanges.map(\.range)
        let tokens = doc.tokens
        for (index, e) in entities.enumerated() {
            for m in e.mentions {
                let range = Int(tokens.starts[m.start])..<Int(tokens.ends[m.end - 1])
                mentions.append(Mention(range: range, type: e.type.rawValue, name: e.name, lexiconID: e.lexiconID.flatMap { $0.isEmpty ? nil : $0 },
                                        nested: m.isNested, entity: index))
            }
        }
        mentions.sort { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) }
        statements = quotes.map(ViewDocument.statement)
    }

    private static func statement(_ q: Quote) -> Statement {
        let speaker = q.speaker.map {
            Attribution(name: $0.name, role: $0.role, resolvedBy: $0.resolvedBy.rawValue, mention: $0.mention.range)
        }
        return Statement(kind: Statement.Kind(rawValue: q.kind.rawValue) ?? .direct, parts: q.parts.map(\.range),
                         cue: q.cue?.range.range, cueLemma: q.cue?.lemma, speaker: speaker)
    }
}
