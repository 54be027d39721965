import Foundation
import GraphFormats

/// A drawing whose every node already has its place: what ``Drawings`` builds
/// and ``dot(maxInches:)`` hands to Graphviz's pinned mode
/// (`Graphviz.renderPinned`, i.e. `neato -n2`), which then only draws.
///
/// Coordinates and sizes are in points (1/72 inch). Every text is escaped
/// with ``GraphFormats/DOTEscaping``; no `URL`, `href` or `image` is written.
public struct PositionedDrawing: Sendable, Equatable {
    /// One node: a shape at `(x, y)`, with a visible label or none (its text
    /// then lives only in the SVG tooltip).
    public struct Node: Sendable, Equatable {
        public var label: String?
        public var tooltip: String
        public var shape: String
        public var fill: String
        public var width: Double
        public var height: Double
        public var fontSize: Double
        public var x: Double
        public var y: Double

        public init(label: String?, tooltip: String, shape: String, fill: String, width: Double, height: Double,
                    fontSize: Double, x: Double, y: Double) {
            self.label = label
            self.tooltip = tooltip
            self.shape = shape
            self.fill = fill
            self.width = width
            self.height = height
            self.fontSize = fontSize
            self.x = x
            self.y = y
        }
    }

    /// One straight edge between two nodes (indices into ``nodes``).
    public struct Edge: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var color: String
        public var penWidth: Double
        public var style: String
        public var directed: Bool
        public var tooltip: String
        public var label: String?

