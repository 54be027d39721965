import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// The block-style fast path must build exactly the tree libyaml (through Yams)
/// builds — same structure, text, scalar style and `line:col` marks — or step
/// aside. libyaml is the oracle here.
@Suite struct FastYAMLTests {
    /// A readable dump of a tree, marks included, for comparing two parsers.
    static func dump(_ node: GraphNode?) -> String {
        guard let node else { return "nil" }
        func go(_ n: GraphNode, _ out: inout String) {
            let m = "@\(n.mark.line):\(n.mark.column)"
            switch n {
            case .scalar(let s): out += "S\(s.style == .plain ? "p" : "q")\(m)\(String(reflecting: s.string))"
            case .sequence(let items, _):
                out += "[\(m) "
                for i in items { go(i, &out); out += ", " }
                out += "]"
            case .mapping(let pairs, _):
                out += "{\(m) "
                for (k, v) in pairs { go(k, &out); out += ": "; go(v, &out); out += ", " }
                out += "}"
            }
        }
        var out = ""
        go(node, &out)
        return out
    }

    static func libyamlTree(_ text: String) throws -> String {
        dump(try YAMLGraphReader.fullTree(text, fileName: "t.yaml"))
    }

    static let writerGraph: Graph = {
        let schema = Schema.standard.merging({
            var s = Schema()
            s.add(EntityKind(name: "idea", shape: "hexagon", color: "#fef9c3"))
            s.add(RelationKind(name: "advocated", from: ["person"], to: ["idea"], forward: "advocated", inverse: "was advocated by"))
            return s
        }())
        let entities = [
            Entity(id: "trotsky", kind: "person", name: "Leon \"Lev\" Trotsky", aliases: ["Bronstein", "L. D.", "yes", "a: b", "#x"],
                   start: PartialDate("1879-11-07"), end: PartialDate("1940"), description: "tab\there, newline\nthere, é ü 字 😀",
                   attributes: ["role": "writer", "note": "[not a list]", "empty": ""]),
            Entity(id: "stalin", kind: "person", name: "Иосиф Сталин", aliases: ["Koba"]),
            Entity(id: "permanent_revolution", kind: "idea", name: "Permanent revolution"),
            Entity(id: "coyoacan", kind: "place", name: "Coyoacán — 'the house'"),
        ]
        let relations = [
            Relation(from: "trotsky", kind: "rival_of", to: "stalin", start: PartialDate("1923"), end: PartialDate("1940-08"),
                     evidence: Evidence("fought over the succession: openly, then in exile", source: "s. 12; s. 13"), weight: 2.5, confidence: 0.75),
            Relation(from: "trotsky", kind: "advocated", to: "permanent_revolution", evidence: Evidence("", source: "s. 1")),
            Relation(from: "trotsky", kind: "lived_in", to: "coyoacan", date: PartialDate("1939"), attributes: ["with": "Natalia Sedova"]),
        ]
        return try! Graph(name: "Writer: round trip", description: "\u{7F}del and \\ backslash", schema: schema,
                          entities: entities, relations: relations)
    }()

    /// Texts inside the subset: the fast path must take them, and agree with libyaml.
    static let inSubset: [String] = [
        YAMLGraphWriter.write(writerGraph),
        """
        # a comment first
        relgraph: 1   # trailing comment
        name: Hand written
        entities:
        - id: a
          kind: person     # indentless list
          name: 'It''s A'
          aliases: [ A1 ,"A 2",  'A3' ]
        -   id: b
            kind: person
            born: 1901-02

        relations:
          - from: a
            kind: ally_of
            to: b
            attributes: {x: "1", y: two words, z: [p, q]}
            evidence: a plain sentence, with a comma and a colon:inside
            source:
          - {from: b, kind: rival_of, to: a}
        schema:
          relation_kinds:
            spied_on: {from: [person, organization], to: [person,
                organization], forward: spied on,
              inverse: was spied on by}
        x_extra: ~
        """,
        "relgraph: 1\nentities: []\nrelations: []\n",
        "a:\n  b:\n    c: d\n  e: [ ]\n  f: { }\n",
    ]

    @Test(arguments: inSubset.indices)
    func theFastPathAgreesWithLibyaml(index: Int) throws {
        let text = FastYAMLTests.inSubset[index]
        let fast = FastYAML.parse(text)
        #expect(fast != nil, "the fast path stepped aside on text it should read")
        #expect(FastYAMLTests.dump(fast) == (try FastYAMLTests.libyamlTree(text)))
    }

