import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// Issue 8's reader items that live in the readers issue 7 rewrote.
@Suite struct HardeningReaderTests {
    @Test func aListForConfidenceSaysItMustBeANumber() throws {
        let text = """
            relgraph: 1
            entities: [{id: a, kind: person}, {id: b, kind: person}]
            relations: [{from: a, kind: ally_of, to: b, confidence: [1]}]
            """
        let result = try YAMLGraphReader.check(text, fileName: "c.yaml")
        #expect(result.graph == nil)
        #expect(result.diagnostics.map(\.message) == ["'confidence' must be a number, found a list"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "c.yaml", line: 3, column: 57))
    }

    @Test func anEndlessPipeIsRefusedAtTheLimitNotReadUntilMemoryRunsOut() throws {
        // What `yes | relgraph check -` or /dev/zero did until the process died:
        // here 200 KB through a pipe against a 64 KiB limit.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let writer = Thread { [ends] in
            let chunk = [UInt8](repeating: 0x79, count: 4_096)
            for _ in 0..<50 { _ = chunk.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } }
            close(ends[1])
        }
        writer.start()
        #expect(throws: GraphFormatsError.io(path: "-", "is larger than 64 KiB, more than relgraph reads from one input")) {
            _ = try GraphFile.readDescriptor(ends[0], path: "-", limit: 65_536)
        }
        var rest = [UInt8](repeating: 0, count: 65_536)
        while read(ends[0], &rest, rest.count) > 0 {}  // let the writer finish
        close(ends[0])
        // A regular file over the limit is refused from its size, before reading.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(UUID().uuidString).yaml")
        try Data(repeating: 0x79, count: 70_000).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        #expect(throws: GraphFormatsError.io(path: "f", "is larger than 64 KiB, more than relgraph reads from one input")) {
            _ = try GraphFile.readDescriptor(fd, path: "f", limit: 65_536)
        }
        #expect(try GraphFile.readDescriptor(fd, path: "f", limit: 70_000).count == 70_000)
        #expect(GraphFile.maximumInputBytes == 4 << 30)
    }

    @Test func aCSVPairRelationToAnUndefinedIdIsAnError() throws {
        let entities = "id,kind\na,person\nb,person\n"
        let relations = "from,kind,to\na,ally_of,b\nb,ally_of,zz\nqq,ally_of,a\n"
        #expect(throws: GraphFormatsError.invalidGraph([
            Diagnostic("'zz' is not an id in e.csv", at: SourceLocation(file: "r.csv", line: 3, column: 11)),
            Diagnostic("'qq' is not an id in e.csv", at: SourceLocation(file: "r.csv", line: 4, column: 1)),
        ])) {
            _ = try CSVPairReader.read(entities: entities, entitiesFile: "e.csv", relations: relations, relationsFile: "r.csv")
        }
        // An edge list alone still makes its endpoints.
        let alone = try CSVPairReader.read(entities: nil, relations: relations, relationsFile: "r.csv")
        #expect(try GraphImporter.makeGraph(from: alone).graph.entities.map(\.id) == ["a", "b", "zz", "qq"])
    }

    @Test func nodeLinkWithHugeNumbersIsStillNodeLink() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let nodeLink = dir.appendingPathComponent("g.json")
        try Data(#"{"directed": false, "nodes": [{"id": 1e999}, {"id": 2}], "links": [{"source": 1e999, "target": 2}]}"#.utf8).write(to: nodeLink)
        #expect(GraphFile.jsonFlavour(path: nodeLink.path) == .nodeLink)
        let own = dir.appendingPathComponent("r.json")
        try Data(#"{"relgraph": 1, "entities": [], "nodes": [], "links": []}"#.utf8).write(to: own)
        #expect(GraphFile.jsonFlavour(path: own.path) == .json)
    }

    @Test func aRelationWithoutDetailsIsCompact() {
        // from, kind, to (3 × 16), weight (9), the identity (4, in the padding after the weight),
        // location (33), one reference (8), with padding.
        #expect(MemoryLayout<Relation>.stride == 104)
        var r = Relation(from: "a", kind: "tie", to: "b", weight: 2)
        #expect(r.attributes.isEmpty && r.date == nil)
        r.attributes["x"] = "1"
        var copy = r
        copy.attributes["x"] = "2"  // copy on write: the original keeps its value
        #expect(r.attributes == ["x": "1"] && copy.attributes == ["x": "2"])
        copy.attributes = [:]
        #expect(copy == Relation(from: "a", kind: "tie", to: "b", weight: 2))
    }
}
