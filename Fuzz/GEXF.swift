import GraphFormats

/// GEXF: `GraphImporter.read(text:fileName:format: .gexf)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGEXF(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? GraphImporter.read(text: fuzzText(data, size), fileName: "fuzz.gexf", format: .gexf)
    return 0
}
