import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// Every key of every NetworkX `expected.json`, checked against our results.
@Suite("NetworkX fixtures")
struct FixtureTests {
    static let tolerance = 1e-6

    /// Keys this suite checks; a new key in a fixture fails `everyKeyIsChecked`.
    static let checkedKeys: Set<String> = [
        "dataset", "networkx_version", "notes", "weighted", "directed", "nodes", "edges", "degree", "in_degree",
        "out_degree", "weighted_degree", "components", "strongly_connected_components", "betweenness",
        "betweenness_weighted", "closeness", "closeness_outward", "pagerank", "pagerank_unweighted", "eigenvector",
        "eigenvector_weighted", "shortest_paths", "shortest_paths_reachable", "k_shortest",
        "all_pairs_shortest_path_length", "articulation_points", "bridges", "louvain_modularity",
        "louvain_modularity_unweighted", "diameter", "diameter_undirected", "density",
    ]

    func expectScores(_ f: Fixture, _ key: String, _ scores: CentralityScores) {
        let want = f.dict(key)
        #expect(!want.isEmpty, "\(f.name).\(key) missing")
        #expect(want.count == f.graph.entities.count)
        for (id, value) in want {
            let got = scores[id] ?? .nan
            #expect(abs(got - value) <= FixtureTests.tolerance, "\(f.name).\(key)[\(id)]: got \(got), want \(value)")
        }
    }

