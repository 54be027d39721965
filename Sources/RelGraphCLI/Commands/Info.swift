import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphModel

/// `relgraph info FILE`: what is in the graph.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts by kind, connected components, density and the entities with the most ties."
    )

    @OptionGroup var input: GraphInput

    @Option(help: "How many of the most-tied entities to list.")
    var top: Int = 10

    func run() throws {
        try guarded {
            let graph = try input.load()
            let components = Components.connected(in: graph)
            print("\(graph.name) — \(input.file)")
            if let d = graph.description { print(d) }
            print("")
            print("\(graph.entities.count) entities, \(graph.relations.count) relations")
            let sizes = components.sizes
            let sizeText = sizes.count <= 8 ? sizes.map(String.init).joined(separator: ", ")
                : sizes.prefix(8).map(String.init).joined(separator: ", ") + ", …"
            print("\(components.count) connected component\(components.count == 1 ? "" : "s") (sizes \(sizeText))")
            print("density \(String(format: "%.4f", Structure.density(in: graph)))")
            let dated = graph.relations.filter(\.isDated).count
            print("\(dated) of \(graph.relations.count) relations dated")
            print("")
            print("Entities by kind")
            print(table(["kind", "count"], counts(graph.entities.map(\.kind)), rightAligned: [1]))
            print("")
            print("Relations by kind")
            print(table(["kind", "count"], counts(graph.relations.map(\.kind)), rightAligned: [1]))
            print("")
            print("Most ties")
            let degree = Centrality.degree(in: graph).ranked().prefix(max(top, 0))
            print(table(["#", "entity", "kind", "ties"], degree.enumerated().map { i, s in
                [String(i + 1), label(graph, s.id), graph.entity(s.id)?.kind ?? "", formatNumber(s.value)]
            }, rightAligned: [0, 3]))
        }
    }

    /// Rows of (value, count), most frequent first, then by name.
    private func counts(_ values: [String]) -> [[String]] {
        var count: [String: Int] = [:]
        for v in values { count[v, default: 0] += 1 }
        let sorted = count.sorted { (a: (key: String, value: Int), b: (key: String, value: Int)) -> Bool in
            a.value != b.value ? a.value > b.value : a.key < b.key
        }
        return sorted.map { [$0.key, String($0.value)] }
    }
}
