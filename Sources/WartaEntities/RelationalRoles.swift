import WartaText

/// Titles that name someone's representative: `juru bicara` and `jubir` (spokesperson), `kuasa
/// hukum` (lawyer), `staf khusus` (special aide). The name right after one is whose
/// representative it is (`kuasa hukum Hendrogiarto` is Hendrogiarto's lawyer), and a name set
/// off by commas after that is the representative (`Juru Bicara Presiden Joko Widodo, Fadjroel
/// Rachman,`): neither takes the title as the name after `Kepala Dinas` does.
package enum RelationalRoles {
    /// The titles, word by word, in lower case.
    static let titles: [[[UInt8]]] = [["juru", "bicara"], ["jubir"], ["kuasa", "hukum"], ["staf", "khusus"]]
        .map { $0.map { Array($0.utf8) } }

    /// The number of tokens of the title at token `start` (in any case), or 0 when none is there.
    package static func length(at start: Int, in c: DocumentColumns) -> Int {
        for title in titles where start >= 0 && start + title.count <= c.starts.count {
            if title.indices.allSatisfy({ isWord(start + $0, title[$0], c) }) { return title.count }
        }
        return 0
    }

    /// The first token of the title that ends right before token `end`, or nil.
    package static func start(endingBefore end: Int, in c: DocumentColumns) -> Int? {
        for title in titles where end - title.count >= 0 && end <= c.starts.count {
            let s = end - title.count
            if title.indices.allSatisfy({ isWord(s + $0, title[$0], c) }) { return s }
        }
        return nil
    }

    /// Whether token `t` is the lower-case ASCII `word` in any case.
    static func isWord(_ t: Int, _ word: [UInt8], _ c: DocumentColumns) -> Bool {
        isWordInAnyCase(c.bytes, Int(c.starts[t]), Int(c.ends[t]), word)
    }
}
