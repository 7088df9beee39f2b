// swift-tools-version: 6.1
// Warta: an Indonesian-language news NLP pipeline.
//
// Layout (one module per stage):
//   CICU / CICUShim   system ICU behind a C facade with an ICU-free header
//   WartaText         document model, normalizer, segmenter, tokenizer (no Foundation, no I/O)
//   Warta             pipeline assembly, records, CoNLL-U, evaluation, input and output
//   warta             the command-line front end (thin)
import PackageDescription

let package = Package(
    name: "warta",
    products: [
        .executable(name: "warta", targets: ["warta"]),
        .library(name: "Warta", targets: ["Warta"]),
        .library(name: "WartaText", targets: ["WartaText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "WartaText", dependencies: ["CICUShim"]),
        .target(name: "Warta", dependencies: ["WartaText"]),
        .executableTarget(
            name: "warta",
            dependencies: [
                "Warta",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "WartaTextTests", dependencies: ["WartaText"]),
        .testTarget(name: "WartaTests", dependencies: ["Warta"]),
        .testTarget(name: "wartaEndToEndTests", dependencies: ["warta"]),
    ],
    swiftLanguageModes: [.v6]
)
