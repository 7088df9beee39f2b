#if canImport(Glibc)
import Glibc
#endif
import Foundation
import WartaEntities
import WartaText

/// Compiled lexicons kept between runs as binary images, so a run loads the entity lexicons
/// (100k+ entries with the villages) and the tokenizer's word lists in milliseconds instead of
/// compiling their TSV text.
///
/// An image is named by a hash of the lexicon sources (built-in and `--lexicon` files) and of
/// the running executable (its size and modification time), so editing a lexicon or rebuilding
/// Warta makes a new one; older images in the folder are removed when a new one is written.
/// The caller names the folder (the command line uses `$WARTA_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/warta`, else `~/.cache/warta`). A missing, unreadable or corrupt image is
/// compiled again; a folder that cannot be written only costs the compile.
public enum LexiconCache {
    /// The lexicon compiled from `sources` (TSV texts, in override order), from the cache in
    /// `folder` (nil: no cache) when an image for them is there.
    public static func lexicon(sources: [String], folder: String?) -> EntityLexicon {
        cached("entities", sources: sources, folder: folder, load: { EntityLexicon(image: $0) },
               compile: { EntityLexicon(tsv: sources) }, image: { $0.image() })
    }

    /// The built-in tokenizer lists, from the cache in `folder` when it has them.
    public static func tokenizerLexicon(folder: String?) -> TokenizerLexicon {
        let sources = TokenizerLexicon.builtInSources
        return cached("tokenizer", sources: sources, folder: folder, load: { TokenizerLexicon(image: $0) },
                      compile: {
            TokenizerLexicon(abbreviationsTSV: sources[0], cliticExceptionsTSV: sources[1], lemmasTSV: sources[2], lowercaseWordsTSV: sources[3])
        },
                      image: { $0.image() })
    }

    /// The built-in entity model (``NERModel/builtIn``), from the cache in `folder` when it has
    /// it, or nil when Warta has none.
    public static func builtInEntityModel(folder: String?) -> NERModel? {
        guard let source = NERModel.builtInSource else { return nil }
        // A model is embedded, so `builtIn` decodes it (it stops the process if it cannot).
        return cached("model", sources: [source], folder: folder, load: { try? NERModel(bytes: $0) },
                      compile: { NERModel.builtIn! }, image: { $0.data() })
    }

    /// The entity lexicon in `image` (``EntityLexicon/image()``), or nil when it is malformed.
    package static func entityLexicon(image: [UInt8]) -> EntityLexicon? {
        image.withUnsafeBytes { EntityLexicon(image: $0) }
    }

    /// The value compiled from `sources`, loaded from its image `NAME-HASH.image` in `folder`
    /// when there is one, else compiled and stored.
    static func cached<T>(_ name: String, sources: [String], folder: String?, load: (UnsafeRawBufferPointer) -> T?,
                          compile: () -> T, image: (T) -> [UInt8]) -> T {
        guard let folder else { return compile() }
        let path = folder + "/" + name + "-" + hexHash(sources) + ".image"
        if let value = FileDescriptor.withMappedFile(path, load) ?? nil { return value }
        let value = compile()
        store(image(value), at: path, in: folder, prefix: name + "-")
        return value
    }

    /// The addresses of the built-in lexicons' text, which is part of the executable.
    static let builtInTexts: Set<UInt> = Set((EntityLexicon.builtInSources + TokenizerLexicon.builtInSources + [NERModel.builtInSource].compactMap { $0 }).compactMap(address))

    /// Where `s` keeps its UTF-8 bytes, when it keeps them contiguously.
    static func address(_ s: String) -> UInt? {
        s.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? nil
    }

    /// A 64-bit hash of the sources and the executable's identity, in hex. A built-in lexicon's
    /// text is not hashed (9 MB at every start): the executable's identity stands for it.
    static func hexHash(_ sources: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ x: UInt64) { h = (h ^ x) &* 0x100_0000_01b3; h ^= h >> 31 }
        for var s in sources {
            mix(UInt64(s.utf8.count))
            if let a = address(s), builtInTexts.contains(a) { continue }
            s.makeContiguousUTF8()
            let raw = s.utf8.span.bytes
            var i = 0
            while i + 8 <= raw.byteCount { mix(raw.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
            while i < raw.byteCount { mix(UInt64(raw.unsafeLoadUnaligned(fromByteOffset: i, as: UInt8.self))); i += 1 }
        }
        var st = stat()
        if stat("/proc/self/exe", &st) == 0 {
            mix(UInt64(bitPattern: Int64(st.st_size)))
            mix(UInt64(bitPattern: Int64(st.st_mtim.tv_sec)))
            mix(UInt64(bitPattern: Int64(st.st_mtim.tv_nsec)))
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Writes `image` to `path` atomically (a temporary file renamed) and removes the other
    /// images in `folder` whose names start with `prefix`; any failure leaves the cache as it was.
    static func store(_ image: [UInt8], at path: String, in folder: String, prefix: String) {
        var parent = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") { parent += "/" + part; mkdir(parent, 0o755) }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let written = (try? FileDescriptor.writeAll(fd, image)) != nil
        close(fd)
        guard written, rename(temporary, path) == 0 else { unlink(temporary); return }
        let name = String(path.split(separator: "/").last!)
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where file.hasPrefix(prefix) && file.hasSuffix(".image") && file != name {
            unlink(folder + "/" + file)
        }
    }
}

extension EntityLexicon {
    /// The built-in lexicons plus the user's TSV files (`--lexicon`), in order: a later file's
    /// entry for the same name overrides the built-in one. Each file is checked first. The
    /// compiled lexicon comes from ``LexiconCache`` in `cacheFolder` when it has it (nil: no cache).
    public static func builtIn(adding paths: [String], cacheFolder: String?) throws(WartaError) -> EntityLexicon {
        var sources = EntityLexicon.builtInSources
        for path in paths {
            let bytes = try InputReader.read(path: path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .malformedLexicon(path: path, line: 1, detail: "not UTF-8; save the file as UTF-8")
            }
            if let (line, detail) = EntityLexicon.firstProblem(inTSV: text) {
                throw .malformedLexicon(path: path, line: line, detail: detail)
            }
            sources.append(text)
        }
        return LexiconCache.lexicon(sources: sources, folder: cacheFolder)
    }
}

