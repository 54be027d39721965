import GraphModel

/// A path query over a graph, resolved to integers once: the traversal view
/// (direction, relation kinds and dates applied as an edge filter), the mask of
/// entities allowed as intermediates, and the two ends.
struct PathQuery {
    let graph: Graph
    let snap: AdjacencySnapshot
    let csr: CSRGraph
    let nodeOK: [Bool]?
    let constraints: PathConstraints
    let source: Int
    let target: Int

    init(_ graph: Graph, _ snap: AdjacencySnapshot, from: String, to: String, _ c: PathConstraints) throws(GraphAlgorithmsError) {
        guard let s = graph.index(of: from) else { throw .unknownEntity(from) }
        guard let t = graph.index(of: to) else { throw .unknownEntity(to) }
        try PathQuery.validate(c, graph: graph, snap: snap)
        self.graph = graph
        self.snap = snap
        constraints = c
        source = s
        target = t
        csr = snap.view(
            direction: c.directed ? .forward : .undirected, relationKinds: c.kinds, excludedKinds: c.excludedKinds,
            during: c.at, keepUndated: c.keepUndated)
        if c.throughKinds != nil || !c.avoid.isEmpty {
            var ok = [Bool](repeating: true, count: snap.nodeCount)
            if let through = c.throughKinds {
                let kindOK = snap.entityKindNames.map { through.contains($0) }
                for i in 0..<snap.nodeCount { ok[i] = kindOK[Int(snap.entityKinds[i])] }
            }
            for id in c.avoid { if let i = graph.index(of: id) { ok[i] = false } }
            nodeOK = ok
        } else {
            nodeOK = nil
        }
    }

    static func validate(_ c: PathConstraints, graph: Graph, snap: AdjacencySnapshot) throws(GraphAlgorithmsError) {
        for k in (c.kinds ?? []).union(c.excludedKinds).sorted() where snap.relationKindCode(k) == nil {
            throw .unknownRelationKind(k)
        }
        for k in (c.throughKinds ?? []).sorted() where snap.entityKindCode(k) == nil { throw .unknownEntityKind(k) }
        for id in c.avoid.sorted() where graph.index(of: id) == nil { throw .unknownEntity(id) }
        if let h = c.maxHops, h < 0 { throw .invalidArgument("max hops must be ≥ 0, not \(h)") }
    }

    /// Length of crossing edge `e`.
    @inline(__always) func cost(_ e: Int) -> Double { constraints.weighted ? csr.edgeWeights[e] : 1 }

    /// The earliest day at which edge `e` can be crossed after day `time`, or `nil`.
    @inline(__always) func timeAfter(_ time: Int, crossing e: Int) -> Int? {
        guard snap.dated[e] else { return time }
        if snap.spanLast[e] < time { return nil }
        return max(time, snap.spanFirst[e])
    }

    /// Whether `v` may be entered on the way to `t`.
    @inline(__always) func mayEnter(_ v: Int, target t: Int) -> Bool { v == t || (nodeOK?[v] ?? true) }

    /// A ``Path`` in entity ids for an index path.
    func path(_ p: CSRPath) -> Path {
        var hops: [Path.Hop] = []
        hops.reserveCapacity(p.edges.count)
        for (i, e32) in p.edges.enumerated() {
            let e = Int(e32), u = p.nodes[i], v = p.nodes[i + 1]
            let forward = snap.sources[e] == u && snap.targets[e] == v
            hops.append(Path.Hop(from: snap.ids[Int(u)], to: snap.ids[Int(v)], relation: graph.relationID(at: e), forward: forward))
        }
        return Path(entities: p.nodes.map { snap.ids[Int($0)] }, hops: hops, length: p.length)
    }

    /// The day reached at the end of `edges` starting at `start`, or `nil` when they are not time-respecting.
    func time(after edges: ArraySlice<Int32>, start: Int = Int.min) -> Int? {
        var t = start
        for e in edges {
            guard let next = timeAfter(t, crossing: Int(e)) else { return nil }
            t = next
        }
        return t
    }

