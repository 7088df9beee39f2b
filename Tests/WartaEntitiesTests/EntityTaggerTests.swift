import Foundation
import Testing
import WartaEntities
import WartaText

/// `[TYPE words]` for each mention of `text` (by the rules alone when `model` is nil).
func tagged(_ text: String, model: NERModel? = NERModel.builtIn) -> [String] {
    let doc = TextAnalyzer().analyze(text)
    return EntityTagger(model: model).tag(doc).map { m in
        "\(m.type.rawValue) " + (m.start..<m.end).map { doc.token($0).text }.joined(separator: " ")
    }
}

/// The text of mention `m`.
func mentionText(_ d: Document, _ m: EntityMention) -> String {
    d.text(TextRange(Int(d.tokens.starts[m.start]), Int(d.tokens.ends[m.end - 1])))
}

/// Expects `text` to hold one person, `name`, with role `role` (by the rules alone when
/// `model` is nil).
func expectOnePerson(_ text: String, _ name: String, role: String, model: NERModel? = NERModel.builtIn,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    let doc = TextAnalyzer().analyze(text)
    let people = EntityTagger(model: model).tag(doc).filter { $0.type == .per }
    #expect(people.map { mentionText(doc, $0) } == [name], sourceLocation: sourceLocation)
    #expect(people.first?.role == role, sourceLocation: sourceLocation)
}

@Suite("Entity tagger")
struct EntityTaggerTests {
    /// A company's legal form is no word of a person's name: the role runs through `PT Bank Mega
    /// Tbk` and the name is the one set off by commas after it (`Tbk` was a person holding the
    /// role, and a day name after the next comma another: `Senin mengatakan`).
    @Test func aLegalFormEndsTheCompanyNotAName() {
        let text = "Direktur Retail Banking PT Bank Mega Tbk, Kostaman Thayib di Jakarta, Senin mengatakan, pasar aktif."
        expectOnePerson(text, "Kostaman Thayib", role: "Direktur Retail Banking PT Bank Mega Tbk")
        // The rules alone find no name set off by commas here, and take none of the others.
        #expect(tagged(text, model: nil).filter { $0.hasPrefix("PER") }.isEmpty)
    }

    /// A name in the capacity of a role (`selaku`) is a person with that role, where the model
    /// read a place; a listed organization in that capacity stays one.
    @Test func aNameInTheCapacityOfARoleIsAPerson() {
        expectOnePerson("Para terpidana yakni Syahmirwan selaku Kepala Divisi Investasi dan Keuangan.", "Syahmirwan",
                        role: "Kepala Divisi Investasi dan Keuangan")
        #expect(tagged("Kementerian Keuangan selaku Bendahara Umum Negara menyetujui.") == ["ORG Kementerian Keuangan"])
    }

