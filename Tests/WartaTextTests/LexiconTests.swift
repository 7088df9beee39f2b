import Foundation
import Testing
import WartaText

@Suite("Lexicons")
struct LexiconTests {
    @Test("the compiled lexicons match Lexicons/*.tsv (run Scripts/embed-lexicons.py after editing)")
    func embeddedLexiconsAreCurrent() throws {
        let result = Process()
        result.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        result.arguments = ["python3", repositoryRoot + "/Scripts/embed-lexicons.py", "--check"]
        try result.run()
        result.waitUntilExit()
        #expect(result.terminationStatus == 0)
    }

    @Test func builtInListsAreLoaded() {
        let lex = TokenizerLexicon.builtIn
        #expect(lex.abbreviations.count > 250)
        #expect(lex.cliticExceptions.contains("akhirnya"))
        #expect(lex.knownWords.contains("buku"))
        #expect(lex.lexicalWords.contains("masalah"))
        // Common words: the lemma list's words and those news writes in lower case.
        #expect(lex.commonWords.contains("buku"))
        #expect(lex.commonWords.contains("inflasi") && !lex.knownWords.contains("inflasi"))
        var jl = Array("Jl.".utf8)
        #expect(jl.withUnsafeMutableBufferPointer { lex.abbreviationClass(UnsafeBufferPointer($0)) } == .address)
        var dll = Array("dll.".utf8)
        #expect(dll.withUnsafeMutableBufferPointer { lex.abbreviationClass(UnsafeBufferPointer($0)) } == .general)
    }

    @Test func customLexiconsParseTSV() {
        let lex = TokenizerLexicon(abbreviationsTSV: "abbreviation\tclass\nXyz.\ttitle\r\n# comment\n",
                                   cliticExceptionsTSV: "word\nBukunya\n", lemmasTSV: "form\tlemma\n")
        let t = Tokenizer(lexicon: lex).tokenize("Xyz. Budi")
        #expect(t.map(\.text) == ["Xyz.", "Budi"])
        #expect(CliticAnalyzer(lexicon: lex).analyze("bukunya") == .none)
    }
}
