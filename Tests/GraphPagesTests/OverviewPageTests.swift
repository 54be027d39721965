import Foundation
import GraphModel
import Testing
@testable import GraphPages

/// Four cliques K6 (15 ties inside each) joined in a ring by one tie from member 0
/// of clique k to member 1 of clique k + 1. Worked out by hand: Louvain finds the
/// four cliques (modularity 4·(15/64 − (32/128)²) = 0.6875, above any merge); in
/// each, members 0 and 1 have 6 ties and the rest 5, so the most-tied member is
/// member 0 (ties broken by id); groups of equal size come in order of their first id.
func ringOfCliques(leadName: String = "Clique 0 member 0") throws -> Graph {
    var g = try Graph(name: "Ring of cliques")
    for k in 0..<4 {
        for i in 0..<6 {
            try g.add(Entity(id: "k\(k)m\(i)", kind: "person", name: k == 0 && i == 0 ? leadName : "Clique \(k) member \(i)"))
        }
    }
    for k in 0..<4 {
        for i in 0..<6 {
            for j in (i + 1)..<6 { try g.add(Relation(from: "k\(k)m\(i)", kind: "ally_of", to: "k\(k)m\(j)")) }
        }
        try g.add(Relation(from: "k\(k)m0", kind: "ally_of", to: "k\((k + 1) % 4)m1"))
    }
    return g
}

