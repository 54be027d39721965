import GraphModel

/// Dates a sentence gives for a tie: a point, or a span.
struct FoundDates {
    var date: PartialDate?
    var start: PartialDate?
    var end: PartialDate?
    var isEmpty: Bool { date == nil && start == nil && end == nil }
}

/// A stretch of a sentence read as one statement: cut at ";", "but", "although",
/// relative pronouns, and "and" before a new pronoun subject.
struct Clause {
    let range: Range<Int>
    /// "who", "which", "whom" when the clause is a relative one.
    let relative: String?
    /// The mention the relative pronoun stands for.
    let antecedent: LocalMention?
}

extension ExtractionRun {
    /// Finds the ties of one sentence; returns the persons its possessive pronouns named.
    /// - Complexity: O(T · C + M + P) for T tokens, C cues per first word, M mentions and P
    ///   ties proposed: every lookup goes through a ``SentenceIndex`` built once for the
    ///   sentence, never a scan of the clause or of the mentions per cue.
    mutating func readTies(_ s: TokenizedSentence, ref: SentenceRef, mentions local: [LocalMention]) -> [Int] {
        let t = s.tokens
        let m = SentenceIndex(t, mentions: local, isPerson: { records[$0].kind == "person" })
        let hedge = hedgeWord(t)
        let negatedAnywhere = t.contains { isNegation($0) }
        let clauses = splitClauses(t, m)
        var clauseIndex = 0
        var possessors: [Int] = []
        var lastPossessive: (owners: [LocalMention], targetsEnd: Int)?
        // A sentence that hedges and denies at once ("rumours that…, never confirmed") states nothing.
        let hedgedAway = hedge != nil && negatedAnywhere
        var i = 0
        while i < t.count {
            // The clauses cut the sentence into consecutive ranges, and i only grows.
            while clauseIndex < clauses.count, clauses[clauseIndex].range.upperBound <= i { clauseIndex += 1 }
            let clause = clauseIndex < clauses.count && clauses[clauseIndex].range.contains(i)
                ? clauses[clauseIndex] : Clause(range: 0..<t.count, relative: nil, antecedent: nil)
            if let cue = matchCue(t, at: i) {
                if hedgedAway || isNegated(m, clause: clause, before: i + cue.words.count) {
                    negatedCues += 1
                } else {
                    applyCue(cue, at: i, s: s, ref: ref, mentions: m, clause: clause, hedge: hedge)
                }
                i += cue.words.count
                continue
            }
            let w = t[i].lower
            if ["ordered", "order", "orders", "had", "commissioned"].contains(w) {
                if let (object, end) = orderedKilling(t, after: i, mentions: m) {
                    if hedgedAway || isNegated(m, clause: clause, before: i + 1) {
                        negatedCues += 1
                    } else if let subject = subject(of: clause, before: i, mentions: m, t: t) {
                        let dates = findDates(t, clause.range, m) ?? findDates(t, 0..<t.count, m) ?? FoundDates()
                        propose(from: subject.entity, kind: "ordered_killing_of", to: object.entity, cue: t[i..<end].map(\.lower).joined(separator: " "),
                                ref: ref, s: s, fromMention: subject, toMention: object, dates: dates, hedge: hedge, viaPronoun: subject.pronoun)
                    }
                    i = end
                    continue
                }
            }
            if (Lexicon.possessivePronouns.contains(w) || t[i].text == "'s"), i + 1 < t.count,
               let (kind, possessorIsTo) = Cues.possessiveNouns[t[i + 1].lower] {
                var owners = possessiveOwners(t, at: i, mentions: m)
                // "his wife Natalia and his grandson Seva": both "his" have one owner.
                if let previous = lastPossessive, w != "'s",
                   m.onlyCommasAndAnds(previous.targetsEnd, i) {
                    owners = previous.owners
                }
                possessors += owners.filter { records[$0.entity].kind == "person" }.map(\.entity)
                if !owners.isEmpty, !hedgedAway, !isNegated(m, clause: clause, before: i) {
                    let targets = possessiveTargets(t, nounAt: i + 1, owner: owners[0], clause: clause, mentions: m)
                    lastPossessive = (owners, targets.last?.tokens.upperBound ?? (i + 2))
                    let dates = findDates(t, clause.range, m) ?? FoundDates()
                    for owner in owners {
                        for target in targets where records[target.entity].kind == "person" || kind != "parent_of" {
                            let (a, b) = possessorIsTo ? (target, owner) : (owner, target)
                            propose(from: a.entity, kind: kind, to: b.entity, cue: "\(w == "'s" ? "'s" : w) \(t[i + 1].lower)", ref: ref, s: s,
                                    fromMention: a, toMention: b, dates: dates, hedge: hedge, viaPronoun: owner.pronoun)
                        }
                    }
                }
                i += 2
                continue
            }
            if ["rivals", "allies", "enemies", "partners", "lovers"].contains(w), !hedgedAway, !isNegated(m, clause: clause, before: i),
               m.beForm(from: clause.range.lowerBound, before: i) {
                let kind = ["rivals": "rival_of", "allies": "ally_of", "enemies": "rival_of", "partners": "ally_of", "lovers": "affair_with"][w]!
                if let first = subject(of: clause, before: i, mentions: m, t: t) {
                    let group = [first] + coordinated(after: first, t: t, mentions: m, limit: i)
                    let dates = findDates(t, clause.range, m) ?? FoundDates()
                    for x in 0..<group.count { for y in (x + 1)..<max(x + 1, group.count) {
                        propose(from: group[x].entity, kind: kind, to: group[y].entity, cue: w, ref: ref, s: s,
                                fromMention: group[x], toMention: group[y], dates: dates, hedge: hedge, viaPronoun: false)
                    } }
                }
            }
            i += 1
        }
        return possessors
    }