    /// An officer's corps after the rank is the rank's (`Letkol Inf`), and a unit's number is
    /// no word of a name (`Dandim 1302/Minahasa`: the person is the one named after the comma).
    @Test func corpsAndUnitNumbersAreNoNames() {
        expectOnePerson("Dandim 0733 Letkol Inf Herbeth Sinaga datang.", "Herbeth Sinaga", role: "Dandim 0733 Letkol Inf")
        expectOnePerson("Kapten Czi Budi Santoso datang.", "Budi Santoso", role: "Kapten Czi")
        expectOnePerson("Ia bersama Dandim 1302/Minahasa, Letkol Inf Herbeth Sinaga, datang.", "Herbeth Sinaga", role: "Letkol Inf")
        #expect(tagged("Penggeledahan berdasarkan Surat Perintah Kepala Kejaksaan Negeri (Kajari) Lembata Nomor PRINT-362/N.3.22/Fd.1/10/2025 tanggal 16 Oktober 2025.")
                    .allSatisfy { !$0.hasPrefix("PER") })
    }

    /// A function word alone is no name, wherever the model or a repeated name read one (`di
    /// Tengah masyarakat`), unless it is a word of a person the document names in full (`Dini`
    /// after `Dini Sri Wahyuni`).
    @Test func aFunctionWordAloneIsNoName() {
        #expect(tagged("Kejaksaan menangkal hoaks di Tengah masyarakat.").allSatisfy { !$0.hasSuffix(" Tengah") })
        #expect(tagged("Video Dini Sri Wahyuni ramai dibahas. Setelah itu Dini muncul di media sosial.").filter { $0.hasPrefix("PER") }
                    == ["PER Dini Sri Wahyuni", "PER Dini"])
    }

    /// A place word alone names a kind of place, not one (`di Seluruh Kelurahan`).
    @Test func aPlaceWordAloneIsNoPlace() {
        #expect(!tagged("Pemkot Pekanbaru Gencarkan Pasar Murah di Seluruh Kelurahan").contains("LOC Kelurahan"))
    }

    /// Countries carry their ISO 3166 code, whatever name they go by (CLDR's and the news's own),
    /// after a role too; an abbreviation of a common noun in brackets is not the country's alias,
    /// nor is the acronym of a longer name the place ends.
    @Test func countriesAndTheAcronymsAfterThem() {
        func places(_ text: String) -> [String] {
            let doc = TextAnalyzer().analyze(text)
            return EntityTagger(model: NERModel.builtIn).tag(doc).filter { $0.type == .loc }.map { "\(mentionText(doc, $0)) \($0.lexiconID ?? "-")" }
        }
        #expect(places("Presiden AS bertemu pejabat Amerika Serikat, Korsel, Hungaria dan Tiongkok.")
                == ["AS US", "Amerika Serikat US", "Korsel KR", "Hungaria HU", "Tiongkok CN"])
        #expect(places("Ia warga negara Indonesia (WNI) di Amerika Serikat (AS).") == ["Indonesia ID", "Amerika Serikat US", "AS US"])
        // A country that is no more is a place, not a person a role names.
        #expect(places("Stalin menjabat sebagai Perdana Menteri Uni Soviet selama perang.") == ["Uni Soviet SU"])
        #expect(!tagged("Menurut Pemeringkat Efek Indonesia (Pefindo), peringkat itu stabil.").contains("LOC Pefindo"))
        // An acronym that starts as the place does is the place's (`Dolar Amerika Serikat (AS)`),
        // and one the lexicon lists keeps its entry (`UNRWA`, no alias of Palestine).
        #expect(places("Dolar Amerika Serikat (AS) menguat. Dolar AS naik.") == ["Amerika Serikat US", "AS US", "AS US"])
        #expect(!places("Badan Bantuan PBB untuk Pengungsi Palestina (UNRWA) datang.").contains("UNRWA PS"))
    }

    /// Thousands of one title, acronym or cue word in one sentence are tagged in the model's
    /// windows, and a name after them is found: a rule read from each title to the end of the
    /// sentence (5,000 `Dr.` took seconds, a megabyte of them minutes) and the merge walked the
    /// rules' mentions for each span; a cued place took the whole run as one name.
    @Test func longRunsOfOneWordAreTaggedInPieces() {
        for (word, tail, type) in [("Dr.", "Budi Santoso mengatakan, harga naik.", "LOC"), ("KPK", "mengatakan, harga naik.", "ORG"),
                                   ("Kota", "Semarang.", "LOC")] {
            let text = Array(repeating: word, count: 5000).joined(separator: " ") + " " + tail
            let doc = TextAnalyzer().analyze(text)
            let mentions = EntityTagger(model: NERModel.builtIn).tag(doc)
            #expect(mentions.count >= 5, "\(word)")
            #expect(mentions.allSatisfy { $0.end - $0.start <= 1024 }, "\(word)")
            #expect(zip(mentions, mentions.dropFirst()).allSatisfy { $0.end <= $1.start }, "\(word)")
            let run = mentions.filter { $0.start < 5000 }
            #expect(run.allSatisfy { $0.type.rawValue == type } && run.reduce(0) { $0 + $1.end - $1.start } >= 4990, "\(word)")
        }
        #expect(tagged(Array(repeating: "Dr.", count: 5000).joined(separator: " ") + " Budi Santoso mengatakan, harga naik.").last
                == "PER Budi Santoso")
    }

    /// A later word of a person's name is that person where the model finds nothing, but does
    /// not cut a longer name the model finds (`Tri Utami Wulandari` after `Tri Supriyanto`).
    @Test func aLaterPartialNameYieldsToALongerModelName() {
        #expect(tagged("Kepala Dinas Tri Supriyanto hadir dalam rapat. Setelah itu, penyanyi Tri Utami Wulandari tampil di panggung. Tri menjelaskan rencana itu.")
                == ["PER Tri Supriyanto", "PER Tri Utami Wulandari", "PER Tri"])
    }

    /// Where the model and a rule agree on the words of a name an organization word heads, the
    /// rule's type stands: the place inside does not make it a place.
    @Test func aNameAnOrganizationWordHeadsStaysAnOrganization() {
        #expect(tagged("Dinas Perdagangan Kota Salatiga membuka pasar murah.") == ["ORG Dinas Perdagangan Kota Salatiga"])
        // The police, authorities, polytechnics and federations are organizations too (they
        // were places: `Metro Jaya`, `Kepolisian Resor Kota Bogor`).
        #expect(tagged("Kepolisian Daerah Metro Jaya menangkap tiga tersangka di Bekasi.")
            == ["ORG Kepolisian Daerah Metro Jaya", "LOC Bekasi"])
        #expect(tagged("Kepolisian Resor Kota Bogor menangkap tiga tersangka.") == ["ORG Kepolisian Resor Kota Bogor"])
        // So are unions, forums, commands and associations (they were no names).
        #expect(tagged("Pengurus Ikatan Dokter Indonesia menolak rancangan itu.") == ["ORG Ikatan Dokter Indonesia"])
        #expect(tagged("Komando Pasukan Khusus mengerahkan personel ke Papua.") == ["ORG Komando Pasukan Khusus", "LOC Papua"])
        #expect(tagged("Koalisi Indonesia Maju mengusung calon baru.") == ["ORG Koalisi Indonesia Maju"])
        // A listed company or ministry stays an organization where the model reads a place
        // (after `di`, or opening a clause).
        #expect(tagged("Terdapat kelemahan sistem di Tokopedia.") == ["ORG Tokopedia"])
        #expect(tagged("Di bawah kepemimpinan baru, Bukalapak mengatakan perusahaan bakal berubah.") == ["ORG Bukalapak"])
        #expect(tagged("Kejaksaan mengusut dugaan korupsi di Kementan tahun anggaran 2021.").contains("ORG Kementan"))
    }

    /// An organization named after its place is not cut down to the place the model finds in
    /// it; one the rule ran on too far gives way to the organization the model finds in it.
    @Test func anOrganizationNamedAfterItsPlaceStaysWhole() {
        #expect(tagged("Kepala Dinas Perdagangan Kota Salatiga Budi Santoso mengatakan stok cukup.")
                == ["ORG Dinas Perdagangan Kota Salatiga", "PER Budi Santoso"])
        #expect(tagged("Dewan Pimpinan Pusat Partai Demokrat menggelar rapat.") == ["ORG Partai Demokrat"])
    }

    /// One name, one reading in a document: an organization named again after a capitalised
    /// word of the language (`Tawaran StarLine`) is tagged as it was the first time.
    @Test func aNameNamedAgainKeepsItsReading() {
        #expect(tagged("Perusahaan StarLine menawarkan membeli saham Mesa. Tawaran StarLine ditolak. Mesa kemudian dijual kepada investor lain.")
                == ["ORG StarLine", "ORG Mesa", "ORG StarLine", "ORG Mesa"])
    }

    /// The sequence model finds people no lexicon or cue names (the rules alone miss them).
    @Test func theModelFindsUncuedNames() {
        #expect(tagged("Gol itu dicetak oleh Egy Maulana Vikri pada menit ke-80.") == ["PER Egy Maulana Vikri"])
        #expect(tagged("Gol itu dicetak oleh Egy Maulana Vikri pada menit ke-80.", model: nil).isEmpty)
        #expect(tagged("Penyanyi Raisa Andriana merilis album baru di Bandung.") == ["PER Raisa Andriana", "LOC Bandung"])
    }

    /// The word after `dan` in a role's run is a field of the role's organization, not a name
    /// (`Menteri Riset dan Teknologi`); the name after the whole run still is one.
    @Test func aFieldAfterDanInARoleIsNoName() {
        #expect(tagged("Hal itu disampaikan Menteri Riset dan Teknologi / Kepala Badan Riset Bambang Brodjonegoro kemarin.", model: nil)
                == ["ORG Badan Riset", "PER Bambang Brodjonegoro"])
        #expect(tagged("Hal itu disampaikan Menteri Riset dan Teknologi Bambang Brodjonegoro kemarin.", model: nil)
                == ["PER Bambang Brodjonegoro"])
    }

    /// Ministers' short titles are roles (`Mendagri`, `Menko Polhukam`): the name after one is
    /// a person with that role, and the field of a coordinating minister is no name.
    @Test func ministersShortTitlesAreRoles() {
        #expect(tagged("Hal itu dikatakan Menko Polhukam dalam rapat.", model: nil).isEmpty)
        expectOnePerson("“Kami siap,” kata Mendagri Tito Karnavian.", "Tito Karnavian", role: "Mendagri", model: nil)
        // The coordinating ministers of the 2024 cabinet: `Polkam` is no part of the name.
        expectOnePerson("“Semua pihak harus menghormati proses hukum,” kata Menko Polkam Budi Gunawan di Jakarta.", "Budi Gunawan",
                        role: "Menko Polkam")
    }

    /// Occupations written before a name are roles: athletes, artists, the accused; the
    /// occupation is no part of the name.
    @Test func occupationsBeforeANameAreRoles() {
        expectOnePerson("Petenis Aldila Sutjiadi melaju ke babak kedua.", "Aldila Sutjiadi", role: "Petenis", model: nil)
        expectOnePerson("Acara itu dibuka Komedian Mpok Nori dengan lawakan.", "Mpok Nori", role: "Komedian")
        expectOnePerson("Terdakwa Nasiro tidak mengajukan keberatan.", "Nasiro", role: "Terdakwa")
    }

    /// Football positions are roles: the club or squad between the position and the player is
    /// the role's body, and the player the person (`Penyerang Liverpool Mohamed Salah` was the
    /// organization `Liverpool Mohamed`; `Kiper Timnas Indonesia Maarten Paes` was nothing).
    @Test func footballPositionsAreRoles() {
        expectOnePerson("Penyerang Liverpool Mohamed Salah mencetak dua gol.", "Mohamed Salah", role: "Penyerang Liverpool")
        expectOnePerson("Kiper Timnas Indonesia Maarten Paes tampil gemilang.", "Maarten Paes", role: "Kiper Timnas Indonesia")
        #expect(tagged("Striker Bayern Munchen Harry Kane kembali mencetak gol.") == ["ORG Bayern Munchen", "PER Harry Kane"])
    }

    /// Civil society groups, think tanks, pollsters and associations news quotes are listed
    /// organizations: no longer people (`Walhi`, `CELIOS`, `Amnesty International`) nor the
    /// first word of the person after them (`Indef Tauhid Ahmad`).
    @Test func civilSocietyAndThinkTanksAreOrganizations() {
        #expect(tagged("Direktur Eksekutif Indef Tauhid Ahmad menilai kebijakan itu tepat.") == ["ORG Indef", "PER Tauhid Ahmad"])
        #expect(tagged("Menurut Amnesty International, jumlah korban naik.") == ["ORG Amnesty International"])
        #expect(tagged("Koordinator KontraS Dimas Bagus Arya mengatakan hal itu.") == ["ORG KontraS", "PER Dimas Bagus Arya"])
    }

    /// A listed organization that opens the model's person is split off where the rules read
    /// the rest as a person (`Ekonom senior Indef Faisal Basri`: a lower-case word keeps the role
    /// from vouching for the name), not where the rest are words of listed names (a company's
    /// `Agri Resources Ltd`).
    @Test func aPersonTheRulesReadAfterAListedOrganizationIsSplitOff() {
        #expect(tagged("Ekonom senior Indef Faisal Basri mengatakan inflasi akan naik.") == ["ORG Indef", "PER Faisal Basri"])
        #expect(tagged("Ia bekerja di Indofood Agri Resources Ltd sejak 2010.") == ["ORG Indofood Agri Resources Ltd"])
    }

    /// An organization that opens with a listed one gives back the first words of the person
    /// right after it (`Indef Tauhid` | `Ahmad`).
    @Test func anOrganizationGivesBackThePersonsFirstWords() {
        #expect(tagged("Sementara itu, ekonom Indef Tauhid Ahmad menilai kebijakan itu terlalu optimistis.")
                == ["ORG Indef", "PER Tauhid Ahmad"])
    }

    /// A model span does not end with a clause word before the next name: the model ran a club
    /// on towards the listed club after it (`Arsenal vs` | `West Ham United`, `Brimob asal`).
    @Test func aNameEndsBeforeAClauseWord() {
        #expect(tagged("Arsenal vs West Ham United berlangsung di Emirates Stadium.")
                == ["ORG Arsenal", "ORG West Ham United", "LOC Emirates Stadium"])
    }

    /// A Roman numeral closes a body's unit and opens no name: the name after it is the
    /// person, a word of the language or not (`Dian`); a Balinese `I` still opens one.
    @Test func aRomanNumeralEndsTheRolesBody() {
        expectOnePerson("“Saya baru tahu,” kata Kepala Satuan Tugas KPK Wilayah V Dian Patria di Jakarta.", "Dian Patria",
                        role: "Kepala Satuan Tugas KPK Wilayah V", model: nil)
        expectOnePerson("“Kami siap,” kata Sekda Kabupaten Tabanan I Gede Susila di Tabanan.", "I Gede Susila",
                        role: "Sekda Kabupaten Tabanan", model: nil)
    }

    /// The initials of a Balinese title open a name after a role and its place (`IGN` of I
    /// Gusti Ngurah, `IB` of Ida Bagus).
    @Test func balineseTitleInitialsOpenAName() {
        expectOnePerson("Wali Kota Denpasar IGN Jaya Negara berharap para duta ini aktif.", "IGN Jaya Negara",
                        role: "Wali Kota Denpasar", model: nil)
        expectOnePerson("Kata Wali Kota Denpasar IB Rai Dharmawijaya Mantra, program itu berjalan.", "IB Rai Dharmawijaya Mantra",
                        role: "Wali Kota Denpasar")
    }

    /// Right after a rank the name starts though it is also a place's (`Kamal`, a district;
    /// `Samosir`, a regency), and a title after the rank opens none (`Komjen Pol`).
    @Test func aPlacesNameRightAfterARankIsThePerson() {
        expectOnePerson("“Belum ada laporan,” ujar Kombes Kamal di Jayapura, Rabu.", "Kamal", role: "Kombes")
        expectOnePerson("Tim tersebut dipimpin oleh Ipda Samosir.", "Samosir", role: "Ipda", model: nil)
        expectOnePerson("Presiden mengusulkan Komjen Pol Badrodin Haiti sebagai calon.", "Badrodin Haiti", role: "Komjen Pol")
    }

    /// The abbreviated titles of news copy are roles: deputies (`Waketum`, `Walkot`), unit
    /// heads (`Kasatlantas`, `Kasi Intel`) and new ministries (`Mendikdasmen`), with the
    /// organization or rank between them and the name; a title alone is no person.
    @Test func abbreviatedTitlesAreRoles() {
        expectOnePerson("Waketum Partai NasDem Saan Mustopa mengatakan hal itu.", "Saan Mustopa",
                        role: "Waketum Partai NasDem")
        expectOnePerson("Kasatlantas Polres Bogor AKP M Fadli Amri menjelaskan, jalan ditutup.", "M Fadli Amri",
                        role: "Kasatlantas Polres Bogor AKP")
        expectOnePerson("“Berkas sudah lengkap,” kata Kasi Intel Kejari Binjai Noprianto Sihombing.", "Noprianto Sihombing",
                        role: "Kasi Intel Kejari Binjai")
        expectOnePerson("Mendikdasmen Abdul Mu'ti mengatakan, ujian tetap ada.", "Abdul Mu'ti", role: "Mendikdasmen")
        #expect(!tagged("Hal itu disampaikan Kasi Intel kepada wartawan.").contains { $0.hasPrefix("PER") })
        // A scholar by their field is a title too: the university is not the person's name.
        expectOnePerson("Psikolog Universitas Indonesia Rose Mini mengatakan, anak perlu didampingi.", "Rose Mini",
                        role: "Psikolog Universitas Indonesia")
        // A regional secretary's assistant is a title, not a person's name (it was the person).
        expectOnePerson("“Inflasi terkendali,” kata Asisten II Setdaprov Riau, Helmi Darmawan, Selasa (7/10/2025).",
                        "Helmi Darmawan", role: "Asisten II Setdaprov Riau")
    }

    /// After a role, the word right after a place word names the place, not the person
    /// (`Kepala Dusun Nglahar, …, Wahyu Wibowo`).
    @Test func theWordAfterAPlaceWordInARoleNamesThePlace() {
        let people = tagged("Hal itu disampaikan Kepala Dusun Nglahar, Kelurahan Sumbersari, kemarin.", model: nil)
            .filter { $0.hasPrefix("PER") }
        #expect(people.isEmpty)
        #expect(tagged("Kepala Dinas Kesehatan Kota Salatiga Budi Santoso hadir.", model: nil).contains("PER Budi Santoso"))
    }

    /// The word after a speech verb that `of` continues is a title, not a name.
    @Test func aTitleAfterASpeechVerbIsNoName() {
        #expect(!tagged("“Kami siap,” kata Head of Research Mandiri Sekuritas Budi Santoso.", model: nil).contains("PER Head"))
        #expect(!tagged("Menurut Head Of Investment Research at Mandiri Sekuritas Budi Santoso, saham naik.", model: nil)
            .contains { $0.hasPrefix("PER Head") })
    }

    /// A model span that runs into an acronym defined in brackets stops before the bracket:
    /// the name the acronym stands for is kept beside it.
    @Test func theNameBeforeABracketedAcronymStays() {
        #expect(tagged("Menurut Badan Kesehatan Dunia (WHO), kasus naik. Data WHO menunjukkan hal itu.")
                == ["ORG Badan Kesehatan Dunia", "ORG WHO", "ORG WHO"])
    }

    /// A model file round-trips through its bytes (word classes too), and damaged bytes are an
    /// error, not a crash.
    @Test func modelBytesRoundTrip() throws {
        let model = try #require(NERModel.builtIn)
        #expect(model.usesClasses)
        let copy = try NERModel(data: model.data())
        #expect(copy.data() == model.data())
        #expect(throws: NERModelError.self) { try NERModel(data: Array(model.data().prefix(100))) }
        #expect(throws: NERModelError.self) { try NERModel(data: Array(model.data().dropLast())) }  // a weight row short
        // Word classes under the old header, or a flag no reader knows, are errors too.
        var old = model.data()
        old[4] = UInt8(ascii: "1")
        #expect(throws: NERModelError.self) { try NERModel(data: old) }
        var unknown = model.data()
        unknown[6] |= 16
        #expect(throws: NERModelError.self) { try NERModel(data: unknown) }
        #expect(throws: NERModelError.self) { try NERModel(data: Array("not a model".utf8)) }
    }

    @Test func listedNamesKeepTheirLowerCaseJoiningWords() {
        let doc = TextAnalyzer().analyze("Ia datang ke Badan Pengawas Obat dan Makanan kemarin.")
        let found = EntityTagger().tag(doc).map { "\($0.type.rawValue) \(mentionText(doc, $0)) \($0.lexiconID ?? "-")" }
        #expect(found == ["ORG Badan Pengawas Obat dan Makanan BPOM"])
        // A joining word does not start or end a name.
        #expect(tagged("Dan Makanan itu enak.").isEmpty)
    }

    @Test func aRoleWithoutANameStillNamesItsOrganization() {
        #expect(tagged("Kata Kepala Badan Pengawas Obat dan Makanan di Jakarta.") ==
                ["ORG Badan Pengawas Obat dan Makanan", "LOC Jakarta"])
        #expect(tagged("Kepala Badan Pengawas Obat dan Makanan Penny Lukito datang.") ==
                ["ORG Badan Pengawas Obat dan Makanan", "PER Penny Lukito"])
    }

    /// A role, its organization and a place, then a name no lexicon knows as a person: the name
    /// is the person, with the role up to it. The model's span may end at the place; the
    /// organization may carry its acronym in brackets or a number (`Covid - 19`, spaced as some
    /// texts are), and the place its place word.
    @Test(arguments: [
        ("Kepala BPBD Kabupaten Semarang Heru Subroto di Ungaran, Senin.", "Heru Subroto", "Kepala BPBD Kabupaten Semarang"),
        ("Kepala Dinas Pendidikan (Disdik) Kabupaten Demak Siti Rahayu mengatakan, sekolah dibuka kembali.", "Siti Rahayu",
         "Kepala Dinas Pendidikan (Disdik) Kabupaten Demak"),
        ("Juru Bicara Satuan Tugas Penanganan Covid - 19 Provinsi Maluku Dony Rerung mengatakan, vaksin tiba.", "Dony Rerung",
         "Juru Bicara Satuan Tugas Penanganan Covid - 19 Provinsi Maluku"),
    ])
    func theNameAfterARoleAndAPlaceIsAPerson(_ text: String, _ name: String, _ role: String) {
        expectOnePerson(text, name, role: role)
    }

    /// No name ends with a bracket whose partner is outside it (the model's window takes in the
    /// closing bracket after an acronym).
    @Test func namesDoNotEndWithAnUnmatchedBracket() {
        let names = tagged("Kata Direktur Jenderal Otonomi Daerah Kementerian Dalam Negeri (Kemendagri) Akmal Malik, Kamis.")
        #expect(names.contains("ORG Kemendagri"))
        #expect(!names.contains { $0.hasSuffix(")") || $0.contains(" (") })
    }

    /// In a headline in title case a capital is no sign of a name: a person stops before the
    /// first common word (`Bicara`, `Ajukan`), and a common word is no short form of a person.
    @Test(arguments: [
        ("Sri Mulyani Bicara Soal Coretax yang Bermasalah\n\nMenteri Keuangan Sri Mulyani menjelaskan sistem itu.",
         ["PER Sri Mulyani", "PER Sri Mulyani"]),
        ("Bambang Tri Ajukan Gugatan ke Pengadilan Negeri Jakarta Pusat\n\nBambang Tri mengajukan gugatan soal ijazah.",
         ["PER Bambang Tri", "PER Bambang Tri"]),
        // A given name that is also a word (`budi`) starts the name all the same.
        ("Budi Gunadi Sadikin Umumkan Vaksin Booster Gratis untuk Lansia", ["PER Budi Gunadi Sadikin"]),
    ])
    func aTitleCaseHeadlineEndsANameAtACommonWord(_ text: String, _ people: [String]) {
        #expect(tagged(text).filter { $0.hasPrefix("PER") } == people)
    }

    /// In a headline in title case an organization or place stops before a verb in `-kan` that
    /// the text does not capitalise elsewhere, and what is left links to its lexicon entry; a
    /// noun in `-an` (`Pendidikan`) stays inside.
    @Test func aTitleCaseHeadlineEndsAnOrganizationAtAVerb() {
        let text = "Kemenkeu Ingatkan Wajib Pajak Segera Aktivasi Akun buat Lapor SPT\n\n"
            + "Kementerian Keuangan mengingatkan wajib pajak untuk segera mengaktifkan akun mereka."
        let doc = TextAnalyzer().analyze(text)
        let organizations = EntityTagger().tag(doc).filter { $0.type == .org }
        #expect(organizations.map { mentionText(doc, $0) } == ["Kemenkeu", "Kementerian Keuangan"])
        #expect(organizations.first?.lexiconID == "Kemenkeu")
        #expect(tagged("Dinas Pendidikan Kota Semarang Tetapkan Jadwal Ujian Sekolah").filter { $0.hasPrefix("ORG") }
                == ["ORG Dinas Pendidikan Kota Semarang"])
    }

    /// A common word capitalised in a headline and at a sentence's start is never a person.
    @Test func aCapitalisedCommonWordIsNoPerson() {
        let names = tagged("Presiden Banggakan Inflasi 2%, Ini Cara Kemendagri Jaga Stabilitas Harga\n\n"
                           + "Presiden Prabowo Subianto menegaskan pentingnya pengendalian inflasi. Inflasi tetap rendah.")
        #expect(names.contains("PER Prabowo Subianto"))
        #expect(!names.contains { $0.hasPrefix("PER") && $0.contains("Inflasi") })
    }

    /// A rank of two words after a role (`Irjen Pol`) is part of the role, not of the name.
    @Test func aTwoWordRankIsNoPartOfTheName() {
        expectOnePerson("Kapolda Jateng Irjen Pol Ahmad Luthfi mengatakan hal itu.", "Ahmad Luthfi", role: "Kapolda Jateng Irjen Pol")
    }

    /// A role, a comma, then the name (`Menurut Kepala Dinas Perdagangan Kota Salatiga, Sri
    /// Handayani, …`): the role is the person's.
    @Test func aRoleBeforeACommaIsThePersonsAfterIt() {
        expectOnePerson("Menurut Kepala Dinas Perdagangan Kota Salatiga, Sri Handayani, stok beras masih cukup hingga Juni.",
                        "Sri Handayani", role: "Kepala Dinas Perdagangan Kota Salatiga")
        // Across the titles before the name, which alone are no role when one comes before the comma.
        expectOnePerson("Menurut Kepala Dinas Kesehatan Kota Semarang, Prof. Dr. Sri Handayani, pasien sudah pulang.",
                        "Sri Handayani", role: "Kepala Dinas Kesehatan Kota Semarang")
        expectOnePerson("Direktur RSUD, Dr. Budi Santoso mengatakan pasien sudah pulang.", "Budi Santoso", role: "Direktur RSUD")
    }

    /// A title of several words written in sentence case is still a title: the organization it
    /// names ends where the person's name starts (issue: the organization took the name).
    @Test(arguments: [
        ("Juru bicara Kementerian Luar Negeri Roy Soemirat mengatakan pemerintah terus memantau.", "Roy Soemirat",
         "Juru bicara Kementerian Luar Negeri", "Kementerian Luar Negeri"),
        ("Direktur utama PT Pertamina Simon Aloysius Mantiri hadir dalam rapat itu.", "Simon Aloysius Mantiri",
         "Direktur utama PT Pertamina", "PT Pertamina"),
    ])
    func aTitleInSentenceCaseIsATitle(_ text: String, _ name: String, _ role: String, _ organization: String) {
        let doc = TextAnalyzer().analyze(text)
        let mentions = EntityTagger().tag(doc)
        #expect(mentions.filter { $0.type == .per }.map { mentionText(doc, $0) } == [name])
        #expect(mentions.first { $0.type == .per }?.role == role)
        #expect(mentions.filter { $0.type == .org }.map { mentionText(doc, $0) } == [organization])
    }

    /// A listed name with commas in it (`Badan Meteorologi, Klimatologi, dan Geofisika`) stays
    /// one organization against the model, which learned that a comma ends a name, and a role's
    /// words run over it to the person's name, which does not start inside it.
    @Test(arguments: [
        "Kepala Badan Meteorologi, Klimatologi, dan Geofisika Dwikorita Karnawati menambahkan bahwa cuaca ekstrem masih berpotensi.",
        "Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) Dwikorita Karnawati menambahkan bahwa cuaca ekstrem masih berpotensi.",
        "Menurut Kepala Badan Meteorologi, Klimatologi, dan Geofisika, Dwikorita Karnawati, cuaca ekstrem masih berpotensi.",
    ])
    func aListedNameWithCommasIsOne(_ text: String) {
        let doc = TextAnalyzer().analyze(text)
        let mentions = EntityTagger().tag(doc)
        #expect(mentions.filter { $0.type == .org }.map { mentionText(doc, $0) }.first == "Badan Meteorologi, Klimatologi, dan Geofisika")
        #expect(mentions.first { $0.type == .org }?.lexiconID == "BMKG")
        #expect(mentions.filter { $0.type == .per }.map { mentionText(doc, $0) } == ["Dwikorita Karnawati"])
        #expect(mentions.first { $0.type == .per }?.role == "Kepala Badan Meteorologi, Klimatologi, dan Geofisika"
                + (text.contains("(BMKG)") ? " (BMKG)" : ""))
    }

    /// A company or club the lexicon lists in one word ends the role's run before the person's
    /// name (`CEO Tokopedia` | `William Tanuwijaya`).
    @Test(arguments: [
        ("CEO Tokopedia William Tanuwijaya mengatakan, pihaknya akan menambah investasi.", "Tokopedia", "William Tanuwijaya"),
        ("Pelatih Persib Bojan Hodak menyebut timnya siap bertanding.", "Persib", "Bojan Hodak"),
    ])
    func aListedCompanyAfterARoleIsNotThePersons(_ text: String, _ organization: String, _ person: String) {
        #expect(tagged(text) == ["ORG " + organization, "PER " + person])
    }

    /// The name after a person and `alias`, or after `akrab disapa`, is a person too (`Dedi
    /// Mulyadi alias KDM`).
    @Test func aNameAfterAliasIsAPerson() {
        #expect(tagged("Gubernur Jawa Barat Dedi Mulyadi alias KDM meminta warga tetap tenang.").filter { $0.hasPrefix("PER") }
                == ["PER Dedi Mulyadi", "PER KDM"])
        #expect(tagged("Polisi menangkap Pajar Permana alias Ojan di rumahnya.").filter { $0.hasPrefix("PER") }
                == ["PER Pajar Permana", "PER Ojan"])
        // One person by both names, later mentions of the other name included.
        let doc = TextAnalyzer().analyze("Ketua Umum PAN Zulkifli Hasan alias Zulhas hadir. Menurut Zulhas, partainya siap.")
        let people = EntityResolver().resolve(EntityTagger().tag(doc), in: doc).filter { $0.type == .per }
        #expect(people.map(\.name) == ["Zulkifli Hasan"] && people.first?.mentions.count == 3)
        // A nickname after `akrab disapa`: a person, the one just named when `atau` or `yang` joins them.
        #expect(tagged("Pria yang akrab disapa Aco itu mengaku senang.").filter { $0.hasPrefix("PER") } == ["PER Aco"])
        let nicknamed = TextAnalyzer().analyze(
            "Menteri Sosial Saifullah Yusuf atau yang akrab disapa Gus Ipul hadir. Gus Ipul meminta data diperbaiki.")
        let minister = EntityResolver().resolve(EntityTagger().tag(nicknamed), in: nicknamed).filter { $0.type == .per }
        #expect(minister.map(\.name) == ["Saifullah Yusuf"] && minister.first?.mentions.count == 3)
    }

    /// A lexicon organization a title names before its person stands with its id, though the
    /// model does not know the name (`CEO Nvidia Jensen Huang`); after a rank, a listed name is
    /// the person's (`Brigjen Toto Suharyanto`: `Toto` is also a company), and so is a one-word
    /// organization with no id after a title, unless a name of two words follows it.
    @Test func aListedOrganizationATitleNamesStands() {
        let doc = TextAnalyzer().analyze("CEO Nvidia Jensen Huang mengatakan permintaan chip naik.")
        let found = EntityTagger().tag(doc)
        #expect(found.map { "\($0.type.rawValue) \(mentionText(doc, $0))" } == ["ORG Nvidia", "PER Jensen Huang"])
        #expect(found.first?.lexiconID == "Nvidia")
        // The global companies news names most are listed (`Apple` was part of the person).
        #expect(tagged("CEO Apple Tim Cook mengatakan, perusahaan akan membuka pabrik di Batam.").filter { !$0.hasPrefix("ROLE") }
            == ["ORG Apple", "PER Tim Cook", "LOC Batam"])
        #expect(!tagged("Direktur Penindakan Bareskrim Polri, Brigjen Toto Suharyanto, memberi keterangan.").contains("ORG Toto"))
        // A one-word organization of the Wikipedia names, with no id, is as often a given name:
        // it neither stands as the role's body nor cuts the name (`Toto` | `Sugito`).
        expectOnePerson("Direktur Toto Sugito mengatakan jalur sepeda akan ditambah.", "Toto Sugito", role: "Direktur")
        // Before a name of two words it is the body the title names (`Pendiri` | `Microsoft` | `Bill Gates`).
        #expect(tagged("Pendiri Microsoft Bill Gates menyumbangkan dana untuk vaksin.").filter { !$0.hasPrefix("ROLE") }
            == ["ORG Microsoft", "PER Bill Gates"])
    }

    /// Right after a listed place the name starts, even at a word of the language that is a
    /// given name (`Indah`), when some word of the name is none; a run of such words there is
    /// the company's (`PT Permata` | `Dunia Sukses Utama`). The given name alone inside a later
    /// sentence is the person again.
    @Test func aNameStartsRightAfterAListedPlace() {
        expectOnePerson("Bupati Luwu Utara Indah Putri Andriani meninjau lokasi kebakaran.", "Indah Putri Andriani", role: "Bupati Luwu Utara")
        #expect(!tagged("Eka menjabat Direktur Utama PT Permata Dunia Sukses Utama sejak 2015.").contains { $0.hasPrefix("PER Dunia") })
        // Such a given name alone inside a sentence later is the same person.
        let doc = TextAnalyzer().analyze("Bupati Luwu Utara Indah Putri Andriani meninjau lokasi. Sebelumnya, Indah menyampaikan "
            + "bahwa kejadian itu sebuah intimidasi. Meski demikian, Indah mengarahkan pendukungnya agar tenang.")
        let people = EntityResolver().resolve(EntityTagger().tag(doc), in: doc).filter { $0.type == .per }
        #expect(people.map(\.name) == ["Indah Putri Andriani"] && people.first?.mentions.count == 3)
    }

    /// Three capitals that spell the initials of a person of three words named in the document
    /// are that person, one entity with the name (`AHY`); other capitals are not (`KAI`).
    @Test func aPersonsInitialsAreThePerson() {
        let doc = TextAnalyzer().analyze("Menteri Koordinator Agus Harimurti Yudhoyono meninjau proyek KAI itu. "
            + "AHY mengatakan utang proyek akan diselesaikan tahun ini.")
        let people = EntityResolver().resolve(EntityTagger().tag(doc), in: doc).filter { $0.type == .per }
        #expect(people.map(\.name) == ["Agus Harimurti Yudhoyono"])
        #expect(people.first?.mentions.map { mentionText(doc, $0) } == ["Agus Harimurti Yudhoyono", "AHY"])
    }

    /// One word after a role that a demonstrative closes is the body the role names, no person
    /// (`CEO Tesla itu`: the Tesla CEO); after an honorific it is the person (`Pak Harto itu`).
    @Test func aWordADemonstrativeClosesAfterARoleIsNoPerson() {
        let company = tagged("Sejak CEO Tesla itu mengumumkan partai baru, saham Tesla anjlok.", model: nil)
        #expect(!company.contains("PER Tesla"))
        let addressed = tagged("Itulah rahasia kenapa Pak Harto itu bisa bertahan lama.", model: nil)
        #expect(addressed.contains("PER Harto"))
    }

    /// Two initials inside a name after a role are the name's (`Bambang PS Brodjonegoro`), not
    /// an acronym that ends the role's organization.
    @Test func twoInitialsInsideANameAreTheNames() {
        expectOnePerson("Kepala Badan Riset dan Inovasi Nasional Bambang PS Brodjonegoro menghadiri uji terbang itu.",
                        "Bambang PS Brodjonegoro", role: "Kepala Badan Riset dan Inovasi Nasional")
        expectOnePerson("Direktur Jenderal Kesehatan Lanjutan Kementerian Kesehatan RI Azhar Jaya menyesalkan tindakan itu.",
                        "Azhar Jaya", role: "Direktur Jenderal Kesehatan Lanjutan Kementerian Kesehatan RI")
    }

    /// A relational title (``RelationalRoles``) is not the role of the name right after it,
    /// whose representative the title's holder is; a name set off by commas after that holds
    /// the whole title, and the first keeps the title after the relational one.
    @Test func aRelationalTitleNamesWhoseRepresentative() {
        // Each person's role, `-` for none.
        let people = { (text: String) -> [String: String] in
            let doc = TextAnalyzer().analyze(text)
            return Dictionary(EntityTagger().tag(doc).filter { $0.type == .per }.map { (mentionText(doc, $0), $0.role ?? "-") },
                              uniquingKeysWith: { a, _ in a })
        }
        #expect(people("Kuasa Hukum Hendrogiarto mengatakan kliennya tidak bersalah.") == ["Hendrogiarto": "-"])
        #expect(people("Juru Bicara Presiden Joko Widodo, Fadjroel Rachman, mengatakan Presiden akan datang.")
                == ["Joko Widodo": "Presiden", "Fadjroel Rachman": "Juru Bicara Presiden Joko Widodo"])
        #expect(people("Juru bicara Presiden Joko Widodo, Fadjroel Rachman turut meninjau lokasi ledakan.")
                == ["Joko Widodo": "Presiden", "Fadjroel Rachman": "Juru bicara Presiden Joko Widodo"])
        #expect(people("Juru bicara KPK Budi Prasetyo, Senin (5/10), mengatakan penyidik sudah memeriksa saksi.")
                == ["Budi Prasetyo": "Juru bicara KPK"])
        #expect(people("Budi Santoso, Kuasa Hukum Hendrogiarto, mengatakan kliennya tidak bersalah.")["Budi Santoso"]
                == "Kuasa Hukum Hendrogiarto")
        // A title after the relational one, then the name: the name is the holder.
        #expect(people("Staf Khusus Menteri Keuangan Yustinus Prastowo mengatakan pajak akan naik.")
                == ["Yustinus Prastowo": "Staf Khusus Menteri Keuangan"])
        #expect(people("Juru bicara KPK Budi Prasetyo mengatakan penyidik sudah memeriksa saksi.")
                == ["Budi Prasetyo": "Juru bicara KPK"])
    }

    /// A role right before a person the model found is the person's, across an acronym in
    /// brackets and English joining words; the bracket around a name and an honorific alone
    /// are not part of a role.
    @Test(arguments: [
        ("Direktur Eksekutif Center of Reform on Economics (CORE) Mohammad Faisal menilai defisit melebar.",
         "Direktur Eksekutif Center of Reform on Economics (CORE)"),
        ("Direktur Utama PT Pertamina (Persero) Nicke Widyawati menyampaikan bahwa stok BBM aman.",
         "Direktur Utama PT Pertamina (Persero)"),
    ])
    func aRoleRightBeforeAPersonIsTheirs(_ text: String, _ role: String) {
        let doc = TextAnalyzer().analyze(text)
        #expect(EntityTagger().tag(doc).first { $0.type == .per }?.role == role)
    }

    /// A lexicon name with a lower-case joining word that is only a connector (`of`, `de`)
    /// matches as one: the case policy once asked for a connector *and* a preposition, which
    /// only `dan` is.
    @Test func aListedNameWithAConnectorInsideMatches() {
        let tsv = "name\ttype\tsubtype\tcase\tid\tparent\nBank of America\tORG\tcompany\tcapitalized\t\t\nRio de Janeiro\tLOC\tcity\tcapitalized\t\t\n"
        let tagger = EntityTagger(lexicon: EntityLexicon(tsv: [tsv]), model: nil)
        let doc = TextAnalyzer().analyze("Ia bekerja di Bank of America lalu pindah ke Rio de Janeiro.")
        #expect(tagger.tag(doc).map { mentionText(doc, $0) } == ["Bank of America", "Rio de Janeiro"])
    }

    /// `selaku` and a role after a person's name: the person's role.
    @Test func aRoleAfterSelakuIsThePersons() {
        let doc = TextAnalyzer().analyze("Rapat dipimpin Nicke Widyawati selaku Direktur Utama PT Pertamina di Jakarta.")
        #expect(EntityTagger().tag(doc).first { $0.type == .per }?.role == "Direktur Utama PT Pertamina")
    }

    /// A word the document names an organization with is not a person's first name after a
    /// role (`Pelatih Persib Bojan Hodak` after `Persib Bandung`).
    @Test func anOrganizationsWordAfterARoleIsNotThePersons() {
        let names = tagged("Persib Bandung menang 2-1 atas Persija Jakarta di kandang. Pelatih Persib Bojan Hodak mengaku puas dengan penampilan anak asuhnya.")
        #expect(names.contains("PER Bojan Hodak"))
        #expect(!names.contains { $0.hasPrefix("PER") && $0.contains("Persib") })
    }

    /// A place inside a role does not take the role's place word (`Wali Kota` | `Surabaya`);
    /// an organization word of the role opens its organization (`Kepala` | `Dinas …`).
    @Test func aPlaceInsideARoleLeavesTheRolesWords() {
        #expect(tagged("Wali Kota Surabaya Eri Cahyadi meresmikan Taman Bungkul.") == ["LOC Surabaya", "PER Eri Cahyadi", "LOC Taman Bungkul"])
        #expect(tagged("Kepala Dinas Perindustrian Kota Semarang Tri Supriyanto hadir.")
                == ["ORG Dinas Perindustrian Kota Semarang", "PER Tri Supriyanto"])
    }

    /// A role after a person and a comma reads on over a number and an acronym in brackets,
    /// whoever found the person (`Muhammad Buldansyah, Wakil Presiden Direktur PT Hutchison 3
    /// Indonesia (Tri), saat …`).
    @Test func aRoleInAppositionReadsOnOverNumbersAndAcronyms() {
        let doc = TextAnalyzer().analyze("Hal ini diungkapkan oleh Muhammad Buldansyah, Wakil Presiden Direktur PT Hutchison 3 Indonesia (Tri), saat jumpa pers.")
        let person = EntityTagger().tag(doc).first { $0.type == .per }
        #expect(person.map { mentionText(doc, $0) } == "Muhammad Buldansyah")
        #expect(person?.role == "Wakil Presiden Direktur PT Hutchison 3 Indonesia (Tri)")
    }

    /// A name of four words right after a rank is whole (`Kombes Pol` | `Ade Ary Syam Indradi`).
    @Test func aLongNameAfterARankIsWhole() {
        let doc = TextAnalyzer().analyze("Hal itu disampaikan Kabid Humas Polda Metro Jaya Kombes Pol Ade Ary Syam Indradi kepada wartawan.")
        let people = EntityTagger().tag(doc).filter { $0.type == .per }
        #expect(people.map { mentionText(doc, $0) } == ["Ade Ary Syam Indradi"])
    }

    /// Two people with a role each, joined by `dan`: the first role's run ends before the
    /// second role, and a rank never ends an organization (`Polda Metro Jaya` | `Kombes Pol`).
    @Test func twoRolesJoinedByDanAreTwoPeople() {
        let doc = TextAnalyzer().analyze("Kapolda Metro Jaya Irjen Pol Karyoto dan Kabid Humas Polda Metro Jaya Kombes Pol Ade Ary Syam Indradi hadir.")
        let mentions = EntityTagger().tag(doc)
        let people = mentions.filter { $0.type == .per }
        #expect(people.map { mentionText(doc, $0) } == ["Karyoto", "Ade Ary Syam Indradi"])
        #expect(people.map(\.role) == ["Kapolda Metro Jaya Irjen Pol", "Kabid Humas Polda Metro Jaya Kombes Pol"])
        #expect(mentions.filter { $0.type == .org }.map { mentionText(doc, $0) }.last == "Polda Metro Jaya")
        // The rules alone as well.
        let rules = EntityTagger(model: nil).tag(doc)
        #expect(rules.filter { $0.type == .per }.map(\.role) == ["Kapolda Metro Jaya Irjen Pol", "Kabid Humas Polda Metro Jaya Kombes Pol"])
        #expect(rules.filter { $0.type == .org }.map { mentionText(doc, $0) } == ["Polda Metro Jaya"])
    }

    /// A listed organization that holds a role's word stays whole in a role's run (`Kepala`
    /// `Kantor Staf Presiden` | `Moeldoko`), by the rules alone too.
    @Test func aListedOrganizationKeepsTheRoleWordInIt() {
        for model in [NERModel.builtIn, nil] {
            let mentions = tagged("Kepala Kantor Staf Presiden Moeldoko mengatakan hal itu.", model: model)
            #expect(mentions == ["ORG Kantor Staf Presiden", "PER Moeldoko"])
        }
    }

    /// The field of a minister's title is the role's, not the name's (`Menteri Dalam Negeri` |
    /// `Tito Karnavian`; a lone `Negeri` after `Menteri Dalam` is no one), while a name the
    /// model cuts short after a role keeps its first word (`Purbaya Yudhi Sadewa`).
    @Test(arguments: [
        ("Terkait hal ini, Menteri Dalam Negeri Tito Karnavian mengungkapkan sejak awal.", "Tito Karnavian", "Menteri Dalam Negeri"),
        ("Menteri Koordinator Bidang Pangan Zulkifli Hasan meninjau pasar.", "Zulkifli Hasan", "Menteri Koordinator Bidang Pangan"),
        ("Hal itu disampaikan Menteri Keuangan Purbaya Yudhi Sadewa di Jakarta.", "Purbaya Yudhi Sadewa", "Menteri Keuangan"),
    ])
    func aMinistersFieldIsPartOfTheRole(_ text: String, _ name: String, _ role: String) {
        expectOnePerson(text, name, role: role)
    }

    @Test func aLoneFieldAfterAMinistersTitleIsNoOne() {
        #expect(!tagged("Setiap hari Senin, Bapak Menteri Dalam Negeri selalu memantau laporan inflasi.").contains { $0.hasPrefix("PER") })
    }

    /// A company's legal form in brackets is no acronym and no organization of its own; the
    /// acronym after it is (`PT Bank Rakyat Indonesia (Persero) Tbk (BRI)`).
    @Test func aLegalFormIsNoAcronym() {
        let mentions = tagged("Saham PT Bank Rakyat Indonesia (Persero) Tbk (BRI) naik. PT Pertamina (Persero) juga.")
        #expect(!mentions.contains("ORG Persero") && !mentions.contains("ORG Tbk"))
        #expect(mentions.contains("ORG BRI"))
        #expect(mentions.contains { $0.hasPrefix("ORG PT Bank Rakyat Indonesia") })
    }

    /// A Balinese name (`I` or `Ni` and a birth-order name or title) runs to five words after
    /// a role, past the usual three: the role stops where it opens.
    @Test(arguments: [
        ("Hal itu disampaikan Sekda Kabupaten Tabanan I Made Agus Hartawiguna, Senin.", "I Made Agus Hartawiguna", "Sekda Kabupaten Tabanan"),
        ("Kepala Dinas Pendidikan Bali Ni Luh Putu Sri Wahyuni hadir.", "Ni Luh Putu Sri Wahyuni", "Kepala Dinas Pendidikan Bali"),
        ("Kapolres Badung AKBP I Gusti Ngurah Rai mengatakan, jalan ditutup.", "I Gusti Ngurah Rai", "Kapolres Badung AKBP"),
    ])
    func aBalineseNameIsWholeAfterARole(_ text: String, _ name: String, _ role: String) {
        for model in [NERModel.builtIn, nil] { expectOnePerson(text, name, role: role, model: model) }
        // A roman numeral is no Balinese name.
        #expect(tagged("Ketua Komisi I DPR Meutya Hafid hadir.", model: nil).contains("PER Meutya Hafid"))
    }

    /// The word right after an organization word in a role's run names the organization, not
    /// a person (`Dosen … FISIP Universitas Brawijaya, Wawan Sobari`, `Bank Mandiri Darmawan Junaidi`).
    @Test func theWordAfterAnOrganizationWordNamesIt() {
        let people = tagged("Dosen Magister Ilmu Politik FISIP Universitas Brawijaya, Wawan Sobari, menilai hal itu.", model: nil)
            .filter { $0.hasPrefix("PER") }
        #expect(people == ["PER Wawan Sobari"])
        #expect(tagged("Direktur Utama Bank Mandiri Darmawan Junaidi hadir.", model: nil).contains("PER Darmawan Junaidi"))
    }

    /// A rank inside a place, organization or person that capitalised words follow opens a
    /// person: the organization ends before it, the words before it are the person's role.
    @Test(arguments: [
        ("Hal itu disampaikan Wadir Reskrimum Polda Metro Jaya AKBP Dwiasi Wiyatputera.", "Dwiasi Wiyatputera"),
        ("Menurut Wadir Reskrimum Polda Metro Jaya AKBP Dwiasi Wiyatputera, pelaku ditangkap.", "Dwiasi Wiyatputera"),
        ("Hal itu disampaikan Dirreskrimum Polda Metro Jaya Kombes Wira Satya Triputra.", "Wira Satya Triputra"),
    ])
    func aRankInsideANameOpensAPerson(_ text: String, _ name: String) {
        for model in [NERModel.builtIn, nil] {
            let people = tagged(text, model: model).filter { $0.hasPrefix("PER") }
            #expect(people == ["PER " + name])
        }
    }

    /// A rank right after an organization or place word, after a name's first word or inside a
    /// listed role is part of that name or role (`Jalan Jenderal Sudirman`, `Direktur Jenderal`).
    @Test func aRankInsideAPlacesNameIsNoPerson() {
        for model in [NERModel.builtIn, nil] {
            #expect(!tagged("Ia tinggal di Jalan Jenderal Sudirman, Jakarta.", model: model).contains { $0.hasPrefix("PER") })
            #expect(!tagged("Macet di Simpang Kolonel Masturi pagi ini.", model: model).contains { $0.hasPrefix("PER") })
            #expect(!tagged("Warga berkumpul di Kantor Konsulat Jenderal Republik Indonesia di Jeddah.", model: model).contains { $0.hasPrefix("PER") })
            #expect(tagged("Plt. Direktur Jenderal Imigrasi Yuldi Yusman hadir.", model: model).filter { $0.hasPrefix("PER") } == ["PER Yuldi Yusman"])
        }
    }

    /// In a title-case headline a person ends before a word shaped as a verb or a reduplication
    /// that no listed person holds and the text never capitalises elsewhere (`Turunkan`,
    /// `Gara-gara`); an unknown surname stays (`Syach`).
    @Test func aHeadlineVerbEndsAPerson() {
        let people = tagged("Prabowo Turunkan Harga Tiket Pesawat Mulai Besok\n\nPresiden Prabowo Subianto mengumumkan penurunan harga tiket.")
            .filter { $0.hasPrefix("PER") }
        #expect(people == ["PER Prabowo", "PER Prabowo Subianto"])
        let headline = tagged("Amarah Prabowo Gara-gara Koruptor Dijerat tapi Lolos di Pengadilan\n\nPrabowo menyampaikan pernyataan itu.")
        #expect(!headline.contains { $0.hasPrefix("PER Prabowo Gara") })
        #expect(tagged("Atalarik Syach Hadiri Sidang Cerai di Pengadilan Agama\n\nAktor itu datang pagi.").contains("PER Atalarik Syach"))
    }

    /// A prime minister is a role: after a speech verb and before a comma and a name, the
    /// words are the person's role, not a person of their own.
    @Test func aPrimeMinisterIsARole() {
        let text = "Pasukan itu tetap di Somalia, kata Perdana Menteri Ethiopia, Meles Zenawi."
        for model in [NERModel.builtIn, nil] { expectOnePerson(text, "Meles Zenawi", role: "Perdana Menteri Ethiopia", model: model) }
    }

    /// An acronym in brackets that spells a longer capitalised run than the listed name before
    /// it abbreviates the run, not the name (`Ikatan Ahli Perencanaan Indonesia (IAPI)` is no
    /// place); one that does not spell a longer run still follows the name (`Jateng`).
    @Test func anAcronymOfALongerRunIsNotTheListedNames() {
        for model in [NERModel.builtIn, nil] {
            #expect(!tagged("Ikatan Ahli Perencanaan Indonesia (IAPI) merilis daftar kota.", model: model).contains("LOC IAPI"))
            #expect(tagged("Gubernur Jawa Tengah (Jateng) hadir.", model: model).contains("LOC Jateng"))
        }
    }

    /// Capitalised words after a speech verb that a demonstrative closes describe someone named
    /// before (`tutur Wasekjen DPP Golkar itu`): they are no name.
    @Test func aDescriptionClosedByADemonstrativeIsNoName() {
        #expect(!tagged("Kami akan hadir, tutur Wasekjen DPP Golkar itu.").contains { $0.hasPrefix("PER") })
    }

    /// A name in brackets after a longer one (`Joko Widodo (Jokowi)`) is named without them.
    @Test func aNameInBracketsIsNamedWithoutThem() {
        let names = tagged("Teknik itu dirintis oleh Presiden ke-7 Joko Widodo (Jokowi). Jokowi pernah menjadi kepala daerah.")
        #expect(names == ["PER Joko Widodo", "PER Jokowi", "PER Jokowi"])
        #expect(!tagged("Pertamina mengembangkan proyek Renewable Energy Development (RED) di Jawa.").contains { $0.contains("(") })
    }

    @Test func lexiconAndCues() {
        #expect(tagged("Warga Kecamatan Tugu, Kota Semarang, Jawa Tengah datang.") ==
                ["LOC Kecamatan Tugu", "LOC Kota Semarang", "LOC Jawa Tengah"])
        #expect(tagged("Ia anggota DPRD Kota Semarang.") == ["ORG DPRD Kota Semarang"])
        // Acronyms match only in capitals; a place that is also a word needs its cue.
        #expect(tagged("Ia datang ke kpk lalu ke KPK.") == ["ORG KPK"])
        #expect(tagged("Tugu itu tinggi.").isEmpty)
    }

    @Test func aDayNameEndsAName() {
        #expect(tagged("Pasar dibuka, kata Joko Susilo Selasa (12/5/2022).") == ["PER Joko Susilo", "DATE Selasa ( 12/5/2022 )"])
    }

    @Test func placesDoNotSpeak() {
        // Bima is a regency in the lexicon; after a speech verb it is a person.
        #expect(tagged("“Anggaran sudah ada,” kata Bima di Bogor.") == ["PER Bima", "LOC Bogor"])
    }

    @Test func facilitiesAndEvents() {
        #expect(tagged("Presiden meresmikan Bandara Internasional Yogyakarta lalu salat di Masjid Istiqlal.") ==
                ["FAC Bandara Internasional Yogyakarta", "FAC Masjid Istiqlal"])
        #expect(tagged("Menjelang Pilkada 2024 dan Piala Dunia 2022, Festival Kota Lama digelar.") ==
                ["EVENT Pilkada 2024", "EVENT Piala Dunia 2022", "EVENT Festival Kota Lama"])
        // A cue word alone, lower case or without a name or year, names nothing.
        #expect(tagged("Festival itu ramai; pameran produk IKM dibuka.").isEmpty)
    }

    /// A month and a year is a date, and so is a range of days before a month.
    @Test func monthsAndYearsAndRangesOfDays() {
        #expect(tagged("Inflasi tercatat 2,86 persen pada November 2025.") == ["PERCENT 2,86 persen", "DATE November 2025"])
        #expect(tagged("Acara digelar 12-14 Desember 2025 dan 20 hingga 22 Januari 2026.") ==
                ["DATE 12 - 14 Desember 2025", "DATE 20 hingga 22 Januari 2026"])
        // A month with no year stays as it was (`Mei` is also a name).
        #expect(tagged("Pada bulan Januari, harga naik.").isEmpty)
    }

    /// Amounts in dollars written `US$` (split by the tokenizer) or after the number with the
    /// currency's name, and counts with a scale word before their unit.
    @Test func amountsAndCountsWithTheirWords() {
        #expect(tagged("Nilai ekspor mencapai US$ 24,5 miliar atau sekitar 400 triliun rupiah.") ==
                ["MONEY US $ 24,5 miliar", "MONEY 400 triliun rupiah"])
        #expect(tagged("Harga minyak naik menjadi 75 dolar AS per barel.") == ["MONEY 75 dolar AS"])
        #expect(tagged("Investasi itu senilai 5 miliar dolar Amerika Serikat.") == ["MONEY 5 miliar dolar Amerika Serikat"])
        #expect(tagged("Sebanyak 15 ribu orang hadir; suhu mencapai 38 derajat.") == ["QUANTITY 15 ribu orang", "QUANTITY 38 derajat"])
    }

    /// A hyphen with no space on either side joins the words of a name after its cue word
    /// (`Al-Ikhlas`, `Soekarno-Hatta`, `Jakarta-Cikampek`), not two people's (`Anies-Sandi`).
    @Test func aHyphenInsideANameAfterItsCueWord() {
        #expect(tagged("Warga mengungsi ke Masjid Al-Ikhlas lalu ke Bandara Soekarno-Hatta.") ==
                ["FAC Masjid Al - Ikhlas", "FAC Bandara Soekarno - Hatta"])
        #expect(tagged("Kemacetan terjadi di Jalan Tol Jakarta-Cikampek.") == ["LOC Jalan Tol Jakarta - Cikampek"])
        #expect(tagged("Pasangan Anies-Sandi dan Ahok-Djarot bertemu.").allSatisfy { !$0.contains(" - ") })
    }

    /// Two organizations joined by `dan` are two (`Shopee dan Tokopedia`, `Kejaksaan Tinggi dan
    /// Kejaksaan Negeri`), and a name with `dan` inside is one (`Kementerian Pekerjaan Umum dan
    /// Perumahan Rakyat`).
    @Test func twoOrganizationsJoinedByDanAreTwo() {
        #expect(tagged("Pengguna Shopee dan Tokopedia meningkat.") == ["ORG Shopee", "ORG Tokopedia"])
        #expect(tagged("Berkas dilimpahkan ke Kejaksaan Tinggi dan Kejaksaan Negeri.") == ["ORG Kejaksaan Tinggi", "ORG Kejaksaan Negeri"])
        #expect(tagged("Kementerian Pekerjaan Umum dan Perumahan Rakyat menganggarkan dana.") ==
                ["ORG Kementerian Pekerjaan Umum dan Perumahan Rakyat"])
        // The rules alone too.
        #expect(tagged("Berkas dilimpahkan ke Kejaksaan Tinggi dan Kejaksaan Negeri.", model: nil) ==
                ["ORG Kejaksaan Tinggi", "ORG Kejaksaan Negeri"])
    }

    /// An institution named after a titled person keeps the title and the name inside its own
    /// name (`RSUP Dr. Kariadi`, `RSUD dr. Soetomo`): the title does not start a person there.
    @Test func aHospitalNamedAfterADoctorIsOneName() {
        #expect(tagged("Korban dirawat di RSUP Dr. Kariadi, Semarang.", model: nil) == ["ORG RSUP Dr. Kariadi", "LOC Semarang"])
        #expect(tagged("Korban dirawat di RSUD dr. Soetomo, Surabaya.", model: nil) == ["ORG RSUD dr. Soetomo", "LOC Surabaya"])
        #expect(tagged("Korban dirawat di RSUP Dr. Kariadi, Semarang.").first == "LOC RSUP Dr. Kariadi")
    }

    /// A person the model finds does not start or end inside a hyphenated word (`Pierre-Emile
    /// Hojbjerg`, `Aaron Wan-Bissaka`), but a pair of names stays two (`Prabowo Subianto-Gibran
    /// Rakabuming Raka`), and a route between places is no name (`Jakarta-Bandung`).
    @Test func aPersonSpansItsHyphenatedWords() {
        #expect(tagged("Gelandang Pierre-Emile Hojbjerg mencetak gol.") == ["PER Pierre - Emile Hojbjerg"])
        #expect(tagged("Pelatih memainkan Aaron Wan-Bissaka sejak awal.") == ["PER Aaron Wan - Bissaka"])
        #expect(tagged("Pemerintahan Prabowo Subianto-Gibran Rakabuming Raka berjalan.") ==
                ["PER Prabowo Subianto", "PER Gibran Rakabuming Raka"])
        #expect(tagged("Tol Jakarta-Bandung macet.") == ["LOC Jakarta", "LOC Bandung"])
    }

    /// A first name and a middle initial before the person the model finds are the person's
    /// (`Galau D. Muhammad`, `Galau` being a word of the language); an acronym before an
    /// initial is not (`AS` | `D. Trump`).
    @Test func aPersonSpansAMiddleInitial() {
        #expect(tagged("Peneliti Celios, Galau D. Muhammad menyampaikan 96% responden setuju.")
                == ["ORG Celios", "PER Galau D. Muhammad", "PERCENT 96 %"])
        #expect(tagged("Presiden AS D. Trump hadir.") == ["LOC AS", "PER D. Trump"])
    }

    /// Right after an honorific written short (`H.`, `Dr.`) the name starts, a word of the
    /// language or not (`Tauhid`), with its dotted initials (`M.`); a body's name the model
    /// reads on into the initials gives them back (`DPRD H. M.` | `Tauhid Hamdi` → `DPRD` |
    /// `M. Tauhid Hamdi`).
    @Test func aNameAfterAShortHonorificKeepsItsWordsAndInitials() {
        #expect(tagged("Menurut H. Tauhid Hamdi, pihaknya mendukung.", model: nil) == ["PER Tauhid Hamdi"])
        #expect(tagged("Ketua DPRD H. M. Tauhid Hamdi mengatakan pihaknya mendukung.")
                == ["ORG DPRD", "PER M. Tauhid Hamdi"])
        #expect(tagged("Menurut Pak Harto, pihaknya mendukung.", model: nil) == ["PER Harto"])
    }

    /// A name the model reads as a person's but that ends in the head word of an organization
    /// written last is an organization (`Climate Council`, `Toge Productions`, `Phillip
    /// Sekuritas`); a person's stays.
    @Test func anEnglishOrganizationsHeadWordEndsNoPersonsName() {
        #expect(tagged("Amanda McKenzie, CEO dari Climate Council, mengatakan hal itu.").contains("ORG Climate Council"))
        let studios = tagged("Studio lokal seperti Touchten Games, Toge Productions, Agate Studios, dan beberapa kelompok lain hadir.")
        #expect(studios.contains("ORG Toge Productions") && studios.contains("ORG Agate Studios"))
        #expect(tagged("Amanda McKenzie, CEO dari Climate Council, mengatakan hal itu.").contains("PER Amanda McKenzie"))
        // Indonesian heads written last too.
        #expect(tagged("Direktur Phillip Sekuritas, Thessalonica Winarto mengapresiasi semua pihak.")
                == ["ORG Phillip Sekuritas", "PER Thessalonica Winarto"])
    }

    /// A listed organization the model runs on into a name right before a reporting verb ends
    /// there, and the name is a person (`Kementerian Keuangan` | `Rosmauli mengatakan`); a
    /// listed place after it stays the organization's (`Kementerian Kebudayaan Prancis`).
    @Test func aListedOrganizationEndsBeforeItsSpeaker() {
        let text = "Direktur Penyuluhan, Pelayanan, dan Hubungan Masyarakat Kementerian Keuangan Rosmauli mengatakan, target tercapai."
        let names = tagged(text)
        #expect(names.contains("ORG Kementerian Keuangan") && names.contains("PER Rosmauli"))
        #expect(tagged("Kementerian Kebudayaan Prancis menyatakan bahwa delapan perhiasan hilang.")
                .contains("ORG Kementerian Kebudayaan Prancis"))
    }

    /// A role ends before the honorifics written short before the name (`… Malang` | `Dr.` |
    /// `Muhammad Sri Wahyudi Suliswanto`); a role of titles only keeps one (`Prof.`).
    @Test func aRoleEndsBeforeTheNamesTitles() {
        let doc = TextAnalyzer().analyze(
            "Sementara itu, Dekan Fakultas Ekonomi dan Bisnis Universitas Muhammadiyah Malang Dr. Muhammad Sri Wahyudi Suliswanto menilai kebijakan ini tepat.")
        let person = EntityTagger().tag(doc).first { $0.type == .per }
        #expect(person?.role == "Dekan Fakultas Ekonomi dan Bisnis Universitas Muhammadiyah Malang")
        let titled = TextAnalyzer().analyze("Menurut Prof. Dr. Budi Santoso, harga naik.")
        #expect(EntityTagger().tag(titled).first { $0.type == .per }?.role == "Prof.")
    }

    /// An acronym of five or six letters that news also writes as a word matches so
    /// (`Celios`, `Unesco`), and in capitals; one of up to four letters only in capitals.
    @Test func aLongAcronymMatchesWrittenAsAWord() {
        #expect(tagged("Ekonom Celios, Nailul Huda mengatakan responden setuju.") == ["ORG Celios", "PER Nailul Huda"])
        #expect(tagged("Unesco menetapkan batik.") == ["ORG Unesco"])
        #expect(tagged("UNESCO menetapkan batik.") == ["ORG UNESCO"])
        #expect(tagged("Menurut Aji, warga datang.") == ["PER Aji"])  // AJI, the journalists' alliance, in capitals only
    }

    @Test func unknownNamesAfterAWordOfPlaceArePlaces() {
        #expect(tagged("Ledakan terjadi di Quetta pada pagi hari.") == ["LOC Quetta"])
        #expect(tagged("Masih buka di rumah di daerah Bugangan dan pindah ke Las Palmas.") == ["LOC Bugangan", "LOC Las Palmas"])
        // Rule: places coordinated with "dan" share the cue.
        #expect(tagged("Masih buka di rumah di daerah Bugangan dan Barito.") == ["LOC Bugangan", "LOC Barito"])
        #expect(tagged("Ia tinggal di Bugangan dan Joko Susilo datang.") == ["LOC Bugangan", "PER Joko Susilo"])
        // Rule: a known country after a noun of place is a place, after another noun a modifier.
        #expect(tagged("Ia tiba di ibukota Jerman kemarin.") == ["LOC Jerman"])
        // (The sequence model reads "pemerintah Jerman" as a place, as NERGrit annotates it.)
        #expect(tagged("Sikap pemerintah Jerman jelas.", model: nil).isEmpty)
        // Months and lower-case words are not names.
        #expect(tagged("Ia datang di bulan itu.").isEmpty)
        // Beaches, caves, craters and villages' own words head places, after any verb (`Pantai
        // Kuta` was no name, `Goa Pindul` a person).
        #expect(tagged("Wisatawan memadati Pantai Kuta saat libur panjang.") == ["LOC Pantai Kuta"])
        #expect(tagged("Pengunjung Goa Pindul meningkat selama liburan.") == ["LOC Goa Pindul"])
        #expect(tagged("Warga Gampong Lamteh mengungsi akibat banjir.") == ["LOC Gampong Lamteh"])
    }

    @Test func givenNamesThatAreAlsoWordsStartPeopleOnlyWhenCapitalised() {
        #expect(tagged("Bambang juga mampu menurunkan harga.") == ["PER Bambang"])
        #expect(tagged("Mereka didik anak itu dengan sabar.").isEmpty)
    }

    @Test func peopleByRoleGivenNameAndSpeechVerb() {
        #expect(tagged("Kepala Dinas Perindustrian Kota Semarang Tri Supriyanto menjelaskan hal itu.") ==
                ["ORG Dinas Perindustrian Kota Semarang", "PER Tri Supriyanto"])
        #expect(tagged("“Kami siap,” kata Joko Susilo. Menurut Joko, semua lancar.") == ["PER Joko Susilo", "PER Joko"])
        let doc = TextAnalyzer().analyze("Ketua Komite B DPRD Kota Semarang, Joko Susilo, hadir.")
        #expect(EntityTagger().tag(doc).filter { $0.type == .per }.count <= 1)
    }

    @Test func aRoleInAppositionBecomesThePersonsRole() {
        let doc = TextAnalyzer().analyze("Sementara itu, Joko Susilo, Ketua Komite B DPRD Kota Semarang, mendukung penuh langkah itu.")
        let mentions = EntityTagger().tag(doc)
        #expect(mentions.first { $0.type == .per }?.role == "Ketua Komite B DPRD Kota Semarang")
        #expect(mentions.contains { $0.type == .org && doc.token($0.start).text == "DPRD" })
        // Rule: the role stops at another person's name; "Presiden Jokowi" is a second person.
        let two = TextAnalyzer().analyze("Hadir Joko Susilo, Presiden Jokowi, dan warga.")
        let joko = EntityTagger().tag(two).first { $0.type == .per }
        #expect(joko.map { mentionText(two, $0) } == "Joko Susilo")
        #expect(joko?.role == nil)
    }

    @Test func nestedPlacesAndOrganizationsOnlyWhenAsked() {
        let doc = TextAnalyzer().analyze("Ia anggota DPRD Kota Semarang.")
        #expect(EntityTagger().tag(doc).map { mentionText(doc, $0) } == ["DPRD Kota Semarang"])
        let all = EntityTagger().tag(doc, nested: true)
        #expect(all.map { mentionText(doc, $0) } == ["DPRD Kota Semarang", "DPRD", "Kota Semarang"])
        #expect(all.map(\.isNested) == [false, true, true])
        #expect(all.map(\.type) == [.org, .org, .loc])
    }

    @Test func acronymDefinitions() {
        #expect(tagged("Dinas Perindustrian (Disperin) membuka sentra. Disperin juga hadir.") ==
                ["ORG Dinas Perindustrian", "ORG Disperin", "ORG Disperin"])
    }

    @Test func numericEntities() {
        #expect(tagged("Senin (12/5/2022) harga naik 5,61 persen, minus 1,85 persen, sebelum 14 Februari.") ==
                ["DATE Senin ( 12/5/2022 )", "PERCENT 5,61 persen", "PERCENT minus 1,85 persen", "DATE 14 Februari"])
        #expect(tagged("Ada 74 kios, dana Rp 1,5 miliar dan Rp5 juta, pukul 10.15 WIB.") ==
                ["QUANTITY 74 kios", "MONEY Rp 1,5 miliar", "MONEY Rp 5 juta", "TIME pukul 10.15 WIB"])
    }

    @Test func countriesAsModifiersAreNotPlaces() {
        #expect(tagged("Serangan militer Israel ke Gaza berlanjut di Indonesia.") == ["LOC Gaza", "LOC Indonesia"])
    }

    @Test func conllModeKeepsTheGivenTokens() {
        let lexicon = EntityLexicon(tsv: ["name\ttype\tsubtype\tcase\tid\tparent\nKota Contoh\tLOC\tcity\tcapitalized\t99\t\n"])
        let doc = TextAnalyzer().analyze("Di Kota Contoh ramai.")
        #expect(EntityTagger(lexicon: lexicon).tag(doc) == [EntityMention(start: 1, end: 3, type: .loc, subtype: "city", lexiconID: "99")])
    }

    /// A man's name after a place's cue word or before `City` names a place; after a role it
    /// is the role holder's (`Kepala Desa Sutrisno`, `Wali Kota Bobby Nasution`).
    @Test func placesNamedAfterPeopleArePlaces() {
        #expect(tagged("Sebuah kota kecil di timur laut Kota Ho Chi Minh, Vietnam.") == ["LOC Kota Ho Chi Minh", "LOC Vietnam"])
        #expect(tagged("Pabriknya di Ho Chi Minh City, Vietnam.") == ["LOC Ho Chi Minh City", "LOC Vietnam"])
        #expect(tagged("Kepala Desa Sutrisno mengatakan warga aman.") == ["PER Sutrisno"])
        #expect(tagged("Wali Kota Bobby Nasution meninjau lokasi.") == ["PER Bobby Nasution"])
    }

    /// A capitalised name ending in an English word for an event, with its year, is an event:
    /// no person (`Russian`) or village (`SEA`) is read in its words; a listed country inside
    /// (`Indonesia` of Indonesia Open) is kept, and then no event is made.
    @Test func eventsNamedLastAreEvents() {
        #expect(tagged("Ganda campuran Ketut dan Tania menjuarai Russian Open 2019 pekan lalu. Timnas Basket Indonesia berangkat ke SEA Games 2019 di Filipina.")
                == ["PER Ketut", "PER Tania", "EVENT Russian Open 2019", "ORG Timnas Basket Indonesia", "EVENT SEA Games 2019", "LOC Filipina"])
        #expect(tagged("Lagu itu memenangkan dua Grammy Awards tahun lalu.") == ["EVENT Grammy Awards"])
        #expect(tagged("Tahun ini panitia mengadakan Banyuwangi Award 2019 di alun-alun.") == ["EVENT Banyuwangi Award 2019"])
        #expect(tagged("Anthony Ginting tampil di Indonesia Open 2019 di Istora Senayan.").contains("LOC Indonesia"))
    }
}

