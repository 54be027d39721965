import GraphModel

/// The foreign formats relgraph writes (besides its own YAML/JSON and DOT).
public enum InteropFormat: String, Sendable, CaseIterable {
    case graphml
    case gexf
    /// NetworkX / D3 node-link JSON.
    case nodeLink = "node-link"
    /// Two CSV files: entities and relations.
    case csv
    case cypher
    case mermaid
}

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

/// What each export format leaves out, for the command line to warn about.
///
/// | format | drops |
/// |---|---|
/// | GraphML, GEXF, node-link JSON | schema additions (an added kind comes back with a neutral style) |
/// | CSV pair | the graph's name and description, schema additions |
/// | Cypher | the graph's description (the name is a comment), schema additions; everything else is a property |
/// | Mermaid | everything but names, kinds and who is tied to whom |
///
/// Everything else round-trips exactly (see each writer's documentation), and
/// XML formats refuse text XML 1.0 cannot carry rather than drop it.
public enum FormatCapabilities {
    /// The fields `format` cannot carry.
    /// - Complexity: O(1).
    public static func dropped(for format: InteropFormat) -> [GraphField] {
        switch format {
        case .graphml, .gexf, .nodeLink: return [.schema]
        case .csv: return [.graphName, .graphDescription, .schema]
        case .cypher: return [.graphDescription, .schema]
        case .mermaid:
            return [.graphDescription, .schema, .entityIDs, .aliases, .entityDates, .descriptions, .entityAttributes,
                    .relationDates, .evidence, .weights, .confidences, .relationAttributes]
        }
    }

    /// One warning per field `format` drops that `graph` actually uses.
    /// - Complexity: O(V + E) times the attributes per item.
    public static func warnings(for format: InteropFormat, writing graph: Graph) -> [Diagnostic] {
        dropped(for: format).filter { uses($0, graph) }.map {
            Diagnostic("\(format.rawValue) cannot carry \($0.rawValue); they are left out", at: nil, severity: .warning,
                       code: "format.drops-field", key: $0.rawValue)
        }
    }

    /// Whether `graph` has anything in `field`.
    public static func uses(_ field: GraphField, _ graph: Graph) -> Bool {
        switch field {
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
