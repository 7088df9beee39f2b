import Testing
import WartaText

@Suite("Clitics")
struct CliticTests {
    func words(_ text: String) -> [[String]] {
        TextAnalyzer().analyze(text).tokenViews.map(\.words)
    }

    @Test("enclitics and proclitics split as UD Indonesian does", arguments: [
        ("bukunya", ["buku", "nya"]), ("ambilkanlah", ["ambilkan", "lah"]), ("apakah", ["apa", "kah"]),
        ("kuambil", ["ku", "ambil"]), ("rumahmu", ["rumah", "mu"]), ("olehku", ["oleh", "ku"]),
        ("tidaklah", ["tidak", "lah"]), ("dirinyalah", ["diri", "nya", "lah"]), ("Menurutnya", ["Menurut", "nya"]),
        ("jelasnya", ["jelas", "nya"]), ("kios-kiosnya", ["kios-kios", "nya"]), ("sekitarnya", ["sekitar", "nya"]),
        ("adanya", ["ada", "nya"]), ("Apakah", ["Apa", "kah"]),
    ])
    func splits(_ word: String, _ expected: [String]) {
        #expect(words(word) == [expected])
    }

    @Test("words that only look cliticised stay whole", arguments: [
        "akhirnya", "bahwasanya", "adapun", "meskipun", "walaupun", "bagaimanapun", "kapanpun", "adalah",
        "telah", "masalah", "sekolah", "jumlah", "hanya", "punya", "buku", "aku", "ilmu", "kamu", "Maluku",
        "kuasa", "kuat", "sebelumnya", "seharusnya", "lainnya", "biasanya", "misalnya", "DPRDNYA", "nya",
    ])
    func exceptions(_ word: String) {
        #expect(words(word) == [[word]])
    }

    @Test func surfaceTokensAreUntouched() {
        let doc = TextAnalyzer().analyze("Menurutnya, bukunya hilang.")
        #expect(doc.tokenViews.map(\.text) == ["Menurutnya", ",", "bukunya", "hilang", "."])
        #expect(doc.tokens.clitics[0] == CliticSplit(prefix: 0, suffix1: 3, suffix2: 0))
        #expect(doc.wordRanges(ofToken: 2).map { doc.text($0) } == ["buku", "nya"])
    }

    @Test func analyserWorksWithoutTokenizerHints() {
        let a = CliticAnalyzer()
        #expect(a.analyze("bukunya") == CliticSplit(prefix: 0, suffix1: 3, suffix2: 0))
        #expect(a.analyze("kuambil") == CliticSplit(prefix: 2, suffix1: 0, suffix2: 0))
        #expect(a.analyze("akhirnya") == .none)
    }
}

@Test("the README's library example")
func readmeExample() {
    let doc = TextAnalyzer().analyze("Menurutnya, bukunya hilang.")
    #expect(doc.sentences.map(\.text) == ["Menurutnya, bukunya hilang."])
    #expect(doc.tokenViews.map(\.words) == [["Menurut", "nya"], [","], ["buku", "nya"], ["hilang"], ["."]])
}
