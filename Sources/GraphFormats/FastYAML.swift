/// A hand-written scanner for the block-style YAML subset that relgraph writes
/// and that people write by hand: block mappings and sequences indented with
/// spaces, plain keys, plain / single-quoted / double-quoted scalars on one
/// line, flow lists and flow mappings of scalars (over several lines too), and
/// comments. It builds the located ``GraphNode`` tree directly from the bytes,
/// with the same marks libyaml gives (line and column from 1, columns in
/// Unicode scalars).
///
/// Anything outside the subset — anchors and aliases, tags, block scalars
/// (`|`, `>`), multi-line plain or quoted scalars, `---` / `...` / directives,
/// tabs in indentation, complex or quoted keys, duplicate keys, characters
/// YAML refuses, and every syntax error — makes ``parse(_:)`` return `nil`,
/// and the caller reads the file with the full YAML parser, which gives its
/// own located errors. So the fast path never decides what an error is.
enum FastYAML {
    /// The document's root, or `nil` when the text is outside the subset.
    /// - Complexity: O(n) for n bytes.
    static func parse(_ text: String) -> GraphNode? {
        var text = text
        return text.withUTF8 { buf -> GraphNode? in
            var s = Scanner(b: buf)
            do throws(Fallback) {
                try s.checkCharacters()
                return try s.document()
            } catch {
                return nil
            }
        }
    }

    struct Fallback: Error {}

    struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        var p = 0
        var line: Int32 = 1
        var lineStart = 0
        /// Nested collections open now; deep documents go to the full parser (which bounds them).
        var depth = 0
        static let maxDepth = 200

        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")
        static let hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
        static let comma = UInt8(ascii: ","), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")

        @inline(__always) func at(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

        /// Characters YAML refuses, or reads as line breaks, send the file to the full parser.
        func checkCharacters() throws(Fallback) {
            var i = 0
            let n = b.count
            if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { throw Fallback() }
            while i < n {
                let c = b[i]
                if c < 0x20 {
                    if c != Scanner.newline && c != Scanner.tab { throw Fallback() }
                } else if c == 0x7F {
                    throw Fallback()
                } else if c == 0xC2 {
                    if i + 1 < n, b[i + 1] >= 0x80 && b[i + 1] <= 0x9F { throw Fallback() }  // C1 controls, NEL
                } else if c == 0xE2 {
                    if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { throw Fallback() }  // LS, PS
                } else if c == 0xEF {
                    if i + 2 < n, b[i + 1] == 0xBF, b[i + 2] >= 0xBE { throw Fallback() }  // U+FFFE, U+FFFF
                    if i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { throw Fallback() }  // a BOM inside
                }
                i += 1
            }
        }

        /// The column (from 1, in Unicode scalars) of byte offset `i` on the current line.
        func column(_ i: Int) -> Int32 {
            var col: Int32 = 1
            var k = lineStart
            while k < i {
                if b[k] & 0xC0 != 0x80 { col += 1 }
                k += 1
            }
            return col
        }

        func mark(_ i: Int) -> GraphNode.Mark { GraphNode.Mark(line: line, column: column(i)) }

        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        }

        mutating func newLine(after i: Int) {
            p = i + 1
            line += 1
            lineStart = p
        }

        /// From the start of a line, skips blank and comment-only lines; returns
        /// the indentation of the next content line (`p` at its start), or -1 at the end.
        mutating func nextContentLine() throws(Fallback) -> Int {
            while p < b.count {
                var i = p
                while i < b.count && b[i] == Scanner.space { i += 1 }
                if i >= b.count { p = i; return -1 }
                let c = b[i]
                if c == Scanner.newline { newLine(after: i); continue }
                if c == Scanner.hash { skipToLineEnd(i); continue }
                if c == Scanner.tab { throw Fallback() }
                let indent = i - p
                if indent == 0 {
                    // Document markers and directives.
                    if (c == Scanner.dash || c == UInt8(ascii: ".")) && at(i + 1) == c && at(i + 2) == c { throw Fallback() }
                    if c == UInt8(ascii: "%") { throw Fallback() }
                }
                return indent
            }
            return -1
        }

