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
        var document = try Graphviz.parse(dot: dot, fileName: file)
        let ours = document.usesRelgraphEscapes
        document.undoRelgraphEscapes()
        var foreign = AttributedGraph(directed: document.isDirected, file: file)
        if ours || !document.name.isEmpty { foreign.attributes["name"] = document.name }
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

    /// `g` with its aliases as one `aliases` value gives them back (empty ones
    /// are lost, in every format that joins them: see ``AttributeNaming``).
    static func joinedAliases(_ g: Graph) throws -> Graph {
        let entities = g.entities.map { e in
            var e = e
            e.aliases = AttributeNaming.splitAliases(AttributeNaming.joinAliases(e.aliases))
            return e
        }
        return try Graph(name: g.name, description: g.description, schema: g.schema, entities: entities, relations: g.relations)
    }

    /// Every text comes back exactly (DOTHostileTextTests has the table of
    /// strings DOT, escString and cgraph treat specially).
    @Test func hostileGraphsComeBackExactly() throws {
        for seed in UInt64(1)...400 {
            let g = try HostileGraphs.graph(seed: seed)
            let dot = DOTWriter.write(g, options: DOTOptions(edgeLabels: .none))
            let back: Graph
            do {
                back = try Self.reimport(dot, file: "seed\(seed).dot").graph
            } catch {
                Issue.record("seed \(seed): \(error)")
                continue
            }
            let difference = Interop.difference(back, try Self.joinedAliases(g))
            #expect(difference == nil, "seed \(seed): \(difference ?? "")")
            if difference != nil { print("failing seed \(seed):\n\(dot)"); break }
        }
    }
}
