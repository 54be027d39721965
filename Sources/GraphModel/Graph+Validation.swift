extension Graph {
    /// Every problem with these entities and relations against `schema`, in
    /// input order: duplicate ids, unknown kinds, undefined endpoints, endpoint
    /// kinds the relation kind forbids, ends before starts, a point date mixed
    /// with a span, weights that are not finite and non-negative, confidences
    /// outside 0...1, and schema drawing attributes Graphviz would not accept.
    /// - Complexity: O(V + E) expected.
    public static func validate(schema: Schema, entities: [Entity], relations: [Relation]) -> [Diagnostic] {
        validateSchema(schema) + validateContents(schema: schema, entities: entities, relations: relations).problems
    }

    /// The schema's own problems: shapes, styles, colours, unknown endpoint kinds.
    static func validateSchema(_ schema: Schema) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for k in schema.entityKinds {
            if !Schema.allowedShapes.contains(k.shape) {
                problems.append(Diagnostic("entity kind '\(k.name)' has unknown shape '\(k.shape)'", at: nil,
                                           code: .unknownShape, key: "entity_kinds.\(k.name).shape"))
            }
            if !Schema.isValidColor(k.color) {
                problems.append(Diagnostic("entity kind '\(k.name)' has colour '\(k.color)', expected #rrggbb", at: nil,
                                           code: .invalidColor, key: "entity_kinds.\(k.name).color"))
            }
        }
        for k in schema.relationKinds {
            if !Schema.allowedStyles.contains(k.style) {
                problems.append(Diagnostic("relation kind '\(k.name)' has unknown style '\(k.style)' (use \(Schema.allowedStyles.sorted().joined(separator: ", ")))", at: nil,
                                           code: .unknownStyle, key: "relation_kinds.\(k.name).style"))
            }
            if !Schema.isValidColor(k.color) {
                problems.append(Diagnostic("relation kind '\(k.name)' has colour '\(k.color)', expected #rrggbb", at: nil,
                                           code: .invalidColor, key: "relation_kinds.\(k.name).color"))
            }
            for ek in (k.fromKinds ?? []).union(k.toKinds ?? []).sorted() where schema.entityKind(ek) == nil {
                problems.append(Diagnostic("relation kind '\(k.name)' names unknown entity kind '\(ek)'", at: nil,
                                           code: .unknownEndpointKind, key: "relation_kinds.\(k.name).\(ek)"))
            }
        }
        return problems
    }

    /// The entity checks of ``validate(schema:entities:relations:)`` (duplicate
    /// ids, kinds, dates), with the first index of every id.
    /// - Complexity: O(V) expected.
    static func validateEntities(schema: Schema, entities: [Entity]) -> (problems: [Diagnostic], index: [String: Int]) {
        var problems: [Diagnostic] = []
        var index: [String: Int] = [:]
        index.reserveCapacity(entities.count)
        // Entities of a large graph mostly share a few kinds: each kind is looked up once per run.
        var lastKind: String? = nil
        for (i, e) in entities.enumerated() {
            if let earlier = index.updateValue(i, forKey: e.id) {
                index[e.id] = earlier
                let whereFirst = entities[earlier].location.map { " (first defined at \($0))" } ?? ""
                problems.append(Diagnostic("duplicate entity id '\(e.id)'\(whereFirst)", at: e.location, code: .duplicateID, key: "id"))
                continue
            }
            if e.kind == lastKind && !e.id.isEmpty && e.start == nil && e.end == nil { continue }
            check(e, schema: schema, into: &problems)
            if schema.entityKind(e.kind) != nil { lastKind = e.kind }
        }
        return (problems, index)
    }

    /// The entity and relation checks of ``validate(schema:entities:relations:)``,
    /// returning also the first index of every id and the endpoint indices of every
    /// relation (`-1` when undefined). `endpoints`, when given, are trusted as hints:
    /// a hint is used only when that entity's id equals the endpoint's, so a
    /// reader that interned its ids skips the lookups.
    /// - Complexity: O(V + E) expected; O(E) string comparisons with valid hints.
    static func validateContents(
        schema: Schema, entities: [Entity], relations: [Relation], endpoints hints: [Int32]? = nil
    ) -> (problems: [Diagnostic], index: [String: Int], endpoints: [Int32]) {
        var (problems, index) = validateEntities(schema: schema, entities: entities)
        var ends = [Int32](repeating: -1, count: relations.count * 2)
        let useHints = hints?.count == relations.count * 2
        var lastKindName: String? = nil
        var lastKind: RelationKind? = nil
        var restricted = false
        // The ids alone (16 bytes each) stay in cache where whole entities would not.
        let ids = useHints ? entities.map(\.id) : []
        entities.withUnsafeBufferPointer { entities in
        relations.withUnsafeBufferPointer { rels in
        for n in 0..<rels.count {
            // Fields are read in place: no copy of the relation on the plain path.
            var a = -1, b = -1
            if useHints, let hints {
                let ha = Int(hints[2 * n]), hb = Int(hints[2 * n + 1])
                if ha >= 0, ha < ids.count, ids[ha] == rels[n].from { a = ha }
                if hb >= 0, hb < ids.count, ids[hb] == rels[n].to { b = hb }
            }
            if a < 0 { a = index[rels[n].from] ?? -1 }
            if b < 0 { b = index[rels[n].to] ?? -1 }
            ends[2 * n] = Int32(a); ends[2 * n + 1] = Int32(b)
            if rels[n].kind != lastKindName {
                lastKindName = rels[n].kind
                lastKind = schema.relationKind(rels[n].kind)
                restricted = lastKind.map { $0.fromKinds != nil || $0.toKinds != nil } ?? false
            }
            if !restricted && a >= 0 && b >= 0 && lastKind != nil && rels[n].isPlain {
                continue  // nothing left to check: a kind joining any entities, no dates or numbers to test
            }
            check(rels[n], schema: schema, kind: lastKind, fromKind: a < 0 ? nil : entities[a].kind,
                  toKind: b < 0 ? nil : entities[b].kind, into: &problems)
        }
        }
        }
        return (problems, index, ends)
    }

    static func check(_ e: Entity, schema: Schema, into problems: inout [Diagnostic]) {
        if e.id.isEmpty { problems.append(Diagnostic("entity has an empty id", at: e.location, code: .emptyID, key: "id")) }
        if e.kind.isEmpty { problems.append(Diagnostic("entity '\(e.id)' has an empty kind", at: e.location, code: .emptyKind)) }
        checkText(e, into: &problems)
        if schema.entityKind(e.kind) == nil {
            problems.append(Diagnostic("entity '\(e.id)' has unknown kind '\(e.kind)' (known: \(schema.entityKinds.map(\.name).joined(separator: ", ")))", at: e.location,
                                        code: .unknownEntityKind, key: "kind"))
        }
        if let s = e.start, let t = e.end, t.latestDay < s.earliestDay {
            problems.append(Diagnostic("entity '\(e.id)' ends (\(t)) before it starts (\(s))", at: e.location,
                                        code: .endsBeforeStart, key: "end"))
        }
    }

    static func check(
        _ r: Relation, schema: Schema, kind: RelationKind?, fromKind: String?, toKind: String?,
        into problems: inout [Diagnostic]
    ) {
        var label: String { "relation \(r.from) -\(r.kind)-> \(r.to)" }  // only built for a problem
        checkText(r, label: label, into: &problems)
        if kind == nil {
            problems.append(Diagnostic("\(label): unknown relation kind '\(r.kind)'", at: r.location,
                                        code: .unknownRelationKind, key: "kind"))
        }
        if fromKind == nil {
            problems.append(Diagnostic("\(label): 'from' names undefined entity '\(r.from)'", at: r.location,
                                       code: .undefinedEndpoint, key: "from"))
        }
        if toKind == nil {
            problems.append(Diagnostic("\(label): 'to' names undefined entity '\(r.to)'", at: r.location,
                                       code: .undefinedEndpoint, key: "to"))
        }
        if let kind, let fromKind, let toKind {
            // A symmetric kind may be written either way round.
            let forwardOK = (kind.fromKinds?.contains(fromKind) ?? true) && (kind.toKinds?.contains(toKind) ?? true)
            let backwardOK = kind.symmetric
                && (kind.fromKinds?.contains(toKind) ?? true) && (kind.toKinds?.contains(fromKind) ?? true)
            if !forwardOK && !backwardOK {
                let allowedFrom = kind.fromKinds.map { $0.sorted().joined(separator: "|") } ?? "any"
                let allowedTo = kind.toKinds.map { $0.sorted().joined(separator: "|") } ?? "any"
                problems.append(Diagnostic(
                    "\(label): '\(r.kind)' cannot join a \(fromKind) to a \(toKind) (allowed: \(allowedFrom) -> \(allowedTo))",
                    at: r.location, code: .forbiddenEndpoints, key: "kind"))
            }
        }
        if r.date != nil && (r.start != nil || r.end != nil) {
            problems.append(Diagnostic("\(label): give either 'date' or 'start'/'end', not both", at: r.location,
                                       code: .dateAndSpan, key: "date"))
        }
        if let s = r.start, let t = r.end, t.latestDay < s.earliestDay {
            problems.append(Diagnostic("\(label): ends (\(t)) before it starts (\(s))", at: r.location,
                                       code: .endsBeforeStart, key: "end"))
        }
        if let w = r.weight, !(w.isFinite && w >= 0 && w <= Graph.maximumWeight) {
            problems.append(Diagnostic(
                "\(label): weight \(w) must be a finite number from 0 to 1e15 (larger weights overflow sums of weights)",
                at: r.location, code: .weightOutOfRange, key: "weight"))
        }
        if let c = r.confidence, !(0...1).contains(c) {
            problems.append(Diagnostic("\(label): confidence \(c) must be between 0 and 1", at: r.location,
                                       code: .confidenceOutOfRange, key: "confidence"))
        }
    }

    /// The largest relation weight accepted: 1e15. Sums of weights over any graph
    /// relgraph can hold (and weighted PageRank, eigenvector centrality and
    /// modularity, which square and sum them) stay finite and keep their precision,
    /// where weights near 1.7e308 gave `inf` path lengths and `nan` scores.
    public static let maximumWeight: Double = 1e15

    /// The text of an entity against ``TextPolicy``.
    static func checkText(_ e: Entity, into problems: inout [Diagnostic]) {
        let who = "entity '\(TextPolicy.terminalSafe(e.id))'"
        var found: [String] = []
        if let p = TextPolicy.problem("its id", e.id) { found.append(p) }
        if let p = TextPolicy.problem("its kind", e.kind) { found.append(p) }
        if let p = TextPolicy.problem("its name", e.name) { found.append(p) }
        for a in e.aliases { if let p = TextPolicy.problem("an alias", a) { found.append(p) } }
        if let d = e.description, let p = TextPolicy.problem("its description", d) { found.append(p) }
        for (k, v) in e.attributes.sorted(by: { $0.key < $1.key }) {
            if let p = TextPolicy.problem("attribute key", k) { found.append(p) }
            if let p = TextPolicy.problem("attribute '\(TextPolicy.terminalSafe(k))'", v) { found.append(p) }
        }
        for p in found { problems.append(Diagnostic("\(who): \(p)", at: e.location, code: .textPolicy)) }
    }

    /// The text of a relation against ``TextPolicy``.
    static func checkText(_ r: Relation, label: @autoclosure () -> String, into problems: inout [Diagnostic]) {
        var found: [String] = []
        if let p = TextPolicy.problem("its kind", r.kind) { found.append(p) }
        if let ev = r.evidence {
            if let p = TextPolicy.problem("its evidence", ev.text) { found.append(p) }
            if let s = ev.source, let p = TextPolicy.problem("its source", s) { found.append(p) }
        }
        for (k, v) in r.attributes.sorted(by: { $0.key < $1.key }) {
            if let p = TextPolicy.problem("attribute key", k) { found.append(p) }
            if let p = TextPolicy.problem("attribute '\(TextPolicy.terminalSafe(k))'", v) { found.append(p) }
        }
        for p in found { problems.append(Diagnostic("\(TextPolicy.terminalSafe(label())): \(p)", at: r.location, code: .textPolicy)) }
    }
}
