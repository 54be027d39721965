extension Graph {
    /// Every problem with these entities and relations against `schema`, in
    /// input order: duplicate ids, unknown kinds, undefined endpoints, endpoint
    /// kinds the relation kind forbids, ends before starts, a point date mixed
    /// with a span, weights that are not finite and non-negative, confidences
    /// outside 0...1, and schema drawing attributes Graphviz would not accept.
    /// - Complexity: O(V + E) expected.
    public static func validate(schema: Schema, entities: [Entity], relations: [Relation]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for k in schema.entityKinds {
            if !Schema.allowedShapes.contains(k.shape) {
                problems.append(Diagnostic("entity kind '\(k.name)' has unknown shape '\(k.shape)'", at: nil))
            }
            if !Schema.isValidColor(k.color) {
                problems.append(Diagnostic("entity kind '\(k.name)' has colour '\(k.color)', expected #rrggbb", at: nil))
            }
        }
        for k in schema.relationKinds {
            if !Schema.allowedStyles.contains(k.style) {
                problems.append(Diagnostic("relation kind '\(k.name)' has unknown style '\(k.style)' (use \(Schema.allowedStyles.sorted().joined(separator: ", ")))", at: nil))
            }
            if !Schema.isValidColor(k.color) {
                problems.append(Diagnostic("relation kind '\(k.name)' has colour '\(k.color)', expected #rrggbb", at: nil))
            }
            for ek in (k.fromKinds ?? []).union(k.toKinds ?? []).sorted() where schema.entityKind(ek) == nil {
                problems.append(Diagnostic("relation kind '\(k.name)' names unknown entity kind '\(ek)'", at: nil))
            }
        }
        var kinds: [String: String] = [:]
        var firstSeen: [String: SourceLocation?] = [:]
        kinds.reserveCapacity(entities.count)
        for e in entities {
            if let earlier = firstSeen[e.id] {
                let whereFirst = earlier.map { " (first defined at \($0))" } ?? ""
                problems.append(Diagnostic("duplicate entity id '\(e.id)'\(whereFirst)", at: e.location))
                continue
            }
            firstSeen[e.id] = e.location
            kinds[e.id] = e.kind
            check(e, schema: schema, into: &problems)
        }
        for r in relations {
            check(r, schema: schema, kindOf: { kinds[$0] }, into: &problems)
        }
        return problems
    }

    static func check(_ e: Entity, schema: Schema, into problems: inout [Diagnostic]) {
        if e.id.isEmpty { problems.append(Diagnostic("entity has an empty id", at: e.location)) }
        if schema.entityKind(e.kind) == nil {
            problems.append(Diagnostic("entity '\(e.id)' has unknown kind '\(e.kind)' (known: \(schema.entityKinds.map(\.name).joined(separator: ", ")))", at: e.location))
        }
        if let s = e.start, let t = e.end, t.latestDay < s.earliestDay {
            problems.append(Diagnostic("entity '\(e.id)' ends (\(t)) before it starts (\(s))", at: e.location))
        }
    }

    static func check(
        _ r: Relation, schema: Schema, kindOf: (String) -> String?, into problems: inout [Diagnostic]
    ) {
        let label = "relation \(r.from) -\(r.kind)-> \(r.to)"
        let kind = schema.relationKind(r.kind)
        if kind == nil {
            problems.append(Diagnostic("\(label): unknown relation kind '\(r.kind)'", at: r.location))
        }
        let fromKind = kindOf(r.from), toKind = kindOf(r.to)
        if fromKind == nil { problems.append(Diagnostic("\(label): 'from' names undefined entity '\(r.from)'", at: r.location)) }
        if toKind == nil { problems.append(Diagnostic("\(label): 'to' names undefined entity '\(r.to)'", at: r.location)) }
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
                    at: r.location))
            }
        }
        if r.date != nil && (r.start != nil || r.end != nil) {
            problems.append(Diagnostic("\(label): give either 'date' or 'start'/'end', not both", at: r.location))
        }
        if let s = r.start, let t = r.end, t.latestDay < s.earliestDay {
            problems.append(Diagnostic("\(label): ends (\(t)) before it starts (\(s))", at: r.location))
        }
        if let w = r.weight, !(w.isFinite && w >= 0) {
            problems.append(Diagnostic("\(label): weight \(w) must be a finite number ≥ 0", at: r.location))
        }
        if let c = r.confidence, !(0...1).contains(c) {
            problems.append(Diagnostic("\(label): confidence \(c) must be between 0 and 1", at: r.location))
        }
    }
}
