import Testing
import WartaText

/// Degrees after a name (`Budi Santoso, S.H., M.H.`, `dr Eka Ginanjar, SpPD-KKV`): tokens,
/// sentences and the shape the entity tagger and the quote attributor read after a name.
@Suite("Degrees")
struct DegreeTests {
    /// A dotted degree whose last dot is left out stays one token and ends no sentence; the
    /// specialist `Sp.` with its field included (`Sp.PD` had been `Sp`, `.` and a new sentence).
    @Test func aDegreeWithoutItsLastDotIsOneToken() {
        #expect(sentences("Kata dr Erlina, Sp.PD kepada wartawan. Lalu dr Budi, Sp.OG(K) datang.") == [
            "Kata dr Erlina , Sp.PD kepada wartawan .", "Lalu dr Budi , Sp.OG ( K ) datang .",
        ])
        #expect(tokens("Guru Rina, M.Si hadir di PN Jkt.Pst hari ini.") == [
            "Guru", "Rina", ",", "M.Si", "hadir", "di", "PN", "Jkt.Pst", "hari", "ini", ".",
        ])
        // A lower-case or long piece after the dot is no degree, nor are capitals before it
        // (a domain, a letter code).
        #expect(tokens("Ia ke Jl.Pemuda.") == ["Ia", "ke", "Jl.", "Pemuda", "."])
        #expect(sentences("Liga JD.ID High School League digelar lagi.") == ["Liga JD.ID High School League digelar lagi ."])
    }

    /// Degrees by shape: dotted, mixed capitals, and listed capitals (only those: `SBY` after a
    /// name is a person).
    @Test func degreesAreToldByShapeAndTheList() {
        let doc = TextAnalyzer().analyze("Budi, S.H., MSc, SpPD, PhD, SH, MM, MBA, SBY, AHY, Budi, NASA")
        let shaped = doc.withColumns { c in (0..<doc.tokens.count).filter { c.isDegreeShaped($0) }.map { doc.token($0).text } }
        #expect(shaped == ["S.H.", "MSc", "SpPD", "PhD", "SH", "MM", "MBA"])
        #expect(doc.tokenViews.filter { $0.flags.contains(.degree) }.map(\.text) == ["SH", "MM", "MBA"])
    }

    /// The last token before the degrees that end at a token, over commas, a bracketed
    /// qualifier and a hyphenated field.
    @Test func beforeDegreesWalksBackToTheName() {
        for (text, name) in [("Eka Ginanjar, SpPD-KKV mengatakan", "Ginanjar"), ("Erlina Burhan, Sp.P(K) mengatakan", "Burhan"),
                             ("Andi Hamzah, SH, MH menilai", "Hamzah"), ("Menurut Achsanul, SBY akan", "SBY")] {
            let doc = TextAnalyzer().analyze(text)
            let verb = doc.tokens.count - 1
            let before = doc.withColumns { $0.beforeDegrees(verb - 1, from: 0) }
            #expect(doc.token(before).text == name, "\(text)")
        }
    }
}
