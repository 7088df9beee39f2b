// swift-tools-version: 6.1
// Warta's benchmarks, a package of their own (as swift-nio does) so that building and
// testing Warta never pulls in the benchmark harness.
//
//   cd Benchmarks && swift package --disable-sandbox benchmark
//
// Inputs: ../shared/data/corpus/corpus-all.txt when it exists, else the seed articles.
import PackageDescription

let package = Package(
    name: "warta-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "warta", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "TextPipeline",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Warta", package: "warta"),
                .product(name: "WartaText", package: "warta"),
            ],
            path: "Benchmarks/TextPipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
