import GraphModel

extension ShortestPaths {
    /// The shortest chain of relations from `source` to `target` under `constraints`,
    /// or `nil` when none exists.
    ///
    /// Unweighted searches without time use bidirectional breadth-first search;
    /// weighted ones Dijkstra (weight read as a length, missing weights 1); hop
    /// limits and time-respecting searches a label-setting search that keeps, per
    /// entity, every label not beaten in distance, hops and day. Every constraint
    /// is applied while searching. Among equally short paths the one found first
    /// wins: neighbours are scanned by id, and between two relations joining the
    /// same pair the lowest relation index (the lightest when weighted).
    ///
    /// - Throws: ``GraphAlgorithmsError/unknownEntity(_:)`` for an unknown end or
    ///   avoided id; ``GraphAlgorithmsError/unknownRelationKind(_:)`` /
    ///   ``GraphAlgorithmsError/unknownEntityKind(_:)`` for a kind the schema lacks.
    /// - Complexity: O(V + E) to build the integer view, then O(V + E) for BFS or
    ///   O((V + E) log V) for Dijkstra; with a hop limit H or time, O(L log L) for
    ///   the L labels kept (L ≤ V·H with a limit).
    ///
    /// ```swift
    /// // a -member_of-> org <-member_of- b
    /// let p = try ShortestPaths.shortestPath(in: graph, from: "a", to: "b")!
    /// p.entities                  // ["a", "org", "b"]
    /// p.hops.map(\.forward)       // [true, false]: b's relation is crossed backwards
    /// ```
    public static func shortestPath(
        in graph: Graph, from source: String, to target: String, constraints: PathConstraints = PathConstraints()
    ) throws(GraphAlgorithmsError) -> Path? {
        let q = try PathQuery(graph, AdjacencySnapshot.of(graph), from: source, to: target, constraints)
        return q.shortest().map(q.path)
    }

    /// Every shortest path from `source` to `target` (at most `limit`), as distinct
    /// entity sequences: two relations joining the same pair give one path (the
    /// lightest relation, then the lowest index, is named), as NetworkX's
    /// `all_shortest_paths` counts them on a simple graph.
    ///
    /// - Throws: as ``shortestPath(in:from:to:constraints:)``, and
    ///   ``GraphAlgorithmsError/invalidArgument(_:)`` when `limit < 1`.
    /// - Complexity: O((V + E) log V + P·L) for P paths of L hops; time-respecting
    ///   or hop-limited weighted searches enumerate with Yen's algorithm instead.
    ///
    /// ```swift
    /// // square a-b-c-d-a with diagonal a-c
    /// try ShortestPaths.allShortestPaths(in: g, from: "b", to: "d").map(\.entities)
    /// // [["b", "a", "d"], ["b", "c", "d"]]
    /// ```
    public static func allShortestPaths(
        in graph: Graph, from source: String, to target: String, constraints: PathConstraints = PathConstraints(),
        limit: Int = 1000
    ) throws(GraphAlgorithmsError) -> [Path] {
        guard limit >= 1 else { throw .invalidArgument("limit must be ≥ 1, not \(limit)") }
        let q = try PathQuery(graph, AdjacencySnapshot.of(graph), from: source, to: target, constraints)
        if constraints.timeRespecting || (constraints.weighted && constraints.maxHops != nil) {
            let found = q.kShortest(k: limit, stopAfterLength: true)
            return found.map(q.path)
        }
        let dag = q.shortestPathDAG()
        return dag.paths(to: q.target, source: q.source, limit: limit).map(q.path)
    }

    /// The work ``listShortestPaths(in:from:to:constraints:limit:workLimit:)`` and
    /// ``listKShortestPaths(in:from:to:k:constraints:workLimit:)`` spend at most by
    /// default: 10 million units (an entity or arc a search may visit), a few
    /// seconds in a release build.
    public static let defaultWorkLimit = 10_000_000

    /// ``allShortestPaths(in:from:to:constraints:limit:)`` with its work bounded and
    /// its cuts said: ``PathListing/truncated`` when more shortest paths exist than
    /// are listed, and ``PathListing/total`` how many there are (counted along the
    /// shortest-path DAG without listing them; unknown for time-respecting and
    /// hop-limited weighted searches cut short).
    ///
    /// - Throws: as ``allShortestPaths(in:from:to:constraints:limit:)``.
    /// - Complexity: O((V + E) log V + P·L) for P ≤ `limit` paths of L hops; at most
    ///   about `workLimit` steps for the searches that enumerate with Yen's algorithm.
    public static func listShortestPaths(
        in graph: Graph, from source: String, to target: String, constraints: PathConstraints = PathConstraints(),
        limit: Int = 1000, workLimit: Int = defaultWorkLimit
    ) throws(GraphAlgorithmsError) -> PathListing {
        guard limit >= 1 else { throw .invalidArgument("limit must be ≥ 1, not \(limit)") }
        let q = try PathQuery(graph, AdjacencySnapshot(graph), from: source, to: target, constraints)
        if constraints.timeRespecting || (constraints.weighted && constraints.maxHops != nil) {
            let (found, exhausted) = q.kShortest(k: limit &+ 1, stopAfterLength: true, workLimit: workLimit)
            let cut = found.count > limit
            let paths = found.prefix(limit).map(q.path)
            return PathListing(
                paths: paths, truncated: cut || exhausted, total: cut || exhausted ? nil : paths.count,
                stoppedByWorkLimit: exhausted)
        }
        let dag = q.shortestPathDAG()
        let total = dag.count(to: q.target, source: q.source)
        let paths = dag.paths(to: q.target, source: q.source, limit: limit).map(q.path)
        return PathListing(paths: paths, truncated: total > paths.count, total: total, stoppedByWorkLimit: false)
    }

