import Foundation
import Testing

/// The README's Library program is `Examples/WhoSaidWhat/main.swift`, byte for byte, and that
/// program, built with the package, prints the seed's people and both of its speakers.
@Suite("the README's Library program")
struct LibraryExampleTests {
    static let program = repositoryRoot + "/Examples/WhoSaidWhat/main.swift"

    @Test func theReadmeShowsTheExampleExactly() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Library\n").dropFirst().first)
        let code = try #require(section.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```\n").first)
        #expect(code == (try String(contentsOfFile: Self.program, encoding: .utf8)))
    }

    @Test func theExamplePrintsThePeopleAndWhoSaidWhat() throws {
        let binary = wartaBinary.deletingLastPathComponent().appendingPathComponent("WhoSaidWhat")
        let seed = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/seeds/000_43943d992f4a7b6d.txt"))
        let r = try run(binary, [], input: seed)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "People: Tri Supriyanto, Joko Susilo")
        #expect(lines.count == 12)
        #expect(lines.filter { $0.hasPrefix("Tri Supriyanto (") }.count == 8)
        #expect(lines.filter { $0.hasPrefix("Joko Susilo (") }.count == 3)
        #expect(lines.contains("Joko Susilo (indirect): IKM perlu terus berkembang di Kota Semarang"))
    }
}
