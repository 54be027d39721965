import GraphFormats

/// GraphML: `GraphImporter.read(text:fileName:format: .graphml)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? GraphImporter.read(text: fuzzText(data, size), fileName: "fuzz.graphml", format: .graphml)
    return 0
}
