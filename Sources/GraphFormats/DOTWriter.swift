import Foundation
import GraphModel

/// How ``DOTWriter`` draws a graph.
public struct DOTOptions: Sendable {
    /// The title above the diagram; the graph's name when `nil`.
    public var title: String?
    /// Whether to add a legend (a `cluster_legend` subgraph) listing the kinds used.
    public var legend: Bool
    /// Entities to emphasise (bold outline); when this or ``highlightedRelations``
    /// is non-empty everything else is faded to grey.
    public var highlightedEntities: Set<String>
    /// Relations to emphasise (thick red edges), as indices into `graph.relations`.
    public var highlightedRelations: Set<Int>
    /// Fill colours (`#rrggbb`) by entity id, replacing the kind's colour
    /// (community colours, for instance). Invalid colours are ignored.
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

    public init(
        title: String? = nil, legend: Bool = true, highlightedEntities: Set<String> = [],
        highlightedRelations: Set<Int> = [], fillOverride: [String: String] = [:],
        colorLegend: [(label: String, color: String)] = [], colorLegendTitle: String? = nil,
        sizes: [String: Double] = [:], sizeLegendTitle: String? = nil, engineHints: [String: String] = [:]
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
    }

    /// Graph attributes ``engineHints`` may set (an allow-list: nothing that
    /// reads files or emits links).
    public static let allowedHints: Set<String> = [
        "overlap", "splines", "rankdir", "nodesep", "ranksep", "sep", "esep", "K", "maxiter", "mode", "model",
        "pack", "packmode", "concentrate", "ratio", "size", "dpi", "root", "mindist", "repulsiveforce",
        "epsilon", "start", "newrank", "ordering", "outputorder", "overlap_scaling", "center", "margin", "pad",
    ]

    /// Sensible hints per engine: spread-out layouts avoid overlaps and route
    /// edges around nodes; `dot` reads left to right.
    /// - Complexity: O(1).
    public static func hints(forEngine engine: String) -> [String: String] {
        switch engine {
        case "neato", "fdp", "sfdp": return ["overlap": "false", "splines": "true", "sep": "+6"]
        case "circo", "twopi": return ["overlap": "false", "splines": "true"]
        case "dot": return ["rankdir": "LR"]
        default: return [:]
        }
    }
}

/// Writes a graph as Graphviz DOT for drawing: styled by kind from the schema,
/// with labels, tooltips, optional highlighting, colour/size overrides and a legend.
///
/// The output is byte-identical for the same graph and options. Node ids are
/// the entity ids (quoted); an id that DOT cannot carry unchanged (one holding a
/// backslash or a control character) gets a synthetic id `n<index>` instead.
/// Every node has a `label` (its display name); every text is escaped as
/// ``DOTEscaping`` describes; no `URL`, `href` or `image` attribute is ever
/// written.
public enum DOTWriter {
    static let font = "Helvetica,Arial,sans-serif"
    static let fadedFill = "#f3f4f6", fadedLine = "#d1d5db", fadedText = "#9ca3af"
    static let highlightColor = "#dc2626"