@Suite("Entity identities")
struct EntityResolverTests {
    /// The mentions `make` gives for each of `names` where it stands in `text`, in the order the
    /// names are given (a name inside one given before it, `Ahmad Riza` in Ahmad Riza Patria, is
    /// no mention), sorted by start.
    static func mentions<Name>(of names: [Name], in text: String, _ doc: Document, text name: (Name) -> String,
                               make: (Name, Int, Int) -> EntityMention) -> [EntityMention] {
        var mentions: [EntityMention] = []
        for given in names {
            var from = text.startIndex
            while let r = text.range(of: name(given), range: from..<text.endIndex) {
                let a = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
                let b = text.utf8.distance(from: text.utf8.startIndex, to: r.upperBound)
                let toks = (0..<doc.tokens.count).filter { Int(doc.tokens.starts[$0]) >= a && Int(doc.tokens.ends[$0]) <= b }
                if let f = toks.first, let l = toks.last, !mentions.contains(where: { $0.start <= l && f < $0.end }) {
                    mentions.append(make(given, f, l + 1))
                }
                from = r.upperBound
            }
        }
        return mentions.sorted { $0.start < $1.start }
    }

    /// The people of `text` as the resolver groups the mentions given (`PER` spans by text,
    /// longer names first).
    static func people(_ text: String, _ names: [String]) -> [[String]] {
        let doc = TextAnalyzer().analyze(text)
        let mentions = Self.mentions(of: names, in: text, doc, text: { $0 }) { _, f, e in EntityMention(start: f, end: e, type: .per) }
        return EntityResolver().resolve(mentions, in: doc).map { e in e.mentions.map { mentionText(doc, $0) } }
    }

