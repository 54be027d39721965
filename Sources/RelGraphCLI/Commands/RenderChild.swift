import ArgumentParser
import Foundation
import GraphPages
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

/// The page and report diagrams drawn as `render` draws: Graphviz in a child
/// process, stopped after `timeout` seconds (0: no limit). A layout stopped
/// says so, names what to try, and exits with ``Status/timedOut``.
func childDiagramRenderer(timeout: Double) -> Diagrams.Renderer {
    { dot, engine in
        let child = ChildRenderer(executable: ChildRenderer.currentExecutable,
                                  leadingArguments: [RenderChild.configuration.commandName ?? "render-child"])
        let result: Result<[Rendering], GraphvizError>
        do throws(GraphvizError) {
            result = .success(try child.render(dots: [dot], engine: engine.rawValue, format: .svg,
                                               timeout: timeout == 0 ? .infinity : timeout))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let renderings):
            return renderings[0]
        case .failure(.timedOut(let name, let seconds)):
            let error = GraphvizError.timedOut(engine: name, seconds: seconds)
            throw fail("\(error.errorDescription ?? "timed out"); nothing was written\n"
                + "  try: a larger --timeout, or another --engine (sfdp is the fastest)", code: Status.timedOut)
        case .failure(let error):
            throw error
        }
    }
}

/// `--timeout` for the commands that draw diagrams.
func validateTimeout(_ timeout: Double) throws {
    if !(timeout >= 0) || !timeout.isFinite { throw ValidationError("--timeout must be a number of seconds, 0 or more") }
}
