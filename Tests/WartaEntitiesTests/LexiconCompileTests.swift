import Testing
@testable import WartaEntities
import WartaText

/// The places mentioned in `text` with their subtype and lexicon id.
/// The places the rules find in `text` (lexicon matching, without the sequence model).
func places(_ text: String) -> [String] {
    let doc = TextAnalyzer().analyze(text)
    return EntityTagger(model: nil).tag(doc).filter { $0.type == .loc }.map { m in
        "\(mentionText(doc, m)) \(m.subtype ?? "-") \(m.lexiconID ?? "-")"
    }
}

@Suite("Lexicon compilation")
struct LexiconCompileTests {
    /// The fast key path must give exactly the key the tokenizer gives, or names would not match.
    @Test func plainKeysAgreeWithTheTokenizerOnEveryBuiltInName() {
        let analyzer = TextAnalyzer()
        var plain = 0, checked = 0
        var mismatches: [String] = []
        func check(_ name: UnsafeBufferPointer<UInt8>) {
            var fast: [UInt8] = []
            guard let count = EntityLexicon.plainKey(of: name, into: &fast) else { return }
            plain += 1
            let doc = analyzer.analyze(String(decoding: name, as: UTF8.self))
            let slow = Array((0..<doc.tokens.count).map { doc.matchKey(ofToken: $0) }.joined(separator: [0x20]))
            if slow != fast || count != doc.tokens.count { mismatches.append(String(decoding: name, as: UTF8.self)) }
        }
        for source in EntityLexicon.builtInSources {
            if source.hasPrefix(EntityLexicon.villagesHeader) {
                // Every 7th village (83k analyses are slow in debug).
                EntityLexicon.forEachVillage(source) { name, _ in
                    checked += 1
                    if checked % 7 == 0 { check(name) }
                }
            } else {
                TokenizerLexicon.forEachRow(source) { row in check(row[0]) }
            }
        }
        #expect(plain > 15_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        var key: [UInt8] = []
        for name in ["Kotanya", "Kupang", "Kauman", "A. Yani", "Aek Sitio-tio", "2 x 11 Kayu Tanam", " Jakarta", "Dua  Spasi"] {
            #expect(Array(name.utf8).withUnsafeBufferPointer { EntityLexicon.plainKey(of: $0, into: &key) } == nil, "\(name)")
        }
    }

