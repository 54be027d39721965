import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// A value as NetworkX typed it.
enum PeerValue: Equatable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case list([PeerValue])

    init?(json: Any) {
        if let s = json as? String { self = .text(s) }
        else if let n = json as? NSNumber { self = .number(n.doubleValue) }
        else if let l = json as? [Any] {
            let items = l.compactMap(PeerValue.init(json:))
            guard items.count == l.count else { return nil }
            self = .list(items)
        } else { return nil }
    }

    var description: String {
        switch self {
        case .text(let s): return s.debugDescription
        case .number(let n): return "\(n)"
        case .list(let l): return "\(l)"
        }
    }
}

/// An edge as NetworkX saw it, comparable as a multiset member.
struct PeerEdge: Equatable, CustomStringConvertible {
    var source: String
    var target: String
    var attrs: [String: PeerValue]
    var sortKey: String { source + "\u{1}" + target + "\u{1}" + attrs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{2}") }
    var description: String { "\(source) -> \(target) \(attrs)" }
}

/// NetworkX (the real consumer) reads our GraphML, GEXF and node-link exports.
@Suite(.enabled(if: Peers.networkxOrCI, "python3 with networkx is not installed: NetworkX peer tests skipped"))
struct PeerReadTests {
    struct Seen {
        var directed: Bool
        var multigraph: Bool
        var graph: [String: PeerValue]
        var nodes: [String: [String: PeerValue]]
        var nodeOrder: [String]
        var edges: [PeerEdge]
    }

    static func read(_ format: String, text: String, ext: String) throws -> Seen {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-peer-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let object = try Peers.runJSON(script: "networkx_read.py", arguments: [format, url.path])
        guard let o = object as? [String: Any], let nodes = o["nodes"] as? [[String: Any]], let edges = o["edges"] as? [[String: Any]] else {
            throw Peers.Failure(description: "unexpected output \(object)")
        }
        func attrs(_ a: Any?) -> [String: PeerValue] {
            ((a as? [String: Any]) ?? [:]).compactMapValues(PeerValue.init(json:))
        }
        var seen = Seen(
            directed: o["directed"] as? Bool ?? false, multigraph: o["multigraph"] as? Bool ?? false,
            graph: attrs(o["graph"]), nodes: [:], nodeOrder: [], edges: [])
        for n in nodes {
            let id = n["id"] as? String ?? ""
            seen.nodes[id] = attrs(n["attrs"])
            seen.nodeOrder.append(id)
        }
        seen.edges = edges.map { PeerEdge(source: $0["source"] as? String ?? "", target: $0["target"] as? String ?? "", attrs: attrs($0["attrs"])) }
        return seen
    }

    /// Node attributes written from the entity's fields, as each writer documents them.
    static func expectedNode(_ e: Entity, aliasesAsList: Bool, nameKey: String) -> [String: PeerValue] {
        var a: [String: PeerValue] = ["kind": .text(e.kind), nameKey: .text(e.name)]
        if !e.aliases.isEmpty {
            a["aliases"] = aliasesAsList ? .list(e.aliases.map(PeerValue.text)) : .text(AttributeNaming.joinAliases(e.aliases))
        }
        if let s = e.start { a["start"] = .text(s.description) }
        if let t = e.end { a["end"] = .text(t.description) }
        if let d = e.description { a["description"] = .text(d) }
        for (k, v) in e.attributes { a[AttributeNaming.exported(k)] = .text(v) }
        return a
    }

    static func expectedEdge(_ r: Relation, referenceKey: String) -> [String: PeerValue] {
        var a: [String: PeerValue] = ["kind": .text(r.kind)]
        if let d = r.date { a["date"] = .text(d.description) }
        if let s = r.start { a["start"] = .text(s.description) }
        if let t = r.end { a["end"] = .text(t.description) }
        if let ev = r.evidence {
            if !ev.text.isEmpty { a["evidence"] = .text(ev.text) }
            if let s = ev.source { a[referenceKey] = .text(s) }
        }
        if let w = r.weight { a["weight"] = .number(w) }
        if let c = r.confidence { a["confidence"] = .number(c) }
        for (k, v) in r.attributes { a[AttributeNaming.exported(k)] = .text(v) }
        return a
    }

    static func sameEdges(_ seen: [PeerEdge], _ expected: [PeerEdge]) -> Bool {
        seen.sorted { $0.sortKey < $1.sortKey } == expected.sorted { $0.sortKey < $1.sortKey }
    }

    @Test func networkxReadsOurGraphML() throws {
        let g = try Interop.sample()
        let seen = try Self.read("graphml", text: GraphMLWriter.write(g), ext: "graphml")
        #expect(seen.directed)
        #expect(seen.multigraph)  // the sample has two parallel 'killed' relations
        #expect(seen.graph["name"] == .text(g.name))
        #expect(seen.nodeOrder == g.entities.map(\.id))
        for e in g.entities {
            #expect(seen.nodes[e.id] == Self.expectedNode(e, aliasesAsList: false, nameKey: "name"), "\(e.id)")
        }
        let expected = g.relations.map { PeerEdge(source: $0.from, target: $0.to, attrs: Self.expectedEdge($0, referenceKey: "source")) }
        #expect(Self.sameEdges(seen.edges, expected), "\(seen.edges) vs \(expected)")
    }

    @Test func networkxReadsOurNodeLinkJSON() throws {
        let g = try Interop.sample()
        let seen = try Self.read("node-link", text: NodeLinkWriter.write(g), ext: "json")
        #expect(seen.directed && seen.multigraph)
        #expect(seen.graph["name"] == .text(g.name))
        #expect(seen.nodeOrder == g.entities.map(\.id))
        for e in g.entities {
            #expect(seen.nodes[e.id] == Self.expectedNode(e, aliasesAsList: true, nameKey: "name"), "\(e.id)")
        }
        let expected = g.relations.map { PeerEdge(source: $0.from, target: $0.to, attrs: Self.expectedEdge($0, referenceKey: "reference")) }
        #expect(Self.sameEdges(seen.edges, expected), "\(seen.edges) vs \(expected)")
    }

    @Test func networkxReadsOurGEXFWithSpells() throws {
        let g = try Interop.sample()
        let seen = try Self.read("gexf", text: GEXFWriter.write(g), ext: "gexf")
        #expect(seen.directed && seen.multigraph)
        #expect(seen.nodeOrder == g.entities.map(\.id))
        for e in g.entities {
            // GEXF carries the name as the node label.
            let expected = Self.expectedNode(e, aliasesAsList: false, nameKey: "label")
            #expect(seen.nodes[e.id] == expected, "\(e.id)")
        }
        // The timeline: one spell per dated relation, as full days.
        let spells = [
            "1940-08-20/1940-08-20", nil, "1923-01-01/1940-08-31", "1937-01-01/", "1937-01-01/1940-08-21",
            "1938-01-01/1938-12-31", nil,
        ]
        let expected = g.relations.enumerated().map { i, r in
            var a = Self.expectedEdge(r, referenceKey: "source")
            a["id"] = .text(String(i))
            a["label"] = .text(r.kind)
            if let s = spells[i] { a["spells"] = .text(s) }
            return PeerEdge(source: r.from, target: r.to, attrs: a)
        }
        #expect(Self.sameEdges(seen.edges, expected), "\(seen.edges) vs \(expected)")
    }
}