    /// Nicknames made of a name (the start of one of its words, or a first name with the start
    /// of the next) join the person, unless two people's names could give them or they are
    /// shorter than five letters.
    @Test func nicknamesJoinThePersonTheyShorten() {
        #expect(Self.people("Wali Kota Tri Rismaharini meninjau pasar. Risma meminta warga tertib.", ["Tri Rismaharini", "Risma"])
                == [["Tri Rismaharini", "Risma"]])
        #expect(Self.people("Presiden Joko Widodo tiba. Jokowi lalu berpidato.", ["Joko Widodo", "Jokowi"])
                == [["Joko Widodo", "Jokowi"]])
        #expect(Self.people("Tri Rismaharini dan Rismawan Hadi hadir. Risma berbicara.", ["Tri Rismaharini", "Rismawan Hadi", "Risma"]).count == 3)
        #expect(Self.people("Budiman Sudjatmiko hadir. Budi berbicara.", ["Budiman Sudjatmiko", "Budi"]).count == 2)
    }

    /// A person named first by one word (`Widodo`) or by a nickname made of two (`Jokowi`)
    /// is the person a later mention names in full, when the word belongs to one such person
    /// only; a word of two people's names, or the start of a word that is a name of its own
    /// (`Abdul` of Abdullah), stays a person of its own.
    @Test func aNameGivenInFullOnlyLaterJoinsItsEarlierWord() {
        #expect(Self.people("Widodo tiba di pasar. Presiden Joko Widodo lalu berpidato. Widodo pulang.", ["Joko Widodo", "Widodo"])
                == [["Widodo", "Joko Widodo", "Widodo"]])
        #expect(Self.people("Jokowi tiba di pasar. Presiden Joko Widodo lalu berpidato.", ["Joko Widodo", "Jokowi"])
                == [["Jokowi", "Joko Widodo"]])
        #expect(Self.people("Widodo tiba. Joko Widodo dan Budi Widodo hadir.", ["Joko Widodo", "Budi Widodo", "Widodo"]).count == 3)
        #expect(Self.people("Abdul tiba. Abdullah Azwar Annas hadir.", ["Abdullah Azwar Annas", "Abdul"]).count == 2)
    }

    /// The joined person keeps the full name, the type and lexicon id of the mention that named
    /// it in full, and entities are numbered by first mention after the join.
    @Test func anEarlierWordTakesTheFullNamesIdentity() {
        let doc = TextAnalyzer().analyze("Widodo tiba. Kota Solo ramai. Joko Widodo hadir.")
        let t = { (s: String) in (0..<doc.tokens.count).first { doc.text(TextRange(Int(doc.tokens.starts[$0]), Int(doc.tokens.ends[$0]))) == s }! }
        let mentions = [
            EntityMention(start: 0, end: 1, type: .per),
            EntityMention(start: t("Kota"), end: t("Solo") + 1, type: .loc),
            EntityMention(start: t("Joko"), end: t("Joko") + 2, type: .per, lexiconID: "Q1"),
        ]
        let (entities, entityOfMention) = EntityResolver().resolveIndexed(mentions, in: doc)
        #expect(entities.map(\.name) == ["Joko Widodo", "Kota Solo"])
        #expect(entities.map(\.id) == ["e1", "e2"])
        #expect(entities[0].lexiconID == "Q1")
        #expect(entityOfMention == [0, 1, 0])
    }

    /// The entities of the organizations `names` in `text` (name, subtype, lexicon id), each
    /// mention found where its name stands, longer names first.
    static func organizations(_ text: String, _ names: [(String, String?, String?)]) -> [(name: String, id: String?, mentions: [String])] {
        let doc = TextAnalyzer().analyze(text)
        let mentions = Self.mentions(of: names.sorted { $0.0.count > $1.0.count }, in: text, doc, text: { $0.0 }) { given, f, e in
            EntityMention(start: f, end: e, type: .org, subtype: given.1, lexiconID: given.2)
        }
        return EntityResolver().resolve(mentions, in: doc).map { e in (e.name, e.lexiconID, e.mentions.map { mentionText(doc, $0) }) }
    }

    /// An organization named by the first words of a longer name in the document is that
    /// organization when the words after them name the same one (the state, the country of the
    /// branch, the legal form, the group) or, for a club, its town; it keeps the longer name
    /// and the lexicon entry. A subsidiary's name (`Pertamina Patra Niaga`), two lexicon
    /// entries and a name that starts two such names stay apart.
    @Test func aShortOrganizationNameJoinsTheFullOne() {
        let dpr = Self.organizations("Ketua DPR Puan Maharani hadir. Rapat paripurna DPR RI digelar Selasa.", [("DPR", "legislature", "DPR"), ("DPR RI", nil, nil)])
        #expect(dpr.map(\.name) == ["DPR RI"] && dpr.first?.id == "DPR" && dpr.first?.mentions == ["DPR", "DPR RI"])
        let antam = Self.organizations("Saham PT Antam Tbk. naik. Direktur PT Antam mengatakan produksi naik.", [("PT Antam Tbk.", nil, nil), ("PT Antam", nil, nil)])
        #expect(antam.map(\.mentions) == [["PT Antam Tbk.", "PT Antam"]])
        let club = Self.organizations("Persib menang. Pelatih Persib Bandung memuji pemainnya.", [("Persib", "sport", "Persib"), ("Persib Bandung", nil, nil)])
        #expect(club.map(\.name) == ["Persib Bandung"])
        #expect(Self.organizations("Pertamina menaikkan harga. Pertamina Patra Niaga menyalurkan BBM.",
                                   [("Pertamina", "company", "Pertamina"), ("Pertamina Patra Niaga", nil, nil)]).count == 2)
        #expect(Self.organizations("Pertamina menaikkan harga. Pertamina Niaga menyalurkan BBM.",
                                   [("Pertamina", "company", "Pertamina"), ("Pertamina Niaga", nil, nil)]).count == 2)
        #expect(Self.organizations("BPJS hadir. BPJS Indonesia juga.", [("BPJS", nil, "BPJS"), ("BPJS Indonesia", nil, "BPJS-ID")]).count == 2)
        #expect(Self.organizations("KPU bersiap. KPU RI dan KPU Indonesia hadir.", [("KPU", nil, nil), ("KPU RI", nil, nil), ("KPU Indonesia", nil, nil)]).count == 3)
    }

    /// In a document of thousands of people with roles, each keeps its own role: whether
    /// another person stands between a role and a name is read per token (it had been a search
    /// through every mention, quadratic in such a document).
    @Test func thousandsOfPeopleKeepTheirRoles() {
        let names = ["Budi Santoso", "Andi Wijaya", "Citra Lestari", "Dedi Kurniawan"]
        let text = (0..<1_500).map { "Menurut Kepala Dinas Pendidikan, \(names[$0 % 4]), sekolah dibuka pekan depan." }.joined(separator: "\n")
        let doc = TextAnalyzer().analyze(text)
        let people = EntityTagger().tag(doc).filter { $0.type == .per }
        #expect(people.count == 1_500)
        #expect(people.allSatisfy { $0.role == "Kepala Dinas Pendidikan" })
    }

    /// Some words of a person named before are that person (`Ahmad Riza` for Ahmad Riza
    /// Patria); words of two people are neither.
    @Test func someWordsOfAPersonNamedBeforeJoinThePerson() {
        #expect(Self.people("Wakil Gubernur Ahmad Riza Patria hadir. Ahmad Riza menyebut rapat ditunda.", ["Ahmad Riza Patria", "Ahmad Riza"])
                == [["Ahmad Riza Patria", "Ahmad Riza"]])
        #expect(Self.people("Ahmad Dahlan dan Riza Patria hadir. Ahmad Riza datang kemudian.", ["Ahmad Dahlan", "Riza Patria", "Ahmad Riza"]).count == 3)
    }

    /// Two people joined by a hyphen (a ticket) are no person a later word of it stands for:
    /// `Prabowo` is Prabowo Subianto, named before, and without him no one of the pair.
    @Test func aTicketOfTwoIsNoOnePerson() {
        #expect(Self.people("Prabowo Subianto hadir. Pasangan Prabowo-Gibran menang. Prabowo berbicara.",
                            ["Prabowo Subianto", "Prabowo-Gibran", "Prabowo"])
                == [["Prabowo Subianto", "Prabowo"], ["Prabowo-Gibran"]])
        #expect(Self.people("Pasangan Prabowo-Gibran menang. Prabowo berbicara.", ["Prabowo-Gibran", "Prabowo"]).count == 2)
    }

    @Test func partialNamesAndAcronymsJoinTheirEntity() {
        let doc = TextAnalyzer().analyze("""
            Dinas Perindustrian (Disperin) membuka sentra di Kota Semarang. Kepala Dinas Perindustrian Kota Semarang \
            Tri Supriyanto hadir. Tri menjelaskan rencana. Disperin juga hadir. SEMARANG (Sigi Jateng) ramai.
            """)
        // The resolver over the rules' mentions: the model's reading of this invented text
        // (`SEMARANG (Sigi Jateng)` is no dateline) moves with each retraining.
        let tagger = EntityTagger(model: nil)
        let entities = EntityResolver().resolve(tagger.tag(doc), in: doc)
        let tri = entities.first { $0.name == "Tri Supriyanto" }
        #expect(tri?.mentions.count == 2)
        #expect(tri?.type == .per)
        let disperin = entities.first { $0.name.hasPrefix("Dinas Perindustrian") }
        #expect(disperin.map { $0.mentions.map { doc.text(TextRange(Int(doc.tokens.starts[$0.start]), Int(doc.tokens.ends[$0.end - 1]))) } }
                == ["Dinas Perindustrian", "Disperin", "Disperin"])
        // SEMARANG is Kota Semarang; "(Sigi Jateng)" (no dash: not a dateline) is no alias of it.
        #expect(entities.first { $0.name == "Kota Semarang" }?.mentions.count == 2)
        // Each mention's entity, as the resolver gives it, holds that mention.
        let mentions = tagger.tag(doc)
        let (grouped, entityOf) = EntityResolver().resolveIndexed(mentions, in: doc)
        #expect(entityOf.count == mentions.count)
        for (k, m) in mentions.enumerated() {
            #expect(grouped[entityOf[k]].mentions.contains(m))
        }
        #expect(grouped.count == entities.count)
    }
}

