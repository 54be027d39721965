import Foundation
import GraphModel

/// Positions of the nodes of a graph in the plane, by dense node index.
///
/// Units are arbitrary: ``ForceLayout`` lays edges out about one unit long;
/// ``OverlapRemoval`` works in whatever unit the sizes are given in (points,
/// for a drawing).
public struct PlaneLayout: Sendable, Equatable {
    /// x coordinate of node `i`.
    public var x: [Double]
    /// y coordinate of node `i`.
    public var y: [Double]

    public init(x: [Double], y: [Double]) {
        precondition(x.count == y.count, "x and y must have one coordinate per node")
        self.x = x
        self.y = y
    }

    /// Number of nodes.
    public var count: Int { x.count }

    /// The layout multiplied by `factor` about the origin.
    /// - Complexity: O(V).
    public func scaled(by factor: Double) -> PlaneLayout {
        PlaneLayout(x: x.map { $0 * factor }, y: y.map { $0 * factor })
    }

    /// The mean Euclidean length of the edges of `graph` in this layout (0 without edges).
    /// - Complexity: O(E).
    public func meanEdgeLength(_ graph: CSRGraph) -> Double {
        var total = 0.0
        var n = 0
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            if a == b { continue }
            total += ((x[a] - x[b]) * (x[a] - x[b]) + (y[a] - y[b]) * (y[a] - y[b])).squareRoot()
            n += 1
        }
        return n == 0 ? 0 : total / Double(n)
    }
}

/// A multilevel spring–electrical layout with Barnes–Hut repulsion, in the
/// manner of Yifan Hu, "Efficient, High-Quality Force-Directed Graph Drawing",
/// *The Mathematica Journal* 10(1), 2005 (the algorithm behind Graphviz's sfdp).
///
/// 1. **Coarsen.** Repeatedly contract a maximal matching (each node, in a
///    seeded order, pairs with the unmatched neighbour of least mass; ties by
///    index) until fewer than ``Options/coarsestSize`` nodes remain or a round
///    shrinks the graph by less than a quarter. A coarse node's mass is the
///    number of original nodes it stands for.
/// 2. **Lay out the coarsest graph** from seeded random positions.
/// 3. **Refine.** Each finer level starts from its coarse node's position (plus a
///    small seeded jitter, scaled by √(V_fine / V_coarse) so that area grows with
///    the node count) and runs ``Options/refineIterations`` (the finest level, the
///    costliest and closest to its answer, half as many; a level under 1,000 nodes
///    up to 100, stopping once the mean step falls below 0.01).
///
/// Each iteration moves every node along its net force: attraction `d² / K` along
/// each edge, repulsion `C·K²·m_u·m_v / d` from every other node (`C` = 0.2, `K` =
/// 1, the natural edge length), far groups approximated by their centre of mass
/// when the quadtree cell's side over the distance is below θ (1.5; Hu uses 1.2).
/// The defaults (14 refining iterations, θ = 1.5) were chosen on a 20,000-node
/// graph of 20 groups: against 30 iterations and θ = 1.2 they take under half the
/// time and keep the quality — edge lengths as even (mean |d / d̄ − 1| 0.443 vs
/// 0.438) and groups as apart (mean distance within a group over mean distance
/// across groups 0.396 vs 0.394; 0.372 vs 0.370 on 5,000 nodes).
/// The step length adapts as in Hu's paper (grows after five improvements in a
/// row, shrinks by 0.9 otherwise). Forces are computed in two parts on two
/// threads; each node's force is summed by one thread in a fixed order, so the
/// result does not depend on thread timing: the same graph and seed give the
/// same layout.
///
/// Disconnected components drift apart under repulsion alone; they are not
/// packed. Positions come out centred on the origin.
///
/// - Complexity: O(L·I·(V log V + E)) time for L levels (O(log V) on graphs
///   that match well) and I iterations per level, O(V + E) extra space per level.
///
/// ```swift
/// // A path 0-1-2: the middle node ends between the ends, edges about one unit.
/// let g = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
/// let p = ForceLayout.layout(g)
/// p.meanEdgeLength(g)   // ≈ 1 (between 0.5 and 2)
/// ```
public enum ForceLayout {
    /// Tuning of ``layout(_:options:)``.
    public struct Options: Sendable, Hashable {
        /// Seed for the initial positions, the matching order and the jitter.
        public var seed: UInt64
        /// Iterations at the coarsest level; each finer level runs
        /// ``refineIterations``.
        public var coarsestIterations: Int
        /// Iterations at every level but the coarsest.
        public var refineIterations: Int
        /// Barnes–Hut opening criterion: a cell of side `s` at distance `d` is
        /// approximated when `s / d < theta`. 0 computes every pair exactly.
        public var theta: Double
        /// Stop coarsening below this many nodes.
        public var coarsestSize: Int

