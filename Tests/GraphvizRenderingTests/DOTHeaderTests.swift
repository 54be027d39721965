import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    @Suite struct Header {
        @Test(arguments: [
            ("digraph { a }", true),
            ("strict  Graph{a}", true),
            ("\u{FEFF}// c\n/* d */\n# line\nDIGRAPH\n{ }", true),
            ("digraph G { a }", false),
            ("digraph \"my graph\" { a }", false),
            ("graph 12 { a }", false),
            ("digraph <b>x</b> { a }", false),
        ])
        func anonymityIsDetected(source: String, anonymous: Bool) {
            #expect(DOTHeader(source)?.isAnonymous == anonymous)
        }

        @Test func notAGraphIsLeftAlone() {
            #expect(DOTHeader("") == nil)
            #expect(DOTHeader("node { a }") == nil)
            #expect(DOTHeader.naming("hello", as: "G") == "hello")
        }

        @Test func namingKeepsLinesAndRestOfText() {
            #expect(DOTHeader.naming("strict digraph{\n a }", as: "G") == "strict digraph G {\n a }")
            #expect(DOTHeader.naming("digraph X { a }", as: "G") == "digraph X { a }")
        }
    }
}
