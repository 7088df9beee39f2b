import Foundation

/// How many cores this process may run on: the CPUs in its affinity mask (`taskset`,
/// `docker --cpuset-cpus`), capped by a cgroup CPU quota (`docker --cpus`, a Kubernetes CPU
/// limit), and never less than one.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's cores, so a process pinned to one
/// core would start a worker per machine core and spend its time switching between them.
public enum AvailableCores {
    /// The cores this process may use, read once (the command line's default is asked for each
    /// time the command is parsed).
    public static let count: Int = {
        var cores = ProcessInfo.processInfo.activeProcessorCount
        if let mask = affinityCount() { cores = min(cores, mask) }
        if let quota = quotaCores() { cores = min(cores, quota) }
        return max(1, cores)
    }()

    /// The number of CPUs in the calling thread's affinity mask, from the `Cpus_allowed` mask
    /// the kernel shows in `/proc` (Linux), if it says.
    static func affinityCount() -> Int? {
        guard let status = contents("/proc/thread-self/status") ?? contents("/proc/self/status") else { return nil }
        let label = Array("Cpus_allowed:".utf8)
        for line in status.split(separator: UInt8(ascii: "\n")) where line.starts(with: label) {
            return cpuCount(mask: line.dropFirst(label.count))
        }
        return nil
    }

    /// The CPUs in a `Cpus_allowed` mask (hexadecimal words between commas), nil for none.
    static func cpuCount(mask: some Collection<UInt8>) -> Int? {
        let count = mask.reduce(0) { sum, byte in sum + hexValue(byte).nonzeroBitCount }
        return count > 0 ? count : nil
    }

    /// The value of hexadecimal digit `byte`, 0 for any other byte.
    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: 0
        }
    }

    /// A cgroup CPU quota in whole cores, rounded up, if one is set (cgroup v2 `cpu.max`,
    /// else v1 `cpu.cfs_quota_us` over `cpu.cfs_period_us`).
    static func quotaCores() -> Int? {
        if let line = firstLine("/sys/fs/cgroup/cpu.max") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let quota = Int(fields[0]), let period = Int(fields[1]) else { return nil }
            return cores(quota: quota, period: period)
        }
        guard let quota = firstLine("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").flatMap({ Int($0) }),
              let period = firstLine("/sys/fs/cgroup/cpu/cpu.cfs_period_us").flatMap({ Int($0) })
        else { return nil }
        return cores(quota: quota, period: period)
    }

    /// `quota` microseconds of CPU every `period` as whole cores; nil for no quota (`max`, -1).
    static func cores(quota: Int, period: Int) -> Int? {
        guard quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    private static func firstLine(_ path: String) -> String? {
        contents(path)?.split(separator: UInt8(ascii: "\n")).first.map { String(decoding: $0, as: UTF8.self) }
    }

    private static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
