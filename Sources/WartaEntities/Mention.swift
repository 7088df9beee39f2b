import WartaText

/// A mention as the tagger's passes build and move it: a token range and a type, with its
/// subtype, lexicon id and role as references (``MentionText``) rather than strings, so that
/// copying one, which every pass does many times, copies no reference-counted storage.
/// ``Scan/entityMention(_:)`` turns it into the public ``EntityMention``.
struct Mention: Equatable {
    /// First token.
    var start: Int
    /// One past the last token.
    var end: Int
    /// Type.
    var type: EntityType
    /// Subtype (`city`, `ministry`, …).
    var subtype: MentionText
    /// The lexicon entry's identifier.
    var lexiconID: MentionText
    /// The role standing before a person.
    var role: MentionText
    /// Whether the mention lies inside a longer one.
    var isNested = false

    init(start: Int, end: Int, type: EntityType, subtype: MentionText = .none, lexiconID: MentionText = .none,
         role: MentionText = .none) {
        self.start = start; self.end = end; self.type = type
        self.subtype = subtype; self.lexiconID = lexiconID; self.role = role
    }
}

/// Where one of a mention's strings is (``Scan/string(_:)`` reads it): nowhere (no value), a
/// lexicon entry's subtype or id, a byte range of the document's text, a token's match key,
/// the subtype `media`, or a string the scan keeps (``Scan/interned``).
struct MentionText: Equatable {
    enum Source: UInt8 { case none, entrySubtype, entryID, document, key, media, interned }

    var source: Source
    /// The entry, the first byte, the token or the interned string.
    var a: Int32
    /// One past the last byte (``Source/document``).
    var b: Int32

    /// No value (`nil` in the public mention).
    static let none = MentionText(source: .none, a: 0, b: 0)
    /// The subtype of a dateline's publisher.
    static let media = MentionText(source: .media, a: 0, b: 0)

    /// The subtype of `entry` (nil in the public mention when the entry has none).
    static func subtype(of entry: LexiconEntry) -> MentionText { MentionText(source: .entrySubtype, a: entry.index, b: 0) }
    /// The id of `entry` (possibly empty).
    static func id(of entry: LexiconEntry) -> MentionText { MentionText(source: .entryID, a: entry.index, b: 0) }
    /// The match key of token `t`.
    static func key(of t: Int) -> MentionText { MentionText(source: .key, a: Int32(t), b: 0) }

    /// Whether there is no value.
    var isNone: Bool { source == .none }
}

extension Scan {
    /// The string `t` refers to, or nil.
    @inline(__always) func string(_ t: MentionText) -> String? { t.isNone ? nil : storedString(t) }

    /// ``string(_:)`` of a reference that is not ``MentionText/none``.
    private func storedString(_ t: MentionText) -> String? {
        switch t.source {
        case .none: return nil
        case .entrySubtype:
            let subtype = lexicon.subtype(ofEntry: Int(t.a))
            return subtype.isEmpty ? nil : subtype
        case .entryID: return lexicon.id(ofEntry: Int(t.a))
        case .document: return doc.text(TextRange(Int(t.a), Int(t.b)))
        case .key: return key(Int(t.a))
        case .media: return "media"
        case .interned: return interned[Int(t.a)]
        }
    }

    /// The public mentions, by start and then longest first; mentions of the same tokens keep
    /// the order they have (as a stable sort leaves them).
    func entityMentions() -> [EntityMention] {
        let n = mentions.count, bits = 21
        // No mention, no array made in place: one of no elements is the runtime's shared empty
        // storage, whose count the initializer would write (a data race between threads).
        guard n > 0 else { return [] }
        guard n < 1 << bits, doc.tokens.count < 1 << bits else {
            return mentions.sorted(by: { ($0.start, $1.end) < ($1.start, $0.end) }).map(entityMention)
        }
        // One integer a mention, sorted as integers: its start, the complement of its end, its index.
        let low = UInt64(1 << bits - 1)
        var keys: [UInt64] = []
        keys.reserveCapacity(n)
        for k in 0..<n {
            keys.append(UInt64(mentions[k].start) << (2 * bits) | (low - UInt64(mentions[k].end)) << bits | UInt64(k))
        }
        keys.sort()
        // Each made in place (an append copies the mention and its strings, then drops the original).
        return [EntityMention](unsafeUninitializedCapacity: n) { buffer, count in
            for (j, key) in keys.enumerated() { (buffer.baseAddress! + j).initialize(to: entityMention(mentions[Int(key & low)])) }
            count = n
        }
    }

    /// The public mention of `m`, its references read as strings.
    @inline(__always) func entityMention(_ m: Mention) -> EntityMention {
        EntityMention(start: m.start, end: m.end, type: m.type, subtype: string(m.subtype), lexiconID: string(m.lexiconID),
                      role: string(m.role), isNested: m.isNested)
    }

    /// The subtype of `entry`, or none without an entry.
    func subtype(of entry: LexiconEntry?) -> MentionText { entry.map(MentionText.subtype(of:)) ?? .none }

    /// The id of `entry`, none when it has none (or without an entry).
    func listedID(of entry: LexiconEntry?) -> MentionText {
        guard let entry, lexicon.hasID(entry: Int(entry.index)) else { return .none }
        return .id(of: entry)
    }

    /// The text of tokens `a..<b` as a mention's string (a role).
    func textRef(_ a: Int, _ b: Int) -> MentionText {
        MentionText(source: .document, a: doc.tokens.starts[a], b: doc.tokens.ends[b - 1])
    }

    /// `s` as a mention's string, kept by the scan.
    func intern(_ s: String) -> MentionText {
        interned.append(s)
        return MentionText(source: .interned, a: Int32(interned.count - 1), b: 0)
    }
}
