import GraphModel

/// Connected components: weak (direction ignored) and strong.
public enum Components {
    /// Weakly connected components: nodes joined by arcs in either direction.
    /// Components are numbered in the order of their lowest node.
    ///
    /// - Complexity: O(V + E) time, O(V) extra space (iterative BFS over out- and in-arcs).
    ///
    /// ```swift
    /// let g = try CSRGraph(nodeCount: 5, sources: [0, 3], targets: [1, 4], directed: true)
    /// Components.connected(g).labels // [0, 0, 1, 2, 2]
    /// ```
    public static func connected(_ g: CSRGraph) -> NodeLabeling {
        let n = g.nodeCount
        var label = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var count: Int32 = 0
        g.outOffsets.withUnsafeBufferPointer { oo in
            g.outNeighbors.withUnsafeBufferPointer { on in
                g.inOffsets.withUnsafeBufferPointer { io in
                    g.inNeighbors.withUnsafeBufferPointer { inn in
                        label.withUnsafeMutableBufferPointer { lb in
                            queue.withUnsafeMutableBufferPointer { q in
                                for root in 0..<n where lb[root] < 0 {
                                    lb[root] = count
                                    q[0] = Int32(root)
                                    var head = 0, tail = 1
                                    while head < tail {
                                        let u = Int(q[head]); head += 1
                                        for i in oo[u]..<oo[u + 1] {
                                            let v = Int(on[i])
                                            if lb[v] < 0 { lb[v] = count; q[tail] = Int32(v); tail += 1 }
                                        }
                                        if g.isDirected {
                                            for i in io[u]..<io[u + 1] {
                                                let v = Int(inn[i])
                                                if lb[v] < 0 { lb[v] = count; q[tail] = Int32(v); tail += 1 }
                                            }
                                        }
                                    }
                                    count += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return NodeLabeling(labels: label, count: Int(count))
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
        Partition(ids: graph.entities.map(\.id), labeling: connected(AdjacencySnapshot(graph).csr(.forward)))
    }

    /// Strongly connected components, relations followed the way they read
    /// (symmetric kinds both ways).
    /// - Complexity: O(V + E).
    public static func stronglyConnected(in graph: Graph) -> Partition {
        Partition(ids: graph.entities.map(\.id), labeling: stronglyConnected(AdjacencySnapshot(graph).csr(.forward)))
    }
}
