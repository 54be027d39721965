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
}
