import ArgumentParser
import Foundation
import GraphFormats
import GraphModel
import GraphvizRendering

/// Reads any graph file relgraph understands and prints import warnings (what a
/// foreign format could not carry) to standard error.
///
/// - DOT (`.dot`, `.gv`) goes through Graphviz's own parser, cgraph.
/// - `.json` is relgraph's own JSON, or node-link JSON when its top level has
///   `nodes` with `links`/`edges` (NetworkX, D3).
/// - `.csv` is a fixture edge list (`source,target,weight,kind`, with sibling
///   `X.nodes.csv`/`X.meta.json`) or else one file of a CSV pair: the other
///   file is found beside it (`X.relations.csv` ↔ `X.entities.csv`,
///   `X.edges.csv` ↔ `X.nodes.csv`) or named with `entities:` / `relations:`.
/// - everything else through ``GraphFile``, by extension.
func loadGraph(_ path: String, format: String? = nil, mapping: ImportMapping = ImportMapping(), quiet: Bool = false) throws -> Graph {
    try loadInput(path, format: format, mapping: mapping, quiet: quiet).graph
}

/// A graph as read, with the direction its file declares, if any.
struct LoadedInput {
    var graph: Graph
    /// `true` for a directed file (a fixture `meta.json` with `"directed": true`,
    /// GraphML `edgedefault="directed"`, a DOT `digraph`, node-link `"directed": true`),
    /// `false` for one declared undirected, `nil` when the format says nothing
    /// (relgraph YAML/JSON, whose relation kinds carry their own direction; CSV pairs).
    var directed: Bool?
}

/// ``loadGraph(_:format:mapping:quiet:)`` keeping the declared direction.
/// `-` reads standard input (the format from `--from`, else from the content).
func loadInput(_ path: String, format: String? = nil, mapping: ImportMapping = ImportMapping(), quiet: Bool = false) throws -> LoadedInput {
    var isDirectory: ObjCBool = false
    if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw fail("'\(path)' is a directory, not a graph file")
    }
    let chosen = try inputFormat(path, format)
    var result: ImportResult
    var directed: Bool?
    switch chosen {
    case .dot:
        let document = try Graphviz.parse(dot: try GraphFile.readText(path), fileName: path)
        var foreign = AttributedGraph(directed: document.isDirected, file: path)
        if !document.name.isEmpty { foreign.attributes["name"] = document.name }
        for (k, v) in document.graphAttributes where k == "name" || k == "description" {
            foreign.attributes[k] = document.htmlGraphAttributes.contains(k) ? AttributedGraph.dotHTMLText(v) : v
        }
        // The legend relgraph draws into its own DOT exports is not part of the graph.
        for n in document.nodes where !n.subgraphs.contains("cluster_legend") {
            foreign.addDOTNode(n.id, attributes: n.attributes, htmlAttributes: n.htmlAttributes, subgraphs: n.subgraphs)
        }
        for e in document.edges {
            var attrs = e.attributes
            if let key = e.key { attrs["key"] = key }
            // An edge that names its kind has a label only to be read in a drawing
            // (relgraph's own exports write the kind's phrase and date there).
            if attrs["kind"] != nil { attrs["label"] = nil }
            foreign.addDOTEdge(tail: e.tail, head: e.head, attributes: attrs, htmlAttributes: e.htmlAttributes)
        }
        directed = document.isDirected
        foreign.warnings += document.warnings.map { Diagnostic("graphviz: \($0)", at: SourceLocation(file: path, line: 1, column: 1), severity: .warning) }
        result = try GraphImporter.makeGraph(from: foreign, mapping: mapping)
    case .csvPair:
        let (entities, relations) = csvPairPaths(path)
        result = try GraphImporter.readCSVPair(entitiesPath: entities, relationsPath: relations, mapping: mapping)
    case .file(let f):
        switch f {
        case .graphml, .gexf, .nodeLink:
            let interop: InteropFormat = f == .graphml ? .graphml : f == .gexf ? .gexf : .nodeLink
            result = try GraphImporter.read(text: try GraphFile.readText(path), fileName: path, format: interop, mapping: mapping)
            directed = result.directed
        case .fixtureCSV:
            return LoadedInput(graph: try GraphFile.load(path: path, format: f), directed: FixtureCSV.declaredDirection(path: path))
        default:
            return LoadedInput(graph: try GraphFile.load(path: path, format: f), directed: nil)
        }
    }
    if !quiet { result.warnings.forEach(report) }
    return LoadedInput(graph: result.graph, directed: directed)
}

