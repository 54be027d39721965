import GraphModel

/// relgraph's own recogniser: capitalised spans, typed by titles, organisation,
/// event and place words, the words around them, and how the document uses them.
///
/// - A span is a run of capitalised words, joined across name particles ("del"),
///   hyphens, "the" before an epithet ("the Younger") and "of (the)" after an
///   organisation, event, place or title word ("Guild of Saint Luke", "Duke of
///   Milan"), but not into another organisation ("Vienna Station" / "KGB").
/// - Sentence openers, pronouns, months and nationalities are not names; a single
///   capitalised word opening a sentence counts only when the document also
///   capitalises it mid-sentence.
/// - Kind: a title or honorific → person; an organisation word → organization;
///   an event word → event; a place word, a small gazetteer, or a name used mostly
///   after "in", "to", "from"… → place; a capitalised title after a work noun or
///   "wrote", or a mid-sentence "The …" → work; otherwise person.
///
/// - Complexity: O(T) for T tokens in ``prepare(_:)`` and per sentence in ``names(in:)``.
public struct RuleBasedRecognizer: EntityRecognizer, Sendable {
    private var midSentence: Set<String> = []
    private var placeVotes: [String: Int] = [:]
    private var lowerCaseWords: Set<String> = []

    public init() {}

    public mutating func prepare(_ sentences: [TokenizedSentence]) {
        midSentence = []
        placeVotes = [:]
        lowerCaseWords = []
        for s in sentences {
            for tok in s.tokens where tok.isWord && !tok.isCapitalized && !tok.isNumber { lowerCaseWords.insert(tok.lower) }
            for (i, t) in s.tokens.enumerated() where i > 0 && t.isCapitalized && t.isWord {
                let prev = s.tokens[i - 1].text
                if prev == ":" || prev == "\"" || prev == "(" || prev == "\u{201C}" { continue }
                midSentence.insert(t.lower)
            }
            var listIsPlaces = false
            var previousEnd = -1
            for span in rawSpans(s) {
                let key = foldName(s.text(span))
                let before = span.lowerBound > 0 ? s.tokens[span.lowerBound - 1].lower : ""
                let joined = previousEnd >= 0 && (previousEnd..<span.lowerBound).allSatisfy { [",", "and", "or"].contains(s.tokens[$0].lower) }
                if !joined { listIsPlaces = Lexicon.placePrepositions.contains(before) || Lexicon.gazetteer.contains(key) }
                // Persons follow "to" and "from" too ("married to", "a letter from"): a name of
                // several words counts as a place only after "in", "at", "near"….
                let cue = span.count == 1 ? Lexicon.placePrepositions.contains(before) : ["in", "at", "near", "across", "through"].contains(before)
                placeVotes[key, default: 0] += (cue || (joined && listIsPlaces)) ? 1 : -1
                previousEnd = span.upperBound
            }
        }
    }

    public func names(in s: TokenizedSentence) -> [NameSpan] {
        let headline = Self.isHeadline(s)
        return rawSpans(s).compactMap { span in
            guard var named = typed(span, in: s) else { return nil }
            // In a title-case line every word is capitalised: weaker evidence.
            if headline { named.confidence = min(named.confidence, 0.4) }
            return named
        }
    }

    /// A heading or menu line: three words or more, every word capitalised except
    /// short function words ("Survivors of Auschwitz Confronting Histories").
    static func isHeadline(_ s: TokenizedSentence) -> Bool {
        let words = s.tokens.filter { $0.isWord && !$0.isNumber }
        guard words.count >= 3 else { return false }
        let function: Set<String> = ["of", "the", "and", "in", "a", "an", "to", "for", "on", "with", "by", "at", "or", "from", "vs"]
        return words.allSatisfy { $0.isCapitalized || function.contains($0.lower) }
    }

    /// Runs of capitalised words with their joiners, trimmed of leading non-names.
    func rawSpans(_ s: TokenizedSentence) -> [Range<Int>] {
        let t = s.tokens
        let n = t.count
        var spans: [Range<Int>] = []
        var i = 0
        func isCap(_ k: Int) -> Bool {
            guard k < n, t[k].isWord, t[k].isCapitalized, !t[k].isNumber else { return false }
            let w = t[k].lower
            if w.contains("'") || w.contains("\u{2019}") { return false }   // We've, I'm
            if w.count > 4, w.hasSuffix("ism") || w.hasSuffix("isms") { return false }  // ideas, not names
            return true
        }
        while i < n {
            guard isCap(i) else { i += 1; continue }
            var j = i + 1
            while j < n {
                if isCap(j) { j += 1; continue }
                if Lexicon.nameParticles.contains(t[j].lower), !t[j].isCapitalized, isCap(j + 1), j > i { j += 2; continue }
                if t[j].text == "-", isCap(j + 1), t[j + 1].start == t[j].end, t[j].start == t[j - 1].end { j += 2; continue }
                if t[j].lower == "the", isCap(j + 1), Lexicon.epithets.contains(t[j + 1].lower) { j += 2; continue }
                if t[j].lower == "of" {
                    let head = t[j - 1].lower
                    let joinable = Lexicon.organizationWords.contains(head) || Lexicon.titles.contains(head)
                        || Lexicon.eventWords.contains(head) || Lexicon.placeWords.contains(head)
                    var k = j + 1
                    if k < n, t[k].lower == "the" { k += 1 }
                    if joinable, isCap(k) {
                        var r = k
                        while isCap(r) { r += 1 }
                        let right = t[k..<r]
                        let rightIsOrganization = (r - k == 1 && t[k].isAcronym)
                            || right.contains { Lexicon.organizationWords.contains($0.lower) }
                        if !rightIsOrganization { j = r; continue }
                    }
                }
                break
            }
            // Trim leading words that are not names; keep a mid-sentence "The" (a title).
            var a = i
            while a < j, Lexicon.notNames.contains(t[a].lower), !(t[a].lower == "the" && a > 0 && j - a > 1),
                  !(Lexicon.adjectives.contains(t[a].lower) && j - a > 1) { a += 1 }
            var b = j
            while b > a, !t[b - 1].isWord || Lexicon.nameParticles.contains(t[b - 1].lower) { b -= 1 }
            if a < b {
                let single = b - a == 1
                let opensSentence = a == 0 || (a > 0 && [":", "\"", "(", "\u{201C}"].contains(t[a - 1].text))
                    || (i == 0 && a > 0)
                if !(single && opensSentence && !midSentence.contains(t[a].lower) && !actsInClause(t, a, b)) {
                    spans.append(a..<b)
                }
            }
            i = j
        }
        return spans
    }

