import GraphModel

/// Name lookup: `Graph.resolve(_:)` (exact, word and edit-distance suggestions) and `foldName`.
let lookupGraph: Graph = {
    let people: [(String, String, [String])] = [
        ("trotsky", "Leon Trotsky", ["Lev Bronstein", "Old Man"]), ("stalin", "Joseph Stalin", ["Koba"]),
        ("mercader", "Ramón Mercader", ["Jacques Mornard", "Frank Jacson"]), ("sedov", "Leon Sedov", []),
        ("zborowski", "Mark Zborowski", ["Étienne"]), ("eitingon", "Naum Eitingon", ["Leonid Kotov"]),
    ]
    return try! Graph(entities: people.map { Entity(id: $0.0, kind: "person", name: $0.1, aliases: $0.2) })
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNameLookup(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    _ = foldName(text)
    _ = try? lookupGraph.resolve(text)
    return 0
}
