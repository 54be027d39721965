import Foundation
import GraphAlgorithms
import GraphModel
import GraphvizRendering
import Testing
@testable import GraphDrawing

/// Overviews, placements and pinned DOT, checked against hand-built graphs.
@Suite("Drawings")
struct DrawingTests {
    /// Three components: a star on `a` (a–b, a–c, a–d, a–e), a path f–g–h–i with
    /// g–h doubled, and a triangle j–k–l.
    func threeComponents() throws -> Graph {
        let people = "abcdefghijkl".map { Entity(id: String($0), kind: "person", name: "Person \($0.uppercased())") }
        let ties: [(String, String)] = [("a", "b"), ("a", "c"), ("a", "d"), ("a", "e"),
                                        ("f", "g"), ("g", "h"), ("g", "h"), ("h", "i"),
                                        ("j", "k"), ("k", "l"), ("l", "j")]
        return try Graph(name: "three", entities: people,
                         relations: ties.map { Relation(from: $0.0, kind: "ally_of", to: $0.1) })
    }

    @Test("An overview by component: sizes, most-tied members, ties inside, no links")
    func overviewByComponent() throws {
        let g = try threeComponents()
        let o = Overview(g, grouping: .component)
        #expect(o.groups.map(\.members.count) == [5, 4, 3])
        // a has 4 ties; g and h have 3 each (the doubled tie counts twice), g wins by id; j, k, l tie at 2.
        #expect(o.groups.map(\.lead) == ["a", "g", "j"])
        #expect(o.groups.map(\.internalTies) == [4, 4, 3])
        #expect(o.links.isEmpty)
    }

    @Test("Links between groups count the ties that cross them")
    func overviewLinks() throws {
        // Cliques a–e (K5), f–i (K4), j–l (K3); b–f and c–g join K5 to K4, i–j joins K4 to K3.
        // Modularity by hand (m = 22): three groups 0.472; K4 and K3 merged 0.409, K5 and K4 merged lower.
        let people = "abcdefghijkl".map { Entity(id: String($0), kind: "person", name: "Person \($0.uppercased())") }
        var ties: [(String, String)] = []
        for clique in ["abcde", "fghi", "jkl"] {
            let m = clique.map(String.init)
            for x in m.indices { for y in m.indices where y > x { ties.append((m[x], m[y])) } }
        }
        ties += [("b", "f"), ("c", "g"), ("i", "j")]
        let g = try Graph(name: "cliques", entities: people, relations: ties.map { Relation(from: $0.0, kind: "ally_of", to: $0.1) })
        let o = Overview(g, grouping: .community, seed: 1)
        #expect(o.groups.map(\.members) == [["a", "b", "c", "d", "e"], ["f", "g", "h", "i"], ["j", "k", "l"]])
        #expect(abs((o.modularity ?? 0) - 0.47210743801652894) < 1e-9)
        // b and c have 5 ties (b by id); f, g, i have 4 (f by id); j has 3.
        #expect(o.groups.map(\.lead) == ["b", "f", "j"])
        #expect(o.groups.map(\.internalTies) == [10, 6, 3])
        #expect(o.links == [.init(a: 0, b: 1, ties: 2), .init(a: 1, b: 2, ties: 1)])
        let d = o.drawing(g, title: "t", palette: ["#ff0000", "#00ff00"], otherColor: "#eeeeee")
        #expect(d.nodes.map(\.label) == ["Person B\n5 entities", "Person F\n4 entities", "Person J\n3 entities"])
        #expect(d.nodes.map(\.fill) == ["#ff0000", "#00ff00", "#eeeeee"])
        #expect(d.edges.map(\.label) == ["2", "1"])
        #expect(d.edges.map(\.tooltip) == ["2 ties between community 1 and community 2", "1 tie between community 2 and community 3"])
        // Area grows with members: the largest group is drawn largest.
        #expect(d.nodes[0].width * d.nodes[0].height > d.nodes[2].width * d.nodes[2].height)
    }

