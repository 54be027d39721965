import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// The force-directed layout, its Barnes–Hut tree and overlap removal, checked
/// against brute-force computations and hand-derived geometry.
@Suite("Layout")
struct LayoutTests {
    func distance(_ p: PlaneLayout, _ a: Int, _ b: Int) -> Double {
        ((p.x[a] - p.x[b]) * (p.x[a] - p.x[b]) + (p.y[a] - p.y[b]) * (p.y[a] - p.y[b])).squareRoot()
    }

    @Test("Barnes–Hut with θ = 0 equals the exact pairwise sum; θ = 1.2 stays within 10% of it")
    func quadTreeMatchesBruteForce() {
        for seed in UInt64(0)..<10 {
            var rng = SeededGenerator(seed: seed)
            let n = 50 + Int(seed) * 20
            let x = (0..<n).map { _ in Double.random(in: -10...10, using: &rng) }
            let y = (0..<n).map { _ in Double.random(in: -10...10, using: &rng) }
            let mass = (0..<n).map { _ in Double(Int.random(in: 1...3, using: &rng)) }
            let tree = QuadTree(x: x, y: y, mass: mass)
            var totalExact = 0.0, totalError = 0.0
            for i in 0..<n {
                // Exact: Σ_j m_i m_j (p_i − p_j) / |p_i − p_j|².
                var ex = 0.0, ey = 0.0
                for j in 0..<n where j != i {
                    let dx = x[i] - x[j], dy = y[i] - y[j]
                    let d2 = dx * dx + dy * dy
                    ex += dx * mass[i] * mass[j] / d2
                    ey += dy * mass[i] * mass[j] / d2
                }
                let (fx, fy) = tree.repulsion(on: i, x: x[i], y: y[i], mass: mass[i], theta: 0)
                #expect(abs(fx - ex) <= 1e-9 * max(1, abs(ex)), "seed \(seed) node \(i)")
                #expect(abs(fy - ey) <= 1e-9 * max(1, abs(ey)), "seed \(seed) node \(i)")
                let (ax, ay) = tree.repulsion(on: i, x: x[i], y: y[i], mass: mass[i], theta: 1.2)
                totalExact += (ex * ex + ey * ey).squareRoot()
                totalError += ((ax - ex) * (ax - ex) + (ay - ey) * (ay - ey)).squareRoot()
            }
            #expect(totalError / totalExact < 0.1, "seed \(seed): relative error \(totalError / totalExact)")
        }
    }

