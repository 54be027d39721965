import ArgumentParser
import Foundation
import GraphModel

/// `relgraph`: the root command only configures; the work is in the subcommands.
public struct RelGraphCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "relgraph",
        abstract: "Typed relationship graphs: who is tied to whom, through what, on what evidence.",
        discussion: """
            FILE is a relgraph YAML or JSON graph, or any format `relgraph import` reads \
            (DOT, GraphML, GEXF, node-link JSON, a CSV pair, a fixture edges.csv).
            Names match ids, names and aliases, ignoring case and accents.

            Exit status: 0 success; 1 invalid input (a file that cannot be read or breaks \
            its schema, an unknown or ambiguous name, a kind the graph does not have); \
            2 no path between the entities asked about; 3 a drawing refused as too large \
            (render); 64 usage error (an unknown option, or an option value of the wrong form); \
            124 a layout stopped by --timeout (render).
            """,
        version: "0.1.0",
        subcommands: [
            Check.self, Info.self, PathCommand.self, Rank.self, Groups.self, Ego.self,
            Export.self, Render.self, Import.self, Cite.self, Coverage.self, Explore.self, ReportCommand.self,
            Extract.self, Merge.self, RenderChild.self,
        ]
    )

    public init() {}
}

/// Exit codes relgraph documents in `relgraph --help`.
enum Status {
    static let invalidInput: Int32 = 1
    static let noPath: Int32 = 2
    /// `render`: the drawing would be absurdly large or show nothing; refused with the reason.
    static let refused: Int32 = 3
    /// `render`: the layout ran over `--timeout` and was stopped (as GNU `timeout`).
    static let timedOut: Int32 = 124
}

/// Prints `relgraph: error: …` to standard error and exits with `code`.
/// Every command funnels its failures through here: no stack trace, no raw Swift error dump.
/// Lines that already name their place (`file:line:col: error: …`) are printed
/// as they are, like a compiler's; anything else gets the `relgraph: error:` prefix.
func fail(_ message: String, code: Int32 = Status.invalidInput) -> ExitCode {
    // Names and values quoted in a message can hold terminal escapes (ESC ]0;… BEL):
    // shown, never obeyed.
    var lines = TextPolicy.terminalSafe(message).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.first.map(isLocated) == false {
        // A heading such as "the graph is invalid (3 errors):" keeps the prefix;
        // located lines under it lose their indentation.
        lines[0] = "relgraph: error: " + lines[0]
    }
    let text = lines.map { line in
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return isLocated(trimmed) ? trimmed : line
    }.joined(separator: "\n")
    FileHandle.standardError.write(Data((text + "\n").utf8))
    return ExitCode(code)
}

/// Whether a line starts `file:line:col: error:`, `file: error:` (or `warning:`).
private func isLocated(_ line: String) -> Bool {
    line.range(of: #"^\S[^:]*(:\d+:\d+)?: (error|warning): "#, options: .regularExpression) != nil
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("relgraph: warning: \(TextPolicy.terminalSafe(message))\n".utf8))
}

/// A diagnostic from a reader: as it is when it names its place, else as a warning.
func report(_ d: Diagnostic) {
    if d.location != nil {
        FileHandle.standardError.write(Data("\(TextPolicy.terminalSafe(d.description))\n".utf8))
    } else {
        warn(d.message)
    }
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
