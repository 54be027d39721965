import Foundation
import GraphModel
import SourceTexts

/// Proposes entities and typed ties from plain text, each with the sentence it came from.
///
/// Rule-based and deterministic: names come from an ``EntityRecognizer`` (by default
/// ``RuleBasedRecognizer``) and from the `known` graph's names and aliases; ties
/// come from cue phrases (``Cues``) read in the active and the passive voice; a
/// negated clause gives no tie, a hedge halves the confidence, and a sentence that
/// both hedges and negates ("rumours …, never confirmed") gives none.
///
/// A tie's confidence is `0.8 × (0.5 + 0.5 × c)`, `c` the lower recognition
/// confidence of its two ends (1 for `known` entities, 0.85 for a titled name, 0.8
/// for an organisation word, 0.7 for a plain name of several words, 0.5 for one
/// word), halved by a hedge and × 0.85 when an end was read from a pronoun.
/// An entity's confidence is its best recognition confidence, + 0.1 when named
/// more than once (at most 0.95).
///
/// - Complexity: O(T · (L + C) + P) for T tokens, L the longest known alias in words,
///   C the cues sharing a first word, P the ties proposed (a list of n subjects and k
///   objects proposes n × k); memory O(T). This holds for one long sentence too: no
///   rule scans the sentence, its clause or its mentions once per cue, so a scraped
///   "sentence" of 500 KB reads as fast as the same text cut into sentences, and gives
///   what the same rules give on a short sentence (nothing is cut to a window).
public enum TextExtractor {
    /// Reads `texts` and returns the candidate graph with its mentions and ties.
    ///
    /// - Parameters:
    ///   - texts: the sources, each split by ``SentenceSplitter``.
    ///   - known: a graph whose entities are recognised by every name and alias
    ///     (case and accents ignored) and keep their ids; its schema is the
    ///     candidates' schema.
    ///   - recognizer: finds the other names.
    /// - Throws: ``TextExtractionError``.
    public static func extract<R: EntityRecognizer>(
        _ texts: [SourceText], known: Graph? = nil, recognizer: R
    ) throws(TextExtractionError) -> ExtractionResult {
        guard !texts.isEmpty else { throw .noText }
        var run = ExtractionRun(texts: texts, known: known)
        var recognizer = recognizer
        recognizer.prepare(run.sentences)
        for s in run.sentences { run.read(s, names: recognizer.names(in: s)) }
        return try run.result()
    }

    /// ``extract(_:known:recognizer:)`` with the rule-based recogniser.
    public static func extract(_ texts: [SourceText], known: Graph? = nil) throws(TextExtractionError) -> ExtractionResult {
        try extract(texts, known: known, recognizer: RuleBasedRecognizer())
    }
}

/// One candidate entity while reading.
struct EntityRecord {
    var id: String
    var kind: String
    var name: String
    var aliases: [String]
    var confidence: Double
    var mentions: Int
    var known: Bool
    var words: Set<String>
    var first: SentenceRef
    /// Set when the record turned out to be a title of another entity ("Francesco Sforza, the Duke of Milan").
    var absorbedInto: Int?
}

/// A mention inside the sentence being read.
struct LocalMention {
    let tokens: Range<Int>
    let entity: Int
    let pronoun: Bool
}

struct TieKey: Hashable {
    let from: Int
    let kind: String
    let to: Int
}

struct ExtractionRun {
    let texts: [SourceText]
    let known: Graph?
    let schema: Schema
    private(set) var sentences: [TokenizedSentence] = []

    var records: [EntityRecord] = []
    var byName: [String: Int] = [:]
    var byWord: [String: [Int]] = [:]
    var usedIDs: Set<String> = []
    var knownPhrases: [String: Int] = [:]
    var knownMaxWords = 0
    var foldCache: [String: String] = [:]

    var mentions: [SentenceRef: [EntityMention]] = [:]
    var ties: [TieKey: CandidateTie] = [:]
    var tieOrder: [TieKey] = []
    var tieConfidence: [TieKey: Double] = [:]
    var negatedCues = 0
    var previousPersons: [Int] = []
    var currentText = -1

    init(texts: [SourceText], known: Graph?) {
        self.texts = texts
        self.known = known
        self.schema = known?.schema ?? .standard
        for (i, t) in texts.enumerated() {
            for s in t.sentences { sentences.append(TokenizedSentence(textIndex: i, sentence: s)) }
        }
        if let known {
            for e in known.entities {
                let index = records.count
                let words = Set(foldName(e.name).split(separator: " ").map(String.init))
                records.append(EntityRecord(id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, confidence: 1,
                                            mentions: 0, known: true, words: words, first: SentenceRef(text: 0, number: 0)))
                usedIDs.insert(e.id)
                for n in [e.name, e.id] + e.aliases {
                    let key = foldName(n)
                    guard !key.isEmpty, knownPhrases[key] == nil else { continue }
                    knownPhrases[key] = index
                    knownMaxWords = max(knownMaxWords, key.split(separator: " ").count)
                }
            }
        }
    }

