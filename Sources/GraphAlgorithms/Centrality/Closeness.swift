import GraphModel

extension Centrality {
    /// Closeness of every node, unweighted, with Wasserman–Faust scaling for
    /// graphs that are not connected: `(r−1)/Σd · (r−1)/(n−1)` where `r` counts the
    /// nodes within reach (the node itself included) and `Σd` their hop distances;
    /// 0 for a node that reaches nothing.
    ///
    /// For a directed graph NetworkX measures *incoming* distances (how close the
    /// others are to v); `outward: true` measures outgoing ones instead. Nodes are
    /// split over two threads, each with its own BFS buffers.
    ///
    /// - Complexity: O(V·(V + E)) time, O(V) extra space per thread.
    ///
    /// Reference: Wasserman & Faust, *Social Network Analysis* (1994), eq. 5.3;
    /// NetworkX `closeness_centrality` (`wf_improved=True`).
    ///
    /// ```swift
    /// // path 0 - 1 - 2
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
    /// Centrality.closeness(g) // [2/3, 1, 2/3]
    /// ```
    public static func closeness(_ g: CSRGraph, outward: Bool = false) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        let h = outward ? g : g.reversed()
        let parts = partCount(for: n)
        let out = SharedBuffer<Double>(repeating: 0, count: n)
        defer { out.free() }
        runParts(parts) { part in
            var dist = [Int32](repeating: -1, count: n)
            var queue = [Int32](repeating: 0, count: n)
            var u = part
            while u < n {
                let reached = ShortestPaths.bfs(h, u, &dist, &queue)
                var total = 0
                for k in 0..<reached {
                    let v = Int(queue[k])
                    total += Int(dist[v])
                    dist[v] = -1
                }
                var c = 0.0
                if total > 0 && n > 1 {
                    let r = Double(reached - 1)
                    c = r / Double(total) * (r / Double(n - 1))
                }
                out.base[u] = c
                u += parts
            }
        }
        return Array(UnsafeBufferPointer(start: out.base, count: n))
    }

    /// Closeness of every entity; see ``closeness(_:outward:)``.
    /// - Complexity: O(V·(V + E)).
    public static func closeness(in graph: Graph, directed: Bool = false, outward: Bool = false) -> CentralityScores {
        let g = simpleCSR(graph, directed: directed, merge: .first)
        return CentralityScores(ids: graph.entities.map(\.id), values: closeness(g, outward: outward))
    }
}
