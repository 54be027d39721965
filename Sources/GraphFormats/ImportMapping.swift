import Foundation
import GraphModel

/// How ``GraphImporter`` reads an ``AttributedGraph``'s attributes as relgraph fields.
///
/// Attribute names are matched ignoring case. For a node:
///
/// | attribute | becomes |
/// |---|---|
/// | ``kindAttribute``, else `kind`, else `type` | ``Entity/kind`` |
/// | `name`, else `label` | ``Entity/name`` (the id when neither is given) |
/// | `aliases` | ``Entity/aliases``, separated by `;` or `|` (see ``AttributeNaming``) |
/// | `born`, `founded`, `start` | ``Entity/start`` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`; `1879.0` and `1879-11-07T00:00` are read too) |
/// | `died`, `dissolved`, `end` | ``Entity/end`` |
/// | `description` | ``Entity/description`` |
/// | anything else | ``Entity/attributes`` (one `attr:` prefix is removed) |
///
/// For an edge: ``relationKindAttribute``, else `kind`, else `type` (unless it
/// says `directed`/`undirected`, as Gephi's edge table does), else `label` when
/// ``edgeLabelIsKind``, gives ``Relation/kind``; `date`, `start`, `end`,
/// `evidence`, `source` (the evidence's reference), `weight`, `confidence` fill
/// the fields of the same name; `id`, `key` and `networkx_key` (edge identities) are dropped;
/// anything else goes to ``Relation/attributes``.
///
/// Kinds the schema does not know are ADDED to it rather than refused: an
/// entity kind with a neutral style (ellipse, grey), a relation kind that joins
/// any entity kinds and is symmetric exactly when its first edge is undirected.
/// A kind differing from a known one only in case is read as the known one.
/// A node without a kind gets ``defaultEntityKind`` (`node`), an edge without
/// one ``defaultRelationKind`` (`tie`), added to the schema the same way.
public struct ImportMapping: Sendable, Equatable {
    /// A node attribute read as the entity kind before `kind` and `type`.
    public var kindAttribute: String?
    /// An edge attribute read as the relation kind before `kind` and `type`.
    public var relationKindAttribute: String?
    /// Whether an edge's `label` names its relation kind (when nothing else does).
    public var edgeLabelIsKind: Bool
    /// The kind of nodes that name none.
    public var defaultEntityKind: String
    /// The kind of edges that name none.
    public var defaultRelationKind: String
    /// The schema the kinds are looked up in (and added to).
    public var schema: Schema
    /// The graph's title; when `nil`, the graph attribute `name`, else `graph`.
    public var name: String?

    public init(
        kindAttribute: String? = nil, relationKindAttribute: String? = nil, edgeLabelIsKind: Bool = false,
        defaultEntityKind: String = "node", defaultRelationKind: String = "tie",
        schema: Schema = .standard, name: String? = nil
    ) {
        self.kindAttribute = kindAttribute
        self.relationKindAttribute = relationKindAttribute
        self.edgeLabelIsKind = edgeLabelIsKind
        self.defaultEntityKind = defaultEntityKind
        self.defaultRelationKind = defaultRelationKind
        self.schema = schema
        self.name = name
    }
}

/// A graph made from a foreign one, and every warning about what was changed
/// or dropped on the way (each with its place when the reader knew it).
public struct ImportResult: Sendable {
    public var graph: Graph
    public var warnings: [Diagnostic]
    /// The direction the foreign file declares (GraphML `edgedefault`, GEXF
    /// `defaultedgetype`, node-link `directed`), `nil` when it declares none.
    public var directed: Bool?

    public init(graph: Graph, warnings: [Diagnostic], directed: Bool? = nil) {
        self.graph = graph
        self.warnings = warnings
        self.directed = directed
    }
}

