import Foundation
import GraphModel

/// A ``GraphModel/Graph`` turned into integers once, so that every algorithm
/// runs on a ``CSRGraph`` and no inner loop touches a string.
///
/// Entity `i` is `graph.entities[i]`; edge `e` of every CSR view is
/// `graph.relations[e]`, so a result names the exact relation used. Kinds are
/// coded as `Int32` (their position in the schema); dates as `yyyymmdd` spans.
/// Adjacency lists are sorted by entity id (then relation index), so every
/// search breaks ties by id.
///
/// ```swift
/// // a -ally_of-> b (1937), b -member_of-> org (undated)
/// let snap = AdjacencySnapshot.of(graph)
/// snap.view(direction: .undirected, during: DateSpan(PartialDate("1930")!)).arcCount // 2: only b–org
/// snap.view(entityKinds: ["person"]).arcCount                                        // 2: a <-> b (ally_of is symmetric)
/// snap.view(relationKinds: ["member_of"]).arcCount                                    // 1: b -> org
/// ```
public struct AdjacencySnapshot: Sendable {
    /// Which way relations may be crossed.
    public enum Direction: Sendable, Hashable {
        /// From `from` to `to`; symmetric kinds (`rival_of`) both ways.
        case forward
        /// From `to` to `from`; symmetric kinds both ways.
        case reversed
        /// Every relation both ways.
        case undirected
    }

    /// Entity ids by index.
    public let ids: [String]
    /// Kind code of every entity (index into ``entityKindNames``).
    public let entityKinds: [Int32]
    /// Kind code of every relation (index into ``relationKindNames``).
    public let relationKinds: [Int32]
    /// Entity kind names by code (the schema's order).
    public let entityKindNames: [String]
    /// Relation kind names by code (the schema's order).
    public let relationKindNames: [String]
    /// Whether relation `e`'s kind is symmetric.
    public let symmetric: [Bool]
    /// Relation endpoints as entity indices.
    public let sources: [Int32]
    /// Relation endpoints as entity indices.
    public let targets: [Int32]
    /// `relation.weight ?? 1` for every relation.
    public let weights: [Double]
    /// Whether any relation carries a weight.
    public let hasWeights: Bool
    /// First day (`yyyymmdd`) each relation covers; `Int.min` when open or undated.
    public let spanFirst: [Int]
    /// Last day (`yyyymmdd`) each relation covers; `Int.max` when open or undated.
    public let spanLast: [Int]
    /// Whether each relation carries a date.
    public let dated: [Bool]
    /// Position of every entity's id in sorted order.
    public let rank: [Int32]
    /// Which relations have both ends (all, `nil`, in a valid graph).
    private let mask: [Bool]?
    private let views = ViewCache()

    /// The snapshot of `graph`, built on the first call and then reused for as
    /// long as the graph value is unchanged (see ``GraphModel/Graph/derived(_:_:)``):
    /// a command that runs several algorithms on one graph converts it to
    /// integers once. Every `Graph`-taking algorithm here uses it.
    /// - Complexity: O(1) after the first call; O(V log V + E) for the first.
    public static func of(_ graph: Graph) -> AdjacencySnapshot {
        graph.derived("GraphAlgorithms.AdjacencySnapshot") { AdjacencySnapshot($0) }
    }

    /// - Complexity: O(V log V + E) (sorting the ids once).
    public init(_ graph: Graph) {
        let entities = graph.entities, relations = graph.relations
        ids = entities.map(\.id)
        var ekCodes: [String: Int32] = [:]
        var ekNames: [String] = []
        for k in graph.schema.entityKinds { ekCodes[k.name] = Int32(ekNames.count); ekNames.append(k.name) }
        var rkCodes: [String: Int32] = [:]
        var rkNames: [String] = []
        var rkSym: [Bool] = []
        for k in graph.schema.relationKinds {
            rkCodes[k.name] = Int32(rkNames.count); rkNames.append(k.name); rkSym.append(k.symmetric)
        }
        func ek(_ name: String) -> Int32 {
            if let c = ekCodes[name] { return c }
            let c = Int32(ekNames.count); ekCodes[name] = c; ekNames.append(name); return c
        }
        func rk(_ name: String) -> Int32 {
            if let c = rkCodes[name] { return c }
            let c = Int32(rkNames.count); rkCodes[name] = c; rkNames.append(name); rkSym.append(false); return c
        }
        entityKinds = entities.map { ek($0.kind) }
        // One pass over the relations, reading their fields in place (no copy of a relation):
        // kind code, weight and date span of each.
        let m = relations.count
        var kindCodes = [Int32](repeating: 0, count: m)
        var w = [Double](repeating: 1, count: m)
        var first = [Int](repeating: Int.min, count: m), last = [Int](repeating: Int.max, count: m)
        var isDated = [Bool](repeating: false, count: m)
        var anyWeight = false
        var lastKind: (name: String, code: Int32)? = nil  // runs of one kind hash once
        relations.withUnsafeBufferPointer { rels in
            for e in 0..<m {
                if let lastKind, lastKind.name == rels[e].kind {
                    kindCodes[e] = lastKind.code
                } else {
                    let c = rk(rels[e].kind)
                    lastKind = (rels[e].kind, c)
                    kindCodes[e] = c
                }
                if let x = rels[e].weight { w[e] = x; anyWeight = true }
                if let s = rels[e].span { first[e] = s.first; last[e] = s.last; isDated[e] = true }
            }
        }
        relationKinds = kindCodes
        entityKindNames = ekNames
        relationKindNames = rkNames
        symmetric = relationKinds.map { rkSym[Int($0)] }
        // A valid Graph has every endpoint; a relation that somehow has not is dropped by the mask.
        let ends = graph.relationEndpoints
        var src = [Int32](repeating: 0, count: relations.count), dst = [Int32](repeating: 0, count: relations.count)
        var allPresent = true
        var present = [Bool](repeating: true, count: relations.count)
        for e in 0..<relations.count {
            let a = ends[2 * e], b = ends[2 * e + 1]
            src[e] = max(a, 0); dst[e] = max(b, 0)
            if a < 0 || b < 0 { present[e] = false; allPresent = false }
        }
        sources = src
        targets = dst
        weights = w
        hasWeights = anyWeight
        spanFirst = first
        spanLast = last
        dated = isDated
        let idList = entities.map(\.id)
        var r = [Int32](repeating: 0, count: idList.count)
        for (pos, i) in idList.indices.sorted(by: { idList[$0] < idList[$1] || (idList[$0] == idList[$1] && $0 < $1) }).enumerated() {
            r[i] = Int32(pos)
        }
        rank = r
        mask = allPresent ? nil : present
        // The CSR views are built on first use (an undirected algorithm never pays for the forward one).
    }

