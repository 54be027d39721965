/// A Barnes–Hut quadtree over weighted points: each cell keeps its total mass
/// and centre of mass, so that a far cell's repulsion is computed as one point's
/// (J. Barnes and P. Hut, "A hierarchical O(N log N) force-calculation
/// algorithm", *Nature* 324, 1986).
///
/// Stored as flat arrays (no class per cell); read-only once built, so many
/// threads may query it at once.
struct QuadTree: Sendable {
    /// Per cell: centre of mass, total mass, side length, and the index of its
    /// first child (-1 for a leaf; children are four consecutive cells).
    private var cx: [Double] = [], cy: [Double] = [], m: [Double] = [], side: [Double] = []
    private var firstChild: [Int32] = []
    /// Per cell: the point a leaf holds (-1 if none or several coincident points merged).
    private var point: [Int32] = []
    /// Per cell: its square's lower-left corner.
    private var ox: [Double] = [], oy: [Double] = []

    /// Deeper than this, coincident points share a leaf (their mutual force is skipped).
    private static let maxDepth = 40

    /// Builds the tree over points `(x[i], y[i])` with masses `mass[i]`.
    /// - Complexity: O(V log V) expected for points in general position
    ///   (O(V · maxDepth) worst case), O(V) cells.
    init(x: [Double], y: [Double], mass: [Double]) {
        let n = x.count
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for i in 0..<n {
            minX = min(minX, x[i]); maxX = max(maxX, x[i])
            minY = min(minY, y[i]); maxY = max(maxY, y[i])
        }
        let s = max(maxX - minX, maxY - minY, 1e-9) * 1.0001
        reserve(2 * n + 4)
        addCell(ox: minX, oy: minY, side: s)
        for i in 0..<n { insert(i, x: x[i], y: y[i], w: mass[i]) }
    }

    private mutating func reserve(_ k: Int) {
        cx.reserveCapacity(k); cy.reserveCapacity(k); m.reserveCapacity(k); side.reserveCapacity(k)
        firstChild.reserveCapacity(k); point.reserveCapacity(k); ox.reserveCapacity(k); oy.reserveCapacity(k)
    }

    private mutating func addCell(ox x0: Double, oy y0: Double, side s: Double) {
        cx.append(0); cy.append(0); m.append(0); side.append(s)
        firstChild.append(-1); point.append(-1); ox.append(x0); oy.append(y0)
    }

    private func quadrant(_ c: Int, _ x: Double, _ y: Double) -> Int {
        let h = side[c] / 2
        return (x >= ox[c] + h ? 1 : 0) + (y >= oy[c] + h ? 2 : 0)
    }

    private mutating func split(_ c: Int) {
        let h = side[c] / 2
        firstChild[c] = Int32(side.count)
        for q in 0..<4 {
            addCell(ox: ox[c] + (q & 1 == 1 ? h : 0), oy: oy[c] + (q & 2 == 2 ? h : 0), side: h)
        }
    }

    private mutating func insert(_ i: Int, x: Double, y: Double, w: Double) {
        var c = 0
        var depth = 0
        while true {
            if firstChild[c] < 0 {
                if m[c] == 0 {
                    cx[c] = x; cy[c] = y; m[c] = w; point[c] = Int32(i)
                    return
                }
                if depth >= Self.maxDepth {
                    // Coincident points (to 2^-40 of the drawing) share this leaf.
                    let t = m[c] + w
                    cx[c] = (cx[c] * m[c] + x * w) / t
                    cy[c] = (cy[c] * m[c] + y * w) / t
                    m[c] = t
                    point[c] = -1
                    return
                }
                // A leaf holding one point: split it and push that point down.
                let old = point[c], px = cx[c], py = cy[c], pm = m[c]
                split(c)
                let child = Int(firstChild[c]) + quadrant(c, px, py)
                cx[child] = px; cy[child] = py; m[child] = pm; point[child] = old
                point[c] = -1
            }
            let t = m[c] + w
            cx[c] = (cx[c] * m[c] + x * w) / t
            cy[c] = (cy[c] * m[c] + y * w) / t
            m[c] = t
            c = Int(firstChild[c]) + quadrant(c, x, y)
            depth += 1
        }
    }

    /// The repulsion on a point of mass `mass` at `(x, y)` (node `i`, skipped):
    /// the sum over cells far enough of `m·mass·(p − c) / |p − c|²`, i.e. a force of
    /// magnitude `m·mass / d` pointing away.
    /// - Complexity: O(log V) cells visited for points in general position.
    func repulsion(on i: Int, x: Double, y: Double, mass: Double, theta: Double) -> (Double, Double) {
        var fx = 0.0, fy = 0.0
        let theta2 = theta * theta
        // An explicit stack on the stack: a path holds at most 3 pending siblings per level.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * Self.maxDepth + 8) { stack in
            var top = 0
            stack[0] = 0
            top = 1
            while top > 0 {
                top -= 1
                let c = Int(stack[top])
                if m[c] == 0 || point[c] == Int32(i) { continue }
                let dx = x - cx[c], dy = y - cy[c]
                let d2 = dx * dx + dy * dy
                if firstChild[c] < 0 || side[c] * side[c] < theta2 * d2 {
                    if firstChild[c] < 0 && point[c] < 0 && d2 < 1e-18 { continue }  // merged coincident leaf holding i
                    let f = m[c] * mass / max(d2, 1e-9)
                    fx += dx * f
                    fy += dy * f
                } else {
                    let k = firstChild[c]
                    stack[top] = k; stack[top + 1] = k + 1; stack[top + 2] = k + 2; stack[top + 3] = k + 3
                    top += 4
                }
            }
        }
        return (fx, fy)
    }
}
