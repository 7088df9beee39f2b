// swift-tools-version: 6.1
// Warta: an Indonesian-language news NLP pipeline.
//
// Layout (one module per stage):
//   CICU / CICUShim   system ICU behind a C facade with an ICU-free header
//   CLibXML2 / CLibXML2Shim   system libxml2 behind an opaque C facade
//   WartaText         document model, normalizer, segmenter, tokenizer (no Foundation, no I/O)
//   WartaHTML         charset decoding, HTML parsing, article and metadata extraction
//   WartaEntities     entity lexicons, gazetteer and cue-pattern tagger
//   WartaQuotes       direct and indirect quotes and their speakers
//   Warta             the library: API/ (Warta, Configuration, Pipeline, Stage, AnalyzedDocument),
//                     Stages/ (each stage over the document), Records/, Input/, batch runs
//   WartaTools        in-process stage benchmarks and the UD evaluation
//   warta             the command-line front end (thin)
import PackageDescription

let package = Package(
    name: "warta",
    products: [
        .executable(name: "warta", targets: ["warta"]),
        .library(name: "Warta", targets: ["Warta"]),
        .library(name: "WartaText", targets: ["WartaText"]),
        .library(name: "WartaHTML", targets: ["WartaHTML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target Warta` (DocC); no code of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // `pkg-config icu-i18n` gives -licui18n -licuuc -licudata. Only CICUShim may
        // depend on it: a Swift file that sees both these headers and Foundation's private
        // ICU fails to compile (see shared/reference/icu-libxml2/README.md).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // `pkg-config libxml-2.0`; only CLibXML2Shim may depend on it (Debian's libxml2
        // headers include ICU's).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CLibXML2Shim", dependencies: ["CLibXML2"]),
        // zlib, for .gz and WARC.gz input and .gz output.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // brotli's decoder, for WARC bodies sent with `Content-Encoding: br`.
        .systemLibrary(name: "CBrotli", providers: [.apt(["libbrotli-dev"])]),
        .target(name: "CPrefetch"),
        .target(name: "WartaText", dependencies: ["CICUShim", "CPrefetch"]),
        .target(name: "WartaHTML", dependencies: ["WartaText", "CLibXML2Shim"]),
        .target(name: "WartaEntities", dependencies: ["WartaText", "CPrefetch"]),
        .target(name: "WartaQuotes", dependencies: ["WartaText", "WartaEntities"]),
        .target(name: "Warta", dependencies: ["WartaText", "WartaHTML", "WartaEntities", "WartaQuotes", "CZlib", "CBrotli"]),
        // Benchmarks and evaluations: outside the library's public surface.
        .target(name: "WartaTools", dependencies: ["Warta"]),
        .executableTarget(
            name: "warta",
            dependencies: [
                "Warta",
                "WartaTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The README's Library program, built and run by the end-to-end tests.
        .executableTarget(name: "WhoSaidWhat", dependencies: ["Warta"], path: "Examples/WhoSaidWhat"),
        .testTarget(name: "WartaTextTests", dependencies: ["WartaText"]),
        .testTarget(name: "WartaHTMLTests", dependencies: ["WartaHTML"]),
        .testTarget(name: "WartaEntitiesTests", dependencies: ["WartaEntities"]),
        .testTarget(name: "WartaQuotesTests", dependencies: ["WartaQuotes"]),
        .testTarget(name: "WartaTests", dependencies: ["Warta", "WartaTools"]),
        .testTarget(name: "wartaEndToEndTests", dependencies: ["warta", "WhoSaidWhat"]),
    ],
    swiftLanguageModes: [.v6]
)
