import Testing
import WartaText
@testable import WartaEntities

/// How the model's spans join the rules' mentions (``Scan/adopt(_:)``), with the model's
/// spans given, so each case holds whatever a retrained model reads.
@Suite("Model merge")
struct ModelMergeTests {
    /// The mentions after the rules and the merge of `spans` (token ranges and types).
    static func merged(_ text: String, _ spans: [(Range<Int>, EntityType)], then passes: (Scan) -> Void = { _ in }) -> [String] {
        let doc = TextAnalyzer().analyze(text)
        let scan = Scan(doc: doc, lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        scan.applyRules()
        scan.adopt(spans.map { Mention(start: $0.0.lowerBound, end: $0.0.upperBound, type: $0.1) })
        passes(scan)
        return scan.mentions.sorted { $0.start < $1.start }.map { "\($0.type.rawValue) \(mentionText(doc, scan.entityMention($0)))" }
    }

    /// A person the model starts earlier than the rule, right after a role, over words that
    /// name no listed place or organization, is the model's, and the role keeps only its own
    /// words (`Pengamat` | `Citra Kirana`: the rule read `Pengamat Citra` | `Kirana`, `citra`
    /// being a word); a listed place there names the role's region (`Bupati Agam` | `Benni
    /// Warlis`), and a title inside an organization's name opens no person (`RSUP Prof Ngoerah`).
    @Test func theModelTakesBackANamesFirstWordsFromTheRole() {
        func people(_ text: String, _ spans: [(Range<Int>, EntityType)]) -> [String] {
            let doc = TextAnalyzer().analyze(text)
            let scan = Scan(doc: doc, lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
            scan.applyRules()
            scan.adopt(spans.map { Mention(start: $0.0.lowerBound, end: $0.0.upperBound, type: $0.1) })
            return scan.mentions.filter { $0.type == .per }.sorted { $0.start < $1.start }.map { m in
                let e = scan.entityMention(m)
                return "\(mentionText(doc, e)) (\(e.role ?? "-"))"
            }
        }
        #expect(people("Pengamat Citra Kirana mendukung hal itu.", []) == ["Kirana (Pengamat Citra)"])
        #expect(people("Pengamat Citra Kirana mendukung hal itu.", [(1..<3, .per)]) == ["Citra Kirana (Pengamat)"])
        #expect(people("Andre bersama Bupati Agam Benni Warlis meninjau jalan.", [(0..<1, .per), (3..<6, .per)])
                    == ["Andre (-)", "Benni Warlis (Bupati Agam)"])
        #expect(people("Hal itu dikatakan Direktur Utama RSUP Prof Ngoerah I Wayan Sudana di Denpasar.", [(7..<11, .per)])
                    .allSatisfy { !$0.hasPrefix("Ngoerah") })
    }

