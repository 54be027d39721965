import GraphModel

/// A part of a graph that some format cannot carry.
public enum GraphField: String, Sendable, CaseIterable {
    case graphName = "the graph's name"
    case graphDescription = "the graph's description"
    case schema = "schema additions (kinds' styles, phrases and endpoint rules)"
    case entityIDs = "entity ids"
    case aliases = "aliases"
    case entityDates = "entity dates"
    case descriptions = "entity descriptions"
    case entityAttributes = "entity attributes"
    case relationDates = "relation dates"
    case evidence = "evidence and sources"
    case weights = "weights"
    case confidences = "confidences"
    case relationAttributes = "relation attributes"
}

/// What each format leaves out when it writes a graph, for the command line to warn about.
///
/// | format | drops |
/// |---|---|
/// | relgraph YAML / JSON, DOT | nothing relgraph warns about |
/// | GraphML, GEXF, node-link JSON | schema additions (an added kind comes back with a neutral style) |
/// | CSV pair | the graph's name and description, schema additions |
/// | Cypher | the graph's description (the name is a comment), schema additions; everything else is a property |
/// | Mermaid | everything but names, kinds and who is tied to whom |
///
/// Everything else round-trips exactly (see each writer's documentation), and
/// XML formats refuse text XML 1.0 cannot carry rather than drop it.
extension GraphFormat {
    /// The fields this format cannot carry when it writes (empty for formats
    /// relgraph does not write).
    /// - Complexity: O(1).
    public var droppedFields: [GraphField] {
        switch self {
        case .yaml, .json, .dot, .fixtureCSV: return []
        case .graphml, .gexf, .nodeLink: return [.schema]
        case .csv: return [.graphName, .graphDescription, .schema]
        case .cypher: return [.graphDescription, .schema]
        case .mermaid:
            return [.graphDescription, .schema, .entityIDs, .aliases, .entityDates, .descriptions, .entityAttributes,
                    .relationDates, .evidence, .weights, .confidences, .relationAttributes]
        }
    }

    /// The fields this format drops that `graph` actually uses, in ``droppedFields`` order.
    /// - Complexity: O(V + E) times the attributes per item.
    public func droppedFields(writing graph: Graph) -> [GraphField] {
        droppedFields.filter { $0.isUsed(by: graph) }
    }

    /// One warning per field this format drops that `graph` actually uses
    /// (code ``DiagnosticCode/formatDropsField``, key the field's raw value).
    /// - Complexity: O(V + E) times the attributes per item.
    public func dropWarnings(writing graph: Graph) -> [Diagnostic] {
        droppedFields(writing: graph).map {
            Diagnostic("\(rawValue) cannot carry \($0.rawValue); they are left out", at: nil, severity: .warning,
                       code: .formatDropsField, key: $0.rawValue)
        }
    }
}

extension GraphField {
    /// Whether `graph` has anything in this field.
    /// - Complexity: O(V + E) times the attributes per item.
    public func isUsed(by graph: Graph) -> Bool {
        switch self {
        case .graphName: return graph.name != "graph"
        case .graphDescription: return graph.description != nil
        case .schema:
            let standard = Schema.standard
            return graph.schema.entityKinds.contains { standard.entityKind($0.name) != $0 }
                || graph.schema.relationKinds.contains { standard.relationKind($0.name) != $0 }
        case .entityIDs: return !graph.entities.isEmpty
        case .aliases: return graph.entities.contains { !$0.aliases.isEmpty }
        case .entityDates: return graph.entities.contains { $0.start != nil || $0.end != nil }
        case .descriptions: return graph.entities.contains { $0.description != nil }
        case .entityAttributes: return graph.entities.contains { !$0.attributes.isEmpty }
        case .relationDates: return graph.relations.contains(where: \.isDated)
        case .evidence: return graph.relations.contains { $0.evidence != nil }
        case .weights: return graph.relations.contains { $0.weight != nil }
        case .confidences: return graph.relations.contains { $0.confidence != nil }
        case .relationAttributes: return graph.relations.contains { !$0.attributes.isEmpty }
        }
    }
}

/// The capabilities of ``GraphFormat`` under their earlier names (kept for callers).
public enum FormatCapabilities {
    /// ``GraphFormat/droppedFields``.
    public static func dropped(for format: GraphFormat) -> [GraphField] { format.droppedFields }

    /// ``GraphFormat/dropWarnings(writing:)``.
    public static func warnings(for format: GraphFormat, writing graph: Graph) -> [Diagnostic] {
        format.dropWarnings(writing: graph)
    }

    /// ``GraphField/isUsed(by:)``.
    public static func uses(_ field: GraphField, _ graph: Graph) -> Bool { field.isUsed(by: graph) }
}
