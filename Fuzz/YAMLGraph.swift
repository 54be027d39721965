import GraphFormats

/// relgraph YAML: `YAMLGraphReader.read(_:fileName:)`, then every writer on success.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLGraph(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if let g = try? YAMLGraphReader.read(fuzzText(data, size), fileName: "fuzz.yaml") {
        _ = YAMLGraphWriter.write(g)
        _ = try? GraphMLWriter.write(g)
    }
    return 0
}
