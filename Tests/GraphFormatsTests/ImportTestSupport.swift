import Foundation
import GraphModel
@testable import GraphFormats

/// Helpers shared by the interoperability tests.
enum Interop {
    /// `Tests/Fixtures`, found by walking up from this file.
    static let fixtures: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("Fixtures")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("foreign").path) { return candidate }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }()

    static func foreign(_ name: String) -> URL { fixtures.appendingPathComponent("foreign").appendingPathComponent(name) }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// A small graph using every field, in the spirit of the Trotsky–Stalin graph
    /// (evidence in our own words).
    static func sample() throws -> Graph {
        func d(_ s: String) -> PartialDate? { PartialDate(s) }
        let entities = [
            Entity(id: "trotsky", kind: "person", name: "Leon Trotsky", aliases: ["Trotsky", "Lev Bronstein", "L. D.; Bronstein|x"],
                   start: d("1879-11-07"), end: d("1940-08-21"), description: "revolutionary, exiled 1929",
                   attributes: ["role": "writer", "kind": "free attribute named kind", "attr:x": "prefixed"]),
            Entity(id: "stalin", kind: "person", name: "Joseph Stalin", aliases: ["Koba"], start: d("1878-12"), end: d("1953")),
            Entity(id: "mercader", kind: "person", name: "Ramón Mercader", aliases: ["Frank Jacson", "Jacques Mornard"]),
            Entity(id: "gpu", kind: "organization", name: "GPU", description: "Soviet secret police", attributes: ["country": "USSR"]),
            Entity(id: "coyoacan", kind: "place", name: "Coyoacán"),
            Entity(id: "fourth_international", kind: "organization", name: "Fourth International", start: d("1938")),
        ]
        let relations = [
            Relation(from: "mercader", kind: "killed", to: "trotsky", date: d("1940-08-20"),
                     evidence: Evidence("attacked him with an ice axe at his house", source: "s. 88"), weight: 1, confidence: 0.9),
            Relation(from: "stalin", kind: "ordered_killing_of", to: "trotsky", evidence: Evidence("", source: "s. 90"), confidence: 0.75),
            Relation(from: "trotsky", kind: "rival_of", to: "stalin", start: d("1923"), end: d("1940-08")),
            Relation(from: "mercader", kind: "agent_of", to: "gpu", start: d("1937"), attributes: ["cover": "a Belgian journalist", "label": "odd"]),
            Relation(from: "trotsky", kind: "lived_in", to: "coyoacan", start: d("1937-01"), end: d("1940-08-21"), weight: 2.5),
            Relation(from: "trotsky", kind: "founded", to: "fourth_international", date: d("1938"), evidence: Evidence("founded it", source: nil)),
            Relation(from: "mercader", kind: "killed", to: "trotsky", attributes: ["note": "a parallel edge"]),
        ]
        return try Graph(name: "Trotsky & Stalin <test>", description: "a \"small\" graph", entities: entities, relations: relations)
    }

    /// Compares what a round trip must keep, naming the first difference.
    static func difference(_ a: Graph, _ b: Graph) -> String? {
        if a.entities.count != b.entities.count { return "entity count \(a.entities.count) vs \(b.entities.count)" }
        for (x, y) in zip(a.entities, b.entities) where x != y { return "entity \(x) vs \(y)" }
        if a.relations.count != b.relations.count { return "relation count \(a.relations.count) vs \(b.relations.count)" }
        for (x, y) in zip(a.relations, b.relations) where x != y { return "relation \(x) vs \(y)" }
        if a.name != b.name { return "name \(a.name.debugDescription) vs \(b.name.debugDescription)" }
        if a.description != b.description { return "description \(String(describing: a.description)) vs \(String(describing: b.description))" }
        return nil
    }

    /// Finds an executable on PATH.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}

/// Runs the Python peers in `Tests/Fixtures/peers` (NetworkX and the csv module
/// as independent readers of our output).
enum Peers {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let python: String? = Interop.which("python3")

    /// `CI=true`: a test whose peer is missing runs and fails instead of being skipped.
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// For `.enabled(if:)`: python3 is installed, or this is CI (the test then fails without it).
    static let pythonOrCI = python != nil || isCI

    /// For `.enabled(if:)`: NetworkX is importable, or this is CI (the test then fails without it).
    static let networkxOrCI = networkx || isCI

    /// Whether python3 can import networkx.
    static let networkx: Bool = {
        guard let python else { return false }
        return (try? run(python, ["-c", "import networkx"]))?.status == 0
    }()

    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, out: Data, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-peer-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = errHandle
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try errHandle.close()
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (p.terminationStatus, data, err)
    }

    /// Runs `peers/<script>` with python3 and parses its standard output as JSON.
    static func runJSON(script: String, arguments: [String], stdin: Data? = nil) throws -> Any {
        guard let python else { throw Failure(description: "python3 is not installed") }
        let path = Interop.fixtures.appendingPathComponent("peers").appendingPathComponent(script).path
        let r = try run(python, [path] + arguments, stdin: stdin)
        guard r.status == 0 else { throw Failure(description: "\(script) exited with \(r.status): \(r.err)") }
        return try JSONSerialization.jsonObject(with: r.out, options: [.fragmentsAllowed])
    }
}
