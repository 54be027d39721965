/// A path through a ``CSRGraph`` by node index: `nodes[i] -> nodes[i+1]` crosses
/// edge `edges[i]`.
public struct CSRPath: Hashable, Sendable {
    /// The nodes visited, source first.
    public var nodes: [Int32]
    /// The edge crossed at every hop (`nodes.count - 1` of them).
    public var edges: [Int32]
    /// Hop count, or the sum of edge weights for a weighted search.
    public var length: Double

    public init(nodes: [Int32], edges: [Int32], length: Double) {
        self.nodes = nodes
        self.edges = edges
        self.length = length
    }

    /// Number of hops.
    public var hopCount: Int { edges.count }
}

/// Single-source shortest paths: the distance to every node and the arc that
/// reached it, from which any path is read back in O(path length).
public struct ShortestPathTree: Sendable {
    /// The node the search started from.
    public let source: Int
    /// Distance to every node (hops or summed weights); `.infinity` when unreachable.
    public let distances: [Double]
    /// The node before each node on its shortest path; -1 for the source and unreachable nodes.
    public let predecessors: [Int32]
    /// The edge crossed to reach each node; -1 for the source and unreachable nodes.
    public let predecessorEdges: [Int32]

    /// The path from ``source`` to `target`, or `nil` when it is unreachable.
    /// - Complexity: O(path length).
    public func path(to target: Int) -> CSRPath? {
        guard target >= 0, target < distances.count, distances[target].isFinite else { return nil }
        var nodes: [Int32] = [Int32(target)], edges: [Int32] = []
        var v = target
        while v != source {
            edges.append(predecessorEdges[v])
            v = Int(predecessors[v])
            nodes.append(Int32(v))
        }
        return CSRPath(nodes: nodes.reversed(), edges: edges.reversed(), length: distances[target])
    }
}
