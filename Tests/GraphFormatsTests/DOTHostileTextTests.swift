import Foundation
import GraphModel
import GraphvizRendering
import Testing
@testable import GraphFormats

/// DOT export then import, through Graphviz's own parser (cgraph) and the
/// importer `relgraph import` uses (``GraphLoader/readDOT(text:fileName:mapping:)``),
/// gives back every text exactly: a table of strings that upset DOT, Graphviz's
/// escString or cgraph, each put in every text field of a small graph (ids,
/// kinds, names, aliases, descriptions, attribute names and values, evidence,
/// sources, the graph's name and description), written the ways relgraph writes
/// DOT (legend and edge labels; highlighted as `ego` and `path` do; plain lines).
@Suite("DOT hostile text round trip")
struct DOTHostileTextTests {
    /// Every string here is allowed by ``TextPolicy``.
    static let hostile: [String] = [
        // The defects found: a trailing backslash, a CRLF in a name, a tab in an alias.
        "end\\", "a\r\nb", "tab\there",
        // Backslashes anywhere: alone, doubled, before quotes, before n, l, r, and before a line break.
        "\\", "\\\\", "\\\\\\", "a\\b", "a\\\\b", "\\\"", "q\\\"r", "\"\\", "\\\n", "x\\\r\ny", "\\\\\"\\",
        // Graphviz escString escapes, written as text.
        "\\n", "\\l", "\\r", "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\\\N", "name \\N and \\G",
        // Line breaks, carriage returns and tabs, alone and mixed.
        "\n", "\r", "\r\n", "\n\r", "\t", "\r\r\n\n", "cr\rmid", "trail\r", "\tlead and trail\t", " ", "  ",
        // Quotes, DOT syntax, HTML and entities (plain text to relgraph).
        "\"", "\"quoted\"", "a\"b\"c\"", "<B>x</B>", "<>", "<tag>", "a > b", "&amp;", "&#92;", "&lt;&", "&",
        "{ } [ ] ; = , -> --", "// not a comment", "/* no */", "# nor this",
        // cgraph's internal names, other controls relgraph allows, and other Unicode.
        "%", "%3", "%x", "x%", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "\u{2028}", "\u{FEFF}x", "e\u{301}",
        "Лев Троцкий", "👨‍👩‍👧", "托洛茨基",
        // Separators aliases use, and the empty string.
        ";", "|", "a;b|c", "",
    ]

    /// A graph holding `s` in every text field that may hold it (ids and kinds
    /// must not be empty: an empty `s` gives them a prefix).
    static func graph(_ s: String) throws -> Graph {
        let kind = "k" + s
        var schema = Schema.standard
        schema.add(EntityKind(name: kind))
        schema.add(RelationKind(name: kind))
        let aliases = s.isEmpty ? ["x"] : [s, "x" + s + "y"]
        let a = Entity(id: s.isEmpty ? "empty" : s, kind: kind, name: s, aliases: aliases, description: s,
                       attributes: [s: s, "plain": s, "attr:" + s: "prefixed " + s])
        let b = Entity(id: "b" + s, kind: "person", name: "b" + s, aliases: [s + "\\"], start: PartialDate("1900"),
                       description: s + s, attributes: ["kind": s])
        let relations = [
            Relation(from: a.id, kind: kind, to: b.id, date: PartialDate("1901-02"), evidence: Evidence(s, source: s),
                     weight: 2, confidence: 0.5, attributes: [s: s, "label": s]),
            Relation(from: b.id, kind: kind, to: a.id, evidence: Evidence("", source: s)),
            Relation(from: b.id, kind: "opposed", to: b.id, evidence: Evidence(s), attributes: ["source": s]),
        ]
        return try Graph(name: s, description: s, schema: schema, entities: [a, b], relations: relations)
    }

    /// The ways relgraph writes DOT: `export` (legend, edge labels on a small
    /// graph), `ego`/`path`/`render --highlight-path` (highlighted, HTML labels),
    /// and the plain lines a large graph gets (no legend, no edge labels).
    static func options(_ g: Graph) -> [(String, DOTOptions)] {
        [
            ("export", DOTOptions()),
            ("highlighted", DOTOptions(highlightedEntities: [g.entities[0].id], highlightedRelations: [g.relationID(at: 0)])),
            ("plain", DOTOptions(legend: false, edgeLabels: .none)),
        ]
    }

