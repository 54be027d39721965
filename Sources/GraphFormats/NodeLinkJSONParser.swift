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
            return "{" + members.map { NodeLinkJSONParser.quote($0.key) + ":" + $0.value.compactText }.joined(separator: ",") + "}"
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .string(let s): return NodeLinkJSONParser.quote(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// A small JSON parser that reports file:line:column (columns count Unicode
/// scalars from 1), which Foundation's JSONSerialization does not.
struct NodeLinkJSONParser {
    let file: String
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var column = 1
    var depth = 0
    static let maxDepth = 256

    init(_ text: String, file: String) {
        self.file = file
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
    }

    /// Parses one JSON document.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the offending character.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) throws(GraphFormatsError) -> LocatedJSON {
        var p = NodeLinkJSONParser(text, file: file)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.i < p.bytes.count { throw p.error("unexpected text after the JSON value") }
        return v
    }

    var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func error(_ message: String) -> GraphFormatsError { .syntax(here, message) }

    mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { advance() }
    }

    func describeCurrent() -> String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16))"
    }

    mutating func value() throws(GraphFormatsError) -> LocatedJSON {
        guard i < bytes.count else { throw error("expected a JSON value, found the end of the file") }
        let start = here
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            if depth > NodeLinkJSONParser.maxDepth { throw error("JSON nested more than \(NodeLinkJSONParser.maxDepth) levels deep") }
            advance()
            var members: [(key: String, value: LocatedJSON)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { advance(); return LocatedJSON(value: .object(members), location: start) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error("expected a quoted member name, found \(describeCurrent())")
                }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after member name, found \(describeCurrent())") }
                advance()
                skipSpace()
                members.append((key, try value()))
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file inside an object (missing '}')") }
                if bytes[i] == UInt8(ascii: ",") { advance(); continue }
                if bytes[i] == UInt8(ascii: "}") { advance(); break }
                throw error("expected ',' or '}' in an object, found \(describeCurrent())")
            }
            return LocatedJSON(value: .object(members), location: start)
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > NodeLinkJSONParser.maxDepth { throw error("JSON nested more than \(NodeLinkJSONParser.maxDepth) levels deep") }
            advance()
            var items: [LocatedJSON] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { advance(); return LocatedJSON(value: .array(items), location: start) }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw error("unexpected end of file inside an array (missing ']')") }
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
            throw error("expected a JSON value, found \(describeCurrent())")
        }
    }

    mutating func literal(_ word: String) throws(GraphFormatsError) {
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw error("invalid literal (expected '\(word)')") }
            advance()
        }
    }

    mutating func number() throws(GraphFormatsError) -> String {
        let from = i
        func digits(_ p: inout NodeLinkJSONParser) -> Int {
            var n = 0
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.advance(); n += 1 }
            return n
        }
        if bytes[i] == UInt8(ascii: "-") { advance() }
        let intStart = i
        if digits(&self) == 0 { throw error("invalid number: a digit is expected") }
        if bytes[intStart] == UInt8(ascii: "0") && i - intStart > 1 { throw error("invalid number: leading zero") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            advance()
            if digits(&self) == 0 { throw error("invalid number: a digit is expected after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            advance()
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { advance() }
            if digits(&self) == 0 { throw error("invalid number: a digit is expected in the exponent") }
        }
        return String(decoding: bytes[from..<i], as: UTF8.self)
    }

    mutating func hex4() throws(GraphFormatsError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error("unexpected end of file in a \\u escape") }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape: \(describeCurrent()) is not a hex digit")
            }
            v = v * 16 + d
            advance()
        }
        return v
    }

    mutating func string() throws(GraphFormatsError) -> String {
        advance()  // opening quote
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unexpected end of file inside a string (missing '\"')") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { advance(); break }
            if b < 0x20 { throw error("control character 0x\(String(b, radix: 16)) inside a string (write it as an escape)") }
            if b != UInt8(ascii: "\\") { out.append(b); advance(); continue }
            advance()
            guard i < bytes.count else { throw error("unexpected end of file after '\\'") }
            let e = bytes[i]
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
                UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            ]
            if let s = simple[e] { out.append(s); advance(); continue }
            guard e == UInt8(ascii: "u") else { throw error("invalid escape '\\\(describeCurrent())' in a string") }
            advance()
            var code = try hex4()
            if (0xD800...0xDBFF).contains(code) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate in a \\u escape")
                }
                advance(); advance()
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("unpaired surrogate in a \\u escape")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        // The input came from a Swift String and escapes produce whole scalars: always valid UTF-8.
        return String(decoding: out, as: UTF8.self)
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
