import WartaQuotes
import WartaText

/// Writes a document's quotes for a person to read: one block per quote with its kind, cue,
/// speaker, how the speaker was found, and the statement (“…” around direct words).
public struct QuoteListing: Sendable {
    /// Creates a listing writer.
    public init() {}

    /// The listing of `analyzed`'s quotes (`no quotes` when it has none).
    public func text(_ analyzed: AnalyzedDocument) -> String {
        let document = analyzed.document
        var out = ""
        for (k, q) in analyzed.quotes.enumerated() {
            let cue = q.cue.map { " · \(document.text($0.range))" } ?? ""
            let text = q.parts.map { document.text($0) }.joined(separator: " … ")
            out += "\(k + 1). \(q.kind.rawValue)\(cue) · \(speaker(q.speaker, document))\n"
            out += q.kind == .indirect ? "   \(text)\n\n" : "   “\(text)”\n\n"
        }
        return out.isEmpty ? "no quotes\n" : out
    }

    /// `Name, role  [how: mention]`, or `(speaker unknown)`.
    private func speaker(_ speaker: Speaker?, _ document: Document) -> String {
        guard let s = speaker else { return "(speaker unknown)" }
        var parts = [s.name ?? "(\(document.text(s.mention)))"]
        if let role = s.role { parts.append(role) }
        return parts.joined(separator: ", ") + "  [\(s.resolvedBy.rawValue): \(document.text(s.mention))]"
    }
}
