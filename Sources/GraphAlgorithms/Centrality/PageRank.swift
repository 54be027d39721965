import GraphModel

extension Centrality {
    /// PageRank by power iteration: a walker follows an out-arc with probability
    /// `alpha` (chosen in proportion to its weight when `weighted`) and jumps to a
    /// uniformly random node otherwise; a node without out-arcs spreads its rank
    /// uniformly. Stops when the L1 change falls below `n · tolerance` or after
    /// `maxIterations` (the last iterate is returned). Values sum to 1.
    ///
    /// An undirected edge counts both ways. Weights are read as strengths.
    ///
    /// - Complexity: O(I·(V + E)) for I iterations (a pull over in-arcs each time);
    ///   O(V) extra space.
    ///
    /// Reference: Page, Brin, Motwani & Winograd, "The PageRank citation ranking"
    /// (1999); NetworkX `pagerank` (alpha 0.85, uniform teleport and dangling weights).
    ///
    /// ```swift
    /// // 0 -> 1 -> 2 -> 0: symmetric, every node 1/3
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1, 2], targets: [1, 2, 0], directed: true)
    /// Centrality.pagerank(g) // [0.333…, 0.333…, 0.333…]
    /// ```
    public static func pagerank(
        _ g: CSRGraph, alpha: Double = 0.85, weighted: Bool = false, tolerance: Double = 1e-10,
        maxIterations: Int = 1000
    ) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        let useWeights = weighted && g.isWeighted
        var strength = [Double](repeating: 0, count: n)
        for u in 0..<n {
            if useWeights {
                var s = 0.0
                for i in g.outOffsets[u]..<g.outOffsets[u + 1] { s += g.edgeWeights[Int(g.outEdges[i])] }
                strength[u] = s
            } else {
                strength[u] = Double(g.outDegree(u))
            }
        }
        let nd = Double(n)
        var x = [Double](repeating: 1 / nd, count: n)
        var share = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<max(1, maxIterations) {
            var dangling = 0.0
            for u in 0..<n {
                if strength[u] == 0 { dangling += x[u]; share[u] = 0 } else { share[u] = x[u] / strength[u] }
            }
            let base = alpha * dangling / nd + (1 - alpha) / nd
            var err = 0.0
            g.inOffsets.withUnsafeBufferPointer { off in
                g.inNeighbors.withUnsafeBufferPointer { nbr in
                    g.inEdges.withUnsafeBufferPointer { eid in
                        g.edgeWeights.withUnsafeBufferPointer { w in
                            share.withUnsafeBufferPointer { sh in
                                for v in 0..<n {
                                    var sum = 0.0
                                    if useWeights {
                                        for i in off[v]..<off[v + 1] { sum += sh[Int(nbr[i])] * w[Int(eid[i])] }
                                    } else {
                                        for i in off[v]..<off[v + 1] { sum += sh[Int(nbr[i])] }
                                    }
                                    let value = alpha * sum + base
                                    err += abs(value - x[v])
                                    next[v] = value
                                }
                            }
                        }
                    }
                }
            }
            swap(&x, &next)
            if err < nd * tolerance { break }
        }
        return x
    }

    /// PageRank of every entity; see ``pagerank(_:alpha:weighted:tolerance:maxIterations:)``.
    /// Relations joining the same pair add their weights (strengths).
    /// - Complexity: O(I·(V + E)).
    public static func pagerank(
        in graph: Graph, directed: Bool = false, weighted: Bool = false, alpha: Double = 0.85,
        tolerance: Double = 1e-10, maxIterations: Int = 1000
    ) -> CentralityScores {
        let g = simpleCSR(graph, directed: directed, merge: .sum)
        return CentralityScores(
            ids: graph.entities.map(\.id),
            values: pagerank(g, alpha: alpha, weighted: weighted, tolerance: tolerance, maxIterations: maxIterations))
    }
}
