import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// No Neo4j here: the statements' structure is checked instead.
@Suite struct CypherTests {
    @Test func statementsPerEntityAndRelation() throws {
        let g = try Interop.sample()
        let text = try CypherWriter.write(g)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("// "))
        let constraints = lines.filter { $0.hasPrefix("CREATE CONSTRAINT ") }
        #expect(constraints.count == 3)  // person, organization, place
        #expect(constraints[0] == "CREATE CONSTRAINT relgraph_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;")
        let merges = lines.filter { $0.hasPrefix("MERGE (n:") }
        #expect(merges.count == g.entities.count)
        #expect(merges[0].hasPrefix("MERGE (n:`Person` {id: 'trotsky'}) SET n.kind = 'person', n.name = 'Leon Trotsky', n.aliases = ['Trotsky', 'Lev Bronstein', 'L. D.; Bronstein|x']"))
        let creates = lines.filter { $0.hasPrefix("MATCH ") }
        #expect(creates.count == g.relations.count)
        #expect(creates[0] == "MATCH (a:`Person` {id: 'mercader'}), (b:`Person` {id: 'trotsky'}) CREATE (a)-[:`KILLED` {date: '1940-08-20', evidence: 'attacked him with an ice axe at his house', source: 's. 88', weight: 1.0, confidence: 0.9}]->(b);")
        #expect(creates[2].contains("[:`RIVAL_OF` {symmetric: true, start: '1923', end: '1940-08'}]"))
        #expect(creates[3].contains("(b:`Organization` {id: 'gpu'})"))
        #expect(lines.allSatisfy { $0.hasPrefix("//") || $0.hasSuffix(";") })
        // Balanced quoting: every line has an even number of unescaped single quotes.
        for line in lines where !line.hasPrefix("//") {
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\'", with: "")
            #expect(unescaped.filter { $0 == "'" }.count % 2 == 0, "\(line)")
        }
    }

    @Test func escaping() {
        #expect(CypherWriter.string("O'Brien \\ \"x\"\nend\t\u{1}") == "'O\\'Brien \\\\ \"x\"\\nend\\t\\u0001'")
        #expect(CypherWriter.label("political_party") == "`PoliticalParty`")
        #expect(CypherWriter.label("we`ird") == "`We``ird`")
        #expect(CypherWriter.relationshipType("member_of") == "`MEMBER_OF`")
        #expect(CypherWriter.name("role") == "role")
        #expect(CypherWriter.name("attr:kind") == "`attr:kind`")
        #expect(CypherWriter.name("2nd") == "`2nd`")
    }

    /// openCypher: an index per label instead of Neo4j's constraint; the rest as in Neo4j's form.
    @Test func openCypherDialect() throws {
        let g = try Interop.sample()
        let neo4j = try CypherWriter.write(g).split(separator: "\n").map(String.init)
        let lines = try CypherWriter.write(g, dialect: .opencypher).split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.contains("CONSTRAINT") })
        #expect(lines[1...3] == ["CREATE INDEX ON :`Person`(id);", "CREATE INDEX ON :`Organization`(id);", "CREATE INDEX ON :`Place`(id);"])
        // Nothing in the sample needs a different escape: the statements after the schema lines are Neo4j's.
        #expect(Array(lines.dropFirst(4)) == Array(neo4j.dropFirst(4)))
    }

    @Test func openCypherEscapesAndRefusals() throws {
        // FalkorDB keeps "\u0001" as six characters: control characters go in raw, \b and \f as escapes.
        #expect(CypherWriter.openCypherString("O'Brien \\ \"x\"\nend\t\r\u{8}\u{C}\u{1}\u{1B}") == "'O\\'Brien \\\\ \"x\"\\nend\\t\\r\\b\\f\u{1}\u{1B}'")
        let odd = try Graph(name: "g", entities: [Entity(id: "a", kind: "person", name: "A", attributes: ["we`ird": "x"])], relations: [])
        #expect(try CypherWriter.write(odd).contains("n.`we``ird` = 'x'"))
        #expect(throws: GraphFormatsError.refused("openCypher (FalkorDB, Memgraph) cannot carry the attribute name \"we`ird\" of entity 'a': a name cannot hold a backtick; use --dialect neo4j, or rename it")) {
            try CypherWriter.write(odd, dialect: .opencypher)
        }
        // U+0000 never reaches a writer: a graph refuses C0 controls other than tab, LF and CR.
        #expect(throws: GraphModelError.self) {
            try Graph(name: "g", entities: [Entity(id: "a", kind: "person", name: "A\u{0}B")], relations: [])
        }
    }

    /// The bulk form: one UNWIND per kind and batch, rows as map literals, same properties as the statement form.
    @Test func batches() throws {
        let g = try Interop.sample()
        let lines = try CypherWriter.write(g, dialect: .opencypher, batchSize: 2).split(separator: "\n").map(String.init)
        let merges = lines.filter { $0.hasPrefix("UNWIND ") && $0.contains(" MERGE ") }
        // 3 persons in batches of 2, 2 organizations, 1 place.
        #expect(merges.count == 4)
        #expect(merges[0] == "UNWIND [{id: 'trotsky', p: {kind: 'person', name: 'Leon Trotsky', aliases: ['Trotsky', 'Lev Bronstein', 'L. D.; Bronstein|x'], start: '1879-11-07', end: '1940-08-21', description: 'revolutionary, exiled 1929', `attr:attr:x`: 'prefixed', `attr:kind`: 'free attribute named kind', role: 'writer'}}, {id: 'stalin', p: {kind: 'person', name: 'Joseph Stalin', aliases: ['Koba'], start: '1878-12', end: '1953'}}] AS row MERGE (n:`Person` {id: row.id}) SET n += row.p;")
        #expect(merges[1].hasPrefix("UNWIND [{id: 'mercader', "))
        #expect(merges[2].hasSuffix("] AS row MERGE (n:`Organization` {id: row.id}) SET n += row.p;"))
        let creates = lines.filter { $0.hasPrefix("UNWIND ") && $0.contains(" CREATE ") }
        // Groups: person-killed-person (2 relations), person-ordered_killing_of-person, person-rival_of-person,
        // person-agent_of-organization, person-lived_in-place, person-founded-organization.
        #expect(creates.count == 6)
        #expect(creates[0] == "UNWIND [{a: 'mercader', b: 'trotsky', p: {date: '1940-08-20', evidence: 'attacked him with an ice axe at his house', source: 's. 88', weight: 1.0, confidence: 0.9}}, {a: 'mercader', b: 'trotsky', p: {note: 'a parallel edge'}}] AS row MATCH (a:`Person` {id: row.a}), (b:`Person` {id: row.b}) CREATE (a)-[r:`KILLED`]->(b) SET r += row.p;")
        #expect(creates[2].contains("p: {symmetric: true, start: '1923', end: '1940-08'}"))
        // Neo4j's bulk form keeps its constraints.
        let neo = try CypherWriter.write(g, batchSize: 5000)
        #expect(neo.split(separator: "\n").filter { $0.hasPrefix("CREATE CONSTRAINT ") }.count == 3)
        #expect(neo.split(separator: "\n").filter { $0.hasPrefix("UNWIND ") }.count == 3 + 6)
    }

    /// FalkorDB's index trims blanks at the ends of keys, splits at U+0001 and misses keys over ~4 KB:
    /// with such an id the openCypher form writes no index (lookups scan, exact), and says why.
    @Test func openCypherIndexOnlyWhenFalkorDBFindsEveryId() throws {
        #expect(CypherWriter.indexFinds("trotsky") && CypherWriter.indexFinds("a b") && CypherWriter.indexFinds("Троцкий\n🧊"))
        #expect(CypherWriter.indexFinds(String(repeating: "я", count: 2000)))
        for bad in ["", " a", "a ", "\na", "a\t", "\u{B}a", "a\u{C}", "\ra", "a\u{1}b", String(repeating: "a", count: 4001)] {
            #expect(!CypherWriter.indexFinds(bad), "\(bad.debugDescription)")
        }
        let g = try Graph(name: "g", entities: [
            Entity(id: "a", kind: "person", name: "A"), Entity(id: "b\n", kind: "place", name: "B"),
        ], relations: [])
        let lines = try CypherWriter.write(g, dialect: .opencypher).split(separator: "\n").map(String.init)
        #expect(lines[1] == "// no index on id: FalkorDB's index cannot find some of these ids (blank at an end, U+0001, over 4,000 bytes)")
        #expect(!lines.contains { $0.hasPrefix("CREATE ") })
        #expect(try CypherWriter.write(g).contains("CREATE CONSTRAINT relgraph_place_id"))
    }
}
