import Foundation
import GraphModel
import Yams

/// Reads the relgraph graph file (YAML; see `format.md`), reporting every
/// problem with its file, line and column.
///
/// The reader composes the YAML into nodes that keep their positions, so each
/// problem points at the value that is wrong: a YAML syntax error, an unknown
/// key, a value of the wrong type, a bad date, a missing field, and then every
/// problem the model's validation finds (duplicate ids, unknown kinds,
/// undefined endpoints, forbidden endpoint kinds, ends before starts…),
/// pointed at the offending key's value where one is known. All problems are
/// collected; reading does not stop at the first.
///
/// Choices:
/// - Unknown keys (at the top level, in entities, relations and schema kinds)
///   are **errors**, with the closest known key suggested: a typo such as
///   `brn:` would otherwise lose data silently. Keys starting with `x_` or `x-`
///   are extensions and are ignored. Free data belongs in `attributes`.
/// - A scalar is accepted where a list of strings is expected (`aliases`,
///   a schema kind's `from`/`to`): `aliases: Bronstein` is one alias.
/// - Numbers and dates written as plain scalars are read from their text, so
///   `name: 1940` is the name "1940" and `born: 1879-11-07` is a partial date.
/// - A plain `null`, `~` or empty value means the key is absent.
/// - Without `name:` the graph is named after the file (its last path
///   component without extension).
public enum YAMLGraphReader {
    /// Reads a graph from YAML (or JSON, which the same reader accepts) text.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - fileName: the path to print in locations, as the user named it.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` for malformed YAML,
    ///   ``GraphFormatsError/invalidGraph(_:)`` with every problem otherwise.
    /// - Complexity: O(n + V + E) for n bytes of text.
    public static func read(_ text: String, fileName: String) throws(GraphFormatsError) -> Graph {
        let result = try check(text, fileName: fileName)
        if let graph = result.graph { return graph }
        throw .invalidGraph(result.diagnostics)
    }

    /// Reads a graph and returns it with every diagnostic (warnings included);
    /// `graph` is `nil` when any diagnostic is an error.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` only for malformed YAML.
    /// - Complexity: O(n + V + E) for n bytes of text.
    public static func check(_ text: String, fileName: String) throws(GraphFormatsError) -> (graph: Graph?, diagnostics: [Diagnostic]) {
        try check(tree: tree(text, fileName: fileName), fileName: fileName)
    }

    /// Reads a graph from a located tree (YAML's, or JSON's).
    static func check(tree: GraphNode?, fileName: String) -> (graph: Graph?, diagnostics: [Diagnostic]) {
        var reader = Reader(file: fileName)
        return reader.graph(from: tree)
    }

    /// The document's located tree: the block-style fast path when the text is
    /// within its subset, else Yams (libyaml) with alias expansion bounded.
    /// - Complexity: O(n) for n bytes (alias expansion is bounded by 10 n nodes).
    static func tree(_ text: String, fileName: String) throws(GraphFormatsError) -> GraphNode? {
        if let fast = FastYAML.parse(text) { return fast }
        return try fullTree(text, fileName: fileName)
    }

