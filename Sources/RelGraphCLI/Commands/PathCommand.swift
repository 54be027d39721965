import ArgumentParser
import Foundation
import GraphAlgorithms
import GraphModel
import SourceTexts

/// The constraints `path` and `render --highlight-path` share.
struct PathOptions: ParsableArguments {
    @Flag(help: "Follow relations only the way they read (symmetric kinds both ways). The default for a file that declares itself directed.")
    var directed = false

    @Flag(help: "Cross relations both ways even when the file declares itself directed.")
    var undirected = false

    @Flag(help: "Shortest by summed relation weight (read as a length; missing weights count 1).")
    var weighted = false

    @Option(help: ArgumentHelp("Use only these relation kinds (comma-separated, repeatable).", valueName: "KIND,..."))
    var kinds: [String] = []

    @Option(help: ArgumentHelp("Never use these relation kinds.", valueName: "KIND,..."))
    var excludeKinds: [String] = []

    @Option(help: ArgumentHelp("Pass only through entities of these kinds (the ends may be any kind).", valueName: "KIND,..."))
    var through: [String] = []

    @Option(help: ArgumentHelp("Never pass through this entity (a name, id or alias; repeatable).", valueName: "NAME"))
    var avoid: [String] = []

    @Option(parsing: .unconditional, help: "At most this many hops.")
    var maxHops: Int?

    @Flag(help: "Each hop no earlier than the one before (undated ties fit anywhere).")
    var timeRespecting = false

    /// The constraints, with the time slice applied during the search (so that
    /// a missing path can be blamed on it).
    func validate() throws {
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
    }

    /// A constraint as it was written: `--kinds killed,agent_of`, `--max-hops 3`.
    func flagText(_ kind: PathConstraints.Kind, time: TimeOptions) -> String {
        switch kind {
        case .kinds: return "--kinds \(commaList(kinds).joined(separator: ","))"
        case .excludedKinds: return "--exclude-kinds \(commaList(excludeKinds).joined(separator: ","))"
        case .throughKinds: return "--through \(commaList(through).joined(separator: ","))"
        case .avoid: return avoid.map { "--avoid \($0)" }.joined(separator: " ")
        case .maxHops: return "--max-hops \(maxHops ?? 0)"
        case .at: return time.flagText ?? "--at"
        case .timeRespecting, .directed: return kind.description
        }
    }

    func constraints(for graph: Graph, period: DateSpan? = nil, keepUndated: Bool = true) throws -> PathConstraints {
        let kindList = commaList(kinds), excluded = commaList(excludeKinds), throughList = commaList(through)
        try checkRelationKinds(kindList, in: graph.schema, flag: "--kinds")
        try checkRelationKinds(excluded, in: graph.schema, flag: "--exclude-kinds")
        try checkEntityKinds(throughList, in: graph.schema, flag: "--through")
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
        return PathConstraints(
            kinds: kindList.isEmpty ? nil : Set(kindList), excludedKinds: Set(excluded),
            throughKinds: throughList.isEmpty ? nil : Set(throughList),
            avoid: Set(try avoid.map { try graph.resolve($0).id }), maxHops: maxHops, at: period,
            keepUndated: keepUndated, timeRespecting: timeRespecting, directed: directed, weighted: weighted)
    }
}

