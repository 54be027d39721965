import Foundation

/// Folds a name for lookup: lower case, accents removed, `_`/`-`/`.` read as
/// spaces, runs of spaces collapsed. "Ramón  Mercader", "ramon_mercader" and
/// "RAMON MERCADER" fold to the same key.
public func foldName(_ s: String) -> String {
    // ASCII text folds to its lower case (no diacritics, no wide forms): no Foundation call.
    let folded = s.utf8.allSatisfy({ $0 < 0x80 }) ? s.lowercased()
        : s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var out = ""
    out.reserveCapacity(folded.count)
    var pendingSpace = false
    for ch in folded {
        if ch.isWhitespace || ch == "_" || ch == "-" || ch == "." || ch == "'" || ch == "’" {
            pendingSpace = !out.isEmpty
            continue
        }
        if pendingSpace { out.append(" "); pendingSpace = false }
        out.append(ch)
    }
    return out
}

/// Folded id, name and aliases of every entity, for ``Graph/resolve(_:)``.
struct NameIndex: Sendable {
    private var exact: [String: [Int]] = [:]
    private var names: [(key: String, display: String, index: Int)] = []

    init(_ entities: [Entity]) {
        for (i, e) in entities.enumerated() { add(e, at: i) }
    }

    mutating func add(_ e: Entity, at i: Int) {
        for n in Set([e.id, e.name] + e.aliases) {
            let key = foldName(n)
            guard !key.isEmpty else { continue }
            if !(exact[key, default: []].contains(i)) { exact[key, default: []].append(i) }
            names.append((key, "\(e.id) (\(e.name))", i))
        }
    }

    /// Entities whose id, name or alias folds to the query; failing that,
    /// entities one of whose names contains all the query's words as whole words.
    func matches(for query: String) -> [Int] {
        let key = foldName(query)
        guard !key.isEmpty else { return [] }
        if let hits = exact[key] { return hits.sorted() }
        let words = key.split(separator: " ")
        var found = Set<Int>()
        for n in names {
            let nameWords = Set(n.key.split(separator: " "))
            if words.allSatisfy(nameWords.contains) { found.insert(n.index) }
        }
        return found.sorted()
    }

    /// The entities closest to the query by edit distance over all their names,
    /// best first, each as `id (Name)`.
    /// - Complexity: O(N·(q + m)) for N names of length m and a query of length q, plus
    ///   O(q·m) for each name whose length is within the distance limit of the query's.
    func suggestions(for query: String, limit: Int) -> [String] {
        let key = foldName(query)
        let keyLength = key.count
        let limitDistance = max(3, keyLength / 2)
        var best: [Int: (Int, String)] = [:]
        for n in names {
            // The edit distance is at least the difference in length: skip the
            // O(m·n) table when that alone rules the name out (a 10,000-character
            // query answered in seconds before).
            let gap = abs(n.key.count - keyLength)
            var d = gap > limitDistance ? Int.max : editDistance(key, n.key)
            if n.key.contains(key) || key.contains(n.key) { d = min(d, gap / 2) }
            if d == Int.max { continue }
            if let b = best[n.index], b.0 <= d { continue }
            best[n.index] = (d, n.display)
        }
        return best.values.filter { $0.0 <= limitDistance }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .prefix(limit).map(\.1)
    }
}

/// Levenshtein distance over characters.
/// - Complexity: O(m·n) time, O(n) space.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