    @Test("every key is checked", arguments: Fixture.names)
    func everyKeyIsChecked(name: String) throws {
        let f = try Fixture.load(name)
        for key in f.expected.keys { #expect(FixtureTests.checkedKeys.contains(key), "unchecked key \(name).\(key)") }
    }

    @Test("counts, degrees, density", arguments: Fixture.names)
    func countsAndDegrees(name: String) throws {
        let f = try Fixture.load(name)
        let g = f.graph
        #expect(f.expected["dataset"] as? String == name)
        #expect(f.expected["directed"] as? Bool == f.directed)
        #expect(f.expected["weighted"] as? Bool == f.weighted)
        #expect(g.entities.count == f.expected["nodes"] as? Int)
        #expect(g.relations.count == f.expected["edges"] as? Int)
        expectScores(f, "degree", Centrality.degree(in: g, directed: f.directed))
        if f.has("in_degree") {
            expectScores(f, "in_degree", Centrality.degree(in: g, directed: true, direction: .incoming))
            expectScores(f, "out_degree", Centrality.degree(in: g, directed: true, direction: .outgoing))
        }
        if f.has("weighted_degree") {
            expectScores(f, "weighted_degree", Centrality.degree(in: g, directed: f.directed, weighted: true))
        }
        let density = try #require(f.expected["density"] as? Double)
        #expect(abs(Structure.density(in: g, directed: f.directed) - density) <= 1e-9)
    }

    @Test("components, SCCs, diameters, brokers", arguments: Fixture.names)
    func structure(name: String) throws {
        let f = try Fixture.load(name)
        let g = f.graph
        let comps = try #require(f.expected["components"] as? [String: Any])
        let weak = Components.connected(in: g)
        #expect(weak.count == comps["count"] as? Int)
        #expect(weak.sizes == comps["sizes"] as? [Int])
        if let scc = f.expected["strongly_connected_components"] as? [String: Any] {
            let strong = Components.stronglyConnected(in: g)
            #expect(strong.count == scc["count"] as? Int)
            #expect(strong.sizes.first == scc["largest"] as? Int)
            #expect(strong.sizes == scc["sizes"] as? [Int])
        }
        #expect(Structure.diameter(in: g, directed: f.directed) == f.expected["diameter"] as? Int)
        if let du = f.expected["diameter_undirected"] as? Int {
            #expect(Structure.diameter(in: g, directed: false) == du)
        }
        if let points = f.expected["articulation_points"] as? [String] {
            #expect(Brokers.articulationPoints(in: g) == points.sorted())
        }
        if let bridges = f.expected["bridges"] as? [[String]] {
            let got = Brokers.bridges(in: g).map { [$0.a, $0.b] }
            #expect(Set(got) == Set(bridges))
            #expect(got.count == bridges.count)
        }
    }

    @Test("betweenness and closeness", arguments: Fixture.names)
    func betweennessAndCloseness(name: String) throws {
        let f = try Fixture.load(name)
        let g = f.graph
        expectScores(f, "betweenness", Centrality.betweenness(in: g, directed: f.directed))
        if f.has("betweenness_weighted") {
            expectScores(f, "betweenness_weighted", Centrality.betweenness(in: g, directed: f.directed, weighted: true))
        }
        expectScores(f, "closeness", Centrality.closeness(in: g, directed: f.directed))
        if f.name == "karate" {
            // Not a fixture key: nx.closeness_centrality(G, distance="weight") computed with NetworkX 3.6.1.
            let wc = Centrality.closeness(in: g, weighted: true)
            for (id, value) in ["n0": 0.253846153846, "n1": 0.2, "n16": 0.108552631579, "n33": 0.251908396947] {
                #expect(abs((wc[id] ?? .nan) - value) < 1e-9, "weighted closeness \(id)")
            }
        }
        if f.has("closeness_outward") {
            expectScores(f, "closeness_outward", Centrality.closeness(in: g, directed: true, outward: true))
        }
    }

    @Test("pagerank and eigenvector", arguments: Fixture.names)
    func spectral(name: String) throws {
        let f = try Fixture.load(name)
        let g = f.graph
        // `pagerank` is weighted where the fixture is (NetworkX's default weight='weight').
        expectScores(f, "pagerank", Centrality.pagerank(in: g, directed: f.directed, weighted: f.weighted))
        if f.has("pagerank_unweighted") {
            expectScores(f, "pagerank_unweighted", Centrality.pagerank(in: g, directed: f.directed, weighted: false))
        }
        if f.has("eigenvector") {
            expectScores(f, "eigenvector", Centrality.eigenvector(in: g, directed: f.directed))
        }
        if f.has("eigenvector_weighted") {
            expectScores(f, "eigenvector_weighted", Centrality.eigenvector(in: g, directed: f.directed, weighted: true))
        }
    }

    func checkPairs(_ f: Fixture, _ key: String) throws {
        let pairs = try #require(f.expected[key] as? [[String: Any]])
        #expect(pairs.count == 15)
        let c = PathConstraints(directed: f.directed)
        for p in pairs {
            let s = p["source"] as! String, t = p["target"] as! String
            let length = p["length"] as! Int, count = p["num_shortest_paths"] as! Int
            let path = try ShortestPaths.shortestPath(in: f.graph, from: s, to: t, constraints: c)
            #expect((path?.hopCount ?? -1) == length, "\(f.name) \(key) \(s)->\(t)")
            #expect(try ShortestPaths.countShortestPaths(in: f.graph, from: s, to: t, constraints: c) == count,
                    "\(f.name) \(key) count \(s)->\(t)")
            let all = try ShortestPaths.allShortestPaths(in: f.graph, from: s, to: t, constraints: c)
            #expect(all.count == count)
            #expect(Set(all.map(\.entities)).count == count)
            for q in all { #expect(q.hopCount == length) }
            if let wd = p["weighted_distance"] as? Double {
                var cw = c
                cw.weighted = true
                let wpath = try ShortestPaths.shortestPath(in: f.graph, from: s, to: t, constraints: cw)
                #expect((wpath?.length ?? -1) == wd, "\(f.name) dijkstra \(s)->\(t)")
            }
        }
    }

    @Test("shortest paths: hops, counts, Dijkstra", arguments: Fixture.names)
    func shortestPaths(name: String) throws {
        let f = try Fixture.load(name)
        try checkPairs(f, "shortest_paths")
        if f.has("shortest_paths_reachable") { try checkPairs(f, "shortest_paths_reachable") }
    }

    @Test("k shortest simple paths (Yen)", arguments: Fixture.names)
    func kShortest(name: String) throws {
        let f = try Fixture.load(name)
        let entries = try #require(f.expected["k_shortest"] as? [[String: Any]])
        #expect(entries.count == 3)
        for e in entries {
            let s = e["source"] as! String, t = e["target"] as! String
            let paths = try ShortestPaths.kShortestPaths(
                in: f.graph, from: s, to: t, k: 5, constraints: PathConstraints(directed: f.directed))
            #expect(paths.map(\.hopCount) == e["lengths"] as? [Int], "\(name) \(s)->\(t)")
            #expect(Set(paths.map(\.entities)).count == paths.count)
        }
    }

    @Test("all pairs shortest path lengths", arguments: Fixture.names)
    func allPairs(name: String) throws {
        let f = try Fixture.load(name)
        guard let table = f.expected["all_pairs_shortest_path_length"] as? [String: [String: Int]] else { return }
        let csr = AdjacencySnapshot(f.graph).csr(f.directed ? .forward : .undirected)
        for (s, row) in table {
            let i = try #require(f.graph.index(of: s))
            let dist = try ShortestPaths.breadthFirstDistances(csr, from: i)
            for (t, d) in row {
                let j = try #require(f.graph.index(of: t))
                #expect(Int(dist[j]) == d, "\(s)->\(t)")
            }
        }
    }

    func checkLouvain(_ f: Fixture, key: String, weighted: Bool) throws {
        let info = try #require(f.expected[key] as? [String: Any])
        let best = try #require(info["best_modularity"] as? Double)
        // The README's bar: within 0.02 of the best NetworkX found over its seeds.
        let bar = best - 0.02
        for seed: UInt64 in 0..<10 {
            let p = Communities.louvain(in: f.graph, directed: f.directed, weighted: weighted, seed: seed)
            let q = try #require(p.modularity)
            #expect(q >= bar - 1e-9, "\(f.name) \(key) seed \(seed): modularity \(q) < \(bar)")
            let recomputed = Communities.modularity(in: f.graph, partition: p, directed: f.directed, weighted: weighted)
            #expect(abs(recomputed - q) < 1e-12)
            #expect(p.groups.flatMap { $0 }.sorted() == f.graph.entities.map(\.id).sorted())
        }
    }

    @Test("Louvain modularity", arguments: Fixture.names)
    func louvain(name: String) throws {
        let f = try Fixture.load(name)
        try checkLouvain(f, key: "louvain_modularity", weighted: true)
        if f.has("louvain_modularity_unweighted") {
            try checkLouvain(f, key: "louvain_modularity_unweighted", weighted: false)
        }
    }
}