    /// ``kShortestPaths(in:from:to:k:constraints:)`` with its work bounded: when about
    /// `workLimit` steps are spent before `k` paths are found, the paths found so far
    /// are returned with ``PathListing/truncated`` set.
    ///
    /// - Throws: as ``kShortestPaths(in:from:to:k:constraints:)``.
    /// - Complexity: O(min(k·V·S, workLimit)) for S the cost of one constrained search.
    public static func listKShortestPaths(
        in graph: Graph, from source: String, to target: String, k: Int,
        constraints: PathConstraints = PathConstraints(), workLimit: Int = defaultWorkLimit
    ) throws(GraphAlgorithmsError) -> PathListing {
        guard k >= 1 else { throw .invalidArgument("k must be ≥ 1, not \(k)") }
        let q = try PathQuery(graph, AdjacencySnapshot(graph), from: source, to: target, constraints)
        let (found, exhausted) = q.kShortest(k: k, stopAfterLength: false, workLimit: workLimit)
        return PathListing(
            paths: found.map(q.path), truncated: exhausted, total: exhausted ? nil : found.count, stoppedByWorkLimit: exhausted)
    }

    /// Number of distinct shortest paths (entity sequences) from `source` to
    /// `target`; 0 when unreachable, 1 from an entity to itself. Matches
    /// `len(list(nx.all_shortest_paths(G, s, t)))` on the simple graph.
    /// Saturates at `Int.max`.
    ///
    /// - Throws: as ``shortestPath(in:from:to:constraints:)``.
    /// - Complexity: O((V + E) log V) (path counting along the predecessor DAG,
    ///   without listing paths); time-respecting searches list them (Yen).
    ///
    /// ```swift
    /// // square a-b-c-d-a with diagonal a-c
    /// try ShortestPaths.countShortestPaths(in: g, from: "b", to: "d") // 2
    /// ```
    public static func countShortestPaths(
        in graph: Graph, from source: String, to target: String, constraints: PathConstraints = PathConstraints()
    ) throws(GraphAlgorithmsError) -> Int {
        let q = try PathQuery(graph, AdjacencySnapshot.of(graph), from: source, to: target, constraints)
        if constraints.timeRespecting || (constraints.weighted && constraints.maxHops != nil) {
            return q.kShortest(k: Int.max, stopAfterLength: true).count
        }
        return q.shortestPathDAG().count(to: q.target, source: q.source)
    }

    /// The `k` shortest simple paths (no entity twice), shortest first, by Yen's
    /// algorithm with every constraint applied inside each spur search. Ties in
    /// length go to fewer hops, then to the path found first.
    ///
    /// - Throws: as ``shortestPath(in:from:to:constraints:)``, and
    ///   ``GraphAlgorithmsError/invalidArgument(_:)`` when `k < 1`.
    /// - Complexity: O(k·V·S) where S is the cost of one constrained search
    ///   (O((V + E) log V) without a hop limit or time).
    ///
    /// Reference: Yen, "Finding the k shortest loopless paths in a network" (1971).
    ///
    /// ```swift
    /// // square a-b-c-d-a with diagonal a-c
    /// try ShortestPaths.kShortestPaths(in: g, from: "a", to: "c", k: 3).map(\.hopCount) // [1, 2, 2]
    /// ```
    public static func kShortestPaths(
        in graph: Graph, from source: String, to target: String, k: Int,
        constraints: PathConstraints = PathConstraints()
    ) throws(GraphAlgorithmsError) -> [Path] {
        guard k >= 1 else { throw .invalidArgument("k must be ≥ 1, not \(k)") }
        let q = try PathQuery(graph, AdjacencySnapshot.of(graph), from: source, to: target, constraints)
        return q.kShortest(k: k, stopAfterLength: false).map(q.path)
    }

