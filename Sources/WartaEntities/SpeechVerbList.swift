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
    public static func speakerCueKeys(tsv: String) -> [[UInt8]] { cueKeys(tsv: tsv).speaker }

    /// ``speakerCueKeys(tsv:)`` and ``subjectVerbKeys(tsv:)`` from one reading of `tsv`.
    public static func cueKeys(tsv: String) -> (speaker: [[UInt8]], subject: [[UInt8]]) {
        var speaker: [[UInt8]] = [], subject: [[UInt8]] = []
        for row in TokenizerLexicon.rows(tsv) where row.count >= 4 && row[3].elementsEqual("core".utf8) {
            if row[2].elementsEqual("bare".utf8) || row[2].elementsEqual("preposition".utf8) {
                speaker.append(Array(MatchKey.make(String(decoding: row[0], as: UTF8.self)).utf8))
            } else if row.count >= 5, row[2].elementsEqual("men".utf8), row[4].elementsEqual("no".utf8),
                      case let key = MatchKey.make(String(decoding: row[0], as: UTF8.self)), !nonSpeakerSubjects.contains(key) {
                subject.append(Array(key.utf8))
            }
        }
        return (speaker, subject)
    }

    /// The match keys of the forms in `tsv` whose subject is the speaker, so that a capitalised
    /// name right before one is a person (`Tumiran mengungkapkan`, `Bahlil menegaskan`): the
    /// core tier's active forms (`men-`, `ber-`) that no other sense shares, less
    /// ``nonSpeakerSubjects``.
    public static func subjectVerbKeys(tsv: String) -> [[UInt8]] { cueKeys(tsv: tsv).subject }

    /// Active forms whose subject is as often a thing or a body that acts as a speaker
    /// (`Jalan … menutup`, `Tim … melanjutkan`, `Perusahaan meminta`).
    static let nonSpeakerSubjects: Set<String> = ["menutup", "melanjutkan", "meminta", "menulis", "menuliskan", "mengucapkan"]
}
