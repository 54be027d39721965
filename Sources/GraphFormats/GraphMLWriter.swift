import GraphModel

/// Writes a graph as GraphML that NetworkX, yEd, Gephi and Cytoscape read, and
/// that ``GraphMLReader`` + ``GraphImporter`` read back into an equal graph.
///
/// Keys are declared for the graph's `name` and `description`; for a node's
/// `kind`, `name`, `aliases` (`;`-separated, see ``AttributeNaming``), `start`,
/// `end`, `description`; for an edge's `kind`, `date`, `start`, `end`,
/// `evidence`, `source` (strings) and `weight`, `confidence` (doubles); and one
/// string key per free attribute name, sorted (a name the importer would read
/// as a field is written as `attr:` + name). Absent values are left out.
/// The graph is `edgedefault="directed"`: symmetric relations are written once,
/// from `from` to `to`.
///
/// What GraphML cannot carry here: the schema's drawing styles, phrases and
/// endpoint rules (kinds added to the standard schema come back with a neutral
/// style), and text XML 1.0 forbids (control characters other than tab,
/// newline and carriage return), which is refused.
/// The document is deterministic byte for byte; a value holding a character XML 1.0
/// cannot carry is refused (``GraphFormatsError/refused(_:)``), naming the entity or relation.
public enum GraphMLWriter: ThrowingSinkWriter {
    /// Appends the document of ``write(_:)`` to `out`.
    /// - Throws: ``GraphFormatsError/refused(_:)``.
    public static func write(_ graph: Graph, to out: TextSink) throws(GraphFormatsError) {
        let nodeFree = ExportFields.freeNames(graph.entities.map(\.attributes))
        let edgeFree = ExportFields.freeNames(graph.relations.map(\.attributes))
        var nodeKey: [String: String] = [:], edgeKey: [String: String] = [:]
        out += """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) throws(GraphFormatsError) {
            try XMLEscaping.check(name, "the attribute name '\(name)'", format: "GraphML")
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLEscaping.escape(name, attribute: true))\" attr.type=\"\(type)\"/>\n"
        }
        try key("g_name", "graph", "name", "string")
        try key("g_description", "graph", "description", "string")
        for n in ExportFields.nodeFieldNames {
            nodeKey[n] = "n_\(n)"
            try key("n_\(n)", "node", n, "string")
        }
        for (i, n) in nodeFree.enumerated() {
            nodeKey[n] = "n_a\(i)"
            try key("n_a\(i)", "node", n, "string")
        }
        for n in ExportFields.edgeFieldNames {
            edgeKey[n] = "e_\(n)"
            try key("e_\(n)", "edge", n, n == "weight" || n == "confidence" ? "double" : "string")
        }
        for (i, n) in edgeFree.enumerated() {
            edgeKey[n] = "e_a\(i)"
            try key("e_a\(i)", "edge", n, "string")
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        try XMLEscaping.check(graph.name, "the graph name", format: "GraphML")
        out += "    <data key=\"g_name\">\(XMLEscaping.escape(graph.name, attribute: false))</data>\n"
        if let d = graph.description {
            try XMLEscaping.check(d, "the graph description", format: "GraphML")
            out += "    <data key=\"g_description\">\(XMLEscaping.escape(d, attribute: false))</data>\n"
        }
        for e in graph.entities {
            let what = "entity '\(e.id)'"
            try XMLEscaping.check(e.id, "the id of \(what)", format: "GraphML")
            out += "    <node id=\"\(XMLEscaping.escape(e.id, attribute: true))\">\n"
            for (k, v) in ExportFields.nodeFields(e) + ExportFields.freeFields(e.attributes) {
                try XMLEscaping.check(v, "the \(k) of \(what)", format: "GraphML")
                out += "      <data key=\"\(nodeKey[k] ?? k)\">\(XMLEscaping.escape(v, attribute: false))</data>\n"
            }
            out += "    </node>\n"
        }
        for r in graph.relations {
            var what: String { "relation \(r.from) -\(r.kind)-> \(r.to)" }  // only for a refusal
            out += "    <edge source=\"\(XMLEscaping.escape(r.from, attribute: true))\" target=\"\(XMLEscaping.escape(r.to, attribute: true))\">\n"
            for (k, v) in ExportFields.edgeFields(r) + ExportFields.freeFields(r.attributes) {
                try XMLEscaping.check(v, "the \(k) of \(what)", format: "GraphML")
                out += "      <data key=\"\(edgeKey[k] ?? k)\">\(XMLEscaping.escape(v, attribute: false))</data>\n"
            }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
    }
}
