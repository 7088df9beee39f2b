import WartaEntities
import WartaHTML
import WartaQuotes
import WartaText

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Provenance written into a record: its `source` and passed-through `meta`.
public struct RecordContext: Sendable {
    /// Where the document came from.
    public var source: SourceInfo?
    /// A JSON object of input fields Warta does not use.
    public var meta: [UInt8]?
    /// Creates a context.
    public init(source: SourceInfo?, meta: [UInt8]? = nil) { self.source = source; self.meta = meta }
}

/// Writes one JSON Lines record per document from the layers it has: it runs nothing.
/// Offsets are Unicode code points into the record's `text`, converted once here.
public struct RecordWriter: Sendable {
    /// Add `tokens` (every token's span and kind).
    public var tokens: Bool

    /// Creates a writer.
    public init(tokens: Bool = false) { self.tokens = tokens }

    /// Appends the record of `doc` (and a newline) to `out`: its article metadata when it was
    /// read as an article, then its text layers, entities and quotes when it has them.
    public func write(_ doc: AnalyzedDocument, to writer: inout JSONWriter) {
        writer.appending { write(doc, &$0) }
    }

    private func write(_ doc: AnalyzedDocument, _ out: inout JSONAppender) {
        out.reserve(estimatedSize(doc))
        out.raw("{")
        out.key("id"); out.string(doc.id)
        out.raw(",\"status\":\"ok\",")
        writeContext(doc.context, &out)
        if let article = doc.article { writeArticle(article, &out) } else { field("language", doc.language, &out) }
        if !doc.skippedStages.isEmpty { out.key("skipped_stages"); strings(doc.skippedStages, &out); out.raw(",") }
        writeAnalysis(doc, to: &out)
        out.raw("}\n")
    }

    /// About the size of a record of `doc`, a little more for most, so that the buffer seldom
    /// grows while it is written (records run three to five times their text's bytes).
    private func estimatedSize(_ doc: AnalyzedDocument) -> Int {
        let text = doc.document.bytes.count
        return 4 * text + 2048 + (tokens ? 24 * doc.document.tokens.count : 0)
    }

    /// The article's metadata fields, each followed by a comma.
    private func writeArticle(_ a: Article, _ out: inout JSONAppender) {
        out.key("page_type"); out.string(a.pageType.rawValue); out.raw(",")
        field("title", a.title, &out)
        field("url", a.url, &out)
        field("site_name", a.siteName, &out)
        field("section", a.section, &out)
        out.key("tags"); strings(a.tags, &out); out.raw(",")
        field("language", a.language, &out)
        field("published", a.published, &out)
        field("modified", a.modified, &out)
        out.key("authors"); strings(a.authors, &out); out.raw(",")
        out.key("editors"); strings(a.editors, &out); out.raw(",")
        out.key("dateline"); writeDateline(a.dateline, &out); out.raw(",")
        out.key("image"); writeImage(a.image, &out); out.raw(",")
        out.key("related"); out.raw("[")
        for (k, link) in a.related.enumerated() {
            if k > 0 { out.raw(",") }
            out.raw("{"); out.key("title"); out.string(link.title); out.raw(",")
            out.key("url"); out.string(link.url); out.raw("}")
        }
        out.raw("],")
        field("byline_initials", a.bylineInitials, &out)
        field("source_credit", a.sourceCredit, &out)
        out.key("page"); writePage(a.page, &out); out.raw(",")
        out.key("charset"); out.string(a.charset); out.raw(",")
    }

    private func writeDateline(_ dateline: Dateline?, _ out: inout JSONAppender) {
        guard let d = dateline else { out.raw("null"); return }
        out.raw("{")
        field("place", d.place, &out)
        field("publisher", d.publisher, &out)
        out.key("span"); out.raw("[0,")
        out.int(d.text.trimmingSpaces.unicodeScalars.count); out.raw("]}")
    }

    private func writeImage(_ image: LeadImage?, _ out: inout JSONAppender) {
        guard let img = image else { out.raw("null"); return }
        out.raw("{")
        field("url", img.url, &out)
        out.key("caption"); optional(img.caption, &out)
        out.raw("}")
    }