    /// Shortest path by label setting: labels (distance, hops, day) per entity,
    /// popped in distance order; a label is dropped when a settled label at the
    /// same entity is no worse in every measure that matters (hops only under a
    /// hop limit, day only when time-respecting). Without those two it is exactly
    /// Dijkstra (or BFS when unweighted). Paths found are simple.
    ///
    /// - Complexity: O((V + E) log V) without a hop limit or time; with them, O(L log L)
    ///   for the L non-dominated labels (at most V·H with a hop limit H).
    func labelSearch(
        from s: Int, to t: Int, startTime: Int = Int.min, blockedNodes: [Bool]? = nil,
        blockedArcs: Set<Int64> = [], hopBudget: Int? = nil
    ) -> CSRPath? {
        let useHops = hopBudget != nil
        let useTime = constraints.timeRespecting
        if let hopBudget, hopBudget < 0 { return nil }
        if s == t { return CSRPath(nodes: [Int32(s)], edges: [], length: 0) }
        let n = csr.nodeCount
        var lNode: [Int32] = [], lDist: [Double] = [], lHops: [Int32] = [], lTime: [Int] = []
        var lParent: [Int32] = [], lEdge: [Int32] = []
        var settled = [[Int32]](repeating: [], count: n)
        var heap = MinHeap()
        func add(_ v: Int, _ d: Double, _ h: Int32, _ tm: Int, _ parent: Int32, _ e: Int32) {
            lNode.append(Int32(v)); lDist.append(d); lHops.append(h); lTime.append(tm)
            lParent.append(parent); lEdge.append(e)
            heap.push(d, Int32(lNode.count - 1))
        }
        func dominated(_ v: Int, _ d: Double, _ h: Int32, _ tm: Int) -> Bool {
            for l32 in settled[v] {
                let l = Int(l32)
                if lDist[l] <= d && (!useHops || lHops[l] <= h) && (!useTime || lTime[l] <= tm) { return true }
            }
            return false
        }
        add(s, 0, 0, startTime, -1, -1)
        let nBlocked = Int64(n)
        while !heap.isEmpty {
            let l = Int(heap.pop().value)
            let u = Int(lNode[l])
            if dominated(u, lDist[l], lHops[l], lTime[l]) { continue }
            settled[u].append(Int32(l))
            if u == t {
                var nodes: [Int32] = [], edges: [Int32] = []
                var x = l
                while x >= 0 {
                    nodes.append(lNode[x])
                    if lEdge[x] >= 0 { edges.append(lEdge[x]) }
                    x = Int(lParent[x])
                }
                return CSRPath(nodes: nodes.reversed(), edges: edges.reversed(), length: lDist[l])
            }
            if u != s && !(nodeOK?[u] ?? true) { continue }
            let h = lHops[l] + 1
            if let hopBudget, Int(h) > hopBudget { continue }
            for i in csr.outOffsets[u]..<csr.outOffsets[u + 1] {
                let v = Int(csr.outNeighbors[i])
                if !mayEnter(v, target: t) { continue }
                if let blockedNodes, blockedNodes[v] { continue }
                if !blockedArcs.isEmpty && blockedArcs.contains(Int64(u) * nBlocked + Int64(v)) { continue }
                let e = Int(csr.outEdges[i])
                var tm = lTime[l]
                if useTime {
                    guard let next = timeAfter(tm, crossing: e) else { continue }
                    tm = next
                }
                let d = lDist[l] + cost(e)
                if dominated(v, d, h, tm) { continue }
                add(v, d, h, tm, Int32(l), Int32(e))
            }
        }
        return nil
    }

    /// The shortest path under every constraint.
    func shortest() -> CSRPath? {
        let c = constraints
        if !c.weighted && !c.timeRespecting {
            var scratch = ShortestPaths.BidirectionalScratch(nodeCount: csr.nodeCount)
            return ShortestPaths.bidirectional(csr, source, target, nodeOK: nodeOK, maxHops: c.maxHops, scratch: &scratch)
        }
        return labelSearch(from: source, to: target, hopBudget: c.maxHops)
    }

