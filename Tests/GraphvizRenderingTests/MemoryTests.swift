import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    @Suite struct Memory {
        /// Measured here (Graphviz 2.43, debug build, the 30-node acyclic graph below,
        /// SVG with dot, RSS after 200 renders minus after a 20-render warm-up):
        /// proper teardown +20–24 KB; skipping `agclose` +4.3 MB (~22 KB a render);
        /// skipping `gvFreeLayout` +29.7 MB. A graph with cycles adds ~3 KB a render
        /// lost inside dot itself (+0.7 MB over 200), hence the acyclic graph.
        /// 1 MB sits 40× above the clean growth and 4× below the smallest leak.
        static let bound = 1024 * 1024

        /// RSS growth over `count` runs of `body`, after `warmUp` runs. Other test
        /// targets may allocate in parallel in the same process, so the smallest of up
        /// to five measurements counts: a real leak shows in every one.
        static func growth(warmUp: Int = 20, count: Int = 200, _ body: () throws -> Void) rethrows -> Int? {
            guard residentBytes() != nil else { return nil }
            for _ in 0..<warmUp { try body() }
            var smallest = Int.max
            for attempt in 1...5 {
                let before = residentBytes() ?? 0
                for _ in 0..<count { try body() }
                let after = residentBytes() ?? 0
                print("attempt \(attempt): RSS before \(before) after \(after) growth \(after - before) bytes")
                smallest = min(smallest, after - before)
                if smallest < bound { break }
            }
            return smallest
        }

        @Test(.enabled(if: residentBytes() != nil || isCI, "/proc/self/statm is not available"))
        func twoHundredRendersKeepResidentMemoryFlat() throws {
            let dot = dagDOT(name: "memory", nodes: 30)
            let growth = try #require(try Self.growth({ _ = try Graphviz.render(dot: dot, format: .svg) }), "/proc/self/statm is not available")
            #expect(growth < Self.bound, "RSS grew \(growth) bytes over 200 renders")
        }

        @Test(.enabled(if: residentBytes() != nil || isCI, "/proc/self/statm is not available"))
        func twoHundredParsesKeepResidentMemoryFlat() throws {
            let dot = dagDOT(name: "memoryparse", nodes: 30)
            let growth = try #require(try Self.growth({ _ = try Graphviz.parse(dot: dot) }), "/proc/self/statm is not available")
            #expect(growth < Self.bound, "RSS grew \(growth) bytes over 200 parses")
        }
    }
}
