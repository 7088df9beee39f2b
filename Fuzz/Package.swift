// swift-tools-version: 6.1
// Warta's fuzz targets, a package of their own beside Benchmarks/ so that building Warta
// never needs libFuzzer. Build and run them with Scripts/fuzz.sh (see docs/development.md):
//
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Each target is an executable whose `LLVMFuzzerTestOneInput` feeds the input to one path of
// Warta and checks what comes out (one valid JSON record per document, spans inside the
// text, counts that add up); FuzzMain supplies the `<Target>_main` that SwiftPM links as
// `main` and hands over to libFuzzer's driver.
import PackageDescription

let fuzzTargets = ["FuzzHTML", "FuzzText", "FuzzWARC", "FuzzJSONLines"]

let package = Package(
    name: "warta-fuzz",
    dependencies: [
        .package(name: "warta", path: ".."),
    ],
    targets: [
        .target(name: "FuzzMain"),
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "Warta", package: "warta"), .product(name: "WartaText", package: "warta")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzMain", "FuzzSupport", .product(name: "Warta", package: "warta")]
        )
    },
    swiftLanguageModes: [.v6]
)
