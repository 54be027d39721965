import GraphModel

/// Community detection: Louvain, and modularity.
public enum Communities {}

/// One level of the Louvain hierarchy: nodes (communities of the level below)
/// with symmetric neighbour weights (self-loops apart), and their strengths.
struct LouvainLevel {
    var n: Int
    var offsets: [Int]
    var neighbors: [Int32]
    var weights: [Double]
    /// Weight of each node's self-loop (internal weight of the community it stands for).
    var selfLoop: [Double]
    /// Undirected: total strength. Directed: out-strength.
    var outStrength: [Double]
    /// Directed only: in-strength.
    var inStrength: [Double]
    var directed: Bool

    /// The first level, from a CSR graph (weights or all 1).
    init(_ g: CSRGraph, weighted: Bool) {
        let n = g.nodeCount
        self.n = n
        directed = g.isDirected
        let useW = weighted && g.isWeighted
        @inline(__always) func w(_ e: Int32) -> Double { useW ? g.edgeWeights[Int(e)] : 1 }
        var off = [Int](repeating: 0, count: n + 1)
        var nb: [Int32] = [], wt: [Double] = []
        nb.reserveCapacity(directed ? 2 * g.arcCount : g.arcCount)
        wt.reserveCapacity(nb.capacity)
        var loops = [Double](repeating: 0, count: n)
        var outS = [Double](repeating: 0, count: n), inS = [Double](repeating: 0, count: directed ? n : 0)
        for u in 0..<n {
            for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                let v = g.outNeighbors[i], x = w(g.outEdges[i])
                outS[u] += x
                if Int(v) == u { loops[u] += x } else { nb.append(v); wt.append(x) }
            }
            if directed {
                for i in g.inOffsets[u]..<g.inOffsets[u + 1] {
                    let v = g.inNeighbors[i], x = w(g.inEdges[i])
                    inS[u] += x
                    if Int(v) != u { nb.append(v); wt.append(x) }
                }
            } else {
                loops[u] /= 2  // an undirected self-loop gives two arcs
            }
            off[u + 1] = nb.count
        }
        offsets = off
        neighbors = nb
        weights = wt
        selfLoop = loops
        outStrength = outS
        inStrength = inS
    }

    init(n: Int, offsets: [Int], neighbors: [Int32], weights: [Double], selfLoop: [Double],
         outStrength: [Double], inStrength: [Double], directed: Bool) {
        self.n = n; self.offsets = offsets; self.neighbors = neighbors; self.weights = weights
        self.selfLoop = selfLoop; self.outStrength = outStrength; self.inStrength = inStrength
        self.directed = directed
    }

    /// Total weight m (undirected: edge weights; directed: arc weights).
    var totalWeight: Double {
        let s = outStrength.reduce(0, +)
        return directed ? s : s / 2
    }

    /// Modularity of `community` (labels in 0..<k) on this level, with the original m.
    func modularity(_ community: [Int32], k: Int, m: Double, resolution: Double) -> Double {
        guard m > 0 else { return 0 }
        var internal2 = [Double](repeating: 0, count: k)
        var outC = [Double](repeating: 0, count: k), inC = [Double](repeating: 0, count: k)
        for u in 0..<n {
            let c = Int(community[u])
            internal2[c] += 2 * selfLoop[u]
            outC[c] += outStrength[u]
            if directed { inC[c] += inStrength[u] }
            for i in offsets[u]..<offsets[u + 1] where community[Int(neighbors[i])] == community[u] {
                internal2[c] += weights[i]
            }
        }
        var q = 0.0
        for c in 0..<k {
            q += internal2[c] / 2 / m
            q -= directed ? resolution * outC[c] * inC[c] / (m * m) : resolution * (outC[c] / (2 * m)) * (outC[c] / (2 * m))
        }
        return q
    }

    /// The graph of communities: node c stands for community c.
    func aggregated(_ community: [Int32], k: Int) -> LouvainLevel {
        // Members of each community, in node order.
        var start = [Int](repeating: 0, count: k + 1)
        for u in 0..<n { start[Int(community[u]) + 1] += 1 }
        for c in 0..<k { start[c + 1] += start[c] }
        var fill = Array(start.dropLast())
        var members = [Int32](repeating: 0, count: n)
        for u in 0..<n { members[fill[Int(community[u])]] = Int32(u); fill[Int(community[u])] += 1 }
        var off = [Int](repeating: 0, count: k + 1)
        var nb: [Int32] = [], wt: [Double] = []
        var loops = [Double](repeating: 0, count: k)
        var outS = [Double](repeating: 0, count: k), inS = [Double](repeating: 0, count: directed ? k : 0)
        var acc = [Double](repeating: 0, count: k)
        var seen = [Bool](repeating: false, count: k)
        var touched: [Int32] = []
        for c in 0..<k {
            var internal2 = 0.0
            for j in start[c]..<start[c + 1] {
                let u = Int(members[j])
                loops[c] += selfLoop[u]
                outS[c] += outStrength[u]
                if directed { inS[c] += inStrength[u] }
                for i in offsets[u]..<offsets[u + 1] {
                    let d = Int(community[Int(neighbors[i])])
                    if d == c { internal2 += weights[i]; continue }
                    if !seen[d] { seen[d] = true; touched.append(Int32(d)) }
                    acc[d] += weights[i]
                }
            }
            loops[c] += internal2 / 2
            for d in touched {
                nb.append(d); wt.append(acc[Int(d)])
                acc[Int(d)] = 0; seen[Int(d)] = false
            }
            touched.removeAll(keepingCapacity: true)
            off[c + 1] = nb.count
        }
        return LouvainLevel(n: k, offsets: off, neighbors: nb, weights: wt, selfLoop: loops,
                            outStrength: outS, inStrength: inS, directed: directed)
    }

    /// One pass of local moves (NetworkX `_one_level`): nodes in a seeded random
    /// order each move to the neighbouring community of best positive gain, until
    /// a full sweep moves nothing. Returns compact community labels and whether any node moved.
    func oneLevel(
        m: Double, resolution: Double, rng: inout SeededGenerator, initial: [Int32]? = nil
    ) -> (labels: [Int32], count: Int, moved: Bool) {
        var com = initial ?? (0..<n).map { Int32($0) }
        var totOut = outStrength
        var totIn = inStrength
        if initial != nil {
            totOut = [Double](repeating: 0, count: n)
            totIn = [Double](repeating: 0, count: directed ? n : 0)
            for u in 0..<n {
                totOut[Int(com[u])] += outStrength[u]
                if directed { totIn[Int(com[u])] += inStrength[u] }
            }
        }
        var order = (0..<n).map { Int32($0) }
        rng.shuffle(&order)
        var acc = [Double](repeating: 0, count: n)
        var seen = [Bool](repeating: false, count: n)
        var touched: [Int32] = []
        var improvement = false
        let m2 = m * m
        var moves = 1
        while moves > 0 {
            moves = 0
            for u32 in order {
                let u = Int(u32)
                let own = Int(com[u])
                for i in offsets[u]..<offsets[u + 1] {
                    let c = Int(com[Int(neighbors[i])])
                    if !seen[c] { seen[c] = true; touched.append(Int32(c)) }
                    acc[c] += weights[i]
                }
                let kOut = outStrength[u], kIn = directed ? inStrength[u] : 0
                totOut[own] -= kOut
                if directed { totIn[own] -= kIn }
                let removeCost: Double
                if directed {
                    removeCost = -acc[own] / m + resolution * (kOut * totIn[own] + kIn * totOut[own]) / m2
                } else {
                    removeCost = -acc[own] / m + resolution * (totOut[own] * kOut) / (2 * m2)
                }
                var bestGain = 0.0
                var best = own
                for c32 in touched {
                    let c = Int(c32)
                    let gain: Double
                    if directed {
                        gain = removeCost + acc[c] / m - resolution * (kOut * totIn[c] + kIn * totOut[c]) / m2
                    } else {
                        gain = removeCost + acc[c] / m - resolution * (totOut[c] * kOut) / (2 * m2)
                    }
                    if gain > bestGain { bestGain = gain; best = c }
                }
                totOut[best] += kOut
                if directed { totIn[best] += kIn }
                if best != own {
                    com[u] = Int32(best)
                    moves += 1
                    improvement = true
                }
                for c in touched { acc[Int(c)] = 0; seen[Int(c)] = false }
                touched.removeAll(keepingCapacity: true)
            }
        }
        // Compact labels, communities numbered by their index (as NetworkX filters empty ones).
        var map = [Int32](repeating: -1, count: n)
        for c in com { map[Int(c)] = 0 }
        var k: Int32 = 0
        for c in 0..<n where map[c] == 0 { map[c] = k; k += 1 }
        return (com.map { map[Int($0)] }, Int(k), improvement)
    }
}

