import Foundation

/// How many cores this process may run on: the CPUs in its affinity mask (`taskset`,
/// `docker --cpuset-cpus`), capped by a cgroup CPU quota (`docker --cpus`, a Kubernetes CPU
/// limit), and never less than one.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's cores, so a process pinned to one
/// core would start a worker per machine core and spend its time switching between them.
public enum AvailableCores {
    /// The cores this process may use now.
    public static var count: Int {
        var cores = ProcessInfo.processInfo.activeProcessorCount
        if let mask = affinityCount() { cores = min(cores, mask) }
        if let quota = quotaCores() { cores = min(cores, quota) }
        return max(1, cores)
    }

    /// The number of CPUs in the calling thread's affinity mask, from the `Cpus_allowed` mask
    /// the kernel shows in `/proc` (Linux), if it says.
    static func affinityCount() -> Int? {
        guard let status = contents("/proc/thread-self/status") ?? contents("/proc/self/status"),
              let line = status.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("Cpus_allowed:") })
        else { return nil }
        return cpuCount(mask: line.dropFirst("Cpus_allowed:".count))
    }

    /// The CPUs in a `Cpus_allowed` mask (hexadecimal words between commas), nil for none.
    static func cpuCount(mask: some StringProtocol) -> Int? {
        let count = mask.reduce(0) { sum, digit in sum + (digit.hexDigitValue ?? 0).nonzeroBitCount }
        return count > 0 ? count : nil
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
        contents(path)?.split(whereSeparator: \.isNewline).first.map(String.init)
    }

    private static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
