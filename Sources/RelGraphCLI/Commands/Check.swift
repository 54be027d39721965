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
                    if case .file(let f) = try RelGraphCLI.inputFormat(file, inputFormat), f == .yaml || f == .json {
                        try Self.checkIDs(graph, file: file)
                    }
                    print("\(file): valid — \(graph.entities.count) entities, \(graph.relations.count) relations, "
                        + "\(Set(graph.entities.map(\.kind)).count) entity kinds, \(Set(graph.relations.map(\.kind)).count) relation kinds")
                }
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode(Status.invalidInput) }
    }

    /// A relgraph file's ids are snake_case, as its format says (Graphs/README.md):
    /// lower-case letters and digits in words joined by single underscores.
    /// Foreign formats keep their own ids (`n0`, `Leon Trotsky`) and are not held to it.
    /// - Complexity: O(V) for V entities.
    static func checkIDs(_ graph: Graph, file: String) throws {
        let bad = graph.entities.filter { !isSnakeCase($0.id) }
        guard !bad.isEmpty else { return }
        let lines = bad.map { e in
            let place = e.location.map { "\($0)" } ?? file
            return "\(place): error: id '\(e.id)' is not snake_case (lower-case letters and digits joined by single underscores, e.g. leon_sedov)"
        }
        throw fail(lines.joined(separator: "\n"))
    }

    static func isSnakeCase(_ id: String) -> Bool {
        id.range(of: #"^[a-z0-9]+(_[a-z0-9]+)*$"#, options: .regularExpression) != nil
    }
}
