/// A map from keys that are already well-mixed hashes to values: open addressing over one
/// power-of-two table, no second hashing (a `Dictionary<Int, …>` runs SipHash on every key).
/// Grows at half full.
struct HashedIntMap<Value> {
    /// A key and its value; empty while the value is nil (nothing here removes). One array of
    /// slots is one allocation a map, not three.
    private struct Slot {
        var key = 0
        var value: Value?
    }
    private var slots: [Slot]
    /// Number of keys.
    private(set) var count = 0
    private var mask: Int

    /// An empty map for about `capacity` keys.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](filled: Slot(), count: size)
        mask = size - 1
    }

    /// Whether the map has no key.
    var isEmpty: Bool { count == 0 }

    /// The number of slots (twice the keys it holds before it grows, at least).
    var slotCount: Int { slots.count }

    /// The value of `key`, or nil; setting nil is not supported (nothing here removes).
    /// The probes read and write the slots through a pointer: `key & mask` is always in range.
    subscript(key: Int) -> Value? {
        get {
            let mask = mask
            return slots.withUnsafeBufferPointer { p in
                var s = key & mask
                while let v = p[s].value {
                    if p[s].key == key { return v }
                    s = (s &+ 1) & mask
                }
                return nil
            }
        }
        set {
            guard let newValue else { return }
            let (s, found) = probe(key)
            if found {
                slots.withUnsafeMutableBufferPointer { $0[s].value = newValue }
            } else {
                add(key, newValue, at: s)
            }
        }
    }

    /// Sets `key` to `value` unless it has a value already; returns the value it had, or nil
    /// when the key is new (one probe where a read and a write take two).
    @discardableResult
    mutating func insert(_ key: Int, _ value: Value) -> Value? {
        let (s, found) = probe(key)
        if found { return slots.withUnsafeBufferPointer { $0[s].value } }
        add(key, value, at: s)
        return nil
    }

    /// The slot holding `key` and true, or the empty slot where it would go and false.
    @inline(__always)
    private func probe(_ key: Int) -> (Int, Bool) {
        let mask = mask
        return slots.withUnsafeBufferPointer { p in
            var s = key & mask
            while p[s].value != nil {
                if p[s].key == key { return (s, true) }
                s = (s &+ 1) & mask
            }
            return (s, false)
        }
    }

    /// Puts a new key in empty slot `s`, or in its place among doubled slots when the map is
    /// half full (it grows only when a key is added).
    @inline(__always)
    private mutating func add(_ key: Int, _ value: Value, at s: Int) {
        var s = s
        if (count + 1) * 2 > slots.count {
            grow()
            s = probe(key).0
        }
        slots.withUnsafeMutableBufferPointer { $0[s] = Slot(key: key, value: value) }
        count += 1
    }

    /// Doubles the slots, moving each key to its place among them (no key is looked up: all
    /// are distinct).
    private mutating func grow() {
        let size = slots.count * 2, mask = size - 1
        var fresh = [Slot](filled: Slot(), count: size)
        fresh.withUnsafeMutableBufferPointer { p in
            slots.withUnsafeBufferPointer { old in
                for o in old where o.value != nil {
                    var s = o.key & mask
                    while p[s].value != nil { s = (s &+ 1) & mask }
                    p[s] = o
                }
            }
        }
        slots = fresh
        self.mask = mask
    }
}

/// A set of keys that are already well-mixed hashes (the scan's key hashes): a
/// ``HashedIntMap`` without values, for the per-document sets of the tagger's passes (a
/// `Set<Int>` runs SipHash on every key and allocates its storage with the runtime's help).
struct HashedIntSet {
    private var map: HashedIntMap<Bool>

    /// An empty set for about `capacity` keys.
    init(capacity: Int = 8) { map = HashedIntMap(capacity: capacity) }

    /// Number of keys.
    var count: Int { map.count }

    /// Whether the set has no key.
    var isEmpty: Bool { map.isEmpty }

    /// Whether `key` is in the set.
    func contains(_ key: Int) -> Bool { map[key] != nil }

    /// Adds `key`; returns whether it was new.
    @discardableResult
    mutating func insert(_ key: Int) -> Bool { map.insert(key, true) == nil }
}