    /// Number of entities.
    public var nodeCount: Int { ids.count }

    /// The index of the entity with this id.
    /// - Throws: ``GraphAlgorithmsError/unknownEntity(_:)``.
    /// - Complexity: O(V) (a linear scan; use ``GraphModel/Graph/index(of:)`` for O(1)).
    public func index(of id: String) throws(GraphAlgorithmsError) -> Int {
        guard let i = ids.firstIndex(of: id) else { throw .unknownEntity(id) }
        return i
    }

    /// The code of a relation kind, or `nil` when the schema has no such kind.
    public func relationKindCode(_ name: String) -> Int32? {
        relationKindNames.firstIndex(of: name).map { Int32($0) }
    }

    /// The code of an entity kind, or `nil` when the schema has no such kind.
    public func entityKindCode(_ name: String) -> Int32? {
        entityKindNames.firstIndex(of: name).map { Int32($0) }
    }

    /// Whether relation `e` held at some time within `period` (undated: `keepUndated`).
    public func relation(_ e: Int, holdsDuring period: DateSpan, keepUndated: Bool) -> Bool {
        dated[e] ? period.overlaps(first: spanFirst[e], last: spanLast[e]) : keepUndated
    }

    /// All relations, crossed as `direction` says.
    /// - Complexity: O(V + E) the first time for each direction, O(1) after (views are kept).
    public func csr(_ direction: Direction = .forward) -> CSRGraph {
        switch direction {
        case .forward:
            return views.get("forward") {
                CSRGraph(
                    unchecked: ids.count, sources: sources, targets: targets, weights: weights, isWeighted: hasWeights,
                    directed: true, bothWays: symmetric, edgeMask: mask, nodeRank: rank, parentEdges: nil)
            }
        case .reversed: return views.get("reversed") { csr(.forward).reversed() }
        case .undirected:
            // What csr(.forward).undirected() gives, without building the forward arcs first.
            return views.get("undirected") {
                CSRGraph(
                    unchecked: ids.count, sources: sources, targets: targets, weights: weights, isWeighted: hasWeights,
                    directed: false, bothWays: nil, edgeMask: mask, nodeRank: rank, parentEdges: nil)
            }
        }
    }

    /// ``csr(_:)`` with parallel relations merged (see ``CSRGraph/simplified(merging:)``),
    /// built once per snapshot for each direction and merge rule.
    /// - Complexity: O(1) after the first call; O(V + E log E) for the first.
    public func simpleCSR(_ direction: Direction, merging merge: CSRGraph.WeightMerge) -> CSRGraph {
        views.get("simple \(direction) \(merge)") { csr(direction).simplified(merging: merge) }
    }

    /// A filtered view: only relations of `relationKinds` (all when `nil`) and not
    /// of `excludedKinds`, that held during `period` (undated ones answer
    /// `keepUndated`), between entities of `entityKinds` (all when `nil`). Entity
    /// indices do not change; a filtered-out entity simply has no arcs.
    /// Unknown kind names match nothing.
    /// - Complexity: O(V + E).
    public func view(
        direction: Direction = .forward, relationKinds kinds: Set<String>? = nil,
        excludedKinds: Set<String> = [], entityKinds: Set<String>? = nil,
        during period: DateSpan? = nil, keepUndated: Bool = true
    ) -> CSRGraph {
        let allowed = relationKindMask(kinds: kinds, excluded: excludedKinds)
        let nodeAllowed: [Bool]? = entityKinds.map { set in
            let ok = entityKindNames.map { set.contains($0) }
            return self.entityKinds.map { ok[Int($0)] }
        }
        let base = csr(direction)
        if kinds == nil && excludedKinds.isEmpty && nodeAllowed == nil && period == nil { return base }
        return base.filtered(
            keepEdge: { e in
                allowed[Int(self.relationKinds[e])]
                    && (period.map { self.relation(e, holdsDuring: $0, keepUndated: keepUndated) } ?? true)
            },
            keepNode: nodeAllowed.map { mask in { mask[$0] } })
    }

    /// `mask[code]` says whether relation kind `code` passes `kinds` / `excluded`.
    func relationKindMask(kinds: Set<String>?, excluded: Set<String>) -> [Bool] {
        relationKindNames.map { (kinds?.contains($0) ?? true) && !excluded.contains($0) }
    }
}

/// The CSR views a snapshot derives on demand, built once each.
private final class ViewCache: @unchecked Sendable {
    private let lock = NSLock()
    private var views: [String: CSRGraph] = [:]

    func get(_ key: String, _ build: () -> CSRGraph) -> CSRGraph {
        lock.lock()
        if let v = views[key] { lock.unlock(); return v }
        lock.unlock()
        let v = build()
        lock.lock(); views[key] = v; lock.unlock()
        return v
    }
}
