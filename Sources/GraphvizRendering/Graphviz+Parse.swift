import CGraphviz
import Foundation

extension Graphviz {
    /// Reads DOT through cgraph (`agmemread`) without laying it out.
    ///
    /// Nodes and edges come in file order with every attribute whose value is
    /// non-empty (declared defaults applied, as Graphviz applies them); parallel
    /// edges are kept (merged only in a `strict` graph); ports are the edge
    /// attributes `tailport`/`headport`; named subgraph and cluster membership is
    /// in ``DOTNode/subgraphs``. Values are the DOT source text after unquoting
    /// (cgraph only turns `\"` into `"` and drops backslash-newline; `\n`, `\\`,
    /// `&amp;` stay as written). An HTML-like value is its HTML text without the
    /// outer `<` `>`, and its attribute name is in `htmlAttributes` — as cgraph
    /// 2.42 tells it: it keeps one copy of equal texts, so a quoted value and an
    /// HTML-like one with the same text are both reported as the first was. libgvc's
    /// built-in node label `\N` is not reported (it is the same as no label).
    ///
    /// - Parameters:
    ///   - dot: DOT source text (the first graph in it is read).
    ///   - fileName: the name used in error messages.
    /// - Throws: ``GraphvizError/syntax(fileName:line:column:message:)`` or
    ///   ``GraphvizError/noGraph(fileName:)``.
    /// - Complexity: O(V + E + A·(V + E) + S·V) for A declared attributes and
    ///   S named subgraphs; waits for any Graphviz job already running.
    public static func parse(dot: String, fileName: String = "<dot>") throws(GraphvizError) -> DOTDocument {
        let isAnonymous = DOTHeader(dot)?.isAnonymous ?? false
        return try GraphvizGate.shared.run(fileName: fileName) { job throws(GraphvizError) -> DOTDocument in
            let graph = try read(dot, original: dot, fileName: fileName, job: job)
            defer { agclose(graph) }
            var document = DOTReader(graph: graph).document()
            if isAnonymous { document.name = "" }
            document.warnings = job.warnings
            if let extra = secondGraph(in: dot) {
                document.warnings.append(
                    "the file holds more than one graph: the one starting at line \(extra.line), column \(extra.column) (and any after it) is not read")
            }
            return document
        }
    }
}

extension Graphviz {
    /// Where a second graph starts in DOT text (cgraph reads only the first), if
    /// anything but white space, comments and `;` follows the first graph's closing brace.
    /// Skips quoted strings, HTML-like `<…>` strings, `//`, `/* */` and `#` comments.
    /// - Complexity: O(n) in the length of the text.
    static func secondGraph(in dot: String) -> (line: Int, column: Int)? {
        let b = Array(dot.utf8)
        var i = 0, depth = 0, opened = false, line = 1, lineStart = 0
        func skipString() {
            i += 1
            while i < b.count && b[i] != UInt8(ascii: "\"") {
                if b[i] == UInt8(ascii: "\\") { i += 1 }
                if i < b.count && b[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                i += 1
            }
            i += 1
        }
        func skipComment() -> Bool {
            guard b[i] == UInt8(ascii: "/"), i + 1 < b.count else {
                if b[i] == UInt8(ascii: "#") && (i == lineStart) {
                    while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
                    return true
                }
                return false
            }
            if b[i + 1] == UInt8(ascii: "/") {
                while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
                return true
            }
            if b[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < b.count && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) {
                    if b[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                    i += 1
                }
                i += 2
                return true
            }
            return false
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\n") { line += 1; lineStart = i + 1; i += 1; continue }
            if skipComment() { continue }
            if opened && depth == 0 {
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") || c == UInt8(ascii: ";") { i += 1; continue }
                let column = String(decoding: b[lineStart..<i], as: UTF8.self).count + 1
                return (line, column)
            }
            switch c {
            case UInt8(ascii: "\""): skipString(); continue
            case UInt8(ascii: "<") where depth > 0:
                var angle = 0
                repeat {
                    if b[i] == UInt8(ascii: "<") { angle += 1 } else if b[i] == UInt8(ascii: ">") { angle -= 1 }
                    if b[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1 }
                    i += 1
                } while i < b.count && angle > 0
                continue
            case UInt8(ascii: "{"): depth += 1; opened = true
            case UInt8(ascii: "}"): depth -= 1
            default: break
            }
            i += 1
        }
        return nil
    }
}

/// Walks a cgraph graph into a ``DOTDocument``. Use only inside the gate.
private struct DOTReader {
    let graph: UnsafeMutablePointer<Agraph_t>

