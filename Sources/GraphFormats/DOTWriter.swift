import Foundation
import GraphModel

/// Which edges of a ``DOTWriter`` drawing carry a text label.
public enum EdgeLabels: String, Sendable, CaseIterable {
    /// Every edge when the graph has at most ``DOTOptions/autoEdgeLabelLimit``
    /// relations; otherwise only the highlighted ones (a hundred labels make a
    /// whole-graph diagram unreadable).
    case auto
    /// Every edge.
    case all
    /// No edge, not even a highlighted one.
    case none
}

/// How ``DOTWriter`` draws a graph.
public struct DOTOptions: Sendable {
    /// The title above the diagram; the graph's name when `nil`.
    public var title: String?
    /// Whether to add a legend (under the title, in the graph's own label, so
    /// that every engine places it) listing the kinds used.
    public var legend: Bool
    /// Entities to emphasise (bold outline); when this or ``highlightedRelations``
    /// is non-empty everything else is muted (paler colours, grey lines).
    public var highlightedEntities: Set<String>
    /// Relations to emphasise (thick red edges), by identity (a path's hops,
    /// found on this graph or on one it was derived from).
    public var highlightedRelations: Set<RelationID>
    /// Fill colours (`#rrggbb`) by entity id, replacing the kind's colour
    /// (community colours, for instance). Invalid colours are ignored. When
    /// set, the legend shows the entity kinds by shape only.
    public var fillOverride: [String: String]
    /// Legend rows for ``fillOverride``: a label and its `#rrggbb` colour.
    public var colorLegend: [(label: String, color: String)]
    /// Heading of the colour legend ("Community", "Betweenness"…).
    public var colorLegendTitle: String?
    /// Relative node sizes by entity id, 0...1 (clamped).
    public var sizes: [String: Double]
    /// Heading of the size legend ("Size: betweenness").
    public var sizeLegendTitle: String?
    /// Graph attributes for the layout engine (`overlap`, `splines`, `rankdir`…);
    /// only names in ``allowedHints`` are written. See ``hints(forEngine:)``.
    public var engineHints: [String: String]
    /// Which edges are labelled with their relation (and date).
    public var edgeLabels: EdgeLabels

    /// Up to this many relations, ``EdgeLabels/auto`` labels every edge.
    public static let autoEdgeLabelLimit = 60

    public init(
        title: String? = nil, legend: Bool = true, highlightedEntities: Set<String> = [],
        highlightedRelations: Set<RelationID> = [], fillOverride: [String: String] = [:],
        colorLegend: [(label: String, color: String)] = [], colorLegendTitle: String? = nil,
        sizes: [String: Double] = [:], sizeLegendTitle: String? = nil, engineHints: [String: String] = [:],
        edgeLabels: EdgeLabels = .auto
    ) {
        self.title = title
        self.legend = legend
        self.highlightedEntities = highlightedEntities
        self.highlightedRelations = highlightedRelations
        self.fillOverride = fillOverride
        self.colorLegend = colorLegend
        self.colorLegendTitle = colorLegendTitle
        self.sizes = sizes
        self.sizeLegendTitle = sizeLegendTitle
        self.engineHints = engineHints
        self.edgeLabels = edgeLabels
    }

    /// Graph attributes ``engineHints`` may set (an allow-list: nothing that
    /// reads files or emits links).
    public static let allowedHints: Set<String> = [
        "overlap", "splines", "rankdir", "nodesep", "ranksep", "sep", "esep", "K", "maxiter", "mode", "model",
        "pack", "packmode", "concentrate", "ratio", "size", "dpi", "root", "mindist", "repulsiveforce",
        "epsilon", "start", "newrank", "ordering", "outputorder", "overlap_scaling", "center", "margin", "pad",
    ]

    /// Sensible hints per engine: spread-out layouts avoid overlaps and route
    /// edges around nodes, and are scaled down to at most 50 × 50 inches (4800
    /// pixels at 96 dpi) so that a huge graph does not make a gigantic image;
    /// `dot` reads left to right.
    /// - Complexity: O(1).
    public static func hints(forEngine engine: String) -> [String: String] {
        switch engine {
        case "neato", "fdp", "sfdp": return ["overlap": "false", "splines": "true", "sep": "+6", "size": "50,50"]
        case "circo", "twopi": return ["overlap": "false", "splines": "true", "size": "50,50"]
        case "dot": return ["rankdir": "LR", "size": "50,50"]
        default: return [:]
        }
    }

