import FuzzSupport
import Warta

/// The HTML path: charset decoding, parsing, extraction, and the record with tokens,
/// entities and quotes. The first byte picks the charset a header would have given.
let maker = RecordMaker()
let charsets: [String?] = [nil, "utf-8", "windows-1252", "iso-8859-1", "shift_jis", "utf-16", "x-unknown"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let charset = charsets[Int(bytes[0]) % charsets.count]
    let doc = InputDocument(id: "fuzz", bytes: Array(bytes.dropFirst()), format: .html, charset: charset,
                            source: SourceInfo(path: "fuzz.html"))
    RecordCheck.check(maker.record(doc))
    return 0
}
