import GraphModel

/// Writes a graph as GEXF 1.3 (`xmlns="http://gexf.net/1.3"`) for Gephi, whose
/// timeline can then play the relations through time; ``GEXFReader`` +
/// ``GraphImporter`` read it back into an equal graph.
///
/// - The graph is `mode="dynamic"`, `timeformat="date"`, `defaultedgetype="directed"`;
///   its name and description go to `<meta><title>`/`<description>`.
/// - Node attributes are declared (`kind`, `aliases`, `start`, `end`,
///   `description`, then one per free attribute, sorted); the node's `label` is
///   the entity's name.
/// - Edge attributes are declared (`kind`, `date`, `start`, `end`, `evidence`,
///   `source`, `confidence` as a double, then free attributes); the edge's
///   `label` is the relation kind and its `weight` the relation's weight.
/// - A dated relation gets one `<spell>`: `start`/`end` from its span (an open
///   end is left out), a point date as a spell from its first to its last day
///   (start = end for a full date; `1937` spans 1937-01-01 to 1937-12-31),
///   because GEXF dates are full `YYYY-MM-DD` dates. The exact partial dates are
///   kept in the `date`/`start`/`end` attributes. Entities get no spells: they
///   stay on the timeline throughout.
///
/// What GEXF cannot carry here: the schema's drawing styles, phrases and
/// endpoint rules; text XML 1.0 forbids (refused).
/// The document is deterministic byte for byte; a value holding a character XML 1.0
/// cannot carry is refused (``GraphFormatsError/refused(_:)``), naming the entity or relation.
public enum GEXFWriter: ThrowingSinkWriter {
    /// Appends the document of ``write(_:)`` to `out`.
    /// - Throws: ``GraphFormatsError/refused(_:)``.
    public static func write(_ graph: Graph, to out: TextSink) throws(GraphFormatsError) {
        let nodeFree = ExportFields.freeNames(graph.entities.map(\.attributes))
        let edgeFree = ExportFields.freeNames(graph.relations.map(\.attributes))
        func esc(_ s: String) -> String { XMLEscaping.escape(s, attribute: true) }
        out += """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
          <meta>
            <creator>relgraph</creator>

        """
        try XMLEscaping.check(graph.name, "the graph name", format: "GEXF")
        out += "    <title>\(XMLEscaping.escape(graph.name, attribute: false))</title>\n"
        if let d = graph.description {
            try XMLEscaping.check(d, "the graph description", format: "GEXF")
            out += "    <description>\(XMLEscaping.escape(d, attribute: false))</description>\n"
        }
        out += "  </meta>\n  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
        var nodeID: [String: String] = [:], edgeID: [String: String] = [:]
        out += "    <attributes class=\"node\" mode=\"static\">\n"
        for n in ExportFields.nodeFieldNames where n != "name" {
            nodeID[n] = n
            out += "      <attribute id=\"\(n)\" title=\"\(n)\" type=\"string\"/>\n"
        }
        for (i, n) in nodeFree.enumerated() {
            try XMLEscaping.check(n, "the attribute name '\(n)'", format: "GEXF")
            nodeID[n] = "a\(i)"
            out += "      <attribute id=\"a\(i)\" title=\"\(esc(n))\" type=\"string\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n"
        for n in ExportFields.edgeFieldNames where n != "weight" {
            edgeID[n] = n
            out += "      <attribute id=\"\(n)\" title=\"\(n)\" type=\"\(n == "confidence" ? "double" : "string")\"/>\n"
        }
        for (i, n) in edgeFree.enumerated() {
            try XMLEscaping.check(n, "the attribute name '\(n)'", format: "GEXF")
            edgeID[n] = "a\(i)"
            out += "      <attribute id=\"a\(i)\" title=\"\(esc(n))\" type=\"string\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for e in graph.entities {
            let what = "entity '\(e.id)'"
            try XMLEscaping.check(e.id, "the id of \(what)", format: "GEXF")
            try XMLEscaping.check(e.name, "the name of \(what)", format: "GEXF")
            out += "      <node id=\"\(esc(e.id))\" label=\"\(esc(e.name))\">\n        <attvalues>\n"
            for (k, v) in ExportFields.nodeFields(e) + ExportFields.freeFields(e.attributes) {
                guard let id = nodeID[k] else { continue }
                try XMLEscaping.check(v, "the \(k) of \(what)", format: "GEXF")
                out += "          <attvalue for=\"\(id)\" value=\"\(esc(v))\"/>\n"
            }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, r) in graph.relations.enumerated() {
            let what = "relation \(r.from) -\(r.kind)-> \(r.to)"
            var head = "      <edge id=\"\(i)\" source=\"\(esc(r.from))\" target=\"\(esc(r.to))\" label=\"\(esc(r.kind))\""
            if let w = r.weight { head += " weight=\"\(ExportFields.number(w))\"" }
            out += head + ">\n        <attvalues>\n"
            for (k, v) in ExportFields.edgeFields(r) + ExportFields.freeFields(r.attributes) {
                guard let id = edgeID[k] else { continue }
                try XMLEscaping.check(v, "the \(k) of \(what)", format: "GEXF")
                out += "          <attvalue for=\"\(id)\" value=\"\(esc(v))\"/>\n"
            }
            out += "        </attvalues>\n"
            if let spell = spell(r) { out += "        <spells>\n          <spell\(spell)/>\n        </spells>\n" }
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
    }

    /// ` start="…" end="…"` for a dated relation, `nil` for an undated one.
    static func spell(_ r: Relation) -> String? {
        var first: PartialDate?, last: PartialDate?
        if let d = r.date { first = d; last = d } else { first = r.start; last = r.end }
        guard first != nil || last != nil else { return nil }
        var s = ""
        if let first { s += " start=\"\(firstDay(first))\"" }
        if let last { s += " end=\"\(lastDay(last))\"" }
        return s
    }

    static func firstDay(_ d: PartialDate) -> String {
        PartialDate(year: d.year, month: d.month ?? 1, day: d.day ?? 1)?.description ?? d.description
    }

    static func lastDay(_ d: PartialDate) -> String {
        let m = d.month ?? 12
        var day = d.day ?? 31
        while day > 28, PartialDate(year: d.year, month: m, day: day) == nil { day -= 1 }
        return PartialDate(year: d.year, month: m, day: day)?.description ?? d.description
    }
}
