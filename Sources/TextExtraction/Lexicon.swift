/// The word lists the rule-based recogniser and the cue matcher read. All lower case.
enum Lexicon {
    /// Titles and honorifics: a capitalised span starting with one names a person.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "colonel", "general", "inspector",
        "captain", "major", "lieutenant", "sergeant", "admiral", "marshal", "commissar", "comrade",
        "archbishop", "bishop", "cardinal", "pope", "father", "president", "professor", "prof", "king",
        "queen", "prince", "princess", "duke", "duchess", "count", "countess", "baron", "baroness",
        "emperor", "empress", "tsar", "czar", "tsarina", "senator", "judge", "detective", "chancellor",
        "premier", "governor", "rabbi", "reverend", "abbot", "saint", "st",
    ]
    /// Titles that stay part of the name when no given name follows ("Duke of Burgundy").
    static let nobleTitles: Set<String> = ["duke", "duchess", "count", "countess", "king", "queen", "prince",
                                           "princess", "emperor", "empress", "baron", "baroness", "pope", "tsar", "lord", "lady"]
    /// Words that make a capitalised span an organisation.
    static let organizationWords: Set<String> = [
        "party", "international", "commission", "army", "government", "committee", "office", "college",
        "service", "bank", "company", "society", "academy", "museum", "council", "guild", "branch", "station",
        "directorate", "survey", "university", "church", "court", "police", "ministry", "department",
        "bureau", "agency", "union", "league", "institute", "school", "club", "association", "federation",
        "opposition", "politburo", "comintern", "signoria", "chamber", "navy", "senate", "parliament",
        "congress", "assembly", "front", "movement", "brigade", "brigades", "guard", "trust", "corporation",
        "cheka", "nkvd", "gpu", "ogpu", "kgb", "mi5", "mi6", "cia", "fbi", "foundation", "secretariat",
        "tribunal", "commissariat", "bolsheviks", "mensheviks", "group", "order", "firm", "inc", "ltd",
        "corps", "legion", "soviet", "cabinet", "junta", "faction", "bloc", "syndicate", "cartel", "network",
    ]
    /// Words that make a capitalised span an event.
    static let eventWords: Set<String> = [
        "war", "revolution", "trial", "trials", "conference", "massacre", "battle", "purge", "purges",
        "uprising", "rebellion", "coup", "crisis", "treaty", "pact", "raid", "election", "strike", "siege",
        "putsch", "famine", "terror", "affair", "summit", "expedition", "campaign", "olympics", "exhibition",
    ]
    /// Words that make a capitalised span a place.
    static let placeWords: Set<String> = [
        "city", "street", "avenue", "road", "square", "town", "village", "river", "lake", "mountains",
        "mountain", "island", "islands", "bay", "province", "county", "region", "district", "coast", "sea",
        "ocean", "peninsula", "valley", "palace", "cathedral", "prison", "camp", "castle", "port", "harbour",
    ]
    /// A few countries and cities, and the Soviet Union, which organisation words would misread.
    static let gazetteer: Set<String> = [
        "ussr", "soviet union", "usa", "united states", "uk", "united kingdom", "britain", "great britain",
        "america", "europe", "asia", "africa", "mexico", "mexico city", "spain", "france", "germany", "russia",
        "england", "scotland", "ireland", "italy", "norway", "turkey", "china", "japan", "poland", "austria",
        "canada", "moscow", "london", "paris", "berlin", "vienna", "rome", "new york", "washington",
    ]
    /// Prepositions after which a single name is probably a place.
    static let placePrepositions: Set<String> = [
        "in", "to", "from", "at", "near", "into", "across", "towards", "toward", "through", "outside",
        "inside", "around", "via",
    ]
    /// Nouns naming a written or made work; a capitalised title right after one is a work.
    static let workNouns: Set<String> = [
        "book", "books", "memoir", "memoirs", "novel", "pamphlet", "article", "essay", "poem", "play", "film",
        "painting", "mural", "letter", "diary", "biography", "autobiography", "treatise", "report",
        "manifesto", "song", "journal", "newspaper", "magazine", "study", "hymns", "volume", "history",
    ]
    /// Lower-case nouns that, just before a name, say it is a person ("the painter Sandro Mancini").
    static let personNouns: Set<String> = [
        "painter", "banker", "geologist", "writer", "poet", "journalist", "officer", "agent", "guide",
        "assistant", "translator", "lawyer", "doctor", "revolutionary", "leader", "secretary", "wife",
        "husband", "son", "daughter", "brother", "sister", "father", "mother", "friend", "colleague",
        "merchant", "historian", "student", "spy", "courier", "assassin", "priest", "composer", "scientist",
        "physicist", "chemist", "author", "informer", "bodyguard", "guard", "comrade", "professor", "artist",
        "architect", "engineer", "soldier", "commander", "diplomat", "minister", "widow", "nephew", "niece",
        "cousin", "grandson", "granddaughter", "uncle", "aunt", "man", "woman", "boy", "girl",
    ]
    /// Capitalised words that are not names on their own: sentence openers, pronouns,
    /// months, days, nationalities and creeds.
    /// (The ``adjectives`` are not names either.)
    static let notNames: Set<String> = adjectives.union([
        "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their",
        "its", "our", "my", "your", "this", "that", "these", "those", "there", "here", "later", "after",
        "before", "when", "while", "although", "though", "but", "and", "or", "so", "yet", "as", "if", "then",
        "thanks", "what", "why", "how", "who", "whom", "whose", "which", "where", "whatever", "unlike",
        "following", "during", "against", "nor", "did", "does", "do", "was", "were", "is", "are", "has",
        "had", "have", "one", "two", "three", "four", "five", "some", "many", "most", "all", "no", "not",
        "never", "by", "for", "from", "with", "without", "of", "to", "into", "since", "until", "also",
        "even", "still", "only", "both", "either", "neither", "each", "every", "any", "soon", "once",
        "however", "meanwhile", "instead", "indeed", "perhaps", "presumably", "allegedly", "reportedly",
        "apparently", "probably", "possibly", "like", "according", "despite", "because", "under", "over",
        "about", "between", "among", "upon", "ok", "yes", "oh", "well", "just", "now", "today", "yesterday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "edit", "click", "learn", "see", "note", "read", "share", "follow", "alternate", "source", "sources",
        "question", "answer", "comments", "comment", "x", "pt", "op", "e", "g", "ie", "eg", "etc",
        "mr", "mrs", "ms", "dr", "sir", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "jews", "communists", "trotskyists", "stalinists", "americans", "russians", "germans",
        "soviets", "mexicans", "marxists", "socialists", "fascists", "nazis", "bolshevism", "born", "photo",
        "image", "video", "chapter", "part", "section", "page", "updated", "posted", "published", "retrieved",
    ])
    /// Nationalities, creeds and directions: not names alone, but part of one ("Western Survey").
    static let adjectives: Set<String> = [
        "soviet", "russian", "spanish", "mexican", "german", "american", "british", "french", "italian",
        "english", "bolshevik", "marxist", "communist", "trotskyist", "stalinist", "jewish", "canadian",
        "japanese", "chinese", "polish", "ukrainian", "georgian", "menshevik", "western", "eastern",
        "northern", "southern", "nazi", "christian", "catholic", "protestant", "european", "leninist",
        "socialist", "fascist", "capitalist", "liberal", "conservative", "dutch", "swiss", "austrian",
        "norwegian", "turkish", "irish", "scottish", "welsh", "greek", "roman", "florentine", "venetian",
    ]
    /// Particles allowed inside a name ("Mercader del Río", "Ludwig van Beethoven").
    static let nameParticles: Set<String> = ["de", "del", "della", "da", "di", "von", "van", "der", "den", "du", "des", "la", "le", "y", "bin", "ibn", "al", "el", "dos", "das"]
    /// Epithets a name may end with after "the" ("Lorenzo Varano the Younger").
    static let epithets: Set<String> = ["younger", "elder", "great", "terrible", "bold", "good", "wise", "first", "second", "third"]

    static let subjectPronouns: Set<String> = ["he", "she"]
    static let possessivePronouns: Set<String> = ["his", "her", "their"]
    static let relativePronouns: Set<String> = ["who", "which", "whom", "that"]
    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "some", "another"]
    static let beForms: Set<String> = ["was", "were", "been", "be", "is", "are", "being", "got", "get"]
    /// Words that may stand between a form of "to be" and a participle ("was presumably killed").
    static let adverbs: Set<String> = ["presumably", "allegedly", "reportedly", "probably", "possibly", "later", "also",
                                       "then", "soon", "eventually", "finally", "first", "once", "apparently", "supposedly",
                                       "brutally", "secretly", "quickly", "subsequently", "already", "formally", "officially"]
    static let prepositions: Set<String> = [
        "in", "on", "at", "by", "with", "from", "to", "for", "of", "after", "before", "during", "under", "over",
        "against", "about", "between", "among", "into", "through", "since", "until", "without", "towards",
        "near", "and", "but", "or", "who", "which", "that", "was", "were", "is", "are", "had", "has", "while",
        "when", "where", "because", "as", "than", "like",
    ]
    /// Words that deny the statement of their clause.
    static let negations: Set<String> = [
        "not", "never", "no", "nor", "neither", "denied", "denies", "deny", "denying", "refused", "refuses",
        "cannot", "didnt", "wasnt", "werent", "hasnt", "hadnt", "isnt", "doesnt", "dont", "couldnt",
        "wouldnt", "nobody", "disproved", "unfounded", "false", "untrue",
    ]
    /// Words that hedge the statement of their sentence.
    static let hedges: Set<String> = [
        "presumably", "allegedly", "reportedly", "possibly", "probably", "perhaps", "apparently",
        "supposedly", "rumoured", "rumored", "rumours", "rumors", "rumour", "rumor", "likely", "maybe",
        "suspected", "purportedly", "seemingly", "unconfirmed", "speculated", "claimed",
    ]
    /// Several-word hedges, as lower-case token sequences.
    static let hedgePhrases: [[String]] = [
        ["may", "have"], ["might", "have"], ["could", "have"], ["it", "is", "said"], ["it", "was", "said"],
        ["is", "said", "to"], ["was", "said", "to"], ["are", "said", "to"], ["were", "said", "to"],
        ["is", "believed"], ["was", "believed"], ["it", "is", "thought"], ["according", "to", "rumour"],
        ["seems", "to"], ["seemed", "to"],
    ]
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]
}
