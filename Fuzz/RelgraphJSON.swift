import GraphFormats

/// relgraph JSON: `RelgraphJSON.read(_:fileName:)`, written back on success.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRelgraphJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if let g = try? RelgraphJSON.read(fuzzText(data, size), fileName: "fuzz.json") {
        _ = RelgraphJSON.write(g)
    }
    return 0
}
