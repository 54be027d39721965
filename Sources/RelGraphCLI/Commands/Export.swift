import ArgumentParser
import Foundation
import GraphFormats
import GraphModel
import SourceTexts

/// `--format` of `export` and `ego`: the formats relgraph writes
/// (``GraphFormat/writable``, in that order), by their exact names.
extension GraphFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let f = GraphFormat(rawValue: argument), f.canWrite else { return nil }
        self = f
    }

    public static var allValueStrings: [String] { writable.map(\.rawValue) }

    public static var allValueDescriptions: [String: String] { [:] }
}

extension CypherDialect: ExpressibleByArgument {}

/// `relgraph export FILE --format F [-o OUT]`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph in another tool's format (deterministic; files are written atomically).",
        discussion: """
            dot       Graphviz DOT styled by the schema, with a legend
            yaml/json relgraph's own files (lossless)
            graphml   GraphML with declared keys (Gephi, yEd, Cytoscape, NetworkX read_graphml)
            gexf      GEXF 1.3 for Gephi; dated relations become time spells for the timeline
            node-link NetworkX/D3 node-link JSON
            csv       two files, OUT.entities.csv and OUT.relations.csv (needs -o)
            cypher    MERGE statements: a label per entity kind, a type per relation kind;
                      --dialect neo4j (default) or opencypher (FalkorDB, Memgraph);
                      --batch N writes UNWIND batches of N rows for big graphs
            mermaid   a Mermaid flowchart for Markdown pages
            relgraph warns on standard error about anything the format cannot carry.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(help: "Output format: \(GraphFormat.allValueStrings.joined(separator: ", ")).")
    var format: GraphFormat

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "DOT only: leave out the legend.")
    var noLegend = false

    @Option(help: "Cypher only: neo4j (default; Neo4j 5 constraints) or opencypher (FalkorDB, Memgraph: an index, no constraint).")
    var dialect: CypherDialect = .neo4j

    @Option(parsing: .unconditional, help: ArgumentHelp("Cypher only: the bulk form for big graphs, UNWIND batches of N rows (e.g. 5000).", valueName: "N"))
    var batch: Int?

    func validate() throws {
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1") }
        if format != .cypher && (batch != nil || dialect != .neo4j) {
            throw ValidationError("--dialect and --batch apply to --format cypher only")
        }
    }

    func run() throws {
        try guarded {
            try refuseOverwritingInput(output.map { format == .csv ? csvPaths($0) : [$0] } ?? [], input: input.file)
            let graph = try input.load()
            try Progress.step("writing \(format.rawValue)\(output.map { " to " + $0 } ?? "")") {
                try export(graph, format: format, to: output, from: input.file, legend: !noLegend, dialect: dialect, batch: batch)
            }
        }
    }
}

/// Writes `graph` as `format` to `path` (atomically) or standard output, warning
/// about every field the format drops. `dialect` and `batch` apply to Cypher.
func export(
    _ graph: Graph, format: GraphFormat, to path: String?, from input: String? = nil, legend: Bool = true,
    dialect: CypherDialect = .neo4j, batch: Int? = nil
) throws {
    // A relgraph file written to another folder keeps its sources' relative paths working.
    var graph = graph
    if let input, let path, path != AtomicWrite.standardOutputPath, input != "-", format == .yaml || format == .json {
        graph = SourceLibrary.rebasingSources(graph, from: input, to: path)
    }
    if format == .csv && path == nil {
        throw ValidationError("--format csv writes two files: give -o BASE (BASE.entities.csv, BASE.relations.csv)")
    }
    // The fields dropped, as values (never recovered from a message's text).
    let lost = format.droppedFields(writing: graph).map(\.rawValue)
    if !lost.isEmpty {
        warn("\(format.rawValue) cannot carry \(lost.joined(separator: "; ")) — left out")
    }
    // Every writer streams its text in chunks to the file (atomically) or to
    // standard output (`-`): no whole document is held as one String. GraphML and
    // GEXF may refuse a name part-way through, so on standard output (which cannot
    // be taken back) they are written whole once nothing was refused.
    let target = path ?? AtomicWrite.standardOutputPath
    let toStandardOutput = target == AtomicWrite.standardOutputPath
    switch format {
    case .graphml where toStandardOutput: try emit(try GraphMLWriter.write(graph), to: nil)
    case .gexf where toStandardOutput: try emit(try GEXFWriter.write(graph), to: nil)
    case .dot: try DOTWriter.write(graph, options: DOTOptions(legend: legend), toFile: target)
    case .yaml: try YAMLGraphWriter.write(graph, toFile: target)
    case .json: try RelgraphJSON.write(graph, toFile: target)
    case .graphml: try GraphMLWriter.write(graph, toFile: target)
    case .gexf: try GEXFWriter.write(graph, toFile: target)
    case .nodeLink: try NodeLinkWriter.write(graph, toFile: target)
    case .cypher: try CypherWriter.write(graph, dialect: dialect, batchSize: batch, toFile: target)
    case .mermaid: try MermaidWriter.write(graph, toFile: target)
    case .csv:
        guard let path else { return }
        let paths = GraphFile.csvPairPaths(writing: path)
        try GraphFile.save(graph, to: path, format: .csv)
        note("wrote \(paths.entities) and \(paths.relations)")
        return
    case .fixtureCSV:
        throw ValidationError("fixture-csv is read, not written; use --format csv")
    }
    if let path, path != AtomicWrite.standardOutputPath { note("wrote \(path)") }
}

/// A line of progress on standard error (standard output stays clean for pipes).
func note(_ message: String) {
    FileHandle.standardError.write(Data((TextPolicy.messageSafe(message) + "\n").utf8))
}

/// The two files `--format csv -o PATH` writes (``GraphFile/csvPairPaths(writing:)``).
func csvPaths(_ path: String) -> [String] {
    let paths = GraphFile.csvPairPaths(writing: path)
    return [paths.entities, paths.relations]
}

/// Refuses an output path that is the input file (however it is spelt): the
/// export would replace the source (and a YAML round trip drops its comments).
func refuseOverwritingInput(_ outputs: [String], input: String) throws {
    for out in outputs where AtomicWrite.sameFile(out, input) {
        throw ValidationError("-o \(out) is the input file \(input): refusing to replace it; write to another path")
    }
}
