import Foundation
import Testing

/// The library example in Examples/PathExample runs and does what its comments say.
@Suite("Examples")
struct ExampleTests {
    @Test("PathExample finds the tie that avoids Trotsky and draws it")
    func pathExample() throws {
        try CLI.withTemporaryDirectory { dir in
            let svg = dir.appendingPathComponent("example.svg").path
            let result = try CLI.run([svg], program: "PathExample")
            #expect(result.status == 0, "\(result)")
            // The example's graph has exactly one route from Mercader to Stalin that
            // avoids Trotsky: Mercader agent_of GPU, Stalin leader_of GPU.
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Ramón Mercader → Joseph Stalin: 2 hops")
            #expect(lines.dropFirst().first?.contains("Ramón Mercader was an agent of GPU") == true)
            #expect(lines.dropFirst(2).first?.contains("GPU was led by Joseph Stalin") == true)
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(text.hasPrefix("<?xml"))
            #expect(text.components(separatedBy: "class=\"node\"").count - 1 >= 5)
        }
    }
}
