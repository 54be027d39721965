import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
    @Suite struct Memory {
        /// Measured here (Graphviz 2.43, debug build, 30-node graph, SVG with dot):
        /// growth over 200 renders after a 20-render warm-up was 0–0.1 MB with the
        /// proper teardown; skipping `agclose` grew ~21 MB and skipping `gvFreeLayout`
        /// ~83 MB. 3 MB separates the two by a wide margin.
        static let bound = 3 * 1024 * 1024

        @Test func twoHundredRendersKeepResidentMemoryFlat() throws {
            guard residentBytes() != nil else {
                print("skipped: /proc/self/statm is not available")
                return
            }
            let dot = dagDOT(name: "memory", nodes: 30)
            for _ in 0..<20 { _ = try Graphviz.render(dot: dot, format: .svg) }
            let before = residentBytes() ?? 0
            for _ in 0..<200 { _ = try Graphviz.render(dot: dot, format: .svg) }
            let after = residentBytes() ?? 0
            print("RSS before \(before) after \(after) growth \(after - before) bytes")
            #expect(after - before < Self.bound, "RSS grew \(after - before) bytes over 200 renders")
        }

        @Test func twoHundredParsesKeepResidentMemoryFlat() throws {
            guard residentBytes() != nil else { return }
            let dot = dagDOT(name: "memoryparse", nodes: 30)
            for _ in 0..<20 { _ = try Graphviz.parse(dot: dot) }
            let before = residentBytes() ?? 0
            for _ in 0..<200 { _ = try Graphviz.parse(dot: dot) }
            let after = residentBytes() ?? 0
            print("RSS (parse) before \(before) after \(after) growth \(after - before) bytes")
            #expect(after - before < Self.bound)
        }
    }
}
