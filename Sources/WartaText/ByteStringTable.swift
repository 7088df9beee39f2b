import CPrefetch

/// A hash table from byte strings to small integer values, built once and looked up without
/// allocating: keys are compared as raw UTF-8 bytes in one arena. Each 32-bit slot holds the
/// key's index + 1 in its low bits (as many as the table has slots: log2 of their count) and
/// more bits of its hash above them, so a probe that misses (most tokens are in no lexicon)
/// mostly reads one slot and never the arena; the slots of the built-in entity lexicon take 2 MB.
public struct ByteStringTable: Sendable {
    /// The keys end to end; key `k` is `arena[keyEnds[k]..<keyEnds[k + 1]]`.
    @usableFromInline private(set) var arena: [UInt8] = []
    @usableFromInline private(set) var keyEnds: [Int32] = [0]
    @usableFromInline private(set) var values: [Int32] = []
    /// 0 for an empty slot, else high bits of the hash above the key's index + 1.
    @usableFromInline private(set) var slots: [UInt32]
    @usableFromInline private(set) var mask: Int
    /// log2 of the number of slots: the bits of a slot that hold the index + 1 (the table has
    /// at most half as many keys as slots).
    @usableFromInline private(set) var indexBits: Int

    /// A table from its parts (see ``init(reading:)``).
    init(arena: [UInt8], keyEnds: [Int32], values: [Int32], slots: [UInt32]) {
        self.arena = arena; self.keyEnds = keyEnds; self.values = values
        self.slots = slots; self.mask = slots.count - 1; self.indexBits = slots.count.trailingZeroBitCount
    }

    /// Builds a table from keys and values; a later duplicate key overrides an earlier one.
    public init<S: Sequence>(_ entries: S) where S.Element == ([UInt8], Int32) {
        let list = Array(entries)
        self.init(capacity: list.count)
        for (key, value) in list {
            key.withUnsafeBufferPointer { k in
                if insert(k, value: value) != nil { setValue(value, for: k) }
            }
        }
    }

    /// Builds a set: every key maps to 0.
    public init<S: Sequence>(keys: S) where S.Element == String {
        self.init(keys.map { (Array($0.utf8), Int32(0)) })
    }

