import GraphModel

/// Partial dates: `PartialDate(_:)`, and its text read back to the same date.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartialDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    if let d = PartialDate(text) {
        guard PartialDate(d.description) == d else { fatalError("'\(text)' → \(d) does not read back") }
        _ = DateSpan(d)
    }
    return 0
}
