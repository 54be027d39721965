import GraphModel
import Yams

/// A located YAML (or JSON) node: what ``YAMLGraphReader`` reads a graph
/// file from, whichever parser built it — the block-style fast path
/// (``FastYAML``), Yams/libyaml for everything else, or the located JSON tree.
enum GraphNode {
    typealias Pairs = [(GraphNode, GraphNode)]

    /// Where a node starts: line and column from 1, columns in Unicode scalars
    /// (as libyaml counts them).
    struct Mark: Equatable {
        var line: Int32
        var column: Int32
    }

    struct Scalar {
        enum Style { case plain, quoted }
        var string: String
        /// Only plain scalars can mean null (`~`, `null`, nothing).
        var style: Style
        var mark: Mark
    }

    case scalar(Scalar)
    case mapping(Pairs, Mark)
    case sequence([GraphNode], Mark)

    var mark: Mark {
        switch self {
        case .scalar(let s): return s.mark
        case .mapping(_, let m), .sequence(_, let m): return m
        }
    }
}

extension GraphNode {
    /// Converts Yams' tree, counting nodes after alias expansion: an alias is a
    /// second copy of its anchor's node, so a few kilobytes of nested aliases
    /// ("billion laughs") would stand for billions of nodes.
    struct FromYams {
        let file: String
        /// Nodes still allowed.
        var budget: Int
        let limit: Int
        let bytes: Int

        /// The bound: every node of a file without aliases takes at least one
        /// byte, so ten nodes per byte (and at least 100,000) leaves room for
        /// ordinary use of anchors and aliases.
        init(file: String, bytes: Int) {
            self.file = file
            self.bytes = bytes
            limit = max(100_000, 10 * bytes)
            budget = limit
        }

        /// - Complexity: O(min(N, limit)) for N nodes after alias expansion.
        mutating func convert(_ node: Yams.Node) throws(GraphFormatsError) -> GraphNode {
            budget -= 1
            let mark = node.mark.map { Mark(line: Int32(clamping: $0.line), column: Int32(clamping: $0.column)) }
                ?? Mark(line: 1, column: 1)
            if budget < 0 {
                throw .syntax(
                    SourceLocation(file: file, line: max(Int(mark.line), 1), column: max(Int(mark.column), 1)),
                    "aliases expand this file to more than \(limit) values (it has \(bytes) bytes); "
                        + "a graph file may hold at most ten values per byte after aliases are expanded")
            }
            switch node {
            case .scalar(let s):
                return .scalar(Scalar(string: s.string, style: s.style == .plain ? .plain : .quoted, mark: mark))
            case .mapping(let m):
                var pairs: Pairs = []
                pairs.reserveCapacity(m.count)
                for (k, v) in m { pairs.append((try convert(k), try convert(v))) }
                return .mapping(pairs, mark)
            case .sequence(let seq):
                var items: [GraphNode] = []
                items.reserveCapacity(seq.count)
                for item in seq { items.append(try convert(item)) }
                return .sequence(items, mark)
            case .alias:
                throw .syntax(
                    SourceLocation(file: file, line: max(Int(mark.line), 1), column: max(Int(mark.column), 1)),
                    "YAML syntax error: an alias that names no anchor")
            }
        }
    }

    /// The located JSON tree as graph nodes: strings are quoted scalars (a JSON
    /// string "null" is text), numbers and booleans plain scalars of their
    /// text, `null` the plain null. A name given twice in one object is an
    /// error, as YAML has it: "duplicate key 'k' in the same mapping" at the
    /// first occurrence of the first such name (in sorted order), inner objects first.
    /// - Complexity: O(N log N) worst case for N JSON values (O(N) without duplicates).
    init(json: LocatedJSON) throws(GraphFormatsError) {
        func mark(_ at: SourceLocation) -> Mark { Mark(line: Int32(clamping: at.line), column: Int32(clamping: at.column)) }
        let here = mark(json.location)
        switch json.value {
        case .object(let members):
            var pairs: Pairs = []
            pairs.reserveCapacity(members.count)
            var seen = Set<String>()
            var duplicated: [String: SourceLocation] = [:]
            for (i, member) in members.enumerated() {
                let keyAt = i < json.keyLocations.count ? json.keyLocations[i] : member.value.location
                let value = try GraphNode(json: member.value)
                if !seen.insert(member.key).inserted, duplicated[member.key] == nil {
                    let first = members.firstIndex { $0.key == member.key } ?? i
                    duplicated[member.key] = first < json.keyLocations.count ? json.keyLocations[first] : keyAt
                }
                pairs.append((.scalar(Scalar(string: member.key, style: .quoted, mark: mark(keyAt))), value))
            }
            if !duplicated.isEmpty {
                let names = duplicated.keys.sorted()
                throw .syntax(duplicated[names[0]]!, "duplicate key \(names.map { "'\($0)'" }.joined(separator: ", ")) in the same mapping")
            }
            self = .mapping(pairs, here)
        case .array(let items):
            var nodes: [GraphNode] = []
            nodes.reserveCapacity(items.count)
            for item in items { nodes.append(try GraphNode(json: item)) }
            self = .sequence(nodes, here)
        case .string(let s): self = .scalar(Scalar(string: s, style: .quoted, mark: here))
        case .number(let n): self = .scalar(Scalar(string: n, style: .plain, mark: here))
        case .bool(let b): self = .scalar(Scalar(string: b ? "true" : "false", style: .plain, mark: here))
        case .null: self = .scalar(Scalar(string: "null", style: .plain, mark: here))
        }
    }
}
