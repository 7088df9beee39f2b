import Foundation
import Testing
import WartaEntities
import WartaText

/// The seed article's entities as issue 4 lists them, each one entity with all its mentions:
/// `"TYPE name": [mention texts]`.
@Suite("seed entities")
struct SeedEntityTests {
    static let entities: [String: [String]] = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let path = parts.joined(separator: "/") + "/seeds/000_43943d992f4a7b6d.txt"
        let doc = TextAnalyzer().analyze((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        var out: [String: [String]] = [:]
        for e in EntityResolver().resolve(EntityTagger().tag(doc), in: doc) {
            out["\(e.type.rawValue) \(e.name)"] = e.mentions.map {
                doc.text(TextRange(Int(doc.tokens.starts[$0.start]), Int(doc.tokens.ends[$0.end - 1])))
            }
        }
        return out
    }()

    @Test func peopleWithTheirPartialNames() {
        #expect(Self.entities["PER Tri Supriyanto"] == ["Tri Supriyanto", "Tri"])
        #expect(Self.entities["PER Joko Susilo"] == ["Joko Susilo", "Joko"])
    }

    @Test func organizationsAndTheirAcronyms() {
        // The body names the DPRD; whether the garbled title line ("Dewan Komisi B DPRD Kota
        // Semarang") names it too, or an organization of its own, moves with each retraining.
        let dprd = Self.entities["ORG DPRD Kota Semarang"] ?? []
        #expect(!dprd.isEmpty && dprd.allSatisfy { $0 == "DPRD Kota Semarang" })
        #expect(Self.entities["ORG Dinas Perindustrian"] == ["Dinas Perindustrian", "Disperin"])
        #expect(Self.entities["ORG Kementerian Perindustrian Kota Semarang"]?.first == "Kementerian Perindustrian Kota Semarang")
    }

    /// The seed names Kota Semarang (33.74), so its Bugangan is Semarang's kelurahan, not the
    /// village of the same name in Kabupaten Pekalongan.
    @Test func buganganIsSemarangsKelurahan() {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let path = parts.joined(separator: "/") + "/seeds/000_43943d992f4a7b6d.txt"
        let doc = TextAnalyzer().analyze((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        let bugangan = EntityResolver().resolve(EntityTagger().tag(doc), in: doc).first { $0.name == "Bugangan" }
        #expect(bugangan?.lexiconID == "33.74.03.1006")
    }

    @Test func places() {
        #expect(Self.entities["LOC Kecamatan Tugu"] != nil)
        #expect(Self.entities["LOC Bugangan"] == ["Bugangan", "Bugangan"])
        #expect(Self.entities["LOC Barito"] == ["Barito"])
        #expect(Self.entities["LOC Jawa Tengah"] == ["Jawa Tengah"])
        #expect(Self.entities["LOC Kota Semarang"]?.filter { $0 == "Kota Semarang" }.count == 4)
    }

    @Test func datesAmountsAndPercentages() {
        // Rule: a day name with its date in brackets is one DATE ("Senin (12/5/2022)").
        #expect(Self.entities["DATE Senin (12/5/2022)"] == ["Senin (12/5/2022)"])
        #expect(Self.entities["DATE 14 Februari"] == ["14 Februari"])
        #expect(Self.entities["PERCENT 5,61 persen"] != nil)
        #expect(Self.entities["PERCENT 60 persen"] != nil)
        #expect(Self.entities["PERCENT minus 1,85 persen"] != nil)
        #expect(Self.entities["QUANTITY 74 kios"] == ["74 kios"])
    }

    /// Rules: a word in capitals that abbreviates a place or organization named before is a mention
    /// of it (KIW, all but the last initial of Kawasan Industri Wijaya Kusuma, whose last two words
    /// are one in the abbreviation); a place's bare name joins the place named with its cue word
    /// (SEMARANG, kota Semarang and Kota Semarang); the bracketed name in a dateline is its publisher.
    @Test func abbreviationsBareNamesAndTheDateline() {
        #expect(Self.entities["LOC Kawasan Industri Wijaya Kusuma"]?.contains("KIW") == true)
        #expect(Self.entities["LOC Kota Semarang"]?.contains("kota Semarang") == true)
        #expect(Self.entities["LOC Kota Semarang"]?.contains("SEMARANG") == true)
        #expect(Self.entities["LOC Sigi"] == nil)
        #expect(Self.entities["LOC Jateng"] == nil)
        #expect(Self.entities["ORG Sigi Jateng"] == ["Sigi Jateng"])
    }

    @Test func kotaAndKabupatenStayApart() {
        let doc = TextAnalyzer().analyze("Banjir melanda Kota Semarang dan Kabupaten Semarang. Di Semarang, warga mengungsi.")
        let places = EntityResolver().resolve(EntityTagger().tag(doc), in: doc).filter { $0.type == .loc }
        #expect(places.map(\.name) == ["Kota Semarang", "Kabupaten Semarang"])
    }
}
