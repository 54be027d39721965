import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphModel

enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

/// `relgraph rank FILE --by MEASURE`: who is central.
struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank entities by a centrality, with NetworkX's conventions.",
        discussion: """
            degree counts ties (weighted: sums weights as strengths); betweenness is Brandes', \
            normalised, endpoints excluded (weighted: weights are lengths); closeness is \
            Wasserman–Faust, unweighted (directed: incoming distances); eigenvector is \
            L2-normalised (weighted: strengths); pagerank uses α = 0.85, dangling mass \
            spread uniformly. Ties in value are listed by id.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(help: "The measure: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var by: Measure = .degree

    @Option(parsing: .unconditional, help: "Show the N highest (0: all).")
    var top: Int = 10

    @Flag(help: "Read relation weights (see the discussion for length vs strength).")
    var weighted = false

    @Flag(help: "Follow relations the way they read (symmetric kinds both ways). The default for a file that declares itself directed.")
    var directed = false

    @Flag(help: "Ignore direction even when the file declares itself directed.")
    var undirected = false

    @Option(help: "Output: table, json or csv.")
    var format: TableFormat = .table

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if directed && undirected { throw ValidationError("give --directed or --undirected, not both") }
    }

    func run() throws {
        try guarded {
            let loaded = try input.loadWithDirection()
            let graph = loaded.graph
            // Direction follows the data (as NetworkX does with a DiGraph) unless a flag says otherwise.
            let fromData = !directed && !undirected && loaded.directed == true
            let directed = self.directed || fromData
            let scores = Progress.step("computing \(by.rawValue)") {
                by.scores(graph, directed: directed || by == .inDegree || by == .outDegree, weighted: weighted)
            }
            var ranked = scores.ranked()
            // Validation keeps weights finite and ≤ 1e15, so this should never fire;
            // if it does, say so rather than print nan or inf as a score.
            if let bad = ranked.first(where: { !$0.value.isFinite }) {
                throw fail("\(by.title) gave a non-finite score (\(bad.value)) for '\(bad.id)'; check the relations' weights")
            }
            if top > 0 { ranked = Array(ranked.prefix(top)) }
            switch format {
            case .table:
                let rows = ranked.enumerated().map { i, s in
                    [String(i + 1), graph.entity(s.id)?.name ?? s.id, s.id, graph.entity(s.id)?.kind ?? "", fixed(s.value)]
                }
                let how = fromData ? ", directed (as the file declares; --undirected to ignore)" : directed ? ", directed" : ""
                print("\(by.title)\(weighted ? ", weighted" : "")\(how) — \(graph.entities.count) entities\n")
                print(table(["#", "entity", "id", "kind", by.rawValue], rows, rightAligned: [0, 4]))
            case .json:
                let rows = ranked.enumerated().map { i, s in
                    RankJSON(rank: i + 1, id: s.id, name: graph.entity(s.id)?.name ?? s.id, kind: graph.entity(s.id)?.kind ?? "", value: s.value)
                }
                print(try encodeJSON(RankResultJSON(measure: by.rawValue, weighted: weighted, directed: directed, scores: rows)), terminator: "")
            case .csv:
                print("rank,id,name,kind,\(by.rawValue)")
                for (i, s) in ranked.enumerated() {
                    let e = graph.entity(s.id)
                    print([String(i + 1), s.id, e?.name ?? s.id, e?.kind ?? "", fixed(s.value)].map(csvCell).joined(separator: ","))
                }
            }
        }
    }
}

/// Nine decimals, like the NetworkX fixtures; integers stay integers.
func fixed(_ x: Double) -> String { formatNumber(x, places: 9) }

func csvCell(_ s: String) -> String {
    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
}

struct RankJSON: Codable { var rank: Int; var id: String; var name: String; var kind: String; var value: Double }
struct RankResultJSON: Codable { var measure: String; var weighted: Bool; var directed: Bool; var scores: [RankJSON] }
