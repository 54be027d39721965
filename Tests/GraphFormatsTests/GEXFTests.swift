import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite struct GEXFTests {
    @Test func roundTripGivesAnEqualGraph() throws {
        let g = try Interop.sample()
        let text = try GEXFWriter.write(g)
        let back = try GraphImporter.makeGraph(from: GEXFReader.read(text, file: "t.gexf"))
        #expect(Interop.difference(g, back.graph) == nil, "\(Interop.difference(g, back.graph) ?? "")")
        #expect(back.graph == g)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
    }

    @Test func datedRelationsBecomeSpells() throws {
        let text = try GEXFWriter.write(try Interop.sample())
        let root = try XMLTree.parse(text, file: "t.gexf")
        #expect(root.attributes["xmlns"] == "http://gexf.net/1.3")
        #expect(root.attributes["version"] == "1.3")
        let graph = try #require(root.child(named: "graph"))
        #expect(graph.attributes["mode"] == "dynamic")
        #expect(graph.attributes["timeformat"] == "date")
        let edges = graph.child(named: "edges")?.children(named: "edge") ?? []
        let spells = edges.map { $0.child(named: "spells")?.child(named: "spell")?.attributes ?? [:] }
        #expect(spells[0] == ["start": "1940-08-20", "end": "1940-08-20"])  // a point date: start = end
        #expect(spells[1] == [:])  // undated: no spell
        #expect(spells[2] == ["start": "1923-01-01", "end": "1940-08-31"])
        #expect(spells[3] == ["start": "1937-01-01"])  // open end
        #expect(spells[5] == ["start": "1938-01-01", "end": "1938-12-31"])  // a year
    }

    @Test func readsNetworkXOutput() throws {
        let url = Interop.foreign("networkx.gexf")
        let r = try GraphImporter.makeGraph(from: GEXFReader.read(Interop.text(url), file: url.path))
        let g = r.graph
        // Values from make_networkx_fixtures.py.
        #expect(g.entities.map(\.name) == ["Vladimir Lenin", "Leon Trotsky"])
        #expect(g.entity("lenin")?.start == PartialDate("1870-04-22"))
        #expect(g.relations.count == 2)
        #expect(g.relations[0].kind == "ally_of")
        #expect(g.relations[0].weight == 2.0)
        #expect(g.relations[0].start == PartialDate("1917") && g.relations[0].end == PartialDate("1924-01"))
        #expect(g.relations[1].evidence == Evidence("worked together in 1917"))
        #expect(g.relations.allSatisfy { $0.attributes.isEmpty })
    }

    @Test func undeclaredAttributeFailsWithThePlace() throws {
        let text = """
        <?xml version="1.0"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph>
            <nodes>
              <node id="a"><attvalues><attvalue for="x" value="1"/></attvalues></node>
            </nodes>
          </graph>
        </gexf>
        """
        #expect {
            _ = try GEXFReader.read(text, file: "bad.gexf")
        } throws: { error in
            guard case .syntax(let loc, _)? = error as? GraphFormatsError else { return false }
            return loc.file == "bad.gexf" && loc.line == 5
        }
    }
}