    private func writePage(_ page: Pagination?, _ out: inout JSONAppender) {
        guard let p = page else { out.raw("null"); return }
        out.raw("{"); out.key("number"); out.int(p.number); out.raw(",")
        out.key("of"); if let of = p.of { out.int(of) } else { out.raw("null") }
        out.raw(","); out.key("next_url"); optional(p.nextURL, &out); out.raw("}")
    }

    /// `"source": {…},` and `"meta": {…},` when known.
    private func writeContext(_ context: RecordContext?, _ out: inout JSONAppender) {
        guard let context else { return }
        if let src = context.source {
            out.key("source"); out.raw("{")
            out.key("path"); out.string(src.path)
            if let line = src.line { out.raw(","); out.key("line"); out.int(line) }
            if let url = src.url { out.raw(","); out.key("url"); out.string(url) }
            if let id = src.recordID { out.raw(","); out.key("warc_record_id"); out.string(id) }
            if let date = src.date { out.raw(","); out.key("warc_date"); out.string(date) }
            if let fetched = src.fetchedAt { out.raw(","); out.key("fetched_at"); out.string(fetched) }
            out.raw(","); out.key("truncated"); out.bool(src.truncated)
            out.raw("},")
        }
        if let meta = context.meta {
            out.key("meta"); out.raw(meta); out.raw(",")
        }
    }

    private func field(_ key: StaticString, _ value: String?, _ out: inout JSONAppender) {
        out.key(key)
        optional(value, &out)
        out.raw(",")
    }

    private func optional(_ value: String?, _ out: inout JSONAppender) {
        if let value { out.string(value) } else { out.raw("null") }
    }

    private func strings(_ values: [String], _ out: inout JSONAppender) {
        out.raw("[")
        let values = values.span
        for k in values.indices {
            if k > 0 { out.raw(",") }
            out.string(values[k])
        }
        out.raw("]")
    }

    /// Appends `"text"`, `"paragraphs"`, `"sentences"`, and the `"tokens"`, `"entities"` and
    /// `"quotes"` the document has, then `"stats"`.
    private func writeAnalysis(_ analyzed: AnalyzedDocument, to out: inout JSONAppender) {
        let doc = analyzed.document
        doc.bytes.withUnsafeBufferPointer { text in
            var cp = CodePointIndex(text)
            out.key("text"); out.string(utf8: text)
            out.raw(",")
            out.key("paragraphs")
            writeRanges(doc.paragraphRanges, &cp, &out)
            out.raw(",")
            out.key("sentences")
            writeRanges(doc.sentenceRanges, &cp, &out)
            if tokens {
                out.raw(",")
                writeTokens(doc, &cp, &out)
            }
            if analyzed.layers.contains(.entities) {
                out.raw(",")
                writeEntities(analyzed.entities, doc, text, &cp, &out)
            }
            if analyzed.layers.contains(.quotes) {
                out.raw(",")
                writeQuotes(analyzed.quotes, analyzed.entities, text, &cp, &out)
            }
            out.raw(",")
            writeStats(analyzed, text.count, &cp, &out)
        }
    }

    /// `"tokens": [[s,e,"kind"],…]`, a token with clitics with its words' spans as a fourth element.
    private func writeTokens(_ doc: Document, _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        out.key("tokens")
        out.byte(0x5B)
        let t = doc.tokens
        out.reserve(t.count * 24)
        for i in 0..<t.count {
            if i > 0 { out.byte(0x2C) }
            out.byte(0x5B)
            out.int(cp.codePoint(Int(t.starts[i]))); out.byte(0x2C)
            out.int(cp.codePoint(Int(t.ends[i]))); out.byte(0x2C)
            out.raw(RecordWriter.kindJSON[Int(t.kinds[i].rawValue)])
            if t.clitic(i).isSplit {
                out.byte(0x2C)
                writeRanges(doc.wordRanges(ofToken: i), &cp, &out)
            }
            out.byte(0x5D)
        }
        out.byte(0x5D)
    }

