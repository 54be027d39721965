import Foundation

/// What the model refuses: an invalid graph (every problem listed, each with its
/// place) or a name that finds no entity, or more than one.
public enum GraphModelError: Error, LocalizedError, Equatable, Sendable {
    /// The graph breaks its schema; every problem is listed in file order.
    case invalid([Diagnostic])
    /// No entity has this id, name or alias. `suggestions` are the closest names.
    case unknownEntity(String, suggestions: [String])
    /// Several entities answer to this name; `candidates` names them as `id (Name)`.
    case ambiguousEntity(String, candidates: [String])

    public var errorDescription: String? {
        switch self {
        case .invalid(let problems):
            let errors = problems.filter { $0.severity == .error }.count
            let head = "the graph is invalid (\(errors) error\(errors == 1 ? "" : "s")):"
            return ([head] + problems.map { "  " + $0.description }).joined(separator: "\n")
        case .unknownEntity(let q, let suggestions):
            let tail = suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")
            return "no entity is called '\(q)'\(tail)"
        case .ambiguousEntity(let q, let candidates):
            return "'\(q)' is ambiguous; it could be: " + candidates.joined(separator: ", ")
        }
    }

    /// The diagnostics, when this is an invalid-graph error.
    public var diagnostics: [Diagnostic] {
        if case .invalid(let d) = self { return d }
        return []
    }
}
