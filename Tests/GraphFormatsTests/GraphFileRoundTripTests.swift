import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// `GraphFile` reads back every format it writes: the Trotsky–Stalin graph
/// saved with `GraphFile.save` and loaded with `GraphFile.load` (the format
/// detected from the file, as the command line detects it) keeps everything the
/// format's documentation (README "What each format cannot carry",
/// `GraphFormat.droppedFields`) says it keeps.
@Suite struct GraphFileRoundTripTests {
    static let trotsky = FormatFixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Graphs/trotsky-stalin.yaml").path

    /// Every format GraphFile both writes and reads, with the file name it is saved under.
    static let formats: [(GraphFormat, String)] = [
        (.yaml, "g.yaml"), (.json, "g.json"), (.csv, "g.csv"), (.graphml, "g.graphml"),
        (.gexf, "g.gexf"), (.nodeLink, "g.json"), (.dot, "g.dot"),
    ]

    @Test func theListCoversEveryWritableAndReadableFormat() {
        let covered = Set(Self.formats.map(\.0))
        #expect(covered == Set(GraphFormat.writable.filter(\.canRead)))
        #expect(GraphFormat.writable.allSatisfy { $0.canWrite })
        #expect(!GraphFormat.fixtureCSV.canWrite && !GraphFormat.cypher.canRead && !GraphFormat.mermaid.canRead)
    }

    @Test(arguments: formats.map(\.0.rawValue))
    func theTrotskyStalinGraphComesBack(formatName: String) throws {
        let format = try #require(GraphFormat(rawValue: formatName))
        let fileName = try #require(Self.formats.first { $0.0 == format }?.1)
        let g = try GraphFile.load(path: Self.trotsky)
        // The graph exercises what the formats must keep (a test on an empty graph could not fail).
        #expect(g.entities.count == 119 && g.relations.count == 260)  // counted by PyYAML
        #expect(g.entities.contains { !$0.aliases.isEmpty && $0.start != nil && $0.description != nil && !$0.attributes.isEmpty })
        #expect(g.relations.contains { $0.evidence?.source != nil && $0.isDated })

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(fileName).path
        try GraphFile.save(g, to: path, format: format)
        // A CSV pair is two files; either one reads the pair back.
        let readPath = format == .csv ? GraphFile.csvPairPaths(writing: path).relations : path
        let loaded = try GraphLoader.load(path: readPath)
        #expect(loaded.format == format)
        let back = try GraphFile.load(path: readPath)
        #expect(back == loaded.graph)

        // Every format kept here carries every entity and relation field (ids,
        // kinds, names, aliases, dates, descriptions, attributes; ends, dates,
        // evidence and sources, weights, confidences, attributes), in order.
        #expect(back.entities.count == g.entities.count)
        #expect(back.relations.count == g.relations.count)
        #expect(back.entities == g.entities)
        #expect(back.relations == g.relations)
        let stalin = try #require(back.entity("stalin"))
        #expect(stalin.name == "Joseph Stalin" && stalin.kind == "person")
        #expect(stalin.aliases == g.entity("stalin")?.aliases)
        let mercader = try #require(back.relations.first { $0.from == "mercader" && $0.to == "trotsky" })
        #expect(mercader == g.relations.first { $0.from == "mercader" && $0.to == "trotsky" })

        // The graph's name and description: dropped by the CSV pair only.
        if format.droppedFields.contains(.graphName) {
            #expect(back.name != g.name)
        } else {
            #expect(back.name == g.name)
            #expect(back.description == g.description)
        }
        // Schema additions: kept by relgraph's own files; elsewhere a kind comes back by name.
        if format == .yaml || format == .json {
            #expect(back == g)
            #expect(back.sources == g.sources)
        } else {
            #expect(Set(back.schema.relationKinds.map(\.name)).isSuperset(of: g.relations.map(\.kind)))
            #expect(Set(back.schema.entityKinds.map(\.name)).isSuperset(of: g.entities.map(\.kind)))
        }
    }