    /// Texts outside the subset (anchors, tags, block scalars, documents,
    /// continuation lines, duplicate keys, CR LF, refused characters, syntax
    /// errors…): the fast path steps aside so the full parser decides.
    @Test(arguments: [
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  folded\n", "---\na: 1\n", "%YAML 1.1\n---\na: 1\n",
        "a: b\n  c\n", "a: \"two\n  lines\"\n", "a: 1\na: 2\n", "a:\n\t- b\n", "? complex\n: key\n", "\"q\": 1\n",
        "a: b: c\n", "a: [b,\n]\n", "a: [b, ]\n", "- a\n- b\n", "a: 1\r\nb: 2\r\n", "a: \u{1}\n", "a: x\u{85}y\n",
        "a: [1, 2\n", "a: 'open\n", "a: \"\\q\"\n", "a:\n- b\n  - c\n", "a: {b: }\n", "\u{FEFF}a: 1\n",
        "a: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n",
    ])
    func outsideTheSubsetTheFullParserDecides(text: String) throws {
        #expect(FastYAML.parse(text) == nil, "the fast path read \(String(reflecting: text))")
    }

    /// Every YAML file the project ships or tests with: when the fast path takes
    /// one, its tree is libyaml's; and the graph files relgraph writes are taken.
    @Test func everyShippedYAMLFileAgrees() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for dir in ["Graphs", "Tests/Fixtures", "Examples"] {
            let e = FileManager.default.enumerator(at: root.appendingPathComponent(dir), includingPropertiesForKeys: nil)
            while let u = e?.nextObject() as? URL { if u.pathExtension == "yaml" { files.append(u) } }
        }
        #expect(files.count >= 20)
        var taken = 0
        for f in files {
            guard let text = try? String(contentsOf: f, encoding: .utf8) else { continue }
            guard let fast = FastYAML.parse(text) else { continue }
            taken += 1
            #expect(FastYAMLTests.dump(fast) == (try FastYAMLTests.libyamlTree(text)), "\(f.path)")
        }
        #expect(taken >= files.count / 2, "the fast path took only \(taken) of \(files.count) files")
    }

    /// The shape of the benchmark's graph (Benchmarks/commands/gen_yaml.py) is taken.
    @Test func theBenchmarkShapeIsReadByTheFastPath() throws {
        let text = """
            relgraph: 1
            name: Synthetic benchmark graph
            sources:
              - id: synthetic
                title: Generated by Benchmarks/commands/gen_yaml.py
            entities:
              - id: p0
                kind: person
                name: Person 0
                aliases: [P0, Comrade 0]
                born: 1850-01
              - id: org0
                kind: organization
                name: "Organization 0"
                founded: 1880
            relations:
              - from: p0
                kind: member_of
                to: org0
                date: 1900-01-01
                evidence: met at the port
                source: s. 0
                weight: 1
            """
        let fast = try #require(FastYAML.parse(text))
        #expect(FastYAMLTests.dump(fast) == (try FastYAMLTests.libyamlTree(text)))
        let g = try YAMLGraphReader.read(text, fileName: "y.yaml")
        #expect(g.relations.map(\.weight) == [1])
        #expect(g.relations.first?.location == SourceLocation(file: "y.yaml", line: 17, column: 5))
    }

    @Test func aWrittenGraphReadsBackEqualThroughTheFastPath() throws {
        let text = YAMLGraphWriter.write(FastYAMLTests.writerGraph)
        #expect(FastYAML.parse(text) != nil)
        var back = try YAMLGraphReader.read(text, fileName: "w.yaml")
        back = back.withoutLocations()
        #expect(back == FastYAMLTests.writerGraph.withoutLocations())
    }
}

