import CPrefetch
import WartaText

/// The entity lexicon's match keys with their values (``EntityLexicon/Slot``), laid out for a
/// scan that looks up many words it has not met before: each key's record (its value, its
/// entry's case policy and length, its bytes) is one run of words, so a hit reads the slot's
/// cache line and the record's, where a ``ByteStringTable`` reads a key end, the key's bytes
/// and its value from three arrays one after another (each a miss in a table of megabytes).
///
/// Each 32-bit slot holds the record's word index + 1 in its low bits (as many as the records
/// need) and high bits of the key's hash above them, so a probe that misses mostly reads one
/// slot. Keys hash as ``ByteStringTable/hash(of:lowercase:)`` hashes them.
struct LexiconKeyTable: Sendable {
    /// 0 for an empty slot, else high bits of the hash above the record's word index + 1.
    private let slots: [UInt32]
    /// The records end to end: the value; the key's length (the low 16 bits; `0xFFFF`: the
    /// length is the next word) below the ``Rule`` (the high 16 bits); the key's bytes, padded
    /// with zeros to a whole word.
    private let words: [UInt32]
    private let mask: Int
    /// The bits of a slot that hold the word index + 1.
    private let indexBits: Int
    /// The largest entry index + 1 a value may hold: a record that says more (a damaged image)
    /// is no key.
    private let entryLimit: Int32
    /// Number of keys.
    let count: Int

    /// What a hit answers: the key's value and its entry's ``Rule``.
    struct Hit {
        let value: Int32
        let rule: Rule
    }

    /// An entry's case policy and number of tokens in 16 bits (the count up to
    /// ``Rule/countLimit``; an entry of more tokens reads its count from the lexicon's columns).
    struct Rule: Equatable {
        let bits: UInt16
        /// The largest count a rule holds.
        static let countLimit = 0x1FFF

        init(policy: CasePolicy, tokenCount: Int) {
            bits = UInt16(policy.rawValue & 7) << 13 | UInt16(min(tokenCount, Rule.countLimit))
        }

        init(bits: UInt16) { self.bits = bits }

        /// The entry's case policy.
        @inline(__always) var policy: CasePolicy { CasePolicy(rawValue: UInt8(bits >> 13)) ?? .capitalized }
        /// The entry's number of tokens, or nil when it has more than ``countLimit``.
        @inline(__always) var tokenCount: Int? {
            let n = Int(bits & 0x1FFF)
            return n == Rule.countLimit ? nil : n
        }
    }

    /// The keys of `table` with their values, each with the rule `rule` gives its value, in
    /// slots at most five-eighths full.
    init(_ table: ByteStringTable, entryLimit: Int32, rule: (Int32) -> Rule) {
        var words: [UInt32] = [], starts: [Int] = [], hashes: [Int] = []
        words.reserveCapacity(table.count * 6)
        table.forEachKey { key in
            let value = table.value(key)!
            starts.append(words.count)
            hashes.append(ByteStringTable.hash(of: key))
            LexiconKeyTable.append(key, value: value, rule: rule(value), to: &words)
        }
        var size = 16
        while size * 5 < table.count * 8 { size <<= 1 }
        let indexBits = LexiconKeyTable.indexBits(words: words.count)
        var slots = [UInt32](repeating: 0, count: size)
        for (k, h) in hashes.enumerated() {
            var slot = h & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = LexiconKeyTable.tag(h, indexBits: indexBits) << UInt32(indexBits) | UInt32(starts[k] + 1)
        }
        self.init(slots: slots, words: words, count: table.count, entryLimit: entryLimit)
    }

    private init(slots: [UInt32], words: [UInt32], count: Int, entryLimit: Int32) {
        self.slots = slots; self.words = words; self.count = count; self.entryLimit = entryLimit
        mask = slots.count - 1
        indexBits = LexiconKeyTable.indexBits(words: words.count)
    }

    /// The bits a slot needs for a word index + 1 among `words` words.
    static func indexBits(words: Int) -> Int {
        let bits = Int.bitWidth - (words + 1).leadingZeroBitCount
        precondition(bits <= 30, "an entity lexicon of more than 4 GB of keys")
        return bits
    }