    /// `wiki-names.tsv`'s compact format: a name and its type, case capitalized, no subtype or
    /// id; a later file's entry of the same name overrides it.
    @Test func theNamesFileReadsAsEntriesThatLaterFilesOverride() {
        let names = "name\ttype\nBudi Santoso\tPER\nSalatiga\tPER\n"
        let places = "name\ttype\tsubtype\tcase\tid\tparent\nSalatiga\tLOC\tcity\tcapitalized\t33.73\t33\n"
        let lexicon = EntityLexicon(tsv: [names, places])
        #expect(lexicon.entries.map { "\($0.name) \($0.type) [\($0.subtype)] \($0.casePolicy) [\($0.id)]" }
                == ["Budi Santoso per [] capitalized []", "Salatiga per [] capitalized []", "Salatiga loc [city] capitalized [33.73]"])
        #expect(lexicon.entry(forKey: Array("salatiga".utf8)).map { "\($0.type) \($0.id)" } == "loc 33.73")
        #expect(lexicon.entry(forKey: Array("budi santoso".utf8))?.type == .per)
    }

    @Test func theVillageFileReadsAsEntries() {
        let villages = "district\tvillages\n# comment\n33.74.03\t1006 Bugangan\t1007 Kebonagung\n33.26.13\t2016 Bugangan\n"
        let lexicon = EntityLexicon(tsv: [villages])
        #expect(lexicon.entries.map { "\($0.name) \($0.type) \($0.subtype) \($0.casePolicy) \($0.id)" }
                == ["Bugangan loc village cued ", "Kebonagung loc village cued 33.74.03.1007"])
        #expect(lexicon.entry(forKey: Array("bugangan".utf8)).map(lexicon.candidateIDs) == ["33.74.03.1006", "33.26.13.2016"])
        var count = 0
        EntityLexicon.forEachVillage(EntityLexicon.builtInSources[1]) { _, _ in count += 1 }
        #expect(count == 83_762)
    }

    @Test func repeatsWithinAFileMakeANameAmbiguousAndLaterFilesOverride() {
        let villages = "name\ttype\tsubtype\tcase\tid\tparent\nSidomulyo\tLOC\tvillage\tcued\t1.1\t1\nSidomulyo\tLOC\tvillage\tcued\t2.2\t2\nKalibanteng\tLOC\tvillage\tcued\t3.3\t3\n"
        let places = "name\ttype\tsubtype\tcase\tid\tparent\nKalibanteng\tLOC\tdistrict\tcapitalized\t4\t\n"
        let lexicon = EntityLexicon(tsv: [villages, places])
        #expect(lexicon.entry(forKey: Array("sidomulyo".utf8)).map { "\($0.subtype) \($0.id)" } == "village ")
        #expect(lexicon.entry(forKey: Array("sidomulyo".utf8)).map(lexicon.candidateIDs) == ["1.1", "2.2"])
        #expect(lexicon.entry(forKey: Array("kalibanteng".utf8)).map(lexicon.candidateIDs) == [])
        // The same name with another subtype is no rival: the first row stays, with its code.
        let mixed = EntityLexicon(tsv: ["name\ttype\tsubtype\tcase\tid\tparent\nKaranganyar\tLOC\tdistrict\tcapitalized\t1\t\nKaranganyar\tLOC\tregency\tcapitalized\t2\t\n"])
        #expect(mixed.entry(forKey: Array("karanganyar".utf8)).map { "\($0.subtype) \($0.id)" } == "district 1")
        #expect(lexicon.entry(forKey: Array("kalibanteng".utf8)).map { "\($0.subtype) \($0.id) \($0.casePolicy)" } == "district 4 capitalized")
    }

    @Test func villagesMatchOnlyAfterAPlaceWord() {
        // Kalibanteng Kulon is one village (Semarang Barat).
        #expect(places("Warga Kelurahan Kalibanteng Kulon mengungsi.") == ["Kelurahan Kalibanteng Kulon village 33.74.13.1005"])
        #expect(places("Banjir melanda di Kalibanteng Kulon kemarin.") == ["Kalibanteng Kulon village 33.74.13.1005"])
        // Karangsari is 49 villages and no district: no code, and a place only after a place word.
        #expect(places("Warga Desa Karangsari dan di Karangsari.") == ["Desa Karangsari village -", "Karangsari village -"])
        #expect(places("Karangsari datang terlambat.").isEmpty)
        // A district of the same name (Sidomulyo, Lampung Selatan) overrides the 98 villages.
        #expect(places("Sidomulyo datang terlambat.") == ["Sidomulyo district 18.01.07"])
        // A district cue does not take a village's code.
        #expect(places("Warga Kecamatan Tugu datang.") == ["Kecamatan Tugu district -"])
    }

    @Test func anAmbiguousPlaceTakesTheCodeTheDocumentPointsTo() {
        // Bugangan is a village in Kabupaten Pekalongan (33.26) and one in Kota Semarang (33.74).
        #expect(places("Warga Kelurahan Bugangan, Kota Semarang mengungsi.") ==
                ["Kelurahan Bugangan village 33.74.03.1006", "Kota Semarang city 33.74"])
        #expect(places("Warga Desa Bugangan, Kabupaten Pekalongan, Jawa Tengah.") ==
                ["Desa Bugangan village 33.26.13.2016", "Kabupaten Pekalongan regency 33.26", "Jawa Tengah province 33"])
        #expect(places("Warga Kelurahan Bugangan mengungsi.") == ["Kelurahan Bugangan village -"])
        // Five districts are called Wonosari; the regency named decides, a province alone may not.
        #expect(places("Warga Kecamatan Wonosari, Kabupaten Gunungkidul datang.") ==
                ["Kecamatan Wonosari district 34.03.01", "Kabupaten Gunungkidul regency 34.03"])
        // Four villages called Karangsari lie in Kabupaten Kebumen: a tie keeps no code.
        #expect(places("Banjir di Karangsari, Kabupaten Kebumen.") == ["Karangsari village -", "Kabupaten Kebumen regency 33.05"])
    }

    /// A feature of nature is not the administrative place of the same name: Teluk Jakarta is no
    /// province, Selat Malaka no regency (Malaka, NTT), Pulau Jawa no village called Jawa, Pantai
    /// Kuta no village; a name listed whole with its cue is that entry.
    @Test func featuresOfNatureTakeNoCodeFromTheNameInside() {
        #expect(places("Kapal tenggelam di Teluk Jakarta dan Selat Malaka.") == ["Teluk Jakarta bay -", "Selat Malaka strait -"])
        #expect(places("Petani di Pulau Jawa dan turis di Pantai Kuta.") == ["Pulau Jawa island -", "Pantai Kuta beach -"])
        #expect(places("Pendaki naik Gunung Semeru dan melihat Danau Toba.") == ["Gunung Semeru mountain -", "Danau Toba lake -"])
        #expect(places("Warga Kepulauan Riau dan Sungai Penuh datang.") == ["Kepulauan Riau province 21", "Sungai Penuh city 15.72"])
        // Nor do a market or a square take the code of the district or village inside their names.
        #expect(places("Pedagang di Pasar Tanah Abang dan Alun-alun Pancasila.") == ["Pasar Tanah Abang - -", "Alun-alun Pancasila - -"])
    }

    /// A name listed without a subtype has none (nil), never an empty string.
    @Test func aListedNameWithoutSubtypeHasNone() {
        let doc = TextAnalyzer().analyze("Ia pindah ke Texas.")
        let loc = EntityTagger(model: nil).tag(doc).filter { $0.type == .loc }
        #expect(loc.map { "\(mentionText(doc, $0)) \($0.subtype ?? "nil")" } == ["Texas nil"])
    }

    @Test func imagesRoundTripAndRejectDamage() throws {
        let lexicon = EntityLexicon.builtIn
        let image = lexicon.image()
        let loaded = try #require(image.withUnsafeBytes { EntityLexicon(image: $0) })
        #expect(loaded.entries.count == lexicon.entries.count)
        #expect(loaded.maxTokens == lexicon.maxTokens)
        for key in ["kota semarang", "kalibanteng kulon", "dprd", "jawa tengah", "kepala dinas"] {
            let a = lexicon.entry(forKey: Array(key.utf8)), b = loaded.entry(forKey: Array(key.utf8))
            #expect(a.map { "\($0.name) \($0.type) \($0.subtype) \($0.id) \($0.casePolicy) \($0.tokenCount)" }
                    == b.map { "\($0.name) \($0.type) \($0.subtype) \($0.id) \($0.casePolicy) \($0.tokenCount)" }, "\(key)")
            #expect(a != nil, "\(key)")
        }
        #expect(loaded.hasLongerEntry(startingWith: Array("kota".utf8)))
        let bugangan = try #require(loaded.entry(forKey: Array("bugangan".utf8)))
        #expect(loaded.candidateIDs(of: bugangan) == ["33.26.13.2016", "33.74.03.1006"])
        // Truncated, foreign or corrupted images load as nil, never crash.
        for cut in [0, 7, 8, 100, image.count / 2, image.count - 1] {
            #expect(Array(image[0..<cut]).withUnsafeBytes { EntityLexicon(image: $0) } == nil, "cut at \(cut)")
        }
        var garbage = image
        for i in stride(from: 8, to: 4_000, by: 37) { garbage[i] = 0xFF }
        _ = garbage.withUnsafeBytes { EntityLexicon(image: $0) }
        #expect(Array("name\ttype\n".utf8).withUnsafeBytes { EntityLexicon(image: $0) } == nil)
    }
}
