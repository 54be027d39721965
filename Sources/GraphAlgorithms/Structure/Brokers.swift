import GraphModel

/// Brokers: the entities and ties whose removal disconnects part of the graph.
public enum Brokers {
    /// A relation whose removal disconnects its two ends (direction ignored).
    public struct Bridge: Hashable, Sendable {
        /// The end with the smaller id.
        public var a: String
        /// The end with the larger id.
        public var b: String
        /// The relation: `graph.relation(bridge.relation)`.
        public var relation: RelationID
    }

    /// The cut vertices and bridges of a ``CSRGraph``, direction ignored.
    public struct CutStructure: Hashable, Sendable {
        /// Nodes whose removal increases the number of components, ascending.
        public var articulationPoints: [Int32]
        /// Edges whose removal increases the number of components, ascending by edge number.
        public var bridges: [Int32]
    }

    /// Articulation points and bridges, by one iterative depth-first search
    /// (low-point method). Parallel edges are never bridges (only the edge used to
    /// enter a node is skipped, not every edge to the parent).
    ///
    /// - Complexity: O(V + E) time, O(V) extra space.
    ///
    /// Reference: Hopcroft & Tarjan, "Efficient algorithms for graph manipulation" (1973).
    ///
    /// ```swift
    /// // triangle 0-1-2 with a tail 2-3
    /// let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2, 2], targets: [1, 2, 0, 3], directed: false)
    /// Brokers.cutStructure(g).articulationPoints // [2]
    /// Brokers.cutStructure(g).bridges            // [3]: the edge 2-3
    /// ```
    public static func cutStructure(_ graph: CSRGraph) -> CutStructure {
        let g = graph.undirected()
        let n = g.nodeCount
        var disc = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var parent = [Int32](repeating: -1, count: n)
        var parentEdge = [Int32](repeating: -1, count: n)
        var pos = [Int](repeating: 0, count: n)
        var isCut = [Bool](repeating: false, count: n)
        var bridges: [Int32] = []
        var stack: [Int32] = []
        var time: Int32 = 0
        for root in 0..<n where disc[root] < 0 {
            disc[root] = time; low[root] = time; time += 1
            pos[root] = g.outOffsets[root]
            stack.append(Int32(root))
            var rootChildren = 0
            while let top = stack.last {
                let u = Int(top)
                if pos[u] < g.outOffsets[u + 1] {
                    let i = pos[u]
                    pos[u] += 1
                    let v = Int(g.outNeighbors[i]), e = g.outEdges[i]
                    if e == parentEdge[u] { continue }
                    if disc[v] < 0 {
                        disc[v] = time; low[v] = time; time += 1
                        parent[v] = Int32(u); parentEdge[v] = e
                        pos[v] = g.outOffsets[v]
                        stack.append(Int32(v))
                        if u == root { rootChildren += 1 }
                    } else {
                        low[u] = min(low[u], disc[v])
                    }
                } else {
                    stack.removeLast()
                    let p = Int(parent[u])
                    if p >= 0 {
                        low[p] = min(low[p], low[u])
                        if low[u] > disc[p] { bridges.append(parentEdge[u]) }
                        if p != root && low[u] >= disc[p] { isCut[p] = true }
                    }
                }
            }
            if rootChildren > 1 { isCut[root] = true }
        }
        return CutStructure(
            articulationPoints: (0..<n).filter { isCut[$0] }.map { Int32($0) }, bridges: bridges.sorted())
    }

    /// Entities whose removal disconnects others (relations read both ways), sorted by id.
    /// - Complexity: O(V + E).
    public static func articulationPoints(in graph: Graph) -> [String] {
        let cut = cutStructure(AdjacencySnapshot.of(graph).csr(.undirected))
        return cut.articulationPoints.map { graph.entities[Int($0)].id }.sorted()
    }

    /// Relations whose removal disconnects their ends (relations read both ways),
    /// sorted by their ends' ids. Two relations joining the same pair are no bridge.
    /// - Complexity: O(V + E).
    public static func bridges(in graph: Graph) -> [Bridge] {
        let cut = cutStructure(AdjacencySnapshot.of(graph).csr(.undirected))
        return cut.bridges.map { e -> Bridge in
            let r = graph.relations[Int(e)]
            return Bridge(a: min(r.from, r.to), b: max(r.from, r.to), relation: graph.relationID(at: Int(e)))
        }.sorted { ($0.a, $0.b, $0.relation) < ($1.a, $1.b, $1.relation) }
    }
}
