import WartaText

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/WartaTextTests/Helpers.swift
    return parts.joined(separator: "/")
}()

/// Token surfaces of `text`, separated by spaces, sentence by sentence.
func sentences(_ text: String) -> [String] {
    let doc = TextAnalyzer().analyze(text)
    return doc.sentences.map { s in s.tokens.map(\.text).joined(separator: " ") }
}

/// Token surfaces of `text`.
func tokens(_ text: String) -> [String] {
    TextAnalyzer().analyze(text).tokenViews.map(\.text)
}

/// Token kinds of `text`.
func kinds(_ text: String) -> [TokenKind] {
    TextAnalyzer().analyze(text).tokenViews.map(\.kind)
}
