import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// Every simple path between two entities that obeys a set of constraints, by
/// exhaustive depth-first enumeration: the oracle for the constrained searches.
struct PathOracle {
    let graph: Graph
    let c: PathConstraints

    struct Found { var nodes: [String]; var length: Double }

    func kindOK(_ r: Relation) -> Bool {
        (c.kinds?.contains(r.kind) ?? true) && !c.excludedKinds.contains(r.kind)
            && (c.at.map { r.holds(during: $0, keepUndated: c.keepUndated) } ?? true)
    }

    func intermediateOK(_ id: String) -> Bool {
        guard let e = graph.entity(id) else { return false }
        return (c.throughKinds?.contains(e.kind) ?? true) && !c.avoid.contains(id)
    }

    func paths(from s: String, to t: String) -> [Found] {
        if s == t { return [Found(nodes: [s], length: 0)] }
        var adj: [String: [(to: String, rel: Relation)]] = [:]
        for r in graph.relations where kindOK(r) {
            adj[r.from, default: []].append((r.to, r))
            if !c.directed || graph.schema.relationKind(r.kind)?.symmetric == true { adj[r.to, default: []].append((r.from, r)) }
        }
        var out: [Found] = []
        var path = [s]
        var onPath: Set<String> = [s]
        func dfs(_ u: String, _ time: Int, _ length: Double) {
            if u == t { out.append(Found(nodes: path, length: length)); return }
            if u != s && !intermediateOK(u) { return }
            if let h = c.maxHops, path.count - 1 >= h { return }
            for (v, r) in adj[u] ?? [] where !onPath.contains(v) {
                var next = time
                if c.timeRespecting, let span = r.span {
                    if span.last < time { continue }
                    next = max(time, span.first)
                }
                path.append(v); onPath.insert(v)
                dfs(v, next, length + (c.weighted ? (r.weight ?? 1) : 1))
                path.removeLast(); onPath.remove(v)
            }
        }
        dfs(s, Int.min, 0)
        return out
    }
}

