import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite struct ImportMappingTests {
    @Test func mappingOptionsChooseKinds() throws {
        var a = AttributedGraph(directed: true)
        a.addNode("a", attributes: ["category": "organization", "kind": "person"])
        a.addNode("b", attributes: ["Type": "Person"])
        a.addEdge(from: "b", to: "a", attributes: ["label": "member_of"])
        let r = try GraphImporter.makeGraph(from: a, mapping: ImportMapping(kindAttribute: "category", edgeLabelIsKind: true))
        #expect(r.graph.entity("a")?.kind == "organization")
        #expect(r.graph.entity("a")?.attributes == ["kind": "person"])
        #expect(r.graph.entity("b")?.kind == "person")  // case-insensitive match to the standard kind
        #expect(r.graph.relations.first?.kind == "member_of")
        #expect(r.graph.relations.first?.attributes == [:])
    }

    @Test func unknownKindsAreAddedAndDefaultsUsed() throws {
        var a = AttributedGraph(directed: false)
        a.addNode("x", attributes: ["kind": "ship"])
        a.addEdge(from: "x", to: "y", attributes: ["kind": "sailed_with"])
        let r = try GraphImporter.makeGraph(from: a)
        #expect(r.graph.schema.entityKind("ship") == EntityKind(name: "ship"))
        #expect(r.graph.entity("y")?.kind == "node")  // created for the missing endpoint
        #expect(r.graph.schema.relationKind("sailed_with")?.symmetric == true)
        #expect(r.warnings.filter { $0.message.contains("added to the schema") }.count == 3)
    }

    @Test func valuesThatAreNotDatesOrNumbersStayAsAttributes() throws {
        var a = AttributedGraph()
        let here = SourceLocation(file: "f", line: 3, column: 1)
        a.addNode("p", attributes: ["kind": "person", "born": "1879.0", "died": "long ago", "start": "1880"], location: here)
        a.addNode("q", attributes: ["kind": "person", "born": "1900-01-01T00:00:00"])
        a.addEdge(from: "p", to: "q", attributes: ["kind": "opposed", "weight": "heavy", "confidence": "2", "date": "1920", "start": "1919"])
        let r = try GraphImporter.makeGraph(from: a)
        let p = try #require(r.graph.entity("p"))
        #expect(p.start == PartialDate("1879"))
        #expect(p.end == nil)
        #expect(p.attributes == ["died": "long ago", "start": "1880"])
        #expect(r.graph.entity("q")?.start == PartialDate("1900-01-01"))
        let rel = try #require(r.graph.relations.first)
        #expect(rel.weight == nil && rel.confidence == nil && rel.date == nil && rel.start == PartialDate("1919"))
        #expect(rel.attributes == ["weight": "heavy", "confidence": "2.0", "date": "1920"])
        #expect(r.warnings.contains { $0.location == here && $0.message.contains("'died' value 'long ago' is not a date") })
    }

    @Test func whatCannotBeKeptIsDroppedWithAWarning() throws {
        var a = AttributedGraph()
        a.addNode("p", attributes: ["kind": "person", "born": "1950", "died": "1900"])
        a.addNode("p", attributes: ["kind": "place"])
        a.addNode("town", attributes: ["kind": "place"])
        a.addEdge(from: "town", to: "p", attributes: ["kind": "member_of"])
        a.attributes = ["name": "g", "rankdir": "LR"]
        let r = try GraphImporter.makeGraph(from: a)
        #expect(r.graph.entities.count == 2)
        #expect(r.graph.entity("p")?.start == nil)
        #expect(r.graph.relations.isEmpty)
        let messages = r.warnings.map(\.message)
        #expect(messages.contains { $0.contains("duplicate node id 'p'") })
        #expect(messages.contains { $0.contains("dates dropped") })
        #expect(messages.contains { $0.hasPrefix("relation dropped") && $0.contains("member_of") })
        #expect(messages.contains("graph attributes dropped: rankdir"))
    }

    @Test(arguments: [
        (["a", "b"], "a;b"),
        (["x;y", "p|q", "back\\slash"], "x\\;y;p\\|q;back\\\\slash"),
        ([" padded ", "tab\t"], "\\ padded\\ ;tab\\\t"),
    ])
    func aliasesJoinAndSplit(aliases: [String], joined: String) {
        #expect(AttributeNaming.joinAliases(aliases) == joined)
        #expect(AttributeNaming.splitAliases(joined) == aliases)
    }

    @Test func userWrittenAliasListsAreTrimmed() {
        #expect(AttributeNaming.splitAliases(" Trotsky ; Bronstein | Lev ;; ") == ["Trotsky", "Bronstein", "Lev"])
    }
}
