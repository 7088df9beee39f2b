import Foundation
import Testing

/// Checks JSON Lines records against `docs/record.schema.json` with python3's `jsonschema`
/// (Draft 2020-12); `.ci/run` installs the module. Returns one line per violation.
func schemaViolations(_ records: String) throws -> [String] {
    let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for n, line in enumerate(sys.stdin.read().splitlines(), 1):
            for e in validator.iter_errors(json.loads(line)):
                print(f"record {n}: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
        """
    let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, repositoryRoot + "/docs/record.schema.json"],
                    input: Data(records.utf8))
    guard r.status == 0 else {
        throw SchemaCheckFailed(message: "python3 jsonschema check failed (python3 -m pip install jsonschema): " + r.stderr)
    }
    return r.stdout.split(separator: "\n").map(String.init)
}

struct SchemaCheckFailed: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

@Suite("record schema (docs/record.schema.json)")
struct RecordSchemaTests {
    let seed = "seeds/000_43943d992f4a7b6d.txt"

    @Test("the seed's golden record is valid")
    func goldenRecord() throws {
        let golden = try String(contentsOfFile: repositoryRoot + "/seeds/000_43943d992f4a7b6d.expected.jsonl", encoding: .utf8)
        #expect(try schemaViolations(golden) == [])
    }

    @Test("records with tokens, entities, nested mentions and quotes, and error records, are valid")
    func fullAndErrorRecords() throws {
        let r = try warta(["process", "--quiet", "--tokens", "--nested", seed, "missing.txt"])
        let lines = r.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines[0].contains("\"entities\":[{") && lines[0].contains("\"quotes\":[{") && lines[0].contains("\"nested\":true"))
        #expect(lines[1].contains("\"status\":\"error\""))
        #expect(try schemaViolations(r.stdout) == [])
        let jsonl = try warta(["process", "--quiet", "--input-format", "jsonl", "-"],
                              input: Data("{\"id\":\"a\",\"html\":\"<p>Halo</p>\",\"url\":\"https://x.id/a\",\"kanal\":1}\n".utf8))
        #expect(jsonl.stdout.contains("\"meta\":{\"kanal\":1}"))
        #expect(try schemaViolations(jsonl.stdout) == [])
    }

    @Test("the schema rejects what the record never holds")
    func rejections() throws {
        let golden = try String(contentsOfFile: repositoryRoot + "/seeds/000_43943d992f4a7b6d.expected.jsonl", encoding: .utf8)
        let broken = [
            golden.replacingOccurrences(of: "\"page_type\":\"article\"", with: "\"page_type\":\"story\""),
            golden.replacingOccurrences(of: "\"published\":\"2022-05-12\"", with: "\"published\":\"12 Mei 2022\""),
            golden.replacingOccurrences(of: "\"stats\":{", with: "\"statistics\":{"),
            golden.replacingOccurrences(of: "\"section\":\"Jawa Tengah\",", with: ""),
            "{\"id\":\"x\",\"status\":\"error\",\"error\":{\"code\":\"empty_input\",\"message\":\"m\"},\"text\":\"\"}",
            "{\"id\":\"x\",\"status\":\"ok\",\"text\":\"a\",\"paragraphs\":[[0,1,2]],\"sentences\":[],\"stats\":{\"bytes\":1,\"chars\":1,\"paragraphs\":1,\"sentences\":0,\"tokens\":0,\"invalid_utf8\":0,\"mojibake_repaired\":0,\"invisible_removed\":0,\"recomposed\":0}}",
        ]
        for record in broken {
            #expect(record != golden)
            #expect(try schemaViolations(record.trimmingCharacters(in: .newlines)).count >= 1, "\(record.prefix(80))")
        }
    }
}
