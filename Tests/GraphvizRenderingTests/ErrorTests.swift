import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    @Suite struct Errors {
        @Test func syntaxErrorCarriesFileLineAndColumn() {
            // Line 3 is " b -> ;": cgraph stops at ';', the 7th character.
            let source = "digraph G {\n a -> b\n b -> ;\n}"
            #expect(throws: GraphvizError.syntax(
                fileName: "family.dot", line: 3, column: 7,
                message: "syntax error in line 3 near ';'"
            )) {
                try Graphviz.render(dot: source, format: .svg, fileName: "family.dot")
            }
        }

        @Test func syntaxErrorThroughParse() throws {
            let source = "graph G {\n\n  a -- b -- ;\n}"
            do {
                _ = try Graphviz.parse(dot: source, fileName: "family.dot")
                Issue.record("no error")
            } catch {
                guard case let .syntax(fileName, line, column, message) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(fileName == "family.dot")
                #expect(line == 3)
                #expect(column == 13)
                #expect(message.contains("syntax error"))
                #expect(error.localizedDescription.hasPrefix("family.dot:3:13: "))
            }
        }

        @Test func lineNumbersRestartForEveryJob() {
            for _ in 0..<3 {
                #expect(throws: GraphvizError.self) { try Graphviz.parse(dot: "digraph G {\n a -> ;\n}") }
                do {
                    _ = try Graphviz.parse(dot: "digraph G {\n\n\n x -> ;\n}")
                } catch {
                    guard case let .syntax(_, line, _, _) = error else { Issue.record("\(error)"); return }
                    #expect(line == 4)
                }
            }
        }

        @Test func errorAfterAnonymousHeaderKeepsOriginalColumn() {
            do {
                _ = try Graphviz.render(dot: "digraph { a -> ; }", format: .svg)
                Issue.record("no error")
            } catch {
                guard case let .syntax(_, line, column, _) = error else { Issue.record("\(error)"); return }
                #expect(line == 1)
                #expect(column == 16)
            }
        }

        @Test func emptyInputIsNoGraph() {
            #expect(throws: GraphvizError.noGraph(fileName: "<dot>")) { try Graphviz.render(dot: "", format: .svg) }
            #expect(throws: GraphvizError.noGraph(fileName: "x.dot")) { try Graphviz.parse(dot: "// nothing\n", fileName: "x.dot") }
        }

        @Test func unknownEngineAndFormatNames() {
            #expect(throws: GraphvizError.unknownEngine("nope")) {
                try Graphviz.render(dot: "digraph G { a }", engineName: "nope", formatName: "svg")
            }
            #expect(throws: GraphvizError.unknownFormat("vrml")) {
                try Graphviz.render(dot: "digraph G { a }", engineName: "dot", formatName: "vrml")
            }
            #expect(throws: Never.self) {
                try Graphviz.render(dot: "digraph G { a }", engineName: "SFDP", formatName: "SVG")
            }
        }

        @Test func graphvizOwnFailuresBecomeErrors() {
            do {
                _ = try Graphviz.renderUnchecked(dot: "digraph G { a }", engine: "nope", format: "svg")
                Issue.record("no error")
            } catch {
                guard case let .layoutFailed(engine, message) = error else { Issue.record("\(error)"); return }
                #expect(engine == "nope")
                #expect(message.contains("not recognized"))
            }
            do {
                _ = try Graphviz.renderUnchecked(dot: "digraph G { a }", engine: "dot", format: "nope")
                Issue.record("no error")
            } catch {
                guard case let .renderFailed(format, message) = error else { Issue.record("\(error)"); return }
                #expect(format == "nope")
                #expect(!message.isEmpty)
            }
            // The gate is usable after failures.
            #expect(throws: Never.self) { try Graphviz.render(dot: "digraph G { a }", format: .svg) }
        }

        /// Graphviz warns once per process for each bad colour, so the colour name is unique.
        @Test func badColourWarningIsCapturedNotPrinted() throws {
            let colour = "nocolour\(UInt32.random(in: 0...UInt32.max))"
            let source = "digraph G { a [color=\(colour)]; a -> b }"

            // Point fd 2 at a file while rendering, to see whether anything reaches stderr.
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("gv-stderr-\(colour).txt")
            FileManager.default.createFile(atPath: url.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: url) }
            let handle = try FileHandle(forWritingTo: url)
            fflush(nil)
            let saved = dup(2)
            dup2(handle.fileDescriptor, 2)
            let result = Result { () throws(GraphvizError) -> Rendering in try Graphviz.render(dot: source, format: .svg) }
            fflush(nil)
            dup2(saved, 2)
            close(saved)
            try handle.close()

            let rendering = try result.get()
            #expect(rendering.warnings.contains { $0.contains(colour) }, "warnings: \(rendering.warnings)")
            let printed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            #expect(!printed.contains(colour), "stderr got: \(printed)")
            #expect(svgNodeGroupCount(rendering.data) == 2)
        }
    }
}
