import Foundation
import GraphModel

/// Filling an ``AttributedGraph`` from DOT as Graphviz's cgraph reads it
/// (GraphvizRendering's `DOTDocument`; GraphFormats cannot import it, so the
/// caller loops over its nodes and edges and calls these).
///
/// - `label`: the escString text is decoded as Graphviz shows it
///   (`\\` → `\`, `\n`/`\l`/`\r` → line break, `\N` → the node id, `&amp;` and
///   other entities decoded); an HTML-like label keeps its text (tags
///   removed, `<BR/>` → line break, entities decoded). A node's label becomes
///   its `label` attribute, hence its name.
/// - Graphviz drawing and layout attributes (``dotDrawingAttributes``: shape,
///   colours, fonts, sizes, positions, ports…) are dropped, with one warning
///   listing their names; every other attribute is kept as it is (`kind`, `born`,
///   `weight`, your own).
/// - A node in named subgraphs or clusters gets `subgraph` = the innermost one.
/// - An edge's `key` (its cgraph name) is dropped.
/// - A graph relgraph wrote in its escapes (graph attribute `relgraph_escapes`)
///   goes through `DOTDocument.undoRelgraphEscapes()` first (see ``DOTEscaping``).
extension AttributedGraph {
    /// Graphviz attributes that only say how to draw.
    public static let dotDrawingAttributes: Set<String> = [
        "shape", "style", "color", "fillcolor", "fontcolor", "fontname", "fontsize", "width", "height", "fixedsize",
        "penwidth", "peripheries", "pos", "xlp", "lp", "rects", "regular", "sides", "skew", "distortion",
        "orientation", "margin", "image", "imagescale", "imagepos", "labelloc", "labeljust", "labelangle",
        "labeldistance", "labelfontcolor", "labelfontname", "labelfontsize", "arrowhead", "arrowtail",
        "arrowsize", "dir", "headport", "tailport", "headclip", "tailclip", "headlabel", "taillabel",
        "constraint", "minlen", "len", "group", "rank", "samehead", "sametail", "decorate", "gradientangle",
        "tooltip", "headtooltip", "tailtooltip", "edgetooltip", "labeltooltip", "URL", "href", "target",
        "edgeURL", "headURL", "tailURL", "labelURL", "id", "class", "layer", "nojustify", "z", "vertices",
        "area", "root", "pin", "showboxes", "sortv", "comment", "colorscheme", "bgcolor", "splines", "rankdir",
        "nodesep", "ranksep", "overlap", "size", "ratio", "dpi", "concentrate", "compound", "newrank",
        "labelfloat", "ordering", "center", "pad", "outputorder", "lhead", "ltail", "headhref", "tailhref",
        "xlabel",
    ]

    /// Appends a node read from DOT (see the extension's rules).
    /// - Parameters:
    ///   - id: the node's DOT id.
    ///   - attributes: its attributes as cgraph gives them (after DOT unquoting).
    ///   - htmlAttributes: which of them are HTML-like.
    ///   - subgraphs: the named subgraphs holding it, outermost first.
    /// - Complexity: O(A + L) for A attributes of total length L.
    public mutating func addDOTNode(
        _ id: String, attributes: [String: String], htmlAttributes: Set<String> = [], subgraphs: [String] = []
    ) {
        var attrs = convertDOT(attributes, html: htmlAttributes, nodeID: id, what: "node '\(id)'")
        if let s = subgraphs.last, attrs["subgraph"] == nil { attrs["subgraph"] = s }
        addNode(id, attributes: attrs)
    }

    /// Appends an edge read from DOT (see the extension's rules).
    /// - Complexity: O(A + L) for A attributes of total length L.
    public mutating func addDOTEdge(
        tail: String, head: String, attributes: [String: String], htmlAttributes: Set<String> = []
    ) {
        let attrs = convertDOT(attributes, html: htmlAttributes, nodeID: nil, what: "edge \(tail) -> \(head)")
        addEdge(from: tail, to: head, attributes: attrs)
    }