/// Turns an ``AttributedGraph`` into a valid ``GraphModel/Graph`` (see
/// ``ImportMapping`` for the rules).
///
/// Nothing is refused that can be kept: an edge to an undeclared node creates
/// the node (as DOT and GraphML do); ids are kept as they are, snake_case or
/// not; a value that is not a date or a number stays as a free attribute. What
/// cannot be kept — a later node with a duplicate id, a relation whose kind
/// forbids its endpoints, graph attributes other than `name`/`description` —
/// is dropped with a warning.
public enum GraphImporter {
    /// Converts `input` into a graph.
    /// - Throws: ``GraphFormatsError/invalidGraph(_:)`` only when
    ///   `mapping.schema` itself is invalid.
    /// - Complexity: O(V + E) expected, times the number of attributes per item.
    public static func makeGraph(
        from input: AttributedGraph, mapping: ImportMapping = ImportMapping()
    ) throws(GraphFormatsError) -> ImportResult {
        var state = State(mapping: mapping)
        state.warnings = input.warnings
        let name = mapping.name ?? input.attributes.first(where: { $0.key.lowercased() == "name" })?.value ?? "graph"
        let description = input.attributes.first(where: { $0.key.lowercased() == "description" })?.value
        let droppedGraph = input.attributes.keys.filter { !["name", "description"].contains($0.lowercased()) }.sorted()
        if !droppedGraph.isEmpty {
            state.warn("graph attributes dropped: \(droppedGraph.joined(separator: ", "))", at: input.file.map { SourceLocation(file: $0, line: 1, column: 1) })
        }

        var entities: [Entity] = []
        var seen: [String: Int] = [:]
        for node in input.nodes {
            if node.id.isEmpty {
                state.warn("node with an empty id dropped", at: node.location)
                continue
            }
            if seen[node.id] != nil {
                state.warn("duplicate node id '\(node.id)' dropped", at: node.location)
                continue
            }
            seen[node.id] = entities.count
            entities.append(state.entity(from: node))
        }
        var relations: [Relation] = []
        for edge in input.edges {
            for end in [edge.source, edge.target] where seen[end] == nil {
                guard !end.isEmpty else { continue }
                seen[end] = entities.count
                entities.append(Entity(id: end, kind: state.entityKind(nil, at: edge.location), location: edge.location))
            }
            if edge.source.isEmpty || edge.target.isEmpty {
                state.warn("edge with an empty endpoint dropped", at: edge.location)
                continue
            }
            relations.append(state.relation(from: edge, directed: edge.isDirected(in: input.directed)))
        }

        var graph: Graph
        do {
            graph = try Graph(name: name, description: description, schema: state.schema)
        } catch {
            throw GraphFormatsError(error)
        }
        for var e in entities {
            do {
                try graph.add(e)
            } catch {
                if e.start != nil || e.end != nil {
                    state.warn("entity '\(e.id)': dates dropped (\(error.diagnostics.map(\.message).joined(separator: "; ")))", at: e.location)
                    e.start = nil
                    e.end = nil
                    if (try? graph.add(e)) != nil { continue }
                }
                state.warn("entity '\(e.id)' dropped: \(error.diagnostics.map(\.message).joined(separator: "; "))", at: e.location)
            }
        }
        for r in relations {
            do {
                try graph.add(r)
            } catch {
                state.warn("relation dropped: \(error.diagnostics.map(\.message).joined(separator: "; "))", at: r.location)
            }
        }
        return ImportResult(graph: graph, warnings: state.warnings)
    }

    struct State {
        let mapping: ImportMapping
        var schema: Schema
        var warnings: [Diagnostic] = []

        init(mapping: ImportMapping) {
            self.mapping = mapping
            schema = mapping.schema
        }

        mutating func warn(_ message: String, at location: SourceLocation?) {
            warnings.append(Diagnostic(message, at: location, severity: .warning))
        }

        mutating func entityKind(_ raw: String?, at location: SourceLocation?) -> String {
            var name = mapping.defaultEntityKind
            if let raw, !raw.isEmpty { name = raw }
            if schema.entityKind(name) != nil { return name }
            if let k = schema.entityKinds.first(where: { $0.name.lowercased() == name.lowercased() }) { return k.name }
            schema.add(EntityKind(name: name))
            warn("entity kind '\(name)' added to the schema", at: location)
            return name
        }

        mutating func relationKind(_ raw: String?, directed: Bool, at location: SourceLocation?) -> String {
            var name = mapping.defaultRelationKind
            if let raw, !raw.isEmpty { name = raw }
            if schema.relationKind(name) != nil { return name }
            if let k = schema.relationKinds.first(where: { $0.name.lowercased() == name.lowercased() }) { return k.name }
            schema.add(RelationKind(name: name, symmetric: !directed))
            warn("relation kind '\(name)' (\(directed ? "directed" : "symmetric")) added to the schema", at: location)
            return name
        }

        /// Takes the value of the first of `names` present (case-insensitive), removing it.
        static func take(_ names: [String], from attrs: inout [String: String]) -> (key: String, value: String)? {
            for n in names {
                if let key = attrs.keys.filter({ $0.lowercased() == n.lowercased() }).sorted().first, let v = attrs.removeValue(forKey: key) {
                    return (key, v)
                }
            }
            return nil
        }

        mutating func date(
            _ names: [String], from attrs: inout [String: String], keep free: inout [String: String],
            what: String, at location: SourceLocation?
        ) -> PartialDate? {
            var result: PartialDate?
            for n in names {
                guard let (key, text) = State.take([n], from: &attrs) else { continue }
                guard let d = GraphImporter.parseDate(text) else {
                    warn("\(what): '\(key)' value '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); kept as an attribute", at: location)
                    free[key] = text
                    continue
                }
                if let result, result != d {
                    warn("\(what): '\(key)' (\(d)) conflicts with an earlier date (\(result)); kept as an attribute", at: location)
                    free[key] = text
                    continue
                }
                result = d
            }
            return result
        }

