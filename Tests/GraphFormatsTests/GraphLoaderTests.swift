import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// The one entry point: every format relgraph writes, read back through
/// `GraphLoader.load` (format detected from the file), gives the same entities
/// and relations; and a DOT file becomes a Graph without the CLI.
@Suite struct GraphLoaderTests {
    static func sample() throws -> Graph {
        try Graph(
            name: "loader", schema: .standard,
            entities: [
                Entity(id: "ann", kind: "person", name: "Ann Ames"),
                Entity(id: "bob", kind: "person", name: "Bob Burr"),
                Entity(id: "org", kind: "organization", name: "The Org"),
            ],
            relations: [
                Relation(from: "ann", kind: "member_of", to: "org", weight: 2),
                Relation(from: "bob", kind: "member_of", to: "org", weight: 0.5),
                Relation(from: "ann", kind: "ally_of", to: "bob"),
            ])
    }

    func triples(_ g: Graph) -> [String] {
        g.relations.map { "\($0.from) \($0.kind) \($0.to) \($0.weight.map { "\($0)" } ?? "-")" }
    }

    @Test(arguments: ["yaml", "json", "graphml", "gexf", "dot", "csv"])
    func everyFormatWrittenReadsBack(ext: String) throws {
        let g = try Self.sample()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var path = dir.appendingPathComponent("g.\(ext)").path
        switch ext {
        case "yaml": try GraphFile.save(g, to: path, format: .yaml)
        case "json": try GraphFile.save(g, to: path, format: .json)
        case "graphml": try GraphMLWriter.write(g, toFile: path)
        case "gexf": try AtomicWrite.write(GEXFWriter.write(g), to: path)
        case "dot": try DOTWriter.write(g, options: DOTOptions(edgeLabels: .none), toFile: path)
        default:
            let out = CSVPairWriter.write(g)
            try AtomicWrite.write(out.entities, to: dir.appendingPathComponent("g.entities.csv").path)
            path = dir.appendingPathComponent("g.relations.csv").path
            try AtomicWrite.write(out.relations, to: path)
        }
        let back = try GraphLoader.load(path: path)
        #expect(back.graph.entities.map(\.id) == ["ann", "bob", "org"])
        #expect(back.graph.entities.map(\.kind) == ["person", "person", "organization"])
        #expect(back.graph.entities.map(\.name) == ["Ann Ames", "Bob Burr", "The Org"])
        #expect(triples(back.graph) == triples(g))
        let expectedFormat: GraphFormat = ext == "yaml" ? .yaml : ext == "json" ? .json : ext == "graphml" ? .graphml
            : ext == "gexf" ? .gexf : ext == "dot" ? .dot : .csv
        #expect(back.format == expectedFormat)
    }

    @Test func aDOTFileBecomesAGraphAndSaysItIsDirected() throws {
        let r = try GraphLoader.readDOT(text: "digraph { a -> b [kind=\"knows\"]; b -> c }", fileName: "x.dot")
        #expect(r.graph.entities.map(\.id) == ["a", "b", "c"])
        #expect(r.graph.relations.map(\.kind) == ["knows", "tie"])
        #expect(r.directed == true)
        #expect(try GraphLoader.readDOT(text: "graph { a -- b }", fileName: "u.dot").directed == false)
        #expect(throws: GraphFormatsError.self) { _ = try GraphLoader.readDOT(text: "digraph { a -> }", fileName: "bad.dot") }
    }

    @Test func formatsAreDetectedByExtensionAndContent() throws {
        #expect(GraphFormat.csvFlavour("source,target,weight,kind") == .fixtureCSV)
        #expect(GraphFormat.csvFlavour("source,target,weight") == .csv)
        #expect(try GraphFormat.sniff(Array("digraph { a -> b }".utf8)) == .dot)
        #expect(try GraphFormat.sniff(Array("<?xml version=\"1.0\"?><gexf>".utf8)) == .gexf)
        #expect(try GraphFormat.sniff(Array("relgraph: 1\nentities: []\n".utf8)) == .yaml)
        #expect(GraphFormat(name: "gv") == .dot && GraphFormat(name: "csv-pair") == .csv)
        #expect(throws: GraphFormatsError.self) { _ = try GraphFormat.detect(path: "graph.txt") }
    }
}
