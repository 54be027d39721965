import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// The CSV-pair, YAML, relgraph JSON, Mermaid and Cypher writers stream to a
/// file through a `TextSink`: the same bytes as their `String` form, written
/// as `AtomicWrite` writes (standard output, devices and FIFOs written through,
/// nothing left behind on a refusal).
@Suite struct StreamingWriterTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Each single-file writer: its String form, and its file form.
    typealias Writer = (name: String, text: @Sendable (Graph) throws(GraphFormatsError) -> String,
                        file: @Sendable (Graph, String) throws(GraphFormatsError) -> Void)
    static let writers: [Writer] = [
        ("yaml", { g throws(GraphFormatsError) in YAMLGraphWriter.write(g) }, { g, p throws(GraphFormatsError) in try YAMLGraphWriter.write(g, toFile: p) }),
        ("json", { g throws(GraphFormatsError) in RelgraphJSON.write(g) }, { g, p throws(GraphFormatsError) in try RelgraphJSON.write(g, toFile: p) }),
        ("mermaid", { g throws(GraphFormatsError) in MermaidWriter.write(g) }, { g, p throws(GraphFormatsError) in try MermaidWriter.write(g, toFile: p) }),
        ("cypher", { g throws(GraphFormatsError) in try CypherWriter.write(g) }, { g, p throws(GraphFormatsError) in try CypherWriter.write(g, toFile: p) }),
        ("opencypher batches", { g throws(GraphFormatsError) in try CypherWriter.write(g, dialect: .opencypher, batchSize: 3) },
         { g, p throws(GraphFormatsError) in try CypherWriter.write(g, dialect: .opencypher, batchSize: 3, toFile: p) }),
    ]

    /// A graph whose every output is several 1 MiB chunks long, so that chunk
    /// boundaries fall inside multi-byte characters.
    static func large() throws -> Graph {
        let n = 6_000
        let entities = (0..<n).map { i in
            Entity(id: "e\(i)", kind: i % 3 == 0 ? "organization" : "person", name: "Ñame \"\(i)\" — 中文 😀 \(i)",
                   aliases: i % 5 == 0 ? ["alias; \(i)", "=SUM(\(i))"] : [], description: i % 7 == 0 ? "a description, #\(i)" : nil,
                   attributes: i % 11 == 0 ? ["note": "ж\(i)"] : [:])
        }
        let relations = (0..<(4 * n)).map { k in
            Relation(from: "e\(k % n)", kind: "rival_of", to: "e\((k * 7 + 1) % n)", date: k % 2 == 0 ? PartialDate(year: 1900 + k % 90) : nil,
                     evidence: k % 3 == 0 ? Evidence("they quarrelled in meeting \(k) — «ε»", source: "p. \(k)") : nil,
                     weight: k % 4 == 0 ? Double(k) / 8 : nil)
        }
        return try Graph(name: "large: «ε»", entities: entities, relations: relations)
    }

    func expectSameBytes(_ g: Graph, _ why: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for w in Self.writers {
            let path = dir.appendingPathComponent("out-\(w.name)").path
            let text: String
            do { text = try w.text(g) } catch {
                // Refused: the file form refuses too and leaves nothing behind.
                #expect(throws: GraphFormatsError.self) { try w.file(g, path) }
                #expect(!FileManager.default.fileExists(atPath: path), "\(w.name), \(why)")
                continue
            }
            try w.file(g, path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(text.utf8), "\(w.name), \(why)")
        }
        let pair = CSVPairWriter.write(g)
        let base = dir.appendingPathComponent("pair").path
        try CSVPairWriter.write(g, entitiesFile: base + ".entities.csv", relationsFile: base + ".relations.csv")
        #expect(try Data(contentsOf: URL(fileURLWithPath: base + ".entities.csv")) == Data(pair.entities.utf8), "csv, \(why)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: base + ".relations.csv")) == Data(pair.relations.utf8), "csv, \(why)")
        // Nothing but the outputs: no temporary file left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") } == [])
    }

    @Test func hostileGraphsGiveTheSameBytesToAFile() throws {
        for seed in UInt64(1)...20 { try expectSameBytes(try HostileGraphs.graph(seed: seed), "seed \(seed)") }
    }

    @Test func aLargeGraphIsWrittenInChunksWithTheSameBytes() throws {
        let g = try Self.large()
        #expect(YAMLGraphWriter.write(g).utf8.count > 2 * TextSink.chunk)
        #expect(CSVPairWriter.write(g).relations.utf8.count > TextSink.chunk)
        try expectSameBytes(g, "large")
    }

    @Test func aRefusedCypherExportKeepsThePreviousFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.cypher").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        var schema = Schema.standard
        schema.add(EntityKind(name: "ship`s", shape: "box", color: "#123456"))
        let g = try Graph(schema: schema, entities: [Entity(id: "a", kind: "ship`s")])
        // openCypher names cannot hold a backtick.
        #expect(throws: GraphFormatsError.self) { try CypherWriter.write(g, dialect: .opencypher, toFile: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.cypher"])
    }

    @Test func aFIFOIsWrittenThroughNotReplaced() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = try Self.large()
        for w in Self.writers.prefix(3) {
            let fifo = dir.appendingPathComponent("pipe-\(w.name)").path
            #expect(mkfifo(fifo, 0o600) == 0)
            final class Box: @unchecked Sendable { var data = Data() }
            let box = Box()
            let done = DispatchSemaphore(value: 0)
            let reader = Thread {
                if let h = FileHandle(forReadingAtPath: fifo) { box.data = h.readDataToEndOfFile() }
                done.signal()
            }
            reader.start()
            try w.file(g, fifo)
            done.wait()
            #expect(box.data == Data(try w.text(g).utf8), "\(w.name)")
            var info = stat()
            #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "\(w.name)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullDeviceIsAnErrorNamingIt() throws {
        let g = try Self.large()
        for w in Self.writers {
            do {
                try w.file(g, "/dev/full")
                Issue.record("\(w.name): writing to /dev/full succeeded")
            } catch let GraphFormatsError.io(path, message) {
                #expect(path == "/dev/full" && message.contains("No space left"), "\(w.name): \(message)")
            } catch {
                Issue.record("\(w.name): \(error)")
            }
        }
        #expect(throws: GraphFormatsError.self) {
            try CSVPairWriter.write(g, entitiesFile: "/dev/full", relationsFile: "/dev/full")
        }
        var info = stat()
        #expect(lstat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }
}
