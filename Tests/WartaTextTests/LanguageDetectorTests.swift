import Testing
@testable import WartaText

@Suite("Language detector")
struct LanguageDetectorTests {
    /// The inline score arrays hold one score per language: a language added to the list needs
    /// room there.
    @Test func everyLanguageHasAScore() {
        let evidence = Evidence()
        #expect(evidence.wordScore.count == LanguageDetector.languages.count)
        #expect(evidence.scripts.count == Evidence.scriptCodes.count)
    }

    let detector = LanguageDetector()

    func detect(_ s: String, hint: String? = nil) -> String? { detector.detect(Array(s.utf8), hint: hint) }

    @Test func indonesian() {
        #expect(detect("Pemerintah menetapkan harga eceran tertinggi beras karena stok di gudang masih cukup, kata menteri kepada wartawan di Jakarta.") == "id")
        #expect(detect("Polisi mengatakan bahwa tersangka sudah ditahan setelah diperiksa selama enam jam.") == "id")
    }

    /// Acronyms that spell a function word (`WHO`, `IT`) are no evidence in running text, but
    /// a headline in capitals still reads by its words.
    @Test func functionWordsInCapitals() {
        #expect(detect("Menurut Badan Kesehatan Dunia (WHO), kasus naik. Data WHO menunjukkan hal itu.") == "id")
        #expect(detect("Kepala Divisi IT perusahaan itu mengatakan sistem IT kembali normal.") == "id")
        #expect(detect("THE GOVERNMENT SAID THAT THE PRICE OF RICE WOULD NOT RISE") == "en")
        #expect(detect("PEMKOT SEMARANG RESMIKAN JALAN BARU DI KAWASAN INDUSTRI YANG BARU DAN DENGAN DANA DARI PUSAT") == "id")
    }

    /// Function words between capitalised words are read as parts of names (`Center of Reform
    /// on Economics`): they decide only when the other words leave the language open, as in a
    /// headline in title case, where Indonesian writes its function words between capitals.
    @Test func functionWordsInsideNames() {
        #expect(detect("Hal itu disampaikan Mohammad Faisal dari Center of Reform on Economics (Core) kemarin.") == "id")
        #expect(detect("The President of the United States said on Monday that the Bank of America was fine.") == "en")
        #expect(detect("Purbaya ke Kepala Daerah: Kalau Inflasi Terkendali, Hampir Pasti Kepilih Lagi") == "id")
        #expect(detect("Simak juga Video: Menko Pangan-Mendagri Rakor dengan Pemda, Bahas Demo-Inflasi") == "id")
        // One function word of the text's own outweighs a name's.
        #expect(detect("Direktur Eksekutif Institute for Development of Economics and Finance (Indef) Tauhid Ahmad berpendapat, survei itu salah.") == "id")
        #expect(detect("Bank of America and the Federal Reserve of New York said it.") == "en")
        // So does one that opens the sentence, where the rest of the text holds none.
        #expect(detect("Kemarin Ursula von der Leyen hadir.") == "id")
        #expect(detect("Die Kommission unter Ursula von der Leyen hat es gesagt.") == "de")
    }

    /// Words inside quote marks count only when the report's own words leave the language
    /// open: an Indonesian report may quote someone in English (it was English, and lost its
    /// entities and quotes), an English one someone in Indonesian.
    @Test func quotedWordsDoNotOverruleTheReport() {
        #expect(detect("\"I am very happy to be here,\" kata Lionel Messi di Jakarta.") == "id")
        #expect(detect("Donald Trump menulis di media sosial: “We will win, and we will win big. The economy is strong and the people are happy.” Pernyataan itu disampaikan Senin.") == "id")
        #expect(detect("\"Kami akan menang,\" said the coach, adding that the team was ready for the match on Monday.") == "en")
        #expect(detect("“The economy is strong and the people are happy,” he said.") == "en")
    }

