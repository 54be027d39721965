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
        // The sweep order of one round is nearly that of the next: kept, it is re-sorted in about linear time.
        var order = Array(0..<n)
        for _ in 0..<60 {
            for _ in 0..<40 {
                if sweep(&x, &y, widths, heights, gap: gap, move: true, order: &order) == 0 {
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
        var order = Array(0..<x.count)
        return sweep(&x, &y, widths, heights, gap: -tolerance, move: false, order: &order)
    }

    /// A box's left edge and its index: sorted by edge, ties by index (a total order,
    /// so the sweep order does not depend on the sort algorithm or the order it starts from).
    private struct Edge: Comparable {
        var left: Double
        var index: Int
        static func < (a: Edge, b: Edge) -> Bool { a.left != b.left ? a.left < b.left : a.index < b.index }
    }

    /// One sweep: counts overlapping pairs, and with `move` pushes each apart.
    /// `order` is the previous sweep's order (any permutation of the indices) and comes back as this one's.
    private static func sweep(_ x: inout [Double], _ y: inout [Double], _ w: [Double], _ h: [Double], gap: Double, move: Bool,
                              order: inout [Int]) -> Int {
        let n = x.count
        var edges = order.map { Edge(left: x[$0] - w[$0] / 2, index: $0) }
        edges.sort()
        for k in 0..<n { order[k] = edges[k].index }
        // The same arithmetic as on the arrays, through buffer pointers: no bounds
        // checks or uniqueness checks in the loop that runs over every close pair.
        var found = 0
        x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                w.withUnsafeBufferPointer { w in
                    h.withUnsafeBufferPointer { h in
                        order.withUnsafeBufferPointer { order in
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
                        }
                    }
                }
            }
        }
        return found
    }
}
