import ArgumentParser
import Foundation
import GraphFormats
import GraphModel

/// The graph file every analysis command reads, and an optional time slice.
struct GraphInput: ParsableArguments {
    @Argument(help: "The graph file (YAML, JSON, DOT, GraphML, GEXF, node-link JSON, CSV).")
    var file: String

    @Option(name: .customLong("from"), help: "Read FILE as this format instead of guessing from its extension.")
    var inputFormat: String?

    @OptionGroup var time: TimeOptions

    @Flag(help: "No progress lines on standard error (they are only drawn on a terminal anyway).")
    var quiet = false

    /// Loads the file and applies the time slice.
    func load() throws -> Graph {
        try time.apply(to: loadUnsliced())
    }

    /// ``loadUnsliced()`` with the direction the file declares.
    func loadUnslicedWithDirection() throws -> LoadedInput {
        _ = try time.period()
        Progress.quiet = Progress.quiet || quiet
        return try Progress.step("reading \(file)") { try loadInput(file, format: inputFormat) }
    }

    /// ``load()`` with the direction the file declares (see ``LoadedInput/directed``).
    func loadWithDirection() throws -> LoadedInput {
        _ = try time.period()
        Progress.quiet = Progress.quiet || quiet
        var input = try Progress.step("reading \(file)") { try loadInput(file, format: inputFormat) }
        input.graph = try time.apply(to: input.graph)
        return input
    }

    /// Loads the file as it is (for commands that apply the time slice themselves).
    func loadUnsliced() throws -> Graph {
        _ = try time.period()  // a bad --at fails before the file is read
        Progress.quiet = Progress.quiet || quiet
        return try Progress.step("reading \(file)") { try loadGraph(file, format: inputFormat) }
    }
}

/// `--at DATE` / `--between FROM,TO`: keep only the relations that held then.
struct TimeOptions: ParsableArguments {
    // .unconditional: a year before the common era (-0044) is a value, not an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Only ties that held at DATE (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var at: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Only ties that held at some time between two dates.", valueName: "FROM,TO"))
    var between: String?

    @Flag(help: "With --at/--between, also drop relations that carry no date (kept by default).")
    var datedOnly = false

    /// The period asked for, if any.
    func period() throws -> DateSpan? { try datePeriod(at: at, between: between) }

    /// How the period was written on the command line: `--at 1937`.
    var flagText: String? {
        if let at { return "--at \(at)" }
        if let between { return "--between \(between)" }
        return nil
    }

    func validate() throws { _ = try period() }

    func apply(to graph: Graph) throws -> Graph {
        guard let span = try period() else { return graph }
        let keepUndated = !datedOnly
        return graph.filtered(relations: { $0.holds(during: span, keepUndated: keepUndated) })
    }
}

/// The span named by `--at DATE` or `--between FROM,TO`, if either is given.
func datePeriod(at: String?, between: String?) throws -> DateSpan? {
    if at != nil && between != nil { throw ValidationError("give --at or --between, not both") }
    if let at {
        guard let d = PartialDate(at) else { throw ValidationError("--at '\(at)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        return DateSpan(d)
    }
    if let between {
        let parts = between.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let a = PartialDate(parts[0]), let b = PartialDate(parts[1]) else {
            throw ValidationError("--between '\(between)' must be two dates separated by a comma, e.g. 1929,1940")
        }
        guard a.earliestDay <= b.latestDay else { throw ValidationError("--between '\(between)': the first date is after the second") }
        return DateSpan(from: a, to: b)
    }
    return nil
}

/// How a command prints its result.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Splits comma-separated option values: `--kinds killed,agent_of --kinds ally_of`.
func commaList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
}

/// Checks that every relation kind named on the command line exists in the schema.
func checkRelationKinds(_ names: [String], in schema: Schema, flag: String) throws {
    for n in names where schema.relationKind(n) == nil {
        throw ValidationError("\(flag) '\(n)' is not a relation kind; known: \(schema.relationKinds.map(\.name).joined(separator: ", "))")
    }
}

/// Checks that every entity kind named on the command line exists in the schema.
func checkEntityKinds(_ names: [String], in schema: Schema, flag: String) throws {
    for n in names where schema.entityKind(n) == nil {
        throw ValidationError("\(flag) '\(n)' is not an entity kind; known: \(schema.entityKinds.map(\.name).joined(separator: ", "))")
    }
}

/// Writes text to `-o PATH` atomically, or to standard output.
func emit(_ text: String, to path: String?) throws {
    if let path {
        try AtomicWrite.write(text, to: path)
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
