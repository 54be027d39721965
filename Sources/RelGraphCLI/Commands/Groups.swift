import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphModel

/// `relgraph groups FILE`: components, communities and brokers.
struct Groups: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Connected components, Louvain communities, and brokers (articulation points and bridges).",
        discussion: """
            Components are weak (direction ignored); with --directed, strongly connected \
            components are listed too. Louvain is seeded: the same --seed gives the same \
            communities. Articulation points are entities whose removal splits the network; \
            bridges are ties whose loss does.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(parsing: .unconditional, help: "Seed for Louvain (the best of 10 seeded runs is kept; one run above 5,000 entities).")
    var seed: UInt64 = 0

    @Flag(help: "Read weights as tie strengths for Louvain.")
    var weighted = false

    @Flag(help: "Also list strongly connected components (following relations the way they read). The default for a file that declares itself directed.")
    var directed = false

    @Flag(help: "Do not list strongly connected components even when the file declares itself directed.")
    var undirected = false

    @Option(help: "Output: text or json.")
    var format: OutputStyle = .text

    func validate() throws {
        if directed && undirected { throw ValidationError("give --directed or --undirected, not both") }
    }

    func run() throws {
        try guarded {
            let loaded = try input.loadWithDirection()
            let graph = loaded.graph
            let directed = self.directed || (!undirected && loaded.directed == true)
            let components = Components.connected(in: graph)
            let strong = directed ? Components.stronglyConnected(in: graph) : nil
            let communities = Communities.louvain(in: graph, weighted: weighted, seed: seed)
            let points = Brokers.articulationPoints(in: graph)
            let bridges = Brokers.bridges(in: graph)
            switch format {
            case .json:
                let result = GroupsJSON(
                    components: components.groups, stronglyConnected: strong?.groups,
                    communities: communities.groups, modularity: communities.modularity ?? 0, seed: seed,
                    articulationPoints: points,
                    bridges: bridges.map { BridgeJSON(a: $0.a, b: $0.b, kind: graph[relation: $0.relation].kind, relation: $0.relation.rawValue) })
                print(try encodeJSON(result), terminator: "")
            case .text:
                let names = { (ids: [String]) in
                    ids.map { graph.entity($0)?.name ?? $0 }.sorted { (foldName($0), $0) < (foldName($1), $1) }.joined(separator: ", ")
                }
                print("Components: \(components.count)")
                for (i, g) in components.groups.enumerated().prefix(10) {
                    print("  \(i + 1). \(g.count) entit\(g.count == 1 ? "y" : "ies")\(g.count <= 6 ? ": " + names(g) : "")")
                }
                if let strong {
                    let nontrivial = strong.groups.filter { $0.count > 1 }
                    print("\nStrongly connected components: \(strong.count) (\(nontrivial.count) with more than one entity)")
                    for (i, g) in nontrivial.enumerated().prefix(10) { print("  \(i + 1). \(names(g))") }
                }
                print("\nCommunities (Louvain, seed \(seed), modularity \(String(format: "%.4f", communities.modularity ?? 0))): \(communities.count)")
                for (i, g) in communities.groups.enumerated() {
                    print("  \(i + 1). [\(g.count)] \(names(g))")
                }
                print("\nBrokers — entities whose removal splits the network: \(points.count)")
                if !points.isEmpty { print("  " + names(points)) }
                print("\nBridges — ties whose loss splits the network: \(bridges.count)")
                for b in bridges {
                    let r = graph[relation: b.relation]
                    print("  \(graph.entity(r.from)?.name ?? r.from) —\(r.kind)— \(graph.entity(r.to)?.name ?? r.to)")
                }
            }
        }
    }
}

/// A bridge: its ends, kind and relation identity (its position in the file read).
struct BridgeJSON: Codable { var a: String; var b: String; var kind: String; var relation: UInt32 }
struct GroupsJSON: Codable {
    var components: [[String]]
    var stronglyConnected: [[String]]?
    var communities: [[String]]
    var modularity: Double
    var seed: UInt64
    var articulationPoints: [String]
    var bridges: [BridgeJSON]
}
