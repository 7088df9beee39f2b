import WartaEntities
import WartaQuotes
import WartaText

/// The quotes of one document with the entities their speakers point to.
public struct QuoteAnalysis: Sendable {
    /// The analysed text.
    public let document: Document
    /// The document's entities.
    public let entities: [Entity]
    /// Its quotes in text order.
    public let quotes: [Quote]

    /// Tags `document` with `tagger` and attributes its quotes with `attributor`.
    public init(_ document: Document, tagger: EntityTagger = EntityTagger(), attributor: QuoteAttributor = QuoteAttributor()) {
        self.document = document
        (_, entities, quotes) = attributor.analyze(document, mentions: tagger.tag(document))
    }

    /// A listing for a person: one block per quote with its kind, speaker, how the speaker was
    /// found, the cue, and the statement (“…” around direct words).
    public var listing: String {
        var out = ""
        for (k, q) in quotes.enumerated() {
            let who: String
            if let s = q.speaker {
                var parts = [s.name ?? "(\(document.text(s.mention)))"]
                if let role = s.role { parts.append(role) }
                who = parts.joined(separator: ", ") + "  [\(s.resolvedBy.rawValue): \(document.text(s.mention))]"
            } else {
                who = "(speaker unknown)"
            }
            let cue = q.cue.map { " · \(document.text($0.range))" } ?? ""
            let text = q.parts.map { document.text($0) }.joined(separator: " … ")
            out += "\(k + 1). \(q.kind.rawValue)\(cue) · \(who)\n"
            out += q.kind == .indirect ? "   \(text)\n\n" : "   “\(text)”\n\n"
        }
        return out.isEmpty ? "no quotes\n" : out
    }
}
