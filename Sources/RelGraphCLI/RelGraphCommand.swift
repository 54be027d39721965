import ArgumentParser
import Foundation
import GraphFormats
import GraphModel
import GraphvizRendering

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

/// One line of an error report: either it names its place (`file:line:col: error: …`,
/// printed as it is, like a compiler's) or it does not (the first such line is
/// printed under `relgraph: error:`). Which, is said by whoever makes the line,
/// from the error's fields: no line is read to decide it.
struct ReportLine: Equatable {
    var text: String
    var located: Bool

    static func located(_ text: String) -> ReportLine { ReportLine(text: text, located: true) }
    static func plain(_ text: String) -> ReportLine { ReportLine(text: text, located: false) }

    /// A diagnostic as a line: located when it has a location.
    static func diagnostic(_ d: Diagnostic, indent: String = "") -> ReportLine {
        d.location != nil ? .located(d.description) : .plain(indent + d.description)
    }
}

/// Prints `message` (lines that do not name their place) under `relgraph: error:`
/// to standard error and exits with `code`.
func fail(_ message: String, code: Int32 = Status.invalidInput) -> ExitCode {
    fail(message.split(separator: "\n", omittingEmptySubsequences: false).map { .plain(String($0)) }, code: code)
}

/// Prints an error report to standard error and exits with `code`.
/// Every command funnels its failures through here: no stack trace, no raw Swift error dump.
/// Located lines are printed as they are, like a compiler's (a heading above
/// them keeps the `relgraph: error:` prefix, the located lines under it lose their indentation).
func fail(_ lines: [ReportLine], code: Int32 = Status.invalidInput) -> ExitCode {
    // Names and values quoted in a message can hold terminal escapes (ESC ]0;… BEL):
    // shown, never obeyed; and be any length: a long line is cut in its middle.
    let text = lines.enumerated().map { i, line in
        let safe = TextPolicy.messageSafe(line.text)
        if line.located { return safe.trimmingCharacters(in: .whitespaces) }
        return i == 0 ? "relgraph: error: " + safe : safe
    }.joined(separator: "\n")
    FileHandle.standardError.write(Data((text + "\n").utf8))
    return ExitCode(code)
}

/// The lines `error` reports, from its fields.
func reportLines(_ error: Error) -> [ReportLine] {
    switch error {
    case let e as GraphFormatsError:
        if case .io(let path, let message) = e { return [.located("\(path): error: \(message)")] }
        return e.diagnostics.map { .diagnostic($0) }
    case let e as GraphModelError:
        guard case .invalid(let problems) = e else { return [.plain(e.errorDescription ?? "\(e)")] }
        let errors = problems.filter { $0.severity == .error }.count
        return [.plain("the graph is invalid (\(errors) error\(errors == 1 ? "" : "s")):")]
            + problems.map { .diagnostic($0, indent: "  ") }
    case let e as GraphvizError:
        switch e {
        case .syntax, .noGraph: return [.located(e.errorDescription ?? "\(e)")]
        default: return [.plain(e.errorDescription ?? "\(e)")]
        }
    case let e as LocalizedError:
        return (e.errorDescription ?? "\(e)").split(separator: "\n", omittingEmptySubsequences: false).map { .plain(String($0)) }
    default:
        return "\(error)".split(separator: "\n", omittingEmptySubsequences: false).map { .plain(String($0)) }
    }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("relgraph: warning: \(TextPolicy.messageSafe(message))\n".utf8))
}

/// A diagnostic from a reader: as it is when it names its place, else as a warning.
func report(_ d: Diagnostic) {
    if d.location != nil {
        FileHandle.standardError.write(Data("\(TextPolicy.messageSafe(d.description))\n".utf8))
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
    } catch {
        throw fail(reportLines(error))
    }
}
