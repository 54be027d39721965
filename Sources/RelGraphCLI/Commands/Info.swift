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

    @Option(parsing: .unconditional, help: "How many of the most-tied entities to list.")
    var top: Int = 10

    @Option(help: "Output: text or json.")
    var format: OutputStyle = .text

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        try guarded {
            let graph = try input.load()
            let (components, degree) = Progress.step("counting components and ties") {
                (Components.connected(in: graph), Centrality.degree(in: graph).ranked().prefix(top))
            }
            if format == .json {
                let info = InfoJSON(
                    name: graph.name, entities: graph.entities.count, relations: graph.relations.count,
                    entityKinds: tally(graph.entities.map(\.kind)), relationKinds: relationKindTally(graph),
                    components: components.sizes, density: Structure.density(in: graph),
                    datedRelations: datedCount(graph),
                    mostTies: degree.map { TieCountJSON(id: $0.id, name: graph.entity($0.id)?.name ?? $0.id, ties: Int($0.value)) })
                print(try encodeJSON(info), terminator: "")
                return
            }
            print("\(graph.name) — \(input.file)")
            if let d = graph.description { print(d) }
            print("")
            print("\(graph.entities.count) entities, \(graph.relations.count) relations")
            let sizes = components.sizes
            let sizeText = sizes.count <= 8 ? sizes.map(String.init).joined(separator: ", ")
                : sizes.prefix(8).map(String.init).joined(separator: ", ") + ", …"
            print("\(components.count) connected component\(components.count == 1 ? "" : "s") (sizes \(sizeText))")
            print("density \(String(format: "%.4f", Structure.density(in: graph)))")
            let dated = datedCount(graph)
            print("\(dated) of \(graph.relations.count) relations dated")
            print("")
            print("Entities by kind")
            print(table(["kind", "count"], counts(graph.entities.map(\.kind)), rightAligned: [1]))
            print("")
            print("Relations by kind")
            print(table(["kind", "count"], relationKindTally(graph).map { [$0.kind, String($0.count)] }, rightAligned: [1]))
            print("")
            print("Most ties")
            print(table(["#", "entity", "kind", "ties"], degree.enumerated().map { i, s in
                [String(i + 1), label(graph, s.id), graph.entity(s.id)?.kind ?? "", formatNumber(s.value)]
            }, rightAligned: [0, 3]))
        }
    }

    /// Rows of (value, count), most frequent first, then by name.
    private func counts(_ values: [String]) -> [[String]] {
        tally(values).map { [$0.kind, String($0.count)] }
    }
}

/// ``tally(_:)`` of the relations' kinds, reading them in place: a run of
/// relations of one kind (the usual order of a large file) is counted without hashing.
/// - Complexity: O(E) comparisons, one hash per run.
func relationKindTally(_ graph: Graph) -> [KindCountJSON] {
    var count: [String: Int] = [:]
    graph.relations.withUnsafeBufferPointer { rels in
        var i = 0
        while i < rels.count {
            var j = i + 1
            while j < rels.count && rels[j].kind == rels[i].kind { j += 1 }
            count[rels[i].kind, default: 0] += j - i
            i = j
        }
    }
    return count.map { KindCountJSON(kind: $0.key, count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
}

/// How many relations carry a date, read in place.
/// - Complexity: O(E).
func datedCount(_ graph: Graph) -> Int {
    graph.relations.withUnsafeBufferPointer { rels in rels.reduce(0) { $0 + ($1.isDated ? 1 : 0) } }
}

/// How often each value occurs, most frequent first, then by name.
func tally(_ values: [String]) -> [KindCountJSON] {
    var count: [String: Int] = [:]
    for v in values { count[v, default: 0] += 1 }
    return count.map { KindCountJSON(kind: $0.key, count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
}

struct KindCountJSON: Codable { var kind: String; var count: Int }
struct TieCountJSON: Codable { var id: String; var name: String; var ties: Int }
struct InfoJSON: Codable {
    var name: String; var entities: Int; var relations: Int
    var entityKinds: [KindCountJSON]; var relationKinds: [KindCountJSON]
    var components: [Int]; var density: Double; var datedRelations: Int; var mostTies: [TieCountJSON]
}
