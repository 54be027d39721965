import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphFormats
import GraphModel
import GraphvizRendering

extension LayoutEngine: ExpressibleByArgument {}

enum ColorBy: String, ExpressibleByArgument, CaseIterable { case kind, community, component }

/// Twelve fills that stay distinct side by side and keep black text readable.
let palette = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
               "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"]
let otherColor = "#f5f5f5"

/// `relgraph render FILE -o out.svg`: a diagram drawn in process by Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph with Graphviz (in process, through libgvc) as SVG, PNG or PDF.",
        discussion: """
            The format comes from the output's extension (.svg, .png, .pdf). Without --engine, \
            dot draws graphs up to 40 entities, neato up to 400 and sfdp larger ones (dot \
            can take minutes on large tangled graphs). Edges are routed around nodes up to \
            \(Render.splineLimit) entities and drawn straight beyond, where routing would \
            take minutes.
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

    @Option(help: "Fill colour by: kind (the schema's colours), community (Louvain) or component.")
    var colorBy: ColorBy = .kind

    @Option(help: ArgumentHelp("Node size by a centrality: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "MEASURE"))
    var sizeBy: Measure?

    @Option(help: "Seed for --color-by community.")
    var seed: UInt64 = 0

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    /// Above this many entities edges are drawn straight (see `run`).
    static let splineLimit = 120

    /// Colours and sizes from the analyses, with their legends.
    private func style(_ options: inout DOTOptions, _ graph: Graph) throws {
        switch colorBy {
        case .kind: break
        case .community, .component:
            let partition = colorBy == .community
                ? Communities.louvain(in: graph, seed: seed) : Components.connected(in: graph)
            let shown = min(partition.count, palette.count)
            for (i, group) in partition.groups.enumerated() {
                let color = i < shown ? palette[i] : otherColor
                for id in group { options.fillOverride[id] = color }
            }
            let noun = colorBy == .community ? "community" : "component"
            // Each group is named after its most-tied member.
            let degree = Centrality.degree(in: graph).byID
            options.colorLegend = (0..<shown).map { i in
                let g = partition.groups[i]
                let lead = g.max { a, b in (degree[a] ?? 0, b) < (degree[b] ?? 0, a) }.flatMap { graph.entity($0)?.name } ?? ""
                return (label: "\(noun) \(i + 1): \(lead) and \(g.count - 1) more", color: palette[i])
            }
            if partition.count > shown { options.colorLegend.append((label: "\(partition.count - shown) smaller \(noun)s", color: otherColor)) }
            options.colorLegendTitle = colorBy == .community
                ? "Colour: Louvain community (modularity \(String(format: "%.3f", partition.modularity ?? 0)))"
                : "Colour: connected component"
        }
        if let sizeBy {
            let scores = sizeBy.scores(graph, directed: sizeBy == .inDegree || sizeBy == .outDegree, weighted: false)
            let top = scores.values.max() ?? 0
            for (id, v) in zip(scores.ids, scores.values) { options.sizes[id] = top > 0 ? v / top : 0 }
            options.sizeLegendTitle = "Size: \(sizeBy.title), largest \(String(format: "%.3g", top))"
        }
    }

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
                let ego = try Neighborhood.ego(in: graph, center: center.id, radius: radius)
                let keep = Set(ego.entities.map(\.id)).union(pathEntities)
                graph = graph.filtered(entities: { keep.contains($0.id) })
                if options.title == nil { options.title = "\(center.name), \(radius) hop\(radius == 1 ? "" : "s") around" }
            }
            // Relation indices are those of the graph drawn: find the path again on it.
            if let ends, let path = try highlight(ends, in: graph) {
                options.highlightedEntities = Set(path.entities)
                options.highlightedRelations = Set(path.hops.map(\.relationIndex))
            }
            try style(&options, graph)
            let format = OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) ?? .svg
            let chosen = engine ?? Graphviz.recommendedEngine(nodeCount: graph.entities.count, edgeCount: graph.relations.count)
            if Graphviz.mayStall(engine: chosen, nodeCount: graph.entities.count, edgeCount: graph.relations.count) {
                warn("\(chosen.rawValue) may take minutes on \(graph.entities.count) entities; --engine sfdp is much faster")
            }
            options.engineHints = DOTOptions.hints(forEngine: chosen.rawValue, format: format.rawValue)
            if graph.entities.count > Self.splineLimit {
                // Routing edges around nodes builds a visibility graph that grows
                // with the cube of the node count (minutes at 1,500 entities):
                // large drawings get straight edges.
                options.engineHints["splines"] = nil
            }
            let dot = DOTWriter.write(graph, options: options)
            let rendering = try Graphviz.render(dot: dot, engine: chosen, format: format, fileName: input.file)
            for w in rendering.warnings { warn("graphviz: \(w)") }
            try AtomicWrite.write(Data(rendering.data), to: output)
            note("wrote \(output) (\(format.rawValue), \(chosen.rawValue), \(graph.entities.count) entities, \(graph.relations.count) relations)")
        }
    }
}
