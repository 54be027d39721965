import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// The warnings `relgraph check` prints (temporal faults and likely duplicates),
/// computed by the model on small fixture graphs; every expected line:column and
/// message below was derived by hand from the fixture.
@Suite("Graph warnings: lifetimes, contradictions, duplicates")
struct GraphWarningsTests {
    /// `line:col: message` for each warning (the directory of the file stripped).
    static func lines(_ warnings: [Diagnostic]) -> [String] {
        warnings.map { d in
            #expect(d.severity == .warning)
            let at = d.location.map { "\($0.line):\($0.column)" } ?? "?"
            return "\(at): " + d.message.replacingOccurrences(of: FormatFixtures.root.path + "/graphs/", with: "")
        }
    }

    @Test("ties dated before a birth or founding, or after a death or dissolution")
    func lifetimes() throws {
        let graph = try GraphFile.load(path: FormatFixtures.graphFile("temporal-lifetime.yaml"))
        #expect(graph.lifetimeWarnings().allSatisfy { $0.location?.file == FormatFixtures.graphFile("temporal-lifetime.yaml") })
        #expect(Self.lines(graph.lifetimeWarnings()) == [
            // start 1919, the Guild founded 1920-03 (the tie at 8:5, 1920–1945, is within both lives)
            "13:5: relation ada -member_of-> guild: starts 1919, before The Guild was founded (1920-03)",
            "18:5: relation ada -lived_in-> town: dated 1950-07, after Ada Stone died (1950-06)",
            "22:5: relation ada -lived_in-> town: has no end, so it holds after Ada Stone died (1950-06); give an end (it starts 1930)",
            "26:5: relation ada -leader_of-> guild: has no start, so it holds before Ada Stone was born (1900); give a start (it ends 1940)",
            "26:5: relation ada -leader_of-> guild: has no start, so it holds before The Guild was founded (1920-03); give a start (it ends 1940)",
            // 30:5 is dated 1950: Ada died 1950-06, so it may be true; 34:5 is undated.
        ])
        #expect(graph.contradictionWarnings().isEmpty)
    }

    @Test("contradicting kinds at overlapping times, built-in and declared by the file")
    func contradictions() throws {
        let graph = try GraphFile.load(path: FormatFixtures.graphFile("temporal-contradiction.yaml"))
        #expect(graph.schema.contradicts("betrayed", "spouse_of"))
        #expect(graph.schema.contradicts("opposed", "ally_of"))
        #expect(!graph.schema.contradicts("spouse_of", "ally_of"))
        #expect(Self.lines(graph.temporalWarnings()) == [
            // ally 1923–1925 against opposed from 1925: they may not overlap (not reported);
            // against rival from 1924 they certainly do.
            "22:5: relation ann -rival_of-> bob (from 1924) contradicts relation ann -ally_of-> bob (1923–1925) at temporal-contradiction.yaml:13:5: 'ally_of' and 'rival_of' cannot hold at the same time; date them so that they do not overlap",
            "29:5: relation cy -killed-> ann (1940-08-20) contradicts relation ann -ally_of-> cy (undated) at temporal-contradiction.yaml:26:5: 'ally_of' and 'killed' cannot hold at the same time; date them so that they do not overlap",
            "37:5: relation cy -betrayed-> ann (1935) contradicts relation ann -spouse_of-> cy (from 1930) at temporal-contradiction.yaml:33:5: 'spouse_of' and 'betrayed' cannot hold at the same time; date them so that they do not overlap",
        ])
    }

    @Test("a declared contradiction naming an unknown kind is a located error")
    func unknownContradictionKind() {
        let text = """
            schema:
              contradictions:
                - [ally_of, hugged]
                - ally_of
            entities: []
            relations: []
            """
        #expect(throws: GraphFormatsError.self) { try YAMLGraphReader.read(text, fileName: "c.yaml") }
        let result = try? YAMLGraphReader.check(text, fileName: "c.yaml")
        #expect(result?.diagnostics.map(\.description) == [
            "c.yaml:3:17: error: contradiction names unknown relation kind 'hugged'",
            "c.yaml:4:7: error: each contradiction must be a pair of relation kinds, such as [ally_of, opposed], found 'ally_of'",
        ])
    }

    @Test("likely duplicates: same name, transliteration, initials; not feminine forms or distinct_from")
    func duplicates() throws {
        let graph = try GraphFile.load(path: FormatFixtures.graphFile("duplicates.yaml"))
        let hint = "; if they are different, add distinct_from: "
        #expect(Self.lines(graph.duplicateWarnings()) == [
            "5:5: entity 'trotskii' (Trotskii) may duplicate 'trotsky' (Leon Trotsky) at duplicates.yaml:4:5: 'Trotskii' and 'Trotsky' differ only by transliteration\(hint)trotsky to its attributes",
            "7:5: entity 'ramon_mercader' (ramon mercader) may duplicate 'mercader' (Ramón Mercader) at duplicates.yaml:6:5: 'ramon mercader' and 'Ramón Mercader' are the same name\(hint)mercader to its attributes",
            "9:5: entity 'zborovsky' (Mark Zborovsky) may duplicate 'zborowski' (Mark Zborowski) at duplicates.yaml:8:5: 'Mark Zborovsky' and 'Mark Zborowski' differ only by transliteration\(hint)zborowski to its attributes",
            "11:5: entity 'leon_sedov' (Leon Sedov) may duplicate 'l_sedov' (L. Sedov) at duplicates.yaml:10:5: 'Leon Sedov' and 'L. Sedov' match by initials\(hint)l_sedov to its attributes",
        ])
    }

    @Test("one letter apart is a duplicate from six letters on", arguments: [
        ("Bukharin", "Bucharin", true), ("Kamenev", "Kamenyev", true), ("Zinoviev", "Zinovyev", true),
        ("Sedov", "Sedova", false), ("GPU", "OGPU", false), ("Mexico", "Mexico City", false),
        ("Trotzki", "Trotsky", true), ("Yakov", "Jakov", true),
    ])
    func oneLetter(_ a: String, _ b: String, _ duplicate: Bool) throws {
        let graph = try Graph(entities: [Entity(id: "a", kind: "person", name: a), Entity(id: "b", kind: "person", name: b)])
        #expect(graph.duplicateWarnings().count == (duplicate ? 1 : 0), "\(a) / \(b)")
    }

    @Test("numbered names are not duplicates; a name shared by many is reported against the first only")
    func numberedAndCrowdedNames() throws {
        let numbered = try Graph(entities: (1...2_000).map { Entity(id: "n\($0)", kind: "person", name: "node \($0)") }
            + [Entity(id: "u1", kind: "place", name: "Unit 11"), Entity(id: "u2", kind: "place", name: "Unit 1")])
        #expect(numbered.duplicateWarnings().isEmpty)
        let crowd = try Graph(entities: (1...300).map { Entity(id: "p\($0)", kind: "person", name: "Unknown Soldier") })
        let warnings = crowd.duplicateWarnings()
        #expect(warnings.count == 299)
        #expect(warnings.allSatisfy { $0.message.contains("may duplicate 'p1' (Unknown Soldier)") })
    }

    @Test("sources and declared contradictions survive a YAML and a JSON round trip")
    func roundTrip() throws {
        let graph = try GraphFile.load(path: FormatFixtures.graphFile("temporal-contradiction.yaml"))
        var sourced = try GraphFile.load(path: FormatFixtures.graphFile("sourced.yaml"))
        #expect(sourced.sources == [GraphSource(id: "harbour", title: "A short account of Harbour Town",
                                                path: "../sources/harbour.txt", locators: .sentences)])
        #expect(sourced.sources.first?.location?.line == 4)
        sourced.name = "with: a colon"
        for g in [graph, sourced] {
            let yaml = try GraphFile.write(g, format: .yaml)
            #expect(try GraphFile.load(text: yaml, fileName: "x.yaml") == g)
            let json = try GraphFile.write(g, format: .json)
            #expect(try GraphFile.load(text: json, fileName: "x.json") == g)
        }
        let yaml = try GraphFile.write(graph, format: .yaml)
        #expect(yaml.contains("  contradictions:\n    - [betrayed, spouse_of]\n"))
        #expect(try GraphFile.load(text: yaml, fileName: "x.yaml").schema.contradictions == graph.schema.contradictions)
    }

    @Test("a bad sources list is refused with located errors")
    func badSources() throws {
        let text = """
            sources:
              - id: a
                locators: pages
              - {id: a, path: x.txt}
              - title: no id
            entities: []
            relations: []
            """
        let result = try YAMLGraphReader.check(text, fileName: "s.yaml")
        #expect(result.graph == nil)
        #expect(result.diagnostics.map(\.description) == [
            "s.yaml:3:15: error: unknown locators 'pages' (known: sentences)",
            "s.yaml:4:10: error: duplicate source id 'a' (first declared at s.yaml:2:5)",
            "s.yaml:5:5: error: source is missing 'id'",
        ])
    }
}
