import GraphModel

extension Centrality {
    /// Which arcs a degree counts.
    public enum DegreeDirection: Sendable, Hashable {
        /// Out-arcs plus in-arcs (for an undirected graph: incident edges).
        case total
        /// Arcs leaving the node.
        case outgoing
        /// Arcs entering the node.
        case incoming
    }

    /// Degree of every node: the number of arcs (or, when `weighted`, their summed
    /// weights: the strength), divided by n−1 when `normalized` (NetworkX's
    /// `degree_centrality`). An undirected self-loop counts twice.
    ///
    /// - Complexity: O(V) unweighted, O(V + E) weighted.
    ///
    /// ```swift
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 0], targets: [1, 2], directed: true)
    /// Centrality.degree(g, direction: .outgoing) // [2, 0, 0]
    /// Centrality.degree(g)                       // [2, 1, 1]
    /// ```
    public static func degree(
        _ g: CSRGraph, direction: DegreeDirection = .total, weighted: Bool = false, normalized: Bool = false
    ) -> [Double] {
        let n = g.nodeCount
        func count(_ off: [Int], _ edges: [Int32], _ v: Int) -> Double {
            if !weighted { return Double(off[v + 1] - off[v]) }
            var s = 0.0
            for i in off[v]..<off[v + 1] { s += g.edgeWeights[Int(edges[i])] }
            return s
        }
        var out = [Double](repeating: 0, count: n)
        for v in 0..<n {
            switch direction {
            case .outgoing: out[v] = count(g.outOffsets, g.outEdges, v)
            case .incoming: out[v] = count(g.inOffsets, g.inEdges, v)
            case .total:
                out[v] = g.isDirected
                    ? count(g.outOffsets, g.outEdges, v) + count(g.inOffsets, g.inEdges, v)
                    : count(g.outOffsets, g.outEdges, v)
            }
        }
        if normalized && n > 1 { for v in 0..<n { out[v] /= Double(n - 1) } }
        return out
    }

    /// Degree of every entity: how many relations touch it (`weighted`: the sum of
    /// their weights). With `directed`, `direction` picks out-, in- or both; a
    /// symmetric relation counts as one relation each way.
    /// - Complexity: O(V + E).
    public static func degree(
        in graph: Graph, directed: Bool = false, direction: DegreeDirection = .total, weighted: Bool = false,
        normalized: Bool = false
    ) -> CentralityScores {
        let g = AdjacencySnapshot.of(graph).csr(directed ? .forward : .undirected)
        return CentralityScores(
            ids: graph.entities.map(\.id),
            values: degree(g, direction: direction, weighted: weighted, normalized: normalized))
    }
}
