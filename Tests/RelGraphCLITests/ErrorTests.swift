import Foundation
import Testing

/// Bad input: a clear message on standard error, the documented exit status
/// (1 invalid input, 2 no path, 64 usage), and never a trap or a stack trace.
@Suite("CLI errors and exit codes")
struct ErrorTests {
    @Test("an ambiguous name exits 1 and lists the candidates")
    func ambiguousName() throws {
        let result = try CLI.run(["path", CLI.trotsky, "leon", "stalin"])
        expectStatus(result, 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ambiguous"), "\(result)")
        // Both Leons of the graph are offered.
        for candidate in ["trotsky", "leon_sedov", "Leon Trotsky", "Leon Sedov"] {
            #expect(result.stderr.contains(candidate), "missing candidate \(candidate): \(result)")
        }
    }

    @Test("an unknown name exits 1 and suggests the closest", arguments: [
        ("mercadr", "mercader"), ("Stallin", "stalin"), ("Zborowsky", "zborowski"),
    ])
    func unknownName(typo: String, closest: String) throws {
        let result = try CLI.run(["path", CLI.trotsky, typo, "trotsky"])
        expectStatus(result, 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(typo), "\(result)")
        #expect(result.stderr.contains(closest), "\(result)")
    }

    @Test("names match ignoring case and accents")
    func accentFolding() throws {
        let plain = try CLI.run(["path", CLI.small, "ana pena", "BRUNO OZTURK", "--format", "json"])
        let exact = try CLI.run(["path", CLI.small, "Ana \"la Roja\" Peña", "Bruno Öztürk", "--format", "json"])
        let alias = try CLI.run(["path", CLI.small, "la roja", "bruno", "--format", "json"])
        for r in [plain, exact, alias] { expectStatus(r, 0) }
        #expect(plain.stdout == exact.stdout)
        #expect(alias.stdout == exact.stdout)
    }

    /// In the small fixture Ana belonged to the club 1920–1925 and Bruno from 1930,
    /// and no undated tie joins them: in 1927 there is no path.
    @Test("no path at a date exits 2 and names --at")
    func noPathAtDate() throws {
        let free = try CLI.run(["path", CLI.small, "ana", "bruno", "--format", "json"])
        expectStatus(free, 0)
        #expect(try decode(PathOutput.self, free.stdout).paths.map(\.hops) == [2])

        let during = try CLI.run(["path", CLI.small, "ana", "bruno", "--at", "1922", "--format", "json"])
        expectStatus(during, 2)  // Bruno had not joined yet

        for year in ["1927", "1931"] {
            let result = try CLI.run(["path", CLI.small, "ana", "bruno", "--at", year])
            expectStatus(result, 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("no path"), "\(result)")
            #expect(result.stderr.contains("--at"), "the message should name the constraint: \(result)")
        }
        let json = try CLI.run(["path", CLI.small, "ana", "bruno", "--at", "1927", "--format", "json"])
        expectStatus(json, 2)
        #expect(try decode(PathOutput.self, json.stdout).paths.isEmpty)
    }

    @Test("no path under a relation-kind filter exits 2 and names it")
    func noPathKinds() throws {
        let result = try CLI.run(["path", CLI.small, "ana", "eve", "--kinds", "member_of"])
        expectStatus(result, 2)
        #expect(result.stderr.contains("--kinds"), "\(result)")
    }

    /// The three invalid inputs of Tests/Fixtures/cli/inputs, each with the token at
    /// fault: the error must point at its line and column.
    @Test("invalid graph files exit 1 with file:line:col", arguments: [
        ("unknown-kind.yaml", "vessel"), ("undefined-endpoint.yaml", "ghost_club"),
    ])
    func invalidFile(file: String, token: String) throws {
        let path = "Tests/Fixtures/cli/inputs/\(file)"
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let lineIndex = try #require(lines.firstIndex { $0.contains(token) })
        let column = lines[lineIndex].distance(from: lines[lineIndex].startIndex, to: lines[lineIndex].range(of: token)!.lowerBound) + 1
        for command in [["check", path], ["info", path], ["path", path, "ana", "ana"], ["render", path, "-o", "/dev/null/x.svg"]] {
            let result = try CLI.run(command)
            expectStatus(result, 1)
            #expect(result.stderr.contains("\(path):\(lineIndex + 1):\(column)"), "\(result)")
            #expect(result.stderr.contains(token), "\(result)")
        }
    }

    @Test("a YAML syntax error exits 1 with file:line:col near the fault")
    func syntaxError() throws {
        let path = "Tests/Fixtures/cli/inputs/syntax-error.yaml"
        let result = try CLI.run(["check", path])
        expectStatus(result, 1)
        // The unclosed `[` opens on line 6; libyaml notices on line 6 or 7.
        let located = ["6", "7"].contains { line in
            result.stderr.range(of: "\(path):\(line):[0-9]+", options: .regularExpression) != nil
        }
        #expect(located, "\(result)")
        #expect(result.stderr.lowercased().contains("syntax"), "\(result)")
    }

    /// Every invalid file of the format tests, through the CLI.
    @Test("invalid fixture graphs exit 1 with a location and no crash", arguments: [
        "bad-date", "duplicate-id", "end-before-start", "forbidden-endpoints", "missing-field",
        "syntax-error-indent", "syntax-error", "undefined-endpoint", "unknown-entity-kind",
        "unknown-key", "unknown-relation-kind", "wrong-type",
    ])
    func invalidFixtures(name: String) throws {
        let path = "Tests/Fixtures/graphs/\(name).yaml"
        let result = try CLI.run(["check", path])
        expectStatus(result, 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.range(of: "\(path):[0-9]+:[0-9]+", options: .regularExpression) != nil, "\(result)")
    }

    @Test("a missing file exits 1 and names it")
    func missingFile() throws {
        let result = try CLI.run(["info", "no/such/graph.yaml"])
        expectStatus(result, 1)
        #expect(result.stderr.contains("no/such/graph.yaml"), "\(result)")
    }

    /// Unknown option values: non-zero, and the message names the flag.
    @Test("bad option values name their flag", arguments: [
        (["rank", CLI.small, "--by", "nonsense"], "--by"),
        (["rank", CLI.small, "--format", "xml"], "--format"),
        (["path", CLI.small, "ana", "eve", "--at", "yesterday"], "--at"),
        (["path", CLI.small, "ana", "eve", "--between", "1930"], "--between"),
        (["path", CLI.small, "ana", "eve", "--kinds", "befriended"], "--kinds"),
        (["path", CLI.small, "ana", "eve", "--through", "ship"], "--through"),
        (["path", CLI.small, "ana", "eve", "-k", "0"], "-k"),
        (["info", CLI.small, "--at", "1930-13"], "--at"),
        (["export", CLI.small, "--format", "png"], "--format"),
        (["render", CLI.small, "-o", "x.svg", "--engine", "foo"], "--engine"),
        (["render", CLI.small, "-o", "x.svg", "--color-by", "mood"], "--color-by"),
        (["render", CLI.small, "-o", "x.svg", "--size-by", "fame"], "--size-by"),
    ])
    func badOptionValue(arguments: [String], flag: String) throws {
        try CLI.withTemporaryDirectory { dir in
            let args = arguments.map { $0 == CLI.small ? CLI.absolute(CLI.small) : $0 }
            let result = try CLI.run(args, in: dir)
            #expect(result.status != 0, "\(result)")
            expectNoCrash(result)
            #expect(result.stdout.isEmpty, "\(result)")
            #expect(result.stderr.contains(flag), "\(result)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "a failed command left files behind")
        }
    }

    @Test("usage errors exit 64")
    func usage() throws {
        for args in [["path", CLI.small, "ana"], ["nonsense-command"], ["rank", CLI.small, "--no-such-flag"]] {
            let result = try CLI.run(args)
            expectStatus(result, 64)
        }
    }
}

/// `check` holds ids to `^[a-z0-9]+(_[a-z0-9]+)*$`, checked byte by byte: the same answers as the pattern.
@Suite struct SnakeCaseIDTests {
    @Test func idsAreSnakeCaseExactlyAsThePatternSays() throws {
        let good = ["a", "x9", "leon_sedov", "a1_b2_c3", "0", "1940_pact"]
        let bad = ["_lead", "trail_", "dou__ble", "Upper", "leon-sedov", "ünï", "a b", "_", "a.b"]
        try CLI.withTemporaryDirectory { dir in
            var yaml = "relgraph: 1\nname: ids\nentities:\n"
            for id in good + bad { yaml += "  - id: \"\(id)\"\n    kind: person\n" }
            let file = dir.appendingPathComponent("ids.yaml").path
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            let r = try CLI.run(["check", file])
            #expect(r.status == 1)
            for id in bad { #expect(r.stderr.contains("id '\(id)' is not snake_case"), "\(id)") }
            for id in good { #expect(!r.stderr.contains("id '\(id)' is not snake_case"), "\(id)") }
            // The pattern itself, as an independent oracle.
            for id in good + bad {
                let matches = id.range(of: #"^[a-z0-9]+(_[a-z0-9]+)*$"#, options: .regularExpression) != nil
                #expect(matches == good.contains(id), "\(id)")
            }
        }
    }
}
