import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    /// Issue 8 items 4 and 11 (Graphviz side).
    @Suite struct Hardening {
        @Test(.timeLimit(.minutes(1)))
        func errorColumnOnA2MBLineIsFoundInLinearTime() {
            // 2 MB of "a -> b; " on one line, then the one error: "-> ;".
            let body = String(repeating: "a -> b; ", count: 262_144)
            let source = "digraph G { " + body + "x -> ; }"
            let column = 12 + body.count + 6
            #expect(Graphviz.uniqueColumn(of: "x -> ;", inLine: 1, of: source) == column - 5)
            // A token that occurs more than once gives no column (stopped at the second).
            #expect(Graphviz.uniqueColumn(of: "a", inLine: 1, of: source) == nil)
            // Columns count characters, not bytes.
            #expect(Graphviz.uniqueColumn(of: ";", inLine: 2, of: "digraph {\n\"Öł\" -> ;") == 9)
        }

        @Test func renderLeavesTheHostRandomGeneratorsAlone() throws {
            srand(7); srand48(42)
            let expectedRand = (rand(), rand()), expectedDrand = drand48()
            srand(7); srand48(42)
            _ = rand()
            _ = try Graphviz.render(dot: "graph { a -- b -- c -- a }", engine: .sfdp, format: .svg)
            #expect(rand() == expectedRand.1)
            srand(7); srand48(42)
            _ = try Graphviz.render(dot: "graph { a -- b -- c -- a }", engine: .neato, format: .svg)
            #expect(drand48() == expectedDrand)
        }

        @Test func layoutsStayByteStableAfterTheHostDrawsNumbers() throws {
            let dot = "graph G { a -- b -- c -- d -- a; a -- c; e -- a; f -- e }"
            let first = try Graphviz.render(dot: dot, engine: .sfdp, format: .svg).data
            srand(99); srand48(99)
            for _ in 0..<17 { _ = rand(); _ = drand48() }
            #expect(try Graphviz.render(dot: dot, engine: .sfdp, format: .svg).data == first)
        }
    }
}
