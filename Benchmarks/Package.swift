// swift-tools-version: 6.1
// relgraph's benchmark: a separate package so that the main package carries no
// benchmark code or data. Build and run with `./run.sh M B` (see README.md).
import PackageDescription

let package = Package(
    name: "relgraph-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "relgraph", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "relgraph-bench",
            dependencies: [
                .product(name: "GraphAlgorithms", package: "relgraph"),
                .product(name: "GraphModel", package: "relgraph"),
                .product(name: "GraphFormats", package: "relgraph"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
