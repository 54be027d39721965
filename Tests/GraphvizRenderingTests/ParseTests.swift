import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    @Suite struct Parse {
        static let family = """
        digraph "fam ily" {
          graph [rankdir=LR, label="Top"];
          node [shape=box, color=blue];
          a [label="Alpha"];
          subgraph cluster_0 { label="C0"; node [color=red]; b; c [shape=ellipse]; subgraph cluster_in { d } }
          a -> b [weight=2];
          a:p1:n -> c:s;
          a -> b [key=k2];
          { rank=same; e; f }
          e -> f [label=<<b>bold</b> &amp; x>];
          a -> b;
        }
        """

        /// gvpr (Graphviz's own graph-processing tool) prints every node and edge
        /// with its non-empty attributes: "N|id|k=v|…" and "E|tail|head|k=v|…".
        static let gvprProgram = """
        BEGIN { string s; }
        N { printf("N|%s", $.name); for (s = fstAttr($G, "N"); s != ""; s = nxtAttr($G, "N", s)) { if (aget($, s) != "") printf("|%s=%s", s, aget($, s)); } printf("\\n"); }
        E { printf("E|%s|%s", $.tail.name, $.head.name); for (s = fstAttr($G, "E"); s != ""; s = nxtAttr($G, "E", s)) { if (aget($, s) != "") printf("|%s=%s", s, aget($, s)); } printf("\\n"); }
        """

        static func line(_ prefix: [String], _ attributes: [String: String]) -> String {
            (prefix + attributes.keys.sorted().map { "\($0)=\(attributes[$0] ?? "")" }).joined(separator: "|")
        }

        /// The same lines as gvpr, from our parse, attributes sorted by name.
        static func ourLines(_ document: DOTDocument) -> (nodes: [String], edges: [String]) {
            (document.nodes.map { line(["N", $0.id], $0.attributes) },
             document.edges.map { line(["E", $0.tail, $0.head], $0.attributes) })
        }

        /// gvpr's lines with the attributes sorted the same way.
        static func gvprLines(_ dot: String) throws -> (nodes: [String], edges: [String]) {
            let gvpr = try requireExecutable("gvpr")
            let output = try runProcess(gvpr, [gvprProgram], input: dot)
            #expect(output.status == 0, "gvpr: \(String(decoding: output.stderr, as: UTF8.self))")
            var nodes: [String] = [], edges: [String] = []
            for raw in String(decoding: output.stdout, as: UTF8.self).split(separator: "\n") {
                let fields = raw.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                let isNode = fields[0] == "N"
                let fixed = isNode ? 2 : 3
                var attributes: [String: String] = [:]
                for field in fields.dropFirst(fixed) {
                    let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    attributes[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
                }
                let text = line(Array(fields.prefix(fixed)), attributes)
                if isNode { nodes.append(text) } else { edges.append(text) }
            }
            return (nodes, edges)
        }

        @Test(.enabled(if: toolAvailable("gvpr"), "no `gvpr` executable on PATH"))
        func matchesGvprOracle() throws {
            let document = try Graphviz.parse(dot: Self.family)
            let oracle = try Self.gvprLines(Self.family)
            let ours = Self.ourLines(document)
            #expect(ours.nodes == oracle.nodes)          // gvpr visits nodes in file order too
            #expect(ours.edges.sorted() == oracle.edges.sorted())
        }

        @Test func documentStructure() throws {
            let document = try Graphviz.parse(dot: Self.family, fileName: "family.dot")
            #expect(document.name == "fam ily")
            #expect(document.isDirected)
            #expect(!document.isStrict)
            #expect(document.graphAttributes == ["rankdir": "LR", "label": "Top"])
            #expect(document.nodes.map(\.id) == ["a", "b", "c", "d", "e", "f"])
            #expect(document.warnings.isEmpty)

            // Defaults: declared before a, overridden inside the cluster.
            #expect(document.nodes[0].attributes == ["shape": "box", "color": "blue", "label": "Alpha"])
            #expect(document.nodes[2].attributes == ["shape": "ellipse", "color": "red"])

            // Clusters: membership outermost first; anonymous { rank=same } not listed.
            #expect(document.nodes.map(\.subgraphs) == [[], ["cluster_0"], ["cluster_0"], ["cluster_0", "cluster_in"], [], []])
            #expect(document.subgraphs == [
                DOTSubgraph(name: "cluster_0", attributes: ["label": "C0", "rankdir": "LR"]),
                DOTSubgraph(name: "cluster_in", parent: "cluster_0", attributes: ["label": "C0", "rankdir": "LR"]),
            ])

            // Edges in file order, parallel edges kept, key, ports, HTML label.
            #expect(document.edges.map { "\($0.tail)->\($0.head)" } == ["a->b", "a->c", "a->b", "e->f", "a->b"])
            #expect(document.edges.map(\.key) == [nil, nil, "k2", nil, nil])
            #expect(document.edges[0].attributes == ["weight": "2"])
            #expect(document.edges[1].attributes == ["tailport": "p1:n", "headport": "s"])
            #expect(document.edges[3].attributes == ["label": "<b>bold</b> &amp; x"])
            #expect(document.edges[3].htmlAttributes == ["label"])
            #expect(document.edges[0].htmlAttributes.isEmpty)
        }

        @Test func edgesInFileOrderWhetherOrNotNodeByNode() throws {
            // Node by node already (nothing to reorder), then interleaved (cgraph lists b's out-edges before a's).
            let byNode = try Graphviz.parse(dot: "digraph G { a -> b; a -> c; b -> c; c -> a }")
            #expect(byNode.edges.map { "\($0.tail)->\($0.head)" } == ["a->b", "a->c", "b->c", "c->a"])
            let mixed = try Graphviz.parse(dot: "digraph G { b -> c; a -> b; b -> a [color=red]; c -> a; a -> c }")
            #expect(mixed.edges.map { "\($0.tail)->\($0.head)" } == ["b->c", "a->b", "b->a", "c->a", "a->c"])
            #expect(mixed.edges[2].attributes == ["color": "red"])
        }

        @Test func defaultsApplyOnlyToLaterNodes() throws {
            let document = try Graphviz.parse(dot: "digraph G { x; node [shape=box]; a; edge [color=red]; x -> a; }")
            #expect(document.nodes == [DOTNode(id: "x"), DOTNode(id: "a", attributes: ["shape": "box"])])
            #expect(document.edges == [DOTEdge(tail: "x", head: "a", attributes: ["color": "red"])])
        }

        @Test func strictUndirectedGraphMergesEdges() throws {
            let document = try Graphviz.parse(dot: "strict graph S { a -- b; b -- a; a -- b [color=red]; c -- c }")
            #expect(document.isStrict)
            #expect(!document.isDirected)
            #expect(document.edges.count == 2)
            #expect(document.edges.first?.attributes == ["color": "red"])
            #expect(document.edges.last.map { [$0.tail, $0.head] } == ["c", "c"])
        }

        @Test func nonStrictDigraphKeepsMultiEdges() throws {
            let document = try Graphviz.parse(dot: "digraph M { a -> b; a -> b; b -> a; a -> b [key=x]; a -> b [key=x] }")
            #expect(document.isDirected)
            #expect(!document.isStrict)
            // Two edges with the same key are one edge, as in Graphviz.
            #expect(document.edges.map { "\($0.tail)->\($0.head)" } == ["a->b", "a->b", "b->a", "a->b"])
            #expect(document.edges.map(\.key) == [nil, nil, nil, "x"])
        }

        @Test func anonymousGraphHasEmptyName() throws {
            let document = try Graphviz.parse(dot: "# a preprocessor-style line\n/* c */ graph // x\n { a }")
            #expect(document.name == "")
            #expect(!document.isDirected)
            #expect(document.nodes.map(\.id) == ["a"])
        }

        @Test func plainLabelThatLooksLikeHTMLIsNotHTML() throws {
            let document = try Graphviz.parse(dot: #"digraph G { a [label="<b>x</b>"]; b [label=<<i>y</i>>] }"#)
            #expect(document.nodes[0].attributes["label"] == "<b>x</b>")
            #expect(document.nodes[0].htmlAttributes.isEmpty)
            #expect(document.nodes[1].attributes["label"] == "<i>y</i>")
            #expect(document.nodes[1].htmlAttributes == ["label"])
        }

        /// Each case is the text between the quotes in the DOT source, and what a
        /// DOT reader must return for it: only `\"` is an escape inside a quoted string.
        static let hostile: [(source: String, expected: String)] = [
            (#"He said \"hi\""#, #"He said "hi""#),
            (#"back\\slash"#, #"back\\slash"#),
            (#"line1\nline2\l"#, #"line1\nline2\l"#),
            (#"ends with \\"#, #"ends with \\"#),
            ("a < b & c > d &amp; e", "a < b & c > d &amp; e"),
            ("Лев Давидович Бронштейн", "Лев Давидович Бронштейн"),
            ("Café crème, naïve façade", "Café crème, naïve façade"),
            ("🎉 emoji 👩‍👩‍👧 ok", "🎉 emoji 👩‍👩‍👧 ok"),
            (#"\N and \G"#, #"\N and \G"#),
        ]

        static var hostileDOT: String {
            var lines = ["digraph H {"]
            for (index, item) in Self.hostile.enumerated() {
                lines.append("  n\(index) [label=\"\(item.source)\", tooltip=\"\(item.source)\"];")
            }
            lines.append("  \"Жуков\" -> \"émile 🎉\" [label=\"\(Self.hostile[0].source)\"];")
            lines.append("}")
            return lines.joined(separator: "\n")
        }

        @Test(.enabled(if: toolAvailable("gvpr"), "no `gvpr` executable on PATH"))
        func hostileLabelsMatchGvpr() throws {
            let dot = Self.hostileDOT
            let oracle = try Self.gvprLines(dot)
            let document = try Graphviz.parse(dot: dot)
            #expect(Self.ourLines(document).nodes == oracle.nodes)
            #expect(Self.ourLines(document).edges == oracle.edges)
        }

        @Test func hostileLabelsComeBackAsWritten() throws {
            let dot = Self.hostileDOT
            let document = try Graphviz.parse(dot: dot)
            for (index, item) in Self.hostile.enumerated() {
                #expect(document.nodes[index].attributes["label"] == item.expected, "case \(index)")
                #expect(document.nodes[index].attributes["tooltip"] == item.expected, "case \(index)")
            }
            #expect(document.edges.first?.tail == "Жуков")
            #expect(document.edges.first?.head == "émile 🎉")
            #expect(document.edges.first?.attributes["label"] == Self.hostile[0].expected)

            // gvpr's view is checked by hostileLabelsMatchGvpr (skipped without gvpr).
            // The same text renders without errors.
            let rendering = try Graphviz.render(dot: dot, format: .svg)
            #expect(svgNodeGroupCount(rendering.data) == Self.hostile.count + 2)
        }
    }
}
