import Foundation
import GraphAlgorithms
import GraphDrawing
import GraphModel
import GraphvizRendering

/// The overview `relgraph render` draws for a big graph (``GraphDrawing/Overview``:
/// one node per Louvain community or component, named after its most-tied member
/// and sized by its members), drawn by libgvc from pinned positions and made ready
/// to sit inline in a page: every group node carries `data-group="<n>"` (n = 1 for
/// the largest group, as `render --community N` counts) and every line between
/// groups `data-link="<a>-<b>"`.
public struct OverviewDiagram: Sendable {
    /// The `<svg>` element.
    public var svg: String
    /// The groups (all of them, largest first) and the ties between them.
    public var overview: Overview
    /// How many groups are drawn (the largest; see ``Diagrams/overviewGroupLimit``).
    public var drawnGroups: Int
    /// Graphviz's warnings.
    public var warnings: [String]

    /// "communities" or "components".
    public var groupNoun: String { overview.grouping == .community ? "communities" : "components" }
}

extension Diagrams {
    /// Most groups an overview draws (the largest); the rest are listed in the page's data only.
    public static let overviewGroupLimit = 300

    /// Whether a graph is big enough to get the overview instead of every entity:
    /// more than `entityLimit` entities or 5 × `entityLimit` relations (`render`'s
    /// `--overview-above` rule; 2,000 and 10,000 by default).
    /// - Complexity: O(1).
    public static func wantsOverview(_ graph: Graph, entityLimit: Int = explorerEntityLimit) -> Bool {
        graph.entities.count > entityLimit || graph.relations.count > 5 * entityLimit
    }

    /// The overview of `graph`, drawn as `relgraph render` draws it; `nil` when
    /// neither communities nor components split it into two groups or more.
    ///
    /// - Complexity: Louvain's (near O(V + E)), the overview's layout on G ≤
    ///   ``overviewGroupLimit`` nodes, then O(S) in the SVG's length.
    public static func overview(_ graph: Graph, grouping: Grouping = .community, seed: UInt64 = 0,
                                title: String? = nil, communities: Partition? = nil) throws -> OverviewDiagram? {
        guard let overview = Overview.best(graph, grouping: grouping, seed: seed, communities: communities) else { return nil }
        let drawing = overview.drawing(graph, title: title ?? graph.name, palette: Overview.palette,
                                       otherColor: Overview.otherColor, maxGroups: overviewGroupLimit, seed: seed)
        let rendering = try Graphviz.renderPinned(dot: drawing.dot(), format: .svg)
        let svg = try tagOverview(String(decoding: rendering.data, as: UTF8.self), groups: drawing.nodes.count)
        return OverviewDiagram(svg: svg, overview: overview, drawnGroups: drawing.nodes.count, warnings: rendering.warnings)
    }

    /// Graphviz's SVG of an overview with hooks added: node `n<k>` (the k-th group,
    /// from 0) gets `data-group="<k + 1>"`; the edge `n<a>->n<b>` gets `data-link="<a + 1>-<b + 1>"`.
    /// - Complexity: O(S) in the SVG's length.
    static func tagOverview(_ svgText: String, groups: Int) throws -> String {
        let svg = try inlineSVG(svgText)
        let pattern = try NSRegularExpression(pattern: #"<g id="(node|edge)(\d+)" class="(node|edge)">\n?<title>([^<]*)</title>"#)
        let ns = svg as NSString
        var out = "", last = 0, nodes = 0
        for m in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let what = ns.substring(with: m.range(at: 1))
            let title = xmlUnescape(ns.substring(with: m.range(at: 4)))
            let whole = ns.substring(with: m.range)
            let hook: String
            if what == "node" {
                guard title.hasPrefix("n"), let k = Int(title.dropFirst()), k >= 0, k < groups else {
                    throw GraphPagesError.unexpectedDiagram("overview node '\(title)' is not one of the \(groups) groups")
                }
                hook = " data-group=\"\(k + 1)\""
                nodes += 1
            } else {
                let ends = title.components(separatedBy: "->").map { Int($0.dropFirst()) }
                guard ends.count == 2, let a = ends[0], let b = ends[1], a < groups, b < groups else {
                    throw GraphPagesError.unexpectedDiagram("overview edge '\(title)' does not join two groups")
                }
                hook = " data-link=\"\(a + 1)-\(b + 1)\""
            }
            out += whole.replacingOccurrences(of: "class=\"\(what)\">", with: "class=\"\(what)\"\(hook)>")
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        guard nodes == groups else { throw GraphPagesError.unexpectedDiagram("\(nodes) group nodes drawn for \(groups) groups") }
        return out
    }

    /// Graphviz's SVG text from its `<svg>` element on, without comments and without
    /// its fixed size (the page sizes it; the viewBox keeps its proportions).
    /// - Complexity: O(S).
    static func inlineSVG(_ svgText: String) throws -> String {
        guard let start = svgText.range(of: "<svg") else { throw GraphPagesError.unexpectedDiagram("no <svg> element") }
        var svg = String(svgText[start.lowerBound...])
        svg = svg.replacingOccurrences(of: #"<!--[\s\S]*?-->\n?"#, with: "", options: .regularExpression)
        if let open = svg.range(of: ">") {
            var head = String(svg[svg.startIndex..<open.upperBound])
            head = head.replacingOccurrences(of: #" (width|height)="[^"]*""#, with: "", options: .regularExpression)
            svg = head + svg[open.upperBound...]
        }
        return svg
    }
}
