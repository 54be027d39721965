import Foundation
import GraphModel

/// Writes a graph as Cypher statements for Neo4j (or Memgraph), one per line,
/// each ending in `;` (the form `cypher-shell -f` runs):
///
/// ```
/// CREATE CONSTRAINT relgraph_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
/// MERGE (n:`Person` {id: 'trotsky'}) SET n.kind = 'person', n.name = 'Leon Trotsky', n.aliases = ['Trotsky'];
/// MATCH (a:`Person` {id: 'mercader'}), (b:`Person` {id: 'trotsky'}) CREATE (a)-[:`KILLED` {date: '1940-08-20'}]->(b);
/// ```
///
/// - One label per entity kind, in UpperCamelCase (`political_party` →
///   `PoliticalParty`), backtick-quoted with backticks doubled; the kind itself
///   is kept as the property `kind`, the id as the property `id`.
/// - One relationship type per relation kind, in upper snake case (`member_of`
///   → `MEMBER_OF`), backtick-quoted. Relationships are created (never merged),
///   so parallel relations stay apart. Neo4j relationships always have a
///   direction: a symmetric relation is stored from `from` to `to`, with the
///   property `symmetric: true`.
/// - Properties: strings single-quoted with `\\`, `\'`, `\n`, `\r`, `\t` and
///   `\uXXXX` for other control characters; aliases as a list of strings; dates
///   as their ISO text (`'1937'`, `'1940-08-20'`); weight and confidence as
///   floats; free attributes under their own names (backtick-quoted when needed).
///
/// What Cypher keeps: everything, as properties; the schema's drawing styles,
/// phrases and endpoint rules are not written.
public enum CypherWriter {
    /// The statements for `graph`, deterministic byte for byte.
    /// - Throws: ``GraphFormatsError/refused(_:)`` when a kind or an attribute
    ///   name holds a control character or line break: Cypher names cannot
    ///   escape them, and one statement per line would break.
    /// - Complexity: O(V + E) times the attributes per item.
    public static func write(_ graph: Graph) throws(GraphFormatsError) -> String {
        for e in graph.entities {
            try checkName(e.kind, "the kind of entity '\(e.id)'")
            for k in e.attributes.keys { try checkName(k, "the attribute name \(k.debugDescription) of entity '\(e.id)'") }
        }
        for r in graph.relations {
            try checkName(r.kind, "the kind of relation \(r.from) -> \(r.to)")
            for k in r.attributes.keys { try checkName(k, "the attribute name \(k.debugDescription) of relation \(r.from) -\(r.kind)-> \(r.to)") }
        }
        var out = "// \(line(graph.name)) — written by relgraph\n"
        var labels: [String: String] = [:]
        for e in graph.entities where labels[e.kind] == nil { labels[e.kind] = label(e.kind) }
        for kind in graph.schema.entityKinds.map(\.name) where labels[kind] != nil {
            let l = labels[kind] ?? ""
            out += "CREATE CONSTRAINT \(name("relgraph_\(kind)_id")) IF NOT EXISTS FOR (n:\(l)) REQUIRE n.id IS UNIQUE;\n"
        }
        for e in graph.entities {
            var props = ["n.kind = \(string(e.kind))", "n.name = \(string(e.name))"]
            if !e.aliases.isEmpty { props.append("n.aliases = [" + e.aliases.map(string).joined(separator: ", ") + "]") }
            if let s = e.start { props.append("n.start = \(string(s.description))") }
            if let t = e.end { props.append("n.end = \(string(t.description))") }
            if let d = e.description { props.append("n.description = \(string(d))") }
            for (k, v) in ExportFields.freeFields(e.attributes) { props.append("n.\(name(k)) = \(string(v))") }
            out += "MERGE (n:\(labels[e.kind] ?? label(e.kind)) {id: \(string(e.id))}) SET " + props.joined(separator: ", ") + ";\n"
        }
        let kindOf = Dictionary(graph.entities.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for r in graph.relations {
            var props: [String] = []
            if graph.schema.relationKind(r.kind)?.symmetric == true { props.append("symmetric: true") }
            if let d = r.date { props.append("date: \(string(d.description))") }
            if let s = r.start { props.append("start: \(string(s.description))") }
            if let t = r.end { props.append("end: \(string(t.description))") }
            if let ev = r.evidence {
                props.append("evidence: \(string(ev.text))")
                if let s = ev.source { props.append("source: \(string(s))") }
            }
            if let w = r.weight { props.append("weight: \(number(w))") }
            if let c = r.confidence { props.append("confidence: \(number(c))") }
            for (k, v) in ExportFields.freeFields(r.attributes) { props.append("\(name(k)): \(string(v))") }
            let a = labels[kindOf[r.from] ?? ""] ?? "", b = labels[kindOf[r.to] ?? ""] ?? ""
            let body = props.isEmpty ? "" : " {" + props.joined(separator: ", ") + "}"
            out += "MATCH (a:\(a) {id: \(string(r.from))}), (b:\(b) {id: \(string(r.to))}) "
                + "CREATE (a)-[:\(relationshipType(r.kind))\(body)]->(b);\n"
        }
        return out
    }

    /// A Cypher string literal.
    /// - Complexity: O(n).
    public static func string(_ text: String) -> String {
        var out = "'"
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 || s.value == 0x7F {
                    let hex = String(s.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "'"
    }

    /// A name (property, constraint) as is when it is a plain identifier, else backtick-quoted.
    public static func name(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || $0 == "_")) || ("0"..."9").contains($0) }
            && !(("0"..."9").contains(text.unicodeScalars.first ?? "0"))
        return plain ? text : quoted(text)
    }

    /// The node label for an entity kind: UpperCamelCase, backtick-quoted.
    public static func label(_ kind: String) -> String {
        let camel = kind.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return quoted(camel.isEmpty ? kind : camel)
    }

    /// The relationship type for a relation kind: upper snake case, backtick-quoted.
    public static func relationshipType(_ kind: String) -> String {
        quoted(kind.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_").uppercased())
    }

    static func checkName(_ text: String, _ what: @autoclosure () -> String) throws(GraphFormatsError) {
        for s in text.unicodeScalars where s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029 {
            throw .refused("Cypher cannot carry \(what()): a name cannot hold the control character or line break U+\(String(format: "%04X", s.value))")
        }
    }

    static func quoted(_ text: String) -> String { "`" + text.replacingOccurrences(of: "`", with: "``") + "`" }

    static func number(_ d: Double) -> String { ExportFields.number(d) }

    /// One-line text for a comment: control characters and line breaks become spaces.
    static func line(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 ? " " : Character($0) })
    }
}