/// The checks `--lexicon` runs on a user's file before it is compiled.
@Suite("lexicon file checks")
struct LexiconFileCheckTests {
    @Test func aWellFormedFileWithBOMAndCRLFPasses() {
        #expect(EntityLexicon.firstProblem(inTSV: "\u{FEFF}name\ttype\tsubtype\tcase\r\nKIW\tLOC\tarea\tupper\r\n# note\r\n\r\n") == nil)
    }

    @Test func eachProblemIsReportedWithItsLine() {
        #expect(EntityLexicon.firstProblem(inTSV: "Semarang\tLOC\tcity\tcapitalized\n")?.line == 1)
        #expect(EntityLexicon.firstProblem(inTSV: "name\ttype\tsubtype\tcase\nSemarang\tLOC\n")?.line == 2)
        let badCase = EntityLexicon.firstProblem(inTSV: "name\ttype\tsubtype\tcase\nA\tORG\t\tupper\nB\tORG\t\tlower\n")
        #expect(badCase?.line == 3)
        #expect(badCase?.detail == "unknown case 'lower'; use capitalized, upper, cued or any")
    }

    /// The words of a listed organization in a role's run are no person's name: the organization
    /// stays whole (`Universitas Gadjah Mada` had lost `Mada` to a person).
    @Test func aListedOrganizationInARolesRunStaysWhole() {
        #expect(tagged("Dosen Universitas Gadjah Mada, Umbu Rauta, mengatakan hal itu.", model: nil)
                == ["ORG Universitas Gadjah Mada", "PER Umbu Rauta"])
    }

    /// A name set off by commas after a clause that opens with a role is a person with that
    /// role, even one no lexicon knows and whose first word names villages (`Umbu`); a place,
    /// a list of fields or a legal form there is not.
    @Test func aNameSetOffByCommasAfterARoleIsAPerson() {
        expectOnePerson("Kepala Dinas Kesehatan Kota Semarang, Umbu Rauta, mengatakan hal itu.", "Umbu Rauta",
                        role: "Kepala Dinas Kesehatan Kota Semarang")
        expectOnePerson("Kepala Dinas Kesehatan Kota Semarang, Umbu Rauta, mengatakan hal itu.", "Umbu Rauta",
                        role: "Kepala Dinas Kesehatan Kota Semarang", model: nil)
        #expect(!tagged("Ketua DPRD Kota Solo, Jawa Tengah, mengatakan hal itu.", model: nil).contains { $0.hasPrefix("PER") })
        #expect(!tagged("Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi hadir.", model: nil).contains { $0.hasPrefix("PER") })
        #expect(!tagged("Direktur Utama PT Garuda, Tbk, mengatakan hal itu.", model: nil).contains { $0.hasPrefix("PER") })
    }

    /// After a speech verb, a run with a listed role inside is a title, and the name is what
    /// follows the role's organization (`Pelaksana Tugas` and `Panglima` are roles, `Laksda` a
    /// rank); right after a rank the name starts even with a word of the language (`Wira`).
    @Test func aTitleAfterASpeechVerbIsNoName() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("“Kami siap,” kata Pelaksana Tugas Direktur Jenderal Pencegahan dan Pengendalian Penyakit Kementerian Kesehatan Maxi Rein Rondonuwu.",
                           model: model).filter { $0.hasPrefix("PER") } == ["PER Maxi Rein Rondonuwu"])
            #expect(tagged("“Kami fokus,” kata Panglima Komando Armada I (Pangkoarmada) Laksda TNI Abdul Rasyid kemarin.",
                           model: model).filter { $0.hasPrefix("PER") } == ["PER Abdul Rasyid"])
            #expect(tagged("Hal itu disampaikan Kombes Wira Satya Triputra.", model: model) == ["PER Wira Satya Triputra"])
        }
    }

    /// The name at the end of a role's run: not an acronym (`DKPKP`) but an initial (`M`), four
    /// words right after a listed name, after a number that opens the run (`CEO 99 Group`);
    /// none when a name set off by commas follows the run (`Manajer Tim PB Djarum, Fung Permadi,`).
    @Test func theNameAtTheEndOfARolesRun() {
        for model in [NERModel.builtIn, nil] {
            func people(_ text: String) -> [String] { tagged(text, model: model).filter { $0.hasPrefix("PER") } }
            #expect(people("Kepala DKPKP Eti Rohaeti mengatakan gang itu hijau.") == ["PER Eti Rohaeti"])
            #expect(people("Kapolres AKBP M Fadli Amri hadir dalam rapat.") == ["PER M Fadli Amri"])
            #expect(people("Kepala Departemen Epidemiologi Universitas Indonesia Tri Yunus Miko Wahyono mengatakan hal itu.")
                    == ["PER Tri Yunus Miko Wahyono"])
            #expect(people("Secara terpisah, CEO 99 Group Indonesia Chong Ming Hwee memprediksi harga naik.") == ["PER Chong Ming Hwee"])
            #expect(people("Manajer Tim PB Djarum, Fung Permadi, mengucapkan selamat.") == ["PER Fung Permadi"])
        }
    }

    /// A role and then `I` or `Ni` as the last token of the text is no crash (FuzzText found it:
    /// `Tests/Fixtures/fuzz/text-role-then-I-at-end.txt`).
    @Test func aRoleAndIAtTheEndOfTheText() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/text-role-then-I-at-end.txt")
        let found = try Data(contentsOf: fixture)
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Presiden I", model: model).isEmpty)
            _ = tagged("Kata Kapolres AKBP Ni", model: model)
            _ = tagged(String(decoding: found, as: UTF8.self), model: model)
        }
    }
}