    /// The hash bits a slot keeps above the index: the top `32 - indexBits` bits of `hash`.
    @inline(__always) static func tag(_ hash: Int, indexBits: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: UInt64(UInt(bitPattern: hash)) >> UInt64(32 + indexBits))
    }

    /// Appends the record of `key`.
    private static func append(_ key: UnsafeBufferPointer<UInt8>, value: Int32, rule: Rule, to words: inout [UInt32]) {
        words.append(UInt32(bitPattern: value))
        words.append(UInt32(rule.bits) << 16 | UInt32(min(key.count, 0xFFFF)))
        if key.count >= 0xFFFF { words.append(UInt32(key.count)) }
        var word: UInt32 = 0
        for (i, b) in key.enumerated() {
            word |= UInt32(b) << UInt32(8 * (i & 3))
            if i & 3 == 3 { words.append(word); word = 0 }
        }
        if key.count & 3 != 0 { words.append(word) }
    }

    /// The value and rule of `key`, whose ``ByteStringTable/hash(of:lowercase:)`` is `hash`, or nil.
    @inline(__always)
    func value(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> Hit? {
        let bits = UInt32(indexBits), indexMask: UInt32 = (1 << bits) &- 1
        let tag = LexiconKeyTable.tag(hash, indexBits: indexBits)
        return slots.withUnsafeBufferPointer { slots in
            words.withUnsafeBufferPointer { words -> Hit? in
                var slot = hash & mask
                while true {
                    let s = slots[slot]
                    if s == 0 { return nil }
                    if s >> bits == tag, let hit = record(Int(s & indexMask) - 1, matching: key, in: words) { return hit }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// ``ByteStringTable/prefetch(hash:_:)`` for this layout: the slot, then the record its
    /// hash bits point to (the key's bytes are in the record).
    @inline(__always)
    func prefetch(hash: Int, _ step: ByteStringTable.PrefetchStep) {
        guard !slots.isEmpty else { return }
        switch step {
        case .slot:
            slots.withUnsafeBufferPointer { warta_prefetch($0.baseAddress! + (hash & mask)) }
        case .entry:
            let s = slots[hash & mask], bits = UInt32(indexBits)
            guard s != 0, s >> bits == LexiconKeyTable.tag(hash, indexBits: indexBits) else { return }
            let at = Int(s & ((1 << bits) &- 1)) &- 1
            guard at < words.count else { return }
            words.withUnsafeBufferPointer { warta_prefetch($0.baseAddress! + at) }
        case .keyBytes:
            return
        }
    }

    /// The value of `key` (hashed here), or nil.
    func value(_ key: UnsafeBufferPointer<UInt8>) -> Hit? { value(key, hash: ByteStringTable.hash(of: key)) }

    /// The record at word `at` when its key is `key` (and it lies within the words: a damaged
    /// image reads no further than its end).
    @inline(__always)
    private func record(_ at: Int, matching key: UnsafeBufferPointer<UInt8>, in words: UnsafeBufferPointer<UInt32>) -> Hit? {
        guard at + 2 <= words.count else { return nil }
        let head = words[at + 1]
        var length = Int(head & 0xFFFF), start = at + 2
        if length == 0xFFFF {
            guard start < words.count else { return nil }
            length = Int(words[start])
            start += 1
        }
        guard length == key.count, start + (length + 3) >> 2 <= words.count,
              LexiconKeyTable.equal(UnsafeRawPointer(words.baseAddress! + start), key) else { return nil }
        let value = Int32(bitPattern: words[at])
        guard value >= 0, value & EntityLexicon.Slot.entryMask <= entryLimit else { return nil }
        return Hit(value: value, rule: Rule(bits: UInt16(truncatingIfNeeded: head >> 16)))
    }

    /// Whether the `key.count` bytes at `bytes` are `key`'s, compared eight at a time.
    @inline(__always)
    static func equal(_ bytes: UnsafeRawPointer, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = key.baseAddress else { return true }
        let other = UnsafeRawPointer(base), n = key.count
        var i = 0
        while i + 8 <= n {
            if bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) != other.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if bytes.load(fromByteOffset: i, as: UInt8.self) != base[i] { return false }
            i += 1
        }
        return true
    }

    /// Appends the table to an image.
    func write(to image: inout BinaryImageWriter) {
        image.write(Int64(count)); image.write(slots); image.write(words)
    }

    /// Reads a table that ``write(to:)`` wrote, or nil when the image is malformed (slots not a
    /// power of two, an index past the records, more or fewer used slots than keys); values
    /// above `entryLimit` are read as no key.
    init?(reading image: inout BinaryImageReader, entryLimit: Int32) {
        guard let count = image.read(Int64.self), let slots = image.readArray(UInt32.self), let words = image.readArray(UInt32.self),
              slots.count.nonzeroBitCount == 1, slots.count >= 16, slots.count <= 1 << 30, count >= 0, Int(count) < slots.count,
              words.count < 1 << 30,
              LexiconKeyTable.slotsPointIntoRecords(slots, words: words.count, keys: Int(count))
        else { return nil }
        self.init(slots: slots, words: words, count: Int(count), entryLimit: entryLimit)
    }

    /// Whether `keys` slots are used and each holds a word index + 1 within `words`, checked
    /// eight slots at a time (every start-up checks the 262,144 slots of the built-in lexicon).
    private static func slotsPointIntoRecords(_ slots: [UInt32], words: Int, keys: Int) -> Bool {
        slots.withUnsafeBufferPointer { p in
            // A power of two of at least 16 slots: whole vectors.
            let raw = UnsafeRawPointer(p.baseAddress!)
            let indexMask = SIMD8<UInt32>(repeating: UInt32((1 << indexBits(words: words)) - 1))
            let top = SIMD8<UInt32>(repeating: UInt32(words)), zero = SIMD8<UInt32>()
            var used = SIMD8<UInt32>(), bad = SIMDMask<SIMD8<Int32>>()
            var i = 0
            while i + 8 <= p.count {
                let s = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
                let isUsed = s .!= zero, index = s & indexMask
                used &+= zero.replacing(with: 1, where: isUsed)
                bad = bad .| (isUsed .& ((index .== zero) .| (index .> top)))
                i += 8
            }
            return i == p.count && !any(bad) && Int(used.wrappedSum()) == keys
        }
    }
}