    /// When `constraints` leave no path from `source` to `target`, says which
    /// constraints cut it: each active constraint is lifted alone and, if a path
    /// then exists, it is reported with that path. Returns `nil` when a path does
    /// exist under the constraints.
    ///
    /// - Throws: as ``shortestPath(in:from:to:constraints:)``.
    /// - Complexity: O(c) constrained searches for the c active constraints, plus one unconstrained.
    ///
    /// ```swift
    /// // the only tie between a and b is dated 1940
    /// let why = try ShortestPaths.explainNoPath(in: g, from: "a", to: "b",
    ///     constraints: PathConstraints(at: DateSpan(PartialDate("1937")!)))!
    /// why.relaxations.map(\.constraint) // [.at]
    /// ```
    public static func explainNoPath(
        in graph: Graph, from source: String, to target: String, constraints: PathConstraints
    ) throws(GraphAlgorithmsError) -> NoPathExplanation? {
        let snap = AdjacencySnapshot.of(graph)
        let q = try PathQuery(graph, snap, from: source, to: target, constraints)
        if q.shortest() != nil { return nil }
        var relaxations: [NoPathExplanation.Relaxation] = []
        for kind in constraints.active {
            let rq = try PathQuery(graph, snap, from: source, to: target, constraints.relaxing(kind))
            if let p = rq.shortest() {
                relaxations.append(NoPathExplanation.Relaxation(constraint: kind, path: rq.path(p)))
            }
        }
        let free = try PathQuery(graph, snap, from: source, to: target, PathConstraints(weighted: constraints.weighted))
        return NoPathExplanation(relaxations: relaxations, unconstrainedPath: free.shortest().map(free.path))
    }

    /// Distance from `source` to every entity it reaches under `constraints`
    /// (hops, or summed lengths when weighted; time-respecting searches are not
    /// supported here and throw). Entities out of reach are absent.
    /// - Throws: as ``shortestPath(in:from:to:constraints:)``;
    ///   ``GraphAlgorithmsError/invalidArgument(_:)`` for a time-respecting search.
    /// - Complexity: O((V + E) log V).
    public static func distances(
        in graph: Graph, from source: String, constraints: PathConstraints = PathConstraints()
    ) throws(GraphAlgorithmsError) -> [String: Double] {
        if constraints.timeRespecting { throw .invalidArgument("time-respecting distances are not supported") }
        let q = try PathQuery(graph, AdjacencySnapshot.of(graph), from: source, to: source, constraints)
        // Target = source would stop expansion at the source; search towards no target instead.
        let dag = q.shortestPathDAG(stopAtTarget: false)
        var out: [String: Double] = [:]
        for (i, d) in dag.distances.enumerated() where d.isFinite { out[q.snap.ids[i]] = d }
        return out
    }
}

extension PathQuery {
    /// Yen's k shortest simple paths. With `stopAfterLength`, stops at the first
    /// path longer than the shortest (all shortest paths).
    func kShortest(k: Int, stopAfterLength: Bool) -> [CSRPath] {
        kShortest(k: k, stopAfterLength: stopAfterLength, workLimit: .max).paths
    }

    /// Yen's algorithm that stops once about `workLimit` units of work are spent
    /// (one unit per entity and arc a spur search may visit, per earlier path
    /// compared, per candidate scanned); `exhausted` says it stopped for that reason.
    func kShortest(k: Int, stopAfterLength: Bool, workLimit: Int) -> (paths: [CSRPath], exhausted: Bool) {
        guard let first = shortest() else { return ([], false) }
        let n = csr.nodeCount
        let searchCost = n + csr.arcCount
        var work = searchCost
        var found: [CSRPath] = [first]
        var candidates: [CSRPath] = []
        var seen: Set<[Int32]> = [first.nodes]
        while found.count < k {
            guard let prev = found.last else { break }
            for i in 0..<(prev.nodes.count - 1) {
                work = work &+ searchCost &+ found.count
                if work > workLimit { return (found, true) }
                let spur = Int(prev.nodes[i])
                let root = prev.nodes[0...i]
                var blockedArcs = Set<Int64>()
                for p in found where p.nodes.count > i + 1 && p.nodes[0...i] == root {
                    blockedArcs.insert(Int64(spur) * Int64(n) + Int64(p.nodes[i + 1]))
                }
                var blocked = [Bool](repeating: false, count: n)
                for v in root.dropLast() { blocked[Int(v)] = true }
                let rootEdges = prev.edges[0..<i]
                var rootCost = 0.0
                for e in rootEdges { rootCost += cost(Int(e)) }
                var startTime = Int.min
                if constraints.timeRespecting {
                    guard let t = time(after: rootEdges) else { continue }
                    startTime = t
                }
                let budget = constraints.maxHops.map { $0 - i }
                guard let spurPath = labelSearch(
                    from: spur, to: target, startTime: startTime, blockedNodes: blocked, blockedArcs: blockedArcs,
                    hopBudget: budget)
                else { continue }
                let total = CSRPath(
                    nodes: Array(root.dropLast()) + spurPath.nodes, edges: Array(rootEdges) + spurPath.edges,
                    length: rootCost + spurPath.length)
                if seen.insert(total.nodes).inserted { candidates.append(total) }
            }
            guard !candidates.isEmpty else { break }
            work = work &+ candidates.count
            var best = 0
            for j in 1..<candidates.count {
                let a = candidates[j], b = candidates[best]
                if a.length < b.length || (a.length == b.length && a.hopCount < b.hopCount) { best = j }
            }
            let next = candidates.remove(at: best)
            if stopAfterLength && next.length > first.length { break }
            found.append(next)
        }
        return (found, false)
    }
}
