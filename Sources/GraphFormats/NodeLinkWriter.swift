import GraphModel

/// Writes node-link JSON that NetworkX's `node_link_graph` reads with its
/// defaults (NetworkX 3.6 expects the edge list under `"edges"`; D3 examples
/// use `"links"`: choose with ``EdgesKey``), and that ``NodeLinkReader`` +
/// ``GraphImporter`` read back into an equal graph.
///
/// Shape: `"directed": true`, `"multigraph": true` (parallel relations are
/// kept, each with its NetworkX `key`), `"graph": {"name", "description"}`,
/// one node object per line (`id`, `kind`, `name`, `aliases` as an array,
/// `start`, `end`, `description`, then free attributes sorted), one edge object
/// per line (`source`, `target`, `key`, `kind`, `date`, `start`, `end`,
/// `evidence`, `reference`, `weight` and `confidence` as numbers, then free
/// attributes sorted). Because `source` names the edge's start in node-link
/// JSON, the evidence's reference is written as `reference` (``referenceKey``),
/// which ``NodeLinkReader`` reads back as the reference.
///
/// What node-link JSON cannot carry here: the schema's drawing styles, phrases
/// and endpoint rules (added kinds come back with a neutral style), and the
/// difference between an empty alias list and none.
public enum NodeLinkWriter {
    /// Under which member the edge list is written.
    public enum EdgesKey: String, Sendable, CaseIterable {
        /// NetworkX ≥ 3.4's default.
        case edges
        /// D3's convention and NetworkX's older default.
        case links
    }

    /// The member name an evidence reference is written under (node-link JSON
    /// uses `source` for the edge's start).
    public static let referenceKey = "reference"

    /// The node-link document for `graph`, deterministic byte for byte.
    /// Free attributes named like a field are written as `attr:` + name;
    /// the evidence reference as `reference`.
    /// - Complexity: O(V + E) times the attributes per item.
    public static func write(_ graph: Graph, edgesKey: EdgesKey = .edges) -> String {
        let sink = TextSink()
        write(graph, edgesKey: edgesKey, to: sink)
        return sink.text
    }

    /// Writes the text of ``write(_:edgesKey:)`` to `path` atomically, in chunks
    /// as it is produced (the same bytes).
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: O(V + E) times the attributes per item.
    public static func write(_ graph: Graph, edgesKey: EdgesKey = .edges, toFile path: String) throws(GraphFormatsError) {
        try TextSink.writeFile(path) { sink in write(graph, edgesKey: edgesKey, to: sink) }
    }

    /// Appends the text of ``write(_:edgesKey:)`` to `out`.
    public static func write(_ graph: Graph, edgesKey: EdgesKey = .edges, to out: TextSink) {
        out += "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {\"name\": \(q(graph.name))"
        if let d = graph.description { out += ", \"description\": \(q(d))" }
        out += "},\n  \"nodes\": ["
        for (i, e) in graph.entities.enumerated() {
            var members = ["\"id\": \(q(e.id))", "\"kind\": \(q(e.kind))", "\"name\": \(q(e.name))"]
            if !e.aliases.isEmpty { members.append("\"aliases\": [" + e.aliases.map(q).joined(separator: ", ") + "]") }
            if let s = e.start { members.append("\"start\": \(q(s.description))") }
            if let t = e.end { members.append("\"end\": \(q(t.description))") }
            if let d = e.description { members.append("\"description\": \(q(d))") }
            for (k, v) in ExportFields.freeFields(e.attributes) { members.append("\(q(k)): \(q(v))") }
            out += (i == 0 ? "\n" : ",\n") + "    {" + members.joined(separator: ", ") + "}"
        }
        out += graph.entities.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"\(edgesKey.rawValue)\": ["
        var keys: [String: Int] = [:]
        for (i, r) in graph.relations.enumerated() {
            let pair = r.from + "\u{0}" + r.to
            let key = keys[pair, default: 0]
            keys[pair] = key + 1
            var members = ["\"source\": \(q(r.from))", "\"target\": \(q(r.to))", "\"key\": \(key)", "\"kind\": \(q(r.kind))"]
            if let d = r.date { members.append("\"date\": \(q(d.description))") }
            if let s = r.start { members.append("\"start\": \(q(s.description))") }
            if let t = r.end { members.append("\"end\": \(q(t.description))") }
            if let ev = r.evidence {
                if !ev.text.isEmpty || ev.source == nil { members.append("\"evidence\": \(q(ev.text))") }
                if let s = ev.source { members.append("\"\(referenceKey)\": \(q(s))") }
            }
            if let w = r.weight { members.append("\"weight\": \(ExportFields.number(w))") }
            if let c = r.confidence { members.append("\"confidence\": \(ExportFields.number(c))") }
            for (k, v) in ExportFields.freeFields(r.attributes) {
                // `reference` is a field here; keep a free attribute of that name apart.
                let name = k.lowercased() == referenceKey ? AttributeNaming.prefix + k : k
                members.append("\(q(name)): \(q(v))")
            }
            out += (i == 0 ? "\n" : ",\n") + "    {" + members.joined(separator: ", ") + "}"
        }
        out += graph.relations.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    }

    static func q(_ s: String) -> String { JSONParser.quote(s) }
}