@Suite struct OverviewPageTests {
    @Test func bigGraphsGetTheOverviewWithGroupHooks() throws {
        let page = try ExplorePage.html(for: try ringOfCliques(), entityLimit: 10)
        #expect(!page.drawn)
        #expect(page.overview?.drawnGroups == 4)
        for n in 1...4 { #expect(page.html.components(separatedBy: " data-group=\"\(n)\"").count == 2, "group \(n)") }
        #expect(page.html.components(separatedBy: " data-group=\"").count == 5)
        #expect(!page.html.contains(" data-entity="))
        // The ring: 1–2, 2–3, 3–4 and 1–4, one tie each.
        let links = page.html.components(separatedBy: " data-link=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links.sorted() == ["1-2", "1-4", "2-3", "3-4"])
        // Each node is labelled with its most-tied member and its size, as `render` draws it.
        #expect(page.html.contains(">Clique 1 member 0</text>"))
        #expect(page.html.contains(">6 entities</text>"))
        #expect(page.html.contains(#"data-testid="overview-note""#))
        #expect(page.html.contains("relgraph render FILE --full"))
    }

    @Test func groupCardsDataListsMembersAndTies() throws {
        let graph = try ringOfCliques()
        let data = try embeddedData(try ExplorePage.html(for: graph, entityLimit: 10).html)
        #expect(data["grouping"] as? String == "community")
        let groups = try #require(data["groups"] as? [[String: Any]])
        #expect(groups.count == 4)
        let entities = try #require(data["entities"] as? [[String: Any]])
        let ids = entities.map { $0["id"] as? String ?? "" }
        for (k, g) in groups.enumerated() {
            #expect(g["number"] as? Int == k + 1)
            #expect(g["internalTies"] as? Int == 15)
            #expect(g["drawn"] as? Bool == true)
            let members = (g["members"] as? [Int] ?? []).map { ids[$0] }
            // Most tied first (members 0 and 1, 6 ties), then by name.
            #expect(members == (0..<6).map { "k\(k)m\($0)" }, "group \(k + 1)")
            #expect((g["lead"] as? Int).map { ids[$0] } == "k\(k)m0")
        }
        let links = try #require(data["links"] as? [[Int]])
        #expect(links == [[1, 2, 1], [1, 4, 1], [2, 3, 1], [3, 4, 1]])
        // Search and cards still cover every entity and tie.
        #expect(entities.count == 24)
        #expect((data["relations"] as? [Any])?.count == 64)
    }

    @Test func smallGraphsHaveNoGroupData() throws {
        let page = try ExplorePage.html(for: try ringOfCliques())
        #expect(page.drawn && page.overview == nil)
        let data = try embeddedData(page.html)
        #expect(data["groups"] == nil && data["links"] == nil)
        #expect(!page.html.contains(" data-group="))
    }

    @Test func relationsAloneCanCallForTheOverview() throws {
        // K12: 12 entities and 66 relations, above 5 × 12 relations though not above 12 entities.
        var k12 = try Graph(name: "K12")
        for i in 0..<12 { try k12.add(Entity(id: "e\(i)", kind: "person", name: "E\(i)")) }
        for i in 0..<12 { for j in (i + 1)..<12 { try k12.add(Relation(from: "e\(i)", kind: "ally_of", to: "e\(j)")) } }
        #expect(Diagrams.wantsOverview(k12, entityLimit: 12))
        #expect(!Diagrams.wantsOverview(k12, entityLimit: 14))
    }

    @Test func aHostileLeadStaysText() throws {
        let page = try ExplorePage.html(for: try ringOfCliques(leadName: "<img src=x onerror=alert(1)>"), entityLimit: 10)
        #expect(eventAttribute(in: page.html) == nil)
        #expect(!page.html.contains("<img"))
        #expect(page.html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func theReportDrawsTheOverviewAsItsWholeGraph() throws {
        let r = try Report.build(try ringOfCliques(), drawLimit: 10)
        #expect(r.figures.map(\.file) == ["graph.svg", "ego-1.svg", "ego-2.svg", "ego-3.svg"])
        let whole = r.figures[0]
        #expect(whole.caption.hasPrefix("Overview of the whole graph (24 entities, 64 ties"))
        #expect(whole.caption.contains("its 4 Louvain communities"))
        #expect(whole.caption.contains("relgraph render --full"))
        for n in 1...4 { #expect(whole.svg.components(separatedBy: " data-group=\"\(n)\"").count == 2) }
        #expect(r.figureNote == nil)
        // The neighbourhoods stay drawn entity by entity: a bridge end, its 5 clique mates and the far end.
        #expect(r.figures[1].svg.components(separatedBy: "data-entity=").count == 8)
        // A neighbourhood above the limit is left out, and said so.
        let capped = try Report.build(try ringOfCliques(), drawLimit: 6)
        #expect(capped.figures.map(\.file) == ["graph.svg"])
        #expect(capped.figureNote?.contains("larger than 6 entities") == true)
    }

    @Test func aLargeGraphsReportEstimatesBetweennessAndSaysSo() throws {
        // Exact betweenness is O(V·E): a report of 40,000 entities took a minute, 100,000 never ended.
        // A path of 5,001 entities: the middle one is the most between, estimated or not.
        var g = try Graph(name: "Long line")
        let n = Report.exactBetweennessLimit + 1
        for i in 0..<n { try g.add(Entity(id: "p\(i)", kind: "person", name: "P\(i)")) }
        for i in 1..<n { try g.add(Relation(from: "p\(i - 1)", kind: "ally_of", to: "p\(i)")) }
        let r = try Report.build(g, drawLimit: 10)
        #expect(r.betweennessSamples == Report.betweennessSampleCount)
        // Near the middle the exact values are flat (i·(n−1−i)): the sample's top ten lie in the middle tenth,
        // and the estimate is within 10 % of the exact 0.5 there.
        for top in r.topBetweenness {
            let i = try #require(Int(top.id.dropFirst()))
            #expect(abs(i - n / 2) < n / 20, "\(top.id)")
            #expect(abs(top.value - 0.5) < 0.05, "\(top.id): \(top.value)")
        }
        #expect(r.html().contains("Betweenness (normalised; estimated from 1,000 sampled sources, as above 5,000 entities)"))
        #expect(r.markdown(diagramFile: { $0 }).contains("### Betweenness (normalised; estimated from 1,000 sampled sources"))
        // At the limit it is exact.
        let small = try Report.build(try ringOfCliques(), drawLimit: 10)
        #expect(small.betweennessSamples == nil)
        #expect(small.html().contains("<h3>Betweenness (normalised)</h3>"))
    }
}
