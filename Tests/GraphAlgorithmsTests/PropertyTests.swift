import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// Seeded property loops: every failure names its seed.
@Suite("Properties")
struct PropertyTests {
    static let seeds: [UInt64] = Array(0..<40)

    func csr(_ r: RandomGraph, directed: Bool, weighted: Bool = false) throws -> CSRGraph {
        try CSRGraph(nodeCount: r.nodeCount, sources: r.sources, targets: r.targets,
                     weights: weighted ? r.weights : nil, directed: directed)
    }

    @Test("Dijkstra with unit weights equals BFS; bidirectional agrees; undirected distances are symmetric")
    func distances() throws {
        for seed in PropertyTests.seeds {
            let r = RandomGraph(seed: seed, nodes: 10 + Int(seed % 20), edges: 15 + Int(seed % 40))
            for directed in [false, true] {
                let g = try csr(r, directed: directed)
                var all: [[Int32]] = []
                for s in 0..<g.nodeCount {
                    let bfs = try ShortestPaths.breadthFirstDistances(g, from: s)
                    all.append(bfs)
                    let dj = try ShortestPaths.dijkstra(g, from: s).distances
                    let tree = try ShortestPaths.breadthFirstTree(g, from: s).distances
                    for v in 0..<g.nodeCount {
                        let want = bfs[v] < 0 ? Double.infinity : Double(bfs[v])
                        #expect(dj[v] == want, "seed \(seed) directed \(directed) \(s)->\(v)")
                        #expect(tree[v] == want, "seed \(seed)")
                        let bi = try ShortestPaths.bidirectionalPath(g, from: s, to: v)
                        #expect((bi.map { Int32($0.hopCount) } ?? -1) == bfs[v], "seed \(seed) bidirectional \(s)->\(v)")
                        if let bi { try expectValid(bi, in: g, from: s, to: v, seed: seed) }
                        if let p = try ShortestPaths.dijkstraPath(g, from: s, to: v) {
                            try expectValid(p, in: g, from: s, to: v, seed: seed)
                        }
                    }
                }
                if !directed {
                    for s in 0..<g.nodeCount { for t in 0..<g.nodeCount { #expect(all[s][t] == all[t][s], "seed \(seed)") } }
                }
            }
        }
    }

    func expectValid(_ p: CSRPath, in g: CSRGraph, from s: Int, to t: Int, seed: UInt64) throws {
        #expect(p.nodes.first == Int32(s) && p.nodes.last == Int32(t), "seed \(seed)")
        #expect(p.edges.count == p.nodes.count - 1)
        #expect(Set(p.nodes).count == p.nodes.count, "seed \(seed): path not simple")
        var length = 0.0
        for (i, e) in p.edges.enumerated() {
            let a = g.edgeSources[Int(e)], b = g.edgeTargets[Int(e)]
            let (u, v) = (p.nodes[i], p.nodes[i + 1])
            let ok = (a == u && b == v) || (!g.isDirected && a == v && b == u)
            #expect(ok, "seed \(seed): edge \(e) does not join \(u)->\(v)")
            length += g.edgeWeights[Int(e)]
        }
        #expect(length == p.length, "seed \(seed)")
    }

    /// Betweenness from first principles: all-pairs distances (Floyd–Warshall) and
    /// path counts, then σ_sv·σ_vt/σ_st over every ordered pair.
    func bruteBetweenness(_ g: CSRGraph, weighted: Bool) -> [Double] {
        let n = g.nodeCount
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for v in 0..<n { d[v][v] = 0 }
        for u in 0..<n {
            for i in g.outOffsets[u]..<g.outOffsets[u + 1] {
                let v = Int(g.outNeighbors[i])
                d[u][v] = min(d[u][v], weighted ? g.edgeWeights[Int(g.outEdges[i])] : 1)
            }
        }
        for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } } }
        var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for s in 0..<n {
            let order = (0..<n).filter { d[s][$0].isFinite }.sorted { d[s][$0] < d[s][$1] }
            sigma[s][s] = 1
            for t in order where t != s {
                var total = 0.0
                for u in 0..<n where u != t && d[s][u].isFinite {
                    for i in g.outOffsets[u]..<g.outOffsets[u + 1] where Int(g.outNeighbors[i]) == t {
                        let w = weighted ? g.edgeWeights[Int(g.outEdges[i])] : 1
                        if d[s][u] + w == d[s][t] { total += sigma[s][u] }
                    }
                }
                sigma[s][t] = total
            }
        }
        var bc = [Double](repeating: 0, count: n)
        for s in 0..<n { for t in 0..<n where s != t && d[s][t].isFinite {
            for v in 0..<n where v != s && v != t && d[s][v] + d[v][t] == d[s][t] {
                bc[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
            }
        } }
        let scale = n > 2 ? 1 / Double((n - 1) * (n - 2)) : 1
        return bc.map { $0 * scale }
    }

