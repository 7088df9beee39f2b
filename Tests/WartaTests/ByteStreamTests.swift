import Foundation
import Testing
@testable import Warta

@Suite("byte streams")
struct ByteStreamTests {
    @Test func anOverLongLineIsCutAndTheNextLineIsKept() throws {
        let text = String(repeating: "a", count: 100) + "\nb\r\n" + String(repeating: "c", count: 200_000) + "\r\nd"
        for step in [1, 7, 1 << 16] {
            let reader = BufferedReader(TrickleStream(Array(text.utf8), step: step), capacity: 16)
            #expect(try reader.readLine(limit: 10) == Array(repeating: UInt8(ascii: "a"), count: 10))
            #expect(reader.lastLineLength == 100)
            #expect(try reader.readLine(limit: 10) == Array("b".utf8) && reader.lastLineLength == 1)
            #expect(try reader.readLine(limit: 10)?.count == 10 && reader.lastLineLength == 200_000)
            #expect(try reader.readLine(limit: 10) == Array("d".utf8))
            #expect(try reader.readLine(limit: 10) == nil)
        }
    }

    @Test func aLineOfExactlyTheLimitIsWhole() throws {
        let reader = BufferedReader(MemoryByteStream(Array("abcd\r\nabcde\nef".utf8)), capacity: 16)
        #expect(try reader.readLine(limit: 4) == Array("abcd".utf8) && reader.lastLineLength == 4)
        #expect(try reader.readLine(limit: 4) == Array("abcd".utf8) && reader.lastLineLength == 5)
        #expect(try reader.readLine(limit: 4) == Array("ef".utf8))
        #expect(reader.offset == 14)
    }

    @Test func skippingStopsAtAMarkedLineAcrossBufferEnds() throws {
        let text = Array("xxxxxxxxxxxxx\nyyWARC/1\nWARC/1.0\r\nrest".utf8)
        for step in [1, 3, 64] {
            let reader = BufferedReader(TrickleStream(text, step: step), capacity: 16)
            let (skipped, found) = try reader.skip(count: 1000, stoppingAtLineStarting: Array("WARC/".utf8), followedBy: WARCReader.isDigit)
            #expect(found && skipped == 23, "step \(step)")
            #expect(try reader.readLine() == Array("WARC/1.0".utf8))
        }
        // Not past `count`, and not when the marker is not followed by a digit.
        let reader = BufferedReader(MemoryByteStream(Array("ab\nWARC/x\nWARC/1".utf8)))
        let (skipped, found) = try reader.skip(count: 9, stoppingAtLineStarting: Array("WARC/".utf8), followedBy: WARCReader.isDigit)
        #expect(!found && skipped == 9)
    }

    @Test func unreadBytesAreReadAgain() throws {
        let reader = BufferedReader(MemoryByteStream(Array("hello world\nnext".utf8)), capacity: 16)
        let first = try reader.read(count: 8)
        reader.unread(first[3...])
        #expect(try reader.readLine() == Array("lo world".utf8))
        reader.unread(Array(repeating: UInt8(ascii: "z"), count: 40)[...])
        #expect(try reader.readLine() == Array((String(repeating: "z", count: 40) + "next").utf8))
    }

    @Test func gzipIsFoundByItsMagicBytesEvenOneByteAtATime() throws {
        let text = Array("Satu dua tiga.\n".utf8)
        let compressed = try gzipped(text)
        let stream = try decompressingIfGzip(TrickleStream(compressed, step: 1))
        #expect(stream is GzipByteStream)
        #expect(try BufferedReader(stream).readAll(limit: 100).0 == text)
        let plain = try decompressingIfGzip(TrickleStream(text, step: 1))
        #expect(try BufferedReader(plain).readAll(limit: 100).0 == text)
        let one = try decompressingIfGzip(MemoryByteStream([0x1F]))
        #expect(try BufferedReader(one).readAll(limit: 100).0 == [0x1F])
    }

    @Test func gzipMembersFollowOneAnotherAndACutMemberIsTruncated() throws {
        let a = try gzipped(Array("satu ".utf8)), b = try gzipped(Array("dua".utf8))
        var stream = try GzipByteStream(MemoryByteStream(a + b))
        #expect(try BufferedReader(stream).readAll(limit: 100).0 == Array("satu dua".utf8) && !stream.truncated)
        stream = try GzipByteStream(MemoryByteStream(a + b.dropLast(4)))
        #expect(try BufferedReader(stream).readAll(limit: 100).0 == Array("satu dua".utf8) && stream.truncated)
        stream = try GzipByteStream(MemoryByteStream(a + Array("not gzip".utf8)))
        #expect(try BufferedReader(stream).readAll(limit: 100).0 == Array("satu ".utf8) && stream.truncated)
    }

    /// A stream that never ends (`/dev/zero`) is an error once `readCap` bytes are read past a
    /// limit, whether the whole of it is read or a line's end is looked for: it hung.
    @Test func aStreamThatNeverEndsIsAnError() throws {
        final class Zeros: ByteStream {
            let truncated = false
            func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(WartaError) -> Int {
                buffer.update(repeating: 0)
                return buffer.count
            }
        }
        let whole = BufferedReader(Zeros())
        whole.readCap = 1 << 20
        #expect(throws: WartaError.self) { _ = try whole.readAll(limit: 1000) }
        let lines = BufferedReader(Zeros())
        lines.readCap = 1 << 20
        #expect(throws: WartaError.self) { _ = try lines.readLine(limit: 1000) }
    }

    /// Gzip output holds records in a block until it is full, a quarter second old, flushed or
    /// finished: after `flush()` the file holds them as whole members, before `finish()`.
    @Test func flushedGzipOutputHoldsItsRecords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("warta-flush-\(UUID().uuidString).jsonl.gz").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try RecordOutput(path: path)
        try output.write(record: Array("{\"id\": 1}\n".utf8))
        try output.write(record: Array("{\"id\": 2}\n".utf8))
        try output.flush()
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let stream = try GzipByteStream(MemoryByteStream(written))
        #expect(try BufferedReader(stream).readAll(limit: 100).0 == Array("{\"id\": 1}\n{\"id\": 2}\n".utf8) && !stream.truncated)
        try output.finish()
    }
}
