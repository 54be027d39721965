import Testing
@testable import GraphModel

@Suite struct PartialDateTests {
    @Test func parsesThePrecisionGiven() throws {
        let y = try #require(PartialDate("1940"))
        #expect(y.month == nil && y.day == nil)
        #expect(y.earliestDay == 1940_01_01 && y.latestDay == 1940_12_31)
        let m = try #require(PartialDate("1940-02"))
        #expect(m.latestDay == 1940_02_29)  // 1940 is a leap year
        let d = try #require(PartialDate("1940-08-20"))
        #expect(d.earliestDay == 1940_08_20 && d.latestDay == 1940_08_20)
        #expect(d.description == "1940-08-20")
        #expect(PartialDate("1900-02")?.latestDay == 1900_02_28)  // century, not leap
    }

    @Test(arguments: ["", "yesterday", "1940-13", "1940-02-30", "1940-8-20", "19400", "1940--01", "1940-08-20T10"])
    func refusesWhatIsNoDate(_ text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func ordersByFirstDayThenPrecision() throws {
        let dates = ["1940-08-20", "1940", "1929", "1940-08"].compactMap(PartialDate.init)
        #expect(dates.sorted().map(\.description) == ["1929", "1940", "1940-08", "1940-08-20"])
    }
}

@Suite struct RelationTimeTests {
    @Test func openSpansHoldOnwards() throws {
        let member = Relation(from: "a", kind: "member_of", to: "b", start: PartialDate("1929"))
        #expect(member.holds(during: DateSpan(PartialDate("1937")!)))
        #expect(!member.holds(during: DateSpan(PartialDate("1928")!)))
        let killed = Relation(from: "a", kind: "killed", to: "b", date: PartialDate("1940-08-20"))
        #expect(killed.holds(during: DateSpan(PartialDate("1940")!)))
        #expect(!killed.holds(during: DateSpan(PartialDate("1937")!)))
        let undated = Relation(from: "a", kind: "ally_of", to: "b")
        #expect(undated.holds(during: DateSpan(PartialDate("1937")!)))
        #expect(!undated.holds(during: DateSpan(PartialDate("1937")!), keepUndated: false))
        #expect(member.dateText == "from 1929")
    }
}

@Suite struct ValidationTests {
    let here = SourceLocation(file: "g.yaml", line: 3, column: 5)

    @Test func listsEveryProblemWithItsPlace() {
        let entities = [
            Entity(id: "a", kind: "person", location: here),
            Entity(id: "a", kind: "person", location: SourceLocation(file: "g.yaml", line: 7, column: 5)),
            Entity(id: "p", kind: "place"),
            Entity(id: "x", kind: "spaceship", location: SourceLocation(file: "g.yaml", line: 9, column: 5)),
        ]
        let relations = [
            Relation(from: "p", kind: "member_of", to: "a", location: SourceLocation(file: "g.yaml", line: 12, column: 5)),
            Relation(from: "a", kind: "knows", to: "ghost", location: SourceLocation(file: "g.yaml", line: 15, column: 5)),
            Relation(from: "a", kind: "lived_in", to: "p", start: PartialDate("1940"), end: PartialDate("1930"),
                     location: SourceLocation(file: "g.yaml", line: 18, column: 5)),
        ]
        let problems = Graph.validate(schema: .standard, entities: entities, relations: relations)
        let lines = problems.map { $0.location?.line ?? 0 }
        #expect(lines == [7, 9, 12, 15, 15, 18])
        #expect(problems[0].message.contains("duplicate entity id 'a'"))
        #expect(problems[1].message.contains("unknown kind 'spaceship'"))
        #expect(problems[2].message.contains("cannot join a place to a person"))
        #expect(problems[3].message.contains("unknown relation kind 'knows'"))
        #expect(problems[4].message.contains("undefined entity 'ghost'"))
        #expect(problems[5].message.contains("before it starts"))
        #expect(problems[0].description.hasPrefix("g.yaml:7:5: error: "))
        #expect(throws: GraphModelError.self) {
            try Graph(entities: entities, relations: relations)
        }
    }

