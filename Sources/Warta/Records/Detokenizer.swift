/// Joins the tokens of a pre-tokenized sentence (as NER datasets give them: `Stephen R . Covey`,
/// `Jakarta , Senin`, `( BEI )`) into text as news writes it (`Stephen R. Covey`, `Jakarta,
/// Senin`, `(BEI)`), which is what the tagger reads everywhere else. Each token keeps its bytes;
/// only the spaces between them go.
struct Detokenizer {
    /// Whether a straight double quote is open in the sentence.
    private var quoteOpen = false
    /// The token before, or nil at a sentence's start.
    private var previous: [UInt8]? = nil

    /// A detokenizer at the start of a sentence.
    init() {}

    /// Whether a space goes between the token before and `token`; call once per token in order.
    mutating func spaceBefore(_ token: some Collection<UInt8>) -> Bool {
        let token = Array(token)
        defer { previous = token }
        guard let previous else {
            if token == [0x22] { quoteOpen = true }
            return false
        }
        if token == [0x22] {
            quoteOpen.toggle()
            return quoteOpen
        }
        if previous == [0x22] && quoteOpen { return false }
        if Detokenizer.closing.contains(token) { return false }
        if Detokenizer.opening.contains(previous) { return false }
        return true
    }

    /// Marks that close onto the word before them.
    static let closing: Set<[UInt8]> = Set([",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’"].map { Array($0.utf8) })
    /// Marks the word after opens onto.
    static let opening: Set<[UInt8]> = Set(["(", "[", "{", "“", "‘"].map { Array($0.utf8) })
}
