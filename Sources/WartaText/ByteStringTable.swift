/// An immutable hash table from byte strings to small integer values, built once and
/// looked up without allocating: keys are compared as raw UTF-8 bytes in one arena.
public struct ByteStringTable: Sendable {
    private(set) var arena: [UInt8] = []
    private(set) var keyStart: [Int32] = []
    private(set) var keyEnd: [Int32] = []
    private(set) var values: [Int32] = []
    private(set) var slots: [Int32]  // index into keys, or -1
    private var mask: Int

    /// A table from its parts (see ``init(reading:)``).
    init(arena: [UInt8], keyStart: [Int32], keyEnd: [Int32], values: [Int32], slots: [Int32]) {
        self.arena = arena; self.keyStart = keyStart; self.keyEnd = keyEnd; self.values = values
        self.slots = slots; self.mask = slots.count - 1
    }

    /// Builds a table from keys and values; a later duplicate key overrides an earlier one.
    public init<S: Sequence>(_ entries: S) where S.Element == ([UInt8], Int32) {
        let list = Array(entries)
        var size = 16
        while size < list.count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (key, value) in list { insert(key, value) }
    }

    /// Builds a set: every key maps to 0.
    public init<S: Sequence>(keys: S) where S.Element == String {
        self.init(keys.map { (Array($0.utf8), Int32(0)) })
    }

    /// An empty table for about `capacity` keys, to fill with ``insert(_:value:)``.
    public init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 12)
    }

    /// Adds `key` with `value` unless the table has it already; returns the value it had, or
    /// nil when the key is new. The table grows as needed.
    @discardableResult
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> Int32? {
        if keyStart.count * 2 >= slots.count { grow() }
        let h = ByteStringTable.hash(key, lowercase: false)
        if let existing = self.value(key, hash: h) { return existing }
        var slot = h & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(keyStart.count)
        keyStart.append(Int32(arena.count))
        arena.append(contentsOf: key)
        keyEnd.append(Int32(arena.count))
        values.append(value)
        return nil
    }

    /// Sets the value of a key already in the table.
    public mutating func setValue(_ value: Int32, for key: UnsafeBufferPointer<UInt8>) {
        var slot = ByteStringTable.hash(key, lowercase: false) & mask
        while slots[slot] >= 0 {
            let k = Int(slots[slot])
            if arena[Int(keyStart[k])..<Int(keyEnd[k])].elementsEqual(key) { values[k] = value; return }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let size = max(16, slots.count * 2)
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            for k in keyStart.indices {
                var slot = ByteStringTable.hash(UnsafeBufferPointer(rebasing: a[Int(keyStart[k])..<Int(keyEnd[k])]), lowercase: false) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(k)
            }
        }
    }

    /// Whether every value satisfies `predicate` (to check a loaded table's values).
    public func allValues(satisfy predicate: (Int32) -> Bool) -> Bool { values.allSatisfy(predicate) }

    /// Number of keys.
    public var count: Int { keyStart.count }

    private mutating func insert(_ key: [UInt8], _ value: Int32) {
        let h = key.withUnsafeBufferPointer { ByteStringTable.hash($0, lowercase: false) }
        var slot = h & mask
        while slots[slot] >= 0 {
            let k = Int(slots[slot])
            if arena[Int(keyStart[k])..<Int(keyEnd[k])].elementsEqual(key) { values[k] = value; return }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keyStart.count)
        keyStart.append(Int32(arena.count))
        arena.append(contentsOf: key)
        keyEnd.append(Int32(arena.count))
        values.append(value)
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, lowercase: Bool) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in p {
            let c = lowercase && b &- 0x41 < 26 ? b | 0x20 : b
            h = (h ^ UInt64(c)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The hash of `key` that every table uses, so one key can probe several tables; with
    /// `lowercase`, the hash of its ASCII lower case.
    @inline(__always)
    public static func hash(of key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Int { hash(key, lowercase: lowercase) }

    /// The value for `key`, or nil. With `lowercase`, ASCII letters of `key` are compared
    /// as lower case (the table's keys must then be lower case).
    @inline(__always)
    public func value(_ key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Int32? {
        value(key, hash: ByteStringTable.hash(key, lowercase: lowercase), lowercase: lowercase)
    }

    /// The value for `key` whose `hash(of:)` is `hash`, or nil.
    @inline(__always)
    public func value(_ key: UnsafeBufferPointer<UInt8>, hash: Int, lowercase: Bool = false) -> Int32? {
        if keyStart.isEmpty { return nil }
        var slot = hash & mask
        return arena.withUnsafeBufferPointer { a -> Int32? in
            while true {
                let k = Int(slots[slot])
                if k < 0 { return nil }
                let s = Int(keyStart[k]), e = Int(keyEnd[k])
                if e - s == key.count {
                    var equal = true
                    var i = 0
                    while i < key.count {
                        var c = key[i]
                        if lowercase && c &- 0x41 < 26 { c |= 0x20 }
                        if a[s + i] != c { equal = false; break }
                        i += 1
                    }
                    if equal { return values[k] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether `key` is present.
    @inline(__always)
    public func contains(_ key: UnsafeBufferPointer<UInt8>, lowercase: Bool = false) -> Bool {
        value(key, lowercase: lowercase) != nil
    }

    /// Whether the string `key` is present.
    public func contains(_ key: String) -> Bool {
        var k = key
        return k.withUTF8 { contains($0) }
    }
}
