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

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(_ key: Int) -> Int {
        var s = key & mask
        while slots[s].value != nil && slots[s].key != key { s = (s &+ 1) & mask }
        return s
    }

    /// The value of `key`, or nil; setting nil is not supported (nothing here removes).
    subscript(key: Int) -> Value? {
        get { slots[slot(key)].value }
        set {
            guard let newValue else { return }
            let s = slot(key)
            if slots[s].value == nil {
                if (count + 1) * 2 > slots.count { grow(); self[key] = newValue; return }
                slots[s].key = key
                count += 1
            }
            slots[s].value = newValue
        }
    }

    /// Sets `key` to `value` unless it has a value already; returns the value it had, or nil
    /// when the key is new (one probe where a read and a write take two).
    @discardableResult
    mutating func insert(_ key: Int, _ value: Value) -> Value? {
        let s = slot(key)
        if let old = slots[s].value { return old }
        if (count + 1) * 2 > slots.count { grow(); self[key] = value; return nil }
        slots[s].key = key
        slots[s].value = value
        count += 1
        return nil
    }

    private mutating func grow() {
        let old = slots
        self = HashedIntMap(capacity: old.count)
        for s in old where s.value != nil { self[s.key] = s.value }
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