extension Communities {
    /// Louvain community detection, as NetworkX's `louvain_communities`: repeated
    /// passes of local moves (nodes visited in an order shuffled by `seed`), each
    /// followed by collapsing communities into nodes, until a level raises
    /// modularity by no more than `threshold`. Directed graphs use directed
    /// (Leicht–Newman) modularity gains. Weights are strengths. Then, as a
    /// refinement NetworkX does not make, the local moves restart on the original
    /// nodes from the partition found (and aggregate again) until a round moves
    /// nothing: modularity can only rise, and unlucky visiting orders that leave
    /// Louvain in a poor local optimum are mostly repaired.
    ///
    /// With `restarts` > 1 it runs that many times (seeds derived from `seed`) and
    /// keeps the partition of highest modularity (the first on ties).
    ///
    /// Deterministic for a given seed (SplitMix64 shuffles, dense arrays, fixed scan
    /// order); NetworkX draws a different order from the same seed, so partitions
    /// agree in quality rather than label for label.
    ///
    /// - Complexity: O(R·P·(V + E)) per level for R restarts and P sweeps of local moves (in practice
    ///   near linear); O(V + E) extra space.
    ///
    /// Reference: Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of
    /// communities in large networks" (2008).
    ///
    /// ```swift
    /// // two triangles joined by one edge
    /// let g = try CSRGraph(nodeCount: 6, sources: [0, 1, 2, 3, 4, 5, 2], targets: [1, 2, 0, 4, 5, 3, 3], directed: false)
    /// let c = Communities.louvain(g, seed: 1)
    /// c.count        // 2
    /// c.modularity   // 5/14 ≈ 0.357
    /// ```
    public static func louvain(
        _ g: CSRGraph, weighted: Bool = true, resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0,
        restarts: Int = 1
    ) -> NodeLabeling {
        var best: NodeLabeling? = nil
        for r in 0..<max(1, restarts) {
            let run = louvainOnce(
                g, weighted: weighted, resolution: resolution, threshold: threshold,
                seed: seed &+ UInt64(r) &* 0x9E37_79B9_7F4A_7C15)
            if best == nil || (run.modularity ?? 0) > (best?.modularity ?? 0) { best = run }
        }
        return best ?? NodeLabeling(labels: [], count: 0)
    }

