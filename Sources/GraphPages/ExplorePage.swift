import Foundation
import GraphDrawing
import GraphFormats
import GraphModel
import GraphvizRendering

/// `relgraph explore`: one self-contained HTML page to explore a graph offline.
///
/// The page holds the diagram drawn by libgvc (inline SVG, every entity tagged
/// `data-entity`, every tie `data-relation`), the graph as JSON inside a
/// `<script type="application/json">` element, and the explorer's own script
/// and style (``PageAssets``), nothing fetched. Every sentence a card or a path
/// shows is written here by ``Narration``, the same phrases as `relgraph path`.
///
/// Safety: graph strings reach the page only as escaped JSON text or as text
/// Graphviz escaped in the SVG; the script puts them in with `textContent`,
/// never as markup, and builds no handler from data. The Content-Security-Policy
/// is `default-src 'none'` (no network at all), `img-src data:`, `style-src
/// 'unsafe-inline'` (styles cannot run script; the diagram carries presentation
/// attributes) and `script-src` with the SHA-256 hash of the one inline script,
/// so that an injected `<script>` or `onerror=` attribute could not run even if
/// one got through. Only http(s) sources become links.
///
/// Big graphs (above ``Diagrams/wantsOverview(_:entityLimit:)``) get the overview
/// `relgraph render` draws instead (``Diagrams/overview(_:grouping:seed:title:)``):
/// each group node carries `data-group`, its card lists the members and the ties
/// to other groups; search, cards, the path finder and the year cover every entity.
public enum ExplorePage {
    /// What ``html(for:title:engine:)`` made.
    public struct Result: Sendable {
        /// The page.
        public var html: String
        /// Whether every entity was drawn (not for graphs above ``Diagrams/explorerEntityLimit``).
        public var drawn: Bool
        /// The overview drawn instead, for big graphs (its svg is in ``html``).
        public var overview: OverviewDiagram?
        /// The layout engine, when drawn.
        public var engine: LayoutEngine?
        /// Graphviz's warnings.
        public var warnings: [String]
    }

