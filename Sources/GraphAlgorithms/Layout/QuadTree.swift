/// A Barnes–Hut quadtree over weighted points: each cell keeps its total mass
/// and centre of mass, so that a far cell's repulsion is computed as one point's
/// (J. Barnes and P. Hut, "A hierarchical O(N log N) force-calculation
/// algorithm", *Nature* 324, 1986).
///
/// Stored as one flat array of cells (no class per cell); read-only once built, so many
/// threads may query it at once.
struct QuadTree: Sendable {
    /// One square of the tree: its centre of mass and total mass, its side and
    /// lower-left corner, its first child (-1 for a leaf; children are four
    /// consecutive cells) and the point a leaf holds (-1 if none, or several
    /// coincident points merged). One record per cell, so that a query reads one
    /// cache line per cell it opens.
    struct Cell {
        var cx = 0.0, cy = 0.0, m = 0.0, side: Double
        var ox: Double, oy: Double
        var firstChild: Int32 = -1
        var point: Int32 = -1
    }
    private var cells: [Cell] = []

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
        cells.reserveCapacity(3 * n + 8)
        cells.append(Cell(side: s, ox: minX, oy: minY))
        for i in 0..<n { insert(i, x: x[i], y: y[i], w: mass[i]) }
    }

    private static func quadrant(_ c: Cell, _ x: Double, _ y: Double) -> Int {
        let h = c.side / 2
        return (x >= c.ox + h ? 1 : 0) + (y >= c.oy + h ? 2 : 0)
    }

    /// Gives leaf `c` four empty children.
    private mutating func split(_ c: Int) {
        let parent = cells[c], h = parent.side / 2
        cells[c].firstChild = Int32(cells.count)
        for q in 0..<4 {
            cells.append(Cell(side: h, ox: parent.ox + (q & 1 == 1 ? h : 0), oy: parent.oy + (q & 2 == 2 ? h : 0)))
        }
    }

    private mutating func insert(_ i: Int, x: Double, y: Double, w: Double) {
        var c = 0
        var depth = 0
        while true {
            if cells[c].firstChild < 0 {
                if cells[c].m == 0 {
                    cells[c].cx = x; cells[c].cy = y; cells[c].m = w; cells[c].point = Int32(i)
                    return
                }
                if depth >= Self.maxDepth {
                    // Coincident points (to 2^-40 of the drawing) share this leaf.
                    let t = cells[c].m + w
                    cells[c].cx = (cells[c].cx * cells[c].m + x * w) / t
                    cells[c].cy = (cells[c].cy * cells[c].m + y * w) / t
                    cells[c].m = t
                    cells[c].point = -1
                    return
                }
                // A leaf holding one point: split it and push that point down.
                let old = cells[c]
                split(c)
                let child = Int(cells[c].firstChild) + Self.quadrant(old, old.cx, old.cy)
                cells[child].cx = old.cx; cells[child].cy = old.cy; cells[child].m = old.m; cells[child].point = old.point
                cells[c].point = -1
            }
            let cell = cells[c]
            let t = cell.m + w
            cells[c].cx = (cell.cx * cell.m + x * w) / t
            cells[c].cy = (cell.cy * cell.m + y * w) / t
            cells[c].m = t
            c = Int(cell.firstChild) + Self.quadrant(cell, x, y)
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
        let me = Int32(truncatingIfNeeded: i)
        cells.withUnsafeBufferPointer { cells in
            // An explicit stack on the stack: a path holds at most 3 pending siblings per level.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * Self.maxDepth + 8) { stack in
                var top = 1
                stack[0] = 0
                while top > 0 {
                    top -= 1
                    let cell = cells[Int(stack[top])]
                    if cell.m == 0 || cell.point == me { continue }
                    let dx = x - cell.cx, dy = y - cell.cy
                    let d2 = dx * dx + dy * dy
                    if cell.firstChild < 0 || cell.side * cell.side < theta2 * d2 {
                        if cell.firstChild < 0 && cell.point < 0 && d2 < 1e-18 { continue }  // merged coincident leaf holding i
                        let f = cell.m * mass / max(d2, 1e-9)
                        fx += dx * f
                        fy += dy * f
                    } else {
                        let k = cell.firstChild
                        stack[top] = k; stack[top + 1] = k + 1; stack[top + 2] = k + 2; stack[top + 3] = k + 3
                        top += 4
                    }
                }
            }
        }
        return (fx, fy)
    }
}
