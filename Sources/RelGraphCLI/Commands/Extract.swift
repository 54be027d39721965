import ArgumentParser
import Foundation
import GraphFormats
import GraphModel
import SourceTexts
import TextExtraction

/// `relgraph extract TEXT... -o candidates.yaml`: candidate entities and ties from plain text.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose entities and typed ties found in plain-text files, each with the sentence it came from.",
        discussion: """
            Sentences are numbered by relgraph's one sentence rule (`s. N`, as graph sources cite them). \
            Names of --known entities are found by every alias (case and accents ignored) and keep their \
            ids; other names come from capitalised spans, titles, organisation words and place cues. Ties \
            come from cue phrases in the active and passive voice; negated statements give none and \
            hedges lower the confidence. Every candidate has `accepted: false`: set it to true on those \
            to keep, then run `relgraph merge`. The rules are English-only and make mistakes: review.
            """
    )

    @Argument(help: "The plain-text files (UTF-8).")
    var texts: [String]

    @Option(name: .shortAndLong, help: "The candidates file to write (.yaml, .yml or .json).")
    var output: String?

    @Option(help: ArgumentHelp("A graph whose entities are recognised by name and alias and keep their ids.", valueName: "GRAPH"))
    var known: String?

    @Option(help: ArgumentHelp("Also write a review sheet, sentence by sentence with tick boxes (.md or .html).", valueName: "FILE"))
    var review: String?

    @Option(help: ArgumentHelp("Score the candidates against a reference graph and print the table.", valueName: "GRAPH"))
    var scoreAgainst: String?

    func validate() throws {
        if texts.isEmpty { throw ValidationError("name at least one text file") }
        if output == nil && review == nil && scoreAgainst == nil {
            throw ValidationError("name an output with -o (or --review or --score-against)")
        }
        if let output {
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard ["yaml", "yml", "json"].contains(ext) else {
                throw ValidationError("-o '\(output)': write a relgraph file ending in .yaml, .yml or .json")
            }
        }
        if let review {
            let ext = URL(fileURLWithPath: review).pathExtension.lowercased()
            guard ["md", "markdown", "html", "htm"].contains(ext) else {
                throw ValidationError("--review '\(review)': write a sheet ending in .md or .html")
            }
        }
    }

    func run() throws {
        try guarded {
            let sources = try texts.map { path throws -> SourceText in
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw fail("'\(path)' is a directory, not a text file")
                }
                return try SourceText(contentsOf: path)
            }
            let knownGraph = try known.map { try loadGraph($0) }
            let result: ExtractionResult
            do {
                result = try TextExtractor.extract(sources, known: knownGraph)
            } catch {
                throw fail("\(error)")
            }
            // Write everything only once every input has been read and checked.
            var writes: [(String, String)] = []
            if let output {
                let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
                writes.append((output, try GraphFile.write(result.graph, format: ext == "json" ? .json : .yaml)))
            }
            if let review {
                let ext = URL(fileURLWithPath: review).pathExtension.lowercased()
                writes.append((review, ReviewSheet.render(result, format: ext.hasPrefix("htm") ? .html : .markdown)))
            }
            let inputs = texts + [known, scoreAgainst].compactMap { $0 }
            for (path, _) in writes where pathNamesAnInput(path, inputs) {
                throw fail("'\(path)' is one of the inputs; choose another output")
            }
            for (path, text) in writes { try AtomicWrite.write(text, to: path) }
            let people = result.graph.entities.filter { $0.kind == "person" }.count
            let sentences = Set(result.ties.flatMap(\.sentences)).count
            note("\(result.graph.entities.count) entities (\(people) people), \(result.ties.count) candidate ties from "
                + "\(sentences) sentences; \(result.negatedCues) negated or hedged-away cues skipped"
                + (output.map { "; wrote \($0)" } ?? "") + (review.map { "; review sheet \($0)" } ?? ""))
            if let scoreAgainst {
                let reference = try loadGraph(scoreAgainst)
                let score = ExtractionScore(extracted: result.graph, reference: reference)
                print("Scored against \(scoreAgainst) (\(reference.entities.count) entities, \(reference.relations.count) relations):\n")
                print(score.table)
            }
        }
    }
}

/// `relgraph merge candidates.yaml --into GRAPH -o OUT`: adds the accepted candidates.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the accepted candidates of `relgraph extract` to a graph, never duplicating a tie.",
        discussion: """
            A candidate is accepted when its attributes say `accepted: true` (or with --all). Entities are \
            matched by id, then by name and alias (case and accents ignored); a tie the graph already has \
            is reported and not added again. Exit status 1 when any accepted tie or entity could not be merged.
            """
    )

    @Argument(help: "The candidates file written by `relgraph extract`.")
    var candidates: String

    @Option(help: ArgumentHelp("The graph to add to.", valueName: "GRAPH"))
    var into: String

    @Option(name: .shortAndLong, help: "The merged graph to write (.yaml, .yml or .json).")
    var output: String

    @Flag(help: "Add every candidate tie, accepted or not.")
    var all = false

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ["yaml", "yml", "json"].contains(ext) else {
            throw ValidationError("-o '\(output)': write a relgraph file ending in .yaml, .yml or .json")
        }
    }

    func run() throws {
        try guarded {
            if pathNamesAnInput(output, [candidates, into]) {
                throw fail("'\(output)' is one of the inputs; write the merged graph to another file")
            }
            let candidateGraph = try loadGraph(candidates)
            let target = try loadGraph(into)
            let report = CandidateMerge.merge(candidateGraph, into: target, all: all)
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            let merged = SourceLibrary.rebasingSources(report.graph, from: into, to: output)
            try AtomicWrite.write(try GraphFile.write(merged, format: ext == "json" ? .json : .yaml), to: output)
            if ["yaml", "yml"].contains(URL(fileURLWithPath: into).pathExtension.lowercased()),
               let text = try? GraphFile.readText(into),
               text.split(separator: "\n").contains(where: { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") }) {
                warn("the comments in \(into) are not in \(output): the merged graph is written anew")
            }
            for r in report.addedRelations {
                print("added \(r.from) \(r.kind) \(r.to)\(r.evidence?.source.map { " (\($0))" } ?? "")")
            }
            for id in report.addedEntities { print("added entity \(id)") }
            for r in report.duplicates { print("already there: \(r.from) \(r.kind) \(r.to)") }
            for s in report.skipped { warn("not merged: \(s.relation.from) \(s.relation.kind) \(s.relation.to): \(s.reason)") }
            for s in report.skippedEntities { warn("not merged: entity \(s.id): \(s.reason)") }
            for u in report.unclearAcceptance {
                warn("\(u.candidate): accepted: '\(u.value)' is neither true nor false; taken as not accepted")
            }
            let notMerged = report.skipped.count + report.skippedEntities.count
            note("wrote \(output): \(report.addedEntities.count) entities and \(report.addedRelations.count) relations added, "
                + "\(report.duplicates.count) already present, \(notMerged) not merged")
            if notMerged > 0 { throw ExitCode(Status.invalidInput) }
        }
    }
}

/// Whether `path` names the same file as one of `inputs` (after resolving `..` and symbolic links).
func pathNamesAnInput(_ path: String, _ inputs: [String]) -> Bool {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    return inputs.contains { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path == target }
}
