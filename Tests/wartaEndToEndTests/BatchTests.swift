import Foundation
import Testing

@Suite("batch runs")
struct BatchTests {
    let fixtures = repositoryRoot + "/Tests/Fixtures/warc/"

    @Test func jsonLinesWithMetaAndAMalformedLine() throws {
        let input = """
            {"id": "a", "url": "https://contoh.com/a", "fetched_at": "2022-05-12T03:00:00Z", "text": "Harga naik 5,61 persen.", "lang": "id", "n": 3}
            this is not json
            {"html": "<html><body><article><p>\(String(repeating: "Kalimat panjang tentang kota, warga dan pasar. ", count: 12))</p><p>Paragraf kedua yang juga cukup panjang, tentang pasar.</p></article></body></html>"}

            {"id": 7, "other": true}
            """
        let r = try warta(["process", "--input-format", "jsonl", "-"], input: Data(input.utf8))
        #expect(r.status == 1)
        let recs = try records(r.stdout)
        #expect(recs.map { $0["id"] as! String } == ["a", "-:2", "-:3", "7"])
        #expect(recs.map { $0["status"] as! String } == ["ok", "error", "ok", "error"])
        let src = recs[0]["source"] as! [String: Any]
        #expect(src["url"] as? String == "https://contoh.com/a" && src["line"] as? Int == 1)
        #expect(src["fetched_at"] as? String == "2022-05-12T03:00:00Z")
        let meta = recs[0]["meta"] as! [String: Any]
        #expect(meta["lang"] as? String == "id" && meta["n"] as? Int == 3 && meta.count == 2)
        #expect((recs[1]["error"] as! [String: String])["code"] == "malformed_input")
        #expect((recs[1]["source"] as! [String: Any])["line"] as? Int == 2)
        #expect(recs[2]["page_type"] as? String == "article")
        #expect((recs[3]["meta"] as! [String: Any])["other"] as? Bool == true)
        #expect(r.stderr.contains("inputs 4, ok 2, errors 2"))
    }

