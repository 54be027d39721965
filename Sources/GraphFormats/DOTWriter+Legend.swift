import Foundation
import GraphModel

/// The title and legend of a ``DOTWriter`` drawing: one HTML-like table in the
/// graph's own `label`, which dot, neato and sfdp all place above the drawing
/// (a `cluster_legend` subgraph floats anywhere in neato and sfdp, and its
/// label overlaps its content there).
///
/// Entity kinds show their shape as a glyph on their fill colour (the glyph
/// only, when ``DOTOptions/fillOverride`` recolours the nodes); relation kinds
/// a line in their colour and style, with an arrowhead unless symmetric, and
/// their phrase. Only the kinds in use are listed.
extension DOTWriter {
    /// A glyph for a Graphviz shape, from fonts' common Geometric Shapes and
    /// Dingbats blocks; `nil` for a shape without a fitting one.
    static func shapeGlyph(_ shape: String) -> String? {
        switch shape {
        case "ellipse", "oval", "egg": return "◯"
        case "circle", "Mcircle": return "○"
        case "doublecircle": return "◎"
        case "point": return "●"
        case "box", "rect", "rectangle", "underline", "component", "tab", "folder": return "▭"
        case "square", "Msquare": return "□"
        case "box3d": return "❒"
        case "note": return "▤"
        case "diamond": return "◇"
        case "Mdiamond": return "◈"
        case "house": return "⌂"
        case "hexagon": return "⬡"
        case "pentagon": return "⬠"
        case "triangle": return "△"
        case "invtriangle": return "▽"
        case "parallelogram": return "▱"
        case "cylinder": return "⛁"
        case "star": return "☆"
        default: return nil
        }
    }

    /// A drawn sample of a relation kind's line, in box-drawing characters.
    static func lineGlyph(_ kind: RelationKind) -> String {
        let dash: String
        switch kind.style {
        case "dashed": dash = "╌"
        case "dotted": dash = "┈"
        case "bold": dash = "━"
        default: dash = "─"
        }
        return String(repeating: dash, count: kind.symmetric ? 5 : 4) + (kind.symmetric ? "" : "▶")
    }

    /// One legend section: a heading over `entries` (pairs of cells: sample,
    /// text), laid out in columns of at most `rows` entries.
    struct Section {
        var heading: String
        var entries: [(String, String)]

        func columns(rows: Int) -> Int { max(1, (entries.count + rows - 1) / rows) }

        /// The cells of one grid row, `row` counted from 0 under the heading.
        func cells(row: Int, rows: Int) -> String {
            (0..<columns(rows: rows)).map { c in
                let i = c * rows + row
                return i < entries.count ? entries[i].0 + entries[i].1 : "<TD></TD><TD></TD>"
            }.joined()
        }
    }

    static func textCell(_ text: String) -> String {
        "<TD ALIGN=\"LEFT\">\(DOTEscaping.html(text))</TD>"
    }

    /// The graph label: the title, then the legend box; `nil` when there is
    /// nothing to list.
    static func legendLabel(_ graph: Graph, title: String, options: DOTOptions) -> String? {
        let usedEntityKinds = Set(graph.entities.map(\.kind))
        let usedRelationKinds = Set(graph.relations.map(\.kind))
        let entityKinds = graph.schema.entityKinds.filter { usedEntityKinds.contains($0.name) }
            + usedEntityKinds.filter { graph.schema.entityKind($0) == nil }.sorted().map { EntityKind(name: $0) }
        let relationKinds = graph.schema.relationKinds.filter { usedRelationKinds.contains($0.name) }
            + usedRelationKinds.filter { graph.schema.relationKind($0) == nil }.sorted().map { RelationKind(name: $0) }
        let colors = options.colorLegend.filter { Schema.isValidColor($0.color) }
        let recoloured = !options.fillOverride.isEmpty
        let rows = max(6, entityKinds.count, (relationKinds.count + 3) / 4)

        var sections: [Section] = []
        if !entityKinds.isEmpty {
            let entries = entityKinds.map { k -> (String, String) in
                let glyph = shapeGlyph(k.shape).map { "<FONT POINT-SIZE=\"12\">\($0)</FONT>" }
                    ?? "<FONT POINT-SIZE=\"8\">\(DOTEscaping.html(k.shape))</FONT>"
                let fill = recoloured ? "" : " BGCOLOR=\"\(k.color)\""
                return ("<TD\(fill) WIDTH=\"30\">\(glyph)</TD>", textCell(k.name))
            }
            sections.append(Section(heading: recoloured ? "Entity kinds (shape)" : "Entity kinds", entries: entries))
        }
        if !relationKinds.isEmpty {
            let entries = relationKinds.map { k in
                ("<TD ALIGN=\"LEFT\"><FONT COLOR=\"\(k.color)\">\(lineGlyph(k))</FONT></TD>", textCell(k.forward))
            }
            sections.append(Section(heading: "Relations", entries: entries))
        }
        if !options.highlightedRelations.isEmpty {
            let line = "<TD ALIGN=\"LEFT\"><FONT COLOR=\"\(highlightColor)\"><B>━━━━▶</B></FONT></TD>"
            sections.append(Section(heading: "Highlighted", entries: [(line, textCell("the path shown"))]))
        }
        if !colors.isEmpty {
            let entries = colors.map { entry in
                ("<TD BGCOLOR=\"\(entry.color)\" WIDTH=\"30\"></TD>", textCell(entry.label))
            }
            sections.append(Section(heading: options.colorLegendTitle ?? "Colour", entries: entries))
        }
        if !options.sizes.isEmpty {
            let dots = [7, 11, 16].map { "<FONT POINT-SIZE=\"\($0)\">◯</FONT>" }.joined(separator: " ")
            let entries = [("<TD>\(dots)</TD>", textCell("smaller → larger value"))]
            sections.append(Section(heading: options.sizeLegendTitle ?? "Size", entries: entries))
        }
        if sections.isEmpty { return nil }

        // One grid for every section, so that rows line up and each section starts at the top.
        let height = sections.map { min(rows, $0.entries.count) }.max() ?? 0
        var html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n"
        html += "<TR><TD><FONT POINT-SIZE=\"20\"><B>\(DOTEscaping.html(title))</B></FONT></TD></TR>\n"
        html += "<TR><TD>\n<TABLE BORDER=\"1\" STYLE=\"ROUNDED\" COLOR=\"#9ca3af\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">\n<TR>"
        for (i, s) in sections.enumerated() {
            if i > 0 { html += "<TD WIDTH=\"14\"></TD>" }
            html += "<TD COLSPAN=\"\(2 * s.columns(rows: rows))\" ALIGN=\"LEFT\"><B>\(DOTEscaping.html(s.heading))</B></TD>"
        }
        html += "</TR>\n"
        for r in 0..<height {
            html += "<TR>"
            for (i, s) in sections.enumerated() {
                if i > 0 { html += "<TD></TD>" }
                html += s.cells(row: r, rows: rows)
            }
            html += "</TR>\n"
        }
        html += "</TABLE>\n</TD></TR>\n</TABLE>\n"
        return html
    }
}
