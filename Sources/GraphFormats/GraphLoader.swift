import Foundation
import GraphModel
import GraphvizRendering

/// Every graph format relgraph knows, read or written: the one name the
/// library, the CLI, the examples and the benchmarks use for a format.
///
/// What a format can do is a property: ``canRead`` (``GraphLoader`` and
/// ``GraphFile/load(path:format:)`` read it), ``canWrite`` (``GraphFile/write(_:format:)``
/// and ``GraphFile/save(_:to:format:)`` write it), ``fileExtensions`` and
/// ``droppedFields`` (what writing it leaves out). To add a format: add a case,
/// answer those properties, and add a branch to ``GraphLoader/load(path:format:mapping:)``
/// and ``GraphFile/write(_:format:)``.
public enum GraphFormat: String, Sendable, CaseIterable, Hashable {
    /// The relgraph graph file (see `format.md`).
    case yaml
    /// relgraph's own JSON (the YAML structure).
    case json
    /// A CSV pair (`X.entities.csv` + `X.relations.csv`, Gephi's node/edge tables)
    /// or one CSV edge list (`source,target[,weight][,kind]`, read from bytes).
    case csv
    /// A network fixture: `X.edges.csv` (`source,target,weight,kind`) with
    /// `X.nodes.csv` and `X.meta.json` (see ``FixtureCSV``). Read only.
    case fixtureCSV = "fixture-csv"
    /// GraphML (NetworkX, yEd, Gephi, Cytoscape); see ``GraphMLReader`` / ``GraphMLWriter``.
    case graphml
    /// GEXF 1.3 for Gephi; see ``GEXFReader`` / ``GEXFWriter``.
    case gexf
    /// NetworkX / D3 node-link JSON (no extension of its own: `.json` is told
    /// from relgraph's JSON by its content).
    case nodeLink = "node-link"
    /// Graphviz DOT, read through Graphviz's own parser (cgraph), written by ``DOTWriter``.
    case dot
    /// Cypher statements for Neo4j / openCypher databases (written only).
    case cypher
    /// A Mermaid flowchart (written only).
    case mermaid

    /// Whether ``GraphLoader`` reads this format.
    public var canRead: Bool { self != .cypher && self != .mermaid }

    /// Whether ``GraphFile`` writes this format (every format but the read-only fixture CSV).
    public var canWrite: Bool { self != .fixtureCSV }

    /// The formats relgraph writes, in the order the command line lists them.
    public static let writable: [GraphFormat] = [.dot, .yaml, .json, .graphml, .gexf, .nodeLink, .csv, .cypher, .mermaid]

    /// The formats relgraph reads, in declaration order.
    public static var readable: [GraphFormat] { allCases.filter(\.canRead) }

    /// Lower-case extensions (without the dot) that name this format when
    /// writing. `.csv` is shared by the CSV pair and the fixture CSV, `.json`
    /// by relgraph and node-link JSON: reading tells them apart by content
    /// (``detect(path:)``); node-link JSON and the fixture have none of their own.
    public var fileExtensions: [String] {
        switch self {
        case .yaml: return ["yaml", "yml"]
        case .json: return ["json"]
        case .csv: return ["csv"]
        case .fixtureCSV, .nodeLink: return []
        case .graphml: return ["graphml"]
        case .gexf: return ["gexf"]
        case .dot: return ["dot", "gv"]
        case .cypher: return ["cypher", "cql"]
        case .mermaid: return ["mmd", "mermaid"]
        }
    }

