import Foundation
import Testing

/// `relgraph extract` and `relgraph merge` run as a user runs them.
@Suite("extract and merge commands")
struct ExtractCommandTests {
    static let heldout = "Tests/Fixtures/extract/heldout-spy-ring.txt"
    static let banking = "Tests/Fixtures/extract/banking-family.txt"

    @Test("extract writes a candidates file that `relgraph check` accepts, and a review sheet")
    func extractChecks() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("candidates.yaml").path
            let sheet = dir.appendingPathComponent("review.html").path
            let r = try CLI.run(["extract", Self.heldout, "-o", out, "--review", sheet])
            expectStatus(r, 0)
            #expect(r.stderr.contains("candidate ties from"), "\(r)")
            let check = try CLI.run(["check", out])
            expectStatus(check, 0)
            let yaml = try String(contentsOfFile: out, encoding: .utf8)
            #expect(yaml.contains("source: s. 2"))
            #expect(yaml.contains("accepted: \"false\""))
            let html = try String(contentsOfFile: sheet, encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("type=\"checkbox\""))
            // Deterministic: a second run writes the same bytes.
            let out2 = dir.appendingPathComponent("again.yaml").path
            expectStatus(try CLI.run(["extract", Self.heldout, "-o", out2]), 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: out2)))
        }
    }

    @Test("several texts: each source names its file")
    func severalTexts() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("c.json").path
            expectStatus(try CLI.run(["extract", Self.heldout, Self.banking, "-o", out]), 0)
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("heldout-spy-ring.txt s. 1"))
            #expect(text.contains("banking-family.txt s. 1"))
            expectStatus(try CLI.run(["check", out]), 0)
        }
    }

    @Test("--known keeps the graph's ids")
    func known() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("c.yaml").path
            let r = try CLI.run(["extract", Self.heldout, "--known", "Tests/Fixtures/extract/heldout-spy-ring.expected.yaml", "-o", out])
            expectStatus(r, 0)
            let yaml = try String(contentsOfFile: out, encoding: .utf8)
            #expect(yaml.contains("- id: viktor_haldane\n    kind: person\n    name: Viktor Haldane"))
            #expect(yaml.contains("known: \"true\""))
            #expect(yaml.contains("from: viktor_haldane\n    kind: member_of\n    to: foreign_office\n    date: 1951"))
        }
    }

    @Test("--score-against prints the precision and recall table")
    func score() throws {
        let r = try CLI.run(["extract", Self.heldout, "--score-against", "Tests/Fixtures/extract/heldout-spy-ring.expected.yaml"])
        expectStatus(r, 0)
        #expect(r.stdout.contains("| people + organisations |"), "\(r)")
        #expect(r.stdout.contains("| ties, ends and kind matched |"))
        #expect(r.stdout.contains("Cited sentences with a proposed tie:"))
    }

    @Test("merge adds the accepted ties once, reports them, and a second merge adds nothing")
    func merge() throws {
        try CLI.withTemporaryDirectory { dir in
            let candidates = dir.appendingPathComponent("c.yaml").path
            expectStatus(try CLI.run(["extract", Self.heldout, "-o", candidates]), 0)
            // Accept one tie by hand, as a reviewer would.
            var yaml = try String(contentsOfFile: candidates, encoding: .utf8)
            let marriage = try #require(yaml.range(of: "kind: spouse_of"))
            let accepted = try #require(yaml.range(of: "accepted: \"false\"", range: marriage.upperBound..<yaml.endIndex))
            yaml.replaceSubrange(accepted, with: "accepted: true")
            try yaml.write(toFile: candidates, atomically: true, encoding: .utf8)

            let base = dir.appendingPathComponent("base.yaml").path
            try "relgraph: 1\nname: base\nentities:\n  - {id: haldane, kind: person, name: V. Haldane, aliases: [Viktor Haldane]}\nrelations: []\n"
                .write(toFile: base, atomically: true, encoding: .utf8)
            let merged = dir.appendingPathComponent("merged.yaml").path
            let r = try CLI.run(["merge", candidates, "--into", base, "-o", merged])
            expectStatus(r, 0)
            #expect(r.stdout.contains("added clara_weiss spouse_of haldane (s. 4)") || r.stdout.contains("added haldane spouse_of clara_weiss (s. 4)"), "\(r)")
            #expect(r.stdout.contains("added entity clara_weiss"))
            #expect(r.stderr.contains("1 entities and 1 relations added"))
            expectStatus(try CLI.run(["check", merged]), 0)

            let again = dir.appendingPathComponent("again.yaml").path
            let r2 = try CLI.run(["merge", candidates, "--into", merged, "-o", again])
            expectStatus(r2, 0)
            #expect(r2.stdout.contains("already there:"), "\(r2)")
            #expect(r2.stderr.contains("0 entities and 0 relations added, 1 already present"))

            let all = dir.appendingPathComponent("all.yaml").path
            let r3 = try CLI.run(["merge", candidates, "--into", merged, "-o", all, "--all"])
            expectStatus(r3, 0)
            #expect(r3.stderr.contains("1 already present"), "\(r3)")
            expectStatus(try CLI.run(["check", all]), 0)
        }
    }

    @Test("bad input: a clear error, a non-zero exit, no output written")
    func errors() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("c.yaml").path
            let missing = try CLI.run(["extract", "no/such.txt", "-o", out])
            expectStatus(missing, 1)
            #expect(missing.stderr.contains("no/such.txt"), "\(missing)")
            #expect(!FileManager.default.fileExists(atPath: out))

            let badKnown = dir.appendingPathComponent("bad.yaml").path
            try "entities:\n  - {id: x, kind: nonsense}\n".write(toFile: badKnown, atomically: true, encoding: .utf8)
            let known = try CLI.run(["extract", Self.heldout, "--known", badKnown, "-o", out])
            expectStatus(known, 1)
            #expect(known.stderr.contains("bad.yaml:2:"), "\(known)")
            #expect(!FileManager.default.fileExists(atPath: out))

            let binary = dir.appendingPathComponent("bin.txt").path
            try Data([0xff, 0xfe, 0x00, 0xc3]).write(to: URL(fileURLWithPath: binary))
            let notText = try CLI.run(["extract", binary, "-o", out])
            expectStatus(notText, 1)
            #expect(notText.stderr.contains("not UTF-8"), "\(notText)")

            expectStatus(try CLI.run(["extract", Self.heldout, "-o", dir.appendingPathComponent("c.txt").path]), 64)
            expectStatus(try CLI.run(["extract", Self.heldout]), 64)
            // Never onto an input.
            let known2 = dir.appendingPathComponent("known.yaml").path
            try "relgraph: 1\nentities: []\nrelations: []\n".write(toFile: known2, atomically: true, encoding: .utf8)
            let onto = try CLI.run(["extract", Self.heldout, "--known", known2, "-o", known2])
            expectStatus(onto, 1)
            #expect(onto.stderr.contains("is one of the inputs"), "\(onto)")
            #expect(try String(contentsOfFile: known2, encoding: .utf8) == "relgraph: 1\nentities: []\nrelations: []\n")
            expectStatus(try CLI.run(["merge", known2, "--into", known2, "-o", known2]), 1)
            expectStatus(try CLI.run(["merge", "no/such.yaml", "--into", "no/base.yaml", "-o", out]), 1)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }
}
