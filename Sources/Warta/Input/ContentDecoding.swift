import CBrotli

/// The HTTP content codings a WARC response body may be stored in, decoded with a limit on
/// what comes out: gzip, deflate (zlib, or raw deflate as some servers send it) and brotli
/// (`br`, what browsers ask for and browser-based crawlers store).
enum ContentDecoding {
    /// What decoding a body gave.
    enum Result: Equatable {
        /// The content, and whether the compressed data was cut short.
        case decoded([UInt8], truncated: Bool)
        /// The body is not compressed (a crawler stored it decoded): keep it.
        case notCompressed
        /// It decodes to more than the limit (decoding stopped there).
        case tooLarge
        /// It is compressed, but nothing decodes.
        case undecodable
    }

    /// The coding a `Content-Encoding` value names, if Warta decodes it.
    enum Coding { case gzip, deflate, brotli }

    /// The codings `Content-Encoding` value `header` names, in the order they were applied
    /// (`identity` left out), or the first one Warta does not decode (`zstd`, `compress`).
    static func codings(_ header: [UInt8]) -> (codings: [Coding], unsupported: String?) {
        var out: [Coding] = []
        for part in header.split(separator: UInt8(ascii: ",")) {
            switch String(decoding: part, as: UTF8.self).trimmingWhitespace.lowercased() {
            case "gzip", "x-gzip": out.append(.gzip)
            case "deflate": out.append(.deflate)
            case "br": out.append(.brotli)
            case "", "identity", "none": break
            case let name: return (out, name)
            }
        }
        return (out, nil)
    }

    /// `data` decoded from `coding`, stopping once more than `limit` bytes are out.
    static func decode(_ data: ArraySlice<UInt8>, _ coding: Coding, limit: Int) -> Result {
        switch coding {
        case .gzip: return inflate(data, limit: limit, raw: false)
        case .deflate:
            // Some servers send raw deflate, with neither gzip's nor zlib's header (its first
            // bytes may even pass for zlib's): tried when zlib gives nothing.
            let wrapped = inflate(data, limit: limit, raw: false)
            if case .decoded = wrapped { return wrapped }
            if wrapped == .tooLarge || looksDecoded(data) { return wrapped }
            let raw = inflate(data, limit: limit, raw: true)
            if case .decoded(let bytes, _) = raw, !bytes.isEmpty { return raw }
            return raw == .tooLarge ? raw : wrapped
        case .brotli:
            // A crawler may store the page decoded and keep the header; brotli has no magic number.
            if looksDecoded(data) { return .notCompressed }
            return unbrotli(data, limit: limit)
        }
    }

    /// Whether `data` is text already, stored decoded by a crawler that kept the header: it
    /// starts like a page (`<` after any whitespace or byte order mark), or its first 4 KiB
    /// pass the input check's test for text (compressed data does not).
    static func looksDecoded(_ data: ArraySlice<UInt8>) -> Bool {
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.first(where: { !WARCReader.isSpace($0) }) == UInt8(ascii: "<") { return true }
        let head = Array(body.prefix(4096))
        return head.count >= 64 && InputCheckStage.binaryProblem(head) == nil
    }

    /// Inflates gzip or zlib (or with `raw`, headerless deflate).
    static func inflate(_ data: ArraySlice<UInt8>, limit: Int, raw: Bool) -> Result {
        guard let stream = try? GzipByteStream(MemoryByteStream(Array(data)), raw: raw) else { return .notCompressed }
        let reader = BufferedReader(stream)
        guard let (out, more) = try? reader.read(upTo: limit) else { return .undecodable }
        if more { return .tooLarge }
        if out.isEmpty {
            if raw { return .undecodable }
            let b0 = data.first ?? 0, b1 = data.dropFirst().first ?? 0
            let zlibHeader = b0 & 0x0F == 8 && (Int(b0) << 8 | Int(b1)) % 31 == 0
            return hasGzipMagic(data) || zlibHeader ? .undecodable : .notCompressed
        }
        return .decoded(out, truncated: stream.truncated)
    }

    /// Decodes brotli, 64 KiB of output at a time.
    static func unbrotli(_ data: ArraySlice<UInt8>, limit: Int) -> Result {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { return .undecodable }
        defer { BrotliDecoderDestroyInstance(state) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return data.withUnsafeBufferPointer { input -> Result in
            var availableIn = input.count
            var nextIn = input.baseAddress
            while true {
                var availableOut = chunk.count
                let result = chunk.withUnsafeMutableBufferPointer { c -> BrotliDecoderResult in
                    var nextOut = c.baseAddress
                    return BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                }
                out.append(contentsOf: chunk[0..<(chunk.count - availableOut)])
                if out.count > limit { return .tooLarge }
                if result == BROTLI_DECODER_RESULT_SUCCESS { return .decoded(out, truncated: false) }
                if result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT { continue }
                // Input ended inside the stream, or an error: what came out, marked cut short.
                return out.isEmpty ? .undecodable : .decoded(out, truncated: true)
            }
        }
    }
}
