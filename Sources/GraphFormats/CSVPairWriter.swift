import GraphModel

/// Writes a graph as two CSV files (RFC 4180, LF line ends, UTF-8 without BOM)
/// with relgraph's own columns, which ``CSVPairReader`` + ``GraphImporter`` read
/// back into equal entities and relations:
///
/// - entities: `id,kind,name,aliases,start,end,description`, then one column
///   per free attribute name, sorted;
/// - relations: `from,kind,to,date,start,end,evidence,source,weight,confidence`,
///   then one column per free attribute name, sorted.
///
/// Aliases are joined with `;`; a `;`, `|` or `\` inside an alias is escaped
/// with a backslash (`\;`), as is white space at either end of an alias (see
/// ``AttributeNaming``). A free attribute named like a column is written as
/// `attr:` + name. A missing value is an empty cell; an empty text is `""`.
///
/// What the CSV pair cannot carry: the graph's name and description, and the
/// schema (added kinds come back with a neutral style).
///
/// A cell a spreadsheet would run as a formula — one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, such as `=HYPERLINK(…)` — is written
/// with a leading apostrophe (`'=HYPERLINK(…)`), which spreadsheets show as
/// text; ``CSVPairReader`` removes that apostrophe again (see ``CSVFormulaGuard``).
public enum CSVPairWriter {
    /// The two files' texts.
    public struct Output: Sendable, Equatable {
        public var entities: String
        public var relations: String
    }

    public static let entityColumns = ["id", "kind", "name", "aliases", "start", "end", "description"]
    public static let relationColumns = ["from", "kind", "to", "date", "start", "end", "evidence", "source", "weight", "confidence"]

    /// Both files for `graph`, deterministic byte for byte.
    /// - Complexity: O(V + E) times the number of columns, plus O(K log K) for K attribute names.
    public static func write(_ graph: Graph) -> Output {
        let entities = TextSink(), relations = TextSink()
        writeEntities(graph, to: entities)
        writeRelations(graph, to: relations)
        return Output(entities: entities.text, relations: relations.text)
    }

    /// Writes the two files of ``write(_:)`` to `entitiesPath` and `relationsPath`,
    /// each in chunks as it is produced (the same bytes) and atomically (see
    /// ``TextSink/writeFile(_:_:)``), the entities first.
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: as ``write(_:)``; O(K) memory beyond the graph and one chunk.
    public static func write(_ graph: Graph, entitiesFile entitiesPath: String, relationsFile relationsPath: String) throws(GraphFormatsError) {
        try TextSink.writeFile(entitiesPath) { sink in writeEntities(graph, to: sink) }
        try TextSink.writeFile(relationsPath) { sink in writeRelations(graph, to: sink) }
    }

    /// Appends the entities file of ``write(_:)`` to `out`.
    /// - Complexity: O(V) times the number of columns, plus O(K log K) for K attribute names.
    public static func writeEntities(_ graph: Graph, to out: TextSink) {
        let columns = entityColumns + ExportFields.freeNames(graph.entities.map(\.attributes))
        out += columns.map(cell).joined(separator: ",") + "\n"
        for e in graph.entities {
            var cells: [String: String] = ["id": e.id]
            for (k, v) in ExportFields.nodeFields(e) + ExportFields.freeFields(e.attributes) { cells[k] = v }
            row(columns, cells, to: out)
        }
    }

    /// Appends the relations file of ``write(_:)`` to `out`.
    /// - Complexity: O(E) times the number of columns, plus O(K log K) for K attribute names.
    public static func writeRelations(_ graph: Graph, to out: TextSink) {
        let columns = relationColumns + ExportFields.freeNames(graph.relations.map(\.attributes))
        out += columns.map(cell).joined(separator: ",") + "\n"
        for r in graph.relations {
            var cells: [String: String] = ["from": r.from, "to": r.to]
            for (k, v) in ExportFields.edgeFields(r) + ExportFields.freeFields(r.attributes) { cells[k] = v }
            row(columns, cells, to: out)
        }
    }

    static func row(_ columns: [String], _ cells: [String: String], to out: TextSink) {
        out += columns.map { c in cells[c].map(cell) ?? "" }.joined(separator: ",") + "\n"
    }

    /// One cell: formula-guarded, then quoted as RFC 4180 needs.
    static func cell(_ text: String) -> String { CSVParser.quote(CSVFormulaGuard.neutralise(text)) }
}

/// Keeps spreadsheet programs from running CSV cells as formulas (CSV injection):
/// a cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading
/// apostrophe, and an apostrophe before one of those is removed on reading.
/// A value that itself starts with an apostrophe followed by one of those gets a
/// second apostrophe, so every value reads back as it was written.
public enum CSVFormulaGuard {
    static func isTrigger(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c == "=" || c == "+" || c == "-" || c == "@" || c == "\t" || c == "\r"
    }

    /// Whether `text` starts with apostrophes followed by a formula character.
    private static func needsGuard(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        let rest = scalars.drop(while: { $0 == "'" })
        return isTrigger(rest.first)
    }

    /// The cell text to write for `text`.
    /// - Complexity: O(n).
    public static func neutralise(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// The value a cell written by ``neutralise(_:)`` stands for.
    /// - Complexity: O(n).
    public static func restore(_ text: String) -> String {
        guard text.hasPrefix("'"), needsGuard(text) else { return text }
        return String(text.dropFirst())
    }
}
