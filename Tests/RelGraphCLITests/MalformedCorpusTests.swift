import Foundation
import Testing

/// The malformed-input corpus (issue 8): every file in Tests/Fixtures/malformed
/// (written by make_malformed.py there) is read by `relgraph check` and by
/// `relgraph export -o`, and each must give its expected exit status and a message
/// naming file:line:col (expected.tsv) — never a trap, a hang or a file left behind.
@Suite("Malformed-input corpus")
struct MalformedCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var status: Int32
        /// `line:col`, or `-` when the reader cannot place the fault (named in the README).
        var location: String
        var message: String
        var description: String { file }
    }

    static let directory = CLI.fixtures.appendingPathComponent("malformed")

    static let cases: [Case] = {
        let url = directory.appendingPathComponent("expected.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let status = Int32(f[1]) else { return nil }
            return Case(file: f[0], status: status, location: f[2], message: f[3])
        }
    }()

    @Test func theCorpusIsLargeAndEveryFileHasAnExpectation() throws {
        #expect(Self.cases.count >= 60, "\(Self.cases.count) cases")
        let listed = Set(Self.cases.map(\.file))
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { !$0.hasSuffix(".tsv") && !$0.hasSuffix(".py") && !$0.hasSuffix(".md") && !$0.hasSuffix(".relations.csv") }
        #expect(Set(onDisk) == listed, "unlisted: \(Set(onDisk).subtracting(listed).sorted()); missing: \(listed.subtracting(onDisk).sorted())")
        // Every format is in it.
        for ext in [".yaml", ".json", ".entities.csv", ".edges.csv", ".graphml", ".gexf", ".dot"] {
            #expect(listed.contains { $0.hasSuffix(ext) }, "no \(ext) case")
        }
    }

    @Test(arguments: cases)
    func checkGivesTheExpectedStatusAndLocatedMessage(_ c: Case) throws {
        let path = "Tests/Fixtures/malformed/" + c.file
        let result = try CLI.run(["check", path])
        expectStatus(result, c.status)
        let place = c.location == "-" ? "" : c.location + ":"
        let messages = result.stderr.split(separator: "\n").map(String.init)
        // A CSV pair's fault may be in its relations file, read beside the entities file.
        let paths = [path, path.replacingOccurrences(of: ".entities.csv", with: ".relations.csv")]
        let located = messages.contains { line in
            (place.isEmpty || paths.contains { line.contains($0 + ":" + place) }) && line.contains(c.message)
        }
        #expect(located, "expected '\(path):\(place) … \(c.message)' in:\n\(result.stderr.prefix(3000))")
        // Terminal escapes in the input are never echoed raw.
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}") && !result.stdout.unicodeScalars.contains("\u{1B}"), "\(result)")
    }

    /// Faults only `check` reports (the format's conventions, which other commands
    /// let pass so that such a file can still be exported and fixed).
    static let checkOnly: Set<String> = ["yaml-not-snake-case.yaml"]

    @Test(arguments: cases.filter { $0.status != 0 && !checkOnly.contains($0.file) })
    func exportOfABadFileLeavesNoFile(_ c: Case) throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("out.json").path
            let result = try CLI.run(["export", "Tests/Fixtures/malformed/" + c.file, "--format", "json", "-o", out])
            expectStatus(result, c.status)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(result)")
        }
    }
}
