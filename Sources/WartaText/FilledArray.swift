extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them, without its
    /// unspecialised allocation: in a statically linked build that path asks the runtime for
    /// the storage class's metadata on every call (about 450 instructions, a hundred arrays a
    /// document), while `reserveCapacity` reads it from a cache. The copies are stored in
    /// vector-wide steps.
    @inlinable
    package init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
