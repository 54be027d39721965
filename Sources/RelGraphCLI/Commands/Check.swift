import ArgumentParser
import GraphFormats
import GraphModel

/// `relgraph check FILE`: is the graph valid against its schema?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a graph file against its schema; list every problem as file:line:column.",
        discussion: "Exit status 0 when the file is valid, 1 otherwise."
    )

    @Argument(help: "The graph file.")
    var file: String

    @Option(name: .customLong("from"), help: "Read FILE as this format instead of guessing from its extension.")
    var inputFormat: String?

    func run() throws {
        try guarded {
            let graph = try loadGraph(file, format: inputFormat)
            print("\(file): valid — \(graph.entities.count) entities, \(graph.relations.count) relations, "
                + "\(Set(graph.entities.map(\.kind)).count) entity kinds, \(Set(graph.relations.map(\.kind)).count) relation kinds")
        }
    }
}
