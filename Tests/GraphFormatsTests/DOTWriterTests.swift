import Foundation
import GraphModel
import GraphvizRendering
import Testing
@testable import GraphFormats

/// Undoes Graphviz's escString convention for a label as cgraph stores it
/// (after DOT unquoting): `\\` is a backslash, `\n` `\l` `\r` end lines, and
/// HTML entities are decoded (Graphviz does that for plain labels too).
/// Written from Graphviz's documentation, independently of the writer.
func graphvizDisplayed(_ stored: String) -> String {
    var out = ""
    var it = stored.makeIterator()
    while let c = it.next() {
        guard c == "\\" else { out.append(c); continue }
        guard let n = it.next() else { out.append("\\"); break }
        switch n {
        case "n", "l", "r": out.append("\n")
        default: out.append(n)
        }
    }
    return xmlUnescape(out)
}

/// Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric character references.
func xmlUnescape(_ s: String) -> String {
    var out = ""
    var rest = Substring(s)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        let tail = rest[amp...]
        guard let semi = tail.firstIndex(of: ";"), tail.distance(from: amp, to: semi) <= 10 else {
            out += "&"; rest = rest[rest.index(after: amp)...]; continue
        }
        let entity = String(tail[tail.index(after: amp)..<semi])
        var decoded: String?
        switch entity {
        case "amp": decoded = "&"
        case "lt": decoded = "<"
        case "gt": decoded = ">"
        case "quot": decoded = "\""
        case "apos": decoded = "'"
        default:
            if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
                decoded = String(Character(u))
            } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let u = Unicode.Scalar(v) {
                decoded = String(Character(u))
            }
        }
        if let decoded { out += decoded; rest = rest[rest.index(after: semi)...] } else {
            out += "&"; rest = rest[rest.index(after: amp)...]
        }
    }
    return out + rest
}

/// The text content of every `<text>` element of an SVG document.
func svgTexts(_ svg: String) -> [String] {
    var texts: [String] = []
    var rest = Substring(svg)
    while let open = rest.range(of: "<text") {
        guard let gt = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest[gt...].range(of: "</text>") else { break }
        texts.append(xmlUnescape(String(rest[rest.index(after: gt)..<close.lowerBound])))
        rest = rest[close.upperBound...]
    }
    return texts
}

@Suite("DOT writer")
struct DOTWriterTests {
    static let golden = FormatFixtures.root.appendingPathComponent("golden/small.dot")

    func small() throws -> Graph { try GraphFile.load(path: FormatFixtures.graphFile("small.yaml")) }

