import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// The worked example in every public algorithm's documentation, run as written.
/// Expected values are worked out by hand in each comment (independent of the code).
@Suite("Documented examples")
struct DocExampleTests {
    /// A graph of persons/organizations with the standard schema.
    static func standardGraph(_ ids: [String], _ rels: [Relation], orgs: Set<String> = []) throws -> Graph {
        try Graph(
            entities: ids.map { Entity(id: $0, kind: orgs.contains($0) ? "organization" : "person") },
            relations: rels)
    }

    @Test func csrGraph() throws {
        let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2, 2], targets: [1, 2, 0, 3], directed: false)
        #expect(g.outDegree(2) == 3)
        #expect(Array(g.outNeighbors[g.outOffsets[2]..<g.outOffsets[3]]) == [0, 1, 3])
        #expect(try ShortestPaths.breadthFirstDistances(g, from: 3) == [2, 2, 1, 0])
        #expect(g.reversed().outNeighbors == g.outNeighbors)
        #expect(g.filtered(keepEdge: { $0 != 3 }).outDegree(2) == 2)
        #expect(g.filtered(keepEdge: { $0 != 3 }).outDegree(3) == 0)
        // Parallel edges merge in the simple graph.
        let multi = try CSRGraph(nodeCount: 2, sources: [0, 1, 0], targets: [1, 0, 1], weights: [3, 1, 2], directed: false)
        #expect(multi.simplified(merging: .minimum).edgeWeights == [1])
        #expect(multi.simplified(merging: .minimum).parentEdges == [1])
        #expect(multi.simplified(merging: .sum).edgeWeights == [6])
        #expect(multi.simplified().edgeWeights == [3])
        // A simple graph keeps its arcs; its edges are renumbered in (tail, head ≥ tail) order:
        // 0-1 (edge 1), 0-2 (edge 2), 1-2 (edge 0), 2-3 (edge 3).
        let simple = try CSRGraph(nodeCount: 4, sources: [2, 0, 2, 3], targets: [1, 1, 0, 2], weights: [5, 6, 7, 8], directed: false)
        let s = simple.simplified(merging: .sum)
        #expect(s.edgeSources == [0, 0, 1, 2] && s.edgeTargets == [1, 2, 2, 3])
        #expect(s.edgeWeights == [6, 7, 5, 8] && s.parentEdges == [1, 2, 0, 3])
        #expect(s.outNeighbors == simple.outNeighbors && s.outOffsets == simple.outOffsets)
        #expect(Array(s.outEdges[s.outOffsets[2]..<s.outOffsets[3]]) == [1, 2, 3])  // to 0, 1, 3
        let arrows = try CSRGraph(nodeCount: 3, sources: [1, 0, 2], targets: [2, 1, 0], directed: true).simplified()
        #expect(arrows.edgeSources == [0, 1, 2] && arrows.edgeTargets == [1, 2, 0] && arrows.parentEdges == [1, 0, 2])
        #expect(arrows.inEdges == [2, 0, 1])  // into 0 from 2, into 1 from 0, into 2 from 1
        #expect(throws: GraphAlgorithmsError.self) { try CSRGraph(nodeCount: 2, sources: [0], targets: [2], directed: true) }
        #expect(throws: GraphAlgorithmsError.self) { try CSRGraph(nodeCount: 2, sources: [0], targets: [1], weights: [-1], directed: true) }
        #expect(throws: GraphAlgorithmsError.self) { try CSRGraph(nodeCount: 2, sources: [0, 1], targets: [1], directed: true) }
    }

    @Test func snapshotViews() throws {
        let g = try DocExampleTests.standardGraph(
            ["a", "b", "org"],
            [Relation(from: "a", kind: "ally_of", to: "b", date: PartialDate("1937")),
             Relation(from: "b", kind: "member_of", to: "org")],
            orgs: ["org"])
        let snap = AdjacencySnapshot(g)
        #expect(snap.view(direction: .undirected, during: DateSpan(PartialDate("1930")!)).arcCount == 2)
        #expect(snap.view(entityKinds: ["person"]).arcCount == 2)
        // ally_of is symmetric: crossed both ways even in the forward view.
        #expect(snap.csr(.forward).arcCount == 3)
        let rev = snap.csr(.reversed)
        #expect(Array(rev.outNeighbors[rev.outOffsets[2]..<rev.outOffsets[3]]) == [1])  // org -> b
        #expect(snap.view(relationKinds: ["member_of"]).arcCount == 1)
        #expect(snap.view(excludedKinds: ["member_of"]).arcCount == 2)
        #expect(snap.view(during: DateSpan(PartialDate("1930")!), keepUndated: false).arcCount == 0)
    }

    @Test func allAndCount() throws {
        let g = try DocExampleTests.standardGraph(
            ["a", "b", "c", "d"],
            [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")].map { Relation(from: $0.0, kind: "ally_of", to: $0.1) })
        #expect(try ShortestPaths.allShortestPaths(in: g, from: "b", to: "d").map(\.entities) == [["b", "a", "d"], ["b", "c", "d"]])
        #expect(try ShortestPaths.countShortestPaths(in: g, from: "b", to: "d") == 2)
        #expect(try ShortestPaths.countShortestPaths(in: g, from: "b", to: "b") == 1)
    }

    @Test func breadthFirst() throws {
        let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2], targets: [1, 2, 3], directed: true)
        #expect(try ShortestPaths.breadthFirstDistances(g, from: 1) == [-1, 0, 1, 2])
        #expect(try ShortestPaths.breadthFirstDistances(g.reversed(), from: 1) == [1, 0, -1, -1])
        #expect(throws: GraphAlgorithmsError.nodeOutOfRange(7, nodeCount: 4)) {
            try ShortestPaths.breadthFirstDistances(g, from: 7)
        }
    }

    @Test func bidirectional() throws {
        let g = try CSRGraph(nodeCount: 5, sources: [0, 1, 2, 3, 0], targets: [1, 2, 3, 4, 4], directed: false)
        let p = try #require(try ShortestPaths.bidirectionalPath(g, from: 1, to: 4))
        #expect(p.nodes == [1, 0, 4])
        #expect(p.edges == [0, 4])
        let d = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: true)
        #expect(try ShortestPaths.bidirectionalPath(d, from: 2, to: 0) == nil)
        #expect(try ShortestPaths.bidirectionalPath(d, from: 0, to: 2)?.nodes == [0, 1, 2])
    }

    @Test func dijkstra() throws {
        let g = try CSRGraph(nodeCount: 3, sources: [0, 1, 0], targets: [1, 2, 2], weights: [1, 1, 5], directed: false)
        #expect(try ShortestPaths.dijkstra(g, from: 0).distances == [0, 1, 2])
        #expect(try ShortestPaths.dijkstraPath(g, from: 0, to: 2)?.nodes == [0, 1, 2])
    }

    @Test func graphShortestPath() throws {
        let g = try DocExampleTests.standardGraph(
            ["a", "b", "org"],
            [Relation(from: "a", kind: "member_of", to: "org"), Relation(from: "b", kind: "member_of", to: "org")],
            orgs: ["org"])
        let p = try #require(try ShortestPaths.shortestPath(in: g, from: "a", to: "b"))
        #expect(p.entities == ["a", "org", "b"])
        #expect(p.hops.map(\.forward) == [true, false])
        #expect(p.hops.map(\.relation.rawValue) == [0, 1])
        // Directed, member_of cannot be crossed backwards.
        #expect(try ShortestPaths.shortestPath(in: g, from: "a", to: "b", constraints: PathConstraints(directed: true)) == nil)
        #expect(throws: GraphAlgorithmsError.unknownEntity("zed")) { try ShortestPaths.shortestPath(in: g, from: "a", to: "zed") }
    }

    @Test func kShortest() throws {
        let g = try DocExampleTests.standardGraph(
            ["a", "b", "c", "d"],
            [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c")].map { Relation(from: $0.0, kind: "ally_of", to: $0.1) })
        let paths = try ShortestPaths.kShortestPaths(in: g, from: "a", to: "c", k: 3)
        #expect(paths.map(\.hopCount) == [1, 2, 2])
        #expect(Set(paths.map(\.entities)) == [["a", "c"], ["a", "b", "c"], ["a", "d", "c"]])
        #expect(throws: GraphAlgorithmsError.self) { try ShortestPaths.kShortestPaths(in: g, from: "a", to: "c", k: 0) }
    }

    @Test func explainNoPath() throws {
        let g = try DocExampleTests.standardGraph(
            ["a", "b"], [Relation(from: "a", kind: "ally_of", to: "b", date: PartialDate("1940"))])
        let c = PathConstraints(at: DateSpan(PartialDate("1937")!))
        let why = try #require(try ShortestPaths.explainNoPath(in: g, from: "a", to: "b", constraints: c))
        #expect(why.relaxations.map(\.constraint) == [.at])
        #expect(why.relaxations.first?.path.entities == ["a", "b"])
        #expect(why.connectedWithoutConstraints)
        #expect(try ShortestPaths.explainNoPath(in: g, from: "a", to: "b", constraints: PathConstraints()) == nil)
    }

    @Test func centralities() throws {
        let path = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
        #expect(Centrality.betweenness(path) == [0, 1, 0])
        let close = Centrality.closeness(path)
        for (a, b) in zip(close, [2.0 / 3, 1, 2.0 / 3]) { #expect(abs(a - b) < 1e-12) }
        let cycle = try CSRGraph(nodeCount: 3, sources: [0, 1, 2], targets: [1, 2, 0], directed: true)
        for x in Centrality.pagerank(cycle) { #expect(abs(x - 1.0 / 3) < 1e-9) }
        let star = try CSRGraph(nodeCount: 4, sources: [0, 0, 0], targets: [1, 2, 3], directed: false)
        let ev = Centrality.eigenvector(star)
        #expect(abs(ev[0] - 1 / 2.0.squareRoot()) < 1e-9)
        for i in 1...3 { #expect(abs(ev[i] - 1 / 6.0.squareRoot()) < 1e-9) }
        let fan = try CSRGraph(nodeCount: 3, sources: [0, 0], targets: [1, 2], directed: true)
        #expect(Centrality.degree(fan, direction: .outgoing) == [2, 0, 0])
        #expect(Centrality.degree(fan) == [2, 1, 1])
    }

    @Test func components() throws {
        let g = try CSRGraph(nodeCount: 5, sources: [0, 3], targets: [1, 4], directed: true)
        #expect(Components.connected(g).labels == [0, 0, 1, 2, 2])
        let h = try CSRGraph(nodeCount: 4, sources: [0, 1, 2, 2], targets: [1, 2, 0, 3], directed: true)
        #expect(Components.stronglyConnected(h).labels == [0, 0, 0, 1])
    }

    @Test func brokersAndDiameter() throws {
        let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2, 2], targets: [1, 2, 0, 3], directed: false)
        #expect(Brokers.cutStructure(g).articulationPoints == [2])
        #expect(Brokers.cutStructure(g).bridges == [3])
        let p = try CSRGraph(nodeCount: 4, sources: [0, 1, 2], targets: [1, 2, 3], directed: false)
        #expect(Structure.diameter(p) == 3)
        #expect(abs(Structure.density(p) - 0.5) < 1e-12)
    }

    @Test func spanningTree() throws {
        let g = try CSRGraph(nodeCount: 3, sources: [0, 1, 0], targets: [1, 2, 2], weights: [1, 2, 3], directed: false)
        #expect(SpanningTree.minimum(g).edges == [0, 1])
        #expect(SpanningTree.minimum(g).totalWeight == 3)
        // NetworkX 3.6.1: nx.minimum_spanning_tree(nx.karate_club_graph()) weighs 68.0 over 33 edges.
        let karate = try Fixture.load("karate")
        let relations = SpanningTree.minimum(in: karate.graph)
        #expect(relations.count == 33)
        #expect(relations.map { karate.graph.relations[$0].weight ?? 1 }.reduce(0, +) == 68)
    }

    @Test func louvain() throws {
        let g = try CSRGraph(
            nodeCount: 6, sources: [0, 1, 2, 3, 4, 5, 2], targets: [1, 2, 0, 4, 5, 3, 3], directed: false)
        let c = Communities.louvain(g, seed: 1)
        #expect(c.count == 2)
        #expect(c.labels == [0, 0, 0, 1, 1, 1])
        #expect(abs((c.modularity ?? 0) - 5.0 / 14) < 1e-12)
    }

    @Test func egoAndSlice() throws {
        let g = try DocExampleTests.standardGraph(
            ["a", "b", "c", "d"],
            [("a", "b"), ("b", "c"), ("c", "d")].map { Relation(from: $0.0, kind: "ally_of", to: $0.1) })
        #expect(try Neighborhood.ego(in: g, center: "b", radius: 1).entities.map(\.id) == ["a", "b", "c"])
        #expect(try Neighborhood.ego(in: g, center: "b", radius: 0).entities.map(\.id) == ["b"])
        let t = try DocExampleTests.standardGraph(
            ["a", "b"],
            [Relation(from: "a", kind: "ally_of", to: "b", start: PartialDate("1920"), end: PartialDate("1927")),
             Relation(from: "a", kind: "rival_of", to: "b", start: PartialDate("1927"))])
        #expect(TimeSlice.during(DateSpan(PartialDate("1925")!), of: t).relations.map(\.kind) == ["ally_of"])
        #expect(TimeSlice.at(PartialDate("1930")!, of: t).relations.map(\.kind) == ["rival_of"])
        #expect(try TimeSlice.between(PartialDate("1926")!, and: PartialDate("1928")!, of: t).relations.count == 2)
    }
}
