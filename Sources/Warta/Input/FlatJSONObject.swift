import WartaText

/// A JSON object whose values are all strings, whole numbers, `true`, `false` or `null`, read
/// without Foundation: the common shape of a crawl's JSON Lines (`{"id": "…", "url": "…",
/// "status": 200, "text": "…"}`), read many times faster than `JSONSerialization` builds its
/// dictionary. Anything else (fractions, nested values, invalid UTF-8, a lone surrogate
/// escape, a repeated key, malformed JSON) gives nil, and the caller reads the line with
/// `JSONSerialization`, which decides what it is. String values are kept as their validated
/// UTF-8 bytes: a document's text goes on as bytes, never made a `String`.
struct FlatJSONObject {
    /// The keys and values (a string's valid UTF-8, or a literal's bytes as written), in the
    /// order written.
    private(set) var fields: [(key: String, value: [UInt8], isString: Bool)] = []

    /// The string value of `key`, if present.
    subscript(_ key: String) -> String? { bytes(key).map { String(decoding: $0, as: UTF8.self) } }

    /// The UTF-8 bytes of the string value of `key`, if present (nil for a literal).
    func bytes(_ key: String) -> [UInt8]? { fields.first { $0.key == key && $0.isString }?.value }

    /// The bytes of the value of `key` when it is a whole number (as `NSNumber.stringValue`
    /// writes it: as written, since a literal here has no leading zero and no `-0`).
    func number(_ key: String) -> [UInt8]? {
        guard let field = fields.first(where: { $0.key == key && !$0.isString }), let first = field.value.first,
              first == 0x2D || first &- 0x30 < 10 else { return nil }
        return field.value
    }

    /// Whether the value of `key`, if present, is a string, a whole number or `null` (not
    /// `true` or `false`, which `JSONSerialization` reads as numbers).
    func holdsStringNumberOrNull(_ key: String) -> Bool {
        guard let field = fields.first(where: { $0.key == key }), !field.isString else { return true }
        return field.value != Array("true".utf8) && field.value != Array("false".utf8)
    }

    /// The fields whose keys are not in `keys` as `JSONSerialization.data(withJSONObject:options:
    /// [.sortedKeys])` writes them (empty when there are none), or nil when it may write them
    /// otherwise: a key of other characters than ASCII letters and `_`, two keys that differ
    /// only in case (Foundation sorts keys by a collation: case ignored, digits by value, ties
    /// broken by rules not written here), or a string with a control character (escaped in
    /// forms not written here).
    func passedThrough(besides keys: Set<String>) -> [UInt8]? {
        let rest = fields.filter { !keys.contains($0.key) }
        guard !rest.isEmpty else { return [] }
        var sortKeys: [[UInt8]] = []
        for field in rest {
            // Case ignored, and `_` before the letters, as the collation puts punctuation first.
            guard let key = FlatJSONObject.sortKey(field.key) else { return nil }
            if field.isString, field.value.contains(where: { $0 < 0x20 }) { return nil }
            sortKeys.append(key)
        }
        let order = rest.indices.sorted { sortKeys[$0].lexicographicallyPrecedes(sortKeys[$1]) }
        // Keys that differ only in case sort next to each other.
        for j in order.indices.dropFirst() where sortKeys[order[j]] == sortKeys[order[j - 1]] { return nil }
        var out: [UInt8] = [0x7B]
        for k in order {
            if out.count > 1 { out.append(0x2C) }
            out.append(0x22); out.append(contentsOf: rest[k].key.utf8); out += [0x22, 0x3A]
            guard rest[k].isString else { out += rest[k].value; continue }
            out.append(0x22)
            for b in rest[k].value {
                // Foundation escapes the quote, the backslash and the slash.
                if b == 0x22 || b == 0x5C || b == 0x2F { out.append(0x5C) }
                out.append(b)
            }
            out.append(0x22)
        }
        out.append(0x7D)
        return out
    }

