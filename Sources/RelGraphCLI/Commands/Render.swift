import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphFormats
import GraphModel
import GraphvizRendering

extension LayoutEngine: ExpressibleByArgument {}

/// `relgraph render FILE -o out.svg`: a diagram drawn in process by Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph with Graphviz (in process, through libgvc) as SVG, PNG or PDF.",
        discussion: """
            The format comes from the output's extension (.svg, .png, .pdf). Without --engine, \
            dot draws graphs up to \(Graphviz.dotNodeLimit) entities and sfdp larger ones \
            (dot can take minutes beyond that).
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: .shortAndLong, help: "The diagram file: .svg, .png or .pdf.")
    var output: String

    @Option(help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
    var engine: LayoutEngine?

    @Option(help: ArgumentHelp("Draw only this entity's neighbourhood (see --radius).", valueName: "NAME"))
    var focus: String?

    @Option(help: "With --focus: how many hops around the entity.")
    var radius: Int = 1

    @Option(help: ArgumentHelp("Highlight the shortest path between two entities.", valueName: "A,B"))
    var highlightPath: String?

    @OptionGroup(title: "Constraints for --highlight-path") var pathOptions: PathOptions

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    private func highlight(_ ends: (Entity, Entity), in graph: Graph) throws -> Path? {
        try ShortestPaths.shortestPath(
            in: graph, from: ends.0.id, to: ends.1.id,
            constraints: pathOptions.constraints(for: graph))
    }

    func validate() throws {
        if radius < 0 { throw ValidationError("--radius must be 0 or more") }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if OutputFormat(rawValue: ext) == nil {
            throw ValidationError("-o '\(output)': the extension must be one of \(OutputFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", "))")
        }
    }

    func run() throws {
        try guarded {
            var graph = try input.load()
            var options = DOTOptions(legend: !noLegend)
            // The path to highlight, found on the whole (time-sliced) graph.
            var ends: (Entity, Entity)?
            var pathEntities: Set<String> = []
            if let highlightPath {
                let names = highlightPath.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard names.count == 2 else { throw ValidationError("--highlight-path takes two names separated by a comma, e.g. mercader,stalin") }
                let pair = (try graph.resolve(names[0]), try graph.resolve(names[1]))
                ends = pair
                guard let path = try highlight(pair, in: graph) else {
                    throw fail("no path from \(pair.0.name) to \(pair.1.name) to highlight (try `relgraph path` to see why)", code: Status.noPath)
                }
                pathEntities = Set(path.entities)
                options.title = "\(graph.name): \(pair.0.name) → \(pair.1.name)"
            }
            if let focus {
                let center = try graph.resolve(focus)
                let ball = Set(try ShortestPaths.distances(in: graph, from: center.id, constraints: PathConstraints(maxHops: max(radius, 1))).filter { $0.value <= Double(radius) }.keys).union([center.id])
                let keep = ball.union(pathEntities)
                graph = graph.filtered(entities: { keep.contains($0.id) })
                if options.title == nil { options.title = "\(center.name), \(radius) hop\(radius == 1 ? "" : "s") around" }
            }
            // Relation indices are those of the graph drawn: find the path again on it.
            if let ends, let path = try highlight(ends, in: graph) {
                options.highlightedEntities = Set(path.entities)
                options.highlightedRelations = Set(path.hops.map(\.relationIndex))
            }
            let format = OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) ?? .svg
            let chosen = engine ?? Graphviz.recommendedEngine(nodeCount: graph.entities.count, edgeCount: graph.relations.count)
            if chosen == .dot && graph.entities.count > Graphviz.dotNodeLimit {
                warn("dot may take minutes on \(graph.entities.count) entities; --engine sfdp is much faster")
            }
            options.engineHints = DOTOptions.hints(forEngine: chosen.rawValue)
            let dot = DOTWriter.write(graph, options: options)
            let rendering = try Graphviz.render(dot: dot, engine: chosen, format: format, fileName: input.file)
            for w in rendering.warnings { warn("graphviz: \(w)") }
            try AtomicWrite.write(Data(rendering.data), to: output)
            note("wrote \(output) (\(format.rawValue), \(chosen.rawValue), \(graph.entities.count) entities, \(graph.relations.count) relations)")
        }
    }
}
