import Foundation
import GraphModel

/// Loads the network fixtures (`../shared/fixtures/networks`): `X.edges.csv`
/// with header `source,target,weight,kind`, optional `X.nodes.csv` with header
/// `id,label,kind`, and optional `X.meta.json` whose `directed` says whether the
/// graph is directed (undirected without it) and whose `name` names it.
///
/// Choices:
/// - Node kinds become entity kinds. A kind the standard schema knows
///   (`person`, `organization`…) is used as is; any other is normalised to a
///   snake_case kind name (`Mr. Hi` → `mr_hi`) and added to the schema, and the
///   original text is kept in the entity's `kind` attribute. An empty kind is `node`.
/// - Edge kinds: a standard relation kind (`member_of`, `rival_of`…) is used as
///   is; another is normalised and added (symmetric when the graph is
///   undirected); an empty kind is `tie` (symmetric when undirected), which
///   joins any entity kinds.
/// - `weight` becomes ``Relation/weight``; `label` the entity's name; other
///   columns become attributes.
/// - Columns are found by header name, in any order; fields may be quoted
///   (RFC 4180: `"a, ""b"""`).
public enum FixtureCSV {
    /// One field of a CSV file with where it starts (1-based line and column).
    public struct Field: Hashable, Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// Loads `X.edges.csv` (or the `X.nodes.csv` beside it) with its siblings.
    /// - Throws: ``GraphFormatsError`` with file:line:column for every problem.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func load(path: String) throws(GraphFormatsError) -> Graph {
        var base = path
        for suffix in [".edges.csv", ".nodes.csv", ".csv"] where path.lowercased().hasSuffix(suffix) {
            base = String(path.dropLast(suffix.count))
            break
        }
        let lower = path.lowercased()
        let edgesPath = lower.hasSuffix(".nodes.csv") ? base + ".edges.csv" : path
        let hasSiblings = lower.hasSuffix(".edges.csv") || lower.hasSuffix(".nodes.csv")
        let nodesPath = base + ".nodes.csv", metaPath = base + ".meta.json"
        let fm = FileManager.default
        let nodes = hasSiblings && fm.fileExists(atPath: nodesPath) ? try GraphFile.readText(nodesPath) : nil
        var directed = false
        var name = URL(fileURLWithPath: base).lastPathComponent
        if hasSiblings, fm.fileExists(atPath: metaPath) {
            let text = try GraphFile.readText(metaPath)
            let checked = try JSONSyntax.check(text, fileName: metaPath)
            guard let object = try? JSONSerialization.jsonObject(with: Data(checked.utf8)) as? [String: Any] else {
                throw .syntax(SourceLocation(file: metaPath, line: 1, column: 1), "expected a JSON object")
            }
            if let d = object["directed"] {
                guard let b = d as? Bool else {
                    throw .syntax(SourceLocation(file: metaPath, line: 1, column: 1), "'directed' must be true or false")
                }
                directed = b
            }
            if let n = object["name"] as? String, !n.isEmpty { name = n }
        }
        return try read(edges: GraphFile.readText(edgesPath), edgesFile: edgesPath,
                        nodes: nodes, nodesFile: nodesPath, directed: directed, name: name)
    }

    /// The direction the fixture's `X.meta.json` declares (`"directed"`), or
    /// `nil` when there is no such file or key.
    /// - Complexity: O(n) in the size of the meta file.
    public static func declaredDirection(path: String) -> Bool? {
        let lower = path.lowercased()
        guard lower.hasSuffix(".edges.csv") || lower.hasSuffix(".nodes.csv") else { return nil }
        let metaPath = String(path.dropLast(10)) + ".meta.json"
        guard let data = FileManager.default.contents(atPath: metaPath),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["directed"] as? Bool
    }

    /// Builds a graph from the texts of the CSV files.
    /// - Parameters:
    ///   - nodes: the nodes file's text, or `nil` to create a `node` entity per endpoint.
    ///   - name: the graph's name; the edges file's name without `.edges.csv` when `nil`.
    /// - Throws: ``GraphFormatsError`` with file:line:column for every problem.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func read(
        edges: String, edgesFile: String, nodes: String? = nil, nodesFile: String = "nodes.csv",
        directed: Bool = false, name: String? = nil
    ) throws(GraphFormatsError) -> Graph {
        var problems: [Diagnostic] = []
        var schema = Schema.standard
        var entities: [Entity] = []
        var known: Set<String> = []
        let palette = ["#dbeafe", "#fde68a", "#d1fae5", "#fecaca", "#e9d5ff", "#fed7aa", "#cffafe", "#f5d0fe",
                       "#e5e7eb", "#fef9c3"]
        var addedEntityKinds = 0

        func entityKind(_ raw: String) -> String {
            let trimmed = raw.trimmingSpaces
            if schema.entityKind(trimmed) != nil { return trimmed }
            let kind = snakeCase(trimmed).isEmpty ? "node" : snakeCase(trimmed)
            if schema.entityKind(kind) == nil {
                schema.add(EntityKind(name: kind, shape: "ellipse", color: palette[addedEntityKinds % palette.count]))
                addedEntityKinds += 1
            }
            return kind
        }

        if let nodes {
            let rows = try parse(nodes, fileName: nodesFile)
            let columns = try header(rows, file: nodesFile, required: ["id"])
            for row in rows.dropFirst() where !(row.count == 1 && row[0].text.isEmpty) {
                guard row.count == rows[0].count else {
                    problems.append(Diagnostic("expected \(rows[0].count) fields, found \(row.count)",
                                               at: SourceLocation(file: nodesFile, line: row[0].line, column: 1)))
                    continue
                }
                func field(_ c: String) -> String? { columns[c].map { row[$0].text } }
                let id = field("id") ?? ""
                let rawKind = field("kind") ?? ""
                let kind = entityKind(rawKind)
                var attributes: [String: String] = [:]
                for (c, i) in columns where !["id", "label", "kind"].contains(c) { attributes[c] = row[i].text }
                if !rawKind.isEmpty && rawKind != kind { attributes["kind"] = rawKind }
                let label = field("label").flatMap { $0.isEmpty ? nil : $0 }
                entities.append(Entity(id: id, kind: kind, name: label, attributes: attributes,
                                       location: SourceLocation(file: nodesFile, line: row[0].line, column: row[0].column)))
                known.insert(id)
            }
        }

        let rows = try parse(edges, fileName: edgesFile)
        let columns = try header(rows, file: edgesFile, required: ["source", "target"])
        let sourceColumn = columns["source"], targetColumn = columns["target"]
        let weightColumn = columns["weight"], kindColumn = columns["kind"]
        let attributeColumns = columns.filter { !["source", "target", "weight", "kind"].contains($0.key) }
        var relations: [Relation] = []
        relations.reserveCapacity(rows.count)
        for row in rows.dropFirst() where !(row.count == 1 && row[0].text.isEmpty) {
            guard row.count == rows[0].count else {
                problems.append(Diagnostic("expected \(rows[0].count) fields, found \(row.count)",
                                           at: SourceLocation(file: edgesFile, line: row[0].line, column: 1)))
                continue
            }
            func at(_ f: Field) -> SourceLocation { SourceLocation(file: edgesFile, line: f.line, column: f.column) }
            guard let source = sourceColumn.map({ row[$0] }), let target = targetColumn.map({ row[$0] }) else { continue }
            var ok = true
            for end in [source, target] where !known.contains(end.text) {
                if nodes == nil {
                    entities.append(Entity(id: end.text, kind: entityKind(""), location: at(end)))
                    known.insert(end.text)
                } else {
                    problems.append(Diagnostic("'\(end.text)' is not in \(nodesFile)", at: at(end)))
                    ok = false
                }
            }
            var weight: Double?
            if let w = weightColumn.map({ row[$0] }), !w.text.trimmingSpaces.isEmpty {
                if let x = Double(w.text.trimmingSpaces), x.isFinite, x >= 0 { weight = x } else {
                    problems.append(Diagnostic("weight must be a number ≥ 0, found '\(w.text)'", at: at(w)))
                    ok = false
                }
            }
            let rawKind = kindColumn.map { row[$0].text.trimmingSpaces } ?? ""
            let kind: String
            if schema.relationKind(rawKind) != nil {
                kind = rawKind
            } else {
                kind = rawKind.isEmpty || snakeCase(rawKind).isEmpty ? "tie" : snakeCase(rawKind)
                if schema.relationKind(kind) == nil {
                    let phrase = kind == "tie" ? "is tied to" : kind.replacingOccurrences(of: "_", with: " ")
                    schema.add(RelationKind(name: kind, symmetric: !directed, forward: phrase,
                                            inverse: directed ? nil : phrase))
                }
            }
            var attributes: [String: String] = [:]
            for (c, i) in attributeColumns { attributes[c] = row[i].text }
            if ok {
                relations.append(Relation(from: source.text, kind: kind, to: target.text, weight: weight,
                                          attributes: attributes, location: at(row[0])))
            }
        }
        if !problems.isEmpty { throw .invalidGraph(problems) }
        let stem = URL(fileURLWithPath: edgesFile).lastPathComponent
        let graphName = name ?? (stem.lowercased().hasSuffix(".edges.csv") ? String(stem.dropLast(10))
                                 : URL(fileURLWithPath: edgesFile).deletingPathExtension().lastPathComponent)
        do {
            return try Graph(name: graphName, schema: schema, entities: entities, relations: relations)
        } catch {
            throw GraphFormatsError(error)
        }
    }

    /// Column name → index, checking the required columns are present and unique.
    static func header(_ rows: [[Field]], file: String, required: [String]) throws(GraphFormatsError) -> [String: Int] {
        guard let head = rows.first else {
            throw .syntax(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected a header line")
        }
        var columns: [String: Int] = [:]
        for (i, f) in head.enumerated() {
            let name = f.text.trimmingCharacters(in: .whitespaces).lowercased()
            if columns[name] != nil {
                throw .syntax(SourceLocation(file: file, line: f.line, column: f.column), "duplicate column '\(name)'")
            }
            columns[name] = i
        }
        for r in required where columns[r] == nil {
            throw .syntax(SourceLocation(file: file, line: 1, column: 1),
                          "missing column '\(r)' in the header (expected \(required.joined(separator: ",")),…)")
        }
        return columns
    }

    /// `Mr. Hi` → `mr_hi`: lower case, runs of anything but letters and digits become one `_`.
    static func snakeCase(_ s: String) -> String {
        var out = ""
        var pendingUnderscore = false
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingUnderscore && !out.isEmpty { out.append("_") }
                pendingUnderscore = false
                out.append(ch)
            } else {
                pendingUnderscore = true
            }
        }
        return out
    }

    /// Splits RFC 4180 CSV text into rows of fields, each with its 1-based line
    /// and column, with the parser every CSV reader here shares (``CSVParser``).
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` for an unterminated quoted
    ///   field or text after a closing quote.
    /// - Complexity: O(n).
    public static func parse(_ text: String, fileName: String) throws(GraphFormatsError) -> [[Field]] {
        try CSVParser.parse(text, file: fileName).map { record in
            record.map { Field(text: $0.text, line: $0.location.line, column: $0.location.column) }
        }
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's cost when
    /// neither end is a space (the common case).
    /// - Complexity: O(1) when there is nothing to trim, else O(n).
    var trimmingSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !spaceCharacters.contains(first) && !spaceCharacters.contains(last) { return self }
        return trimmingCharacters(in: spaceCharacters)
    }
}

private let spaceCharacters = CharacterSet.whitespaces