    @Test func aCSVExportReadsBackFromEitherFile() throws {
        let g = try GraphFile.load(path: Self.trotsky)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("graphfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = dir.appendingPathComponent("ts").path
        try GraphFile.save(g, to: base, format: .csv)
        #expect(GraphFile.csvPairPaths(writing: base) == (base + ".entities.csv", base + ".relations.csv"))
        let fromEntities = try GraphFile.load(path: base + ".entities.csv")
        let fromRelations = try GraphFile.load(path: base + ".relations.csv")
        #expect(fromEntities == fromRelations)
        #expect(fromEntities.entities == g.entities && fromEntities.relations == g.relations)
        // Not a fixture: the library no longer sends every `.csv` to FixtureCSV.
        #expect(try GraphFormat.detect(path: base + ".relations.csv") == .csv)
    }

    @Test func writtenOnlyFormatsAreRefusedForReading() throws {
        let g = try GraphFile.load(path: Self.trotsky)
        for format in [GraphFormat.cypher, .mermaid] {
            let text = try GraphFile.write(g, format: format)
            #expect(!text.isEmpty)
            #expect(throws: GraphFormatsError.unsupportedFormat("\(format.rawValue) is written, not read")) {
                _ = try GraphFile.load(text: text, fileName: "g.txt", format: format)
            }
        }
        #expect(throws: GraphFormatsError.self) { _ = try GraphFile.write(g, format: .fixtureCSV) }
    }
}

/// A library user turns a DOT file into a `Graph` through the same entry point.
@Suite struct DOTThroughGraphFileTests {
    /// A foreign DOT file: drawing attributes, an escString label, a node and
    /// an edge that name their kinds, one edge that names none.
    static let dot = #"""
        digraph "Kin" {
          ann [label="Ann Ames", kind=person, born=1901, color=red, shape=box];
          bob [label="Bob\nBurr", kind=person];
          ann -> bob [kind=ally_of, weight=2, penwidth=3];
          bob -> carl;
        }
        """#

    /// What the rules of `AttributedGraph+DOT` and `ImportMapping` give, derived by hand.
    func expectKin(_ g: Graph) {
        #expect(g.name == "Kin")
        #expect(g.entities.map(\.id) == ["ann", "bob", "carl"])
        #expect(g.entities.map(\.name) == ["Ann Ames", "Bob\nBurr", "carl"])
        #expect(g.entities.map(\.kind) == ["person", "person", "node"])
        #expect(g.entities[0].start == PartialDate(year: 1901))
        #expect(g.entities[0].attributes.isEmpty)  // color and shape only say how to draw
        #expect(g.relations.map { "\($0.from) \($0.kind) \($0.to)" } == ["ann ally_of bob", "bob tie carl"])
        #expect(g.relations[0].weight == 2 && g.relations[1].weight == nil)
        #expect(g.relations[0].attributes.isEmpty)
    }

    @Test func aDOTFileOnDiskIsAGraph() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dotfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["kin.dot", "kin.gv"] {
            let path = dir.appendingPathComponent(name).path
            try AtomicWrite.write(Self.dot, to: path)
            expectKin(try GraphFile.load(path: path))
            let loaded = try GraphLoader.load(path: path)
            #expect(loaded.format == .dot && loaded.directed == true)
            expectKin(loaded.graph)
        }
    }

    @Test func DOTTextInMemoryIsAGraph() throws {
        expectKin(try GraphFile.load(text: Self.dot, fileName: "kin.dot"))
        expectKin(try GraphFile.load(text: Self.dot, fileName: "anything", format: .dot))
    }

    @Test func malformedDOTIsALocatedError() {
        #expect(throws: GraphFormatsError.self) { _ = try GraphFile.load(text: "digraph { a -> }", fileName: "bad.dot") }
        do {
            _ = try GraphFile.load(text: "digraph {\n a -> \n}", fileName: "bad.dot")
        } catch {
            #expect(error.diagnostics.first?.location?.file == "bad.dot")
        }
    }
}
