import Foundation
import GraphAlgorithms
import GraphModel

/// Reads paths as sentences: each hop in the schema's forward or inverse reading,
/// with its date, evidence and source.
struct PathNarrator {
    let graph: Graph

    func name(_ id: String) -> String { Narration.name(id, in: graph) }

    /// "Ramón Mercader killed Leon Trotsky (1940-08-20) — struck him with an ice axe [s. 88]"
    /// (the library's ``Narration``, shared with the explorer page and the report).
    func sentence(_ hop: Path.Hop) -> String {
        Narration.sentence(graph[relation: hop.relation], forward: hop.forward, in: graph)
    }

    /// "Ramón Mercader → Leon Trotsky → Joseph Stalin"
    func chain(_ path: Path) -> String { Narration.chain(path.entities, in: graph) }

    func text(_ path: Path, weighted: Bool) -> String {
        var lines = [chain(path) + "  (\(path.hopCount) hop\(path.hopCount == 1 ? "" : "s")"
            + (weighted ? ", length \(formatNumber(path.length)))" : ")")]
        for (i, hop) in path.hops.enumerated() {
            lines.append("  \(i + 1). " + sentence(hop))
        }
        return lines.joined(separator: "\n")
    }

    func json(_ path: Path) -> PathJSON {
        PathJSON(
            hops: path.hopCount, length: path.length, entities: path.entities,
            steps: path.hops.map { hop in
                let r = graph[relation: hop.relation]
                return StepJSON(
                    from: hop.from, to: hop.to, kind: r.kind, forward: hop.forward,
                    relation: RelationRefJSON(from: r.from, kind: r.kind, to: r.to, id: hop.relation.rawValue),
                    date: r.dateText, evidence: r.evidence?.text, source: r.evidence?.source,
                    sentence: sentence(hop))
            })
    }
}

/// A relation of a path: its ends, kind and identity (its position in the file read).
struct RelationRefJSON: Codable { var from: String; var kind: String; var to: String; var id: UInt32 }
struct StepJSON: Codable {
    var from: String; var to: String; var kind: String; var forward: Bool
    var relation: RelationRefJSON; var date: String?; var evidence: String?; var source: String?; var sentence: String
    /// The cited sentences, with `path --quotes` only.
    var quotes: [QuoteJSON]? = nil
}
struct QuoteJSON: Codable { var source: String; var sentence: Int; var text: String }
struct PathJSON: Codable { var hops: Int; var length: Double; var entities: [String]; var steps: [StepJSON] }

/// Fixed formatting for numbers people diff: integers without a fraction, others to 6 places.
func formatNumber(_ x: Double, places: Int = 6) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
    return String(format: "%.\(places)f", x)
}

/// Deterministic, readable JSON.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
