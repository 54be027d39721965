import GraphModel

/// A chain of relations between two entities, hop by hop.
///
/// Every hop names the relation it crossed (its identity, ``RelationID``, which
/// names the same relation on every graph derived from the one searched) and
/// whether it was crossed the way the relation reads (`forward`: from its `from`
/// to its `to`) or against it, so that a printer can say "Mercader killed
/// Trotsky" or "Trotsky was killed by Mercader".
public struct Path: Hashable, Sendable {
    /// One step of a path.
    public struct Hop: Hashable, Sendable {
        /// The entity the hop leaves.
        public var from: String
        /// The entity the hop reaches.
        public var to: String
        /// The relation crossed; `graph.relation(hop.relation)` is it, on the
        /// graph searched and on any graph derived from it that kept it.
        public var relation: RelationID
        /// `true` when crossed from the relation's `from` to its `to`; `false`
        /// when crossed backwards (an undirected search, or a symmetric kind).
        public var forward: Bool

        public init(from: String, to: String, relation: RelationID, forward: Bool) {
            self.from = from
            self.to = to
            self.relation = relation
            self.forward = forward
        }
    }

    /// The entities visited, source first.
    public var entities: [String]
    /// The hops, `entities.count - 1` of them.
    public var hops: [Hop]
    /// Number of hops, or the summed weights (lengths) for a weighted search.
    public var length: Double

    public init(entities: [String], hops: [Hop], length: Double) {
        self.entities = entities
        self.hops = hops
        self.length = length
    }

    /// Number of hops.
    public var hopCount: Int { hops.count }
    /// The first entity.
    public var source: String { entities.first ?? "" }
    /// The last entity.
    public var target: String { entities.last ?? "" }
}

/// Constraints a path search applies while it searches (never by filtering
/// results afterwards). The default is an undirected, unweighted search over
/// every relation.
public struct PathConstraints: Hashable, Sendable {
    /// Only relations of these kinds (`nil`: every kind).
    public var kinds: Set<String>?
    /// Never relations of these kinds.
    public var excludedKinds: Set<String>
    /// Intermediate entities only of these kinds (`nil`: any); the two ends may be of any kind.
    public var throughKinds: Set<String>?
    /// Entity ids never used as intermediates.
    public var avoid: Set<String>
    /// At most this many hops.
    public var maxHops: Int?
    /// Only relations that held at some time in this span (see ``keepUndated``).
    public var at: DateSpan?
    /// With ``at``: whether undated relations count as holding (default `true`).
    public var keepUndated: Bool
    /// Each hop no earlier than the one before: hop `i` happens at a day
    /// `t_i` within its relation's span with `t_1 ≤ t_2 ≤ …` (undated relations fit anywhere).
    public var timeRespecting: Bool
    /// Follow relations only the way they read (symmetric kinds both ways).
    public var directed: Bool
    /// Shortest by summed `weight` (read as a length; missing weights are 1) instead of by hops.
    public var weighted: Bool

    public init(
        kinds: Set<String>? = nil, excludedKinds: Set<String> = [], throughKinds: Set<String>? = nil,
        avoid: Set<String> = [], maxHops: Int? = nil, at: DateSpan? = nil, keepUndated: Bool = true,
        timeRespecting: Bool = false, directed: Bool = false, weighted: Bool = false
    ) {
        self.kinds = kinds
        self.excludedKinds = excludedKinds
        self.throughKinds = throughKinds
        self.avoid = avoid
        self.maxHops = maxHops
        self.at = at
        self.keepUndated = keepUndated
        self.timeRespecting = timeRespecting
        self.directed = directed
        self.weighted = weighted
    }

    /// One constraint, named so that ``ShortestPaths/explainNoPath(in:from:to:constraints:)``
    /// can say which one cut every path.
    public enum Kind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case kinds, excludedKinds, throughKinds, avoid, maxHops, at, timeRespecting, directed
        /// The command-line spelling: `--kinds`, `--exclude-kinds`, `--through`, ...
        public var description: String {
            switch self {
            case .kinds: return "--kinds"
            case .excludedKinds: return "--exclude-kinds"
            case .throughKinds: return "--through"
            case .avoid: return "--avoid"
            case .maxHops: return "--max-hops"
            case .at: return "--at"
            case .timeRespecting: return "--time-respecting"
            case .directed: return "--directed"
            }
        }
    }

    /// The constraints actually set.
    public var active: [Kind] {
        var out: [Kind] = []
        if kinds != nil { out.append(.kinds) }
        if !excludedKinds.isEmpty { out.append(.excludedKinds) }
        if throughKinds != nil { out.append(.throughKinds) }
        if !avoid.isEmpty { out.append(.avoid) }
        if maxHops != nil { out.append(.maxHops) }
        if at != nil { out.append(.at) }
        if timeRespecting { out.append(.timeRespecting) }
        if directed { out.append(.directed) }
        return out
    }

    /// These constraints with one of them lifted.
    public func relaxing(_ kind: Kind) -> PathConstraints {
        var c = self
        switch kind {
        case .kinds: c.kinds = nil
        case .excludedKinds: c.excludedKinds = []
        case .throughKinds: c.throughKinds = nil
        case .avoid: c.avoid = []
        case .maxHops: c.maxHops = nil
        case .at: c.at = nil
        case .timeRespecting: c.timeRespecting = false
        case .directed: c.directed = false
        }
        return c
    }
}

/// Why no path satisfies a search's constraints: which constraints, lifted one
/// at a time, let a path through, with that path.
public struct NoPathExplanation: Hashable, Sendable {
    /// A constraint that, lifted alone, gives a path.
    public struct Relaxation: Hashable, Sendable {
        public var constraint: PathConstraints.Kind
        /// The shortest path once it is lifted.
        public var path: Path
    }

    /// Every constraint that alone cuts all paths, in ``PathConstraints/Kind`` order.
    public var relaxations: [Relaxation]
    /// A path with every constraint lifted (weighting kept), or `nil` when the
    /// two entities are not connected at all.
    public var unconstrainedPath: Path?

    /// Whether the entities are connected once every constraint is lifted.
    public var connectedWithoutConstraints: Bool { unconstrainedPath != nil }
}

/// Paths listed up to a limit, saying whether the list was cut.
public struct PathListing: Hashable, Sendable {
    /// The paths listed, shortest first.
    public var paths: [Path]
    /// True when more paths exist than are listed (the limit on paths or on work was reached).
    public var truncated: Bool
    /// How many paths exist in all, when known (nil when the search stopped before it could tell).
    public var total: Int?
    /// True when the search stopped because its work limit was spent.
    public var stoppedByWorkLimit: Bool

    public init(paths: [Path], truncated: Bool, total: Int?, stoppedByWorkLimit: Bool) {
        self.paths = paths
        self.truncated = truncated
        self.total = total
        self.stoppedByWorkLimit = stoppedByWorkLimit
    }
}