    /// Raster formats, whose pixel size `dpi` sets.
    public static let rasterFormats: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff"]

    /// ``hints(forEngine:)`` plus the resolution of a raster image: 144 dpi for
    /// `dot` (the engine for small graphs: sharp on slides and in print), at
    /// most 32 × 32 inches (4608 pixels); Graphviz's 96 dpi for the spread-out
    /// engines, whose drawings of a hundred entities are already some 28 inches
    /// wide (2700 pixels, about 1 MB; names stay legible at 11 points, 15 pixels).
    /// Vector formats (svg, pdf) get no `dpi`: Graphviz would scale their page.
    /// - Complexity: O(1).
    public static func hints(forEngine engine: String, format: String) -> [String: String] {
        var hints = hints(forEngine: engine)
        if rasterFormats.contains(format.lowercased()) && engine == "dot" {
            hints["dpi"] = "144"
            hints["size"] = "32,32"
        }
        return hints
    }
}

/// Writes a graph as Graphviz DOT for drawing: styled by kind from the schema,
/// with labels, tooltips, optional highlighting, colour/size overrides and a legend.
///
/// The output is byte-identical for the same graph and options. Node ids are
/// the entity ids and the graph's DOT name is its name, in relgraph's escapes
/// (``DOTEscaping/id(_:)``). Every node has a `label` (its display name); drawn
/// text is escaped as ``DOTEscaping/escString(_:)`` and ``DOTEscaping/html(_:)``
/// describe; no `URL`, `href` or `image` attribute is ever written.
///
/// The model travels too, as attributes Graphviz ignores and `relgraph import`
/// reads back (see ``ImportMapping``), names and values in relgraph's escapes
/// (``DOTEscaping/value(_:)``; the graph attribute `relgraph_escapes=1` says
/// so): every node carries `kind` and, when present, `aliases` (`;`-joined as
/// ``AttributeNaming`` says), `start`, `end`, `description`, and `name` when its
/// label does not give the name exactly (a highlighted node's HTML-like label, a
/// name with a carriage return, an empty name); every edge carries `kind` and
/// `date`, `start`, `end`, `evidence`, `source`, `weight`, `confidence`; free
/// attributes follow under their exported names (prefixed `attr:` when the name
/// is one Graphviz would interpret). The import gives back every text exactly
/// (ids, names, kinds, aliases, attributes, evidence, the graph's name and
/// description). An edge's drawn label is not part of the model: `relgraph
/// import` drops it when the edge has a `kind`.
/// The legend is part of the graph's `label`, not a node.
public enum DOTWriter {
    static let font = "Helvetica,Arial,sans-serif"
    static let ink = "#111827", outline = "#374151"
    static let mutedLine = "#c7ccd4", mutedOutline = "#9ca3af", mutedText = "#4b5563", mutedEdgeText = "#6b7280"
    static let highlightColor = "#dc2626"
    /// The alpha appended to kind colours of entities off a highlighted path.
    static let mutedAlpha = "73"

    /// The DOT text, ending in a newline.
    /// - Complexity: O(V + E + K) for K kinds in the schema (times the
    ///   attributes per entity or relation).
    public static func write(_ graph: Graph, options: DOTOptions = DOTOptions()) -> String {
        let sink = TextSink()
        write(graph, options: options, to: sink)
        return sink.text
    }

    /// Writes the DOT text of ``write(_:options:)`` to `path` atomically, in
    /// chunks as it is produced (the same bytes).
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: O(V + E + K); O(1) memory beyond the graph and one chunk.
    public static func write(_ graph: Graph, options: DOTOptions = DOTOptions(), toFile path: String) throws(GraphFormatsError) {
        try TextSink.writeFile(path) { sink in write(graph, options: options, to: sink) }
    }

