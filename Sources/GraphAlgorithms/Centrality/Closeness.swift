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
    /// `distance=` argument.
    ///
    /// Unweighted, the searches run 64 at a time as one multi-source bit-parallel
    /// breadth-first search: every node holds a 64-bit word per search state (seen,
    /// frontier), bit b standing for the b-th source of the batch, so one sweep over
    /// the arcs advances all 64 searches by a level. A level is pushed from the
    /// frontier nodes while their arcs are few, and pulled by every unfinished node
    /// from its in-neighbours once the frontier's arcs pass an eighth of the graph.
    /// Distances are integers, so the scores are exactly those of one search per node.
    /// Batches (weighted: nodes) are split over two threads, each with its own buffers.
    ///
    /// - Complexity: unweighted, O(V·(V + E)) time worst case, and O((V/64)·D·(V + E))
    ///   word operations plus O(V²) bit counting when the searches share their levels
    ///   (D the largest distance); O(V) extra space per thread. Weighted,
    ///   O(V·(V + E)·log V) time, O(V) extra space per thread.
    ///
    /// Reference: Wasserman & Faust, *Social Network Analysis* (1994), eq. 5.3;
    /// NetworkX `closeness_centrality` (`wf_improved=True`); the multi-source search:
    /// Then, Kaufmann, Chirigati, Hoang-Vu, Pham, Kemper, Neumann & Vo, "The more the
    /// merrier: efficient multi-source graph traversal" (VLDB 2014).
    ///
    /// ```swift
    /// // path 0 - 1 - 2
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
    /// Centrality.closeness(g) // [2/3, 1, 2/3]
    /// ```
    public static func closeness(_ g: CSRGraph, outward: Bool = false, weighted: Bool = false) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        // Distances from u along the arcs of h (toward u in g when measuring inward).
        let h = outward ? g : g.reversed()
        if weighted { return weightedCloseness(h, parts: partCount(for: n)) }
        let batches = (n + 63) / 64
        let parts = batches >= 2 ? 2 : 1
        let out = SharedBuffer<Double>(repeating: 0, count: n)
        defer { out.free() }
        runParts(parts) { part in
            var batch = part
            let search = MultiSourceBFS(nodeCount: n)
            defer { search.free() }
            while batch < batches {
                let first = batch * 64, width = min(64, n - first)
                search.run(h, first: first, width: width)
                for b in 0..<width {
                    var c = 0.0
                    let total = search.total.base[b]
                    if total > 0 && n > 1 {
                        let r = Double(search.reached.base[b])
                        c = r / Double(total) * (r / Double(n - 1))
                    }
                    out.base[first + b] = c
                }
                batch += parts
            }
        }
        return Array(UnsafeBufferPointer(start: out.base, count: n))
    }

    /// Up to 64 breadth-first searches at once, one bit per source (see
    /// ``closeness(_:outward:weighted:)``); buffers are allocated once per thread and
    /// reused from batch to batch (`free()` releases them).
    struct MultiSourceBFS {
        let n: Int
        /// Bits of the searches that have reached each node.
        let seen: SharedBuffer<UInt64>
        /// Bits of the searches that reached each node at the current level.
        let frontier: SharedBuffer<UInt64>
        /// Bits arriving at each node at the next level (all zero between levels).
        let next: SharedBuffer<UInt64>
        /// Nodes of the frontier; nodes of the next frontier; nodes a push touched;
        /// every node reached in the batch (each list holds distinct nodes).
        let current: SharedBuffer<Int32>, following: SharedBuffer<Int32>, touched: SharedBuffer<Int32>,
            visited: SharedBuffer<Int32>
        /// Per source bit: the sum of hop distances and the number of other nodes reached.
        let total: SharedBuffer<Int>, reached: SharedBuffer<Int>

        init(nodeCount: Int) {
            n = nodeCount
            seen = SharedBuffer(repeating: 0, count: n)
            frontier = SharedBuffer(repeating: 0, count: n)
            next = SharedBuffer(repeating: 0, count: n)
            current = SharedBuffer(repeating: 0, count: n)
            following = SharedBuffer(repeating: 0, count: n)
            touched = SharedBuffer(repeating: 0, count: n)
            visited = SharedBuffer(repeating: 0, count: n)
            total = SharedBuffer(repeating: 0, count: 64)
            reached = SharedBuffer(repeating: 0, count: 64)
        }

        func free() {
            for b in [seen, frontier, next] { b.free() }
            for b in [current, following, touched, visited] { b.free() }
            total.free(); reached.free()
        }

        /// Searches from the nodes `first..<first + width` along the out-arcs of `h`,
        /// filling `total` and `reached` for bits `0..<width`.
        func run(_ h: CSRGraph, first: Int, width: Int) {
            let sn = seen.base, fr = frontier.base, nx = next.base
            var cur = current.base, fol = following.base
            let tch = touched.base, vis = visited.base, tot = total.base, rch = reached.base
            for b in 0..<64 { tot[b] = 0; rch[b] = 0 }
            let full: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
            let pullAbove = (n + h.arcCount) / 8
            var curCount = 0, folCount = 0, visCount = 0
            for b in 0..<width {
                sn[first + b] = 1 << UInt64(b)
                fr[first + b] = 1 << UInt64(b)
                cur[b] = Int32(truncatingIfNeeded: first + b)
                vis[b] = cur[b]
            }
            curCount = width
            visCount = width
            var level = 0
            /// Node `v` is reached at `level` by the searches in `bits`, none of which had reached it.
            @inline(__always) func settle(_ v: Int, _ bits: UInt64) {
                if sn[v] == 0 { vis[visCount] = Int32(truncatingIfNeeded: v); visCount += 1 }
                sn[v] |= bits
                fr[v] = bits
                fol[folCount] = Int32(truncatingIfNeeded: v); folCount += 1
                var rest = bits
                while rest != 0 {
                    let b = rest.trailingZeroBitCount
                    tot[b] += level
                    rch[b] += 1
                    rest &= rest &- 1
                }
            }
            h.outOffsets.withUnsafeBufferPointer { oo in
                h.outNeighbors.withUnsafeBufferPointer { on in
                    h.inOffsets.withUnsafeBufferPointer { io in
                        h.inNeighbors.withUnsafeBufferPointer { inn in
                            while curCount > 0 {
                                level += 1
                                folCount = 0
                                var work = curCount
                                for k in 0..<curCount { let v = Int(cur[k]); work += oo[v + 1] - oo[v] }
                                if work > pullAbove {
                                    // Pull: every unfinished node gathers its in-neighbours' frontiers.
                                    for v in 0..<n {
                                        let sv = sn[v]
                                        if sv == full { continue }
                                        var a: UInt64 = 0
                                        for i in io[v]..<io[v + 1] { a |= fr[Int(inn[i])] }
                                        nx[v] = a & ~sv
                                    }
                                    for k in 0..<curCount { fr[Int(cur[k])] = 0 }
                                    for v in 0..<n where nx[v] != 0 {
                                        settle(v, nx[v])
                                        nx[v] = 0
                                    }
                                } else {
                                    // Push: the frontier nodes send their bits along their out-arcs.
                                    var tchCount = 0
                                    for k in 0..<curCount {
                                        let v = Int(cur[k])
                                        let f = fr[v]
                                        fr[v] = 0
                                        for i in oo[v]..<oo[v + 1] {
                                            let w = Int(on[i])
                                            let old = nx[w]
                                            if old == 0 { tch[tchCount] = Int32(truncatingIfNeeded: w); tchCount += 1 }
                                            nx[w] = old | f
                                        }
                                    }
                                    for k in 0..<tchCount {
                                        let w = Int(tch[k])
                                        let nw = nx[w] & ~sn[w]
                                        nx[w] = 0
                                        if nw != 0 { settle(w, nw) }
                                    }
                                }
                                swap(&cur, &fol)
                                curCount = folCount
                            }
                        }
                    }
                }
            }
            // Leave the buffers clear for the next batch.
            for k in 0..<visCount { let v = Int(vis[k]); sn[v] = 0; fr[v] = 0 }
        }
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
