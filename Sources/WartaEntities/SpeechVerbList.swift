import WartaText

/// The reporting verbs of `Lexicons/speech-verbs.tsv`, one list for the entity tagger (the
/// forms after which a capitalised word is the speaker) and the quote attributor (every form;
/// `SpeechVerbLexicon` in WartaQuotes).
public enum SpeechVerbList {
    /// The built-in list's TSV text (columns form, lemma, kind, tier, ambiguous).
    public static var builtInTSV: String { EmbeddedSpeechVerbs.speechVerbs }

    /// The match keys of the forms in `tsv` after which a capitalised word is the speaker
    /// (`kata Bima`, `ujar Kepala Dinas`, `menurut Budi`): the core tier's bare roots and
    /// `menurut`. An active form (`mengatakan`) is not one: a capitalised word after it starts
    /// what was said.
    public static func speakerCueKeys(tsv: String) -> [[UInt8]] {
        TokenizerLexicon.rows(tsv).compactMap { row in
            guard row.count >= 4, row[3].elementsEqual("core".utf8),
                  row[2].elementsEqual("bare".utf8) || row[2].elementsEqual("preposition".utf8) else { return nil }
            return Array(MatchKey.make(String(decoding: row[0], as: UTF8.self)).utf8)
        }
    }
}
