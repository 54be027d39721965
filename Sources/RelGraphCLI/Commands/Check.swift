import ArgumentParser
import Foundation
import GraphFormats
import GraphModel

/// `relgraph check FILE...`: are the graphs valid against their schemas?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check graph files against their schema; list every problem as file:line:column.",
        discussion: "Exit status 0 when every file is valid, 1 otherwise."
    )

    @Argument(help: "The graph files.")
    var files: [String]

    @Option(name: .customLong("from"), help: "Read the files as this format instead of guessing from their extensions.")
    var inputFormat: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one graph file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                try guarded {
                    let graph = try loadGraph(file, format: inputFormat)
                    print("\(file): valid — \(graph.entities.count) entities, \(graph.relations.count) relations, "
                        + "\(Set(graph.entities.map(\.kind)).count) entity kinds, \(Set(graph.relations.map(\.kind)).count) relation kinds")
                }
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode(Status.invalidInput) }
    }
}
