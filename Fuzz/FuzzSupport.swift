// Shared by every fuzz target (compiled into each). The targets call the parsers
// through their public entry points only; a thrown error is a correct answer,
// a trap, a sanitizer report, a leak or a hang is a defect.

/// The input as text, decoded as the CLI decodes files (invalid UTF-8 replaced).
@inline(__always)
func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// The input split at its first NUL byte into two texts (for two-file formats).
func fuzzTwoTexts(_ data: UnsafePointer<UInt8>, _ size: Int) -> (String, String) {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    guard let cut = buffer.firstIndex(of: 0) else { return (String(decoding: buffer, as: UTF8.self), "") }
    return (String(decoding: buffer[..<cut], as: UTF8.self), String(decoding: buffer[(cut + 1)...], as: UTF8.self))
}
