import Foundation
import GraphAlgorithms
import GraphDrawing
import GraphFormats
import GraphModel
import GraphvizRendering

/// `relgraph report`: a brief of a graph in one command, as Markdown or as one
/// self-contained HTML page. ``Report/build(_:pairs:warnings:seed:)`` computes
/// the content; ``markdown(diagramFile:)`` and ``html()`` write it.
public struct Report: Sendable {
    /// An entity with a score.
    public struct Ranked: Sendable, Equatable {
        public var id: String
        public var name: String
        public var kind: String
        public var value: Double
    }

    /// A Louvain community, its members most-tied first.
    public struct Community: Sendable, Equatable {
        public var size: Int
        /// The five most-tied members with their degree, then by name.
        public var leaders: [Ranked]
    }

    /// A hop of a narrated path: its sentence without the source, and the number
    /// of its source footnote.
    public struct Hop: Sendable, Equatable {
        public var text: String
        public var footnote: Int?
    }

    /// The path asked for with `--pair A,B`.
    public struct PairPath: Sendable, Equatable {
        public var from: String
        public var to: String
        /// `nil` when no chain of ties joins them.
        public var chain: String?
        public var hops: [Hop]
    }

    /// A drawing: its caption and inline SVG (tagged as in the explorer).
    public struct Figure: Sendable, Equatable {
        public var caption: String
        public var file: String
        public var svg: String
    }

    /// The graph's name and description.
    public var name: String
    public var description: String?
    public var entityCount: Int
    public var relationCount: Int
    /// Counts by kind, largest first (ties by name).
    public var entitiesByKind: [(kind: String, count: Int)]
    public var relationsByKind: [(kind: String, count: Int)]
    /// The earliest and latest date any tie carries.
    public var firstDate: PartialDate?
    public var lastDate: PartialDate?
    /// The earliest and latest date of an entity (born, founded, died, …).
    public var entityDates: (first: PartialDate, last: PartialDate)?
    /// How many ties carry a date.
    public var datedRelations: Int
    /// How many connected components.
    public var components: Int
    /// The ``top`` entities by degree (ties), normalised betweenness and PageRank
    /// (α = 0.85), as `relgraph rank` computes them; ties by id.
    public var topDegree: [Ranked]
    public var topBetweenness: [Ranked]
    public var topPageRank: [Ranked]
    /// How many sampled sources betweenness was estimated from, above
    /// ``exactBetweennessLimit`` entities; nil when it is exact.
    public var betweennessSamples: Int? = nil
    /// Louvain's modularity and communities (seeded), largest first.
    public var modularity: Double?
    public var communities: [Community]
    /// Names of the articulation points, sorted.
    public var brokers: [String]
    /// Bridges as sentences: "Leon Trotsky lived in Alma-Ata".
    public var bridges: [String]
    public var paths: [PairPath]
    /// The sources the paths cite, in footnote order.
    public var footnotes: [String]
    public var figures: [Figure]
    /// Why a diagram is missing, if one is.
    public var figureNote: String?
    /// Sentences of the ties that carry no date.
    public var undated: [String]
    /// Sentences of the ties whose only source is general knowledge.
    public var generalKnowledgeOnly: [String]
    /// Sentences of the ties with no source at all.
    public var unsourced: [String]
    /// Names of the entities no tie touches.
    public var isolated: [String]
    /// The warnings of `check` and of the reader.
    public var warnings: [String]
    /// Every source cited, with how many ties cite it.
    public var sources: [(source: String, ties: Int)]

    /// How many entities each ranking lists.
    public static let top = 10

    /// Above this many entities betweenness is estimated from
    /// ``betweennessSampleCount`` sampled sources instead of every one.
    public static let exactBetweennessLimit = 5_000
    public static let betweennessSampleCount = 1_000

