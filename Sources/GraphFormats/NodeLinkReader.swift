import GraphModel

/// Reads node-link JSON as NetworkX's `node_link_data` and D3 write it:
/// `{"directed": …, "multigraph": …, "graph": {…}, "nodes": [{"id": …}, …],
/// "edges" | "links": [{"source": …, "target": …}, …]}`.
///
/// - `directed` defaults to `false` (as in NetworkX); `multigraph` is ignored
///   (relgraph graphs are multigraphs).
/// - Ids may be strings or numbers (numbers keep their text: `1`, `2.5`).
///   Nodes without an `id` are named by their position (`"0"`, `"1"`…), which is
///   how D3 links refer to them by index; an endpoint may also be an object
///   with an `id` (as D3 leaves links after a simulation).
/// - `edges` is read when present, else `links`.
/// - An edge's `reference` is the evidence's reference (what relgraph's
///   importer calls `source`, a name node-link JSON uses for the edge's start).
/// - Attribute values: strings as they are, numbers as written, booleans as
///   `true`/`false`, `null` dropped; an `aliases` array of strings becomes the
///   alias list; other arrays and objects are kept as compact JSON text.
public enum NodeLinkReader {
    /// Reads a node-link document.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column for
    ///   malformed JSON or a structure error (not an object, `nodes` not an
    ///   array, an id that is neither string nor number, an edge without `source`/`target`).
    /// - Complexity: O(n) in the length of the text.
    public static func read(_ text: String, file: String) throws(GraphFormatsError) -> AttributedGraph {
        try read(tree: JSONParser.parse(text, file: file), file: file)
    }

    /// Reads a node-link document already parsed (a `.json` file is parsed once,
    /// to tell node-link from relgraph JSON and to read it).
    /// - Complexity: O(N) for N JSON values.
    static func read(tree root: LocatedJSON, file: String) throws(GraphFormatsError) -> AttributedGraph {
        guard case .object = root.value else {
            throw .syntax(root.location, "node-link JSON must be an object with \"nodes\" and \"edges\" or \"links\"; found \(root.typeName)")
        }
        var g = AttributedGraph(file: file)
        if let d = root["directed"] {
            switch d.value {
            case .bool(let b): g.directed = b
            case .number(let n): g.directed = n != "0"
            default: throw .syntax(d.location, "\"directed\" must be true or false, found \(d.typeName)")
            }
        } else {
            g.directed = false
        }
        if let graph = root["graph"] {
            switch graph.value {
            case .object(let members):
                for (k, v) in members { if let t = attributeText(v, key: k) { g.attributes[k] = t } }
            case .null: break
            default:
                g.warnings.append(Diagnostic("\"graph\" is \(graph.typeName), not an object; ignored", at: graph.location, severity: .warning))
            }
        }
        let nodes = root["nodes"]
        var nodeItems: [LocatedJSON] = []
        if let nodes {
            guard case .array(let items) = nodes.value else {
                throw .syntax(nodes.location, "\"nodes\" must be an array, found \(nodes.typeName)")
            }
            nodeItems = items
        }
        let edgesField = root["edges"] != nil ? "edges" : "links"
        var edgeItems: [LocatedJSON] = []
        if let edges = root[edgesField] {
            guard case .array(let items) = edges.value else {
                throw .syntax(edges.location, "\"\(edgesField)\" must be an array, found \(edges.typeName)")
            }
            edgeItems = items
        }
        if nodes == nil && root[edgesField] == nil {
            throw .syntax(root.location, "node-link JSON has neither \"nodes\" nor \"edges\"/\"links\"")
        }
        for (index, item) in nodeItems.enumerated() {
            guard case .object(let members) = item.value else {
                throw .syntax(item.location, "node \(index) must be an object, found \(item.typeName)")
            }
            var id = String(index)
            var attrs: [String: String] = [:]
            for (k, v) in members {
                if k == "id" {
                    id = try identifier(v, what: "node id")
                } else if let t = attributeText(v, key: k) {
                    attrs[k] = t
                }
            }
            g.addNode(id, attributes: attrs, location: item.location)
        }
        for (index, item) in edgeItems.enumerated() {
            guard case .object(let members) = item.value else {
                throw .syntax(item.location, "\(edgesField.dropLast()) \(index) must be an object, found \(item.typeName)")
            }
            var source: String?, target: String?
            var attrs: [String: String] = [:]
            for (k, v) in members {
                switch k {
                case "source": source = try endpoint(v, what: "source")
                case "target": target = try endpoint(v, what: "target")
                case NodeLinkWriter.referenceKey: if let t = attributeText(v, key: k) { attrs["source"] = t }
                default: if let t = attributeText(v, key: k) { attrs[k] = t }
                }
            }
            guard let source else { throw .syntax(item.location, "\(edgesField.dropLast()) \(index) has no \"source\"") }
            guard let target else { throw .syntax(item.location, "\(edgesField.dropLast()) \(index) has no \"target\"") }
            g.addEdge(from: source, to: target, attributes: attrs, location: item.location)
        }
        return g
    }

    static func identifier(_ v: LocatedJSON, what: String) throws(GraphFormatsError) -> String {
        switch v.value {
        case .string(let s): return s
        case .number(let n): return n
        default: throw .syntax(v.location, "\(what) must be a string or a number, found \(v.typeName)")
        }
    }

    static func endpoint(_ v: LocatedJSON, what: String) throws(GraphFormatsError) -> String {
        if case .object = v.value, let id = v["id"] { return try identifier(id, what: what + " id") }
        return try identifier(v, what: what)
    }

    static func attributeText(_ v: LocatedJSON, key: String) -> String? {
        switch v.value {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return nil
        case .array(let items):
            if key.lowercased() == "aliases" {
                var names: [String] = []
                for item in items {
                    guard case .string(let s) = item.value else { return v.compactText }
                    names.append(s)
                }
                return AttributeNaming.joinAliases(names)
            }
            return v.compactText
        case .object: return v.compactText
        }
    }
}
