import Foundation
import GraphModel

/// Writes a graph as a relgraph YAML file (see `format.md`): deterministic,
/// diffable, entities and relations in graph order, keys in a fixed order,
/// strings quoted only when a plain scalar would not read back as the same
/// text (or would read as a number, boolean, date or null in other YAML tools).
///
/// Reading the output with ``YAMLGraphReader`` gives an equal `Graph`, provided
/// the graph's schema extends ``Schema/standard`` (only kinds that are new or
/// differ from the built-in ones are written under `schema:`).
///
/// Known limit: Yams drops a byte-order mark (U+FEFF) at the very start of any
/// scalar, however it is written, so such a leading character does not survive
/// a round trip (one anywhere else does).
public enum YAMLGraphWriter: SinkWriter {


    /// Appends the YAML text of ``write(_:)`` to `out`.
    /// - Complexity: O(V + E + A).
    public static func write(_ graph: Graph, to out: TextSink) {
        out += "relgraph: 1\n"
        out += "name: \(YAMLText.scalar(graph.name))\n"
        if let d = graph.description { out += "description: \(YAMLText.scalar(d))\n" }
        if !graph.sources.isEmpty {
            out += "sources:\n"
            for s in graph.sources {
                out += "  - id: \(YAMLText.scalar(s.id))\n"
                if let t = s.title { out += "    title: \(YAMLText.scalar(t))\n" }
                if let p = s.path { out += "    path: \(YAMLText.scalar(p))\n" }
                out += "    locators: \(s.locators.rawValue)\n"
            }
        }

        let additions = GraphSchemaDiff.additions(graph.schema)
        let contradictions = graph.schema.contradictions.subtracting(Schema.standard.contradictions).sorted()
        if !additions.entityKinds.isEmpty || !additions.relationKinds.isEmpty || !contradictions.isEmpty {
            out += "schema:\n"
            if !additions.entityKinds.isEmpty {
                out += "  entity_kinds:\n"
                for k in additions.entityKinds {
                    out += "    \(YAMLText.scalar(k.name)): {shape: \(YAMLText.scalar(k.shape, flow: true)), color: \(YAMLText.scalar(k.color, flow: true))}\n"
                }
            }
            if !additions.relationKinds.isEmpty {
                out += "  relation_kinds:\n"
                for k in additions.relationKinds {
                    var parts: [String] = []
                    if let from = k.fromKinds { parts.append("from: \(YAMLText.flowList(from.sorted()))") }
                    if let to = k.toKinds { parts.append("to: \(YAMLText.flowList(to.sorted()))") }
                    parts.append("forward: \(YAMLText.scalar(k.forward, flow: true))")
                    parts.append("inverse: \(YAMLText.scalar(k.inverse, flow: true))")
                    parts.append("symmetric: \(k.symmetric)")
                    parts.append("color: \(YAMLText.scalar(k.color, flow: true))")
                    parts.append("style: \(YAMLText.scalar(k.style, flow: true))")
                    out += "    \(YAMLText.scalar(k.name)): {\(parts.joined(separator: ", "))}\n"
                }
            }
            if !contradictions.isEmpty {
                out += "  contradictions:\n"
                for c in contradictions {
                    out += "    - \(YAMLText.flowList([c.first, c.second]))\n"
                }
            }
        }

        if graph.entities.isEmpty { out += "entities: []\n" } else {
            out += "entities:\n"
            for e in graph.entities {
                out += "  - id: \(YAMLText.scalar(e.id))\n"
                out += "    kind: \(YAMLText.scalar(e.kind))\n"
                out += "    name: \(YAMLText.scalar(e.name))\n"
                if !e.aliases.isEmpty { out += "    aliases: \(YAMLText.flowList(e.aliases))\n" }
                let (startKey, endKey) = GraphSchemaDiff.dateKeys(forEntityKind: e.kind)
                if let s = e.start { out += "    \(startKey): \(YAMLText.date(s))\n" }
                if let t = e.end { out += "    \(endKey): \(YAMLText.date(t))\n" }
                if let d = e.description { out += "    description: \(YAMLText.scalar(d))\n" }
                if !e.attributes.isEmpty { out += "    attributes: \(YAMLText.flowMap(e.attributes))\n" }
            }
        }

        if graph.relations.isEmpty { out += "relations: []\n" } else {
            out += "relations:\n"
            for r in graph.relations {
                out += "  - from: \(YAMLText.scalar(r.from))\n"
                out += "    kind: \(YAMLText.scalar(r.kind))\n"
                out += "    to: \(YAMLText.scalar(r.to))\n"
                if let d = r.date { out += "    date: \(YAMLText.date(d))\n" }
                if let s = r.start { out += "    start: \(YAMLText.date(s))\n" }
                if let t = r.end { out += "    end: \(YAMLText.date(t))\n" }
                if let ev = r.evidence {
                    if !ev.text.isEmpty || ev.source == nil { out += "    evidence: \(YAMLText.scalar(ev.text))\n" }
                    if let s = ev.source { out += "    source: \(YAMLText.scalar(s))\n" }
                }
                if let w = r.weight { out += "    weight: \(YAMLText.number(w))\n" }
                if let c = r.confidence { out += "    confidence: \(YAMLText.number(c))\n" }
                if !r.attributes.isEmpty { out += "    attributes: \(YAMLText.flowMap(r.attributes))\n" }
            }
        }
    }
}

