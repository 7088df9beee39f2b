import Testing
@testable import WartaText

/// The byte table every lexicon is kept in: 32-bit slots (the key's index below, hash bits above).
@Suite("Byte string table")
struct ByteStringTableTests {
    static func key(_ n: Int) -> [UInt8] { Array("nama\(n)".utf8) }

    /// Grown from 16 slots to 2^18 by inserting: every key found with its value, none of the
    /// absent ones (of the same shapes), a value reset, a lower-case probe of a capitalised key.
    @Test func findsEveryKeyAndNoOtherAcrossGrowth() {
        var table = ByteStringTable(capacity: 1)
        for n in 0..<70_000 { Self.key(n).withUnsafeBufferPointer { #expect(table.insert($0, value: Int32(n)) == nil) } }
        #expect(table.count == 70_000 && table.slots.count == 1 << 18 && table.indexBits == 18)
        #expect((0..<70_000).allSatisfy { n in Self.key(n).withUnsafeBufferPointer { table.value($0) } == Int32(n) })
        #expect((70_000..<80_000).allSatisfy { n in Self.key(n).withUnsafeBufferPointer { table.value($0) } == nil })
        Self.key(7).withUnsafeBufferPointer { #expect(table.insert($0, value: 99) == 7); table.setValue(99, for: $0) }
        #expect(Self.key(7).withUnsafeBufferPointer { table.value($0) } == 99)
        #expect(Array("NAMA12".utf8).withUnsafeBufferPointer { table.value($0, lowercase: true) } == 12)
    }

    /// Prefetching reads only inside the table, whatever the hash: in an empty table, a full
    /// one, one whose slot points past its keys (a damaged image) and one without slots, at
    /// every step.
    @Test func prefetchStaysInsideTheTable() {
        var table = ByteStringTable(capacity: 1)
        for n in 0..<100 { Self.key(n).withUnsafeBufferPointer { _ = table.insert($0, value: Int32(n)) } }
        let hashes = (0..<100).map { ByteStringTable.hash(of: Self.key($0)) } + [0, -1, Int.max, Int.min]
        // One key, and a slot whose index + 1 (5) is past it, with the hash bits of hash 1.
        let slot = ByteStringTable.tag(1, indexBits: 4) << 4 | 5
        let damaged = ByteStringTable(arena: Array("a".utf8), keyEnds: [0, 1], values: [0],
                                      slots: [0, slot] + [UInt32](repeating: 0, count: 14))
        let noSlots = ByteStringTable(arena: [], keyEnds: [0], values: [], slots: [])
        for t in [ByteStringTable(capacity: 1), table, damaged, noSlots] {
            for h in hashes + [1] {
                for step in [ByteStringTable.PrefetchStep.slot, .entry, .keyBytes] { t.prefetch(hash: h, step) }
            }
        }
        #expect(Self.key(42).withUnsafeBufferPointer { table.value($0) } == 42)
    }

    /// The image checks find one bad element wherever it is: in the eight-lane part or the tail.
    @Test func imageChecksFindOneBadElementAnywhere() {
        let ends = (0..<37).map { Int32($0 * 3) }
        #expect(BinaryImageCheck.neverDecreases(ends) && BinaryImageCheck.neverDecreases([]) && BinaryImageCheck.neverDecreases([5]))
        for k in 1..<ends.count {
            var bad = ends
            bad[k] = bad[k - 1] - 1
            #expect(!BinaryImageCheck.neverDecreases(bad), "decrease at \(k)")
        }
        let values = (0..<37).map { Int32($0) | 1 << 30 }
        #expect(BinaryImageCheck.allValues(values, masked: (1 << 30) - 1, atMost: 36))
        #expect(!BinaryImageCheck.allValues(values, masked: (1 << 30) - 1, atMost: 35))
        for k in values.indices {
            var bad = values
            bad[k] = -1
            #expect(!BinaryImageCheck.allValues(bad, masked: (1 << 30) - 1, atMost: 36), "negative at \(k)")
        }
        // 16 slots, 3 keys: index + 1 in the low 4 bits, hash bits above.
        var slots = [UInt32](repeating: 0, count: 16)
        slots[2] = 1 | 0xA0; slots[9] = 2 | 0x50; slots[15] = 3
        #expect(BinaryImageCheck.slotsHoldEachKeyOnce(slots, keys: 3))
        #expect(!BinaryImageCheck.slotsHoldEachKeyOnce(slots, keys: 4))
        var past = slots
        past[15] = 4
        #expect(!BinaryImageCheck.slotsHoldEachKeyOnce(past, keys: 3))
        var noIndex = slots
        noIndex[9] = 0x50
        #expect(!BinaryImageCheck.slotsHoldEachKeyOnce(noIndex, keys: 3))
    }

    /// An image reads back as the same table; one whose slot points past the keys is refused.
    @Test func imagesRoundTripAndRejectABadSlot() throws {
        let table = ByteStringTable((0..<5_000).map { (Self.key($0), Int32($0)) })
        var w = BinaryImageWriter()
        table.write(to: &w)
        let loaded = try #require(w.bytes.withUnsafeBytes { raw -> ByteStringTable? in
            var r = BinaryImageReader(raw)
            return ByteStringTable(reading: &r)
        })
        #expect((0..<5_000).allSatisfy { n in Self.key(n).withUnsafeBufferPointer { loaded.value($0) } == Int32(n) })
        var bad = w.bytes
        // The last slot array element: make every used slot's index too large.
        let slotsStart = bad.count - 4 * table.slots.count
        for k in 0..<table.slots.count where table.slots[k] != 0 {
            let v = UInt32(table.slots.count - 1)
            for b in 0..<4 { bad[slotsStart + 4 * k + b] = UInt8(truncatingIfNeeded: v >> UInt32(8 * b)) }
        }
        #expect(bad.withUnsafeBytes { raw -> Bool in
            var r = BinaryImageReader(raw)
            return ByteStringTable(reading: &r) == nil
        })
    }
}
