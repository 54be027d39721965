import GraphModel

/// relgraph fields spelt as attributes, in the fixed order every writer uses.
enum ExportFields {
    /// Node fields, in order, as (attribute name, value); absent fields are left out.
    static let nodeFieldNames = ["kind", "name", "aliases", "start", "end", "description"]
    /// Edge fields, in order; `weight` and `confidence` are numbers.
    static let edgeFieldNames = ["kind", "date", "start", "end", "evidence", "source", "weight", "confidence"]

    static func nodeFields(_ e: Entity) -> [(String, String)] {
        var out: [(String, String)] = [("kind", e.kind), ("name", e.name)]
        if !e.aliases.isEmpty { out.append(("aliases", AttributeNaming.joinAliases(e.aliases))) }
        if let s = e.start { out.append(("start", s.description)) }
        if let t = e.end { out.append(("end", t.description)) }
        if let d = e.description { out.append(("description", d)) }
        return out
    }

    static func edgeFields(_ r: Relation) -> [(String, String)] {
        var out: [(String, String)] = [("kind", r.kind)]
        if let d = r.date { out.append(("date", d.description)) }
        if let s = r.start { out.append(("start", s.description)) }
        if let t = r.end { out.append(("end", t.description)) }
        if let ev = r.evidence {
            // An empty text with a source is written as the source alone.
            if !ev.text.isEmpty || ev.source == nil { out.append(("evidence", ev.text)) }
            if let s = ev.source { out.append(("source", s)) }
        }
        if let w = r.weight { out.append(("weight", number(w))) }
        if let c = r.confidence { out.append(("confidence", number(c))) }
        return out
    }

    /// Free attributes under their exported names, sorted by exported name.
    static func freeFields(_ attributes: [String: String]) -> [(String, String)] {
        attributes.map { (AttributeNaming.exported($0.key), $0.value) }.sorted { $0.0 < $1.0 }
    }

    /// Every exported free attribute name used by `items`, sorted.
    static func freeNames(_ items: [[String: String]]) -> [String] {
        var names = Set<String>()
        for a in items { for k in a.keys { names.insert(AttributeNaming.exported(k)) } }
        return names.sorted()
    }

    /// The shortest text that reads back as the same Double (`1.0`, `0.25`, `1e-05`).
    static func number(_ d: Double) -> String { "\(d)" }
}

extension AttributedGraph {
    /// The graph as attributes, spelt the way ``GraphImporter`` reads them back
    /// (see ``AttributeNaming``): a directed graph whose nodes carry `kind`,
    /// `name`, `aliases`, `start`, `end`, `description` and the free attributes,
    /// and whose edges carry `kind`, `date`, `start`, `end`, `evidence`,
    /// `source`, `weight`, `confidence` and the free attributes.
    /// - Complexity: O(V + E) times the attributes per item.
    public init(_ graph: Graph) {
        self.init(directed: true)
        attributes["name"] = graph.name
        if let d = graph.description { attributes["description"] = d }
        for e in graph.entities {
            var a: [String: String] = [:]
            for (k, v) in ExportFields.nodeFields(e) + ExportFields.freeFields(e.attributes) { a[k] = v }
            addNode(e.id, attributes: a)
        }
        for r in graph.relations {
            var a: [String: String] = [:]
            for (k, v) in ExportFields.edgeFields(r) + ExportFields.freeFields(r.attributes) { a[k] = v }
            addEdge(from: r.from, to: r.to, attributes: a)
        }
    }
}
