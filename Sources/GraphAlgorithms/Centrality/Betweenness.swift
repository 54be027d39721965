import GraphModel

extension Centrality {
    /// Shortest-path betweenness of every node: the sum over pairs s ≠ v ≠ t of the
    /// fraction of shortest s–t paths through v (endpoints excluded).
    ///
    /// Normalised as NetworkX does, by 1/((n−1)(n−2)) for directed and undirected
    /// graphs alike (sources run over every node, so an undirected pair is counted
    /// from both ends); unnormalised undirected values are halved. Weighted runs
    /// read weights as lengths (Dijkstra) and compare distances exactly, as NetworkX does.
    ///
    /// Sources are split over two threads (`DispatchQueue.concurrentPerform`),
    /// each with its own accumulators, and the two halves are added in a fixed
    /// order, so results are identical from run to run.
    ///
    /// The unweighted search keeps `Int32` distances and adds path counts and
    /// dependencies without data-dependent branches: in a breadth-first search an
    /// arc u→v always has d(v) ≤ d(u) + 1, so `max(d(v) − d(u) − 1, −1) + 1` is 1
    /// on a shortest-path arc and 0 otherwise, and multiplies what is added. The
    /// sums are the same, term for term, as with the branches. A multiplication by
    /// 0 would turn an infinite path count into NaN, so a source whose path counts
    /// overflow a `Double` (more than about 1.8·10^308 shortest paths to some node)
    /// is redone with the branches: the result is then exactly what the branching
    /// code gives.
    ///
    /// - Complexity: O(V·E) time unweighted, O(V·E·log V) weighted; O(V + E) extra
    ///   space per thread.
    ///
    /// Reference: Brandes, "A faster algorithm for betweenness centrality" (2001);
    /// NetworkX `betweenness_centrality`.
    ///
    /// ```swift
    /// // path 0 - 1 - 2: node 1 is on the only 0–2 path
    /// let g = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
    /// Centrality.betweenness(g) // [0, 1, 0]
    /// ```
    public static func betweenness(_ g: CSRGraph, weighted: Bool = false, normalized: Bool = true) -> [Double] {
        let n = g.nodeCount
        guard n > 0 else { return [] }
        let parts = partCount(for: n)
        let acc = SharedBuffer<Double>(repeating: 0, count: parts * n)
        defer { acc.free() }
        runParts(parts) { part in
            let out = acc.base + part * n
            if !weighted {
                unweightedBrandes(g, first: part, step: parts, out)
                return
            }
            var sigma = [Double](repeating: 0, count: n)
            var delta = [Double](repeating: 0, count: n)
            var dist = [Double](repeating: -1, count: n)
            var order = [Int32](repeating: 0, count: n)
            var heap = MinHeap()
            var s = part
            while s < n {
                let reached = brandesDijkstra(g, s, &sigma, &dist, &order, &heap)
                accumulate(g, reached: reached, s, &sigma, &delta, &dist, &order, out)
                s += parts
            }
        }
        return combined(acc, parts: parts, g, normalized: normalized)
    }

    /// The parts' accumulators added in a fixed order, times NetworkX's
    /// normalisation and `extra` (n/k for k sampled sources).
    /// - Complexity: O(parts · n).
    static func combined(_ acc: SharedBuffer<Double>, parts: Int, _ g: CSRGraph, normalized: Bool, extra: Double = 1) -> [Double] {
        let n = g.nodeCount
        var result = [Double](repeating: 0, count: n)
        for p in 0..<parts {
            for i in 0..<n { result[i] += acc.base[p * n + i] }
        }
        var scale = extra
        if normalized {
            if n > 2 { scale /= Double((n - 1) * (n - 2)) }
        } else if !g.isDirected {
            scale *= 0.5
        }
        if scale != 1 { for i in 0..<n { result[i] *= scale } }
        return result
    }