    @Test func manyRelationsGivenByPositionsAreMadeInOrderAndCheckedInOrder() throws {
        // 300,000 relations: made in two halves on two threads; the same values, identities and problems, in order.
        let people = (0..<1_000).map { Entity(id: "p\($0)", kind: "person") }
        let m = 300_000
        let from = (0..<m).map { Int32($0 % 1_000) }, to = (0..<m).map { Int32(($0 * 7 + 1) % 1_000) }
        let at: @Sendable (Int) -> GraphModel.SourceLocation? = { e in GraphModel.SourceLocation(file: "e.csv", line: e + 2, column: 1) }
        let g = try Graph(entities: people, from: from, to: to, kinds: ["ally_of"], weights: (0..<m).map { Double($0 % 3) },
                          location: at)
        #expect(g.relations.count == m)
        for e in [0, 1, 149_999, 150_000, 150_001, m - 1] {
            #expect(g.relations[e].from == "p\(e % 1_000)" && g.relations[e].to == "p\((e * 7 + 1) % 1_000)")
            #expect(g.relations[e].weight == Double(e % 3))
            #expect(g.relations[e].location?.line == e + 2)
            #expect(g.relationID(at: e) == RelationID(UInt32(e)))
            #expect(g.endpoints(ofRelation: e) == (e % 1_000, (e * 7 + 1) % 1_000))
        }
        // Bad weights in both halves: every problem, in file order.
        var weights = [Double](repeating: 1, count: m)
        for e in [10, 150_010, 299_990] { weights[e] = -1 }
        #expect {
            try Graph(entities: people, from: from, to: to, kinds: ["ally_of"], weights: weights, location: at)
        } throws: { error in
            guard case GraphModelError.invalid(let problems) = error else { return false }
            return problems.map { $0.location?.line ?? 0 } == [12, 150_012, 299_992]
        }
    }

    @Test func relationsByPositionWithoutEntitiesAreProblemsNotACrash() {
        let at: @Sendable (Int) -> GraphModel.SourceLocation? = { e in GraphModel.SourceLocation(file: "e.csv", line: e + 2, column: 1) }
        #expect {
            try Graph(entities: [], from: [0, 1], to: [1, 0], kinds: ["ally_of"], location: at)
        } throws: { error in
            // Both ends of both relations name no entity: four problems, in order.
            guard case GraphModelError.invalid(let problems) = error else { return false }
            return problems.map { $0.location?.line ?? 0 } == [2, 2, 3, 3]
                && problems.allSatisfy { $0.message.contains("names undefined entity") }
        }
    }

    @Test func relationsGivenByEntityPositions() throws {
        let people = ["a", "b", "c"].map { Entity(id: $0, kind: "person") }
        let at: @Sendable (Int) -> GraphModel.SourceLocation? = { e in GraphModel.SourceLocation(file: "e.csv", line: e + 2, column: 1) }
        let g = try Graph(entities: people, from: [0, 2], to: [1, 0], kinds: ["opposed", "ally_of"], kindOf: [1, 0],
                          weights: [2.5, .nan], location: at)
        #expect(g.relations == [Relation(from: "a", kind: "ally_of", to: "b", weight: 2.5),
                                Relation(from: "c", kind: "opposed", to: "a")])
        #expect(g.relations[1].location == SourceLocation(file: "e.csv", line: 3, column: 1))
        #expect(g.endpoints(ofRelation: 1) == (2, 0))
        // The same checks as the general initializer: an unknown kind, a negative weight, a kind's endpoint rule.
        let places = people + [Entity(id: "p", kind: "place")]
        #expect {
            try Graph(entities: places, from: [0, 1, 3], to: [1, 2, 0], kinds: ["spies_on", "ally_of", "member_of"],
                      kindOf: [0, 1, 2], weights: [1, -1, 1], location: at)
        } throws: { error in
            guard case GraphModelError.invalid(let problems) = error else { return false }
            return problems.map { $0.location?.line ?? 0 } == [2, 3, 4]
                && problems[0].message.contains("unknown relation kind 'spies_on'")
                && problems[1].message.contains("weight -1.0 must be")
                && problems[2].message.contains("cannot join a place to a person")
        }
    }

    @Test func symmetricKindsMayBeWrittenEitherWay() throws {
        var schema = Schema.standard
        schema.add(RelationKind(name: "patron_of", symmetric: true, from: ["organization"], to: ["person"]))
        let g = try Graph(schema: schema, entities: [Entity(id: "a", kind: "person"), Entity(id: "o", kind: "organization")],
                          relations: [Relation(from: "a", kind: "patron_of", to: "o")])
        #expect(g.relations.count == 1)
    }

    @Test func addingKeepsTheGraphValid() throws {
        var g = try Graph(entities: [Entity(id: "a", kind: "person")])
        try g.add(Entity(id: "b", kind: "person"))
        try g.add(Relation(from: "a", kind: "spouse_of", to: "b"))
        #expect(throws: GraphModelError.self) { try g.add(Entity(id: "b", kind: "person")) }
        #expect(throws: GraphModelError.self) { try g.add(Relation(from: "a", kind: "killed", to: "nobody")) }
        #expect(g.entities.count == 2 && g.relations.count == 1)
    }
}

@Suite struct LookupTests {
    let graph: Graph = {
        try! Graph(entities: [
            Entity(id: "mercader", kind: "person", name: "Ramón Mercader", aliases: ["Frank Jacson", "Jacques Mornard", "Mercader"]),
            Entity(id: "trotsky", kind: "person", name: "Leon Trotsky", aliases: ["Trotsky", "Bronstein"]),
            Entity(id: "leon_sedov", kind: "person", name: "Leon Sedov", aliases: ["Lyova"]),
            Entity(id: "coyoacan", kind: "place", name: "Coyoacán"),
        ])
    }()

    @Test(arguments: ["mercader", "ramon mercader", "Ramón Mercader", "Frank Jacson", "FRANK  JACSON", "ramon_mercader"])
    func findsByIdNameOrAlias(_ q: String) throws {
        #expect(try graph.resolve(q).id == "mercader")
    }

    @Test func accentsAreIgnoredBothWays() throws {
        #expect(try graph.resolve("coyoacan").id == "coyoacan")
        #expect(try graph.resolve("COYOACÁN").id == "coyoacan")
    }

    @Test func ambiguousNamesListTheCandidates() {
        #expect(throws: GraphModelError.ambiguousEntity("leon", candidates: ["trotsky (Leon Trotsky)", "leon_sedov (Leon Sedov)"])) {
            try graph.resolve("leon")
        }
    }

    @Test func unknownNamesSuggestTheClosest() {
        do {
            _ = try graph.resolve("Trotski")
            Issue.record("expected an error")
        } catch {
            guard case .unknownEntity(_, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(suggestions.first == "trotsky (Leon Trotsky)")
        }
    }
}

@Suite struct FoldingTests {
    @Test func foldsCaseAccentsAndSeparators() {
        #expect(foldName("  Lázaro_Cárdenas ") == "lazaro cardenas")
        #expect(foldName("Étienne") == "etienne")
        #expect(editDistance("kitten", "sitting") == 3)
    }
}
