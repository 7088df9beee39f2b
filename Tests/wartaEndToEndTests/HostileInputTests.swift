import Foundation
import Testing

/// Issue 15: every input gives exactly one truthful record, a bad one never costs the others,
/// and records reach the output as they are made.
@Suite("hostile inputs")
struct HostileInputTests {
    let hostile = repositoryRoot + "/Tests/Fixtures/warc-hostile/"

    private func summary(_ r: Run) -> [String] {
        (try? records(r.stdout))?.map { rec in
            let code = (rec["error"] as? [String: String])?["code"]
            return "\(rec["id"] as! String) \(code ?? rec["status"] as! String)"
        } ?? []
    }

    @Test func everyHostileWARCFileGivesItsRecords() throws {
        let expected: [(String, [String])] = [
            ("01-chunk-size-negative.warc", ["#1 damaged_input"]),
            ("02-chunk-size-overflow.warc", ["#1 ok"]),
            ("03-content-type-dotted-I.warc", ["#1 ok"]),
            ("04-content-type-kelvin-wrong-charset.warc", ["#1 ok"]),
            ("05-huge-length-nonresponse-swallows-rest.warc", ["#1 damaged_input", "#2 ok", "#3 ok", "#4 ok"]),
            ("06-negative-length-record-dropped.warc", ["#1 damaged_input", "#2 ok"]),
            ("07-gzip-content-named-plain.warc", ["#1 ok", "#2 ok"]),
        ]
        for (file, recs) in expected {
            let r = try warta(["process", "--quiet", hostile + file])
            #expect(summary(r) == recs.map { hostile + file + $0 }, "\(file)")
            #expect(r.status == (recs.contains { $0.hasSuffix("damaged_input") } ? 1 : 0), "\(file)")
        }
        let truncated = try records(try warta(["process", "--quiet", hostile + "02-chunk-size-overflow.warc"]).stdout)
        #expect((truncated[0]["source"] as! [String: Any])["truncated"] as? Bool == true)
    }