/// `relgraph path FILE A B`: the chain of ties between two entities, read as sentences.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The shortest chain of ties between two entities, each hop with its evidence.",
        discussion: """
            A and B are ids, names or aliases (case and accents ignored). The search is \
            undirected unless --directed. Constraints apply during the search; when they \
            leave no path, relgraph says which one cut it. Exit status 2 when there is no path.
            """
    )

    @OptionGroup var input: GraphInput
    @Argument(help: "Where the chain starts (name, id or alias).")
    var a: String
    @Argument(help: "Where the chain ends.")
    var b: String

    @Flag(help: "Print every shortest path, not only the first.")
    var all = false

    @Option(name: .short, parsing: .unconditional, help: "Print the K shortest simple paths (Yen's algorithm).")
    var k: Int?

    @OptionGroup var options: PathOptions

    @Option(help: "Output: text (sentences) or json.")
    var format: OutputStyle = .text

    @Flag(help: "Under each hop, print the sentences its source cites (from the graph's declared `sources:`).")
    var quotes = false

    /// The most paths `--all` lists (the header then gives the full count).
    static let allLimit = 1000

    func validate() throws {
        if all && k != nil { throw ValidationError("give --all or -k, not both") }
        if let k, k < 1 { throw ValidationError("-k must be at least 1") }
    }

    func run() throws {
        try guarded {
            if options.directed && options.undirected { throw ValidationError("give --directed or --undirected, not both") }
            let loaded = try input.loadUnslicedWithDirection()
            let graph = loaded.graph
            let source = try graph.resolve(a), target = try graph.resolve(b)
            var constraints = try options.constraints(for: graph, period: input.time.period(), keepUndated: !input.time.datedOnly)
            // Direction follows the data (as NetworkX does with a DiGraph) unless a flag says otherwise.
            let fromData = !options.directed && !options.undirected && loaded.directed == true
            if fromData { constraints.directed = true }
            for end in [source, target] where constraints.avoid.contains(end.id) {
                throw fail("--avoid \(end.name): it is an end of the path; avoid applies to the entities in between")
            }
            let listing: PathListing
            if let k {
                listing = try ShortestPaths.listKShortestPaths(in: graph, from: source.id, to: target.id, k: k, constraints: constraints)
            } else if all {
                listing = try ShortestPaths.listShortestPaths(
                    in: graph, from: source.id, to: target.id, constraints: constraints, limit: Self.allLimit)
            } else {
                let one = try ShortestPaths.shortestPath(in: graph, from: source.id, to: target.id, constraints: constraints)
                listing = PathListing(paths: one.map { [$0] } ?? [], truncated: false, total: nil, stoppedByWorkLimit: false)
            }
            let paths = listing.paths
            let narrator = PathNarrator(graph: graph)
            if paths.isEmpty {
                throw noPath(graph, source, target, constraints, narrator)
            }
            let library = quotes ? SourceLibrary(graph: graph, graphFile: input.file) : nil
            if let library {
                if library.sources.isEmpty { warn("--quotes: \(input.file) declares no sources; no sentences to quote") }
                library.problems.forEach(report)
            }
            switch format {
            case .json:
                var jsonPaths = paths.map(narrator.json)
                if let library {
                    for (p, path) in paths.enumerated() {
                        for (h, hop) in path.hops.enumerated() {
                            jsonPaths[p].steps[h].quotes = library.quotes(for: graph[relation: hop.relation])
                                .map { QuoteJSON(source: $0.sourceID, sentence: $0.sentence.number, text: $0.sentence.text) }
                        }
                    }
                }
                let result = PathResultJSON(
                    from: EntityRefJSON(source), to: EntityRefJSON(target),
                    directed: constraints.directed, weighted: constraints.weighted,
                    truncated: listing.truncated, total: listing.total,
                    paths: jsonPaths)
                print(try encodeJSON(result), terminator: "")
            case .text:
                let noun = k != nil ? "shortest simple path" : "shortest path"
                var what = k != nil || all ? "\(paths.count) \(noun)\(paths.count == 1 ? "" : "s")" : "shortest path"
                if listing.truncated {
                    if let total = listing.total {
                        what = "\(paths.count) of \(total == Int.max ? "more than \(Int.max)" : String(total)) \(noun)s (the listing stops at \(paths.count))"
                    } else {
                        what = "the first \(paths.count) \(noun)\(paths.count == 1 ? "" : "s") (the search stopped at its work limit; there may be more)"
                    }
                }
                if fromData { what += " (directed, as the file declares; --undirected to ignore)" }
                // Names and evidence are shown, never obeyed (DEL and C1 controls are
                // allowed in text; the terminal must not act on them).
                print(TextPolicy.terminalSafe("\(source.name) → \(target.name): \(what)\n"))
                if let library {
                    print(TextPolicy.terminalSafe(paths.map { quotedText($0, narrator, library, graph, weighted: constraints.weighted) }.joined(separator: "\n\n")))
                } else {
                    print(TextPolicy.terminalSafe(paths.map { narrator.text($0, weighted: constraints.weighted) }.joined(separator: "\n\n")))
                }
            }
        }
    }

    /// The path as ``PathNarrator/text(_:weighted:)`` reads it, each hop followed by
    /// the sentences its source cites: `s. 88: …`, indented under the hop.
    private func quotedText(_ path: Path, _ narrator: PathNarrator, _ library: SourceLibrary, _ graph: Graph, weighted: Bool) -> String {
        var lines = [narrator.chain(path) + "  (\(path.hopCount) hop\(path.hopCount == 1 ? "" : "s")"
            + (weighted ? ", length \(formatNumber(path.length)))" : ")")]
        for (i, hop) in path.hops.enumerated() {
            lines.append("  \(i + 1). " + narrator.sentence(hop))
            let several = library.sources.count > 1
            for q in library.quotes(for: graph[relation: hop.relation]) {
                lines.append("       \(several ? q.sourceID + " " : "")s. \(q.sentence.number): \(q.sentence.text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The no-path message: which constraint cut every path, and the path without it.
    private func noPath(_ graph: Graph, _ s: Entity, _ t: Entity, _ c: PathConstraints, _ narrator: PathNarrator) -> ExitCode {
        var lines = ["no path from \(s.name) to \(t.name)"]
        if let why = try? ShortestPaths.explainNoPath(in: graph, from: s.id, to: t.id, constraints: c) {
            if !c.active.isEmpty {
                lines[0] += " under " + c.active.map { options.flagText($0, time: input.time) }.joined(separator: ", ")
            }
            for r in why.relaxations {
                lines.append("  without \(options.flagText(r.constraint, time: input.time)): \(narrator.chain(r.path)) (\(r.path.hopCount) hop\(r.path.hopCount == 1 ? "" : "s"))")
            }
            if why.relaxations.isEmpty, let free = why.unconstrainedPath {
                lines.append("  no single constraint is to blame; with none: \(narrator.chain(free)) (\(free.hopCount) hops)")
            }
            if !why.connectedWithoutConstraints {
                lines.append("  they are in different components: no chain of ties joins them at all")
            }
        }
        if format == .json {
            let obj = NoPathJSON(from: EntityRefJSON(s), to: EntityRefJSON(t), paths: [], message: lines.joined(separator: "\n"))
            if let text = try? encodeJSON(obj) { print(text, terminator: "") }
        }
        return fail(lines.joined(separator: "\n"), code: Status.noPath)
    }
}

struct EntityRefJSON: Codable {
    var id: String, name: String, kind: String
    init(_ e: Entity) { id = e.id; name = e.name; kind = e.kind }
}
struct PathResultJSON: Codable {
    var from: EntityRefJSON, to: EntityRefJSON, directed: Bool, weighted: Bool
    /// True when more paths exist than are listed; `total` then says how many, when known.
    var truncated: Bool
    var total: Int?
    var paths: [PathJSON]
}
struct NoPathJSON: Codable { var from: EntityRefJSON, to: EntityRefJSON, paths: [PathJSON], message: String }
