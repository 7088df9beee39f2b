#if canImport(Glibc)
import Glibc
#endif

/// One step of the pipeline: it reads the layers earlier stages added to a document and adds
/// its own. A stage is immutable and shared by every thread; it compiles what it needs once,
/// when the pipeline is built.
public protocol Stage: Sendable {
    /// A short name for profiles (`normalize`, `entities`).
    var name: String { get }
    /// Whether the stage only makes sense for Indonesian text (entity and quote rules): the
    /// pipeline skips it for a document in another language.
    var isIndonesianOnly: Bool { get }
    /// Adds this stage's layer to `document`, or says why the document cannot be analysed.
    func process(_ document: inout AnalyzedDocument) throws(WartaError)
}

extension Stage {
    /// Most stages work on any language.
    public var isIndonesianOnly: Bool { false }
}

/// Where the time of a run went, stage by stage (``Pipeline/run(_:profile:)``).
public struct StageProfile: Sendable {
    /// Stage names in pipeline order.
    public private(set) var names: [String]
    /// Nanoseconds spent in each stage.
    public private(set) var nanoseconds: [UInt64]
    /// Input bytes of the documents profiled.
    public var bytes = 0
    /// Documents profiled.
    public var documents = 0

    /// An empty profile of `stages`.
    public init(stages: [any Stage]) {
        names = stages.map(\.name)
        nanoseconds = Array(repeating: 0, count: stages.count)
    }

    /// Adds `ns` nanoseconds to stage `index`.
    @inline(__always) mutating func add(_ ns: UInt64, to index: Int) { nanoseconds[index] &+= ns }

    /// Adds time spent outside the pipeline (reading input, writing records) under `name`.
    public mutating func add(seconds: Double, as name: String) {
        let ns = UInt64(max(0, seconds) * 1e9)
        if let k = names.firstIndex(of: name) { nanoseconds[k] &+= ns } else { names.append(name); nanoseconds.append(ns) }
    }

    /// Adds another profile of the same stages (another thread's).
    public mutating func merge(_ other: StageProfile) {
        for (k, name) in other.names.enumerated() { add(seconds: Double(other.nanoseconds[k]) / 1e9, as: name) }
        bytes += other.bytes
        documents += other.documents
    }

    /// Seconds in all stages.
    public var totalSeconds: Double { Double(nanoseconds.reduce(0, &+)) / 1e9 }

    /// One line per stage: its share of the time and the MB/s of input it would run at alone.
    public var table: String {
        let total = max(totalSeconds, 1e-9)
        var s = "stage           share    MB/s   seconds\n"
        for (k, name) in names.enumerated() {
            let seconds = Double(nanoseconds[k]) / 1e9
            let rate = seconds > 0 ? Double(bytes) / seconds / 1e6 : 0
            s += pad(name, 14) + pad(format(seconds / total * 100, 1) + "%", 7, left: true)
            s += pad(format(rate, 1), 9, left: true) + pad(format(seconds, 3), 10, left: true) + "\n"
        }
        s += pad("total", 14) + pad("100%", 7, left: true) + pad(format(Double(bytes) / total / 1e6, 1), 9, left: true)
        s += pad(format(total, 3), 10, left: true) + "\n"
        return s
    }
}

/// Monotonic nanoseconds.
@inline(__always) func monotonicNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
}

/// `v` with `decimals` digits after the point (for this package's tables, not the library's API).
package func format(_ v: Double, _ decimals: Int) -> String {
    var m = 1.0
    for _ in 0..<decimals { m *= 10 }
    let r = (v * m).rounded() / m
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let have = s.distance(from: dot, to: s.endIndex) - 1
        if have < decimals { s += String(repeating: "0", count: decimals - have) }
        if decimals == 0 { s = String(s[..<dot]) }
    }
    return s
}

/// `s` padded with spaces to `width` characters (on the left with `left`); for this package's tables.
package func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return left ? fill + s : s + fill
}
