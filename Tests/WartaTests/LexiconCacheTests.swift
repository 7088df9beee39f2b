import Glibc
import Foundation
import Testing
@testable import Warta
import WartaEntities

@Suite("Lexicon cache")
struct LexiconCacheTests {
    static let sources = ["name\ttype\tsubtype\tcase\tid\tparent\nKota Semarang\tLOC\tcity\tcapitalized\t33.74\t33\nDPRD\tORG\tlegislature\tupper\t\t\n"]

    func imageFiles(_ folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var files: [String] = []
        while let e = readdir(dir) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".image") { files.append(name) }
        }
        return files
    }

    @Test func writesAnImageOnceThenLoadsItAndRecompilesADamagedOne() throws {
        var template = Array("/tmp/warta-cache-test-XXXXXX".utf8CString)
        let base = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: base) }
        let folder = base + "/nested/cache"
        let first = LexiconCache.lexicon(sources: Self.sources, folder: folder)
        let files = imageFiles(folder)
        #expect(files.count == 1)
        let second = LexiconCache.lexicon(sources: Self.sources, folder: folder)
        #expect(second.entries.map(\.name) == first.entries.map(\.name))
        #expect(second.entry(forKey: Array("kota semarang".utf8))?.id == "33.74")
        // A damaged image is compiled again and replaced.
        let path = folder + "/" + files[0]
        let fd = open(path, O_WRONLY | O_TRUNC)
        #expect(write(fd, "garbage", 7) == 7)
        close(fd)
        let third = LexiconCache.lexicon(sources: Self.sources, folder: folder)
        #expect(third.entry(forKey: Array("dprd".utf8))?.type == .org)
        #expect(try InputReader.read(path: path).count > 100)
        // Other sources get their own image; the old one is removed.
        _ = LexiconCache.lexicon(sources: Self.sources + ["name\ttype\tsubtype\tcase\tid\tparent\nTri\tPER\tgiven\tcapitalized\t\t\n"], folder: folder)
        #expect(imageFiles(folder).count == 1 && imageFiles(folder) != files)
        // A folder that cannot be made still gives the lexicon.
        #expect(LexiconCache.lexicon(sources: Self.sources, folder: "/proc/warta-cannot-write").entries.count == 2)
    }

    /// The built-in model is written to the cache once and read back the same; a damaged image
    /// is decoded again.
    @Test func keepsTheBuiltInModelDecoded() throws {
        var template = Array("/tmp/warta-cache-test-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try #require(NERModel.builtIn).data()
        #expect(LexiconCache.builtInEntityModel(folder: folder)?.data() == expected)
        let files = imageFiles(folder)
        #expect(files.count == 1 && files[0].hasPrefix("model-"))
        #expect(LexiconCache.builtInEntityModel(folder: folder)?.data() == expected)
        let fd = open(folder + "/" + files[0], O_WRONLY | O_TRUNC)
        #expect(write(fd, "WNER1", 5) == 5)
        close(fd)
        #expect(LexiconCache.builtInEntityModel(folder: folder)?.data() == expected)
    }
}