    @Test func warcRecordsChunkedGzipAndTruncated() throws {
        let r = try warta(["process", "--quiet", fixtures + "warcio-example-iana.org-chunked.warc",
                           fixtures + "warcio-example.warc.gz", fixtures + "warcio-example-trunc.warc",
                           fixtures + "resiliparse-clipped.warc.gz"])
        #expect(r.status == 0)
        let recs = try records(r.stdout)
        #expect(recs.map { $0["id"] as! String } == [
            "http://www.iana.org/", "http://example.com/", "http://example.com/",
            "http://www.houstonpress.com/music/a-humble-chance-the-rapper-leads-a-spiritual-awakening-at-revention-8866723",
        ])
        #expect(recs.map { $0["title"] as? String } == [
            "Internet Assigned Numbers Authority", "Example Domain", "Example Domain",
            "A Humble Chance The Rapper Leads a Spiritual Awakening at Revention",
        ])
        // The clipped page still gives its text up to the cut.
        #expect((recs[3]["text"] as! String).count > 1000)
        let sources = recs.map { $0["source"] as! [String: Any] }
        #expect(sources.map { $0["truncated"] as! Bool } == [false, false, true, true])
        #expect(sources[1]["warc_record_id"] as? String == "<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>")
        #expect(sources[1]["warc_date"] as? String == "2017-03-06T04:02:06Z")
    }

    @Test func foldersListsGzipAndOutputFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("Satu dua tiga.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("Empat lima.".utf8).write(to: sub.appendingPathComponent("c.txt"))
        try Data("diabaikan".utf8).write(to: sub.appendingPathComponent("d.pdf"))
        // A gzip file made by the output writer itself, read back as input.
        let gz = dir.appendingPathComponent("e.jsonl.gz").path
        let made = try warta(["process", "--quiet", "--output", gz, "-"], input: Data("Enam tujuh.".utf8))
        #expect(made.status == 0)
        let listDir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: listDir) }
        let list = listDir.appendingPathComponent("list.txt").path
        try Data("\(dir.path)/a.txt\n\n\(sub.path)\n".utf8).write(to: URL(fileURLWithPath: list))
        let fromList = try warta(["process", "--quiet", "--from-list", list])
        #expect(try records(fromList.stdout).map { $0["text"] as! String } == ["Satu dua tiga.", "Empat lima."])
        let walk = try warta(["process", "--quiet", "--raw-text", dir.path])
        let texts = try records(walk.stdout).map { ($0["id"] as! String, $0["status"] as! String) }
        // e.jsonl.gz holds the record of standard input ("id": "-"), whose "text" reads as input.
        #expect(texts.map(\.0) == ["\(dir.path)/a.txt", "\(sub.path)/c.txt", "-"])
        #expect(texts.map(\.1) == ["ok", "ok", "ok"])
        let shards = dir.appendingPathComponent("out").path
        let sharded = try warta(["process", "--quiet", "--output-dir", shards, "--shard-size", "1", dir.path + "/a.txt", sub.path])
        #expect(sharded.status == 0 && sharded.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shards).sorted() == ["part-00000.jsonl", "part-00001.jsonl"])
    }

    @Test func outputIsIdenticalForEveryJobCount() throws {
        let seed = try String(contentsOfFile: repositoryRoot + "/seeds/000_43943d992f4a7b6d.txt", encoding: .utf8)
        var lines = ""
        for k in 0..<60 {
            let text = k % 7 == 3 ? "" : String(seed.prefix(200 + k * 40))
            let object = try JSONSerialization.data(withJSONObject: ["id": "d\(k)", "text": text])
            lines += String(decoding: object, as: UTF8.self) + "\n"
        }
        let one = try warta(["process", "--quiet", "--jobs", "1", "--input-format", "jsonl"], input: Data(lines.utf8))
        let four = try warta(["process", "--quiet", "--jobs", "4", "--input-format", "jsonl"], input: Data(lines.utf8))
        #expect(one.stdout == four.stdout)
        #expect(try records(one.stdout).map { $0["id"] as! String } == (0..<60).map { "d\($0)" })
        let unordered = try warta(["process", "--quiet", "--jobs", "4", "--unordered", "--input-format", "jsonl"], input: Data(lines.utf8))
        #expect(Set(try records(unordered.stdout).map { $0["id"] as! String }) == Set((0..<60).map { "d\($0)" }))
        #expect(one.status == 1)  // the empty texts are error records
        // As many threads as the library starts at most, and more than it does.
        let many = try warta(["process", "--quiet", "--jobs", "1024", "--input-format", "jsonl"], input: Data(lines.utf8))
        #expect(many.stdout == one.stdout)
        let tooMany = try warta(["process", "--quiet", "--jobs", "100000", "--input-format", "jsonl"], input: Data(lines.utf8))
        #expect(tooMany.status == 2 && tooMany.stderr.contains("--jobs must be between 1 and 1024") && tooMany.stdout.isEmpty)
        // Every command line that does not parse is a usage error, status 2 (ArgumentParser's is 64).
        for arguments in [["process", "--bogus"], ["process", "--jobs", "0"], ["bogus"], ["tag", "--stages", "x"],
                          ["process", "--output-dir", "x", "--shard-size", "0"]] {
            #expect(try warta(arguments).status == 2, "\(arguments)")
        }
    }

    @Test(arguments: ["1", "2"]) func gzipOutputHoldsTheSameRecordsInWholeMembers(jobs: String) throws {
        let seed = try String(contentsOfFile: repositoryRoot + "/seeds/000_43943d992f4a7b6d.txt", encoding: .utf8)
        var lines = ""
        for k in 0..<80 {  // about 20 KB a record: the records fill several 256 KB blocks
            let object = try JSONSerialization.data(withJSONObject: ["id": "d\(k)", "text": seed])
            lines += String(decoding: object, as: UTF8.self) + "\n"
        }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try warta(["process", "--quiet", "--jobs", jobs, "--input-format", "jsonl"], input: Data(lines.utf8))
        let gz = dir.appendingPathComponent("out.jsonl.gz").path
        let zipped = try warta(["process", "--quiet", "--jobs", jobs, "--input-format", "jsonl", "--output", gz], input: Data(lines.utf8))
        #expect(zipped.status == 0 && plain.status == 0)
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: gz)))
        #expect(try gunzip(data) == plain.stdout)
        // Each block is a whole member: zlib's header, and the trailer's length of the block.
        #expect(gzipMembers(data) >= 4, "--jobs \(jobs)")
        let shards = dir.appendingPathComponent("shards").path
        let sharded = try warta(["process", "--quiet", "--jobs", jobs, "--input-format", "jsonl", "--output-dir", shards,
                                 "--shard-size", "30", "--gzip"], input: Data(lines.utf8))
        #expect(sharded.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: shards).sorted()
        #expect(names == ["part-00000.jsonl.gz", "part-00001.jsonl.gz", "part-00002.jsonl.gz"])
        let ids = try names.map { name in
            try records(gunzip([UInt8](Data(contentsOf: URL(fileURLWithPath: shards + "/" + name))))).map { $0["id"] as! String }
        }
        #expect(ids == [(0..<30).map { "d\($0)" }, (30..<60).map { "d\($0)" }, (60..<80).map { "d\($0)" }])
        // No records at all is still a gzip file.
        let empty = dir.appendingPathComponent("empty.jsonl.gz").path
        let emptyDir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: emptyDir) }
        let none = try warta(["process", "--quiet", "--output", empty, emptyDir.path])
        #expect(none.status == 0)
        #expect(try gunzip([UInt8](Data(contentsOf: URL(fileURLWithPath: empty)))) == "")
    }

    /// `gzip -dc` of `data`; throws when gzip reports an error.
    private func gunzip(_ data: [UInt8]) throws -> String {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("in.gz").path
        try Data(data).write(to: URL(fileURLWithPath: path))
        let r = try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "gzip -dc '\(path)'"])
        guard r.status == 0 else { throw GzipFailed(message: r.stderr) }
        return r.stdout
    }

    private struct GzipFailed: Error { var message: String }

    /// The gzip members of `data`, walked by their headers (`1f 8b 08`, no optional fields) and
    /// trailers: each member is decoded alone by `gzip -dc` until the data ends.
    private func gzipMembers(_ data: [UInt8]) -> Int {
        var count = 0
        var at = 0
        while at + 10 <= data.count, data[at] == 0x1f, data[at + 1] == 0x8b {
            count += 1
            // The next member starts at the next header whose prefix decodes alone.
            guard let next = (at + 18..<max(at + 18, data.count - 1)).first(where: {
                data[$0] == 0x1f && data[$0 + 1] == 0x8b && data[$0 + 2] == 8 && (try? gunzip(Array(data[at..<$0]))) != nil
            }) else { break }
            at = next
        }
        return count
    }

    @Test func stagesSelectTheLayers() throws {
        let plain = try records(try warta(["process", "--quiet", "--stages", "text", "seeds/000_43943d992f4a7b6d.txt"]).stdout)[0]
        #expect(plain["entities"] == nil && plain["quotes"] == nil && plain["sentences"] != nil)
        let entitiesOnly = try records(try warta(["process", "--quiet", "--stages", "entities", "seeds/000_43943d992f4a7b6d.txt"]).stdout)[0]
        #expect(entitiesOnly["entities"] != nil && entitiesOnly["quotes"] == nil)
        let wrong = try warta(["process", "--stages", "text,sentiment", "seeds/000_43943d992f4a7b6d.txt"])
        #expect(wrong.status != 0 && wrong.stderr.contains("unknown stage 'sentiment'"))
    }

    @Test func theDefaultRecordHasEntitiesAndQuotes() throws {
        let tagged = try records(try warta(["process", "--quiet", "seeds/000_43943d992f4a7b6d.txt"]).stdout)[0]
        #expect((tagged["quotes"] as? [Any])?.count == 11)
        let entities = tagged["entities"] as! [[String: Any]]
        let tri = entities.first { $0["name"] as? String == "Tri Supriyanto" }!
        #expect(tri["type"] as? String == "PER")
        let mentions = (tri["mentions"] as! [[String: Any]]).map { $0["text"] as! String }
        #expect(mentions == ["Tri Supriyanto", "Tri"])
        // Mention spans are code points into the record's text.
        let text = Array((tagged["text"] as! String).unicodeScalars)
        let span = (tri["mentions"] as! [[String: Any]])[0]["span"] as! [Int]
        #expect(String(String.UnicodeScalarView(text[span[0]..<span[1]])) == "Tri Supriyanto")
    }

    @Test func tooLargeDocumentsGetErrorRecords() throws {
        let r = try warta(["process", "--max-bytes", "10", "-"], input: Data("Ini teks yang terlalu panjang.".utf8))
        #expect(r.status == 1)
        let rec = try records(r.stdout)[0]
        #expect((rec["error"] as! [String: String])["code"] == "too_large")
    }
}

