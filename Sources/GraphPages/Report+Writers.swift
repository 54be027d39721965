import Foundation
import GraphDrawing
import GraphModel

extension Report {
    /// A score as people read it: integers plain, others to four significant places.
    static func score(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(format: "%.4f", x)
    }

    var summary: String {
        var s = "\(entityCount) entities and \(relationCount) ties; \(components) connected component\(components == 1 ? "" : "s"); "
        if let firstDate, let lastDate {
            s += "ties dated from \(firstDate) to \(lastDate) (\(datedRelations) of \(relationCount) dated)"
        } else {
            s += "no tie is dated"
        }
        if let first = entityDates?.first, let last = entityDates?.last { s += "; entities' dates from \(first) to \(last)" }
        return s + "."
    }

    /// The report as Markdown. Diagrams are linked as `diagramFile(figure.file)`
    /// (the caller writes the SVG files there); names are escaped.
    /// - Complexity: O(the report's length).
    public func markdown(diagramFile: (String) -> String) -> String {
        let md = Markup.markdown
        var o = "# \(md(name)) — report\n\n"
        if let description { o += md(description) + "\n\n" }
        o += md(summary) + "\n\n"

        o += "## Counts\n\n| entity kind | entities |\n|---|---:|\n"
        for k in entitiesByKind { o += "| \(md(k.kind)) | \(k.count) |\n" }
        o += "\n| relation kind | ties |\n|---|---:|\n"
        for k in relationsByKind { o += "| \(md(k.kind)) | \(k.count) |\n" }

        o += "\n## Most central\n\n"
        for (title, list) in [("Degree (ties)", topDegree), (betweennessTitle, topBetweenness), ("PageRank", topPageRank)] {
            o += "### \(title)\n\n| # | entity | kind | score |\n|---:|---|---|---:|\n"
            for (i, r) in list.enumerated() { o += "| \(i + 1) | \(md(r.name)) | \(md(r.kind)) | \(Self.score(r.value)) |\n" }
            o += "\n"
        }

        o += "## Communities\n\nLouvain"
        if let modularity { o += ", modularity \(String(format: "%.4f", modularity))" }
        o += ": \(communities.count). Each with its most-tied members (ties in brackets).\n\n"
        for (i, c) in communities.enumerated() {
            o += "\(i + 1). **\(c.size)** — " + c.leaders.map { "\(md($0.name)) (\(Self.score($0.value)))" }.joined(separator: ", ") + "\n"
        }

        o += "\n## Brokers and bridges\n\n"
        o += "Brokers — entities whose removal splits the network (\(brokers.count)): "
        o += brokers.isEmpty ? "none.\n\n" : brokers.map(md).joined(separator: ", ") + ".\n\n"
        o += "Bridges — ties whose loss splits the network (\(bridges.count)):\n\n"
        o += bridges.isEmpty ? "none.\n" : bridges.map { "- \(md($0))\n" }.joined()

        if !paths.isEmpty {
            o += "\n## Paths\n\n"
            for p in paths {
                o += "### \(md(p.from)) → \(md(p.to))\n\n"
                guard let chain = p.chain else { o += "No chain of ties joins them.\n\n"; continue }
                o += md(chain) + "\n\n"
                for (i, h) in p.hops.enumerated() {
                    o += "\(i + 1). \(md(h.text))" + (h.footnote.map { " [^\($0)]" } ?? "") + "\n"
                }
                o += "\n"
            }
            for (i, f) in footnotes.enumerated() { o += "[^\(i + 1)]: \(md(f))\n" }
        }

        o += "\n## Diagrams\n\n"
        if let figureNote { o += md(figureNote) + "\n" }
        for f in figures { o += "![\(md(f.caption))](\(diagramFile(f.file)))\n\n*\(md(f.caption))*\n\n" }

        o += "## Data quality\n\n"
        for (title, list) in [("Undated ties", undated), ("Ties sourced only to general knowledge", generalKnowledgeOnly),
                              ("Ties with no source", unsourced), ("Entities with no ties", isolated),
                              ("Warnings of `check`", warnings)] {
            o += "### \(title) (\(list.count))\n\n"
            o += list.isEmpty ? "None.\n\n" : list.map { "- \(md($0))\n" }.joined() + "\n"
        }

        o += "## Sources\n\n| source | ties |\n|---|---:|\n"
        for s in sources { o += "| \(md(s.source)) | \(s.ties) |\n" }
        return o
    }

