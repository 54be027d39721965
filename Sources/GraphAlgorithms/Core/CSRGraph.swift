import GraphModel
/// A compressed-sparse-row graph on dense `Int32` node indices: the one compact
/// core every algorithm in this module runs on.
///
/// Edges are numbered `0..<edgeCount` in the order given; `edgeSources`,
/// `edgeTargets` and `edgeWeights` describe them. Traversal reads the *arcs*:
/// the out-adjacency of node `u` is `outNeighbors[outOffsets[u]..<outOffsets[u+1]]`
/// with the edge each arc comes from in `outEdges` at the same position, and the
/// in-adjacency likewise. An undirected edge gives two arcs (one each way, so a
/// self-loop gives two arcs on its node, NetworkX's degree convention); a directed
/// edge one arc, unless it was marked as traversable both ways (a symmetric
/// relation kind such as `rival_of` in a directed snapshot).
///
/// Every adjacency list is sorted by the neighbour's rank (its index, or for a
/// snapshot of a ``GraphModel/Graph`` the position of its id in sorted order),
/// then by edge number: searches that scan neighbours in order therefore break
/// ties by id, and among parallel edges pick the lowest-numbered one.
///
/// Views (``reversed()``, ``undirected()``, ``filtered(keepEdge:keepNode:)``,
/// ``simplified(merging:)``) share the edge arrays and rebuild only the integer
/// adjacency; none copies a string.
///
/// ```swift
/// // A triangle 0-1-2 and a pendant 3 on 2, undirected.
/// let g = try CSRGraph(nodeCount: 4, sources: [0, 1, 2, 2], targets: [1, 2, 0, 3], directed: false)
/// g.outDegree(2)                      // 3 (neighbours 0, 1, 3)
/// ShortestPaths.breadthFirstDistances(g, from: 3) // [2, 2, 1, 0]
/// g.filtered(keepEdge: { $0 != 3 }).outDegree(2) // 2 (the pendant edge 2-3 hidden)
/// ```
public struct CSRGraph: Sendable {
    /// Number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Whether arcs follow edge direction (`false`: every edge is traversable both ways).
    public let isDirected: Bool
    /// Whether weights were given (otherwise every weight is 1).
    public let isWeighted: Bool
    /// Source node of every edge.
    public let edgeSources: [Int32]
    /// Target node of every edge.
    public let edgeTargets: [Int32]
    /// Weight of every edge (1 when none was given).
    public let edgeWeights: [Double]
    /// `outOffsets[u]..<outOffsets[u + 1]` indexes `u`'s out-arcs; `nodeCount + 1` entries.
    public let outOffsets: [Int]
    /// Head of every out-arc.
    public let outNeighbors: [Int32]
    /// Edge number of every out-arc.
    public let outEdges: [Int32]
    /// `inOffsets[v]..<inOffsets[v + 1]` indexes `v`'s in-arcs (same as out for undirected).
    public let inOffsets: [Int]
    /// Tail of every in-arc.
    public let inNeighbors: [Int32]
    /// Edge number of every in-arc.
    public let inEdges: [Int32]
    /// For a graph made by ``simplified(merging:)``: the edge of the original graph
    /// each edge stands for. `nil` otherwise.
    public let parentEdges: [Int32]?

    /// Edges a directed graph may cross both ways (`nil`: none).
    let bothWays: [Bool]?
    /// Edges present (`nil`: all).
    let edgeMask: [Bool]?
    /// Sort rank of every node (`nil`: its index).
    let nodeRank: [Int32]?

    /// Number of edges described (including any a filtered view hides).
    public var edgeCount: Int { edgeSources.count }
    /// Number of out-arcs: twice the edge count for an undirected graph.
    public var arcCount: Int { outNeighbors.count }

