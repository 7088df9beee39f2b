import Foundation
import Testing

/// `--lexicon FILE` and `--nested` on `warta tag` and `warta process`.
@Suite("--lexicon")
struct LexiconOptionTests {
    static let seed = "seeds/000_43943d992f4a7b6d.txt"

    /// A user lexicon of `text` in a fresh folder (remove it with ``removeLexicon(_:)``).
    func lexicon(_ text: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent("user.tsv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Removes the folder ``lexicon(_:)`` made for `path`.
    func removeLexicon(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// (The rules alone: the sequence model reads the capitalised "Tiban" of "pasar Tiban", a
    /// market that pops up, as a place of its own.)
    @Test func aUserEntryTagsWordsTheBuiltInTaggerLeaves() throws {
        let before = try warta(["tag", "--model", "none", Self.seed])
        #expect(before.stdout.contains("dengan pasar Tiban atau"))
        let path = try lexicon("name\ttype\tsubtype\tcase\tid\tparent\nPasar Tiban\tLOC\tmarket\tany\ttiban\t\n")
        defer { removeLexicon(path) }
        let after = try warta(["tag", "--model", "none", "--lexicon", path, Self.seed])
        #expect(after.status == 0)
        #expect(after.stdout.contains("dengan [LOC pasar Tiban] atau"))
    }

    @Test func colorsReplaceBracketsWhenAsked() throws {
        let input = Data("Joko Susilo hadir pada 14 Februari.".utf8)
        let plain = try warta(["tag", "-"], input: input)
        #expect(plain.stdout == "[PER Joko Susilo] hadir pada [DATE 14 Februari].\n")
        let colored = try warta(["tag", "--color", "always", "-"], input: input)
        #expect(colored.stdout == "\u{1B}[1;33mJoko Susilo\u{1B}[0m hadir pada \u{1B}[34m14 Februari\u{1B}[0m.\n")
    }

    @Test func processWithALexiconAddsEntitiesWithTheUsersIdentifier() throws {
        let path = try lexicon("name\ttype\tsubtype\tcase\tid\tparent\r\nBugangan\tLOC\tvillage\tcapitalized\tbgn\t\r\n")
        defer { removeLexicon(path) }
        let r = try warta(["process", "--raw-text", "--lexicon", path, "-"],
                          input: Data("Pedagang pindah dari kawasan Bugangan ke Tugu.".utf8))
        let entities = try #require(try records(r.stdout).first?["entities"] as? [[String: Any]])
        let place = try #require(entities.first { $0["name"] as? String == "Bugangan" })
        #expect(place["type"] as? String == "LOC")
        #expect(place["subtype"] as? String == "village")
        #expect(place["lexicon_id"] as? String == "bgn")
    }

    @Test func tagPrintsTheRecordAsJSON() throws {
        let r = try warta(["tag", "--format", "json", "-"],
                          input: Data("Warga Kelurahan Bugangan, Kota Semarang, kata Joko Susilo.".utf8))
        #expect(r.status == 0)
        let record = try #require(try records(r.stdout).first)
        #expect(record["id"] as? String == "stdin")
        let entities = try #require(record["entities"] as? [[String: Any]])
        #expect(entities.map { "\($0["type"]!) \($0["name"]!) \($0["lexicon_id"] as? String ?? "-")" }
                == ["LOC Kelurahan Bugangan 33.74.03.1006", "LOC Kota Semarang 33.74", "PER Joko Susilo -"])
        #expect(record["quotes"] == nil)
        let wrong = try warta(["tag", "--format", "json", "--pretokenized", "-"], input: Data("x".utf8))
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("--pretokenized goes with --format conll"))
    }

    @Test func nestedMarksInnerEntitiesInTextAndRecords() throws {
        let input = Data("Ia anggota DPRD Kota Semarang.".utf8)
        let text = try warta(["tag", "--nested", "-"], input: input)
        #expect(text.stdout == "Ia anggota [ORG [ORG DPRD] [LOC Kota Semarang]].\n")
        let r = try warta(["process", "--raw-text", "--nested", "-"], input: input)
        let entities = try #require(try records(r.stdout).first?["entities"] as? [[String: Any]])
        let city = try #require(entities.first { $0["name"] as? String == "Kota Semarang" })
        let mention = try #require((city["mentions"] as? [[String: Any]])?.first)
        #expect(mention["nested"] as? Bool == true)
        #expect(mention["span"] as? [Int] == [16, 29])
    }

    @Test func aMalformedRowStopsTheRunWithItsLine() throws {
        let path = try lexicon("name\ttype\tsubtype\tcase\nJoko Susilo\tPERSON\t\tany\n")
        defer { removeLexicon(path) }
        let r = try warta(["tag", "--lexicon", path, Self.seed])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("user.tsv:2: not a lexicon row (unknown type 'PERSON'"))
    }
}
