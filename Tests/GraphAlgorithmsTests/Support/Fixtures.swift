import Foundation
import GraphModel
@testable import GraphAlgorithms

/// The NetworkX fixtures under `Tests/Fixtures/networks`, read with a small CSV
/// reader of our own (GraphFormats is not a dependency of this target).
struct Fixture {
    let name: String
    let graph: Graph
    let directed: Bool
    let weighted: Bool
    let expected: [String: Any]

    static let names = ["karate", "florentine", "syndicate"]

    static func directory() -> URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Fixtures/networks")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        fatalError("Tests/Fixtures/networks not found above \(#filePath)")
    }

    /// Rows of a CSV file (RFC 4180 quotes), header first.
    static func readCSV(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [[String]] = []
        var row: [String] = [], field = ""
        var inQuotes = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows.filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    static func load(_ name: String) throws -> Fixture {
        let dir = directory()
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(name).meta.json"))) as! [String: Any]
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(name).expected.json"))) as! [String: Any]
        let directed = meta["directed"] as? Bool ?? false
        let weighted = meta["weighted"] as? Bool ?? false
        let nodeRows = try readCSV(dir.appendingPathComponent("\(name).nodes.csv"))
        let edgeRows = try readCSV(dir.appendingPathComponent("\(name).edges.csv"))
        let nh = nodeRows[0], eh = edgeRows[0]
        let (iID, iLabel, iKind) = (nh.firstIndex(of: "id")!, nh.firstIndex(of: "label")!, nh.firstIndex(of: "kind")!)
        let (iS, iT, iW, iK) = (eh.firstIndex(of: "source")!, eh.firstIndex(of: "target")!, eh.firstIndex(of: "weight")!, eh.firstIndex(of: "kind")!)
        var entityKinds: [String] = [], relationKinds: [String] = []
        var entities: [Entity] = []
        for r in nodeRows.dropFirst() {
            let kind = r[iKind].isEmpty ? "node" : r[iKind]
            if !entityKinds.contains(kind) { entityKinds.append(kind) }
            entities.append(Entity(id: r[iID], kind: kind, name: r[iLabel].isEmpty ? nil : r[iLabel]))
        }
        var relations: [Relation] = []
        for r in edgeRows.dropFirst() {
            let kind = r[iK].isEmpty ? "tie" : r[iK]
            if !relationKinds.contains(kind) { relationKinds.append(kind) }
            relations.append(Relation(from: r[iS], kind: kind, to: r[iT], weight: Double(r[iW])))
        }
        let schema = Schema(
            entityKinds: entityKinds.map { EntityKind(name: $0) },
            relationKinds: relationKinds.map { RelationKind(name: $0, symmetric: !directed) })
        let graph = try Graph(name: name, schema: schema, entities: entities, relations: relations)
        return Fixture(name: name, graph: graph, directed: directed, weighted: weighted, expected: expected)
    }

    func dict(_ key: String) -> [String: Double] {
        (expected[key] as? [String: Any] ?? [:]).mapValues { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    func has(_ key: String) -> Bool { expected[key] != nil }
}

/// A random simple graph for property loops.
struct RandomGraph {
    let nodeCount: Int
    let sources: [Int32]
    let targets: [Int32]
    let weights: [Double]

    init(seed: UInt64, nodes: Int, edges: Int, allowParallel: Bool = false, maxWeight: UInt64 = 5) {
        var rng = SeededGenerator(seed: seed)
        var s: [Int32] = [], t: [Int32] = [], w: [Double] = []
        var seen = Set<Int>()
        var tries = 0
        while s.count < edges && tries < edges * 20 {
            tries += 1
            let a = Int(rng.next() % UInt64(nodes)), b = Int(rng.next() % UInt64(nodes))
            if a == b { continue }
            if !allowParallel && !seen.insert(min(a, b) * nodes + max(a, b)).inserted { continue }
            s.append(Int32(a)); t.append(Int32(b)); w.append(Double(1 + rng.next() % maxWeight))
        }
        nodeCount = nodes; sources = s; targets = t; weights = w
    }

    /// The same graph as a `Graph` with ids `v000`… (so id order is index order):
    /// relation kinds `a`, `b` (directed) and `s` (symmetric); every third entity an
    /// `org`; dates drawn from 1900–1949 (a point, a span, an open span, or none).
    func graph(seed: UInt64 = 0) throws -> Graph {
        var rng = SeededGenerator(seed: seed ^ 0x5EED)
        let kinds = ["a", "b", "s"]
        let schema = Schema(
            entityKinds: [EntityKind(name: "person"), EntityKind(name: "org")],
            relationKinds: [RelationKind(name: "a"), RelationKind(name: "b"), RelationKind(name: "s", symmetric: true)])
        let entities = (0..<nodeCount).map { Entity(id: RandomGraph.id($0), kind: $0 % 3 == 0 ? "org" : "person") }
        var relations: [Relation] = []
        for i in sources.indices {
            let kind = kinds[Int(rng.next() % 3)]
            var r = Relation(from: RandomGraph.id(Int(sources[i])), kind: kind, to: RandomGraph.id(Int(targets[i])), weight: weights[i])
            let y = 1900 + Int(rng.next() % 50)
            switch rng.next() % 4 {
            case 0: r.date = PartialDate(year: y)
            case 1: r.start = PartialDate(year: y); r.end = PartialDate(year: y + Int(rng.next() % 10))
            case 2: r.start = PartialDate(year: y)
            default: break
            }
            relations.append(r)
        }
        return try Graph(schema: schema, entities: entities, relations: relations)
    }

    static func id(_ i: Int) -> String { "v" + String(format: "%03d", i) }
}

