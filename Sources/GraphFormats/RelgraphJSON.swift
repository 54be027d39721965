import Foundation
import GraphModel

/// relgraph's own JSON: the same structure as the YAML graph file (see
/// `format.md`), for programs that prefer JSON.
///
/// Reading first checks the text is strict JSON (RFC 8259), reporting a
/// syntax error at its line and column; the checked text is then read by
/// ``YAMLGraphReader`` (JSON is YAML), so every later problem is located too.
/// Writing is deterministic: keys sorted (except the kinds under `schema`,
/// which keep schema order, the order legends list them in), two-space
/// indentation, entities and relations in graph order, integers without a fraction.
public enum RelgraphJSON {
    /// Reads a graph from relgraph JSON text.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` for malformed JSON,
    ///   ``GraphFormatsError/invalidGraph(_:)`` with every problem otherwise.
    /// - Complexity: O(n + V + E) for n bytes of text.
    public static func read(_ text: String, fileName: String) throws(GraphFormatsError) -> Graph {
        let checked = try JSONSyntax.check(text, fileName: fileName)
        return try YAMLGraphReader.read(checked, fileName: fileName)
    }

    /// The graph as relgraph JSON text, ending in a newline.
    /// - Complexity: O(V + E + A) for A aliases and attributes.
    public static func write(_ graph: Graph) -> String {
        var top: [String: Value] = ["relgraph": .number(1), "name": .string(graph.name)]
        if let d = graph.description { top["description"] = .string(d) }
        let additions = GraphSchemaDiff.additions(graph.schema)
        if !additions.entityKinds.isEmpty || !additions.relationKinds.isEmpty {
            var schema: [String: Value] = [:]
            if !additions.entityKinds.isEmpty {
                schema["entity_kinds"] = .orderedObject(additions.entityKinds.map {
                    ($0.name, Value.object(["shape": .string($0.shape), "color": .string($0.color)]))
                })
            }
            if !additions.relationKinds.isEmpty {
                schema["relation_kinds"] = .orderedObject(additions.relationKinds.map { k in
                    var o: [String: Value] = [
                        "forward": .string(k.forward), "inverse": .string(k.inverse), "symmetric": .bool(k.symmetric),
                        "color": .string(k.color), "style": .string(k.style),
                    ]
                    if let f = k.fromKinds { o["from"] = .array(f.sorted().map(Value.string)) }
                    if let t = k.toKinds { o["to"] = .array(t.sorted().map(Value.string)) }
                    return (k.name, Value.object(o))
                })
            }
            top["schema"] = .object(schema)
        }
        top["entities"] = .array(graph.entities.map { e in
            var o: [String: Value] = ["id": .string(e.id), "kind": .string(e.kind), "name": .string(e.name)]
            if !e.aliases.isEmpty { o["aliases"] = .array(e.aliases.map(Value.string)) }
            let (startKey, endKey) = GraphSchemaDiff.dateKeys(forEntityKind: e.kind)
            if let s = e.start { o[startKey] = .string(s.description) }
            if let t = e.end { o[endKey] = .string(t.description) }
            if let d = e.description { o["description"] = .string(d) }
            if !e.attributes.isEmpty { o["attributes"] = .object(e.attributes.mapValues(Value.string)) }
            return .object(o)
        })
        top["relations"] = .array(graph.relations.map { r in
            var o: [String: Value] = ["from": .string(r.from), "kind": .string(r.kind), "to": .string(r.to)]
            if let d = r.date { o["date"] = .string(d.description) }
            if let s = r.start { o["start"] = .string(s.description) }
            if let t = r.end { o["end"] = .string(t.description) }
            if let ev = r.evidence {
                if !ev.text.isEmpty || ev.source == nil { o["evidence"] = .string(ev.text) }
                if let s = ev.source { o["source"] = .string(s) }
            }
            if let w = r.weight { o["weight"] = .number(w) }
            if let c = r.confidence { o["confidence"] = .number(c) }
            if !r.attributes.isEmpty { o["attributes"] = .object(r.attributes.mapValues(Value.string)) }
            return .object(o)
        })
        var out = ""
        Value.object(top).write(to: &out, indent: 0)
        return out + "\n"
    }
}

