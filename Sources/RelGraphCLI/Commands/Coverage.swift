import ArgumentParser
import Foundation
import GraphModel
import SourceTexts

/// `relgraph coverage FILE`: which sentences of a declared source the graph cites,
/// and which uncited ones mention two or more known entities.
struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Which sentences of a declared source the graph cites, and the uncited ones that name two or more known entities.",
        discussion: """
            Entities are found by their names and aliases (case and accents ignored, whole \
            words, the longest name winning). An uncited sentence that names two or more of \
            them is a candidate for a tie not yet recorded; the pairs with no relation at all \
            in the graph are listed under it. The last line sums up: N of M sentences cited, \
            K candidates.
            """
    )

    @Argument(help: "The graph file that declares the source.")
    var file: String

    @Option(help: ArgumentHelp("The declared source to measure (default: the first declared).", valueName: "ID"))
    var source: String?

    @Option(name: .customLong("from"), help: "Read FILE as this format instead of guessing from its extension.")
    var inputFormat: String?

    @Option(help: "Output: text or json.")
    var format: OutputStyle = .text

    func run() throws {
        try guarded {
            let graph = try loadGraph(file, format: inputFormat)
            let library = SourceLibrary(graph: graph, graphFile: file)
            let (id, text) = try declaredSource(source, in: library, file: file)
            guard let report = SourceCoverage(graph: graph, library: library, sourceID: id) else {
                throw fail("source '\(id)' could not be read")
            }
            // Citations past the text's end are not coverage: say how many, as check lists them.
            let missing = library.citationProblems(in: graph).count
            let summary = "\(report.cited.count) of \(report.sentenceCount) sentences cited, "
                + "\(report.candidates.count) candidate\(report.candidates.count == 1 ? "" : "s")"
                + (missing == 0 ? "" : "; \(missing) citation\(missing == 1 ? " names" : "s name") no sentence (relgraph check lists them)")
            switch format {
            case .json:
                let out = CoverageJSON(
                    source: id, path: text.path, sentences: report.sentenceCount,
                    cited: report.cited.map { .init(sentence: $0.sentence, relations: $0.relations) },
                    candidates: report.candidates.map {
                        .init(sentence: $0.sentence.number, text: $0.sentence.text, entities: $0.entities,
                              untied_pairs: $0.untiedPairs)
                    },
                    summary: summary)
                print(try encodeJSON(out), terminator: "")
            case .text:
                let title = library.source(id)?.title.map { " — \($0)" } ?? ""
                print("source \(id) (\(text.path))\(title)")
                print("cited: " + (report.cited.isEmpty ? "none" : "s. " + numberRanges(report.cited.map(\.sentence))))
                if !report.candidates.isEmpty {
                    print("\ncandidates (uncited sentences naming two or more known entities):")
                    for c in report.candidates {
                        print(TextPolicy.terminalSafe("  s. \(c.sentence.number): \(c.sentence.text)"))
                        var line = "      names: " + c.entities.joined(separator: ", ")
                        if !c.untiedPairs.isEmpty {
                            line += "; not yet tied: " + c.untiedPairs.map { $0.joined(separator: "–") }.joined(separator: ", ")
                        }
                        print(line)
                    }
                }
                print("\n\(summary)")
            }
        }
    }
}

struct CoverageJSON: Codable {
    struct Cited: Codable { var sentence: Int; var relations: Int }
    struct Candidate: Codable { var sentence: Int; var text: String; var entities: [String]; var untied_pairs: [[String]] }
    var source: String, path: String, sentences: Int, cited: [Cited], candidates: [Candidate], summary: String
}

/// `1-3, 5, 7-9` for [1, 2, 3, 5, 7, 8, 9] (ascending input).
func numberRanges(_ numbers: [Int]) -> String {
    var parts: [String] = []
    var i = 0
    while i < numbers.count {
        var j = i
        while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
        parts.append(j == i ? "\(numbers[i])" : "\(numbers[i])-\(numbers[j])")
        i = j + 1
    }
    return parts.joined(separator: ", ")
}
