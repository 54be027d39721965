import GraphModel

/// A group number for every node of a ``CSRGraph``: what components and
/// community detection return at the index level.
public struct NodeLabeling: Hashable, Sendable {
    /// `labels[v]` is node v's group, in `0..<count`. Groups are numbered in the
    /// order of their lowest node, so the numbering is deterministic.
    public let labels: [Int32]
    /// Number of groups.
    public let count: Int
    /// Modularity of the grouping, when it is a community partition.
    public let modularity: Double?

    public init(labels: [Int32], count: Int, modularity: Double? = nil) {
        self.labels = labels
        self.count = count
        self.modularity = modularity
    }

    /// Size of every group.
    /// - Complexity: O(V).
    public var sizes: [Int] {
        var s = [Int](repeating: 0, count: count)
        for l in labels { s[Int(l)] += 1 }
        return s
    }

    /// `labels` renumbered by first appearance (node 0's group becomes 0, ...).
    /// Labels must be in `0..<raw.count`.
    static func canonical(_ raw: [Int32]) -> (labels: [Int32], count: Int) {
        var map = [Int32](repeating: -1, count: raw.count)
        var out = [Int32](repeating: 0, count: raw.count)
        var next: Int32 = 0
        for (i, l) in raw.enumerated() {
            if map[Int(l)] < 0 { map[Int(l)] = next; next += 1 }
            out[i] = map[Int(l)]
        }
        return (out, Int(next))
    }
}

/// Entities split into disjoint groups (components or communities) that
/// together hold every entity once.
public struct Partition: Hashable, Sendable {
    /// The groups, largest first (ties: by first id); each sorted by id.
    public let groups: [[String]]
    /// Modularity of the partition (communities only).
    public let modularity: Double?

    public init(groups: [[String]], modularity: Double? = nil) {
        self.groups = groups
        self.modularity = modularity
    }

    /// Groups entity ids by `labels`.
    init(ids: [String], labeling: NodeLabeling) {
        var groups = [[String]](repeating: [], count: labeling.count)
        for (i, l) in labeling.labels.enumerated() { groups[Int(l)].append(ids[i]) }
        for i in groups.indices { groups[i].sort() }
        groups.sort { $0.count != $1.count ? $0.count > $1.count : ($0.first ?? "") < ($1.first ?? "") }
        self.init(groups: groups, modularity: labeling.modularity)
    }

    /// Number of groups.
    public var count: Int { groups.count }
    /// Size of every group, largest first.
    public var sizes: [Int] { groups.map(\.count) }

    /// The number of the group holding `id`, or `nil`.
    /// - Complexity: O(V).
    public func group(of id: String) -> Int? {
        groups.firstIndex { $0.contains(id) }
    }
}
