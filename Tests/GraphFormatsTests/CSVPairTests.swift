import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite struct CSVPairTests {
    @Test func roundTripGivesEqualEntitiesAndRelations() throws {
        let g = try Interop.sample()
        let out = CSVPairWriter.write(g)
        let a = try CSVPairReader.read(entities: out.entities, relations: out.relations)
        let back = try GraphImporter.makeGraph(from: a, mapping: ImportMapping(name: g.name))
        var expected = g
        expected.description = nil  // a CSV pair has no place for it
        #expect(Interop.difference(expected, back.graph) == nil, "\(Interop.difference(expected, back.graph) ?? "")")
        #expect(back.graph == expected)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
    }

    @Test func emptyTextAndMissingValueDiffer() throws {
        let g = try Graph(entities: [Entity(id: "a", kind: "person", description: ""), Entity(id: "b", kind: "person")])
        let out = CSVPairWriter.write(g)
        let back = try GraphImporter.makeGraph(from: CSVPairReader.read(entities: out.entities, relations: out.relations)).graph
        #expect(back.entity("a")?.description == "")
        #expect(back.entity("b")?.description == nil)
    }

    /// Our parser and Python's csv module (an independent RFC 4180 reader) agree
    /// on every cell of the Gephi fixtures.
    @Test(.enabled(if: Peers.pythonOrCI, "python3 is not installed"), arguments: ["gephi/nodes.csv", "gephi/edges.csv"])
    func parserAgreesWithPythonCSV(name: String) throws {
        let url = Interop.foreign(name)
        let ours = try CSVParser.parse(Interop.text(url), file: url.path).map { $0.map(\.text) }
        let theirs = try Peers.runJSON(script: "csv_rows.py", arguments: [url.path]) as? [[String]]
        #expect(ours == theirs)
    }

    @Test func readsAGephiPair() throws {
        let nodes = Interop.foreign("gephi/nodes.csv"), edges = Interop.foreign("gephi/edges.csv")
        // Its last edge names node 5, which nodes.csv lacks: an error, not a made-up entity (issue 8).
        #expect(throws: GraphFormatsError.invalidGraph([
            Diagnostic("'5' is not an id in \(nodes.path)", at: SourceLocation(file: edges.path, line: 6, column: 3)),
        ])) {
            _ = try CSVPairReader.read(
                entities: Interop.text(nodes), entitiesFile: nodes.path, relations: Interop.text(edges), relationsFile: edges.path)
        }
        // With node 5 declared, the rest reads as before.
        let a = try CSVPairReader.read(
            entities: Interop.text(nodes) + "5,,,,\n", entitiesFile: nodes.path, relations: Interop.text(edges), relationsFile: edges.path)
        let r = try GraphImporter.makeGraph(from: a)
        let g = r.graph
        #expect(g.entities.map(\.id) == ["1", "2", "3", "4", "5"])
        #expect(g.entities.map(\.kind) == ["person", "person", "organization", "person", "node"])
        #expect(g.entity("1")?.name == "Leon Trotsky")
        #expect(g.entity("1")?.start == PartialDate("1879"))
        #expect(g.entity("1")?.attributes == ["Party": "Bolshevik, later Left Opposition"])
        #expect(g.entity("2")?.start == PartialDate("1878-12-18"))
        #expect(g.entity("4")?.name == "Natalia \"Natasha\" Sedova")
        #expect(g.relations.map(\.kind) == ["rival_of", "spouse_of", "leader_of", "tie"])
        #expect(g.relations.map(\.weight) == [2, 1, 0.5, 1])
        #expect(g.relations[0].attributes == ["Label": "rivalry", "Interval": "<[1923.0, 1940.0]>"])
        #expect(g.relations[2].attributes == ["Label": "led\r\nthe Comintern"])
        #expect(g.schema.relationKind("tie")?.symmetric == false)
        #expect(g.relations[3].location?.line == 6)
    }

    @Test func edgeListAlone() throws {
        let a = try CSVPairReader.read(entities: nil, relations: "Source,Target\na,b\nb,c\n")
        let g = try GraphImporter.makeGraph(from: a).graph
        #expect(g.entities.map(\.id) == ["a", "b", "c"])
        #expect(g.relations.count == 2)
    }

    @Test(arguments: [
        ("unclosed-quote.csv", 2, 16),
        ("stray-quote.csv", 2, 21),
        ("text-after-quote.csv", 2, 22),
        ("too-many-fields.csv", 2, 24),
        ("no-id-column.csv", 1, 1),
        ("duplicate-column.csv", 1, 14),
    ])
    func malformedEntitiesFailWithThePlace(name: String, line: Int, column: Int) throws {
        let url = Interop.foreign("malformed/" + name)
        do {
            _ = try CSVPairReader.read(entities: Interop.text(url), entitiesFile: url.path, relations: nil)
            Issue.record("\(name) was accepted")
        } catch let error as GraphFormatsError {
            guard case .syntax(let loc, let message) = error else { Issue.record("\(error)"); return }
            #expect(loc == SourceLocation(file: url.path, line: line, column: column), "\(name): \(message)")
        }
    }

    @Test func relationsWithoutEndpointColumnsFail() throws {
        let url = Interop.foreign("malformed/no-endpoint-columns.csv")
        #expect {
            _ = try CSVPairReader.read(entities: nil, relations: Interop.text(url), relationsFile: url.path)
        } throws: { error in
            (error as? GraphFormatsError)?.errorDescription?.hasPrefix("\(url.path):1:1: error:") == true
        }
    }
}