    // MARK: cues

    func matchCue(_ t: [Token], at i: Int) -> Cue? {
        guard let cues = Cues.byFirstWord[t[i].lower] else { return nil }
        for c in cues where i + c.words.count <= t.count {
            var ok = true
            for (k, w) in c.words.enumerated() where t[i + k].lower != w { ok = false; break }
            if ok { return c }
        }
        return nil
    }

    mutating func applyCue(_ cue: Cue, at i: Int, s: TokenizedSentence, ref: SentenceRef, mentions m: SentenceIndex,
                           clause: Clause, hedge: String?) {
        let t = s.tokens
        let end = i + cue.words.count
        let cueText = cue.words.joined(separator: " ")
        let dates = findDates(t, clause.range, m) ?? findDates(t, 0..<t.count, m) ?? FoundDates()
        guard let rk = schema.relationKind(cue.kind) else { return }
        let objectKinds = cue.reversed ? rk.fromKinds : rk.toKinds

        if cue.form == .nounOf {
            guard let object = firstMention(after: end, t: t, mentions: m, limit: clause.range.upperBound, maxGap: 3,
                                             kinds: objectKinds, allowComma: false, allowPrepositions: false) else { return }
            var holders: [LocalMention] = []
            if let h = appositiveHolder(t, nounAt: i, mentions: m) {
                // "Yagoda and Yezhov, chiefs of the GPU": every name of the list before the comma.
                holders = [h]
                var first = h
                while let prev = m.last(endingBy: first.tokens.lowerBound - 1),
                      m.onlyCommasAndAnds(prev.tokens.upperBound, first.tokens.lowerBound),
                      !(prev.tokens.upperBound..<first.tokens.lowerBound).isEmpty,
                      records[prev.entity].kind == records[h.entity].kind {
                    holders.insert(prev, at: 0)
                    first = prev
                }
                if holders.count == 1, !cue.words[0].hasSuffix("s") || cue.words[0] == "boss" { holders = [h] }
            } else if let h = subject(of: clause, before: i, mentions: m, t: t) {
                holders = [h] + coordinated(after: h, t: t, mentions: m, limit: i)
            }
            for holder in holders {
                let (a, b) = cue.reversed ? (object, holder) : (holder, object)
                propose(from: a.entity, kind: cue.kind, to: b.entity, cue: cueText, ref: ref, s: s, fromMention: a, toMention: b,
                        dates: dates, hedge: hedge, viaPronoun: holder.pronoun)
            }
            return
        }

        // The passive: "was founded by X", "X, recruited by Y".
        var passive = false
        if cue.form == .verb {
            var k = i - 1
            var steps = 0
            while k >= clause.range.lowerBound, steps < 3, Lexicon.adverbs.contains(t[k].lower) || isNegation(t[k]) { k -= 1; steps += 1 }
            if k >= clause.range.lowerBound, Lexicon.beForms.contains(t[k].lower) { passive = true }
            if end < t.count, t[end].lower == "by" { passive = true }
        }
        if passive {
            // "exiled to Helsinki" read as living there.
            if ["exiled", "banished", "deported"].contains(cue.words[0]), end < t.count, t[end].lower == "to" {
                if let place = firstMention(after: end + 1, t: t, mentions: m, limit: clause.range.upperBound, maxGap: 1,
                                            kinds: ["place"], allowComma: false, allowPrepositions: false),
                   let who = subject(of: clause, before: i, mentions: m, t: t) {
                    propose(from: who.entity, kind: "lived_in", to: place.entity, cue: "\(cue.words[0]) to", ref: ref, s: s,
                            fromMention: who, toMention: place, dates: dates, hedge: hedge, viaPronoun: who.pronoun)
                }
                return
            }
            guard let byIndex = (end..<min(clause.range.upperBound, end + 6)).first(where: { t[$0].lower == "by" }),
                  let agent = firstMention(after: byIndex + 1, t: t, mentions: m, limit: clause.range.upperBound, maxGap: 2,
                                           kinds: cue.reversed ? rk.toKinds : rk.fromKinds, allowComma: false, allowPrepositions: false),
                  let patient = subject(of: clause, before: i, mentions: m, t: t)
            else { return }
            for agentMention in [agent] + coordinated(after: agent, t: t, mentions: m, limit: clause.range.upperBound) {
                let (a, b) = cue.reversed ? (patient, agentMention) : (agentMention, patient)
                propose(from: a.entity, kind: cue.kind, to: b.entity, cue: "\(cueText) by", ref: ref, s: s, fromMention: a, toMention: b,
                        dates: dates, hedge: hedge, viaPronoun: patient.pronoun)
            }
            return
        }

        // "tried to kill", "a plot to assassinate": an attempt, not a deed.
        if cue.kind == "killed", i > 0, ["to", "tried", "attempted", "plotted", "planned", "would", "could", "might"].contains(t[i - 1].lower) { return }
        let isAuthored = cue.kind == "authored"
        // "X paid Y to spy for him": the subject of an infinitive is the mention before "to",
        // and "him"/"her" after the cue is the clause's first other person.
        var infinitiveSubject: LocalMention?
        // (The last mention ending by i - 1 starts in the clause, or none that ends by i - 1 does.)
        if i > 0, t[i - 1].lower == "to", let y = m.last(endingBy: i - 1), y.tokens.lowerBound >= clause.range.lowerBound,
           y.tokens.upperBound >= i - 8, records[y.entity].kind == "person",
           m.any(from: clause.range.lowerBound, endingBy: y.tokens.lowerBound) {
            infinitiveSubject = y
        }
        if let y = infinitiveSubject, end < t.count, ["him", "her"].contains(t[end].lower),
           let other = m.firstPerson(from: clause.range.lowerBound, other: y.entity) {
            let pronounObject = LocalMention(tokens: end..<(end + 1), entity: other.entity, pronoun: true)
            let (a, b) = cue.reversed ? (pronounObject, y) : (y, pronounObject)
            propose(from: a.entity, kind: cue.kind, to: b.entity, cue: cueText, ref: ref, s: s, fromMention: a, toMention: b,
                    dates: dates, hedge: hedge, viaPronoun: true)
            return
        }
        var objects: [LocalMention] = []
        if let first = firstMention(after: end, t: t, mentions: m, limit: clause.range.upperBound, maxGap: cue.maxGap,
                                    kinds: objectKinds, allowComma: isAuthored, allowPrepositions: isAuthored) {
            objects = [first] + coordinated(after: first, t: t, mentions: m, limit: clause.range.upperBound)
        } else if clause.relative != nil, clause.relative != "who", let antecedent = clause.antecedent {
            // "the Western Survey, which Thorne led"
            objects = [antecedent]
        }
        guard !objects.isEmpty, let subj = infinitiveSubject ?? subject(of: clause, before: i, mentions: m, t: t)
        else { return }
        let subjects = [subj] + coordinated(after: subj, t: t, mentions: m, limit: i)
        for a0 in subjects {
            for b0 in objects {
                let (a, b) = cue.reversed ? (b0, a0) : (a0, b0)
                propose(from: a.entity, kind: cue.kind, to: b.entity, cue: cueText, ref: ref, s: s, fromMention: a, toMention: b,
                        dates: dates, hedge: hedge, viaPronoun: a0.pronoun)
            }
        }
    }

