import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite struct MermaidTests {
    @Test func flowchartStructure() throws {
        let g = try Interop.sample()
        let lines = MermaidWriter.write(g).split(separator: "\n").map(String.init)
        #expect(lines[0] == "%% Trotsky & Stalin <test>")
        #expect(lines[1] == "flowchart LR")
        #expect(lines[2] == "  n0[\"Leon Trotsky\"]")
        #expect(lines.contains("  n2 -->|\"killed\"| n0"))
        #expect(lines.contains("  n0 ---|\"rival_of\"| n1"))  // symmetric: no arrowhead
        #expect(lines.filter { $0.contains("-->") || $0.contains("---") }.count == g.relations.count)
        #expect(lines.contains("  classDef k0 fill:#dbeafe"))
        #expect(lines.contains("  class n0,n1,n2 k0"))
    }

    @Test func labelsUseEntityCodes() {
        #expect(MermaidWriter.escape("say \"hi\" <b> & #1; a|b\nc") == "say #quot;hi#quot; #lt;b#gt; #amp; #35;1#59; a#124;b<br>c")
    }
}

@Suite struct FormatCapabilitiesTests {
    @Test func droppedFieldsAreListedOnlyWhenUsed() throws {
        let g = try Interop.sample()
        #expect(FormatCapabilities.dropped(for: .csv) == [.graphName, .graphDescription, .schema])
        #expect(FormatCapabilities.warnings(for: .graphml, writing: g).isEmpty)  // standard schema only
        let csv = FormatCapabilities.warnings(for: .csv, writing: g).map(\.message)
        #expect(csv.count == 2)
        #expect(csv.allSatisfy { $0.hasPrefix("csv cannot carry the graph's") })
        let mermaid = FormatCapabilities.warnings(for: .mermaid, writing: g)
        #expect(mermaid.count == 11)  // everything the sample uses but names, kinds and ties
        #expect(mermaid.allSatisfy { $0.severity == .warning })
        var schema = Schema.standard
        schema.add(EntityKind(name: "ship", shape: "box", color: "#aabbcc"))
        let withShip = try Graph(schema: schema, entities: [Entity(id: "s", kind: "ship")])
        #expect(FormatCapabilities.warnings(for: .gexf, writing: withShip).count == 1)
    }
}
