import Foundation
import GraphModel

/// What the algorithms refuse: a name that is not in the graph, a kind the
/// schema does not know, or arguments that make no sense.
///
/// Algorithms work on a validated ``GraphModel/Graph`` (or a ``CSRGraph`` built
/// from integer arrays), so the only wrong inputs are the arguments a caller
/// passes; each case names the offending value.
public enum GraphAlgorithmsError: Error, LocalizedError, Equatable, Sendable {
    /// No entity has this id.
    case unknownEntity(String)
    /// A relation kind named in a constraint is not in the graph's schema.
    case unknownRelationKind(String)
    /// An entity kind named in a constraint is not in the graph's schema.
    case unknownEntityKind(String)
    /// A node index outside `0..<nodeCount` of a ``CSRGraph``.
    case nodeOutOfRange(Int, nodeCount: Int)
    /// Integer edge arrays that do not describe a graph (lengths differ, an
    /// endpoint outside `0..<nodeCount`, a negative or non-finite weight).
    case invalidEdges(String)
    /// An argument outside its allowed range (`k < 1`, negative radius, ...).
    case invalidArgument(String)

    public var errorDescription: String? {
        switch self {
        case .unknownEntity(let id): return "no entity has the id '\(id)'"
        case .unknownRelationKind(let k): return "unknown relation kind '\(k)'"
        case .unknownEntityKind(let k): return "unknown entity kind '\(k)'"
        case .nodeOutOfRange(let i, let n): return "node index \(i) is outside 0..<\(n)"
        case .invalidEdges(let why): return "invalid edge arrays: \(why)"
        case .invalidArgument(let why): return "invalid argument: \(why)"
        }
    }
}
