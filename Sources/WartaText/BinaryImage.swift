#if canImport(Glibc)
import Glibc
#endif

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
            Prefault.pages(of: UnsafeMutableRawBufferPointer(buffer))
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + size]))
            count = Int(n)
        }
    }
}

/// Fresh memory is mapped by the kernel one 4 KB page at a time, a fault each, as it is first
/// written: copying the 13 MB of compiled images at start-up took 3,000 faults, about 4 ms.
public enum Prefault {
    /// Asks the kernel to map the whole pages of `buffer` (64 KB or more) in one call
    /// (`MADV_POPULATE_WRITE`, Linux 5.14, with Glibc); elsewhere, or when the kernel refuses,
    /// pages fault as before.
    public static func pages(of buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux) && canImport(Glibc)
        guard buffer.count >= 1 << 16, let base = buffer.baseAddress else { return }
        let page: UInt = 4096
        let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(page - 1)
        let populateWrite: Int32 = 23
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), populateWrite) }
        #endif
    }
}

extension Prefault {
    /// `count` copies of `value`, their memory mapped in one call (``pages(of:)``) before it is
    /// filled: for the tables a process builds once at start-up.
    @inlinable
    public static func filledArray<T>(_ value: T, count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            pages(of: UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}

/// Checks of a loaded image's arrays, eight lanes at a time: a 10 MB lexicon image is checked
/// at every start-up.
public enum BinaryImageCheck {
    /// Whether `a` never decreases.
    public static func neverDecreases(_ a: [Int32]) -> Bool {
        a.withUnsafeBufferPointer { e in
            guard e.count > 1 else { return true }
            let raw = UnsafeRawPointer(e.baseAddress!)
            var bad = SIMDMask<SIMD8<Int32>>()
            var i = 1
            while i + 8 <= e.count {
                let current = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Int32>.self)
                let previous = raw.loadUnaligned(fromByteOffset: (i - 1) * 4, as: SIMD8<Int32>.self)
                bad = bad .| (current .< previous)
                i += 8
            }
            var ok = !any(bad)
            while i < e.count { ok = ok && e[i] >= e[i - 1]; i += 1 }
            return ok
        }
    }

    /// Whether every value of `a` is at least 0 and, masked with `mask`, at most `limit`.
    public static func allValues(_ a: [Int32], masked mask: Int32, atMost limit: Int32) -> Bool {
        a.withUnsafeBufferPointer { v in
            var bad = SIMDMask<SIMD8<Int32>>()
            let m = SIMD8<Int32>(repeating: mask), top = SIMD8<Int32>(repeating: limit), zero = SIMD8<Int32>()
            var i = 0
            if let base = v.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= v.count {
                    let x = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Int32>.self)
                    bad = bad .| (x .< zero) .| ((x & m) .> top)
                    i += 8
                }
            }
            var ok = !any(bad)
            while i < v.count { ok = ok && v[i] >= 0 && v[i] & mask <= limit; i += 1 }
            return ok
        }
    }

    /// Whether the used (non-zero) slots number `keys` and each holds an index + 1 (its bits
    /// under `slots.count - 1`) in 1...keys; `slots.count` is a power of two of at least 8.
    static func slotsHoldEachKeyOnce(_ slots: [UInt32], keys: Int) -> Bool {
        slots.withUnsafeBufferPointer { p in
            let raw = UnsafeRawPointer(p.baseAddress!)
            let indexMask = SIMD8<UInt32>(repeating: UInt32(p.count - 1)), top = SIMD8<UInt32>(repeating: UInt32(keys))
            let zero = SIMD8<UInt32>()
            var used = SIMD8<UInt32>(), bad = SIMDMask<SIMD8<Int32>>()
            var i = 0
            while i < p.count {
                let s = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<UInt32>.self)
                let isUsed = s .!= zero, index = s & indexMask
                used &+= zero.replacing(with: 1, where: isUsed)
                bad = bad .| (isUsed .& ((index .== zero) .| (index .> top)))
                i += 8
            }
            return !any(bad) && Int(used.wrappedSum()) == keys
        }
    }
}

extension ByteStringTable {
    /// Appends the table to an image.
    public func write(to image: inout BinaryImageWriter) {
        image.write(arena); image.write(keyEnds); image.write(values); image.write(slots)
    }

    /// Reads a table that ``write(to:)`` wrote, or nil when the image is malformed.
    public init?(reading image: inout BinaryImageReader) {
        guard let arena = image.readArray(UInt8.self), let keyEnds = image.readArray(Int32.self),
              let values = image.readArray(Int32.self), let slots = image.readArray(UInt32.self),
              keyEnds.count == values.count + 1, keyEnds.first == 0, Int(keyEnds.last!) == arena.count,
              BinaryImageCheck.neverDecreases(keyEnds),
              slots.count.nonzeroBitCount == 1, slots.count >= 8, slots.count <= 1 << 30, values.count < slots.count,
              BinaryImageCheck.slotsHoldEachKeyOnce(slots, keys: values.count)
        else { return nil }
        self.init(arena: arena, keyEnds: keyEnds, values: values, slots: slots)
    }
}
