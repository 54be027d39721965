import Foundation

/// A typed relationship graph: entities, the relations between them, and the
/// schema both obey. A `Graph` value is always valid against its schema: every
/// initializer and mutation validates and throws ``GraphModelError/invalid(_:)``
/// with every problem found.
///
/// Entities and relations keep the order they were given in (file order), which
/// is what writers use to stay deterministic and diffable. Every relation has
/// an identity (``RelationID``) given when it enters the graph and kept by the
/// graphs derived from this one, whereas its position in ``relations`` shifts
/// when ``filtered(entities:relations:)`` drops others.
public struct Graph: Sendable, Equatable {
    /// A title for the graph (shown in diagrams and exports).
    public var name: String
    public private(set) var schema: Schema
    public private(set) var entities: [Entity]
    public private(set) var relations: [Relation]
    /// Free text describing the graph, its scope and its sources.
    public var description: String?
    /// The texts the graph's evidence cites (`sources:` in the file); see ``GraphSource``.
    public var sources: [GraphSource] = []
    private var indexByID: [String: Int]
    /// `ends[2e]`, `ends[2e + 1]`: entity indices of relation `e`'s ends.
    private var ends: [Int32]
    /// The number the next relation added gets: above every identity this graph
    /// (or the graph it was derived from) has given.
    private var nextRelationID: UInt32
    /// Derived data built on first use and shared by copies of this value
    /// (the name index, an algorithm's adjacency snapshot); replaced by every mutation.
    private var cache = GraphCache()

    /// Creates a graph and validates it.
    /// - Throws: ``GraphModelError/invalid(_:)`` listing every problem.
    /// - Complexity: O(V + E) expected, plus O(A) for the A names and aliases.
    public init(
        name: String = "graph", description: String? = nil, schema: Schema = .standard,
        entities: [Entity] = [], relations: [Relation] = []
    ) throws(GraphModelError) {
        try self.init(name: name, description: description, schema: schema, entities: entities,
                      relations: relations, endpointHints: nil)
    }

    /// Creates a graph and validates it, as ``init(name:description:schema:entities:relations:)``,
    /// given where each relation's ends are: `endpointHints[2e]` and
    /// `endpointHints[2e + 1]` are the indices in `entities` of relation `e`'s
    /// `from` and `to` (a reader that interned its ids knows them). A hint is
    /// checked by comparing ids, never trusted blindly; a wrong one is looked up.
    /// - Throws: ``GraphModelError/invalid(_:)`` listing every problem.
    /// - Complexity: O(V + E) expected, with no id hashing per relation when the hints are right.
    public init(
        name: String = "graph", description: String? = nil, schema: Schema = .standard,
        entities: [Entity], relations: [Relation], endpointHints: [Int32]?
    ) throws(GraphModelError) {
        var problems = Graph.validateSchema(schema)
        let contents = Graph.validateContents(schema: schema, entities: entities, relations: relations, endpoints: endpointHints)
        problems += contents.problems + Graph.headerProblems(name: name, description: description)
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        var relations = relations
        let next = Graph.number(&relations)
        self.init(validated: name, description, schema, entities, relations, contents.index, contents.endpoints, next)
    }

    /// Stores what an initialiser has validated (relations already numbered below `nextRelationID`).
    private init(
        validated name: String, _ description: String?, _ schema: Schema, _ entities: [Entity],
        _ relations: [Relation], _ index: [String: Int], _ ends: [Int32], _ nextRelationID: UInt32
    ) {
        self.name = name
        self.description = description
        self.schema = schema
        self.entities = entities
        self.relations = relations
        indexByID = index
        self.ends = ends
        self.nextRelationID = nextRelationID
    }