    @Test func goldenFile() throws {
        let dot = DOTWriter.write(try small(), options: DOTOptions(engineHints: DOTOptions.hints(forEngine: "dot")))
        if ProcessInfo.processInfo.environment["RELGRAPH_RECORD"] == "1" {
            try AtomicWrite.write(dot, to: Self.golden.path)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(dot == expected, "re-record with RELGRAPH_RECORD=1 if the change is intended")
    }

    /// The lines of a large graph's plain entities and relations (written from parts made once),
    /// spelt out by hand from the escaping rules and the schema's styles.
    @Test func plainLinesByHand() throws {
        let g = try Graph(
            entities: [Entity(id: "a", kind: "person", name: "Ann \"A\" & B\\"), Entity(id: "b", kind: "person")],
            relations: [Relation(from: "a", kind: "opposed", to: "b", weight: 0.25), Relation(from: "b", kind: "ally_of", to: "a")])
        let person = try #require(Schema.standard.entityKind("person"))
        let opposed = try #require(Schema.standard.relationKind("opposed"))
        let ally = try #require(Schema.standard.relationKind("ally_of"))
        let lines = DOTWriter.write(g, options: DOTOptions(legend: false, edgeLabels: .none))
            .split(separator: "\n").map(String.init)
        let name = #"Ann \"A\" &amp; B\\"#
        #expect(lines.contains(#"  "a" [label="\#(name)", shape="\#(person.shape)", fillcolor="\#(person.color)", tooltip="\#(name) (person)", kind="person"];"#))
        #expect(lines.contains(#"  "b" [label="b", shape="\#(person.shape)", fillcolor="\#(person.color)", tooltip="b (person)", kind="person"];"#))
        #expect(lines.contains(#"  "a" -> "b" [color="\#(opposed.color)", fontcolor="\#(opposed.color)", style="\#(opposed.style)", tooltip="\#(name) opposed b", kind="opposed", weight="0.25"];"#))
        #expect(lines.contains(#"  "b" -> "a" [color="\#(ally.color)", fontcolor="\#(ally.color)", style="\#(ally.style)", dir=none, tooltip="b was an ally of \#(name)", kind="ally_of"];"#))
        // Streamed to a file: the same bytes.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).dot").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DOTWriter.write(g, options: DOTOptions(legend: false, edgeLabels: .none), toFile: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == lines.joined(separator: "\n") + "\n")
    }

    @Test func deterministic() throws {
        let g = try small()
        let options = DOTOptions(highlightedEntities: ["ada", "boris"], highlightedRelations: [RelationID(1)],
                                 fillOverride: ["ada": "#ff0000"], colorLegend: [("one", "#ff0000"), ("two", "#00ff00")],
                                 sizes: ["ada": 1, "boris": 0.5], engineHints: ["overlap": "false", "splines": "true"])
        let a = DOTWriter.write(g, options: options)
        for _ in 0..<5 { #expect(DOTWriter.write(g, options: options) == a) }
        for seed in UInt64(1)...20 {
            let h = try HostileGraphs.graph(seed: seed)
            #expect(DOTWriter.write(h) == DOTWriter.write(h), "seed \(seed)")
        }
    }

    @Test func styledByKindThroughGraphviz() throws {
        let g = try small()
        let doc = try Graphviz.parse(dot: DOTWriter.write(g), fileName: "small.dot")
        #expect(doc.name == "Small test graph")
        let nodes = Dictionary(uniqueKeysWithValues: doc.nodes.map { ($0.id, $0) })
        #expect(nodes["ada"]?.attributes["label"] == "Ada Brun")
        #expect(nodes["ada"]?.attributes["shape"] == "ellipse")
        #expect(nodes["ada"]?.attributes["fillcolor"] == "#dbeafe")
        #expect(nodes["ada"]?.attributes["style"] == "filled")
        #expect(nodes["gull"]?.attributes["shape"] == "box3d")
        #expect(nodes["gull"]?.attributes["fillcolor"] == "#aabbcc")
        #expect(doc.edges.count == 4)
        let rival = try #require(doc.edges.first { $0.tail == "boris" && $0.head == "ada" })
        #expect(rival.attributes["dir"] == "none")
        #expect(rival.attributes["style"] == "dashed")
        #expect(rival.attributes["label"] == "was a rival of")
        #expect(rival.attributes["tooltip"]?.contains("they argued in print") == true)
        let killed = try #require(doc.edges.first { $0.tail == "boris" && $0.head == "cele" })
        #expect(killed.attributes["dir"] == nil)
        #expect(killed.attributes["color"] == "#b91c1c")
        #expect(graphvizDisplayed(killed.attributes["label"] ?? "") == "killed\n1930")
        // The model travels as attributes Graphviz ignores.
        #expect(nodes["ada"]?.attributes["kind"] == "person" && nodes["gull"]?.attributes["kind"] == "ship")
        #expect(killed.attributes["kind"] == "killed" && rival.attributes["kind"] == "rival_of")
        // Legend: in the graph's own label (no node of its own), only the kinds in use.
        #expect(doc.nodes.count == g.entities.count)
        let html = try #require(doc.graphAttributes["label"])
        #expect(doc.htmlGraphAttributes.contains("label"))
        #expect(html.contains("Small test graph"))
        let used = ["person", "organization", "ship"] + ["member_of", "rival_of", "sailed_on", "killed"].compactMap { g.schema.relationKind($0)?.forward }
        for text in used { #expect(html.contains(">\(text)<"), "\(text)") }
        let unusedRelations = g.schema.relationKinds.filter { k in !g.relations.contains { $0.kind == k.name } && !used.contains(k.forward) }
        #expect(!unusedRelations.isEmpty)
        for text in ["event", "place", "work"] + unusedRelations.map(\.forward) { #expect(!html.contains(">\(text)<"), "\(text)") }
        // Nothing that links out or reads files.
        for attrs in doc.nodes.map(\.attributes) + doc.edges.map(\.attributes) {
            for banned in ["URL", "href", "image", "imagepath"] { #expect(attrs[banned] == nil) }
        }
    }

    /// Relative luminance of a `#rrggbb` colour (WCAG), 0 = black, 1 = white.
    static func luminance(_ color: String) -> Double {
        let hex = Array(color.dropFirst().prefix(6))
        let channels = stride(from: 0, to: 6, by: 2).map { i -> Double in
            let v = Double(Int(String(hex[i...i + 1]), radix: 16) ?? 0) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// HSV saturation of a `#rrggbb` colour, 0...1.
    static func saturation(_ color: String) -> Double {
        let hex = Array(color.dropFirst().prefix(6))
        let c = stride(from: 0, to: 6, by: 2).map { Double(Int(String(hex[$0...$0 + 1]), radix: 16) ?? 0) }
        let hi = c.max() ?? 0, lo = c.min() ?? 0
        return hi == 0 ? 0 : (hi - lo) / hi
    }

    @Test func highlightingKeepsTheRestReadable() throws {
        let g = try small()
        let options = DOTOptions(legend: false, highlightedEntities: ["boris", "ada"], highlightedRelations: [RelationID(1)])
        let doc = try Graphviz.parse(dot: DOTWriter.write(g, options: options))
        let nodes = Dictionary(uniqueKeysWithValues: doc.nodes.map { ($0.id, $0) })
        let ada = try #require(nodes["ada"])
        #expect(ada.attributes["penwidth"] == "3")
        #expect(ada.htmlAttributes.contains("label") && AttributedGraph.dotHTMLText(ada.attributes["label"] ?? "") == "Ada Brun")
        #expect(ada.attributes["fillcolor"] == "#dbeafe")
        // Off the path: the kind's colour, partly transparent; dark text with a
        // contrast ratio of at least 4.5 on white (WCAG AA); no bold outline.
        let cele = try #require(nodes["cele"]?.attributes)
        let fill = try #require(cele["fillcolor"])
        #expect(fill.count == 9 && fill.hasPrefix("#dbeafe") && fill.suffix(2).lowercased() != "ff")
        #expect(1.05 / (Self.luminance(cele["fontcolor"] ?? "#ffffff") + 0.05) >= 4.5)
        #expect(cele["penwidth"] == nil)
        for (i, e) in doc.edges.enumerated() {
            if i == 1 {
                #expect(e.attributes["color"] == "#dc2626" && Double(e.attributes["penwidth"] ?? "") ?? 0 >= 3)
                #expect(e.htmlAttributes.contains("label"))
                #expect(AttributedGraph.dotHTMLText(e.attributes["label"] ?? "") == "was a rival of")
            } else {
                // Light grey lines: pale and unsaturated.
                let color = try #require(e.attributes["color"])
                #expect(Self.luminance(color) > 0.5 && Self.saturation(color) < 0.15, "\(color)")
                #expect(e.attributes["penwidth"] == nil)
            }
        }
        #expect(doc.graphAttributes["label"].map { !$0.contains("TABLE") } == true)
    }

    /// A chain of `count` rivalries.
    static func chain(_ count: Int) throws -> Graph {
        let entities = (0...count).map { Entity(id: "p\($0)", kind: "person", name: "Person \($0)") }
        let relations = (0..<count).map { Relation(from: "p\($0)", kind: "rival_of", to: "p\($0 + 1)") }
        return try Graph(name: "chain", entities: entities, relations: relations)
    }

    @Test func edgeLabelsAreAutomaticAndOverridable() throws {
        func labelled(_ g: Graph, _ options: DOTOptions) throws -> [Int] {
            try Graphviz.parse(dot: DOTWriter.write(g, options: options)).edges.enumerated()
                .filter { $0.element.attributes["label"] != nil }.map(\.offset)
        }
        let limit = DOTOptions.autoEdgeLabelLimit
        let atLimit = try Self.chain(limit), over = try Self.chain(limit + 1)
        #expect(try labelled(atLimit, DOTOptions()) == Array(0..<limit))
        #expect(try labelled(over, DOTOptions()) == [])
        #expect(try labelled(over, DOTOptions(highlightedEntities: ["p3", "p4"], highlightedRelations: [RelationID(3)])) == [3])
        #expect(try labelled(over, DOTOptions(edgeLabels: .all)) == Array(0...limit))
        #expect(try labelled(atLimit, DOTOptions(edgeLabels: .none)) == [])
        #expect(try labelled(over, DOTOptions(highlightedRelations: [RelationID(3)], edgeLabels: .none)) == [])
    }

    @Test func overridesAndExtraLegends() throws {
        let g = try small()
        let options = DOTOptions(fillOverride: ["ada": "#123456", "boris": "javascript:x"],
                                 colorLegend: [(label: "Group <1> & co", color: "#123456")], colorLegendTitle: "Community",
                                 sizes: ["ada": 1, "cele": 7], sizeLegendTitle: "Betweenness",
                                 engineHints: ["overlap": "false", "URL": "http://x", "image": "/etc/passwd"])
        let dot = DOTWriter.write(g, options: options)
        #expect(!dot.contains("URL") && !dot.contains("/etc/passwd") && !dot.contains("javascript"))
        let doc = try Graphviz.parse(dot: dot)
        let nodes = Dictionary(uniqueKeysWithValues: doc.nodes.map { ($0.id, $0.attributes) })
        #expect(nodes["ada"]?["fillcolor"] == "#123456")
        #expect(nodes["boris"]?["fillcolor"] == "#dbeafe")
        #expect(nodes["ada"]?["width"] == "2.00")
        #expect(nodes["cele"]?["width"] == "2.00")  // clamped to 1
        let html = try #require(doc.graphAttributes["label"])
        #expect(html.contains("Community") && html.contains("Group &lt;1&gt; &amp; co") && html.contains("Betweenness"))
        // Nodes are coloured by community: the kind rows show shapes, not colours no node has.
        #expect(html.contains("BGCOLOR=\"#123456\""))
        for k in g.schema.entityKinds { #expect(!html.contains("BGCOLOR=\"\(k.color)\""), "\(k.name)") }
        // And Graphviz lays it out and shows the legend text unescaped.
        let svg = String(decoding: try Graphviz.render(dot: dot, engine: .dot, format: .svg).data, as: UTF8.self)
        #expect(svgTexts(svg).contains("Group <1> & co"))
    }

    static let hostileNames = [
        "say \"hi\"", "back\\slash", "trailing\\", "two\nlines", "<tag>", "a > b", "Tom & Jerry", "&amp; literally",
        "Лев Троцкий", "Ramón Mercader", "emoji 😀 👩‍👩‍👧", "\\N", "\\l", "\\G and \\E", "x\\\"y", "{braces} [x] ; = ,",
        "#comment", "-- ->", "&#65; not A",
    ]

    @Test func escapingRoundTripsThroughGraphviz() throws {
        var entities: [Entity] = []
        for (i, name) in Self.hostileNames.enumerated() {
            // Ids: hostile too (a backslash, below, in relgraph's escapes).
            let id = "id \(i) \"q\" <x> & é 😀 -> ;"
            entities.append(Entity(id: id, kind: "person", name: name, description: name))
        }
        entities.append(Entity(id: "back\\slash id", kind: "person", name: "plain"))
        let relations = [Relation(from: entities[0].id, kind: "rival_of", to: entities[1].id,
                                  evidence: Evidence(Self.hostileNames.joined(separator: " | ")))]
        let g = try Graph(name: "hostile \"graph\" \\", entities: entities, relations: relations)
        let dot = DOTWriter.write(g, options: DOTOptions(title: "title & \"quotes\" \\"))
        let doc = try Graphviz.parse(dot: dot, fileName: "hostile.dot")
        #expect(doc.nodes.count == entities.count)  // the legend is in the graph label
        for (i, e) in entities.enumerated() {
            let node = doc.nodes[i]
            if i < Self.hostileNames.count {
                #expect(node.id == e.id, "node id \(i)")
            } else {
                #expect(node.id == #"back\\slash id"# && DOTEscaping.unescape(node.id) == e.id, "escaped id: \(node.id)")
            }
            #expect(graphvizDisplayed(node.attributes["label"] ?? "") == e.name, "label \(i): \(e.name)")
        }
        #expect(doc.edges.first?.tail == entities[0].id && doc.edges.first?.head == entities[1].id)
        let tooltip = doc.edges.first?.attributes["tooltip"] ?? ""
        #expect(graphvizDisplayed(tooltip).contains(Self.hostileNames.joined(separator: " | ")))

        // What Graphviz actually draws: every single-line name appears as a text.
        let svg = String(decoding: try Graphviz.render(dot: dot, engine: .dot, format: .svg).data, as: UTF8.self)
        let texts = Set(svgTexts(svg))
        for name in Self.hostileNames where !name.contains("\n") {
            #expect(texts.contains(name), "drawn: \(name)")
        }
        #expect(texts.contains("two") && texts.contains("lines"))
        #expect(texts.contains("title & \"quotes\" \\"))
    }

    @Test func theTrotskyStalinGraphRendersCleanly() throws {
        let path = FormatFixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Graphs/trotsky-stalin.yaml").path
        // No early return: a missing graph file fails the test (GraphFile.load throws).
        let g = try GraphFile.load(path: path)
        let dot = DOTWriter.write(g, options: DOTOptions(engineHints: DOTOptions.hints(forEngine: "sfdp")))
        let doc = try Graphviz.parse(dot: dot, fileName: "trotsky-stalin.dot")
        #expect(doc.nodes.count == g.entities.count)
        #expect(doc.edges.count == g.relations.count)
        #expect(doc.warnings.isEmpty, "\(doc.warnings)")
        let rendering = try Graphviz.render(dot: dot, engine: .sfdp, format: .svg)
        #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
        let texts = Set(svgTexts(String(decoding: rendering.data, as: UTF8.self)))
        for e in g.entities where !e.name.contains("\n") { #expect(texts.contains(e.name), "\(e.name)") }
    }

    /// Every `<text>` of an SVG document with its baseline `y` (larger is lower).
    static func svgTextBaselines(_ svg: String) -> [(text: String, y: Double)] {
        var out: [(String, Double)] = []
        var rest = Substring(svg)
        while let open = rest.range(of: "<text") {
            guard let gt = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[gt...].range(of: "</text>") else { break }
            let tag = rest[open.upperBound..<gt]
            if let yAttr = tag.range(of: " y=\"") {
                let value = tag[yAttr.upperBound...].prefix { $0 != "\"" }
                if let y = Double(value) { out.append((xmlUnescape(String(rest[rest.index(after: gt)..<close.lowerBound])), y)) }
            }
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// The title and legend sit above every node in dot, neato and sfdp, as
    /// Graphviz itself lays them out (a cluster legend floats anywhere in neato and sfdp).
    @Test(arguments: [LayoutEngine.dot, .neato, .sfdp])
    func legendSitsAboveTheDrawing(engine: LayoutEngine) throws {
        var graphs = [try small()]
        graphs.append(try DOTRoundTripTests.trotskyStalin())
        for g in graphs {
            let dot = DOTWriter.write(g, options: DOTOptions(engineHints: DOTOptions.hints(forEngine: engine.rawValue, format: "svg")))
            let rendering = try Graphviz.render(dot: dot, engine: engine, format: .svg)
            #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
            let texts = Self.svgTextBaselines(String(decoding: rendering.data, as: UTF8.self))
            let kindNames = Set(g.entities.map(\.kind))
            let names = Set(g.entities.map(\.name))
            let legend = texts.filter { [g.name, "Entity kinds", "Relations"].contains($0.text) || (kindNames.contains($0.text) && !names.contains($0.text)) }
            let drawing = texts.filter { names.contains($0.text) }
            #expect(legend.count == 3 + kindNames.count, "\(g.name), \(engine)")
            #expect(drawing.count >= g.entities.count, "\(g.name), \(engine)")
            let legendBottom = legend.map(\.y).max() ?? 0, drawingTop = drawing.map(\.y).min() ?? 0
            #expect(legendBottom < drawingTop, "\(g.name), \(engine): legend down to \(legendBottom), drawing from \(drawingTop)")
        }
    }

    @Test func rasterFormatsGetAResolution() {
        #expect(DOTOptions.hints(forEngine: "dot", format: "png")["dpi"] == "144")
        #expect(DOTOptions.hints(forEngine: "dot", format: "svg")["dpi"] == nil)
        #expect(DOTOptions.hints(forEngine: "dot", format: "pdf")["dpi"] == nil)
        #expect(DOTOptions.hints(forEngine: "neato", format: "png")["dpi"] == nil)
        for engine in ["dot", "neato", "sfdp"] {
            let hints = DOTOptions.hints(forEngine: engine, format: "png")
            #expect(Set(hints.keys).isSubset(of: DOTOptions.allowedHints))
            #expect(hints.filter { $0.key != "dpi" && $0.key != "size" } == DOTOptions.hints(forEngine: engine).filter { $0.key != "size" })
        }
    }

    @Test func escapedForms() {
        #expect(DOTEscaping.escString("a\\b\"c\nd&e") == #""a\\b\"c\nd&amp;e""#)
        #expect(DOTEscaping.escString("end\\") == #""end\\""#)
        #expect(DOTEscaping.html("<b> & \\ \"") == "&lt;b&gt; &amp; \\\\ &quot;")
        #expect(DOTEscaping.quotedID("plain id") == "\"plain id\"")
        #expect(!DOTEscaping.isExactID("a\\b") && DOTEscaping.isExactID("a \"b\" <c>"))
    }
}
