#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphModel

/// An edge list read straight from bytes: every endpoint id interned once to a
/// dense `Int32`, in order of first appearance.
public struct EdgeList: Sendable {
    /// The file, as named in locations.
    public var file: String
    /// Entity ids by index, in order of first appearance.
    public var names: [String]
    /// Line on which each name first appears.
    public var firstLines: [Int32]
    /// Endpoints of every edge (indices into ``names``).
    public var sources: [Int32]
    public var targets: [Int32]
    /// Weight of every edge; `.nan` where the cell was empty. Empty when there is no weight column.
    public var weights: [Double]
    /// Kind of every edge (index into ``kindNames``). Empty when there is no kind column.
    public var kinds: [Int32]
    /// Kind texts by index ("" for an empty cell).
    public var kindNames: [String]
    /// 1-based line on which each edge's row starts.
    public var lines: [Int32]
    /// The header fields as written (empty for a file read with given columns).
    public var header: [String]

    /// Number of edges.
    public var count: Int { sources.count }
}

/// A byte-level reader for delimited edge lists — CSV (RFC 4180 quoting, the
/// rules of the parser every CSV reader here shares) or TSV — that never
/// expands the file to a `String` or to Unicode scalars: fields are slices of
/// the bytes, ids are interned by an open-addressing table keyed on the raw
/// bytes (one memory access for an id of up to 8 bytes), weights are parsed
/// exactly (the same `Double` as `strtod`). This is what `relgraph` runs on a
/// `source,target[,weight][,kind]` CSV and what the benchmark's load step times.
///
/// Errors name `file:line:column` (columns count Unicode scalars from 1): an
/// unterminated quote, a quote inside an unquoted field, text after a closing
/// quote, a row longer than the header, a row without an endpoint, an id that is
/// not UTF-8 text.
public enum EdgeListReader {
    /// What a column holds.
    public enum Column: Sendable, Hashable {
        case source, target, weight, kind
        /// A column read but not kept.
        case ignored
    }

    /// Why the fast reader handed a file back: it has columns or values whose
    /// meaning the general reader decides (an attribute column, a weight that is
    /// not a plain number…).
    public struct NotPlain: Error, Sendable {
        public var reason: String
    }

