import GraphModel

/// A JSON value with the place it starts at (RFC 8259). Numbers keep their
/// text, so `1850` is not read back as `1850.0`.
struct LocatedJSON {
    enum Value {
        case object([(key: String, value: LocatedJSON)])
        case array([LocatedJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var value: Value
    var location: SourceLocation
    /// For an object: where each member's name starts (its opening quote), in member order.
    var keyLocations: [SourceLocation] = []

    /// The last value given for `key` in an object.
    subscript(key: String) -> LocatedJSON? {
        if case .object(let members) = value { return members.last(where: { $0.key == key })?.value }
        return nil
    }

    var typeName: String {
        switch value {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// Compact JSON text with object keys in input order (for nested attribute values).
    var compactText: String {
        switch value {
        case .object(let members):
            return "{" + members.map { JSONParser.quote($0.key) + ":" + $0.value.compactText }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .string(let s): return JSONParser.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// The one strict JSON parser (RFC 8259) of the module: node-link JSON, relgraph
/// JSON and fixture `meta.json` files all go through it. It reports syntax errors
/// at file:line:column (columns count Unicode scalars from 1), which Foundation's
/// JSONSerialization does not. A leading byte-order mark is skipped.
///
/// Errors point at the offending character, except a bad escape (at its `\`),
/// a number with a leading zero (at its first digit) and a misspelt `true`,
/// `false` or `null` (at its first letter).
struct JSONParser {
    let file: String
    /// The UTF-8 text, without a byte-order mark.
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var column = 1
    var depth = 0
    static let maxDepth = 256
    /// Whether to collect ``yamlRewrites``.
    let collectsYAMLRewrites: Bool
    /// Byte ranges (in ``bytes``) inside strings that a YAML reader would read
    /// differently, with the replacement text that makes YAML read the same
    /// string: `\/` and UTF-16 surrogate-pair escapes (YAML's double-quoted
    /// strings know neither) become the characters, and raw characters YAML
    /// refuses or takes as line breaks become `\uXXXX` escapes. In text order.
    var yamlRewrites: [(range: Range<Int>, text: String)] = []

    init(_ text: String, file: String, collectingYAMLRewrites: Bool = false) {
        self.file = file
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        collectsYAMLRewrites = collectingYAMLRewrites
    }

    /// Parses one JSON document.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the offending character.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) throws(GraphFormatsError) -> LocatedJSON {
        var p = JSONParser(text, file: file)
        return try p.document()
    }

    /// Parses the whole text as one JSON value (surrounding white space allowed).
    /// - Complexity: O(n).
    mutating func document() throws(GraphFormatsError) -> LocatedJSON {
        skipSpace()
        let v = try value()
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the JSON value, found \(describeCurrent())") }
        return v
    }

    var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func error(_ message: String, at place: SourceLocation? = nil) -> GraphFormatsError {
        .syntax(place ?? here, "JSON syntax error: \(message)")
    }

    mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { advance() }
    }

    /// The length of the UTF-8 sequence led by `b`.
    static func sequenceLength(_ b: UInt8) -> Int { b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1 }

    func describeCurrent() -> String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let end = min(i + JSONParser.sequenceLength(b), bytes.count)
        let v = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first?.value ?? UInt32(b)
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    mutating func value() throws(GraphFormatsError) -> LocatedJSON {
        let start = here
        guard i < bytes.count else { throw error("expected a value, found the end of the file") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            if depth > JSONParser.maxDepth { throw error("JSON nested more than \(JSONParser.maxDepth) levels deep") }
            advance()
            var members: [(key: String, value: LocatedJSON)] = []
            var keyLocations: [SourceLocation] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { advance(); return LocatedJSON(value: .object(members), location: start) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("expected a member name in double quotes, found \(describeCurrent())")
                }
                keyLocations.append(here)
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw error("expected ':' after the member name, found \(describeCurrent())")
                }
                advance()
                skipSpace()
                members.append((key, try value()))
                skipSpace()
                guard i < bytes.count else { throw error("expected ',' or '}' in an object, found the end of the file") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "}") { advance(); break }
                throw error("expected ',' or '}' in an object, found \(describeCurrent())")
            }
            return LocatedJSON(value: .object(members), location: start, keyLocations: keyLocations)
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > JSONParser.maxDepth { throw error("JSON nested more than \(JSONParser.maxDepth) levels deep") }
            advance()
            var items: [LocatedJSON] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { advance(); return LocatedJSON(value: .array(items), location: start) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw error("expected ',' or ']' in an array, found the end of the file") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "]") { advance(); break }
                throw error("expected ',' or ']' in an array, found \(describeCurrent())")
            }
            return LocatedJSON(value: .array(items), location: start)
        case UInt8(ascii: "\""):
            return LocatedJSON(value: .string(try string()), location: start)
        case UInt8(ascii: "t"): try literal("true"); return LocatedJSON(value: .bool(true), location: start)
        case UInt8(ascii: "f"): try literal("false"); return LocatedJSON(value: .bool(false), location: start)
        case UInt8(ascii: "n"): try literal("null"); return LocatedJSON(value: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return LocatedJSON(value: .number(try number()), location: start)
        default:
            throw error("expected a value (object, array, string, number, true, false or null), found \(describeCurrent())")
        }
    }

    mutating func literal(_ word: String) throws(GraphFormatsError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, bytes[i..<(i + w.count)].elementsEqual(w) else {
            throw error("expected a value (object, array, string, number, true, false or null); did you mean '\(word)'?")
        }
        for _ in w { advance() }
    }

    mutating func number() throws(GraphFormatsError) -> String {
        let from = i
        func digits(_ p: inout JSONParser) -> Int {
            var n = 0
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.advance(); n += 1 }
            return n
        }
        if bytes[i] == UInt8(ascii: "-") { advance() }
        let intStart = i, intPlace = here
        let n = digits(&self)
        if n == 0 { throw error("invalid number: expected a digit, found \(describeCurrent())") }
        if n > 1, bytes[intStart] == UInt8(ascii: "0") { throw error("invalid number: numbers may not have leading zeros", at: intPlace) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            advance()
            if digits(&self) == 0 { throw error("invalid number: expected a digit after '.', found \(describeCurrent())") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            advance()
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { advance() }
            if digits(&self) == 0 { throw error("invalid number: expected a digit in the exponent, found \(describeCurrent())") }
        }
        return String(decoding: bytes[from..<i], as: UTF8.self)
    }

    /// The four hex digits at byte `k`, if there are four.
    func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for b in bytes[k..<(k + 4)] {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v * 16 + UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v * 16 + UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v * 16 + UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return v
    }

    /// Raw characters YAML refuses inside a double-quoted string or reads as line breaks.
    static func yamlNeedsEscape(_ v: UInt32) -> Bool {
        v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFFFE || v == 0xFFFF
    }

    mutating func string() throws(GraphFormatsError) -> String {
        advance()  // opening quote
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unterminated string (missing closing '\"'), found the end of the file") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { advance(); break }
            if b < 0x20 {
                let hex = String(b, radix: 16, uppercase: true)
                throw error("control character U+\(hex.count == 1 ? "000" : "00")\(hex) in a string (write it as an escape such as \\n)")
            }
            if b != UInt8(ascii: "\\") {
                let end = min(i + JSONParser.sequenceLength(b), bytes.count)
                if collectsYAMLRewrites, b == 0x7F || b >= 0xC2,
                   let s = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first,
                   JSONParser.yamlNeedsEscape(s.value) {
                    yamlRewrites.append((i..<end, JSONParser.uEscape(s.value)))
                }
                while i < end { out.append(bytes[i]); advance() }
                continue
            }
            let escapeStart = i, escapePlace = here
            advance()
            guard i < bytes.count else { throw error("unterminated string (missing closing '\"'), found the end of the file") }
            let e = bytes[i]
            let simple: UInt8?
            switch e {
            case UInt8(ascii: "\""): simple = 0x22
            case UInt8(ascii: "\\"): simple = 0x5C
            case UInt8(ascii: "/"): simple = 0x2F
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            default: simple = nil
            }
            if let s = simple {
                out.append(s)
                advance()
                if s == 0x2F, collectsYAMLRewrites { yamlRewrites.append((escapeStart..<i, "/")) }
                continue
            }
            guard e == UInt8(ascii: "u") else {
                throw error("unknown escape '\\\(describeCurrent().trimmingQuotes)' in a string", at: escapePlace)
            }
            guard let code = hex4(at: i + 1) else { throw error("expected four hex digits after \\u", at: escapePlace) }
            for _ in 0..<5 { advance() }
            var scalarValue = code
            if (0xD800...0xDBFF).contains(code) {
                guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                      let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
                else { throw error("unpaired UTF-16 surrogate escape", at: escapePlace) }
                for _ in 0..<6 { advance() }
                scalarValue = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("unpaired UTF-16 surrogate escape", at: escapePlace)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw error("invalid \\u escape", at: escapePlace) }
            let utf8 = Array(String(Character(scalar)).utf8)
            out.append(contentsOf: utf8)
            if scalarValue > 0xFFFF, collectsYAMLRewrites { yamlRewrites.append((escapeStart..<i, String(Character(scalar)))) }
        }
        // The input came from a Swift String and escapes produce whole scalars: always valid UTF-8.
        return String(decoding: out, as: UTF8.self)
    }

    /// `\uXXXX` (upper-case hex) for a BMP scalar value.
    static func uEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` as a JSON string literal: `"` and `\` escaped, control characters
    /// as `\n`, `\t`, … or `\u00XX`; everything else as UTF-8.
    /// - Complexity: O(n).
    static func quote(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if s.value < 0x20 || s.value == 0x7F || s.value == 0x2028 || s.value == 0x2029 {
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}

private extension String {
    /// `'x'` as `x` (for a character already described in quotes).
    var trimmingQuotes: String {
        count >= 3 && hasPrefix("'") && hasSuffix("'") ? String(dropFirst().dropLast()) : self
    }
}
