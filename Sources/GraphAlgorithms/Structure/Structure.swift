import GraphModel

/// Whole-graph measures: diameter and density.
public enum Structure {
    /// The hop diameter of the largest component: for a directed graph its
    /// largest *strongly* connected component (elsewhere some distances are
    /// infinite), for an undirected one its largest connected component. Ties in
    /// size go to the component with the lowest node. 0 for an empty graph.
    ///
    /// Shortest paths between two nodes of one strong component never leave it,
    /// so plain BFS over the whole graph measures it.
    /// - Complexity: O(C·(V + E)) for a component of C nodes; O(V) extra space.
    ///
    /// ```swift
    /// let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2], targets: [1, 2, 3], directed: false)
    /// Structure.diameter(g) // 3
    /// ```
    public static func diameter(_ g: CSRGraph) -> Int {
        let comps = g.isDirected ? Components.stronglyConnected(g) : Components.connected(g)
        guard comps.count > 0 else { return 0 }
        let sizes = comps.sizes
        var best = 0
        for c in 1..<sizes.count where sizes[c] > sizes[best] { best = c }
        let members = (0..<g.nodeCount).filter { comps.labels[$0] == Int32(best) }
        var dist = [Int32](repeating: -1, count: g.nodeCount)
        var queue = [Int32](repeating: 0, count: g.nodeCount)
        var diameter: Int32 = 0
        for s in members {
            let reached = ShortestPaths.bfs(g, s, &dist, &queue)
            for k in 0..<reached {
                let v = Int(queue[k])
                if comps.labels[v] == Int32(best) { diameter = max(diameter, dist[v]) }
                dist[v] = -1
            }
        }
        return Int(diameter)
    }

    /// Density: arcs over possible arcs, `m / (n(n−1))` directed and
    /// `2m / (n(n−1))` undirected, counting one edge per joined pair (NetworkX's
    /// `density` on a simple graph). 0 when n < 2.
    /// - Complexity: O(V + E).
    ///
    /// ```swift
    /// // path 0-1-2-3: 3 of 6 possible edges
    /// Structure.density(g) // 0.5
    /// ```
    public static func density(_ g: CSRGraph) -> Double {
        let n = g.nodeCount
        guard n > 1 else { return 0 }
        let m = g.simplified().edgeCount
        let pairs = Double(n) * Double(n - 1)
        return g.isDirected ? Double(m) / pairs : 2 * Double(m) / pairs
    }

    /// Diameter of a graph's largest component (strong when `directed`; symmetric
    /// kinds are crossed both ways). See ``diameter(_:)``.
    /// - Complexity: O(C·(V + E)).
    public static func diameter(in graph: Graph, directed: Bool = false) -> Int {
        diameter(AdjacencySnapshot.of(graph).csr(directed ? .forward : .undirected))
    }

    /// Density of a graph, relations joining the same pair counted once. See ``density(_:)``.
    /// - Complexity: O(V + E).
    public static func density(in graph: Graph, directed: Bool = false) -> Double {
        density(AdjacencySnapshot.of(graph).csr(directed ? .forward : .undirected))
    }
}