    /// Builds a graph from integer edge arrays, without any ``GraphModel/Graph``.
    ///
    /// - Parameters:
    ///   - nodeCount: the nodes are `0..<nodeCount`.
    ///   - sources, targets: the endpoints of edge `i` are `sources[i]`, `targets[i]`.
    ///   - weights: one finite non-negative weight per edge, or `nil` for all 1.
    ///   - directed: whether edges are traversed only from source to target.
    /// - Throws: ``GraphAlgorithmsError/invalidEdges(_:)`` when the arrays differ
    ///   in length, an endpoint is out of range, or a weight is negative or not finite.
    /// - Complexity: O(V + E) time and O(V + E) extra space (two stable counting
    ///   sorts, so adjacency lists come out sorted by neighbour, then edge).
    public init(
        nodeCount: Int, sources: [Int32], targets: [Int32], weights: [Double]? = nil, directed: Bool
    ) throws(GraphAlgorithmsError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw .invalidEdges("node count \(nodeCount) out of range") }
        guard sources.count == targets.count else {
            throw .invalidEdges("\(sources.count) sources but \(targets.count) targets")
        }
        guard sources.count < Int(Int32.max) / 2 else { throw .invalidEdges("too many edges (\(sources.count))") }
        if let weights {
            guard weights.count == sources.count else {
                throw .invalidEdges("\(weights.count) weights for \(sources.count) edges")
            }
            if let bad = weights.firstIndex(where: { !($0.isFinite && $0 >= 0 && $0 <= Graph.maximumWeight) }) {
                throw .invalidEdges(
                    "edge \(bad) has weight \(weights[bad]); weights must be finite, ≥ 0 and ≤ 1e15 (sums of larger weights overflow)")
            }
        }
        let n32 = Int32(nodeCount)
        for i in sources.indices where !(0..<n32).contains(sources[i]) || !(0..<n32).contains(targets[i]) {
            throw .invalidEdges("edge \(i) joins \(sources[i]) and \(targets[i]), outside 0..<\(nodeCount)")
        }
        self.init(
            unchecked: nodeCount, sources: sources, targets: targets,
            weights: weights ?? [Double](repeating: 1, count: sources.count), isWeighted: weights != nil,
            directed: directed, bothWays: nil, edgeMask: nil, nodeRank: nil, parentEdges: nil)
    }

    /// Builds without checking; callers guarantee valid arrays.
    init(
        unchecked nodeCount: Int, sources: [Int32], targets: [Int32], weights: [Double], isWeighted: Bool,
        directed: Bool, bothWays: [Bool]?, edgeMask: [Bool]?, nodeRank: [Int32]?, parentEdges: [Int32]?
    ) {
        self.nodeCount = nodeCount
        self.isDirected = directed
        self.isWeighted = isWeighted
        self.edgeSources = sources
        self.edgeTargets = targets
        self.edgeWeights = weights
        self.bothWays = directed ? bothWays : nil
        self.edgeMask = edgeMask
        self.nodeRank = nodeRank
        self.parentEdges = parentEdges
        let out = CSRGraph.buildArcs(
            nodeCount: nodeCount, sources: sources, targets: targets, allBothWays: !directed,
            bothWays: directed ? bothWays : nil, edgeMask: edgeMask, rank: nodeRank, reverse: false)
        outOffsets = out.offsets
        outNeighbors = out.neighbors
        outEdges = out.edges
        if directed {
            let inn = CSRGraph.buildArcs(
                nodeCount: nodeCount, sources: sources, targets: targets, allBothWays: false,
                bothWays: bothWays, edgeMask: edgeMask, rank: nodeRank, reverse: true)
            inOffsets = inn.offsets
            inNeighbors = inn.neighbors
            inEdges = inn.edges
        } else {
            inOffsets = out.offsets
            inNeighbors = out.neighbors
            inEdges = out.edges
        }
    }

    /// Swaps the two adjacencies.
    private init(reversing g: CSRGraph) {
        nodeCount = g.nodeCount
        isDirected = g.isDirected
        isWeighted = g.isWeighted
        edgeSources = g.edgeTargets
        edgeTargets = g.edgeSources
        edgeWeights = g.edgeWeights
        outOffsets = g.inOffsets
        outNeighbors = g.inNeighbors
        outEdges = g.inEdges
        inOffsets = g.outOffsets
        inNeighbors = g.outNeighbors
        inEdges = g.outEdges
        parentEdges = g.parentEdges
        bothWays = g.bothWays
        edgeMask = g.edgeMask
        nodeRank = g.nodeRank
    }

    struct Arcs {
        var offsets: [Int]
        var neighbors: [Int32]
        var edges: [Int32]
    }

    /// Two stable counting sorts: arcs by the rank of their head, then by tail, so
    /// every list comes out sorted by (neighbour rank, edge, direction).
    ///
    /// The first pass reads the edge arrays in order and drops each arc's
    /// (tail, edge) into its head's bucket; the second walks the buckets in rank
    /// order (the bucket names the head) and appends to each tail's list. No pass
    /// goes back to `sources[e]` / `targets[e]` in scattered order.
    /// `rank`, when given, is a permutation of `0..<n`.
    static func buildArcs(
        nodeCount n: Int, sources: [Int32], targets: [Int32], allBothWays: Bool, bothWays: [Bool]?,
        edgeMask: [Bool]?, rank: [Int32]?, reverse: Bool
    ) -> Arcs {
        // Arc d = 0 of edge e runs a -> b, d = 1 (two-way edges) b -> a, where
        // (a, b) = (source, target), or (target, source) when reversing.
        let (tails, heads) = reverse ? (targets, sources) : (sources, targets)
        if edgeMask == nil && rank == nil && (allBothWays || bothWays == nil) {
            return sortArcs(n, tails, heads, arcsOf: { _ in allBothWays ? 2 : 1 }, rankOf: { $0 })
        }
        var byRank: [Int32] = []  // rank -> node
        if let rank {
            byRank = [Int32](repeating: 0, count: n)
            for v in 0..<n { byRank[Int(rank[v])] = Int32(truncatingIfNeeded: v) }
        }
        let mask = edgeMask ?? [], two = bothWays ?? [], rk = rank ?? []
        let hasMask = edgeMask != nil, hasTwo = bothWays != nil, hasRank = rank != nil
        return sortArcs(
            n, tails, heads,
            arcsOf: { e in
                if hasMask && !mask[e] { return 0 }
                return allBothWays || (hasTwo && two[e]) ? 2 : 1
            },
            rankOf: { v in hasRank ? rk[Int(v)] : v },
            nodeOf: { r in hasRank ? byRank[Int(r)] : r })
    }

    /// The two passes of ``buildArcs(nodeCount:sources:targets:allBothWays:bothWays:edgeMask:rank:reverse:)``;
    /// `arcsOf(e)` is 0, 1 or 2 (arcs a -> b, then b -> a), `rankOf` maps a node to
    /// its bucket and `nodeOf` a bucket back to its node.
    @inline(__always)
    static func sortArcs(
        _ n: Int, _ tails: [Int32], _ heads: [Int32], arcsOf: (Int) -> Int, rankOf: (Int32) -> Int32,
        nodeOf: (Int32) -> Int32 = { $0 }
    ) -> Arcs {
        let m = tails.count
        var bucketStart = [Int](repeating: 0, count: n + 1)
        var offsets = [Int](repeating: 0, count: n + 1)
        tails.withUnsafeBufferPointer { src in
            heads.withUnsafeBufferPointer { dst in
                bucketStart.withUnsafeMutableBufferPointer { bs in
                    offsets.withUnsafeMutableBufferPointer { off in
                        for e in 0..<m {
                            let k = arcsOf(e)
                            if k == 0 { continue }
                            let a = src[e], b = dst[e]
                            bs[Int(rankOf(b)) + 1] += 1; off[Int(a) + 1] += 1
                            if k == 2 { bs[Int(rankOf(a)) + 1] += 1; off[Int(b) + 1] += 1 }
                        }
                        for i in 0..<n { bs[i + 1] += bs[i]; off[i + 1] += off[i] }
                    }
                }
            }
        }
        let arcs = offsets[n]
        var neighbors = [Int32](repeating: 0, count: arcs)
        var edges = [Int32](repeating: 0, count: arcs)
        let bucketTail = SharedBuffer<Int32>(repeating: 0, count: arcs)
        let bucketEdge = SharedBuffer<Int32>(repeating: 0, count: arcs)
        defer { bucketTail.free(); bucketEdge.free() }
        let bt = bucketTail.base, be = bucketEdge.base
        tails.withUnsafeBufferPointer { src in
            heads.withUnsafeBufferPointer { dst in
                // Pass 1: (tail, edge) by head rank, stable in (edge, direction).
                var fill = Array(bucketStart[0..<n])
                fill.withUnsafeMutableBufferPointer { f in
                    for e in 0..<m {
                        let k = arcsOf(e)
                        if k == 0 { continue }
                        let a = src[e], b = dst[e], e32 = Int32(truncatingIfNeeded: e)
                        let rb = Int(rankOf(b))
                        var p = f[rb]; bt[p] = a; be[p] = e32; f[rb] = p + 1
                        if k == 2 {
                            let ra = Int(rankOf(a))
                            p = f[ra]; bt[p] = b; be[p] = e32; f[ra] = p + 1
                        }
                    }
                }
            }
        }
        // Pass 2: buckets in rank order, each arc appended to its tail's list.
        var fill = Array(offsets[0..<n])
        bucketStart.withUnsafeBufferPointer { bs in
            fill.withUnsafeMutableBufferPointer { f in
                neighbors.withUnsafeMutableBufferPointer { nb in
                    edges.withUnsafeMutableBufferPointer { eb in
                        for r in 0..<n {
                            let h = nodeOf(Int32(truncatingIfNeeded: r))
                            for k in bs[r]..<bs[r + 1] {
                                let t = Int(bt[k])
                                let p = f[t]
                                nb[p] = h; eb[p] = be[k]
                                f[t] = p + 1
                            }
                        }
                    }
                }
            }
        }
        return Arcs(offsets: offsets, neighbors: neighbors, edges: edges)
    }

    /// Number of out-arcs of `u` (its degree in an undirected graph).
    /// - Complexity: O(1).
    @inlinable public func outDegree(_ u: Int) -> Int { outOffsets[u + 1] - outOffsets[u] }

    /// Number of in-arcs of `v`.
    /// - Complexity: O(1).
    @inlinable public func inDegree(_ v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }

    /// The same graph with every arc turned round (an undirected graph is its own reverse).
    /// - Complexity: O(1): the two adjacencies swap places.
    public func reversed() -> CSRGraph {
        isDirected ? CSRGraph(reversing: self) : self
    }

    /// The same edges, each traversable both ways.
    /// - Complexity: O(V + E).
    public func undirected() -> CSRGraph {
        if !isDirected { return self }
        return CSRGraph(
            unchecked: nodeCount, sources: edgeSources, targets: edgeTargets, weights: edgeWeights,
            isWeighted: isWeighted, directed: false, bothWays: nil, edgeMask: edgeMask, nodeRank: nodeRank,
            parentEdges: parentEdges)
    }

    /// The same nodes (same indices) with only the edges that pass `keepEdge` and
    /// join two nodes that pass `keepNode`; a dropped node keeps its index and has no arcs.
    /// - Complexity: O(V + E) plus the calls to the predicates.
    public func filtered(keepEdge: (Int) -> Bool = { _ in true }, keepNode: ((Int) -> Bool)? = nil) -> CSRGraph {
        var nodeOK: [Bool]? = nil
        if let keepNode { nodeOK = (0..<nodeCount).map(keepNode) }
        var mask = [Bool](repeating: false, count: edgeCount)
        for e in 0..<edgeCount where edgeMask?[e] ?? true {
            if let nodeOK, !(nodeOK[Int(edgeSources[e])] && nodeOK[Int(edgeTargets[e])]) { continue }
            mask[e] = keepEdge(e)
        }
        return CSRGraph(
            unchecked: nodeCount, sources: edgeSources, targets: edgeTargets, weights: edgeWeights,
            isWeighted: isWeighted, directed: isDirected, bothWays: bothWays, edgeMask: mask, nodeRank: nodeRank,
            parentEdges: parentEdges)
    }

    /// Whether edge `e` is present in this view.
    public func containsEdge(_ e: Int) -> Bool { edgeMask?[e] ?? true }

    /// How parallel edges combine when a multigraph is made simple.
    public enum WeightMerge: Sendable {
        /// The smallest weight (lengths: the shortest of the parallel ties counts).
        case minimum
        /// The total weight (strengths add up).
        case sum
        /// The weight of the lowest-numbered edge.
        case first
    }

    /// The simple graph underneath: one edge per joined pair (per ordered pair
    /// when directed), weights merged as asked, self-loops kept once.
    /// ``parentEdges`` names, for every new edge, the original edge it stands for
    /// (the lowest-numbered one; for ``WeightMerge/minimum`` the lightest, ties to the lowest).
    /// - Complexity: O(V + E).
    public func simplified(merging merge: WeightMerge = .first) -> CSRGraph {
        if let same = simplifiedWithoutParallels() { return same }
        var src: [Int32] = [], dst: [Int32] = [], w: [Double] = [], parent: [Int32] = []
        src.reserveCapacity(isDirected ? arcCount : arcCount / 2)
        dst.reserveCapacity(src.capacity)
        w.reserveCapacity(src.capacity)
        parent.reserveCapacity(src.capacity)
        for u in 0..<nodeCount {
            var i = outOffsets[u]
            let end = outOffsets[u + 1]
            while i < end {
                let v = outNeighbors[i]
                var j = i
                var weight = 0.0
                var best = outEdges[i]
                var lastEdge: Int32 = -1
                var first = true
                while j < end && outNeighbors[j] == v {
                    let e = outEdges[j]
                    if e != lastEdge {
                        let we = edgeWeights[Int(e)]
                        switch merge {
                        case .minimum:
                            if first || we < weight { weight = we; best = e }
                        case .sum: weight += we
                        case .first: if first { weight = we }
                        }
                        first = false
                        lastEdge = e
                    }
                    j += 1
                }
                if isDirected || Int(v) >= u {
                    src.append(Int32(u))
                    dst.append(v)
                    w.append(weight)
                    parent.append(parentEdges?[Int(best)] ?? best)
                }
                i = j
            }
        }
        return CSRGraph(
            unchecked: nodeCount, sources: src, targets: dst, weights: w, isWeighted: isWeighted,
            directed: isDirected, bothWays: nil, edgeMask: nil, nodeRank: nodeRank, parentEdges: parent)
    }

    /// What ``simplified(merging:)`` gives for a graph with no parallel arcs and
    /// no self-loops (then every merge rule keeps each weight as it is, and
    /// every adjacency list keeps its order): the same arcs renumbered, without
    /// sorting them again. `nil` for any other graph (or a directed one with
    /// two-way edges), which takes the general path.
    /// - Complexity: O(V + E).
    private func simplifiedWithoutParallels() -> CSRGraph? {
        guard !isDirected || bothWays == nil else { return nil }
        let n = nodeCount
        let simple: Bool = outOffsets.withUnsafeBufferPointer { off in
            outNeighbors.withUnsafeBufferPointer { nb in
                for u in 0..<n {
                    let lo = off[u], hi = off[u + 1]
                    var i = lo
                    while i < hi {
                        let v = nb[i]
                        if Int(v) == u || (i > lo && nb[i - 1] == v) { return false }
                        i += 1
                    }
                }
                return true
            }
        }
        guard simple else { return nil }
        let count = isDirected ? arcCount : arcCount / 2
        var newID = [Int32](repeating: -1, count: edgeCount)
        var src = [Int32](repeating: 0, count: count), dst = [Int32](repeating: 0, count: count)
        var w = [Double](repeating: 0, count: count), parent = [Int32](repeating: 0, count: count)
        var k = 0
        for u in 0..<n {
            for i in outOffsets[u]..<outOffsets[u + 1] {
                let v = outNeighbors[i]
                guard isDirected || Int(v) > u else { continue }
                let e = Int(outEdges[i])
                newID[e] = Int32(truncatingIfNeeded: k)
                src[k] = Int32(truncatingIfNeeded: u); dst[k] = v; w[k] = edgeWeights[e]
                parent[k] = parentEdges?[e] ?? Int32(truncatingIfNeeded: e)
                k += 1
            }
        }
        guard k == count else { return nil }
        let out = outEdges.map { newID[Int($0)] }
        return CSRGraph(
            nodeCount: n, isDirected: isDirected, isWeighted: isWeighted, edgeSources: src, edgeTargets: dst,
            edgeWeights: w, outOffsets: outOffsets, outNeighbors: outNeighbors, outEdges: out,
            inOffsets: inOffsets, inNeighbors: inNeighbors, inEdges: isDirected ? inEdges.map { newID[Int($0)] } : out,
            parentEdges: parent, bothWays: nil, edgeMask: nil, nodeRank: nodeRank)
    }

    /// Every field as given (for views that derive their arrays themselves).
    private init(
        nodeCount: Int, isDirected: Bool, isWeighted: Bool, edgeSources: [Int32], edgeTargets: [Int32],
        edgeWeights: [Double], outOffsets: [Int], outNeighbors: [Int32], outEdges: [Int32], inOffsets: [Int],
        inNeighbors: [Int32], inEdges: [Int32], parentEdges: [Int32]?, bothWays: [Bool]?, edgeMask: [Bool]?,
        nodeRank: [Int32]?
    ) {
        self.nodeCount = nodeCount; self.isDirected = isDirected; self.isWeighted = isWeighted
        self.edgeSources = edgeSources; self.edgeTargets = edgeTargets; self.edgeWeights = edgeWeights
        self.outOffsets = outOffsets; self.outNeighbors = outNeighbors; self.outEdges = outEdges
        self.inOffsets = inOffsets; self.inNeighbors = inNeighbors; self.inEdges = inEdges
        self.parentEdges = parentEdges; self.bothWays = bothWays; self.edgeMask = edgeMask; self.nodeRank = nodeRank
    }

    /// Throws unless `i` is a node of this graph.
    func check(_ i: Int) throws(GraphAlgorithmsError) {
        guard i >= 0 && i < nodeCount else { throw .nodeOutOfRange(i, nodeCount: nodeCount) }
    }
}