    /// Appends the DOT text of ``write(_:options:)`` to `out`.
    /// - Complexity: O(V + E + K).
    public static func write(_ graph: Graph, options: DOTOptions = DOTOptions(), to out: TextSink) {
        let nodeIDs = dotNodeIDs(graph)
        let highlighting = !options.highlightedEntities.isEmpty || !options.highlightedRelations.isEmpty
        let labelAll: Bool
        switch options.edgeLabels {
        case .all: labelAll = true
        case .none: labelAll = false
        case .auto: labelAll = graph.relations.count <= DOTOptions.autoEdgeLabelLimit
        }
        out += "digraph \(DOTEscaping.id(graph.name)) {\n"
        let title = options.title ?? graph.name
        var graphAttrs: [(String, String)] = []
        if options.legend, let html = legendLabel(graph, title: title, options: options) {
            graphAttrs += [("label", "<\n\(html)  >"), ("fontsize", "11")]
        } else {
            graphAttrs += [("label", DOTEscaping.escString(title)), ("fontsize", "18")]
        }
        graphAttrs += [("labelloc", "t"), ("fontname", q(font)), ("outputorder", "edgesfirst")]
        for key in options.engineHints.keys.sorted() where DOTOptions.allowedHints.contains(key) {
            let value = DOTEscaping.quotedID(options.engineHints[key] ?? "")
            if let i = graphAttrs.firstIndex(where: { $0.0 == key }) { graphAttrs[i].1 = value } else { graphAttrs.append((key, value)) }
        }
        graphAttrs.append((DOTEscaping.escapesAttribute, DOTEscaping.escapesVersion))
        if let d = graph.description { graphAttrs.append(("description", DOTEscaping.value(d))) }
        out += "  graph [\(attrList(graphAttrs))];\n"
        out += "  node [style=filled, color=\(q(outline)), fontcolor=\(q(ink)), fontname=\(q(font)), fontsize=11];\n"
        out += "  edge [fontname=\(q(font)), fontsize=10, arrowsize=0.8];\n"

        let plain = PlainLines(graph: graph, nodeIDs: nodeIDs, out: out)
        for (i, e) in graph.entities.enumerated() {
            if PlainLines.isPlain(e, options, highlighting: highlighting) {
                plain.writeEntity(i)
                continue
            }
            plain.flush()
            let kind = graph.schema.entityKind(e.kind) ?? EntityKind(name: e.kind)
            var fill = kind.color
            if let c = options.fillOverride[e.id], Schema.isValidColor(c) { fill = c }
            let lit = highlighting && options.highlightedEntities.contains(e.id)
            var attrs: [(String, String)] = [
                ("label", lit ? "<<B>\(DOTEscaping.html(e.name))</B>>" : DOTEscaping.escString(e.name)),
                ("shape", q(kind.shape)),
            ]
            if highlighting && !lit {
                attrs += [("fillcolor", q(muted(fill))), ("color", q(mutedOutline)), ("fontcolor", q(mutedText))]
            } else {
                attrs.append(("fillcolor", q(fill)))
            }
            if lit { attrs += [("penwidth", "3"), ("color", q(ink))] }
            if let s = options.sizes[e.id], s.isFinite {
                let r = min(max(s, 0), 1)
                attrs += [("width", fixed(0.75 + 1.25 * r)), ("height", fixed(0.5 + 0.75 * r)),
                          ("fontsize", fixed(10 + 8 * r))]
            } else if lit {
                attrs.append(("fontsize", "13"))
            }
            attrs.append(("tooltip", DOTEscaping.escString(tooltip(e))))
            // The label is a drawing; the name travels as well when the label does not give it exactly.
            let withName = lit || !DOTEscaping.labelShowsExactly(e.name)
            attrs += modelAttributes(ExportFields.nodeFields(e).filter { $0.0 != "name" || withName }, free: e.attributes)
            out += "  \(nodeIDs[i]) [\(attrList(attrs))];\n"
        }

        // A relation that is not highlighted or labelled and carries nothing but its kind
        // (and weight) is written from per-entity and per-kind parts made once: the same
        // text as the general branch below, without building it attribute by attribute.
        for (i, r) in graph.relations.enumerated() {
            let (ia, ib) = graph.endpoints(ofRelation: i)
            guard ia >= 0, ib >= 0 else { continue }
            let a = ia, b = ib
            if !highlighting && (options.edgeLabels == .none || !labelAll) && !r.hasDetails {
                plain.writeRelation(r, a, b)
                continue
            }
            plain.flush()
            let kind = graph.schema.relationKind(r.kind) ?? RelationKind(name: r.kind)
            var label = kind.forward
            if let d = r.dateText { label += "\n" + d }
            let lit = highlighting && options.highlightedRelations.contains(graph.relationID(at: i))
            var attrs: [(String, String)] = []
            if options.edgeLabels != .none && (labelAll || lit) {
                // A highlighted label sits on a white plate so that the grey edges behind it don't cross it.
                attrs.append(("label", lit
                    ? "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"1\" BGCOLOR=\"#ffffffd9\"><TR><TD><B>\(DOTEscaping.html(label))</B></TD></TR></TABLE>>"
                    : DOTEscaping.escString(label)))
            }
            if lit {
                // Solid: a dashed or dotted arrowhead looks broken at this width.
                attrs += [("color", q(highlightColor)), ("fontcolor", q(highlightColor)), ("penwidth", "3.5"),
                          ("arrowsize", "1"), ("fontsize", "11"), ("style", "solid")]
            } else if highlighting {
                attrs += [("color", q(mutedLine)), ("fontcolor", q(mutedEdgeText)), ("style", q(kind.style))]
            } else {
                attrs += [("color", q(kind.color)), ("fontcolor", q(kind.color)), ("style", q(kind.style))]
            }
            if kind.symmetric { attrs.append(("dir", "none")) }
            let fromName = graph.entities[a].name, toName = graph.entities[b].name
            var tip = "\(fromName) \(kind.forward) \(toName)"
            if let d = r.dateText { tip += " (\(d))" }
            if let ev = r.evidence {
                if !ev.text.isEmpty { tip += "\n" + ev.text }
                if let s = ev.source { tip += "\n[\(s)]" }
            }
            attrs.append(("tooltip", DOTEscaping.escString(tip)))
            attrs += modelAttributes(ExportFields.edgeFields(r), free: r.attributes)
            out += "  \(nodeIDs[a]) -> \(nodeIDs[b]) [\(attrList(attrs))];\n"
        }
        plain.flush()
        out += "}\n"
    }

