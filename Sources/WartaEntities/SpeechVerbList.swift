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

    /// The match keys of the forms in `tsv` whose subject is the speaker, so that a capitalised
    /// name right before one is a person (`Tumiran mengungkapkan`, `Bahlil menegaskan`): the
    /// core tier's active forms (`men-`, `ber-`) that no other sense shares, less
    /// ``nonSpeakerSubjects``.
    public static func subjectVerbKeys(tsv: String) -> [[UInt8]] {
        TokenizerLexicon.rows(tsv).compactMap { row in
            guard row.count >= 5, row[2].elementsEqual("men".utf8), row[3].elementsEqual("core".utf8),
                  row[4].elementsEqual("no".utf8) else { return nil }
            let key = MatchKey.make(String(decoding: row[0], as: UTF8.self))
            return nonSpeakerSubjects.contains(key) ? nil : Array(key.utf8)
        }
    }

    /// Active forms whose subject is as often a thing or a body that acts as a speaker
    /// (`Jalan … menutup`, `Tim … melanjutkan`, `Perusahaan meminta`).
    static let nonSpeakerSubjects: Set<String> = ["menutup", "melanjutkan", "meminta", "menulis", "menuliskan", "mengucapkan"]
}