    static func louvainOnce(
        _ g: CSRGraph, weighted: Bool, resolution: Double, threshold: Double, seed: UInt64
    ) -> NodeLabeling {
        let n = g.nodeCount
        var level = LouvainLevel(g, weighted: weighted)
        let m = level.totalWeight
        let singletons = (0..<n).map { Int32($0) }
        guard n > 0, m > 0 else {
            return NodeLabeling(labels: singletons, count: n, modularity: n > 0 ? 0 : nil)
        }
        var rng = SeededGenerator(seed: seed)
        let base = level
        var mod = level.modularity(singletons, k: n, m: m, resolution: resolution)
        var result = singletons
        // Round 0 is NetworkX's Louvain. Later rounds restart the local moves on the
        // original nodes from the partition found (a refinement that can only raise
        // modularity), until a round moves nothing.
        for round in 0..<8 {
            level = base
            var nodeCom = result  // community of every original node
            var step = level.oneLevel(m: m, resolution: resolution, rng: &rng, initial: round == 0 ? nil : result)
            if round > 0 && !step.moved { break }
            for u in 0..<n { nodeCom[u] = step.labels[Int(u)] }
            if round > 0 { mod = base.modularity(result, k: n, m: m, resolution: resolution) }
            var improvement = true
            while improvement {
                result = nodeCom
                let newMod = level.modularity(step.labels, k: step.count, m: m, resolution: resolution)
                if newMod - mod <= threshold { break }
                mod = newMod
                level = level.aggregated(step.labels, k: step.count)
                step = level.oneLevel(m: m, resolution: resolution, rng: &rng)
                for u in 0..<n { nodeCom[u] = step.labels[Int(nodeCom[u])] }
                improvement = step.moved
            }
        }
        let c = NodeLabeling.canonical(result)
        return NodeLabeling(
            labels: c.labels, count: c.count,
            modularity: modularity(g, labels: c.labels, weighted: weighted, resolution: resolution))
    }

