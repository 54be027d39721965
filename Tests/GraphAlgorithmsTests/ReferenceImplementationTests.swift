import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// The fast paths (Afforest components, bit-parallel closeness, branch-free
/// Brandes, the hole-sifting heap, the bucketed CSR build) against plain textbook
/// implementations written here, on seeded random graphs: disconnected, directed
/// and undirected, with isolated nodes, filtered views and ranked snapshots.
@Suite("Fast paths against reference implementations")
struct ReferenceImplementationTests {
    /// A random graph on `nodes` nodes: `clusters` dense groups of consecutive
    /// nodes (so several components, not numbered in index order when shuffled),
    /// `sparse` random edges anywhere, a few self-loops and parallel edges, and
    /// every tenth node left isolated.
    static func randomGraph(seed: UInt64, nodes: Int, clusterEdges: Int, sparse: Int, directed: Bool) throws -> CSRGraph {
        var rng = SeededGenerator(seed: seed)
        var src: [Int32] = [], dst: [Int32] = []
        // A random relabelling, so components are not runs of consecutive indices.
        var perm = (0..<nodes).map { Int32($0) }
        for i in stride(from: nodes - 1, to: 0, by: -1) { perm.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let clusters = 1 + Int(rng.next() % 5)
        let size = max(1, nodes / clusters)
        func usable(_ v: Int) -> Bool { v % 10 != 9 }  // every tenth node stays isolated
        for _ in 0..<clusterEdges {
            let c = Int(rng.next() % UInt64(clusters))
            let a = c * size + Int(rng.next() % UInt64(size)), b = c * size + Int(rng.next() % UInt64(size))
            guard a < nodes, b < nodes, usable(a), usable(b) else { continue }
            src.append(perm[a]); dst.append(perm[b])
        }
        for _ in 0..<sparse {
            let a = Int(rng.next() % UInt64(nodes)), b = Int(rng.next() % UInt64(nodes))
            guard usable(a), usable(b) else { continue }
            src.append(perm[a]); dst.append(perm[b])
            if rng.next() % 8 == 0 { src.append(perm[a]); dst.append(perm[b]) }  // parallel
        }
        return try CSRGraph(nodeCount: nodes, sources: src, targets: dst, directed: directed)
    }

    /// Graphs for one seed: the plain graph, a filtered view (edges and nodes
    /// masked) and its undirected form.
    static func variants(_ g: CSRGraph, seed: UInt64) -> [(String, CSRGraph)] {
        let view = g.filtered(keepEdge: { ($0 &+ Int(seed)) % 3 != 0 }, keepNode: { $0 % 7 != 3 })
        return [("plain", g), ("filtered", view), ("filtered undirected", view.undirected()), ("reversed", g.reversed())]
    }

    // MARK: components

    /// Weak components by breadth-first search over out- and in-arcs, numbered by lowest node.
    static func referenceComponents(_ g: CSRGraph) -> [Int32] {
        var label = [Int32](repeating: -1, count: g.nodeCount)
        var next: Int32 = 0
        for root in 0..<g.nodeCount where label[root] < 0 {
            label[root] = next
            var queue = [root], head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                let out = g.outNeighbors[g.outOffsets[u]..<g.outOffsets[u + 1]]
                let inn = g.inNeighbors[g.inOffsets[u]..<g.inOffsets[u + 1]]
                for v in Array(out) + Array(inn) where label[Int(v)] < 0 {
                    label[Int(v)] = next
                    queue.append(Int(v))
                }
            }
            next += 1
        }
        return label
    }

