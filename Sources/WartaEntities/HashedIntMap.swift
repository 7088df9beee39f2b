/// A map from keys that are already well-mixed hashes to values: open addressing over one
/// power-of-two table, no second hashing (a `Dictionary<Int, …>` runs SipHash on every key).
/// Grows at half full.
struct HashedIntMap<Value> {
    private var keys: [Int]
    private var values: [Value?]
    private var used: [Bool]
    private var count = 0
    private var mask: Int

    /// An empty map for about `capacity` keys.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int](filled: 0, count: size)
        values = [Value?](filled: nil, count: size)
        used = [Bool](filled: false, count: size)
        mask = size - 1
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(_ key: Int) -> Int {
        var s = key & mask
        while used[s] && keys[s] != key { s = (s &+ 1) & mask }
        return s
    }

    /// The value of `key`, or nil; setting nil is not supported (nothing here removes).
    subscript(key: Int) -> Value? {
        get { let s = slot(key); return used[s] ? values[s] : nil }
        set {
            guard let newValue else { return }
            let s = slot(key)
            if !used[s] {
                if (count + 1) * 2 > keys.count { grow(); self[key] = newValue; return }
                used[s] = true
                keys[s] = key
                count += 1
            }
            values[s] = newValue
        }
    }

    private mutating func grow() {
        let old = (keys, values, used)
        self = HashedIntMap(capacity: keys.count)
        for i in old.0.indices where old.2[i] { self[old.0[i]] = old.1[i] }
    }
}
