import WartaText

/// Writes documents as CoNLL-U: `# newdoc`, `# newpar`, `# sent_id`, `# text`, one line
/// per token with multiword-token lines for clitics (as UD Indonesian writes them), and
/// `SpaceAfter=No` in MISC. Columns other than ID, FORM and MISC are `_`.
public struct CoNLLUWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Appends `document` to `out`; sentence ids are `docID-N` when `docID` is given.
    public func write(_ doc: Document, docID: String?, to out: inout [UInt8]) {
        if let docID { append("# newdoc id = \(docID)\n", &out) }
        let t = doc.tokens
        doc.bytes.withUnsafeBufferPointer { text in
            var paragraph = -1
            for s in 0..<doc.sentenceRanges.count {
                let range = doc.sentenceRanges[s]
                while paragraph + 1 < doc.paragraphRanges.count,
                      doc.paragraphRanges[paragraph + 1].start <= range.start {
                    paragraph += 1
                    append("# newpar\n", &out)
                }
                append("# sent_id = ", &out)
                if let docID { append(docID + "-", &out) }
                append(String(s + 1), &out)
                append("\n# text = ", &out)
                for b in text[range.range] { out.append(b == 0x0A ? 0x20 : b) }
                out.append(0x0A)
                var id = 1
                let tokens = Int(doc.sentenceTokenStarts[s])..<Int(doc.sentenceTokenStarts[s + 1])
                for i in tokens {
                    let end = Int(t.ends[i])
                    let spaceAfter = end >= text.count || text[end] == 0x20 || text[end] == 0x0A
                    let words = doc.wordRanges(ofToken: i)
                    if words.count > 1 {
                        append("\(id)-\(id + words.count - 1)\t", &out)
                        out.append(contentsOf: text[Int(t.starts[i])..<end])
                        append("\t_\t_\t_\t_\t_\t_\t_\t", &out)
                        append(spaceAfter ? "_\n" : "SpaceAfter=No\n", &out)
                        for w in words {
                            append("\(id)\t", &out)
                            out.append(contentsOf: text[w.range])
                            append("\t_\t_\t_\t_\t_\t_\t_\t_\n", &out)
                            id += 1
                        }
                    } else {
                        append("\(id)\t", &out)
                        out.append(contentsOf: text[Int(t.starts[i])..<end])
                        append("\t_\t_\t_\t_\t_\t_\t_\t", &out)
                        append(spaceAfter ? "_\n" : "SpaceAfter=No\n", &out)
                        id += 1
                    }
                }
                out.append(0x0A)
            }
        }
    }

    /// Appends one sentence per line, tokens separated by spaces (`--format text`).
    public func writePlain(_ doc: Document, to out: inout [UInt8]) {
        out.append(contentsOf: plainLines(doc))
    }

    /// One sentence per line, tokens separated by spaces, in one allocation written through a
    /// pointer (at most each byte of the text and a space or newline per token, and 16 bytes
    /// of slack for the copies).
    public func plainLines(_ doc: Document) -> [UInt8] {
        let capacity = doc.bytes.count + doc.tokens.count + doc.sentenceRanges.count + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = doc.withColumns { c in CoNLLUWriter.plain(c, into: buffer.baseAddress!) }
        }
    }

    /// Writes the tokens of `c`, a sentence a line, to `out` (with 16 bytes to spare); returns
    /// the bytes written. A token of up to 16 bytes is copied as one 16-byte load and store
    /// (the next token or separator overwrites the rest), not a call to `memmove`.
    private static func plain(_ c: DocumentColumns, into out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let text = c.bytes.baseAddress else { return 0 }
        let wideEnd = c.bytes.count - 16
        let raw = UnsafeMutableRawPointer(out)
        var n = 0
        for s in 0..<max(0, c.sentenceTokenStarts.count - 1) {
            let first = Int(c.sentenceTokenStarts[s]), end = Int(c.sentenceTokenStarts[s + 1])
            for i in first..<end {
                if i > first { out[n] = 0x20; n &+= 1 }
                let a = Int(c.starts[i]), len = Int(c.ends[i]) - a
                if len <= 16 && a <= wideEnd {
                    raw.storeBytes(of: UnsafeRawPointer(text + a).loadUnaligned(as: SIMD16<UInt8>.self), toByteOffset: n, as: SIMD16<UInt8>.self)
                } else {
                    (out + n).update(from: text + a, count: len)
                }
                n &+= len
            }
            out[n] = 0x0A
            n &+= 1
        }
        return n
    }

    @inline(__always)
    private func append(_ s: String, _ out: inout [UInt8]) {
        out.append(contentsOf: s.utf8)
    }
}
