import Foundation
import GraphFormats
import GraphModel
import Testing
@testable import SourceTexts

private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private func fixture(_ name: String) -> String { root.appendingPathComponent("Tests/Fixtures/graphs/\(name)").path }
private let python3: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
private let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// Whether `python3 -c 'import yaml'` works (the coverage oracle reads YAML with PyYAML).
private let pythonWithYAML: Bool = {
    guard let python3 else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python3)
    p.arguments = ["-c", "import yaml"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}()

/// The fixture `sourced.yaml` cites `Tests/Fixtures/sources/harbour.txt`, whose nine
/// sentences (by the rule, checked with sentence.py) are:
/// 1 "Ada Stone came to Harbour Town…", 2 "She joined The Guild that same year!",
/// 3 "Within a decade Ada led The Guild.", 4 "Bram Kell, a rival, … Ada Stone and The Guild.",
/// 5 "Did anyone read them?", 6 "\"Nobody,\" said … Harbour Town.", 7 "Kell left town in 1936 (for good).",
/// 8 "Ada STONE stayed; Bram did not.", 9 "The end".
@Suite struct SourceLibraryTests {
    @Test func resolvesPathsAgainstTheGraphFile() {
        #expect(SourceLibrary.resolve("../../shared/c.txt", relativeTo: "Graphs/g.yaml") == "../shared/c.txt")
        #expect(SourceLibrary.resolve("./texts/./a.txt", relativeTo: "g.yaml") == "texts/a.txt")
        #expect(SourceLibrary.resolve("../sources/h.txt", relativeTo: "/x/graphs/g.yaml") == "/x/sources/h.txt")
        #expect(SourceLibrary.resolve("/abs/t.txt", relativeTo: "a/g.yaml") == "/abs/t.txt")
    }

    @Test func readsTheDeclaredTextAndQuotesCitations() throws {
        let path = fixture("sourced.yaml")
        let graph = try GraphFile.load(path: path)
        let library = SourceLibrary(graph: graph, graphFile: path)
        #expect(library.problems.isEmpty)
        #expect(library.texts["harbour"]?.sentences.count == 9)
        #expect(library.citationProblems(in: graph).isEmpty)
        let quotes = library.quotes(for: graph.relations[2])  // source: s. 3; s. 2
        #expect(quotes.map(\.sentence.number) == [3, 2])
        #expect(quotes.first?.sentence.text == "Within a decade Ada led The Guild.")
        #expect(quotes.allSatisfy { $0.sourceID == "harbour" })
    }

    /// The shipped graph declares the corpus, and every `s. N` it cites is one of its 257 sentences.
    @Test func theShippedGraphCitesOnlySentencesTheCorpusHas() throws {
        let path = root.appendingPathComponent("Graphs/trotsky-stalin.yaml").path
        let graph = try GraphFile.load(path: path)
        let library = SourceLibrary(graph: graph, graphFile: path)
        #expect(graph.sources.map(\.id) == ["corpus"])
        #expect(library.problems.isEmpty)
        #expect(library.texts["corpus"]?.sentences.count == 257)
        #expect(library.citationProblems(in: graph).map(\.description) == [])
        #expect(graph.relations.contains { !library.quotes(for: $0).isEmpty })
    }