    @Test("Brandes betweenness (two threads) equals a brute-force count")
    func betweenness() throws {
        for seed in PropertyTests.seeds.prefix(20) {
            let r = RandomGraph(seed: seed, nodes: 8 + Int(seed % 70), edges: 12 + Int(seed % 150))
            for directed in [false, true] {
                for weighted in [false, true] {
                    let g = try csr(r, directed: directed, weighted: weighted)
                    let got = Centrality.betweenness(g, weighted: weighted)
                    let want = bruteBetweenness(g, weighted: weighted)
                    for v in 0..<g.nodeCount {
                        #expect(abs(got[v] - want[v]) < 1e-9, "seed \(seed) directed \(directed) weighted \(weighted) node \(v)")
                    }
                    #expect(Centrality.betweenness(g, weighted: weighted) == got, "seed \(seed): not deterministic")
                }
            }
        }
    }

    @Test("components and strong components partition the nodes and match reachability")
    func components() throws {
        for seed in PropertyTests.seeds {
            let r = RandomGraph(seed: seed, nodes: 6 + Int(seed % 25), edges: 3 + Int(seed % 30))
            let g = try csr(r, directed: true)
            let n = g.nodeCount
            var reach: [[Bool]] = []
            for s in 0..<n { reach.append(try ShortestPaths.breadthFirstDistances(g, from: s).map { $0 >= 0 }) }
            let scc = Components.stronglyConnected(g)
            #expect(scc.labels.count == n && scc.sizes.reduce(0, +) == n, "seed \(seed)")
            let und = g.undirected()
            let weak = Components.connected(g)
            #expect(weak.sizes.reduce(0, +) == n)
            for u in 0..<n {
                let du = try ShortestPaths.breadthFirstDistances(und, from: u)
                for v in 0..<n {
                    #expect((scc.labels[u] == scc.labels[v]) == (reach[u][v] && reach[v][u]), "seed \(seed) scc \(u),\(v)")
                    #expect((weak.labels[u] == weak.labels[v]) == (du[v] >= 0), "seed \(seed) weak \(u),\(v)")
                }
            }
            // Labels are numbered by lowest node.
            var seen = Set<Int32>()
            for l in weak.labels where !seen.contains(l) { #expect(l == Int32(seen.count)); seen.insert(l) }
        }
    }

    @Test("articulation points and bridges match removal")
    func brokers() throws {
        for seed in PropertyTests.seeds {
            let r = RandomGraph(seed: seed, nodes: 6 + Int(seed % 15), edges: 5 + Int(seed % 20))
            let g = try csr(r, directed: false)
            let base = Components.connected(g).count
            let cut = Brokers.cutStructure(g)
            for v in 0..<g.nodeCount {
                let without = g.filtered(keepNode: { $0 != v })
                // v itself becomes an isolated component when removed.
                let isolatedBefore = g.outDegree(v) == 0 ? 0 : 1
                let increased = Components.connected(without).count - isolatedBefore > base
                #expect(cut.articulationPoints.contains(Int32(v)) == increased, "seed \(seed) node \(v)")
            }
            for e in 0..<g.edgeCount {
                let without = g.filtered(keepEdge: { $0 != e })
                #expect(cut.bridges.contains(Int32(e)) == (Components.connected(without).count > base), "seed \(seed) edge \(e)")
            }
        }
    }

    @Test("Louvain: a partition of every node, same seed same result, modularity recomputes")
    func louvain() throws {
        for seed in PropertyTests.seeds.prefix(20) {
            let r = RandomGraph(seed: seed, nodes: 10 + Int(seed % 40), edges: 20 + Int(seed % 80))
            for directed in [false, true] {
                let g = try csr(r, directed: directed, weighted: seed % 2 == 0)
                let a = Communities.louvain(g, seed: seed)
                let b = Communities.louvain(g, seed: seed)
                #expect(a == b, "seed \(seed): not deterministic")
                #expect(a.labels.count == g.nodeCount && a.sizes.allSatisfy { $0 > 0 }, "seed \(seed)")
                let q = try #require(a.modularity)
                #expect(abs(q - Communities.modularity(g, labels: a.labels)) < 1e-12)
                #expect(q >= Communities.modularity(g, labels: (0..<g.nodeCount).map { Int32($0) }) - 1e-12, "seed \(seed)")
            }
            let graph = try r.graph(seed: seed)
            let p = Communities.louvain(in: graph, seed: seed, restarts: 3)
            #expect(p == Communities.louvain(in: graph, seed: seed, restarts: 3))
            #expect(p.groups.flatMap { $0 }.sorted() == graph.entities.map(\.id).sorted(), "seed \(seed)")
            let comps = Components.connected(in: graph)
            #expect(comps.groups.flatMap { $0 }.sorted() == graph.entities.map(\.id).sorted(), "seed \(seed)")
        }
    }

    @Test("PageRank sums to 1; eigenvector has unit length; weighted closeness with unit weights is closeness")
    func spectral() throws {
        for seed in PropertyTests.seeds.prefix(15) {
            let r = RandomGraph(seed: seed, nodes: 10 + Int(seed % 30), edges: 20 + Int(seed % 50))
            for directed in [false, true] {
                let g = try csr(r, directed: directed, weighted: true)
                let pr = Centrality.pagerank(g, weighted: true)
                #expect(abs(pr.reduce(0, +) - 1) < 1e-9, "seed \(seed)")
                let unit = try csr(r, directed: directed)
                #expect(Centrality.closeness(unit, weighted: true) == Centrality.closeness(unit), "seed \(seed)")
                #expect(Centrality.closeness(unit, outward: true, weighted: true) == Centrality.closeness(unit, outward: true))
                let ev = Centrality.eigenvector(g)
                #expect(abs(ev.reduce(0) { $0 + $1 * $1 } - 1) < 1e-9, "seed \(seed)")
            }
        }
    }

    @Test("Louvain keeps the best of 10 runs up to 5,000 entities and makes one run above")
    func louvainRunsByDefault() throws {
        func ring(_ n: Int) throws -> Graph {
            var g = try Graph(name: "ring")
            for i in 0..<n { try g.add(Entity(id: "p\(i)", kind: "person")) }
            for i in 0..<n { try g.add(Relation(from: "p\(i)", kind: "ally_of", to: "p\((i + 1) % n)")) }
            for i in stride(from: 0, to: n, by: 7) { try g.add(Relation(from: "p\(i)", kind: "ally_of", to: "p\((i * 31 + 5) % n)")) }
            return g
        }
        let small = try ring(60)
        #expect(Communities.louvain(in: small, seed: 3) == Communities.louvain(in: small, seed: 3, restarts: 10))
        let large = try ring(Communities.severalRunsLimit + 1)
        #expect(Communities.louvain(in: large, seed: 3) == Communities.louvain(in: large, seed: 3, restarts: 1))
    }
}