        mutating func skipToLineEnd(_ from: Int) {
            var i = from
            while i < b.count && b[i] != Scanner.newline { i += 1 }
            if i < b.count { newLine(after: i) } else { p = i }
        }

        /// After a value: spaces, an optional comment, then the line's end.
        mutating func endOfLine(_ from: Int) throws(Fallback) {
            var i = from
            while i < b.count && (b[i] == Scanner.space || b[i] == Scanner.tab) { i += 1 }
            if i >= b.count { p = i; return }
            if b[i] == Scanner.hash && i > from { skipToLineEnd(i); return }
            if b[i] != Scanner.newline { throw Fallback() }
            newLine(after: i)
        }

        mutating func document() throws(Fallback) -> GraphNode {
            let indent = try nextContentLine()
            guard indent == 0 else { throw Fallback() }
            if isSequenceEntry(p) { throw Fallback() }
            let root = try mapping(indent: 0, keyAt: p)
            if try nextContentLine() != -1 { throw Fallback() }
            return root
        }

        func isSequenceEntry(_ i: Int) -> Bool {
            b[i] == Scanner.dash && (i + 1 >= b.count || b[i + 1] == Scanner.space || b[i + 1] == Scanner.newline)
        }

        /// A block node whose first line starts at `p` with `indent` spaces.
        mutating func block(indent: Int) throws(Fallback) -> GraphNode {
            depth += 1
            defer { depth -= 1 }
            if depth > Scanner.maxDepth { throw Fallback() }
            let i = p + indent
            return isSequenceEntry(i) ? try sequence(indent: indent) : try mapping(indent: indent, keyAt: i)
        }

        /// A block sequence whose `-` entries sit at `indent`; `p` at the first entry's line start.
        mutating func sequence(indent: Int) throws(Fallback) -> GraphNode {
            let m = GraphNode.Mark(line: line, column: Int32(indent + 1))
            var items: [GraphNode] = []
            while true {
                var i = p + indent + 1  // after '-'
                guard i < b.count, b[i] == Scanner.space else { throw Fallback() }  // "-" alone: nested block
                while i < b.count && b[i] == Scanner.space { i += 1 }
                if i >= b.count || b[i] == Scanner.newline || b[i] == Scanner.hash { throw Fallback() }
                if isSequenceEntry(i) { throw Fallback() }
                if let _ = keyEnd(i) {
                    items.append(try mapping(indent: i - lineStart, keyAt: i))
                } else {
                    let (node, end) = try inlineValue(i)
                    items.append(node)
                    try endOfLine(end)
                    let next = try nextContentLine()
                    if next > indent { throw Fallback() }  // a continuation line or an error
                    if next < indent || !isSequenceEntry(p + next) { break }
                    continue
                }
                let next = try nextContentLine()
                if next < indent { break }
                if next > indent || !isSequenceEntry(p + next) {
                    if next == indent { break }  // a key of the parent mapping ("entities:\n- …\nrelations:")
                    throw Fallback()
                }
            }
            return .sequence(items, m)
        }

        /// Where a plain key starting at `i` ends (its `:` is followed by a space
        /// or the line's end), or `nil` when the line does not hold a simple key.
        func keyEnd(_ i: Int) -> Int? {
            let c = b[i]
            switch c {
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                 UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                 UInt8(ascii: "`"):
                return nil
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                let d = at(i + 1)
                if d == Scanner.space || d == Scanner.newline || d == 0 { return nil }
            default: break
            }
            var k = i
            while k < b.count {
                let d = b[k]
                if d == Scanner.newline { return nil }
                if d == Scanner.colon {
                    let e = at(k + 1)
                    if e == Scanner.space || e == Scanner.newline || k + 1 >= b.count { return k }
                }
                if d == Scanner.hash && (b[k - 1] == Scanner.space || b[k - 1] == Scanner.tab) { return nil }
                k += 1
                if k - i > 1000 { return nil }
            }
            return nil
        }

