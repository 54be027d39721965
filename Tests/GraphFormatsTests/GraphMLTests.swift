import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite struct GraphMLTests {
    @Test func roundTripGivesAnEqualGraph() throws {
        let g = try Interop.sample()
        let text = try GraphMLWriter.write(g)
        let back = try GraphImporter.makeGraph(from: GraphMLReader.read(text, file: "t.graphml"))
        #expect(Interop.difference(g, back.graph) == nil, "\(Interop.difference(g, back.graph) ?? "")")
        #expect(back.graph == g)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
    }

    @Test func writerIsDeterministic() throws {
        let g = try Interop.sample()
        #expect(try GraphMLWriter.write(g) == GraphMLWriter.write(g))
    }

    @Test func refusesControlCharactersNamingTheEntity() throws {
        // The graph itself refuses text XML cannot carry (TextPolicy), so no writer meets it.
        #expect {
            _ = try Graph(entities: [Entity(id: "bell", kind: "person", name: "ding\u{7}")])
        } throws: { error in
            "\(error)".contains("entity 'bell'") && "\(error)".contains("U+0007")
        }
        #expect(throws: GraphFormatsError.self) { try XMLEscaping.check("ding\u{7}", "entity 'bell'", format: "GraphML") }
    }

    @Test func readsNetworkXOutput() throws {
        let url = Interop.foreign("networkx.graphml")
        let a = try GraphMLReader.read(Interop.text(url), file: url.path)
        #expect(a.directed == false)
        let r = try GraphImporter.makeGraph(from: a)
        let g = r.graph
        // Values from the NetworkX script that wrote the fixture (see foreign/README.md).
        #expect(g.entities.map(\.id) == ["0", "1", "2", "3"])
        #expect(g.entity("0")?.name == "Ada \"the first\" <A&B>")
        #expect(g.entity("0")?.kind == "person")
        #expect(g.entity("1")?.kind == "node")
        #expect(g.entity("2")?.start == PartialDate("1850"))
        #expect(g.entity("3")?.attributes == ["score": "3.5", "flag": "True"])
        #expect(g.relations.count == 3)
        #expect(g.relations[0].weight == 2.5)
        #expect(g.relations[0].kind == "knows")
        #expect(g.schema.relationKind("knows")?.symmetric == true)
        #expect(g.relations[2].kind == "tie")
    }

    @Test func readsYEdStyleKeysAndDefaults() throws {
        let url = Interop.foreign("yed-gephi.graphml")
        let a = try GraphMLReader.read(Interop.text(url), file: url.path)
        let g = try GraphImporter.makeGraph(from: a).graph
        #expect(g.entities.map(\.id) == ["n0", "n1", "n2"])
        #expect(g.entity("n0")?.name == "Lenin")
        #expect(g.entity("n1")?.name == "Trotsky")
        #expect(g.entity("n0")?.kind == "person")
        #expect(g.entity("n2")?.kind == "organization")
        #expect(g.entity("n2")?.name == "Red Army")
        #expect(g.relations.map(\.kind) == ["ally_of", "leader_of"])
        #expect(g.relations[0].weight == 1.0)
        #expect(g.relations[1].weight == 3.0)
    }

    @Test(arguments: [
        ("unclosed.graphml", 7),
        ("no-node-id.graphml", 5),
        ("undeclared-key.graphml", 6),
        ("bad-edgedefault.graphml", 3),
        ("not-graphml.graphml", 2),
    ])
    func malformedFilesFailWithThePlace(name: String, line: Int) throws {
        let url = Interop.foreign("malformed/" + name)
        let text = try Interop.text(url)
        do {
            _ = try GraphMLReader.read(text, file: url.path)
            Issue.record("\(name) was accepted")
        } catch {
            guard case .syntax(let loc, let message) = error else { Issue.record("\(error)"); return }
            #expect(loc.file == url.path)
            #expect(loc.line == line, "\(name): \(message) at \(loc)")
            #expect(loc.column >= 1)
            #expect(error.errorDescription?.hasPrefix("\(url.path):\(line):") == true)
        }
    }
}