    /// Gives identities to relations entering a graph: a relation keeps the one
    /// it has (it comes from a graph this one derives from) unless an earlier
    /// relation holds it; the others are numbered on from the largest kept, in
    /// order — 0, 1, 2… when none has one. Returns the next free number.
    /// - Complexity: O(E); no hashing unless some relations carry an identity
    ///   that is not their position.
    static func number(_ relations: inout [Relation]) -> UInt32 {
        precondition(relations.count < Int(UInt32.max), "a graph holds fewer than 2³² − 1 relations")
        var sequential = true, anyNumbered = false
        var largest: UInt32 = 0
        for (i, r) in relations.enumerated() {
            if r.rawID != UInt32(truncatingIfNeeded: i) { sequential = false }
            if r.rawID != .max { anyNumbered = true; largest = max(largest, r.rawID) }
        }
        if sequential { return UInt32(relations.count) }
        if !anyNumbered {
            for i in relations.indices { relations[i].rawID = UInt32(i) }
            return UInt32(relations.count)
        }
        var taken = Set<UInt32>(minimumCapacity: relations.count)
        var next = largest + 1
        for i in relations.indices where relations[i].rawID == .max || !taken.insert(relations[i].rawID).inserted {
            precondition(next < .max, "relation identities exhausted")
            relations[i].rawID = next
            next += 1
        }
        return next
    }

    /// The graph's name and description against the ``TextPolicy``.
    static func headerProblems(name: String, description: String?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let p = TextPolicy.problem("the graph's name", name) { problems.append(Diagnostic(p, at: nil)) }
        if let d = description, let p = TextPolicy.problem("the graph's description", d) {
            problems.append(Diagnostic(p, at: nil))
        }
        return problems
    }

