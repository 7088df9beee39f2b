import Testing
import WartaText

@Suite("Sentences and paragraphs")
struct SegmenterTests {
    @Test func noBreakAfterAbbreviationsTitlesAndNumbers() {
        #expect(sentences("Ia tinggal di Jl. Pemuda No. 5 Semarang. Prof. Dr. H. Ahmad, S.H., M.Si. hadir pukul 10.15 WIB. Harga naik 5,61 persen.") == [
            "Ia tinggal di Jl. Pemuda No. 5 Semarang .",
            "Prof. Dr. H. Ahmad , S.H. , M.Si. hadir pukul 10.15 WIB .",
            "Harga naik 5,61 persen .",
        ])
        #expect(sentences("Kantor di Kec. Tugu, Kab. Semarang, Prov. Jawa Tengah. Dibuka tgl. 5 Mei.").count == 2)
        #expect(sentences("Hadiah Rp. 1.500.000 untuk Bpk. Joko dan Sdr. Tri.").count == 1)
    }

    @Test("dll. and dsb. end a sentence only before a capitalised word")
    func generalAbbreviations() {
        // Rule chosen: these abbreviations may close a sentence; a capital after them starts one.
        #expect(sentences("Ia membeli buku, pena, dll. Lalu ia pulang.") == [
            "Ia membeli buku , pena , dll.", "Lalu ia pulang .",
        ])
        #expect(sentences("Ada buku, pena, dll. yang dijual.").count == 1)
    }

    @Test func quotesStayWithTheirAttribution() {
        #expect(sentences("“Misalnya ada turis yang mau datang, sekarang sudah bisa,” jelasnya, Senin (12/5/2022).").count == 1)
        #expect(sentences("\"Kita mampu,\" ujar Prabowo. Dia menambahkan.") == [
            "\" Kita mampu , \" ujar Prabowo .", "Dia menambahkan .",
        ])
        #expect(sentences("“Apa kabar?” tanya dia. “Baik.” Lalu pergi.") == [
            "“ Apa kabar ? ” tanya dia .", "“ Baik . ”", "Lalu pergi .",
        ])
    }

    @Test func datelinesDoNotBreak() {
        #expect(sentences("SEMARANG (Sigi Jateng) – Dinas Perindustrian (Disperin) melakukan inovasi.").count == 1)
        #expect(sentences("JAKARTA, KOMPAS.com - Presiden datang. Ia disambut.").count == 2)
    }

    @Test func bracketsHoldTheirPeriods() {
        #expect(sentences("Kota Semarang. (Foto. Kementerian Perindustrian Kota Semarang)") == [
            "Kota Semarang .", "( Foto . Kementerian Perindustrian Kota Semarang )",
        ])
    }

    @Test func questionAndLowerCaseStarts() {
        #expect(sentences("Siapa dia? Tidak ada yang tahu.").count == 2)
        #expect(sentences("Siapa dia? tidak ada yang tahu.").count == 2)
        #expect(sentences("Ia lahir di Italia. kemudian pindah.").count == 2)
    }

    @Test func lineBreaksInsideParagraphs() {
        #expect(sentences("Jawa Tengah\nDewan mendukung kunjungan\nke sentra IKM.") == [
            "Jawa Tengah", "Dewan mendukung kunjungan ke sentra IKM .",
        ])
    }

    @Test func paragraphsAreKeptAndSentencesNeverCrossThem() {
        let doc = TextAnalyzer().analyze("Judul tanpa titik\n\nIsi pertama. Isi kedua.\n\n\nPenutup")
        #expect(doc.paragraphs.map(\.text) == ["Judul tanpa titik", "Isi pertama. Isi kedua.", "Penutup"])
        #expect(doc.sentences.map(\.text) == ["Judul tanpa titik", "Isi pertama.", "Isi kedua.", "Penutup"])
        #expect(doc.sentences.map(\.tokenIndices) == [0..<3, 3..<6, 6..<9, 9..<10])
    }

    @Test func emptyAndWhitespaceInput() {
        #expect(TextAnalyzer().analyze("").sentences.isEmpty)
        #expect(TextAnalyzer().analyze(" \n\n \t ").tokens.count == 0)
    }
}

@Suite("Document columns")
struct DocumentColumnsTests {
    @Test func columnsAreTheDocumentsArrays() {
        let doc = TextAnalyzer().analyze("“Pasar dibuka,” kata Joko. Ia menambahkan, harga naik 5,61 persen.")
        let (texts, kinds, sentences) = doc.withColumns { c in
            ((0..<c.starts.count).map { String(decoding: c.bytes[Int(c.starts[$0])..<Int(c.ends[$0])], as: UTF8.self) },
             Array(c.kinds), Array(c.sentenceTokenStarts))
        }
        #expect(texts == ["“", "Pasar", "dibuka", ",", "”", "kata", "Joko", ".", "Ia", "menambahkan", ",", "harga", "naik",
                          "5,61", "persen", "."])
        #expect(kinds == doc.tokens.kinds)
        #expect(sentences == [0, 8, 16])
        #expect(doc.withColumns { $0.flags[0].contains(.openingQuote) && $0.flags[4].contains(.closingQuote) })
    }
}