    /// "ordered the murder of X", "ordered X killed", "had X assassinated": the victim and where the cue ends.
    func orderedKilling(_ t: [Token], after i: Int, mentions m: SentenceIndex) -> (LocalMention, Int)? {
        var k = i + 1
        if k < t.count, Lexicon.determiners.contains(t[k].lower) { k += 1 }
        if t[i].lower != "had", k + 1 < t.count, Cues.killingNouns.contains(t[k].lower), t[k + 1].lower == "of" {
            if let victim = firstMention(after: k + 2, t: t, mentions: m, limit: t.count, maxGap: 2, kinds: ["person"],
                                         allowComma: false, allowPrepositions: false) {
                return (victim, k + 2)
            }
        }
        if let victim = m.starting(at: i + 1).first(where: { records[$0.entity].kind == "person" }),
           victim.tokens.upperBound < t.count, Cues.killingVerbs.contains(t[victim.tokens.upperBound].lower) {
            return (victim, victim.tokens.upperBound + 1)
        }
        return nil
    }

    // MARK: arguments

    /// The clause's subject before token `limit`: the first mention not governed by a
    /// preposition and not a possessor; in a relative clause without one, the antecedent.
    func subject(of clause: Clause, before limit: Int, mentions m: SentenceIndex, t: [Token]) -> LocalMention? {
        // The first mention in the clause, ending by `limit`, that is no possessor ("X's") and not
        // governed by a preposition (``SentenceIndex/governedByPreposition(_:_:)``).
        if let x = m.firstSubject(from: clause.range.lowerBound, endingBy: limit) { return x }
        if clause.relative != nil, let a = clause.antecedent { return a }
        if clause.range.lowerBound > 0 {
            // "…, and soon joined X": the subject of the sentence's first clause.
            return m.firstSubject(from: 0, endingBy: clause.range.lowerBound)
        }
        return nil
    }

