/// Moves node boxes apart until no two overlap, keeping the drawing's shape.
///
/// Each node is an axis-aligned box centred on its position. A round sweeps
/// the boxes in order of their left edge and, for every pair that overlaps
/// (with `gap` to spare), pushes both apart by half the overlap along the
/// axis where the overlap is smaller (the cheapest separation, as in Graphviz's
/// `overlap=prism` family, without its proximity graph). Rounds repeat until a
/// sweep finds no overlap; if 40 rounds leave some, the whole layout is spread
/// by 1.25 about the origin and the rounds start again, which must end, since
/// spreading alone separates any two distinct positions (coincident ones are
/// first split by index).
///
/// - Complexity: O(R·(V log V + P)) time for R rounds and P pairs whose x-ranges
///   meet in a sweep (about V·√density for a spread layout; V² at worst), O(V) extra space.
public enum OverlapRemoval {
    /// The layout with boxes `widths[i] × heights[i]` (plus `gap` between them) separated.
    ///
    /// - Precondition: one width and one height per node, all finite and ≥ 0.
    /// - Complexity: see ``OverlapRemoval``.
    public static func separate(_ layout: PlaneLayout, widths: [Double], heights: [Double], gap: Double = 0) -> PlaneLayout {
        precondition(widths.count == layout.count && heights.count == layout.count, "one size per node")
        var x = layout.x, y = layout.y
        let n = x.count
        if n < 2 { return layout }
        for _ in 0..<60 {
            for _ in 0..<40 {
                if sweep(&x, &y, widths, heights, gap: gap, move: true) == 0 {
                    return PlaneLayout(x: x, y: y)
                }
            }
            for i in 0..<n { x[i] *= 1.25; y[i] *= 1.25 }
        }
        return PlaneLayout(x: x, y: y)
    }

    /// The number of pairs of boxes that overlap by more than `tolerance` in both directions.
    /// - Complexity: O(V log V + P) (see ``OverlapRemoval``).
    public static func overlappingPairs(_ layout: PlaneLayout, widths: [Double], heights: [Double], tolerance: Double = 1e-6) -> Int {
        var x = layout.x, y = layout.y
        return sweep(&x, &y, widths, heights, gap: -tolerance, move: false)
    }

    /// One sweep: counts overlapping pairs, and with `move` pushes each apart.
    private static func sweep(_ x: inout [Double], _ y: inout [Double], _ w: [Double], _ h: [Double], gap: Double, move: Bool) -> Int {
        let n = x.count
        let left = (0..<n).map { x[$0] - w[$0] / 2 }
        let order = (0..<n).sorted { a, b in left[a] != left[b] ? left[a] < left[b] : a < b }
        var found = 0
        for oi in 0..<n {
            let i = order[oi]
            var oj = oi + 1
            while oj < n {
                let j = order[oj]
                oj += 1
                // Left edges only grow along `order` (exactly so until the first
                // move; a sweep that finds nothing moves nothing): stop once j
                // starts beyond i's right edge.
                if x[j] - w[j] / 2 > x[i] + w[i] / 2 + gap { break }
                let needX = (w[i] + w[j]) / 2 + gap, needY = (h[i] + h[j]) / 2 + gap
                let dx = x[j] - x[i], dy = y[j] - y[i]
                let ox = needX - abs(dx), oy = needY - abs(dy)
                guard ox > 0 && oy > 0 else { continue }
                found += 1
                guard move else { continue }
                if ox <= oy {
                    let s = dx > 0 || (dx == 0 && i < j) ? 1.0 : -1.0
                    x[i] -= s * ox / 2
                    x[j] += s * ox / 2
                } else {
                    let s = dy > 0 || (dy == 0 && i < j) ? 1.0 : -1.0
                    y[i] -= s * oy / 2
                    y[j] += s * oy / 2
                }
            }
        }
        return found
    }
}
