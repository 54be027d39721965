import Foundation
import Testing

/// `relgraph explore` and `relgraph report` end to end.
@Suite struct PagesCLITests {
    @Test func exploreWritesOnePageWithEveryEntity() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.html")
            let result = try CLI.run(["explore", CLI.trotsky, "-o", out.path])
            expectStatus(result, 0)
            let (entities, relations) = try shippedGraphCounts()
            #expect(result.stderr.contains("wrote \(out.path) (\(entities) entities, \(relations) relations, diagram by neato)"), "\(result)")
            let html = try String(contentsOf: out, encoding: .utf8)
            #expect(html.components(separatedBy: " data-entity=\"").count - 1 == entities)
            #expect(html.components(separatedBy: " data-relation=\"").count - 1 == relations)
            #expect(html.contains(#"data-entity="mercader""#))
            // Nothing is fetched: no src= or href= to anything outside the page.
            #expect(html.range(of: #"\s(src|href|xlink:href)\s*=\s*"(?!#)"#, options: .regularExpression) == nil)
        }
    }

    /// Above --overview-above, explore and report draw the overview `render` draws
    /// (the same groups: render's stderr names how many it drew).
    @Test func aboveTheThresholdExploreAndReportDrawTheOverview() throws {
        try CLI.withTemporaryDirectory { dir in
            let svg = dir.appendingPathComponent("overview.svg")
            let render = try CLI.run(["render", CLI.trotsky, "-o", svg.path, "--overview-above", "50"])
            expectStatus(render, 0)
            let drewLine = try #require(render.stderr.split(separator: "\n").first { $0.contains("drew an overview") }, "\(render)")
            let drawn = try #require(Int(drewLine.split(separator: ":")[1].split(separator: " ")[0]), "\(drewLine)")
            let all = try #require(Int(drewLine.components(separatedBy: " of ")[1].split(separator: " ")[0]))

            let page = dir.appendingPathComponent("graph.html")
            let explore = try CLI.run(["explore", CLI.trotsky, "-o", page.path, "--overview-above", "50"])
            expectStatus(explore, 0)
            #expect(explore.stderr.contains("overview of \(drawn) communities; relgraph render --full draws every entity"), "\(explore)")
            let html = try String(contentsOf: page, encoding: .utf8)
            for n in 1...drawn { #expect(html.components(separatedBy: " data-group=\"\(n)\"").count == 2, "group \(n)") }
            #expect(!html.contains(" data-entity=\""))
            // Every entity is in exactly one group's members, for the cards and the search.
            let json = try #require(html.components(separatedBy: #"id="graph-data">"#).last?.components(separatedBy: "</script>").first)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let groups = try #require(data["groups"] as? [[String: Any]])
            #expect(groups.count == all)
            let members = groups.flatMap { $0["members"] as? [Int] ?? [] }
            let (entities, relations) = try shippedGraphCounts()
            #expect(members.count == entities && Set(members).count == entities)
            #expect((data["relations"] as? [Any])?.count == relations)
            #expect(html.range(of: #"\s(src|href|xlink:href)\s*=\s*"(?!#)"#, options: .regularExpression) == nil)

            let brief = dir.appendingPathComponent("brief.md")
            expectStatus(try CLI.run(["report", CLI.trotsky, "-o", brief.path, "--overview-above", "50"]), 0)
            let md = try String(contentsOf: brief, encoding: .utf8)
            #expect(md.contains("![Overview of the whole graph (\(entities) entities, \(relations) ties"), "\(md)")
            let whole = try Data(contentsOf: dir.appendingPathComponent("brief-diagrams/graph.svg"))
            let census = try #require(SVGCensus.read(whole), "the overview is not well-formed XML")
            #expect(census.nodes == drawn)
            #expect(String(decoding: whole, as: UTF8.self).components(separatedBy: " data-group=\"").count - 1 == drawn)
            expectStatus(try CLI.run(["explore", CLI.trotsky, "-o", page.path, "--overview-above", "0"]), 64)
        }
    }

    @Test func exploreRefusesAnotherExtensionAndWritesNothing() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.svg")
            let result = try CLI.run(["explore", CLI.trotsky, "-o", out.path])
            expectStatus(result, 64)
            #expect(result.stderr.contains("the page must end in .html"))
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test func reportAsMarkdownWithDiagramFilesAndFootnotes() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("brief.md")
            let result = try CLI.run(["report", CLI.trotsky, "-o", out.path, "--pair", "Frank Jacson,stalin", "--pair", "zborowski,Leon Sedov"])
            expectStatus(result, 0)
            let md = try String(contentsOf: out, encoding: .utf8)
            // The narrated hops are those `relgraph path` prints, the sources moved to footnotes.
            let path = try CLI.run(["path", CLI.trotsky, "mercader", "stalin"])
            let firstHop = try #require(path.stdout.split(separator: "\n").first { $0.hasPrefix("  1. ") })
            let source = try #require(firstHop.range(of: " [", options: .backwards))
            let withoutSource = firstHop[firstHop.index(firstHop.startIndex, offsetBy: 5)..<source.lowerBound]
            let cited = firstHop[source.upperBound...].dropLast()
            #expect(cited.hasPrefix("s. 38"))
            #expect(md.contains("1. \(withoutSource) [^1]\n"), "\(md)")
            #expect(md.contains("[^1]: \(cited)\n"))
            #expect(md.contains("### Mark Zborowski → Leon Sedov"))
            for section in ["## Counts", "## Most central", "## Communities", "## Brokers and bridges", "## Paths",
                            "## Diagrams", "## Data quality", "## Sources"] {
                #expect(md.contains("\n\(section)\n"), "\(section)")
            }
            for file in ["graph.svg", "ego-1.svg", "ego-2.svg", "ego-3.svg"] {
                let svg = dir.appendingPathComponent("brief-diagrams/\(file)")
                #expect(FileManager.default.fileExists(atPath: svg.path), "\(file)")
                #expect(md.contains("(brief-diagrams/\(file))"))
            }
            let svg = try Data(contentsOf: dir.appendingPathComponent("brief-diagrams/graph.svg"))
            let census = try #require(SVGCensus.read(svg), "the diagram is not well-formed XML")
            let (entities, relations) = try shippedGraphCounts()
            #expect(census.nodes == entities && census.edges == relations)
        }
    }

    @Test func aMarkdownReportKeepsOnlyItsOwnDiagramsInItsFolder() throws {
        try CLI.withTemporaryDirectory { dir in
            let md = dir.appendingPathComponent("brief.md").path
            let folder = dir.appendingPathComponent("brief-diagrams")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Diagrams an earlier report of a larger graph wrote, and a file of the user's.
            try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("ego-4.svg"))
            try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("ego-12.svg"))
            try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
            // CLI.small: the whole graph and the three most central neighbourhoods are drawn.
            let r = try CLI.run(["report", CLI.small, "-o", md])
            expectStatus(r, 0)
            let text = try String(contentsOfFile: md, encoding: .utf8)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let linked = files.filter { text.contains("(brief-diagrams/\($0))") }
            #expect(files.filter { $0.hasSuffix(".svg") } == linked, "\(files)")
            #expect(linked == ["ego-1.svg", "ego-2.svg", "ego-3.svg", "graph.svg"])
            #expect(files.contains("notes.txt"))
        }
    }

    @Test func aFileWhereTheDiagramsFolderGoesIsAClearError() throws {
        try CLI.withTemporaryDirectory { dir in
            try Data("x".utf8).write(to: dir.appendingPathComponent("f-diagrams"))
            let r = try CLI.run(["report", CLI.small, "-o", dir.appendingPathComponent("f.md").path])
            expectStatus(r, 1)
            #expect(r.stderr.contains("f-diagrams' exists and is not a folder"), "\(r)")
            #expect(!r.stderr.contains("NSCocoaErrorDomain"), "\(r)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("f.md").path))
        }
    }

    @Test func reportWithAnUnknownNameFailsAndWritesNothing() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("report.html")
            let result = try CLI.run(["report", CLI.trotsky, "-o", out.path, "--pair", "nobody at all,stalin"])
            expectStatus(result, 1)
            #expect(result.stderr.contains("relgraph: error: no entity is called 'nobody at all'"), "\(result)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
            expectStatus(try CLI.run(["report", CLI.trotsky, "-o", out.path, "--pair", "stalin"]), 64)
        }
    }

    @Test func reportListsTheWarningsOfCheck() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("brief.md")
            let fixture = "Tests/Fixtures/graphs/temporal-contradiction.yaml"
            expectStatus(try CLI.run(["report", fixture, "-o", out.path]), 0)
            let md = try String(contentsOf: out, encoding: .utf8)
            // The same warnings `check` prints, each located.
            let check = try CLI.run(["check", fixture])
            let warnings = check.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
            #expect(warnings.count == 3, "\(check)")
            #expect(md.contains("### Warnings of `check` (3)"), "\(md)")
            #expect(md.contains("temporal-contradiction.yaml:22:5: warning: relation ann -rival\\_of-\\> bob"))
        }
    }
}


/// The shipped graph's entity and relation counts, read from `relgraph info --format json`
/// (the graph is curated, so its counts are not fixed in the tests).
func shippedGraphCounts() throws -> (entities: Int, relations: Int) {
    let info = try CLI.run(["info", CLI.trotsky, "--format", "json"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
    return (try #require(json["entities"] as? Int), try #require(json["relations"] as? Int))
}
