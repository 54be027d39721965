import GraphFormats

/// CSV pair: `CSVPairReader.read(entities:relations:)` on the input split at its first NUL,
/// then `GraphImporter.makeGraph(from:)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVPair(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (entities, relations) = fuzzTwoTexts(data, size)
    if let a = try? CSVPairReader.read(entities: entities, relations: relations) {
        _ = try? GraphImporter.makeGraph(from: a)
    }
    return 0
}