    /// The format to write a file at `path` in, chosen by its extension
    /// (`nil` when no format claims it).
    /// - Complexity: O(1).
    public init?(writingPath path: String) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let f = GraphFormat.writable.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = f
    }

    /// The format named `name` (`dot`/`gv`, `csv`/`csv-pair`, `fixture-csv`, `node-link`, …).
    public init?(name: String) {
        switch name.lowercased() {
        case "gv": self = .dot
        case "csv-pair": self = .csv
        case "fixturecsv": self = .fixtureCSV
        case "yml": self = .yaml
        case "nodelink": self = .nodeLink
        default: self.init(rawValue: name.lowercased())
        }
    }

    /// Names accepted for reading, for messages.
    public static var readableNames: [String] { readable.map(\.rawValue) }

    /// The format of the file at `path` (`-`: standard input): by extension, and
    /// for `.csv` and `.json` (and standard input) by content — a fixture header
    /// (`source,target[,weight,kind]`) versus a CSV pair; node-link versus
    /// relgraph JSON, judged from the located JSON tree.
    /// - Throws: ``GraphFormatsError/unsupportedFormat(_:)`` when it cannot tell.
    /// - Complexity: O(1) by extension; O(n) for `.json` or standard input.
    public static func detect(path: String) throws(GraphFormatsError) -> GraphFormat {
        if path == "-" { return try sniff(GraphFile.readBytes("-")) }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch ext {
        case "dot", "gv": return .dot
        case "csv": return csvFlavour(firstLine(path) ?? "")
        case "json": return GraphFile.jsonFlavour(path: path) == .nodeLink ? .nodeLink : .json
        case "yaml", "yml": return .yaml
        case "graphml": return .graphml
        case "gexf": return .gexf
        default:
            throw .unsupportedFormat("cannot tell the format of '\(path)' from its extension; name one of "
                + readableNames.joined(separator: ", "))
        }
    }

    /// The format of text already in memory, named `fileName`: by extension
    /// (`.csv` by its header: a fixture or a CSV edge list; `.json` by its
    /// top-level keys: node-link or relgraph JSON); YAML when the name has no
    /// extension relgraph knows.
    /// - Complexity: O(1), or O(n) for `.json`.
    static func guess(fileName: String, text: String) -> GraphFormat {
        let ext = URL(fileURLWithPath: fileName).pathExtension.lowercased()
        switch ext {
        case "csv":
            return csvFlavour(text.prefix(4096).split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        case "json":
            guard let tree = try? JSONParser.parse(text, file: fileName) else { return .json }
            return GraphFile.jsonFlavour(tree)
        default:
            return allCases.first { $0.fileExtensions.contains(ext) } ?? .yaml
        }
    }

    static func csvFlavour(_ header: String) -> GraphFormat {
        let h = header.lowercased().replacingOccurrences(of: " ", with: "")
        return h == "source,target,weight,kind" || h == "source,target" ? .fixtureCSV : .csv
    }

    /// What bytes hold, judged by their first characters: `{` JSON, `<` GraphML
    /// or GEXF, `graph`/`digraph`/`strict` DOT, a first line with commas CSV, else YAML.
    static func sniff(_ bytes: [UInt8]) throws(GraphFormatsError) -> GraphFormat {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let text = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if text.hasPrefix("{") { return GraphFile.jsonFlavour(path: "-") == .nodeLink ? .nodeLink : .json }
        if text.hasPrefix("<") { return head.contains("<gexf") ? .gexf : .graphml }
        let word = text.prefix { $0.isLetter }.lowercased()
        if ["graph", "digraph", "strict"].contains(word) { return .dot }
        if let line = text.split(whereSeparator: \.isNewline).first, line.contains(","), !line.contains(":") {
            return csvFlavour(String(line))
        }
        return .yaml
    }

    static func firstLine(_ path: String) -> String? {
        guard let bytes = try? GraphFile.readBytes(path) else { return nil }
        return String(decoding: bytes.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    }
}

/// A graph as read, with what the reader said about it.
public struct LoadedGraph: Sendable {
    public var graph: Graph
    /// Import warnings (what a foreign format could not carry, kinds added…), located.
    public var warnings: [Diagnostic]
    /// The direction the file declares: `true` for a fixture whose `meta.json`
    /// says `"directed": true`, GraphML `edgedefault="directed"`, a DOT `digraph`,
    /// node-link `"directed": true`; `false` when declared undirected; `nil` when
    /// the format says nothing (relgraph YAML/JSON, whose relation kinds carry
    /// their own direction; CSV pairs) and when every tie of a foreign file names
    /// its relation kind (a typed graph such as relgraph's own GraphML or DOT
    /// export: each kind's schema says whether it is directed or symmetric, and the
    /// file's global flag is only the container's).
    public var directed: Bool?
    /// The format it was read as.
    public var format: GraphFormat
}

/// The one entry point for reading a graph file of any format (the CLI, the
/// examples and the benchmarks call it).
public enum GraphLoader {
    /// Reads the graph at `path` (`-`: standard input).
    /// - Parameters:
    ///   - format: the format, or `nil` to ``GraphFormat/detect(path:)`` it.
    ///   - mapping: how foreign attributes become relgraph fields (foreign formats only).
    /// - Throws: ``GraphFormatsError`` naming file:line:column for every problem.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func load(
        path: String, format requested: GraphFormat? = nil, mapping: ImportMapping = ImportMapping()
    ) throws(GraphFormatsError) -> LoadedGraph {
        var isDirectory: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .io(path: path, "is a directory, not a graph file")
        }
        if requested == nil || requested == .json || requested == .nodeLink, isJSON(path: path) {
            return try loadJSON(path: path, requested: requested, mapping: mapping)
        }
        let format: GraphFormat
        if let requested { format = requested } else { format = try GraphFormat.detect(path: path) }
        switch format {
        case .yaml, .json:
            let graph = try GraphFile.load(text: GraphFile.readText(path), fileName: path, format: format)
            return LoadedGraph(graph: graph, warnings: [], directed: nil, format: format)
        case .fixtureCSV:
            return LoadedGraph(graph: try FixtureCSV.load(path: path), warnings: [],
                               directed: FixtureCSV.declaredDirection(path: path), format: format)
        case .csv:
            let (entities, relations) = csvPairPaths(path)
            let r = try GraphImporter.readCSVPair(entitiesPath: entities, relationsPath: relations, mapping: mapping)
            return LoadedGraph(graph: r.graph, warnings: r.warnings, directed: nil, format: format)
        case .graphml, .gexf, .nodeLink:
            let r = try GraphImporter.read(text: GraphFile.readText(path), fileName: path, format: format, mapping: mapping)
            return LoadedGraph(graph: r.graph, warnings: r.warnings, directed: declaredDirection(r, mapping), format: format)
        case .dot:
            let r = try readDOT(text: GraphFile.readText(path), fileName: path, mapping: mapping)
            return LoadedGraph(graph: r.graph, warnings: r.warnings, directed: declaredDirection(r, mapping), format: format)
        case .cypher, .mermaid:
            throw .unsupportedFormat("\(format.rawValue) is written, not read")
        }
    }

    /// Whether the file is JSON: a `.json` name, or standard input starting with `{`.
    static func isJSON(path: String) -> Bool {
        if path == "-" {
            guard let bytes = try? GraphFile.readBytes("-") else { return false }
            return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
        }
        return URL(fileURLWithPath: path).pathExtension.lowercased() == "json"
    }

    /// A JSON file parsed once: the tree tells node-link from relgraph JSON
    /// (unless the format is given) and is then read as that.
    /// - Complexity: O(n + V + E) for n bytes.
    static func loadJSON(path: String, requested: GraphFormat?, mapping: ImportMapping) throws(GraphFormatsError) -> LoadedGraph {
        let tree = try JSONParser.parse(GraphFile.readText(path), file: path)
        let format = requested ?? (GraphFile.jsonFlavour(tree) == .nodeLink ? .nodeLink : .json)
        if format == .nodeLink {
            let r = try GraphImporter.readNodeLink(tree: tree, fileName: path, mapping: mapping)
            return LoadedGraph(graph: r.graph, warnings: r.warnings, directed: declaredDirection(r, mapping), format: format)
        }
        return LoadedGraph(graph: try RelgraphJSON.read(tree: tree, fileName: path), warnings: [], directed: nil, format: format)
    }

    /// The file's declared direction, unless every tie names its relation kind
    /// (then each kind's own direction rules, as in a relgraph file).
    /// - Complexity: O(E).
    static func declaredDirection(_ result: ImportResult, _ mapping: ImportMapping) -> Bool? {
        let relations = result.graph.relations
        let typed = !relations.isEmpty && relations.allSatisfy { $0.kind != mapping.defaultRelationKind }
        return typed ? nil : result.directed
    }

    /// A DOT graph as a relgraph ``Graph``, parsed by Graphviz's own parser:
    /// relgraph's escapes are undone in a graph written with them
    /// (`DOTDocument.undoRelgraphEscapes()`, so that relgraph's DOT export
    /// comes back exactly); node and edge attributes go
    /// through ``ImportMapping``; an edge that names its `kind` drops its drawing
    /// `label`; the legend relgraph draws into its own exports (`cluster_legend`)
    /// is left out.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at Graphviz's line for malformed DOT.
    /// - Complexity: O(n + V + E).
    public static func readDOT(
        text: String, fileName: String, mapping: ImportMapping = ImportMapping()
    ) throws(GraphFormatsError) -> ImportResult {
        var document: DOTDocument
        do {
            document = try Graphviz.parse(dot: text, fileName: fileName)
        } catch {
            switch error {
            case let .syntax(file, line, column, message):
                throw .syntax(SourceLocation(file: file, line: line ?? 1, column: column ?? 1), message)
            case let .noGraph(file):
                throw .syntax(SourceLocation(file: file, line: 1, column: 1), "no graph found in the DOT text")
            default:
                throw .refused(error.errorDescription ?? "\(error)")
            }
        }
        let ours = document.usesRelgraphEscapes
        document.undoRelgraphEscapes()
        var foreign = AttributedGraph(directed: document.isDirected, file: fileName)
        if ours || !document.name.isEmpty { foreign.attributes["name"] = document.name }
        for (k, v) in document.graphAttributes where k == "name" || k == "description" {
            foreign.attributes[k] = document.htmlGraphAttributes.contains(k) ? AttributedGraph.dotHTMLText(v) : v
        }
        for n in document.nodes where !n.subgraphs.contains("cluster_legend") {
            foreign.addDOTNode(n.id, attributes: n.attributes, htmlAttributes: n.htmlAttributes, subgraphs: n.subgraphs)
        }
        for e in document.edges {
            var attrs = e.attributes
            if let key = e.key { attrs["key"] = key }
            if attrs["kind"] != nil { attrs["label"] = nil }
            foreign.addDOTEdge(tail: e.tail, head: e.head, attributes: attrs, htmlAttributes: e.htmlAttributes)
        }
        foreign.warnings += document.warnings.map {
            Diagnostic("graphviz: \($0)", at: SourceLocation(file: fileName, line: 1, column: 1), severity: .warning,
                       code: .dotGraphvizWarning)
        }
        var result = try GraphImporter.makeGraph(from: foreign, mapping: mapping)
        result.directed = document.isDirected
        return result
    }

    /// The two files of a CSV pair, given either one: `X.relations.csv` ↔
    /// `X.entities.csv`, `X.edges.csv` ↔ `X.nodes.csv` (the other one when it
    /// exists); a lone file is an entities table when its header has `id` and no
    /// `source`/`from`, else an edge list.
    /// - Complexity: O(1) file checks.
    public static func csvPairPaths(_ path: String) -> (entities: String?, relations: String?) {
        let fm = FileManager.default
        let pairs = [(".entities.csv", ".relations.csv"), (".nodes.csv", ".edges.csv")]
        for (e, r) in pairs {
            if path.hasSuffix(r) {
                let other = String(path.dropLast(r.count)) + e
                return (fm.fileExists(atPath: other) ? other : nil, path)
            }
            if path.hasSuffix(e) {
                let other = String(path.dropLast(e.count)) + r
                return (path, fm.fileExists(atPath: other) ? other : nil)
            }
        }
        let header = (GraphFormat.firstLine(path) ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\u{feff}")) }
        return header.contains("id") && !header.contains("source") && !header.contains("from") ? (path, nil) : (nil, path)
    }
}

