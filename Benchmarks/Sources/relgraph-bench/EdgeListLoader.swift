#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphAlgorithms
import GraphFormats

/// Errors of the benchmark's own input handling (bad data files, bad arguments).
enum BenchError: Error, CustomStringConvertible {
    case io(String)
    case badInput(path: String, line: Int, column: Int, message: String)
    case usage(String)

    var description: String {
        switch self {
        case .io(let m): return m
        case .badInput(let path, let line, let column, let message): return "\(path):\(line):\(column): \(message)"
        case .usage(let m): return m
        }
    }
}

/// An edge list loaded into a ``CSRGraph``, with what the peers keep as attributes.
struct LoadedGraph {
    var graph: CSRGraph
    var names: [String]
    var index: [String: Int]
    /// Relation kind of every edge (index into `kindNames`).
    var kinds: [Int32]
    var kindNames: [String]

    func node(_ name: String, path: String) throws(BenchError) -> Int {
        guard let i = index[name] else { throw .io("\(path): node \(name) is not in the edge list") }
        return i
    }
}

/// The whole file as bytes (the library's reader, which `relgraph` uses too).
func readWholeFile(_ path: String) throws(BenchError) -> [UInt8] {
    do { return try GraphFile.readBytes(path) } catch { throw .io("\(error)") }
}

/// Reads `src<TAB>dst<TAB>kind<TAB>weight` lines (what `gen.py` writes) with
/// the library's ``EdgeListReader`` — the byte-level reader `relgraph` runs on
/// a CSV edge list — and builds the CSR graph straight from its edge arrays.
func loadEdgeList(_ path: String, directed: Bool, expectedNodes: Int = 1 << 16) throws(BenchError) -> LoadedGraph {
    let bytes = try readWholeFile(path)
    let list: EdgeList
    do {
        list = try EdgeListReader.read(bytes: bytes, file: path, separator: 9, columns: [.source, .target, .kind, .weight])
    } catch {
        throw .io("\(error)")
    }
    let graph: CSRGraph
    do {
        graph = try CSRGraph(nodeCount: list.names.count, sources: list.sources, targets: list.targets,
                             weights: list.weights, directed: directed)
    } catch {
        throw .io("\(path): \(error)")
    }
    var index: [String: Int] = [:]
    index.reserveCapacity(list.names.count)
    for (i, n) in list.names.enumerated() { index[n] = i }
    return LoadedGraph(graph: graph, names: list.names, index: index, kinds: list.kinds, kindNames: list.kindNames)
}
