import ArgumentParser
import Foundation
import GraphFormats
import GraphModel

/// `relgraph import IN -o OUT.yaml`: a foreign file in, a relgraph file out.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a DOT, GraphML, GEXF, node-link JSON or CSV file into a relgraph YAML/JSON file.",
        discussion: """
            The input format comes from the extension or --from. DOT is read by Graphviz's own \
            parser (cgraph). Kinds come from a `kind` (or `type`) attribute; kinds the schema \
            does not know are added to the file's schema. Everything dropped is reported.
            """
    )

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: .customLong("from"), help: "Read the file as this format instead of guessing from its extension.")
    var inputFormat: String?

    @Option(name: .shortAndLong, help: "The relgraph file to write (.yaml or .json).")
    var output: String

    @Option(help: ArgumentHelp("Read entity kinds from this node attribute (default: kind, then type).", valueName: "NAME"))
    var kindAttribute: String?

    @Option(help: ArgumentHelp("Read relation kinds from this edge attribute (default: kind, then type).", valueName: "NAME"))
    var relationKindAttribute: String?

    @Flag(help: "Read an edge's label as its relation kind when nothing else names one.")
    var edgeLabelIsKind = false

    @Option(help: "The kind of nodes that name none.")
    var defaultEntityKind = "node"

    @Option(help: "The kind of edges that name none.")
    var defaultRelationKind = "tie"

    func validate() throws {
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard ["yaml", "yml", "json"].contains(ext) else {
            throw ValidationError("-o '\(output)': write a relgraph file ending in .yaml, .yml or .json (use `relgraph export` for other formats)")
        }
    }

    func run() throws {
        try guarded {
            try refuseOverwritingInput([output], input: file)
            let mapping = ImportMapping(
                kindAttribute: kindAttribute, relationKindAttribute: relationKindAttribute, edgeLabelIsKind: edgeLabelIsKind,
                defaultEntityKind: defaultEntityKind, defaultRelationKind: defaultRelationKind)
            let graph = try loadGraph(file, format: inputFormat, mapping: mapping)
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            let format: GraphFormat = ext == "json" ? .json : .yaml
            try AtomicWrite.write(try GraphFile.write(graph, format: format), to: output)
            note("wrote \(output): \(graph.entities.count) entities, \(graph.relations.count) relations")
        }
    }
}
