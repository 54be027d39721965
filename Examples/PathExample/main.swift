// A library example: build a small typed graph in code, ask how two people are
// connected, read the answer as sentences, and draw it with Graphviz in process.
//
//   swift run PathExample [output.svg] [any graph file, read with GraphLoader]
import Foundation
import GraphAlgorithms
import GraphFormats
import GraphModel
import GraphvizRendering

do {
    var graph = try Graph(name: "Coyoacán, August 1940")
    for entity in [
        Entity(id: "mercader", kind: "person", name: "Ramón Mercader", aliases: ["Frank Jacson"]),
        Entity(id: "trotsky", kind: "person", name: "Leon Trotsky", aliases: ["Bronstein"]),
        Entity(id: "stalin", kind: "person", name: "Joseph Stalin"),
        Entity(id: "gpu", kind: "organization", name: "GPU", aliases: ["NKVD"]),
        Entity(id: "coyoacan", kind: "place", name: "Coyoacán"),
    ] {
        try graph.add(entity)
    }
    try graph.add(Relation(from: "mercader", kind: "agent_of", to: "gpu",
                           evidence: Evidence("worked for the Soviet secret police", source: "example")))
    try graph.add(Relation(from: "stalin", kind: "leader_of", to: "gpu", start: PartialDate("1924")))
    try graph.add(Relation(from: "mercader", kind: "killed", to: "trotsky", date: PartialDate("1940-08-20"),
                           evidence: Evidence("struck him in his study", source: "example")))
    try graph.add(Relation(from: "trotsky", kind: "lived_in", to: "coyoacan", start: PartialDate("1937")))

    // Names are matched by alias, ignoring case and accents.
    let from = try graph.resolve("frank jacson"), to = try graph.resolve("STALIN")
    // Avoid the victim: how else is the killer tied to Stalin?
    let constraints = PathConstraints(avoid: [try graph.resolve("Trotsky").id])
    guard let path = try ShortestPaths.shortestPath(in: graph, from: from.id, to: to.id, constraints: constraints) else {
        print("no path")
        exit(2)
    }
    print("\(from.name) → \(to.name): \(path.hopCount) hops")
    for hop in path.hops {
        let r = graph[relation: hop.relation]
        let kind = graph.schema.relationKind(r.kind)
        let verb = (hop.forward ? kind?.forward : kind?.inverse) ?? r.kind
        let subject = graph.entity(hop.from)?.name ?? hop.from, object = graph.entity(hop.to)?.name ?? hop.to
        print("  \(subject) \(verb) \(object)" + (r.evidence.map { " — \($0.text)" } ?? ""))
    }

    // Draw it: the path highlighted, a legend, laid out by dot inside this process.
    let dot = DOTWriter.write(graph, options: DOTOptions(
        highlightedEntities: Set(path.entities), highlightedRelations: Set(path.hops.map(\.relation))))
    let svg = try Graphviz.render(dot: dot, engine: .dot, format: .svg)
    let output = CommandLine.arguments.dropFirst().first ?? "out/path-example.svg"
    try AtomicWrite.write(Data(svg.data), to: output)
    print("wrote \(output) (\(svg.data.count) bytes)")

    // Any graph file relgraph reads (YAML, JSON, CSV, GraphML, GEXF, node-link, DOT),
    // through the one entry point every relgraph command uses: `PathExample OUT.svg FILE`.
    if CommandLine.arguments.count > 2 {
        let file = CommandLine.arguments[2]
        let loaded = try GraphLoader.load(path: file)
        print("\(file): \(loaded.format.rawValue), \(loaded.graph.entities.count) entities, "
              + "\(loaded.graph.relations.count) relations")
    }
} catch let error as LocalizedError {
    // A located message already reads `file:line:col: error: …`; only a bare one gets the prefix.
    let text = error.errorDescription ?? "\(error)"
    let located = text.contains(": error: ") || text.contains(": warning: ")
    FileHandle.standardError.write(Data("\(located ? "" : "error: ")\(text)\n".utf8))
    exit(1)
}