    @Test(arguments: hostile)
    func everyFieldComesBackExactly(_ s: String) throws {
        let g = try Self.graph(s)
        #expect(GraphFormat.dot.dropWarnings(writing: g).isEmpty)
        for (way, options) in Self.options(g) {
            let dot = DOTWriter.write(g, options: options)
            let result: ImportResult
            do {
                result = try GraphLoader.readDOT(text: dot, fileName: "hostile.dot")
            } catch {
                Issue.record("\(s.debugDescription), \(way): \(error)\n\(dot)")
                continue
            }
            let difference = Interop.difference(result.graph, g)
            #expect(difference == nil, "\(s.debugDescription), \(way): \(difference ?? "")\n\(dot)")
            let lost = result.warnings.filter { !$0.message.contains("added to the schema") && $0.code != .dotDrawingDropped }
            #expect(lost.isEmpty, "\(s.debugDescription), \(way): \(lost.map(\.message))")
        }
    }

    /// All the strings at once, in one graph: a string that equals another
    /// string's escaped form must not be mistaken for it (cgraph keeps one copy
    /// of equal texts, HTML-like or not).
    @Test func allTogetherInOneGraph() throws {
        var schema = Schema.standard
        var entities: [Entity] = []
        for (i, s) in Self.hostile.enumerated() {
            // (The importer reads kinds that differ only in case as one: `k\\n` and `k\\N`.)
            schema.add(EntityKind(name: "k\(i)" + s))
            entities.append(Entity(id: s.isEmpty ? "empty" : s, kind: "k\(i)" + s, name: s, aliases: s.isEmpty ? [] : [s],
                                   description: s, attributes: [s: s, "n\(i)": s]))
        }
        schema.add(RelationKind(name: "tie"))
        let relations = zip(entities, entities.dropFirst() + entities.prefix(1)).map { a, b in
            Relation(from: a.id, kind: "tie", to: b.id, evidence: Evidence(a.name, source: b.name), attributes: [a.name: b.name])
        }
        let g = try Graph(name: Self.hostile.joined(), description: Self.hostile.joined(separator: "\n"), schema: schema,
                          entities: entities, relations: relations)
        for highlighted in [Set<String>(), Set(entities.map(\.id).enumerated().filter { $0.offset % 2 == 0 }.map(\.element))] {
            let dot = DOTWriter.write(g, options: DOTOptions(highlightedEntities: highlighted))
            let back = try GraphLoader.readDOT(text: dot, fileName: "together.dot").graph
            #expect(Interop.difference(back, g) == nil, "\(Interop.difference(back, g) ?? "")")
        }
    }

    /// What Graphviz draws still shows the text: a name's line breaks are line
    /// breaks (a carriage return too), everything else as written.
    @Test func graphvizStillShowsTheNames() throws {
        let names = ["end\\", "a\r\nb", "tab\there", "\\N \\G \\E", "<B>x</B>", "q\\\"r"]
        let entities = names.enumerated().map { Entity(id: "e\($0.offset)", kind: "person", name: $0.element) }
        let g = try Graph(name: "drawn", entities: entities)
        let svg = String(decoding: try Graphviz.render(dot: DOTWriter.write(g), engine: .dot, format: .svg).data, as: UTF8.self)
        let texts = Set(svgTexts(svg))
        for expected in ["end\\", "a", "b", "\\N \\G \\E", "<B>x</B>", "q\\\"r"] {
            #expect(texts.contains(expected), "\(expected.debugDescription) not drawn: \(texts.sorted())")
        }
    }

    /// DOT that does not say it uses relgraph's escapes (a foreign file, or one
    /// written by an earlier relgraph) is read as before: values as cgraph gives
    /// them, HTML-like values decoded.
    @Test func dotWithoutTheMarkerIsReadAsBefore() throws {
        let g = try GraphLoader.readDOT(text: #"""
        digraph "a\\b" {
          x [label="x\\y", note="C:\\dir\n", older=<end\\ &amp; \\\\>];
          x -> y [evidence="raw \\ text"];
        }
        """#, fileName: "foreign.dot").graph
        #expect(g.name == #"a\\b"#)
        #expect(g.entity("x")?.name == #"x\y"#)
        #expect(g.entity("x")?.attributes == ["note": #"C:\\dir\n"#, "older": #"end\ & \\"#])
        #expect(g.relations.first?.evidence?.text == #"raw \\ text"#)
    }
}
