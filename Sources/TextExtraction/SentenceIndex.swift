/// Lookup tables over the sentence being read, built once per sentence in O(T + M)
/// for T tokens and M mentions, so that every question the tie rules ask while
/// walking the sentence ("is the clause negated up to here?", "the first date in
/// this clause", "the mention that starts at token k", "the last person ending by
/// token k", "the clause's subject") is answered in O(1) amortised.
///
/// Each lookup gives exactly what a scan of the tokens or of the mentions in order
/// gave before; only the cost changes. A scan per cue made reading one long sentence
/// quadratic (a 184 KB sentence of 8,000 cues took 21 s, a 500 KB one 45 s).
struct SentenceIndex {
    /// The sentence's mentions, sorted by first token (as ``ExtractionRun/read(_:names:)`` leaves them).
    let all: [LocalMention]
    let tokenCount: Int

    // Token tables, indexed 0...T.
    /// Negation words in tokens 0..<k.
    private let negationsBefore: [Int]
    /// Forms of "to be" in tokens 0..<k.
    private let beFormsBefore: [Int]
    /// The first token ≥ k that is a year (four digits, 1000–2100), else T.
    private let nextYear: [Int]
    /// The first token ≥ k that is not ",", "and", "or" or a determiner (a list joiner), else T.
    private let joinerRunEnd: [Int]
    /// The first token ≥ k that is not "," or "and", else T.
    private let commaAndRunEnd: [Int]

    // Mention tables; -1 or M for none.
    /// By token k in 0...T: the first mention whose first token is ≥ k.
    private let firstFrom: [Int]
    /// By token u in 0...T: the last mention ending at u.
    private let lastEndingAt: [Int]
    /// By token u in 0...T: the last mention ending at or before u; the same among persons; among names (not pronouns).
    private let lastEndingBy: [Int]
    private let lastPersonEndingBy: [Int]
    private let lastNamedEndingBy: [Int]
    /// By mention index 0...M: the least last-token bound of mentions i..<M.
    private let minUpperFrom: [Int]
    /// By mention index 0...M: the first mention ≥ i that may be a clause's subject
    /// (not a possessor "X's", not governed by a preposition).
    private let nextSubject: [Int]
    /// By mention index 0...M: the first person mention ≥ i.
    private let nextPerson: [Int]
    /// By mention index: the first person mention after i whose entity differs from i's.
    private let nextOtherPerson: [Int]

    init(_ t: [Token], mentions m: [LocalMention], isPerson: (Int) -> Bool) {
        all = m
        let n = t.count, count = m.count
        tokenCount = n

        var neg = [Int](repeating: 0, count: n + 1), be = neg
        for k in 0..<n {
            neg[k + 1] = neg[k] + (SentenceIndex.isNegation(t[k]) ? 1 : 0)
            be[k + 1] = be[k] + (Lexicon.beForms.contains(t[k].lower) ? 1 : 0)
        }
        negationsBefore = neg
        beFormsBefore = be
        var year = [Int](repeating: n, count: n + 1), joiner = year, commaAnd = year
        for k in stride(from: n - 1, through: 0, by: -1) {
            year[k] = SentenceIndex.year(t[k]) != nil ? k : year[k + 1]
            let w = t[k].lower
            joiner[k] = [",", "and", "or"].contains(w) || Lexicon.determiners.contains(w) ? joiner[k + 1] : k
            commaAnd[k] = [",", "and"].contains(w) ? commaAnd[k + 1] : k
        }
        nextYear = year
        joinerRunEnd = joiner
        commaAndRunEnd = commaAnd

        var from = [Int](repeating: count, count: n + 1)
        var p = 0
        for k in 0...n {
            while p < count, m[p].tokens.lowerBound < k { p += 1 }
            from[k] = p
        }
        firstFrom = from
        var endingAt = [Int](repeating: -1, count: n + 1), person = endingAt, named = endingAt
        for (i, x) in m.enumerated() where x.tokens.upperBound >= 0 && x.tokens.upperBound <= n {
            let u = x.tokens.upperBound
            endingAt[u] = i
            if isPerson(x.entity) { person[u] = i }
            if !x.pronoun { named[u] = i }
        }
        lastEndingAt = endingAt
        var by = endingAt
        for u in stride(from: 1, through: n, by: 1) {
            by[u] = max(by[u], by[u - 1])
            person[u] = max(person[u], person[u - 1])
            named[u] = max(named[u], named[u - 1])
        }
        lastEndingBy = by
        lastPersonEndingBy = person
        lastNamedEndingBy = named

        var minUpper = [Int](repeating: Int.max, count: count + 1)
        var subject = [Int](repeating: count, count: count + 1)
        var nextP = [Int](repeating: count, count: count + 1)
        var other = [Int](repeating: count, count: count + 1)
        for i in stride(from: count - 1, through: 0, by: -1) {
            let x = m[i]
            minUpper[i] = min(minUpper[i + 1], x.tokens.upperBound)
            subject[i] = SentenceIndex.maySubject(x, t) ? i : subject[i + 1]
            let p = nextP[i + 1]
            if isPerson(x.entity) {
                other[i] = p == count || m[p].entity != x.entity ? p : other[p]
                nextP[i] = i
            } else {
                nextP[i] = p
            }
        }
        minUpperFrom = minUpper
        nextSubject = subject
        nextPerson = nextP
        nextOtherPerson = other
    }