/// Academic titles written without their full stop (`Prof`, `Drs`, `Ir`) are honorifics as the
/// dotted ones are: the person after a role and its body starts after the title, a degree after
/// the name is none of its words, and a title right after an institution's word is in the
/// institution's name. (`Dr` without a stop is left out: `PB IDI, Dr dr Eka Ginanjar` lost its
/// organization to a person.)
@Suite("Titles without a full stop")
struct UndottedTitleTests {
    @Test func theNameAfterARoleStartsAfterTheTitle() {
        expectOnePerson("Kampus tetap buka, ungkap Rektor Unesa Prof Nurhasan.", "Nurhasan", role: "Rektor Unesa Prof")
        expectOnePerson("Sekolah tetap buka, kata Kepala Dinas Pendidikan Kota Bandung Drs Hikmat Ginanjar.", "Hikmat Ginanjar",
                        role: "Kepala Dinas Pendidikan Kota Bandung Drs")
    }

    @Test func aDegreeAfterTheNameIsNoneOfItsWords() {
        let people = tagged("Senada, Prof Raldi Hendro Koestoer PhD, dosen Hukum Etika Lingkungan, menilai hal itu wajar.")
            .filter { $0.hasPrefix("PER") }
        #expect(people == ["PER Raldi Hendro Koestoer"])
    }

