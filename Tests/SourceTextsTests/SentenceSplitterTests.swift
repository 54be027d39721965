import Foundation
import Testing
@testable import SourceTexts

/// The corpus the shipped graph cites, beside the repository.
private let corpusPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/corpus/trotsky-stalin.txt").standardizedFileURL.path
private let scriptPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Graphs/tools/sentence.py").path

private let python3: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
private let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

@Suite struct SentenceSplitterTests {
    @Test func splitsAfterTerminatorsAndClosers() {
        let s = SentenceSplitter.split("  He left.  She said \"no.\" Then?\n\nYes!  (Really.) Tail without end ")
        #expect(s.map(\.text) == ["He left.", "She said \"no.\"", "Then?", "Yes!", "(Really.)", "Tail without end"])
        #expect(s.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(s[1].offset == 9)
    }

    @Test func aTerminatorInsideAWordDoesNotEnd() {
        #expect(SentenceSplitter.split("Version 2.5 of U.S.A. works. Next").map(\.text)
                == ["Version 2.5 of U.S.A.", "works.", "Next"])
    }

    @Test func collapsesEveryKindOfWhitespace() {
        #expect(SentenceSplitter.normalize("a\u{00A0}\u{2003}b\t\nc") == "a b c")
        #expect(SentenceSplitter.split("").isEmpty)
        #expect(SentenceSplitter.split("   \n ").isEmpty)
    }

    /// The oracle is the Python tool the graph's citations were made with.
    @Test(.enabled(if: python3 != nil || inCI, "python3 is not installed"))
    func agreesWithSentencePyOnTheCorpus() throws {
        let python = try #require(python3, "python3 is required under CI=true")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scriptPath, "--all", corpusPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let source = try SourceText(contentsOf: corpusPath)
        #expect(source.sentences.count == expected.count)
        #expect(source.sentences.count == 257)
        for (sentence, line) in zip(source.sentences, expected) {
            #expect("\(sentence.number): \(sentence.text)" == line)
        }
    }
}

@Suite struct CitationTests {
    @Test(arguments: [
        ("s. 38", [38], false),
        ("s. 38; s. 84", [38, 84], false),
        ("general knowledge; cf. s. 84", [84], true),
        ("s. 221, 228 use that name", [221, 228], false),
        ("s. 10-12", [10, 11, 12], false),
        ("general knowledge", [], true),
        ("Orwell's fable (s. 90, s. 111)", [90, 111], false),
        ("reports, s.5", [5], false),
        ("days 3. and 4.", [], false),
    ] as [(String, [Int], Bool)])
    func readsSentenceNumbers(_ source: String, _ numbers: [Int], _ general: Bool) {
        let citation = Citation(source)
        #expect(citation.sentences == numbers)
        #expect(citation.generalKnowledge == general)
    }
}