/// What a graph's schema adds to ``Schema/standard``, and the date keys writers use.
enum GraphSchemaDiff {
    /// Kinds that are new or drawn/defined differently from the built-in ones, in schema order.
    static func additions(_ schema: Schema) -> (entityKinds: [EntityKind], relationKinds: [RelationKind]) {
        let standard = Schema.standard
        return (schema.entityKinds.filter { standard.entityKind($0.name) != $0 },
                schema.relationKinds.filter { standard.relationKind($0.name) != $0 })
    }

    /// born/died for persons, founded/dissolved for organizations, start/end otherwise.
    static func dateKeys(forEntityKind kind: String) -> (String, String) {
        switch kind {
        case "person": return ("born", "died")
        case "organization": return ("founded", "dissolved")
        default: return ("start", "end")
        }
    }
}

/// YAML scalar quoting: plain where that reads back unchanged and unambiguous, else double-quoted.
enum YAMLText {
    /// Words YAML 1.1 (and 1.2) tools read as booleans or null.
    static let reservedWords: Set<String> = [
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "=", "<<",
    ]

    /// `text` as a YAML scalar; `flow` when it sits inside `[...]` or `{...}`.
    static func scalar(_ text: String, flow: Bool = false) -> String {
        isPlainSafe(text, flow: flow) ? text : doubleQuoted(text)
    }

    static func isPlainSafe(_ s: String, flow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if reservedWords.contains(s.lowercased()) { return false }
        // Indicators, and anything that could start a number, date or special float.
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if s.contains(": ") || s.contains(" #") { return false }
        for u in s.unicodeScalars {
            switch u.value {
            case 0x20...0x7E:
                if flow && ",[]{}:".unicodeScalars.contains(u) { return false }
            case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                if u.value == 0xFEFF || u.value == 0x2028 || u.value == 0x2029 { return false }
            default:
                return false  // tabs, line breaks, control characters, U+0085, U+FFFE/F
            }
        }
        return true
    }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x00: out += "\\0"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                out.unicodeScalars.append(u)
            case 0...0xFF: out += String(format: "\\x%02X", u.value)
            default: out += String(format: "\\u%04X", u.value)
            }
        }
        return out + "\""
    }

    static func flowList(_ items: [String]) -> String {
        "[" + items.map { scalar($0, flow: true) }.joined(separator: ", ") + "]"
    }

    /// Keys sorted, for determinism.
    static func flowMap(_ map: [String: String]) -> String {
        "{" + map.keys.sorted().map { "\(scalar($0, flow: true)): \(scalar(map[$0] ?? "", flow: true))" }
            .joined(separator: ", ") + "}"
    }

    static func date(_ d: PartialDate) -> String {
        let text = d.description
        return text.hasPrefix("-") ? doubleQuoted(text) : text
    }

    /// Integers without a fraction; otherwise Swift's shortest round-tripping form.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