    /// Modularity of a grouping: for undirected graphs
    /// `Σ_c [L_c/m − γ(d_c/2m)²]`, for directed ones `Σ_c [L_c/m − γ·out_c·in_c/m²]`
    /// (Leicht–Newman), with `L_c` the weight inside group c and `d_c` its total
    /// strength: NetworkX's `modularity`. Weights are strengths.
    /// - Complexity: O(V + E).
    ///
    /// Reference: Newman & Girvan, "Finding and evaluating community structure in networks" (2004).
    public static func modularity(_ g: CSRGraph, labels: [Int32], weighted: Bool = true, resolution: Double = 1) -> Double {
        let level = LouvainLevel(g, weighted: weighted)
        let k = Int(labels.max() ?? -1) + 1
        return level.modularity(labels, k: k, m: level.totalWeight, resolution: resolution)
    }

    /// Louvain communities of a graph; see ``louvain(_:weighted:resolution:threshold:seed:restarts:)``.
    /// Relations joining the same pair add their weights; `directed` follows
    /// relations the way they read (symmetric kinds both ways). By default
    /// (`restarts` nil) the best of 10 seeded runs is kept up to
    /// ``severalRunsLimit`` entities, where a run takes milliseconds, and one run
    /// above (a random 100,000-entity graph took a minute for ten).
    /// - Complexity: near O(R·(V + E)) per level for R restarts.
    public static func louvain(
        in graph: Graph, directed: Bool = false, weighted: Bool = true, resolution: Double = 1, seed: UInt64 = 0,
        restarts: Int? = nil
    ) -> Partition {
        let g = Centrality.simpleCSR(graph, directed: directed, merge: .sum)
        let runs = restarts ?? (graph.entities.count > severalRunsLimit ? 1 : 10)
        return Partition(
            ids: graph.entities.map(\.id),
            labeling: louvain(g, weighted: weighted, resolution: resolution, seed: seed, restarts: runs))
    }

    /// Up to this many entities ``louvain(in:directed:weighted:resolution:seed:restarts:)``
    /// keeps the best of 10 runs by default; above, one run.
    public static let severalRunsLimit = 5_000

    /// Modularity of a partition of a graph's entities (entities in no group are
    /// left out of every group's sums, as if alone). Weights are strengths.
    /// - Complexity: O(V + E).
    public static func modularity(
        in graph: Graph, partition: Partition, directed: Bool = false, weighted: Bool = true, resolution: Double = 1
    ) -> Double {
        let g = Centrality.simpleCSR(graph, directed: directed, merge: .sum)
        var group: [String: Int32] = [:]
        for (i, members) in partition.groups.enumerated() { for id in members { group[id] = Int32(i) } }
        var next = Int32(partition.groups.count)
        let labels = graph.entities.map { e -> Int32 in
            if let l = group[e.id] { return l }
            defer { next += 1 }
            return next
        }
        return modularity(g, labels: labels, weighted: weighted, resolution: resolution)
    }
}