    @Test("A path lays out straight-ish: the middle node between the ends, edges about one unit")
    func path() throws {
        let g = try CSRGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], directed: false)
        let p = ForceLayout.layout(g)
        let mean = p.meanEdgeLength(g)
        #expect(mean > 0.5 && mean < 2, "mean edge length \(mean)")
        // The ends are farther apart than either edge (angle at the middle > 60°).
        #expect(distance(p, 0, 2) > distance(p, 0, 1))
        #expect(distance(p, 0, 2) > distance(p, 1, 2))
    }

    @Test("Two 12-cliques joined by one edge come out as two clusters", arguments: [UInt64(0), 1, 2, 3])
    func twoClusters(seed: UInt64) throws {
        var s: [Int32] = [], t: [Int32] = []
        for base in [0, 12] {
            for a in 0..<12 { for b in (a + 1)..<12 { s.append(Int32(base + a)); t.append(Int32(base + b)) } }
        }
        s.append(0); t.append(12)
        let g = try CSRGraph(nodeCount: 24, sources: s, targets: t, directed: false)
        let p = ForceLayout.layout(g, options: .init(seed: seed))
        var inside = 0.0, across = 0.0, ni = 0, na = 0
        for a in 0..<24 {
            for b in (a + 1)..<24 {
                if (a < 12) == (b < 12) { inside += distance(p, a, b); ni += 1 } else { across += distance(p, a, b); na += 1 }
            }
        }
        #expect(inside / Double(ni) * 1.5 < across / Double(na), "seed \(seed): inside \(inside / Double(ni)), across \(across / Double(na))")
    }

    @Test("A 10 × 10 grid keeps its corners farthest apart and its edges even")
    func grid() throws {
        var s: [Int32] = [], t: [Int32] = []
        for r in 0..<10 {
            for c in 0..<10 {
                let v = Int32(r * 10 + c)
                if c < 9 { s.append(v); t.append(v + 1) }
                if r < 9 { s.append(v); t.append(v + 10) }
            }
        }
        let g = try CSRGraph(nodeCount: 100, sources: s, targets: t, directed: false)
        let p = ForceLayout.layout(g, options: .init(seed: 5))
        var farthest = 0.0
        for a in 0..<100 { for b in (a + 1)..<100 { farthest = max(farthest, distance(p, a, b)) } }
        // In the grid the diagonal is the longest span: √2 · 9 edges.
        #expect(distance(p, 0, 99) > 0.85 * farthest, "diagonal \(distance(p, 0, 99)) of \(farthest)")
        #expect(distance(p, 9, 90) > 0.85 * farthest, "anti-diagonal \(distance(p, 9, 90)) of \(farthest)")
        let lengths = (0..<g.edgeCount).map { distance(p, Int(s[$0]), Int(t[$0])) }
        let mean = lengths.reduce(0, +) / Double(lengths.count)
        #expect(lengths.allSatisfy { $0 > 0.4 * mean && $0 < 2 * mean }, "edge lengths \(lengths.min()!)…\(lengths.max()!), mean \(mean)")
    }

    @Test("The same graph and seed give the same layout (two threads or not)")
    func deterministic() throws {
        let r = RandomGraph(seed: 3, nodes: 150, edges: 330)
        let g = try CSRGraph(nodeCount: r.nodeCount, sources: r.sources, targets: r.targets, directed: false)
        let a = ForceLayout.layout(g, options: .init(seed: 9)), b = ForceLayout.layout(g, options: .init(seed: 9))
        #expect(a == b)
        #expect(a.x.allSatisfy(\.isFinite) && a.y.allSatisfy(\.isFinite))
        let c = ForceLayout.layout(g, options: .init(seed: 10))
        #expect(a != c)
    }

    @Test("Overlap removal: two unit boxes half a unit apart end exactly one unit apart")
    func overlapByHand() {
        let p = PlaneLayout(x: [0, 0.5], y: [0, 0.1])
        let q = OverlapRemoval.separate(p, widths: [1, 1], heights: [1, 1])
        // Overlap 0.5 along x, 0.9 along y: pushed apart along x by 0.25 each.
        #expect(q.x == [-0.25, 0.75])
        #expect(q.y == [0, 0.1])
    }

    @Test("Overlap removal leaves no overlapping pair (checked pair by pair)", arguments: [UInt64(0), 1, 2, 3, 4])
    func overlapRandom(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let n = 300
        let p = PlaneLayout(x: (0..<n).map { _ in Double.random(in: 0...50, using: &rng) },
                            y: (0..<n).map { _ in Double.random(in: 0...50, using: &rng) })
        let w = (0..<n).map { _ in Double.random(in: 1...8, using: &rng) }
        let h = (0..<n).map { _ in Double.random(in: 1...3, using: &rng) }
        #expect(OverlapRemoval.overlappingPairs(p, widths: w, heights: h) > 0)
        let q = OverlapRemoval.separate(p, widths: w, heights: h, gap: 0.5)
        var bad = 0
        for a in 0..<n {
            for b in (a + 1)..<n {
                let ox = (w[a] + w[b]) / 2 - abs(q.x[a] - q.x[b]), oy = (h[a] + h[b]) / 2 - abs(q.y[a] - q.y[b])
                if ox > 1e-9 && oy > 1e-9 { bad += 1 }
            }
        }
        #expect(bad == 0, "seed \(seed): \(bad) overlapping pairs")
        #expect(OverlapRemoval.overlappingPairs(q, widths: w, heights: h) == 0)
    }
}