@Suite("batch errors")
struct BatchErrorTests {
    @Test func unwritableOutputIsAnIOError() throws {
        let r = try warta(["process", "--output", "/nonexistent-folder/x.jsonl", "-"], input: Data("teks".utf8))
        #expect(r.status == 2 && r.stdout.isEmpty && r.stderr.contains("/nonexistent-folder/x.jsonl"))
    }

    @Test func aClosedPipeEndsProcessQuietly() throws {
        // Under a pipe's 64 KiB, so writing it cannot block; the records are far more than that.
        var lines = ""
        for k in 0..<900 { lines += "{\"id\": \"d\(k)\", \"text\": \"Kalimat \(k). Ia datang.\"}\n" }
        let p = Process()
        p.executableURL = wartaBinary
        p.arguments = ["process", "--jobs", "2", "--input-format", "jsonl"]
        // Standard error to a file: reading a pipe to its end can meet EINTR in Foundation.
        let errDir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: errDir) }
        let errPath = errDir.appendingPathComponent("err").path
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = FileHandle(forWritingAtPath: errPath); p.standardInput = inp
        try p.run()
        inp.fileHandleForWriting.write(Data(lines.utf8))
        try inp.fileHandleForWriting.close()
        _ = out.fileHandleForReading.readData(ofLength: 200)
        try out.fileHandleForReading.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: errPath)).isEmpty)
    }

    /// Every WARC file in the shared evaluation data, malformed ones included, gives records or
    /// error records and never a crash (skipped when ../shared is not beside the repository).
    @Test func sharedWARCFilesNeverCrash() throws {
        let dir = repositoryRoot + "/../shared/data/warc"
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for file in files.sorted() where file.contains(".warc") {
            let r = try warta(["process", "--quiet", dir + "/" + file])
            #expect(r.status == 0 || r.status == 1, "\(file) exited \(r.status)")
            for line in r.stdout.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["status"] != nil, "\(file): \(line.prefix(80))")
            }
        }
    }
}
