import Foundation
import GraphModel
import SourceTexts
import Testing
@testable import TextExtraction

/// Extracts one made-up text and returns the ties as "from kind to" lines.
func ties(_ text: String, known: Graph? = nil) throws -> [String] {
    try TextExtractor.extract([SourceText(path: "t.txt", text: text)], known: known).graph.relations.map { "\($0.from) \($0.kind) \($0.to)" }
}

@Suite("Extraction rules, one at a time")
struct ExtractionRuleTests {
    @Test("active and passive voice give the same direction")
    func voice() throws {
        #expect(try ties("Ramón Mercader killed Leon Trotsky in 1940.") == ["ramon_mercader killed leon_trotsky"])
        #expect(try ties("Leon Trotsky was killed by Ramón Mercader in 1940.") == ["ramon_mercader killed leon_trotsky"])
        #expect(try ties("Kim Philby was recruited by Arnold Deutsch.") == ["kim_philby agent_of arnold_deutsch"])
        #expect(try ties("Arnold Deutsch recruited Kim Philby.") == ["kim_philby agent_of arnold_deutsch"])
        #expect(try ties("The Cheka was founded by Felix Dzerzhinsky.") == ["felix_dzerzhinsky founded cheka"])
    }

    @Test("a one-word name opening a sentence is a name when it is the subject of a cue")
    func sentenceOpeningSurname() throws {
        #expect(try ties("Stalin ordered the murder of Leon Trotsky.") == ["stalin ordered_killing_of leon_trotsky"])
        #expect(try ties("Trotsky was murdered by Ramon Mercader in 1940.") == ["ramon_mercader killed trotsky"])
        // Not when the text also writes the word in lower case, nor for words that are never names.
        #expect(try ties("Police killed Ramon Mercader. The police were everywhere.").isEmpty)
        #expect(try ties("They killed Ramon Mercader.").isEmpty)
    }

