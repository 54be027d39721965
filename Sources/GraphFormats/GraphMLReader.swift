import Foundation
import GraphModel

/// Reads GraphML (http://graphml.graphdrawing.org) as written by NetworkX, yEd,
/// Gephi, Cytoscape and relgraph's ``GraphMLWriter``.
///
/// - `<key id for attr.name attr.type>` declarations, with an optional
///   `<default>` applied to every node or edge that lacks the value;
///   a key without `attr.name` is named by its `id`.
/// - `<graph edgedefault="directed|undirected">` and a per-edge `directed`.
/// - `<data key>` values are kept as text (typed values read back as they were written).
/// - yEd: a `yfiles.type="nodegraphics"`/`"edgegraphics"` value contributes
///   its `NodeLabel`/`EdgeLabel` text as `label`; other yEd graphics are skipped.
/// - Nested graphs (yEd groups) are flattened; hyperedges and ports are
///   skipped with a warning.
public enum GraphMLReader {
    /// Reads a GraphML document.
    /// - Parameters:
    ///   - text: the document.
    ///   - file: the path to name in messages.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column for
    ///   malformed XML or a GraphML structure error (no `<graph>`, a node
    ///   without `id`, an edge without `source`/`target`, a bad `edgedefault`).
    /// - Complexity: O(n) in the size of the document.
    public static func read(_ text: String, file: String) throws(GraphFormatsError) -> AttributedGraph {
        let (root, xmlWarnings) = try XMLTree.parseWithWarnings(text, file: file)
        guard root.localName == "graphml" else {
            throw .syntax(root.location, "not a GraphML document: the root element is <\(root.name)>, expected <graphml>")
        }
        var keys: [String: Key] = [:]
        var warnings = xmlWarnings
        for k in root.children(named: "key") {
            guard let id = k.attributes["id"] else { throw .syntax(k.location, "<key> has no 'id'") }
            let domain = k.attributes["for"] ?? "all"
            guard ["node", "edge", "graph", "all", "graphml", "hyperedge", "port", "endpoint"].contains(domain) else {
                throw .syntax(k.location, "<key id=\"\(id)\"> has an unknown 'for' value '\(domain)' (expected node, edge, graph or all)")
            }
            let name = k.attributes["attr.name"] ?? id
            if let same = keys.values.first(where: { $0.name == name && ($0.domain == domain || $0.domain == "all" || domain == "all") }) {
                warnings.append(Diagnostic(
                    "keys '\(same.id)' and '\(id)' both name the \(domain) attribute '\(name)': where both are given, the later <data> replaces the earlier",
                    at: k.location, severity: .warning))
            }
            keys[id] = Key(
                id: id,
                name: k.attributes["attr.name"] ?? id, domain: domain,
                yfiles: k.attributes["yfiles.type"], defaultValue: k.child(named: "default")?.text)
        }
        guard let graphElement = root.child(named: "graph") else {
            throw .syntax(root.location, "GraphML document has no <graph> element")
        }
        var result = AttributedGraph(file: file)
        result.warnings += warnings
        for extra in root.children(named: "graph").dropFirst() {
            let nodes = extra.descendants(named: "node").count, edges = extra.descendants(named: "edge").count
            result.warnings.append(Diagnostic(
                "a second <graph> skipped (\(nodes) node\(nodes == 1 ? "" : "s"), \(edges) edge\(edges == 1 ? "" : "s")): relgraph reads the first graph of a file",
                at: extra.location, severity: .warning))
        }
        let edgeDefault = graphElement.attributes["edgedefault"] ?? "directed"
        switch edgeDefault {
        case "directed": result.directed = true
        case "undirected": result.directed = false
        default:
            throw .syntax(graphElement.location, "edgedefault is '\(edgeDefault)', expected 'directed' or 'undirected'")
        }
        result.attributes = try values(of: graphElement, keys: keys, domain: "graph", warnings: &result.warnings)
        try collect(graphElement, keys: keys, into: &result)
        return result
    }

    struct Key {
        var id: String
        var name: String
        var domain: String
        var yfiles: String?
        var defaultValue: String?
    }

    /// Collects nodes and edges in document order, nested graphs where they stand,
    /// with an explicit stack (no recursion, whatever the nesting depth).
    static func collect(_ top: XMLElementNode, keys: [String: Key], into result: inout AttributedGraph) throws(GraphFormatsError) {
        var stack: [(graph: XMLElementNode, next: Int)] = [(top, 0)]
        while let (graph, index) = stack.last {
            guard index < graph.children.count else { stack.removeLast(); continue }
            stack[stack.count - 1].next = index + 1
            let child = graph.children[index]
            switch child.localName {
            case "node":
                guard let id = child.attributes["id"] else { throw .syntax(child.location, "<node> has no 'id'") }
                var attrs = try values(of: child, keys: keys, domain: "node", warnings: &result.warnings)
                applyDefaults(keys, domain: "node", to: &attrs)
                result.addNode(id, attributes: attrs, location: child.location)
                if !child.children(named: "port").isEmpty {
                    result.warnings.append(Diagnostic("ports of node '\(id)' skipped", at: child.location, severity: .warning))
                }
                for nested in child.children(named: "graph").reversed() { stack.append((nested, 0)) }
            case "edge":
                guard let s = child.attributes["source"] else { throw .syntax(child.location, "<edge> has no 'source'") }
                guard let t = child.attributes["target"] else { throw .syntax(child.location, "<edge> has no 'target'") }
                var directed: Bool?
                if let d = child.attributes["directed"] {
                    switch d {
                    case "true", "1": directed = true
                    case "false", "0": directed = false
                    default: throw .syntax(child.location, "<edge> has directed=\"\(d)\", expected true or false")
                    }
                }
                var attrs = try values(of: child, keys: keys, domain: "edge", warnings: &result.warnings)
                applyDefaults(keys, domain: "edge", to: &attrs)
                result.addEdge(from: s, to: t, attributes: attrs, directed: directed, location: child.location)
                for nested in child.children(named: "graph").reversed() { stack.append((nested, 0)) }
            case "hyperedge":
                result.warnings.append(Diagnostic("hyperedge skipped (relgraph relations join two entities)", at: child.location, severity: .warning))
            default:
                continue
            }
        }
    }

    static func values(
        of element: XMLElementNode, keys: [String: Key], domain: String, warnings: inout [Diagnostic]
    ) throws(GraphFormatsError) -> [String: String] {
        var attrs: [String: String] = [:]
        for data in element.children(named: "data") {
            guard let keyID = data.attributes["key"] else { throw .syntax(data.location, "<data> has no 'key'") }
            guard let key = keys[keyID] else {
                throw .syntax(data.location, "<data key=\"\(keyID)\"> names a key that is not declared")
            }
            if let y = key.yfiles {
                let label = y == "nodegraphics" ? "NodeLabel" : y == "edgegraphics" ? "EdgeLabel" : nil
                if let label, let first = data.descendants(named: label).first {
                    let text = first.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty, attrs["label"] == nil { attrs["label"] = text }
                }
                continue
            }
            attrs[key.name] = data.text
        }
        return attrs
    }

    static func applyDefaults(_ keys: [String: Key], domain: String, to attrs: inout [String: String]) {
        for key in keys.values.sorted(by: { $0.name < $1.name })
        where (key.domain == domain || key.domain == "all") && key.yfiles == nil {
            if let d = key.defaultValue, attrs[key.name] == nil { attrs[key.name] = d }
        }
    }
}
