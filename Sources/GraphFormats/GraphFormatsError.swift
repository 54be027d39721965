import Foundation
import GraphModel

/// Everything the file formats refuse: malformed text, a graph that breaks its
/// schema, a file that cannot be read or written, an unknown format, or input
/// that is refused on purpose.
///
/// Its description prints one `file:line:col: error: message` line per problem
/// (the location is left out where none is known), the form compilers and
/// editors understand.
public enum GraphFormatsError: Error, LocalizedError, Equatable, Sendable {
    /// The text is not well-formed (YAML, JSON, CSV, XML, DOT…) at this place.
    case syntax(SourceLocation, String)
    /// The text parsed, but the graph is wrong: every problem, in file order
    /// (warnings may be mixed in; at least one is an error).
    case invalidGraph([Diagnostic])
    /// A file could not be read or written: the path and why.
    case io(path: String, String)
    /// The format (or file extension) is not one relgraph reads or writes.
    case unsupportedFormat(String)
    /// The input is refused on purpose (too large, unsafe, not representable).
    case refused(String)

    /// Wraps a model error: ``GraphModelError/invalid(_:)`` becomes
    /// ``invalidGraph(_:)``, anything else ``refused(_:)``.
    public init(_ error: GraphModelError) {
        switch error {
        case .invalid(let problems): self = .invalidGraph(problems)
        default: self = .refused(error.errorDescription ?? "\(error)")
        }
    }

    /// Every problem as a diagnostic (one for the single-problem cases).
    public var diagnostics: [Diagnostic] {
        switch self {
        case .syntax(let location, let message): return [Diagnostic(message, at: location, code: .syntax)]
        case .invalidGraph(let problems): return problems
        case .io(let path, let message):
            return [Diagnostic(message, at: SourceLocation(file: path, line: 1, column: 1), code: .io, key: path)]
        case .unsupportedFormat(let what): return [Diagnostic("unsupported format: \(what)", at: nil, code: .unsupportedFormat)]
        case .refused(let why): return [Diagnostic(why, at: nil, code: .refused)]
        }
    }

    public var errorDescription: String? {
        switch self {
        case .io(let path, let message): return "\(path): error: \(message)"
        default: return diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