    /// The first mention starting within `maxGap` words of `start`, crossing only
    /// determiners and plain lower-case words (and commas or prepositions when allowed).
    func firstMention(after start: Int, t: [Token], mentions m: SentenceIndex, limit: Int, maxGap: Int,
                      kinds: Set<String>?, allowComma: Bool, allowPrepositions: Bool) -> LocalMention? {
        var k = start
        var gap = 0
        while k < min(limit, t.count) {
            if let x = m.starting(at: k).first {
                if let kinds, !kinds.contains(records[x.entity].kind) {
                    if allowPrepositions { k = x.tokens.upperBound; gap += 1; continue }
                    return nil
                }
                return x
            }
            let w = t[k]
            if w.text == "," || w.text == "(" { if !allowComma { return nil } }
            else if !w.isWord { return nil }
            else if Lexicon.prepositions.contains(w.lower) && !allowPrepositions { return nil }
            else if Lexicon.prepositions.contains(w.lower) && ["by", "and", "but", "who", "which"].contains(w.lower) { return nil }
            else if w.isNumber { return nil }
            if !Lexicon.determiners.contains(w.lower) { gap += 1 }
            if gap > maxGap { return nil }
            k += 1
        }
        return nil
    }

    /// Mentions listed after `first` with only ",", "and", "or" and determiners between, of the same kind.
    func coordinated(after first: LocalMention, t: [Token], mentions m: SentenceIndex, limit: Int) -> [LocalMention] {
        var out: [LocalMention] = []
        var last = first
        let kind = records[first.entity].kind
        while true {
            // Skip the ",", "and", "or" and determiners after the last one (before `limit`).
            let start = last.tokens.upperBound, stop = min(limit, t.count)
            let k = start < stop ? min(m.endOfJoiners(from: start), stop) : start
            let sawJoiner = k > start
            guard sawJoiner, let next = m.starting(at: k).first(where: { $0.tokens.upperBound <= limit }),
                  records[next.entity].kind == kind, !next.pronoun else { break }
            out.append(next)
            last = next
        }
        return out
    }

