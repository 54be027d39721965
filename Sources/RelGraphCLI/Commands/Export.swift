import ArgumentParser
import Foundation
import GraphFormats
import GraphModel

/// Every format `export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, yaml, json
}

/// `relgraph export FILE --format F [-o OUT]`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the graph in another format (deterministic; files are written atomically).",
        discussion: """
            dot: Graphviz DOT styled by the schema, with a legend. yaml/json: relgraph's own files.
            """
    )

    @OptionGroup var input: GraphInput

    @Option(help: "Output format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "DOT only: leave out the legend.")
    var noLegend = false

    func run() throws {
        try guarded {
            let graph = try input.load()
            let text: String
            switch format {
            case .dot: text = DOTWriter.write(graph, options: DOTOptions(legend: !noLegend))
            case .yaml: text = try GraphFile.write(graph, format: .yaml)
            case .json: text = try GraphFile.write(graph, format: .json)
            }
            try emit(text, to: output)
            if let output { FileHandle.standardError.write(Data("wrote \(output)\n".utf8)) }
        }
    }
}