        mutating func number(
            _ name: String, from attrs: inout [String: String], keep free: inout [String: String],
            what: String, at location: SourceLocation?
        ) -> Double? {
            guard let (key, text) = State.take([name], from: &attrs) else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let v = Double(trimmed), v.isFinite else {
                warn("\(what): '\(key)' value '\(text)' is not a number; kept as an attribute", at: location)
                free[key] = text
                return nil
            }
            return v
        }

        mutating func entity(from node: AttributedGraph.Node) -> Entity {
            var attrs = node.attributes
            var free: [String: String] = [:]
            let what = "node '\(node.id)'"
            var kindText: String?
            if let k = mapping.kindAttribute, let v = State.take([k], from: &attrs) { kindText = v.value }
            if kindText == nil { kindText = State.take(["kind", "type"], from: &attrs)?.value }
            let kind = entityKind(kindText, at: node.location)
            var finalName = State.take(["name"], from: &attrs)?.value
            if let label = State.take(["label"], from: &attrs) {
                if finalName == nil { finalName = label.value } else if finalName != label.value { free[label.key] = label.value }
            }
            let aliases = State.take(["aliases"], from: &attrs).map { AttributeNaming.splitAliases($0.value) } ?? []
            let start = date(["born", "founded", "start"], from: &attrs, keep: &free, what: what, at: node.location)
            let end = date(["died", "dissolved", "end"], from: &attrs, keep: &free, what: what, at: node.location)
            let description = State.take(["description"], from: &attrs)?.value
            if let id = State.take(["id"], from: &attrs), id.value != node.id { free[id.key] = id.value }
            for (k, v) in attrs { free[AttributeNaming.imported(k)] = v }
            return Entity(
                id: node.id, kind: kind, name: finalName, aliases: aliases, start: start, end: end,
                description: description, attributes: free, location: node.location)
        }

        mutating func relation(from edge: AttributedGraph.Edge, directed: Bool) -> Relation {
            var attrs = edge.attributes
            var free: [String: String] = [:]
            let what = "edge \(edge.source) -> \(edge.target)"
            var kindText: String?
            if let k = mapping.relationKindAttribute, let v = State.take([k], from: &attrs) { kindText = v.value }
            if kindText == nil { kindText = State.take(["kind"], from: &attrs)?.value }
            if let t = State.take(["type"], from: &attrs) {
                if ["directed", "undirected"].contains(t.value.lowercased()) {
                    // Gephi's edge table: the direction, not a kind (already read by the CSV reader).
                } else if kindText == nil { kindText = t.value } else { free[t.key] = t.value }
            }
            if kindText == nil, mapping.edgeLabelIsKind, let l = State.take(["label"], from: &attrs) { kindText = l.value }
            let kind = relationKind(kindText, directed: directed, at: edge.location)
            if let l = State.take(["label"], from: &attrs), l.value != kind { free[l.key] = l.value }
            var date = self.date(["date"], from: &attrs, keep: &free, what: what, at: edge.location)
            let start = self.date(["start"], from: &attrs, keep: &free, what: what, at: edge.location)
            let end = self.date(["end"], from: &attrs, keep: &free, what: what, at: edge.location)
            if let d = date, start != nil || end != nil {
                warn("\(what): has both 'date' and 'start'/'end'; the date is kept as an attribute", at: edge.location)
                free["date"] = d.description
                date = nil
            }
            let text = State.take(["evidence"], from: &attrs)?.value
            let source = State.take(["source"], from: &attrs)?.value
            let evidence: Evidence? = (text == nil && source == nil) ? nil : Evidence(text ?? "", source: source)
            var weight = number("weight", from: &attrs, keep: &free, what: what, at: edge.location)
            if let w = weight, w < 0 {
                warn("\(what): weight \(w) is negative; kept as an attribute", at: edge.location)
                free["weight"] = String(w)
                weight = nil
            }
            var confidence = number("confidence", from: &attrs, keep: &free, what: what, at: edge.location)
            if let c = confidence, !(0...1).contains(c) {
                warn("\(what): confidence \(c) is outside 0...1; kept as an attribute", at: edge.location)
                free["confidence"] = String(c)
                confidence = nil
            }
            _ = State.take(["id"], from: &attrs)
            _ = State.take(["key"], from: &attrs)
            _ = State.take(["networkx_key"], from: &attrs)
            for (k, v) in attrs { free[AttributeNaming.imported(k)] = v }
            return Relation(
                from: edge.source, kind: kind, to: edge.target, date: date, start: start, end: end,
                evidence: evidence, weight: weight, confidence: confidence, attributes: free, location: edge.location)
        }
    }

    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a whole number of years (`1879.0`,
    /// as spreadsheets and NetworkX write them) or a date-time whose date part is one of those.
    /// - Complexity: O(n) in the length of the text.
    public static func parseDate(_ text: String) -> PartialDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = PartialDate(t) { return d }
        if let y = Double(t), y.rounded() == y, abs(y) < 10_000 { return PartialDate(year: Int(y)) }
        if let i = t.firstIndex(of: "T"), i != t.startIndex { return PartialDate(String(t[..<i])) }
        return nil
    }
}