    /// Whether a single capitalised word that opens a sentence is the subject of a
    /// relation cue ("Stalin ordered …", "Trotsky was murdered by …"): then it is read as
    /// a name even when the text never writes it mid-sentence, unless the text also
    /// writes it in lower case or it is a word that is never a name.
    private func actsInClause(_ t: [Token], _ a: Int, _ b: Int) -> Bool {
        let word = t[a].lower
        guard b < t.count, !lowerCaseWords.contains(word), !Lexicon.notNames.contains(word) else { return false }
        let next = t[b].lower
        if Cues.byFirstWord[next] != nil || next == "ordered" { return true }
        return ["was", "were", "had", "has"].contains(next) && b + 1 < t.count && Cues.byFirstWord[t[b + 1].lower] != nil
    }

    private func typed(_ span: Range<Int>, in s: TokenizedSentence) -> NameSpan? {
        let t = s.tokens
        let words = t[span].map(\.lower)
        let full = s.text(span)
        let folded = foldName(full)
        let before = span.lowerBound > 0 ? t[span.lowerBound - 1].lower : ""
        let before2 = span.lowerBound > 1 ? t[span.lowerBound - 2].lower : ""
        let first = words[0]
        // Words the document also writes in lower case are common words, not names
        // ("Military", "Union", "Extremely Right"), unless an organisation word makes a name of them.
        if words.allSatisfy({ lowerCaseWords.contains($0) || Lexicon.notNames.contains($0) }),
           span.count == 1 || !words.contains(where: { Lexicon.organizationWords.contains($0) || Lexicon.eventWords.contains($0) }) {
            return nil
        }
        if Lexicon.titles.contains(first), !["saint", "st"].contains(first) || span.count > 1 {
            if span.count == 1 { return nil }
            if words[1] == "of" {
                return NameSpan(tokens: span, name: full, kind: "person", confidence: 0.75)
            }
            let rest = s.text((span.lowerBound + 1)..<span.upperBound)
            // "General Secretary", "President Lincoln": strip every leading title word.
            var k = span.lowerBound
            while k < span.upperBound - 1, Lexicon.titles.contains(t[k].lower) { k += 1 }
            let name = k == span.lowerBound + 1 ? rest : s.text(k..<span.upperBound)
            return NameSpan(tokens: span, name: name, aliases: [full], kind: "person", confidence: 0.85)
        }
        if Lexicon.gazetteer.contains(folded) {
            return NameSpan(tokens: span, name: full, kind: "place", confidence: 0.8)
        }
        if words.contains(where: { Lexicon.organizationWords.contains($0) }) {
            var name = full
            var range = span
            if first == "the", span.count > 1 { range = (span.lowerBound + 1)..<span.upperBound; name = s.text(range) }
            return NameSpan(tokens: range, name: name, kind: "organization", confidence: 0.8)
        }
        if let last = words.last, Lexicon.eventWords.contains(last), span.count > 1 || before == "the" {
            return NameSpan(tokens: span, name: full, kind: "event", confidence: 0.7)
        }
        if let last = words.last, Lexicon.placeWords.contains(last), span.count > 1 {
            return NameSpan(tokens: span, name: full, kind: "place", confidence: 0.7)
        }
        let afterWorkNoun = Lexicon.workNouns.contains(before) || (before == "," && Lexicon.workNouns.contains(before2))
            || before == "wrote" || before == "titled" || before == "entitled"
        if afterWorkNoun || (first == "the" && span.lowerBound > 0) {
            return NameSpan(tokens: span, name: full, kind: "work", confidence: afterWorkNoun ? 0.7 : 0.5)
        }
        if span.count == 1, t[span.lowerBound].isAcronym {
            return NameSpan(tokens: span, name: full, kind: "organization", confidence: 0.6)
        }
        if Lexicon.personNouns.contains(before) {
            return NameSpan(tokens: span, name: full, kind: "person", confidence: 0.8)
        }
        if placeVotes[folded, default: 0] > 0 {
            return NameSpan(tokens: span, name: full, kind: "place", confidence: 0.6)
        }
        return NameSpan(tokens: span, name: full, kind: "person", confidence: span.count > 1 ? 0.7 : 0.5)
    }
}
