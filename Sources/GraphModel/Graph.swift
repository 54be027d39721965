import Foundation

/// A typed relationship graph: entities, the relations between them, and the
/// schema both obey. A `Graph` value is always valid against its schema: every
/// initializer and mutation validates and throws ``GraphModelError/invalid(_:)``
/// with every problem found.
///
/// Entities and relations keep the order they were given in (file order), which
/// is what writers use to stay deterministic and diffable.
public struct Graph: Sendable, Equatable {
    /// A title for the graph (shown in diagrams and exports).
    public var name: String
    public private(set) var schema: Schema
    public private(set) var entities: [Entity]
    public private(set) var relations: [Relation]
    /// Free text describing the graph, its scope and its sources.
    public var description: String?
    private var indexByID: [String: Int]
    private var lookup: NameIndex

    /// Creates a graph and validates it.
    /// - Throws: ``GraphModelError/invalid(_:)`` listing every problem.
    /// - Complexity: O(V + E) expected, plus O(A) for the A names and aliases.
    public init(
        name: String = "graph", description: String? = nil, schema: Schema = .standard,
        entities: [Entity] = [], relations: [Relation] = []
    ) throws(GraphModelError) {
        var problems = Graph.validate(schema: schema, entities: entities, relations: relations)
        if let p = TextPolicy.problem("the graph's name", name) { problems.append(Diagnostic(p, at: nil)) }
        if let d = description, let p = TextPolicy.problem("the graph's description", d) {
            problems.append(Diagnostic(p, at: nil))
        }
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        self.name = name
        self.description = description
        self.schema = schema
        self.entities = entities
        self.relations = relations
        indexByID = Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        lookup = NameIndex(entities)
    }

    public static func == (a: Graph, b: Graph) -> Bool {
        a.name == b.name && a.description == b.description && a.schema == b.schema
            && a.entities == b.entities && a.relations == b.relations
    }

    /// The entity with this exact id.
    /// - Complexity: O(1) expected.
    public func entity(_ id: String) -> Entity? { indexByID[id].map { entities[$0] } }

    /// The position of the entity with this id in ``entities``: the dense index
    /// algorithms use.
    public func index(of id: String) -> Int? { indexByID[id] }

    /// Adds an entity.
    /// - Throws: ``GraphModelError/invalid(_:)`` when its id is taken or its kind unknown.
    public mutating func add(_ entity: Entity) throws(GraphModelError) {
        var problems: [Diagnostic] = []
        if indexByID[entity.id] != nil {
            problems.append(Diagnostic("duplicate entity id '\(entity.id)'", at: entity.location))
        }
        Graph.check(entity, schema: schema, into: &problems)
        if !problems.isEmpty { throw .invalid(problems) }
        indexByID[entity.id] = entities.count
        entities.append(entity)
        lookup.add(entity, at: entities.count - 1)
    }

    /// Adds a relation between two entities already in the graph.
    /// - Throws: ``GraphModelError/invalid(_:)`` when it breaks the schema.
    public mutating func add(_ relation: Relation) throws(GraphModelError) {
        var problems: [Diagnostic] = []
        Graph.check(relation, schema: schema, kindOf: { id in indexByID[id].map { entities[$0].kind } }, into: &problems)
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        relations.append(relation)
    }

    /// A graph with only the entities and relations that pass the filters
    /// (relations also need both ends kept). Order is preserved.
    /// - Complexity: O(V + E).
    public func filtered(
        entities keepEntity: (Entity) -> Bool = { _ in true },
        relations keepRelation: (Relation) -> Bool = { _ in true }
    ) -> Graph {
        var g = self
        g.entities = entities.filter(keepEntity)
        g.indexByID = Dictionary(g.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        g.relations = relations.filter { g.indexByID[$0.from] != nil && g.indexByID[$0.to] != nil && keepRelation($0) }
        g.lookup = NameIndex(g.entities)
        return g
    }

    /// Finds the one entity a person means by `query`: an id, name or alias,
    /// ignoring case, accents, underscores and extra spaces ("ramon mercader",
    /// "Frank Jacson" and "mercader" all find Ramón Mercader).
    ///
    /// An exact id wins; otherwise every entity whose id, name or alias matches
    /// is a candidate; if none does, entities with a name containing the query
    /// as whole words are. One candidate is the answer; several are ambiguous.
    /// - Throws: ``GraphModelError/unknownEntity(_:suggestions:)`` with the five
    ///   closest names, or ``GraphModelError/ambiguousEntity(_:candidates:)``.
    /// - Complexity: O(1) expected for an exact match; O(A·L²) over the A names
    ///   (of length L) when falling back to words or suggestions.
    public func resolve(_ query: String) throws(GraphModelError) -> Entity {
        if let i = indexByID[query] { return entities[i] }
        let matches = lookup.matches(for: query)
        if matches.count == 1 { return entities[matches[0]] }
        if matches.count > 1 {
            throw .ambiguousEntity(query, candidates: matches.map { "\(entities[$0].id) (\(entities[$0].name))" })
        }
        throw .unknownEntity(query, suggestions: lookup.suggestions(for: query, limit: 5))
    }
}
