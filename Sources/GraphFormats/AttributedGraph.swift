import GraphModel

/// A graph as other tools see it: nodes and edges carrying text attributes,
/// nothing typed. Every foreign reader (DOT through Graphviz, GraphML, GEXF,
/// node-link JSON, CSV pair) produces one; ``GraphImporter`` turns it into a
/// ``GraphModel/Graph``.
///
/// Nodes and edges keep the order they were read in. Fill one by hand with
/// ``addNode(_:attributes:location:)`` and ``addEdge(from:to:attributes:directed:location:)``
/// (that is how a Graphviz `DOTDocument` is converted).
public struct AttributedGraph: Sendable, Equatable {
    /// A node: its id as the file wrote it and its attributes.
    public struct Node: Sendable, Equatable {
        public var id: String
        public var attributes: [String: String]
        /// Where the node was declared, when the reader knows.
        public var location: SourceLocation?

        public init(id: String, attributes: [String: String] = [:], location: SourceLocation? = nil) {
            self.id = id
            self.attributes = attributes
            self.location = location
        }
    }

    /// An edge between two node ids. `directed` overrides the graph's default
    /// for this edge (GraphML's per-edge `directed`, Gephi's `Type` column).
    public struct Edge: Sendable, Equatable {
        public var source: String
        public var target: String
        public var attributes: [String: String]
        public var directed: Bool?
        public var location: SourceLocation?

        public init(
            source: String, target: String, attributes: [String: String] = [:],
            directed: Bool? = nil, location: SourceLocation? = nil
        ) {
            self.source = source
            self.target = target
            self.attributes = attributes
            self.directed = directed
            self.location = location
        }

        /// Whether this edge is directed in a graph whose default is `graphDirected`.
        public func isDirected(in graphDirected: Bool) -> Bool { directed ?? graphDirected }
    }

    /// The default direction of edges.
    public var directed: Bool
    public var nodes: [Node]
    public var edges: [Edge]
    /// Graph-level attributes (`name` and `description` are used by the importer).
    public var attributes: [String: String]
    /// The file the graph was read from, for messages.
    public var file: String?
    /// What the reader skipped (yEd graphics, hyperedges, ports…); the
    /// importer passes them on.
    public var warnings: [Diagnostic]
    /// The Graphviz drawing attributes dropped so far from DOT nodes and edges
    /// (``addDOTNode(_:attributes:htmlAttributes:subgraphs:)``), behind their one warning.
    var droppedDrawing = DroppedDrawing()

    /// How many DOT nodes and edges lost drawing attributes, and their names.
    struct DroppedDrawing: Sendable, Equatable {
        var items = 0
        var names: Set<String> = []
    }

    public init(
        directed: Bool = true, nodes: [Node] = [], edges: [Edge] = [],
        attributes: [String: String] = [:], file: String? = nil, warnings: [Diagnostic] = []
    ) {
        self.directed = directed
        self.nodes = nodes
        self.edges = edges
        self.attributes = attributes
        self.file = file
        self.warnings = warnings
    }

    /// Appends a node.
    /// - Complexity: O(1) amortized.
    public mutating func addNode(_ id: String, attributes: [String: String] = [:], location: SourceLocation? = nil) {
        nodes.append(Node(id: id, attributes: attributes, location: location))
    }

    /// Appends an edge.
    /// - Complexity: O(1) amortized.
    public mutating func addEdge(
        from source: String, to target: String, attributes: [String: String] = [:],
        directed: Bool? = nil, location: SourceLocation? = nil
    ) {
        edges.append(Edge(source: source, target: target, attributes: attributes, directed: directed, location: location))
    }
}

/// How relgraph spells its own fields as attributes in the foreign formats,
/// shared by every writer and by ``GraphImporter`` so that a round trip is
/// lossless.
///
/// - Free attributes keep their name, unless the name is one the importer
///   reads as a field (``reservedNames``, compared ignoring case) or already
///   starts with `attr:`: then it is written as `attr:` + name, and the
///   importer strips one `attr:` prefix.
/// - Aliases travel in one text value, separated by `;`. Inside an alias a
///   backslash escapes the next character: `\;`, `\|`, `\\`, and leading or
///   trailing white space is escaped too (`\ `). On import both `;` and `|`
///   separate aliases, unescaped white space around each alias is trimmed and
///   empty aliases are dropped. (Node-link JSON writes aliases as an array.)
public enum AttributeNaming {
    /// Attribute names the importer reads as relgraph fields (lower case).
    public static let reservedNames: Set<String> = [
        "id", "kind", "type", "label", "name", "aliases", "born", "died", "start", "end", "founded",
        "dissolved", "description", "date", "evidence", "source", "target", "from", "to", "weight",
        "confidence", "key", "directed", "interval",
    ]

    static let prefix = "attr:"

    /// The name a free attribute is written under.
    /// - Complexity: O(n) in the length of the name.
    public static func exported(_ name: String) -> String {
        if reservedNames.contains(name.lowercased()) || name.lowercased().hasPrefix(prefix) { return prefix + name }
        return name
    }

    /// The free attribute name an exported name stands for.
    /// - Complexity: O(n) in the length of the name.
    public static func imported(_ name: String) -> String {
        name.lowercased().hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }

    /// Aliases joined into one value (see the type's documentation).
    /// - Complexity: O(n) in the total length.
    public static func joinAliases(_ aliases: [String]) -> String {
        aliases.map { alias -> String in
            var out = ""
            let scalars = Array(alias.unicodeScalars)
            for (i, s) in scalars.enumerated() {
                let edge = i == 0 || i == scalars.count - 1
                if s == "\\" || s == ";" || s == "|" || (edge && isSpace(s)) { out.unicodeScalars.append("\\") }
                out.unicodeScalars.append(s)
            }
            return out
        }.joined(separator: ";")
    }

    /// Aliases split from one value: `;` or `|` separate, `\` escapes.
    /// - Complexity: O(n) in the length of the value.
    public static func splitAliases(_ text: String) -> [String] {
        var result: [String] = []
        var current: [(Unicode.Scalar, escaped: Bool)] = []
        func flush() {
            var lo = 0, hi = current.count
            while lo < hi, !current[lo].escaped, isSpace(current[lo].0) { lo += 1 }
            while hi > lo, !current[hi - 1].escaped, isSpace(current[hi - 1].0) { hi -= 1 }
            var s = ""
            for item in current[lo..<hi] { s.unicodeScalars.append(item.0) }
            if !s.isEmpty { result.append(s) }
            current.removeAll(keepingCapacity: true)
        }
        var escape = false
        for s in text.unicodeScalars {
            if escape { current.append((s, true)); escape = false; continue }
            switch s {
            case "\\": escape = true
            case ";", "|": flush()
            default: current.append((s, false))
            }
        }
        if escape { current.append(("\\", true)) }
        flush()
        return result
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
}