    /// Unweighted Brandes from the sources `first`, `first + step`, … (of `sources`
    /// when given, else of the nodes), adding each node's dependency into `out`.
    static func unweightedBrandes(_ g: CSRGraph, first: Int, step: Int, _ out: UnsafeMutablePointer<Double>,
                                  sources: [Int]? = nil) {
        let n = g.nodeCount
        let dist = SharedBuffer<Int32>(repeating: -1, count: n)
        let sigma = SharedBuffer<Double>(repeating: 0, count: n)
        let delta = SharedBuffer<Double>(repeating: 0, count: n)
        let queue = SharedBuffer<Int32>(repeating: 0, count: n)
        defer { dist.free(); sigma.free(); delta.free(); queue.free() }
        let d = dist.base, sg = sigma.base, dl = delta.base, q = queue.base
        g.outOffsets.withUnsafeBufferPointer { off in
            g.outNeighbors.withUnsafeBufferPointer { nbr in
                var position = first
                let end = sources?.count ?? n
                while position < end {
                    let s = sources?[position] ?? position
                    // Forward: breadth-first search counting shortest paths, branch-free.
                    d[s] = 0; sg[s] = 1; q[0] = Int32(truncatingIfNeeded: s)
                    var head = 0, tail = 1
                    var finite = true
                    while head < tail {
                        let u = Int(q[head]); head += 1
                        let du = d[u] + 1, su = sg[u]
                        // σ(u) is final when u leaves the queue: check it there.
                        if !su.isFinite { finite = false }
                        for i in off[u]..<off[u + 1] {
                            let v = Int(nbr[i])
                            var dv = d[v]
                            if dv < 0 { dv = du; d[v] = du; q[tail] = Int32(truncatingIfNeeded: v); tail &+= 1 }
                            // dv ≤ du always: the factor is 1 exactly when dv == du.
                            sg[v] += su * Double(max(dv &- du, -1) &+ 1)
                        }
                    }
                    if !finite {
                        // Path counts overflowed: count them again with branches (no 0·∞).
                        for k in 0..<tail { sg[Int(q[k])] = 0 }
                        sg[s] = 1
                        for k in 0..<tail {
                            let u = Int(q[k])
                            let du = d[u] + 1, su = sg[u]
                            for i in off[u]..<off[u + 1] {
                                let v = Int(nbr[i])
                                if d[v] == du { sg[v] += su }
                            }
                        }
                    }
                    // Backward: dl[x] = (1 + δ(x)) / σ(x), so the inner loop only adds.
                    var k = tail - 1
                    while k > 0 {
                        let w = Int(q[k])
                        let next = d[w] + 1
                        var sum = 0.0
                        if finite {
                            for i in off[w]..<off[w + 1] {
                                let x = Int(nbr[i])
                                // d[x] ≤ next always (x is reached from w).
                                sum += dl[x] * Double(max(d[x] &- next, -1) &+ 1)
                            }
                        } else {
                            for i in off[w]..<off[w + 1] {
                                let x = Int(nbr[i])
                                if d[x] == next { sum += dl[x] }
                            }
                        }
                        let dependency = sg[w] * sum
                        out[w] += dependency
                        dl[w] = (1 + dependency) / sg[w]
                        k -= 1
                    }
                    for k in 0..<tail {
                        let w = Int(q[k])
                        sg[w] = 0; dl[w] = 0; d[w] = -1
                    }
                    position += step
                }
            }
        }
    }

