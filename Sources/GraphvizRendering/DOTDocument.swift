/// A node read from DOT by cgraph.
///
/// `attributes` holds every attribute with a non-empty value, declared defaults
/// (`node [shape=box]`) applied exactly as Graphviz applies them. Values are the
/// text of the DOT source after DOT unquoting (only `\"` is an escape there, so
/// `\n` or `\\` come back as written). An HTML-like label (`label=<<b>x</b>>`) is
/// returned as its HTML text without the outer angle brackets, and its attribute
/// name is listed in `htmlAttributes`.
public struct DOTNode: Sendable, Equatable {
    public var id: String
    public var attributes: [String: String]
    /// Named subgraphs (clusters included) holding this node, outermost first,
    /// siblings in file order. Anonymous subgraphs (`{ rank=same; a b }`) are not listed.
    public var subgraphs: [String]
    /// Names of the attributes whose value is an HTML-like string.
    public var htmlAttributes: Set<String>

    public init(id: String, attributes: [String: String] = [:], subgraphs: [String] = [], htmlAttributes: Set<String> = []) {
        self.id = id
        self.attributes = attributes
        self.subgraphs = subgraphs
        self.htmlAttributes = htmlAttributes
    }
}

/// An edge read from DOT by cgraph, in file order; parallel edges are kept.
///
/// Ports are attributes: `a:p1:n -> b:s` gives `tailport = "p1:n"`, `headport = "s"`.
/// `key` is the edge's `key` attribute (cgraph uses it as the edge name and does
/// not list it among the attributes).
public struct DOTEdge: Sendable, Equatable {
    public var tail: String
    public var head: String
    public var key: String?
    public var attributes: [String: String]
    /// Names of the attributes whose value is an HTML-like string.
    public var htmlAttributes: Set<String>

    public init(tail: String, head: String, key: String? = nil, attributes: [String: String] = [:], htmlAttributes: Set<String> = []) {
        self.tail = tail
        self.head = head
        self.key = key
        self.attributes = attributes
        self.htmlAttributes = htmlAttributes
    }
}

/// A named subgraph or cluster read from DOT.
public struct DOTSubgraph: Sendable, Equatable {
    public var name: String
    /// The nearest enclosing named subgraph; `nil` at top level.
    public var parent: String?
    /// Graph attributes set on the subgraph with a non-empty value.
    public var attributes: [String: String]
    public var htmlAttributes: Set<String>

    public init(name: String, parent: String? = nil, attributes: [String: String] = [:], htmlAttributes: Set<String> = []) {
        self.name = name
        self.parent = parent
        self.attributes = attributes
        self.htmlAttributes = htmlAttributes
    }
}

/// A DOT graph as cgraph reads it (see ``Graphviz/parse(dot:fileName:)``).
public struct DOTDocument: Sendable, Equatable {
    /// The graph's name; empty for an anonymous graph (`digraph { … }`).
    public var name: String
    public var isDirected: Bool
    public var isStrict: Bool
    /// Root graph attributes with a non-empty value.
    public var graphAttributes: [String: String]
    /// Nodes in file order (the order of first mention).
    public var nodes: [DOTNode]
    /// Edges in file order; a strict graph merges repeated edges as Graphviz does.
    public var edges: [DOTEdge]
    /// Named subgraphs in file order, each after its parent.
    public var subgraphs: [DOTSubgraph]
    /// Names of the root graph attributes whose value is an HTML-like string.
    public var htmlGraphAttributes: Set<String>
    /// Warnings cgraph reported while reading.
    public var warnings: [String]

    public init(
        name: String, isDirected: Bool, isStrict: Bool,
        graphAttributes: [String: String] = [:], nodes: [DOTNode] = [], edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = [], htmlGraphAttributes: Set<String> = [], warnings: [String] = []
    ) {
        self.name = name
        self.isDirected = isDirected
        self.isStrict = isStrict
        self.graphAttributes = graphAttributes
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
        self.htmlGraphAttributes = htmlGraphAttributes
        self.warnings = warnings
    }
}