    @Test("negation gives no tie; the clause after 'but' keeps its own polarity")
    func negation() throws {
        #expect(try ties("Peter Ashby was not a member of the Labour Party.").isEmpty)
        #expect(try ties("Peter Ashby never joined the Labour Party.").isEmpty)
        #expect(try ties("Peter Ashby denied that he had spied for the KGB.").isEmpty)
        #expect(try ties("Peter Ashby didn't join the Labour Party.").isEmpty)
        #expect(try ties("Peter Ashby joined the Labour Party, but he never joined the Liberal Party.")
            == ["peter_ashby member_of labour_party"])
        // Hedged and denied at once: hedged away.
        #expect(try ties("There were rumours that Peter Ashby spied for the KGB, but they were never confirmed.").isEmpty)
    }

    @Test("a hedge halves the confidence and is named in the evidence")
    func hedge() throws {
        let plain = try TextExtractor.extract([SourceText(path: "a", text: "Peter Ashby joined the Labour Party.")]).graph.relations[0]
        let hedged = try TextExtractor.extract([SourceText(path: "a", text: "Peter Ashby allegedly joined the Labour Party.")]).graph.relations[0]
        // 0.8 × (0.5 + 0.5 × 0.7), 0.7 being a two-word person name's recognition confidence; halved when hedged.
        #expect(plain.confidence == 0.68)
        #expect(hedged.confidence == 0.34)
        #expect(hedged.attributes["hedge"] == "allegedly")
        #expect(hedged.evidence?.text.contains("hedged (allegedly)") == true)
        let mayHave = try TextExtractor.extract([SourceText(path: "a", text: "Peter Ashby may have joined the Labour Party.")]).graph.relations[0]
        #expect(mayHave.attributes["hedge"] == "may have")
    }

    @Test("dates in the sentence: a point, a day, a span")
    func dates() throws {
        let g = try TextExtractor.extract([SourceText(path: "a", text: """
            Arkady Mirov was head of the Vienna Station from 1948 to 1953. \
            Ramón Mercader killed Leon Trotsky on 20 August 1940. \
            Natalia Sedova married Leon Trotsky in 1903.
            """)]).graph
        let byKind = Dictionary(uniqueKeysWithValues: g.relations.map { ($0.kind, $0) })
        #expect(byKind["leader_of"]?.start == PartialDate("1948"))
        #expect(byKind["leader_of"]?.end == PartialDate("1953"))
        #expect(byKind["killed"]?.date == PartialDate("1940-08-20"))
        #expect(byKind["spouse_of"]?.date == PartialDate("1903"))
    }

    @Test("a surname later in the text joins the full name met earlier; titles are dropped from the name")
    func coreference() throws {
        let r = try TextExtractor.extract([SourceText(path: "a", text: """
            Kim Philby joined the Secret Intelligence Service in 1940. Colonel Anton Rusk led the Illegals Directorate. \
            Later Philby met Rusk in Beirut.
            """)])
        let philby = try #require(r.graph.entity("kim_philby"))
        #expect(philby.aliases.contains("Philby"))
        let rusk = try #require(r.graph.entity("anton_rusk"))
        #expect(rusk.name == "Anton Rusk")
        #expect(rusk.aliases.contains("Colonel Anton Rusk"))
        #expect(r.graph.entities.filter { $0.kind == "person" }.count == 2)
        #expect(r.graph.entity("beirut")?.kind == "place")
        #expect(r.graph.entity("secret_intelligence_service")?.kind == "organization")
    }

    @Test("lists, possessives and appositions")
    func structures() throws {
        #expect(try ties("Margaret Dunmore, Peter Ashby and Tomas Brandt joined the Labour Party.") == [
            "margaret_dunmore member_of labour_party", "peter_ashby member_of labour_party", "tomas_brandt member_of labour_party",
        ])
        #expect(try ties("Lorenzo Varano was a banker. His wife, Bianca Strozzi, was rich.") == ["bianca_strozzi spouse_of lorenzo_varano"])
        #expect(try ties("Giuliano Varano, the son of Piero Varano, was murdered by Bernardo Pazzi.").sorted() == [
            "bernardo_pazzi killed giuliano_varano", "piero_varano parent_of giuliano_varano",
        ])
        #expect(try ties("Colonel Anton Rusk, the chief of the Illegals Directorate, ordered the murder of Peter Ashby.").sorted() == [
            "anton_rusk leader_of illegals_directorate", "anton_rusk ordered_killing_of peter_ashby",
        ])
    }

    @Test("--known entities are found by any alias, ignoring case and accents, and keep their ids")
    func known() throws {
        let known = try Graph(entities: [
            Entity(id: "mercader", kind: "person", name: "Ramón Mercader", aliases: ["Frank Jacson"]),
            Entity(id: "trotsky", kind: "person", name: "Leon Trotsky", aliases: ["Trotsky"]),
            Entity(id: "lenin", kind: "person", name: "Vladimir Lenin"),
        ])
        let r = try TextExtractor.extract([SourceText(path: "a", text: "RAMON MERCADER, alias frank jacson, killed Trotsky.")], known: known)
        #expect(r.graph.relations.map { "\($0.from) \($0.kind) \($0.to)" } == ["mercader killed trotsky"])
        #expect(r.graph.entity("mercader")?.attributes["known"] == "true")
        #expect(r.graph.entity("lenin") == nil, "known entities the text never names are left out")
        let mentions = r.mentions[SentenceRef(text: 0, number: 1)] ?? []
        #expect(mentions.map(\.entityID) == ["mercader", "mercader", "trotsky"])
    }

    @Test("several texts: sources name the file; offsets count in each text's normalised scalars")
    func severalTexts() throws {
        let a = SourceText(path: "dir/a.txt", text: "Nothing here.  Kim   Philby joined the KGB.")
        let b = SourceText(path: "b.txt", text: "Ramón Mercader killed Leon Trotsky.")
        let r = try TextExtractor.extract([a, b])
        let sources = r.graph.relations.map { $0.evidence?.source ?? "" }
        #expect(sources == ["a.txt s. 2", "b.txt s. 1"])
        let tie = r.ties[0]
        let normalized = Array(SentenceSplitter.normalize("Nothing here.  Kim   Philby joined the KGB.").unicodeScalars)
        #expect(String(String.UnicodeScalarView(normalized[tie.fromMention.offsets])) == "Kim Philby")
        #expect(String(String.UnicodeScalarView(normalized[tie.toMention.offsets])) == "KGB")
        #expect(r.graph.relations[0].attributes["text"] == "dir/a.txt")
    }

    /// A recogniser standing in for a user's NER model: it tags fixed words.
    struct ListRecognizer: EntityRecognizer {
        let names: [String: String]
        func names(in sentence: TokenizedSentence) -> [NameSpan] {
            sentence.tokens.indices.compactMap { i in
                names[sentence.tokens[i].text].map { NameSpan(tokens: i..<(i + 1), name: sentence.tokens[i].text, kind: $0, confidence: 0.9) }
            }
        }
    }

    @Test("another EntityRecognizer plugs in: its names, the library's ties")
    func customRecognizer() throws {
        let r = try TextExtractor.extract([SourceText(path: "a", text: "zorro joined acme in 1920.")],
                                          recognizer: ListRecognizer(names: ["zorro": "person", "acme": "organization"]))
        #expect(r.graph.relations.map { "\($0.from) \($0.kind) \($0.to) \($0.date?.description ?? "")" } == ["zorro member_of acme 1920"])
    }

    @Test("no text is an error; odd input never crashes")
    func oddInput() throws {
        #expect(throws: TextExtractionError.noText) { try TextExtractor.extract([]) }
        let r = try TextExtractor.extract([SourceText(path: "a", text: "\u{0}\u{7} 's 's , . ! ? The The. \"Quote\" — ... 9999 of of the")])
        #expect(r.graph.relations.isEmpty)
    }
}
