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
/// schema (added kinds come back with a neutral style). Cells starting with
/// `=`, `+`, `-` or `@` are written as they are: a spreadsheet may read them as
/// formulas.
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
        let nodeFree = ExportFields.freeNames(graph.entities.map(\.attributes))
        let edgeFree = ExportFields.freeNames(graph.relations.map(\.attributes))
        var entities = (entityColumns + nodeFree).map(CSVParser.quote).joined(separator: ",") + "\n"
        for e in graph.entities {
            var cells: [String: String] = ["id": e.id]
            for (k, v) in ExportFields.nodeFields(e) + ExportFields.freeFields(e.attributes) { cells[k] = v }
            entities += row(entityColumns + nodeFree, cells)
        }
        var relations = (relationColumns + edgeFree).map(CSVParser.quote).joined(separator: ",") + "\n"
        for r in graph.relations {
            var cells: [String: String] = ["from": r.from, "to": r.to]
            for (k, v) in ExportFields.edgeFields(r) + ExportFields.freeFields(r.attributes) { cells[k] = v }
            relations += row(relationColumns + edgeFree, cells)
        }
        return Output(entities: entities, relations: relations)
    }

    static func row(_ columns: [String], _ cells: [String: String]) -> String {
        columns.map { c in cells[c].map(CSVParser.quote) ?? "" }.joined(separator: ",") + "\n"
    }
}