    @Test func aCitationPastTheTextIsALocatedError() throws {
        let path = fixture("sourced-bad-citation.yaml")
        let graph = try GraphFile.load(path: path)
        let problems = SourceLibrary(graph: graph, graphFile: path).citationProblems(in: graph)
        let text = SourceLibrary.resolve("../sources/harbour.txt", relativeTo: path)
        #expect(problems.map(\.description) == [
            "\(path):14:5: error: relation ada -lived_in-> town cites s. 0, but source 'harbour' (\(text)) has sentences 1–9",
            "\(path):26:5: error: relation ada -leader_of-> guild cites s. 10, but source 'harbour' (\(text)) has sentences 1–9",
        ])
    }

    /// The fixture's third relation copies nine words of s. 4 ("Bram Kell, a rival, wrote
    /// pamphlets against Ada Stone"); the first eight are reported.
    @Test func evidenceThatRepeatsEightWordsOfTheSourceIsAWarning() throws {
        let path = fixture("sourced-copied-evidence.yaml")
        let graph = try GraphFile.load(path: path)
        let library = SourceLibrary(graph: graph, graphFile: path)
        #expect(library.copiedEvidence(in: graph).map(\.description) == [
            "\(path):26:5: warning: relation ada -leader_of-> guild: its evidence repeats 8 consecutive words of s. 4 of 'harbour' (\"bram kell a rival wrote pamphlets against ada\"); write it in your own words",
        ])
        #expect(library.copiedEvidence(in: graph, words: 10).isEmpty)
        let own = fixture("sourced.yaml")
        let clean = try GraphFile.load(path: own)
        #expect(SourceLibrary(graph: clean, graphFile: own).copiedEvidence(in: clean).isEmpty)
    }

    @Test func anUnreadableTextIsAWarningAtItsDeclaration() throws {
        let path = fixture("sourced-missing-text.yaml")
        let graph = try GraphFile.load(path: path)
        let library = SourceLibrary(graph: graph, graphFile: path)
        #expect(library.texts.isEmpty)
        #expect(library.problems.map { "\($0.severity) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == ["warning 4:5"])
        #expect(library.citationProblems(in: graph).isEmpty)
    }

    @Test func aCitationNamesItsSourceByIdElseTheFirst() {
        let library = SourceLibrary(
            sources: [GraphSource(id: "corpus"), GraphSource(id: "memoir")],
            texts: ["corpus": SourceText(path: "c", text: "One. Two."), "memoir": SourceText(path: "m", text: "Three.")])
        #expect(library.sourceID(citedBy: "memoir s. 1") == "memoir")
        #expect(library.sourceID(citedBy: "s. 2") == "corpus")
        #expect(library.sourceID(citedBy: "memoirs s. 1") == "corpus")
        let r = Relation(from: "a", kind: "ally_of", to: "b", evidence: Evidence("x", source: "memoir, s. 1"))
        #expect(library.quotes(for: r).map(\.sentence.text) == ["Three."])
    }

    @Test func theMatcherFindsWholeWordsLongestFirstIgnoringCaseAndAccents() {
        let entities = [
            Entity(id: "sedov", kind: "person", name: "Leon Sedov", aliases: ["Sedov"]),
            Entity(id: "leon", kind: "person", name: "Leon"),
            Entity(id: "ramon", kind: "person", name: "Ramón Mercader"),
            Entity(id: "ada", kind: "person", name: "Ada"),
        ]
        let m = EntityMentionMatcher(entities: entities)
        #expect(m.mentions(in: "LEON SEDOV met ramon mercader.") == [0, 2])
        #expect(m.mentions(in: "Leon said: Sedov's Adam.") == [1, 0])
        #expect(m.mentions(in: "Adam and Adamant").isEmpty)
    }

    @Test func coverageOfTheFixture() throws {
        let path = fixture("sourced.yaml")
        let graph = try GraphFile.load(path: path)
        let library = SourceLibrary(graph: graph, graphFile: path)
        let report = try #require(SourceCoverage(graph: graph, library: library, sourceID: "harbour"))
        #expect(report.sentenceCount == 9)
        #expect(report.cited.map(\.sentence) == [1, 2, 3])
        #expect(report.cited.map(\.relations) == [1, 2, 1])
        #expect(report.candidates.map(\.sentence.number) == [4, 8])
        #expect(report.candidates.map(\.entities) == [["bram", "ada", "guild"], ["ada", "bram"]])
        #expect(report.candidates.map(\.untiedPairs) == [[["ada", "bram"], ["bram", "guild"]], [["ada", "bram"]]])
        #expect(SourceCoverage(graph: graph, library: library, sourceID: "nope") == nil)
    }

    /// The oracle is an independent Python reading (PyYAML, sentence.py, its own
    /// folding and matching) of the same files.
    @Test(.enabled(if: pythonWithYAML || inCI, "python3 with PyYAML is not installed"),
          arguments: ["Tests/Fixtures/graphs/sourced.yaml", "Graphs/trotsky-stalin.yaml"])
    func coverageAgreesWithThePythonOracle(_ relative: String) throws {
        let python = try #require(python3, "python3 is required under CI=true")
        let path = root.appendingPathComponent(relative).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("Tests/Fixtures/sources/coverage_oracle.py").path, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        struct Oracle: Decodable {
            struct Candidate: Decodable { var sentence: Int; var entities: [String] }
            var cited: [Int]; var sentences: Int; var candidates: [Candidate]
        }
        let expected = try JSONDecoder().decode(Oracle.self, from: data)
        let graph = try GraphFile.load(path: path)
        let library = SourceLibrary(graph: graph, graphFile: path)
        let id = try #require(graph.sources.first?.id)
        let report = try #require(SourceCoverage(graph: graph, library: library, sourceID: id))
        #expect(report.sentenceCount == expected.sentences)
        #expect(report.cited.map(\.sentence) == expected.cited)
        #expect(report.candidates.map(\.sentence.number) == expected.candidates.map(\.sentence))
        #expect(report.candidates.map { $0.entities.sorted() } == expected.candidates.map(\.entities))
        #expect(!expected.candidates.isEmpty)
    }
}

@Suite struct SourceRebasingTests {
    func graph(_ paths: [String?]) throws -> Graph {
        var g = try Graph(name: "g", entities: [])
        g.sources = paths.enumerated().map { GraphSource(id: "s\($0.offset)", path: $0.element) }
        return g
    }

    @Test(arguments: [
        // (read from, written to, path as read, path as written)
        ("/a/g.yaml", "/a/sub/g.yaml", "src.txt", "../src.txt"),
        ("/a/g.yaml", "/a/sub/deeper/g.yaml", "../corpus/t.txt", "../../../corpus/t.txt"),
        ("/a/sub/g.yaml", "/a/g.yaml", "src.txt", "sub/src.txt"),
        ("/a/g.yaml", "/b/g.yaml", "./x/../src.txt", "../a/src.txt"),
        ("/a/g.yaml", "/a/out.yaml", "src.txt", "src.txt"),
        ("/a/g.yaml", "/z/out.yaml", "/abs/src.txt", "/abs/src.txt"),
    ])
    func aRelativeSourcePathLeadsToTheSameFileFromTheNewFolder(read: String, written: String, before: String, after: String) throws {
        let rebased = SourceLibrary.rebasingSources(try graph([before, nil]), from: read, to: written)
        #expect(rebased.sources.map(\.path) == [after, nil])
        // The same file, resolved from each side.
        #expect(SourceLibrary.resolve(after, relativeTo: written) == SourceLibrary.resolve(before, relativeTo: read))
    }
}
