import Foundation
import Testing

/// `warta quotes` and the quotes of `warta process` records.
@Suite("quotes")
struct QuotesCommandTests {
    static let seed = "seeds/000_43943d992f4a7b6d.txt"

    @Test func theListingNamesEachSpeakerAndHowItWasFound() throws {
        let r = try warta(["quotes", Self.seed])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("1. indirect · menjelaskan · Tri Supriyanto, Kepala Kementerian Perindustrian Kota Semarang  [name: Tri Supriyanto]\n"))
        #expect(r.stdout.contains("9. direct · ujarnya · Joko Susilo, Ketua Komite B DPRD Kota Semarang  [pronoun: nya]\n   “Inovasi ini perlu"))
        #expect(!r.stdout.contains("12. "))
    }

    @Test func recordsCarryQuotesWithSpansIntoTheText() throws {
        let input = Data("Joko Susilo meninjau pasar. “Misalnya ada turis yang mau datang,” kata dia, “sekarang sudah bisa.”".utf8)
        let r = try warta(["process", "--raw-text", "-"], input: input)
        let record = try #require(try records(r.stdout).first)
        let text = try #require(record["text"] as? String)
        let quotes = try #require(record["quotes"] as? [[String: Any]])
        #expect(quotes.count == 1)
        let q = quotes[0]
        #expect(q["type"] as? String == "direct")
        let parts = try #require(q["parts"] as? [[Int]])
        let scalars = Array(text.unicodeScalars)
        func slice(_ p: [Int]) -> String { String(String.UnicodeScalarView(scalars[p[0]..<p[1]])) }
        #expect(parts.map(slice) == ["Misalnya ada turis yang mau datang", "sekarang sudah bisa."])
        let speaker = try #require(q["speaker"] as? [String: Any])
        #expect(speaker["name"] as? String == "Joko Susilo")
        #expect(speaker["resolved_by"] as? String == "pronoun")
        let mention = try #require(speaker["mention"] as? [String: Any])
        #expect(mention["text"] as? String == "dia")
        #expect((mention["span"] as? [Int]).map(slice) == "dia")
        let entities = try #require(record["entities"] as? [[String: Any]])
        #expect(entities.first { $0["id"] as? String == speaker["entity"] as? String }?["name"] as? String == "Joko Susilo")
        let cue = try #require(q["cue"] as? [String: Any])
        #expect(cue["lemma"] as? String == "kata")
    }

    @Test func jsonFormatIsTheRecord() throws {
        let r = try warta(["quotes", "--format", "json", Self.seed])
        let record = try #require(try records(r.stdout).first)
        #expect((record["quotes"] as? [Any])?.count == 11)
    }
}
