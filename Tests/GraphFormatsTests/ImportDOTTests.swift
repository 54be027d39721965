import Foundation
import GraphModel
import GraphvizRendering
import Testing
@testable import GraphFormats

/// DOT import: Graphviz's own parser (cgraph) reads the text, the test converts
/// its DOTDocument as the command line does, and the importer makes the graph.
@Suite struct ImportDOTTests {
    static func attributed(_ doc: DOTDocument) -> AttributedGraph {
        var a = AttributedGraph(directed: doc.isDirected)
        if !doc.name.isEmpty { a.attributes["name"] = doc.name }
        for n in doc.nodes { a.addDOTNode(n.id, attributes: n.attributes, htmlAttributes: n.htmlAttributes, subgraphs: n.subgraphs) }
        for e in doc.edges { a.addDOTEdge(tail: e.tail, head: e.head, attributes: e.attributes, htmlAttributes: e.htmlAttributes) }
        return a
    }

    static func importDOT(_ text: String) throws -> ImportResult {
        try GraphImporter.makeGraph(from: attributed(Graphviz.parse(dot: text, fileName: "t.dot")))
    }

    @Test func digraphWithDefaultsAndEscapedLabels() throws {
        let r = try Self.importDOT(#"""
        digraph "Trotsky & Stalin" {
          node [kind=person, shape=box];
          trotsky [label="Leon \"Lev\"\nTrotsky \\ &amp; co", born="1879-11-07"];
          stalin [label="\N"];
          gpu [kind=organization, label="GPU"];
          mercader;
          mercader -> trotsky [kind=killed, date="1940-08-20", evidence="ice axe", source="s. 88", color=red];
          mercader -> gpu [kind=agent_of];
          stalin -> trotsky [kind=rival_of];
        }
        """#)
        let g = r.graph
        #expect(g.name == "Trotsky & Stalin")
        #expect(g.entities.map(\.id) == ["trotsky", "stalin", "gpu", "mercader"])
        #expect(g.entity("trotsky")?.name == "Leon \"Lev\"\nTrotsky \\ & co")
        #expect(g.entity("trotsky")?.start == PartialDate("1879-11-07"))
        #expect(g.entity("stalin")?.name == "stalin")
        #expect(g.entities.map(\.kind) == ["person", "person", "organization", "person"])
        #expect(g.relations.count == 3)
        #expect(g.relations[0] == Relation(from: "mercader", kind: "killed", to: "trotsky", date: PartialDate("1940-08-20"), evidence: Evidence("ice axe", source: "s. 88")))
        // One summary warning for every drawing attribute dropped, not a line per item.
        let dropped = r.warnings.filter { $0.message.contains("drawing attributes dropped") }
        #expect(dropped.count == 1)
        #expect(dropped.first?.message.contains("color") == true)
    }

    @Test func undirectedGraphAddsSymmetricKinds() throws {
        let g = try Self.importDOT("graph { a -- b [kind=knows]; b -- c; }").graph
        #expect(g.schema.relationKind("knows")?.symmetric == true)
        #expect(g.schema.relationKind("tie")?.symmetric == true)
        #expect(g.entities.map(\.kind) == ["node", "node", "node"])
    }

    @Test func strictGraphsMergeParallelEdgesOthersKeepThem() throws {
        #expect(try Self.importDOT("strict digraph { a -> b; a -> b }").graph.relations.count == 1)
        #expect(try Self.importDOT("digraph { a -> b; a -> b [weight=2] }").graph.relations.map(\.weight) == [nil, 2])
    }

    @Test func subgraphsAndClustersBecomeAnAttribute() throws {
        let g = try Self.importDOT("""
        digraph { subgraph cluster_left { label="Left"; a; subgraph inner { b } } { rank=same; c } a -> c }
        """).graph
        #expect(g.entity("a")?.attributes == ["subgraph": "cluster_left"])
        #expect(g.entity("b")?.attributes == ["subgraph": "inner"])
        #expect(g.entity("c")?.attributes == [:])
    }

    @Test func portsAreDroppedWithAWarning() throws {
        let r = try Self.importDOT("digraph { a:p1:n -> b:s }")
        #expect(r.graph.relations.map { "\($0.from)->\($0.to)" } == ["a->b"])
        #expect(r.warnings.contains { $0.message.contains("headport") && $0.message.contains("tailport") })
    }

    @Test func htmlLabelsKeepTheirText() throws {
        let g = try Self.importDOT("digraph { a [label=<<b>Leon</b><br/>Trotsky &amp; co &lt;3>] }").graph
        #expect(g.entity("a")?.name == "Leon\nTrotsky & co <3")
    }

    @Test func syntaxErrorsComeFromGraphvizWithALine() {
        #expect(throws: GraphvizError.self) { _ = try Graphviz.parse(dot: "digraph { a -> }", fileName: "bad.dot") }
    }
}
