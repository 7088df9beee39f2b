import FuzzSupport
import Warta

/// The text path as an article (header, furniture, credits) and whole (--raw-text), with
/// tokens, entities and quotes.
let maker = RecordMaker()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let doc = InputDocument(id: "fuzz", bytes: bytes, format: .text, source: SourceInfo(path: "fuzz.txt"))
    RecordCheck.check(maker.record(doc))
    RecordCheck.check(maker.record(doc, rawText: true))
    return 0
}
