import Testing
@testable import GraphModel

/// Relation identities: given on entry in file order, kept by every derived graph.
@Suite struct RelationIdentityTests {
    static let people = ["a", "b", "c", "d", "x", "y"].map { Entity(id: $0, kind: "person") }

    /// Six ties; 0 and 3 are dated 1910, the rest 1930.
    static func story() throws -> Graph {
        try Graph(entities: people, relations: [
            Relation(from: "x", kind: "ally_of", to: "y", date: PartialDate("1910")),
            Relation(from: "a", kind: "rival_of", to: "b", date: PartialDate("1930")),
            Relation(from: "b", kind: "ally_of", to: "c", date: PartialDate("1930")),
            Relation(from: "y", kind: "ally_of", to: "x", date: PartialDate("1910")),
            Relation(from: "c", kind: "ally_of", to: "d", date: PartialDate("1930")),
            Relation(from: "d", kind: "rival_of", to: "a", date: PartialDate("1930")),
        ])
    }

    @Test func aGraphAsReadNumbersItsRelationsInFileOrder() throws {
        let g = try Self.story()
        #expect(g.relations.map { $0.id?.rawValue } == [0, 1, 2, 3, 4, 5])
        #expect((0..<6).map { g.relationID(at: $0) } == (0..<6).map { RelationID(UInt32($0)) })
        #expect(g.relation(RelationID(4))?.from == "c")
        #expect(g.index(of: RelationID(6)) == nil)
        // A relation not yet in a graph has none.
        #expect(Relation(from: "a", kind: "ally_of", to: "b").id == nil)
        // Identity is not part of the value.
        #expect(g.relations[1] == Relation(from: "a", kind: "rival_of", to: "b", date: PartialDate("1930")))
    }

    @Test func theInterningInitialiserNumbersToo() throws {
        let g = try Graph(entities: Self.people, from: [0, 1, 2], to: [1, 2, 3], kinds: ["ally_of"], location: { _ in nil })
        #expect(g.relations.map { $0.id?.rawValue } == [0, 1, 2])
        #expect(g[relation: RelationID(2)].to == "d")
    }

    @Test func filteringKeepsIdentitiesAndTheirLookups() throws {
        let g = try Self.story()
        let slice = g.filtered(relations: { $0.holds(during: DateSpan(from: PartialDate("1925")!, to: PartialDate("1935")!)) })
        #expect(slice.relations.map { $0.id?.rawValue } == [1, 2, 4, 5])
        // Positions shifted; identities name the same relations.
        #expect(slice.index(of: RelationID(4)) == 2)
        #expect(slice.index(of: RelationID(0)) == nil && slice.index(of: RelationID(3)) == nil)
        for id in [1, 2, 4, 5].map({ RelationID(UInt32($0)) }) {
            #expect(slice.relation(id) == g.relation(id), "\(id)")
        }
        // A graph filtered twice still answers with the first graph's identities.
        let noRivals = slice.filtered(relations: { $0.kind != "rival_of" })
        #expect(noRivals.relations.map { $0.id?.rawValue } == [2, 4])
        #expect(noRivals.relation(RelationID(4))?.from == "c" && noRivals.index(of: RelationID(4)) == 1)
        // Dropping entities drops their relations, not the others' identities.
        let noB = g.filtered(entities: { $0.id != "b" })
        #expect(noB.relations.map { $0.id?.rawValue } == [0, 3, 4, 5])
    }

    @Test func addingGivesTheNextUnusedIdentity() throws {
        var slice = try Self.story().filtered(relations: { $0.kind == "rival_of" })
        #expect(slice.relations.map { $0.id?.rawValue } == [1, 5])
        // Above every identity the original graph gave, although the slice holds two relations.
        try slice.add(Relation(from: "a", kind: "ally_of", to: "c"))
        #expect(slice.relations.last?.id == RelationID(6))
        // A relation carrying an identity already below the counter gets a fresh one.
        try slice.add(slice.relations[0])
        #expect(slice.relations.map { $0.id?.rawValue } == [1, 5, 6, 7])
        #expect(slice.index(of: RelationID(7)) == 3)
    }

    @Test func aGraphMadeFromAnotherGraphsRelationsKeepsTheirIdentities() throws {
        let g = try Self.story()
        let kept = g.relations.filter { $0.kind == "ally_of" }
        let sub = try Graph(entities: Self.people, relations: kept + [Relation(from: "a", kind: "ally_of", to: "d")])
        #expect(sub.relations.map { $0.id?.rawValue } == [0, 2, 3, 4, 5])
        #expect(sub.relation(RelationID(5))?.from == "a")
        // The same relation twice: the second copy gets a new identity.
        let twice = try Graph(entities: Self.people, relations: [g.relations[2], g.relations[2], g.relations[1]])
        #expect(twice.relations.map { $0.id?.rawValue } == [2, 3, 1])
        #expect(twice.index(of: RelationID(1)) == 2 && twice.index(of: RelationID(3)) == 1)
    }

    @Test func sparseIdentitiesAreFoundToo() throws {
        // Identities far above the count: looked up through the dictionary table.
        var big = try Graph(entities: Self.people, relations: [])
        var r = Relation(from: "a", kind: "ally_of", to: "b")
        r.rawID = 1_000_000
        try big.add(r)
        try big.add(Relation(from: "b", kind: "ally_of", to: "c"))
        #expect(big.relations.map { $0.id?.rawValue } == [1_000_000, 1_000_001])
        #expect(big.index(of: RelationID(1_000_001)) == 1 && big.index(of: RelationID(5)) == nil)
    }

    @Test func theIdentityCostsNoMemory() {
        // It sits in the 7 bytes of padding after the optional weight.
        #expect(MemoryLayout<Relation>.stride == 104)
    }
}