    /// The report as one self-contained HTML page (no script at all; the
    /// Content-Security-Policy forbids network access and scripts).
    /// - Complexity: O(the report's length).
    public func html() -> String {
        let h = Markup.html
        var o = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
            <meta name="referrer" content="no-referrer">
            <title>\(h(name)) — report</title>
            <style>
            \(PageAssets.reportCSS)</style>
            </head>
            <body>

            """
        o += "<h1>\(h(name))</h1>\n"
        if let description { o += "<p>\(h(description))</p>\n" }
        o += "<p class=\"muted\">\(h(summary))</p>\n"

        o += "<h2>Counts</h2>\n"
        for (title, rows) in [("Entities by kind", entitiesByKind), ("Ties by kind", relationsByKind)] {
            o += "<p><b>\(title):</b> " + rows.map { "\(h($0.kind))&nbsp;\($0.count)" }.joined(separator: " · ") + "</p>\n"
        }
        o += "<h2>Most central</h2>\n<div class=\"columns\">\n"
        for (title, list) in [("Degree (ties)", topDegree), (betweennessTitle, topBetweenness), ("PageRank", topPageRank)] {
            o += "<div><h3>\(title)</h3><table><tr><th>#</th><th>entity</th><th>score</th></tr>\n"
            for (i, r) in list.enumerated() {
                o += "<tr><td class=\"num\">\(i + 1)</td><td>\(h(r.name)) <span class=\"muted\">\(h(r.kind))</span></td><td class=\"num\">\(Self.score(r.value))</td></tr>\n"
            }
            o += "</table></div>\n"
        }
        o += "</div>\n<h2>Communities</h2>\n<p>Louvain"
        if let modularity { o += ", modularity \(String(format: "%.4f", modularity))" }
        o += ": \(communities.count). Each with its most-tied members (ties in brackets).</p>\n<ol>\n"
        for c in communities {
            o += "<li><b>\(c.size)</b> — " + c.leaders.map { "\(h($0.name)) (\(Self.score($0.value)))" }.joined(separator: ", ") + "</li>\n"
        }
        o += "</ol>\n<h2>Brokers and bridges</h2>\n"
        o += "<p>Brokers — entities whose removal splits the network (\(brokers.count)): "
        o += brokers.isEmpty ? "none.</p>\n" : brokers.map(h).joined(separator: ", ") + ".</p>\n"
        o += "<p>Bridges — ties whose loss splits the network (\(bridges.count)):</p>\n<ul>\n"
        o += bridges.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"

        if !paths.isEmpty {
            o += "<h2>Paths</h2>\n"
            for p in paths {
                o += "<h3>\(h(p.from)) → \(h(p.to))</h3>\n"
                guard let chain = p.chain else { o += "<p>No chain of ties joins them.</p>\n"; continue }
                o += "<p><b>\(h(chain))</b></p>\n<ol>\n"
                for hop in p.hops {
                    o += "<li>\(h(hop.text))" + (hop.footnote.map { "<sup><a href=\"#fn\($0)\">\($0)</a></sup>" } ?? "") + "</li>\n"
                }
                o += "</ol>\n"
            }
            o += "<ol class=\"footnotes\">\n"
            for (i, f) in footnotes.enumerated() { o += "<li id=\"fn\(i + 1)\">\(h(f))</li>\n" }
            o += "</ol>\n"
        }

        o += "<h2>Diagrams</h2>\n"
        if let figureNote { o += "<p>\(h(figureNote))</p>\n" }
        for f in figures { o += "<figure>\n\(f.svg)<figcaption>\(h(f.caption))</figcaption>\n</figure>\n" }

        o += "<h2>Data quality</h2>\n"
        for (title, list) in [("Undated ties", undated), ("Ties sourced only to general knowledge", generalKnowledgeOnly),
                              ("Ties with no source", unsourced), ("Entities with no ties", isolated),
                              ("Warnings of <code>check</code>", warnings)] {
            o += "<h3>\(title) (\(list.count))</h3>\n"
            o += list.isEmpty ? "<p>None.</p>\n" : "<ul>\n" + list.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        }
        o += "<h2>Sources</h2>\n<table><tr><th>source</th><th>ties</th></tr>\n"
        for s in sources { o += "<tr><td>\(h(s.source))</td><td class=\"num\">\(s.ties)</td></tr>\n" }
        o += "</table>\n</body>\n</html>\n"
        return o
    }
}

extension Report {
    /// The betweenness table's title: says when the values are estimated.
    var betweennessTitle: String {
        guard let k = betweennessSamples else { return "Betweenness (normalised)" }
        return "Betweenness (normalised; estimated from \(grouped(k)) sampled sources, as above \(grouped(Report.exactBetweennessLimit)) entities)"
    }
}
