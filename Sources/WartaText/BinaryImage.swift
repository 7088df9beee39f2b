/// A flat binary image of compiled tables: arrays of fixed-width integers written end to end,
/// each with its length, so loading one is a bounds check and a copy per array. Images are
/// read back only by the same build that wrote them (native byte order, no versioning beyond
/// a caller's magic number).
public struct BinaryImageWriter {
    /// The image so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty image.
    public init() {}

    /// Appends one integer.
    public mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Appends an array: its count, then its elements.
    public mutating func write<T: FixedWidthInteger>(_ array: [T]) {
        write(Int64(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryImageWriter`` wrote, in the same order; every read is bounds-checked and
/// returns nil past the end, so a truncated or foreign image fails cleanly.
public struct BinaryImageReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    /// A reader over `bytes`, which must outlive it.
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The next integer.
    public mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    /// The next array.
    public mutating func readArray<T: FixedWidthInteger>(_: T.Type = T.self) -> [T]? {
        guard let n = read(Int64.self), n >= 0, n <= Int64(bytes.count) else { return nil }
        let size = Int(n) * MemoryLayout<T>.stride
        guard offset + size <= bytes.count else { return nil }
        let start = offset
        offset += size
        return [T](unsafeUninitializedCapacity: Int(n)) { buffer, count in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + size]))
            count = Int(n)
        }
    }
}

extension ByteStringTable {
    /// Whether `ends` never decreases (checked without branching, so a 10 MB image checks fast).
    static func isAscending(_ ends: [Int32]) -> Bool {
        ends.withUnsafeBufferPointer { e in
            var bad: Int64 = 0
            var i = 1
            while i < e.count { bad |= (Int64(e[i]) &- Int64(e[i - 1])) >> 63 & 1; i &+= 1 }
            return bad == 0
        }
    }

    /// Whether the used slots number `keys` and each holds an index + 1 in 1...keys: each key
    /// in exactly one slot, so a lookup always meets an empty slot.
    static func slotsHoldEachKeyOnce(_ slots: [UInt32], keys: Int) -> Bool {
        let indexMask = UInt32(slots.count - 1), top = UInt32(keys)
        return slots.withUnsafeBufferPointer { p in
            var used = 0, bad: UInt32 = 0
            for s in p {
                let index = s & indexMask
                let isUsed: UInt32 = s != 0 ? 1 : 0
                used &+= Int(isUsed)
                bad |= isUsed & ((index == 0 ? 1 : 0) | (index > top ? 1 : 0))
            }
            return bad == 0 && used == keys
        }
    }

    /// Appends the table to an image.
    public func write(to image: inout BinaryImageWriter) {
        image.write(arena); image.write(keyEnds); image.write(values); image.write(slots)
    }

    /// Reads a table that ``write(to:)`` wrote, or nil when the image is malformed.
    public init?(reading image: inout BinaryImageReader) {
        guard let arena = image.readArray(UInt8.self), let keyEnds = image.readArray(Int32.self),
              let values = image.readArray(Int32.self), let slots = image.readArray(UInt32.self),
              keyEnds.count == values.count + 1, keyEnds.first == 0, Int(keyEnds.last!) == arena.count,
              ByteStringTable.isAscending(keyEnds),
              slots.count.nonzeroBitCount == 1, slots.count <= 1 << 30, values.count < slots.count,
              ByteStringTable.slotsHoldEachKeyOnce(slots, keys: values.count)
        else { return nil }
        self.init(arena: arena, keyEnds: keyEnds, values: values, slots: slots)
    }
}