    func document() -> DOTDocument {
        let graphSymbols = symbols(AGRAPH)
        let nodeSymbols = symbols(AGNODE)
        let edgeSymbols = symbols(AGEDGE)

        // Named subgraphs, pre-order, siblings by creation sequence.
        var subgraphs: [DOTSubgraph] = []
        var members: [Set<String>] = []
        func visit(_ parent: UnsafeMutablePointer<Agraph_t>, parentName: String?) {
            var children: [UnsafeMutablePointer<Agraph_t>] = []
            var child = agfstsubg(parent)
            while let current = child {
                children.append(current)
                child = agnxtsubg(current)
            }
            children.sort { rg_agseq($0) < rg_agseq($1) }
            for sub in children {
                let name = Self.name(sub) ?? ""
                var nextParent = parentName
                if !name.isEmpty, !name.hasPrefix("%") {
                    let (attributes, html) = values(of: sub, graphSymbols)
                    subgraphs.append(DOTSubgraph(name: name, parent: parentName, attributes: attributes, htmlAttributes: html))
                    var names = Set<String>()
                    var node = agfstnode(sub)
                    while let current = node {
                        names.insert(Self.name(current) ?? "")
                        node = agnxtnode(sub, current)
                    }
                    members.append(names)
                    nextParent = name
                }
                visit(sub, parentName: nextParent)
            }
        }
        visit(graph, parentName: nil)

        var nodes: [DOTNode] = []
        // Edges and their creation sequence side by side: on 2M edges a copy of
        // the edge array (to drop the sequence) would add 150 MB while cgraph's graph is still alive.
        var edges: [DOTEdge] = []
        var sequence: [UInt] = []
        let edgeCount = Int(agnedges(graph))
        edges.reserveCapacity(edgeCount)
        sequence.reserveCapacity(edgeCount)
        var node = agfstnode(graph)
        while let current = node {
            let id = Self.name(current) ?? ""
            let (attributes, html) = values(of: current, nodeSymbols)
            let inside = subgraphs.indices.filter { members[$0].contains(id) }.map { subgraphs[$0].name }
            nodes.append(DOTNode(id: id, attributes: attributes, subgraphs: inside, htmlAttributes: html))
            var edge = agfstout(graph, current)
            while let e = edge {
                let (attributes, html) = values(of: e, edgeSymbols)
                let item = DOTEdge(
                    tail: Self.name(rg_agtail(e)) ?? "", head: Self.name(rg_aghead(e)) ?? "",
                    key: Self.name(e), attributes: attributes, htmlAttributes: html
                )
                edges.append(item)
                sequence.append(rg_agseq(e))
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, current)
        }
        // Out-edges come node by node; put them back in file order (the usual
        // node-major DOT file is in that order already, and nothing moves).
        if zip(sequence, sequence.dropFirst()).contains(where: { $0 > $1 }) {
            let order = sequence.indices.sorted { sequence[$0] < sequence[$1] }
            edges = order.map { edges[$0] }
        }

        let (graphAttributes, graphHTML) = values(of: graph, graphSymbols)
        return DOTDocument(
            name: Self.name(graph) ?? "",
            isDirected: agisdirected(graph) != 0,
            isStrict: agisstrict(graph) != 0,
            graphAttributes: graphAttributes,
            nodes: nodes,
            edges: edges,
            subgraphs: subgraphs,
            htmlGraphAttributes: graphHTML
        )
    }

    /// An attribute declared on the root graph, with the built-in default that
    /// libgvc declares for every graph (`gvContext` sets node `label` to `\N`), if any.
    struct Symbol {
        var symbol: UnsafeMutablePointer<Agsym_t>
        var name: String
        var builtInDefault: String?
    }

    /// The attributes declared for `kind` on the root graph, in declaration order.
    private func symbols(_ kind: Int32) -> [Symbol] {
        var result: [Symbol] = []
        var symbol = agnxtattr(graph, kind, nil)
        while let current = symbol {
            if let namePointer = current.pointee.name {
                let proto = agattr(nil, kind, namePointer, nil)
                let builtIn = proto?.pointee.defval.map { String(cString: $0) }
                result.append(Symbol(symbol: current, name: String(cString: namePointer), builtInDefault: builtIn))
            }
            symbol = agnxtattr(graph, kind, current)
        }
        return result
    }

    /// Non-empty attribute values of one object, and which of them are HTML-like.
    /// A value equal to libgvc's built-in default (node `label` = `\N`) is left out:
    /// it was not written in the DOT text, or means the same as leaving it out.
    private func values(of object: UnsafeMutableRawPointer, _ symbols: [Symbol]) -> ([String: String], Set<String>) {
        var attributes: [String: String] = [:]
        var html = Set<String>()
        for symbol in symbols {
            guard let value = agxget(object, symbol.symbol), value.pointee != 0 else { continue }
            let isHTML = aghtmlstr(value) != 0
            let text = String(cString: value)
            if !isHTML, text == symbol.builtInDefault { continue }
            attributes[symbol.name] = text
            if isHTML { html.insert(symbol.name) }
        }
        return (attributes, html)
    }

    private static func name(_ object: UnsafeMutableRawPointer) -> String? {
        guard let text = agnameof(object) else { return nil }
        return String(cString: text)
    }
}