/// Issue 8, item 6: aliases that multiply the document are refused, located.
@Suite struct YAMLAliasBoundTests {
    /// "Billion laughs": nine levels, each a list of aliases to the level
    /// below, about 17.5 KB; fully expanded it would be about 10^17 values.
    static func laughs() -> String {
        var text = "relgraph: 1\nname: laughs\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...8 {
            let refs = Array(repeating: "*l\(level - 1)", count: 435).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(refs)]\n"
        }
        text += "entities: [*l8]\n"
        return text
    }

    @Test func billionLaughsIsALocatedErrorNotGigabytes() throws {
        let text = YAMLAliasBoundTests.laughs()
        #expect((17_000...18_500).contains(text.utf8.count))
        #expect(FastYAML.parse(text) == nil)  // aliases: the full parser reads it
        let limit = max(100_000, 10 * text.utf8.count)
        do {
            _ = try YAMLGraphReader.check(text, fileName: "laughs.yaml")
            Issue.record("a document of 10^17 values was read")
        } catch let error {
            guard case .syntax(let at, let message) = error else {
                Issue.record("expected a syntax error, got \(error)")
                return
            }
            #expect(at.file == "laughs.yaml")
            // The expansion runs out inside a copy of one of the anchored lists (lines 3–11).
            #expect((3...11).contains(at.line))
            #expect(message == "aliases expand this file to more than \(limit) values (it has \(text.utf8.count) bytes); "
                + "a graph file may hold at most ten values per byte after aliases are expanded")
            #expect(!message.contains("yaml_"))
        }
    }

    @Test func ordinaryAliasesStillRead() throws {
        let text = """
            relgraph: 1
            entities:
              - {id: a, kind: &p person}
              - {id: b, kind: *p}
            relations:
              - {from: a, kind: ally_of, to: b}
            """
        let g = try YAMLGraphReader.read(text, fileName: "a.yaml")
        #expect(g.entities.map(\.kind) == ["person", "person"])
    }

    @Test func deepNestingSaysSoWithoutLibyamlNames() throws {
        let text = "relgraph: 1\nx_deep: " + String(repeating: "[", count: 1_100) + String(repeating: "]", count: 1_100) + "\n"
        #expect(throws: GraphFormatsError.self) { _ = try YAMLGraphReader.check(text, fileName: "deep.yaml") }
        do {
            _ = try YAMLGraphReader.check(text, fileName: "deep.yaml")
        } catch let error {
            let message = error.localizedDescription
            #expect(!message.contains("yaml_"), "\(message)")
            #expect(message.contains("more than 1,000 levels deep"), "\(message)")
        }
    }
}

extension Graph {
    /// The same graph with every source location dropped (for comparing a read-back graph).
    fileprivate func withoutLocations() -> Graph {
        var g = try! Graph(name: name, description: description, schema: schema,
                           entities: entities.map { var e = $0; e.location = nil; return e },
                           relations: relations.map { var r = $0; r.location = nil; return r })
        g.sources = sources
        return g
    }
}

/// relgraph JSON is read from the located JSON tree (not rewritten into YAML).
@Suite struct RelgraphJSONTreeTests {
    @Test func anUnknownKeyIsPlacedAtItsName() {
        // Column 45 is the opening quote of "brn" (counted by hand).
        let text = #"{"entities": [{"id": "a", "kind": "person", "brn": 1900}]}"#
        #expect(throws: GraphFormatsError.invalidGraph([Diagnostic(
            "unknown key 'brn' in an entity (known: id, kind, name, aliases, description, attributes, born, founded, start, died, dissolved, end); did you mean 'born'?",
            at: SourceLocation(file: "u.json", line: 1, column: 45))])) {
            try RelgraphJSON.read(text, fileName: "u.json")
        }
    }

    @Test func aNameGivenTwiceIsTheSameErrorAsInYAML() throws {
        let json = "{\"name\": \"a\",\n \"entities\": [],\n \"name\": \"b\"}"
        let yaml = "name: a\nentities: []\nname: b\n"
        #expect(FastYAML.parse(yaml) == nil)  // duplicate keys: libyaml's error
        var messages: [String] = []
        for (text, file) in [(json, "d.json"), (yaml, "d.yaml")] {
            do {
                _ = try GraphFile.load(text: text, fileName: file)
                Issue.record("accepted \(file)")
            } catch let error {
                guard case .syntax(let at, let message) = error else { Issue.record("\(error)"); continue }
                messages.append(message)
                // The first 'name' (line 1; column 2 in the JSON, after '{').
                #expect(at == SourceLocation(file: file, line: 1, column: file.hasSuffix("json") ? 2 : 1))
            }
        }
        #expect(messages == ["duplicate key 'name' in the same mapping", "duplicate key 'name' in the same mapping"])
    }

    @Test func aJSONFileIsParsedOnceAndReadAsItsFlavour() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("json-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rel = dir.appendingPathComponent("r.json"), nl = dir.appendingPathComponent("n.json")
        try Data(#"{"entities": [{"id": "a", "kind": "person"}, {"id": "b", "kind": "person"}], "relations": [{"from": "a", "kind": "ally_of", "to": "b"}]}"#.utf8).write(to: rel)
        try Data(#"{"directed": true, "nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]}"#.utf8).write(to: nl)
        let r = try GraphLoader.load(path: rel.path)
        #expect(r.format == .json)
        #expect(r.graph.relations.map(\.kind) == ["ally_of"])
        let n = try GraphLoader.load(path: nl.path)
        #expect(n.format == .nodeLink)
        #expect(n.directed == true)
        #expect(n.graph.entities.map(\.id) == ["a", "b"])
    }
}