    /// Distances from the source and, for every entity, its predecessors on
    /// shortest paths in the simple graph (one arc per neighbouring entity: the
    /// lightest, ties to the lowest relation index). Not for time-respecting searches.
    func shortestPathDAG(stopAtTarget: Bool = true) -> ShortestPathDAG {
        let n = csr.nodeCount, s = source, t = target
        var dist = [Double](repeating: .infinity, count: n)
        var preds = [[Int32]](repeating: [], count: n)
        var predEdges = [[Int32]](repeating: [], count: n)
        var done = [Bool](repeating: false, count: n)
        var order: [Int32] = []
        var heap = MinHeap()
        dist[s] = 0
        heap.push(0, Int32(s))
        while !heap.isEmpty {
            let (du, u32) = heap.pop()
            let u = Int(u32)
            if done[u] || du > dist[u] { continue }
            done[u] = true
            order.append(u32)
            if u != s && ((stopAtTarget && u == t) || !(nodeOK?[u] ?? true)) { continue }
            if let maxHops = constraints.maxHops, !constraints.weighted, du >= Double(maxHops) { continue }
            var i = csr.outOffsets[u]
            let end = csr.outOffsets[u + 1]
            while i < end {
                let v = Int(csr.outNeighbors[i])
                // The lightest of the parallel arcs to v (they are adjacent in the list).
                var best = Int(csr.outEdges[i]), bestCost = cost(best)
                var j = i + 1
                while j < end && Int(csr.outNeighbors[j]) == v {
                    let e = Int(csr.outEdges[j])
                    if cost(e) < bestCost { best = e; bestCost = cost(e) }
                    j += 1
                }
                i = j
                if v == u || done[v] || !(stopAtTarget ? mayEnter(v, target: t) : true) { continue }
                let nd = du + bestCost
                if nd < dist[v] {
                    dist[v] = nd; preds[v] = [u32]; predEdges[v] = [Int32(best)]
                    heap.push(nd, Int32(v))
                } else if nd == dist[v] {
                    preds[v].append(u32); predEdges[v].append(Int32(best))
                }
            }
        }
        if let maxHops = constraints.maxHops, !constraints.weighted, dist[t] > Double(maxHops) {
            dist[t] = .infinity
        }
        return ShortestPathDAG(distances: dist, predecessors: preds, predecessorEdges: predEdges, order: order)
    }
}

/// Shortest-path predecessor lists (internal to path enumeration and counting).
struct ShortestPathDAG {
    var distances: [Double]
    var predecessors: [[Int32]]
    var predecessorEdges: [[Int32]]
    /// Nodes in the order they were settled (every predecessor before its successors).
    var order: [Int32]

    /// Number of distinct shortest paths from the source to `t` (saturating at `Int.max`).
    func count(to t: Int, source s: Int) -> Int {
        guard distances[t].isFinite else { return 0 }
        var sigma = [Int](repeating: 0, count: distances.count)
        sigma[s] = 1
        for v32 in order where Int(v32) != s {
            let v = Int(v32)
            var total = 0
            for p in predecessors[v] {
                let (r, o) = total.addingReportingOverflow(sigma[Int(p)])
                total = o ? Int.max : r
            }
            sigma[v] = total
        }
        return sigma[t]
    }

    /// Every shortest path to `t`, at most `limit`, in order of their entity sequence
    /// (each reversed walk from `t` takes predecessors in the order found).
    func paths(to t: Int, source s: Int, limit: Int) -> [CSRPath] {
        guard distances[t].isFinite, limit > 0 else { return [] }
        var out: [CSRPath] = []
        var nodes: [Int32] = [Int32(t)], edges: [Int32] = []
        func walk(_ v: Int) {
            if out.count >= limit { return }
            if v == s {
                out.append(CSRPath(nodes: nodes.reversed(), edges: edges.reversed(), length: distances[t]))
                return
            }
            for (k, p) in predecessors[v].enumerated() {
                nodes.append(p); edges.append(predecessorEdges[v][k])
                walk(Int(p))
                nodes.removeLast(); edges.removeLast()
                if out.count >= limit { return }
            }
        }
        walk(t)
        return out
    }
}