    /// A person the model finds over a word the given names list has no subtype: the entry's
    /// `given_name` says what the word is, not who the person is.
    @Test func aModelPersonOverAGivenNameHasNoSubtype() {
        let doc = TextAnalyzer().analyze("Alasan Prabowo Bentuk Kementerian Haji")
        let scan = Scan(doc: doc, lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        scan.applyRules()
        // As where no rule read the word (a headline's words cut off, a run the rules took whole).
        scan.mentions = []
        scan.adopt([Mention(start: 1, end: 2, type: .per)])
        let people = scan.entityMentions().filter { $0.type == .per }
        #expect(people.map { "\(mentionText(doc, $0)) \($0.subtype ?? "-")" } == ["Prabowo -"])
    }

    /// A listed country, province, regency or city inside a person's role stands where the
    /// model finds nothing over it (`Presiden Amerika Serikat` | `Donald Trump`, `Presiden
    /// Republik Indonesia`, `Ketua NasDem Sumut`); after words that open a company's name, or a
    /// country after a body, it is the name's (`Analis Artha Sekuritas Indonesia`, `PKB
    /// Indonesia`).
    @Test func thePlaceOfARoleStandsWhereTheModelSaysNothing() {
        let president = ModelMergeTests.merged("Presiden Amerika Serikat Donald Trump berbicara.", [(3..<5, .per)])
        #expect(president == ["LOC Amerika Serikat", "PER Donald Trump"])
        let republic = ModelMergeTests.merged("Hal itu disampaikan Presiden Republik Indonesia Prabowo Subianto.", [(6..<8, .per)])
        #expect(republic == ["LOC Indonesia", "PER Prabowo Subianto"])
        let analyst = ModelMergeTests.merged("Kata Analis Artha Sekuritas Indonesia Dennies Christopher, rupiah melemah.", [(5..<7, .per)])
        #expect(!analyst.contains("LOC Indonesia") && analyst.contains("PER Dennies Christopher"))
        // A region after a body is its branch; a country, the body's name.
        #expect(ModelMergeTests.merged("Ketua NasDem Sumut Iskandar mendesak polisi.", [(3..<4, .per)]).contains("LOC Sumut"))
        #expect(!ModelMergeTests.merged("Ketua Umum PKB Indonesia Yenny Wahid mengatakan hal itu.", [(4..<6, .per)]).contains("LOC Indonesia"))
    }

    /// An organization named by its building after `di` or `ke` is the place where something
    /// happens when the model reads it so (`di Pengadilan Negeri Jakarta Selatan`); read as an
    /// organization, or without `di`, an organization word keeps it one.
    @Test func anOrganizationsBuildingAfterDiIsAPlaceWhenTheModelSaysSo() {
        let text = "Sidang digelar di Pengadilan Negeri Jakarta Selatan, Kamis."
        #expect(ModelMergeTests.merged(text, [(3..<7, .loc)]).contains("LOC Pengadilan Negeri Jakarta Selatan"))
        #expect(ModelMergeTests.merged(text, [(3..<7, .org)]).contains("ORG Pengadilan Negeri Jakarta Selatan"))
        let office = "Dinas Perdagangan Kota Salatiga menggelar pasar murah."
        #expect(ModelMergeTests.merged(office, [(0..<4, .loc)]).contains("ORG Dinas Perdagangan Kota Salatiga"))
    }

    /// A name the model runs on from a listed organization is that organization and a person
    /// when the document names the rest as a person alone (`Kementerian Keuangan` |
    /// `Rosmauli`, then `Menurut Rosmauli`); without that, the span stays whole.
    @Test func aListedOrganizationThenAPersonNamedAloneElsewhere() {
        let text = "Laporan Kementerian Keuangan Rosmauli terbit. Menurut Rosmauli, anggaran cukup."
        #expect(ModelMergeTests.merged(text, [(1..<4, .org), (7..<8, .per)]) == ["ORG Kementerian Keuangan", "PER Rosmauli", "PER Rosmauli"])
        #expect(ModelMergeTests.merged(text, [(1..<4, .org)]).first == "ORG Kementerian Keuangan Rosmauli")
    }

    /// An organization a reporting verb follows ends in its speaker when the document names
    /// the last words' person alone (`… Industri` | `Zafrullah Sunyaruri menuturkan`, then
    /// `lanjut Zafrullah`); a listed place among them keeps them in (`AHASS Todo Stanley Depok`).
    @Test func anOrganizationEndsInItsSpeakerNamedAloneLater() {
        let cut: (Scan) -> Void = { $0.organizationsEndingInSpeakers() }
        let text = """
            Area Supervisor PT Eigerindo Multi Produk Industri Zafrullah Sunyaruri menuturkan, persiapan dilakukan sejak April. \
            Padahal, lanjut Zafrullah, toko kerap ramai.
            """
        #expect(ModelMergeTests.merged(text, [(2..<9, .org), (19..<20, .per)], then: cut)
                    == ["ORG PT Eigerindo Multi Produk Industri", "PER Zafrullah Sunyaruri", "PER Zafrullah"])
        let shop = "Kepala Mekanik AHASS Todo Stanley Depok mengungkapkan, gigi sentrik penting. Menurut Stanley, rantai bisa lompat."
        #expect(ModelMergeTests.merged(shop, [(2..<6, .org), (13..<14, .per)], then: cut).contains("ORG AHASS Todo Stanley Depok"))
    }