@Suite("Constrained paths")
struct ConstrainedPathTests {
    /// Checks a path against the graph and every constraint.
    func expectValid(_ p: Path, _ g: Graph, _ c: PathConstraints, _ s: String, _ t: String, _ why: String) {
        #expect(p.entities.first == s && p.entities.last == t, "\(why)")
        #expect(p.hops.count == p.entities.count - 1, "\(why)")
        #expect(Set(p.entities).count == p.entities.count, "\(why): not simple")
        if let h = c.maxHops { #expect(p.hopCount <= h, "\(why): too many hops") }
        var time = Int.min
        var length = 0.0
        for (i, hop) in p.hops.enumerated() {
            let r = g[relation: hop.relation]
            #expect(hop.from == p.entities[i] && hop.to == p.entities[i + 1], "\(why)")
            #expect(hop.forward ? (r.from == hop.from && r.to == hop.to) : (r.to == hop.from && r.from == hop.to), "\(why): hop \(i) direction")
            #expect((c.kinds?.contains(r.kind) ?? true) && !c.excludedKinds.contains(r.kind), "\(why): kind")
            if let at = c.at { #expect(r.holds(during: at, keepUndated: c.keepUndated), "\(why): date") }
            if c.directed { #expect(hop.forward || g.schema.relationKind(r.kind)?.symmetric == true, "\(why): backwards") }
            if i > 0 {
                let e = g.entity(hop.from)!
                #expect((c.throughKinds?.contains(e.kind) ?? true) && !c.avoid.contains(e.id), "\(why): intermediate \(e.id)")
            }
            if c.timeRespecting, let span = r.span {
                #expect(span.last >= time, "\(why): hop \(i) goes back in time")
                time = max(time, span.first)
            }
            length += c.weighted ? (r.weight ?? 1) : 1
        }
        #expect(length == p.length, "\(why): length")
    }

    static func randomConstraints(_ rng: inout SeededGenerator, ids: [String]) -> PathConstraints {
        var c = PathConstraints()
        func coin(_ k: UInt64) -> Bool { rng.next() % k == 0 }
        if coin(4) { c.kinds = Set(["a", "b", "s"].filter { _ in rng.next() % 3 != 0 }) }
        if coin(4) { c.excludedKinds = [["a", "b", "s"][Int(rng.next() % 3)]] }
        if coin(4) { c.throughKinds = [rng.next() % 2 == 0 ? "person" : "org"] }
        if coin(4) { c.avoid = [ids[Int(rng.next() % UInt64(ids.count))]] }
        if coin(3) { c.maxHops = Int(rng.next() % 5) }
        if coin(4) {
            let y = 1900 + Int(rng.next() % 50)
            c.at = DateSpan(from: PartialDate(year: y)!, to: PartialDate(year: y + Int(rng.next() % 8))!)
            c.keepUndated = rng.next() % 2 == 0
        }
        c.timeRespecting = coin(3)
        c.directed = coin(2)
        c.weighted = coin(2)
        return c
    }

    @Test("shortest, all shortest, count, k shortest and explanations agree with exhaustive search")
    func againstOracle() throws {
        var found = 0, missing = 0, timed = 0, multi = 0, relaxed = 0
        defer {
            // The loop must exercise both outcomes and the interesting cases.
            #expect(found > 200 && missing > 200 && timed > 60 && multi > 30 && relaxed > 60,
                    "found \(found) missing \(missing) timed \(timed) multi \(multi) relaxed \(relaxed)")
        }
        for seed: UInt64 in 0..<120 {
            var rng = SeededGenerator(seed: seed)
            let r = RandomGraph(seed: seed, nodes: 6 + Int(seed % 5), edges: 8 + Int(seed % 10), maxWeight: 2)
            let g = try r.graph(seed: seed)
            let ids = g.entities.map(\.id)
            for _ in 0..<8 {
                let c = ConstrainedPathTests.randomConstraints(&rng, ids: ids)
                let s = ids[Int(rng.next() % UInt64(ids.count))], t = ids[Int(rng.next() % UInt64(ids.count))]
                let why = "seed \(seed) \(s)->\(t) \(c)"
                let oracle = PathOracle(graph: g, c: c).paths(from: s, to: t)
                let best = oracle.map(\.length).min()
                let p = try ShortestPaths.shortestPath(in: g, from: s, to: t, constraints: c)
                #expect(p?.length == best, "\(why): shortest")
                if p == nil { missing += 1 } else { found += 1 }
                if p != nil && c.timeRespecting { timed += 1 }
                if oracle.filter({ $0.length == best }).count > 1 { multi += 1 }
                if let p { expectValid(p, g, c, s, t, why) }
                let bestCount = oracle.filter { $0.length == best }.count
                #expect(try ShortestPaths.countShortestPaths(in: g, from: s, to: t, constraints: c) == bestCount, "\(why): count")
                let all = try ShortestPaths.allShortestPaths(in: g, from: s, to: t, constraints: c)
                #expect(all.count == bestCount, "\(why): all")
                #expect(Set(all.map(\.entities)) == Set(oracle.filter { $0.length == best }.map(\.nodes)), "\(why): all")
                for q in all { expectValid(q, g, c, s, t, why) }
                let k = try ShortestPaths.kShortestPaths(in: g, from: s, to: t, k: 4, constraints: c)
                #expect(k.map(\.length) == Array(oracle.map(\.length).sorted().prefix(4)), "\(why): k shortest")
                #expect(Set(k.map(\.entities)).count == k.count, "\(why): k shortest repeats")
                for q in k { expectValid(q, g, c, s, t, why) }
                let explanation = try ShortestPaths.explainNoPath(in: g, from: s, to: t, constraints: c)
                #expect((explanation == nil) == (p != nil), "\(why): explain")
                if let explanation {
                    let listed = Set(explanation.relaxations.map(\.constraint))
                    if !listed.isEmpty { relaxed += 1 }
                    for kind in c.active {
                        let relaxed = PathOracle(graph: g, c: c.relaxing(kind)).paths(from: s, to: t)
                        #expect(listed.contains(kind) == !relaxed.isEmpty, "\(why): relaxing \(kind)")
                    }
                    for rel in explanation.relaxations { expectValid(rel.path, g, c.relaxing(rel.constraint), s, t, why) }
                    let free = PathOracle(graph: g, c: PathConstraints(weighted: c.weighted)).paths(from: s, to: t)
                    #expect(explanation.connectedWithoutConstraints == !free.isEmpty, "\(why)")
                }
            }
        }
    }

    /// A small story graph (standard schema) exercising each constraint by name.
    static func story() throws -> Graph {
        let people = ["trotsky", "stalin", "mercader", "eitingon", "caridad"]
        let rels = [
            Relation(from: "stalin", kind: "leader_of", to: "gpu", start: PartialDate("1934")),
            Relation(from: "mercader", kind: "agent_of", to: "gpu", start: PartialDate("1937")),
            Relation(from: "mercader", kind: "killed", to: "trotsky", date: PartialDate("1940-08-21")),
            Relation(from: "stalin", kind: "rival_of", to: "trotsky", start: PartialDate("1923"), end: PartialDate("1940")),
            Relation(from: "eitingon", kind: "agent_of", to: "gpu"),
            Relation(from: "caridad", kind: "parent_of", to: "mercader"),
            Relation(from: "eitingon", kind: "affair_with", to: "caridad"),
        ]
        return try Graph(
            entities: people.map { Entity(id: $0, kind: "person") } + [Entity(id: "gpu", kind: "organization")],
            relations: rels)
    }

    @Test("each constraint, by name, on a small story graph")
    func story() throws {
        let g = try ConstrainedPathTests.story()
        func path(_ c: PathConstraints, _ s: String = "trotsky", _ t: String = "mercader") throws -> Path? {
            try ShortestPaths.shortestPath(in: g, from: s, to: t, constraints: c)
        }
        let direct = try #require(try path(PathConstraints()))
        #expect(direct.entities == ["trotsky", "mercader"])
        #expect(direct.hops[0].forward == false)  // "trotsky was killed by mercader"
        #expect(try path(PathConstraints(directed: true)) == nil)
        #expect(try path(PathConstraints(directed: true), "mercader", "trotsky")?.hops.first?.forward == true)
        // rival_of is symmetric: crossed from trotsky to stalin even when directed.
        #expect(try path(PathConstraints(directed: true), "trotsky", "gpu")?.entities == ["trotsky", "stalin", "gpu"])
        let noKill = PathConstraints(excludedKinds: ["killed"])
        #expect(try path(noKill)?.entities == ["trotsky", "stalin", "gpu", "mercader"])
        #expect(try path(PathConstraints(kinds: ["rival_of", "leader_of", "agent_of"]))?.hopCount == 3)
        var c = noKill
        c.throughKinds = ["person"]
        #expect(try path(c) == nil)
        let why = try #require(try ShortestPaths.explainNoPath(in: g, from: "trotsky", to: "mercader", constraints: c))
        #expect(why.relaxations.map(\.constraint) == [.excludedKinds, .throughKinds])
        c = noKill
        c.avoid = ["stalin"]
        #expect(try path(c) == nil)
        c = noKill
        c.maxHops = 2
        #expect(try path(c) == nil)
        #expect(try ShortestPaths.explainNoPath(in: g, from: "trotsky", to: "mercader", constraints: c)?
            .relaxations.map(\.constraint) == [.excludedKinds, .maxHops])
        // In 1935 the killing and Mercader's GPU tie had not happened; undated ties still count.
        let at1935 = PathConstraints(at: DateSpan(PartialDate("1935")!))
        #expect(try path(at1935)?.entities == ["trotsky", "stalin", "gpu", "eitingon", "caridad", "mercader"])
        var strict = at1935
        strict.keepUndated = false
        #expect(try path(strict) == nil)
        #expect(throws: GraphAlgorithmsError.unknownRelationKind("kiled")) { try path(PathConstraints(kinds: ["kiled"])) }
        #expect(throws: GraphAlgorithmsError.unknownEntityKind("robot")) { try path(PathConstraints(throughKinds: ["robot"])) }
        #expect(throws: GraphAlgorithmsError.unknownEntity("nobody")) { try path(PathConstraints(avoid: ["nobody"])) }
        #expect(throws: GraphAlgorithmsError.self) { try path(PathConstraints(maxHops: -1)) }
    }

    @Test("time-respecting paths take the later detour")
    func timeRespecting() throws {
        let rels = [
            Relation(from: "a", kind: "ally_of", to: "b", date: PartialDate("1940")),
            Relation(from: "b", kind: "ally_of", to: "c", date: PartialDate("1930")),
            Relation(from: "a", kind: "ally_of", to: "d", date: PartialDate("1925")),
            Relation(from: "d", kind: "ally_of", to: "e", start: PartialDate("1930"), end: PartialDate("1936")),
            Relation(from: "e", kind: "ally_of", to: "c", date: PartialDate("1938")),
        ]
        let g = try Graph(entities: ["a", "b", "c", "d", "e"].map { Entity(id: $0, kind: "person") }, relations: rels)
        #expect(try ShortestPaths.shortestPath(in: g, from: "a", to: "c")?.entities == ["a", "b", "c"])
        let tr = PathConstraints(timeRespecting: true)
        #expect(try ShortestPaths.shortestPath(in: g, from: "a", to: "c", constraints: tr)?.entities == ["a", "d", "e", "c"])
        #expect(try ShortestPaths.shortestPath(in: g, from: "c", to: "a", constraints: tr)?.entities == ["c", "b", "a"])
        var bounded = tr
        bounded.maxHops = 2
        let why = try #require(try ShortestPaths.explainNoPath(in: g, from: "a", to: "c", constraints: bounded))
        #expect(why.relaxations.map(\.constraint) == [.maxHops, .timeRespecting])
    }

    @Test("parallel relations: lowest index, lightest when weighted, counted once")
    func multigraph() throws {
        let rels = [
            Relation(from: "a", kind: "ally_of", to: "b", weight: 5),
            Relation(from: "a", kind: "rival_of", to: "b", weight: 2),
            Relation(from: "b", kind: "ally_of", to: "c", weight: 1),
        ]
        let g = try Graph(entities: ["a", "b", "c"].map { Entity(id: $0, kind: "person") }, relations: rels)
        #expect(try ShortestPaths.shortestPath(in: g, from: "a", to: "c")?.hops.map(\.relation.rawValue) == [0, 2])
        let w = PathConstraints(weighted: true)
        let p = try #require(try ShortestPaths.shortestPath(in: g, from: "a", to: "c", constraints: w))
        #expect(p.hops.map(\.relation.rawValue) == [1, 2])
        #expect(p.length == 3)
        #expect(try ShortestPaths.countShortestPaths(in: g, from: "a", to: "c") == 1)
        #expect(try ShortestPaths.allShortestPaths(in: g, from: "a", to: "c", constraints: w).map { $0.hops.map(\.relation.rawValue) } == [[1, 2]])
        #expect(Brokers.bridges(in: g).map(\.relation.rawValue) == [2])
        #expect(Centrality.degree(in: g).byID == ["a": 2, "b": 3, "c": 1])
    }
}
