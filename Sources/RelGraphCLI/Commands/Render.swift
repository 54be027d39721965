import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphDrawing
import GraphFormats
import GraphModel
import GraphvizRendering

extension LayoutEngine: ExpressibleByArgument {}
extension Grouping: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

enum ColorBy: String, ExpressibleByArgument, CaseIterable { case kind, community, component }

/// Twelve fills that stay distinct side by side and keep black text readable.
let palette = Overview.palette
let otherColor = Overview.otherColor

/// `relgraph render FILE -o out.svg`: a diagram drawn in process by Graphviz.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the graph with Graphviz (libgvc, in a child process under a time limit) as SVG, PNG or PDF.",
        discussion: """
            The format comes from the output's extension (.svg, .png, .pdf).

            Above \(grouped(Render.defaultOverviewEntities)) entities or \(grouped(5 * Render.defaultOverviewEntities)) \
            relations (--overview-above), the diagram is an overview: one node per Louvain community \
            (or component, --group-by), named after its most-tied member and sized by its members, \
            lines weighted by the ties between groups. --full draws every entity; --community N or \
            --focus NAME draws one part.

            Without --engine, dot draws graphs up to 40 entities and neato up to 400; larger ones \
            are laid out by relgraph itself (a multilevel force-directed layout with Barnes-Hut \
            repulsion) and drawn by Graphviz from those pinned positions: names for the \
            \(Render.labelCount) most-tied entities, the rest as tooltips, no overlapping nodes, \
            straight edges. With --engine, Graphviz lays the graph out itself. Edges are routed \
            around nodes up to \(Render.splineLimit) entities and drawn straight beyond.

            Every Graphviz job runs in a child process with a time limit (--timeout, default \
            \(Int(Render.defaultTimeout)) s); when it runs over, relgraph stops it, writes nothing \
            and exits with status \(Status.timedOut). A drawing that would be absurdly large \
            (over \(Render.maxOutputBytes / 1_000_000) MB) is refused with status \(Status.refused).

            --series FROM:TO:STEP -o DIR/ draws one frame per date (years; each like --at), \
            every entity at the same place in every frame, and one PDF with every frame.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: .shortAndLong, help: "The diagram file: .svg, .png or .pdf.")
    var output: String

    @Option(help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")).")
    var engine: LayoutEngine?

    @Option(help: ArgumentHelp("Draw only this entity's neighbourhood (see --radius).", valueName: "NAME"))
    var focus: String?

    @Option(parsing: .unconditional, help: "With --focus: how many hops around the entity.")
    var radius: Int = 1

    @Option(help: ArgumentHelp("Highlight the shortest path between two entities.", valueName: "A,B"))
    var highlightPath: String?

    @OptionGroup(title: "Constraints for --highlight-path") var pathOptions: PathOptions

    @Option(help: "Fill colour by: kind (the schema's colours), community (Louvain) or component.")
    var colorBy: ColorBy = .kind

    @Option(help: ArgumentHelp("Node size by a centrality: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "MEASURE"))
    var sizeBy: Measure?

    @Option(parsing: .unconditional, help: "Seed for --color-by community.")
    var seed: UInt64 = 0

    @Flag(help: "Leave out the legend.")
    var noLegend = false

    @Flag(help: "Draw every entity, even above the overview threshold.")
    var full = false

    @Option(help: "Overview groups: community (Louvain) or component.")
    var groupBy: Grouping = .community

    @Option(parsing: .unconditional, help: ArgumentHelp("Draw only group N of the overview (1 = the largest; see --group-by).", valueName: "N"))
    var community: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Draw an overview above N entities or 5×N relations.", valueName: "N"))
    var overviewAbove: Int = Render.defaultOverviewEntities

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop the layout after this many seconds (0: no limit).", valueName: "SECONDS"))
    var timeout: Double = Render.defaultTimeout

    @Option(help: ArgumentHelp("One frame per date from FROM to TO every STEP years (-o names a directory).", valueName: "FROM:TO:STEP"))
    var series: String?

    @Option(help: "With --series: the frames' format (svg, png or pdf).")
    var format: OutputFormat = .svg

    /// Default of --overview-above.
    static let defaultOverviewEntities = 2_000
    /// Default of --timeout, in seconds.
    static let defaultTimeout = 60.0
    /// Entities named in a drawing laid out by relgraph.
    static let labelCount = 150
    /// Drawings estimated larger than this are refused.
    static let maxOutputBytes = 200_000_000

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
        try validateTimeout(timeout)
        if overviewAbove < 1 { throw ValidationError("--overview-above must be 1 or more") }
        if let community, community < 1 { throw ValidationError("--community must be 1 or more") }
        if let series {
            _ = try SeriesSpec(series)
            if OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) != nil {
                throw ValidationError("with --series, -o names a directory for the frames (e.g. -o frames/), not '\(output)'; --format sets their format")
            }
            if input.time.at != nil || input.time.between != nil { throw ValidationError("--series replaces --at and --between; give one or the other") }
            return
        }
        if format != .svg {
            throw ValidationError("--format sets the format of --series frames; without --series the format comes from -o's extension")
        }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        if OutputFormat(rawValue: ext) == nil {
            throw ValidationError("-o '\(output)': the extension must be one of \(OutputFormat.allCases.map { "." + $0.rawValue }.joined(separator: ", "))")
        }
    }

    func run() throws {
        try guarded {
            if let series {
                try runSeries(try SeriesSpec(series))
                return
            }
            let clock = PhaseClock()
            var graph = try input.load()
            clock.lap("load")
            var options = DOTOptions(legend: !noLegend)
            // The path to highlight, found once on the whole (time-sliced) graph; its
            // entities are kept by --focus and --community, and its hops name the same
            // relations on the graph drawn (relation identities survive `filtered`).
            var found: Path?
            var pathEntities: Set<String> = []
            if let highlightPath {
                let names = highlightPath.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard names.count == 2 else { throw ValidationError("--highlight-path takes two names separated by a comma, e.g. mercader,stalin") }
                let pair = (try graph.resolve(names[0]), try graph.resolve(names[1]))
                guard let path = try highlight(pair, in: graph) else {
                    throw fail("no path from \(pair.0.name) to \(pair.1.name) to highlight (try `relgraph path` to see why)", code: Status.noPath)
                }
                pathEntities = Set(path.entities)
                found = path
                options.title = "\(graph.name): \(pair.0.name) → \(pair.1.name)"
            }
            if let focus {
                let center = try graph.resolve(focus)
                let ego = try Neighborhood.ego(in: graph, center: center.id, radius: radius)
                let keep = Set(ego.entities.map(\.id)).union(pathEntities)
                graph = graph.filtered(entities: { keep.contains($0.id) })
                if options.title == nil { options.title = "\(center.name), \(radius) hop\(radius == 1 ? "" : "s") around" }
            }
            if let community {
                let overview = Overview(graph, grouping: groupBy, seed: seed)
                guard community <= overview.groups.count else {
                    throw fail("--community \(community): the graph has \(overview.groups.count) \(groupBy == .community ? "communities" : "components") (1 is the largest)")
                }
                let group = overview.groups[community - 1]
                let keep = Set(group.members).union(pathEntities)
                let lead = graph.entity(group.lead)?.name ?? group.lead
                graph = graph.filtered(entities: { keep.contains($0.id) })
                if options.title == nil { options.title = "\(groupBy == .community ? "Community" : "Component") \(community) of \(input.file): \(lead) and \(group.members.count - 1) more" }
            }
            let format = OutputFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) ?? .svg
            let big = graph.entities.count > overviewAbove || graph.relations.count > 5 * overviewAbove
            let ignored = [colorBy != .kind ? "--color-by" : nil, sizeBy != nil ? "--size-by" : nil,
                           highlightPath != nil ? "--highlight-path" : nil].compactMap { $0 }
            let pinned = engine == nil && Graphviz.recommendedEngine(nodeCount: graph.entities.count, edgeCount: graph.relations.count) == .sfdp
            if !ignored.isEmpty && ((big && !full) || pinned) {
                warn("\(ignored.joined(separator: ", ")) apply only to drawings Graphviz lays out (up to 400 entities, or with --engine); left out here")
            }
            if big && !full {
                try drawOverview(graph, format: format)
                return
            }
            if let found {
                options.highlightedEntities = Set(found.entities)
                options.highlightedRelations = Set(found.hops.map(\.relation))
            }
            if pinned {
                try drawPinned(graph, title: options.title ?? graph.name, format: format, clock: clock)
                return
            }
            try style(&options, graph)
            let chosen = engine ?? Graphviz.recommendedEngine(nodeCount: graph.entities.count, edgeCount: graph.relations.count)
            if Graphviz.mayStall(engine: chosen, nodeCount: graph.entities.count, edgeCount: graph.relations.count) {
                warn("\(chosen.rawValue) may take minutes on \(graph.entities.count) entities; relgraph stops it after \(timeoutText) (--timeout)")
            }
            let estimate = 700 * graph.entities.count + 450 * graph.relations.count
            if estimate > Self.maxOutputBytes {
                throw refuse("every entity drawn by \(chosen.rawValue) would make about \(estimate / 1_000_000) MB of \(format.rawValue)", graph: graph)
            }
            options.engineHints = DOTOptions.hints(forEngine: chosen.rawValue, format: format.rawValue)
            if graph.entities.count > Self.splineLimit {
                // Routing edges around nodes builds a visibility graph that grows
                // with the cube of the node count (minutes at 1,500 entities):
                // large drawings get straight edges.
                options.engineHints["splines"] = nil
            }
            let dot = DOTWriter.write(graph, options: options)
            try renderAndWrite(dot: dot, engine: chosen.rawValue, format: format, to: output)
            note("wrote \(output) (\(format.rawValue), \(chosen.rawValue), \(graph.entities.count) entities, \(graph.relations.count) relations)")
        }
    }

    private var timeoutText: String { timeout == 0 ? "no time limit" : "\(String(format: "%g", timeout)) s" }

    /// Runs Graphviz in a child process under --timeout, with a heartbeat on a
    /// terminal, and writes the bytes atomically. A timeout exits with ``Status/timedOut``.
    func renderAndWrite(dot: String, engine: String, format: OutputFormat, to path: String, clock: PhaseClock = PhaseClock()) throws {
        let rendering = try layoutInChild(dot: dot, engine: engine, format: format)
        clock.lap("Graphviz in the child process")
        for w in rendering.warnings { warn("graphviz: \(w)") }
        try AtomicWrite.write(Data(rendering.data), to: path)
        clock.lap("write")
    }

    func layoutInChild(dot: String, engine: String, format: OutputFormat) throws -> Rendering {
        try layoutInChild(dots: [dot], engine: engine, format: format)[0]
    }

    /// Each DOT text drawn in a child process of its own, all at once, within `--timeout` for the lot.
    func layoutInChild(dots: [String], engine: String, format: OutputFormat) throws -> [Rendering] {
        let child = ChildRenderer(executable: ChildRenderer.currentExecutable, leadingArguments: [RenderChild.configuration.commandName ?? "render-child"])
        let tty = isatty(STDERR_FILENO) == 1
        let what = engine == Graphviz.pinnedEngineName ? "drawing" : "laying out with \(engine)"
        let limit = timeout == 0 ? Double.infinity : timeout
        let limitText = timeoutText
        let beat: (Double) -> Void = { seconds in
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[Krelgraph: \(what)… \(Int(seconds)) s (limit \(limitText))".utf8)) }
        }
        let result: Result<[Rendering], GraphvizError>
        do throws(GraphvizError) {
            result = .success(try child.render(dots: dots, engine: engine, format: format, timeout: limit, heartbeat: beat))
        } catch {
            result = .failure(error)
        }
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch result {
        case .success(let rendering):
            return rendering
        case .failure(.timedOut(let engineName, let seconds)):
            let error = GraphvizError.timedOut(engine: engineName, seconds: seconds)
            var advice = "relgraph: error: \(error.errorDescription ?? "timed out"); nothing was written\n"
            advice += "  try: a larger --timeout; "
            if full { advice += "leaving out --full (an overview); " }
            if engine != Graphviz.pinnedEngineName { advice += "no --engine (relgraph's own layout) or --engine sfdp; " }
            advice += "--focus NAME --radius 1 or --community N for one part"
            FileHandle.standardError.write(Data((advice + "\n").utf8))
            throw ExitCode(Status.timedOut)
        case .failure(let error):
            throw error
        }
    }

    /// An error with the reason a drawing is refused, and what to draw instead.
    func refuse(_ reason: String, graph: Graph) -> ExitCode {
        fail("\(reason); refused (the limit is \(Self.maxOutputBytes / 1_000_000) MB)\n  try: the overview (leave out --full), --community N, or --focus NAME --radius 1", code: Status.refused)
    }

    /// Every entity, laid out by relgraph and drawn by Graphviz from pinned positions.
    func drawPinned(_ graph: Graph, title: String, format: OutputFormat, clock: PhaseClock = PhaseClock()) throws {
        // Refuse before laying out what could never be written (330 bytes a node, 260 an edge at least).
        let floor = 330 * graph.entities.count + 260 * graph.relations.count
        if floor > Self.maxOutputBytes {
            throw refuse("every entity drawn would make over \(floor / 1_000_000) MB of \(format.rawValue)", graph: graph)
        }
        let start = Date()
        let tty = isatty(STDERR_FILENO) == 1
        if tty { FileHandle.standardError.write(Data("relgraph: laying out \(grouped(graph.entities.count)) entities…".utf8)) }
        clock.lap("checks")
        let placement = Drawings.place(graph, options: .init(labelCount: Self.labelCount, seed: seed))
        clock.lap("layout and overlap removal")
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let shown = Drawings.labelledCount(placement)
        let subtitle = "\(grouped(graph.entities.count)) entities, \(grouped(graph.relations.count)) relations"
            + (shown < graph.entities.count ? "; names of the \(shown) most tied shown, the others on hover (SVG)" : "")
        let drawing = Drawings.draw(graph, placement: placement, title: title, subtitle: subtitle)
        if drawing.estimatedSVGBytes > Self.maxOutputBytes {
            throw refuse("every entity drawn would make about \(drawing.estimatedSVGBytes / 1_000_000) MB of \(format.rawValue)", graph: graph)
        }
        clock.lap("drawing model")
        let layoutSeconds = Date().timeIntervalSince(start)
        if format == .svg, let halves = drawing.halves() {
            // Many edges: two Graphviz processes draw half each, at once (see DrawingHalves).
            clock.lap("DOT text (two halves)")
            let renderings = try layoutInChild(dots: [halves.first, halves.second], engine: Graphviz.pinnedEngineName, format: format)
            clock.lap("Graphviz in two child processes")
            for w in renderings.flatMap(\.warnings) { warn("graphviz: \(w)") }
            // Joined straight into the output file (atomically): checked first, then written in chunks.
            let target = output
            try TextSink.writeFile(target) { (sink: TextSink) throws(GraphFormatsError) in
                do throws(DrawingHalves.JoinError) { try halves.join(renderings[0].data, renderings[1].data, into: sink) } catch {
                    throw GraphFormatsError.io(path: target, "the two halves of the drawing could not be joined: \(error)")
                }
            }
            clock.lap("join and write")
        } else {
            let dot = drawing.dot(maxInches: format == .png ? 30 : nil)
            clock.lap("DOT text")
            try renderAndWrite(dot: dot, engine: Graphviz.pinnedEngineName, format: format, to: output, clock: clock)
        }
        note("wrote \(output) (\(format.rawValue), relgraph layout in \(String(format: "%.1f", layoutSeconds)) s, \(graph.entities.count) entities, \(graph.relations.count) relations)")
    }

    /// One node per group; says on stderr that it is an overview and how to see more.
    func drawOverview(_ graph: Graph, format: OutputFormat) throws {
        let n = graph.entities.count, m = graph.relations.count
        guard let overview = Overview.best(graph, grouping: groupBy, seed: seed) else {
            let density = n > 1 ? 2 * Double(m) / (Double(n) * Double(n - 1)) : 0
            throw fail("""
                \(grouped(n)) entities and \(grouped(m)) relations form one group (one component, one Louvain community; \
                density \(String(format: "%.3f", density))): an overview would be a single node, and every entity \
                drawn would make about \((700 * n + 450 * m) / 1_000_000) MB of \(format.rawValue); refused
                  try: --focus NAME --radius 1 for one entity's ties, or --full with a filter (--at, --between)
                """, code: Status.refused)
        }
        let drawing = overview.drawing(graph, title: graph.name, palette: palette, otherColor: otherColor, seed: seed)
        try renderAndWrite(dot: drawing.dot(maxInches: format == .png ? 40 : nil), engine: Graphviz.pinnedEngineName, format: format, to: output)
        let noun = overview.grouping == .community ? "communities" : "components"
        let shown = drawing.nodes.count
        FileHandle.standardError.write(Data("""
            relgraph: \(grouped(n)) entities and \(grouped(m)) relations is above the overview threshold (\(grouped(overviewAbove)) entities or \(grouped(5 * overviewAbove)) relations):
              drew an overview, one node per group: \(shown) of \(overview.groups.count) \(noun), each named after its most-tied member
              more: --full for every entity, --community N for group N (1 = \(graph.entity(overview.groups[0].lead)?.name ?? overview.groups[0].lead), \(grouped(overview.groups[0].members.count)) entities), --focus NAME for one entity's ties

            """.utf8))
        note("wrote \(output) (\(format.rawValue), overview of \(shown) \(noun))")
    }
}

/// Wall time of each phase of a command on stderr, when the environment
/// variable `RELGRAPH_TIMINGS` is set (for the render benchmark's breakdown).
final class PhaseClock {
    private let on = ProcessInfo.processInfo.environment["RELGRAPH_TIMINGS"] != nil
    private var last = Date()

    /// Prints the time since the previous lap (or the clock's start) under `name`.
    func lap(_ name: String) {
        guard on else { return }
        let now = Date()
        FileHandle.standardError.write(Data("relgraph: time: \(name) \(String(format: "%.3f", now.timeIntervalSince(last))) s\n".utf8))
        last = now
    }
}
