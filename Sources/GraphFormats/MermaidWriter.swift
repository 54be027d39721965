import GraphModel

/// Writes a graph as a Mermaid flowchart (`flowchart LR`) to paste into
/// Markdown (GitHub, GitLab, Obsidian render it):
///
/// ```
/// flowchart LR
///   n0["Ramón Mercader"]
///   n1["Leon Trotsky"]
///   n0 -->|"killed"| n1
///   n1 ---|"rival_of"| n2
///   classDef k0 fill:#dbeafe
///   class n0,n1 k0
/// ```
///
/// Nodes get synthetic ids (`n0`, `n1`… in entity order) so that no entity id
/// can break the syntax; labels are the entity names, double-quoted, with
/// Mermaid's entity codes for the characters that would end or confuse them:
/// `"` → `#quot;`, `#` → `#35;`, `&` → `#amp;`, `<` → `#lt;`, `>` → `#gt;`,
/// `;` → `#59;`, `|` → `#124;`, `` ` `` → `#96;`, other control characters and line separators
/// as `#N;`; a line break becomes `<br>`. Edges are labelled with the relation
/// kind; symmetric kinds are drawn `---` (no arrowhead). Each entity kind is a
/// class filled with its schema colour.
///
/// What Mermaid drops: ids, aliases, dates, descriptions, evidence, weights,
/// confidences and free attributes (it is a picture, not a data format).
public enum MermaidWriter: SinkWriter {


    /// Appends the flowchart of ``write(_:)`` to `out`.
    /// - Complexity: O(V + E) plus the length of the names.
    public static func write(_ graph: Graph, to out: TextSink) {
        out += "%% " + String(graph.name.unicodeScalars.map { isBreak($0) ? " " : Character($0) }) + "\n"
        out += "flowchart LR\n"
        var index: [String: Int] = [:]
        for (i, e) in graph.entities.enumerated() {
            index[e.id] = i
            out += "  n\(i)[\"\(escape(e.name))\"]\n"
        }
        for r in graph.relations {
            guard let a = index[r.from], let b = index[r.to] else { continue }
            let arrow = graph.schema.relationKind(r.kind)?.symmetric == true ? "---" : "-->"
            out += "  n\(a) \(arrow)|\"\(escape(r.kind))\"| n\(b)\n"
        }
        var members: [String: [Int]] = [:]
        for (i, e) in graph.entities.enumerated() { members[e.kind, default: []].append(i) }
        for (k, kind) in graph.schema.entityKinds.filter({ members[$0.name] != nil }).enumerated() {
            let fill = Schema.isValidColor(kind.color) ? kind.color : "#e5e7eb"
            out += "  classDef k\(k) fill:\(fill)\n"
            out += "  class "
            for (j, i) in (members[kind.name] ?? []).enumerated() { out += j == 0 ? "n\(i)" : ",n\(i)" }
            out += " k\(k)\n"
        }
    }

    /// Control characters and line separators (written as codes, never raw).
    static func isBreak(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
    }

    /// Text for inside a double-quoted Mermaid label.
    /// - Complexity: O(n).
    public static func escape(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case ";": out += "#59;"
            case "|": out += "#124;"
            case "`": out += "#96;"
            case "\n": out += "<br>"
            default:
                if isBreak(s) { out += "#\(s.value);" } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }
}
