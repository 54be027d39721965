import Foundation
import Testing

// The CLI's JSON output checked against NetworkX's results on the network fixtures
// (Tests/Fixtures/networks/<name>.expected.json): an independent oracle, read here
// without any of relgraph's own code.

struct Expected: Decodable {
    struct Pair: Decodable {
        var source: String
        var target: String
        var length: Int
        var num_shortest_paths: Int
        var weighted_distance: Double?
    }
    struct KShortest: Decodable {
        var source: String
        var target: String
        var lengths: [Int]
    }
    struct ComponentSummary: Decodable {
        var count: Int
        var sizes: [Int]
    }
    var directed: Bool
    var nodes: Int
    var edges: Int
    var degree: [String: Int]
    var betweenness: [String: Double]
    var components: ComponentSummary
    var shortest_paths: [Pair]
    var k_shortest: [KShortest]
    var articulation_points: [String]?
    var bridges: [[String]]?

    static func load(_ name: String) throws -> Expected {
        try decode(Expected.self, file: CLI.networks.appendingPathComponent("\(name).expected.json"))
    }
}

/// The unordered pairs joined by an edge, read straight from `<name>.edges.csv`.
func edgePairs(_ name: String, directed: Bool) throws -> Set<[String]> {
    let text = try String(contentsOf: CLI.networks.appendingPathComponent("\(name).edges.csv"), encoding: .utf8)
    var pairs: Set<[String]> = []
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard cells.count >= 2 else { continue }
        pairs.insert(directed ? [cells[0], cells[1]] : [cells[0], cells[1]].sorted())
    }
    return pairs
}

/// The parts of `path --format json` the checks read.
struct PathOutput: Decodable {
    struct OnePath: Decodable {
        var hops: Int
        var length: Double
        var entities: [String]
    }
    var paths: [OnePath]
}

struct RankOutput: Decodable {
    struct Row: Decodable {
        var rank: Int
        var id: String
        var value: Double
    }
    var measure: String
    var scores: [Row]
}

struct GroupsOutput: Decodable {
    struct Bridge: Decodable {
        var a: String
        var b: String
    }
    var components: [[String]]
    var articulationPoints: [String]
    var bridges: [Bridge]
}

@Suite("CLI results against NetworkX")
struct OracleTests {
    static let datasets = ["karate", "florentine", "syndicate"]

    /// `path --all` finds exactly NetworkX's shortest paths: the same hop count, the
    /// same number of distinct paths, each one a real chain of edges; exit 2 when
    /// NetworkX finds none (syndicate, directed).
    @Test("path --all --format json: hop counts and path counts", arguments: datasets)
    func shortestPaths(dataset: String) throws {
        let expected = try Expected.load(dataset)
        let edges = try edgePairs(dataset, directed: expected.directed)
        for pair in expected.shortest_paths {
            var args = ["path", CLI.network(dataset), pair.source, pair.target, "--all", "--format", "json"]
            if expected.directed { args.append("--directed") }
            let result = try CLI.run(args)
            if pair.length < 0 {
                expectStatus(result, 2)
                #expect(try decode(PathOutput.self, result.stdout).paths.isEmpty, "\(result)")
                continue
            }
            expectStatus(result, 0)
            let output = try decode(PathOutput.self, result.stdout)
            #expect(output.paths.count == pair.num_shortest_paths, "\(pair.source)→\(pair.target)")
            #expect(Set(output.paths.map(\.entities)).count == output.paths.count, "duplicate paths \(pair.source)→\(pair.target)")
            for p in output.paths {
                #expect(p.hops == pair.length, "\(pair.source)→\(pair.target): \(p.entities)")
                #expect(p.entities.count == p.hops + 1)
                #expect(p.entities.first == pair.source && p.entities.last == pair.target)
                for (a, b) in zip(p.entities, p.entities.dropFirst()) {
                    // Directed hops follow relations the way they read (syndicate writes
                    // its one symmetric kind both ways, so this needs no exception).
                    let key = expected.directed ? [a, b] : [a, b].sorted()
                    #expect(edges.contains(key), "\(a)–\(b) is not an edge of \(dataset)")
                }
            }
        }
    }

