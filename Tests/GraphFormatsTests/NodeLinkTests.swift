import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite struct NodeLinkTests {
    @Test(arguments: NodeLinkWriter.EdgesKey.allCases)
    func roundTripGivesAnEqualGraph(key: NodeLinkWriter.EdgesKey) throws {
        let g = try Interop.sample()
        let text = NodeLinkWriter.write(g, edgesKey: key)
        let back = try GraphImporter.makeGraph(from: NodeLinkReader.read(text, file: "t.json"))
        #expect(Interop.difference(g, back.graph) == nil, "\(Interop.difference(g, back.graph) ?? "")")
        #expect(back.graph == g)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
    }

    @Test func outputIsValidJSONForFoundationToo() throws {
        let text = NodeLinkWriter.write(try Interop.sample())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["multigraph"] as? Bool == true)
        #expect((object?["edges"] as? [Any])?.count == 7)
    }

    @Test func readsD3WithNumericIds() throws {
        let url = Interop.foreign("d3-numeric.json")
        let a = try NodeLinkReader.read(Interop.text(url), file: url.path)
        #expect(a.directed)
        let result = try GraphImporter.makeGraph(from: a)
        let g = result.graph
        // Values from make_networkx_fixtures.py.
        #expect(g.entities.map(\.id) == ["1", "2", "3"])
        #expect(g.entities.map(\.name) == ["Lenin", "Trotsky", "Stalin"])
        #expect(g.entity("3")?.attributes == ["group": "2"])
        #expect(g.relations.map(\.kind) == ["tie"])
        #expect(g.relations[0].attributes == ["value": "3"])
        // rival_of joins people or organizations; these nodes have no kind, so it is dropped with a warning.
        let dropped = result.warnings.first { $0.message.contains("relation dropped") }
        #expect(dropped?.message.contains("rival_of") == true)
        #expect(dropped?.location?.line == 28)
    }

    @Test func readsIndexLinksWithoutIds() throws {
        let text = #"{"nodes": [{"name": "A"}, {"name": "B"}], "links": [{"source": 0, "target": 1, "value": 2}]}"#
        let g = try GraphImporter.makeGraph(from: NodeLinkReader.read(text, file: "d3.json")).graph
        #expect(g.entities.map(\.name) == ["A", "B"])
        #expect(g.relations.first.map { ($0.from, $0.to) } ?? ("", "") == ("0", "1"))
        #expect(g.schema.relationKind("tie")?.symmetric == true)
    }

    @Test(arguments: [
        ("trailing-comma.json", 8, 35),
        ("unterminated-string.json", 3, 38),
        ("array-id.json", 4, 12),
        ("missing-target.json", 5, 5),
        ("not-an-object.json", 1, 1),
        ("nodes-not-array.json", 1, 11),
    ])
    func malformedFilesFailWithThePlace(name: String, line: Int, column: Int) throws {
        let url = Interop.foreign("malformed/" + name)
        do {
            _ = try NodeLinkReader.read(Interop.text(url), file: url.path)
            Issue.record("\(name) was accepted")
        } catch let error as GraphFormatsError {
            guard case .syntax(let loc, let message) = error else { Issue.record("\(error)"); return }
            #expect(loc == SourceLocation(file: url.path, line: line, column: column), "\(name): \(message)")
        }
    }

    @Test func hostileNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: GraphFormatsError.self) { try NodeLinkReader.read(deep, file: "deep.json") }
    }
}
