/// Shortest paths: breadth-first search, bidirectional search, Dijkstra, all
/// shortest paths, the k shortest simple paths, and constrained searches over a
/// ``GraphModel/Graph``. The index-level functions run on a ``CSRGraph``.
public enum ShortestPaths {}

extension ShortestPaths {
    /// Hop distance from `source` to every node, following out-arcs (-1 where unreachable).
    ///
    /// - Complexity: O(V + E) time, O(V) extra space (one distance array, one queue).
    /// - Throws: ``GraphAlgorithmsError/nodeOutOfRange(_:nodeCount:)``.
    ///
    /// Reference: Moore, "The shortest path through a maze" (1959).
    ///
    /// ```swift
    /// let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2], targets: [1, 2, 3], directed: true)
    /// try ShortestPaths.breadthFirstDistances(g, from: 1) // [-1, 0, 1, 2]
    /// ```
    public static func breadthFirstDistances(_ g: CSRGraph, from source: Int) throws(GraphAlgorithmsError) -> [Int32] {
        try g.check(source)
        var dist = [Int32](repeating: -1, count: g.nodeCount)
        var queue = [Int32](repeating: 0, count: g.nodeCount)
        bfs(g, source, &dist, &queue)
        return dist
    }

    /// BFS into caller-owned buffers (no allocation); returns the number of nodes reached.
    @discardableResult
    static func bfs(_ g: CSRGraph, _ source: Int, _ dist: inout [Int32], _ queue: inout [Int32]) -> Int {
        g.outOffsets.withUnsafeBufferPointer { off in
            g.outNeighbors.withUnsafeBufferPointer { nbr in
                dist.withUnsafeMutableBufferPointer { d in
                    queue.withUnsafeMutableBufferPointer { q in
                        d[source] = 0
                        q[0] = Int32(source)
                        var head = 0, tail = 1
                        while head < tail {
                            let u = Int(q[head]); head += 1
                            let du = d[u] + 1
                            for i in off[u]..<off[u + 1] {
                                let v = Int(nbr[i])
                                if d[v] < 0 { d[v] = du; q[tail] = Int32(v); tail += 1 }
                            }
                        }
                        return tail
                    }
                }
            }
        }
    }