    /// The page for `graph`.
    /// - Complexity: the layout's, then O(V + E) plus the text's length.
    /// - Parameters:
    ///   - entityLimit: above this many entities (or 5 × as many relations) the page
    ///     shows the overview, one node per group, instead of every entity.
    ///   - grouping, seed: the overview's groups and Louvain's seed.
    ///   - renderer: how the diagram is laid out and drawn (``Diagrams/inProcess``).
    public static func html(for graph: Graph, engine: LayoutEngine? = nil,
                            entityLimit: Int = Diagrams.explorerEntityLimit,
                            grouping: Grouping = .community, seed: UInt64 = 0,
                            renderer: Diagrams.Renderer = Diagrams.inProcess) throws -> Result {
        var diagram: InlineDiagram?
        var overview: OverviewDiagram?
        var note: String?
        if !Diagrams.wantsOverview(graph, entityLimit: entityLimit) {
            diagram = try Diagrams.draw(graph, options: DOTOptions(legend: false), engine: engine, renderer: renderer)
        } else if let o = try Diagrams.overview(graph, grouping: grouping, seed: seed) {
            overview = o
            let noun = o.overview.grouping == .community ? "Louvain communities" : "connected components"
            note = "An overview: \(grouped(graph.entities.count)) entities and \(grouped(graph.relations.count)) ties "
                + "are more than the \(grouped(entityLimit)) entities or \(grouped(5 * entityLimit)) ties drawn one by one, "
                + "so each of the \(o.drawnGroups == o.overview.groups.count ? "" : "\(o.drawnGroups) largest of the ")"
                + "\(grouped(o.overview.groups.count)) \(noun) is one node, named after its most-tied member. "
                + "Click a group for its members; search, cards, the path finder and the year cover every entity. "
                + "Every entity drawn: relgraph render FILE --full -o graph.svg."
        } else {
            note = "\(graph.entities.count) entities are too many to draw here (the limit is \(entityLimit)) and form one group, "
                + "so no overview either; search, cards and the path finder still cover every entity "
                + "(relgraph render --full draws the whole graph)."
        }
        let data = try PageData(graph, drawn: diagram != nil, note: note, overview: overview?.overview)
        let json = Markup.scriptJSON(try encode(data))
        let script = PageAssets.exploreJS
        let csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src \(Markup.cspHash(script)); "
            + "base-uri 'none'; form-action 'none'"
        let title = Markup.html(graph.name)
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(csp)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(PageAssets.exploreCSS)</style>
            </head>
            <body>
            <header>
              <h1>\(title)</h1>
              <div class="search-box">
                <input type="search" id="search" data-testid="search" placeholder="Find a name, alias or id" autocomplete="off" spellcheck="false" aria-label="Find an entity">
                <ul id="suggestions" class="suggestions" role="listbox" hidden></ul>
              </div>
              <span class="counts">\(graph.entities.count) entities · \(graph.relations.count) ties</span>
            </header>
            <main>
            <section id="diagram" class="\(overview == nil ? "diagram" : "diagram overview")" tabindex="0" aria-label="Diagram: drag to pan, wheel or +/− to zoom, 0 to fit">
              <div class="zoom-buttons">
                <button type="button" id="zoom-in" title="Zoom in (+)">+</button>
                <button type="button" id="zoom-out" title="Zoom out (−)">−</button>
                <button type="button" id="zoom-fit" title="Fit (0)">fit</button>
              </div>

            """
        if let diagram {
            page += diagram.svg
        } else if let overview {
            page += overview.svg
            page += "  <p class=\"overview-note\" data-testid=\"overview-note\">\(Markup.html(note ?? ""))</p>\n"
        } else {
            page += "  <p class=\"note\">\(Markup.html(note ?? ""))</p>\n"
        }
        page += """
            </section>
            <aside>
              <section id="panel" class="panel" data-testid="panel" aria-live="polite">
                <p class="hint">Search for a name, or click an entity or a tie in the diagram.</p>
              </section>
              <section class="box">
                <h2>Path</h2>
                <div class="path-form">
                  <input id="path-from" data-testid="path-from" list="names" placeholder="from" autocomplete="off" aria-label="Path from">
                  <input id="path-to" data-testid="path-to" list="names" placeholder="to" autocomplete="off" aria-label="Path to">
                  <input id="path-avoid" list="names" placeholder="avoid (names, comma-separated)" autocomplete="off" aria-label="Avoid">
                  <input id="path-kinds" placeholder="only relation kinds (comma-separated)" autocomplete="off" aria-label="Only these relation kinds">
                  <button type="button" id="path-go" data-testid="path-go">Find path</button>
                  <button type="button" id="path-clear">Clear</button>
                </div>
                <p class="small">Over the ties shown (the year and the kinds ticked below), as <code>relgraph path --avoid --kinds</code>.</p>
                <div id="path-result" data-testid="path-result" aria-live="polite"></div>
              </section>
              <section class="box">
                <h2>Year</h2>
                <div class="year-row">
                  <input type="range" id="year-range" aria-label="Year slider">
                  <input type="number" id="year" data-testid="year" placeholder="all" aria-label="Year">
                  <button type="button" id="year-all">All years</button>
                </div>
                <label class="small"><input type="checkbox" id="dated-only"> dated only (hide undated ties while a year is set)</label>
                <p id="year-status" class="small"></p>
              </section>
              <section class="box">
                <h2>Entity kinds</h2>
                <ul id="entity-kinds" class="kinds"></ul>
                <h2>Relation kinds</h2>
                <ul id="relation-kinds" class="kinds"></ul>
              </section>
            </aside>
            </main>
            <datalist id="names"></datalist>
            <script type="application/json" id="graph-data">\(json)</script>
            <script>\(script)</script>
            </body>
            </html>

            """
        return Result(html: page, drawn: diagram != nil, overview: overview, engine: diagram?.engine,
                      warnings: diagram?.warnings ?? overview?.warnings ?? [])
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// The graph as the page's script reads it. Entity and relation references are
/// indices into the arrays; `keys` are the folded names ``foldName(_:)`` makes,
/// so the page matches names exactly as the command line does.
struct PageData: Encodable {
    struct EntityKindData: Encodable { var name: String; var color: String; var count: Int }
    struct RelationKindData: Encodable {
        var name: String; var color: String; var style: String; var forward: String; var inverse: String
        var symmetric: Bool; var count: Int
    }
    struct EntityData: Encodable {
        var id: String; var name: String; var kind: String; var aliases: [String]
        var start: String?; var end: String?; var description: String?; var keys: [String]
    }
    struct RelationData: Encodable {
        var from: Int; var to: Int; var kind: String
        /// The date as printed, and its span as `yyyymmdd` bounds (`nil`: open).
        var date: String?; var first: Int?; var last: Int?; var dated: Bool
        var evidence: String?; var source: String?; var sourceURL: String?
        /// The tie read from `from` and from `to`: the claim, then the full sentence.
        var claimFrom: String; var claimTo: String; var sentenceFrom: String; var sentenceTo: String
    }
    var name: String
    var description: String?
    var drawn: Bool
    var note: String?
    var entityKinds: [EntityKindData]
    var relationKinds: [RelationKindData]
    var entities: [EntityData]
    var relations: [RelationData]
    var firstYear: Int?
    var lastYear: Int?
    /// The overview's groups (big graphs only): `number` as `render --community N`
    /// counts (1 = the largest), `lead` and `members` entity indices (the lead, then
    /// the most tied, then by name), `drawn` whether the group has a node in the diagram.
    struct GroupData: Encodable {
        var number: Int; var lead: Int; var members: [Int]; var internalTies: Int; var drawn: Bool
    }
    /// `community` or `component` (big graphs only).
    var grouping: String?
    var groups: [GroupData]?
    /// Ties between groups: `[a, b, count]`, group numbers `a < b`.
    var links: [[Int]]?

    init(_ graph: Graph, drawn: Bool, note: String?, overview: Overview? = nil) throws {
        name = graph.name
        description = graph.description
        self.drawn = drawn
        self.note = note
        var entityCount: [String: Int] = [:], relationCount: [String: Int] = [:]
        for e in graph.entities { entityCount[e.kind, default: 0] += 1 }
        for r in graph.relations { relationCount[r.kind, default: 0] += 1 }
        entityKinds = entityCount.keys.sorted().map { k in
            EntityKindData(name: k, color: graph.schema.entityKind(k)?.color ?? "#e5e7eb", count: entityCount[k] ?? 0)
        }
        relationKinds = relationCount.keys.sorted().map { k in
            let kind = graph.schema.relationKind(k) ?? RelationKind(name: k)
            return RelationKindData(name: k, color: kind.color, style: kind.style, forward: kind.forward,
                                    inverse: kind.inverse, symmetric: kind.symmetric, count: relationCount[k] ?? 0)
        }
        entities = graph.entities.map { e in
            EntityData(id: e.id, name: e.name, kind: e.kind, aliases: e.aliases, start: e.start?.description,
                       end: e.end?.description, description: e.description,
                       keys: Array(Set(([e.id, e.name] + e.aliases).map(foldName).filter { !$0.isEmpty })).sorted())
        }
        var years: [Int] = []
        relations = try graph.relations.map { r in
            guard let a = graph.index(of: r.from), let b = graph.index(of: r.to) else {
                throw GraphPagesError.unexpectedDiagram("relation \(r.from) -\(r.kind)-> \(r.to) names an unknown entity")
            }
            let span = r.span
            for d in [r.date, r.start, r.end].compactMap({ $0 }) { years.append(d.year) }
            return RelationData(
                from: a, to: b, kind: r.kind, date: r.dateText,
                first: span.flatMap { $0.first == Int.min ? nil : $0.first },
                last: span.flatMap { $0.last == Int.max ? nil : $0.last }, dated: r.isDated,
                evidence: r.evidence?.text, source: r.evidence?.source,
                sourceURL: r.evidence?.source.flatMap(Markup.webURL),
                claimFrom: Narration.claim(r, forward: true, in: graph),
                claimTo: Narration.claim(r, forward: false, in: graph),
                sentenceFrom: Narration.sentence(r, forward: true, in: graph),
                sentenceTo: Narration.sentence(r, forward: false, in: graph))
        }
        firstYear = years.min()
        lastYear = years.max()
        if let overview {
            var degree = [Int](repeating: 0, count: graph.entities.count)
            for r in relations { degree[r.from] += 1; degree[r.to] += 1 }
            grouping = overview.grouping.rawValue
            groups = overview.groups.enumerated().map { g, group in
                let lead = graph.index(of: group.lead) ?? 0
                // The lead (whose name the node shows) first, then the most tied, then by name.
                let members = group.members.compactMap { graph.index(of: $0) }.sorted { a, b in
                    if (a == lead) != (b == lead) { return a == lead }
                    return degree[a] != degree[b] ? degree[a] > degree[b]
                        : (graph.entities[a].name, graph.entities[a].id) < (graph.entities[b].name, graph.entities[b].id)
                }
                return GroupData(number: g + 1, lead: lead, members: members,
                                 internalTies: group.internalTies, drawn: g < Diagrams.overviewGroupLimit)
            }
            links = overview.links.map { [$0.a + 1, $0.b + 1, $0.ties] }
        }
    }
}