    mutating func fold(_ s: String) -> String {
        if let f = foldCache[s] { return f }
        let f = foldName(s)
        foldCache[s] = f
        return f
    }

    // MARK: names

    mutating func read(_ s: TokenizedSentence, names: [NameSpan]) {
        if s.textIndex != currentText { currentText = s.textIndex; previousPersons = [] }
        let ref = SentenceRef(text: s.textIndex, number: s.sentence.number)
        var local: [LocalMention] = knownMentions(s)
        // A name overlapping a mention already kept (a known name, an earlier name) is
        // dropped: which tokens are taken is marked, so each name costs its own length.
        let tokenRange = 0..<s.tokens.count
        var taken = [Bool](repeating: false, count: s.tokens.count)
        for m in local { for k in m.tokens.clamped(to: tokenRange) { taken[k] = true } }
        for span in names where !span.tokens.clamped(to: tokenRange).contains(where: { taken[$0] }) {
            guard let e = link(span, ref: ref) else { continue }
            local.append(LocalMention(tokens: span.tokens, entity: e, pronoun: false))
            for k in span.tokens.clamped(to: tokenRange) { taken[k] = true }
        }
        local.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        // Subject pronouns: the first person earlier in the sentence, else the first of the previous one.
        let namedPersons = local.filter { records[$0.entity].kind == "person" }
        var withPronouns: [LocalMention] = []
        for (i, t) in s.tokens.enumerated() where Lexicon.subjectPronouns.contains(t.lower) {
            // The first person ending by token i. Those starting after i cannot (mentions are
            // sorted by their start), so the scan stops there instead of running on.
            var earlier: LocalMention?
            for p in namedPersons {
                if p.tokens.lowerBound > i { break }
                if p.tokens.upperBound <= i { earlier = p; break }
            }
            if let target = earlier?.entity ?? previousPersons.first {
                withPronouns.append(LocalMention(tokens: i..<(i + 1), entity: target, pronoun: true))
            }
        }
        local = (local + withPronouns).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        local = absorbAppositiveTitles(local, in: s)
        var list: [EntityMention] = []
        for m in local {
            if !m.pronoun { records[m.entity].mentions += 1 }
            list.append(mention(m, in: s, ref: ref))
        }
        if !list.isEmpty { mentions[ref] = list }
        let possessors = readTies(s, ref: ref, mentions: local)
        let persons = possessors + local.filter { records[$0.entity].kind == "person" }.map(\.entity)
        var seen = Set<Int>()
        let distinct = persons.filter { seen.insert($0).inserted }
        if !distinct.isEmpty { previousPersons = distinct }
    }

    func mention(_ m: LocalMention, in s: TokenizedSentence, ref: SentenceRef) -> EntityMention {
        let a = s.tokens[m.tokens.lowerBound].start, b = s.tokens[m.tokens.upperBound - 1].end
        return EntityMention(sentence: ref, entityID: records[m.entity].id,
                             offsets: (s.sentence.offset + a)..<(s.sentence.offset + b),
                             sentenceOffsets: a..<b, isPronoun: m.pronoun)
    }

    /// Longest matches of known names and aliases, case and accents ignored.
    mutating func knownMentions(_ s: TokenizedSentence) -> [LocalMention] {
        guard knownMaxWords > 0 else { return [] }
        let t = s.tokens
        var out: [LocalMention] = []
        var folded: [String] = []
        folded.reserveCapacity(t.count)
        for tok in t { folded.append(tok.isWord ? fold(tok.text) : "") }
        var i = 0
        while i < t.count {
            guard t[i].isWord else { i += 1; continue }
            var matched = 0
            var key = ""
            var words = 0
            var j = i
            var best: Int?
            while j < t.count, words < knownMaxWords {
                if t[j].isWord {
                    key = key.isEmpty ? folded[j] : key + " " + folded[j]
                    words += 1
                } else if ![".", "-", "'"].contains(t[j].text) { break }
                j += 1
                if let e = knownPhrases[key], t[i].isCapitalized || words > 1 || t[i].isNumber { best = e; matched = j - i }
            }
            if let e = best {
                out.append(LocalMention(tokens: i..<(i + matched), entity: e, pronoun: false))
                i += matched
            } else {
                i += 1
            }
        }
        return out
    }