    // MARK: tokens

    /// A negation word in tokens `lower..<end` (empty when `end ≤ lower`).
    func negation(from lower: Int, before end: Int) -> Bool {
        let e = min(end, tokenCount)
        return e > lower && negationsBefore[e] > negationsBefore[lower]
    }

    /// A form of "to be" in tokens `lower..<end`.
    func beForm(from lower: Int, before end: Int) -> Bool {
        let e = min(end, tokenCount)
        return e > lower && beFormsBefore[e] > beFormsBefore[lower]
    }

    /// The first year token in `range`, if any.
    func firstYear(in range: Range<Int>) -> Int? {
        guard range.lowerBound < tokenCount, !range.isEmpty else { return nil }
        let k = nextYear[max(0, range.lowerBound)]
        return k < range.upperBound ? k : nil
    }

    /// Where the run of list joiners (",", "and", "or", determiners) starting at `k` ends.
    func endOfJoiners(from k: Int) -> Int { k < tokenCount ? joinerRunEnd[k] : k }

    /// Whether tokens `lower..<upper` are all "," or "and".
    func onlyCommasAndAnds(_ lower: Int, _ upper: Int) -> Bool {
        lower >= upper || commaAndRunEnd[lower] >= upper
    }

    // MARK: mentions

    /// The mentions whose first token is `k`, in order.
    func starting(at k: Int) -> ArraySlice<LocalMention> {
        guard k >= 0, k <= tokenCount else { return [] }
        let a = firstFrom[k]
        var b = a
        while b < all.count, all[b].tokens.lowerBound == k { b += 1 }
        return all[a..<b]
    }

    /// The index of the first mention whose first token is at or after `k`.
    func firstIndex(from k: Int) -> Int { k <= 0 ? 0 : (k <= tokenCount ? firstFrom[k] : all.count) }

    /// The last mention ending at token `u`.
    func last(endingAt u: Int) -> LocalMention? {
        guard u >= 0, u <= tokenCount, lastEndingAt[u] >= 0 else { return nil }
        return all[lastEndingAt[u]]
    }

    /// The last mention ending at or before token `u`; among persons; among names.
    func last(endingBy u: Int) -> LocalMention? { lookup(lastEndingBy, u) }
    func lastPerson(endingBy u: Int) -> LocalMention? { lookup(lastPersonEndingBy, u) }
    func lastNamed(endingBy u: Int) -> LocalMention? { lookup(lastNamedEndingBy, u) }

    private func lookup(_ table: [Int], _ u: Int) -> LocalMention? {
        guard u >= 0 else { return nil }
        let i = table[min(u, tokenCount)]
        return i >= 0 ? all[i] : nil
    }

    /// Whether some mention starting at or after token `lower` ends at or before `upper`.
    func any(from lower: Int, endingBy upper: Int) -> Bool { minUpperFrom[firstIndex(from: lower)] <= upper }

    /// The first mention starting at or after `lower` and ending by `limit` that may be
    /// a subject; `lower` and `limit` bound the mentions as in a scan of ``all``.
    func firstSubject(from lower: Int, endingBy limit: Int) -> LocalMention? {
        var j = nextSubject[firstIndex(from: lower)]
        while j < all.count, all[j].tokens.lowerBound <= limit {
            if all[j].tokens.upperBound <= limit { return all[j] }
            j = nextSubject[j + 1]
        }
        return nil
    }

    /// The first person mention starting at or after `lower` whose entity is not `entity`.
    func firstPerson(from lower: Int, other entity: Int) -> LocalMention? {
        let p = nextPerson[firstIndex(from: lower)]
        guard p < all.count else { return nil }
        let q = all[p].entity != entity ? p : nextOtherPerson[p]
        return q < all.count ? all[q] : nil
    }

    // MARK: word classes

    static func isNegation(_ t: Token) -> Bool {
        Lexicon.negations.contains(t.lower) || t.lower.hasSuffix("n't") || t.lower.hasSuffix("n\u{2019}t")
    }

    /// The year a token writes: four digits, 1000–2100.
    static func year(_ t: Token) -> Int? {
        guard t.isNumber, t.text.count == 4, let y = Int(t.text), (1000...2100).contains(y) else { return nil }
        return y
    }

    /// Not a possessor ("X's") and not governed by a preposition.
    static func maySubject(_ x: LocalMention, _ t: [Token]) -> Bool {
        !(x.tokens.upperBound < t.count && t[x.tokens.upperBound].text == "'s") && !governedByPreposition(x, t)
    }

    static func governedByPreposition(_ x: LocalMention, _ t: [Token]) -> Bool {
        var k = x.tokens.lowerBound - 1
        var skipped = 0
        while k >= 0, skipped < 3, Lexicon.determiners.contains(t[k].lower) || Lexicon.personNouns.contains(t[k].lower) { k -= 1; skipped += 1 }
        guard k >= 0 else { return false }
        let w = t[k].lower
        // "the chief of Y", "with Y", "thanks to Y": Y is not the clause's subject.
        return ["in", "at", "from", "to", "of", "with", "by", "for", "after", "before", "under", "during", "against", "near",
                "into", "about", "since", "like", "than", "between", "among", "over", "towards", "unlike", "despite"].contains(w)
    }
}
