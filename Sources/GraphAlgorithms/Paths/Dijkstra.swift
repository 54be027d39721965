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
    ///   The heap stores packed (distance, node) entries sifted with a hole; an entry is
    ///   stale when its key exceeds the node's current distance, so no settled flags are
    ///   kept. Without `target`, the lengths are first copied into arc order (E doubles).
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
        var heap = MinHeap(capacity: 1024)
        let stop = target ?? -1
        dist[source] = 0
        heap.push(0, Int32(source))
        // Pushes carry strictly decreasing keys per node and weights are ≥ 0, so the
        // one entry whose key equals the node's distance is popped once, when the node
        // is settled; every other entry of it is stale (key > distance) and skipped.
        // `length(i, e)` is the length of arc i, which comes from edge e.
        func search(_ length: (Int, Int) -> Double) {
            dist.withUnsafeMutableBufferPointer { d in
                pred.withUnsafeMutableBufferPointer { pr in
                    predEdge.withUnsafeMutableBufferPointer { pe in
                        g.outOffsets.withUnsafeBufferPointer { off in
                            g.outNeighbors.withUnsafeBufferPointer { nbr in
                                g.outEdges.withUnsafeBufferPointer { eid in
                                    while !heap.isEmpty {
                                        let (du, u32) = heap.pop()
                                        let u = Int(u32)
                                        if du > d[u] { continue }
                                        if u == stop { break }
                                        for i in off[u]..<off[u + 1] {
                                            let v = Int(nbr[i])
                                            let e = eid[i]
                                            let nd = du + length(i, Int(e))
                                            if nd < d[v] {
                                                d[v] = nd; pr[v] = u32; pe[v] = e
                                                heap.push(nd, Int32(truncatingIfNeeded: v))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if target == nil {
            // A full search reads every arc: gather the lengths into arc order first, in
            // one pass with independent reads, so the search reads them sequentially
            // instead of making one dependent random read into `edgeWeights` per arc.
            let arcLengths = g.outEdges.withUnsafeBufferPointer { eid in
                g.edgeWeights.withUnsafeBufferPointer { w in
                    [Double](unsafeUninitializedCapacity: eid.count) { b, c in
                        for i in 0..<eid.count { b[i] = w[Int(eid[i])] }
                        c = eid.count
                    }
                }
            }
            arcLengths.withUnsafeBufferPointer { w in search { i, _ in w[i] } }
        } else {
            g.edgeWeights.withUnsafeBufferPointer { w in search { _, e in w[e] } }
        }
        if let target {
            // Only the settled part of the tree is final; forget the rest. Entries pop in
            // (distance, node) order, so the settled nodes are exactly those ordered
            // before or at the target (all reached ones when the target is unreachable).
            let dt = dist[target]
            for v in 0..<n where v != target && !(dist[v] < dt || (dist[v] == dt && v < target)) {
                dist[v] = .infinity; pred[v] = -1; predEdge[v] = -1
            }
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
