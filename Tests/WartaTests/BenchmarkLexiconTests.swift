import Testing
import WartaEntities
@testable import Warta
import WartaTools

/// The lexicons `warta bench` times tagging with must be the sizes its labels claim.
@Suite("benchmark lexicons")
struct BenchmarkLexiconTests {
    @Test func sampledLexiconHasAboutTheAskedNumberOfEntries() {
        let lexicon = EntityLexicon(tsv: [StageBenchmark.sampledLexicon(about: 1_000)])
        #expect((900...1_200).contains(lexicon.entries.count))
    }

    @Test func syntheticNamesAreDistinctCapitalisedTwoWordOrganizations() {
        let lexicon = EntityLexicon(tsv: [StageBenchmark.syntheticLexicon(40_000)])
        #expect(lexicon.entries.count == 40_000)
        #expect(Set(lexicon.entries.map(\.name)).count == 40_000)
        #expect(lexicon.entries.allSatisfy { $0.type == .org && $0.tokenCount == 2 && $0.casePolicy == .capitalized })
        #expect(lexicon.entries[0].name == "Bababa Bibaba")
    }
}
