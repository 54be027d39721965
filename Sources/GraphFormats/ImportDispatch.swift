import GraphModel

extension GraphImporter {
    /// Reads a graph of any readable format from text and imports it, keeping
    /// every warning: GraphML, GEXF, node-link JSON, one CSV edge list (or
    /// entities table), DOT (through Graphviz's parser), and relgraph's own
    /// YAML/JSON and the fixture CSV (which have no import warnings).
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column, or
    ///   ``GraphFormatsError/unsupportedFormat(_:)`` for a format relgraph only writes.
    /// - Complexity: O(n + V + E).
    public static func read(
        text: String, fileName: String, format: GraphFormat, mapping: ImportMapping = ImportMapping()
    ) throws(GraphFormatsError) -> ImportResult {
        let attributed: AttributedGraph
        switch format {
        case .graphml: attributed = try GraphMLReader.read(text, file: fileName)
        case .gexf: attributed = try GEXFReader.read(text, file: fileName)
        case .nodeLink: attributed = try NodeLinkReader.read(text, file: fileName)
        case .csv: attributed = try CSVPairReader.read(entities: nil, relations: text, relationsFile: fileName)
        case .dot: return try GraphLoader.readDOT(text: text, fileName: fileName, mapping: mapping)
        case .yaml, .json, .fixtureCSV:
            return ImportResult(graph: try GraphFile.load(text: text, fileName: fileName, format: format), warnings: [])
        case .cypher, .mermaid: throw .unsupportedFormat("\(format.rawValue) is written, not read")
        }
        var result = try makeGraph(from: attributed, mapping: mapping)
        if format != .csv { result.directed = attributed.directed }
        return result
    }

    /// Imports a node-link document already parsed.
    /// - Complexity: O(N + V + E) for N JSON values.
    static func readNodeLink(tree: LocatedJSON, fileName: String, mapping: ImportMapping) throws(GraphFormatsError) -> ImportResult {
        let attributed = try NodeLinkReader.read(tree: tree, file: fileName)
        var result = try makeGraph(from: attributed, mapping: mapping)
        result.directed = attributed.directed
        return result
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
        if entitiesPath == nil, let relationsPath {
            // An edge list alone: read from bytes when it is a plain one.
            let bytes = try GraphFile.readBytes(relationsPath)
            if let fast = try readPlainEdgeList(bytes: bytes, file: relationsPath, mapping: mapping) { return fast }
            return try makeGraph(
                from: CSVPairReader.read(entities: nil, relations: GraphFile.text(bytes, file: relationsPath),
                                         relationsFile: relationsPath),
                mapping: mapping)
        }
        let entities = try entitiesPath.map { p throws(GraphFormatsError) in try GraphFile.readText(p) }
        let relations = try relationsPath.map { p throws(GraphFormatsError) in try GraphFile.readText(p) }
        let a = try CSVPairReader.read(
            entities: entities, entitiesFile: entitiesPath ?? "entities.csv",
            relations: relations, relationsFile: relationsPath ?? "relations.csv")
        return try makeGraph(from: a, mapping: mapping)
    }
}

extension GraphImporter {
    /// A `source,target[,weight][,kind]` CSV edge list read by ``EdgeListReader``
    /// into the graph ``CSVPairReader`` + ``makeGraph(from:mapping:)`` would give
    /// (same entities, relations, kinds, locations and warnings), without the
    /// intermediate ``AttributedGraph``; `nil` when the file needs the general
    /// reader (other columns, values that are not plain, kinds with endpoint rules).
    /// - Complexity: O(n + V + E) for n bytes.
    static func readPlainEdgeList(
        bytes: [UInt8], file: String, mapping: ImportMapping
    ) throws(GraphFormatsError) -> ImportResult? {
        guard mapping.kindAttribute == nil, mapping.relationKindAttribute == nil else { return nil }
        var reason = ""
        guard let list = try EdgeListReader.readIfPlain(bytes: bytes, file: file, notPlain: &reason) else { return nil }
        var state = State(mapping: mapping)
        func at(_ line: Int32) -> SourceLocation { SourceLocation(file: file, line: Int(line), column: 1) }
        // Kinds in the order the general reader meets them: the first row's entity kind, then relation kinds.
        let entityKind = list.names.isEmpty ? mapping.defaultEntityKind : state.entityKind(nil, at: at(list.lines[0]))
        var kindOf: [String] = []
        if list.kinds.isEmpty {
            if list.count > 0 { kindOf = [state.relationKind(nil, directed: true, at: at(list.lines[0]))] }
        } else {
            var resolved = [String?](repeating: nil, count: list.kindNames.count)
            for (e, k) in list.kinds.enumerated() where resolved[Int(k)] == nil {
                let raw = list.kindNames[Int(k)]
                resolved[Int(k)] = state.relationKind(raw.isEmpty ? nil : raw, directed: true, at: at(list.lines[e]))
            }
            kindOf = resolved.map { $0 ?? mapping.defaultRelationKind }
        }
        for name in Set(kindOf) {
            guard let k = state.schema.relationKind(name) else { return nil }
            if !(k.fromKinds?.contains(entityKind) ?? true) || !(k.toKinds?.contains(entityKind) ?? true) { return nil }
        }
        var entities: [Entity] = []
        entities.reserveCapacity(list.names.count)
        for (i, id) in list.names.enumerated() {
            entities.append(Entity(id: id, kind: entityKind, location: at(list.firstLines[i])))
        }
        do {
            // Relations are made by the graph from the interned indices: no id is hashed or compared per relation.
            let lines = list.lines
            let graph = try Graph(name: mapping.name ?? "graph", schema: state.schema, entities: entities,
                                  from: list.sources, to: list.targets, kinds: kindOf, kindOf: list.kinds,
                                  weights: list.weights, file: file, lines: lines)
            return ImportResult(graph: graph, warnings: state.warnings)
        } catch {
            throw GraphFormatsError(error)
        }
    }
}
