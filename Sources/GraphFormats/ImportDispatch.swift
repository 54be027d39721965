import GraphModel

extension GraphImporter {
    /// Reads a foreign graph (GraphML, GEXF or node-link JSON) from text and
    /// imports it, keeping every warning.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column, or
    ///   ``GraphFormatsError/unsupportedFormat(_:)`` for a format relgraph only writes.
    /// - Complexity: O(n + V + E).
    public static func read(
        text: String, fileName: String, format: InteropFormat, mapping: ImportMapping = ImportMapping()
    ) throws(GraphFormatsError) -> ImportResult {
        let attributed: AttributedGraph
        switch format {
        case .graphml: attributed = try GraphMLReader.read(text, file: fileName)
        case .gexf: attributed = try GEXFReader.read(text, file: fileName)
        case .nodeLink: attributed = try NodeLinkReader.read(text, file: fileName)
        case .csv: attributed = try CSVPairReader.read(entities: nil, relations: text, relationsFile: fileName)
        case .cypher, .mermaid: throw .unsupportedFormat("\(format.rawValue) is written, not read")
        }
        return try makeGraph(from: attributed, mapping: mapping)
    }

    /// Reads a CSV pair from disk and imports it.
    /// - Parameters:
    ///   - entitiesPath: the entities file, or `nil` for an edge list alone.
    ///   - relationsPath: the relations file, or `nil` for entities alone.
    /// - Throws: ``GraphFormatsError``: I/O, or syntax with file:line:column.
    /// - Complexity: O(n + V + E).
    public static func readCSVPair(
        entitiesPath: String?, relationsPath: String?, mapping: ImportMapping = ImportMapping()
    ) throws(GraphFormatsError) -> ImportResult {
        let entities = try entitiesPath.map { p throws(GraphFormatsError) in try GraphFile.readText(p) }
        let relations = try relationsPath.map { p throws(GraphFormatsError) in try GraphFile.readText(p) }
        let a = try CSVPairReader.read(
            entities: entities, entitiesFile: entitiesPath ?? "entities.csv",
            relations: relations, relationsFile: relationsPath ?? "relations.csv")
        return try makeGraph(from: a, mapping: mapping)
    }
}

/// One entry point for the export writers.
public enum InteropExport {
    /// The graph in `format`, as text. For ``InteropFormat/csv`` this is the
    /// relations file; use ``CSVPairWriter/write(_:)`` for both files.
    /// - Throws: ``GraphFormatsError/refused(_:)`` when a writer cannot carry a
    ///   value (XML control characters; Cypher names with line breaks).
    /// - Complexity: O(V + E) times the attributes per item.
    public static func write(_ graph: Graph, format: InteropFormat) throws(GraphFormatsError) -> String {
        switch format {
        case .graphml: return try GraphMLWriter.write(graph)
        case .gexf: return try GEXFWriter.write(graph)
        case .nodeLink: return NodeLinkWriter.write(graph)
        case .csv: return CSVPairWriter.write(graph).relations
        case .cypher: return try CypherWriter.write(graph)
        case .mermaid: return MermaidWriter.write(graph)
        }
    }
}
