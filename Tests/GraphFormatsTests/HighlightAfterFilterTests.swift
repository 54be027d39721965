import GraphAlgorithms
import GraphModel
import Testing
@testable import GraphFormats

/// A path found once on a whole graph, highlighted on a graph filtered from it:
/// its hops name relations by identity, so the right edges are marked although
/// the filter moved every relation's position.
@Suite struct HighlightAfterFilterTests {
    /// `x—y` (1910) first, then a 1930 chain a → b → c → d with a side tie e → c
    /// listed between a → b and b → c.
    static func story() throws -> Graph {
        try Graph(
            entities: ["a", "b", "c", "d", "e", "x", "y"].map { Entity(id: $0, kind: "person", name: $0.uppercased()) },
            relations: [
                Relation(from: "x", kind: "ally_of", to: "y", date: PartialDate("1910")),
                Relation(from: "a", kind: "rival_of", to: "b", date: PartialDate("1930")),
                Relation(from: "e", kind: "ally_of", to: "c", date: PartialDate("1930")),
                Relation(from: "b", kind: "ally_of", to: "c", date: PartialDate("1930")),
                Relation(from: "c", kind: "ally_of", to: "d", date: PartialDate("1930")),
            ])
    }

    /// The DOT edge lines, `"a" -> "b"` → the line.
    static func edgeLines(_ dot: String) -> [String: String] {
        var lines: [String: String] = [:]
        for line in dot.split(separator: "\n").map(String.init) where line.contains(" -> ") {
            let ends = line.trimmingCharacters(in: .whitespaces).split(separator: " [", maxSplits: 1)[0]
            lines[String(ends)] = line
        }
        return lines
    }

    @Test func thePathFoundOnTheWholeGraphIsMarkedOnTheSlice() throws {
        let g = try Self.story()
        let path = try #require(try ShortestPaths.shortestPath(in: g, from: "a", to: "d"))
        #expect(path.entities == ["a", "b", "c", "d"])
        #expect(path.hops.map(\.relation.rawValue) == [1, 3, 4])

        let slice = g.filtered(relations: { $0.holds(during: DateSpan(from: PartialDate("1925")!, to: PartialDate("1935")!)) })
        // Positions moved (x—y is gone) but the hops name the same relations.
        #expect(path.hops.map { slice.index(of: $0.relation) } == [0, 2, 3])
        for hop in path.hops {
            let r = slice[relation: hop.relation]
            #expect(Set([r.from, r.to]) == Set([hop.from, hop.to]))
        }

        let dot = DOTWriter.write(slice, options: DOTOptions(
            legend: false, highlightedEntities: Set(path.entities), highlightedRelations: Set(path.hops.map(\.relation))))
        let edges = Self.edgeLines(dot)
        #expect(edges.count == 4, "\(dot)")
        for pair in [#""a" -> "b""#, #""b" -> "c""#, #""c" -> "d""#] {
            #expect(edges[pair]?.contains(##"color="#dc2626""##) == true, "\(pair) not marked in\n\(dot)")
        }
        // The side tie sits where b → c sat by position (index 1 of the slice is id 2): not marked.
        let side = try #require(edges[#""e" -> "c""#])
        #expect(!side.contains("#dc2626"), "\(side)")
        #expect(edges.values.filter { $0.contains("#dc2626") }.count == 3)
    }

    @Test func aKindFilterKeepsTheBridgeIdentity() throws {
        let g = try Self.story()
        let allies = g.filtered(relations: { $0.kind == "ally_of" })
        // Without a → b, every tie left is a bridge; each named by its first graph's identity.
        let bridges = Brokers.bridges(in: allies)
        #expect(bridges.map(\.relation.rawValue) == [3, 4, 2, 0])
        for b in bridges {
            let r = g[relation: b.relation]
            #expect(Set([r.from, r.to]) == Set([b.a, b.b]))
        }
    }
}