        /// A block mapping whose keys sit at `indent`; its first key starts at `keyAt`
        /// (after "- " when the mapping is an entry of a sequence).
        mutating func mapping(indent: Int, keyAt first: Int) throws(Fallback) -> GraphNode {
            let m = mark(first)
            var pairs: GraphNode.Pairs = []
            var keyStart = first
            while true {
                guard let colon = keyEnd(keyStart) else { throw Fallback() }
                var keyStop = colon
                while keyStop > keyStart && (b[keyStop - 1] == Scanner.space || b[keyStop - 1] == Scanner.tab) { keyStop -= 1 }
                let keyText = string(keyStart, keyStop)
                for (k, _) in pairs { if case .scalar(let ks) = k, ks.string == keyText { throw Fallback() } }
                let key = GraphNode.scalar(.init(string: keyText, style: .plain, mark: mark(keyStart)))
                var i = colon + 1
                while i < b.count && b[i] == Scanner.space { i += 1 }
                let value: GraphNode
                if i >= b.count || b[i] == Scanner.newline || b[i] == Scanner.hash {
                    if i < b.count && b[i] == Scanner.hash && i == colon + 1 { throw Fallback() }
                    // libyaml places an empty value just after the ':'.
                    let empty = GraphNode.Mark(line: line, column: column(colon) + 1)
                    try endOfLine(colon + 1)
                    let next = try nextContentLine()
                    if next > indent {
                        value = try block(indent: next)
                    } else if next == indent && next >= 0 && isSequenceEntry(p + next) {
                        value = try sequence(indent: next)
                    } else {
                        value = .scalar(.init(string: "", style: .plain, mark: empty))
                    }
                } else {
                    let (node, end) = try inlineValue(i)
                    value = node
                    try endOfLine(end)
                }
                pairs.append((key, value))
                let next = try nextContentLine()
                if next < indent { break }
                if next > indent { throw Fallback() }  // a continuation line or an error
                keyStart = p + next
                if isSequenceEntry(keyStart) {
                    if indent == 0 { throw Fallback() }
                    break  // the next entry of the sequence this mapping is in
                }
            }
            return .mapping(pairs, m)
        }

        // MARK: Values on one line