    /// A short report full of foreign names (sports news) whose own function words are too few
    /// to decide is not of the names' language: it was German (`van der`, `von`, `del`, `dos`,
    /// `da`), which skipped its entities and quotes. The same names in German text stay German.
    @Test func namesAloneDoNotOverruleTheTextsOwnWords() {
        let report = """
            Kiper Edwin van der Sar pensiun. Pemain Brasil Roberto Carlos da Silva hadir. Gol dicetak Alessandro del Piero. \
            Pelatih Jurgen von Klopp tertawa. Pelatih Persija, Thomas Doll, dan striker Marko Simic. \
            Bek Arema, Thales Natanael Lira dos Santos, cedera.
            """
        #expect(detect(report) != "de")
        #expect(detect("Der Trainer Jurgen von Klopp und der Torwart Edwin van der Sar sind nicht hier.") == "de")
    }

    /// A text is settled by its head once its function words are many and one-sided (60 words,
    /// 20 function words, three times any other language): English quoted at length after
    /// Indonesian paragraphs leaves the article Indonesian; the same English alone is English.
    @Test func aLongTextIsSettledByItsHead() {
        let indonesian = String(repeating: "Polisi mengatakan bahwa tersangka sudah ditahan di kantor polisi setelah diperiksa selama enam jam oleh penyidik. ", count: 6)
        let english = String(repeating: "The minister said that the government would not raise the price of rice this year because the stock was enough. ", count: 20)
        #expect(detect(indonesian + english) == "id")
        #expect(detect(english) == "en")
    }

    @Test func malay() {
        #expect(detect("Kerajaan berkata bahawa harga beras tidak akan dinaikkan kerana bekalan di gudang masih mencukupi.") == "ms")
        #expect(detect("Beliau berkata wang itu boleh digunakan selepas kenyataan rasmi dikeluarkan oleh pejabat menteri.") == "ms")
    }

    @Test func sharedWordsAreIndonesianUnlessDeclaredMalay() {
        let shared = "Mereka akan datang ke sini dengan anak dan isteri pada hari ini untuk majlis itu."
        #expect(detect(shared) == "id")
        #expect(detect(shared, hint: "ms-MY") == "ms")
    }

    @Test func english() {
        #expect(detect("The government said on Monday that the price of rice would not rise because stocks were sufficient.", hint: "id-ID") == "en")
    }

    @Test func javaneseAndSundanese() {
        #expect(detect("Bupati ngandika yen warga kudu tetep waspada lan ora metu saka omah nalika udan deres, amarga kali iku wis kebak.") == "jv")
        #expect(detect("Bapak bupati nyarios yen pihakipun badhe ningkataken pelayanan dhateng masyarakat ingkang wonten ing desa punika.") == "jv")
        #expect(detect("Bupati nyebutkeun yén warga kudu tetep waspada jeung ulah kaluar ti imah lamun hujan gedé, sabab walungan geus pinuh.") == "su")
    }

    @Test func otherLanguagesAndScripts() {
        #expect(detect("Le gouvernement a annoncé que les prix du riz ne seront pas augmentés dans les prochains mois.") == "fr")
        #expect(detect("De regering heeft gezegd dat de prijs van rijst niet zal stijgen omdat er genoeg voorraad is.") == "nl")
        #expect(detect("قالت الحكومة إن أسعار الأرز لن ترتفع لأن المخزون كاف في المستودعات") == "ar")
        #expect(detect("政府表示，由于仓库库存充足，大米价格不会上涨。") == "zh")
    }

    @Test func slugsAndCodesAreNoEvidence() {
        // Single letters of addresses and hex codes ("o", "a", "e") would read as Portuguese.
        let feed = "Drama Adaptasi Webtoon Rilis Teaser Perdana http://x.com/a/o/e/do/da/no/na-bb4ee8-o1a2e3.html "
            + "Diangkat dari kisah webtoon yang terkenal, teaser pertama ini makin bikin fans penasaran. id=o&a=e&da=no"
        #expect(detect(feed) == "id")
    }

    @Test func tooLittleTextOrNoEvidenceIsNil() {
        #expect(detect("Jakarta") == nil)
        #expect(detect("", hint: "id") == nil)
        #expect(detect("Xqzt Bvrk Mnpl Qwrt Zxcv Plmk Jhgf", hint: "id") == nil)
    }
}
