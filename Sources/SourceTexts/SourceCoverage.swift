import Foundation
import GraphModel

/// Finds every known entity a text mentions, by the entities' names and aliases:
/// case and accents ignored, whole words only, the longest name winning where
/// names overlap ("Leon Sedov" is one mention, not also "Leon").
///
/// One matcher is built over all names (a table from each name's first word to
/// the names starting with it), so a sentence of w words is scanned once.
public struct EntityMentionMatcher: Sendable {
    private var byFirstWord: [String: [(words: [String], entity: Int)]] = [:]

    /// - Complexity: O(A·L) for A names and aliases of L characters.
    public init(entities: [Entity]) {
        for (i, e) in entities.enumerated() {
            for name in Set([e.name] + e.aliases) {
                let words = EntityMentionMatcher.words(name)
                guard let first = words.first else { continue }
                byFirstWord[first, default: []].append((words, i))
            }
        }
        for k in byFirstWord.keys {
            byFirstWord[k]!.sort { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.entity < $1.entity }
        }
    }

    /// The text's words, folded: lower case, accents removed, split at every
    /// character that is not a letter or digit.
    /// - Complexity: O(n).
    public static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Indices (into the entities the matcher was built from) of the entities the
    /// text mentions, in order of first mention, without repeats.
    /// - Complexity: O(w·k·m) for w words, k names sharing a first word, m words a name.
    public func mentions(in text: String) -> [Int] {
        let words = EntityMentionMatcher.words(text)
        var found: [Int] = []
        var seen = Set<Int>()
        var i = 0
        while i < words.count {
            var advanced = 1
            if let candidates = byFirstWord[words[i]] {
                var longest = 0
                for c in candidates where c.words.count >= longest && i + c.words.count <= words.count
                    && words[i..<(i + c.words.count)].elementsEqual(c.words) {
                    longest = c.words.count
                    if seen.insert(c.entity).inserted { found.append(c.entity) }
                }
                advanced = max(1, longest)
            }
            i += advanced
        }
        return found
    }
}

/// How much of a source text a graph cites, and which uncited sentences mention
/// two or more known entities: the candidates for ties not yet recorded.
public struct SourceCoverage: Sendable {
    /// An uncited sentence that mentions at least two entities.
    public struct Candidate: Sendable, Hashable {
        public let sentence: Sentence
        /// Ids of the entities mentioned, in order of first mention.
        public let entities: [String]
        /// The pairs among them with no relation at all in the graph (either way).
        public let untiedPairs: [[String]]
    }

    /// A sentence the graph cites, and how many relations cite it.
    public struct Cited: Sendable, Hashable {
        public let sentence: Int
        public let relations: Int
    }

    public let sourceID: String
    public let sentenceCount: Int
    /// The cited sentences, ascending.
    public let cited: [Cited]
    public let candidates: [Candidate]

    /// Builds the report for one readable source of `library`.
    /// - Returns: nil when the source's text is not available.
    /// - Complexity: O(n + E·c + A·L) for a text of n characters, E relations
    ///   citing with c characters each and A names of L characters.
    public init?(graph: Graph, library: SourceLibrary, sourceID: String) {
        guard let text = library.texts[sourceID] else { return nil }
        var counts: [Int: Int] = [:]
        for r in graph.relations {
            guard let cited = r.evidence?.source, library.sourceID(citedBy: cited) == sourceID else { continue }
            for n in Citation(cited).sentences where text.sentence(n) != nil { counts[n, default: 0] += 1 }
        }
        var tied = Set<[String]>()
        for r in graph.relations { tied.insert(r.from <= r.to ? [r.from, r.to] : [r.to, r.from]) }
        let matcher = EntityMentionMatcher(entities: graph.entities)
        var candidates: [Candidate] = []
        for s in text.sentences where counts[s.number] == nil {
            let ids = matcher.mentions(in: s.text).map { graph.entities[$0].id }
            guard ids.count >= 2 else { continue }
            var untied: [[String]] = []
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    let pair = a <= b ? [a, b] : [b, a]
                    if !tied.contains(pair) { untied.append(pair) }
                }
            }
            candidates.append(Candidate(sentence: s, entities: ids, untiedPairs: untied))
        }
        self.sourceID = sourceID
        self.sentenceCount = text.sentences.count
        self.cited = counts.keys.sorted().map { Cited(sentence: $0, relations: counts[$0]!) }
        self.candidates = candidates
    }
}
