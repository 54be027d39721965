import Foundation
import GraphAlgorithms
import GraphModel

/// How an overview groups entities.
public enum Grouping: String, Sendable, CaseIterable {
    /// Louvain communities (seeded).
    case community
    /// Connected components.
    case component
}

/// A graph summarised by its groups: one node per group, labelled with its
/// most-tied member and its size; one edge per pair of groups with ties between
/// them, weighted by how many.
public struct Overview: Sendable, Equatable {
    /// One group: its members (ids, sorted), the most-tied member, and the ties inside it.
    public struct Group: Sendable, Equatable {
        public let members: [String]
        /// The member with the most ties (ties by id).
        public let lead: String
        public let internalTies: Int
    }

    /// A pair of groups (indices into ``groups``, `a < b`) and the number of relations between them.
    public struct Link: Sendable, Equatable {
        public let a: Int
        public let b: Int
        public let ties: Int
    }

    public let grouping: Grouping
    /// Groups, largest first (ties by first id), as ``GraphAlgorithms/Partition`` orders them.
    public let groups: [Group]
    /// Links sorted by `(a, b)`.
    public let links: [Link]
    /// Modularity of the grouping (communities only).
    public let modularity: Double?

    /// Summarises `graph` by `grouping`.
    ///
    /// - Parameter seed: Louvain's seed (one run: this is meant for large graphs).
    /// - Complexity: Louvain's (near O(V + E) per level) or O(V + E) for
    ///   components, plus O(V + E + P log P) for P linked pairs.
    /// - Parameter communities: the Louvain partition, when the caller has it already
    ///   (the report computes it for its own list); else one run with `seed`.
    public init(_ graph: Graph, grouping: Grouping, seed: UInt64 = 0, communities: Partition? = nil) {
        let partition = grouping == .community
            ? communities ?? Communities.louvain(in: graph, seed: seed, restarts: 1) : Components.connected(in: graph)
        var groupOf = [Int32](repeating: 0, count: graph.entities.count)
        for (g, members) in partition.groups.enumerated() {
            for id in members { if let i = graph.index(of: id) { groupOf[i] = Int32(g) } }
        }
        var degree = [Int](repeating: 0, count: graph.entities.count)
        var inside = [Int](repeating: 0, count: partition.groups.count)
        var between: [UInt64: Int] = [:]
        for r in graph.relations {
            guard let a = graph.index(of: r.from), let b = graph.index(of: r.to) else { continue }
            degree[a] += 1
            degree[b] += 1
            let ga = groupOf[a], gb = groupOf[b]
            if ga == gb { inside[Int(ga)] += 1; continue }
            let key = UInt64(UInt32(min(ga, gb))) << 32 | UInt64(UInt32(max(ga, gb)))
            between[key, default: 0] += 1
        }
        self.grouping = grouping
        self.modularity = partition.modularity
        self.groups = partition.groups.enumerated().map { g, members in
            let lead = members.max { x, y in
                let dx = graph.index(of: x).map { degree[$0] } ?? 0, dy = graph.index(of: y).map { degree[$0] } ?? 0
                return dx != dy ? dx < dy : x > y
            } ?? ""
            return Group(members: members, lead: lead, internalTies: inside[g])
        }
        self.links = between.keys.sorted().map { k in
            Link(a: Int(k >> 32), b: Int(k & 0xFFFF_FFFF), ties: between[k] ?? 0)
        }
    }

