import GraphFormats

/// node-link JSON: `GraphImporter.read(text:fileName:format: .nodeLink)` (reader + import mapping + validation).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNodeLinkJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? GraphImporter.read(text: fuzzText(data, size), fileName: "fuzz.json", format: .nodeLink)
    return 0
}
