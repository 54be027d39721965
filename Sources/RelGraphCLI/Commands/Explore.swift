import ArgumentParser
import Foundation
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
            its evidence, a path finder, a year control and filters by kind. Graphs above \
            \(Diagrams.explorerEntityLimit) entities get no diagram; search and cards still cover them.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: .shortAndLong, help: "The page to write (.html).")
    var output: String

    @Option(help: "Layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: by size, as render).")
    var engine: LayoutEngine?

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw ValidationError("-o '\(output)': the page must end in .html") }
    }

    func run() throws {
        try guarded {
            let graph = try input.load()
            let page = try ExplorePage.html(for: graph, engine: engine)
            for w in page.warnings { warn("graphviz: \(w)") }
            try AtomicWrite.write(page.html, to: output)
            let drawn = page.engine.map { "diagram by \($0.rawValue)" } ?? "no diagram above \(Diagrams.explorerEntityLimit) entities"
            note("wrote \(output) (\(graph.entities.count) entities, \(graph.relations.count) relations, \(drawn))")
        }
    }
}
