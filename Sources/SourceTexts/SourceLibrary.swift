import Foundation
import GraphModel

/// The texts a graph declares under `sources:`, read and split into sentences,
/// and the answers that need them: which sentence a citation names, whether every
/// `s. N` exists, the quotes under a path's hops.
///
/// A relation's `source` cites the declared source whose id it contains as a
/// whole word (`"memoir s. 12"` with a source `memoir`), else the first declared
/// source, the graph's primary text.
public struct SourceLibrary: Sendable {
    /// The declared sources, in file order.
    public let sources: [GraphSource]
    /// The texts that could be read, by source id.
    public let texts: [String: SourceText]
    /// Warnings for declared texts that could not be read, located at their declaration.
    public let problems: [Diagnostic]
    /// Why each declared text that could not be read failed, by source id (the
    /// reason its warning in ``problems`` gives).
    public let unreadable: [String: String]

    /// Reads every declared source with a `path`, relative to the graph file's directory.
    /// - Parameter graphFile: the graph file's path as the user named it.
    /// - Complexity: O(n) in the total length of the texts.
    public init(graph: Graph, graphFile: String) {
        var texts: [String: SourceText] = [:]
        var problems: [Diagnostic] = []
        var unreadable: [String: String] = [:]
        for s in graph.sources {
            guard let path = s.path else { continue }
            let resolved = SourceLibrary.resolve(path, relativeTo: graphFile)
            do {
                texts[s.id] = try SourceText(contentsOf: resolved)
            } catch {
                let why = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                problems.append(Diagnostic(
                    "source '\(s.id)': \(why); its citations are not checked", at: s.location, severity: .warning,
                    code: .sourceUnreadable, key: s.id))
                unreadable[s.id] = why
            }
        }
        self.sources = graph.sources
        self.texts = texts
        self.problems = problems
        self.unreadable = unreadable
    }

    /// Sources given directly (for tests and programs that hold the text in memory).
    public init(sources: [GraphSource], texts: [String: SourceText]) {
        self.sources = sources
        self.texts = texts
        self.problems = []
        self.unreadable = [:]
    }

    /// `path` as seen from the directory of `graphFile` (absolute paths unchanged),
    /// with `.` and `dir/..` segments removed: `Graphs/x.yaml` + `../corpus/t.txt`
    /// is `corpus/t.txt`.
    public static func resolve(_ path: String, relativeTo graphFile: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        let dir = (graphFile as NSString).deletingLastPathComponent
        return normalize(dir.isEmpty ? path : dir + "/" + path)
    }

