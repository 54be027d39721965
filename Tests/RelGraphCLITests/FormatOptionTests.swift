import Foundation
import Testing

/// `--format` of `export` and `ego` is the library's `GraphFormat`, limited to
/// the formats relgraph writes, listed as the README documents them; what
/// `export` writes, every command reads back.
@Suite struct FormatOptionTests {
    /// README's commands table: `relgraph export FILE --format F`.
    static let documented = ["dot", "yaml", "json", "graphml", "gexf", "node-link", "csv", "cypher", "mermaid"]

    @Test func helpListsTheWritableFormatsInTheDocumentedOrder() throws {
        for command in ["export", "ego"] {
            let help = try CLI.run([command, "--help"])
            expectStatus(help, 0)
            let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("Output format: \(Self.documented.joined(separator: ", "))."), "\(help)")
        }
    }

    @Test(arguments: ["fixture-csv", "gv", "YAML", "svg"])
    func aFormatRelgraphDoesNotWriteIsAUsageError(name: String) throws {
        let result = try CLI.run(["export", CLI.trotsky, "--format", name])
        expectStatus(result, 64)
        #expect(result.stdout.isEmpty)
        let listed = Self.documented.map { "  - \($0)" }.joined(separator: "\n")
        #expect(result.stderr.hasPrefix("Error: The value '\(name)' is invalid for '--format <format>'. Please provide one of the following:\n\(listed)\n"), "\(result)")
    }

    @Test func aCSVExportIsReadBackByEveryCommand() throws {
        try CLI.withTemporaryDirectory { dir in
            let base = dir.appendingPathComponent("ts").path
            let export = try CLI.run(["export", CLI.trotsky, "--format", "csv", "-o", base])
            expectStatus(export, 0)
            #expect(export.stderr.hasSuffix("wrote \(base).entities.csv and \(base).relations.csv\n"), "\(export)")
            for file in [base + ".relations.csv", base + ".entities.csv"] {
                let info = try CLI.run(["info", file])
                expectStatus(info, 0)
                // The counts PyYAML gives for Graphs/trotsky-stalin.yaml.
                #expect(info.stdout.contains("119 entities, 260 relations"), "\(info)")
            }
        }
    }
}
