import Foundation
import Testing
@testable import Warta

@Suite struct AvailableCoresTests {
    @Test func aQuotaIsRoundedUpToWholeCores() {
        #expect(AvailableCores.cores(quota: 150_000, period: 100_000) == 2)
        #expect(AvailableCores.cores(quota: 100_000, period: 100_000) == 1)
        #expect(AvailableCores.cores(quota: 50_000, period: 100_000) == 1)
        #expect(AvailableCores.cores(quota: -1, period: 100_000) == nil)
    }

    @Test func theAffinityMaskIsCounted() {
        #expect(AvailableCores.cpuCount(mask: Array("\tffffffff,ffffffff".utf8)) == 64)
        #expect(AvailableCores.cpuCount(mask: Array("\t1".utf8)) == 1)
        #expect(AvailableCores.cpuCount(mask: Array("\t00000000,00000005".utf8)) == 2)
        #expect(AvailableCores.cpuCount(mask: [UInt8]()) == nil)
    }

    #if os(Linux)
    /// A process started under `taskset -c 0` gets one job, so a pinned `warta process` runs
    /// inline instead of switching between workers on one core.
    @Test func aProcessPinnedToOneCoreHasOneCore() throws {
        let script = "grep Cpus_allowed: /proc/self/status"
        let pinned = try run("/usr/bin/taskset", ["-c", "0", "/bin/sh", "-c", script])
        #expect(AvailableCores.cpuCount(mask: Array(pinned.dropFirst("Cpus_allowed:".count).utf8)) == 1)
    }

    private func run(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #endif
}