    /// Reads an edge list.
    /// - Parameters:
    ///   - bytes: the file's bytes (a UTF-8 byte order mark is skipped).
    ///   - file: the name to print in locations.
    ///   - separator: `,` (CSV) or a tab (TSV).
    ///   - columns: the columns of a file without a header line; `nil` when the
    ///     first line is a header naming `source`/`target` (or `from`/`to`),
    ///     optionally `weight` and `kind` (any case, any order).
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` with file:line:column, or
    ///   ``GraphFormatsError/refused(_:)`` when the header names other columns
    ///   or a weight is not a plain non-negative number (``CSVPairReader`` reads those).
    /// - Complexity: O(n) for n bytes, plus O(1) expected per id lookup.
    public static func read(
        bytes: [UInt8], file: String, separator: UInt8 = UInt8(ascii: ","), columns: [Column]? = nil
    ) throws(GraphFormatsError) -> EdgeList {
        var reason = ""
        guard let list = try readIfPlain(bytes: bytes, file: file, separator: separator, columns: columns, notPlain: &reason)
        else { throw .refused("\(file): not a plain edge list (\(reason))") }
        return list
    }

    /// ``read(bytes:file:separator:columns:)``, or `nil` (with the reason) when
    /// the general reader must decide what the columns or values mean.
    static func readIfPlain(
        bytes: [UInt8], file: String, separator: UInt8 = UInt8(ascii: ","), columns: [Column]? = nil,
        notPlain: inout String
    ) throws(GraphFormatsError) -> EdgeList? {
        let result: Result<EdgeList, ParseFailure> = bytes.withUnsafeBufferPointer { buf in
            do throws(ParseFailure) {
                if let list = try runInTwoParts(buf, file: file, separator: separator, columns: columns) {
                    return .success(list)
                }
                var parser = Parser(file: file, separator: separator)
                return .success(try parser.run(buf, columns: columns).list)
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let list): return list
        case .failure(.syntax(let e)): throw e
        case .failure(.notPlain(let reason)):
            notPlain = reason
            return nil
        }
    }

    enum ParseFailure: Error {
        case syntax(GraphFormatsError)
        case notPlain(String)
    }

    struct Parser {
        let file: String
        let separator: UInt8
        var line = 1
        var lineStart = 0
        var scratch: [UInt8] = []
        /// The header's fields, for a part of a file whose header was read by another parser.
        var knownHeader: [String] = []

        init(file: String, separator: UInt8) {
            self.file = file
            self.separator = separator
        }

        /// The 1-based column (in Unicode scalars) of byte `pos` on the current line.
        func column(_ base: UnsafePointer<UInt8>, _ pos: Int, lineStart: Int) -> Int {
            var c = 1
            var i = lineStart
            while i < pos { if base[i] & 0xC0 != 0x80 { c += 1 }; i += 1 }
            return c
        }

        func fail(_ message: String, line: Int, column: Int) -> ParseFailure {
            .syntax(.syntax(SourceLocation(file: file, line: line, column: column), message))
        }

        // swiftlint:disable:next function_body_length cyclomatic_complexity
        /// The edge list in `buf`, with the tables that interned its ids and kinds.
        mutating func run(_ buf: UnsafeBufferPointer<UInt8>, columns given: [Column]?) throws(ParseFailure)
            -> (list: EdgeList, names: ByteInterner, kinds: ByteInterner) {
            guard let base = buf.baseAddress, buf.count > 0 else {
                if given != nil {
                    return (EdgeList(file: file, names: [], firstLines: [], sources: [], targets: [], weights: [],
                                     kinds: [], kindNames: [], lines: [], header: []),
                            ByteInterner(expected: 16), ByteInterner(expected: 16))
                }
                throw fail("the file is empty (a header row is expected)", line: 1, column: 1)
            }
            let end = buf.count
            var pos = 0
            if line == 1 && end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { pos = 3; lineStart = 3 }
            let sep = separator

            // One field at `pos`: (start, length, quoted, start line, start column-byte); `pos` ends
            // on the separator, the line break or the end. Quoted fields with `""` are unescaped
            // into `scratch` and returned with start -1.
            var fieldLine = 1, fieldLineStart = 0
            func field() throws(ParseFailure) -> (start: Int, length: Int, quoted: Bool, at: Int) {
                let at = pos
                fieldLine = line; fieldLineStart = lineStart
                if base[pos] == 0x22 {
                    pos += 1
                    let contentStart = pos
                    var escaped = false
                    while true {
                        guard pos < end else {
                            throw fail("a quoted field is never closed (missing '\"')", line: fieldLine,
                                       column: column(base, at, lineStart: fieldLineStart))
                        }
                        let c = base[pos]
                        if c == 0x22 {
                            if pos + 1 < end && base[pos + 1] == 0x22 { escaped = true; pos += 2; continue }
                            break
                        }
                        if c == 0x0A || (c == 0x0D && !(pos + 1 < end && base[pos + 1] == 0x0A)) {
                            line += 1; lineStart = pos + 1
                        }
                        pos += 1
                    }
                    let contentEnd = pos
                    pos += 1  // the closing quote
                    if pos < end, base[pos] != sep, base[pos] != 0x0A, base[pos] != 0x0D {
                        throw fail("text after the closing quote of a field (a quote inside a field is written \"\")",
                                   line: line, column: column(base, pos, lineStart: lineStart))
                    }
                    if !escaped { return (contentStart, contentEnd - contentStart, true, at) }
                    scratch.removeAll(keepingCapacity: true)
                    var i = contentStart
                    while i < contentEnd {
                        scratch.append(base[i])
                        i += base[i] == 0x22 ? 2 : 1
                    }
                    return (-1, scratch.count, true, at)
                }
                while pos < end {
                    let c = base[pos]
                    if c == sep || c == 0x0A || c == 0x0D { break }
                    if c == 0x22 {
                        throw fail("a quote inside an unquoted field (quote the whole field and double the quote)",
                                   line: line, column: column(base, pos, lineStart: lineStart))
                    }
                    pos += 1
                }
                return (at, pos - at, false, at)
            }
            /// Past the line break ending a record.
            func endRecord() {
                if pos < end {
                    if base[pos] == 0x0D, pos + 1 < end, base[pos + 1] == 0x0A { pos += 1 }
                    pos += 1; line += 1; lineStart = pos
                }
            }
            func skipBlankLines() {
                while pos < end, base[pos] == 0x0A || base[pos] == 0x0D {
                    if base[pos] == 0x0D, pos + 1 < end, base[pos + 1] == 0x0A { pos += 1 }
                    pos += 1; line += 1; lineStart = pos
                }
            }
            func text(_ f: (start: Int, length: Int, quoted: Bool, at: Int)) -> String {
                if f.start < 0 { return String(decoding: scratch, as: UTF8.self) }
                return String(decoding: UnsafeBufferPointer(start: base + f.start, count: f.length), as: UTF8.self)
            }

            // The header.
            var roles: [Column]
            var header: [String] = []
            skipBlankLines()
            if let given {
                roles = given
            } else {
                guard pos < end else { throw fail("the file is empty (a header row is expected)", line: 1, column: 1) }
                while true {
                    let f = try field()
                    header.append(text(f))
                    if pos < end && base[pos] == sep { pos += 1; continue }
                    break
                }
                endRecord()
                roles = try Parser.roles(header)
            }
            let sourceColumn = roles.firstIndex(of: .source) ?? -1
            let targetColumn = roles.firstIndex(of: .target) ?? -1
            let needed = max(sourceColumn, targetColumn)
            let hasWeight = roles.contains(.weight), hasKind = roles.contains(.kind)
            let targetFirst = targetColumn < sourceColumn
            var currentRowLine = 1
            var deferred: (bytes: [UInt8], at: Int, line: Int, lineStart: Int)? = nil

            // Sized for few ids (the table doubles as they come): a table sized for the bytes would be
            // mostly empty, and every page of it faulted in and out of cache.
            var names = ByteInterner(expected: 4_096)
            var kindTable = ByteInterner(expected: 16)
            var nameStrings: [String] = []
            var firstLines: [Int32] = []
            var kindStrings: [String] = []
            // Rows ≤ line breaks + 1: count them (memchr, a few ms for 100 MB) so that no array grows by copying.
            var estimate = 1
            do {
                var p = pos
                while p < end, let hit = memchr(base + p, 0x0A, end - p) {
                    estimate += 1
                    p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                }
            }
            var src: [Int32] = [], dst: [Int32] = [], weights: [Double] = [], kinds: [Int32] = [], lines: [Int32] = []
            src.reserveCapacity(estimate); dst.reserveCapacity(estimate); lines.reserveCapacity(estimate)
            if hasWeight { weights.reserveCapacity(estimate) }
            if hasKind { kinds.reserveCapacity(estimate) }

            func intern(_ f: (start: Int, length: Int, quoted: Bool, at: Int), into table: inout ByteInterner,
                        strings: inout [String], isName: Bool) throws(ParseFailure) -> Int32 {
                let before = table.count
                let id: Int32
                if f.start < 0 {
                    id = scratch.withUnsafeBufferPointer { table.intern($0.baseAddress!, f.length) }
                } else {
                    id = table.intern(base + f.start, f.length)
                }
                if table.count > before {
                    let bytes = f.start < 0 ? scratch : Array(UnsafeBufferPointer(start: base + f.start, count: f.length))
                    let s = String(decoding: bytes, as: UTF8.self)
                    guard s.utf8.elementsEqual(bytes) else {
                        throw fail("this field is not UTF-8 text", line: fieldLine,
                                   column: column(base, f.at, lineStart: fieldLineStart))
                    }
                    strings.append(s)
                    if isName { firstLines.append(Int32(clamping: currentRowLine)) }
                }
                return id
            }

            while true {
                skipBlankLines()
                if pos >= end { break }
                let rowLine = line
                currentRowLine = rowLine
                var f = 0
                var s: Int32 = -1, t: Int32 = -1, w = Double.nan, k: Int32 = -1
                while true {
                    let fl = try field()
                    if f >= roles.count {
                        // Count the rest for the message.
                        let extraLine = fieldLine, extraColumn = column(base, fl.at, lineStart: fieldLineStart)
                        var count = f + 1
                        while pos < end && base[pos] == sep { pos += 1; _ = try field(); count += 1 }
                        throw fail("this row has \(count) fields but the header has \(roles.count)",
                                   line: extraLine, column: extraColumn)
                    }
                    switch roles[f] {
                    case .source:
                        if fl.length > 0 { s = try intern(fl, into: &names, strings: &nameStrings, isName: true) }
                    case .target:
                        if fl.length > 0 {
                            if targetFirst {
                                // Interned after the source, so ids are numbered source first, as the general reader does.
                                let bytes = fl.start < 0 ? scratch : Array(UnsafeBufferPointer(start: base + fl.start, count: fl.length))
                                deferred = (bytes, fl.at, fieldLine, fieldLineStart)
                            } else {
                                t = try intern(fl, into: &names, strings: &nameStrings, isName: true)
                            }
                        }
                    case .weight:
                        if fl.length > 0 || fl.quoted {
                            let p = fl.start < 0 ? nil : base + fl.start
                            guard let p, let x = parsePlainNumber(p, fl.length), x <= Graph.maximumWeight else {
                                throw .notPlain("weight at line \(fieldLine) is not a plain number within relgraph's range")
                            }
                            w = x
                        }
                    case .kind:
                        if fl.length > 0 { k = try intern(fl, into: &kindTable, strings: &kindStrings, isName: false) }
                    case .ignored: break
                    }
                    f += 1
                    if pos < end && base[pos] == sep {
                        pos += 1
                        if pos == end { // a trailing separator: one more empty field
                            if f >= roles.count {
                                throw fail("this row has \(f + 1) fields but the header has \(roles.count)",
                                           line: line, column: column(base, pos, lineStart: lineStart))
                            }
                            break
                        }
                        continue
                    }
                    break
                }
                if let d = deferred, s >= 0 {
                    scratch = d.bytes
                    fieldLine = d.line; fieldLineStart = d.lineStart
                    t = try intern((-1, d.bytes.count, true, d.at), into: &names, strings: &nameStrings, isName: true)
                }
                deferred = nil
                endRecord()
                if f <= needed || s < 0 || t < 0 {
                    let named = given == nil ? header : knownHeader
                    let a = named.isEmpty ? "source" : named[sourceColumn], b = named.isEmpty ? "target" : named[targetColumn]
                    throw fail("this row lacks its '\(a)' or '\(b)' value", line: rowLine, column: 1)
                }
                src.append(s); dst.append(t); lines.append(Int32(clamping: rowLine))
                if hasWeight { weights.append(w) }
                if hasKind {
                    if k < 0 { k = [UInt8(0)].withUnsafeBufferPointer { kindTable.intern($0.baseAddress!, 0) }; if kindStrings.count < kindTable.count { kindStrings.append("") } }
                    kinds.append(k)
                }
            }
            return (EdgeList(file: file, names: nameStrings, firstLines: firstLines, sources: src, targets: dst,
                             weights: weights, kinds: kinds, kindNames: kindStrings, lines: lines, header: header),
                    names, kindTable)
        }

        /// What each header column holds; `.notPlain` when a column is not an endpoint, weight or kind.
        static func roles(_ header: [String]) throws(ParseFailure) -> [Column] {
            let lower = header.map { $0.lowercased() }
            if Set(lower).count != lower.count { throw .notPlain("a column appears twice") }
            let ends: (String, String) = lower.contains("from") && lower.contains("to") ? ("from", "to") : ("source", "target")
            var roles: [Column] = []
            for name in lower {
                switch name {
                case ends.0: roles.append(.source)
                case ends.1: roles.append(.target)
                case "weight": roles.append(.weight)
                case "kind": roles.append(.kind)
                default: throw .notPlain("column '\(name)' is an attribute")
                }
            }
            if !roles.contains(.source) || !roles.contains(.target) { throw .notPlain("no endpoint columns") }
            return roles
        }
    }
}

/// Interns byte strings to dense `Int32` ids in order of first appearance:
/// open addressing (linear probing) over a power-of-two table whose 16-byte
/// entries hold the first 8 bytes of the name, its length and its id — so a
/// lookup of a short name costs one random memory access, and longer names
/// compare their tail against the name store. Names are stored back to back in
/// one byte array.
public struct ByteInterner: Sendable {
    private struct Entry: Sendable {
        var head: UInt64  // first min(len, 8) bytes, little-endian
        var len: UInt32
        var id: Int32  // -1: empty
    }
    public private(set) var bytes: [UInt8] = []
    /// Name `i` is `bytes[starts[i]..<starts[i + 1]]`.
    public private(set) var starts: [Int] = [0]
    private var table: [Entry]
    private var mask: Int

    /// - Parameter expected: how many names to size the table for (it grows as needed).
    public init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        table = [Entry](repeating: Entry(head: 0, len: 0, id: -1), count: cap)
        mask = cap - 1
        starts.reserveCapacity(expected + 1)
    }

    /// Number of names interned.
    public var count: Int { starts.count - 1 }

    @inline(__always)
    static func head(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
        var k: UInt64 = 0
        for i in 0..<min(len, 8) { k |= UInt64(p[i]) << UInt64(8 * i) }
        return k
    }

    @inline(__always)
    static func hash(_ head: UInt64, _ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
        var h = head ^ (UInt64(len) &* 0x9E37_79B9_7F4A_7C15)
        var i = 8
        while i < len { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3; i += 1 }
        h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
        h = (h ^ (h >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }

    /// The id of `p[0..<len]`, adding it when new.
    /// - Complexity: O(len) expected.
    @inline(__always)
    public mutating func intern(_ p: UnsafePointer<UInt8>, _ len: Int) -> Int32 {
        let hd = ByteInterner.head(p, len)
        let h = ByteInterner.hash(hd, p, len)
        let (found, slot) = find(p, len, hd, h)
        if let found { return found }
        let id = Int32(count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
        starts.append(bytes.count)
        table[slot] = Entry(head: hd, len: UInt32(len), id: id)
        if count * 2 > mask { grow() }
        return id
    }

    /// The id of a name, or `nil`.
    /// - Complexity: O(length) expected.
    public func lookup(_ name: String) -> Int32? {
        var s = name
        return s.withUTF8 { u -> Int32? in
            guard let base = u.baseAddress else { return nil }
            let hd = ByteInterner.head(base, u.count)
            return find(base, u.count, hd, ByteInterner.hash(hd, base, u.count)).id
        }
    }

    /// Name `i` as a String.
    public func name(_ i: Int) -> String {
        bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[starts[i]..<starts[i + 1]]), as: UTF8.self)
        }
    }

    /// The id when present, and the slot where the probe stopped.
    @inline(__always)
    private func find(_ p: UnsafePointer<UInt8>, _ len: Int, _ hd: UInt64, _ h: UInt64) -> (id: Int32?, slot: Int) {
        table.withUnsafeBufferPointer { t in
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let e = t[slot]
                if e.id < 0 { return (nil, slot) }
                if e.head == hd && Int(e.len) == len && (len <= 8 || tailEqual(Int(e.id), p, len)) {
                    return (e.id, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func tailEqual(_ id: Int, _ p: UnsafePointer<UInt8>, _ len: Int) -> Bool {
        bytes.withUnsafeBufferPointer { b in memcmp(b.baseAddress! + starts[id] + 8, p + 8, len - 8) == 0 }
    }

    private mutating func grow() {
        let old = table
        let cap = (mask + 1) * 2
        table = [Entry](repeating: Entry(head: 0, len: 0, id: -1), count: cap)
        mask = cap - 1
        for e in old where e.id >= 0 {
            let s = starts[Int(e.id)]
            let h = bytes.withUnsafeBufferPointer { b in ByteInterner.hash(e.head, b.baseAddress! + s, Int(e.len)) }
            var slot = Int(truncatingIfNeeded: h) & mask
            while table[slot].id >= 0 { slot = (slot + 1) & mask }
            table[slot] = e
        }
    }
}

private let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { x, _ in x * 10 } }

/// A non-negative decimal `digits[.digits][e[+-]digits]` as `Double` — exactly
/// what `strtod` and Swift's `Double(String)` give. `digits[.digits]` with at
/// most 15 digits is one correctly rounded division of exact values; longer
/// forms and exponents go to `strtod`. Anything else (signs, spaces, `inf`,
/// hex) is `nil`, as is a result that is not finite.
/// - Complexity: O(len).
@inline(__always)
public func parsePlainNumber(_ p: UnsafePointer<UInt8>, _ len: Int) -> Double? {
    guard len > 0, len < 64 else { return nil }
    var mant: UInt64 = 0, digits = 0, frac = 0, seenDot = false, exponent = false
    var i = 0
    while i < len {
        let c = p[i]
        if c >= 0x30 && c <= 0x39 {
            if digits < 19 { mant = mant &* 10 &+ UInt64(c - 0x30) }
            digits += 1
            if seenDot { frac += 1 }
        } else if c == 0x2E && !seenDot {
            seenDot = true
        } else if (c == 0x65 || c == 0x45) && digits > 0 {
            exponent = true
            var j = i + 1
            if j < len && (p[j] == 0x2B || p[j] == 0x2D) { j += 1 }
            guard j < len else { return nil }
            while j < len { guard p[j] >= 0x30 && p[j] <= 0x39 else { return nil }; j += 1 }
            break
        } else {
            return nil
        }
        i += 1
    }
    guard digits > 0 else { return nil }
    if !exponent && digits <= 15 { return Double(mant) / powersOfTen[frac] }
    var tmp = [CChar](repeating: 0, count: len + 1)
    for k in 0..<len { tmp[k] = CChar(bitPattern: p[k]) }
    let v = tmp.withUnsafeBufferPointer { t -> Double? in
        var endp: UnsafeMutablePointer<CChar>? = nil
        let v = strtod(t.baseAddress!, &endp)
        guard let endp, endp - UnsafeMutablePointer(mutating: t.baseAddress!) == len else { return nil }
        return v
    }
    guard let v, v.isFinite else { return nil }
    return v
}
