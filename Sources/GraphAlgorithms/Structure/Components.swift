import GraphModel

/// Connected components: weak (direction ignored) and strong.
public enum Components {
    /// Weakly connected components: nodes joined by arcs in either direction.
    /// Components are numbered in the order of their lowest node.
    ///
    /// Union–find with the Afforest shortcut: every node is first linked to its
    /// first two out-neighbours; on a graph of 4096 nodes or more, the most frequent
    /// root in a sample of 1024 nodes is taken as the giant component, and only the
    /// nodes outside it then link their remaining arcs (out-arcs from the third on,
    /// and in-arcs when directed). An arc between the giant component and a node
    /// outside it is linked from that node's side, so no arc of a node inside the
    /// giant component needs reading. Roots are linked toward the smaller index
    /// (the giant root always stays a root) and finds halve their paths.
    ///
    /// - Complexity: O(V + E·log V) time worst case (path halving, linking by index);
    ///   O(V + E) in practice, and O(V) arc reads when one component holds nearly every
    ///   node. O(V) extra space (a parent array, a root-to-label table).
    ///
    /// Reference: Sutton, Ben-Nun & Barak, "Optimizing parallel graph connectivity
    /// computation via subgraph sampling" (IPDPS 2018).
    ///
    /// ```swift
    /// let g = try CSRGraph(nodeCount: 5, sources: [0, 3], targets: [1, 4], directed: true)
    /// Components.connected(g).labels // [0, 0, 1, 2, 2]
    /// ```
    public static func connected(_ g: CSRGraph) -> NodeLabeling {
        let n = g.nodeCount
        if n == 0 { return NodeLabeling(labels: [], count: 0) }
        var parent = [Int32](unsafeUninitializedCapacity: n) { b, c in
            for i in 0..<n { b[i] = Int32(truncatingIfNeeded: i) }
            c = n
        }
        var labels = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        parent.withUnsafeMutableBufferPointer { p in
            g.outOffsets.withUnsafeBufferPointer { oo in
                g.outNeighbors.withUnsafeBufferPointer { on in
                    g.inOffsets.withUnsafeBufferPointer { io in
                        g.inNeighbors.withUnsafeBufferPointer { inn in
                            @inline(__always) func find(_ x0: Int32) -> Int32 {
                                var x = x0
                                while true {
                                    let px = p[Int(x)]
                                    if px == x { return x }
                                    let gp = p[Int(px)]
                                    p[Int(x)] = gp  // path halving
                                    x = gp
                                }
                            }
                            var giant: Int32 = -1
                            @inline(__always) func link(_ a: Int32, _ b: Int32) {
                                let ra = find(a), rb = find(b)
                                if ra == rb { return }
                                if ra == giant || (rb != giant && ra < rb) { p[Int(rb)] = ra } else { p[Int(ra)] = rb }
                            }
                            // Phase 1: the first two out-neighbours of every node.
                            for r in 0..<2 {
                                for u in 0..<n where oo[u] + r < oo[u + 1] {
                                    link(Int32(truncatingIfNeeded: u), on[oo[u] + r])
                                }
                            }
                            // The most frequent root in a sample of about 1024 nodes
                            // (small graphs skip the shortcut: every arc is read).
                            if n >= 4096 {
                                var tally = [Int32](repeating: 0, count: n)
                                var best: Int32 = 0
                                for u in stride(from: 0, to: n, by: n / 1024) {
                                    let r = find(Int32(truncatingIfNeeded: u))
                                    tally[Int(r)] += 1
                                    if tally[Int(r)] > best { best = tally[Int(r)]; giant = r }
                                }
                            }
                            // Phase 2: the remaining arcs of every node outside the giant component.
                            for u in 0..<n {
                                let u32 = Int32(truncatingIfNeeded: u)
                                if find(u32) == giant { continue }
                                var i = oo[u] + 2
                                while i < oo[u + 1] { link(u32, on[i]); i += 1 }
                                if g.isDirected {
                                    for j in io[u]..<io[u + 1] { link(u32, inn[j]) }
                                }
                            }
                            // Number the components by their lowest node.
                            labels.withUnsafeMutableBufferPointer { lb in
                                var rootLabel = [Int32](repeating: -1, count: n)
                                for u in 0..<n {
                                    let r = Int(find(Int32(truncatingIfNeeded: u)))
                                    if rootLabel[r] < 0 { rootLabel[r] = count; count += 1 }
                                    lb[u] = rootLabel[r]
                                }
                            }
                        }
                    }
                }
            }
        }
        return NodeLabeling(labels: labels, count: Int(count))
    }

    /// Strongly connected components (every node reaches every other along arcs),
    /// by Tarjan's algorithm without recursion; renumbered in the order of their
    /// lowest node. For an undirected graph these are the connected components.
    ///
    /// - Complexity: O(V + E) time, O(V) extra space.
    ///
    /// Reference: Tarjan, "Depth-first search and linear graph algorithms" (1972).
    ///
    /// ```swift
    /// // 0 -> 1 -> 2 -> 0, 2 -> 3
    /// let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2, 2], targets: [1, 2, 0, 3], directed: true)
    /// Components.stronglyConnected(g).labels // [0, 0, 0, 1]
    /// ```
    public static func stronglyConnected(_ g: CSRGraph) -> NodeLabeling {
        let n = g.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var comp = [Int32](repeating: -1, count: n)
        var pos = [Int](repeating: 0, count: n)
        var stack: [Int32] = []
        var call: [Int32] = []
        var next: Int32 = 0
        var count: Int32 = 0
        for root in 0..<n where index[root] < 0 {
            call.append(Int32(root))
            index[root] = next; low[root] = next; next += 1
            pos[root] = g.outOffsets[root]
            stack.append(Int32(root)); onStack[root] = true
            while let top = call.last {
                let u = Int(top)
                if pos[u] < g.outOffsets[u + 1] {
                    let v = Int(g.outNeighbors[pos[u]])
                    pos[u] += 1
                    if index[v] < 0 {
                        index[v] = next; low[v] = next; next += 1
                        pos[v] = g.outOffsets[v]
                        stack.append(Int32(v)); onStack[v] = true
                        call.append(Int32(v))
                    } else if onStack[v] {
                        low[u] = min(low[u], index[v])
                    }
                } else {
                    call.removeLast()
                    if let p = call.last { low[Int(p)] = min(low[Int(p)], low[u]) }
                    if low[u] == index[u] {
                        while let w = stack.popLast() {
                            onStack[Int(w)] = false
                            comp[Int(w)] = count
                            if Int(w) == u { break }
                        }
                        count += 1
                    }
                }
            }
        }
        let c = NodeLabeling.canonical(comp)
        return NodeLabeling(labels: c.labels, count: c.count)
    }

    /// Connected components of a graph, direction ignored (weak components).
    /// - Complexity: O(V + E).
    public static func connected(in graph: Graph) -> Partition {
        Partition(ids: graph.entities.map(\.id), labeling: connected(AdjacencySnapshot.of(graph).csr(.forward)))
    }

    /// Strongly connected components, relations followed the way they read
    /// (symmetric kinds both ways).
    /// - Complexity: O(V + E).
    public static func stronglyConnected(in graph: Graph) -> Partition {
        Partition(ids: graph.entities.map(\.id), labeling: stronglyConnected(AdjacencySnapshot.of(graph).csr(.forward)))
    }
}
