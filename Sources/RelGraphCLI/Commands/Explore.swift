import ArgumentParser
import Foundation
import GraphDrawing
import GraphFormats
import GraphModel
import GraphPages
import GraphvizRendering

/// `relgraph explore FILE -o graph.html`: one offline page to explore the graph.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page to explore the graph offline.",
        discussion: """
            The page opens from file:// with no network: the diagram drawn by Graphviz \
            (pan and zoom with the wheel, drag, the buttons or the keyboard), search over \
            names, aliases and ids, a card per entity with every tie read as a sentence with \
            its evidence, a path finder, a year control and filters by kind.

            Above \(grouped(Diagrams.explorerEntityLimit)) entities or \(grouped(5 * Diagrams.explorerEntityLimit)) \
            relations (--overview-above), the diagram is the overview `relgraph render` draws: one \
            node per Louvain community (or component, --group-by), named after its most-tied member; \
            clicking a group lists its members and its ties to other groups. Search, cards, the path \
            finder and the year still cover every entity.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: .shortAndLong, help: "The page to write (.html).")
    var output: String

    @Option(help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: by size, as render).")
    var engine: LayoutEngine?

    @Option(parsing: .unconditional, help: ArgumentHelp("Draw the overview above N entities or 5×N relations.", valueName: "N"))
    var overviewAbove: Int = Diagrams.explorerEntityLimit

    @Option(help: "Overview groups: community (Louvain) or component.")
    var groupBy: Grouping = .community

    @Option(parsing: .unconditional, help: "Seed for the overview's Louvain communities.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a diagram's layout after this many seconds (0: no limit).", valueName: "SECONDS"))
    var timeout: Double = Render.defaultTimeout

    func validate() throws {
        if overviewAbove < 1 { throw ValidationError("--overview-above must be 1 or more") }
        try validateTimeout(timeout)
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw ValidationError("-o '\(output)': the page must end in .html") }
    }

    func run() throws {
        try guarded {
            let graph = try input.load()
            let page = try ExplorePage.html(for: graph, engine: engine, entityLimit: overviewAbove, grouping: groupBy, seed: seed,
                                              renderer: childDiagramRenderer(timeout: timeout))
            for w in page.warnings { warn("graphviz: \(w)") }
            try AtomicWrite.write(page.html, to: output)
            var drawn = page.engine.map { "diagram by \($0.rawValue)" } ?? "no diagram: one group above \(grouped(overviewAbove)) entities"
            if let o = page.overview {
                if engine != nil { warn("--engine applies to graphs drawn entity by entity; the overview is laid out by relgraph") }
                drawn = "overview of \(o.drawnGroups) \(o.groupNoun); relgraph render --full draws every entity"
            }
            note("wrote \(output) (\(graph.entities.count) entities, \(graph.relations.count) relations, \(drawn))")
        }
    }
}
