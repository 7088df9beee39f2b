import Foundation
import Testing

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// The `warta` binary built next to the test bundle.
let wartaBinary: URL = {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("warta")
    if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
    return URL(fileURLWithPath: repositoryRoot + "/.build/debug/warta")
}()

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `warta` with `arguments`, feeding `input` on standard input. Standard input, output and
/// error are files, not pipes: nothing can block, and no read meets EINTR.
func warta(_ arguments: [String], input: Data? = nil) throws -> Run {
    try run(wartaBinary, arguments, input: input)
}

/// Runs `binary` with `arguments` in the repository, feeding `input` on standard input.
func run(_ binary: URL, _ arguments: [String], input: Data? = nil) throws -> Run {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let paths = ["in", "out", "err"].map { dir.appendingPathComponent($0).path }
    _ = FileManager.default.createFile(atPath: paths[0], contents: input ?? Data())
    for path in paths.dropFirst() { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    let p = Process()
    p.executableURL = binary
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    p.standardInput = FileHandle(forReadingAtPath: paths[0])
    p.standardOutput = FileHandle(forWritingAtPath: paths[1])
    p.standardError = FileHandle(forWritingAtPath: paths[2])
    try p.run()
    p.waitUntilExit()
    let o = try Data(contentsOf: URL(fileURLWithPath: paths[1]))
    let e = try Data(contentsOf: URL(fileURLWithPath: paths[2]))
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

func records(_ s: String) throws -> [[String: Any]] {
    try s.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}

@Suite("warta command line")
struct CLITests {
    @Test func helpListsEverySubcommand() throws {
        let r = try warta(["--help"])
        #expect(r.status == 0)
        for sub in ["process", "tokenize", "bench", "eval"] { #expect(r.stdout.contains(sub)) }
    }

    /// A gold file with no sentence is an error, not scores of zero with status 0, and a
    /// paragraph of no sentences is refused.
    @Test func evalUDRefusesWhatItCannotScore() throws {
        let empty = try warta(["eval", "ud", "/dev/null"])
        #expect(empty.status == 2 && empty.stderr.contains("/dev/null:1: not valid CoNLL-U (no sentences)") && empty.stdout.isEmpty, "\(empty.stderr)")
        #expect(try warta(["eval", "ud", "--sentences-per-paragraph", "0", "/dev/null"]).status == 2)
    }

    @Test func processTheSeedAsInTheReadme() throws {
        let r = try warta(["process", "--quiet", "--tokens", "seeds/000_43943d992f4a7b6d.txt"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let expected = try String(contentsOfFile: repositoryRoot + "/seeds/000_43943d992f4a7b6d.expected.jsonl", encoding: .utf8)
        #expect(r.stdout == expected)
    }

    @Test func processReadsStandardInput() throws {
        let r = try warta(["process"], input: Data("Harga naik 5,61 persen. Ia senang.".utf8))
        let recs = try records(r.stdout)
        #expect(r.status == 0 && recs.count == 1)
        #expect(recs[0]["id"] as? String == "-" && recs[0]["status"] as? String == "ok")
        #expect(recs[0]["sentences"] as? [[Int]] == [[0, 23], [24, 34]])
    }

    @Test func badFilesGetErrorRecordsAndTheRunGoesOn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt").path
        let binary = dir.appendingPathComponent("binary.txt").path
        let invalid = dir.appendingPathComponent("latin1.txt").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1]))
        _ = FileManager.default.createFile(atPath: invalid, contents: Data("Kota Bogor, caf".utf8 + [0xE9] + " baru.".utf8))
        let r = try warta(["process", empty, "missing.txt", binary, invalid])
        #expect(r.status == 1)
        #expect(r.stderr.contains("warta: inputs 4, ok 1, errors 3"))
        let recs = try records(r.stdout)
        #expect(recs.map { $0["status"] as! String } == ["error", "error", "error", "ok"])
        #expect(recs.map { $0["id"] as! String } == [empty, "missing.txt", binary, invalid])
        let codes = recs.prefix(3).map { ($0["error"] as! [String: String])["code"]! }
        #expect(codes == ["empty_input", "file_not_found", "binary_input"])
        // Latin-1 text is read as windows-1252: `é`, not U+FFFD.
        #expect((recs[3]["stats"] as! [String: Int])["invalid_utf8"] == 0)
        #expect(recs[3]["text"] as? String == "Kota Bogor, café baru." && recs[3]["charset"] as? String == "windows-1252")
        #expect((recs[1]["source"] as! [String: Any])["path"] as? String == "missing.txt")
    }

    @Test func tokenizeFormats() throws {
        let text = try warta(["tokenize", "--format", "text"], input: Data("Bukunya di Jl. Pemuda. Rp5 juta!".utf8))
        #expect(text.stdout == "Bukunya di Jl. Pemuda .\nRp 5 juta !\n")
        let conllu = try warta(["tokenize", "-"], input: Data("Apakah ada?".utf8))
        #expect(conllu.stdout.contains("1-2\tApakah\t_\t_\t_\t_\t_\t_\t_\t_\n1\tApa\t"))
        #expect(conllu.stdout.contains("3\tada\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t?\t"))
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let seed = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/seeds/000_43943d992f4a7b6d.txt"))
        var big = Data()
        for _ in 0..<300 { big.append(seed) }
        let p = Process()
        p.executableURL = wartaBinary
        p.arguments = ["tokenize"]
        // Standard error to a file: reading a pipe to its end can meet EINTR in Foundation.
        let errDir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: errDir) }
        let errPath = errDir.appendingPathComponent("err").path
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: errPath)
        p.standardInput = inp
        try p.run()
        inp.fileHandleForWriting.write(big)
        try inp.fileHandleForWriting.close()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        p.waitUntilExit()
        let e = try Data(contentsOf: URL(fileURLWithPath: errPath))
        #expect(p.terminationStatus == 0)
        #expect(e.isEmpty)
    }

    @Test func usageErrorsExitNonZeroWithAMessage() throws {
        let r = try warta(["process", "--max-bytes", "lots"])
        #expect(r.status != 0 && r.stdout.isEmpty)
        #expect(r.stderr.contains("max-bytes"))
        let missing = try warta(["tokenize", "no-such-file.txt"])
        #expect(missing.status == 2 && missing.stderr.contains("no-such-file.txt: no such file"))
    }
}
