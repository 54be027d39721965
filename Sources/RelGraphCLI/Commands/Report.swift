import ArgumentParser
import Foundation
import GraphFormats
import GraphModel
import GraphPages

/// `relgraph report FILE -o report.html|report.md`: a brief of the graph in one command.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a brief of the graph: counts, rankings, communities, brokers, paths, diagrams, data quality, sources.",
        discussion: """
            -o ending in .html writes one self-contained page (diagrams inline); .md writes \
            Markdown and the diagrams as SVG files in a folder beside it (report.md → report-diagrams/).

            Above \(Diagrams.explorerEntityLimit) entities or \(5 * Diagrams.explorerEntityLimit) relations \
            (--overview-above), the whole graph is drawn as the overview `relgraph render` draws: \
            one node per Louvain community (or component), named after its most-tied member.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(name: .shortAndLong, help: "The report: .html or .md.")
    var output: String

    @Option(help: ArgumentHelp("Narrate the shortest path between two entities (repeatable).", valueName: "A,B"))
    var pair: [String] = []

    @Option(parsing: .unconditional, help: "Seed for the Louvain communities.")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop a diagram's layout after this many seconds (0: no limit).", valueName: "SECONDS"))
    var timeout: Double = Render.defaultTimeout

    @Option(parsing: .unconditional, help: ArgumentHelp("Draw the whole graph as its overview above N entities or 5×N relations.", valueName: "N"))
    var overviewAbove: Int = Diagrams.explorerEntityLimit

    private var isMarkdown: Bool { ["md", "markdown"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) }

    func validate() throws {
        if overviewAbove < 1 { throw ValidationError("--overview-above must be 1 or more") }
        try validateTimeout(timeout)
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ["html", "htm", "md", "markdown"].contains(ext) else {
            throw ValidationError("-o '\(output)': the report must end in .html or .md")
        }
        for p in pair where p.split(separator: ",", omittingEmptySubsequences: false).count != 2 {
            throw ValidationError("--pair '\(p)' takes two names separated by a comma, e.g. mercader,stalin")
        }
    }

    func run() throws {
        try guarded {
            let whole = try input.loadUnsliced()
            let graph = try input.time.apply(to: whole)
            let pairs = try pair.map { p -> (String, String) in
                let names = p.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return (try graph.resolve(names[0]).id, try graph.resolve(names[1]).id)
            }
            let problems = checkProblems(whole, file: input.file)
            let report = try Report.build(graph, pairs: pairs,
                                          warnings: (problems.errors + problems.warnings).map(\.description), seed: seed,
                                          drawLimit: overviewAbove, renderer: childDiagramRenderer(timeout: timeout))
            if isMarkdown {
                let url = URL(fileURLWithPath: output)
                let folderName = url.deletingPathExtension().lastPathComponent + "-diagrams"
                let folder = url.deletingLastPathComponent().appendingPathComponent(folderName)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
                    throw fail("'\(folder.path)' exists and is not a folder; the report's diagrams go there (move it, or choose another -o)")
                }
                if !report.figures.isEmpty {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    for f in report.figures {
                        try AtomicWrite.write(standaloneSVG(f.svg), to: folder.appendingPathComponent(f.file).path)
                    }
                }
                // Diagrams an earlier report wrote there that this one does not link (ego-3.svg after a smaller graph).
                let written = Set(report.figures.map(\.file))
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                where Self.isDiagramFileName(name) && !written.contains(name) {
                    try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                }
                try AtomicWrite.write(report.markdown(diagramFile: { "\(folderName)/\($0)" }), to: output)
                note("wrote \(output)" + (report.figures.isEmpty ? "" : " and \(report.figures.count) diagrams in \((output as NSString).deletingLastPathComponent.isEmpty ? folderName : (output as NSString).deletingLastPathComponent + "/" + folderName)"))
            } else {
                try AtomicWrite.write(report.html(), to: output)
                note("wrote \(output) (\(report.figures.count) diagrams, \(report.paths.count) paths)")
            }
        }
    }

    /// The names `report` gives its diagram files: `graph.svg`, `ego-N.svg`.
    static func isDiagramFileName(_ name: String) -> Bool {
        if name == "graph.svg" { return true }
        guard name.hasPrefix("ego-"), name.hasSuffix(".svg") else { return false }
        let digits = name.dropFirst(4).dropLast(4)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// An inline diagram as an SVG file of its own.
    private func standaloneSVG(_ svg: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + svg
    }
}