    /// `"stats": {…}`: sizes and what normalization repaired.
    private func writeStats(_ analyzed: AnalyzedDocument, _ textBytes: Int, _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        let doc = analyzed.document, repairs = analyzed.repairs
        out.key("stats")
        out.raw("{")
        out.key("bytes"); out.int(analyzed.inputBytes); out.raw(",")
        out.key("chars"); out.int(cp.codePoint(textBytes)); out.raw(",")
        out.key("paragraphs"); out.int(doc.paragraphRanges.count); out.raw(",")
        out.key("sentences"); out.int(doc.sentenceRanges.count); out.raw(",")
        out.key("tokens"); out.int(doc.tokens.count); out.raw(",")
        out.key("invalid_utf8"); out.int(repairs.invalidUTF8); out.raw(",")
        out.key("mojibake_repaired"); out.int(repairs.mojibakeRepaired); out.raw(",")
        out.key("invisible_removed"); out.int(repairs.removed); out.raw(",")
        out.key("recomposed"); out.int(repairs.recomposed)
        out.raw("}")
    }

    /// Appends an error record (and a newline) to `out`.
    public func writeError(id: String, error: WartaError, context: RecordContext? = nil, to writer: inout JSONWriter) {
        writer.appending { writeError(id: id, error: error, context: context, &$0) }
    }

    private func writeError(id: String, error: WartaError, context: RecordContext?, _ out: inout JSONAppender) {
        out.raw("{")
        out.key("id"); out.string(id)
        out.raw(",\"status\":\"error\",")
        writeContext(context, &out)
        out.key("error")
        out.raw("{")
        out.key("code"); out.string(error.code); out.raw(",")
        out.key("message"); out.string(error.message)
        out.raw("}}\n")
    }

    /// `"entities": [{"id", "type", "subtype", "name", "lexicon_id", "roles", "mentions": [{"span", "text"}]}]`.
    /// Entities and mentions are read in place (a copy of each cost more than writing it).
    private func writeEntities(_ entities: [Entity], _ doc: Document, _ text: UnsafeBufferPointer<UInt8>,
                               _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        out.key("entities"); out.raw("[")
        let entities = entities.span
        for k in entities.indices {
            if k > 0 { out.raw(",") }
            out.raw("{"); out.key("id"); out.string(entities[k].id); out.raw(",")
            out.key("type"); out.string(entities[k].type.rawValue); out.raw(",")
            out.key("subtype"); optional(entities[k].subtype, &out); out.raw(",")
            out.key("name"); out.string(entities[k].name); out.raw(",")
            out.key("lexicon_id")
            if let l = entities[k].lexiconID, !l.isEmpty { out.string(l) } else { out.raw("null") }
            out.raw(","); out.key("roles"); strings(entities[k].roles, &out)
            out.raw(","); out.key("mentions")
            writeMentions(entities[k].mentions, doc, text, &cp, &out)
            out.raw("}")
        }
        out.raw("]")
    }

    /// `[{"span": [s, e], "text": "…"}, …]`, with `"nested": true` on a nested mention.
    private func writeMentions(_ mentions: [EntityMention], _ doc: Document, _ text: UnsafeBufferPointer<UInt8>,
                               _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        out.raw("[")
        let mentions = mentions.span
        for j in mentions.indices {
            if j > 0 { out.raw(",") }
            let s = Int(doc.tokens.starts[mentions[j].start]), t = Int(doc.tokens.ends[mentions[j].end - 1])
            out.raw("{\"span\":[")
            out.int(cp.codePoint(s)); out.raw(","); out.int(cp.codePoint(t))
            out.raw("],\"text\":"); out.string(utf8: UnsafeBufferPointer(rebasing: text[s..<t]))
            if mentions[j].isNested { out.raw(",\"nested\":true") }
            out.raw("}")
        }
        out.raw("]")
    }