    /// Creates a graph whose relations are given by the positions of their ends
    /// in `entities` — what a reader that interned its ids knows: relation `e`
    /// joins `entities[from[e]]` to `entities[to[e]]`, has kind
    /// `kinds[kindOf[e]]` (`kinds[0]` when `kindOf` is empty), weight
    /// `weights[e]` (none when `.nan`, or when `weights` is empty) and location
    /// `location(e)`. The relations are made here from the entities' ids, so
    /// their ends are right by construction and no id is hashed or compared per
    /// relation; everything else is validated as by
    /// ``init(name:description:schema:entities:relations:)``.
    /// - Throws: ``GraphModelError/invalid(_:)`` listing every problem.
    /// - Complexity: O(V + E) expected: one hash per entity, O(1) per relation
    ///   (kinds are checked once each unless they restrict their endpoints); from
    ///   200,000 relations on, made in two halves on two threads (`location` is called from both).
    public init(
        name: String = "graph", description: String? = nil, schema: Schema = .standard, entities: [Entity],
        from: [Int32], to: [Int32], kinds: [String], kindOf: [Int32] = [], weights: [Double] = [],
        location: @Sendable (Int) -> SourceLocation?
    ) throws(GraphModelError) {
        var problems = Graph.validateSchema(schema) + Graph.headerProblems(name: name, description: description)
        let checked = Graph.validateEntities(schema: schema, entities: entities)
        problems += checked.problems
        let m = from.count
        precondition(to.count == m && (kindOf.isEmpty || kindOf.count == m) && (weights.isEmpty || weights.count == m),
                     "Graph(entities:from:to:…): arrays of different lengths")
        precondition(!kinds.isEmpty || m == 0, "Graph(entities:from:to:…): no relation kind")
        // Per kind: its schema entry, and whether a relation of it needs more than the weight test.
        let kindInfo: [(kind: RelationKind?, restricted: Bool)] = kinds.map { name in
            let k = schema.relationKind(name)
            return (k, k.map { $0.fromKinds != nil || $0.toKinds != nil } ?? true)
        }
        var ends = [Int32](repeating: -1, count: 2 * m)
        let n = Int32(entities.count)
        // The ids alone (16 bytes each) stay in cache where whole entities, read at random, would not.
        let ids = entities.map(\.id)
        // Relations are made in two halves on two threads when there are many (each half
        // writes its own slots; the problems are kept per half, then joined in order).
        let parts = m >= Self.twoThreadsFrom ? 2 : 1
        let found = PartProblems(parts)
        let relations = [Relation](unsafeUninitializedCapacity: m) { buffer, count in
            guard m > 0 else { count = 0; return }
            let slots = UncheckedPointer(buffer.baseAddress)
            ends.withUnsafeMutableBufferPointer { endsBuffer in
            entities.withUnsafeBufferPointer { ents in
            ids.withUnsafeBufferPointer { idBuffer in
                // (No entity: every end is unknown and neither list is read.)
                let endSlots = UncheckedPointer(endsBuffer.baseAddress), entityList = UncheckedPointer(ents.baseAddress)
                let idList = UncheckedPointer(idBuffer.baseAddress)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let ids = idList.pointer, ends = endSlots.pointer!, ents = entityList.pointer
                    var problems: [Diagnostic] = []
                    for e in (m * part / parts)..<(m * (part + 1) / parts) {
                        let a = from[e], b = to[e]
                        let k = kindOf.isEmpty ? 0 : Int(kindOf[e])
                        let w = weights.isEmpty ? Double.nan : weights[e]
                        let fromID = a >= 0 && a < n ? ids![Int(a)] : "#\(a)"
                        let toID = b >= 0 && b < n ? ids![Int(b)] : "#\(b)"
                        var r = Relation(from: fromID, kind: kinds[k], to: toID, weight: w.isNaN ? nil : w, location: location(e))
                        r.rawID = UInt32(truncatingIfNeeded: e)
                        let ia = a >= 0 && a < n ? a : -1, ib = b >= 0 && b < n ? b : -1
                        ends[2 * e] = ia; ends[2 * e + 1] = ib
                        let info = kindInfo[k]
                        if info.restricted || ia < 0 || ib < 0 || !(w.isNaN || (w.isFinite && w >= 0)) {
                            Graph.check(r, schema: schema, kind: info.kind, fromKind: ia < 0 ? nil : ents![Int(ia)].kind,
                                        toKind: ib < 0 ? nil : ents![Int(ib)].kind, into: &problems)
                        }
                        (slots.pointer! + e).initialize(to: r)
                    }
                    found.set(part, problems)
                }
            }
            }
            }
            count = m
        }
        problems += found.all
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        self.init(validated: name, description, schema, entities, relations, checked.index, ends, UInt32(m))
    }

    /// ``init(name:description:schema:entities:from:to:kinds:kindOf:weights:location:)``
    /// for a reader with one relation per line: relation `e` is located at
    /// `file`, line `lines[e]`, column 1.
    /// - Complexity: as that initialiser.
    public init(
        name: String = "graph", description: String? = nil, schema: Schema = .standard, entities: [Entity],
        from: [Int32], to: [Int32], kinds: [String], kindOf: [Int32] = [], weights: [Double] = [],
        file: String, lines: [Int32]
    ) throws(GraphModelError) {
        // The second half of the relations (made on another thread, see above) names its
        // own copy of the file: one shared string's reference count, bumped a million
        // times from two cores, would bounce between them and take longer than the work.
        let half = from.count >= Self.twoThreadsFrom ? from.count / 2 : from.count
        let first = file, second = String(decoding: Array(file.utf8), as: UTF8.self)
        try self.init(name: name, description: description, schema: schema, entities: entities, from: from, to: to,
                      kinds: kinds, kindOf: kindOf, weights: weights,
                      location: { e in SourceLocation(file: e < half ? first : second, line: Int(lines[e]), column: 1) })
    }

    /// From this many relations on, ``init(name:description:schema:entities:from:to:kinds:kindOf:weights:location:)``
    /// makes them in two halves on two threads.
    static let twoThreadsFrom = 200_000

    /// The indices in ``entities`` of relation `e`'s `from` and `to`.
    /// - Complexity: O(1).
    public func endpoints(ofRelation e: Int) -> (from: Int, to: Int) {
        (Int(ends[2 * e]), Int(ends[2 * e + 1]))
    }

    /// The identity of the relation at position `index` in ``relations``.
    /// - Complexity: O(1).
    public func relationID(at index: Int) -> RelationID { RelationID(relations[index].rawID) }

    /// The position in ``relations`` of the relation with this identity, `nil`
    /// when it is not in this graph (a filter dropped it, or it names a relation
    /// of an unrelated graph).
    /// - Complexity: O(1) when the graph holds every relation it numbered
    ///   (a graph as read); otherwise O(1) amortized: the first call builds a
    ///   table in O(E), shared by copies of the graph until it changes.
    public func index(of id: RelationID) -> Int? {
        let raw = Int(id.rawValue)
        if raw < relations.count && relations[raw].rawID == id.rawValue { return raw }
        return cache.relationPositions(relations).position(of: id.rawValue)
    }

    /// The relation with this identity, `nil` when it is not in this graph.
    /// - Complexity: as ``index(of:)-(RelationID)``.
    public func relation(_ id: RelationID) -> Relation? { index(of: id).map { relations[$0] } }

    /// The relation with this identity, which must be in this graph (as an
    /// array's subscript needs its index in range): for an identity read from
    /// this graph, a path found on it for instance.
    /// - Precondition: the graph holds a relation with this identity.
    /// - Complexity: as ``index(of:)-(RelationID)``.
    public subscript(relation id: RelationID) -> Relation {
        guard let i = index(of: id) else { preconditionFailure("no relation \(id) in graph '\(name)'") }
        return relations[i]
    }

    /// Every relation's endpoint indices, flat: `[from₀, to₀, from₁, to₁, …]`
    /// (what algorithms build their adjacency from without hashing an id).
    public var relationEndpoints: [Int32] { ends }

    public static func == (a: Graph, b: Graph) -> Bool {
        a.name == b.name && a.description == b.description && a.schema == b.schema
            && a.entities == b.entities && a.relations == b.relations && a.sources == b.sources
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
        cache = GraphCache()
    }

    /// Adds a relation between two entities already in the graph. It gets the
    /// next unused identity, or keeps the one it carries when that is above
    /// every identity this graph has given (a relation copied from the graph
    /// this one derives from, added in order).
    /// - Throws: ``GraphModelError/invalid(_:)`` when it breaks the schema.
    public mutating func add(_ relation: Relation) throws(GraphModelError) {
        var problems: [Diagnostic] = []
        let a = indexByID[relation.from], b = indexByID[relation.to]
        Graph.check(relation, schema: schema, kind: schema.relationKind(relation.kind),
                    fromKind: a.map { entities[$0].kind }, toKind: b.map { entities[$0].kind }, into: &problems)
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        var relation = relation
        // Keep an identity no relation here can hold (every one is below nextRelationID).
        if relation.rawID == .max || relation.rawID < nextRelationID { relation.rawID = nextRelationID }
        precondition(relation.rawID < .max - 1, "relation identities exhausted")
        nextRelationID = relation.rawID + 1
        relations.append(relation)
        ends.append(Int32(a ?? -1)); ends.append(Int32(b ?? -1))
        cache = GraphCache()
    }

    /// A graph with only the entities and relations that pass the filters
    /// (relations also need both ends kept). Order and relation identities are
    /// preserved: `filtered.relation(id)` is `self.relation(id)` when kept.
    /// - Complexity: O(V + E).
    public func filtered(
        entities keepEntity: (Entity) -> Bool = { _ in true },
        relations keepRelation: (Relation) -> Bool = { _ in true }
    ) -> Graph {
        var g = self
        g.entities = entities.filter(keepEntity)
        g.indexByID = [:]
        for (i, e) in g.entities.enumerated() where g.indexByID[e.id] == nil { g.indexByID[e.id] = i }
        var newIndex = [Int32](repeating: -1, count: entities.count)
        var next: Int32 = 0
        for (i, e) in entities.enumerated() where keepEntity(e) { newIndex[i] = next; next += 1 }
        g.relations = []
        g.ends = []
        for (n, r) in relations.enumerated() {
            let a = ends[2 * n], b = ends[2 * n + 1]
            guard a >= 0, b >= 0, newIndex[Int(a)] >= 0, newIndex[Int(b)] >= 0, keepRelation(r) else { continue }
            g.relations.append(r)
            g.ends.append(newIndex[Int(a)]); g.ends.append(newIndex[Int(b)])
        }
        g.cache = GraphCache()
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
        let lookup = cache.nameIndex(entities)
        let matches = lookup.matches(for: query)
        if matches.count == 1 { return entities[matches[0]] }
        if matches.count > 1 {
            throw .ambiguousEntity(query, candidates: matches.map { "\(entities[$0].id) (\(entities[$0].name))" })
        }
        throw .unknownEntity(query, suggestions: lookup.suggestions(for: query, limit: 5))
    }
}