    /// "X, the head of": the mention before the comma that opens the appositive.
    func appositiveHolder(_ t: [Token], nounAt i: Int, mentions m: SentenceIndex) -> LocalMention? {
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 3, t[k].isWord, !t[k].isCapitalized, !Lexicon.prepositions.contains(t[k].lower) { k -= 1; steps += 1 }
        guard k >= 1, t[k].text == "," else { return nil }
        return m.last(endingAt: k)
    }

    /// Who "his"/"her"/"their"/"X's" refers to.
    func possessiveOwners(_ t: [Token], at i: Int, mentions m: SentenceIndex) -> [LocalMention] {
        if t[i].text == "'s" {
            return m.last(endingAt: i).map { [$0] } ?? []
        }
        let pool: [Int]
        if let last = m.lastPerson(endingBy: i)?.entity { pool = [last] }
        else if t[i].lower == "their" { pool = Array(previousPersons.prefix(2)) }
        else { pool = previousPersons.last.map { [$0] } ?? [] }
        return pool.map { LocalMention(tokens: i..<(i + 1), entity: $0, pronoun: true) }
    }

    /// The persons a possessive noun names: "his wife, X", "their sons X and Y", or
    /// "X, Y's brother", or "X was Y's rival".
    func possessiveTargets(_ t: [Token], nounAt n: Int, owner: LocalMention, clause: Clause, mentions m: SentenceIndex) -> [LocalMention] {
        var k = n + 1
        let comma = k < t.count && t[k].text == ","
        if comma { k += 1 }
        if let x = m.starting(at: k).first(where: { !$0.pronoun }) {
            let list = [x] + coordinated(after: x, t: t, mentions: m, limit: t.count)
            // "his father, Leon worked…": after a comma the name must close an apposition.
            let after = list.last!.tokens.upperBound
            if comma, after < t.count, ![",", ".", ";", ")", ":"].contains(t[after].text) { return [] }
            return list
        }
        guard t[n - 1].text == "'s" else { return [] }
        let o = owner.tokens.lowerBound
        if o >= 2, t[o - 1].text == ",", let x = m.last(endingAt: o - 1) { return [x] }
        if o >= 1, Lexicon.beForms.contains(t[o - 1].lower), let x = subject(of: clause, before: o - 1, mentions: m, t: t) { return [x] }
        return []
    }

    // MARK: clauses, negation, hedges, dates

    /// Consecutive clauses covering the whole sentence, in order.
    func splitClauses(_ t: [Token], _ m: SentenceIndex) -> [Clause] {
        var clauses: [Clause] = []
        var start = 0
        var relative: String?
        var antecedent: LocalMention?
        func close(_ end: Int) {
            if end > start { clauses.append(Clause(range: start..<end, relative: relative, antecedent: antecedent)) }
        }
        var k = 0
        while k < t.count {
            let w = t[k].lower
            var boundary = false
            var rel: String?
            if [";", ":", "but", "although", "though", "whereas", "yet", "while"].contains(w) { boundary = true }
            if ["who", "which", "whom", "where"].contains(w) { boundary = true; rel = w }
            // "Lenin, who …, was gone, Stalin sided with …": in a relative clause, a comma
            // followed by a name opens the main clause again.
            if w == ",", relative != nil, k + 1 < t.count, m.starting(at: k + 1).contains(where: { !$0.pronoun }) {
                close(k)
                start = k
                relative = nil
                antecedent = nil
                k += 1
                continue
            }
            if w == "and" || w == ",", k + 1 < t.count {
                let next = t[k + 1].lower
                if Lexicon.subjectPronouns.contains(next) || next == "they" { boundary = true }
                if w == ",", next == "and", k + 2 < t.count, Lexicon.subjectPronouns.contains(t[k + 2].lower) || t[k + 2].lower == "they" { boundary = true }
            }
            if boundary {
                close(k)
                start = k
                relative = rel
                antecedent = rel.flatMap { _ in m.lastNamed(endingBy: k) }
            }
            k += 1
        }
        close(t.count)
        return clauses
    }

