import ArgumentParser
import Foundation
import GraphFormats
import GraphModel
import SourceTexts

/// `relgraph check FILE...`: are the graphs valid against their schemas?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check graph files against their schema; list every problem as file:line:column.",
        discussion: """
            Besides the schema, check reads the texts a file declares under `sources:` and \
            reports every `s. N` that names no sentence (an error); it warns about evidence \
            that repeats eight or more consecutive words of its source, and about time and \
            identity: a tie dated or spanning before an endpoint's birth or founding or after \
            its death or dissolution; two ties between the same pair whose kinds contradict \
            (schema `contradictions`, e.g. ally_of against opposed) at overlapping times; \
            likely duplicate entities (near-identical names or aliases across two ids).
            Exit status 0 when every file is valid (warnings allowed unless --strict), 1 otherwise.
            """
    )

    @Argument(help: "The graph files.")
    var files: [String]

    @Option(name: .customLong("from"), help: "Read the files as this format instead of guessing from their extensions.")
    var inputFormat: String?

    @Flag(help: "Treat warnings as errors (exit status 1 when there is any).")
    var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one graph file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                try guarded {
                    let graph = try loadGraph(file, format: inputFormat)
                    let (errors, warnings) = checkProblems(graph, file: file)
                    warnings.forEach(report)
                    if !errors.isEmpty {
                        let n = errors.count
                        throw fail([.plain("\(file): \(n == 1 ? "1 citation names" : "\(n) citations name") no sentence of the declared source:")]
                            + errors.map { .diagnostic($0) })
                    }
                    let format = try RelGraphCLI.inputFormat(file, inputFormat)
                    if format == .yaml || format == .json {
                        try Self.checkIDs(graph, file: file)
                    }
                    let counts = "\(graph.entities.count) entities, \(graph.relations.count) relations, "
                        + "\(Set(graph.entities.map(\.kind)).count) entity kinds, \(Set(graph.relations.map(\.kind)).count) relation kinds"
                    let w = warnings.count
                    let warned = w == 0 ? "" : " (\(w) warning\(w == 1 ? "" : "s"))"
                    if strict && w > 0 {
                        throw fail("\(file): \(w) warning\(w == 1 ? "" : "s"), which --strict makes errors")
                    }
                    print("\(file): valid — \(counts)\(warned)")
                }
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode(Status.invalidInput) }
    }

    /// A relgraph file's ids are snake_case, as its format says (Graphs/README.md):
    /// lower-case letters and digits in words joined by single underscores.
    /// Foreign formats keep their own ids (`n0`, `Leon Trotsky`) and are not held to it.
    /// - Complexity: O(V) for V entities.
    static func checkIDs(_ graph: Graph, file: String) throws {
        let bad = graph.entities.filter { !isSnakeCase($0.id) }
        guard !bad.isEmpty else { return }
        let lines = bad.map { e in
            let place = e.location.map { "\($0)" } ?? file
            return ReportLine.located("\(place): error: id '\(e.id)' is not snake_case (lower-case letters and digits joined by single underscores, e.g. leon_sedov)")
        }
        throw fail(lines)
    }

    /// Whether `id` matches `^[a-z0-9]+(_[a-z0-9]+)*$`: lower-case ASCII letters and
    /// digits, joined by single underscores (checked byte by byte: no regex per id).
    static func isSnakeCase(_ id: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "_")
        for b in id.utf8 {
            let alphanumeric = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            guard alphanumeric || (b == UInt8(ascii: "_") && previous != UInt8(ascii: "_")) else { return false }
            previous = b
        }
        return previous != UInt8(ascii: "_")
    }
}

/// What `check` reports beyond the schema: citations that name no sentence of a declared
/// source (errors), and the source, copied-evidence, temporal and duplicate warnings.
/// `report` lists the same warnings in its data-quality section.
func checkProblems(_ graph: Graph, file: String) -> (errors: [Diagnostic], warnings: [Diagnostic]) {
    let library = SourceLibrary(graph: graph, graphFile: file)
    let warnings = library.problems + library.copiedEvidence(in: graph)
        + graph.temporalWarnings() + graph.duplicateWarnings()
    return (library.citationProblems(in: graph), warnings)
}
