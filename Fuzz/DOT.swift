import GraphvizRendering

/// DOT through cgraph: `Graphviz.parse(dot:fileName:)` (no layout).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? Graphviz.parse(dot: fuzzText(data, size), fileName: "fuzz.dot")
    return 0
}
