#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

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
        // The columns, from the header (the first line that is not blank) unless given.
        var header: [String] = []
        let roles: [Column]
        if let columns {
            roles = columns
        } else {
            var s = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
            while s < cut, base[s] == 0x0A || base[s] == 0x0D { s += 1 }
            guard s < cut, let nl = memchr(base + s, 0x0A, cut - s) else { return nil }
            var e = offset(nl)
            if e > s && base[e - 1] == 0x0D { e -= 1 }
            header = UnsafeBufferPointer(start: base + s, count: e - s)
                .split(separator: separator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            roles = try Parser.roles(header)
        }
        var firstLineOfSecond = 1
        p = 0
        while p < cut, let nl = memchr(base + p, 0x0A, cut - p) { firstLineOfSecond += 1; p = offset(nl) + 1 }

        let results = PartResults()
        let start = UInt(bitPattern: base), second = firstLineOfSecond, known = header
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let base = UnsafePointer<UInt8>(bitPattern: start)!
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