extension Graph {
    /// A value derived from this graph by `build` and kept for as long as the
    /// graph is not changed: the next call with the same `key` on this graph
    /// (or a copy of it) returns the same value without building it again.
    /// This is how an algorithm's adjacency snapshot is built once per graph
    /// however many algorithms a command runs.
    /// - Complexity: O(1) after the first call, plus `build` once.
    public func derived<T: Sendable>(_ key: String, _ build: (Graph) -> T) -> T {
        if let hit = cache.value(key) as? T { return hit }
        let value = build(self)
        cache.store(key, value)
        return value
    }
}

/// Lazily built, thread-safe storage for what a ``Graph`` derives from itself.
final class GraphCache: @unchecked Sendable {
    private let lock = NSLock()
    private var names: NameIndex?
    private var positions: RelationPositions?
    private var values: [String: any Sendable] = [:]

    func nameIndex(_ entities: [Entity]) -> NameIndex {
        lock.lock(); defer { lock.unlock() }
        if let names { return names }
        let built = NameIndex(entities)
        names = built
        return built
    }

    func relationPositions(_ relations: [Relation]) -> RelationPositions {
        lock.lock(); defer { lock.unlock() }
        if let positions { return positions }
        let built = RelationPositions(relations)
        positions = built
        return built
    }

