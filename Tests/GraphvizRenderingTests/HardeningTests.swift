import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    /// Issue 8 items 4 and 11 (Graphviz side).
    @Suite struct Hardening {
        /// The error's place, from `Graphviz.parse` (a `.syntax` error's line and column).
        private func place(_ dot: String) -> (line: Int?, column: Int?, message: String)? {
            do {
                _ = try Graphviz.parse(dot: dot, fileName: "t.dot")
            } catch {
                if case let .syntax(_, line, column, message) = error { return (line, column, message) }
                Issue.record("unexpected \(error)")
            }
            return nil
        }

        @Test(.timeLimit(.minutes(1)))
        func errorColumnOnA2MBLineIsFoundInLinearTime() {
            // 2 MB of "a -> b; " on one line, then the one error: "-> ;".
            let body = String(repeating: "a -> b; ", count: 262_144)
            let source = "digraph G { " + body + "x -> ; }"
            let column = 12 + body.count + 6
            #expect(Graphviz.errorColumn(of: "x -> ;", inLine: 1, of: source) { _ in nil } == column - 5)
            // A token that occurs more than once needs cgraph to say which: here no cut stops.
            #expect(Graphviz.errorColumn(of: "a", inLine: 1, of: source) { _ in nil } == nil)
            // Columns count characters, not bytes.
            #expect(Graphviz.errorColumn(of: ";", inLine: 2, of: "digraph {\n\"Öł\" -> ;") { _ in nil } == 9)
            // Through cgraph (256 KB, so that a loaded debug run stays quick): ";" occurs
            // 32,769 times on the line; the error is at the last.
            let shorter = String(repeating: "a -> b; ", count: 32_768)
            let found = place("digraph G { " + shorter + "x -> ; }")
            #expect(found?.line == 1)
            #expect(found?.column == 12 + shorter.count + 6)
        }

        @Test func aRepeatedTokenGetsTheColumnWhereCgraphStopped() {
            // ";" four times on line 2; cgraph stops at the second.
            #expect(place("graph {\n a; b -- ; c; d;\n}")?.column == 10)
            // "=" twice; an attribute statement "b = b" is whole, so the second stops it.
            #expect(place("graph { b; b = b = b }")?.column == 18)
            // ";" twice; the first already stops it (both cuts after it stop too).
            #expect(place("digraph {\n a -> b -> ; c -> d -> ;\n}")?.column == 12)
        }

        @Test func aLongTokenIsQuotedInFullToCgraphAndShortInTheMessage() {
            // Graphviz 2.43 mangles a message over 1,024 bytes sent to an agseterrf
            // callback ("(null)" here, a crash for the warning below); none is set now.
            for length in [1_100, 5_000, 300_000] {
                let found = place(String(repeating: "x", count: length) + " {")
                #expect(found?.message == "syntax error in line 1 near '\(String(repeating: "x", count: 60))…' (\(length) characters)")
                #expect(found?.column == 1)
            }
            // A long value in a warning comes back whole.
            let shape = String(repeating: "s", count: 3_000)
            let rendering = try? Graphviz.render(dot: "digraph { a [shape=\"\(shape)\"] }", format: .svg)
            #expect(rendering?.warnings == ["using box for unknown shape \(shape)"])
        }

        @Test func occurrencesAreFoundOnceEachAndInLinearTime() {
            #expect(Graphviz.occurrences(of: Array("aa".utf8), in: Array("aaaaa".utf8)[...]) == [0, 2])
            #expect(Graphviz.occurrences(of: Array("abab".utf8), in: Array("xabababab".utf8)[...]) == [1, 5])
            #expect(Graphviz.occurrences(of: Array("b".utf8), in: Array("abc".utf8)[1...]) == [1])
            #expect(Graphviz.occurrences(of: [], in: [1, 2][...]) == [])
            // A 150,000-byte needle against 300,000 repeated bytes and a break: one
            // pass (a naive search compares about 10^10 bytes here).
            let needle = [UInt8](repeating: 120, count: 150_000)
            let hay = [UInt8](repeating: 120, count: 149_999) + [32] + [UInt8](repeating: 120, count: 150_000)
            #expect(Graphviz.occurrences(of: needle, in: hay[...]) == [150_000])
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

extension GraphvizRenderingTests.Hardening {
    @Test func anotherThreadsStandardErrorIsNotTakenForGraphvizMessages() async throws {
        // Graphviz's messages are caught from C's `stderr` during a job; a line
        // another thread writes there meanwhile (a logger, the test runner) must
        // reach the terminal, not the job's warnings. It prints a row of dots.
        let address = Int(bitPattern: try #require(dlsym(nil, "stderr")))
        let dot = "digraph { a -> b -> c -> a; b -> d }"
        let expected = try Graphviz.render(dot: dot, engine: .dot, format: .svg)
        let done = ManagedAtomicFlag()
        let writer = Thread {
            let standardError = UnsafeMutablePointer<UnsafeMutablePointer<FILE>?>(bitPattern: address)!
            while !done.isSet {
                if let stream = standardError.pointee { fputs(".", stream) }
                usleep(200)
            }
            if let stream = standardError.pointee { fputs("\n", stream) }
        }
        writer.start()
        var differing = 0
        for _ in 0..<40 where try Graphviz.render(dot: dot, engine: .dot, format: .svg) != expected { differing += 1 }
        done.set()
        #expect(differing == 0)
        #expect(expected.warnings.isEmpty)
    }
}

/// A flag one thread sets and another polls.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
