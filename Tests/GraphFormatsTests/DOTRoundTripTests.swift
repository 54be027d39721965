import Foundation
import GraphModel
import GraphvizRendering
import Testing
@testable import GraphFormats

/// DOT written by ``DOTWriter``, read back as `relgraph import` reads it:
/// Graphviz's own parser (cgraph), the DOT attribute conversion, then the importer.
@Suite("DOT export round trip")
struct DOTRoundTripTests {
    /// What `relgraph import out.dot` does (Sources/RelGraphCLI/GraphLoading.swift).
    static func reimport(_ dot: String, file: String = "export.dot") throws -> ImportResult {
        let document = try Graphviz.parse(dot: dot, fileName: file)
        var foreign = AttributedGraph(directed: document.isDirected, file: file)
        if !document.name.isEmpty { foreign.attributes["name"] = document.name }
        for (k, v) in document.graphAttributes where k == "name" || k == "description" { foreign.attributes[k] = v }
        for n in document.nodes where !n.subgraphs.contains("cluster_legend") {
            foreign.addDOTNode(n.id, attributes: n.attributes, htmlAttributes: n.htmlAttributes, subgraphs: n.subgraphs)
        }
        for e in document.edges {
            var attrs = e.attributes
            if let key = e.key { attrs["key"] = key }
            foreign.addDOTEdge(tail: e.tail, head: e.head, attributes: attrs, htmlAttributes: e.htmlAttributes)
        }
        return try GraphImporter.makeGraph(from: foreign)
    }

    /// The project's graph; a missing file fails the calling test (no silent skip).
    static func trotskyStalin() throws -> Graph {
        let path = FormatFixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Graphs/trotsky-stalin.yaml").path
        return try GraphFile.load(path: path)
    }

    @Test func everyFieldComesBackWithoutEdgeLabels() throws {
        for g in [try Interop.sample(), try GraphFile.load(path: FormatFixtures.graphFile("small.yaml"))] {
            let dot = DOTWriter.write(g, options: DOTOptions(edgeLabels: .none))
            let back = try Self.reimport(dot).graph
            #expect(Interop.difference(back, g) == nil, "\(g.name): \(Interop.difference(back, g) ?? "")")
        }
    }

    @Test func theTrotskyStalinGraphComesBack() throws {
        let g = try Self.trotskyStalin()
        #expect(g.relations.count > DOTOptions.autoEdgeLabelLimit)
        // Automatic labels: none on a graph this size, so the import is exact.
        let dot = DOTWriter.write(g, options: DOTOptions(engineHints: DOTOptions.hints(forEngine: "neato")))
        let result = try Self.reimport(dot, file: "trotsky-stalin.dot")
        #expect(Interop.difference(result.graph, g) == nil, "\(Interop.difference(result.graph, g) ?? "")")
        #expect(result.graph.entities.map(\.kind) == g.entities.map(\.kind))
        #expect(result.graph.relations.map(\.kind) == g.relations.map(\.kind))
        #expect(!result.warnings.contains { $0.message.contains("dropped:") || $0.message.contains("not a date") }, "\(result.warnings)")
    }

    @Test func aLabelledEdgeKeepsItsLabelAsAnAttribute() throws {
        let g = try Interop.sample()
        let back = try Self.reimport(DOTWriter.write(g, options: DOTOptions(edgeLabels: .all))).graph
        #expect(back.entities == g.entities)
        #expect(back.relations.count == g.relations.count)
        for (r, original) in zip(back.relations, g.relations) where original.attributes["label"] == nil {
            // (A free attribute named `label` would win over the drawn one.)
            var r = r
            let label = r.attributes.removeValue(forKey: "label")
            let kind = try #require(g.schema.relationKind(original.kind))
            let drawn = kind.forward + (original.dateText.map { "\n" + $0 } ?? "")
            // The importer drops a label that only repeats the kind's name.
            #expect(label == (drawn == original.kind ? nil : drawn))
            #expect(r == original)
        }
    }