    /// The bytes of `key` lower-cased, with `_` as 0x01, or nil when it holds other bytes than
    /// ASCII letters and `_` (or is empty).
    private static func sortKey(_ key: String) -> [UInt8]? {
        var out: [UInt8] = []
        for b in key.utf8 {
            if b == 0x5F { out.append(0x01) } else if (b | 0x20) &- 0x61 < 26 { out.append(b | 0x20) } else { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// The object in `bytes`, or nil when it is not a flat object of strings and literals.
    init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard let fields = reader.object(), reader.atEnd else { return nil }
        if fields.count <= 16 {
            // A few keys: compared pairwise, without hashing them into a set.
            for i in fields.indices { for j in 0..<i where fields[j].key == fields[i].key { return nil } }
        } else {
            var seen = Set<String>()
            for field in fields where !seen.insert(field.key).inserted { return nil }
        }
        self.fields = fields
    }

    /// Whether `p` is well-formed UTF-8 (as `String(validating:)` decides: no overlong forms,
    /// surrogates or values above U+10FFFF): ASCII eight bytes at a time, other scalars decoded.
    static func isValidUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Bool { UTF8Decoder.validPrefixLength(p) == p.count }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool {
            mutating get { skipSpace(); return at == bytes.count }
        }

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A || bytes[at] == 0x0D { at += 1 }
        }

        mutating func take(_ b: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == b else { return false }
            at += 1
            return true
        }

        /// `{ "key": "value" or literal, … }`.
        mutating func object() -> [(key: String, value: [UInt8], isString: Bool)]? {
            guard take(0x7B) else { return nil }
            var fields: [(key: String, value: [UInt8], isString: Bool)] = []
            if take(0x7D) { return fields }
            repeat {
                guard let key = string(), take(0x3A) else { return nil }
                skipSpace()
                let isString = at < bytes.count && bytes[at] == 0x22
                guard let value = isString ? string() : literal() else { return nil }
                fields.append((String(decoding: key, as: UTF8.self), value, isString))
            } while take(0x2C)
            return take(0x7D) ? fields : nil
        }

        /// `true`, `false`, `null` or a whole number of at most 15 digits (one `JSONSerialization`
        /// keeps as an integer and writes back as it was written: no `-0`, no leading zero), as
        /// written; nil for anything else.
        mutating func literal() -> [UInt8]? {
            let start = at
            while at < bytes.count, bytes[at] &- 0x61 < 26 || bytes[at] &- 0x30 < 10 || bytes[at] == 0x2D { at += 1 }
            let word = Array(bytes[start..<at])
            if word == Array("true".utf8) || word == Array("false".utf8) || word == Array("null".utf8) { return word }
            let digits = word.first == 0x2D ? word.dropFirst() : word[...]
            guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0 &- 0x30 < 10 }),
                  digits.first != 0x30 || (digits.count == 1 && word.first != 0x2D) else { return nil }
            return word
        }

        /// A JSON string's UTF-8 bytes: runs of plain bytes copied whole, escapes decoded,
        /// control bytes and invalid UTF-8 refused. A string without escapes is validated
        /// straight from the line.
        mutating func string() -> [UInt8]? {
            guard take(0x22) else { return nil }
            var out: [UInt8] = []
            var run = at
            while true {
                at = plainEnd(from: at)
                guard at < bytes.count else { return nil }
                let b = bytes[at]
                if b == 0x22 {
                    at += 1
                    if out.isEmpty {
                        return bytes.withUnsafeBufferPointer { line in
                            let value = UnsafeBufferPointer(rebasing: line[run..<at - 1])
                            return FlatJSONObject.isValidUTF8(value) ? Array(value) : nil
                        }
                    }
                    append(run..<at - 1, to: &out)
                    return out.withUnsafeBufferPointer { FlatJSONObject.isValidUTF8($0) } ? out : nil
                }
                if b < 0x20 { return nil }
                // Room for the rest of the line at the first escape: the string seldom grows.
                if out.isEmpty { out.reserveCapacity(bytes.count - run) }
                append(run..<at, to: &out)
                guard escape(into: &out) else { return nil }
                run = at
            }
        }

        /// Appends `bytes[range]` to `out` (one copy, not an element at a time).
        func append(_ range: Range<Int>, to out: inout [UInt8]) {
            bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        }

        /// The index of the first byte from `i` on that is a quote, a backslash or a control
        /// byte (the count of bytes when there is none).
        func plainEnd(from i: Int) -> Int {
            let text = bytes.span
            var i = i
            // Eight bytes at a time: the first byte that stops the run is the lowest flagged one.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= text.count {
                let x = text.bytes.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self)
                let quote = x ^ (0x22 &* ones), backslash = x ^ (0x5C &* ones)
                let stops = ((x &- 0x20 &* ones) | (quote &- ones) & ~quote | (backslash &- ones) & ~backslash)
                    & ~x & highs
                if stops != 0 { return i + stops.trailingZeroBitCount >> 3 }
                i += 8
            }
            while i < text.count {
                let b = text[i]
                if b < 0x20 || b == 0x22 || b == 0x5C { break }
                i += 1
            }
            return i
        }

        /// Decodes the escape at `at` (a backslash) into `out`; false for a malformed one or a
        /// `\u` escape of a surrogate (left to `JSONSerialization`).
        mutating func escape(into out: inout [UInt8]) -> Bool {
            guard at + 1 < bytes.count else { return false }
            let c = bytes[at + 1]
            at += 2
            switch c {
            case 0x22, 0x5C, 0x2F: out.append(c)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard let v = JSONLineRepair.hex4(bytes, at), !(0xD800...0xDFFF).contains(v), let scalar = Unicode.Scalar(v) else { return false }
                at += 4
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: return false
            }
            return true
        }
    }
}