    @Test func aTitleAfterAnInstitutionsWordIsInItsName() {
        let people = tagged("Hal itu disampaikan Direktur Utama RSUP Prof Ngoerah I Wayan Sudana kepada wartawan.")
            .filter { $0.hasPrefix("PER") }
        #expect(people == ["PER I Wayan Sudana"])
        #expect(tagged("Pasien dirujuk ke RSUP Prof Ngoerah di Denpasar.").contains("LOC RSUP Prof Ngoerah"))
        // After the organization's acronym in brackets too: `Ngoerah` is no person.
        #expect(!tagged("Korban dibawa ke Rumah Sakit Umum Pusat (RSUP) Prof Ngoerah, Denpasar.").contains { $0.hasPrefix("PER") })
    }

    /// A pronoun after the name ends it, where a full stop was lost (`… Ikhsan Ia merupakan`).
    @Test func aPronounEndsTheNameAfterATitle() {
        let people = tagged("Staf Khusus Menteri BUMN: Prof Muhammad Ikhsan Ia merupakan Guru Besar di Fakultas Ekonomi.")
            .filter { $0.hasPrefix("PER") }
        #expect(people == ["PER Muhammad Ikhsan"])
    }
}

/// National agencies, forces and state companies news names by their short names, and the
/// media it cites: listed, they stand as organizations and end the role before a person.
@Suite("Listed agencies and media")
struct ListedAgencyTests {
    @Test func anAgencyAfterARoleIsNoPartOfThePerson() {
        #expect(tagged("Kepala BP2MI Abdul Kadir Karding hadir.") == ["ORG BP2MI", "PER Abdul Kadir Karding"])
        #expect(tagged("Dirjen Dukcapil Teguh Setyabudi menjelaskan.") == ["ORG Dukcapil", "PER Teguh Setyabudi"])
        #expect(tagged("Kapal itu ditangkap Bakamla di perairan Batam.") == ["ORG Bakamla", "LOC Batam"])
    }