    /// The record a recognised name denotes: the same name met before, an earlier
    /// full name it shortens ("Haldane" → "Viktor Haldane"), or a new entity.
    mutating func link(_ span: NameSpan, ref: SentenceRef) -> Int? {
        let key = fold(span.name)
        guard !key.isEmpty, schema.entityKind(span.kind) != nil else { return nil }
        if var e = byName[key] ?? knownPhrases[key] {
            while let target = records[e].absorbedInto { e = target }
            records[e].confidence = max(records[e].confidence, span.confidence)
            for a in span.aliases where !records[e].aliases.contains(a) && a != records[e].name { records[e].aliases.append(a) }
            for a in span.aliases { byName[fold(a)] = byName[fold(a)] ?? e }
            return e
        }
        if key.hasSuffix("s"), key.count > 3, let e = byName[String(key.dropLast())] ?? knownPhrases[String(key.dropLast())] {
            // "Trotskys", "Stalins": a possessive written without its apostrophe.
            return e
        }
        let words = Set(key.split(separator: " ").map(String.init))
        if span.confidence < 0.45 {
            // A name seen only in a headline: link it when known, never create it.
            if words.count == 1, let e = byWord[key]?.first { return e }
            return nil
        }
        if span.kind == "person", words.count > 1 {
            // A full name met after its short form ("Trotsky", then "Leon Trotsky") completes it.
            let shorter = words.compactMap { w in byName[w] }.filter { e in
                records[e].kind == "person" && !records[e].known && records[e].words.count == 1 && records[e].absorbedInto == nil
            }
            if let e = shorter.min(), shorter.allSatisfy({ $0 == e }) {
                let old = records[e].name
                records[e].name = span.name
                records[e].words = words
                if !records[e].aliases.contains(old) { records[e].aliases.insert(old, at: 0) }
                records[e].aliases.removeAll { $0 == span.name }
                for a in span.aliases where !records[e].aliases.contains(a) { records[e].aliases.append(a) }
                byName[key] = e
                for w in words { if !(byWord[w]?.contains(e) ?? false) { byWord[w, default: []].append(e) } }
                return e
            }
        }
        if span.kind == "person" || span.kind == "organization" {
            // A short form joins the earliest entity whose name holds all its words.
            let pools = words.compactMap { byWord[$0] }
            if let smallest = pools.min(by: { $0.count < $1.count }) {
                let fits = smallest.filter { e in
                    let r = records[e]
                    let kindFits = r.kind == span.kind || (span.kind == "person" && span.confidence <= 0.5)
                    return kindFits && words.count < r.words.count && words.isSubset(of: r.words)
                }
                if let e = fits.min(by: { ($0 < $1) }) {
                    let preferred = fits.first { records[$0].kind == span.kind } ?? e
                    if !records[preferred].aliases.contains(span.name) { records[preferred].aliases.append(span.name) }
                    byName[key] = preferred
                    return preferred
                }
            }
        }
        let index = records.count
        var id = snakeCase(key)
        if id.isEmpty || id.first?.isNumber == true { id = "entity_\(id)" }
        if usedIDs.contains(id) {
            var n = 2
            while usedIDs.contains("\(id)_\(n)") { n += 1 }
            id = "\(id)_\(n)"
        }
        usedIDs.insert(id)
        records.append(EntityRecord(id: id, kind: span.kind, name: span.name, aliases: span.aliases,
                                    confidence: span.confidence, mentions: 0, known: false, words: words, first: ref))
        byName[key] = index
        for a in span.aliases { byName[fold(a)] = byName[fold(a)] ?? index }
        for w in words { byWord[w, default: []].append(index) }
        return index
    }

    // MARK: ties

    mutating func propose(from: Int, kind: String, to: Int, cue: String, ref: SentenceRef, s: TokenizedSentence,
                          fromMention: LocalMention, toMention: LocalMention, dates: FoundDates,
                          hedge: String?, viaPronoun: Bool) {
        guard from != to, let rk = schema.relationKind(kind) else { return }
        var (a, b, ma, mb) = (from, to, fromMention, toMention)
        if rk.symmetric, records[a].id > records[b].id { (a, b, ma, mb) = (b, a, mb, ma) }
        if let allowed = rk.fromKinds, !allowed.contains(records[a].kind) { return }
        if let allowed = rk.toKinds, !allowed.contains(records[b].kind) { return }
        let key = TieKey(from: a, kind: kind, to: b)
        var confidence = 0.8 * (0.5 + 0.5 * min(records[a].confidence, records[b].confidence, 1))
        if hedge != nil { confidence *= 0.5 }
        if viaPronoun { confidence *= 0.85 }
        confidence = (confidence * 100).rounded() / 100
        if var existing = ties[key] {
            // Sentences are read in order, so a tie's list is sorted and `ref` can only be its last.
            if existing.sentences.last != ref { existing.sentences.append(ref) }
            if existing.relation.date == nil && existing.relation.start == nil && existing.relation.end == nil {
                existing.relation.date = dates.date
                existing.relation.start = dates.start
                existing.relation.end = dates.end
            }
            if confidence > tieConfidence[key, default: 0] {
                tieConfidence[key] = confidence
                existing.hedge = hedge
            }
            ties[key] = existing
            return
        }
        var phrase = "\(rk.forward) — cue \"\(cue)\""
        if let hedge { phrase += ", hedged (\(hedge))" }
        if viaPronoun { phrase += ", subject read from a pronoun" }
        let relation = Relation(from: records[a].id, kind: kind, to: records[b].id, date: dates.date, start: dates.start,
                                end: dates.end, evidence: Evidence(phrase))
        ties[key] = CandidateTie(relation: relation, cue: cue, sentences: [ref],
                                 fromMention: mention(ma, in: s, ref: ref), toMention: mention(mb, in: s, ref: ref), hedge: hedge)
        tieConfidence[key] = confidence
        tieOrder.append(key)
    }

