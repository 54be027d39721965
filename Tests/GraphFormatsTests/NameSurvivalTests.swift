import Foundation
import GraphModel
import GraphvizRendering
import Testing
@testable import GraphFormats

/// Hostile names through every writer and back through its reader: each comes
/// back unchanged, or the writer refuses it with an error naming the item.
@Suite struct NameSurvivalTests {
    static let pieces = [
        "\"", "'", "\\", "\\\\", "\n", "\t", "\r\n", "\r", "<", ">", "&", "&amp;", "]]>", "--", "-->", ";", "|", "{", "}",
        "[", "]", "(", ")", ",", "#", "#quot;", "`", "\\N", "\\n", "%%", "Троцкий", "Λέων", "托洛茨基", "🧊🪓", "👨‍👩‍👧",
        "ليون تروتسكي", "טרוצקי", "1879", "0", "e\u{301}", "attr:", "kind", " ", "  lead", "trail  ", "$", "@", "=SUM(A1)",
        "Ramón Mercader", "\u{200F}", "\u{FEFF}", "x",
    ]

    /// A name of 1 to 4 pieces; with probability 1/25 it holds a C1 control (U+009B,
    /// a terminal's CSI), which XML carries. Text XML cannot carry never gets this far:
    /// the graph refuses it (``TextPolicy``, issue 8).
    static func name(_ rng: inout SeededGenerator) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...4, using: &rng) { s += pieces.randomElement(using: &rng) ?? "x" }
        if Int.random(in: 0..<25, using: &rng) == 0 { s += "\u{9B}" }
        return s
    }

    /// A graph whose ids, names, aliases, descriptions, attribute names and
    /// values, evidence and sources are all hostile.
    static func graph(seed: UInt64) throws -> Graph {
        var rng = SeededGenerator(seed: seed)
        let count = Int.random(in: 1...4, using: &rng)
        var entities: [Entity] = []
        for i in 0..<count {
            let aliases = (0..<Int.random(in: 0...2, using: &rng)).map { _ in name(&rng) }
            entities.append(Entity(
                id: name(&rng) + "_\(i)", kind: ["person", "organization", "place"][i % 3], name: name(&rng), aliases: aliases,
                description: Bool.random(using: &rng) ? name(&rng) : nil,
                attributes: Bool.random(using: &rng) ? [name(&rng): name(&rng)] : [:]))
        }
        var relations: [Relation] = []
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let a = entities.randomElement(using: &rng)!, b = entities.randomElement(using: &rng)!
            relations.append(Relation(
                from: a.id, kind: "opposed", to: b.id,
                evidence: Bool.random(using: &rng) ? Evidence(name(&rng), source: Bool.random(using: &rng) ? name(&rng) : nil) : nil,
                attributes: Bool.random(using: &rng) ? [name(&rng): name(&rng)] : [:]))
        }
        return try Graph(name: name(&rng), description: name(&rng), entities: entities, relations: relations)
    }

    /// Whether the graph holds a character XML 1.0 cannot carry.
    static func hasXMLForbidden(_ g: Graph) -> Bool {
        var texts = [g.name, g.description ?? ""]
        for e in g.entities { texts += [e.id, e.name, e.description ?? ""] + e.aliases + Array(e.attributes.keys) + Array(e.attributes.values) }
        for r in g.relations { texts += [r.evidence?.text ?? "", r.evidence?.source ?? ""] + Array(r.attributes.keys) + Array(r.attributes.values) }
        return texts.contains { $0.unicodeScalars.contains { !XMLEscaping.isAllowed($0) } }
    }

    static let seeds: ClosedRange<UInt64> = 1...300

    @Test func throughGraphMLGEXFNodeLinkAndCSV() throws {
        for seed in Self.seeds {
            let g = try Self.graph(seed: seed)
            #expect(!Self.hasXMLForbidden(g), "seed \(seed)")
            var legs: [(String, () throws -> AttributedGraph)] = [
                ("node-link", { try NodeLinkReader.read(NodeLinkWriter.write(g), file: "t.json") }),
                ("csv", {
                    let out = CSVPairWriter.write(g)
                    var a = try CSVPairReader.read(entities: out.entities, relations: out.relations)
                    a.attributes = ["name": g.name, "description": g.description ?? ""]  // CSV has no place for them
                    return a
                }),
            ]
            legs.append(("graphml", { try GraphMLReader.read(GraphMLWriter.write(g), file: "t.graphml") }))
            legs.append(("gexf", { try GEXFReader.read(GEXFWriter.write(g), file: "t.gexf") }))
            for (format, leg) in legs {
                do {
                    let back = try GraphImporter.makeGraph(from: leg())
                    if let d = Interop.difference(g, back.graph) {
                        Issue.record("seed \(seed), \(format): \(d)")
                    }
                } catch {
                    Issue.record("seed \(seed), \(format): unexpected error \(error)")
                }
            }
        }
        // What XML cannot carry is refused when the graph is made, naming the entity.
        #expect {
            _ = try Graph(entities: [Entity(id: "x", kind: "person", name: "ctl\u{1}")])
        } throws: { error in
            "\(error)".contains("entity 'x': its name contains the control character U+0001")
        }
    }

    @Test func throughDOTWriterAndGraphviz() throws {
        for seed in Self.seeds {
            let g = try Self.graph(seed: seed)
            let doc = try Graphviz.parse(dot: DOTWriter.write(g), fileName: "seed\(seed).dot")
            let nodes = doc.nodes.prefix(g.entities.count)
            #expect(nodes.count == g.entities.count, "seed \(seed)")
            for (e, n) in zip(g.entities, nodes) {
                let shown = AttributedGraph.dotText(n.attributes["label"] ?? "", nodeID: n.id)
                // DOTWriter writes a carriage return as a line break (Graphviz has no other).
                let expected = e.name.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                #expect(shown == expected, "seed \(seed): \(e.name.debugDescription) came back as \(shown.debugDescription)")
            }
        }
    }

    /// Cypher: every statement is one line, and each name's string literal decodes back to it.
    @Test func throughCypherLiterals() throws {
        for seed in Self.seeds {
            let g = try Self.graph(seed: seed)
            let text: String
            do {
                text = try CypherWriter.write(g)
            } catch {
                guard case .refused(let message) = error else { Issue.record("seed \(seed): \(error)"); continue }
                #expect(message.contains("attribute name") && message.contains("U+"), "seed \(seed): \(message)")
                continue
            }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let merges = lines.filter { $0.hasPrefix("MERGE ") }
            #expect(merges.count == g.entities.count, "seed \(seed)")
            #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(";") }, "seed \(seed)")
            for (e, line) in zip(g.entities, merges) {
                let literals = Self.cypherStrings(String(line))
                #expect(literals.first == e.id, "seed \(seed): id \(e.id.debugDescription) vs \(literals)")
                #expect(literals.contains(e.name), "seed \(seed): name \(e.name.debugDescription) not in \(literals)")
            }
        }
    }

    /// Mermaid: one line per node, no raw quote inside a label, and the entity codes decode back to the name.
    @Test func throughMermaidLabels() throws {
        for seed in Self.seeds {
            let g = try Self.graph(seed: seed)
            let lines = MermaidWriter.write(g).split(separator: "\n").map(String.init)
            for (i, e) in g.entities.enumerated() {
                let prefix = "  n\(i)[\""
                guard let line = lines.first(where: { $0.hasPrefix(prefix) }), line.hasSuffix("\"]") else {
                    Issue.record("seed \(seed): no node line for n\(i)"); continue
                }
                let body = String(line.dropFirst(prefix.count).dropLast(2))
                #expect(!body.contains("\""), "seed \(seed)")
                #expect(Self.mermaidDecode(body) == e.name, "seed \(seed): \(e.name.debugDescription) vs \(body)")
            }
        }
    }

    /// The single-quoted literals of a Cypher line, decoded (an independent decoder of Cypher's escapes).
    static func cypherStrings(_ line: String) -> [String] {
        var out: [String] = []
        var scalars = Array(line.unicodeScalars)[...]
        while let q = scalars.firstIndex(where: { $0 == "'" || $0 == "`" }) {
            let opener = scalars[q]
            scalars = scalars[(q + 1)...]
            if opener == "`" {
                // A backtick-quoted name: skip it (a doubled backtick stays inside).
                while let c = scalars.first {
                    scalars = scalars.dropFirst()
                    if c == "`" {
                        if scalars.first == "`" { scalars = scalars.dropFirst() } else { break }
                    }
                }
                continue
            }
            var s = String.UnicodeScalarView()
            while let c = scalars.first {
                scalars = scalars.dropFirst()
                if c == "'" { break }
                if c == "\\", let e = scalars.first {
                    scalars = scalars.dropFirst()
                    switch e {
                    case "n": s.append("\n")
                    case "r": s.append("\r")
                    case "t": s.append("\t")
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                        scalars = scalars.dropFirst(4)
                        if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { s.append(u) }
                    default: s.append(e)
                    }
                    continue
                }
                s.append(c)
            }
            out.append(String(s))
        }
        return out
    }

    static func mermaidDecode(_ body: String) -> String {
        var s = body.replacingOccurrences(of: "<br>", with: "\n")
        for (code, text) in [("#quot;", "\""), ("#lt;", "<"), ("#gt;", ">"), ("#amp;", "&")] {
            s = s.replacingOccurrences(of: code, with: text)
        }
        // Numeric codes, including #35; for '#', decoded last.
        var out = ""
        var rest = Substring(s)
        while let h = rest.firstIndex(of: "#") {
            out += rest[..<h]
            let after = rest[rest.index(after: h)...]
            if let semi = after.firstIndex(of: ";"), let v = UInt32(after[..<semi]), let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
                rest = after[after.index(after: semi)...]
            } else {
                out += "#"
                rest = after
            }
        }
        return out + rest
    }
}