    @Test("A placement labels only the most-tied, keeps every box apart, and is reproducible")
    func placement() throws {
        let r = (0..<300).map { Entity(id: "e\($0)", kind: $0 % 3 == 0 ? "organization" : "person", name: "Entity number \($0)") }
        var rng = SeededGenerator(seed: 4)
        var rel: [Relation] = []
        for i in 1..<300 { rel.append(Relation(from: "e\(i)", kind: "ally_of", to: "e\(Int.random(in: 0..<i, using: &rng))")) }
        let g = try Graph(name: "tree", entities: r, relations: rel)
        let p = Drawings.place(g, options: .init(labelCount: 20, seed: 2))
        #expect(Drawings.labelledCount(p) == 20)
        // The labelled ones are the 20 highest degrees.
        let degree = Centrality.degree(in: g, normalized: false)
        let cut = degree.values.sorted(by: >)[19]
        for (i, f) in p.fontSizes.enumerated() where f != nil { #expect(degree.values[i] >= cut) }
        var overlaps = 0
        for a in 0..<300 {
            for b in (a + 1)..<300 {
                let ox = (p.widths[a] + p.widths[b]) / 2 - abs(p.layout.x[a] - p.layout.x[b])
                let oy = (p.heights[a] + p.heights[b]) / 2 - abs(p.layout.y[a] - p.layout.y[b])
                if ox > 1e-6 && oy > 1e-6 { overlaps += 1 }
            }
        }
        #expect(overlaps == 0)
        #expect(p == Drawings.place(g, options: .init(labelCount: 20, seed: 2)))
    }

    @Test("Pinned DOT carries every position and hostile names through Graphviz's parser")
    func pinnedDOT() throws {
        let names = ["quote \" here", "back\\slash\\", "line\nbreak", "<b>&amp;</b>", "Троцкий"]
        let entities = names.enumerated().map { Entity(id: "e\($0.offset)", kind: "person", name: $0.element) }
        let g = try Graph(name: "hostile", entities: entities,
                          relations: [Relation(from: "e0", kind: "ally_of", to: "e1"), Relation(from: "e1", kind: "killed", to: "e2")])
        let p = Drawings.place(g, options: .init(labelCount: 2))
        let d = Drawings.draw(g, placement: p, title: "a \"title\"", subtitle: nil)
        let doc = try Graphviz.parse(dot: d.dot())
        let real = doc.nodes.filter { $0.id.hasPrefix("n") }
        #expect(real.count == 5)
        for (i, node) in real.enumerated() {
            #expect(node.attributes["pos"] == String(format: "%.2f,%.2f!", p.layout.x[i], p.layout.y[i]))
            // Tooltips are escString text: Graphviz shows them unescaped.
            #expect(node.attributes["tooltip"]?.contains(names[i].replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;")) == true)
        }
        #expect(doc.edges.map(\.attributes["dir"]) == ["none", nil])  // ally_of is symmetric, killed is not
        let svg = try Graphviz.renderPinned(dot: d.dot(), format: .svg)
        let text = String(decoding: svg.data, as: UTF8.self)
        #expect(text.contains("Троцкий (person)"))
        #expect(text.contains("quote &quot; here (person)"))
    }

    @Test("Pinned DOT writes numbers exactly as String(format: \"%.2f\") does, ties and signs included")
    func pinnedNumbers() throws {
        // Halfway cases, a negative that rounds to zero, large and tiny values.
        let xs: [Double] = [0.125, -0.004, 2.675, -1234567.895, 1e-9, 0, -0.0, 99.995, 0.005, 1.005]
        let nodes = xs.enumerated().map { i, x in
            PositionedDrawing.Node(label: nil, tooltip: "t", shape: "ellipse", fill: "#ffffff",
                                   width: 7.125 + Double(i), height: 0.36, fontSize: 0, x: x, y: -x)
        }
        let edges = [PositionedDrawing.Edge(from: 0, to: 1, color: "#000000", penWidth: 0.125, directed: true, tooltip: "e"),
                     PositionedDrawing.Edge(from: 1, to: 2, color: "#000000", penWidth: 1.005, directed: true, tooltip: "e")]
        let dot = PositionedDrawing(title: "numbers", nodes: nodes, edges: edges).dot()
        for (i, x) in xs.enumerated() {
            #expect(dot.contains("n\(i) [pos=\"\(String(format: "%.2f,%.2f!", x, -x))\", width=\(String(format: "%.2f", (7.125 + Double(i)) / 72)), "))
        }
        // One width is the default, the other written on its edge.
        #expect(dot.contains("penwidth=\(String(format: "%.2f", 0.125))"))
        #expect(dot.contains("penwidth=\(String(format: "%.2f", 1.005))"))
    }
}
