import GraphModel

/// Reads GEXF 1.1, 1.2 and 1.3 (Gephi, NetworkX, relgraph's ``GEXFWriter``).
///
/// - `<meta><title>` and `<description>` become the graph's `name` and `description`.
/// - `defaultedgetype` (`directed`, `undirected`, `mutual`) and a per-edge `type`.
/// - Declared `<attributes>` (with `<default>`) are read by title from `<attvalues>`.
/// - A node's `label` becomes `label`; an edge's `label`, `weight` and (GEXF 1.3)
///   `kind` become attributes of those names, unless an attribute value of the
///   same name was given; the edge `id` is dropped.
/// - An edge's time — its `start`/`end` XML attributes or a single `<spell>` —
///   becomes `start`/`end` when no attribute value gives them.
/// - Nested nodes (hierarchies) are flattened; viz data (colour, position, size) is skipped.
public enum GEXFReader {
    /// Reads a GEXF document.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column for
    ///   malformed XML or a structure error (no `<graph>`, a node without `id`,
    ///   an edge without `source`/`target`, an attribute value for an undeclared attribute).
    /// - Complexity: O(n) in the size of the document.
    public static func read(_ text: String, file: String) throws(GraphFormatsError) -> AttributedGraph {
        let (root, xmlWarnings) = try XMLTree.parseWithWarnings(text, file: file)
        guard root.localName == "gexf" else {
            throw .syntax(root.location, "not a GEXF document: the root element is <\(root.name)>, expected <gexf>")
        }
        guard let graph = root.child(named: "graph") else { throw .syntax(root.location, "GEXF document has no <graph> element") }
        var g = AttributedGraph(file: file)
        g.warnings += xmlWarnings
        for extra in root.children(named: "graph").dropFirst() {
            g.warnings.append(Diagnostic("a second <graph> skipped: relgraph reads the first graph of a file", at: extra.location, severity: .warning))
        }
        if let meta = root.child(named: "meta") {
            if let t = meta.child(named: "title") { g.attributes["name"] = t.text }
            if let d = meta.child(named: "description") { g.attributes["description"] = d.text }
        }
        switch graph.attributes["defaultedgetype"] ?? "undirected" {
        case "directed": g.directed = true
        case "undirected", "mutual": g.directed = false
        case let other:
            throw .syntax(graph.location, "defaultedgetype is '\(other)', expected directed, undirected or mutual")
        }
        var declared: [String: [String: (title: String, defaultValue: String?)]] = ["node": [:], "edge": [:]]
        for block in graph.children(named: "attributes") {
            let cls = block.attributes["class"] ?? "node"
            for a in block.children(named: "attribute") {
                guard let id = a.attributes["id"] else { throw .syntax(a.location, "<attribute> has no 'id'") }
                declared[cls, default: [:]][id] = (a.attributes["title"] ?? id, a.child(named: "default")?.text)
            }
        }
        func values(_ element: XMLElementNode, cls: String) throws(GraphFormatsError) -> [String: String] {
            var attrs: [String: String] = [:]
            let decl = declared[cls] ?? [:]
            for v in element.child(named: "attvalues")?.children(named: "attvalue") ?? [] {
                guard let ref = v.attributes["for"] ?? v.attributes["id"] else { throw .syntax(v.location, "<attvalue> has no 'for'") }
                guard let d = decl[ref] else { throw .syntax(v.location, "<attvalue for=\"\(ref)\"> names an attribute that is not declared") }
                attrs[d.title] = v.attributes["value"] ?? ""
            }
            for (_, d) in decl.sorted(by: { $0.key < $1.key }) where attrs[d.title] == nil {
                if let def = d.defaultValue { attrs[d.title] = def }
            }
            return attrs
        }
        // Nested nodes (hierarchies) in document order, with an explicit stack.
        var pending: [XMLElementNode] = (graph.child(named: "nodes")?.children(named: "node") ?? []).reversed()
        while let n = pending.popLast() {
            guard let id = n.attributes["id"] else { throw .syntax(n.location, "<node> has no 'id'") }
            var attrs = try values(n, cls: "node")
            if let label = n.attributes["label"], attrs["label"] == nil { attrs["label"] = label }
            g.addNode(id, attributes: attrs, location: n.location)
            let times = ["start", "end", "startopen", "endopen"].filter { n.attributes[$0] != nil }
            if !times.isEmpty || n.child(named: "spells") != nil {
                let what = times.isEmpty ? "<spells>" : times.joined(separator: "/")
                g.warnings.append(Diagnostic(
                    "node '\(id)': \(what) skipped (relgraph entities have no time; only relations are dated)",
                    at: n.location, severity: .warning))
            }
            pending.append(contentsOf: (n.child(named: "nodes")?.children(named: "node") ?? []).reversed())
        }
        for e in graph.child(named: "edges")?.children(named: "edge") ?? [] {
            guard let s = e.attributes["source"] else { throw .syntax(e.location, "<edge> has no 'source'") }
            guard let t = e.attributes["target"] else { throw .syntax(e.location, "<edge> has no 'target'") }
            var attrs = try values(e, cls: "edge")
            for k in ["label", "weight", "kind"] where attrs[k] == nil {
                if let v = e.attributes[k] { attrs[k] = v }
            }
            let spells = e.child(named: "spells")?.children(named: "spell") ?? []
            let time = spells.count == 1 ? spells[0].attributes : e.attributes
            if attrs["start"] == nil && attrs["date"] == nil, let v = time["start"] { attrs["start"] = v }
            if attrs["end"] == nil && attrs["date"] == nil, let v = time["end"] { attrs["end"] = v }
            var directed: Bool?
            switch e.attributes["type"] {
            case "directed": directed = true
            case "undirected", "mutual": directed = false
            case nil: break
            case let other?: throw .syntax(e.location, "<edge> has type '\(other)', expected directed, undirected or mutual")
            }
            g.addEdge(from: s, to: t, attributes: attrs, directed: directed, location: e.location)
        }
        return g
    }
}
