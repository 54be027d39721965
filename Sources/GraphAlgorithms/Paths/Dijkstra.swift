extension ShortestPaths {
    /// Dijkstra's algorithm from `source`, reading each edge weight as a length.
    ///
    /// Ties between equal distances go to the arc scanned first (lowest-ranked
    /// neighbour, then lowest edge number), so the tree is deterministic.
    /// With `target`, the search stops as soon as `target` is settled.
    /// - Parameters:
    ///   - g: the graph; ``CSRGraph/edgeWeights`` are the lengths (all 1 when unweighted).
    ///   - source: the start node.
    ///   - target: an optional node at which to stop early.
    /// - Complexity: O((V + E) log V) time with a binary heap (lazy deletion), O(V + E) extra space.
    /// - Throws: ``GraphAlgorithmsError/nodeOutOfRange(_:nodeCount:)``.
    ///
    /// Reference: Dijkstra, "A note on two problems in connexion with graphs" (1959).
    ///
    /// ```swift
    /// // 0 -(1)- 1 -(1)- 2 and a long edge 0 -(5)- 2
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1, 0], targets: [1, 2, 2], weights: [1, 1, 5], directed: false)
    /// try ShortestPaths.dijkstra(g, from: 0).distances // [0, 1, 2]
    /// ```
    public static func dijkstra(_ g: CSRGraph, from source: Int, to target: Int? = nil) throws(GraphAlgorithmsError) -> ShortestPathTree {
        try g.check(source)
        if let target { try g.check(target) }
        let n = g.nodeCount
        var dist = [Double](repeating: .infinity, count: n)
        var pred = [Int32](repeating: -1, count: n), predEdge = [Int32](repeating: -1, count: n)
        var done = [Bool](repeating: false, count: n)
        var heap = MinHeap(capacity: 64)
        dist[source] = 0
        heap.push(0, Int32(source))
        g.outOffsets.withUnsafeBufferPointer { off in
            g.outNeighbors.withUnsafeBufferPointer { nbr in
                g.outEdges.withUnsafeBufferPointer { eid in
                    g.edgeWeights.withUnsafeBufferPointer { w in
                        dist.withUnsafeMutableBufferPointer { d in
                            while !heap.isEmpty {
                                let (du, u32) = heap.pop()
                                let u = Int(u32)
                                if done[u] || du > d[u] { continue }
                                done[u] = true
                                if u == target { break }
                                for i in off[u]..<off[u + 1] {
                                    let v = Int(nbr[i])
                                    if done[v] { continue }
                                    let e = Int(eid[i])
                                    let nd = du + w[e]
                                    if nd < d[v] {
                                        d[v] = nd; pred[v] = u32; predEdge[v] = Int32(e)
                                        heap.push(nd, Int32(v))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let target {
            // Only the settled part of the tree is final; forget the rest.
            for v in 0..<n where !done[v] && v != target { dist[v] = .infinity; pred[v] = -1; predEdge[v] = -1 }
            _ = target
        }
        return ShortestPathTree(source: source, distances: dist, predecessors: pred, predecessorEdges: predEdge)
    }

    /// The lightest path from `source` to `target` (weights as lengths), or `nil`.
    /// - Complexity: O((V + E) log V) time, stopping once `target` is settled.
    /// - Throws: ``GraphAlgorithmsError/nodeOutOfRange(_:nodeCount:)``.
    public static func dijkstraPath(_ g: CSRGraph, from source: Int, to target: Int) throws(GraphAlgorithmsError) -> CSRPath? {
        try dijkstra(g, from: source, to: target).path(to: target)
    }
}
