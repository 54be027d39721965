import Dispatch
import GraphAlgorithms

// Faster variants of library functions, kept here (not in Sources/) to measure the
// gain before they are proposed for GraphAlgorithms. Each returns exactly what the
// library function returns (checked by the CHECK lines of run.sh).

/// Raw storage written by several threads in disjoint places.
struct RawBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int
    init(repeating value: T, count: Int) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
        self.count = count
    }
    func free() { base.deinitialize(count: max(count, 1)); base.deallocate() }
}

enum Proto {
    // MARK: components

    /// Weak components by union–find with the Afforest shortcut (Sutton, Ben-Nun &
    /// Barak 2018): link every node to its first two neighbours, find the giant
    /// component from a sample, then scan the remaining arcs only of nodes outside it.
    /// Same labels as `Components.connected` (numbered by lowest node).
    /// - Complexity: O(V + E·α) worst case; O(V) when one component holds nearly everything.
    static func components(_ g: CSRGraph) -> NodeLabeling {
        let n = g.nodeCount
        if n == 0 { return NodeLabeling(labels: [], count: 0) }
        var parent = [Int32](unsafeUninitializedCapacity: n) { b, c in
            for i in 0..<n { b[i] = Int32(i) }
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
                                // The giant root stays a root; otherwise the smaller index wins.
                                if ra == giant || (rb != giant && ra < rb) { p[Int(rb)] = ra } else { p[Int(ra)] = rb }
                            }
                            // Phase 1: two sampled out-neighbours per node.
                            for r in 0..<2 {
                                for u in 0..<n where oo[u] + r < oo[u + 1] {
                                    link(Int32(u), on[oo[u] + r])
                                }
                            }
                            // The most frequent root in a sample of up to 1024 nodes
                            // (small graphs skip the shortcut: every arc is scanned).
                            if n >= 4096 {
                                var tally = [Int32](repeating: 0, count: n)
                                var best: Int32 = 0
                                for u in stride(from: 0, to: n, by: n / 1024) {
                                    let r = find(Int32(u))
                                    tally[Int(r)] += 1
                                    if tally[Int(r)] > best { best = tally[Int(r)]; giant = r }
                                }
                            }
                            // Phase 2: every remaining arc of nodes outside the giant component.
                            for u in 0..<n where find(Int32(u)) != giant {
                                var i = oo[u] + 2
                                while i < oo[u + 1] { link(Int32(u), on[i]); i += 1 }
                                if g.isDirected {
                                    for j in io[u]..<io[u + 1] { link(Int32(u), inn[j]) }
                                }
                            }
                            // Number components by their lowest node.
                            labels.withUnsafeMutableBufferPointer { lb in
                                var rootLabel = [Int32](repeating: -1, count: n)
                                for u in 0..<n {
                                    let r = Int(find(Int32(u)))
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

    // MARK: betweenness

    /// Brandes betweenness, unweighted, as `Centrality.betweenness(g)` (normalised
    /// by 1/((n−1)(n−2))), with Int32 distances and branch-free inner loops
    /// (path counts and dependencies added through selects, not branches).
    static func betweenness(_ g: CSRGraph, threads: Int = 2) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        let parts = n >= 64 ? max(1, threads) : 1
        let acc = RawBuffer<Double>(repeating: 0, count: parts * n)
        defer { acc.free() }
        let body: @Sendable (Int) -> Void = { part in
            let dist = RawBuffer<Int32>(repeating: -1, count: n)
            let sigma = RawBuffer<Double>(repeating: 0, count: n)
            let delta = RawBuffer<Double>(repeating: 0, count: n)
            let queue = RawBuffer<Int32>(repeating: 0, count: n)
            defer { dist.free(); sigma.free(); delta.free(); queue.free() }
            let d = dist.base, sg = sigma.base, dl = delta.base, q = queue.base
            let out = acc.base + part * n
            g.outOffsets.withUnsafeBufferPointer { off in
                g.outNeighbors.withUnsafeBufferPointer { nbr in
                    var s = part
                    while s < n {
                        // Forward: BFS counting shortest paths.
                        d[s] = 0; sg[s] = 1; q[0] = Int32(s)
                        var head = 0, tail = 1
                        while head < tail {
                            let u = Int(q[head]); head += 1
                            let du = d[u] + 1, su = sg[u]
                            for i in off[u]..<off[u + 1] {
                                let v = Int(nbr[i])
                                var dv2 = d[v]
                                if dv2 < 0 { dv2 = du; d[v] = du; q[tail] = Int32(truncatingIfNeeded: v); tail &+= 1 }
                                // dv2 ≤ du always (BFS): the factor is 1 exactly when dv2 == du.
                                sg[v] += su * Double(max(dv2 &- du, -1) &+ 1)
                            }
                        }
                        // Backward: dl[x] = (1 + δ(x)) / σ(x).
                        var k = tail - 1
                        while k > 0 {
                            let w = Int(q[k])
                            let next = d[w] + 1
                            var sum = 0.0
                            for i in off[w]..<off[w + 1] {
                                let x = Int(nbr[i])
                                // d[x] ≤ next always (x is a neighbour of a reached node).
                                sum += dl[x] * Double(max(d[x] &- next, -1) &+ 1)
                            }
                            let dep = sg[w] * sum
                            out[w] += dep
                            dl[w] = (1 + dep) / sg[w]
                            k -= 1
                        }
                        for k in 0..<tail {
                            let w = Int(q[k])
                            sg[w] = 0; dl[w] = 0; d[w] = -1
                        }
                        s += parts
                    }
                }
            }
        }
        if parts == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: body) }
        var result = [Double](repeating: 0, count: n)
        for p in 0..<parts { for i in 0..<n { result[i] += acc.base[p * n + i] } }
        if n > 2 {
            let scale = 1 / Double((n - 1) * (n - 2))
            for i in 0..<n { result[i] *= scale }
        }
        return result
    }

