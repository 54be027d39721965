/// A phrase that signals a relation kind.
struct Cue: Sendable {
    enum Form: Sendable {
        /// A verb: "X joined Y", passive "Y was founded by X".
        case verb
        /// A verb with its preposition: "X moved to Y", "X sided with Y" (no passive).
        case phrase
        /// A relational noun before "of": "X, the head of Y", "X was a member of Y".
        case nounOf
    }
    let words: [String]
    let kind: String
    /// The grammatical subject is the relation's `to` end ("X recruited Y" → Y agent_of X).
    let reversed: Bool
    let form: Form
    /// How many words may stand between the cue and its object.
    let maxGap: Int

    init(_ phrase: String, _ kind: String, reversed: Bool = false, form: Form = .verb, maxGap: Int = 3) {
        words = phrase.split(separator: " ").map(String.init)
        self.kind = kind
        self.reversed = reversed
        self.form = form
        self.maxGap = maxGap
    }
}

/// The cue phrases for the schema's relation kinds, longest first for each first word.
enum Cues {
    static let all: [Cue] = {
        var c: [Cue] = []
        for v in ["killed", "kill", "kills", "murdered", "assassinated", "assassinate", "shot", "stabbed", "poisoned", "strangled", "executed"] {
            c.append(Cue(v, "killed"))
        }
        for v in ["joined", "joins", "join", "rejoined"] { c.append(Cue(v, "member_of")) }
        for p in ["worked at", "worked for", "worked in", "served in", "served with", "enlisted in", "professor at",
                  "lecturer at", "employed by", "belonged to", "enrolled in"] {
            c.append(Cue(p, "member_of", form: .phrase))
        }
        for v in ["founded", "established", "co-founded", "cofounded", "created", "set up"] { c.append(Cue(v, "founded")) }
        for v in ["led", "leads", "headed", "heads", "commanded", "chaired", "directed", "ran"] { c.append(Cue(v, "leader_of", maxGap: 2)) }
        for v in ["exiled", "banished", "deported", "expelled"] { c.append(Cue(v, "exiled", maxGap: 1)) }
        for p in ["lived in", "lived at", "settled in", "settled at", "moved to", "returned to", "grew up in", "resided in",
                  "emigrated to", "fled to", "stayed in", "living in", "exiled to", "deported to", "banished to",
                  "took refuge in", "was living in", "relocated to"] {
            c.append(Cue(p, "lived_in", form: .phrase))
        }
        c.append(Cue("born in", "born_in", form: .phrase))
        for v in ["married", "wed", "marries"] { c.append(Cue(v, "spouse_of")) }
        c.append(Cue("married to", "spouse_of", form: .phrase))
        for p in ["spied for", "spy for", "spying for", "worked as an agent for", "agent for", "informer for", "informed for", "worked secretly for"] {
            c.append(Cue(p, "agent_of", form: .phrase))
        }
        for v in ["recruited", "hired"] { c.append(Cue(v, "agent_of", reversed: true)) }
        for p in ["allied with", "sided with", "allied himself with", "allied herself with", "joined forces with",
                  "made common cause with", "cooperated with", "collaborated with"] {
            c.append(Cue(p, "ally_of", form: .phrase))
        }
        for v in ["supported", "befriended"] { c.append(Cue(v, "ally_of")) }
        for v in ["opposed", "opposes", "oppose", "fought", "denounced", "criticised", "criticized", "condemned", "betrayed"] {
            c.append(Cue(v, "opposed"))
        }
        for p in ["fought against", "turned against", "campaigned against", "against", "broke with", "split with", "rebelled against"] {
            c.append(Cue(p, "opposed", form: .phrase, maxGap: 1))
        }
        for v in ["attacked", "raided", "assaulted", "bombed", "ambushed"] { c.append(Cue(v, "attacked")) }
        c.append(Cue("affair with", "affair_with", form: .phrase))
        c.append(Cue("an affair with", "affair_with", form: .phrase))
        c.append(Cue("romance with", "affair_with", form: .phrase))
        for v in ["wrote", "written", "authored", "published", "penned", "composed"] { c.append(Cue(v, "authored", maxGap: 6)) }
        for v in ["defended", "protected", "sheltered"] { c.append(Cue(v, "defended")) }
        c.append(Cue("succeeded", "succeeded"))
        c.append(Cue("replaced", "succeeded"))
        for v in ["infiltrated", "penetrated"] { c.append(Cue(v, "infiltrated")) }
        for p in ["took part in", "participated in", "fought in", "attended", "served in the"] {
            c.append(Cue(p, "participated_in", form: .phrase))
        }
        // Relational nouns before "of".
        for n in ["head", "chief", "leader", "director", "manager", "president", "chairman", "commander", "boss", "ruler", "secretary", "governor",
                  "heads", "chiefs", "leaders", "directors", "commanders"] {
            c.append(Cue("\(n) of", "leader_of", form: .nounOf))
        }
        for n in ["member", "members", "officer", "officers", "employee", "official", "professor", "fellow", "founding member"] {
            c.append(Cue("\(n) of", "member_of", form: .nounOf))
        }
        for n in ["agent", "agents", "spy", "informer", "informant", "servant"] { c.append(Cue("\(n) of", "agent_of", form: .nounOf)) }
        for n in ["son", "daughter", "child", "sons", "daughters", "children"] { c.append(Cue("\(n) of", "parent_of", reversed: true, form: .nounOf)) }
        for n in ["father", "mother", "parent"] { c.append(Cue("\(n) of", "parent_of", form: .nounOf)) }
        for n in ["grandson", "granddaughter", "grandchild"] { c.append(Cue("\(n) of", "grandparent_of", reversed: true, form: .nounOf)) }
        for n in ["grandfather", "grandmother"] { c.append(Cue("\(n) of", "grandparent_of", form: .nounOf)) }
        for n in ["wife", "husband", "widow", "widower"] { c.append(Cue("\(n) of", "spouse_of", form: .nounOf)) }
        for n in ["brother", "sister"] { c.append(Cue("\(n) of", "sibling_of", form: .nounOf)) }
        c.append(Cue("rival of", "rival_of", form: .nounOf))
        c.append(Cue("ally of", "ally_of", form: .nounOf))
        c.append(Cue("enemy of", "opposed", form: .nounOf))
        c.append(Cue("founder of", "founded", form: .nounOf))
        c.append(Cue("founders of", "founded", form: .nounOf))
        c.append(Cue("co-founder of", "founded", form: .nounOf))
        c.append(Cue("author of", "authored", form: .nounOf))
        c.append(Cue("killer of", "killed", form: .nounOf))
        c.append(Cue("murderer of", "killed", form: .nounOf))
        c.append(Cue("assassin of", "killed", form: .nounOf))
        c.append(Cue("lover of", "affair_with", form: .nounOf))
        c.append(Cue("mistress of", "affair_with", form: .nounOf))
        return c
    }()

