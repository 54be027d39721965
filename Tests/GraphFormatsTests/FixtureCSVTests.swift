import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite("Fixture CSV loader")
struct FixtureCSVTests {
    struct Expected: Decodable {
        let directed: Bool
        let nodes: Int
        let edges: Int
        let degree: [String: Int]
        let weighted_degree: [String: Double]?
    }

    func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: FormatFixtures.network("\(name).expected.json")))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// Checks counts and degrees against NetworkX's numbers for the same files.
    @Test(arguments: ["karate", "florentine", "syndicate"])
    func matchesNetworkX(_ name: String) throws {
        let g = try GraphFile.load(path: FormatFixtures.network("\(name).edges.csv"))
        let want = try expected(name)
        #expect(g.name == name)
        #expect(g.entities.count == want.nodes)
        #expect(g.relations.count == want.edges)
        var degree: [String: Int] = [:], weighted: [String: Double] = [:]
        for e in g.entities { degree[e.id] = 0; weighted[e.id] = 0 }
        for r in g.relations {
            degree[r.from, default: 0] += 1
            degree[r.to, default: 0] += 1
            weighted[r.from, default: 0] += r.weight ?? 1
            weighted[r.to, default: 0] += r.weight ?? 1
        }
        #expect(degree == want.degree)
        if let w = want.weighted_degree { #expect(weighted == w) }
        // Undirected graphs get symmetric kinds; directed ones keep direction.
        for r in g.relations {
            let kind = try #require(g.schema.relationKind(r.kind))
            if !want.directed { #expect(kind.symmetric, "\(r.kind)") }
        }
    }

    @Test func syndicateKeepsStandardKinds() throws {
        let g = try GraphFile.load(path: FormatFixtures.network("syndicate.edges.csv"))
        #expect(Set(g.relations.map(\.kind)) == ["member_of", "agent_of", "rival_of", "ordered_killing_of", "killed"])
        #expect(g.entity("ilsa_marrow")?.kind == "person" && g.entity("ilsa_marrow")?.name == "Ilsa Marrow")
        #expect(g.entity("copperline_guild")?.kind == "organization")
        #expect(g.schema.relationKind("killed") == Schema.standard.relationKind("killed"))
    }

    @Test func karateKindsAreNormalised() throws {
        let g = try GraphFile.load(path: FormatFixtures.network("karate.edges.csv"))
        #expect(g.entity("n0")?.kind == "mr_hi")
        #expect(g.entity("n0")?.attributes["kind"] == "Mr. Hi")
        #expect(g.entity("n33")?.kind == "officer")
        #expect(Set(g.relations.map(\.kind)) == ["tie"])
        #expect(g.relations.first?.weight == 4)
        #expect(g.relations.first?.location?.line == 2)
        #expect(g.entity("n5")?.location?.line == 7)
    }

    @Test func nodesFileOrMetaMayBeMissing() throws {
        let g = try FixtureCSV.read(edges: "source,target,weight,kind\na,b,,\nb,c,2,\n", edgesFile: "x.edges.csv")
        #expect(g.name == "x")
        #expect(g.entities.map(\.id) == ["a", "b", "c"])
        #expect(g.entities.allSatisfy { $0.kind == "node" })
        #expect(g.relations.map(\.weight) == [nil, 2])
    }

    @Test func quotedFieldsParse() throws {
        let text = "id,label,kind\r\n\"a,1\",\"Say \"\"hi\"\"\",person\r\n\"b\",\"two\nlines\",\r\n"
        let rows = try FixtureCSV.parse(text, fileName: "n.csv")
        #expect(rows.map { $0.map(\.text) } == [["id", "label", "kind"], ["a,1", "Say \"hi\"", "person"], ["b", "two\nlines", ""]])
        #expect(rows[1].map(\.column) == [1, 7, 20])
        #expect(rows[2][1].line == 3 && rows[2][2].line == 4)
        let g = try FixtureCSV.read(edges: "source,target\n\"a,1\",b\n", edgesFile: "q.edges.csv", nodes: text, nodesFile: "q.nodes.csv")
        #expect(g.entity("a,1")?.name == "Say \"hi\"")
        #expect(g.entity("b")?.name == "two\nlines")
    }

    @Test func errorsNameTheirPlace() {
        func problems(_ body: () throws(GraphFormatsError) -> Graph) -> [String] {
            do { _ = try body(); return [] } catch { return error.diagnostics.map(\.description) }
        }
        #expect(problems { () throws(GraphFormatsError) in
            try FixtureCSV.read(edges: "source,target\na,\"b\n", edgesFile: "e.csv")
        } == ["e.csv:2:3: error: a quoted field is never closed (missing '\"')"])
        #expect(problems { () throws(GraphFormatsError) in
            try FixtureCSV.read(edges: "source,target\n\"a\"x,b\n", edgesFile: "e.csv")
        } == ["e.csv:2:4: error: text after the closing quote of a field (a quote inside a field is written \"\")"])
        #expect(problems { () throws(GraphFormatsError) in
            try FixtureCSV.read(edges: "source,target,weight\na,b,heavy\nb,zed,1\na,b\n", edgesFile: "e.csv",
                                nodes: "id\na\nb\n", nodesFile: "n.csv")
        } == [
            "e.csv:2:5: error: weight must be a number ≥ 0, found 'heavy'",
            "e.csv:3:3: error: 'zed' is not in n.csv",
            "e.csv:4:1: error: expected 3 fields, found 2",
        ])
        #expect(problems { () throws(GraphFormatsError) in
            try FixtureCSV.read(edges: "from,to\na,b\n", edgesFile: "e.csv")
        } == ["e.csv:1:1: error: missing column 'source' in the header (expected source,target,…)"])
        #expect(problems { () throws(GraphFormatsError) in
            try FixtureCSV.read(edges: "source,target,kind\na,b,member_of\n", edgesFile: "e.csv")
        }.first?.hasPrefix("e.csv:2:1: error: relation a -member_of-> b: 'member_of' cannot join a node to a node") == true)
    }
}
