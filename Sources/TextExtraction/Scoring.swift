import GraphModel
import SourceTexts

/// Precision and recall of one comparison.
public struct ScoreCounts: Sendable, Equatable {
    /// Items of the extraction that match the reference.
    public let matchedExtracted: Int
    /// Items extracted.
    public let extracted: Int
    /// Items of the reference that the extraction found.
    public let matchedExpected: Int
    /// Items in the reference.
    public let expected: Int

    public var precision: Double { extracted == 0 ? 0 : Double(matchedExtracted) / Double(extracted) }
    public var recall: Double { expected == 0 ? 0 : Double(matchedExpected) / Double(expected) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// How an extraction compares with a reference graph made by hand.
///
/// Entities match when one of the extracted entity's names (name or alias) folds
/// to one of the reference entity's names, id or aliases. A tie matches when its
/// ends match a pair the reference joins (`ties`, either direction, any kind) and,
/// for `tiesWithKind`, by the same kind in the same direction (either for symmetric
/// kinds). Reference relations with the attribute `expect: absent` (negated or
/// hedged-away statements) or `stated: no` (implied, not stated) are not expected;
/// extracted ties matching an `expect: absent` one are listed in `forbidden`.
public struct ExtractionScore: Sendable {
    /// People and organisations.
    public let entities: ScoreCounts
    public let people: ScoreCounts
    public let organizations: ScoreCounts
    public let ties: ScoreCounts
    public let tiesWithKind: ScoreCounts
    /// Distinct sentence numbers the reference cites, and how many of them the extraction proposed a tie from.
    public let citedSentences: Int
    public let citedSentencesFound: Int
    /// Reference ties found from (one of) the very sentences the reference cites.
    public let tiesFoundInCitedSentence: Int
    /// Extracted ties the reference marks `expect: absent`.
    public let forbidden: [Relation]
    /// Extracted id → reference id, for entities that match.
    public let entityMatches: [String: String]
    public let missedEntities: [String]
    public let spuriousEntities: [String]
    public let spuriousTies: [Relation]
    public let missedTies: [Relation]

    /// Scores `extracted` against `reference`, counting entities of `kinds`.
    /// - Complexity: O((V + E + A) log) over both graphs.
    public init(extracted: Graph, reference: Graph, kinds: Set<String> = ["person", "organization"]) {
        var refByName: [String: [Entity]] = [:]
        for e in reference.entities {
            for n in Set([e.id, e.name] + e.aliases) { refByName[foldName(n), default: []].append(e) }
        }
        var matches: [String: String] = [:]
        for e in extracted.entities {
            var hits: [Entity] = []
            for n in [e.name] + e.aliases { for h in refByName[foldName(n)] ?? [] where !hits.contains(h) { hits.append(h) } }
            if let best = hits.first(where: { $0.kind == e.kind }) ?? hits.first { matches[e.id] = best.id }
        }
        entityMatches = matches
        func counts(_ ks: Set<String>) -> ScoreCounts {
            let ex = extracted.entities.filter { ks.contains($0.kind) }
            let ref = reference.entities.filter { ks.contains($0.kind) }
            let refIDs = Set(ref.map(\.id))
            let good = ex.filter { matches[$0.id].map(refIDs.contains) ?? false }
            let found = Set(good.compactMap { matches[$0.id] })
            return ScoreCounts(matchedExtracted: good.count, extracted: ex.count, matchedExpected: found.count, expected: ref.count)
        }
        entities = counts(kinds)
        people = counts(["person"])
        organizations = counts(["organization"])
        let refKinds = Set(reference.entities.filter { kinds.contains($0.kind) }.map(\.id))
        let extractedKinds = Set(extracted.entities.filter { kinds.contains($0.kind) }.map(\.id))
        missedEntities = reference.entities.filter { refKinds.contains($0.id) && !Set(matches.values).contains($0.id) }.map(\.name)
        spuriousEntities = extracted.entities.filter { extractedKinds.contains($0.id) && !(matches[$0.id].map(refKinds.contains) ?? false) }.map(\.name)

        func absent(_ r: Relation) -> Bool { r.attributes["expect"] == "absent" }
        func implied(_ r: Relation) -> Bool { r.attributes["stated"] == "no" }
        let expectedRelations = reference.relations.filter { !absent($0) && !implied($0) }
        func pair(_ a: String, _ b: String) -> [String] { [a, b].sorted() }
        let refPairs = Set(reference.relations.filter { !absent($0) }.map { pair($0.from, $0.to) })
        let expectedPairs = Set(expectedRelations.map { pair($0.from, $0.to) })
        func symmetric(_ k: String) -> Bool { reference.schema.relationKind(k)?.symmetric ?? false }
        func sameTie(_ x: Relation, _ from: String, _ to: String) -> Bool {
            x.from == from && x.to == to || (symmetric(x.kind) && x.from == to && x.to == from)
        }
        var good = 0, goodKind = 0
        var foundPairs = Set<[String]>()
        var foundKinds: Set<Int> = []
        var forbiddenFound: [Relation] = []
        var spurious: [Relation] = []
        var foundInSentence = Set<Int>()
        for r in extracted.relations {
            guard let a = matches[r.from], let b = matches[r.to], a != b else { spurious.append(r); continue }
            if reference.relations.contains(where: { absent($0) && $0.kind == r.kind && sameTie($0, a, b) }) { forbiddenFound.append(r) }
            guard refPairs.contains(pair(a, b)) else { spurious.append(r); continue }
            good += 1
            foundPairs.insert(pair(a, b))
            let cited = Set(Citation(r.evidence?.source ?? "").sentences)
            var kindHit = false
            for (i, x) in expectedRelations.enumerated() where pair(x.from, x.to) == pair(a, b) {
                if x.kind == r.kind && sameTie(x, a, b) { foundKinds.insert(i); kindHit = true }
                if !cited.isDisjoint(with: Citation(x.evidence?.source ?? "").sentences) { foundInSentence.insert(i) }
            }
            if kindHit { goodKind += 1 }
        }
        ties = ScoreCounts(matchedExtracted: good, extracted: extracted.relations.count,
                           matchedExpected: foundPairs.intersection(expectedPairs).count, expected: expectedPairs.count)
        tiesWithKind = ScoreCounts(matchedExtracted: goodKind, extracted: extracted.relations.count,
                                   matchedExpected: foundKinds.count, expected: expectedRelations.count)
        tiesFoundInCitedSentence = foundInSentence.count
        forbidden = forbiddenFound
        spuriousTies = spurious
        missedTies = expectedRelations.filter { !foundPairs.contains(pair($0.from, $0.to)) }
        let refCited = Set(expectedRelations.flatMap { Citation($0.evidence?.source ?? "").sentences })
        let exCited = Set(extracted.relations.flatMap { Citation($0.evidence?.source ?? "").sentences })
        citedSentences = refCited.count
        citedSentencesFound = refCited.intersection(exCited).count
    }

    /// The score as a Markdown table (what the README quotes).
    public var table: String {
        func pct(_ x: Double) -> String { String(Int((x * 100).rounded())) + "%" }
        func row(_ label: String, _ c: ScoreCounts) -> String {
            "| \(label) | \(c.matchedExtracted)/\(c.extracted) = \(pct(c.precision)) | \(c.matchedExpected)/\(c.expected) = \(pct(c.recall)) | \(pct(c.f1)) |\n"
        }
        var out = "| measure | precision | recall | F1 |\n|---|---|---|---|\n"
        out += row("people + organisations", entities)
        out += row("people", people)
        out += row("organisations", organizations)
        out += row("ties, ends matched", ties)
        out += row("ties, ends and kind matched", tiesWithKind)
        out += "\nCited sentences with a proposed tie: \(citedSentencesFound) of \(citedSentences); "
        out += "reference ties found in the sentence they cite: \(tiesFoundInCitedSentence).\n"
        if !forbidden.isEmpty { out += "Ties the reference marks absent (negated or hedged away): \(forbidden.count).\n" }
        return out
    }
}