    /// `graph` as it must be written to `output` when it was read from `input`: every
    /// relative source `path` rewritten to lead from `output`'s folder to the file it
    /// named from `input`'s folder (`src.txt` read from `a/g.yaml` and written to
    /// `a/sub/g.yaml` becomes `../src.txt`). Absolute paths, and every path when both
    /// files share a folder, stay as they are.
    /// - Complexity: O(S) for S sources.
    public static func rebasingSources(_ graph: Graph, from input: String, to output: String) -> Graph {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { normalize(p.hasPrefix("/") ? p : cwd + "/" + p) }
        let inputFolder = absolute((input as NSString).deletingLastPathComponent)
        let outputFolder = absolute((output as NSString).deletingLastPathComponent)
        guard inputFolder != outputFolder else { return graph }
        var rebased = graph
        for i in rebased.sources.indices {
            guard let path = rebased.sources[i].path, !path.hasPrefix("/") else { continue }
            let target = absolute(inputFolder + "/" + path).split(separator: "/")
            let from = outputFolder.split(separator: "/")
            var common = 0
            while common < min(target.count - 1, from.count), target[common] == from[common] { common += 1 }
            let up = Array(repeating: "..", count: from.count - common)
            rebased.sources[i].path = (up + target[common...].map(String.init)).joined(separator: "/")
        }
        return rebased
    }

    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." { continue }
            if p == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if p == "..", absolute { continue }
            parts.append(p)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The id of the source a relation's `source` text cites, or nil when the graph declares none.
    /// - Complexity: O(S·n) for S sources and n characters.
    public func sourceID(citedBy text: String) -> String? {
        if sources.count > 1 {
            let words = Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }).map(String.init))
            if let named = sources.first(where: { words.contains($0.id) }) { return named.id }
        }
        return sources.first?.id
    }

    /// The declared source with this id.
    public func source(_ id: String) -> GraphSource? { sources.first { $0.id == id } }

    /// Every sentence a relation cites, with the source it comes from: empty when
    /// it cites none or its source text is not available; a number past the end is skipped.
    /// - Complexity: O(n) in the length of its `source` text.
    public func quotes(for relation: Relation) -> [Quote] {
        guard let cited = relation.evidence?.source, let id = sourceID(citedBy: cited), let text = texts[id] else { return [] }
        return Citation(cited).sentences.compactMap { n in text.sentence(n).map { Quote(sourceID: id, sentence: $0) } }
    }

    /// An error for every `s. N` that names no sentence of its (readable) source,
    /// located at the relation, in relation order.
    /// - Complexity: O(E·c) for E relations with c characters of `source` each.
    public func citationProblems(in graph: Graph) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in graph.relations {
            guard let cited = r.evidence?.source, let id = sourceID(citedBy: cited), let text = texts[id] else { continue }
            let missing = Citation(cited).sentences.filter { text.sentence($0) == nil }
            guard !missing.isEmpty else { continue }
            let list = missing.map { "s. \($0)" }.joined(separator: ", ")
            out.append(Diagnostic(
                "relation \(r.from) -\(r.kind)-> \(r.to) cites \(list), but source '\(id)' (\(text.path)) has sentences 1–\(text.sentences.count)",
                at: r.location))
        }
        return out
    }
}

/// A cited sentence and the source it is from.
public struct Quote: Sendable, Hashable {
    public let sourceID: String
    public let sentence: Sentence

    public init(sourceID: String, sentence: Sentence) {
        self.sourceID = sourceID
        self.sentence = sentence
    }
}

extension SourceLibrary {
    /// A warning for every relation whose evidence repeats `words` or more consecutive
    /// words of one sentence of its source (case, accents and punctuation ignored):
    /// evidence is written in the graph author's own words. Located at the relation;
    /// the message names the sentence and the words.
    ///
    /// Every run of `words` words of every sentence is hashed once, so each evidence
    /// text is checked in one pass.
    /// - Complexity: O(n + Σ e) time for a text of n words and evidence of e words,
    ///   O(n) space per source.
    public func copiedEvidence(in graph: Graph, words: Int = 8) -> [Diagnostic] {
        guard words > 0 else { return [] }
        var shingles: [String: [String: Int]] = [:]  // source id → run of words → sentence
        func table(_ id: String) -> [String: Int] {
            if let t = shingles[id] { return t }
            var t: [String: Int] = [:]
            for s in texts[id]?.sentences ?? [] {
                let w = EntityMentionMatcher.words(s.text)
                guard w.count >= words else { continue }
                for i in 0...(w.count - words) where t[w[i..<(i + words)].joined(separator: " ")] == nil {
                    t[w[i..<(i + words)].joined(separator: " ")] = s.number
                }
            }
            shingles[id] = t
            return t
        }
        var out: [Diagnostic] = []
        for r in graph.relations {
            guard let evidence = r.evidence, !evidence.text.isEmpty, let cited = evidence.source,
                  let id = sourceID(citedBy: cited), texts[id] != nil else { continue }
            let w = EntityMentionMatcher.words(evidence.text)
            guard w.count >= words else { continue }
            let t = table(id)
            for i in 0...(w.count - words) {
                let run = w[i..<(i + words)].joined(separator: " ")
                if let n = t[run] {
                    out.append(Diagnostic(
                        "relation \(r.from) -\(r.kind)-> \(r.to): its evidence repeats \(words) consecutive words of s. \(n) of '\(id)' (\"\(run)\"); write it in your own words",
                        at: r.location, severity: .warning))
                    break
                }
            }
        }
        return out
    }
}
