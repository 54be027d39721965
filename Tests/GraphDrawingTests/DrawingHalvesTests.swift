import GraphModel
import GraphvizRendering
import Testing
@testable import GraphDrawing

/// Two Graphviz jobs, joined, must give the very SVG one job gives.
@Suite("Drawing halves")
struct DrawingHalvesTests {
    /// `n` nodes on a grid and `m` edges between seeded random nodes, written in an
    /// order unrelated to their tails (so edge ids must be renumbered), one colour in five different.
    func drawing(nodes n: Int, edges m: Int, bothWays: Bool = false) -> PositionedDrawing {
        var state: UInt64 = 7
        func next(_ k: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(k))
        }
        var nodes: [PositionedDrawing.Node] = []
        for i in 0..<n {
            let label: String? = i % 50 == 0 ? "Name \(i) <&>" : nil
            let shape = i % 3 == 0 ? "box" : "ellipse"
            let width = 14 + Double(i % 5), x = Double(i % 40) * 30, y = Double(i / 40) * 30
            nodes.append(.init(label: label, tooltip: "entity \(i)", shape: shape, fill: "#dbeafe", width: width,
                               height: 14, fontSize: 10, x: x, y: y))
        }
        // Without `bothWays` every edge runs from its lower node (parallel edges and loops stay).
        let edges = (0..<m).map { _ in
            let a = next(n), b = next(n)
            return PositionedDrawing.Edge(from: bothWays ? a : min(a, b), to: bothWays ? b : max(a, b),
                                          color: next(5) == 0 ? "#dc2626" : "#4b5563", penWidth: 0.4, directed: false, tooltip: "tie")
        }
        return PositionedDrawing(title: "Halves", subtitle: "a test", nodes: nodes, edges: edges)
    }

    @Test("The joined SVG of two jobs is byte for byte the SVG of one job")
    func joinedEqualsOneJob() throws {
        let d = drawing(nodes: 1_200, edges: 24_000)
        let halves = try #require(d.halves())
        // Each half holds whole tails and about half the edges.
        #expect(halves.firstEdges.count + halves.secondEdges.count == 24_000)
        #expect(abs(halves.firstEdges.count - 12_000) < 1_000)
        let firstTails = Set(halves.firstEdges.map { d.edges[Int($0)].from })
        #expect(halves.secondEdges.allSatisfy { !firstTails.contains(d.edges[Int($0)].from) })
        let one = try Graphviz.renderPinned(dot: halves.whole, format: .svg).data
        let a = try Graphviz.renderPinned(dot: halves.first, format: .svg).data
        let b = try Graphviz.renderPinned(dot: halves.second, format: .svg).data
        let joined = try halves.join(a, b)
        #expect(joined.count == one.count)
        #expect(joined == one)
        // The second job drew no node: its nodes are invisible.
        #expect(!String(decoding: b, as: UTF8.self).contains("class=\"node\""))
    }

    @Test("Ties both ways: the same lines as one job, in the same header; a tie's edges stay in one job")
    func bothWaysSameLines() throws {
        let d = drawing(nodes: 1_200, edges: 24_000, bothWays: true)
        let halves = try #require(d.halves())
        let pairsFirst = Set(halves.firstEdges.map { min(d.edges[Int($0)].from, d.edges[Int($0)].to) })
        #expect(halves.secondEdges.allSatisfy { !pairsFirst.contains(min(d.edges[Int($0)].from, d.edges[Int($0)].to)) })
        let one = String(decoding: try Graphviz.renderPinned(dot: halves.whole, format: .svg).data, as: UTF8.self)
        let joined = String(decoding: try halves.join(try Graphviz.renderPinned(dot: halves.first, format: .svg).data,
                                                      try Graphviz.renderPinned(dot: halves.second, format: .svg).data), as: UTF8.self)
        #expect(joined.count == one.count)
        #expect(joined.prefix(1_000) == one.prefix(1_000))
        // Edge groups are five lines each: compare them as a set, with the edge ids.
        func lines(_ svg: String) -> [Substring] { svg.split(separator: "\n").sorted() }
        #expect(lines(joined) == lines(one))
    }

    @Test("Small drawings are one job; texts that are not these halves' SVG are refused")
    func smallAndForeign() throws {
        #expect(drawing(nodes: 100, edges: 500).halves() == nil)
        let halves = try #require(drawing(nodes: 1_200, edges: 24_000).halves())
        #expect(throws: DrawingHalves.JoinError.self) { try halves.join(Array("<svg/>".utf8), Array("<svg/>".utf8)) }
    }
}
