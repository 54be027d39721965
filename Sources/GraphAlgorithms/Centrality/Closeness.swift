import GraphModel

extension Centrality {
    /// Closeness of every node, unweighted, with Wasserman–Faust scaling for
    /// graphs that are not connected: `(r−1)/Σd · (r−1)/(n−1)` where `r` counts the
    /// nodes within reach (the node itself included) and `Σd` their hop distances;
    /// 0 for a node that reaches nothing.
    ///
    /// For a directed graph NetworkX measures *incoming* distances (how close the
    /// others are to v); `outward: true` measures outgoing ones instead. With
    /// `weighted`, distances are summed weights (lengths, Dijkstra), as NetworkX's
    /// `distance=` argument. Nodes are split over two threads, each with its own buffers.
    ///
    /// - Complexity: O(V·(V + E)) time unweighted, O(V·(V + E)·log V) weighted;
    ///   O(V) extra space per thread.
    ///
    /// Reference: Wasserman & Faust, *Social Network Analysis* (1994), eq. 5.3;
    /// NetworkX `closeness_centrality` (`wf_improved=True`).
    ///
    /// ```swift
    /// // path 0 - 1 - 2
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
    /// Centrality.closeness(g) // [2/3, 1, 2/3]
    /// ```
    public static func closeness(_ g: CSRGraph, outward: Bool = false, weighted: Bool = false) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        let h = outward ? g : g.reversed()
        let parts = partCount(for: n)
        let out = SharedBuffer<Double>(repeating: 0, count: n)
        defer { out.free() }
        if weighted { return weightedCloseness(h, parts: parts) }
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

    /// Wasserman–Faust closeness over Dijkstra distances from every node of `h`.
    static func weightedCloseness(_ h: CSRGraph, parts: Int) -> [Double] {
        let n = h.nodeCount
        let out = SharedBuffer<Double>(repeating: 0, count: n)
        defer { out.free() }
        runParts(parts) { part in
            var dist = [Double](repeating: .infinity, count: n)
            var touched: [Int32] = []
            var heap = MinHeap()
            var u = part
            while u < n {
                heap.removeAll()
                dist[u] = 0
                touched.append(Int32(u))
                heap.push(0, Int32(u))
                var total = 0.0, reached = 0
                while !heap.isEmpty {
                    let (dx, x32) = heap.pop()
                    let x = Int(x32)
                    if dx > dist[x] { continue }
                    total += dx
                    reached += 1
                    for i in h.outOffsets[x]..<h.outOffsets[x + 1] {
                        let y = Int(h.outNeighbors[i])
                        let nd = dx + h.edgeWeights[Int(h.outEdges[i])]
                        if nd < dist[y] {
                            if dist[y] == .infinity { touched.append(Int32(y)) }
                            dist[y] = nd
                            heap.push(nd, Int32(y))
                        }
                    }
                }
                var c = 0.0
                if total > 0 && n > 1 {
                    let r = Double(reached - 1)
                    c = r / total * (r / Double(n - 1))
                }
                out.base[u] = c
                for v in touched { dist[Int(v)] = .infinity }
                touched.removeAll(keepingCapacity: true)
                u += parts
            }
        }
        return Array(UnsafeBufferPointer(start: out.base, count: n))
    }

    /// Closeness of every entity; see ``closeness(_:outward:weighted:)``.
    /// Relations joining the same pair count once (weighted: the shortest).
    /// - Complexity: O(V·(V + E)) unweighted, O(V·(V + E)·log V) weighted.
    public static func closeness(
        in graph: Graph, directed: Bool = false, outward: Bool = false, weighted: Bool = false
    ) -> CentralityScores {
        let g = simpleCSR(graph, directed: directed, merge: .minimum)
        return CentralityScores(ids: graph.entities.map(\.id), values: closeness(g, outward: outward, weighted: weighted))
    }
}