    // MARK: result

    func result() throws(TextExtractionError) -> ExtractionResult {
        let several = texts.count > 1
        func cite(_ r: SentenceRef) -> String {
            several ? "\(fileName(texts[r.text].path)) s. \(r.number)" : "s. \(r.number)"
        }
        var entities: [Entity] = []
        var inTie = Set<Int>()
        for key in tieOrder { inTie.insert(key.from); inTie.insert(key.to) }
        for (index, r) in records.enumerated() where r.absorbedInto == nil && (!r.known || r.mentions > 0) {
            // A lone capitalised word met once, in no tie, is too weak to propose.
            if !r.known, r.mentions == 0, !inTie.contains(index) { continue }
            var attributes: [String: String] = ["accepted": "false"]
            if r.known {
                attributes["known"] = "true"
            } else {
                let boosted = min(0.95, r.confidence + (r.mentions > 1 ? 0.1 : 0))
                attributes["confidence"] = format(boosted)
                attributes["first_seen"] = cite(r.first)
            }
            attributes["mentions"] = String(r.mentions)
            let base = known?.entity(r.id)
            entities.append(Entity(id: r.id, kind: r.kind, name: r.name, aliases: r.known ? (base?.aliases ?? []) : r.aliases,
                                   start: base?.start, end: base?.end, description: base?.description,
                                   attributes: r.known ? attributes.merging(base?.attributes ?? [:]) { a, _ in a } : attributes))
        }
        // Known entities that only a tie mentions are kept too.
        let kept = Set(entities.map(\.id))
        var outTies: [CandidateTie] = []
        var relations: [Relation] = []
        var extraEntities: [Entity] = []
        for key in tieOrder {
            guard var tie = ties[key] else { continue }
            for end in [key.from, key.to] where !kept.contains(records[end].id) && !extraEntities.contains(where: { $0.id == records[end].id }) {
                if let e = known?.entity(records[end].id) { extraEntities.append(e) }
            }
            tie.relation.evidence?.source = tie.sentences.sorted().map(cite).joined(separator: "; ")
            tie.relation.confidence = tieConfidence[key]
            var attributes: [String: String] = [
                "accepted": "false", "cue": tie.cue,
                "from_offsets": "\(tie.fromMention.offsets.lowerBound)-\(tie.fromMention.offsets.upperBound)",
                "to_offsets": "\(tie.toMention.offsets.lowerBound)-\(tie.toMention.offsets.upperBound)",
            ]
            if let h = tie.hedge { attributes["hedge"] = h }
            if several { attributes["text"] = texts[tie.sentences[0].text].path }
            tie.relation.attributes = attributes
            relations.append(tie.relation)
            outTies.append(tie)
        }
        let title = texts.map { fileName($0.path) }.joined(separator: ", ")
        let graph: Graph
        do {
            graph = try Graph(name: "Candidates from \(title)",
                              description: "Entities and ties proposed by relgraph extract; set accepted: true on those to keep, then run relgraph merge.",
                              schema: schema, entities: entities + extraEntities, relations: relations)
        } catch {
            throw .invalidCandidates("\(error)")
        }
        return ExtractionResult(graph: graph, texts: texts, mentions: mentions, ties: outTies, negatedCues: negatedCues)
    }
}

func format(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) + ".0" : String(r)
}

/// `"Kim Philby"` → `kim_philby`: lower-case ASCII letters, digits and underscores.
func snakeCase(_ folded: String) -> String {
    var out = ""
    var pendingUnderscore = false
    for u in folded.unicodeScalars {
        if (u >= "a" && u <= "z") || (u >= "0" && u <= "9") {
            if pendingUnderscore && !out.isEmpty { out.append("_") }
            pendingUnderscore = false
            out.unicodeScalars.append(u)
        } else if u.properties.isAlphabetic, u.value < 0x80 {
            if pendingUnderscore && !out.isEmpty { out.append("_") }
            pendingUnderscore = false
            out += String(u).lowercased()
        } else {
            pendingUnderscore = true
        }
    }
    return out
}