    /// Dijkstra from `s` counting shortest paths; fills `order` with nodes as settled.
    /// Every push carries a distance strictly below the node's previous one, so
    /// exactly one heap entry per node matches its final distance: no settled flags needed.
    static func brandesDijkstra(
        _ g: CSRGraph, _ s: Int, _ sigma: inout [Double], _ dist: inout [Double], _ order: inout [Int32],
        _ heap: inout MinHeap
    ) -> Int {
        heap.removeAll()
        var count = 0
        sigma[s] = 1; dist[s] = 0
        heap.push(0, Int32(s))
        while !heap.isEmpty {
            let (du, u32) = heap.pop()
            let u = Int(u32)
            if du > dist[u] { continue }
            order[count] = u32; count += 1
            let su = sigma[u]
            for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                let v = Int(g.outNeighbors[i])
                if v == u { continue }
                let nd = du + g.edgeWeights[Int(g.outEdges[i])]
                if dist[v] < 0 || nd < dist[v] {
                    dist[v] = nd; sigma[v] = su
                    heap.push(nd, Int32(v))
                } else if nd == dist[v] {
                    sigma[v] += su
                }
            }
        }
        return count
    }

    /// Weighted dependency accumulation in reverse order, resetting the touched entries.
    static func accumulate(
        _ g: CSRGraph, reached: Int, _ s: Int, _ sigma: inout [Double], _ delta: inout [Double],
        _ dist: inout [Double], _ order: inout [Int32], _ out: UnsafeMutablePointer<Double>
    ) {
        g.outOffsets.withUnsafeBufferPointer { off in
            g.outNeighbors.withUnsafeBufferPointer { nbr in
                g.outEdges.withUnsafeBufferPointer { eid in
                    g.edgeWeights.withUnsafeBufferPointer { wts in
                        sigma.withUnsafeMutableBufferPointer { sg in
                            delta.withUnsafeMutableBufferPointer { dl in
                                dist.withUnsafeMutableBufferPointer { d in
                                    order.withUnsafeMutableBufferPointer { q in
                                        // dl[x] holds (1 + δ(x)) / σ(x) once x is done, so the
                                        // inner loop only adds (no division per arc).
                                        var k = reached - 1
                                        while k >= 0 {
                                            let w = Int(q[k])
                                            let dw = d[w], sw = sg[w]
                                            var sum = 0.0
                                            for i in off[w]..<off[w + 1] {
                                                let x = Int(nbr[i])
                                                if x != w && d[x] == dw + wts[Int(eid[i])] { sum += dl[x] }
                                            }
                                            let dependency = sw * sum
                                            if w != s { out[w] += dependency }
                                            dl[w] = (1 + dependency) / sw
                                            k -= 1
                                        }
                                        for k in 0..<reached {
                                            let w = Int(q[k])
                                            sg[w] = 0; dl[w] = 0; d[w] = -1
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

    /// Betweenness estimated from `k` source nodes drawn at random (seeded), as
    /// NetworkX's `betweenness_centrality(G, k=k, seed=…)` does: each sampled source's
    /// dependencies, summed and scaled by n/k on top of the usual normalisation.
    /// With k ≥ n every node is a source and the result is ``betweenness(_:weighted:normalized:)``'s.
    /// Unweighted only.
    /// - Complexity: O(k·E) time.
    public static func betweenness(_ g: CSRGraph, sampling k: Int, seed: UInt64, normalized: Bool = true) -> [Double] {
        let n = g.nodeCount
        guard k < n else { return betweenness(g, normalized: normalized) }
        var generator = SeededGenerator(seed: seed)
        var all = Array(0..<n)
        for i in 0..<k { all.swapAt(i, Int.random(in: i..<n, using: &generator)) }  // a partial Fisher–Yates shuffle
        return betweenness(g, sources: Array(all[0..<k]).sorted(), normalized: normalized)
    }

    /// Betweenness from the dependencies of `sources` only, scaled by n/|sources|
    /// on top of the usual normalisation; see ``betweenness(_:sampling:seed:normalized:)``.
    /// - Complexity: O(|sources|·E).
    static func betweenness(_ g: CSRGraph, sources: [Int], normalized: Bool = true) -> [Double] {
        let n = g.nodeCount, k = sources.count
        guard n > 0 else { return [] }
        let parts = partCount(for: k)
        let acc = SharedBuffer<Double>(repeating: 0, count: parts * n)
        defer { acc.free() }
        runParts(parts) { part in unweightedBrandes(g, first: part, step: parts, acc.base + part * n, sources: sources) }
        return combined(acc, parts: parts, g, normalized: normalized, extra: Double(n) / Double(max(k, 1)))
    }

    /// Betweenness of every entity; see ``betweenness(_:weighted:normalized:)``.
    ///
    /// Runs on the simple graph: relations joining the same pair count once
    /// (weighted: the shortest of them). `directed` follows relations the way they
    /// read (symmetric kinds both ways); otherwise every relation is a two-way tie.
    /// - Complexity: O(V·E) unweighted, O(V·E·log V) weighted.
    public static func betweenness(
        in graph: Graph, directed: Bool = false, weighted: Bool = false, normalized: Bool = true
    ) -> CentralityScores {
        let g = simpleCSR(graph, directed: directed, merge: .minimum)
        return CentralityScores(ids: graph.entities.map(\.id), values: betweenness(g, weighted: weighted, normalized: normalized))
    }

    /// Betweenness of every entity estimated from `k` sampled sources; see
    /// ``betweenness(_:sampling:seed:normalized:)``. Unweighted, on the simple graph.
    /// - Complexity: O(k·E).
    public static func betweenness(in graph: Graph, directed: Bool = false, sampling k: Int, seed: UInt64) -> CentralityScores {
        let g = simpleCSR(graph, directed: directed, merge: .minimum)
        return CentralityScores(ids: graph.entities.map(\.id), values: betweenness(g, sampling: k, seed: seed))
    }
}
