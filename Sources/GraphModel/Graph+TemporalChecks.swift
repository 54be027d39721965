/// Warnings about time: ties dated outside an endpoint's lifetime, and ties
/// whose kinds contradict each other at the same time.
///
/// Partial dates are read as the spans they name (`1938` is every day of 1938),
/// and a warning is given only when the fault is certain at that precision:
/// a tie dated `1938` against a founding in `1938-09` may be right, one dated
/// `1938-07` is not. An open end is read as the model reads it in
/// ``Relation/holds(during:keepUndated:)``: a tie with a `start` and no `end` holds
/// for ever after, so it outlives an endpoint that died; one with an `end` and no
/// `start` holds since for ever, so it predates an endpoint's birth. Undated ties
/// (no `date`, `start` or `end`) say nothing about time and pass the lifetime test.
extension Graph {
    /// Every temporal warning: ``lifetimeWarnings()`` then ``contradictionWarnings()``,
    /// in file order within each family.
    /// - Complexity: O(V + E + Σ g²) for g the number of ties between one pair.
    public func temporalWarnings() -> [Diagnostic] {
        lifetimeWarnings() + contradictionWarnings()
    }

    /// Ties dated, or spanning, before an endpoint's birth or founding, or after its
    /// death or dissolution (the entity's `start` / `end`), one warning per tie and
    /// endpoint, located at the tie.
    ///
    /// `Klement member_of fourth_international, start: 1938-07` warns when the
    /// Fourth International was founded `1938-09`; `Trotsky lived_in France, start:
    /// 1933` (no end) warns when Trotsky died in 1940.
    /// - Complexity: O(V + E).
    public func lifetimeWarnings() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in relations where r.isDated {
            let ends = r.from == r.to ? [r.from] : [r.from, r.to]
            for id in ends {
                guard let e = entity(id), e.start != nil || e.end != nil else { continue }
                if let problem = Graph.lifetimeProblem(r, e) {
                    out.append(Diagnostic("\(Graph.label(r)): \(problem)", at: r.location, severity: .warning))
                }
            }
        }
        return out
    }

    /// What is wrong with `r`'s dates against `e`'s lifetime, if anything.
    static func lifetimeProblem(_ r: Relation, _ e: Entity) -> String? {
        let (began, ended) = lifeWords(e.kind)
        let who = e.name
        if let d = r.date {
            if let s = e.start, d.latestDay < s.earliestDay { return "dated \(d), before \(who) \(began) (\(s))" }
            if let t = e.end, d.earliestDay > t.latestDay { return "dated \(d), after \(who) \(ended) (\(t))" }
            return nil
        }
        if let s = e.start {
            if let rs = r.start, rs.latestDay < s.earliestDay { return "starts \(rs), before \(who) \(began) (\(s))" }
            if let re = r.end, re.latestDay < s.earliestDay { return "ends \(re), before \(who) \(began) (\(s))" }
            if r.start == nil, let re = r.end {
                return "has no start, so it holds before \(who) \(began) (\(s)); give a start (it ends \(re))"
            }
        }
        if let t = e.end {
            if let re = r.end, re.earliestDay > t.latestDay { return "ends \(re), after \(who) \(ended) (\(t))" }
            if let rs = r.start, rs.earliestDay > t.latestDay { return "starts \(rs), after \(who) \(ended) (\(t))" }
            if r.end == nil, let rs = r.start {
                return "has no end, so it holds after \(who) \(ended) (\(t)); give an end (it starts \(rs))"
            }
        }
        return nil
    }

    /// "was born" / "died" for a person, "was founded" / "was dissolved" for an
    /// organization, "began" / "ended" for anything else.
    static func lifeWords(_ kind: String) -> (began: String, ended: String) {
        switch kind {
        case "person": return ("was born", "died")
        case "organization": return ("was founded", "was dissolved")
        default: return ("began", "ended")
        }
    }

    /// Two ties between the same pair of entities (either way round) whose kinds
    /// the schema declares contradictory (``Schema/contradictions``) and whose times
    /// overlap for certain. An undated tie overlaps everything. The warning is
    /// located at the later tie in the file and names the earlier one's place.
    ///
    /// Overlap is certain at the precision given: an alliance `1923`–`1925` and a
    /// rivalry from `1925` may not overlap (the alliance may end before the rivalry
    /// begins), so they are not reported; a rivalry from `1924` is.
    /// - Complexity: O(E + Σ g²) time for g the ties between one pair, O(E) space.
    public func contradictionWarnings() -> [Diagnostic] {
        guard !schema.contradictions.isEmpty else { return [] }
        let hostile = Set(schema.contradictions.flatMap { [$0.first, $0.second] })
        var byPair: [Pair: [Int]] = [:]
        for (i, r) in relations.enumerated() where hostile.contains(r.kind) && r.from != r.to {
            byPair[Pair(r.from, r.to), default: []].append(i)
        }
        var found: [(Int, Diagnostic)] = []
        for (_, indices) in byPair where indices.count > 1 {
            for (n, j) in indices.enumerated() {
                let b = relations[j]
                for i in indices[..<n] {
                    let a = relations[i]
                    guard schema.contradicts(a.kind, b.kind), Graph.certainlyOverlap(a, b) else { continue }
                    let place = a.location.map { " at \($0)" } ?? ""
                    let message = "\(Graph.label(b))\(Graph.when(b)) contradicts \(Graph.label(a))\(Graph.when(a))\(place): "
                        + "'\(a.kind)' and '\(b.kind)' cannot hold at the same time; date them so that they do not overlap"
                    found.append((j, Diagnostic(message, at: b.location, severity: .warning)))
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The days a tie holds for certain, as `yyyymmdd` bounds that may cross
    /// (a point date `1937` certainly falls in 1937 but on no day known in advance:
    /// its bounds are 1937-12-31 … 1937-01-01, so only a span covering all of 1937
    /// certainly overlaps it). Open ends and undated ties reach ±∞.
    static func certainBounds(_ r: Relation) -> (first: Int, last: Int) {
        if let d = r.date { return (d.latestDay, d.earliestDay) }
        return (r.start?.latestDay ?? Int.min, r.end?.earliestDay ?? Int.max)
    }

    static func certainlyOverlap(_ a: Relation, _ b: Relation) -> Bool {
        let x = certainBounds(a), y = certainBounds(b)
        return x.first <= y.last && y.first <= x.last
    }

    static func label(_ r: Relation) -> String { "relation \(r.from) -\(r.kind)-> \(r.to)" }

    static func when(_ r: Relation) -> String { " (\(r.dateText ?? "undated"))" }
}

/// An unordered pair of entity ids.
struct Pair: Hashable {
    let a: String, b: String
    init(_ x: String, _ y: String) { (a, b) = x <= y ? (x, y) : (y, x) }
}
