import Foundation
import GraphModel
import Testing
@testable import GraphPages

/// The path a - b - c - d (all ally_of) and an isolated e; every expected value
/// below is worked out by hand.
func pathGraph() throws -> Graph {
    var g = try Graph(name: "Chain")
    for (id, name) in [("a", "Ann"), ("b", "Ben"), ("c", "Cat"), ("d", "Dan")] {
        try g.add(Entity(id: id, kind: "person", name: name))
    }
    try g.add(Entity(id: "e", kind: "organization", name: "Eve Ltd"))
    try g.add(Relation(from: "a", kind: "ally_of", to: "b", date: PartialDate("1930"), evidence: Evidence("met in Paris", source: "s. 10")))
    try g.add(Relation(from: "b", kind: "ally_of", to: "c", evidence: Evidence("shared a flat", source: "General knowledge")))
    try g.add(Relation(from: "c", kind: "ally_of", to: "d", start: PartialDate("1935"), end: PartialDate("1940-06"),
                       evidence: Evidence("wrote letters", source: "s. 2; s. 10")))
    return g
}

@Suite struct ReportTests {
    @Test func countsRankingsAndStructure() throws {
        let r = try Report.build(try pathGraph(), pairs: [("a", "d")])
        #expect(r.entityCount == 5 && r.relationCount == 3)
        #expect(r.entitiesByKind.map(\.kind) == ["person", "organization"])
        #expect(r.entitiesByKind.map(\.count) == [4, 1])
        #expect(r.firstDate?.description == "1930" && r.lastDate?.description == "1940-06")
        #expect(r.datedRelations == 2)
        #expect(r.components == 2)
        // Degree: b and c have 2 ties, a and d one, e none; ties by id.
        #expect(r.topDegree.map(\.id) == ["b", "c", "a", "d", "e"])
        #expect(r.topDegree.map(\.value) == [2, 2, 1, 1, 0])
        // Betweenness on 5 nodes, normalised by (n-1)(n-2)/2 = 6: b and c each lie on 2 of the pairs.
        #expect(r.topBetweenness.prefix(2).map(\.id) == ["b", "c"])
        #expect(abs(r.topBetweenness[0].value - 2.0 / 6.0) < 1e-9)
        #expect(r.brokers == ["Ben", "Cat"])
        #expect(r.bridges == ["Ann was an ally of Ben", "Ben was an ally of Cat", "Cat was an ally of Dan"])
    }

    @Test func pathsAreNarratedWithNumberedSources() throws {
        let r = try Report.build(try pathGraph(), pairs: [("a", "d"), ("a", "e")])
        #expect(r.paths[0].chain == "Ann → Ben → Cat → Dan  (3 hops)")
        #expect(r.paths[0].hops.map(\.text) == [
            "Ann was an ally of Ben (1930) — met in Paris",
            "Ben was an ally of Cat — shared a flat",
            "Cat was an ally of Dan (1935–1940-06) — wrote letters",
        ])
        #expect(r.paths[0].hops.map(\.footnote) == [1, 2, 3])
        #expect(r.footnotes == ["s. 10", "General knowledge", "s. 2; s. 10"])
        #expect(r.paths[1].chain == nil)
        let md = r.markdown(diagramFile: { "d/\($0)" })
        #expect(md.contains("1. Ann was an ally of Ben (1930) — met in Paris [^1]\n"))
        #expect(md.contains("[^3]: s. 2; s. 10\n"))
        #expect(md.contains("No chain of ties joins them."))
        let html = r.html()
        #expect(html.contains("<li>Ann was an ally of Ben (1930) — met in Paris<sup><a href=\"#fn1\">1</a></sup></li>"))
    }

    @Test func dataQualityAndSources() throws {
        let r = try Report.build(try pathGraph())
        #expect(r.undated == ["Ben was an ally of Cat — shared a flat [General knowledge]"])
        #expect(r.generalKnowledgeOnly == ["Ben was an ally of Cat — shared a flat [General knowledge]"])
        #expect(r.unsourced.isEmpty)
        #expect(r.isolated == ["Eve Ltd"])
        #expect(r.sources.map(\.source) == ["s. 2", "s. 10", "General knowledge"])
        #expect(r.sources.map(\.ties) == [1, 2, 1])
    }

    @Test func diagramsAreTheWholeGraphAndThreeNeighbourhoods() throws {
        let r = try Report.build(try pathGraph())
        #expect(r.figures.map(\.file) == ["graph.svg", "ego-1.svg", "ego-2.svg", "ego-3.svg"])
        // b's neighbourhood: a, b, c.
        #expect(r.figures[1].svg.components(separatedBy: "data-entity=").count == 4)
        #expect(r.figures[0].svg.components(separatedBy: "data-entity=").count == 6)
        // Above the limit the whole graph is its overview (see OverviewPageTests); neighbourhoods within it stay.
        let capped = try Report.build(try pathGraph(), drawLimit: 3)
        #expect(capped.figures.map(\.file) == ["graph.svg", "ego-1.svg", "ego-2.svg", "ego-3.svg"])
        #expect(capped.figures[0].caption.hasPrefix("Overview of the whole graph"))
        let none = try Report.build(try pathGraph(), drawLimit: 1)
        #expect(none.figures.map(\.file) == ["graph.svg"])
        #expect(none.figureNote?.contains("larger than 1 entities") == true)
    }

    @Test func markdownEscapesNames() throws {
        var g = try Graph(name: "*bold* | <b>")
        try g.add(Entity(id: "a", kind: "person", name: "[x](javascript:alert(1))"))
        let md = try Report.build(g).markdown(diagramFile: { $0 })
        #expect(md.hasPrefix("# \\*bold\\* \\| &lt;b\\> — report\n"))
        #expect(md.contains("\\[x\\](javascript:alert(1))"))
        #expect(!md.replacingOccurrences(of: "\\]", with: "").contains("](javascript"))
    }
}