    @Test("path --weighted: Dijkstra lengths equal NetworkX's weighted distances")
    func weightedPaths() throws {
        let expected = try Expected.load("karate")
        for pair in expected.shortest_paths {
            let distance = try #require(pair.weighted_distance)
            let result = try CLI.run(["path", CLI.network("karate"), pair.source, pair.target, "--weighted", "--format", "json"])
            expectStatus(result, 0)
            let output = try decode(PathOutput.self, result.stdout)
            #expect(output.paths.count == 1)
            #expect(abs((output.paths.first?.length ?? -1) - distance) <= 1e-9, "\(pair.source)→\(pair.target)")
        }
    }

    @Test("path -k 5: the hop counts of Yen's k shortest simple paths", arguments: datasets)
    func kShortest(dataset: String) throws {
        let expected = try Expected.load(dataset)
        for pair in expected.k_shortest {
            var args = ["path", CLI.network(dataset), pair.source, pair.target, "-k", "5", "--format", "json"]
            if expected.directed { args.append("--directed") }
            let result = try CLI.run(args)
            expectStatus(result, 0)
            let output = try decode(PathOutput.self, result.stdout)
            #expect(output.paths.map(\.hops) == pair.lengths, "\(dataset) \(pair.source)→\(pair.target)")
            #expect(Set(output.paths.map(\.entities)).count == output.paths.count, "paths are not distinct")
        }
    }

    @Test("rank --by betweenness --format json equals NetworkX to 1e-6", arguments: datasets)
    func betweenness(dataset: String) throws {
        let expected = try Expected.load(dataset)
        var args = ["rank", CLI.network(dataset), "--by", "betweenness", "--top", "0", "--format", "json"]
        if expected.directed { args.append("--directed") }
        let result = try CLI.run(args)
        expectStatus(result, 0)
        let output = try decode(RankOutput.self, result.stdout)
        #expect(output.measure == "betweenness")
        #expect(output.scores.count == expected.nodes)
        #expect(Set(output.scores.map(\.id)) == Set(expected.betweenness.keys))
        for row in output.scores {
            let want = try #require(expected.betweenness[row.id])
            #expect(abs(row.value - want) <= 1e-6, "\(dataset) \(row.id): \(row.value) vs NetworkX \(want)")
        }
        #expect(output.scores.map(\.rank) == Array(1...output.scores.count))
        #expect(zip(output.scores, output.scores.dropFirst()).allSatisfy { $0.value >= $1.value }, "not sorted by value")
    }

    @Test("rank --by degree --format json equals NetworkX's degree", arguments: ["karate", "florentine"])
    func degree(dataset: String) throws {
        let expected = try Expected.load(dataset)
        let result = try CLI.run(["rank", CLI.network(dataset), "--by", "degree", "--top", "0", "--format", "json"])
        expectStatus(result, 0)
        let output = try decode(RankOutput.self, result.stdout)
        #expect(Dictionary(uniqueKeysWithValues: output.scores.map { ($0.id, Int($0.value)) }) == expected.degree)
    }

    @Test("groups --format json: components, articulation points and bridges", arguments: datasets)
    func groups(dataset: String) throws {
        let expected = try Expected.load(dataset)
        let result = try CLI.run(["groups", CLI.network(dataset), "--format", "json"])
        expectStatus(result, 0)
        let output = try decode(GroupsOutput.self, result.stdout)
        #expect(output.components.count == expected.components.count)
        #expect(output.components.map(\.count).sorted(by: >) == expected.components.sizes.sorted(by: >))
        #expect(Set(output.components.flatMap { $0 }).count == expected.nodes)
        if let points = expected.articulation_points {
            #expect(Set(output.articulationPoints) == Set(points))
        }
        if let bridges = expected.bridges {
            #expect(Set(output.bridges.map { [$0.a, $0.b].sorted() }) == Set(bridges.map { $0.sorted() }))
        }
    }

    /// A karate member's 1-hop ego network holds the member and its NetworkX degree in
    /// neighbours (the club graph has no parallel ties).
    @Test("ego --radius 1 on karate holds degree + 1 members", arguments: ["n0", "n11", "n33"])
    func egoSize(member: String) throws {
        let expected = try Expected.load("karate")
        let result = try CLI.run(["ego", CLI.network("karate"), member, "--radius", "1", "--format", "json"])
        expectStatus(result, 0)
        let ego = try decode(GraphJSON.self, result.stdout)
        #expect(ego.entities.count == (expected.degree[member] ?? -1) + 1)
        #expect(ego.entities.contains { $0.id == member })
    }
}
