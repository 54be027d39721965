import Foundation
import Testing

/// Direction follows the data: a fixture whose `meta.json` says `"directed": true`
/// is ranked and grouped as NetworkX ranks a `DiGraph`, unless `--undirected`.
@Suite("direction follows the data")
struct DirectionTests {
    struct PageRankExpected: Decodable {
        var directed: Bool
        var pagerank: [String: Double]
        var strongly_connected_components: StrongSummary?
        struct StrongSummary: Decodable { var count: Int }
    }

    static func expected(_ name: String) throws -> PageRankExpected {
        try decode(PageRankExpected.self, file: CLI.networks.appendingPathComponent("\(name).expected.json"))
    }

    @Test("rank on the directed syndicate fixture gives NetworkX's DiGraph PageRank")
    func directedFixture() throws {
        let expected = try Self.expected("syndicate")
        #expect(expected.directed)
        let result = try CLI.run(["rank", CLI.network("syndicate"), "--by", "pagerank", "--top", "0", "--format", "json"])
        expectStatus(result, 0)
        let output = try decode(RankOutput.self, result.stdout)
        #expect(output.scores.count == expected.pagerank.count)
        for row in output.scores {
            let want = try #require(expected.pagerank[row.id])
            #expect(abs(row.value - want) <= 1e-6, "\(row.id): \(row.value) vs NetworkX \(want)")
        }
        let table = try CLI.run(["rank", CLI.network("syndicate"), "--by", "pagerank", "--top", "3"])
        #expect(table.stdout.hasPrefix("PageRank (α = 0.85), directed (as the file declares; --undirected to ignore)"), "\(table.stdout)")
    }

    @Test("--undirected overrides the file, and says nothing about direction")
    func undirectedOverride() throws {
        let expected = try Self.expected("syndicate")
        let result = try CLI.run(["rank", CLI.network("syndicate"), "--by", "pagerank", "--top", "0", "--format", "json", "--undirected"])
        expectStatus(result, 0)
        let output = try decode(RankOutput.self, result.stdout)
        // The symmetrised graph's ranks differ from the DiGraph's (copperline_guild: 0.3526 directed).
        let guild = try #require(output.scores.first { $0.id == "copperline_guild" })
        #expect(abs(guild.value - (expected.pagerank["copperline_guild"] ?? 0)) > 0.05)
        let table = try CLI.run(["rank", CLI.network("syndicate"), "--by", "pagerank", "--undirected"])
        #expect(table.stdout.hasPrefix("PageRank (α = 0.85) — 12 entities"), "\(table.stdout)")
        expectStatus(try CLI.run(["rank", CLI.network("syndicate"), "--directed", "--undirected"]), 64)
    }

    @Test("an undirected fixture stays undirected", arguments: ["karate", "florentine"])
    func undirectedFixture(dataset: String) throws {
        let expected = try Self.expected(dataset)
        #expect(!expected.directed)
        // karate's fixture is weighted, and NetworkX's pagerank reads the weights.
        let weighted = dataset == "karate" ? ["--weighted"] : []
        let result = try CLI.run(["rank", CLI.network(dataset), "--by", "pagerank", "--top", "0", "--format", "json"] + weighted)
        expectStatus(result, 0)
        let output = try decode(RankOutput.self, result.stdout)
        for row in output.scores {
            let want = try #require(expected.pagerank[row.id])
            #expect(abs(row.value - want) <= 1e-6, "\(dataset) \(row.id): \(row.value) vs NetworkX \(want)")
        }
    }

    @Test("groups on the directed fixture lists NetworkX's strongly connected components")
    func groupsDirected() throws {
        let expected = try Self.expected("syndicate")
        let count = try #require(expected.strongly_connected_components?.count)
        let result = try CLI.run(["groups", CLI.network("syndicate")])
        expectStatus(result, 0)
        #expect(result.stdout.contains("Strongly connected components: \(count) "), "\(result.stdout)")
    }

    @Test("path on the directed fixture follows relations the way they read, as --directed does")
    func pathDirected() throws {
        let expected = try Expected.load("syndicate")
        for pair in expected.shortest_paths {
            let plain = try CLI.run(["path", CLI.network("syndicate"), pair.source, pair.target, "--all", "--format", "json"])
            let flagged = try CLI.run(["path", CLI.network("syndicate"), pair.source, pair.target, "--all", "--format", "json", "--directed"])
            #expect(plain.status == flagged.status && plain.stdout == flagged.stdout, "\(pair.source)→\(pair.target)")
            // NetworkX's DiGraph answer: no path (exit 2) or the same hop count.
            if pair.length < 0 { expectStatus(plain, 2) } else {
                expectStatus(plain, 0)
                #expect(try decode(PathOutput.self, plain.stdout).paths.allSatisfy { $0.hops == pair.length })
            }
        }
        let text = try CLI.run(["path", CLI.network("syndicate"), "copperline_guild", "gray_heron_syndicate"])
        #expect(text.stdout.contains("(directed, as the file declares; --undirected to ignore)"), "\(text.stdout)")
    }

    @Test("a foreign directed GraphML is searched as directed; relgraph's own typed export keeps each kind's direction")
    func graphMLDirection() throws {
        try CLI.withTemporaryDirectory { dir in
            // a → b → c, declared directed, no relation kinds: c cannot reach a.
            let foreign = dir.appendingPathComponent("chain.graphml")
            try """
            <?xml version="1.0"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
            <node id="a"/><node id="b"/><node id="c"/>
            <edge source="a" target="b"/><edge source="b" target="c"/>
            </graph></graphml>
            """.write(to: foreign, atomically: true, encoding: .utf8)
            let back = try CLI.run(["path", foreign.path, "c", "a"])
            expectStatus(back, 2)
            let undirected = try CLI.run(["path", foreign.path, "c", "a", "--undirected"])
            expectStatus(undirected, 0)
            #expect(undirected.stdout.contains("(2 hops)"), "\(undirected.stdout)")

            // The Trotsky–Stalin graph exported to GraphML and DOT answers as the YAML does.
            let yaml = try CLI.run(["path", CLI.trotsky, "stalin", "mercader", "--format", "json"])
            expectStatus(yaml, 0)
            for format in ["graphml", "dot"] {
                let export = dir.appendingPathComponent("ts.\(format)")
                expectStatus(try CLI.run(["export", CLI.trotsky, "--format", format, "-o", export.path]), 0)
                let again = try CLI.run(["path", export.path, "stalin", "mercader", "--format", "json"])
                expectStatus(again, 0)
                #expect(try decode(PathOutput.self, again.stdout).paths.map(\.hops)
                        == decode(PathOutput.self, yaml.stdout).paths.map(\.hops), "\(format)")
                let text = try CLI.run(["path", export.path, "stalin", "mercader"])
                #expect(!text.stdout.contains("as the file declares"), "\(format): \(text.stdout)")
            }
        }
    }

    @Test("a graph is read from standard input with - as FILE")
    func standardInput() throws {
        let binary = try #require(CLI.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["info", "-", "--format", "json"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("source,target,weight\na,b,1\nb,c,2\nc,d,1\n".utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        struct Info: Decodable { var entities: Int; var relations: Int }
        let info = try JSONDecoder().decode(Info.self, from: data)
        #expect(info.entities == 4 && info.relations == 3)
    }
}
