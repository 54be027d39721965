import Foundation

/// Ties read as sentences: "Ramón Mercader killed Leon Trotsky (1940-08-20) —
/// killed him with an ice axe [s. 38]". One implementation of the phrases for
/// every reader: `relgraph path`, the explorer page's cards and the report.
public enum Narration {
    /// The phrase that joins the two ends of `relation` when it is read from
    /// `from` towards `to`: the schema's forward reading ("killed") when read the
    /// way it points or when the kind is symmetric, else its inverse reading
    /// ("was killed by"); a kind the schema lacks reads as its name, or
    /// `← kind —` backwards.
    /// - Complexity: O(1) expected.
    public static func phrase(_ relation: Relation, forward: Bool, schema: Schema) -> String {
        let kind = schema.relationKind(relation.kind)
        return forward || (kind?.symmetric ?? false)
            ? (kind?.forward ?? relation.kind) : (kind?.inverse ?? "← \(relation.kind) —")
    }

    /// The relation as one sentence, read from `forward ? from : to`: names,
    /// phrase, date in brackets, then " — evidence [source]".
    /// Names of entities the graph lacks read as their ids.
    /// - Complexity: O(1) expected, plus the length of the text.
    public static func sentence(_ relation: Relation, forward: Bool = true, in graph: Graph) -> String {
        let a = forward ? relation.from : relation.to, b = forward ? relation.to : relation.from
        var s = "\(name(a, in: graph)) \(phrase(relation, forward: forward, schema: graph.schema)) \(name(b, in: graph))"
        if let d = relation.dateText { s += " (\(d))" }
        if let e = relation.evidence {
            s += " — \(e.text)"
            if let src = e.source { s += " [\(src)]" }
        }
        return s
    }

    /// The claim alone, without date or evidence: "Ramón Mercader killed Leon Trotsky".
    public static func claim(_ relation: Relation, forward: Bool = true, in graph: Graph) -> String {
        let a = forward ? relation.from : relation.to, b = forward ? relation.to : relation.from
        return "\(name(a, in: graph)) \(phrase(relation, forward: forward, schema: graph.schema)) \(name(b, in: graph))"
    }

    /// "Ramón Mercader → Leon Trotsky → Joseph Stalin"
    public static func chain(_ ids: [String], in graph: Graph) -> String {
        ids.map { name($0, in: graph) }.joined(separator: " → ")
    }

    /// The display name of an entity, or the id itself when the graph lacks it.
    public static func name(_ id: String, in graph: Graph) -> String { graph.entity(id)?.name ?? id }
}
