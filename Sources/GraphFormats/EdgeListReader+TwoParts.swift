#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import GraphModel

extension EdgeListReader {
    /// Files at least this large are parsed as two halves on two threads.
    static let twoPartMinimum = 1 << 20

    /// The edge list parsed as two halves at once (one thread each) and merged into
    /// exactly what one pass gives: the same ids in the same order of first appearance,
    /// the same lines, and on bad input the same error (the first in file order; the
    /// halves are cut at a line break, the second half's line numbers continue the first's).
    ///
    /// `nil` when one pass must read the file: under `minimum` bytes, or holding a quote
    /// (a line break may then fall inside a field) or a carriage return that does not
    /// end a line with a line feed (lines would be counted differently).
    /// - Complexity: O(n) for n bytes, about half of it on each of two threads, plus
    ///   O(V₂ + E₂) to merge the second half (V₂ ids and E₂ rows).
    static func runInTwoParts(
        _ buf: UnsafeBufferPointer<UInt8>, file: String, separator: UInt8, columns: [Column]?,
        minimum: Int = twoPartMinimum
    ) throws(ParseFailure) -> EdgeList? {
        guard let base = buf.baseAddress, buf.count >= max(minimum, 2) else { return nil }
        let end = buf.count
        func offset(_ hit: UnsafeMutableRawPointer) -> Int { base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) }
        if memchr(base, 0x22, end) != nil { return nil }
        var p = 0
        while p < end, let hit = memchr(base + p, 0x0D, end - p) {
            let i = offset(hit)
            if i + 1 >= end || base[i + 1] != 0x0A { return nil }
            p = i + 1
        }
        // The cut: just after the first line break at or past the middle.
        guard let hit = memchr(base + end / 2, 0x0A, end - end / 2) else { return nil }
        let cut = offset(hit) + 1
        guard cut < end else { return nil }
        // The columns, from the header (the first line that is not blank) unless given,
        // and where the rows start (after the byte order mark and the header).
        var header: [String] = []
        let roles: [Column]
        var dataStart = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        if let columns {
            roles = columns
        } else {
            var s = dataStart
            while s < cut, base[s] == 0x0A || base[s] == 0x0D { s += 1 }
            guard s < cut, let nl = memchr(base + s, 0x0A, cut - s) else { return nil }
            var e = offset(nl)
            dataStart = e + 1
            if e > s && base[e - 1] == 0x0D { e -= 1 }
            header = UnsafeBufferPointer(start: base + s, count: e - s)
                .split(separator: separator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            roles = try Parser.roles(header)
        }
        /// Line breaks in `from..<to`.
        func breaks(from: Int, to: Int) -> Int {
            var count = 0, p = from
            while p < to, let nl = memchr(base + p, 0x0A, to - p) { count += 1; p = offset(nl) + 1 }
            return count
        }
        let firstLineOfData = 1 + breaks(from: 0, to: dataStart)
        let firstLineOfSecond = firstLineOfData + breaks(from: dataStart, to: cut), rowsStart = dataStart

        let results = PartResults()
        let start = UInt(bitPattern: base), second = firstLineOfSecond, known = header
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let base = UnsafePointer<UInt8>(bitPattern: start)!
            // Well-formed rows take the tight loop; a part with anything else is read by the general parser.
            let from = part == 0 ? rowsStart : cut, to = part == 0 ? cut : end
            if let rows = plainRows(base + from, count: to - from, firstLine: part == 0 ? firstLineOfData : second,
                                    roles: roles, separator: separator, file: file, header: part == 0 ? known : []) {
                if part == 0 { results.first = .success(rows) } else { results.second = .success(rows) }
                return
            }
            var parser = Parser(file: file, separator: separator)
            do throws(ParseFailure) {
                if part == 0 {
                    results.first = .success(try parser.run(UnsafeBufferPointer(start: base, count: cut), columns: columns))
                } else {
                    parser.line = second
                    parser.knownHeader = known
                    results.second = .success(try parser.run(UnsafeBufferPointer(start: base + cut, count: end - cut), columns: roles))
                }
            } catch {
                if part == 0 { results.first = .failure(error) } else { results.second = .failure(error) }
            }
        }
        guard let first = results.first, let secondResult = results.second else { return nil }
        var (list, names, kinds) = try first.get()
        let (more, moreNames, moreKinds) = try secondResult.get()
        // The second half's ids and kinds, renumbered into the first half's tables.
        let nameMap = merge(moreNames, into: &names) { i in
            list.names.append(more.names[i])
            list.firstLines.append(more.firstLines[i])
        }
        let kindMap = merge(moreKinds, into: &kinds) { i in list.kindNames.append(more.kindNames[i]) }
        list.sources.append(contentsOf: more.sources.lazy.map { nameMap[Int($0)] })
        list.targets.append(contentsOf: more.targets.lazy.map { nameMap[Int($0)] })
        list.kinds.append(contentsOf: more.kinds.lazy.map { kindMap[Int($0)] })
        list.weights.append(contentsOf: more.weights)
        list.lines.append(contentsOf: more.lines)
        return list
    }

    /// The rows of `count` bytes at `base` (no quote, every carriage return before a line
    /// feed), read by a loop that only splits and interns; `nil` at the first row the
    /// general parser must judge (an endpoint missing, a field too many, a weight that is
    /// not plain, an id that is not UTF-8), so that it reads the part and reports it.
    /// On the rows it accepts, the result is the general parser's, value for value.
    /// - Complexity: O(n) for n bytes, O(1) expected per id.
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func plainRows(
        _ base: UnsafePointer<UInt8>, count end: Int, firstLine: Int, roles: [Column], separator sep: UInt8,
        file: String, header: [String]
    ) -> (list: EdgeList, names: ByteInterner, kinds: ByteInterner)? {
        var names = ByteInterner(expected: 4_096), kindTable = ByteInterner(expected: 16)
        var nameStrings: [String] = [], firstLines: [Int32] = [], kindStrings: [String] = []
        var estimate = 1, p = 0
        while p < end, let nl = memchr(base + p, 0x0A, end - p) {
            estimate += 1
            p = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let hasWeight = roles.contains(.weight), hasKind = roles.contains(.kind)
        var src: [Int32] = [], dst: [Int32] = [], weights: [Double] = [], kinds: [Int32] = [], lines: [Int32] = []
        src.reserveCapacity(estimate); dst.reserveCapacity(estimate); lines.reserveCapacity(estimate)
        if hasWeight { weights.reserveCapacity(estimate) }
        if hasKind { kinds.reserveCapacity(estimate) }
        let columnCount = roles.count
        let sourceColumn = roles.firstIndex(of: .source)!, targetColumn = roles.firstIndex(of: .target)!
        let weightColumn = roles.firstIndex(of: .weight) ?? -1, kindColumn = roles.firstIndex(of: .kind) ?? -1
        let empty: [UInt8] = [0]
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * columnCount) { field in
            /// The id of the name at `start` (`length` bytes), or -1 when it is new and not UTF-8.
            func intern(_ start: Int, _ length: Int, into table: inout ByteInterner, strings: inout [String], line: Int?) -> Int32 {
                let before = table.count
                let id = length == 0 ? empty.withUnsafeBufferPointer { table.intern($0.baseAddress!, 0) }
                    : table.intern(base + start, length)
                if table.count > before {
                    let bytes = UnsafeBufferPointer(start: base + start, count: length)
                    let text = String(decoding: bytes, as: UTF8.self)
                    guard text.utf8.elementsEqual(bytes) else { return -1 }
                    strings.append(text)
                    if let line { firstLines.append(Int32(clamping: line)) }
                }
                return id
            }
            var pos = 0, line = firstLine
            while pos < end {
                var rowEnd = end
                if let nl = memchr(base + pos, 0x0A, end - pos) { rowEnd = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) }
                let stop = rowEnd > pos && base[rowEnd - 1] == 0x0D ? rowEnd - 1 : rowEnd
                if stop > pos {
                    var f = 0, i = pos, start = pos
                    while true {
                        while i < stop && base[i] != sep { i += 1 }
                        guard f < columnCount else { return nil }
                        field[2 * f] = start
                        field[2 * f + 1] = i - start
                        f += 1
                        if i == stop { break }
                        i += 1
                        start = i
                    }
                    guard f > max(sourceColumn, targetColumn), field[2 * sourceColumn + 1] > 0, field[2 * targetColumn + 1] > 0
                    else { return nil }
                    let s = intern(field[2 * sourceColumn], field[2 * sourceColumn + 1], into: &names, strings: &nameStrings, line: line)
                    let t = intern(field[2 * targetColumn], field[2 * targetColumn + 1], into: &names, strings: &nameStrings, line: line)
                    guard s >= 0, t >= 0 else { return nil }
                    if hasWeight {
                        var w = Double.nan
                        if weightColumn < f, field[2 * weightColumn + 1] > 0 {
                            guard let x = parsePlainNumber(base + field[2 * weightColumn], field[2 * weightColumn + 1]),
                                  x <= Graph.maximumWeight else { return nil }
                            w = x
                        }
                        weights.append(w)
                    }
                    if hasKind {
                        let present = kindColumn < f
                        let k = intern(present ? field[2 * kindColumn] : 0, present ? field[2 * kindColumn + 1] : 0,
                                       into: &kindTable, strings: &kindStrings, line: nil)
                        guard k >= 0 else { return nil }
                        kinds.append(k)
                    }
                    src.append(s); dst.append(t); lines.append(Int32(clamping: line))
                }
                pos = rowEnd + 1
                line += 1
            }
            return (EdgeList(file: file, names: nameStrings, firstLines: firstLines, sources: src, targets: dst,
                             weights: weights, kinds: kinds, kindNames: kindStrings, lines: lines, header: header),
                    names, kindTable)
        }
    }

    /// Each name of `other` interned into `table`, in order; `added(i)` runs when name `i` is new there.
    /// - Returns: the id in `table` of each name of `other`.
    private static func merge(_ other: ByteInterner, into table: inout ByteInterner, added: (Int) -> Void) -> [Int32] {
        var map = [Int32](repeating: 0, count: other.count)
        let empty: [UInt8] = [0]
        other.bytes.withUnsafeBufferPointer { bytes in
            empty.withUnsafeBufferPointer { none in
                for i in 0..<other.count {
                    let from = other.starts[i], count = other.starts[i + 1] - from
                    let before = table.count
                    map[i] = table.intern(count == 0 ? none.baseAddress! : bytes.baseAddress! + from, count)
                    if table.count > before { added(i) }
                }
            }
        }
        return map
    }

    /// The two halves' outcomes, each written by its own thread before `concurrentPerform` returns.
    private final class PartResults: @unchecked Sendable {
        var first: Result<(list: EdgeList, names: ByteInterner, kinds: ByteInterner), ParseFailure>?
        var second: Result<(list: EdgeList, names: ByteInterner, kinds: ByteInterner), ParseFailure>?
    }
}