extension RelgraphJSON {
    /// A JSON value for deterministic writing (objects emit their keys sorted).
    enum Value: Sendable {
        case string(String), number(Double), bool(Bool), null
        case array([Value]), object([String: Value])
        /// An object whose keys keep the given order (schema kinds: their order is the legend's).
        case orderedObject([(String, Value)])

        func write(to out: inout String, indent: Int) {
            let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
            switch self {
            case .string(let s): out += Value.quoted(s)
            case .number(let x): out += YAMLText.number(x)
            case .bool(let b): out += b ? "true" : "false"
            case .null: out += "null"
            case .array(let items):
                if items.isEmpty { out += "[]"; return }
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += pad
                    item.write(to: &out, indent: indent + 1)
                    out += i == items.count - 1 ? "\n" : ",\n"
                }
                out += close + "]"
            case .object(let o):
                Value.orderedObject(o.keys.sorted().map { ($0, o[$0] ?? .null) }).write(to: &out, indent: indent)
            case .orderedObject(let pairs):
                if pairs.isEmpty { out += "{}"; return }
                out += "{\n"
                for (i, (k, v)) in pairs.enumerated() {
                    out += pad + Value.quoted(k) + ": "
                    v.write(to: &out, indent: indent + 1)
                    out += i == pairs.count - 1 ? "\n" : ",\n"
                }
                out += close + "}"
            }
        }

        /// A JSON string literal. Control and non-printable characters (which YAML
        /// would refuse raw) are escaped as `\uXXXX`.
        static func quoted(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x09: out += "\\t"
                case 0x0D: out += "\\r"
                case 0x2028, 0x2029: out += String(format: "\\u%04X", u.value)  // line breaks to YAML and JavaScript
                case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                    out.unicodeScalars.append(u)
                default: out += String(format: "\\u%04X", u.value)
                }
            }
            return out + "\""
        }
    }
}

/// A strict JSON recogniser that reports the line and column of the first
/// syntax error, and normalises the escapes YAML reads differently.
enum JSONSyntax {
    /// Checks `text` is one JSON value and returns it with `\/` and UTF-16
    /// surrogate-pair escapes replaced by the characters they stand for
    /// (YAML's double-quoted strings know neither).
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the offending character.
    /// - Complexity: O(n).
    static func check(_ text: String, fileName: String) throws(GraphFormatsError) -> String {
        var p = Parser(bytes: Array(text.utf8), file: fileName)
        try p.skipSpace()
        try p.value(depth: 0)
        try p.skipSpace()
        if p.i < p.bytes.count { throw p.fail("unexpected text after the JSON value") }
        return p.replacements.isEmpty ? text : p.normalised()
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        var i = 0
        /// Byte ranges of escapes to replace, with their replacement text.
        var replacements: [(Range<Int>, String)] = []

        init(bytes: [UInt8], file: String) { self.bytes = bytes; self.file = file }

        func location(at index: Int) -> SourceLocation {
            var line = 1, column = 1
            for b in bytes[..<min(index, bytes.count)] {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return SourceLocation(file: file, line: line, column: column)
        }

        func fail(_ message: String, at index: Int? = nil) -> GraphFormatsError {
            let found = i < bytes.count ? "" : " (the text ends here)"
            return .syntax(location(at: index ?? i), "JSON syntax error: \(message)\(found)")
        }

        mutating func skipSpace() throws(GraphFormatsError) {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func value(depth: Int) throws(GraphFormatsError) {
            guard depth < 512 else { throw fail("nesting deeper than 512 levels") }
            guard i < bytes.count else { throw fail("expected a value") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                try skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
                while true {
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string key in double quotes") }
                    try string()
                    try skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after the key") }
                    i += 1
                    try skipSpace()
                    try value(depth: depth + 1)
                    try skipSpace()
                    guard i < bytes.count else { throw fail("expected ',' or '}'") }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return }
                    guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
                    i += 1
                    try skipSpace()
                }
            case UInt8(ascii: "["):
                i += 1
                try skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return }
                while true {
                    try value(depth: depth + 1)
                    try skipSpace()
                    guard i < bytes.count else { throw fail("expected ',' or ']'") }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return }
                    guard bytes[i] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
                    i += 1
                    try skipSpace()
                }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                throw fail("expected a value (object, array, string, number, true, false or null)")
            }
        }