    /// The plain branches of ``write(_:options:to:)``, written as bytes from
    /// per-entity and per-kind parts made once — the same text as the general
    /// branches, without building a `String` per line: an entity with nothing
    /// but its id, name and kind (drawn without highlight, override or size),
    /// and a relation that is not highlighted or labelled and carries nothing
    /// but its kind (and weight). Lines gather in a block of about 1 MiB that
    /// goes to the sink when full and before anything else is written to it.
    final class PlainLines {
        let graph: Graph
        let out: TextSink
        /// Quoted DOT ids, back to back: entity `i`'s is `ids[idStart[i]..<idStart[i + 1]]`.
        private let ids: UnsafeMutablePointer<UInt8>, idStart: UnsafeMutablePointer<Int>
        /// Escaped names without their quotes: entity `i`'s is `names[nameStart[i]..<nameStart[i + 1]]`.
        private let names: UnsafeMutablePointer<UInt8>, nameStart: UnsafeMutablePointer<Int>
        /// Per relation kind: the attributes before the tooltip, the kind's verb, and the `kind=` tail.
        private var edgeParts: [String: (head: [UInt8], forward: [UInt8], kind: [UInt8])] = [:]
        private var lastEdge: (name: String, head: [UInt8], forward: [UInt8], kind: [UInt8])? = nil
        /// Per entity kind: `", shape=…, fillcolor=…, tooltip=\""`, then `" (kind)\", kind=…];\n"`.
        private var nodeParts: [String: (head: [UInt8], tail: [UInt8])] = [:]
        /// `"<weight>"` by bit pattern, direct-mapped (a weight column repeats few values).
        private var weightKeys = [UInt64](repeating: 0, count: 4096)
        private var weightText = [[UInt8]](repeating: [], count: 4096)
        private let block: UnsafeMutablePointer<UInt8>
        private var used = 0
        private static let capacity = 1 << 20

        init(graph: Graph, nodeIDs: [String], out: TextSink) {
            self.graph = graph
            self.out = out
            /// Texts back to back in one allocation, with their start offsets (`count + 1` of them).
            func pack(_ texts: some Sequence<String>, trim: Int) -> (UnsafeMutablePointer<UInt8>, UnsafeMutablePointer<Int>) {
                var bytes: [UInt8] = [], starts = [0]
                for var t in texts {
                    t.withUTF8 { bytes.append(contentsOf: $0[trim..<($0.count - trim)]) }
                    starts.append(bytes.count)
                }
                let b = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
                b.initialize(from: bytes, count: bytes.count)
                let o = UnsafeMutablePointer<Int>.allocate(capacity: starts.count)
                o.initialize(from: starts, count: starts.count)
                return (b, o)
            }
            (ids, idStart) = pack(nodeIDs, trim: 0)
            (names, nameStart) = pack(graph.entities.lazy.map { DOTEscaping.escString($0.name) }, trim: 1)
            block = .allocate(capacity: PlainLines.capacity)
        }

        deinit { block.deallocate(); ids.deallocate(); idStart.deallocate(); names.deallocate(); nameStart.deallocate() }

