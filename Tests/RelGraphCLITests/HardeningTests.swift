import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Issue 8 regressions seen as a user sees them: through the `relgraph` binary.
@Suite("Hardening (issue 8)")
struct HardeningTests {
    /// A chain of 40 diamonds: 2^40 shortest paths from n0 to n40 (two choices per diamond).
    static func diamonds(in dir: URL, count: Int = 40) throws -> String {
        var lines = ["relgraph: 1", "name: diamonds", "entities:"]
        let ids = (0...count).map { "n\($0)" } + (0..<count).flatMap { ["a\($0)", "b\($0)"] }
        for id in ids { lines += ["  - id: \(id)", "    kind: person"] }
        lines.append("relations:")
        for i in 0..<count {
            for m in ["a\(i)", "b\(i)"] {
                lines += ["  - from: n\(i)", "    kind: ally_of", "    to: \(m)", "    date: 1930"]
                lines += ["  - from: \(m)", "    kind: ally_of", "    to: n\(i + 1)", "    date: 1930"]
            }
        }
        let path = dir.appendingPathComponent("diamonds.yaml").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func allPathsSaysTheFullCountAndJSONSaysTruncated() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try Self.diamonds(in: dir)
            let text = try CLI.run(["path", file, "n0", "n40", "--all"])
            expectStatus(text, 0)
            #expect(text.stdout.hasPrefix("n0 → n40: 1000 of 1099511627776 shortest paths (the listing stops at 1000)"), "\(text)")
            let json = try CLI.run(["path", file, "n0", "n40", "--all", "--format", "json"])
            expectStatus(json, 0)
            let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
            #expect(object?["truncated"] as? Bool == true)
            #expect((object?["total"] as? NSNumber)?.int64Value == 1 << 40)
            #expect((object?["paths"] as? [Any])?.count == 1000)
        }
    }

    @Test func timeRespectingAllAndHugeKStopAndSaySo() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try Self.diamonds(in: dir)
            for extra in [["--all", "--time-respecting"], ["-k", "1000000"]] {
                let r = try CLI.run(["path", file, "n0", "n40"] + extra)
                expectStatus(r, 0)
                #expect(r.stdout.contains("(the search stopped at its work limit; there may be more)"), "\(r)")
            }
            let small = try CLI.run(["path", file, "n0", "n2", "--all", "--format", "json"])
            let object = try JSONSerialization.jsonObject(with: small.stdoutData) as? [String: Any]
            #expect(object?["truncated"] as? Bool == false)
            #expect((object?["total"] as? NSNumber)?.intValue == 4)
        }
    }

    @Test(arguments: [
        (["path", CLI.small, "ana", "bruno", "--max-hops", "-1"], "--max-hops must be at least 1"),
        (["path", CLI.small, "ana", "bruno", "-k", "-3"], "-k must be at least 1"),
        (["rank", CLI.small, "--top", "-5"], "--top must be 0 or more"),
        (["info", CLI.small, "--top", "-5"], "--top must be 0 or more"),
        (["render", CLI.small, "-o", "never.svg", "--timeout", "-1"], "--timeout must be a number of seconds, 0 or more"),
        (["render", CLI.small, "-o", "never.svg", "--focus", "ana", "--radius", "-2"], "--radius must be 0 or more"),
        (["render", CLI.small, "-o", "never.svg", "--community", "-1"], "--community must be 1 or more"),
        (["render", CLI.small, "-o", "never.svg", "--overview-above", "-4"], "--overview-above must be 1 or more"),
        (["render", CLI.small, "-o", "never.svg", "--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'"),
        (["explore", CLI.small, "-o", "never.html", "--overview-above", "-4"], "--overview-above must be 1 or more"),
        (["report", CLI.small, "-o", "never.html", "--seed", "-2"], "The value '-2' is invalid for '--seed <seed>'"),
        (["groups", CLI.small, "--seed", "-5"], "The value '-5' is invalid for '--seed <seed>'"),
        (["export", CLI.small, "--format", "cypher", "--batch", "-1"], "--batch must be at least 1"),
        (["groups", CLI.small, "--directed", "--undirected"], "give --directed or --undirected, not both"),
    ])
    func negativeCountsGetTheirOwnMessage(arguments: [String], message: String) throws {
        let r = try CLI.run(arguments)
        expectStatus(r, 64)
        #expect(r.stderr.contains(message), "\(r)")
        #expect(!r.stderr.contains("Missing value"), "\(r)")
    }

    @Test func aYearBeforeTheCommonEraIsADateNotAnOption() throws {
        // "--at -0044" said "Missing value for '--at <DATE>'"; only "--at=-0044" worked.
        for arguments in [["rank", CLI.small, "--at", "-0044"], ["info", CLI.small, "--between", "-0100,-0044"]] {
            let r = try CLI.run(arguments)
            expectStatus(r, 0)
            #expect(!r.stderr.contains("Missing value"), "\(r)")
        }
        let late = try CLI.run(["rank", CLI.small, "--at", "-0044x"])
        expectStatus(late, 64)
        #expect(!late.stderr.contains("Missing value"), "\(late)")
    }

    @Test func aPageWhoseLayoutRunsOverItsTimeoutIsStoppedAndNotWritten() throws {
        // circo on 300 entities and 600 ties ran for minutes with no way to stop it but ^C.
        try CLI.withTemporaryDirectory { dir in
            var lines = ["relgraph: 1", "name: ring", "entities:"]
            for i in 0..<300 { lines += ["  - id: p\(i)", "    kind: person"] }
            lines.append("relations:")
            var state: UInt64 = 4  // ties between random pairs (a fixed LCG), as circo finds hard
            func next() -> Int { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return Int(state >> 33) % 300 }
            var seen = Set<[Int]>()
            while seen.count < 600 {
                let a = next(), b = next()
                guard a != b, seen.insert([a, b]).inserted else { continue }
                lines += ["  - from: p\(a)", "    kind: ally_of", "    to: p\(b)"]
            }
            let file = dir.appendingPathComponent("ring.yaml").path
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
            let page = dir.appendingPathComponent("ring.html").path
            let r = try CLI.run(["explore", file, "-o", page, "--engine", "circo", "--timeout", "1"])
            expectStatus(r, 124)
            #expect(r.stderr.contains("the circo layout did not finish within 1 s and was stopped; nothing was written"), "\(r)")
            #expect(!FileManager.default.fileExists(atPath: page))
            let report = try CLI.run(["report", file, "-o", dir.appendingPathComponent("r.html").path, "--timeout", "-1"])
            expectStatus(report, 64)
        }
    }

    @Test func outputEqualToTheInputIsRefused() throws {
        try CLI.withTemporaryDirectory { dir in
            let input = dir.appendingPathComponent("in.yaml")
            try FileManager.default.copyItem(atPath: CLI.absolute(CLI.small), toPath: input.path)
            let before = try Data(contentsOf: input)
            for (format, out) in [("graphml", input.path), ("yaml", dir.path + "/./in.yaml")] {
                let r = try CLI.run(["export", input.path, "--format", format, "-o", out])
                expectStatus(r, 1)
                #expect(r.stderr.contains("is the input file"), "\(r)")
            }
            let imported = try CLI.run(["import", input.path, "-o", input.path])
            expectStatus(imported, 1)
            #expect(try Data(contentsOf: input) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["in.yaml"])
        }
    }

    @Test func dashIsStandardOutput() throws {
        let r = try CLI.run(["export", CLI.small, "--format", "json", "-o", "-"])
        expectStatus(r, 0)
        let object = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
        #expect((object?["entities"] as? [Any])?.count == 6)
        #expect(!FileManager.default.fileExists(atPath: CLI.absolute("-")))
    }

    @Test func terminalEscapesInAQueryAreShownNotObeyed() throws {
        let r = try CLI.run(["path", CLI.small, "\u{1B}]0;pwned\u{7}\u{1B}[2J", "ana"])
        expectStatus(r, 1)
        #expect(!r.stderr.unicodeScalars.contains("\u{1B}") && !r.stderr.unicodeScalars.contains("\u{7}"), "\(r)")
        #expect(r.stderr.contains("\\u{1B}]0;pwned\\u{7}\\u{1B}[2J"), "\(r)")
    }

    @Test func aTenThousandCharacterNameIsAnsweredWithoutItsTable() throws {
        let r = try CLI.run(["path", CLI.trotsky, String(repeating: "x", count: 10_000), "stalin"])
        expectStatus(r, 1)
        #expect(r.stderr.contains("no entity"), "\(r.stderr.prefix(300))")
    }

    @Test func aHugeQuotedValueMakesAShortMessage() throws {
        // A YAML file that is one 200,000-character scalar: the message quoted all of it.
        try CLI.withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("scalar.yaml").path
            try Data(("head " + String(repeating: "y ", count: 100_000) + "tail\n").utf8).write(to: URL(fileURLWithPath: file))
            let r = try CLI.run(["check", file])
            expectStatus(r, 1)
            let line = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(line.hasPrefix("\(file):1:1: error: a graph file must be a mapping"), "\(line.prefix(300))")
            #expect(line.contains("found 'head y y"))
            #expect(line.hasSuffix("y y tail'"))
            #expect(line.contains(" characters left out] "))
            #expect(line.count < 1_000, "\(line.count) characters")
        }
    }

    @Test func aSourceTextThatIsNotUTF8IsRefusedAtItsByte() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("latin1.txt").path
            try Data("Stalin met\nTrotsky in Coyoac".utf8 + [0xE1, 0x6E, 0x2E, 0x0A]).write(to: URL(fileURLWithPath: file))
            let r = try CLI.run(["extract", file, "-o", dir.appendingPathComponent("c.yaml").path])
            expectStatus(r, 1)
            #expect(r.stderr == "relgraph: error: \(file):2:18: byte 0xE1 is not UTF-8 text (save the file as UTF-8)\n", "\(r)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.yaml").path))
        }
    }

    /// A graph citing `cited` in a five-sentence source whose second and fourth
    /// sentences hold terminal escapes and backspaces.
    static func citingGraph(in dir: URL, cited: String) throws -> String {
        let text = "Alice met Bob in Paris. Bob \u{1B}]0;pwned\u{7}\u{1B}[2J opposed Alice. Carol met Dave. "
            + "Alice and Carol argued\u{8}\u{8}XX. Bob and Dave wrote.\n"
        try Data(text.utf8).write(to: dir.appendingPathComponent("src.txt"))
        let graph = """
            relgraph: 1
            name: S
            sources:
              - {id: src, title: The text, path: src.txt, locators: sentences}
            entities:
              - {id: alice, kind: person, name: Alice}
              - {id: bob, kind: person, name: Bob}
            relations:
              - {from: alice, kind: ally_of, to: bob, source: "\(cited)"}

            """
        let path = dir.appendingPathComponent("s.yaml").path
        try Data(graph.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aGraphWrittenToAnotherFolderStillFindsItsSource() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try Self.citingGraph(in: dir, cited: "s. 1")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
            let outputs = [
                ["ego", file, "alice", "-o", dir.appendingPathComponent("sub/ego.yaml").path],
                ["export", file, "--format", "json", "-o", dir.appendingPathComponent("sub/all.json").path],
            ]
            for command in outputs {
                expectStatus(try CLI.run(command), 0)
                let cite = try CLI.run(["cite", command.last!, "s. 1"])
                expectStatus(cite, 0)
                #expect(cite.stdout == "s. 1: Alice met Bob in Paris.\n", "\(cite)")
            }
        }
    }

    @Test func coverageSaysWhenCitationsNameNoSentence() throws {
        // The text has five sentences; check refuses s. 3-6, coverage counted s. 3-5 and said nothing.
        try CLI.withTemporaryDirectory { dir in
            let r = try CLI.run(["coverage", try Self.citingGraph(in: dir, cited: "s. 3-6")])
            expectStatus(r, 0)
            #expect(r.stdout.contains("; 1 citation names no sentence (relgraph check lists them)"), "\(r)")
        }
    }

    @Test func mergeSaysThatTheGraphsCommentsAreNotKept() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try Self.citingGraph(in: dir, cited: "s. 1")
            let commented = "# The people of the text\n" + (try String(contentsOfFile: file, encoding: .utf8))
            try Data(commented.utf8).write(to: URL(fileURLWithPath: file))
            let candidates = dir.appendingPathComponent("c.yaml").path
            try Data("relgraph: 1\nname: C\nentities: []\nrelations: []\n".utf8).write(to: URL(fileURLWithPath: candidates))
            let out = dir.appendingPathComponent("m.yaml").path
            let r = try CLI.run(["merge", candidates, "--into", file, "-o", out])
            expectStatus(r, 0)
            #expect(r.stderr.contains("relgraph: warning: the comments in \(file) are not in \(out): the merged graph is written anew"), "\(r)")
        }
    }

    @Test func aSentenceNumberPastIntMaxIsMissingNotACrash() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try Self.citingGraph(in: dir, cited: "s. 99999999999999999999")
            let cite = try CLI.run(["cite", file, "s. 9223372036854775808"])
            expectStatus(cite, 1)
            #expect(cite.stderr.contains("has sentences 1–5; no s. "), "\(cite)")
            let check = try CLI.run(["check", file])
            expectStatus(check, 1)
            #expect(check.stderr.hasPrefix("relgraph: error: \(file): 1 citation names no sentence of the declared source:\n\(file):9:5: error: "), "\(check)")
            for command in [["coverage", file], ["path", file, "alice", "bob", "--quotes"]] {
                let r = try CLI.run(command)
                #expect(!r.crashed && !r.stderr.contains("Fatal error") && !r.stderr.contains("overflow"), "\(r)")
            }
        }
    }

    @Test(arguments: ["s. 1e3", "s. 5-1", "s. 1-2000", "s. 2 and more", "s. -3"])
    func aMalformedLocatorIsAUsageError(locator: String) throws {
        try CLI.withTemporaryDirectory { dir in
            let r = try CLI.run(["cite", try Self.citingGraph(in: dir, cited: "s. 1"), locator])
            expectStatus(r, 64)
            #expect(r.stderr.contains("'\(locator)' is not a locator"), "\(r)")
        }
    }

    @Test func sourceSentencesShowTheirControlCharactersInsteadOfObeyingThem() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try Self.citingGraph(in: dir, cited: "s. 1")
            let cite = try CLI.run(["cite", file, "s. 2, 4"])
            expectStatus(cite, 0)
            #expect(cite.stdout == "s. 2: Bob \\u{1B}]0;pwned\\u{7}\\u{1B}[2J opposed Alice.\ns. 4: Alice and Carol argued\\u{8}\\u{8}XX.\n", "\(cite)")
            let coverage = try CLI.run(["coverage", file])
            #expect(!coverage.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(coverage)")
            #expect(coverage.stdout.contains("s. 2: Bob \\u{1B}]0;pwned"), "\(coverage)")
        }
    }

    @Test func csvExportGuardsFormulasAndReadsThemBack() throws {
        try CLI.withTemporaryDirectory { dir in
            let yaml = """
                relgraph: 1
                name: formulas
                entities:
                  - id: a
                    kind: person
                    name: "=HYPERLINK(\\"http://example.com\\",\\"x\\")"
                  - id: b
                    kind: person
                    name: "-2+3"
                relations: []

                """
            let input = dir.appendingPathComponent("f.yaml")
            try Data(yaml.utf8).write(to: input)
            let base = dir.appendingPathComponent("out").path
            expectStatus(try CLI.run(["export", input.path, "--format", "csv", "-o", base]), 0)
            let entities = try String(contentsOfFile: base + ".entities.csv", encoding: .utf8)
            #expect(entities.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""), "\(entities)")
            #expect(entities.contains(",'-2+3,"), "\(entities)")
            let back = try CLI.run(["export", base + ".entities.csv", "--format", "json"])
            expectStatus(back, 0)
            let object = try JSONSerialization.jsonObject(with: back.stdoutData) as? [String: Any]
            let names = (object?["entities"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == [#"=HYPERLINK("http://example.com","x")"#, "-2+3"], "\(back)")
        }
    }

    @Test func aSecondDOTGraphIsReported() throws {
        let r = try CLI.run(["check", "Tests/Fixtures/malformed/dot-second-graph.dot"])
        expectStatus(r, 0)
        #expect(r.stderr.contains("more than one graph: the one starting at line 5, column 1"), "\(r)")
    }

    @Test func svgStaysWellFormedWithEveryAllowedCharacter() throws {
        try CLI.withTemporaryDirectory { dir in
            // DEL and C1 controls are allowed (XML carries them); C0 controls are refused.
            let yaml = """
                relgraph: 1
                name: "odd \\x7F \\x85 \\x9B names"
                entities:
                  - id: a
                    kind: person
                    name: "del\\x7F c1\\x9B nel\\x85 <&> \\"q\\""
                  - id: b
                    kind: person
                    name: "tab\\there"
                relations:
                  - from: a
                    kind: ally_of
                    to: b
                    evidence: "line one\\nline two"

                """
            let input = dir.appendingPathComponent("odd.yaml")
            try Data(yaml.utf8).write(to: input)
            // On the terminal the C1 control (a CSI in some terminals) is shown, not obeyed.
            let path = try CLI.run(["path", input.path, "a", "b"])
            expectStatus(path, 0)
            #expect(!path.stdout.unicodeScalars.contains("\u{9B}") && path.stdout.contains("c1\\u{9B}"), "\(path)")
            let svg = dir.appendingPathComponent("odd.svg")
            expectStatus(try CLI.run(["render", input.path, "-o", svg.path]), 0)
            let data = try Data(contentsOf: svg)
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
            // A C0 control is refused by check, located, and render writes nothing.
            let bad = dir.appendingPathComponent("bad.yaml")
            try Data(yaml.replacingOccurrences(of: "\\x7F", with: "\\x01").utf8).write(to: bad)
            let refused = try CLI.run(["render", bad.path, "-o", dir.appendingPathComponent("bad.svg").path])
            expectStatus(refused, 1)
            #expect(refused.stderr.contains("bad.yaml:4:5: error: entity 'a': its name contains the control character U+0001"), "\(refused)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.svg").path))
        }
    }
}
