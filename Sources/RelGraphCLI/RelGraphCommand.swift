import ArgumentParser
import Foundation

/// `relgraph`: the root command only configures; the work is in the subcommands.
public struct RelGraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "relgraph",
        abstract: "Typed relationship graphs: who is tied to whom, through what, on what evidence.",
        discussion: """
            FILE is a relgraph YAML or JSON graph, or any format `relgraph import` reads \
            (DOT, GraphML, GEXF, node-link JSON, a CSV pair, a fixture edges.csv).
            Names match ids, names and aliases, ignoring case and accents.

            Exit status: 0 success; 1 invalid input (file, name, option value); \
            2 no path between the entities asked about; 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, Info.self, PathCommand.self, Rank.self, Groups.self, Ego.self,
            Export.self, Render.self, Import.self,
        ]
    )

    public init() {}
}

/// Exit codes relgraph documents in `relgraph --help`.
enum Status {
    static let invalidInput: Int32 = 1
    static let noPath: Int32 = 2
}

/// Prints `relgraph: error: …` to standard error and exits with `code`.
/// Every command funnels its failures through here: no stack trace, no raw Swift error dump.
func fail(_ message: String, code: Int32 = Status.invalidInput) -> ExitCode {
    let text = message.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated().map { $0.offset == 0 ? "relgraph: error: \($0.element)" : String($0.element) }
        .joined(separator: "\n")
    FileHandle.standardError.write(Data((text + "\n").utf8))
    return ExitCode(code)
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("relgraph: warning: \(message)\n".utf8))
}

/// Runs a command body, turning every thrown error into a clear message and exit code.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as LocalizedError {
        throw fail(error.errorDescription ?? "\(error)")
    } catch {
        throw fail("\(error)")
    }
}