    func isNegation(_ t: Token) -> Bool { SentenceIndex.isNegation(t) }

    /// A negation between the clause's start and `end` (the cue's end).
    func isNegated(_ m: SentenceIndex, clause: Clause, before end: Int) -> Bool {
        m.negation(from: clause.range.lowerBound, before: end)
    }

    func hedgeWord(_ t: [Token]) -> String? {
        if let h = t.first(where: { Lexicon.hedges.contains($0.lower) }) { return h.lower }
        for p in Lexicon.hedgePhrases where p.count <= t.count {
            for i in 0...(t.count - p.count) where t[i].lower == p[0] {
                if (1..<p.count).allSatisfy({ t[i + $0].lower == p[$0] }) { return p.joined(separator: " ") }
            }
        }
        return nil
    }

    /// The first date in tokens `range`: "from 1948 to 1953" → a span, "since 1929" → a start,
    /// "20 August 1940" / "August 20, 1940" / "January 1940" / "1940" → a point.
    /// Reads from the first year of `range` only (found in O(1) by `m`); the tokens
    /// around it are looked at, never the rest of the range.
    func findDates(_ t: [Token], _ range: Range<Int>, _ m: SentenceIndex) -> FoundDates? {
        func year(_ k: Int) -> Int? {
            guard k >= range.lowerBound, k < range.upperBound else { return nil }
            return SentenceIndex.year(t[k])
        }
        guard let k = m.firstYear(in: range), let y = year(k) else { return nil }
        let prev = k > 0 ? t[k - 1].lower : ""
        // spans
        if ["from", "between"].contains(prev) || (k + 1 < t.count && ["-", "–"].contains(t[k + 1].text)) {
            for j in (k + 2)...(k + 3) where j < range.upperBound {
                if let y2 = year(j), y2 >= y, ["to", "until", "till", "and", "-", "–"].contains(t[j - 1].lower) {
                    return FoundDates(date: nil, start: PartialDate(year: y), end: PartialDate(year: y2))
                }
            }
        }
        if prev == "since" { return FoundDates(start: PartialDate(year: y)) }
        if prev == "until" || prev == "till" { return FoundDates(end: PartialDate(year: y)) }
        var month: Int?
        var day: Int?
        if k >= 1, let mo = Lexicon.months[t[k - 1].lower], t[k - 1].isCapitalized { month = mo
            if k >= 2, t[k - 2].isNumber, let d = Int(t[k - 2].text), (1...31).contains(d) { day = d }
        } else if k >= 3, t[k - 1].text == ",", t[k - 2].isNumber, let d = Int(t[k - 2].text), (1...31).contains(d),
                  let mo = Lexicon.months[t[k - 3].lower] { month = mo; day = d }
        return FoundDates(date: PartialDate(year: y, month: month, day: month == nil ? nil : day))
    }

    /// "Francesco Sforza, the Duke of Milan": the titled name is the person before it.
    mutating func absorbAppositiveTitles(_ local: [LocalMention], in s: TokenizedSentence) -> [LocalMention] {
        let t = s.tokens
        var out = local
        for idx in out.indices.dropFirst() {
            let b = out[idx], a = out[idx - 1]
            let start = b.tokens.lowerBound
            guard !b.pronoun, !a.pronoun, records[a.entity].kind == "person", records[b.entity].kind == "person",
                  !records[b.entity].known, records[b.entity].mentions == 0, a.entity != b.entity,
                  Lexicon.nobleTitles.contains(t[start].lower) || Lexicon.titles.contains(t[start].lower) && t.count > start + 1 && t[start + 1].lower == "of",
                  start >= 2, t[start - 1].lower == "the", t[start - 2].text == ",", a.tokens.upperBound == start - 2
            else { continue }
            let name = records[b.entity].name
            records[b.entity].absorbedInto = a.entity
            if !records[a.entity].aliases.contains(name) { records[a.entity].aliases.append(name) }
            out[idx] = LocalMention(tokens: b.tokens, entity: a.entity, pronoun: false)
        }
        return out
    }
}