        /// Hands the gathered lines to the sink.
        func flush() {
            if used > 0 { out.append(UnsafeBufferPointer(start: block, count: used)); used = 0 }
        }

        @inline(__always)
        private func put(_ p: UnsafePointer<UInt8>, _ n: Int) {
            if used + n > PlainLines.capacity {
                flush()
                if n > PlainLines.capacity { out.append(UnsafeBufferPointer(start: p, count: n)); return }
            }
            let dst = block + used
            if n <= 16 {
                for k in 0..<n { dst[k] = p[k] }  // short pieces: cheaper than a call to memmove
            } else {
                dst.update(from: p, count: n)
            }
            used += n
        }

        @inline(__always)
        private func put(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { put($0.baseAddress!, $0.count) }
        }

        @inline(__always)
        private func put(_ s: StaticString) { put(s.utf8Start, s.utf8CodeUnitCount) }

        @inline(__always)
        private func putName(_ i: Int) { put(names + nameStart[i], nameStart[i + 1] - nameStart[i]) }

        @inline(__always)
        private func putID(_ i: Int) { put(ids + idStart[i], idStart[i + 1] - idStart[i]) }

        /// Whether entity `e` takes the plain branch under `options` (not when its
        /// label does not give its name exactly: the general branch adds `name`).
        static func isPlain(_ e: Entity, _ options: DOTOptions, highlighting: Bool) -> Bool {
            !highlighting && e.aliases.isEmpty && e.start == nil && e.end == nil && e.description == nil
                && e.attributes.isEmpty && DOTEscaping.labelShowsExactly(e.name)
                && (options.fillOverride.isEmpty || options.fillOverride[e.id] == nil)
                && (options.sizes.isEmpty || options.sizes[e.id] == nil)
        }

        /// Entity `i`'s line, as the general branch writes it for a plain entity:
        /// `label`, `shape`, `fillcolor`, `tooltip` ("name (kind)"), `kind`.
        func writeEntity(_ i: Int) {
            let e = graph.entities[i]
            let parts: (head: [UInt8], tail: [UInt8])
            if let p = nodeParts[e.kind] { parts = p } else {
                let kind = graph.schema.entityKind(e.kind) ?? EntityKind(name: e.kind)
                let inner = DOTEscaping.escString(" (\(e.kind))")
                parts = (Array("\", shape=\(q(kind.shape)), fillcolor=\(q(kind.color)), tooltip=\"".utf8),
                         Array("\(inner.dropFirst()), kind=\(DOTEscaping.value(e.kind))];\n".utf8))
                nodeParts[e.kind] = parts
            }
            put("  "); putID(i); put(" [label=\""); putName(i); put(parts.head); putName(i); put(parts.tail)
        }

