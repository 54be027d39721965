import ArgumentParser
import GraphAlgorithms
import GraphModel

/// The centralities `rank --by` and `render --size-by` compute.
enum Measure: String, ExpressibleByArgument, CaseIterable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case betweenness, closeness, eigenvector, pagerank

    /// The convention, for table headings and legends.
    var title: String {
        switch self {
        case .degree: return "degree"
        case .inDegree: return "in-degree"
        case .outDegree: return "out-degree"
        case .betweenness: return "betweenness (normalised)"
        case .closeness: return "closeness (Wasserman–Faust)"
        case .eigenvector: return "eigenvector (L2-normalised)"
        case .pagerank: return "PageRank (α = 0.85)"
        }
    }

    func scores(_ graph: Graph, directed: Bool, weighted: Bool) -> CentralityScores {
        switch self {
        case .degree: return Centrality.degree(in: graph, directed: directed, direction: .total, weighted: weighted)
        case .inDegree: return Centrality.degree(in: graph, directed: true, direction: .incoming, weighted: weighted)
        case .outDegree: return Centrality.degree(in: graph, directed: true, direction: .outgoing, weighted: weighted)
        case .betweenness: return Centrality.betweenness(in: graph, directed: directed, weighted: weighted)
        case .closeness: return Centrality.closeness(in: graph, directed: directed)
        case .eigenvector: return Centrality.eigenvector(in: graph, directed: directed, weighted: weighted)
        case .pagerank: return Centrality.pagerank(in: graph, directed: directed, weighted: weighted)
        }
    }
}

/// Left-aligned text columns, the last one right-aligned when numeric.
func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, c in
            let pad = String(repeating: " ", count: widths[i] - c.count)
            return rightAligned.contains(i) ? pad + c : (i == cells.count - 1 ? c : c + pad)
        }.joined(separator: "  ")
    }
    return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
}

/// "Joseph Stalin (stalin)"
func label(_ graph: Graph, _ id: String) -> String {
    guard let e = graph.entity(id) else { return id }
    return e.name == e.id ? e.id : "\(e.name) (\(e.id))"
}