    /// The located tree by Yams (libyaml), whatever the text's shape.
    static func fullTree(_ text: String, fileName: String) throws(GraphFormatsError) -> GraphNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text, fileName: fileName)
        } catch {
            throw .syntax(SourceLocation(file: fileName, line: 1, column: 1), "cannot parse YAML: \(error)")
        }
        guard let root else { return nil }
        var converter = GraphNode.FromYams(file: fileName, bytes: text.utf8.count)
        return try converter.convert(root)
    }

    /// libyaml's problem text without the names of its C functions, which mean
    /// nothing to a reader of the file.
    static func plainWords(_ problem: String) -> String {
        if problem.contains("Maximum nesting level reached") {
            return "the document nests lists and mappings more than 1,000 levels deep"
        }
        guard problem.contains("yaml_") else { return problem }
        return problem.split(separator: " ").filter { !$0.contains("yaml_") }.joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
    }

    /// Maps a Yams error to a located syntax error.
    static func syntaxError(_ error: YamlError, text: String, fileName: String) -> GraphFormatsError {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: fileName, line: max(mark.line, 1), column: max(mark.column, 1))
        }
        func withContext(_ problem: String, _ context: YamlError.Context?) -> String {
            let problem = plainWords(problem)
            guard let context else { return "YAML syntax error: \(problem)" }
            return "YAML syntax error: \(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return .syntax(at(mark), withContext(problem, context))
        case let .reader(problem, offset, _, yaml):
            var line = 1, column = 1
            if let offset {
                for ch in yaml.prefix(offset) {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return .syntax(SourceLocation(file: fileName, line: line, column: column), "cannot read the text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .syntax(at(context.mark), "duplicate key \(keys) in the same mapping")
        default:
            return .syntax(SourceLocation(file: fileName, line: 1, column: 1), "YAML error: \(error)")
        }
    }
}

/// The keys each part of the file may hold.
enum GraphFileKeys {
    static let topLevel = ["relgraph", "name", "description", "sources", "schema", "entities", "relations"]
    static let schema = ["entity_kinds", "relation_kinds", "contradictions"]
    static let source = ["id", "title", "path", "locators"]
    static let entityKind = ["shape", "color"]
    static let relationKind = ["from", "to", "forward", "inverse", "symmetric", "color", "style"]
    static let startKeys = ["born", "founded", "start"]
    static let endKeys = ["died", "dissolved", "end"]
    static let entity = ["id", "kind", "name", "aliases", "description", "attributes"] + startKeys + endKeys
    static let relation = ["from", "kind", "to", "date", "start", "end", "evidence", "source", "weight",
                           "confidence", "attributes"]
}

private struct Reader {
    let file: String
    var problems: [Diagnostic] = []
    /// Every entity and relation mapping, by where it starts (line and column
    /// packed in one integer): where each of its keys' values is, looked up only
    /// for the few items a model diagnostic names.
    var itemNodes: [Int: (pairs: GraphNode.Pairs, isEntity: Bool)] = [:]
    /// Ids of entities that were named but could not be built (their relations
    /// would otherwise also report "undefined entity").
    var brokenIDs: Set<String> = []
    /// Where each schema kind's fields are, for located schema problems.
    var schemaMarks: [String: SourceLocation] = [:]

    init(file: String) { self.file = file }

    // MARK: GraphNode helpers

    func loc(_ node: GraphNode) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: max(Int(mark.line), 1), column: max(Int(mark.column), 1))
    }

    mutating func error(_ message: String, at node: GraphNode, code: DiagnosticCode? = nil, key: String? = nil) {
        problems.append(Diagnostic(message, at: loc(node), code: code, key: key))
    }

    static func describe(_ node: GraphNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return isNull(s) ? "nothing" : "'\(s.string)'"
        }
    }

    static func isNull(_ s: GraphNode.Scalar) -> Bool {
        s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func isNull(_ node: GraphNode?) -> Bool {
        guard let node else { return true }
        if case .scalar(let s) = node { return isNull(s) }
        return false
    }

    /// The text of a scalar; `nil` (with an error) when the node is not one.
    mutating func string(_ node: GraphNode, for key: String) -> String? {
        if case .scalar(let s) = node, !Reader.isNull(s) { return s.string }
        if Reader.isNull(node) { return nil }
        error("'\(key)' must be text, found \(Reader.describe(node))", at: node)
        return nil
    }

    mutating func stringList(_ node: GraphNode, for key: String) -> [String]? {
        switch node {
        case .scalar(let s):
            return Reader.isNull(s) ? nil : [s.string]
        case .sequence(let seq, _):
            var out: [String] = []
            for item in seq {
                if case .scalar(let s) = item, !Reader.isNull(s) { out.append(s.string) } else {
                    error("every item of '\(key)' must be text, found \(Reader.describe(item))", at: item)
                }
            }
            return out
        default:
            error("'\(key)' must be a list of text, found \(Reader.describe(node))", at: node)
            return nil
        }
    }

    mutating func attributes(_ node: GraphNode) -> [String: String] {
        if Reader.isNull(node) { return [:] }
        guard case .mapping(let m, _) = node else {
            error("'attributes' must be a mapping of names to text, found \(Reader.describe(node))", at: node)
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                error("attribute names must be text, found \(Reader.describe(k))", at: k)
                continue
            }
            switch v {
            case .scalar(let vs): out[ks.string] = Reader.isNull(vs) ? "" : vs.string
            default: error("attribute '\(ks.string)' must be text, found \(Reader.describe(v))", at: v)
            }
        }
        return out
    }

    mutating func date(_ node: GraphNode, for key: String) -> PartialDate? {
        guard let text = string(node, for: key) else { return nil }
        if let d = Reader.isoDate(text) ?? PartialDate(text) { return d }
        error("'\(key)' has a bad date '\(text)': expected YYYY, YYYY-MM or YYYY-MM-DD", at: node)
        return nil
    }

    mutating func number(_ node: GraphNode, for key: String) -> Double? {
        if case .scalar = node {} else {
            error("'\(key)' must be a number, found \(Reader.describe(node))", at: node)
            return nil
        }
        guard let text = string(node, for: key) else { return nil }
        let padded = text.unicodeScalars.first.map(CharacterSet.whitespaces.contains) == true
            || text.unicodeScalars.last.map(CharacterSet.whitespaces.contains) == true
        if let d = Double(padded ? text.trimmingCharacters(in: .whitespaces) : text), d.isFinite { return d }
        error("'\(key)' must be a number, found '\(text)'", at: node)
        return nil
    }

    mutating func bool(_ node: GraphNode, for key: String) -> Bool? {
        guard let text = string(node, for: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("'\(key)' must be true or false, found '\(text)'", at: node)
            return nil
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits, the shapes files
    /// hold, without the general parser's trimming and splitting (the same
    /// date `PartialDate(text)` gives); `nil` for any other text.
    static func isoDate(_ text: String) -> PartialDate? {
        var text = text
        return text.withUTF8 { b -> PartialDate? in
            guard b.count == 4 || b.count == 7 || b.count == 10 else { return nil }
            func digits(_ from: Int, _ count: Int) -> Int? {
                var v = 0
                for i in from..<(from + count) {
                    let c = b[i] &- UInt8(ascii: "0")
                    guard c <= 9 else { return nil }
                    v = v * 10 + Int(c)
                }
                return v
            }
            guard let year = digits(0, 4) else { return nil }
            if b.count == 4 { return PartialDate(year: year) }
            guard b[4] == UInt8(ascii: "-"), let month = digits(5, 2) else { return nil }
            if b.count == 7 { return PartialDate(year: year, month: month) }
            guard b[7] == UInt8(ascii: "-"), let day = digits(8, 2) else { return nil }
            return PartialDate(year: year, month: month, day: day)
        }
    }

    /// The mapping's pairs by key, reporting non-text keys and unknown keys.
    mutating func fields(_ m: GraphNode.Pairs, allowed: [String], what: String) -> Fields {
        var out = Fields()
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                error("\(what) keys must be text, found \(Reader.describe(k))", at: k)
                continue
            }
            let name = ks.string
            if allowed.contains(name) {
                out[name] = (k, v)
            } else if !(name.hasPrefix("x_") || name.hasPrefix("x-")) {
                let hint = YAMLGraphReader.closest(name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                error("unknown key '\(name)' in \(what) (known: \(allowed.joined(separator: ", ")))\(hint)", at: k)
            }
        }
        return out
    }

    // MARK: The file

    mutating func graph(from root: GraphNode?) -> (graph: Graph?, diagnostics: [Diagnostic]) {
        guard let root, case .mapping(let top, _) = root else {
            let at = root.map(loc) ?? SourceLocation(file: file, line: 1, column: 1)
            problems.append(Diagnostic(
                "a graph file must be a mapping with 'entities' and 'relations', found \(root.map(Reader.describe) ?? "an empty file")",
                at: at))
            return (nil, problems)
        }
        let f = fields(top, allowed: GraphFileKeys.topLevel, what: "the graph file")
        if let v = f["relgraph"]?.value, let text = string(v, for: "relgraph"), text != "1" {
            error("unsupported format version '\(text)' (this relgraph reads version 1)", at: v)
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let name = f["name"].flatMap { string($0.value, for: "name") } ?? (stem.isEmpty ? "graph" : stem)
        let description = f["description"].flatMap { string($0.value, for: "description") }
        let schema = Schema.standard.merging(f["schema"].map { schemaAdditions($0.value) } ?? Schema())
        let sources = f["sources"].map { self.sources($0.value) } ?? []

        var entities: [Entity] = []
        if let v = f["entities"]?.value, !Reader.isNull(v) {
            if case .sequence(let seq, _) = v {
                for item in seq { if let e = entity(item) { entities.append(e) } }
            } else {
                error("'entities' must be a list, found \(Reader.describe(v))", at: v)
            }
        }
        var relations: [Relation] = []
        if let v = f["relations"]?.value, !Reader.isNull(v) {
            if case .sequence(let seq, _) = v {
                for item in seq { if let r = relation(item) { relations.append(r) } }
            } else {
                error("'relations' must be a list, found \(Reader.describe(v))", at: v)
            }
        }

        // The model validates once: a graph without reader errors is built (its
        // init validates and lists every problem when it throws); otherwise the
        // same checks run only to list their problems.
        var modelProblems: [Diagnostic] = []
        if !problems.contains(where: { $0.severity == .error }) {
            do {
                var g = try Graph(name: name, description: description, schema: schema, entities: entities, relations: relations)
                g.sources = sources
                return (g, Reader.sortedByLocation(problems))
            } catch {
                modelProblems = error.diagnostics
            }
        } else {
            modelProblems = Graph.validate(schema: schema, entities: entities, relations: relations)
        }
        // The schema problems this reader reported at their values, by code and key.
        let mine = Set(problems.compactMap { p in p.code.map { "\($0.rawValue) \(p.key ?? "")" } })
        for d in modelProblems {
            if let refined = refine(d) {
                // Schema problems carry no location in the model; this reader already
                // reported the same problem (same code, same kind and field) at the offending value.
                if refined.location == nil, let code = refined.code, mine.contains("\(code.rawValue) \(refined.key ?? "")") {
                    continue
                }
                problems.append(refined)
            }
        }
        return (nil, Reader.sortedByLocation(problems))
    }

    /// Diagnostics by line and column (unlocated first), keeping their order otherwise.
    static func sortedByLocation(_ problems: [Diagnostic]) -> [Diagnostic] {
        problems.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            switch (la, lb) {
            case let (x?, y?):
                if x.line != y.line { return x.line < y.line }
                if x.column != y.column { return x.column < y.column }
                return a.offset < b.offset
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    static func packed(_ at: SourceLocation) -> Int { at.line << 24 | at.column }

    /// Where each key's value is in an entity or relation mapping; a date under
    /// any of its synonyms (born/founded/start, died/dissolved/end) also counts
    /// as `start`/`end`, the first one written winning.
    func marks(_ pairs: GraphNode.Pairs, isEntity: Bool) -> [String: SourceLocation] {
        var marks: [String: SourceLocation] = [:]
        for (k, v) in pairs {
            guard case .scalar(let ks) = k else { continue }
            if marks[ks.string] == nil { marks[ks.string] = loc(v) }
            for (synonyms, canonical) in [(GraphFileKeys.startKeys, "start"), (GraphFileKeys.endKeys, "end")]
            where isEntity && synonyms.contains(ks.string) && marks["_" + canonical] == nil {
                marks["_" + canonical] = loc(v)
            }
        }
        if let s = marks["_start"] { marks["start"] = s }
        if let e = marks["_end"] { marks["end"] = e }
        return marks
    }

    /// Points a model diagnostic at the key whose value is wrong; drops the ones
    /// that only repeat a problem already reported (an endpoint that failed to parse).
    func refine(_ d: Diagnostic) -> Diagnostic? {
        guard let at = d.location, at.file == file, let item = itemNodes[Reader.packed(at)] else { return d }
        let pairs = item.pairs
        let marks = marks(pairs, isEntity: item.isEntity)
        func endpoint(_ key: String) -> String? {
            for (k, v) in pairs {
                if case .scalar(let ks) = k, ks.string == key, case .scalar(let vs) = v { return vs.string }
            }
            return nil
        }
        // The model names the key concerned (never read from the message's text).
        var key: String?
        switch d.code {
        case .duplicateID?, .emptyID?, .unknownEntityKind?, .unknownRelationKind?, .forbiddenEndpoints?,
             .endsBeforeStart?, .dateAndSpan?, .weightOutOfRange?, .confidenceOutOfRange?:
            key = d.key
        case .undefinedEndpoint?:
            // An endpoint whose entity failed to parse was reported already.
            if let end = d.key, let id = endpoint(end), brokenIDs.contains(id) { return nil }
            key = d.key
        default:
            key = nil
        }
        var out = d
        if let key, let precise = marks[key] { out.location = precise }
        return out
    }

    // MARK: Schema

    mutating func schemaAdditions(_ node: GraphNode) -> Schema {
        var schema = Schema()
        if Reader.isNull(node) { return schema }
        guard case .mapping(let m, _) = node else {
            error("'schema' must be a mapping with 'entity_kinds' and/or 'relation_kinds', found \(Reader.describe(node))", at: node)
            return schema
        }
        let f = fields(m, allowed: GraphFileKeys.schema, what: "the schema")
        var entityKindNames = Set(Schema.standard.entityKinds.map(\.name))
        if let v = f["entity_kinds"]?.value, !Reader.isNull(v) {
            if case .mapping(let kinds, _) = v {
                for (k, body) in kinds {
                    guard case .scalar(let ks) = k, !Reader.isNull(ks) else {
                        error("entity kind names must be text, found \(Reader.describe(k))", at: k)
                        continue
                    }
                    if let kind = entityKind(ks.string, body) { schema.add(kind); entityKindNames.insert(kind.name) }
                }
            } else {
                error("'entity_kinds' must be a mapping of kind names to {shape, color}, found \(Reader.describe(v))", at: v)
            }
        }
        if let v = f["relation_kinds"]?.value, !Reader.isNull(v) {
            if case .mapping(let kinds, _) = v {
                for (k, body) in kinds {
                    guard case .scalar(let ks) = k, !Reader.isNull(ks) else {
                        error("relation kind names must be text, found \(Reader.describe(k))", at: k)
                        continue
                    }
                    if let kind = relationKind(ks.string, body, entityKinds: entityKindNames) { schema.add(kind) }
                }
            } else {
                error("'relation_kinds' must be a mapping of kind names to their definitions, found \(Reader.describe(v))", at: v)
            }
        }
        if let v = f["contradictions"]?.value { contradictions(v, into: &schema) }
        return schema
    }

    /// `contradictions: [[ally_of, opposed], …]`: pairs of relation kinds, each known.
    mutating func contradictions(_ node: GraphNode, into schema: inout Schema) {
        if Reader.isNull(node) { return }
        guard case .sequence(let pairs, _) = node else {
            error("'contradictions' must be a list of pairs of relation kinds, such as [ally_of, opposed], found \(Reader.describe(node))", at: node)
            return
        }
        for pair in pairs {
            guard case .sequence(let items, _) = pair, items.count == 2,
                  case .scalar(let a) = items[0], case .scalar(let b) = items[1],
                  !Reader.isNull(a), !Reader.isNull(b)
            else {
                error("each contradiction must be a pair of relation kinds, such as [ally_of, opposed], found \(Reader.describe(pair))", at: pair)
                continue
            }
            var ok = true
            for (item, k) in [(items[0], a.string), (items[1], b.string)]
            where Schema.standard.relationKind(k) == nil && schema.relationKind(k) == nil {
                error("contradiction names unknown relation kind '\(k)'", at: item)
                ok = false
            }
            if ok { schema.addContradiction(a.string, b.string) }
        }
    }

    // MARK: Sources

    /// `sources:`: a list of {id, title, path, locators}; ids unique.
    mutating func sources(_ node: GraphNode) -> [GraphSource] {
        if Reader.isNull(node) { return [] }
        guard case .sequence(let items, _) = node else {
            error("'sources' must be a list of {id, title, path, locators}, found \(Reader.describe(node))", at: node)
            return []
        }
        var out: [GraphSource] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard case .mapping(let m, _) = item else {
                error("each source must be a mapping (id:, title:, path:, locators:), found \(Reader.describe(item))", at: item)
                continue
            }
            let f = fields(m, allowed: GraphFileKeys.source, what: "a source")
            guard let id = f["id"].flatMap({ string($0.value, for: "id") }) else {
                error("source is missing 'id'", at: item)
                continue
            }
            if let first = seen[id] {
                error("duplicate source id '\(id)' (first declared at \(first))", at: f["id"]!.value)
                continue
            }
            seen[id] = loc(item)
            var locators = GraphSource.Locators.sentences
            if let v = f["locators"]?.value, let text = string(v, for: "locators") {
                if let l = GraphSource.Locators(rawValue: text) { locators = l } else {
                    error("unknown locators '\(text)' (known: \(GraphSource.Locators.allCases.map(\.rawValue).joined(separator: ", ")))", at: v)
                }
            }
            out.append(GraphSource(
                id: id, title: f["title"].flatMap { string($0.value, for: "title") },
                path: f["path"].flatMap { string($0.value, for: "path") }, locators: locators, location: loc(item)))
        }
        return out
    }

    mutating func entityKind(_ name: String, _ body: GraphNode) -> EntityKind? {
        var kind = Schema.standard.entityKind(name) ?? EntityKind(name: name)
        if Reader.isNull(body) { return kind }
        guard case .mapping(let m, _) = body else {
            error("entity kind '\(name)' must be a mapping {shape, color}, found \(Reader.describe(body))", at: body)
            return nil
        }
        let f = fields(m, allowed: GraphFileKeys.entityKind, what: "entity kind '\(name)'")
        if let v = f["shape"]?.value, let s = string(v, for: "shape") {
            kind.shape = s
            if !Schema.allowedShapes.contains(s) {
                error("entity kind '\(name)' has unknown shape '\(s)'", at: v, code: .unknownShape, key: "entity_kinds.\(name).shape")
            }
        }
        if let v = f["color"]?.value, let s = string(v, for: "color") {
            kind.color = s
            if !Schema.isValidColor(s) {
                error("entity kind '\(name)' has colour '\(s)', expected #rrggbb", at: v, code: .invalidColor,
                      key: "entity_kinds.\(name).color")
            }
        }
        return kind
    }

    mutating func relationKind(_ name: String, _ body: GraphNode, entityKinds: Set<String>) -> RelationKind? {
        if Reader.isNull(body) { return Schema.standard.relationKind(name) ?? RelationKind(name: name) }
        guard case .mapping(let m, _) = body else {
            error("relation kind '\(name)' must be a mapping, found \(Reader.describe(body))", at: body)
            return nil
        }
        let f = fields(m, allowed: GraphFileKeys.relationKind, what: "relation kind '\(name)'")
        var from: Set<String>?, to: Set<String>?
        for key in ["from", "to"] {
            guard let v = f[key]?.value, let list = stringList(v, for: key) else { continue }
            for k in list where !entityKinds.contains(k) {
                error("relation kind '\(name)' names unknown entity kind '\(k)'", at: v, code: .unknownEndpointKind,
                      key: "relation_kinds.\(name).\(k)")
            }
            if key == "from" { from = Set(list) } else { to = Set(list) }
        }
        let forward = f["forward"].flatMap { string($0.value, for: "forward") }
        let inverse = f["inverse"].flatMap { string($0.value, for: "inverse") }
        let symmetric = f["symmetric"].flatMap { bool($0.value, for: "symmetric") }
        let color = f["color"].flatMap { string($0.value, for: "color") }
        let style = f["style"].flatMap { string($0.value, for: "style") }
        if let color, let v = f["color"]?.value, !Schema.isValidColor(color) {
            error("relation kind '\(name)' has colour '\(color)', expected #rrggbb", at: v, code: .invalidColor,
                  key: "relation_kinds.\(name).color")
        }
        if let style, let v = f["style"]?.value, !Schema.allowedStyles.contains(style) {
            error("relation kind '\(name)' has unknown style '\(style)' (use \(Schema.allowedStyles.sorted().joined(separator: ", ")))", at: v,
                  code: .unknownStyle, key: "relation_kinds.\(name).style")
        }
        if var kind = Schema.standard.relationKind(name) {
            // Redefining a built-in kind: unspecified fields keep their built-in values.
            if f["from"] != nil { kind.fromKinds = from }
            if f["to"] != nil { kind.toKinds = to }
            if let forward { kind.forward = forward }
            if let inverse { kind.inverse = inverse }
            if let symmetric { kind.symmetric = symmetric }
            if let color { kind.color = color }
            if let style { kind.style = style }
            return kind
        }
        return RelationKind(
            name: name, symmetric: symmetric ?? false, from: from, to: to, forward: forward, inverse: inverse,
            color: color ?? "#4b5563", style: style ?? "solid")
    }

    // MARK: Entities and relations

    mutating func entity(_ node: GraphNode) -> Entity? {
        guard case .mapping(let m, _) = node else {
            error("each entity must be a mapping (id:, kind:, name:…), found \(Reader.describe(node))", at: node)
            return nil
        }
        let at = loc(node)
        let f = fields(m, allowed: GraphFileKeys.entity, what: "an entity")
        let id = f["id"].flatMap { string($0.value, for: "id") }
        let kind = f["kind"].flatMap { string($0.value, for: "kind") }
        if id == nil { error("entity is missing 'id'", at: node) }
        if kind == nil { error("entity\(id.map { " '\($0)'" } ?? "") is missing 'kind'", at: node) }
        let name = f["name"].flatMap { string($0.value, for: "name") }
        let aliases = f["aliases"].flatMap { stringList($0.value, for: "aliases") } ?? []
        let description = f["description"].flatMap { string($0.value, for: "description") }
        let attrs = f["attributes"].map { attributes($0.value) } ?? [:]
        let start = synonymDate(f, GraphFileKeys.startKeys, as: "start")
        let end = synonymDate(f, GraphFileKeys.endKeys, as: "end")
        guard let id, let kind else {
            if let id { brokenIDs.insert(id) }
            return nil
        }
        itemNodes[Reader.packed(at)] = (m, true)
        return Entity(id: id, kind: kind, name: name, aliases: aliases, start: start, end: end,
                      description: description, attributes: attrs, location: at)
    }

    /// One of several synonym keys (born/founded/start); more than one is an error.
    mutating func synonymDate(
        _ f: Fields, _ keys: [String], as canonical: String
    ) -> PartialDate? {
        let present = keys.compactMap { k in f[k].map { (k, $0) } }.sorted { a, b in
            let la = loc(a.1.key), lb = loc(b.1.key)
            return (la.line, la.column) < (lb.line, lb.column)
        }
        guard let first = present.first else { return nil }
        for extra in present.dropFirst() {
            error("'\(extra.0)' and '\(first.0)' both give the \(canonical) date; keep one", at: extra.1.key)
        }
        return date(first.1.value, for: first.0)
    }

    mutating func relation(_ node: GraphNode) -> Relation? {
        guard case .mapping(let m, _) = node else {
            error("each relation must be a mapping (from:, kind:, to:…), found \(Reader.describe(node))", at: node)
            return nil
        }
        let at = loc(node)
        let f = fields(m, allowed: GraphFileKeys.relation, what: "a relation")
        let from = f["from"].flatMap { string($0.value, for: "from") }
        let kind = f["kind"].flatMap { string($0.value, for: "kind") }
        let to = f["to"].flatMap { string($0.value, for: "to") }
        for (key, value) in [("from", from), ("kind", kind), ("to", to)] where value == nil {
            error("relation is missing '\(key)'", at: node)
        }
        let date = f["date"].flatMap { self.date($0.value, for: "date") }
        let start = f["start"].flatMap { self.date($0.value, for: "start") }
        let end = f["end"].flatMap { self.date($0.value, for: "end") }
        let text = f["evidence"].flatMap { string($0.value, for: "evidence") }
        let source = f["source"].flatMap { string($0.value, for: "source") }
        let weight = f["weight"].flatMap { number($0.value, for: "weight") }
        let confidence = f["confidence"].flatMap { number($0.value, for: "confidence") }
        let attrs = f["attributes"].map { attributes($0.value) } ?? [:]
        guard let from, let kind, let to else { return nil }
        itemNodes[Reader.packed(at)] = (m, false)
        let evidence = (text == nil && source == nil) ? nil : Evidence(text ?? "", source: source)
        return Relation(from: from, kind: kind, to: to, date: date, start: start, end: end, evidence: evidence,
                        weight: weight, confidence: confidence, attributes: attrs, location: at)
    }
}

/// A mapping's known keys with their key and value nodes, in file order:
/// a handful per mapping, so a list searched linearly beats a dictionary.
struct Fields: Sequence {
    typealias Entry = (key: GraphNode, value: GraphNode)
    private var names: [String] = []
    private var entries: [Entry] = []

    init() {
        names.reserveCapacity(8)
        entries.reserveCapacity(8)
    }

    subscript(name: String) -> Entry? {
        get {
            var i = 0
            while i < names.count {
                if names[i] == name { return entries[i] }
                i += 1
            }
            return nil
        }
        set {
            if let i = names.firstIndex(of: name) {
                if let newValue { entries[i] = newValue } else { names.remove(at: i); entries.remove(at: i) }
            } else if let newValue {
                names.append(name)
                entries.append(newValue)
            }
        }
    }

    func makeIterator() -> Zip2Sequence<[String], [Entry]>.Iterator { zip(names, entries).makeIterator() }
}

extension YAMLGraphReader {
    /// The closest candidate by edit distance, if it is close enough to be a likely typo.
    static func closest(_ word: String, in candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            var prev = Array(0...b.count)
            for i in 1...a.count {
                var cur = [i] + Array(repeating: 0, count: b.count)
                for j in 1...b.count {
                    let substitution: Int = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let edit: Int = min(prev[j], cur[j - 1]) + 1
                    cur[j] = min(edit, substitution)
                }
                prev = cur
            }
            return prev[b.count]
        }
        let w = Array(word.lowercased())
        let limit = max(1, min(3, w.count / 3))
        var best: (name: String, cost: Int)?
        for c in candidates {
            let cost = distance(w, Array(c.lowercased()))
            guard cost <= limit else { continue }
            if let b = best, b.cost < cost || (b.cost == cost && b.name <= c) { continue }
            best = (c, cost)
        }
        return best?.name
    }
}