        /// A scalar or flow collection starting at `i`; returns it and the offset just after it.
        mutating func inlineValue(_ i: Int) throws(Fallback) -> (GraphNode, Int) {
            switch b[i] {
            case Scanner.dquote: return try doubleQuoted(i)
            case Scanner.squote: return try singleQuoted(i)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                // Continuation lines of a flow collection are indented (column 1 is left to the full parser).
                return try flow(i, minColumn: 2)
            case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
                 UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: "]"),
                 UInt8(ascii: "}"), UInt8(ascii: "#"):
                throw Fallback()
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                let d = at(i + 1)
                if d == Scanner.space || d == Scanner.newline || d == 0 { throw Fallback() }
            default: break
            }
            // A plain scalar, to the line's end or a comment; ": " inside is a YAML error.
            var k = i
            var end = i
            while k < b.count {
                let c = b[k]
                if c == Scanner.newline { break }
                if c == Scanner.hash && (b[k - 1] == Scanner.space || b[k - 1] == Scanner.tab) { break }
                if c == Scanner.colon {
                    let d = at(k + 1)
                    if d == Scanner.space || d == Scanner.newline || d == 0 || d == Scanner.tab { throw Fallback() }
                }
                k += 1
                if c != Scanner.space && c != Scanner.tab { end = k }
            }
            return (.scalar(.init(string: string(i, end), style: .plain, mark: mark(i))), end)
        }

        mutating func doubleQuoted(_ start: Int) throws(Fallback) -> (GraphNode, Int) {
            var i = start + 1
            var plainRun = i
            var out: [UInt8] = []
            var escaped = false
            while true {
                guard i < b.count else { throw Fallback() }
                let c = b[i]
                if c == Scanner.dquote { break }
                if c == Scanner.newline { throw Fallback() }  // folded over lines: the full parser
                if c == UInt8(ascii: "\\") {
                    if !escaped { out.reserveCapacity(32) }
                    escaped = true
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plainRun..<i]))
                    let e = at(i + 1)
                    var width = 0
                    switch e {
                    case UInt8(ascii: "0"): out.append(0)
                    case UInt8(ascii: "a"): out.append(7)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "t"), Scanner.tab: out.append(9)
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "v"): out.append(11)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "e"): out.append(27)
                    case Scanner.space: out.append(32)
                    case Scanner.dquote: out.append(34)
                    case UInt8(ascii: "/"): out.append(47)
                    case UInt8(ascii: "\\"): out.append(92)
                    case UInt8(ascii: "N"): out.append(contentsOf: [0xC2, 0x85])
                    case UInt8(ascii: "_"): out.append(contentsOf: [0xC2, 0xA0])
                    case UInt8(ascii: "L"): out.append(contentsOf: [0xE2, 0x80, 0xA8])
                    case UInt8(ascii: "P"): out.append(contentsOf: [0xE2, 0x80, 0xA9])
                    case UInt8(ascii: "x"): width = 2
                    case UInt8(ascii: "u"): width = 4
                    case UInt8(ascii: "U"): width = 8
                    default: throw Fallback()
                    }
                    i += 2
                    if width > 0 {
                        var v: UInt32 = 0
                        for _ in 0..<width {
                            guard i < b.count, let h = Scanner.hex(b[i]) else { throw Fallback() }
                            v = v << 4 | h
                            i += 1
                        }
                        guard let u = Unicode.Scalar(v) else { throw Fallback() }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    }
                    plainRun = i
                    continue
                }
                i += 1
            }
            let text: String
            if escaped {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[plainRun..<i]))
                text = String(decoding: out, as: UTF8.self)
            } else {
                text = string(start + 1, i)
            }
            return (.scalar(.init(string: text, style: .quoted, mark: mark(start))), i + 1)
        }

        static func hex(_ c: UInt8) -> UInt32? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        mutating func singleQuoted(_ start: Int) throws(Fallback) -> (GraphNode, Int) {
            var i = start + 1
            var out: [UInt8] = []
            while true {
                guard i < b.count else { throw Fallback() }
                let c = b[i]
                if c == Scanner.newline { throw Fallback() }
                if c == Scanner.squote {
                    if at(i + 1) == Scanner.squote { out.append(c); i += 2; continue }
                    break
                }
                out.append(c)
                i += 1
            }
            return (.scalar(.init(string: String(decoding: out, as: UTF8.self), style: .quoted, mark: mark(start))), i + 1)
        }

        // MARK: Flow collections

        /// Skips spaces, line breaks and comments inside a flow collection; a
        /// continuation line must be indented at least to `minColumn`.
        mutating func flowSpace(_ from: Int, minColumn: Int32) throws(Fallback) -> Int {
            var i = from
            while i < b.count {
                let c = b[i]
                if c == Scanner.space || c == Scanner.tab { i += 1; continue }
                if c == Scanner.newline {
                    newLine(after: i)
                    i = p
                    var k = i
                    while k < b.count && b[k] == Scanner.space { k += 1 }
                    if k < b.count && b[k] != Scanner.newline && b[k] != Scanner.hash && Int32(k - i + 1) < minColumn {
                        throw Fallback()
                    }
                    if k < b.count && b[k] == Scanner.tab { throw Fallback() }
                    continue
                }
                if c == Scanner.hash {
                    if i == from && i > 0 && b[i - 1] != Scanner.space && b[i - 1] != Scanner.tab && b[i - 1] != Scanner.newline {
                        throw Fallback()
                    }
                    while i < b.count && b[i] != Scanner.newline { i += 1 }
                    continue
                }
                break
            }
            if i >= b.count { throw Fallback() }
            return i
        }

        /// `[a, b]` or `{k: v, …}` of scalars and flow collections.
        mutating func flow(_ start: Int, minColumn: Int32) throws(Fallback) -> (GraphNode, Int) {
            depth += 1
            defer { depth -= 1 }
            if depth > Scanner.maxDepth { throw Fallback() }
            let m = mark(start)
            let isList = b[start] == UInt8(ascii: "[")
            let close = isList ? UInt8(ascii: "]") : UInt8(ascii: "}")
            var i = try flowSpace(start + 1, minColumn: minColumn)
            var items: [GraphNode] = []
            var pairs: GraphNode.Pairs = []
            if b[i] == close { return (isList ? .sequence([], m) : .mapping([], m), i + 1) }
            while true {
                let (first, afterFirst) = try flowItem(i, minColumn: minColumn)
                i = try flowSpace(afterFirst, minColumn: minColumn)
                if isList {
                    if b[i] == Scanner.colon { throw Fallback() }  // a single-pair mapping inside a list
                    items.append(first)
                } else {
                    guard b[i] == Scanner.colon, case .scalar(let ks) = first else { throw Fallback() }
                    for (k, _) in pairs { if case .scalar(let s) = k, s.string == ks.string { throw Fallback() } }
                    i = try flowSpace(i + 1, minColumn: minColumn)
                    if b[i] == Scanner.comma || b[i] == close { throw Fallback() }  // an empty value
                    let (value, afterValue) = try flowItem(i, minColumn: minColumn)
                    pairs.append((first, value))
                    i = try flowSpace(afterValue, minColumn: minColumn)
                }
                if b[i] == close { break }
                guard b[i] == Scanner.comma else { throw Fallback() }
                i = try flowSpace(i + 1, minColumn: minColumn)
                if b[i] == close { throw Fallback() }  // a trailing comma
            }
            return (isList ? .sequence(items, m) : .mapping(pairs, m), i + 1)
        }

        mutating func flowItem(_ i: Int, minColumn: Int32) throws(Fallback) -> (GraphNode, Int) {
            switch b[i] {
            case Scanner.dquote: return try doubleQuoted(i)
            case Scanner.squote: return try singleQuoted(i)
            case UInt8(ascii: "["), UInt8(ascii: "{"): return try flow(i, minColumn: minColumn)
            case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
                 UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: "]"),
                 UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                throw Fallback()
            default: break
            }
            // A plain scalar in flow context: to `,` `[` `]` `{` `}`, ": ", " #" or the line's end.
            var k = i
            var end = i
            while k < b.count {
                let c = b[k]
                if c == Scanner.newline || c == Scanner.comma || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { break }
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { throw Fallback() }
                if c == Scanner.hash && (b[k - 1] == Scanner.space || b[k - 1] == Scanner.tab) { break }
                if c == Scanner.colon {
                    let d = at(k + 1)
                    if d == Scanner.space || d == Scanner.newline || d == Scanner.comma || d == UInt8(ascii: "]")
                        || d == UInt8(ascii: "}") || d == Scanner.tab || d == 0 { break }
                    throw Fallback()  // "a:b" in flow context: leave it to the full parser
                }
                k += 1
                if c != Scanner.space && c != Scanner.tab { end = k }
            }
            if k < b.count && b[k] == Scanner.newline {
                // A plain scalar may go on over the next line: only if the collection continues with `,` `]` `}` or `:`.
                var save = self
                let next = try save.flowSpace(k, minColumn: minColumn)
                let d = b[next]
                if d != Scanner.comma && d != UInt8(ascii: "]") && d != UInt8(ascii: "}") && d != Scanner.colon { throw Fallback() }
            }
            return (.scalar(.init(string: string(i, end), style: .plain, mark: mark(i))), end)
        }
    }
}