    /// What DOT cannot carry, by design (see DOTEscaping.value and DOTWriter):
    /// NUL anywhere; in a value holding a backslash (written as HTML-like text),
    /// control characters other than line breaks, and `\r\n` or `\r` as a line
    /// break; a name's `\r\n` or `\r` likewise; empty values (cgraph does not tell
    /// them from absent ones); free attributes whose name has a backslash or a
    /// control character. Ids with those get synthetic node ids.
    static func carried(_ g: Graph) throws -> Graph {
        func text(_ s: String) -> String {
            guard s == "\n" || s.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\u{0}" }) else { return s }
            var out = ""
            var previousCR = false
            for u in s.unicodeScalars {
                defer { previousCR = u == "\r" }
                if u == "\r" { out += "\n"; continue }
                if u == "\n" { if !previousCR { out += "\n" }; continue }
                if u.value < 0x20 || u.value == 0x7F { continue }
                out.unicodeScalars.append(u)
            }
            return out
        }
        func attributes(_ a: [String: String]) -> [String: String] {
            var out: [String: String] = [:]
            for (k, v) in a where DOTEscaping.isExactID(AttributeNaming.exported(k)) && !text(v).isEmpty { out[k] = text(v) }
            return out
        }
        var newID: [String: String] = [:]
        for (e, id) in zip(g.entities, DOTWriter.dotNodeIDs(g)) {
            newID[e.id] = DOTEscaping.isExactID(e.id) ? e.id : String(id.dropFirst().dropLast())  // synthetic: plain
        }
        func shown(_ name: String) -> String? {
            let s = name.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                .replacingOccurrences(of: "\u{0}", with: "")
            return s.isEmpty ? nil : s
        }
        let entities = g.entities.map { e in
            // An empty name is an empty label, which cgraph does not keep: the id is shown.
            Entity(id: newID[e.id] ?? e.id, kind: e.kind, name: shown(e.name) ?? newID[e.id] ?? e.id,
                   aliases: AttributeNaming.splitAliases(text(AttributeNaming.joinAliases(e.aliases))),
                   start: e.start, end: e.end, description: e.description.map(text).flatMap { $0.isEmpty ? nil : $0 },
                   attributes: attributes(e.attributes))
        }
        let relations = g.relations.map { r in
            var evidence = r.evidence.map { Evidence(text($0.text), source: $0.source.map(text).flatMap { $0.isEmpty ? nil : $0 }) }
            if let ev = evidence, ev.text.isEmpty, ev.source == nil { evidence = nil }
            return Relation(from: newID[r.from] ?? r.from, kind: r.kind, to: newID[r.to] ?? r.to, date: r.date, start: r.start,
                            end: r.end, evidence: evidence, weight: r.weight, confidence: r.confidence,
                            attributes: attributes(r.attributes))
        }
        return try Graph(name: g.name, description: g.description, schema: g.schema, entities: entities, relations: relations)
    }

    @Test func hostileGraphsComeBackAsFarAsDOTCarriesThem() throws {
        for seed in UInt64(1)...400 {
            let g = try HostileGraphs.graph(seed: seed)
            // A kind DOT cannot carry exactly becomes another kind: not this test's business.
            if g.entities.contains(where: { e in e.kind.unicodeScalars.contains { $0 == "\\" || $0 == "\u{0}" } }) { continue }
            let dot = DOTWriter.write(g, options: DOTOptions(edgeLabels: .none))
            let back: Graph
            do {
                back = try Self.reimport(dot, file: "seed\(seed).dot").graph
            } catch {
                Issue.record("seed \(seed): \(error)")
                continue
            }
            var expected = try Self.carried(g)
            expected = try Graph(name: back.name, description: back.description, schema: expected.schema,
                                 entities: expected.entities, relations: expected.relations)
            let difference = Interop.difference(back, expected)
            #expect(difference == nil, "seed \(seed): \(difference ?? "")")
            if difference != nil { print("failing seed \(seed):\n\(dot)"); break }
        }
    }
}