    func value(_ key: String) -> (any Sendable)? {
        lock.lock(); defer { lock.unlock() }
        return values[key]
    }

    func store(_ key: String, _ value: any Sendable) {
        lock.lock(); defer { lock.unlock() }
        values[key] = value
    }
}

/// Where each relation identity sits in a graph's relations: a dense table
/// when the identities are not much sparser than the relations (a filtered
/// graph), a dictionary otherwise.
struct RelationPositions: Sendable {
    private var dense: [Int32] = []
    private var sparse: [UInt32: Int32] = [:]

    /// - Complexity: O(E), plus O(largest identity) for the dense table.
    init(_ relations: [Relation]) {
        let largest = relations.lazy.map(\.rawID).max() ?? 0
        if Int(largest) < 4 * relations.count + 64 {
            dense = [Int32](repeating: -1, count: Int(largest) + 1)
            for (i, r) in relations.enumerated() { dense[Int(r.rawID)] = Int32(i) }
        } else {
            sparse.reserveCapacity(relations.count)
            for (i, r) in relations.enumerated() { sparse[r.rawID] = Int32(i) }
        }
    }

    func position(of raw: UInt32) -> Int? {
        if !dense.isEmpty {
            guard Int(raw) < dense.count, dense[Int(raw)] >= 0 else { return nil }
            return Int(dense[Int(raw)])
        }
        return sparse[raw].map(Int.init)
    }
}

/// A pointer handed to the threads that fill disjoint parts of one buffer.
struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>?
    init(_ p: UnsafeMutablePointer<T>?) { pointer = p }
    init(_ p: UnsafePointer<T>?) { pointer = p.map { UnsafeMutablePointer(mutating: $0) } }
}

/// The problems each part of a parallel pass found, joined in part order.
final class PartProblems: @unchecked Sendable {
    private var parts: [[Diagnostic]]
    private let lock = NSLock()
    init(_ count: Int) { parts = Array(repeating: [], count: count) }
    func set(_ part: Int, _ problems: [Diagnostic]) { lock.lock(); parts[part] = problems; lock.unlock() }
    var all: [Diagnostic] { parts.flatMap { $0 } }
}
