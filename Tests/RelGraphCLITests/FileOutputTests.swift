import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Counts what an SVG from Graphviz draws: `<g class="node">` and `<g class="edge">`
/// groups, and the `<title>` of each node (Graphviz writes the DOT node id there).
final class SVGCensus: NSObject, XMLParserDelegate {
    var nodes = 0, edges = 0
    var nodeTitles: [String] = []
    private var stack: [String] = []  // class of each open <g>, "" when none
    private var inNodeTitle = false
    private var title = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "g" {
            let cls = attributes["class"] ?? ""
            if cls == "node" { nodes += 1 }
            if cls == "edge" { edges += 1 }
            stack.append(cls)
        } else if name == "title", stack.last == "node" {
            inNodeTitle = true
            title = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inNodeTitle { title += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { _ = stack.popLast() }
        if name == "title", inNodeTitle {
            nodeTitles.append(title)
            inNodeTitle = false
        }
    }

    /// Parses `data`; nil when it is not well-formed XML.
    static func read(_ data: Data) -> SVGCensus? {
        let census = SVGCensus()
        let parser = XMLParser(data: data)
        parser.delegate = census
        return parser.parse() ? census : nil
    }
}

@Suite("CLI files: render, export, import, ego")
struct FileOutputTests {
    static let smallIDs: Set<String> = ["ana", "bruno", "eve", "club", "sao_paulo", "journal"]

