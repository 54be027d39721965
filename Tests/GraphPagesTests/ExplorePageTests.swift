import Foundation
import GraphModel
import Testing
@testable import GraphPages

/// A small graph in code: a - ally_of -> b (1930), c killed b (1940-08-20, undated none).
func smallGraph(names: [String] = ["Ada", "Bob", "Cy"], source: String = "s. 1") throws -> Graph {
    var g = try Graph(name: "Small")
    try g.add(Entity(id: "a", kind: "person", name: names[0], aliases: ["Ada Lovelace"]))
    try g.add(Entity(id: "b", kind: "person", name: names[1]))
    try g.add(Entity(id: "c", kind: "person", name: names[2]))
    try g.add(Relation(from: "a", kind: "ally_of", to: "b", date: PartialDate("1930"), evidence: Evidence("they worked together", source: source)))
    try g.add(Relation(from: "c", kind: "killed", to: "b", date: PartialDate("1940-08-20"), evidence: Evidence("an ice axe", source: "https://example.org/x")))
    return g
}

/// The JSON the page embeds, parsed back.
func embeddedData(_ html: String) throws -> [String: Any] {
    let open = #"<script type="application/json" id="graph-data">"#
    let start = try #require(html.range(of: open))
    let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
    let json = String(html[start.upperBound..<end.lowerBound])
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

/// The first tag carrying an `on…` event attribute, outside the page's own
/// scripts and outside attribute values (every value is double-quoted, with any
/// `"` inside it escaped, so removing `"…"` leaves only names).
func eventAttribute(in html: String) -> String? {
    var s = html.replacingOccurrences(of: #"<script[^>]*>[\s\S]*?</script>"#, with: "", options: .regularExpression)
    s = s.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
    return s.range(of: #"<[a-zA-Z][^>]*\son[a-z]+\s*="#, options: .regularExpression).map { String(s[$0]) }
}

@Suite struct ExplorePageTests {
    @Test func everyEntityAndTieIsDrawnWithItsHook() throws {
        let page = try ExplorePage.html(for: try smallGraph())
        #expect(page.drawn)
        for id in ["a", "b", "c"] {
            #expect(page.html.components(separatedBy: "data-entity=\"\(id)\"").count == 2, "\(id)")
        }
        #expect(page.html.components(separatedBy: "data-relation=\"0\"").count == 2)
        #expect(page.html.components(separatedBy: "data-relation=\"1\"").count == 2)
        for hook in ["search", "panel", "path-from", "path-to", "path-go", "path-result", "year"] {
            #expect(page.html.contains("data-testid=\"\(hook)\""), "\(hook)")
        }
    }

    /// The phrases come from the schema ("killed" / "was killed by"): written by hand here.
    @Test func tiesAreNarratedFromBothEnds() throws {
        let data = try embeddedData(try ExplorePage.html(for: try smallGraph()).html)
        let relations = try #require(data["relations"] as? [[String: Any]])
        #expect(relations[1]["claimFrom"] as? String == "Cy killed Bob")
        #expect(relations[1]["claimTo"] as? String == "Bob was killed by Cy")
        #expect(relations[1]["sentenceTo"] as? String == "Bob was killed by Cy (1940-08-20) — an ice axe [https://example.org/x]")
        #expect(relations[0]["claimTo"] as? String == "Bob was an ally of Ada")
        #expect(relations[1]["first"] as? Int == 19400820 && relations[1]["last"] as? Int == 19400820)
        #expect(relations[0]["first"] as? Int == 19300101 && relations[0]["last"] as? Int == 19301231)
        #expect(relations[1]["sourceURL"] as? String == "https://example.org/x")
        #expect(relations[0]["sourceURL"] == nil)
        let entities = try #require(data["entities"] as? [[String: Any]])
        #expect(entities[0]["keys"] as? [String] == ["a", "ada", "ada lovelace"])
    }

    @Test func theScriptHashInThePolicyIsTheScripts() throws {
        let html = try ExplorePage.html(for: try smallGraph()).html
        #expect(html.contains("script-src \(Markup.cspHash(PageAssets.exploreJS));"))
        #expect(html.contains("<script>\(PageAssets.exploreJS)</script>"))
        #expect(html.contains("default-src 'none'"))
    }

    static let payloads = [
        #"<img src=x onerror="window.__pwned=1">"#, "</script><script>window.__pwned=2</script>",
        #"" onmouseover="window.__pwned=3" x=""#, "javascript:window.__pwned=4", "<!-- \u{2028} -->",
    ]

    /// Every payload reaches the page only escaped: no tag carries an `on…`
    /// attribute, the only scripts are the page's own two, and no link is made.
    @Test func hostileStringsStayText() throws {
        var g = try Graph(name: Self.payloads[1])
        for (i, p) in Self.payloads.enumerated() {
            try g.add(Entity(id: "e\(i)", kind: "person", name: p, aliases: [p], description: p))
        }
        for i in 0..<Self.payloads.count {
            try g.add(Relation(from: "e\(i)", kind: "ally_of", to: "e\((i + 1) % Self.payloads.count)",
                               evidence: Evidence(Self.payloads[i], source: Self.payloads[(i + 3) % Self.payloads.count])))
        }
        let html = try ExplorePage.html(for: g).html
        #expect(html.components(separatedBy: "<script").count == 3)  // the JSON and the script
        #expect(eventAttribute(in: html) == nil)
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("<img"))
        let data = try embeddedData(html)
        #expect(data["name"] as? String == Self.payloads[1])
        let report = try Report.build(g, pairs: [("e0", "e2")]).html()
        #expect(report.components(separatedBy: "<script").count == 1)
        #expect(eventAttribute(in: report) == nil)
        #expect(!report.contains("<img"))
    }

    /// Ids DOT must quote or cannot carry (Graphviz then draws `n<index>`) still
    /// map to their own entity, in the drawing's order.
    @Test func awkwardIdsKeepTheirHooks() throws {
        let ids = ["a\"b", "<x>", "ü-é", "a\\b", "x y", "n0", "1abc", "a\nb", "&amp;", "它"]
        var g = try Graph(name: "ids")
        for id in ids { try g.add(Entity(id: id, kind: "person", name: "N " + id)) }
        for k in ids.indices { try g.add(Relation(from: ids[k], kind: "ally_of", to: ids[(k + 1) % ids.count])) }
        let html = try ExplorePage.html(for: g).html
        let pattern = try NSRegularExpression(pattern: #"data-entity="([^"]*)""#)
        let found = pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            Diagrams.xmlUnescape(String(html[Range($0.range(at: 1), in: html)!]))
        }
        #expect(found == ids)
    }

    @Test func bigGraphsOfOneGroupGetNoDiagramButEveryEntity() throws {
        // a – b – c: one component and one community, so an overview would be one node.
        let page = try ExplorePage.html(for: try smallGraph(), entityLimit: 2)
        #expect(!page.drawn && page.overview == nil)
        #expect(!page.html.contains(" data-entity=") && !page.html.contains(" data-group="))
        let data = try embeddedData(page.html)
        #expect((data["entities"] as? [Any])?.count == 3)
        #expect((data["note"] as? String)?.contains("3 entities are too many to draw") == true)
    }

    /// PageAssets.swift is generated from Resources/ (`make assets`); it must be current.
    @Test func embeddedAssetsMatchTheSourceFiles() throws {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/GraphPages/Resources")
        for (file, text) in [("explore.js", PageAssets.exploreJS), ("explore.css", PageAssets.exploreCSS), ("report.css", PageAssets.reportCSS)] {
            let source = try String(contentsOf: resources.appendingPathComponent(file), encoding: .utf8)
            #expect(source == text, "\(file) changed: run `make assets`")
        }
    }
}
