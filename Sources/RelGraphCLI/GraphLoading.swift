import ArgumentParser
import Foundation
import GraphFormats
import GraphModel

/// Reads any graph file relgraph understands through the library's one entry
/// point, ``GraphLoader/load(path:format:mapping:)`` (format detection, CSV-pair
/// discovery and DOT import live there), and prints import warnings (what a
/// foreign format could not carry) to standard error.
func loadGraph(_ path: String, format: String? = nil, mapping: ImportMapping = ImportMapping(), quiet: Bool = false) throws -> Graph {
    try loadInput(path, format: format, mapping: mapping, quiet: quiet).graph
}

/// A graph as read, with the direction its file declares, if any
/// (see ``GraphFormats/LoadedGraph/directed``).
struct LoadedInput {
    var graph: Graph
    var directed: Bool?
}

/// ``loadGraph(_:format:mapping:quiet:)`` keeping the declared direction.
/// `-` reads standard input (the format from `--from`, else from the content).
func loadInput(_ path: String, format: String? = nil, mapping: ImportMapping = ImportMapping(), quiet: Bool = false) throws -> LoadedInput {
    if path != "-" {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail("'\(path)' is a directory, not a graph file")
        }
    }
    let chosen = try inputFormat(path, format)
    let loaded = try GraphLoader.load(path: path, format: chosen, mapping: mapping)
    if !quiet { loaded.warnings.forEach(report) }
    if loaded.graph.relations.count >= keepUntilExitAbove { graphsKeptUntilExit.append(loaded.graph) }
    return LoadedInput(graph: loaded.graph, directed: loaded.directed)
}

/// Graphs this large are never freed: a command runs once and exits, and the
/// system reclaims the whole process at once, where freeing a million relations
/// one by one takes about 30 ms after the answer is printed.
let keepUntilExitAbove = 100_000
nonisolated(unsafe) private var graphsKeptUntilExit: [Graph] = []

/// The format `--from NAME` names, or the one detected from the path.
func inputFormat(_ path: String, _ name: String?) throws -> GraphFormat {
    if let name {
        guard let f = GraphFormat(name: name), f.canRead else {
            throw ValidationError("--from '\(name)' is not an input format; known: \(GraphFormat.readableNames.joined(separator: ", "))")
        }
        return f
    }
    do {
        return try GraphFormat.detect(path: path)
    } catch GraphFormatsError.unsupportedFormat {
        throw ValidationError("cannot tell the format of '\(path)' from its extension; use --from (\(GraphFormat.readableNames.joined(separator: ", ")))")
    }
}