extension DOTDocument {
    /// Whether the graph says it was written in relgraph's escapes (graph
    /// attribute ``DOTEscaping/escapesAttribute``, see ``DOTEscaping``).
    public var usesRelgraphEscapes: Bool { graphAttributes[DOTEscaping.escapesAttribute] == DOTEscaping.escapesVersion }

    /// Undoes relgraph's escapes (``DOTEscaping/unescape(_:)``) when the graph
    /// uses them, else does nothing: in the graph's name, node ids, edge ends, the
    /// graph's `name` and `description`, and the name and value of every node and
    /// edge attribute but `label` and the Graphviz drawing attributes (drawn
    /// text, which ``AttributedGraph/dotText(_:nodeID:)`` reads). Such a value is
    /// never HTML-like (cgraph says it is when an HTML-like string has the same
    /// text). A node with a `name` loses its `label`, the drawing of that name.
    /// The marker attribute itself is removed.
    /// - Complexity: O(n) in the total length of the names and values; a node or
    ///   edge without a backslash in its model attributes is left as it is.
    public mutating func undoRelgraphEscapes() {
        guard usesRelgraphEscapes else { return }
        func drawn(_ k: String) -> Bool { k == "label" || AttributedGraph.dotDrawingAttributes.contains(k) }
        func undo(_ attributes: inout [String: String]) {
            let backslash = UInt8(ascii: "\\")
            guard attributes.contains(where: { !drawn($0.key) && ($0.key.utf8.contains(backslash) || $0.value.utf8.contains(backslash)) })
            else { return }
            var out = [String: String](minimumCapacity: attributes.count)
            for (k, v) in attributes {
                if drawn(k) { out[k] = v } else { out[DOTEscaping.unescape(k)] = DOTEscaping.unescape(v) }
            }
            attributes = out
        }
        name = DOTEscaping.unescape(name)
        graphAttributes[DOTEscaping.escapesAttribute] = nil
        for k in ["name", "description"] {
            guard let v = graphAttributes[k] else { continue }
            graphAttributes[k] = DOTEscaping.unescape(v)
            htmlGraphAttributes.remove(k)
        }
        for i in nodes.indices {
            undo(&nodes[i].attributes)
            if !nodes[i].htmlAttributes.isEmpty { nodes[i].htmlAttributes = nodes[i].htmlAttributes.filter(drawn) }
            if nodes[i].attributes["name"] != nil {
                nodes[i].attributes["label"] = nil
                nodes[i].htmlAttributes.remove("label")
            }
            nodes[i].id = DOTEscaping.unescape(nodes[i].id)
        }
        for i in edges.indices {
            undo(&edges[i].attributes)
            if !edges[i].htmlAttributes.isEmpty { edges[i].htmlAttributes = edges[i].htmlAttributes.filter(drawn) }
            edges[i].tail = DOTEscaping.unescape(edges[i].tail)
            edges[i].head = DOTEscaping.unescape(edges[i].head)
        }
    }
}
