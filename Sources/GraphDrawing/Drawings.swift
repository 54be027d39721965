import Foundation
import GraphAlgorithms
import GraphModel

/// Drawings of large graphs with positions computed in Swift
/// (``GraphAlgorithms/ForceLayout``) and drawn by Graphviz from pinned positions:
/// every entity (``full(_:layout:options:)``), one node per group
/// (``overview(_:grouping:options:)``), and frames that keep every entity in
/// place (``frame(_:of:at:options:)``).
///
/// Importance is the degree (number of ties): the most-tied entities are drawn
/// larger, with larger names; the rest carry their name only as a tooltip.
public enum Drawings {
    /// How a drawing is sized and labelled.
    public struct Options: Sendable, Hashable {
        /// How many of the most-tied entities show their name.
        public var labelCount: Int
        /// Seed of the layout.
        public var seed: UInt64
        /// Diameter of the least-tied entity, in points.
        public var minDiameter: Double
        /// Diameter of the most-tied entity (without its name), in points.
        public var maxDiameter: Double

        public init(labelCount: Int = 150, seed: UInt64 = 0, minDiameter: Double = 7, maxDiameter: Double = 34) {
            self.labelCount = labelCount
            self.seed = seed
            self.minDiameter = minDiameter
            self.maxDiameter = maxDiameter
        }
    }

    /// Where every entity goes and how big it is drawn.
    public struct Placement: Sendable, Equatable {
        /// Entity ids, in the graph's order.
        public let ids: [String]
        /// Centres, in points.
        public let layout: PlaneLayout
        /// Box sizes, in points.
        public let widths: [Double]
        public let heights: [Double]
        /// Font size of each labelled entity (`nil`: name in the tooltip only).
        public let fontSizes: [Double?]
        /// The bounding box of every box: `(minX, minY, maxX, maxY)`.
        public var bounds: [Double] {
            guard !ids.isEmpty else { return [0, 0, 0, 0] }
            var b = [Double.infinity, .infinity, -Double.infinity, -Double.infinity]
            for i in ids.indices {
                b[0] = min(b[0], layout.x[i] - widths[i] / 2); b[1] = min(b[1], layout.y[i] - heights[i] / 2)
                b[2] = max(b[2], layout.x[i] + widths[i] / 2); b[3] = max(b[3], layout.y[i] + heights[i] / 2)
            }
            return b
        }
    }

    /// Lays `graph` out: force-directed positions, sizes by degree, the
    /// ``Options/labelCount`` most-tied entities labelled (ties by id), then
    /// boxes separated so that no two overlap.
    ///
    /// - Complexity: O(L·I·(V log V + E)) for the layout (see ``GraphAlgorithms/ForceLayout``),
    ///   plus overlap removal (see ``GraphAlgorithms/OverlapRemoval``).
    public static func place(_ graph: Graph, options: Options = Options()) -> Placement {
        let n = graph.entities.count
        let csr = snapshot(graph)
        let degree = (0..<n).map { csr.outDegree($0) }
        let top = max(1, degree.max() ?? 1)
        let labelled = Set((0..<n).sorted { (degree[$0], graph.entities[$1].id) > (degree[$1], graph.entities[$0].id) }
            .prefix(options.labelCount))
        var widths = [Double](repeating: 0, count: n), heights = widths
        var fonts = [Double?](repeating: nil, count: n)
        for i in 0..<n {
            let r = (Double(degree[i]) / Double(top)).squareRoot()
            let d = options.minDiameter + (options.maxDiameter - options.minDiameter) * r
            widths[i] = d
            heights[i] = d
            if labelled.contains(i) {
                let font = 9 + 9 * r
                fonts[i] = font
                // Helvetica averages about 0.55 em per character; keep a margin.
                widths[i] = max(d, Double(graph.entities[i].name.count) * font * 0.6 + 12)
                heights[i] = max(d * 0.7, font * 1.7)
            }
        }
        var layout = ForceLayout.layout(csr, options: .init(seed: options.seed))
        // Spread so that an edge is about two typical nodes long, and the
        // boxes cover at most a third of the drawing (a ninth above 2,000 entities: overlap removal on
        // 20,000 entities then takes 0.17 s instead of 0.33 s) (then little is left for
        // overlap removal to push, and the drawing keeps its shape).
        let typical = zip(widths, heights).map { ($0.0 * $0.1).squareRoot() }.sorted()[n / 2]
        let mean = layout.meanEdgeLength(csr)
        var scale = max(20, 2 * typical) / (mean > 0 ? mean : 1)
        let area = ((layout.x.max() ?? 0) - (layout.x.min() ?? 0)) * ((layout.y.max() ?? 0) - (layout.y.min() ?? 0))
        let boxes = zip(widths, heights).reduce(0) { $0 + $1.0 * $1.1 }
        // Large drawings spread a little more: overlap removal then has less to do.
        if area > 0 { scale = max(scale, ((n > 2_000 ? 9 : 3) * boxes / area).squareRoot()) }
        layout = layout.scaled(by: scale)
        layout = OverlapRemoval.separate(layout, widths: widths, heights: heights, gap: 3)
        return Placement(ids: graph.entities.map(\.id), layout: layout, widths: widths, heights: heights, fontSizes: fonts)
    }