        public init(seed: UInt64 = 0, coarsestIterations: Int = 300, refineIterations: Int = 14,
                    theta: Double = 1.5, coarsestSize: Int = 50) {
            self.seed = seed
            self.coarsestIterations = coarsestIterations
            self.refineIterations = refineIterations
            self.theta = theta
            self.coarsestSize = coarsestSize
        }
    }

    /// Lays out `graph`, treated as undirected and unweighted (parallel edges
    /// pull harder, self-loops are ignored).
    ///
    /// - Returns: one position per node, centred on the origin, edges about one unit long.
    /// - Complexity: O(L·I·(V log V + E)) time, O(V + E) extra space (see ``ForceLayout``).
    public static func layout(_ graph: CSRGraph, options: Options = Options()) -> PlaneLayout {
        let n = graph.nodeCount
        if n == 0 { return PlaneLayout(x: [], y: []) }
        var rng = SeededGenerator(seed: options.seed)
        // Level 0: the input as a symmetric weighted adjacency.
        var levels: [Level] = [Level.from(graph)]
        var maps: [[Int32]] = []
        while levels[levels.count - 1].count > options.coarsestSize {
            let fine = levels[levels.count - 1]
            let (coarse, map) = fine.coarsened(rng: &rng)
            if Double(coarse.count) > 0.75 * Double(fine.count) { break }
            levels.append(coarse)
            maps.append(map)
        }
        // Coarsest level from random positions in a square whose area grows with its mass.
        let top = levels[levels.count - 1]
        let side = max(1, Double(top.count).squareRoot())
        var x = (0..<top.count).map { _ in Double.random(in: -side...side, using: &rng) }
        var y = (0..<top.count).map { _ in Double.random(in: -side...side, using: &rng) }
        relax(top, x: &x, y: &y, iterations: options.coarsestIterations, theta: options.theta, initialStep: side / 2)
        // Refine, level by level.
        for l in stride(from: levels.count - 2, through: 0, by: -1) {
            let fine = levels[l], map = maps[l]
            let grow = (Double(fine.count) / Double(levels[l + 1].count)).squareRoot()
            var fx = [Double](repeating: 0, count: fine.count), fy = fx
            for i in 0..<fine.count {
                let p = Int(map[i])
                fx[i] = x[p] * grow + Double.random(in: -0.1...0.1, using: &rng)
                fy[i] = y[p] * grow + Double.random(in: -0.1...0.1, using: &rng)
            }
            x = fx
            y = fy
            // The finest level costs the most and starts closest to its answer: half the
            // iterations. Levels under 1,000 nodes cost little: up to 100, stopping
            // earlier once converged (the layout of a small graph is then settled).
            var iterations = l == 0 ? max(1, options.refineIterations / 2) : options.refineIterations
            if fine.count < 1_000 { iterations = max(iterations, 100) }
            relax(fine, x: &x, y: &y, iterations: iterations, theta: options.theta, initialStep: 1)
        }
        // Centre on the origin.
        let cx = x.reduce(0, +) / Double(n), cy = y.reduce(0, +) / Double(n)
        return PlaneLayout(x: x.map { $0 - cx }, y: y.map { $0 - cy })
    }

    /// The spring–electrical iterations on one level, with Hu's adaptive step.
    /// - Complexity: O(I·(V log V + E)).
    static func relax(_ level: Level, x: inout [Double], y: inout [Double], iterations: Int, theta: Double, initialStep: Double) {
        let n = level.count
        if n <= 1 { return }
        let c = 0.2  // repulsion strength, K = 1
        var step = initialStep
        var energy = Double.infinity
        var progress = 0
        let fx = SharedBuffer<Double>(repeating: 0, count: n), fy = SharedBuffer<Double>(repeating: 0, count: n)
        defer { fx.free(); fy.free() }
        for _ in 0..<iterations {
            let tree = QuadTree(x: x, y: y, mass: level.mass)
            let px = x, py = y
            let parts = partCount(for: n)
            runParts(parts) { part in
                let lo = n * part / parts, hi = n * (part + 1) / parts
                for i in lo..<hi {
                    var (rx, ry) = tree.repulsion(on: i, x: px[i], y: py[i], mass: level.mass[i], theta: theta)
                    rx *= c
                    ry *= c
                    // Attraction d²/K along each edge, times the edge's weight.
                    for k in level.offsets[i]..<level.offsets[i + 1] {
                        let j = Int(level.neighbors[k])
                        let dx = px[j] - px[i], dy = py[j] - py[i]
                        let d = (dx * dx + dy * dy).squareRoot()
                        rx += dx * d * level.weights[k]
                        ry += dy * d * level.weights[k]
                    }
                    fx.base[i] = rx
                    fy.base[i] = ry
                }
            }
            var newEnergy = 0.0
            var moved = 0.0
            for i in 0..<n {
                let f2 = fx.base[i] * fx.base[i] + fy.base[i] * fy.base[i]
                newEnergy += f2
                let f = f2.squareRoot()
                if f > 0 {
                    x[i] += step * fx.base[i] / f
                    y[i] += step * fy.base[i] / f
                    moved += step
                }
            }
            // Hu's adaptive cooling.
            if newEnergy < energy {
                progress += 1
                if progress >= 5 { progress = 0; step /= 0.9 }
            } else {
                progress = 0
                step *= 0.9
            }
            energy = newEnergy
            if moved / Double(n) < 0.01 { break }
        }
    }
}

