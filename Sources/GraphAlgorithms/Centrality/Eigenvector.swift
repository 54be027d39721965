import GraphModel

extension Centrality {
    /// Eigenvector centrality: the Perron eigenvector of the adjacency matrix,
    /// positive and L2-normalised (sum of squares 1), by power iteration on
    /// `A + I` (the shift keeps bipartite graphs from oscillating and leaves the
    /// eigenvector unchanged). A node's score sums its in-neighbours' scores
    /// (NetworkX's convention for directed graphs); weights are strengths.
    /// Stops when the L1 change falls below `n · tolerance` or after
    /// `maxIterations` (the last iterate is returned).
    ///
    /// Meaningful for connected undirected graphs (and strongly connected directed
    /// ones); elsewhere it still returns the limit of the iteration from all-ones.
    ///
    /// - Complexity: O(I·(V + E)) for I iterations; O(V) extra space.
    ///
    /// Reference: Bonacich, "Power and centrality" (1987); NetworkX
    /// `eigenvector_centrality_numpy`.
    ///
    /// ```swift
    /// // star: centre 0 with leaves 1, 2, 3; λ = √3
    /// let g = try CSRGraph(nodeCount: 4, sources: [0, 0, 0], targets: [1, 2, 3], directed: false)
    /// Centrality.eigenvector(g) // [0.7071…, 0.4082…, 0.4082…, 0.4082…]
    /// ```
    public static func eigenvector(
        _ g: CSRGraph, weighted: Bool = false, tolerance: Double = 1e-13, maxIterations: Int = 100_000
    ) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        let useWeights = weighted && g.isWeighted
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(1, maxIterations) {
            for v in 0..<n {
                var sum = x[v]
                for i in g.inOffsets[v]..<g.inOffsets[v + 1] {
                    let u = Int(g.inNeighbors[i])
                    sum += useWeights ? x[u] * g.edgeWeights[Int(g.inEdges[i])] : x[u]
                }
                next[v] = sum
            }
            var norm = 0.0
            for v in 0..<n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            if norm == 0 { return next }
            var err = 0.0
            for v in 0..<n {
                next[v] /= norm
                err += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if err < Double(n) * tolerance { break }
        }
        return x
    }

    /// Eigenvector centrality of every entity; see ``eigenvector(_:weighted:tolerance:maxIterations:)``.
    /// Relations joining the same pair add their weights.
    /// - Complexity: O(I·(V + E)).
    public static func eigenvector(in graph: Graph, directed: Bool = false, weighted: Bool = false) -> CentralityScores {
        let g = simpleCSR(graph, directed: directed, merge: .sum)
        return CentralityScores(ids: graph.entities.map(\.id), values: eigenvector(g, weighted: weighted))
    }
}