    /// The fixture's entities drawn once each, one edge per relation, and the legend
    /// (an HTML table in the graph's label, headed "Entity kinds") unless --no-legend.
    @Test("render -o x.svg draws every entity and the legend", arguments: [
        ([], smallIDs),
        (["--no-legend"], smallIDs),
        (["--engine", "neato", "--color-by", "community", "--size-by", "degree"], smallIDs),
        (["--highlight-path", "la roja,eve"], smallIDs),
        // Ana's ties: the club she joined and the city she lived in.
        (["--focus", "ana", "--radius", "1", "--no-legend"], ["ana", "club", "sao_paulo"]),
    ] as [([String], Set<String>)])
    func renderSVG(options: [String], drawn: Set<String>) throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.svg")
            let result = try CLI.run(["render", CLI.absolute(CLI.small), "-o", out.path] + options)
            expectStatus(result, 0)
            let data = try Data(contentsOf: out)
            let census = try #require(SVGCensus.read(data), "the SVG is not well-formed XML")
            #expect(census.nodes == drawn.count, "\(census.nodeTitles)")
            #expect(Set(census.nodeTitles) == drawn)
            let relations = options.contains("--focus") ? 2 : 5
            #expect(census.edges == relations)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains(">Entity kinds") == !options.contains("--no-legend"), "legend presence")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["graph.svg"], "temporary files left behind")
        }
    }

    @Test("render -o x.png writes a PNG")
    func renderPNG() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.png")
            expectStatus(try CLI.run(["render", CLI.absolute(CLI.small), "-o", out.path]), 0)
            let bytes = [UInt8](try Data(contentsOf: out))
            try #require(bytes.count > 33)
            #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            #expect(Array(bytes[12..<16]) == Array("IHDR".utf8))
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width > 0 && height > 0)
            // The last chunk: zero length, IEND, its CRC.
            #expect(Array(bytes.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
        }
    }

    @Test("render -o x.pdf writes a PDF")
    func renderPDF() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.pdf")
            expectStatus(try CLI.run(["render", CLI.absolute(CLI.small), "-o", out.path]), 0)
            let data = try Data(contentsOf: out)
            #expect(data.starts(with: Array("%PDF-".utf8)))
            let tail = String(decoding: data.suffix(32), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(tail.hasSuffix("%%EOF"))
        }
    }

    @Test("a failed render leaves no file behind", arguments: [
        (["--highlight-path", "nobody,eve"], Int32(1)),
        (["--highlight-path", "ana"], 1),
        (["--focus", "ghost"], 1),
        (["--highlight-path", "ana,bruno", "--at", "1927"], 2),
    ] as [([String], Int32)])
    func failedRender(options: [String], status: Int32) throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.svg")
            let result = try CLI.run(["render", CLI.absolute(CLI.small), "-o", out.path] + options)
            expectStatus(result, status)
            #expect(!result.stderr.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "left behind after: \(result)")
        }
    }

    @Test("a failed render keeps the previous file intact")
    func failedRenderKeepsOldFile() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("graph.svg")
            try Data("old".utf8).write(to: out)
            let result = try CLI.run(["render", CLI.absolute(CLI.small), "-o", out.path, "--highlight-path", "nobody,eve"])
            expectStatus(result, 1)
            #expect(try Data(contentsOf: out) == Data("old".utf8))
        }
    }

    @Test("export --format dot is byte-identical run after run, to a file or standard output",
          arguments: [CLI.small, CLI.trotsky])
    func exportDeterministic(graph: String) throws {
        try CLI.withTemporaryDirectory { dir in
            let a = dir.appendingPathComponent("a.dot"), b = dir.appendingPathComponent("b.dot")
            expectStatus(try CLI.run(["export", CLI.absolute(graph), "--format", "dot", "-o", a.path]), 0)
            expectStatus(try CLI.run(["export", CLI.absolute(graph), "--format", "dot", "-o", b.path]), 0)
            let stdout = try CLI.run(["export", CLI.absolute(graph), "--format", "dot"])
            expectStatus(stdout, 0)
            let first = try Data(contentsOf: a)
            #expect(first == (try Data(contentsOf: b)))
            #expect(first == stdout.stdoutData)
        }
    }

    /// `--highlight-path` finds the path once on the whole graph and marks it on the
    /// focused graph by relation identity. Here the focus drops São Paulo (and
    /// Ana's tie to it), so Ève → Le Journal takes the position Bruno → Ève had:
    /// marking by position would paint the wrong edge.
    @Test("render --highlight-path with --focus marks the path's edges, and only those")
    func highlightAfterFocus() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("focus.svg")
            expectStatus(try CLI.run(["render", CLI.absolute(CLI.small), "-o", out.path,
                                      "--highlight-path", "ana,eve", "--focus", "journal", "--radius", "1"]), 0)
            let svg = try String(contentsOf: out, encoding: .utf8)
            // Each Graphviz edge group: its title (DOT's `a->b`) and whether it is drawn red.
            var red: [String: Bool] = [:]
            for group in svg.components(separatedBy: "class=\"edge\">").dropFirst() {
                let body = group.components(separatedBy: "</g>\n</g>")[0]
                guard let t0 = body.range(of: "<title>"), let t1 = body.range(of: "</title>") else { continue }
                let title = String(body[t0.upperBound..<t1.lowerBound]).replacingOccurrences(of: "&#45;&gt;", with: "->")
                red[title] = body.contains("stroke=\"#dc2626\"")
            }
            #expect(red == ["ana->club": true, "bruno->club": true, "bruno->eve": true, "eve->journal": false], "\(red)")
        }
    }

    /// Every writer streams to the file `-o` names; `-o -` and no `-o` are standard
    /// output, with the same bytes, and never a file named `-`.
    @Test("export streams every format to a file, `-o -` or standard output with the same bytes",
          arguments: ["dot", "yaml", "json", "graphml", "gexf", "node-link", "cypher", "mermaid"])
    func exportStreamsEveryFormat(format: String) throws {
        try CLI.withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("out.\(format)")
            expectStatus(try CLI.run(["export", CLI.absolute(CLI.trotsky), "--format", format, "-o", file.path]), 0)
            let dash = try CLI.run(["export", CLI.absolute(CLI.trotsky), "--format", format, "-o", "-"], in: dir)
            expectStatus(dash, 0)
            let plain = try CLI.run(["export", CLI.absolute(CLI.trotsky), "--format", format], in: dir)
            expectStatus(plain, 0)
            var written = try Data(contentsOf: file)
            #expect(written.count > 1000)
            if format == "yaml" || format == "json" {
                // A relgraph file written to another folder leads its source path there; standard
                // output keeps the path as read. Both name the same file.
                let key = format == "yaml" ? "    path: " : "      \"path\": "
                func sourcePath(_ data: Data) -> String? {
                    String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix(key) }
                        .map { String($0.dropFirst(key.count)).trimmingCharacters(in: CharacterSet(charactersIn: "\",")) }
                }
                let asRead = try #require(sourcePath(dash.stdoutData)), asWritten = try #require(sourcePath(written))
                let graphs = URL(fileURLWithPath: CLI.absolute(CLI.trotsky)).deletingLastPathComponent()
                #expect(graphs.appendingPathComponent(asRead).standardizedFileURL == dir.appendingPathComponent(asWritten).standardizedFileURL,
                        "\(asRead) from Graphs/, \(asWritten) from the output's folder")
                written = Data(String(decoding: written, as: UTF8.self).replacingOccurrences(of: asWritten, with: asRead).utf8)
            }
            #expect(dash.stdoutData == written && plain.stdoutData == written)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.\(format)"])
        }
    }

    @Test("export to a full device fails naming it, for every format",
          .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
          arguments: ["dot", "yaml", "json", "graphml", "gexf", "node-link", "cypher", "mermaid"])
    func exportToAFullDevice(format: String) throws {
        let r = try CLI.run(["export", CLI.small, "--format", format, "-o", "/dev/full"])
        expectStatus(r, 1)
        #expect(r.stderr.contains("/dev/full") && r.stderr.contains("No space left"), "\(r)")
    }

    /// Graphviz's own `dot` program, when installed, reads the export and draws one
    /// node per entity.
    @Test("system Graphviz reads the DOT export",
          .enabled(if: Tools.availableOrCI("dot"), "no `dot` executable on PATH"))
    func graphvizReadsExport() throws {
        try CLI.withTemporaryDirectory { dir in
            let dotFile = dir.appendingPathComponent("small.dot"), svg = dir.appendingPathComponent("small.svg")
            expectStatus(try CLI.run(["export", CLI.absolute(CLI.small), "--format", "dot", "-o", dotFile.path]), 0)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try Tools.require("dot"))
            process.arguments = ["-Tsvg", "-o", svg.path, dotFile.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let census = try #require(SVGCensus.read(try Data(contentsOf: svg)))
            #expect(Set(census.nodeTitles) == Self.smallIDs)
            #expect(census.edges == 5)
        }
    }

    /// DOT written by `export` and read back by `import` keeps every entity's id and
    /// name (quotes, accents, `<` and `&` included) and every tie's endpoints.
    @Test("import of an exported DOT file gives back the same ids and names", arguments: [CLI.small, CLI.trotsky])
    func dotRoundTrip(graph: String) throws {
        try CLI.withTemporaryDirectory { dir in
            let dotFile = dir.appendingPathComponent("g.dot"), back = dir.appendingPathComponent("g.json")
            expectStatus(try CLI.run(["export", CLI.absolute(graph), "--format", "dot", "-o", dotFile.path]), 0)
            let imported = try CLI.run(["import", dotFile.path, "-o", back.path])
            expectStatus(imported, 0)
            let original = try CLI.run(["export", CLI.absolute(graph), "--format", "json"])
            expectStatus(original, 0)
            let before = try decode(GraphJSON.self, original.stdout)
            let after = try decode(GraphJSON.self, file: back)
            #expect(after.entities.map(\.id) == before.entities.map(\.id))
            #expect(after.names == before.names)
            let ends = { (g: GraphJSON) in g.relations.map { "\($0.from)->\($0.to)" }.sorted() }
            #expect(ends(after) == ends(before))
        }
    }

    @Test("the small fixture's names survive export and import unchanged")
    func smallNames() throws {
        try CLI.withTemporaryDirectory { dir in
            let dotFile = dir.appendingPathComponent("g.dot"), back = dir.appendingPathComponent("g.json")
            expectStatus(try CLI.run(["export", CLI.absolute(CLI.small), "--format", "dot", "-o", dotFile.path]), 0)
            expectStatus(try CLI.run(["import", dotFile.path, "-o", back.path]), 0)
            let names = try decode(GraphJSON.self, file: back).names
            // As written in Tests/Fixtures/cli/inputs/small.yaml.
            #expect(names == [
                "ana": "Ana \"la Roja\" Peña", "bruno": "Bruno Öztürk", "eve": "Ève Dubois",
                "club": "Club <Libre> & Co", "sao_paulo": "São Paulo", "journal": "Le Journal",
            ])
        }
    }

    /// Mercader's 1-hop ego graph is Mercader, every entity sharing a relation with
    /// him, and every relation among those: computed here from the full graph's JSON
    /// export, and from the YAML itself by python when it is installed.
    @Test("ego --radius 1 of Mercader holds exactly his neighbours")
    func egoMercader() throws {
        let full = try CLI.run(["export", CLI.trotsky, "--format", "json"])
        expectStatus(full, 0)
        let graph = try decode(GraphJSON.self, full.stdout)
        var expected: Set<String> = ["mercader"]
        for r in graph.relations where r.from == "mercader" || r.to == "mercader" {
            expected.insert(r.from)
            expected.insert(r.to)
        }
        let induced = graph.relations.filter { expected.contains($0.from) && expected.contains($0.to) }

        let result = try CLI.run(["ego", CLI.trotsky, "Ramón Mercader", "--radius", "1", "--format", "json"])
        expectStatus(result, 0)
        let ego = try decode(GraphJSON.self, result.stdout)
        #expect(Set(ego.entities.map(\.id)) == expected)
        #expect(ego.entities.count == expected.count)
        #expect(ego.relations.map { "\($0.from) \($0.kind) \($0.to)" }.sorted() == induced.map { "\($0.from) \($0.kind) \($0.to)" }.sorted())
    }

    /// The same neighbours, read from the YAML itself by python3 + PyYAML (an
    /// independent reader), against relgraph's ego graph.
    @Test("python3 + PyYAML find Mercader's neighbours as ego does",
          .enabled(if: Tools.pyYAMLOrCI, "python3 with PyYAML is not installed"))
    func egoMercaderAgreesWithPyYAML() throws {
        let result = try CLI.run(["ego", CLI.trotsky, "Ramón Mercader", "--radius", "1", "--format", "json"])
        expectStatus(result, 0)
        let ego = try decode(GraphJSON.self, result.stdout)
        let fromYAML = try #require(try pythonNeighbours(of: "mercader", in: CLI.absolute(CLI.trotsky)), "python3 with PyYAML is not installed")
        #expect(fromYAML == Set(ego.entities.map(\.id)), "python reads the YAML differently")
    }

    /// Mercader and his neighbours read from the YAML by python3 + PyYAML, or nil when
    /// they are not installed.
    private func pythonNeighbours(of id: String, in path: String) throws -> Set<String>? {
        let script = """
            import sys, json
            try:
                import yaml
            except ImportError:
                sys.exit(3)
            g = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))
            s = {sys.argv[2]}
            for r in g.get('relations') or []:
                if sys.argv[2] in (r['from'], r['to']): s |= {r['from'], r['to']}
            print(json.dumps(sorted(s)))
            """
        guard let python = Tools.path("python3") else { return nil }
        return try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("out.json")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            let handle = try FileHandle(forWritingTo: out)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", script, path, id]
            process.standardOutput = handle
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try handle.close()
            if process.terminationStatus == 3 { return nil }  // no PyYAML
            guard process.terminationStatus == 0 else { throw HarnessError("python3 failed to read \(path)") }
            return Set(try JSONDecoder().decode([String].self, from: Data(contentsOf: out)))
        }
    }
}