    @Test func aCitedMediumIsAnOrganization() {
        #expect(tagged("Menurut Bloomberg, harga minyak naik.") == ["ORG Bloomberg"])
        #expect(tagged("Ia tampil di RCTI dan SCTV.") == ["ORG RCTI", "ORG SCTV"])
    }
}

/// A capitalised name no lexicon lists, right before a speech verb whose subject speaks, is a
/// person (IDNer dev's `Tumiran mengungkapkan`, `Miller berharap`, which the model left).
struct SpeakerBeforeSpeechVerbTests {
    @Test func anUnlistedSubjectOfASpeechVerbIsAPerson() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Harga beras naik lagi. Miller berharap minyak pelumas itu laku.", model: model) == ["PER Miller"])
            #expect(tagged("Harga naik. Selanjutnya Tumiran mengungkapkan itu menanggapi pertanyaan.", model: model) == ["PER Tumiran"])
        }
    }

    @Test func wordsOfTheLanguagePronounsAndNamesOfThingsDoNotSpeak() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Harga naik. Polisi mengatakan jalan ditutup.", model: model).isEmpty)
            #expect(tagged("Harga naik. Pihaknya menegaskan tidak ada masalah.", model: model).isEmpty)
            #expect(tagged("Harga naik. Ia mengatakan tidak ada masalah.", model: model).isEmpty)
            // A capitalised word before the name makes it a thing's name (`Operasi Fajar`).
            #expect(tagged("Juru bicara untuk Operasi Fajar menyerukan gencatan senjata.", model: model).isEmpty)
            // The verb must be in lower case: a title-case headline names no one by it.
            #expect(tagged("Miller Mengatakan Harga Naik", model: nil).isEmpty)
        }
    }

    @Test func theSubjectVerbsAreTheActiveCoreForms() {
        let keys = Set(SpeechVerbList.subjectVerbKeys(tsv: SpeechVerbList.builtInTSV).map { String(decoding: $0, as: UTF8.self) })
        #expect(keys.isSuperset(of: ["mengatakan", "menegaskan", "mengungkapkan", "berharap", "menambahkan"]))
        // Bare forms come before the speaker; `menutup` and `meminta` have subjects that are no speakers.
        #expect(keys.isDisjoint(with: ["kata", "ujar", "menurut", "menutup", "meminta", "dikatakan"]))
    }
}

/// Initials after `berinisial` name a person, not an organization or a country (corpus
/// articles had `pelajar berinisial AP` as an organization, `pria berinisial AS` as a place).
struct PeopleByInitialsTests {
    @Test func initialsAfterTheirCueArePeople() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Polisi menangkap pelajar berinisial AP di Sleman.", model: model) == ["PER AP", "LOC Sleman"])
            #expect(tagged("Seorang pria berinisial AS ditangkap polisi.", model: model) == ["PER AS"])
            #expect(tagged("Korban berinisial A ditemukan tewas.", model: model) == ["PER A"])
        }
    }

    @Test func theSameInitialsLaterAreThePerson() {
        let mentions = tagged("Korbannya mahasiswa berinisial NKGA. Saat kejadian, NKGA berada di kamar.")
        #expect(mentions == ["PER NKGA", "PER NKGA"])
    }

    @Test func initialsWithoutTheirCueKeepTheirReading() {
        #expect(tagged("Harga minyak di AS naik.") == ["LOC AS"])
    }
}

/// Platforms and brands news names in one word are organizations (corpus articles had
/// `Instagram` as a place 29 times and a person 16, `Sony` and `Gucci` as people), and a
/// platform's channel of a body is two names.
struct ListedPlatformTests {
    @Test func platformsAndBrandsAreOrganizations() {
        #expect(tagged("Ia mengunggah foto itu di Instagram pada Senin malam.").filter { !$0.hasPrefix("DATE") } == ["ORG Instagram"])
        #expect(tagged("Penjualan Sony dan Gucci naik tahun ini.") == ["ORG Sony", "ORG Gucci"])
    }

    @Test func aPlatformBeforeABodyIsTwoNames() {
        #expect(tagged("Sidang itu disiarkan di kanal YouTube DKPP kemarin.") == ["ORG YouTube", "ORG DKPP"])
    }
}

/// A platform's feature or an account's owner after it is no part of the platform's name.
struct PlatformRunOnTests {
    @Test func aPlatformEndsBeforeWordsNoLexiconStarts() {
        #expect(tagged("Ia pernah mencantumkannya di Instagram Story pekan lalu.") == ["ORG Instagram"])
        #expect(tagged("Hal itu diketahui dari unggahan di Instagram Dinas SDABMBK Medan.") == ["ORG Instagram", "ORG Dinas SDABMBK Medan"])
    }
}

/// `dan` joins the words of one name (`Badan Pengawas Obat dan Makanan`) but not two names
/// when the word after it is a head word of its own.
@Suite("Names joined by dan")
struct NamesJoinedByAndTests {
    @Test func aHeadWordAfterDanOpensASecondName() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Ia dirawat di RS Internasional Omni dan Museum Nasional Indonesia.", model: model)
                == ["ORG RS Internasional Omni", "FAC Museum Nasional Indonesia"])
            #expect(tagged("Petugas Polsek Kuta dan Polda Bali menangkapnya.", model: model) == ["ORG Polsek Kuta", "ORG Polda Bali"])
            #expect(tagged("Bahkan, Festival Loksado dan Festival Dayak Meratus masuk kalender wisata.", model: model)
                == ["EVENT Festival Loksado", "EVENT Festival Dayak Meratus"])
        }
    }

    @Test func theWordsAfterDanInsideOneNameStay() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Badan Pengawas Obat dan Makanan melarangnya.", model: model) == ["ORG Badan Pengawas Obat dan Makanan"])
            #expect(tagged("Dinas Pendidikan dan Kebudayaan Kabupaten Demak menggelar lomba.", model: model)
                == ["ORG Dinas Pendidikan dan Kebudayaan Kabupaten Demak"])
        }
    }
}

/// A house, block or kilometre number ends a place: `Jalan Belitung` | `No 8` | `Jakarta`.
@Suite("Address numbers")
struct AddressNumberTests {
    @Test func aNumberAfterNoRtOrKmIsNoPartOfThePlace() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Kantornya di Jalan Belitung No 8 Jakarta.", model: model) == ["LOC Jalan Belitung", "LOC Jakarta"])
            #expect(tagged("Ia tinggal di Dusun Kedungsari RT 05 RW 02.", model: model) == ["LOC Dusun Kedungsari"])
            #expect(tagged("Kantornya di Jl. Sudirman No. 5, Jakarta Pusat.", model: model) == ["LOC Jl. Sudirman", "LOC Jakarta Pusat"])
            #expect(tagged("Kecelakaan terjadi di Tol Jagorawi Km 45 arah Bogor.", model: model) == ["LOC Tol Jagorawi", "LOC Bogor"])
        }
    }

    @Test func aCapitalLetterAfterBlokStaysInTheName() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Blok M Plaza ramai pengunjung.", model: model) == ["LOC Blok M Plaza"])
        }
    }
}

/// Lower-case particles inside a person's name after a role (`van`, `von der`, `de`) keep the
/// name whole; the preposition `di` is none.
@Suite("Name particles")
struct NameParticleTests {
    @Test func aNameAfterARoleRunsThroughItsParticles() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Pelatih Belanda Louis van Gaal hadir.", model: model) == ["LOC Belanda", "PER Louis van Gaal"])
            #expect(tagged("Presiden Argentina Cristina Fernandez de Kirchner hadir.", model: model)
                == ["LOC Argentina", "PER Cristina Fernandez de Kirchner"])
            #expect(tagged("Ketua Komisi Eropa Ursula von der Leyen hadir dalam pertemuan itu.", model: model)
                .contains("PER Ursula von der Leyen"))
            // With particles, a fourth capitalised word.
            #expect(tagged("Presiden Brasil Luiz Inacio Lula da Silva hadir.", model: model).contains("PER Luiz Inacio Lula da Silva"))
        }
    }

    @Test func thePrepositionDiEndsTheName() {
        for model in [NERModel.builtIn, nil] {
            #expect(tagged("Kapolda Jateng Ahmad Luthfi di Semarang mengatakan itu.", model: model)
                == ["LOC Jateng", "PER Ahmad Luthfi", "LOC Semarang"])
        }
    }
}
