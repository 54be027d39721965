import GraphModel

/// Reads a graph from two CSV files: one row per entity, one row per relation
/// (RFC 4180; see ``CSVParser`` for quoting, line breaks and the BOM).
///
/// Column names are matched ignoring case, so both spreadsheet conventions work:
///
/// - Gephi / Kumu: entities `Id`, `Label`, `Type`, …; relations `Source`,
///   `Target`, `Type`, `Weight`, `Label`, `Interval`, `Kind`, `Date`, …
///   Gephi's edge `Type` column says `Directed` or `Undirected`: it sets the
///   edge's direction; any other value is a relation kind.
/// - relgraph's own (``CSVPairWriter``): entities `id,kind,name,aliases,start,end,description`;
///   relations `from,kind,to,date,start,end,evidence,source,weight,confidence`.
///   When a relations file has `from` and `to` columns, they are the endpoints
///   and `source` is the evidence's reference; otherwise `Source`/`Target` are
///   the endpoints.
///
/// Every other column is an attribute (see ``ImportMapping`` for how they are
/// read). An empty unquoted cell means "no value"; a quoted empty cell (`""`)
/// is an empty value. The entities file may be left out (an edge list): every
/// endpoint then becomes an entity.
public enum CSVPairReader {
    /// Reads the two files' texts.
    /// - Parameters:
    ///   - entities: the entities file's text, or `nil` for an edge list alone.
    ///   - entitiesFile: its path, for messages.
    ///   - relations: the relations file's text, or `nil` for entities alone.
    ///   - relationsFile: its path, for messages.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column for
    ///   malformed CSV, a missing `id` or endpoint column, a row longer than its
    ///   header, or a row without an id or endpoint.
    /// - Complexity: O(n) in the length of the texts.
    public static func read(
        entities: String?, entitiesFile: String = "entities.csv",
        relations: String?, relationsFile: String = "relations.csv"
    ) throws(GraphFormatsError) -> AttributedGraph {
        var g = AttributedGraph(directed: true, file: relations != nil ? relationsFile : entitiesFile)
        if let entities {
            let table = try Table(text: entities, file: entitiesFile)
            guard let idColumn = table.column(named: ["id"]) else {
                throw .syntax(table.headerLocation, "the entities file has no 'id' column (columns: \(table.header.map(\.text).joined(separator: ", ")))")
            }
            for row in table.rows {
                let id = row.count > idColumn ? row[idColumn] : nil
                guard let id, !id.text.isEmpty else {
                    throw .syntax(row.first?.location ?? table.headerLocation, "this row has no id")
                }
                g.addNode(id.text, attributes: table.attributes(of: row, except: [idColumn]), location: row[0].location)
            }
        }
        if let relations {
            let table = try Table(text: relations, file: relationsFile)
            let ends: (Int, Int)
            if let f = table.column(named: ["from"]), let t = table.column(named: ["to"]) {
                ends = (f, t)
            } else if let s = table.column(named: ["source"]), let t = table.column(named: ["target"]) {
                ends = (s, t)
            } else {
                throw .syntax(table.headerLocation, "the relations file needs 'from' and 'to' (or 'Source' and 'Target') columns (columns: \(table.header.map(\.text).joined(separator: ", ")))")
            }
            let typeColumn = table.column(named: ["type"])
            var anyDirected = false, anyUndirected = false
            // With an entities file, every endpoint must be one of its ids (no entity is made up).
            let declared: Set<String>? = entities == nil ? nil : Set(g.nodes.map(\.id))
            var undefined: [Diagnostic] = []
            for row in table.rows {
                guard row.count > max(ends.0, ends.1), !row[ends.0].text.isEmpty, !row[ends.1].text.isEmpty else {
                    throw .syntax(row.first?.location ?? table.headerLocation, "this row lacks its '\(table.header[ends.0].text)' or '\(table.header[ends.1].text)' value")
                }
                if let declared {
                    for end in [row[ends.0], row[ends.1]] where !declared.contains(end.text) {
                        undefined.append(Diagnostic("'\(end.text)' is not an id in \(entitiesFile)", at: end.location))
                    }
                }
                var except: Set<Int> = [ends.0, ends.1]
                var directed: Bool?
                if let typeColumn, row.count > typeColumn {
                    switch row[typeColumn].text.lowercased() {
                    case "directed": directed = true; except.insert(typeColumn)
                    case "undirected": directed = false; except.insert(typeColumn)
                    default: break
                    }
                }
                if directed == false { anyUndirected = true } else { anyDirected = true }
                g.addEdge(
                    from: row[ends.0].text, to: row[ends.1].text, attributes: table.attributes(of: row, except: except),
                    directed: directed, location: row[0].location)
            }
            if !undefined.isEmpty { throw .invalidGraph(undefined) }
            if anyUndirected && !anyDirected { g.directed = false }
        }
        return g
    }

    struct Table {
        var header: [CSVField]
        var rows: [[CSVField]]
        var headerLocation: SourceLocation

        init(text: String, file: String) throws(GraphFormatsError) {
            // Cells written as '=… by CSVPairWriter (formula guard) read back as =….
            var records = try CSVParser.parse(text, file: file).map { $0.map { CSVField(text: CSVFormulaGuard.restore($0.text), quoted: $0.quoted, location: $0.location) } }
            guard !records.isEmpty else {
                throw .syntax(SourceLocation(file: file, line: 1, column: 1), "the file is empty (a header row is expected)")
            }
            header = records.removeFirst()
            headerLocation = header.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
            var seen: [String: SourceLocation] = [:]
            for h in header {
                // Field names are matched ignoring case; other columns only clash when spelt the same.
                let key = AttributeNaming.reservedNames.contains(h.text.lowercased()) ? h.text.lowercased() : h.text
                if let first = seen[key] { throw .syntax(h.location, "column '\(h.text)' appears twice (first at \(first))") }
                seen[key] = h.location
            }
            for row in records where row.count > header.count {
                throw .syntax(row[header.count].location, "this row has \(row.count) fields but the header has \(header.count)")
            }
            rows = records
        }

        func column(named names: [String]) -> Int? {
            for n in names {
                if let i = header.firstIndex(where: { $0.text.lowercased() == n }) { return i }
            }
            return nil
        }

        func attributes(of row: [CSVField], except: Set<Int>) -> [String: String] {
            var a: [String: String] = [:]
            for (i, f) in row.enumerated() where !except.contains(i) {
                if f.text.isEmpty && !f.quoted { continue }
                a[header[i].text] = f.text
            }
            return a
        }
    }
}
