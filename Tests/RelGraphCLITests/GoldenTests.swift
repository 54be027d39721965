import Foundation
import Testing

/// Golden files for the text people read (Tests/Fixtures/cli/*). They prove the
/// output is stable; the oracle tests prove it is right. Re-record with
/// `RELGRAPH_RECORD=1 swift test --filter RelGraphCLITests` after an intended change
/// (the Trotsky–Stalin goldens also change whenever Graphs/trotsky-stalin.yaml does).
@Suite("CLI golden outputs")
struct GoldenTests {
    @Test("path Mercader → Stalin reads the same whichever of his names is given")
    func pathMercaderStalin() throws {
        let byName = try CLI.run(["path", CLI.trotsky, "ramon mercader", "Stalin"])
        let byAlias = try CLI.run(["path", CLI.trotsky, "Frank Jacson", "Stalin"])
        expectStatus(byName, 0)
        expectStatus(byAlias, 0)
        #expect(byName.stdout == byAlias.stdout)
        #expect(byName.stderr.isEmpty, "\(byName)")
        try expectGolden(byName.stdout, "path-mercader-stalin.txt")
    }

    @Test("path --all lists every shortest path")
    func pathAll() throws {
        let result = try CLI.run(["path", CLI.trotsky, "mercader", "zborowski", "--all"])
        expectStatus(result, 0)
        try expectGolden(result.stdout, "path-all-mercader-zborowski.txt")
    }

    @Test("path -k 3 lists the three shortest simple paths")
    func pathK() throws {
        let result = try CLI.run(["path", CLI.trotsky, "mercader", "stalin", "-k", "3"])
        expectStatus(result, 0)
        try expectGolden(result.stdout, "path-k3-mercader-stalin.txt")
    }

    @Test("info")
    func info() throws {
        let result = try CLI.run(["info", CLI.trotsky])
        expectStatus(result, 0)
        try expectGolden(result.stdout, "info.txt")
    }

    @Test("rank --by betweenness --top 5")
    func rankBetweenness() throws {
        let result = try CLI.run(["rank", CLI.trotsky, "--by", "betweenness", "--top", "5"])
        expectStatus(result, 0)
        try expectGolden(result.stdout, "rank-betweenness-top5.txt")
    }

    @Test("groups")
    func groups() throws {
        let result = try CLI.run(["groups", CLI.trotsky])
        expectStatus(result, 0)
        try expectGolden(result.stdout, "groups.txt")
    }

    @Test("export --format dot of a graph with quotes, accents, < and &")
    func exportDOT() throws {
        let result = try CLI.run(["export", CLI.small, "--format", "dot"])
        expectStatus(result, 0)
        try expectGolden(result.stdout, "export-small.dot")
    }
}
