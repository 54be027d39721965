import ArgumentParser
import Foundation
import GraphModel
import SourceTexts

/// `relgraph cite FILE "s. 38"`: the sentence a citation names, from the graph's declared source.
struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentences that citations such as \"s. 38\" name in a graph's declared source.",
        discussion: """
            The graph file declares its texts under `sources:` (id, title, path relative to \
            the graph file, locators: sentences). Sentences are numbered by relgraph's one \
            sentence rule (the rule `check` and `coverage` use). A LOCATOR is `s. 38`, \
            `38`, `s. 10-12` or `s. 38, 84`. Exit status 1 when a locator names no sentence.
            """
    )

    @Argument(help: "The graph file that declares the source.")
    var file: String

    @Argument(help: ArgumentHelp("Citations: s. N, N, s. N-M, s. N, M.", valueName: "LOCATOR"))
    var locators: [String]

    @Option(help: ArgumentHelp("The declared source to read (default: the first declared).", valueName: "ID"))
    var source: String?

    @Option(name: .customLong("from"), help: "Read FILE as this format instead of guessing from its extension.")
    var inputFormat: String?

    @Option(help: "Output: text or json.")
    var format: OutputStyle = .text

    func validate() throws {
        if locators.isEmpty { throw ValidationError("name at least one locator, such as \"s. 38\"") }
        for l in locators where sentenceNumbers(l).isEmpty {
            throw ValidationError("'\(l)' is not a locator; write s. N, N, s. N-M (N ≤ M, at most 1,000 apart) or s. N, M")
        }
    }

    func run() throws {
        try guarded {
            let graph = try loadGraph(file, format: inputFormat)
            let library = SourceLibrary(graph: graph, graphFile: file)
            let (id, text) = try declaredSource(source, in: library, file: file)
            let numbers = locators.flatMap(sentenceNumbers)
            let missing = numbers.filter { text.sentence($0) == nil }
            if !missing.isEmpty {
                throw fail("source '\(id)' (\(text.path)) has sentences 1–\(text.sentences.count); no "
                    + missing.map { "s. \($0)" }.joined(separator: ", "))
            }
            let sentences = numbers.compactMap(text.sentence)
            switch format {
            case .text:
                // A source text is any text: control characters are shown, never obeyed.
                for s in sentences { print(TextPolicy.terminalSafe("s. \(s.number): \(s.text)")) }
            case .json:
                let out = CiteJSON(source: id, path: text.path,
                                   sentences: sentences.map { CiteJSON.Item(number: $0.number, text: $0.text) })
                print(try encodeJSON(out), terminator: "")
            }
        }
    }
}

struct CiteJSON: Codable {
    struct Item: Codable { var number: Int; var text: String }
    var source: String, path: String, sentences: [Item]
}

/// The sentence numbers a locator names: `s. 38`, `s. 10-12`, `s. 38, 84`, or a bare
/// `38`; empty when the locator is anything else (`s. 1e3`, a range written
/// backwards such as `s. 5-1`, text after the numbers).
func sentenceNumbers(_ locator: String) -> [Int] {
    var rest = Substring(locator.trimmingCharacters(in: .whitespaces))
    if rest.lowercased().hasPrefix("s.") { rest = rest.dropFirst(2) }
    var numbers: [Int] = []
    for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
        let ends = part.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "\u{2013}" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(ends.count),
              ends.allSatisfy({ end in !end.isEmpty && end.allSatisfy { $0.isASCII && $0.isNumber } }) else { return [] }
        // Past Int.max: a number no text reaches, reported as missing.
        let values = ends.map { Int($0) ?? Int.max }
        if values.count == 2 {
            guard values[0] <= values[1], values[1] - values[0] <= 1_000 else { return [] }
            numbers += Array(values[0]...values[1])
        } else {
            numbers.append(values[0])
        }
    }
    return numbers
}

/// The declared source a command reads (`--source ID`, else the first declared)
/// and its text; a clear error when the graph declares none, the id is unknown or
/// the text cannot be read.
func declaredSource(_ requested: String?, in library: SourceLibrary, file: String) throws -> (id: String, text: SourceText) {
    guard let first = library.sources.first else {
        throw fail("\(file) declares no sources; add a `sources:` list (id, title, path, locators: sentences)")
    }
    let id = requested ?? first.id
    guard let declared = library.source(id) else {
        throw fail("\(file) declares no source '\(id)'; declared: \(library.sources.map(\.id).joined(separator: ", "))")
    }
    guard let text = library.texts[id] else {
        if let why = library.unreadable[id] {
            // The reader's warning, as an error: the command cannot run without the text.
            let message = "source '\(id)': \(why)"
            throw fail([declared.location.map { .located(Diagnostic(message, at: $0).description) } ?? .plain(message)])
        }
        throw fail("source '\(id)' declares no path to its text" + (declared.location.map { " (\($0))" } ?? ""))
    }
    return (id, text)
}
