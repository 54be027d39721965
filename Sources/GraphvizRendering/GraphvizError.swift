import Foundation

/// Everything that can go wrong when Graphviz reads, lays out or renders a graph.
///
/// Messages are Graphviz's own text, captured in memory during each job
/// (nothing is printed to standard error; see `MessageSink`).
public enum GraphvizError: Error, LocalizedError, Sendable, Equatable {
    /// cgraph could not read the DOT text. `line` is 1-based; `column` (1-based,
    /// in characters) is where cgraph stopped on that line, when it can be told.
    case syntax(fileName: String, line: Int?, column: Int?, message: String)
    /// The text holds no graph (empty, or only comments).
    case noGraph(fileName: String)
    /// The engine name is not one of ``LayoutEngine``.
    case unknownEngine(String)
    /// The format name is not one of ``OutputFormat``.
    case unknownFormat(String)
    /// `gvLayout` failed or reported an error.
    case layoutFailed(engine: String, message: String)
    /// The render call failed or reported an error.
    case renderFailed(format: String, message: String)
    /// `gvContext()` could not be created.
    case unavailable(String)
    /// The layout ran in a child process for longer than the time limit and was stopped.
    case timedOut(engine: String, seconds: Double)
    /// The child process that ran the layout failed (it crashed, or could not start).
    case childFailed(String)

    public var errorDescription: String? {
        switch self {
        case let .syntax(fileName, line, column, message):
            var location = fileName
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            // `file:line:col: error: …`, as every other reader's errors.
            return "\(location): error: \(message)"
        case let .noGraph(fileName):
            return "\(fileName): error: no graph found in the DOT text"
        case let .unknownEngine(name):
            let known = LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown layout engine '\(name)' (use one of: \(known))"
        case let .unknownFormat(name):
            let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown output format '\(name)' (use one of: \(known))"
        case let .layoutFailed(engine, message):
            return "Graphviz layout with \(engine) failed: \(message)"
        case let .renderFailed(format, message):
            return "Graphviz rendering to \(format) failed: \(message)"
        case let .unavailable(message):
            return "Graphviz is unavailable: \(message)"
        case let .timedOut(engine, seconds):
            return "the \(engine) layout did not finish within \(String(format: "%g", seconds)) s and was stopped"
        case let .childFailed(message):
            return "the layout process failed: \(message)"
        }
    }
}
