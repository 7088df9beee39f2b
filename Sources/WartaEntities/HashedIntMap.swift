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
    private var count = 0
    private var mask: Int

    /// An empty map for about `capacity` keys.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](filled: Slot(), count: size)
        mask = size - 1
    }

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

    private mutating func grow() {
        let old = slots
        self = HashedIntMap(capacity: old.count)
        for s in old where s.value != nil { self[s.key] = s.value }
    }
}
