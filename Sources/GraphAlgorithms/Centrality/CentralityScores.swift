import GraphModel

/// Centralities: degree, betweenness, closeness, eigenvector and PageRank, with
/// NetworkX's conventions. The index-level functions take a ``CSRGraph`` and
/// return one value per node; the ``GraphModel/Graph`` ones return
/// ``CentralityScores`` keyed by entity id.
public enum Centrality {}

/// One centrality value per entity.
public struct CentralityScores: Hashable, Sendable {
    /// One entity's score.
    public struct Score: Hashable, Sendable {
        public var id: String
        public var value: Double
    }

    /// Entity ids, in graph order.
    public let ids: [String]
    /// The score of `ids[i]` is `values[i]`.
    public let values: [Double]

    public init(ids: [String], values: [Double]) {
        self.ids = ids
        self.values = values
    }

    /// The score of the entity with this id.
    /// - Complexity: O(V).
    public subscript(id: String) -> Double? {
        ids.firstIndex(of: id).map { values[$0] }
    }

    /// Every score, highest first; ties by id.
    /// - Complexity: O(V log V).
    public func ranked() -> [Score] {
        ids.indices.map { Score(id: ids[$0], value: values[$0]) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.id < $1.id }
    }

    /// The scores as a dictionary.
    public var byID: [String: Double] {
        Dictionary(zip(ids, values), uniquingKeysWith: { a, _ in a })
    }
}

extension Centrality {
    /// The simple graph (one edge per joined pair) that centralities of a
    /// ``GraphModel/Graph`` run on: relations crossed as `directed` says
    /// (symmetric kinds both ways), parallel relations merged.
    static func simpleCSR(_ graph: Graph, directed: Bool, merge: CSRGraph.WeightMerge) -> CSRGraph {
        AdjacencySnapshot.of(graph).simpleCSR(directed ? .forward : .undirected, merging: merge)
    }
}
