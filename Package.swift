// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "relgraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GraphModel", targets: ["GraphModel"]),
        .library(name: "GraphAlgorithms", targets: ["GraphAlgorithms"]),
        .library(name: "GraphFormats", targets: ["GraphFormats"]),
        .library(name: "GraphvizRendering", targets: ["GraphvizRendering"]),
        .library(name: "SourceTexts", targets: ["SourceTexts"]),
        .library(name: "GraphPages", targets: ["GraphPages"]),
        .library(name: "TextExtraction", targets: ["TextExtraction"]),
        .library(name: "GraphDrawing", targets: ["GraphDrawing"]),
        .executable(name: "relgraph", targets: ["relgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "GraphModel"),
        .target(name: "GraphAlgorithms", dependencies: ["GraphModel"]),
        .target(name: "GraphFormats", dependencies: ["GraphModel", "GraphvizRendering", .product(name: "Yams", package: "Yams")]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "GraphvizRendering", dependencies: ["CGraphviz"]),
        .target(name: "SourceTexts", dependencies: ["GraphModel"]),
        .target(name: "TextExtraction", dependencies: ["GraphModel", "SourceTexts"]),
        .target(name: "GraphDrawing", dependencies: ["GraphModel", "GraphAlgorithms", "GraphFormats"]),
        .target(
            name: "GraphPages",
            dependencies: ["GraphModel", "GraphAlgorithms", "GraphFormats", "GraphvizRendering", "GraphDrawing"],
            exclude: ["Resources"]
        ),
        .target(
            name: "RelGraphCLI",
            dependencies: [
                "GraphModel", "GraphAlgorithms", "GraphFormats", "GraphvizRendering", "SourceTexts", "GraphPages", "TextExtraction",
                "GraphDrawing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "relgraph", dependencies: ["RelGraphCLI"]),
        .executableTarget(
            name: "PathExample",
            dependencies: ["GraphModel", "GraphAlgorithms", "GraphFormats", "GraphvizRendering"],
            path: "Examples/PathExample"
        ),
        .testTarget(name: "GraphModelTests", dependencies: ["GraphModel"]),
        .testTarget(name: "GraphAlgorithmsTests", dependencies: ["GraphAlgorithms", "GraphModel"]),
        .testTarget(name: "GraphFormatsTests", dependencies: ["GraphFormats", "GraphModel", "GraphvizRendering", "GraphAlgorithms"]),
        .testTarget(name: "GraphvizRenderingTests", dependencies: ["GraphvizRendering"]),
        .testTarget(name: "SourceTextsTests", dependencies: ["SourceTexts", "GraphModel", "GraphFormats"]),
        .testTarget(name: "GraphPagesTests", dependencies: ["GraphPages", "GraphModel", "GraphFormats"]),
        .testTarget(name: "TextExtractionTests", dependencies: ["TextExtraction", "SourceTexts", "GraphModel", "GraphFormats", "GraphAlgorithms"]),
        .testTarget(name: "GraphDrawingTests", dependencies: ["GraphDrawing", "GraphAlgorithms", "GraphModel", "GraphvizRendering"]),
        .testTarget(name: "RelGraphCLITests", dependencies: ["RelGraphCLI", "relgraph", "PathExample", "GraphModel", "GraphFormats"]),
    ],
    swiftLanguageModes: [.v6]
)
