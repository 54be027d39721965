import Foundation
import GraphFormats
import GraphModel
import GraphvizRendering

/// A diagram drawn by libgvc, made ready to sit inline in a page: the XML
/// prolog, doctype and comments removed, the fixed size dropped (the page
/// sizes it), and every drawn entity and tie carrying `data-entity="<id>"` and
/// `data-relation="<index>"`.
public struct InlineDiagram: Sendable, Equatable {
    /// The `<svg>` element.
    public var svg: String
    /// The layout engine used.
    public var engine: LayoutEngine
    /// Graphviz's warnings.
    public var warnings: [String]
}

/// Errors of the pages module.
public enum GraphPagesError: Error, LocalizedError, Equatable {
    /// Graphviz's SVG did not hold the entities and ties in the order they were written.
    case unexpectedDiagram(String)

    public var errorDescription: String? {
        switch self {
        case .unexpectedDiagram(let why): return "the diagram from Graphviz could not be mapped to the graph: \(why)"
        }
    }
}

/// Diagrams for the pages: drawn by libgvc, tagged with `data-entity` and
/// `data-relation`, ready to sit inline in HTML.
public enum Diagrams {
    /// Graphs with more entities than this get no diagram in the explorer (a
    /// layout would take minutes and the page would not be usable); search,
    /// cards and the path finder still cover every entity.
    public static let explorerEntityLimit = 2_000

    /// Lays DOT text out with an engine and draws it as SVG. ``inProcess`` by
    /// default; the commands pass one that runs Graphviz in a child process under
    /// a time limit (circo on a few hundred entities runs for minutes).
    public typealias Renderer = @Sendable (_ dot: String, _ engine: LayoutEngine) throws -> Rendering

    /// Graphviz in this process, with no time limit.
    public static let inProcess: Renderer = { dot, engine in try Graphviz.render(dot: dot, engine: engine, format: .svg) }

    /// Above this many entities edges are drawn straight, as `relgraph render` does
    /// (Graphviz's spline routing grows with the cube of the node count).
    public static let splineLimit = 120

    /// Lays `graph` out and draws it as SVG through libgvc, then tags it.
    ///
    /// Graphviz names the SVG group of the k-th node written `node<k>` and of the
    /// k-th edge `edge<k>` (its creation sequence). ``DOTWriter`` writes entities
    /// and relations in the graph's order, so node k is entity k − 1 and edge k is
    /// relation k − 1; the node's `<title>` (its DOT id) is checked against that.
    /// - Complexity: the layout's (Graphviz), then O(S) in the SVG's length.
    public static func draw(
        _ graph: Graph, options: DOTOptions = DOTOptions(), engine: LayoutEngine? = nil, renderer: Renderer = inProcess
    ) throws -> InlineDiagram {
        let chosen = engine ?? Graphviz.recommendedEngine(nodeCount: graph.entities.count, edgeCount: graph.relations.count)
        var options = options
        options.engineHints = DOTOptions.hints(forEngine: chosen.rawValue, format: "svg")
        if graph.entities.count > splineLimit { options.engineHints["splines"] = nil }
        let dot = DOTWriter.write(graph, options: options)
        let rendering = try renderer(dot, chosen)
        let svg = try tag(String(decoding: rendering.data, as: UTF8.self), graph: graph)
        return InlineDiagram(svg: svg, engine: chosen, warnings: rendering.warnings)
    }

    /// Graphviz's SVG text with hooks added; see ``draw(_:options:engine:renderer:)``.
    static func tag(_ svgText: String, graph: Graph) throws -> String {
        // Comments carry names Graphviz copied from the DOT; the page sizes the drawing.
        let svg = try inlineSVG(svgText)
        let ids = DOTWriter.dotNodeIDs(graph).map(unquote)
        var out = ""
        out.reserveCapacity(svg.utf8.count + 32 * (graph.entities.count + graph.relations.count))
        let pattern = try NSRegularExpression(pattern: #"<g id="(node|edge)(\d+)" class="(node|edge)">\n?<title>([^<]*)</title>"#)
        let ns = svg as NSString
        var last = 0, nodes = 0, edges = 0
        for m in pattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let what = ns.substring(with: m.range(at: 1))
            guard let k = Int(ns.substring(with: m.range(at: 2))), k >= 1 else { throw GraphPagesError.unexpectedDiagram("bad element id") }
            let title = xmlUnescape(ns.substring(with: m.range(at: 4)))
            let whole = ns.substring(with: m.range)
            let hook: String
            if what == "node" {
                // Graphviz leaves character references in a name as they are (`&amp;` comes back as `&`).
                guard k <= graph.entities.count, ids[k - 1] == title || xmlUnescape(ids[k - 1]) == title else {
                    throw GraphPagesError.unexpectedDiagram("node\(k) is '\(title)', expected '\(k <= ids.count ? ids[k - 1] : "nothing")'")
                }
                hook = " data-entity=\"\(Markup.html(graph.entities[k - 1].id))\""
                nodes += 1
            } else {
                guard k <= graph.relations.count else { throw GraphPagesError.unexpectedDiagram("edge\(k) beyond the \(graph.relations.count) relations") }
                hook = " data-relation=\"\(k - 1)\""
                edges += 1
            }
            out += whole.replacingOccurrences(of: "class=\"\(what)\">", with: "class=\"\(what)\"\(hook)>")
            last = m.range.location + m.range.length
        }
        out += ns.substring(from: last)
        guard nodes == graph.entities.count, edges == graph.relations.count else {
            throw GraphPagesError.unexpectedDiagram("\(nodes) nodes and \(edges) edges drawn for \(graph.entities.count) entities and \(graph.relations.count) relations")
        }
        return out
    }

    /// A DOT id as Graphviz names the node: quotes and `\"` removed.
    static func unquote(_ id: String) -> String {
        guard id.hasPrefix("\""), id.hasSuffix("\""), id.count >= 2 else { return id }
        return String(id.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            .replacingOccurrences(of: "\\\n", with: "")
    }

    /// The character references Graphviz writes in SVG text.
    static func xmlUnescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].firstIndex(of: ";"), s.distance(from: i, to: semi) <= 10 {
                let name = s[s.index(after: i)..<semi]
                var scalar: Unicode.Scalar?
                switch name {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                    else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
                }
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}
