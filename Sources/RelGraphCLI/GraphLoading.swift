import Foundation
import GraphFormats
import GraphModel
import GraphvizRendering

/// Reads any graph file relgraph understands. DOT goes through Graphviz's own
/// parser (cgraph); everything else through ``GraphFile``. Import warnings
/// (what a foreign format could not carry) are printed to standard error.
func loadGraph(_ path: String, format: String? = nil, quiet: Bool = false) throws -> Graph {
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    let isDOT = format.map { ["dot", "gv"].contains($0.lowercased()) } ?? ["dot", "gv"].contains(ext)
    if isDOT {
        let text = try GraphFile.readText(path)
        let document = try Graphviz.parse(dot: text, fileName: path)
        let result = try GraphImporter.makeGraph(from: AttributedGraph(dot: document, file: path))
        if !quiet { for w in result.warnings { warn(w.description) } }
        return result.graph
    }
    var chosen: GraphFileFormat?
    if let format {
        guard let f = GraphFileFormat(rawValue: format) else {
            throw fail("unknown input format '\(format)'; known: dot, \(GraphFileFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        chosen = f
    }
    return try GraphFile.load(path: path, format: chosen)
}

extension AttributedGraph {
    /// The neutral form of a DOT document read by cgraph: labels are turned back
    /// into the text Graphviz would display (escString sequences and HTML
    /// entities undone, HTML-like labels reduced to their text), cluster
    /// membership becomes the `subgraph` attribute, ports stay as attributes.
    init(dot: DOTDocument, file: String) {
        self.init(directed: dot.isDirected, attributes: dot.graphAttributes.filter { $0.key == "name" || $0.key == "description" }, file: file)
        if attributes["name"] == nil, dot.name != Graphviz.anonymousGraphName, !dot.name.isEmpty {
            attributes["name"] = dot.name
        }
        for n in dot.nodes {
            var attrs = n.attributes
            if let label = attrs["label"] {
                attrs["label"] = n.htmlAttributes.contains("label") ? htmlText(label) : displayText(label, nodeID: n.id)
            }
            if !n.subgraphs.isEmpty { attrs["subgraph"] = n.subgraphs.joined(separator: ";") }
            addNode(n.id, attributes: attrs)
        }
        for e in dot.edges {
            var attrs = e.attributes
            if let label = attrs["label"] {
                attrs["label"] = e.htmlAttributes.contains("label") ? htmlText(label) : displayText(label, nodeID: nil)
            }
            if let key = e.key { attrs["key"] = key }
            addEdge(from: e.tail, to: e.head, attributes: attrs)
        }
        warnings += dot.warnings.map { Diagnostic($0, at: SourceLocation(file: file, line: 1, column: 1), severity: .warning) }
    }
}

/// Undoes Graphviz's escString pass on a plain label: `\\` → `\`, `\n`/`\l`/`\r`
/// → line break, `\N` → the node id, then HTML entities.
func displayText(_ label: String, nodeID: String?) -> String {
    var out = ""
    var it = label.makeIterator()
    while let c = it.next() {
        guard c == "\\" else { out.append(c); continue }
        guard let d = it.next() else { out.append(c); break }
        switch d {
        case "n", "l", "r": out.append("\n")
        case "N": out += nodeID ?? ""
        case "\\": out.append("\\")
        default: out.append(d)
        }
    }
    return decodeEntities(out)
}

/// The text of an HTML-like label: tags dropped, `<br/>` as a line break, entities decoded.
func htmlText(_ html: String) -> String {
    var out = "", inTag = false, tag = ""
    for c in html {
        if inTag {
            if c == ">" {
                inTag = false
                if tag.lowercased().hasPrefix("br") { out.append("\n") }
                tag = ""
            } else { tag.append(c) }
        } else if c == "<" { inTag = true } else { out.append(c) }
    }
    return decodeEntities(out)
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric `&#NN;`/`&#xNN;` entities.
func decodeEntities(_ s: String) -> String {
    guard s.contains("&") else { return s }
    var out = ""
    var i = s.startIndex
    while i < s.endIndex {
        if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
            let name = s[s.index(after: i)..<semi]
            var replacement: String?
            switch name {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                    replacement = String(Character(u))
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) {
                    replacement = String(Character(u))
                }
            }
            if let replacement {
                out += replacement
                i = s.index(after: semi)
                continue
            }
        }
        out.append(s[i])
        i = s.index(after: i)
    }
    return out
}