        /// Relation `r`'s line, joining entities `a` and `b`.
        func writeRelation(_ r: Relation, _ a: Int, _ b: Int) {
            let head: [UInt8], forward: [UInt8], kindTail: [UInt8]
            if let lastEdge, lastEdge.name == r.kind {
                (head, forward, kindTail) = (lastEdge.head, lastEdge.forward, lastEdge.kind)
            } else {
                if let p = edgeParts[r.kind] { (head, forward, kindTail) = p } else {
                    let kind = graph.schema.relationKind(r.kind) ?? RelationKind(name: r.kind)
                    var h = "color=\(q(kind.color)), fontcolor=\(q(kind.color)), style=\(q(kind.style))"
                    if kind.symmetric { h += ", dir=none" }
                    head = Array((h + ", tooltip=\"").utf8)
                    forward = Array(DOTEscaping.escString(kind.forward).dropFirst().dropLast().utf8)
                    kindTail = Array("\", kind=\(DOTEscaping.value(r.kind))".utf8)
                    edgeParts[r.kind] = (head, forward, kindTail)
                }
                lastEdge = (r.kind, head, forward, kindTail)
            }
            put("  "); putID(a); put(" -> "); putID(b); put(" [")
            put(head); putName(a); put(" "); put(forward); put(" "); putName(b); put(kindTail)
            if let w = r.weight {
                put(", weight=")
                let bits = w.bitPattern
                let slot = Int(truncatingIfNeeded: ((bits ^ (bits >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 52)
                if weightKeys[slot] != bits || weightText[slot].isEmpty {
                    weightKeys[slot] = bits
                    weightText[slot] = Array(DOTEscaping.value(ExportFields.number(w)).utf8)
                }
                put(weightText[slot])
            }
            put("];\n")
        }
    }

    /// The DOT id of every entity, by index: the entity id in relgraph's escapes
    /// (``DOTEscaping/id(_:)``), quoted.
    /// - Complexity: O(V).
    public static func dotNodeIDs(_ graph: Graph) -> [String] {
        graph.entities.map { DOTEscaping.id($0.id) }
    }

    /// The model fields as DOT attributes, then the free attributes under
    /// their exported names, sorted; a name Graphviz would interpret gets the
    /// `attr:` prefix the importer strips. Names and values in relgraph's escapes.
    static func modelAttributes(_ fields: [(String, String)], free: [String: String]) -> [(String, String)] {
        var out = fields.map { ($0.0, DOTEscaping.value($0.1)) }
        for (name, value) in ExportFields.freeFields(free) {
            let safe = graphvizAttributeNames.contains(name.lowercased()) ? AttributeNaming.prefix + name : name
            out.append((DOTEscaping.value(safe), DOTEscaping.value(value)))
        }
        return out
    }

    /// Every attribute name Graphviz reads (lower case), from its attribute reference.
    static let graphvizAttributeNames: Set<String> = [
        "_background", "area", "arrowhead", "arrowsize", "arrowtail", "bb", "beautify", "bgcolor", "center",
        "charset", "class", "cluster", "clusterrank", "color", "colorscheme", "comment", "compound", "concentrate",
        "constraint", "damping", "decorate", "defaultdist", "dim", "dimen", "dir", "diredgeconstraints",
        "distortion", "dpi", "edgehref", "edgetarget", "edgetooltip", "edgeurl", "epsilon", "esep", "fillcolor",
        "fixedsize", "fontcolor", "fontname", "fontnames", "fontpath", "fontsize", "forcelabels", "gradientangle",
        "group", "head_lp", "headclip", "headhref", "headlabel", "headport", "headtarget", "headtooltip",
        "headurl", "height", "href", "id", "image", "imagepath", "imagepos", "imagescale", "inputscale", "k",
        "label", "label_scheme", "labelangle", "labeldistance", "labelfloat", "labelfontcolor", "labelfontname",
        "labelfontsize", "labelhref", "labeljust", "labelloc", "labeltarget", "labeltooltip", "labelurl",
        "landscape", "layer", "layerlistsep", "layers", "layerselect", "layersep", "layout", "len", "levels",
        "levelsgap", "lhead", "lheight", "linelength", "lp", "ltail", "lwidth", "margin", "maxiter", "mclimit",
        "mindist", "minlen", "mode", "model", "newrank", "nodesep", "nojustify", "normalize", "notranslate",
        "nslimit", "nslimit1", "oneblock", "ordering", "orientation", "outputorder", "overlap", "overlap_scaling",
        "overlap_shrink", "pack", "packmode", "pad", "page", "pagedir", "pencolor", "penwidth", "peripheries",
        "pin", "pos", "quadtree", "quantum", "radius", "rank", "rankdir", "ranksep", "ratio", "rects", "regular",
        "remincross", "repulsiveforce", "resolution", "root", "rotate", "rotation", "samehead", "sametail",
        "samplepoints", "scale", "searchsize", "sep", "shape", "shapefile", "showboxes", "sides", "size", "skew",
        "smoothing", "sortv", "splines", "start", "style", "stylesheet", "tail_lp", "tailclip", "tailhref",
        "taillabel", "tailport", "tailtarget", "tailtooltip", "tailurl", "target", "tbbalance", "tooltip",
        "truecolor", "url", "vertices", "viewport", "voro_margin", "weight", "width", "xdotversion", "xlabel",
        "xlp", "z",
    ]

    /// `color` with ``mutedAlpha`` (a `#rgb` colour is spelt out first).
    static func muted(_ color: String) -> String {
        var hex = String(color.dropFirst())
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        return "#" + hex + mutedAlpha
    }

    static func q(_ s: String) -> String { DOTEscaping.quotedID(s) }

    static func attrList(_ attrs: [(String, String)]) -> String {
        attrs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    static func fixed(_ x: Double) -> String { String(format: "%.2f", x) }

    static func tooltip(_ e: Entity) -> String {
        var t = "\(e.name) (\(e.kind))"
        switch (e.start, e.end) {
        case let (s?, t2?): t += " \(s)–\(t2)"
        case let (s?, nil): t += " from \(s)"
        case let (nil, t2?): t += " until \(t2)"
        default: break
        }
        if let d = e.description { t += "\n" + d }
        return t
    }
}