    /// The DOT text, ending in a newline.
    /// - Complexity: O(V + E + K) for K kinds in the schema.
    public static func write(_ graph: Graph, options: DOTOptions = DOTOptions()) -> String {
        let nodeIDs = dotNodeIDs(graph)
        let highlighting = !options.highlightedEntities.isEmpty || !options.highlightedRelations.isEmpty
        var out = "digraph \(DOTEscaping.quotedID(graph.name)) {\n"
        var graphAttrs = [
            ("label", DOTEscaping.escString(options.title ?? graph.name)), ("labelloc", "t"), ("fontsize", "16"),
            ("fontname", DOTEscaping.quotedID(font)),
        ]
        for key in options.engineHints.keys.sorted() where DOTOptions.allowedHints.contains(key) {
            graphAttrs.append((key, DOTEscaping.quotedID(options.engineHints[key] ?? "")))
        }
        out += "  graph [\(attrList(graphAttrs))];\n"
        out += "  node [style=filled, fontname=\(DOTEscaping.quotedID(font)), fontsize=11];\n"
        out += "  edge [fontname=\(DOTEscaping.quotedID(font)), fontsize=9];\n"

        for (i, e) in graph.entities.enumerated() {
            let kind = graph.schema.entityKind(e.kind) ?? EntityKind(name: e.kind)
            var fill = kind.color
            if let c = options.fillOverride[e.id], Schema.isValidColor(c) { fill = c }
            var attrs: [(String, String)] = [("label", DOTEscaping.escString(e.name)), ("shape", kind.shape)]
            let lit = options.highlightedEntities.contains(e.id)
            if highlighting && !lit {
                attrs += [("fillcolor", q(fadedFill)), ("color", q(fadedLine)), ("fontcolor", q(fadedText))]
            } else {
                attrs.append(("fillcolor", q(fill)))
            }
            if highlighting && lit {
                attrs += [("style", q("filled,bold")), ("penwidth", "3"), ("color", q("#111827"))]
            }
            if let s = options.sizes[e.id], s.isFinite {
                let r = min(max(s, 0), 1)
                attrs += [("width", fixed(0.75 + 1.25 * r)), ("height", fixed(0.5 + 0.75 * r)),
                          ("fontsize", fixed(10 + 8 * r))]
            }
            attrs.append(("tooltip", DOTEscaping.escString(tooltip(e))))
            out += "  \(nodeIDs[i]) [\(attrList(attrs))];\n"
        }

        for (i, r) in graph.relations.enumerated() {
            guard let a = graph.index(of: r.from), let b = graph.index(of: r.to) else { continue }
            let kind = graph.schema.relationKind(r.kind) ?? RelationKind(name: r.kind)
            var label = kind.forward
            if let d = r.dateText { label += "\n" + d }
            var attrs: [(String, String)] = [("label", DOTEscaping.escString(label))]
            let lit = options.highlightedRelations.contains(i)
            if highlighting && lit {
                attrs += [("color", q(highlightColor)), ("fontcolor", q(highlightColor)), ("penwidth", "3"),
                          ("style", kind.style == "solid" || kind.style == "bold" ? "bold" : kind.style)]
            } else if highlighting {
                attrs += [("color", q(fadedLine)), ("fontcolor", q(fadedText)), ("style", kind.style)]
            } else {
                attrs += [("color", q(kind.color)), ("fontcolor", q(kind.color)), ("style", kind.style)]
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
            out += "  \(nodeIDs[a]) -> \(nodeIDs[b]) [\(attrList(attrs))];\n"
        }

        if options.legend, let table = legendTable(graph, options: options) {
            var legendID = "legend"
            let taken = Set(nodeIDs)
            while taken.contains(DOTEscaping.quotedID(legendID)) { legendID = "_" + legendID }
            out += "  subgraph cluster_legend {\n"
            out += "    graph [label=\"Legend\", fontsize=11, style=rounded, color=\(q("#9ca3af"))];\n"
            out += "    \(DOTEscaping.quotedID(legendID)) [shape=plaintext, style=solid, label=<\n\(table)    >];\n"
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// The DOT id of every entity, by index: the quoted entity id, or `n<index>`
    /// for an id DOT cannot carry unchanged (kept unique against real ids).
    /// - Complexity: O(V).
    public static func dotNodeIDs(_ graph: Graph) -> [String] {
        let ids = Set(graph.entities.map(\.id))
        return graph.entities.enumerated().map { i, e in
            if DOTEscaping.isExactID(e.id) { return DOTEscaping.quotedID(e.id) }
            var synthetic = "n\(i)"
            while ids.contains(synthetic) { synthetic = "_" + synthetic }
            return DOTEscaping.quotedID(synthetic)
        }
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

    /// Drawn sample of a relation kind's line.
    static func glyph(_ kind: RelationKind) -> String {
        let line: String
        switch kind.style {
        case "dashed": line = "– – –"
        case "dotted": line = "· · · ·"
        default: line = "———"
        }
        let body = kind.style == "bold" ? "<B>\(line)</B>" : line
        return kind.symmetric ? body : body + "&gt;"
    }

    static func legendTable(_ graph: Graph, options: DOTOptions) -> String? {
        let usedEntityKinds = Set(graph.entities.map(\.kind))
        let usedRelationKinds = Set(graph.relations.map(\.kind))
        let entityKinds = graph.schema.entityKinds.filter { usedEntityKinds.contains($0.name) }
        let relationKinds = graph.schema.relationKinds.filter { usedRelationKinds.contains($0.name) }
        var rows: [String] = []
        func heading(_ text: String) {
            rows.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(DOTEscaping.html(text))</B></TD></TR>")
        }
        if !entityKinds.isEmpty {
            heading("Entities")
            for k in entityKinds {
                rows.append("<TR><TD BGCOLOR=\"\(k.color)\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(k.name)) (\(DOTEscaping.html(k.shape)))</TD></TR>")
            }
        }
        if !relationKinds.isEmpty {
            heading("Relations")
            for k in relationKinds {
                rows.append("<TR><TD><FONT COLOR=\"\(k.color)\">\(glyph(k))</FONT></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(k.name))</TD></TR>")
            }
        }
        let colors = options.colorLegend.filter { Schema.isValidColor($0.color) }
        if !colors.isEmpty {
            heading(options.colorLegendTitle ?? "Colour")
            for entry in colors {
                rows.append("<TR><TD BGCOLOR=\"\(entry.color)\" WIDTH=\"24\"></TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(entry.label))</TD></TR>")
            }
        }
        if !options.sizes.isEmpty {
            heading(options.sizeLegendTitle ?? "Size")
            rows.append("<TR><TD>●</TD><TD ALIGN=\"LEFT\">larger node = higher value</TD></TR>")
        }
        if rows.isEmpty { return nil }
        return "      <TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n"
            + rows.map { "        " + $0 + "\n" }.joined()
            + "      </TABLE>\n"
    }
}