    @Test func gzipWARCOnStandardInput() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: hostile + "07-gzip-content-named-plain.warc"))
        let r = try warta(["process", "--quiet", "--input-format", "warc", "-"], input: input)
        #expect(summary(r) == ["-#1 ok", "-#2 ok"])
    }

    @Test func aNonWARCFileReadAsWARCIsAnError() throws {
        let r = try warta(["process", "--input-format", "warc", "seeds/000_43943d992f4a7b6d.txt"])
        #expect(r.status == 1)
        #expect(summary(r) == ["seeds/000_43943d992f4a7b6d.txt damaged_input"])
    }

    @Test func aCharsetAfterAKelvinSignDecodesThePage() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paragraph = String(repeating: "Kalimat panjang tentang kota, warga dan pasar. ", count: 12)
        let html = Array("<html><body><article><p>\(paragraph)</p><p>Gubernur berkata ".utf8) + [0x93]
            + Array("Jalan ini dibuka untuk umum.".utf8) + [0x94] + Array(" Warga menyambut baik.</p></article></body></html>".utf8)
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; \u{212A}\u{212A} charset=windows-1252\r\n\r\n".utf8) + html
        let warc = Array("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(http.count)\r\n\r\n".utf8)
            + http + Array("\r\n\r\n".utf8)
        let path = dir.appendingPathComponent("k.warc")
        try Data(warc).write(to: path)
        let rec = try records(try warta(["process", "--quiet", path.path]).stdout)[0]
        #expect(rec["charset"] as? String == "windows-1252")
        #expect((rec["text"] as! String).contains("berkata \u{201C}Jalan ini dibuka untuk umum.\u{201D}"))
    }

    @Test func aBadRecordAfterFiftyGoodOnesCostsNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "<html><body><p>Presiden meresmikan jalan tol baru.</p></body></html>"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
        let good = "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n"
        var bytes = Data(String(repeating: good, count: 50).utf8)
        for file in ["01-chunk-size-negative.warc", "02-chunk-size-overflow.warc", "03-content-type-dotted-I.warc"] {
            bytes += try Data(contentsOf: URL(fileURLWithPath: hostile + file))
        }
        let path = dir.appendingPathComponent("mixed.warc").path
        try bytes.write(to: URL(fileURLWithPath: path))
        for jobs in ["1", "2"] {
            let r = try warta(["process", "--quiet", "--jobs", jobs, path])
            let count = try records(r.stdout).count
            #expect(r.status == 1 && count == 53, "--jobs \(jobs)")
            let out = dir.appendingPathComponent("out\(jobs).jsonl").path
            let f = try warta(["process", "--quiet", "--jobs", jobs, "--output", out, path])
            #expect(f.status == 1)
            let written = try records(String(contentsOfFile: out, encoding: .utf8)).count
            #expect(written == 53, "--jobs \(jobs) --output")
        }
    }

    @Test(arguments: ["1", "2"]) func recordsAreWrittenAsTheyAreMade(jobs: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for output in ["out.jsonl", "out.jsonl.gz"] {
            let out = dir.appendingPathComponent(output).path
            let p = Process()
            p.executableURL = wartaBinary
            p.arguments = ["process", "--quiet", "--jobs", jobs, "--input-format", "jsonl", "--output", out, "-"]
            let inp = Pipe()
            p.standardInput = inp
            try p.run()
            inp.fileHandleForWriting.write(Data("{\"text\": \"Satu dua.\"}\n{\"text\": \"Tiga empat.\"}\n".utf8))
            // Standard input stays open: the records must be in the file before the run ends.
            var lines = 0
            for _ in 0..<2400 where lines < 2 {  // up to 2 minutes (sanitiser builds are slow)
                usleep(50_000)
                let data = (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
                let text = output.hasSuffix(".gz") ? gunzipPartial(data) : String(decoding: data, as: UTF8.self)
                lines = text.split(separator: "\n").count
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(lines == 2, "\(output), --jobs \(jobs)")
        }
    }

    /// A full disk is an error, not a closed pipe: the run stops with status 2 and says which
    /// output could not be written (it had ended quietly with status 0 and records missing).
    @Test(arguments: ["1", "2"]) func aFullDiskIsAnErrorNotAClosedPipe(jobs: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["out.jsonl", "out.jsonl.gz"] {
            let out = dir.appendingPathComponent(name).path
            try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: "/dev/full")
            let r = try warta(["process", "--quiet", "--jobs", jobs, "--output", out, "seeds/000_43943d992f4a7b6d.txt"])
            #expect(r.status == 2, "\(name), --jobs \(jobs)")
            #expect(r.stderr.contains("\(out): cannot be written (No space left on device)"), "\(name): \(r.stderr)")
        }
        let stdout = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "'\(wartaBinary.path)' process --jobs \(jobs) seeds/000_43943d992f4a7b6d.txt > /dev/full"])
        #expect(stdout.status == 2 && stdout.stderr.contains("standard output: cannot be written"), "\(stdout.stderr)")
        // An output that cannot be created says so (it said "cannot be read").
        let missing = dir.appendingPathComponent("no/such/folder/out.jsonl").path
        let r = try warta(["process", "--quiet", "--jobs", jobs, "--output", missing, "seeds/000_43943d992f4a7b6d.txt"])
        #expect(r.status == 2 && r.stderr.contains("\(missing): cannot be written (No such file or directory)"), "\(r.stderr)")
    }

    /// An output that is also an input is refused before anything is written (it was emptied
    /// first, and the run read nothing: the input was lost), and an output inside a folder
    /// being read is not read back as an input: after 200 texts, the records of the first were
    /// read back while the run wrote them, each making a new record, and the run never ended.
    @Test func theOutputIsNeverAnInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = #"{"id": "a", "text": "Budi pergi ke pasar."}"# + "\n" + #"{"id": "b", "text": "Ani pulang."}"# + "\n"
        let jsonl = dir.appendingPathComponent("x.jsonl").path
        try Data(lines.utf8).write(to: URL(fileURLWithPath: jsonl))
        let same = try warta(["process", "--quiet", jsonl, "--output", dir.path + "/./x.jsonl"])
        #expect(same.status == 2 && same.stderr.contains("is an input and the output"), "\(same.stderr)")
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8) == lines)
        let stdin = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "'\(wartaBinary.path)' process --input-format jsonl --output '\(jsonl)' < '\(jsonl)'"])
        #expect(stdin.status == 2 && stdin.stderr.contains("standard input is an input and the output"), "\(stdin.stderr)")
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8) == lines)
        let folder = try warta(["process", "--quiet", dir.path, "--output-dir", dir.path])
        #expect(folder.status == 2 && folder.stderr.contains("is an input and the output folder"), "\(folder.stderr)")
        for k in 0..<200 { try Data("Warga \(k) pergi ke pasar.".utf8).write(to: dir.appendingPathComponent("a-\(1000 + k).txt")) }
        for output in ["--output", "--output-dir"] {
            let out = dir.path + (output == "--output" ? "/out.jsonl" : "/shards")
            for _ in 0..<2 {
                let r = try run(URL(fileURLWithPath: "/usr/bin/timeout"), ["60", wartaBinary.path, "process", "--quiet", "--jobs", "1", dir.path, output, out])
                #expect(r.status == 0, "\(output): \(r.stderr)")
                let records = try String(contentsOfFile: output == "--output" ? out : out + "/part-00000.jsonl", encoding: .utf8)
                // The 200 texts and x.jsonl's two lines; then also the first run's out.jsonl.
                #expect(records.split(separator: "\n").count == (output == "--output" ? 202 : 404), "\(output)")
            }
        }
    }

    /// What `gzip -dc` makes of a gzip stream that has no trailer yet.
    private func gunzipPartial(_ data: Data) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -dc 2>/dev/null"]
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        try? p.run()
        inp.fileHandleForWriting.write(data)
        try? inp.fileHandleForWriting.close()
        let text = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: text, as: UTF8.self)
    }

    @Test func aLoopOfLinkedFoldersIsReadOnce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("a").path
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        try Data("Satu dua tiga.".utf8).write(to: URL(fileURLWithPath: sub + "/x.txt"))
        try FileManager.default.createSymbolicLink(atPath: sub + "/up", withDestinationPath: "..")
        for flags in [[], ["--follow"]] {
            let r = try warta(["process", "--quiet"] + flags + [dir.path])
            #expect(summary(r) == [sub + "/x.txt ok"], "\(flags)")
        }
    }

    /// A named pipe in a folder is skipped: opening one that no one writes to waited for ever.
    /// `/dev/zero` named on the command line is a `too_large` record, not a hang.
    @Test func aPipeInAFolderAndAnEndlessDeviceDoNotHang() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Satu dua tiga.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        #expect(mkfifo(dir.appendingPathComponent("b.txt").path, 0o644) == 0)
        let r = try warta(["process", "--quiet", dir.path])
        #expect(summary(r) == [dir.path + "/a.txt ok"])
        let zero = try warta(["process", "--quiet", "/dev/zero"])
        #expect(summary(zero) == ["/dev/zero too_large"])
    }

    @Test func anOverLongJSONLine() throws {
        var lines = (0..<5).map { "{\"id\": \"d\($0)\", \"text\": \"Kalimat \($0).\"}" }
        lines[2] = "{\"id\": \"long\", \"text\": \"" + String(repeating: "kata ", count: 50_000) + "\"}"
        let r = try warta(["process", "--quiet", "--max-bytes", "100000", "--input-format", "jsonl", "-"],
                          input: Data(lines.joined(separator: "\n").utf8))
        #expect(summary(r) == ["d0 ok", "d1 ok", "-:3 too_large", "d3 ok", "d4 ok"])
        #expect(try records(r.stdout).map { ($0["source"] as! [String: Any])["line"] as? Int } == [1, 2, 3, 4, 5])
    }

    @Test func aGzipBombStopsAtMaxBytes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bomb = dir.appendingPathComponent("bomb.html.gz").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "head -c 20000000 /dev/zero | gzip -c > '\(bomb)'"]
        try p.run()
        p.waitUntilExit()
        let r = try warta(["process", "--quiet", "--max-bytes", "100000", bomb])
        #expect(summary(r) == [bomb + " too_large"])
    }
}