    /// Computes the report.
    /// - Parameters:
    ///   - pairs: entity ids (`A`, `B`) whose shortest path to narrate.
    ///   - warnings: the warnings of `check` and of the reader, shown as they are.
    ///   - seed: Louvain's seed.
    ///   - drawLimit: above this many entities (or 5 × as many relations) the whole
    ///     graph is drawn as its overview (``Diagrams/overview(_:grouping:seed:title:)``,
    ///     one node per Louvain community, or component), and a neighbourhood that big is left out.
    ///   - renderer: how diagrams are laid out and drawn (``Diagrams/inProcess``).
    /// - Complexity: O(V·E) (betweenness; O(1,000·E) above 5,000 entities) plus the layouts' cost.
    public static func build(
        _ graph: Graph, pairs: [(String, String)] = [], warnings: [String] = [], seed: UInt64 = 0,
        drawLimit: Int = Diagrams.explorerEntityLimit, renderer: Diagrams.Renderer = Diagrams.inProcess
    ) throws -> Report {
        func ranked(_ scores: CentralityScores) -> [Ranked] {
            scores.ranked().prefix(top).map { s in
                let e = graph.entity(s.id)
                return Ranked(id: s.id, name: e?.name ?? s.id, kind: e?.kind ?? "", value: s.value)
            }
        }
        func counted(_ kinds: [String]) -> [(kind: String, count: Int)] {
            var c: [String: Int] = [:]
            for k in kinds { c[k, default: 0] += 1 }
            return c.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let degree = Centrality.degree(in: graph)
        let degreeByID = degree.byID
        // Exact betweenness is O(V·E): 59 s at 40,000 entities and 80,000 ties. Above
        // the limit it is estimated from sampled sources (NetworkX's k), as the report says.
        let sampled = graph.entities.count > exactBetweennessLimit ? betweennessSampleCount : nil
        let betweenness = sampled.map { Centrality.betweenness(in: graph, sampling: $0, seed: seed) } ?? Centrality.betweenness(in: graph)
        let partition = Communities.louvain(in: graph, seed: seed)
        let name: (String) -> String = { Narration.name($0, in: graph) }

        var dates: [PartialDate] = [], entityDates: [PartialDate] = []
        for r in graph.relations { dates += [r.date, r.start, r.end].compactMap { $0 } }
        for e in graph.entities { entityDates += [e.start, e.end].compactMap { $0 } }
        let latest: (PartialDate, PartialDate) -> Bool = { $0.latestDay < $1.latestDay }

        let communities = partition.groups.map { g -> Community in
            let leaders = g.sorted { a, b in
                let da = degreeByID[a] ?? 0, db = degreeByID[b] ?? 0
                return da != db ? da > db : name(a) < name(b)
            }.prefix(5).map { id in
                Ranked(id: id, name: name(id), kind: graph.entity(id)?.kind ?? "", value: degreeByID[id] ?? 0)
            }
            return Community(size: g.count, leaders: Array(leaders))
        }

        // Narrated paths, their sources numbered in order of first citation.
        var footnotes: [String] = []
        var paths: [PairPath] = []
        for (a, b) in pairs {
            guard let path = try ShortestPaths.shortestPath(in: graph, from: a, to: b) else {
                paths.append(PairPath(from: name(a), to: name(b), chain: nil, hops: []))
                continue
            }
            let hops = path.hops.map { hop -> Hop in
                var r = graph[relation: hop.relation]
                let source = r.evidence?.source
                r.evidence?.source = nil
                var note: Int?
                if let source {
                    if let i = footnotes.firstIndex(of: source) { note = i + 1 } else { footnotes.append(source); note = footnotes.count }
                }
                return Hop(text: Narration.sentence(r, forward: hop.forward, in: graph), footnote: note)
            }
            paths.append(PairPath(from: name(a), to: name(b), chain: Narration.chain(path.entities, in: graph)
                + "  (\(path.hopCount) hop\(path.hopCount == 1 ? "" : "s"))", hops: hops))
        }

        // Diagrams: the whole graph, then the neighbourhoods of the three most central entities.
        var figures: [Figure] = []
        var figureNote: String?
        var leftOut: [String] = []
        if !Diagrams.wantsOverview(graph, entityLimit: drawLimit) {
            let whole = try Diagrams.draw(graph, options: DOTOptions(legend: true), renderer: renderer)
            figures.append(Figure(caption: "The whole graph (\(graph.entities.count) entities, \(graph.relations.count) ties; \(whole.engine.rawValue))",
                                  file: "graph.svg", svg: whole.svg))
        } else if let overview = try Diagrams.overview(graph, seed: seed, title: "\(graph.name): overview", communities: partition) {
            let noun = overview.overview.grouping == .community ? "Louvain communities" : "connected components"
            let shown = overview.drawnGroups == overview.overview.groups.count
                ? "its \(overview.drawnGroups) \(noun)" : "the \(overview.drawnGroups) largest of its \(overview.overview.groups.count) \(noun)"
            figures.append(Figure(
                caption: "Overview of the whole graph (\(grouped(graph.entities.count)) entities, \(grouped(graph.relations.count)) ties, "
                    + "more than \(grouped(drawLimit)) entities or \(grouped(5 * drawLimit)) ties): \(shown), one node each, named after its most-tied member; "
                    + "`relgraph render --full` draws every entity",
                file: "graph.svg", svg: overview.svg))
        } else {
            figureNote = "The whole graph is not drawn: \(graph.entities.count) entities are more than \(drawLimit) "
                + "and form one group, so an overview would be one node (`relgraph render --full` draws every entity); "
                + "the neighbourhoods below are drawn."
        }
        for (i, r) in betweenness.ranked().prefix(3).enumerated() {
            let ego = try Neighborhood.ego(in: graph, center: r.id, radius: 1)
            guard !Diagrams.wantsOverview(ego, entityLimit: drawLimit) else {
                leftOut.append("\(name(r.id)) (\(ego.entities.count - 1) neighbours)")
                continue
            }
            var options = DOTOptions(legend: true)
            options.title = "\(name(r.id)), 1 hop around"
            let drawing = try Diagrams.draw(ego, options: options, renderer: renderer)
            figures.append(Figure(
                caption: "\(name(r.id)) and the \(ego.entities.count - 1) entities tied to it (betweenness rank \(i + 1))",
                file: "ego-\(i + 1).svg", svg: drawing.svg))
        }

        if !leftOut.isEmpty {
            let why = "Not drawn, their neighbourhoods being larger than \(drawLimit) entities: " + leftOut.joined(separator: ", ") + "."
            figureNote = figureNote.map { $0 + " " + why } ?? why
        }

        var sourceCount: [String: Int] = [:]
        var generalOnly: [String] = [], unsourced: [String] = [], undated: [String] = []
        for r in graph.relations {
            let sentence = Narration.sentence(r, in: graph)
            if !r.isDated { undated.append(sentence) }
            guard let source = r.evidence?.source, !source.trimmingCharacters(in: .whitespaces).isEmpty else {
                unsourced.append(sentence)
                continue
            }
            let parts = sourceParts(source)
            for p in Set(parts) { sourceCount[p, default: 0] += 1 }
            if !parts.isEmpty && parts.allSatisfy(isGeneralKnowledge) { generalOnly.append(sentence) }
        }
        let sources = sourceCount.sorted { a, b in
            let ka = sortKey(a.key), kb = sortKey(b.key)
            return ka != kb ? ka.lexicographicallyPrecedes(kb) : a.key < b.key
        }.map { (source: $0.key, ties: $0.value) }

        return Report(
            name: graph.name, description: graph.description,
            entityCount: graph.entities.count, relationCount: graph.relations.count,
            entitiesByKind: counted(graph.entities.map(\.kind)), relationsByKind: counted(graph.relations.map(\.kind)),
            firstDate: dates.min(), lastDate: dates.max(by: latest),
            entityDates: entityDates.min().flatMap { f in entityDates.max(by: latest).map { (f, $0) } },
            datedRelations: graph.relations.filter(\.isDated).count,
            components: Components.connected(in: graph).count,
            topDegree: ranked(degree), topBetweenness: ranked(betweenness), topPageRank: ranked(Centrality.pagerank(in: graph)),
            betweennessSamples: sampled,
            modularity: partition.modularity, communities: communities,
            brokers: Brokers.articulationPoints(in: graph).map(name).sorted(),
            bridges: Brokers.bridges(in: graph).map { Narration.claim(graph[relation: $0.relation], in: graph) },
            paths: paths, footnotes: footnotes, figures: figures, figureNote: figureNote,
            undated: undated, generalKnowledgeOnly: generalOnly, unsourced: unsourced,
            isolated: graph.entities.filter { (degreeByID[$0.id] ?? 0) == 0 }.map(\.name).sorted(),
            warnings: warnings, sources: sources)
    }

    /// The references in a source field: "s. 38; s. 84" → ["s. 38", "s. 84"].
    static func sourceParts(_ source: String) -> [String] {
        source.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// "general knowledge", however written.
    static func isGeneralKnowledge(_ part: String) -> Bool { foldName(part) == "general knowledge" }

    /// Sources in reading order: "s. 9" before "s. 38", words after numbers.
    static func sortKey(_ source: String) -> [Int] {
        let digits = source.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return digits.isEmpty ? [Int.max] : digits
    }
}