        public init(from: Int, to: Int, color: String, penWidth: Double, style: String = "solid", directed: Bool,
                    tooltip: String, label: String? = nil) {
            self.from = from
            self.to = to
            self.color = color
            self.penWidth = penWidth
            self.style = style
            self.directed = directed
            self.tooltip = tooltip
            self.label = label
        }
    }

    /// The heading above the drawing.
    public var title: String
    /// A second heading line (what is shown, how to see more).
    public var subtitle: String?
    public var nodes: [Node]
    public var edges: [Edge]
    /// A fixed drawing area `(minX, minY, maxX, maxY)`, kept by two invisible
    /// corner points, so that frames of a series share their canvas.
    public var canvas: (Double, Double, Double, Double)?

    public init(title: String, subtitle: String? = nil, nodes: [Node], edges: [Edge]) {
        self.title = title
        self.subtitle = subtitle
        self.nodes = nodes
        self.edges = edges
    }

    public static func == (a: PositionedDrawing, b: PositionedDrawing) -> Bool {
        a.title == b.title && a.subtitle == b.subtitle && a.nodes == b.nodes && a.edges == b.edges
            && a.canvas.map { [$0.0, $0.1, $0.2, $0.3] } == b.canvas.map { [$0.0, $0.1, $0.2, $0.3] }
    }

    /// A rough size of the SVG Graphviz writes for this drawing, in bytes
    /// (measured: about 330 bytes per node and 260 per edge, plus tooltips).
    /// - Complexity: O(V + E).
    public var estimatedSVGBytes: Int {
        nodes.reduce(0) { $0 + 330 + $1.tooltip.utf8.count + ($1.label?.utf8.count ?? 0) }
            + edges.reduce(0) { $0 + 260 + (edges.count <= Self.edgeTooltipLimit ? $1.tooltip.utf8.count : 0) }
    }

    /// The DOT text, with `pos="x,y!"` on every node and `splines=false`.
    /// - Parameter maxInches: a bound on the drawing's larger side (Graphviz's
    ///   `size`), for raster output; `nil` for none.
    /// - Complexity: O(V + E).
    public func dot(maxInches: Double? = nil) -> String {
        dot(maxInches: maxInches, edges: nil, hiddenNodes: false)
    }

    /// The DOT text with only the edges at `selection` (all when `nil`), in that order,
    /// and with every node invisible when `hiddenNodes` (placed and sized as before,
    /// so that Graphviz computes the same bounding box and clips edges the same way).
    func dot(maxInches: Double?, edges selection: [Int]?, hiddenNodes: Bool) -> String {
        var out = "digraph \"G\" {\n"
        out.reserveCapacity(1_024 + 220 * nodes.count + 20 * edges.count)
        var heading = "<B>\(DOTEscaping.html(title))</B>"
        if let subtitle { heading += "<BR/><FONT POINT-SIZE=\"11\">\(DOTEscaping.html(subtitle))</FONT>" }
        out += "  graph [label=<\(heading)>, labelloc=t, fontsize=16, fontname=\"Helvetica,Arial,sans-serif\", "
        out += "outputorder=edgesfirst, splines=false, pad=\"0.3\""
        if let maxInches { out += ", size=\"\(f(maxInches)),\(f(maxInches))\"" }
        out += "];\n"
        out += "  node [style=\(hiddenNodes ? "invis" : "filled"), fixedsize=true, fontname=\"Helvetica,Arial,sans-serif\", color=\"#374151\", penwidth=0.6, fontcolor=\"#111827\"];\n"
        // The commonest edge colour, width and style become the defaults; each edge
        // writes only what differs (on 100,000 edges this halves Graphviz's parsing).
        let big = edges.count > Self.edgeTooltipLimit
        // Edge widths take a handful of values: each is formatted once.
        var widthText: [Double: String] = [:]
        func width(_ v: Double) -> String {
            if let t = widthText[v] { return t }
            let t = f(v)
            widthText[v] = t
            return t
        }
        var tally: [String: Int] = [:]
        for e in edges { tally[e.color + " " + width(e.penWidth) + " " + e.style, default: 0] += 1 }
        let common = tally.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        let parts = common?.split(separator: " ").map(String.init) ?? []
        let (dc, dw, ds) = parts.count == 3 ? (parts[0], parts[1], parts[2]) : ("#000000", "1.00", "solid")
        out += "  edge [arrowsize=0.5, fontname=\"Helvetica,Arial,sans-serif\", fontsize=9, color=\(DOTEscaping.quotedID(dc)), "
        out += "penwidth=\(dw), style=\(DOTEscaping.quotedID(ds))\(big ? ", dir=none" : "")];\n"
        for (i, n) in nodes.enumerated() {
            out += "  n\(i) [pos=\"\(f(n.x)),\(f(n.y))!\", width=\(f(n.width / 72)), height=\(f(n.height / 72)), "
            out += "shape=\(DOTEscaping.quotedID(n.shape)), fillcolor=\(DOTEscaping.quotedID(n.fill)), "
            if hiddenNodes {
                out += "label=\"\""  // drawn by the other half: its text is not needed here (fixedsize: no effect on size)
            } else {
                out += "label=\(DOTEscaping.escString(n.label ?? "")), tooltip=\(DOTEscaping.escString(n.tooltip))"
                if n.label != nil { out += ", fontsize=\(f(n.fontSize))" }
            }
            out += "];\n"
        }
        if let (x0, y0, x1, y1) = canvas {
            out += "  corner0 [pos=\"\(f(x0)),\(f(y0))!\", style=invis, width=0.01, height=0.01, label=\"\"];\n"
            out += "  corner1 [pos=\"\(f(x1)),\(f(y1))!\", style=invis, width=0.01, height=0.01, label=\"\"];\n"
        }
        // Edges that only take the defaults (all of them on a big uniform graph) are
        // written without an attribute list and without building one.
        for index in selection ?? Array(edges.indices) {
            let e = edges[index]
            var attrs = ""
            func add(_ a: String) { attrs += attrs.isEmpty ? a : ", " + a }
            if e.color != dc { add("color=\(DOTEscaping.quotedID(e.color))") }
            let w = width(e.penWidth)
            if w != dw { add("penwidth=\(w)") }
            if e.style != ds { add("style=\(DOTEscaping.quotedID(e.style))") }
            // Arrowheads on 20,000 half-point lines cannot be seen; they only cost time and bytes.
            if !e.directed && !big { add("dir=none") }
            if let label = e.label { add("label=\(DOTEscaping.escString(label))") }
            // Edge tooltips cost Graphviz a third of its drawing time on 100,000 edges: big drawings go without.
            if !big { add("tooltip=\(DOTEscaping.escString(e.tooltip))") }
            out += "  n"
            out += String(e.from)
            out += " -> n"
            out += String(e.to)
            out += attrs.isEmpty ? ";\n" : " [" + attrs + "];\n"
        }
        return out + "}\n"
    }

    /// Above this many edges, edges carry no tooltip and no arrowhead (nodes always have their tooltip).
    public static let edgeTooltipLimit = 20_000

    /// `v` with two decimals, as `String(format: "%.2f", v)` writes it (the same C
    /// formatting, called directly: a tenth of the cost, on 80,000 numbers for 20,000 nodes).
    private func f(_ v: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer in
            let count = withVaList([v]) { vsnprintf(buffer.baseAddress, 48, "%.2f", $0) }
            guard count > 0, count < 48 else { return String(format: "%.2f", v) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(count)).bindMemory(to: UInt8.self), as: UTF8.self)
        }
    }
}
