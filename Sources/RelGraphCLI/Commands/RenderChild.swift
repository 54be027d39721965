import ArgumentParser
import Foundation
import GraphvizRendering

/// `relgraph render-child …`: hidden; the child process in which `render`
/// runs a Graphviz job, so that the job can be stopped (see `ChildRenderer`).
struct RenderChild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-child",
        abstract: "Internal: run one Graphviz job for `relgraph render`.",
        shouldDisplay: false
    )

    @Option var engine: String
    @Option var format: String
    @Option var input: String
    @Option var output: String
    @Option var warnings: String

    func run() throws {
        let status = ChildRenderer.serve(engine: engine, format: format, input: input, output: output, warnings: warnings)
        if status != 0 { throw ExitCode(status) }
    }
}