    @Test("components: the same labels as a breadth-first search, small and large (sampled) graphs")
    func components() throws {
        for seed: UInt64 in 0..<24 {
            // Large graphs (≥ 4096 nodes) take the sampling shortcut; small ones read every arc.
            let large = seed % 3 == 0
            let n = large ? 4096 + Int(seed * 97) : 5 + Int(seed * 13 % 200)
            let dense = seed % 2 == 0
            for directed in [false, true] {
                let g = try ReferenceImplementationTests.randomGraph(
                    seed: seed, nodes: n, clusterEdges: dense ? 3 * n : n / 2, sparse: dense ? n / 50 : n / 4,
                    directed: directed)
                for (name, h) in ReferenceImplementationTests.variants(g, seed: seed) {
                    let got = Components.connected(h)
                    let want = ReferenceImplementationTests.referenceComponents(h)
                    #expect(got.labels == want, "seed \(seed) n \(n) directed \(directed) \(name)")
                    #expect(got.count == Int((want.max() ?? -1) + 1), "seed \(seed) directed \(directed) \(name)")
                }
            }
        }
        // No nodes; only isolated nodes; one giant component holding everything.
        #expect(Components.connected(try CSRGraph(nodeCount: 0, sources: [], targets: [], directed: false)).count == 0)
        let isolated = try CSRGraph(nodeCount: 5000, sources: [], targets: [], directed: true)
        #expect(Components.connected(isolated).labels == (0..<5000).map { Int32($0) })
        let ring = try CSRGraph(
            nodeCount: 6000, sources: (0..<6000).map { Int32($0) }, targets: (0..<6000).map { Int32(($0 * 7 + 1) % 6000) },
            directed: true)
        #expect(Components.connected(ring).labels == ReferenceImplementationTests.referenceComponents(ring))
    }

    // MARK: closeness

    /// Wasserman–Faust closeness from one breadth-first search per node along the
    /// in-arcs (inward) or out-arcs (outward).
    static func referenceCloseness(_ g: CSRGraph, outward: Bool) -> [Double] {
        let n = g.nodeCount
        return (0..<n).map { u in
            var dist = [Int](repeating: -1, count: n)
            dist[u] = 0
            var queue = [u], head = 0, total = 0
            while head < queue.count {
                let x = queue[head]; head += 1
                let arcs = outward
                    ? g.outNeighbors[g.outOffsets[x]..<g.outOffsets[x + 1]]
                    : g.inNeighbors[g.inOffsets[x]..<g.inOffsets[x + 1]]
                for y in arcs where dist[Int(y)] < 0 {
                    dist[Int(y)] = dist[x] + 1
                    total += dist[x] + 1
                    queue.append(Int(y))
                }
            }
            guard total > 0 && n > 1 else { return 0 }
            let r = Double(queue.count - 1)
            return r / Double(total) * (r / Double(n - 1))
        }
    }

    @Test("closeness: bit-parallel batches equal one breadth-first search per node, to the bit")
    func closeness() throws {
        for seed: UInt64 in 0..<16 {
            // Sizes around and across the 64-source batches.
            let n = [1, 2, 63, 64, 65, 130, 200, 333][Int(seed % 8)] + Int(seed / 8)
            let dense = seed % 2 == 0
            for directed in [false, true] {
                let g = try ReferenceImplementationTests.randomGraph(
                    seed: seed, nodes: n, clusterEdges: dense ? 4 * n : n / 2, sparse: n / 3, directed: directed)
                for (name, h) in ReferenceImplementationTests.variants(g, seed: seed) {
                    for outward in [false, true] {
                        let got = Centrality.closeness(h, outward: outward)
                        let want = ReferenceImplementationTests.referenceCloseness(h, outward: outward)
                        #expect(got == want, "seed \(seed) n \(n) directed \(directed) \(name) outward \(outward)")
                    }
                }
            }
        }
        // A long path (many levels, small frontiers) and a star (one large frontier).
        let n = 300
        let path = try CSRGraph(nodeCount: n, sources: (0..<n - 1).map { Int32($0) }, targets: (1..<n).map { Int32($0) }, directed: true)
        let star = try CSRGraph(nodeCount: n, sources: [Int32](repeating: 0, count: n - 1), targets: (1..<n).map { Int32($0) }, directed: false)
        for g in [path, path.undirected(), star] {
            #expect(Centrality.closeness(g) == ReferenceImplementationTests.referenceCloseness(g, outward: false))
            #expect(Centrality.closeness(g, outward: true) == ReferenceImplementationTests.referenceCloseness(g, outward: true))
        }
    }

    // MARK: betweenness