    /// Cues by first word, longest first.
    static let byFirstWord: [String: [Cue]] = {
        var d: [String: [Cue]] = [:]
        for c in all { d[c.words[0], default: []].append(c) }
        for k in d.keys { d[k]!.sort { $0.words.count > $1.words.count } }
        return d
    }()

    /// Family and other ties written "X's NOUN, Y" or "his NOUN Y": the kind, and
    /// whether the possessor is the `to` end.
    static let possessiveNouns: [String: (kind: String, possessorIsTo: Bool)] = [
        "wife": ("spouse_of", false), "husband": ("spouse_of", false), "widow": ("spouse_of", false),
        "son": ("parent_of", false), "sons": ("parent_of", false), "daughter": ("parent_of", false),
        "daughters": ("parent_of", false), "children": ("parent_of", false), "child": ("parent_of", false),
        "father": ("parent_of", true), "mother": ("parent_of", true), "parents": ("parent_of", true),
        "brother": ("sibling_of", false), "sister": ("sibling_of", false), "brothers": ("sibling_of", false),
        "sisters": ("sibling_of", false), "grandson": ("grandparent_of", false),
        "granddaughter": ("grandparent_of", false), "grandfather": ("grandparent_of", true),
        "grandmother": ("grandparent_of", true), "lover": ("affair_with", false), "mistress": ("affair_with", false),
        "rival": ("rival_of", false), "ally": ("ally_of", false), "killer": ("killed", true), "murderer": ("killed", true),
        "assassin": ("killed", true),
    ]

    /// Words that, after "ordered the", make "ordered" a cue for ordered_killing_of.
    static let killingNouns: Set<String> = ["murder", "killing", "assassination", "death", "execution", "liquidation", "elimination"]
    static let killingVerbs: Set<String> = ["killed", "murdered", "assassinated", "shot", "executed", "liquidated", "eliminated", "poisoned"]
}
