import Foundation
import Testing

private let python3: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
private let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// `check` warnings and `--strict`, `cite`, `coverage` and `path --quotes`, end to end.
/// Expected texts are derived by hand from the fixtures (Tests/Fixtures/graphs/sourced.yaml
/// and the nine sentences of Tests/Fixtures/sources/harbour.txt, numbered by sentence.py).
@Suite("CLI: check warnings, cite, coverage, path --quotes")
struct SourceCommandsTests {
    static let sourced = "Tests/Fixtures/graphs/sourced.yaml"
    static let contradiction = "Tests/Fixtures/graphs/temporal-contradiction.yaml"

    @Test("check prints warnings located, still exits 0; --strict exits 1")
    func checkWarnings() throws {
        let plain = try CLI.run(["check", Self.contradiction])
        expectStatus(plain, 0)
        #expect(plain.stdout == "\(Self.contradiction): valid — 3 entities, 7 relations, 1 entity kinds, 6 relation kinds (3 warnings)\n")
        let lines = plain.stderr.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.components(separatedBy: ": warning: ").first ?? "" }
                == ["22:5", "29:5", "37:5"].map { "\(Self.contradiction):\($0)" })
        let strict = try CLI.run(["check", "--strict", Self.contradiction])
        expectStatus(strict, 1)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.hasSuffix("relgraph: error: \(Self.contradiction): 3 warnings, which --strict makes errors\n"))
        let clean = try CLI.run(["check", "--strict", Self.sourced])
        expectStatus(clean, 0)
        #expect(clean.stderr.isEmpty)
    }

    @Test("check refuses a citation the declared text does not have")
    func checkCitations() throws {
        let file = "Tests/Fixtures/graphs/sourced-bad-citation.yaml"
        let result = try CLI.run(["check", file])
        expectStatus(result, 1)
        #expect(result.stderr.contains("\(file):14:5: error: relation ada -lived_in-> town cites s. 0, but source 'harbour' (Tests/Fixtures/sources/harbour.txt) has sentences 1–9\n"), "\(result)")
        #expect(result.stderr.contains("\(file):26:5: error: relation ada -leader_of-> guild cites s. 10,"), "\(result)")
        let missing = try CLI.run(["check", "Tests/Fixtures/graphs/sourced-missing-text.yaml"])
        expectStatus(missing, 0)
        #expect(missing.stderr == "Tests/Fixtures/graphs/sourced-missing-text.yaml:4:5: warning: source 'harbour': Tests/Fixtures/sources/missing.txt: cannot read the file; its citations are not checked\n")
    }

    @Test("cite prints the sentences, in the order asked")
    func cite() throws {
        let result = try CLI.run(["cite", Self.sourced, "s. 8", "s. 1-2", "4"])
        expectStatus(result, 0)
        #expect(result.stdout == """
            s. 8: Ada STONE stayed; Bram did not.
            s. 1: Ada Stone came to Harbour Town in the spring of 1920.
            s. 2: She joined The Guild that same year!
            s. 4: Bram Kell, a rival, wrote pamphlets against Ada Stone and The Guild.

            """)
        let json = try CLI.run(["cite", Self.sourced, "s. 5", "--format", "json", "--source", "harbour"])
        expectStatus(json, 0)
        let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        #expect(object?["source"] as? String == "harbour")
        #expect((object?["sentences"] as? [[String: Any]])?.first?["text"] as? String == "Did anyone read them?")
    }

    @Test("cite errors: a sentence past the end, no sources, an unknown source, not a locator")
    func citeErrors() throws {
        let past = try CLI.run(["cite", Self.sourced, "s. 10"])
        expectStatus(past, 1)
        #expect(past.stderr == "relgraph: error: source 'harbour' (Tests/Fixtures/sources/harbour.txt) has sentences 1–9; no s. 10\n")
        let none = try CLI.run(["cite", "Tests/Fixtures/graphs/small.yaml", "s. 1"])
        expectStatus(none, 1)
        #expect(none.stderr.contains("declares no sources"))
        let unknown = try CLI.run(["cite", Self.sourced, "1", "--source", "memoir"])
        expectStatus(unknown, 1)
        #expect(unknown.stderr.contains("declares no source 'memoir'; declared: harbour"))
        let bad = try CLI.run(["cite", Self.sourced, "chapter two"])
        expectStatus(bad, 64)
        #expect(bad.stderr.contains("'chapter two' is not a locator"))
    }

    @Test("coverage lists cited sentences, candidates and a summary")
    func coverage() throws {
        let result = try CLI.run(["coverage", Self.sourced])
        expectStatus(result, 0)
        #expect(result.stdout == """
            source harbour (Tests/Fixtures/sources/harbour.txt) — A short account of Harbour Town
            cited: s. 1-3

            candidates (uncited sentences naming two or more known entities):
              s. 4: Bram Kell, a rival, wrote pamphlets against Ada Stone and The Guild.
                  names: bram, ada, guild; not yet tied: ada–bram, bram–guild
              s. 8: Ada STONE stayed; Bram did not.
                  names: ada, bram; not yet tied: ada–bram

            3 of 9 sentences cited, 2 candidates

            """)
        let json = try CLI.run(["coverage", Self.sourced, "--format", "json"])
        expectStatus(json, 0)
        let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        #expect(object?["summary"] as? String == "3 of 9 sentences cited, 2 candidates")
        #expect((object?["candidates"] as? [[String: Any]])?.compactMap { $0["sentence"] as? Int } == [4, 8])
    }

    @Test("path --quotes prints each hop's cited sentence under it")
    func pathQuotes() throws {
        let result = try CLI.run(["path", Self.sourced, "Harbour Town", "guild", "--quotes"])
        expectStatus(result, 0)
        #expect(result.stdout == """
            Harbour Town → The Guild: shortest path

            Harbour Town → Ada Stone → The Guild  (2 hops)
              1. Harbour Town was home to Ada Stone (from 1920) — arrived in the town in 1920 [s. 1]
                   s. 1: Ada Stone came to Harbour Town in the spring of 1920.
              2. Ada Stone was a member of The Guild (from 1920) — joined in the year of her arrival [s. 2]
                   s. 2: She joined The Guild that same year!

            """)
        let plain = try CLI.run(["path", Self.sourced, "Harbour Town", "guild"])
        #expect(plain.stdout == result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("       s. ") }.joined(separator: "\n"))
    }

    /// sentence.py, the independent implementation of the rule, is the oracle.
    @Test(.enabled(if: python3 != nil || inCI, "python3 is not installed"), arguments: [1, 38, 88, 257])
    func citeAgreesWithSentencePy(_ n: Int) throws {
        let python = try #require(python3, "python3 is required under CI=true")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [CLI.absolute("Graphs/tools/sentence.py"), String(n)]
        process.currentDirectoryURL = CLI.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let result = try CLI.run(["cite", CLI.trotsky, "s. \(n)"])
        expectStatus(result, 0)
        #expect(result.stdout == "s. \(n): " + expected.trimmingCharacters(in: .newlines) + "\n")
    }
}
