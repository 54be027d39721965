/// The head of a DOT text, `[strict] (graph|digraph) [ID] {`, found by a tiny
/// lexer that skips whitespace, comments and `#` lines the way cgraph's scanner does.
struct DOTHeader: Equatable {
    /// The graph has no ID.
    var isAnonymous: Bool
    /// UTF-8 offset just after the `graph`/`digraph` keyword.
    var keywordEnd: Int

    /// Finds the header; `nil` when the text does not start like a graph
    /// (cgraph then reports the problem itself).
    ///
    /// - Complexity: O(k), k the bytes before the `{` of the header.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        Self.skipTrivia(bytes, &index)
        guard var word = Self.word(bytes, &index) else { return nil }
        if word == "strict" {
            Self.skipTrivia(bytes, &index)
            guard let next = Self.word(bytes, &index) else { return nil }
            word = next
        }
        guard word == "graph" || word == "digraph" else { return nil }
        keywordEnd = index
        Self.skipTrivia(bytes, &index)
        guard index < bytes.count else { return nil }
        isAnonymous = bytes[index] == UInt8(ascii: "{")
    }

    /// The text with a name inserted after the keyword when the graph is
    /// anonymous (same line, so cgraph's line numbers are unchanged).
    static func naming(_ text: String, as name: String) -> String {
        guard let header = DOTHeader(text), header.isAnonymous else { return text }
        let bytes = Array(text.utf8)
        var out = Array(bytes[..<header.keywordEnd])
        out.append(contentsOf: Array(" \(name) ".utf8))
        out.append(contentsOf: bytes[header.keywordEnd...])
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    private static func skipTrivia(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count {
            let b = bytes[index]
            if isSpace(b) {
                index += 1
            } else if b == UInt8(ascii: "#"), index == 0 || bytes[index - 1] == 0x0A {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if b == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if b == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index = min(index + 2, bytes.count)
            } else {
                return
            }
        }
    }

    /// Reads a keyword-like word (letters, digits, `_`, bytes ≥ 0x80), lowercased.
    private static func word(_ bytes: [UInt8], _ index: inout Int) -> String? {
        let start = index
        while index < bytes.count {
            let b = bytes[index]
            let isWordByte = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b >= 0x80
            guard isWordByte else { break }
            index += 1
        }
        guard index > start else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }
}
