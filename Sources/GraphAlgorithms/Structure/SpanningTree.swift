import GraphModel

/// Minimum spanning forests.
public enum SpanningTree {
    /// The edges of a minimum spanning forest and their total weight.
    public struct Forest: Hashable, Sendable {
        /// Edge numbers in the forest, in the order Kruskal's algorithm took them.
        public var edges: [Int32]
        /// Sum of their weights.
        public var totalWeight: Double
    }

    /// A minimum spanning forest by Kruskal's algorithm (direction ignored; one tree
    /// per connected component). Edges are taken by weight, ties by edge number, so
    /// the forest is deterministic; union–find with path halving and union by size.
    ///
    /// - Complexity: O(E log E) time (the sort), O(V + E) extra space.
    ///
    /// Reference: Kruskal, "On the shortest spanning subtree of a graph" (1956);
    /// NetworkX `minimum_spanning_edges(algorithm="kruskal")`.
    ///
    /// ```swift
    /// // triangle with weights 1, 2, 3: the two lightest edges
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1, 0], targets: [1, 2, 2], weights: [1, 2, 3], directed: false)
    /// SpanningTree.minimum(g).edges       // [0, 1]
    /// SpanningTree.minimum(g).totalWeight // 3
    /// ```
    public static func minimum(_ g: CSRGraph) -> Forest {
        let m = g.edgeCount
        var order: [Int32] = []
        order.reserveCapacity(m)
        for e in 0..<m where g.containsEdge(e) && g.edgeSources[e] != g.edgeTargets[e] { order.append(Int32(e)) }
        let w = g.edgeWeights
        order.sort { w[Int($0)] != w[Int($1)] ? w[Int($0)] < w[Int($1)] : $0 < $1 }
        var parent = (0..<g.nodeCount).map { Int32($0) }
        var size = [Int32](repeating: 1, count: g.nodeCount)
        func find(_ x: Int) -> Int {
            var x = x
            while Int(parent[x]) != x {
                parent[x] = parent[Int(parent[x])]
                x = Int(parent[x])
            }
            return x
        }
        var edges: [Int32] = []
        var total = 0.0
        for e32 in order {
            let e = Int(e32)
            var a = find(Int(g.edgeSources[e])), b = find(Int(g.edgeTargets[e]))
            if a == b { continue }
            if size[a] < size[b] { swap(&a, &b) }
            parent[b] = Int32(a)
            size[a] += size[b]
            edges.append(e32)
            total += w[e]
            if edges.count == g.nodeCount - 1 { break }
        }
        return Forest(edges: edges, totalWeight: total)
    }

    /// The relations of a minimum spanning forest of a graph (weights as lengths,
    /// missing weights 1; direction ignored), as indices into `graph.relations`.
    /// - Complexity: O(E log E).
    public static func minimum(in graph: Graph) -> [Int] {
        minimum(AdjacencySnapshot.of(graph).csr(.forward)).edges.map { Int($0) }
    }
}