    /// All ones when `a == b`, else zero, without a branch.
    @inline(__always)
    static func equalMask(_ a: Int32, _ b: Int32) -> UInt64 {
        let x = Int64(a ^ b)
        // x | -x has its sign bit set iff x != 0.
        return UInt64(bitPattern: ((x | (0 &- x)) >> 63)) ^ ~0
    }

    // MARK: closeness

    /// Closeness as `Centrality.closeness(g)` (incoming distances, Wasserman–Faust
    /// scaling) by multi-source bit-parallel BFS (Then et al., "The more the
    /// merrier", VLDB 2014): 64 sources per pass share one sweep over the arcs,
    /// one bit per source. Batches are split over `threads`.
    /// - Complexity: O((V/64)·D·(V + E)) word operations for diameter D, plus O(V²) bit counting.
    static func closeness(_ g: CSRGraph, threads: Int = 2) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        // BFS from u follows in-arcs of the original graph (distances towards u);
        // the pull step of that BFS reads the out-arcs.
        let off = g.outOffsets, nbr = g.outNeighbors
        let batches = (n + 63) / 64
        let parts = batches >= 2 ? max(1, threads) : 1
        let out = RawBuffer<Double>(repeating: 0, count: n)
        defer { out.free() }
        let body: @Sendable (Int) -> Void = { part in
            var seen = [UInt64](repeating: 0, count: n)
            var frontier = [UInt64](repeating: 0, count: n)
            var next = [UInt64](repeating: 0, count: n)
            var total = [Int](repeating: 0, count: 64), reach = [Int](repeating: 0, count: 64)
            off.withUnsafeBufferPointer { o in
                nbr.withUnsafeBufferPointer { nb in
                    var batch = part
                    while batch < batches {
                        let first = batch * 64, width = min(64, n - first)
                        let full: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
                        for v in 0..<n { seen[v] = 0; frontier[v] = 0 }
                        for b in 0..<width { seen[first + b] = 1 << UInt64(b); frontier[first + b] = 1 << UInt64(b) }
                        for b in 0..<64 { total[b] = 0; reach[b] = 0 }
                        var level = 0
                        var active = true
                        while active {
                            level += 1
                            active = false
                            for v in 0..<n {
                                let sv = seen[v]
                                if sv == full { next[v] = 0; continue }
                                var a: UInt64 = 0
                                for i in o[v]..<o[v + 1] { a |= frontier[Int(nb[i])] }
                                next[v] = a & ~sv
                            }
                            for v in 0..<n {
                                var nw = next[v]
                                frontier[v] = nw
                                if nw != 0 {
                                    active = true
                                    seen[v] |= nw
                                    while nw != 0 {
                                        let b = nw.trailingZeroBitCount
                                        total[b] += level; reach[b] += 1
                                        nw &= nw &- 1
                                    }
                                }
                            }
                        }
                        for b in 0..<width {
                            var c = 0.0
                            if total[b] > 0 && n > 1 {
                                let r = Double(reach[b])
                                c = r / Double(total[b]) * (r / Double(n - 1))
                            }
                            out.base[first + b] = c
                        }
                        batch += parts
                    }
                }
            }
        }
        if parts == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: body) }
        return Array(UnsafeBufferPointer(start: out.base, count: n))
    }

    // MARK: Dijkstra

    /// `edgeWeights` gathered into out-arc order (what CSRGraph could store as `outWeights`).
    static func arcWeights(_ g: CSRGraph) -> [Double] {
        g.outEdges.withUnsafeBufferPointer { eid in
            g.edgeWeights.withUnsafeBufferPointer { w in
                [Double](unsafeUninitializedCapacity: eid.count) { b, c in
                    for i in 0..<eid.count { b[i] = w[Int(eid[i])] }
                    c = eid.count
                }
            }
        }
    }

    /// Dijkstra as `ShortestPaths.dijkstra(g, from:)` (same tie-breaking: key, then
    /// node) on a binary heap of packed (key, node) entries in one buffer, sifting a
    /// hole instead of swapping, and no `done` array (an entry is stale when its
    /// key exceeds the node's distance).
    static func dijkstra(
        _ g: CSRGraph, from source: Int, arcWeights: [Double]? = nil
    ) -> (distances: [Double], predecessors: [Int32], predecessorEdges: [Int32]) {
        let n = g.nodeCount
        // Weights in arc order: one sequential read per arc instead of a random
        // read of edgeWeights[outEdges[i]] (8 MB at 1M edges).
        let aw = arcWeights ?? Proto.arcWeights(g)
        var dist = [Double](repeating: .infinity, count: n)
        var pred = [Int32](repeating: -1, count: n), predEdge = [Int32](repeating: -1, count: n)
        struct Entry { var key: Double; var node: Int32 }
        var cap = 1024
        var heap = UnsafeMutablePointer<Entry>.allocate(capacity: cap)
        defer { heap.deallocate() }
        var size = 0
        @inline(__always) func less(_ a: Entry, _ b: Entry) -> Bool { a.key < b.key || (a.key == b.key && a.node < b.node) }
        @inline(__always) func push(_ e: Entry) {
            if size == cap {
                let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: cap * 2)
                bigger.moveInitialize(from: heap, count: size)
                heap.deallocate(); heap = bigger; cap *= 2
            }
            var i = size
            size += 1
            while i > 0 {
                let p = (i - 1) >> 1
                if !less(e, heap[p]) { break }
                heap[i] = heap[p]; i = p
            }
            heap[i] = e
        }
        @inline(__always) func pop() -> Entry {
            let top = heap[0]
            size -= 1
            if size > 0 {
                let last = heap[size]
                var i = 0
                while true {
                    var c = 2 * i + 1
                    if c >= size { break }
                    if c + 1 < size && less(heap[c + 1], heap[c]) { c += 1 }
                    if !less(heap[c], last) { break }
                    heap[i] = heap[c]; i = c
                }
                heap[i] = last
            }
            return top
        }
        dist.withUnsafeMutableBufferPointer { d in
            pred.withUnsafeMutableBufferPointer { pr in
                predEdge.withUnsafeMutableBufferPointer { pe in
                    g.outOffsets.withUnsafeBufferPointer { off in
                        g.outNeighbors.withUnsafeBufferPointer { nbr in
                            g.outEdges.withUnsafeBufferPointer { eid in
                                aw.withUnsafeBufferPointer { w in
                                    d[source] = 0
                                    push(Entry(key: 0, node: Int32(source)))
                                    while size > 0 {
                                        let top = pop()
                                        let u = Int(top.node), du = top.key
                                        if du > d[u] { continue }
                                        for i in off[u]..<off[u + 1] {
                                            let v = Int(nbr[i])
                                            let nd = du + w[i]
                                            if nd < d[v] {
                                                d[v] = nd; pr[v] = Int32(u); pe[v] = eid[i]
                                                push(Entry(key: nd, node: Int32(v)))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (dist, pred, predEdge)
    }
}

extension Proto {
    // MARK: CSR build

    /// The undirected out-adjacency `CSRGraph.init` builds (lists sorted by
    /// neighbour, then edge; arc d = 0 before d = 1 of the same edge), by the same
    /// two stable counting sorts, but carrying each arc's tail along instead of
    /// re-reading `sources[e]` / `targets[e]` in scattered order: the edge arrays
    /// are read sequentially and heads come from the bucket being walked.
    static func undirectedArcs(
        nodeCount n: Int, sources: [Int32], targets: [Int32]
    ) -> (offsets: [Int], neighbors: [Int32], edges: [Int32]) {
        let m = sources.count, arcs = 2 * m
        var headStart = [Int](repeating: 0, count: n + 1)
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbors = [Int32](repeating: 0, count: arcs)
        var edges = [Int32](repeating: 0, count: arcs)
        let tmpTail = RawBuffer<Int32>(repeating: 0, count: arcs)
        let tmpEdge = RawBuffer<Int32>(repeating: 0, count: arcs)
        defer { tmpTail.free(); tmpEdge.free() }
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                headStart.withUnsafeMutableBufferPointer { hs in
                    offsets.withUnsafeMutableBufferPointer { off in
                        for e in 0..<m {
                            let a = Int(src[e]), b = Int(dst[e])
                            hs[b + 1] += 1; hs[a + 1] += 1    // heads
                            off[a + 1] += 1; off[b + 1] += 1  // tails
                        }
                        for i in 0..<n { hs[i + 1] += hs[i]; off[i + 1] += off[i] }
                        // Pass 1: arcs bucketed by head, stable in (edge, direction).
                        var fill = Array(hs[0..<n])
                        fill.withUnsafeMutableBufferPointer { f in
                            for e in 0..<m {
                                let a = src[e], b = dst[e]
                                var p = f[Int(b)]; tmpTail.base[p] = a; tmpEdge.base[p] = Int32(e); f[Int(b)] = p + 1
                                p = f[Int(a)]; tmpTail.base[p] = b; tmpEdge.base[p] = Int32(e); f[Int(a)] = p + 1
                            }
                        }
                        // Pass 2: walk heads in order, append to each tail's list.
                        var next = Array(off[0..<n])
                        next.withUnsafeMutableBufferPointer { nx in
                            neighbors.withUnsafeMutableBufferPointer { nb in
                                edges.withUnsafeMutableBufferPointer { eb in
                                    for h in 0..<n {
                                        for k in hs[h]..<hs[h + 1] {
                                            let t = Int(tmpTail.base[k])
                                            let p = nx[t]
                                            nb[p] = Int32(h); eb[p] = tmpEdge.base[k]
                                            nx[t] = p + 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (offsets, neighbors, edges)
    }
}
