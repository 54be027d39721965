import GraphModel

/// Neighbourhoods: an entity's ego network.
public enum Neighborhood {
    /// The entities within `radius` hops of `center` (the centre included) and the
    /// relations among them, as a graph (built with ``GraphModel/Graph/filtered(entities:relations:)``,
    /// so order and schema are kept).
    ///
    /// `constraints` shape the walk as in a path search (`directed`, `kinds`,
    /// `excludedKinds`, `at`, `throughKinds`, `avoid`: an entity that may not be
    /// crossed is still included when reached, but not walked through); the
    /// relations kept are those among the entities found that pass the kind and
    /// date filters. `maxHops`, `weighted` and `timeRespecting` are ignored: the
    /// radius is the hop limit.
    ///
    /// - Throws: ``GraphAlgorithmsError/unknownEntity(_:)``,
    ///   ``GraphAlgorithmsError/invalidArgument(_:)`` for a negative radius, or an
    ///   unknown kind as in ``ShortestPaths/shortestPath(in:from:to:constraints:)``.
    /// - Complexity: O(V + E).
    ///
    /// ```swift
    /// // a - b - c - d
    /// try Neighborhood.ego(in: g, center: "b", radius: 1).entities.map(\.id) // ["a", "b", "c"]
    /// ```
    public static func ego(
        in graph: Graph, center: String, radius: Int, constraints: PathConstraints = PathConstraints()
    ) throws(GraphAlgorithmsError) -> Graph {
        guard radius >= 0 else { throw .invalidArgument("radius must be ≥ 0, not \(radius)") }
        var c = constraints
        c.maxHops = radius
        c.weighted = false
        c.timeRespecting = false
        let reached = try ShortestPaths.distances(in: graph, from: center, constraints: c)
        let kindOK: (String) -> Bool = { k in (c.kinds?.contains(k) ?? true) && !c.excludedKinds.contains(k) }
        return graph.filtered(
            entities: { reached[$0.id] != nil },
            relations: { r in
                kindOK(r.kind) && (c.at.map { r.holds(during: $0, keepUndated: c.keepUndated) } ?? true)
            })
    }
}

/// Time slices: the graph as it stood at a date or over a period.
public enum TimeSlice {
    /// The graph with only the relations that held at some time within `period`
    /// (relations with a point date: that date falls in the period; with a span:
    /// the spans overlap). Undated relations are kept unless `keepUndated` is
    /// false. Every entity is kept (pass `dropIsolated` to drop those left with no relation).
    ///
    /// - Complexity: O(V + E).
    ///
    /// ```swift
    /// // "a -ally_of-> b" from 1920 to 1927; "a -rival_of-> b" from 1927
    /// TimeSlice.during(DateSpan(PartialDate("1925")!), of: g).relations.map(\.kind) // ["ally_of"]
    /// ```
    public static func during(_ period: DateSpan, of graph: Graph, keepUndated: Bool = true, dropIsolated: Bool = false) -> Graph {
        let sliced = graph.filtered(relations: { $0.holds(during: period, keepUndated: keepUndated) })
        guard dropIsolated else { return sliced }
        var touched = Set<String>()
        for r in sliced.relations { touched.insert(r.from); touched.insert(r.to) }
        return sliced.filtered(entities: { touched.contains($0.id) })
    }

    /// The graph at one date (a year, a month or a day: its whole span). See ``during(_:of:keepUndated:dropIsolated:)``.
    /// - Complexity: O(V + E).
    public static func at(_ date: PartialDate, of graph: Graph, keepUndated: Bool = true, dropIsolated: Bool = false) -> Graph {
        during(DateSpan(date), of: graph, keepUndated: keepUndated, dropIsolated: dropIsolated)
    }

    /// The graph between two dates, both included. See ``during(_:of:keepUndated:dropIsolated:)``.
    /// - Throws: ``GraphAlgorithmsError/invalidArgument(_:)`` when `end` is before `start`.
    /// - Complexity: O(V + E).
    public static func between(
        _ start: PartialDate, and end: PartialDate, of graph: Graph, keepUndated: Bool = true, dropIsolated: Bool = false
    ) throws(GraphAlgorithmsError) -> Graph {
        guard end.latestDay >= start.earliestDay else {
            throw .invalidArgument("the period ends (\(end)) before it starts (\(start))")
        }
        return during(DateSpan(from: start, to: end), of: graph, keepUndated: keepUndated, dropIsolated: dropIsolated)
    }
}