    /// A person found on one side of lower-case name particles goes on over them
    /// (`Leonardo` → `Leonardo da Vinci`, `Silva` → `David da Silva`, `Edwin` and `Sar` →
    /// `Edwin van der Sar`); a common word opening the sentence stays out (`Gol`), and so
    /// does a place.
    @Test func aPersonGoesOnOverNameParticles() {
        let join: (Scan) -> Void = { $0.namesAcrossParticles() }
        let painter = "Lukisan karya Leonardo da Vinci dipamerkan di Paris."
        #expect(ModelMergeTests.merged(painter, [(2..<3, .per), (7..<8, .loc)], then: join) == ["PER Leonardo da Vinci", "LOC Paris"])
        #expect(ModelMergeTests.merged("Gol David da Silva membawa kemenangan.", [(3..<4, .per)], then: join) == ["PER David da Silva"])
        #expect(ModelMergeTests.merged("Kemarin Edwin van der Sar hadir.", [(1..<2, .per), (4..<5, .per)], then: join)
                    == ["PER Edwin van der Sar"])
        #expect(ModelMergeTests.merged("Kemarin Budi de Kota Bandung hadir.", [(1..<2, .per)], then: join).first == "PER Budi")
    }

    /// A listed medium stands though the model leaves it out (`Bloomberg`, which a Wikipedia
    /// title had made a person), and gives way to a longer organization the model finds
    /// opened by it and run on by capitalised words (`CBS News`), not across a sign
    /// (`CNN Indonesia --` | `Xiaomi`).
    @Test func aListedMediumStandsOrOpensALongerName() {
        #expect(ModelMergeTests.merged("Menurut Bloomberg, harga naik.", []) == ["ORG Bloomberg"])
        let news = "Seperti dikutip dari CBS News, Trump menang."
        #expect(ModelMergeTests.merged(news, [(3..<5, .org), (6..<7, .per)]) == ["ORG CBS News", "PER Trump"])
        let dateline = "Jakarta, CNN Indonesia -- Xiaomi hari ini meluncurkan ponsel."
        #expect(ModelMergeTests.merged(dateline, [(0..<1, .loc), (2..<6, .org)]).contains("ORG CNN Indonesia"))
    }

    /// A model span that runs from a listed organization on into a name a given name opens is
    /// the organization and the person; a listed company's own longer name is not cut.
    @Test func aListedOrganizationEndsBeforeAGivenName() {
        let text = "Hal itu disampaikan pejabat Kementerian Pertanian Agung Suganda kemarin."
        #expect(ModelMergeTests.merged(text, [(4..<8, .org)]) == ["ORG Kementerian Pertanian", "PER Agung Suganda"])
        let company = "Ia berkunjung ke Pertamina Patra Niaga Regional Sumbagsel kemarin."
        #expect(ModelMergeTests.merged(company, [(3..<8, .org)]) == ["ORG Pertamina Patra Niaga Regional Sumbagsel"])
    }

    /// An organization the model found defines the acronym in brackets after it that spells
    /// its initials, and the acronym is the organization again later; a bracketed word that
    /// spells something else is not.
    @Test func aModelOrganizationDefinesItsAcronym() {
        // An organization no lexicon lists (`Indonesia Corruption Watch` is listed with its acronym).
        let text = "Nusantara Budget Watch (NBW) menilai. Peneliti NBW Kurnia Ramadhana hadir."
        let passes: (Scan) -> Void = { $0.acronymsOfModelOrganizations(); $0.repeatNames() }
        let merged = ModelMergeTests.merged(text, [(0..<3, .org), (10..<12, .per)], then: passes)
        #expect(merged.filter { $0 == "ORG NBW" }.count == 2)
        let other = "Nusantara Budget Watch (WXY) menilai."
        #expect(!ModelMergeTests.merged(other, [(0..<3, .org)], then: passes).contains("ORG WXY"))
    }

    /// A model span stops at what no name runs over: `;`, a quote mark, a new line, and for
    /// a person a reference number; an apostrophe inside a name stays (`O'Neil`).
    @Test func aModelSpanStopsAtABreak() {
        #expect(ModelMergeTests.merged("Rapat dengan Sarah Spence; Sarr tidak hadir.", [(2..<6, .per)]).contains("PER Sarah Spence"))
        #expect(ModelMergeTests.merged("Ia menyebut Gen Z.\n\"Ada yang baru,\" katanya.", [(2..<6, .per)]).contains("PER Gen Z."))
        #expect(ModelMergeTests.merged("Hadir pula Grace O ' Neil hari ini.", [(2..<6, .per)]).contains("PER Grace O ' Neil"))
        #expect(ModelMergeTests.merged("Surat Budi Santoso TR/442/2025 terbit.", [(1..<4, .per)]).contains("PER Budi Santoso"))
    }

    /// A word the document also writes in lower case is named again only where it was read as
    /// a name (`Nomor` | `nomor`); a name never written in lower case is (`Sekar`).
    @Test func aWordWrittenInLowerCaseIsNoRepeatedName() {
        let passes: (Scan) -> Void = { $0.repeatNames() }
        let text = "Nomor itu dicatat. Surat bernomor dan nomor baru terbit. Nomor lama dihapus."
        #expect(ModelMergeTests.merged(text, [(0..<1, .per)], then: passes) == ["PER Nomor"])
        let name = "Sekar datang pagi. Warga menyambut. Sekar lalu pulang."
        #expect(ModelMergeTests.merged(name, [(0..<1, .per)], then: passes) == ["PER Sekar", "PER Sekar"])
    }

    /// A person made only of personal pronouns is no one, however it was read (`Anda`).
    @Test func aPronounIsNoPerson() {
        let text = "Jika Anda lelah, Anda boleh istirahat."
        #expect(ModelMergeTests.merged(text, [(1..<2, .per)], then: { $0.repeatNames(); $0.dropCommonWordNames() }).isEmpty)
        // Nor is an exclamation opening a sentence (`Ayo`), where a name of more words stays.
        let call = "Ayo, datang ke Bandung. Mari Elka Pangestu hadir."
        #expect(ModelMergeTests.merged(call, [(0..<1, .per), (6..<9, .per)], then: { $0.dropCommonWordNames() }).filter { $0.hasPrefix("PER") }
                == ["PER Mari Elka Pangestu"])
    }

    /// An abbreviation of a common noun alone is no name, however it was read (`tarif PPN`,
    /// `di TKP`); a listed organization's acronym stays (`KPK`).
    @Test func aCommonNounAbbreviationIsNoName() {
        let text = "Tarif PPN naik. Polisi tiba di TKP. KPK memeriksa saksi."
        let merged = ModelMergeTests.merged(text, [(1..<2, .org), (7..<8, .loc), (9..<10, .org)], then: { $0.dropCommonWordNames() })
        #expect(merged == ["ORG KPK"])
        // An organization word alone names a kind; a short form names the body the text is about.
        let kinds = "Kementerian menyatakan bantuan cair. Pemkot menyiapkan data."
        #expect(ModelMergeTests.merged(kinds, [(0..<1, .org), (5..<6, .org)], then: { $0.dropCommonWordNames() }) == ["ORG Pemkot"])
        // Abbreviations written as words (`Raperda`, `Bansos`) are common nouns too.
        let words = "DPRD menyetujui empat Raperda. Penerima Bansos bertambah."
        #expect(ModelMergeTests.merged(words, [(0..<1, .org), (3..<4, .per), (6..<7, .per)], then: { $0.dropCommonWordNames() }) == ["ORG DPRD"])
    }

    /// A name after a product noun (`mobil Pajero`, `aplikasi LinkAja`) is no person, however
    /// the model read it.
    @Test func aProductIsNoPerson() {
        let text = "Ia membeli mobil Pajero baru. Budi Santoso memakai aplikasi LinkAja."
        let merged = ModelMergeTests.merged(text, [(3..<4, .per), (6..<8, .per), (10..<11, .per)], then: { $0.dropCommonWordNames() })
        #expect(merged == ["PER Budi Santoso"])
    }

    /// A numbering noun before a number (`Nomor 188`, `Pasal 27A`) is no person, whichever
    /// tagger read it so: the rules took `Nomor` for the name after `Gubernur Jawa Timur`.
    @Test func aNumberedReferenceIsNoPerson() {
        let text = "Keputusan Gubernur Jawa Timur Nomor 188 terbit kemarin."
        #expect(!ModelMergeTests.merged(text, [(4..<5, .per)], then: { $0.dropCommonWordNames() }).contains("PER Nomor"))
        #expect(!tagged(text, model: nil).contains("PER Nomor"))
    }

    /// A one-word person whose word the document also writes in lower case is a word, not a
    /// name (`Menko Pangan` beside `ketahanan pangan`); a name it never writes so stays.
    @Test func aOneWordPersonWrittenInLowerCaseIsAWord() {
        let passes: (Scan) -> Void = { $0.nameWords = NERModel.builtIn!.multiWord; $0.dropPeopleWrittenInLowerCase() }
        let field = "Menko Pangan meninjau gudang. Ketahanan pangan terjaga."
        #expect(!ModelMergeTests.merged(field, [(1..<2, .per)], then: passes).contains("PER Pangan"))
        let name = "Sekar datang pagi. Warga menyambut Sekar."
        #expect(ModelMergeTests.merged(name, [(0..<1, .per), (6..<7, .per)], then: passes) == ["PER Sekar", "PER Sekar"])
    }

    /// A person of two words or more whose words the document also writes one after another
    /// in lower case is a phrase a headline capitalised (`School Kitchen` beside `school
    /// kitchen`); a name whose words stand apart in lower case stays (`Bunga Lestari`).
    @Test func aPhraseWrittenInLowerCaseIsNoPerson() {
        let passes: (Scan) -> Void = { $0.nameWords = NERModel.builtIn!.multiWord; $0.dropPhrasesWrittenInLowerCase() }
        let phrase = "Menteri Usulkan Skema Lewat School Kitchen\n\nMenteri mengusulkan skema school kitchen di sekolah."
        #expect(!ModelMergeTests.merged(phrase, [(4..<6, .per)], then: passes).contains("PER School Kitchen"))
        let name = "Bunga Lestari hadir. Ia membawa bunga dan hidup lestari."
        #expect(ModelMergeTests.merged(name, [(0..<2, .per)], then: passes) == ["PER Bunga Lestari"])
    }

    /// A model span that takes in the acronym in brackets after a name gives the name and the
    /// acronym as two mentions, as the rules do; a legal form in brackets is no acronym.
    @Test func aNameAndItsBracketedAcronymAreTwoMentions() {
        let text = "Hal itu disampaikan Kementerian Dalam Negeri (Kemendagri) kemarin."
        #expect(ModelMergeTests.merged(text, [(3..<9, .org)]) == ["ORG Kementerian Dalam Negeri", "ORG Kemendagri"])
        let company = "Saham PT Bank Rakyat Indonesia (Persero) naik."
        #expect(!ModelMergeTests.merged(company, [(1..<8, .org)]).contains("ORG Persero"))
    }

    /// A one-word person after a noun of a product or of its users is that product everywhere in
    /// the document (`akun Instagram`); not a word the lexicon knows in people's names (`mobil
    /// Dora` is Dora's car, and Dora stays a person where she acts).
    @Test func aProductNamedOnceIsNoPersonAnywhere() {
        let passes: (Scan) -> Void = { $0.nameWords = NERModel.builtIn?.multiWord; $0.dropCommonWordNames() }
        let text = "Ia mengunggah foto di akun Instagram miliknya. Instagram kemudian menghapus foto itu."
        #expect(!ModelMergeTests.merged(text, [(5..<6, .per), (8..<9, .per)], then: passes).contains("PER Instagram"))
        let person = "Ia mengambil kunci mobil Dora. Dora kembali menghardik petugas itu."
        #expect(ModelMergeTests.merged(person, [(4..<5, .per), (6..<7, .per)], then: passes) == ["PER Dora"])
    }

    /// A person of two words whose first word a product noun names in the document is a model
    /// of that brand (`Kia Rio` after `mobil Kia`); a person's name after the noun is not a
    /// brand (`mobil Dora`: Dora Natalia stays).
    @Test func aModelOfABrandIsNoPerson() {
        let passes: (Scan) -> Void = { $0.nameWords = NERModel.builtIn?.multiWord; $0.dropCommonWordNames() }
        let cars = "Model mobil Kia yang dijual meliputi Kia Rio dan Kia Sportage."
        #expect(ModelMergeTests.merged(cars, [(6..<8, .per), (9..<11, .per)], then: passes).isEmpty)
        let person = "Ia mengambil kunci mobil Dora. Dora Natalia kembali menghardik petugas itu."
        #expect(ModelMergeTests.merged(person, [(6..<8, .per)], then: passes) == ["PER Dora Natalia"])
    }

    /// A name the document shows speaking (`," jelas Powell`) or names with an
    /// honorific (`Pak Rosan`) is a person wherever the model read it as a place or an
    /// organization; not a word a speech verb only stands before inside a phrase (`destinasi
    /// seru Dubai`), nor a word in capitals (`jelas CDC`: organizations speak too).
    @Test func aNameShownSpeakingIsAPersonThroughout() {
        let passes: (Scan) -> Void = { $0.speakingNamesArePeople() }
        let text = "Powell menjelaskan bahwa inflasi turun. \"Kita tidak butuh pelemahan,\" jelas Powell."
        #expect(ModelMergeTests.merged(text, [(0..<1, .loc), (14..<15, .per)], then: passes) == ["PER Powell", "PER Powell"])
        let honorific = "Saya sudah bilang sama Pak Rosan. Rosan, segera bikin tim itu."
        #expect(ModelMergeTests.merged(honorific, [(5..<6, .per), (7..<8, .loc)], then: passes) == ["PER Rosan", "PER Rosan"])
        let phrase = "Yuk, intip destinasi seru Dubai. Pesona Dubai memang memikat."
        #expect(ModelMergeTests.merged(phrase, [(5..<6, .per), (8..<9, .loc)], then: passes) == ["PER Dubai", "LOC Dubai"])
        let agency = "\"Jangan beli produk itu,\" jelas CDC. CDC memiliki dua rekomendasi."
        #expect(ModelMergeTests.merged(agency, [(8..<9, .per), (10..<11, .org)], then: passes) == ["PER CDC", "ORG CDC"])
        // A name of more words too, when all of them are the same.
        let founder = "Contohnya George Santos, pendiri Solid Holding. \"Bisnis itu dampak,\" ujar George Santos."
        #expect(ModelMergeTests.merged(founder, [(1..<3, .org), (14..<16, .per)], then: passes) == ["PER George Santos", "PER George Santos"])
        let other = "Contohnya George Santos, pendiri Solid Holding. \"Bisnis itu dampak,\" ujar Budi Santoso."
        #expect(ModelMergeTests.merged(other, [(1..<3, .org), (14..<16, .per)], then: passes) == ["ORG George Santos", "PER Budi Santoso"])
    }

    /// A word of the language that opens the sentence is no part of the person after it when
    /// the document names that person elsewhere (`Janji Burhanuddin` after `Jaksa Agung
    /// Burhanuddin`, `Tampilan Ryan` after `Ryan Reynolds`); a given name is (`Budi Santoso`,
    /// though `budi` is a word too).
    @Test func aSentenceOpeningNounIsNoPartOfTheName() {
        let passes: (Scan) -> Void = { $0.commonWordsOffPeople() }
        let text = "Jaksa Agung Burhanuddin hadir. Janji Burhanuddin diucapkan saat itu."
        #expect(ModelMergeTests.merged(text, [(2..<3, .per), (5..<7, .per)], then: passes) == ["PER Burhanuddin", "PER Burhanuddin"])
        let alone = "Janji Burhanuddin diucapkan saat itu."
        #expect(ModelMergeTests.merged(alone, [(0..<2, .per)], then: passes) == ["PER Janji Burhanuddin"])
        let given = "Kepala Desa Santoso hadir. Budi Santoso juga tampil."
        #expect(ModelMergeTests.merged(given, [(2..<3, .per), (5..<7, .per)], then: passes).last == "PER Budi Santoso")
        // The first word of a full name named elsewhere: Ryan of Ryan Reynolds.
        let first = "Ryan Reynolds mengenakan jas krem. Tampilan Ryan ini mengimbangi gaun Blake."
        #expect(ModelMergeTests.merged(first, [(0..<2, .per), (6..<8, .per)], then: passes) == ["PER Ryan Reynolds", "PER Ryan"])
    }

    /// Three capitals that spell the initials of a person of three words are that person
    /// whatever the model read (`AHY`); a word of the language in capitals is not (`APA`).
    @Test func aPersonsInitialsAreAPerson() {
        let text = "Menko Agus Harimurti Yudhoyono hadir. AHY menyebut APA sebagai mitra."
        let merged = ModelMergeTests.merged(text, [(1..<4, .per), (5..<6, .org), (7..<8, .org)], then: { $0.initialsOfPeople() })
        #expect(merged.contains("PER AHY") && !merged.contains("PER APA"))
    }

    /// In a headline in title case, an organization the model ran on past a listed name stops
    /// before the base of a verb (`DPR` | `Minta KPU …`: `meminta`); a place keeps the words of
    /// its name (`Kolaka Timur`).
    @Test func aHeadlineVerbEndsAListedOrganization() {
        let passes: (Scan) -> Void = { $0.trimOrganizationsAndPlacesInHeadlines() }
        let text = "DPR Minta KPU Tunda Penetapan Hasil Pemilu\n\nDPR meminta KPU menunda penetapan hasil pemilu."
        let merged = ModelMergeTests.merged(text, [(0..<3, .org)], then: passes)
        #expect(merged.first == "ORG DPR")
        let place = "Kolaka Timur Siaga Banjir Pekan Ini\n\nWarga diminta waspada."
        #expect(ModelMergeTests.merged(place, [(0..<2, .loc)], then: passes).first == "LOC Kolaka Timur")
        #expect(Scan.activeForm(of: Array("sambut".utf8)) == Array("menyambut".utf8))
        #expect(Scan.activeForm(of: Array("pangkas".utf8)) == Array("memangkas".utf8))
        #expect(Scan.activeForm(of: Array("kawal".utf8)) == Array("mengawal".utf8))
    }

    /// A school's type is the model's reading (a place or a body, as annotators write it both
    /// ways); an agency's cue word keeps it an organization whatever the model reads.
    @Test func aSchoolIsWhatTheModelReads() {
        let text = "Pada 1969 SMA Negeri 6 Jakarta menempati gedung baru."
        #expect(ModelMergeTests.merged(text, [(2..<6, .loc)]).contains("LOC SMA Negeri 6 Jakarta"))
        #expect(ModelMergeTests.merged(text, [(2..<6, .org)]).contains("ORG SMA Negeri 6 Jakarta"))
        let agency = "Pada 1969 Dinas Perdagangan Kota Salatiga menempati gedung baru."
        #expect(ModelMergeTests.merged(agency, [(2..<6, .loc)]).contains("ORG Dinas Perdagangan Kota Salatiga"))
    }

    /// A one-word person that is a form the language makes from its words is none: a verb
    /// without its prefix in a headline (`Banggakan`: `dibanggakan`), a word with `ber-`
    /// (`Bergaji`) or with `-nya` (`Sistemnya`); a listed name (`Ganjar`, `diganjar`) and a
    /// name a speech verb gives stay people.
    @Test func aDerivedWordIsNoPerson() {
        let passes: (Scan) -> Void = { $0.nameWords = NERModel.builtIn?.multiWord; $0.dropCommonWordNames() }
        #expect(ModelMergeTests.merged("Presiden Banggakan Inflasi Rendah", [(1..<2, .per)], then: passes) == [])
        #expect(ModelMergeTests.merged("Pekerja Bergaji Tinggi Tak Bebas Pajak", [(1..<2, .per)], then: passes) == [])
        #expect(ModelMergeTests.merged("Ia menyebut Sistemnya sudah baik.", [(2..<3, .per)], then: passes) == [])
        #expect(ModelMergeTests.merged("Aspek Kewilayahan menjadi perhatian.", [(1..<2, .per)], then: passes) == [])
        #expect(ModelMergeTests.merged("Ganjar datang ke Semarang.", [(0..<1, .per)], then: passes).contains("PER Ganjar"))
        #expect(ModelMergeTests.merged("Hal itu disampaikan oleh Disanksi.", [(4..<5, .per)], then: passes) == [])
        #expect(ModelMergeTests.merged("\"Kami siap,\" kata Disanksi.", [(6..<7, .per)], then: passes).contains("PER Disanksi"))
    }

    /// A capitalised function word alone (`Namun` opening a sentence) is left unscored by the
    /// model; a word of the language that names people (`Salah`) and one in capitals (`DI`,
    /// Daerah Istimewa) are scored as before, and so are the names after such words.
    @Test func aLoneFunctionWordIsNotScored() {
        func lone(_ text: String, _ k: Int) -> Bool {
            let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
            return scan.isLoneFunctionWord(k..<k + 1)
        }
        #expect(lone("Namun hujan turun.", 0))
        #expect(lone("Dalam rapat itu hadir banyak orang.", 0))
        #expect(!lone("Salah mencetak gol.", 0))
        #expect(!lone("DI Yogyakarta berulang tahun.", 0))
        #expect(!lone("Namun hujan turun.", 1))
        let doc = TextAnalyzer().analyze("Namun, Rudy Salim mencetak gol. Salim lalu tersenyum. Dalam rapat itu hadir Budi.")
        let people = EntityTagger().tag(doc).filter { $0.type == .per }.map { mentionText(doc, $0) }
        #expect(people == ["Rudy Salim", "Salim", "Budi"])
    }

    /// A country the model read as a person, alone, is the country (`dengan Israel`, `Kisah
    /// Tiongkok`); a person of another word stays one.
    @Test func aCountryIsNoPerson() {
        let text = "Perdagangan senjata dengan Israel terus berlanjut, kata Budi."
        let merged = ModelMergeTests.merged(text, [(3..<4, .per), (8..<9, .per)], then: { $0.countriesAreNoPeople() })
        #expect(merged == ["LOC Israel", "PER Budi"])
        // `Kisah` opening a sentence is the noun (a story), not the speech verb of `kisah Budi`.
        let story = "Kesimpulan: Kisah Tiongkok menunjukkan kemajuan ekonomi."
        #expect(ModelMergeTests.merged(story, [(3..<4, .per)], then: { $0.countriesAreNoPeople() }) == ["LOC Tiongkok"])
    }

    /// A word in brackets after an organization that it shortens takes the organization's type
    /// (`… Indonesia (Gaikindo)`); one that does not shorten it keeps its own (`(Depok)`).
    @Test func anAliasInBracketsIsItsNamesType() {
        let text = "Data Gabungan Industri Kendaraan Bermotor Indonesia (Gaikindo) naik. Kampus Universitas Pancasila (Depok) ramai."
        let spans: [(Range<Int>, EntityType)] = [(1..<6, .org), (7..<8, .loc), (12..<14, .org), (15..<16, .loc)]
        let merged = ModelMergeTests.merged(text, spans, then: { $0.aliasesInBracketsTakeTheirNamesType() })
        #expect(merged.contains("ORG Gaikindo"))
        let scan = Scan(doc: TextAnalyzer().analyze(text), lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        #expect(scan.shortens(7, 1..<6))
        #expect(!scan.shortens(15, 12..<14))
    }

    /// A model span is split where a lower-case word no name holds stands between two
    /// capitalised words (`vs`, `via`, a verb); particles of names stay inside (`dan`, `and`,
    /// `da`), a head word left alone is dropped, and each part keeps the span's type.
    @Test func aSpanSplitsAtAWordNoNameHolds() {
        #expect(ModelMergeTests.split("Prediksi Liverpool vs Everton di Liga Inggris.", 1..<4, .org) == ["ORG Liverpool", "ORG Everton"])
        #expect(ModelMergeTests.split("Prediksi Liverpool vs. Everton di Liga Inggris.", 1..<4, .org) == ["ORG Liverpool", "ORG Everton"])
        #expect(ModelMergeTests.split("Ia dirawat di RSUD dr. Soetomo Surabaya.", 3..<7, .org).count == 1)
        #expect(ModelMergeTests.split("Pertandingan Arsenal ditantang Brighton and Hove Albion berlangsung seru.", 1..<7, .org)
            == ["ORG Arsenal", "ORG Brighton and Hove Albion"])
        #expect(ModelMergeTests.split("Pendaki melewati Gunung Welirang via Gunung Ringgit.", 2..<7, .loc) == ["LOC Gunung Welirang", "LOC Gunung Ringgit"])
        #expect(ModelMergeTests.split("Majelis hakim Pengadilan Tinggi Jakarta menolak banding.", 0..<5, .org) == ["ORG Pengadilan Tinggi Jakarta"])
        #expect(ModelMergeTests.split("Harvard University menobatkan Indonesia sebagai juara.", 0..<4, .org) == ["ORG Harvard University", "ORG Indonesia"])
        let ministry = "Kementerian Pekerjaan Umum dan Perumahan Rakyat memulai proyek."
        #expect(ModelMergeTests.split(ministry, 0..<6, .org) == ["ORG Kementerian Pekerjaan Umum dan Perumahan Rakyat"])
        #expect(ModelMergeTests.split("Lukisan Leonardo da Vinci dipamerkan.", 1..<4, .per) == ["PER Leonardo da Vinci"])
        #expect(ModelMergeTests.split("Kopi dari Lloyd's Coffee House terkenal.", 2..<6, .org).count == 1)
        // Through the merge: the court stands, the panel's head word alone does not.
        #expect(ModelMergeTests.merged("Majelis hakim Pengadilan Tinggi Jakarta menolak banding.", [(0..<5, .org)]) == ["ORG Pengadilan Tinggi Jakarta"])
    }

    /// A model span loses the lower-case word it opens with before a capital unless they head a name (a place,
    /// organization or facility word) or are a name's particle or honorific: corpus spans
    /// `kelahiran Bandung`, `mengungkapkan Kamal`, `cuaca Makassar`.
    @Test func aSpanLosesTheLowerCaseWordsItOpensWith() {
        #expect(ModelMergeTests.split("Pria asal kelahiran Bandung ini menyanyi.", 2..<4, .loc) == ["LOC Bandung"])
        #expect(ModelMergeTests.split("Kompol Agus mengungkapkan Kamal menggorok korban.", 2..<4, .loc) == ["LOC Kamal"])
        #expect(ModelMergeTests.split("Bagaimana prakiraan cuaca Makassar hari ini?", 2..<4, .loc) == ["LOC Makassar"])
        #expect(ModelMergeTests.split("Gol semata wayang Madrid tercipta.", 2..<4, .org) == ["ORG Madrid"])
        // Head words, particles and honorifics stay.
        #expect(ModelMergeTests.split("Ia tinggal di kota Bandung sejak kecil.", 3..<5, .loc) == ["LOC kota Bandung"])
        #expect(ModelMergeTests.split("Rapat digelar di komplek DPR Senayan.", 3..<6, .loc) == ["LOC komplek DPR Senayan"])
        #expect(ModelMergeTests.split("Ia dirawat di RSUD dr. Soetomo.", 4..<6, .org) == ["ORG dr. Soetomo"])
        #expect(ModelMergeTests.split("Bek tengah van Dijk mencetak gol.", 2..<4, .per) == ["PER van Dijk"])
    }

    /// A person named in full and then by one word that a Wikipedia title lists as a company
    /// is that person again (`Toto Sugito`, then `Toto`); a word the document names as an
    /// organization before the person stays one (`Nintendo`, then the model's person
    /// `Nintendo Switch Lite`, then `Nintendo`).
    @Test func aWordOfAnEarlierPersonIsThatPerson() {
        let text = "Pembina komunitas itu, Toto Sugito, hadir. Toto juga mengajak pesepeda tertib."
        let people = ModelMergeTests.merged(text, [(4..<6, .per), (9..<10, .org)]) { $0.wordsOfPeopleArePeople() }
        #expect(people == ["PER Toto Sugito", "PER Toto"])
        let company = "Nintendo mengumumkan konsol baru. Nintendo Switch Lite dijual murah. Nintendo memangkas bobotnya."
        let kept = ModelMergeTests.merged(company, [(0..<1, .org), (5..<8, .per), (11..<12, .org)]) { $0.wordsOfPeopleArePeople() }
        #expect(kept == ["ORG Nintendo", "PER Nintendo Switch Lite", "ORG Nintendo"])
    }

    /// The parts of a model span over `range` of `text` after ``Scan/splitAtClauseWords(_:)``.
    static func split(_ text: String, _ range: Range<Int>, _ type: EntityType) -> [String] {
        let doc = TextAnalyzer().analyze(text)
        let scan = Scan(doc: doc, lexicon: .builtIn, commonWords: TokenizerLexicon.builtIn.commonWords)
        return scan.splitAtClauseWords([Mention(start: range.lowerBound, end: range.upperBound, type: type)]).map {
            "\($0.type.rawValue) " + ($0.start..<$0.end).map { doc.token($0).text }.joined(separator: " ")
        }
    }
}