    /// Breadth-first shortest-path tree from `source` (hop counts; the first arc
    /// found, i.e. the lowest-ranked neighbour, reaches each node).
    /// - Complexity: O(V + E) time, O(V) extra space.
    /// - Throws: ``GraphAlgorithmsError/nodeOutOfRange(_:nodeCount:)``.
    public static func breadthFirstTree(_ g: CSRGraph, from source: Int) throws(GraphAlgorithmsError) -> ShortestPathTree {
        try g.check(source)
        let n = g.nodeCount
        var dist = [Double](repeating: .infinity, count: n)
        var pred = [Int32](repeating: -1, count: n), predEdge = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        dist[source] = 0
        queue[0] = Int32(source)
        var head = 0, tail = 1
        while head < tail {
            let u = Int(queue[head]); head += 1
            for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                let v = Int(g.outNeighbors[i])
                if dist[v] == .infinity {
                    dist[v] = dist[u] + 1; pred[v] = Int32(u); predEdge[v] = g.outEdges[i]
                    queue[tail] = Int32(v); tail += 1
                }
            }
        }
        return ShortestPathTree(source: source, distances: dist, predecessors: pred, predecessorEdges: predEdge)
    }

    /// One shortest (fewest-hop) path from `source` to `target` by bidirectional
    /// breadth-first search: the smaller frontier grows one level at a time, out-arcs
    /// from the source side and in-arcs from the target side, until they meet.
    ///
    /// Returns `nil` when `target` is unreachable.
    /// - Complexity: O(V + E) time in the worst case, usually far less (each side
    ///   explores about the square root of what one BFS would); O(V) extra space.
    /// - Throws: ``GraphAlgorithmsError/nodeOutOfRange(_:nodeCount:)``.
    ///
    /// Reference: Pohl, "Bi-directional search" (1971); NetworkX `bidirectional_shortest_path`.
    ///
    /// ```swift
    /// let g = try CSRGraph(nodeCount: 5, sources: [0, 1, 2, 3, 0], targets: [1, 2, 3, 4, 4], directed: false)
    /// try ShortestPaths.bidirectionalPath(g, from: 1, to: 4)?.nodes // [1, 0, 4]
    /// ```
    public static func bidirectionalPath(_ g: CSRGraph, from source: Int, to target: Int) throws(GraphAlgorithmsError) -> CSRPath? {
        try g.check(source)
        try g.check(target)
        var scratch = BidirectionalScratch(nodeCount: g.nodeCount)
        return bidirectional(g, source, target, nodeOK: nil, maxHops: nil, scratch: &scratch)
    }

    /// Reusable buffers for ``bidirectional(_:_:_:nodeOK:maxHops:scratch:)``:
    /// the stamps make resetting O(1) between queries.
    struct BidirectionalScratch {
        var stampF: [Int32], stampB: [Int32]
        var predF: [Int32], predB: [Int32]
        var edgeF: [Int32], edgeB: [Int32]
        var stamp: Int32 = 0
        init(nodeCount n: Int) {
            stampF = .init(repeating: 0, count: n); stampB = stampF
            predF = .init(repeating: -1, count: n); predB = predF
            edgeF = predF; edgeB = predF
        }
    }

    /// Bidirectional BFS; intermediate nodes must pass `nodeOK`; at most `maxHops` hops.
    static func bidirectional(
        _ g: CSRGraph, _ s: Int, _ t: Int, nodeOK: [Bool]?, maxHops: Int?, scratch sc: inout BidirectionalScratch
    ) -> CSRPath? {
        if s == t { return CSRPath(nodes: [Int32(s)], edges: [], length: 0) }
        if let maxHops, maxHops < 1 { return nil }
        sc.stamp &+= 1
        if sc.stamp == Int32.max {
            for i in 0..<g.nodeCount { sc.stampF[i] = 0; sc.stampB[i] = 0 }
            sc.stamp = 1
        }
        let st = sc.stamp
        sc.stampF[s] = st; sc.predF[s] = -1
        sc.stampB[t] = st; sc.predB[t] = -1
        var frontF: [Int32] = [Int32(s)], frontB: [Int32] = [Int32(t)]
        var next: [Int32] = []
        var depth = 0
        var meet = -1
        @inline(__always) func allowed(_ v: Int) -> Bool { v == s || v == t || (nodeOK?[v] ?? true) }
        while !frontF.isEmpty && !frontB.isEmpty && meet < 0 {
            if let maxHops, depth >= maxHops { return nil }
            depth += 1
            next.removeAll(keepingCapacity: true)
            // Grow the side whose frontier has fewer arcs to scan.
            var workF = 0, workB = 0
            for u in frontF { workF += g.outDegree(Int(u)) }
            for u in frontB { workB += g.inDegree(Int(u)) }
            if workF <= workB {
                scan: for u32 in frontF {
                    let u = Int(u32)
                    for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                        let v = Int(g.outNeighbors[i])
                        if sc.stampF[v] == st || !allowed(v) { continue }
                        sc.stampF[v] = st; sc.predF[v] = u32; sc.edgeF[v] = g.outEdges[i]
                        if sc.stampB[v] == st { meet = v; break scan }
                        next.append(Int32(v))
                    }
                }
                swap(&frontF, &next)
            } else {
                scan: for u32 in frontB {
                    let u = Int(u32)
                    for i in g.inOffsets[u]..<g.inOffsets[u + 1] {
                        let v = Int(g.inNeighbors[i])
                        if sc.stampB[v] == st || !allowed(v) { continue }
                        sc.stampB[v] = st; sc.predB[v] = u32; sc.edgeB[v] = g.inEdges[i]
                        if sc.stampF[v] == st { meet = v; break scan }
                        next.append(Int32(v))
                    }
                }
                swap(&frontB, &next)
            }
        }
        guard meet >= 0 else { return nil }
        var nodes: [Int32] = [], edges: [Int32] = []
        var v = meet
        while v != s { nodes.append(Int32(v)); edges.append(sc.edgeF[v]); v = Int(sc.predF[v]) }
        nodes.append(Int32(s))
        nodes.reverse(); edges.reverse()
        v = meet
        while v != t { edges.append(sc.edgeB[v]); v = Int(sc.predB[v]); nodes.append(Int32(v)) }
        return CSRPath(nodes: nodes, edges: edges, length: Double(edges.count))
    }

    /// Bidirectional BFS for many pairs, reusing one set of buffers (what a batch of
    /// s–t queries on a large graph wants). `nil` entries are unreachable pairs.
    /// - Complexity: per pair as ``bidirectionalPath(_:from:to:)``; O(V) extra space once.
    /// - Throws: ``GraphAlgorithmsError/nodeOutOfRange(_:nodeCount:)``.
    public static func bidirectionalPaths(_ g: CSRGraph, pairs: [(source: Int, target: Int)]) throws(GraphAlgorithmsError) -> [CSRPath?] {
        for p in pairs { try g.check(p.source); try g.check(p.target) }
        var scratch = BidirectionalScratch(nodeCount: g.nodeCount)
        return pairs.map { bidirectional(g, $0.source, $0.target, nodeOK: nil, maxHops: nil, scratch: &scratch) }
    }
}
