import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    @Suite struct Concurrency {
        /// Jobs that differ in engine and graph, so interleaving would show.
        static let jobs: [(dot: String, engine: LayoutEngine)] = [
            (ringDOT(name: "r12", nodes: 12), .dot),
            (ringDOT(name: "r20", nodes: 20), .sfdp),
            (ringDOT(name: "r15", nodes: 15), .neato),
            (ringDOT(name: "r9", nodes: 9), .circo),
        ]

        @Test func eightTasksTimesTwentyFiveRendersAreIdentical() async throws {
            let expected = try Self.jobs.map { try Graphviz.render(dot: $0.dot, engine: $0.engine, format: .svg) }
            let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        var bad = 0
                        for round in 0..<25 {
                            let index = (task + round) % Self.jobs.count
                            let job = Self.jobs[index]
                            // Half the tasks block on the gate, half go through the serial queue.
                            let rendering = task % 2 == 0
                                ? try Graphviz.render(dot: job.dot, engine: job.engine, format: .svg)
                                : try await Graphviz.renderInBackground(dot: job.dot, engine: job.engine, format: .svg)
                            if rendering != expected[index] { bad += 1 }
                        }
                        return bad
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(mismatches == 0)
        }

        @Test func threadsMixingParseAndRenderAgree() throws {
            let dot = ringDOT(name: "mixed", nodes: 10)
            let expectedSVG = try Graphviz.render(dot: dot, format: .svg)
            let expectedDocument = try Graphviz.parse(dot: dot)
            let failures = FailureCounter()
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for round in 0..<10 {
                    do {
                        if (worker + round) % 2 == 0 {
                            if try Graphviz.render(dot: dot, format: .svg) != expectedSVG { failures.add() }
                        } else {
                            if try Graphviz.parse(dot: dot) != expectedDocument { failures.add() }
                        }
                    } catch {
                        failures.add()
                    }
                }
            }
            #expect(failures.count == 0)
        }
    }
}

final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
