import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphFormats
import GraphModel

/// `relgraph ego FILE A --radius N`: one entity's neighbourhood, as a graph.
struct Ego: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "One entity's neighbourhood as a graph (every entity within N hops and the ties among them).",
        discussion: "Written in any export format, so it can be rendered or opened elsewhere (default: relgraph YAML)."
    )

    @OptionGroup var input: GraphInput

    @Argument(help: "The entity at the centre (name, id or alias).")
    var entity: String

    @Option(parsing: .unconditional, help: "How many hops around the entity.")
    var radius: Int = 1

    @Flag(help: "Count hops only the way relations read.")
    var directed = false

    @Option(help: "Output format: \(GraphFormat.allValueStrings.joined(separator: ", ")).")
    var format: GraphFormat = .yaml

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if radius < 0 { throw ValidationError("--radius must be 0 or more") }
    }

    func run() throws {
        try guarded {
            let graph = try input.load()
            let center = try graph.resolve(entity)
            var ego = try Neighborhood.ego(in: graph, center: center.id, radius: radius, constraints: PathConstraints(directed: directed))
            ego.name = "\(graph.name): \(center.name), \(radius) hop\(radius == 1 ? "" : "s") around"
            try export(ego, format: format, to: output, from: input.file)
        }
    }
}