    /// `"quotes": [{"type", "text", "span", "parts", "cue": {"text", "lemma", "span"}, "speaker": {"name",
    /// "entity", "role", "affiliation", "mention": {"text", "span"}, "resolved_by"}}]`. Quotes are read in place.
    private func writeQuotes(_ quotes: [Quote], _ entities: [Entity], _ text: UnsafeBufferPointer<UInt8>, _ cp: inout CodePointIndex,
                             _ out: inout JSONAppender) {
        out.key("quotes"); out.raw("[")
        let quotes = quotes.span, entities = entities.span
        for k in quotes.indices {
            if k > 0 { out.raw(",") }
            out.raw("{"); out.key("type"); out.string(quotes[k].kind.rawValue); out.raw(",")
            let parts = quotes[k].parts
            out.key("text"); writeJoined(parts, text, &out); out.raw(",")
            out.key("span"); writeSpan(quotes[k].range, &cp, &out); out.raw(",")
            out.key("parts"); writeRanges(parts, &cp, &out)
            out.raw(","); out.key("cue"); writeCue(of: quotes, k, text, &cp, &out)
            out.raw(","); out.key("speaker"); writeSpeaker(of: quotes, k, entities, text, &cp, &out)
            out.raw("}")
        }
        out.raw("]")
    }

    /// One JSON string of the text of `parts` joined by single spaces.
    private func writeJoined(_ parts: [TextRange], _ text: UnsafeBufferPointer<UInt8>, _ out: inout JSONAppender) {
        out.byte(0x22)
        for j in parts.indices {
            if j > 0 { out.byte(0x20) }
            out.escaped(UnsafeBufferPointer(rebasing: text[parts[j].range]))
        }
        out.byte(0x22)
    }

    /// `{"text", "lemma", "span"}` of the cue of quote `k`, or `null`. The quote's fields are read in
    /// place, one by one (a copy of its cue or speaker cost more than writing it).
    private func writeCue(of quotes: Span<Quote>, _ k: Int, _ text: UnsafeBufferPointer<UInt8>, _ cp: inout CodePointIndex,
                          _ out: inout JSONAppender) {
        guard let range = quotes[k].cue?.range else { out.raw("null"); return }
        out.raw("{"); out.key("text"); out.string(utf8: UnsafeBufferPointer(rebasing: text[range.range])); out.raw(",")
        out.key("lemma"); optional(quotes[k].cue?.lemma, &out); out.raw(",")
        out.key("span"); writeSpan(range, &cp, &out); out.raw("}")
    }

    /// `{"name", "entity", "role", "affiliation", "mention": {"text", "span"}, "resolved_by"}` of the
    /// speaker of quote `k`, or `null`.
    private func writeSpeaker(of quotes: Span<Quote>, _ k: Int, _ entities: Span<Entity>, _ text: UnsafeBufferPointer<UInt8>,
                              _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        guard let mention = quotes[k].speaker?.mention else { out.raw("null"); return }
        out.raw("{"); out.key("name"); optional(quotes[k].speaker?.name, &out); out.raw(",")
        out.key("entity")
        if let e = quotes[k].speaker?.entity { out.string(entities[e].id) } else { out.raw("null") }
        out.raw(","); out.key("role"); optional(quotes[k].speaker?.role, &out); out.raw(",")
        out.key("affiliation"); optional(quotes[k].speaker?.affiliation, &out); out.raw(",")
        out.key("mention"); out.raw("{"); out.key("text"); out.string(utf8: UnsafeBufferPointer(rebasing: text[mention.range])); out.raw(",")
        out.key("span"); writeSpan(mention, &cp, &out); out.raw("},")
        out.key("resolved_by"); optional(quotes[k].speaker?.resolvedBy.rawValue, &out); out.raw("}")
    }

    /// `[s, e]` of `r` in code points.
    @inline(__always) private func writeSpan(_ r: TextRange, _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        out.byte(0x5B)
        out.int(cp.codePoint(Int(r.start)))
        out.byte(0x2C)
        out.int(cp.codePoint(Int(r.end)))
        out.byte(0x5D)
    }

    private func writeRanges(_ ranges: [TextRange], _ cp: inout CodePointIndex, _ out: inout JSONAppender) {
        out.byte(0x5B)
        let ranges = ranges.span
        for k in ranges.indices {
            if k > 0 { out.byte(0x2C) }
            writeSpan(ranges[k], &cp, &out)
        }
        out.byte(0x5D)
    }

    private static let kindJSON: [StaticString] = [
        "\"word\"", "\"number\"", "\"punctuation\"", "\"symbol\"", "\"url\"", "\"email\"", "\"mention\"",
        "\"hashtag\"", "\"abbreviation\"",
    ]
}
