import Foundation

/// Likely duplicate entities: two ids whose names or aliases are near-identical.
extension Graph {
    /// Pairs of entities that are probably one entity entered twice, one warning per
    /// pair, located at the later entity and naming the earlier one's place.
    ///
    /// Names, aliases and ids are compared folded (case, accents and `_ - . '`
    /// ignored, as ``resolve(_:)`` does) and then by these rules, first match wins:
    /// 1. the same folded name (`Ramón Mercader` / `ramon mercader`);
    /// 2. the same after folding common transliteration variants word by word
    ///    (`-ii`/`-iy`/`-ij`/`-ski` → `-y`, `tz` → `ts`, `w` → `v`, `x` → `ks`,
    ///    `kh` → `h`, `sch` → `sh`, `ph` → `f`, `ye` → `ie`, an initial `j` before a
    ///    vowel → `y`, doubled letters once): `Trotsky` / `Trotskii` / `Trotzki`;
    /// 3. one letter apart (insertion, deletion or substitution) after rule 2, for
    ///    names of six letters or more, unless the only difference is a final `a`
    ///    (`Sedov` / `Sedova`: the Russian feminine form names a different person);
    /// 4. the same words where one name has an initial for a word of the other
    ///    (`L. Trotsky` / `Leon Trotsky`), last words equal and at least 3 letters.
    ///
    /// Two entities that are really different say so with the attribute
    /// `distinct_from` (ids separated by commas or spaces) on either of them.
    /// Names with digits are not compared letter by letter (`node 12` / `node 13`).
    /// - Complexity: O(A·L) expected for A names of length L (candidates are found
    ///   through hash tables of keys, one-deletion variants and initials, never by
    ///   comparing every pair; a bucket of more than 64 names is compared with its
    ///   first only), plus O(L²) per candidate pair checked.
    public func duplicateWarnings() -> [Diagnostic] {
        struct Name { let entity: Int; let text: String; let folded: String; let key: String }
        var names: [Name] = []
        for (i, e) in entities.enumerated() {
            var seen = Set<String>()
            for text in [e.name] + e.aliases + [e.id] {
                let folded = foldName(text)
                guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
                names.append(Name(entity: i, text: text, folded: folded, key: DuplicateKeys.transliterated(folded)))
            }
        }
        var distinct = Set<Pair>()
        for e in entities {
            for other in (e.attributes["distinct_from"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }) {
                distinct.insert(Pair(e.id, String(other)))
            }
        }
        // Candidate pairs of names, by rule, found through shared keys.
        var byFolded: [String: [Int]] = [:], byKey: [String: [Int]] = [:]
        var byDeletion: [String: [Int]] = [:], byInitials: [String: [Int]] = [:]
        for (n, name) in names.enumerated() {
            byFolded[name.folded, default: []].append(n)
            byKey[name.key, default: []].append(n)
            // Names with digits ("node 12", "Unit 731") differ by their numbers on purpose.
            if name.key.count >= 6, !name.key.contains(where: \.isNumber) {
                for variant in DuplicateKeys.deletions(name.key) { byDeletion[variant, default: []].append(n) }
            }
            if let k = DuplicateKeys.initialsKey(name.key) { byInitials[k, default: []].append(n) }
        }
        var best: [Pair: (rule: Int, a: Int, b: Int)] = [:]
        func consider(_ bucket: [Int], rule: Int, accept: (Name, Name) -> Bool) {
            guard bucket.count > 1 else { return }
            // A crowded bucket (a name shared by many entities) is compared with its
            // first name only, so a pathological file stays linear.
            let crowded = bucket.count > DuplicateKeys.crowdedBucket
            for (x, m) in bucket.enumerated() {
                for n in bucket[(x + 1)...] {
                    if crowded && x > 0 { break }
                    let p = names[m], q = names[n]
                    guard p.entity != q.entity else { continue }
                    let pair = Pair(entities[p.entity].id, entities[q.entity].id)
                    if distinct.contains(pair) { continue }
                    // The first rule wins; within a rule, the earliest names (a name
                    // before its aliases, aliases before the id), whatever the table order.
                    if let b = best[pair], b.rule < rule || (b.rule == rule && (b.a, b.b) <= (m, n)) { continue }
                    if accept(p, q) { best[pair] = (rule, m, n) }
                }
            }
        }
        for bucket in byFolded.values { consider(bucket, rule: 1) { _, _ in true } }
        for bucket in byKey.values { consider(bucket, rule: 2) { _, _ in true } }
        for bucket in byDeletion.values {
            consider(bucket, rule: 3) { p, q in
                editDistance(p.key, q.key) == 1 && !DuplicateKeys.differByFinalA(p.key, q.key)
            }
        }
        for bucket in byInitials.values {
            consider(bucket, rule: 4) { p, q in DuplicateKeys.matchByInitials(p.key, q.key) }
        }
        var found: [(Int, Diagnostic)] = []
        for (_, hit) in best {
            var p = names[hit.a], q = names[hit.b]
            if p.entity > q.entity { swap(&p, &q) }
            let first = entities[p.entity], second = entities[q.entity]
            let why: String
            switch hit.rule {
            case 1: why = "'\(q.text)' and '\(p.text)' are the same name"
            case 2: why = "'\(q.text)' and '\(p.text)' differ only by transliteration"
            case 3: why = "'\(q.text)' and '\(p.text)' differ by one letter"
            default: why = "'\(q.text)' and '\(p.text)' match by initials"
            }
            let place = first.location.map { " at \($0)" } ?? ""
            let message = "entity '\(second.id)' (\(second.name)) may duplicate '\(first.id)' (\(first.name))\(place): "
                + "\(why); if they are different, add distinct_from: \(first.id) to its attributes"
            found.append((q.entity * entities.count + p.entity, Diagnostic(message, at: second.location, severity: .warning)))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// The keys ``Graph/duplicateWarnings()`` compares names by.
enum DuplicateKeys {
    /// Above this many names, a bucket is compared with its first name only.
    static let crowdedBucket = 64

    /// The folded name with common transliteration variants folded, word by word.
    /// - Complexity: O(L), one pass per word.
    static func transliterated(_ folded: String) -> String {
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for (n, word) in folded.split(separator: " ").enumerated() {
            if n > 0 { out.append(" ") }
            out += transliteratedWord(Array(word))
        }
        return out
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    private static func transliteratedWord(_ c: [Character]) -> String {
        var w: [Character] = []
        w.reserveCapacity(c.count + 2)
        var i = 0
        while i < c.count {
            let next: Character? = i + 1 < c.count ? c[i + 1] : nil
            let afterNext: Character? = i + 2 < c.count ? c[i + 2] : nil
            switch c[i] {
            case "s" where next == "c" && afterNext == "h": w += ["s", "h"]; i += 3; continue
            case "t" where next == "z": w += ["t", "s"]; i += 2; continue
            case "k" where next == "h": w.append("h"); i += 2; continue
            case "p" where next == "h": w.append("f"); i += 2; continue
            case "w": w.append("v")
            case "x": w += ["k", "s"]
            case "j" where i == 0 && c.count > 1 && next.map(vowels.contains) == true: w.append("y")
            case "y" where i > 0 && next == "e": w.append("i")
            default: w.append(c[i])
            }
            i += 1
        }
        let count = w.count
        if count > 3, ["iy", "ij", "ii", "yi", "yj", "yy"].contains(String(w[(count - 2)...])) {
            w.removeLast(2)
            w.append("y")
        } else if count > 4, w[(count - 3)...].elementsEqual(["s", "k", "i"]) {
            w[count - 1] = "y"
        }
        var collapsed = ""
        for ch in w where !(ch.isLetter && ch == collapsed.last) { collapsed.append(ch) }
        return collapsed
    }

    /// The key with each one character removed (the symmetric-delete trick: two
    /// strings one edit apart share the string itself or one of these).
    static func deletions(_ key: String) -> [String] {
        let chars = Array(key)
        var out = [key]
        for i in chars.indices {
            var c = chars
            c.remove(at: i)
            out.append(String(c))
        }
        return out
    }

    /// `l trotsky` for both "Leon Trotsky" and "L. Trotsky": first letters of every
    /// word but the last, then the last word; nil for one-word names.
    static func initialsKey(_ key: String) -> String? {
        let words = key.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.count >= 3 else { return nil }
        return words.dropLast().map { String($0.prefix(1)) }.joined(separator: " ") + " " + last
    }

    /// Same words, at least one of them an initial of the other's word, not all equal.
    static func matchByInitials(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: " "), y = b.split(separator: " ")
        guard x.count == y.count, x != y else { return false }
        var initial = false
        for (p, q) in zip(x, y) where p != q {
            if p.count == 1, q.hasPrefix(p) { initial = true } else if q.count == 1, p.hasPrefix(q) { initial = true } else { return false }
        }
        return initial
    }

    /// Whether the two differ only by a final `a` on one word (`sedov` / `sedova`).
    static func differByFinalA(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        let x = short.split(separator: " "), y = long.split(separator: " ")
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q { return q == p + "a" }
        return false
    }
}