/// What `loadGraph` will read a path as.
enum InputFormat: Equatable {
    case dot, csvPair
    case file(GraphFileFormat)

    static let names = ["dot", "csv-pair"] + GraphFileFormat.allCases.filter { $0 != .cypher && $0 != .mermaid }.map(\.rawValue)
}

func inputFormat(_ path: String, _ name: String?) throws -> InputFormat {
    if let name {
        switch name.lowercased() {
        case "dot", "gv": return .dot
        case "csv-pair", "csv": return .csvPair
        case "fixture-csv", "fixturecsv": return .file(.fixtureCSV)
        default:
            guard let f = GraphFileFormat(rawValue: name), f != .cypher, f != .mermaid else {
                throw ValidationError("--from '\(name)' is not an input format; known: \(InputFormat.names.joined(separator: ", "))")
            }
            return .file(f)
        }
    }
    if path == "-" { return try sniffStandardInput() }
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    switch ext {
    case "dot", "gv": return .dot
    case "csv":
        let header = firstLine(path)?.lowercased().replacingOccurrences(of: " ", with: "")
        return header == "source,target,weight,kind" || header == "source,target" ? .file(.fixtureCSV) : .csvPair
    case "json":
        return looksLikeNodeLink(path) ? .file(.nodeLink) : .file(.json)
    default:
        if let f = GraphFileFormat.infer(fromPath: path) { return .file(f) }
        throw ValidationError("cannot tell the format of '\(path)' from its extension; use --from (\(InputFormat.names.joined(separator: ", ")))")
    }
}

/// The two files of a CSV pair, given either one.
func csvPairPaths(_ path: String) -> (entities: String?, relations: String?) {
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
    // A lone file: an entities table if it has an id column, else an edge list.
    let header = (firstLine(path) ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\u{feff}")) }
    return header.contains("id") && !header.contains("source") && !header.contains("from") ? (path, nil) : (nil, path)
}

private func firstLine(_ path: String) -> String? {
    if path == "-" {
        guard let bytes = try? GraphFile.readBytes(path) else { return nil }
        return String(decoding: bytes.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    }
    guard let h = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? h.close() }
    let data = (try? h.read(upToCount: 4096)) ?? Data()
    return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
}

private func looksLikeNodeLink(_ path: String) -> Bool {
    GraphFile.jsonFlavour(path: path) == .nodeLink
}

/// What standard input holds, judged by its first characters: `{` JSON, `<`
/// GraphML or GEXF, `graph`/`digraph`/`strict` DOT, a first line with commas CSV, else YAML.
private func sniffStandardInput() throws -> InputFormat {
    let bytes = try GraphFile.readBytes("-")
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
    let text = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if text.hasPrefix("{") { return looksLikeNodeLink("-") ? .file(.nodeLink) : .file(.json) }
    if text.hasPrefix("<") { return head.contains("<gexf") ? .file(.gexf) : .file(.graphml) }
    let word = text.prefix { $0.isLetter }.lowercased()
    if ["graph", "digraph", "strict"].contains(word) { return .dot }
    if let line = text.split(whereSeparator: \.isNewline).first, line.contains(","), !line.contains(":") {
        let header = line.lowercased().replacingOccurrences(of: " ", with: "")
        return header == "source,target,weight,kind" || header == "source,target" ? .file(.fixtureCSV) : .csvPair
    }
    return .file(.yaml)
}
