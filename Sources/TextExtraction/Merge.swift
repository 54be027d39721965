import Foundation
import GraphModel

/// What ``CandidateMerge/merge(_:into:all:)`` did.
public struct MergeReport: Sendable {
    /// The merged graph.
    public let graph: Graph
    /// Ids of the entities added (new to the target graph).
    public let addedEntities: [String]
    /// The ties added, as they read in the merged graph.
    public let addedRelations: [Relation]
    /// Accepted ties the target already had (same ends and kind, either way round for symmetric kinds).
    public let duplicates: [Relation]
    /// Accepted ties left out, with why (an ambiguous name, a kind the target's schema lacks…).
    public let skipped: [SkippedTie]
    /// Accepted entities left out (with no tie that needs them), with why.
    public let skippedEntities: [(id: String, reason: String)]
    /// Candidates whose `accepted` value is neither yes nor no (`nope`, `maybe`):
    /// `entity e3` or `relation a ally_of b`, and the value. They are taken as not accepted.
    public let unclearAcceptance: [(candidate: String, value: String)]
}

/// An accepted tie merge left out, and why.
public struct SkippedTie: Sendable {
    public let relation: Relation
    public let reason: String
}

/// Adds the accepted candidates of an extraction to a graph.
public enum CandidateMerge {
    /// Merges the relations of `candidates` marked `accepted: true` (all of them with
    /// `all`), and the entities they need or that are themselves accepted, into `target`.
    ///
    /// A candidate entity is the target's entity with the same id, or else the one
    /// entity whose name, id or aliases fold (case and accents ignored) to one of the
    /// candidate's names; otherwise it is added, under a fresh id if its id is taken.
    /// A tie the target already has is never added twice. Bookkeeping attributes
    /// (`accepted`, offsets) are dropped; the cue is kept.
    ///
    /// - Complexity: O(V + E + A) for the two graphs' entities, relations and names.
    public static func merge(_ candidates: Graph, into target: Graph, all: Bool = false) -> MergeReport {
        var graph = target
        var byName: [String: Set<String>] = [:]
        func index(_ e: Entity) {
            for n in [e.id, e.name] + e.aliases { byName[foldName(n), default: []].insert(e.id) }
        }
        target.entities.forEach(index)
        var mapped: [String: String] = [:]
        var added: [String] = []
        var skipped: [SkippedTie] = []

        func resolve(_ id: String) -> Result<String, MergeFailure> {
            if let m = mapped[id] { return .success(m) }
            guard let c = candidates.entity(id) else { return .failure(.init("no entity '\(id)' in the candidates")) }
            if let t = target.entity(id), t.kind == c.kind || c.attributes["known"] == "true" { mapped[id] = id; return .success(id) }
            var hits = Set<String>()
            for n in [c.name] + c.aliases { hits.formUnion(byName[foldName(n)] ?? []) }
            hits = hits.filter { graph.entity($0)?.kind == c.kind }
            if hits.count == 1, let only = hits.first { mapped[id] = only; return .success(only) }
            if hits.count > 1 { return .failure(.init("'\(c.name)' matches several entities: \(hits.sorted().joined(separator: ", "))")) }
            var newID = c.id
            var n = 2
            while graph.entity(newID) != nil { newID = "\(c.id)_\(n)"; n += 1 }
            var e = c
            e.id = newID
            e.location = nil
            e.attributes = c.attributes.filter { !["accepted", "known", "mentions", "first_seen"].contains($0.key) }
            guard graph.schema.entityKind(e.kind) != nil else { return .failure(.init("the graph has no entity kind '\(e.kind)'")) }
            do { try graph.add(e) } catch { return .failure(.init("\(error)")) }
            index(e)
            added.append(newID)
            mapped[id] = newID
            return .success(newID)
        }

        var skippedEntities: [(id: String, reason: String)] = []
        for e in candidates.entities where isAccepted(e.attributes) {
            if case .failure(let f) = resolve(e.id) { skippedEntities.append((e.id, f.reason)) }
        }
        let unclear = candidates.entities.compactMap { e in unclearAcceptance(e.attributes).map { ("entity \(e.id)", $0) } }
            + candidates.relations.compactMap { r in unclearAcceptance(r.attributes).map { ("relation \(r.from) \(r.kind) \(r.to)", $0) } }
        var existing = Set(graph.relations.map { RelationKey($0, symmetric: graph.schema.relationKind($0.kind)?.symmetric ?? false) })
        var addedRelations: [Relation] = []
        var duplicates: [Relation] = []
        for r in candidates.relations where all || isAccepted(r.attributes) {
            let from = resolve(r.from), to = resolve(r.to)
            guard case .success(let a) = from, case .success(let b) = to else {
                let why = [from, to].compactMap { if case .failure(let f) = $0 { return f.reason } else { return nil } }.joined(separator: "; ")
                skipped.append(SkippedTie(relation: r, reason: why)); continue
            }
            var rel = r
            rel.from = a
            rel.to = b
            rel.location = nil
            rel.attributes = r.attributes.filter { !["accepted", "from_offsets", "to_offsets"].contains($0.key) }
            let key = RelationKey(rel, symmetric: graph.schema.relationKind(rel.kind)?.symmetric ?? false)
            if existing.contains(key) { duplicates.append(rel); continue }
            do {
                try graph.add(rel)
            } catch {
                skipped.append(SkippedTie(relation: r, reason: "\(error)")); continue
            }
            existing.insert(key)
            addedRelations.append(rel)
        }
        return MergeReport(graph: graph, addedEntities: added, addedRelations: addedRelations, duplicates: duplicates,
                           skipped: skipped, skippedEntities: skippedEntities, unclearAcceptance: unclear)
    }

    private static let yes: Set<String> = ["true", "yes", "y", "1", "x"]
    private static let no: Set<String> = ["", "false", "no", "n", "0"]

    static func isAccepted(_ attributes: [String: String]) -> Bool {
        yes.contains(acceptance(attributes))
    }

    /// The `accepted` value, lowercased and trimmed (" true" is true).
    private static func acceptance(_ attributes: [String: String]) -> String {
        (attributes["accepted"] ?? "").lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// The `accepted` value when it is neither a yes nor a no.
    static func unclearAcceptance(_ attributes: [String: String]) -> String? {
        let value = acceptance(attributes)
        return yes.contains(value) || no.contains(value) ? nil : attributes["accepted"]
    }
}

struct MergeFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A tie's identity for de-duplication: ends and kind, ends sorted for symmetric kinds.
struct RelationKey: Hashable {
    let from: String, kind: String, to: String
    init(_ r: Relation, symmetric: Bool) {
        kind = r.kind
        if symmetric && r.to < r.from { from = r.to; to = r.from } else { from = r.from; to = r.to }
    }
}