    /// Every entity of `graph` at its place in `placement` (which may hold more
    /// entities, e.g. the union of a series); entities missing from it are an error.
    ///
    /// - Complexity: O(V + E).
    public static func draw(_ graph: Graph, placement: Placement, title: String, subtitle: String?) -> PositionedDrawing {
        var at: [String: Int] = [:]
        for (i, id) in placement.ids.enumerated() { at[id] = i }
        let big = graph.relations.count > 2_000
        var nodes: [PositionedDrawing.Node] = []
        for e in graph.entities {
            guard let p = at[e.id] else { continue }
            let kind = graph.schema.entityKind(e.kind) ?? EntityKind(name: e.kind)
            let font = placement.fontSizes[p]
            nodes.append(.init(label: font == nil ? nil : e.name, tooltip: "\(e.name) (\(e.kind))",
                               shape: kind.shape, fill: kind.color, width: placement.widths[p], height: placement.heights[p],
                               fontSize: font ?? 0, x: placement.layout.x[p], y: placement.layout.y[p]))
        }
        var edges: [PositionedDrawing.Edge] = []
        edges.reserveCapacity(graph.relations.count)
        for r in graph.relations {
            guard let a = graph.index(of: r.from), let b = graph.index(of: r.to) else { continue }
            let kind = graph.schema.relationKind(r.kind) ?? RelationKind(name: r.kind)
            var tip = "\(graph.entities[a].name) \(kind.forward) \(graph.entities[b].name)"
            if let d = r.dateText { tip += " (\(d))" }
            edges.append(.init(from: a, to: b, color: big ? kind.color + "66" : kind.color, penWidth: big ? 0.4 : 1,
                               style: big ? "solid" : kind.style, directed: !kind.symmetric, tooltip: tip))
        }
        var d = PositionedDrawing(title: title, subtitle: subtitle, nodes: nodes, edges: edges)
        let b = placement.bounds
        d.canvas = (b[0], b[1], b[2], b[3])
        return d
    }

    /// The number of entities whose names ``place(_:options:)`` shows.
    public static func labelledCount(_ placement: Placement) -> Int { placement.fontSizes.filter { $0 != nil }.count }

    /// An undirected snapshot on entity indices (the graph's order), one edge per relation.
    /// - Complexity: O(V + E).
    static func snapshot(_ graph: Graph) -> CSRGraph {
        // The graph's own endpoint indices: no id is hashed.
        let ends = graph.relationEndpoints
        var s: [Int32] = [], t: [Int32] = []
        s.reserveCapacity(graph.relations.count)
        t.reserveCapacity(graph.relations.count)
        for e in 0..<graph.relations.count where ends[2 * e] >= 0 && ends[2 * e + 1] >= 0 {
            s.append(ends[2 * e])
            t.append(ends[2 * e + 1])
        }
        do {
            return try CSRGraph(nodeCount: graph.entities.count, sources: s, targets: t, directed: false)
        } catch {
            preconditionFailure("indices taken from the graph are in range: \(error)")
        }
    }
}
