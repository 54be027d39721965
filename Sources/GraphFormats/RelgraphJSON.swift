import Foundation
import GraphModel

/// relgraph's own JSON: the same structure as the YAML graph file (see
/// `format.md`), for programs that prefer JSON.
///
/// Reading parses strict JSON (RFC 8259) into a located tree, reporting a
/// syntax error at its line and column, and ``YAMLGraphReader`` reads the graph
/// from that tree directly (the same checks and messages as for YAML), so
/// every later problem is located too.
/// Writing is deterministic: keys sorted (except the kinds under `schema`,
/// which keep schema order, the order legends list them in), two-space
/// indentation, entities and relations in graph order, integers without a fraction.
public enum RelgraphJSON: SinkWriter {
    /// Reads a graph from relgraph JSON text.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` for malformed JSON,
    ///   ``GraphFormatsError/invalidGraph(_:)`` with every problem otherwise.
    /// - Complexity: O(n + V + E) for n bytes of text.
    public static func read(_ text: String, fileName: String) throws(GraphFormatsError) -> Graph {
        try read(tree: JSONParser.parse(text, file: fileName), fileName: fileName)
    }

    /// Reads a graph from an already parsed JSON tree (a `.json` file is parsed
    /// once, to tell node-link from relgraph JSON and to read it).
    /// - Complexity: O(N + V + E) for N JSON values.
    static func read(tree: LocatedJSON, fileName: String) throws(GraphFormatsError) -> Graph {
        let result = try YAMLGraphReader.check(tree: GraphNode(json: tree), fileName: fileName)
        if let graph = result.graph { return graph }
        throw .invalidGraph(result.diagnostics)
    }



    /// Appends the JSON text of ``write(_:)`` to `out`: the top-level keys in
    /// sorted order, each entity and relation made and written one at a time.
    /// - Complexity: O(V + E + A).
    public static func write(_ graph: Graph, to out: TextSink) {
        var top: [String: Value] = ["relgraph": .number(1), "name": .string(graph.name)]
        if let d = graph.description { top["description"] = .string(d) }
        if !graph.sources.isEmpty {
            top["sources"] = .array(graph.sources.map { s in
                var o: [String: Value] = ["id": .string(s.id), "locators": .string(s.locators.rawValue)]
                if let t = s.title { o["title"] = .string(t) }
                if let p = s.path { o["path"] = .string(p) }
                return .object(o)
            })
        }
        let additions = GraphSchemaDiff.additions(graph.schema)
        let contradictions = graph.schema.contradictions.subtracting(Schema.standard.contradictions).sorted()
        if !additions.entityKinds.isEmpty || !additions.relationKinds.isEmpty || !contradictions.isEmpty {
            var schema: [String: Value] = [:]
            if !contradictions.isEmpty {
                schema["contradictions"] = .array(contradictions.map { .array([.string($0.first), .string($0.second)]) })
            }
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
        func entity(_ e: Entity) -> Value {
            var o: [String: Value] = ["id": .string(e.id), "kind": .string(e.kind), "name": .string(e.name)]
            if !e.aliases.isEmpty { o["aliases"] = .array(e.aliases.map(Value.string)) }
            let (startKey, endKey) = GraphSchemaDiff.dateKeys(forEntityKind: e.kind)
            if let s = e.start { o[startKey] = .string(s.description) }
            if let t = e.end { o[endKey] = .string(t.description) }
            if let d = e.description { o["description"] = .string(d) }
            if !e.attributes.isEmpty { o["attributes"] = .object(e.attributes.mapValues(Value.string)) }
            return .object(o)
        }
        func relation(_ r: Relation) -> Value {
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
        }
        // The top-level object as `Value.object` writes it (keys sorted), with the two
        // long arrays streamed item by item instead of held as one value.
        var keys = Array(top.keys) + ["entities", "relations"]
        keys.sort()
        out += "{\n"
        for (i, key) in keys.enumerated() {
            out += "  " + Value.quoted(key) + ": "
            switch key {
            case "entities": writeArray(graph.entities, entity, to: out)
            case "relations": writeArray(graph.relations, relation, to: out)
            default:
                var text = ""
                (top[key] ?? .null).write(to: &text, indent: 1)
                out += text
            }
            out += i == keys.count - 1 ? "\n" : ",\n"
        }
        out += "}\n"
    }

    /// An array at indent 1 of the top-level object, as `Value.array` writes it, one item at a time.
    private static func writeArray<T>(_ items: [T], _ value: (T) -> Value, to out: TextSink) {
        if items.isEmpty { out += "[]"; return }
        out += "[\n"
        var text = ""
        for (i, item) in items.enumerated() {
            text.removeAll(keepingCapacity: true)
            text += "    "
            value(item).write(to: &text, indent: 2)
            text += i == items.count - 1 ? "\n" : ",\n"
            out += text
        }
        out += "  ]"
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

/// Strict JSON checking (by ``JSONParser``) for text a YAML reader then reads.
enum JSONSyntax {
    /// Checks `text` is one JSON value and returns it with `\/` and UTF-16
    /// surrogate-pair escapes replaced by the characters they stand for
    /// (YAML's double-quoted strings know neither), raw characters YAML refuses
    /// or reads as line breaks escaped, and a leading byte-order mark dropped.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the offending character.
    /// - Complexity: O(n).
    static func check(_ text: String, fileName: String) throws(GraphFormatsError) -> String {
        var p = JSONParser(text, file: fileName, collectingYAMLRewrites: true)
        _ = try p.document()
        if p.yamlRewrites.isEmpty && p.bytes.count == text.utf8.count { return text }
        var out: [UInt8] = []
        out.reserveCapacity(p.bytes.count)
        var k = 0
        for (range, replacement) in p.yamlRewrites {
            out += p.bytes[k..<range.lowerBound]
            out += Array(replacement.utf8)
            k = range.upperBound
        }
        out += p.bytes[k...]
        return String(decoding: out, as: UTF8.self)
    }
}