    /// Twelve fills that stay distinct side by side and keep black text readable
    /// (the overview's groups, in order; `render --color-by` uses them too).
    public static let palette = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                 "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"]
    /// The fill of groups past the palette.
    public static let otherColor = "#f5f5f5"

    /// The overview `render` draws: by `grouping`, or by the other grouping when
    /// `grouping` finds fewer than two groups and the other finds more.
    /// `nil` when neither finds two groups (an overview would be one node).
    /// - Complexity: that of ``init(_:grouping:seed:)``, at most twice.
    public static func best(_ graph: Graph, grouping: Grouping, seed: UInt64 = 0, communities: Partition? = nil) -> Overview? {
        let first = Overview(graph, grouping: grouping, seed: seed, communities: communities)
        if first.groups.count >= 2 { return first }
        let second = Overview(graph, grouping: grouping == .community ? .component : .community, seed: seed, communities: communities)
        return second.groups.count >= 2 ? second : nil
    }

    /// The overview as a drawing: group nodes sized by members (area ∝ members),
    /// coloured from `palette` in order (the rest `otherColor`), laid out with
    /// ``GraphAlgorithms/ForceLayout`` and separated; links drawn thicker with more ties.
    /// At most `maxGroups` groups are drawn (the largest); the caption says how many were left out.
    ///
    /// - Complexity: O(G log G + P) for G groups drawn and P links, plus the layout.
    public func drawing(_ graph: Graph, title: String, palette: [String], otherColor: String,
                        maxGroups: Int = 300, seed: UInt64 = 0) -> PositionedDrawing {
        let shown = min(groups.count, maxGroups)
        let largest = Double(groups.first?.members.count ?? 1)
        var widths: [Double] = [], heights: [Double] = [], nodes: [PositionedDrawing.Node] = []
        let noun = grouping == .community ? "community" : "component"
        for g in 0..<shown {
            let group = groups[g]
            let r = (Double(group.members.count) / largest).squareRoot()
            let font = 10 + 10 * r
            let name = graph.entity(group.lead)?.name ?? group.lead
            let label = "\(name)\n\(grouped(group.members.count)) \(group.members.count == 1 ? "entity" : "entities")"
            let d = 40 + 140 * r
            let w = max(d, Double(name.count) * font * 0.6 + 16), h = max(d * 0.8, font * 3.2)
            widths.append(w)
            heights.append(h)
            let tip = "\(noun) \(g + 1): \(group.members.count) entities, \(group.internalTies) ties inside; most tied: \(name)"
            nodes.append(.init(label: label, tooltip: tip, shape: "ellipse", fill: g < palette.count ? palette[g] : otherColor,
                               width: w, height: h, fontSize: font, x: 0, y: 0))
        }
        let drawn = links.filter { $0.a < shown && $0.b < shown }
        var layout = PlaneLayout(x: [Double](repeating: 0, count: shown), y: [Double](repeating: 0, count: shown))
        if shown > 1 {
            let csr = (try? CSRGraph(nodeCount: shown, sources: drawn.map { Int32($0.a) }, targets: drawn.map { Int32($0.b) },
                                     directed: false))
            if let csr {
                layout = ForceLayout.layout(csr, options: .init(seed: seed))
                let mean = layout.meanEdgeLength(csr)
                let typical = widths.sorted()[shown / 2]
                layout = layout.scaled(by: 1.6 * typical / (mean > 0 ? mean : 1))
            }
        }
        layout = OverlapRemoval.separate(layout, widths: widths, heights: heights, gap: 24)
        for i in 0..<shown { nodes[i].x = layout.x[i]; nodes[i].y = layout.y[i] }
        let most = Double(drawn.map(\.ties).max() ?? 1)
        let edges = drawn.map { l in
            PositionedDrawing.Edge(
                from: l.a, to: l.b, color: "#6b7280aa", penWidth: 0.6 + 7 * (Double(l.ties) / most).squareRoot(),
                directed: false, tooltip: "\(grouped(l.ties)) tie\(l.ties == 1 ? "" : "s") between \(noun) \(l.a + 1) and \(noun) \(l.b + 1)",
                label: drawn.count <= 40 ? grouped(l.ties) : nil)
        }
        var subtitle = "Overview: \(grouped(groups.count)) \(grouping == .community ? "Louvain communities" : "connected components")"
        if let modularity, grouping == .community { subtitle += String(format: " (modularity %.3f)", modularity) }
        subtitle += " of \(grouped(graph.entities.count)) entities and \(grouped(graph.relations.count)) relations"
        if shown < groups.count { subtitle += "; the \(shown) largest shown" }
        subtitle += ". Each node is a group, named after its most-tied member; lines count the ties between groups."
        return PositionedDrawing(title: title, subtitle: subtitle, nodes: nodes, edges: edges)
    }
}

/// `n` with a comma every three digits (`20,000`), the same in every locale.
/// - Complexity: O(digits).
public func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