    /// An empty table for about `capacity` keys, to fill with ``insert(_:value:)``.
    public init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](filled: 0, count: size)
        mask = size - 1
        indexBits = size.trailingZeroBitCount
        arena.reserveCapacity(capacity * 12)
    }

    /// The hash bits a slot keeps above the index: the top `32 - indexBits` bits of `hash`
    /// (the slot's position comes from its low bits).
    @inlinable @inline(__always)
    static func tag(_ hash: Int, indexBits: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: UInt64(UInt(bitPattern: hash)) >> UInt64(32 + indexBits))
    }

    @inline(__always)
    func slotValue(_ hash: Int, _ index: Int) -> UInt32 {
        ByteStringTable.tag(hash, indexBits: indexBits) << UInt32(indexBits) | UInt32(index + 1)
    }

    /// Adds `key` with `value` unless the table has it already; returns the value it had, or
    /// nil when the key is new. The table grows as needed.
    @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> Int32? {
        if values.count * 2 >= slots.count { grow() }
        let h = ByteStringTable.hash(key, lowercase: false)
        if let existing = self.value(key, hash: h) { return existing }
        var slot = h & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = slotValue(h, values.count)
        arena.append(contentsOf: key)
        keyEnds.append(Int32(arena.count))
        values.append(value)
        return nil
    }

    /// Sets the value of a key already in the table.
    public mutating func setValue(_ value: Int32, for key: UnsafeBufferPointer<UInt8>) {
        if let k = index(key, hash: ByteStringTable.hash(key, lowercase: false), lowercase: false) { values[k] = value }
    }

    private mutating func grow() {
        let size = max(16, slots.count * 2)
        precondition(size <= 1 << 30, "a byte string table of more than 2^29 keys")
        slots = [UInt32](filled: 0, count: size)
        mask = size - 1
        indexBits = size.trailingZeroBitCount
        arena.withUnsafeBufferPointer { a in
            for k in values.indices {
                let h = ByteStringTable.hash(UnsafeBufferPointer(rebasing: a[Int(keyEnds[k])..<Int(keyEnds[k + 1])]), lowercase: false)
                var slot = h & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = slotValue(h, k)
            }
        }
    }

    /// Whether every value is at least 0 and, masked with `mask`, at most `limit` (to check a
    /// loaded table's values).
    public func allValues(masked mask: Int32, atMost limit: Int32) -> Bool { BinaryImageCheck.allValues(values, masked: mask, atMost: limit) }

    /// Calls `body` with every key.
    public func forEachKey(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        arena.withUnsafeBufferPointer { a in
            for k in values.indices { body(UnsafeBufferPointer(rebasing: a[Int(keyEnds[k])..<Int(keyEnds[k + 1])])) }
        }
    }

    /// Number of keys.
    @inlinable public var count: Int { values.count }

    @inlinable @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, lowercase: Bool) -> Int {
        var h = hashStart
        for b in p { h = hashStep(h, lowercase && b &- 0x41 < 26 ? b | 0x20 : b) }
        return hashEnd(h)
    }

    /// The state ``hash(of:lowercase:)`` starts from, for a scanner that hashes a key's bytes
    /// as it reads them (``hashStep(_:_:)``, then ``hashEnd(_:)``).
    @inlinable public static var hashStart: UInt64 { 0xcbf2_9ce4_8422_2325 }

    /// The hash state after the bytes of `key` (``hashEnd(_:)`` of it is ``hash(of:lowercase:)``
    /// without `lowercase`): kept by a scanner that goes on hashing longer keys from it.
    @inlinable @inline(__always)
    public static func hashState(of key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hashStart
        for b in key { h = hashStep(h, b) }
        return h
    }

    /// The hash state after one more byte `c`.
    @inlinable @inline(__always)
    public static func hashStep(_ h: UInt64, _ c: UInt8) -> UInt64 { (h ^ UInt64(c)) &* 0x100_0000_01b3 }

    /// ``hash(of:lowercase:)`` from the state after the key's last byte.
    @inlinable @inline(__always)
    public static func hashEnd(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }

    /// The hash of `key` that every table uses, so one key can probe several tables; with
    /// `lowercase`, the hash of its ASCII lower case.
    @inlinable @inline(__always)
    public static func hash(of key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Int { hash(key, lowercase: lowercase) }

    /// ``hash(of:lowercase:)`` of `bytes`.
    @inlinable
    public static func hash(of bytes: [UInt8], lowercase: Bool = false) -> Int {
        bytes.withUnsafeBufferPointer { hash($0, lowercase: lowercase) }
    }

    /// The value for `key`, or nil. With `lowercase`, ASCII letters of `key` are compared
    /// as lower case (the table's keys must then be lower case).
    @inlinable @inline(__always)
    public func value(_ key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Int32? {
        value(key, hash: ByteStringTable.hash(key, lowercase: lowercase), lowercase: lowercase)
    }

    /// The value for `key` whose `hash(of:)` is `hash`, or nil.
    @inlinable @inline(__always)
    public func value(_ key: UnsafeBufferPointer<UInt8>, hash: Int, lowercase: Bool = false) -> Int32? {
        index(key, hash: hash, lowercase: lowercase).map { values[$0] }
    }

    /// What ``prefetch(hash:_:)`` asks for: each step reads what the one before brought in.
    public enum PrefetchStep: Sendable {
        /// The first slot a lookup of the key reads.
        case slot
        /// The end and value of the key that slot holds, if its hash bits are the key's.
        case entry
        /// The first bytes of that key.
        case keyBytes
    }

    /// Asks for the cache lines a lookup of a key hashed `hash` reads at `step`. A caller that
    /// knows a batch of keys before it looks them up runs the three steps over the batch, one
    /// after another, and the reads of all its keys arrive together instead of one by one.
    @inlinable @inline(__always)
    public func prefetch(hash: Int, _ step: PrefetchStep) {
        switch step {
        case .slot:
            guard !slots.isEmpty else { return }
            slots.withUnsafeBufferPointer { warta_prefetch($0.baseAddress! + (hash & mask)) }
        case .entry:
            guard let k = firstSlotKey(hash) else { return }
            keyEnds.withUnsafeBufferPointer { warta_prefetch($0.baseAddress! + k) }
            values.withUnsafeBufferPointer { warta_prefetch($0.baseAddress! + k) }
        case .keyBytes:
            guard let k = firstSlotKey(hash) else { return }
            let start = Int(keyEnds[k])
            arena.withUnsafeBufferPointer { warta_prefetch($0.baseAddress! + start) }
        }
    }

    /// The key in the first slot of `hash` when the slot's hash bits are those of `hash`.
    @usableFromInline @inline(__always)
    func firstSlotKey(_ hash: Int) -> Int? {
        guard !values.isEmpty, !slots.isEmpty else { return nil }
        let s = slots[hash & mask], bits = UInt32(indexBits)
        guard s != 0, s >> bits == ByteStringTable.tag(hash, indexBits: indexBits) else { return nil }
        let k = Int(s & ((1 << bits) &- 1)) &- 1
        return k < values.count ? k : nil
    }

    /// The index of `key` whose hash is `hash`, or nil.
    @inlinable @inline(__always)
    func index(_ key: UnsafeBufferPointer<UInt8>, hash: Int, lowercase: Bool) -> Int? {
        if values.isEmpty { return nil }
        let tag = ByteStringTable.tag(hash, indexBits: indexBits), bits = UInt32(indexBits)
        let indexMask: UInt32 = (1 << bits) &- 1
        return slots.withUnsafeBufferPointer { slots -> Int? in
            var slot = hash & mask
            while true {
                let s = slots[slot]
                if s == 0 { return nil }
                if s >> bits == tag {
                    let k = Int(s & indexMask) - 1
                    if equals(k, key, lowercase) { return k }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inlinable @inline(__always)
    func equals(_ k: Int, _ key: UnsafeBufferPointer<UInt8>, _ lowercase: Bool) -> Bool {
        let s = Int(keyEnds[k]), e = Int(keyEnds[k + 1])
        guard e - s == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            var i = 0
            while i < key.count {
                var c = key[i]
                if lowercase && c &- 0x41 < 26 { c |= 0x20 }
                if a[s + i] != c { return false }
                i += 1
            }
            return true
        }
    }

    /// Whether `key` is present.
    @inlinable @inline(__always)
    public func contains(_ key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Bool {
        index(key, hash: ByteStringTable.hash(key, lowercase: lowercase), lowercase: lowercase) != nil
    }

    /// Whether the string `key` is present.
    public func contains(_ key: String) -> Bool {
        var k = key
        return k.withUTF8 { contains($0) }
    }
}

extension ByteStringTable {
    /// The value for the bytes `key` views, or nil (see ``value(_:lowercase:)``).
    @inlinable @inline(__always)
    public func value(_ key: Span<UInt8>, lowercase: Bool = false) -> Int32? {
        key.withUnsafeBufferPointer { value($0, lowercase: lowercase) }
    }

    /// The value for the bytes `key` views whose ``hash(of:lowercase:)`` is `hash`, or nil.
    @inlinable @inline(__always)
    public func value(_ key: Span<UInt8>, hash: Int) -> Int32? {
        key.withUnsafeBufferPointer { value($0, hash: hash) }
    }

    /// Whether the bytes `key` views are present (see ``contains(_:lowercase:)``).
    @inlinable @inline(__always)
    public func contains(_ key: Span<UInt8>, lowercase: Bool = false) -> Bool {
        key.withUnsafeBufferPointer { contains($0, lowercase: lowercase) }
    }

    /// Whether `bytes[range]` is a key (see ``contains(_:lowercase:)``).
    @inlinable @inline(__always)
    public func contains(_ bytes: [UInt8], _ range: Range<Int>, lowercase: Bool = false) -> Bool {
        bytes.withUnsafeBufferPointer { contains(UnsafeBufferPointer(rebasing: $0[range]), lowercase: lowercase) }
    }

    /// Whether `bytes[range]` is a key (for a column read in place, ``DocumentColumns``).
    @inlinable @inline(__always)
    public func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, lowercase: Bool = false) -> Bool {
        contains(UnsafeBufferPointer(rebasing: bytes[range]), lowercase: lowercase)
    }

    /// The value for the NUL-terminated C string `key`, or nil.
    public func value(cString key: UnsafePointer<CChar>, lowercase: Bool = false) -> Int32? {
        var count = 0
        while key[count] != 0 { count += 1 }
        return key.withMemoryRebound(to: UInt8.self, capacity: count) {
            value(UnsafeBufferPointer(start: $0, count: count), lowercase: lowercase)
        }
    }
}

extension DocumentColumns {
    /// ``ByteStringTable/hash(of:lowercase:)`` of token `t`'s bytes.
    @inlinable @inline(__always)
    public func hash(ofToken t: Int, lowercase: Bool = false) -> Int {
        ByteStringTable.hash(UnsafeBufferPointer(rebasing: bytes[Int(starts[t])..<Int(ends[t])]), lowercase: lowercase)
    }
}

extension Document {
    /// ``ByteStringTable/hash(of:lowercase:)`` of token `t`'s bytes.
    @inlinable
    public func hash(ofToken t: Int, lowercase: Bool = false) -> Int {
        bytes.withUnsafeBufferPointer { text in
            ByteStringTable.hash(UnsafeBufferPointer(rebasing: text[Int(tokens.starts[t])..<Int(tokens.ends[t])]), lowercase: lowercase)
        }
    }
}
