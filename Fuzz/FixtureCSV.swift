import GraphFormats

/// Fixture edge list: `FixtureCSV.read(edges:edgesFile:nodes:)` on the input split at its first NUL
/// (edges, then an optional nodes file).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFixtureCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (edges, nodes) = fuzzTwoTexts(data, size)
    _ = try? FixtureCSV.read(edges: edges, edgesFile: "fuzz.edges.csv", nodes: nodes.isEmpty ? nil : nodes)
    return 0
}
