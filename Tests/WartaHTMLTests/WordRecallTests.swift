import Foundation
import Testing
@testable import WartaHTML

/// The dev pages are evaluation only: they are read from ../shared in place, and the test is
/// skipped where that folder is absent.
let devPages: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/html/pages-2015")

/// Distinct lower-case words (`\w+` as Python reads it) of `text`.
func wordSet(_ text: String) -> Set<String> {
    var out = Set<String>()
    var current = ""
    for u in text.lowercased().unicodeScalars {
        if u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u.properties.generalCategory == .nonspacingMark {
            current.unicodeScalars.append(u)
        } else if !current.isEmpty {
            out.insert(current); current = ""
        }
    }
    if !current.isEmpty { out.insert(current) }
    return out
}

/// Gold words the record lost: not in its text, byline initials or source credit, and not
/// inside a record word (the gold splits "sidejob</i>nya"). The gold's comment counter
/// ("0 Komentar") is page furniture the upstream scraper kept; a source credit stands for its
/// label too ("Sumber: …").
func lostWords(_ a: Article, gold: String) -> [String] {
    let goldText = gold.split(separator: "\n").filter { line in
        let w = line.split(separator: " ")
        return !(w.count == 2 && Int(w[0]) != nil && w[1].lowercased() == "komentar")
    }.joined(separator: "\n")
    let credit = a.sourceCredit.map { "sumber source " + $0 } ?? ""
    let have = wordSet([a.bodyText, a.bylineInitials ?? "", credit].joined(separator: " "))
    let glued = have.joined(separator: " ")
    return wordSet(goldText).filter { !have.contains($0) && !glued.contains($0) }.sorted()
}

@Suite("Word recall on the dev pages")
struct WordRecallTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devPages.appendingPathComponent("gold.jsonl").path)))
    func everyGoldWordIsKept() throws {
        let lines = try String(contentsOf: devPages.appendingPathComponent("gold.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 16)
        for line in lines {
            let gold = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let fixture = try #require(gold["fixture"] as? String)
            let html = try Data(contentsOf: devPages.appendingPathComponent(fixture))
            let article = try #require(ArticleExtractor().extract(html: Array(html)))
            let lost = lostWords(article, gold: try #require(gold["content"] as? String))
            #expect(lost.isEmpty, "\(fixture) lost \(lost)")
        }
    }
}