    /// Textbook Brandes (one thread, `Double` distances, a branch per arc), unweighted.
    /// With `sources`, only their dependencies, scaled by n/|sources| (NetworkX's `k`).
    static func referenceBetweenness(_ g: CSRGraph, normalized: Bool, sources: [Int]? = nil) -> [Double] {
        let n = g.nodeCount
        var bc = [Double](repeating: 0, count: n)
        for s in sources ?? Array(0..<n) {
            var sigma = [Double](repeating: 0, count: n), dist = [Double](repeating: -1, count: n)
            var delta = [Double](repeating: 0, count: n)
            var order: [Int] = [], preds = [[Int]](repeating: [], count: n)
            sigma[s] = 1; dist[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                order.append(u)
                for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                    let v = Int(g.outNeighbors[i])
                    if dist[v] < 0 { dist[v] = dist[u] + 1; queue.append(v) }
                    if dist[v] == dist[u] + 1 { sigma[v] += sigma[u]; preds[v].append(u) }
                }
            }
            for w in order.reversed() {
                for u in preds[w] { delta[u] += sigma[u] / sigma[w] * (1 + delta[w]) }
                if w != s { bc[w] += delta[w] }
            }
        }
        let scale = (normalized ? (n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1) : (g.isDirected ? 1 : 0.5))
            * Double(n) / Double(sources?.count ?? n)
        return bc.map { $0 * scale }
    }

    /// Brandes as the library wrote it before the branch-free loops (one thread,
    /// `Double` distances, a branch per arc, dependencies kept as (1 + δ)/σ): the
    /// reference for what overflowing path counts must give.
    static func branchingBetweenness(_ g: CSRGraph) -> [Double] {
        let n = g.nodeCount
        var bc = [Double](repeating: 0, count: n)
        for s in 0..<n {
            var sigma = [Double](repeating: 0, count: n), dist = [Double](repeating: -1, count: n)
            var dl = [Double](repeating: 0, count: n)
            sigma[s] = 1; dist[s] = 0
            var queue = [s], head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                    let v = Int(g.outNeighbors[i])
                    if dist[v] < 0 { dist[v] = dist[u] + 1; queue.append(v) }
                    if dist[v] == dist[u] + 1 { sigma[v] += sigma[u] }
                }
            }
            for w in queue.reversed() {
                var sum = 0.0
                for i in g.outOffsets[w]..<g.outOffsets[w + 1] where dist[Int(g.outNeighbors[i])] == dist[w] + 1 {
                    sum += dl[Int(g.outNeighbors[i])]
                }
                let dependency = sigma[w] * sum
                if w != s { bc[w] += dependency }
                dl[w] = (1 + dependency) / sigma[w]
            }
        }
        return bc
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= 1e-12 * max(1, abs(b))
    }

    @Test("betweenness: branch-free Brandes equals the textbook algorithm within 1e-12")
    func betweenness() throws {
        for seed: UInt64 in 0..<16 {
            let n = 3 + Int(seed * 37 % 150)
            for directed in [false, true] {
                let g = try ReferenceImplementationTests.randomGraph(
                    seed: seed, nodes: n, clusterEdges: 2 * n, sparse: n / 3, directed: directed)
                for (name, h) in ReferenceImplementationTests.variants(g, seed: seed) {
                    for normalized in [true, false] {
                        let got = Centrality.betweenness(h, normalized: normalized)
                        let want = ReferenceImplementationTests.referenceBetweenness(h, normalized: normalized)
                        let bad = (0..<n).filter { !ReferenceImplementationTests.close(got[$0], want[$0]) }
                        #expect(bad.isEmpty, "seed \(seed) directed \(directed) \(name) normalized \(normalized): nodes \(bad.prefix(5))")
                    }
                }
            }
        }
    }

    @Test("sampled betweenness: the chosen sources' dependencies, scaled by n/k, as the textbook algorithm gives them")
    func sampledBetweenness() throws {
        for seed: UInt64 in 0..<8 {
            let n = 80 + Int(seed * 37 % 150)
            for directed in [false, true] {
                let g = try ReferenceImplementationTests.randomGraph(
                    seed: seed, nodes: n, clusterEdges: 2 * n, sparse: n / 3, directed: directed)
                let sources = Array(stride(from: Int(seed % 5), to: n, by: 3))
                for normalized in [true, false] {
                    let got = Centrality.betweenness(g, sources: sources, normalized: normalized)
                    let want = ReferenceImplementationTests.referenceBetweenness(g, normalized: normalized, sources: sources)
                    let bad = (0..<n).filter { !ReferenceImplementationTests.close(got[$0], want[$0]) }
                    #expect(bad.isEmpty, "seed \(seed) directed \(directed) normalized \(normalized): nodes \(bad.prefix(5))")
                }
                // k ≥ n is the exact value; a seed always draws the same sources.
                #expect(Centrality.betweenness(g, sampling: n, seed: seed) == Centrality.betweenness(g))
                let k = n / 4
                #expect(Centrality.betweenness(g, sampling: k, seed: seed) == Centrality.betweenness(g, sampling: k, seed: seed))
                #expect(Centrality.betweenness(g, sampling: k, seed: seed) != Centrality.betweenness(g, sampling: k, seed: seed + 100))
            }
        }
    }

    @Test("betweenness: path counts beyond Double's range give what the branching code gives, never a NaN it did not")
    func betweennessOverflow() throws {
        // A ladder of 2-node layers, every node joined to both nodes of the next
        // layer: 2^k shortest paths from the first layer to layer k, so counts pass
        // Double's range (2^1024) after 1024 layers.
        let layers = 1030
        var src: [Int32] = [], dst: [Int32] = []
        for l in 0..<layers - 1 {
            for a in 0..<2 { for b in 0..<2 { src.append(Int32(2 * l + a)); dst.append(Int32(2 * l + 2 + b)) } }
        }
        // A side node v reached from the first layer (0 -> v, 1 -> v) with a leaf z
        // (v -> z), and an arc back into v from u, the first node of layer 1025, the
        // first layer whose count from nodes 0 and 1 overflows: σ(u) = ∞ there, and a
        // multiplication by 0 along u -> v would make σ(v) NaN; the branching code
        // keeps σ(v) = 1 and gives v a number.
        let v = 2 * layers, z = v + 1, u = 2 * 1025
        for (a, b) in [(0, v), (1, v), (u, v), (v, z)] { src.append(Int32(a)); dst.append(Int32(b)) }
        // A separate diamond with a tail, 0 -> {1, 2} -> 3 -> 4, where counts stay small.
        let d0 = z + 1
        for (a, b) in [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)] { src.append(Int32(d0 + a)); dst.append(Int32(d0 + b)) }
        let g = try CSRGraph(nodeCount: d0 + 5, sources: src, targets: dst, directed: true)
        let got = Centrality.betweenness(g, normalized: false)
        let want = ReferenceImplementationTests.branchingBetweenness(g)
        #expect(want.contains { $0.isNaN } && want.contains { $0.isFinite && $0 > 0 }, "the ladder should overflow")
        let bad = got.indices.filter { !ReferenceImplementationTests.close(got[$0], want[$0]) }
        #expect(bad.isEmpty, "nodes \(bad.prefix(5)): got \(bad.prefix(5).map { got[$0] }), want \(bad.prefix(5).map { want[$0] })")
        let newNaN = got.indices.filter { got[$0].isNaN && !want[$0].isNaN }
        #expect(newNaN.isEmpty)
        #expect(want[v].isFinite && want[v] > 0 && got[v] == want[v])
    }

    // MARK: CSR build and Dijkstra

    @Test("CSR arcs: every list sorted by (neighbour rank, edge, direction), with masks, two-way edges and ranks")
    func csrArcs() throws {
        for seed: UInt64 in 0..<30 {
            var rng = SeededGenerator(seed: seed)
            let n = 1 + Int(rng.next() % 60), m = Int(rng.next() % 150)
            let src = (0..<m).map { _ in Int32(rng.next() % UInt64(n)) }, dst = (0..<m).map { _ in Int32(rng.next() % UInt64(n)) }
            var rank = (0..<n).map { Int32($0) }
            for i in stride(from: n - 1, to: 0, by: -1) { rank.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            let both = (0..<m).map { _ in rng.next() % 3 == 0 }
            let mask = (0..<m).map { _ in rng.next() % 4 != 0 }
            for directed in [false, true] {
                let g = CSRGraph(
                    unchecked: n, sources: src, targets: dst, weights: [Double](repeating: 1, count: m), isWeighted: false,
                    directed: directed, bothWays: seed % 2 == 0 ? both : nil, edgeMask: seed % 3 == 0 ? nil : mask,
                    nodeRank: seed % 5 == 0 ? nil : rank, parentEdges: nil)
                for reverse in [false, true] {
                    // Reference: every arc as (tail, head, edge, direction), sorted.
                    var arcs: [(t: Int32, h: Int32, e: Int32, d: Int)] = []
                    for e in 0..<m where g.containsEdge(e) {
                        let (a, b) = reverse ? (dst[e], src[e]) : (src[e], dst[e])
                        arcs.append((a, b, Int32(e), 0))
                        if !directed || (seed % 2 == 0 && both[e]) { arcs.append((b, a, Int32(e), 1)) }
                    }
                    let r: (Int32) -> Int32 = { seed % 5 == 0 ? $0 : rank[Int($0)] }
                    arcs.sort { ($0.t, r($0.h), $0.e, $0.d) < ($1.t, r($1.h), $1.e, $1.d) }
                    let offsets = reverse ? g.inOffsets : g.outOffsets
                    let heads = reverse ? g.inNeighbors : g.outNeighbors, edges = reverse ? g.inEdges : g.outEdges
                    let label = "seed \(seed) directed \(directed) reverse \(reverse)"
                    if !directed && reverse { continue }  // one adjacency serves both ways
                    #expect(heads == arcs.map(\.h), "\(label)")
                    #expect(edges == arcs.map(\.e), "\(label)")
                    #expect(offsets == (0...n).map { v in arcs.filter { $0.t < Int32(v) }.count }, "\(label)")
                }
            }
        }
    }

    @Test("Dijkstra: stopping at a target keeps exactly the settled part of the full tree")
    func dijkstraTarget() throws {
        for seed: UInt64 in 0..<20 {
            let r = RandomGraph(seed: seed, nodes: 10 + Int(seed % 30), edges: 20 + Int(seed % 60), maxWeight: 3)
            for directed in [false, true] {
                let g = try CSRGraph(nodeCount: r.nodeCount, sources: r.sources, targets: r.targets, weights: r.weights, directed: directed)
                let full = try ShortestPaths.dijkstra(g, from: 0)
                for t in 0..<g.nodeCount {
                    let part = try ShortestPaths.dijkstra(g, from: 0, to: t)
                    #expect(part.distances[t] == full.distances[t], "seed \(seed) target \(t)")
                    for v in 0..<g.nodeCount where part.distances[v].isFinite {
                        #expect(part.distances[v] == full.distances[v] && part.predecessors[v] == full.predecessors[v],
                                "seed \(seed) target \(t) node \(v)")
                        // Settled before the target: not farther than it.
                        #expect(part.distances[v] <= full.distances[t], "seed \(seed) target \(t) node \(v)")
                    }
                    // Every node strictly closer than the target is settled.
                    for v in 0..<g.nodeCount where full.distances[v] < full.distances[t] {
                        #expect(part.distances[v] == full.distances[v], "seed \(seed) target \(t) node \(v)")
                    }
                }
            }
        }
    }

    @Test("the heap pops every (key, value) in order, ties by value")
    func heap() throws {
        var rng = SeededGenerator(seed: 7)
        for round in 0..<50 {
            var h = MinHeap()
            var all: [(Double, Int32)] = []
            for _ in 0..<(round * 7 % 200) {
                let k = Double(rng.next() % 20), v = Int32(rng.next() % 50)
                h.push(k, v); all.append((k, v))
                if rng.next() % 4 == 0, !h.isEmpty {
                    let top = h.pop()
                    let i = try #require(all.indices.min { all[$0] < all[$1] })
                    #expect(top.key == all[i].0 && top.value == all[i].1, "round \(round)")
                    all.remove(at: i)
                }
            }
            all.sort { $0 < $1 }
            for want in all {
                let got = h.pop()
                #expect(got.key == want.0 && got.value == want.1, "round \(round)")
            }
            let empty = h.isEmpty
            #expect(empty)
        }
    }
}