    mutating func convertDOT(_ attributes: [String: String], html: Set<String>, nodeID: String?, what: String) -> [String: String] {
        var out: [String: String] = [:]
        var dropped: [String] = []
        for (k, v) in attributes {
            if k == "label" {
                out["label"] = html.contains(k) ? AttributedGraph.dotHTMLText(v) : AttributedGraph.dotText(v, nodeID: nodeID)
            } else if k == "key" {
                continue
            } else if AttributedGraph.dotDrawingAttributes.contains(k) {
                dropped.append(k)
            } else {
                out[k] = html.contains(k) ? AttributedGraph.dotHTMLText(v) : v
            }
        }
        if !dropped.isEmpty { noteDroppedDrawing(dropped) }
        return out
    }

    /// Keeps ONE warning listing every drawing attribute dropped so far and how
    /// many nodes and edges had any, rather than a line per item: the counts are
    /// kept in ``droppedDrawing`` and the warning (code
    /// ``GraphModel/DiagnosticCode/dotDrawingDropped``) is written again from them,
    /// moved to the end as before.
    private mutating func noteDroppedDrawing(_ names: [String]) {
        droppedDrawing.items += 1
        droppedDrawing.names.formUnion(names)
        if let i = warnings.lastIndex(where: { $0.code == .dotDrawingDropped }) { warnings.remove(at: i) }
        let list = droppedDrawing.names.sorted().joined(separator: ", ")
        warnings.append(Diagnostic(
            "Graphviz drawing attributes dropped from \(droppedDrawing.items) nodes and edges: \(list)",
            at: file.map { SourceLocation(file: $0, line: 1, column: 1) }, severity: .warning,
            code: .dotDrawingDropped, key: list))
    }

    /// The text Graphviz shows for an escString value (`label`, `xlabel`, `tooltip`).
    /// - Complexity: O(n).
    public static func dotText(_ raw: String, nodeID: String? = nil) -> String {
        var out = ""
        var escape = false
        for s in raw.unicodeScalars {
            if escape {
                escape = false
                switch s {
                case "n", "l", "r": out += "\n"
                case "N": out += nodeID ?? "\\N"
                case "\\": out += "\\"
                default: out.unicodeScalars.append(s)
                }
                continue
            }
            if s == "\\" { escape = true } else { out.unicodeScalars.append(s) }
        }
        if escape { out += "\\" }
        return decodeEntities(out)
    }

    /// The text of an HTML-like label: tags removed, `<BR/>` as a line break,
    /// entities decoded, doubled backslashes halved.
    /// - Complexity: O(n).
    public static func dotHTMLText(_ html: String) -> String {
        var out = ""
        var tag: String?
        for ch in html {
            if var t = tag {
                if ch == ">" {
                    let name = t.lowercased().trimmingPrefix("/").prefix(while: { $0.isLetter })
                    if name == "br" { out += "\n" }
                    tag = nil
                } else {
                    t.append(ch)
                    tag = t
                }
            } else if ch == "<" {
                tag = ""
            } else {
                out.append(ch)
            }
        }
        return decodeEntities(out).replacingBackslashPairs()
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric
    /// references; anything else is left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "&", let semi = text[i...].prefix(12).firstIndex(of: ";") {
                let body = text[text.index(after: i)..<semi]
                var replacement: String?
                if let n = named[String(body)] { replacement = n }
                else if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { replacement = String(u) }
                else if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { replacement = String(u) }
                if let replacement {
                    out += replacement
                    i = text.index(after: semi)
                    continue
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return out
    }
}

extension String {
    fileprivate func replacingBackslashPairs() -> String {
        var out = ""
        var pending = false
        for s in unicodeScalars {
            if s == "\\" {
                if pending { out += "\\"; pending = false } else { pending = true }
                continue
            }
            if pending { out += "\\"; pending = false }
            out.unicodeScalars.append(s)
        }
        if pending { out += "\\" }
        return out
    }
}