        mutating func literal(_ word: String) throws(GraphFormatsError) {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
                throw fail("expected a value (object, array, string, number, true, false or null)")
            }
            i += w.count
        }

        mutating func number() throws(GraphFormatsError) {
            func digits(_ p: inout Parser) -> Int {
                let s = p.i
                while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 }
                return p.i - s
            }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            let start = i
            let n = digits(&self)
            if n == 0 { throw fail("expected a digit") }
            if n > 1, bytes[start] == UInt8(ascii: "0") { throw fail("numbers may not have leading zeros", at: start) }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                if digits(&self) == 0 { throw fail("expected a digit after '.'") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                if digits(&self) == 0 { throw fail("expected a digit in the exponent") }
            }
        }

        mutating func hex4(at k: Int) -> UInt32? {
            guard k + 4 <= bytes.count, let s = String(bytes: bytes[k..<(k + 4)], encoding: .ascii),
                  let v = UInt32(s, radix: 16) else { return nil }
            return v
        }

        mutating func string() throws(GraphFormatsError) {
            i += 1  // opening quote
            while true {
                guard i < bytes.count else { throw fail("unterminated string") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return }
                if b < 0x20 { throw fail("control character in a string (write it as an escape such as \\n)") }
                if b == 0x7F { replacements.append((i..<(i + 1), "\\u007F")); i += 1; continue }
                if b >= 0x80 {
                    // Raw characters YAML refuses or reads as line breaks become escapes.
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    let end = min(i + length, bytes.count)
                    if let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first,
                       [0x85, 0x2028, 0x2029, 0xFFFE, 0xFFFF].contains(scalar.value) || (0x80...0x9F).contains(scalar.value) {
                        replacements.append((i..<end, String(format: "\\u%04X", scalar.value)))
                    }
                    i = end
                    continue
                }
                if b != UInt8(ascii: "\\") { i += 1; continue }
                let escapeStart = i
                i += 1
                guard i < bytes.count else { throw fail("unterminated string") }
                switch bytes[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "/"):
                    i += 1
                    replacements.append((escapeStart..<i, "/"))
                case UInt8(ascii: "u"):
                    guard let v = hex4(at: i + 1) else { throw fail("expected four hex digits after \\u", at: escapeStart) }
                    i += 5
                    if (0xD800...0xDBFF).contains(v) {
                        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                              let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low),
                              let scalar = Unicode.Scalar(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))
                        else { throw fail("unpaired UTF-16 surrogate escape", at: escapeStart) }
                        i += 6
                        replacements.append((escapeStart..<i, String(Character(scalar))))
                    } else if (0xDC00...0xDFFF).contains(v) {
                        throw fail("unpaired UTF-16 surrogate escape", at: escapeStart)
                    }
                default:
                    throw fail("unknown escape '\\\(String(UnicodeScalar(bytes[i])))'", at: escapeStart)
                }
            }
        }

        func normalised() -> String {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var k = 0
            for (range, text) in replacements {
                out += bytes[k..<range.lowerBound]
                out += Array(text.utf8)
                k = range.upperBound
            }
            out += bytes[k...]
            return String(decoding: out, as: UTF8.self)
        }
    }
}
