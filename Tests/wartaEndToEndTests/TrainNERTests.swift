import Foundation
import Testing

/// `warta train-ner` and `--model`.
@Suite("train-ner")
struct TrainNERTests {
    /// Invented sentences, IOB2, CRLF line ends like IDNer's.
    static let data = [
        "Menurut O", "Budi B-PER", "Santoso I-PER", ", O", "warga O", "Cilacap B-LOC", "resah O", ". O", "",
        "Rapat O", "di O", "Cilacap B-LOC", "dipimpin O", "Budi B-PER", "Santoso I-PER", ". O", "",
        "Budi B-PER", "Santoso I-PER", "tiba O", "kemarin O", ". O", "",
    ].joined(separator: "\r\n") + "\r\n"

    /// A fresh folder with ``data`` written to `train.txt` in it.
    static func trainingFolder() throws -> (dir: URL, train: URL) {
        let dir = try temporaryDirectory()
        let train = dir.appendingPathComponent("train.txt")
        try Data(data.utf8).write(to: train)
        return (dir, train)
    }

    @Test func trainsTheSameModelTwiceAndTagsWithIt() throws {
        let (dir, train) = try Self.trainingFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a.model"), second = dir.appendingPathComponent("b.model")
        let run = try warta(["train-ner", "--runs", "2", "--train", train.path, "--dev", train.path, "--epochs", "3", "--output", first.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("epoch 3"))
        // A perfect score prints as 1.000 (it once crashed the formatter).
        #expect(run.stdout.contains("F1 1.000"))
        _ = try warta(["train-ner", "--runs", "2", "--train", train.path, "--epochs", "3", "--output", second.path])
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        let tagged = try warta(["tag", "--model", first.path, "-"], input: Data("Budi Santoso tiba kemarin.".utf8))
        #expect(tagged.stdout == "[PER Budi Santoso] tiba kemarin.\n")
    }

    /// Document evidence and word classes are on by default and marked in the model file;
    /// `--no-document` and `--no-classes` leave them out.
    @Test func documentEvidenceAndWordClassesAndWithoutThem() throws {
        let (dir, train) = try Self.trainingFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let with = dir.appendingPathComponent("a.model"), without = dir.appendingPathComponent("b.model")
        let run = try warta(["train-ner", "--runs", "2", "--train", train.path, "--dev", train.path, "--epochs", "2", "--output", with.path])
        #expect(run.status == 0)
        _ = try warta(["train-ner", "--runs", "2", "--train", train.path, "--epochs", "2", "--no-document", "--output", without.path])
        let a = try Data(contentsOf: with), b = try Data(contentsOf: without)
        // The header's flags byte (after "WNER1" or "WNER2" and the bits): bit 4 is document evidence.
        #expect(a[6] & 4 == 4)
        #expect(b[6] & 4 == 0)
        // Bit 8: the word classes, on by default; `--no-classes` leaves them out.
        #expect(a[6] & 8 == 8)
        _ = try warta(["train-ner", "--runs", "2", "--train", train.path, "--epochs", "2", "--no-classes", "--output", without.path])
        let c = try Data(contentsOf: without)
        #expect(c[6] & 8 == 0)
        #expect(String(decoding: a.prefix(5), as: UTF8.self) == "WNER2")
        #expect(String(decoding: c.prefix(5), as: UTF8.self) == "WNER1")
        #expect(c.count + 100_000 < a.count)
        let text = Data("Budi Santoso tiba kemarin. Rapat di Cilacap dipimpin Budi Santoso.".utf8)
        #expect(try warta(["tag", "--model", with.path, "-"], input: text).stdout.contains("[PER Budi Santoso]"))
    }

    /// Settings that leave nothing to train are usage errors, not a crash (`--epochs 0`,
    /// `--crf --iterations 0` trapped), a hang (`--cross-validate 100000` on ten sentences ran
    /// on with empty folds) or a model learnt from nothing (`--train /dev/null`).
    @Test func settingsThatTrainNothingAreRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("small.iob2")
        try Data("Budi B-PER\nSantoso I-PER\ntiba O\n\nAni B-PER\npulang O\n".utf8).write(to: data)
        let out = dir.appendingPathComponent("m.model").path
        for (arguments, message) in [(["--epochs", "0"], "--epochs must be at least 1"), (["--runs", "0"], "--runs must be at least 1"),
                                     (["--crf", "--iterations", "0"], "--iterations must be at least 1"),
                                     (["--cross-validate", "3"], "--cross-validate 3 needs at least 3 sentences; the training data has 2")] {
            let r = try warta(["train-ner", "--train", data.path, "--output", out] + arguments)
            #expect(r.status == 2 && r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        let empty = try warta(["train-ner", "--train", "/dev/null", "--output", out])
        #expect(empty.status == 2 && empty.stderr.contains("/dev/null: no sentences"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aDamagedModelIsAnErrorWithItsPath() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.model")
        try Data("nonsense".utf8).write(to: bad)
        let run = try warta(["tag", "--model", bad.path, "-"], input: Data("Budi.".utf8))
        #expect(run.status == 2)
        // Said once, and not as a JSON line to fix or drop.
        #expect(run.stderr == "warta: \(bad.path): not a Warta NER model (no WNER1 or WNER2 header); train one with `warta train-ner --output FILE`\n")
    }
}