/// One level of the multilevel hierarchy: a symmetric weighted adjacency with node masses.
struct Level: Sendable {
    let count: Int
    let offsets: [Int]
    let neighbors: [Int32]
    let weights: [Double]
    let mass: [Double]

    /// The undirected, self-loop-free adjacency of `graph` (every edge both ways, weight 1).
    /// - Complexity: O(V + E).
    static func from(_ graph: CSRGraph) -> Level {
        var src: [Int32] = [], dst: [Int32] = []
        src.reserveCapacity(graph.edgeCount)
        dst.reserveCapacity(graph.edgeCount)
        for e in 0..<graph.edgeCount where graph.edgeSources[e] != graph.edgeTargets[e] {
            src.append(graph.edgeSources[e])
            dst.append(graph.edgeTargets[e])
        }
        return build(count: graph.nodeCount, src: src, dst: dst, w: [Double](repeating: 1, count: src.count),
                     mass: [Double](repeating: 1, count: graph.nodeCount))
    }

    /// Counting-sort construction of the symmetric adjacency of edges `src[i]–dst[i]`.
    /// - Complexity: O(V + E).
    static func build(count: Int, src: [Int32], dst: [Int32], w: [Double], mass: [Double]) -> Level {
        var offsets = [Int](repeating: 0, count: count + 1)
        for i in src.indices {
            offsets[Int(src[i]) + 1] += 1
            offsets[Int(dst[i]) + 1] += 1
        }
        for i in 0..<count { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var nb = [Int32](repeating: 0, count: offsets[count]), wt = [Double](repeating: 0, count: offsets[count])
        for i in src.indices {
            let a = Int(src[i]), b = Int(dst[i])
            nb[fill[a]] = dst[i]; wt[fill[a]] = w[i]; fill[a] += 1
            nb[fill[b]] = src[i]; wt[fill[b]] = w[i]; fill[b] += 1
        }
        return Level(count: count, offsets: offsets, neighbors: nb, weights: wt, mass: mass)
    }

    /// Contracts a maximal matching: visiting nodes in a seeded random order, each
    /// unmatched node pairs with its unmatched neighbour of least mass (ties by
    /// index); parallel coarse edges merge, their weights adding up.
    /// - Returns: the coarse level and, for each node here, its coarse node.
    /// - Complexity: O(V + E log E) (the coarse edges are sorted to merge them).
    func coarsened(rng: inout SeededGenerator) -> (Level, [Int32]) {
        var order = Array(0..<count)
        order.shuffle(using: &rng)
        var map = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        var coarseMass: [Double] = []
        for u in order where map[u] < 0 {
            var best = -1
            for k in offsets[u]..<offsets[u + 1] {
                let v = Int(neighbors[k])
                guard v != u, map[v] < 0 else { continue }
                if best < 0 || (mass[v], v) < (mass[best], best) { best = v }
            }
            map[u] = next
            var m = mass[u]
            if best >= 0 { map[best] = next; m += mass[best] }
            coarseMass.append(m)
            next += 1
        }
        // Coarse edges, merged.
        var keys: [UInt64] = []
        var weightOf: [UInt64: Double] = [:]
        for u in 0..<count {
            for k in offsets[u]..<offsets[u + 1] {
                let v = Int(neighbors[k])
                guard u < v else { continue }
                let a = map[u], b = map[v]
                if a == b { continue }
                let key = UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
                if let w = weightOf[key] { weightOf[key] = w + weights[k] } else { weightOf[key] = weights[k]; keys.append(key) }
            }
        }
        keys.sort()
        let src = keys.map { Int32(truncatingIfNeeded: $0 >> 32) }, dst = keys.map { Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF) }
        let w = keys.map { weightOf[$0] ?? 1 }
        return (Level.build(count: Int(next), src: src, dst: dst, w: w, mass: coarseMass), map)
    }
}
