#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphAlgorithms

/// Errors of the benchmark's own input handling (bad data files, bad arguments).
enum BenchError: Error, CustomStringConvertible {
    case io(String)
    case badInput(path: String, line: Int, column: Int, message: String)
    case usage(String)

    var description: String {
        switch self {
        case .io(let m): return m
        case .badInput(let path, let line, let column, let message): return "\(path):\(line):\(column): \(message)"
        case .usage(let m): return m
        }
    }
}

/// The whole file as bytes (one `read` loop, no line splitting, no String).
func readWholeFile(_ path: String) throws(BenchError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .io("cannot open \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .io("cannot stat \(path)") }
    let size = Int(st.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
        var done = 0
        while done < size {
            let r = read(fd, buf.baseAddress! + done, size - done)
            if r <= 0 { failed = r < 0; break }
            done += r
        }
        count = done
    }
    if failed { throw .io("read error on \(path)") }
    return bytes
}

/// Interns byte strings to dense `Int32` ids in order of first appearance:
/// open addressing (linear probing) over a power-of-two table whose 16-byte
/// entries hold the first 8 bytes of the name, its length and its id — so a
/// lookup of a short name (all of gen.py's) costs one random memory access, and
/// longer names compare their tail against the name store. Names are stored back
/// to back in one byte array.
struct ByteInterner {
    private struct Entry {
        var head: UInt64  // first min(len, 8) bytes, little-endian
        var len: UInt32
        var id: Int32  // -1: empty
    }
    private(set) var bytes: [UInt8] = []
    /// Name `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var starts: [Int] = [0]
    private var table: [Entry]
    private var mask: Int

    init(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        table = [Entry](repeating: Entry(head: 0, len: 0, id: -1), count: cap)
        mask = cap - 1
        starts.reserveCapacity(expected + 1)
    }

    var count: Int { starts.count - 1 }

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
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ len: Int) -> Int32 {
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
    func lookup(_ name: String) -> Int32? {
        var s = name
        return s.withUTF8 { u in
            guard let base = u.baseAddress, u.count > 0 else { return nil }
            let hd = ByteInterner.head(base, u.count)
            return find(base, u.count, hd, ByteInterner.hash(hd, base, u.count)).id
        }
    }

    /// Name `i` as a String.
    func name(_ i: Int) -> String {
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

/// An edge list loaded into a ``CSRGraph``, with what the peers keep as attributes.
struct LoadedGraph {
    var graph: CSRGraph
    var names: ByteInterner
    /// Relation kind of every edge (index into `kindNames`).
    var kinds: [UInt16]
    var kindNames: [String]

    func node(_ name: String, path: String) throws(BenchError) -> Int {
        guard let i = names.lookup(name) else { throw .io("\(path): node \(name) is not in the edge list") }
        return Int(i)
    }
}

/// Parses `src<TAB>dst<TAB>kind<TAB>weight` lines (what `gen.py` writes) by hand
/// from the raw bytes and builds the CSR graph straight from the edge arrays.
func loadEdgeList(_ path: String, directed: Bool, expectedNodes: Int = 1 << 16) throws(BenchError) -> LoadedGraph {
    let data = try readWholeFile(path)
    var names = ByteInterner(expected: expectedNodes)
    var kindTable = ByteInterner(expected: 16)
    let estimate = data.count / 24 + 16
    var src: [Int32] = [], dst: [Int32] = [], kinds: [UInt16] = [], weights: [Double] = []
    src.reserveCapacity(estimate); dst.reserveCapacity(estimate)
    kinds.reserveCapacity(estimate); weights.reserveCapacity(estimate)
    var failure: BenchError? = nil
    data.withUnsafeBufferPointer { buf in
        guard let base = buf.baseAddress else { return }
        let end = buf.count
        var pos = 0, line = 0
        var fieldStart = [Int](repeating: 0, count: 4), fieldEnd = [Int](repeating: 0, count: 4)
        while pos < end {
            line += 1
            let lineStart = pos
            // Split one line into 4 tab-separated fields.
            var f = 0
            fieldStart[0] = pos
            while pos < end {
                let c = base[pos]
                if c == 0x0A { break }
                if c == 0x09 {
                    if f < 3 { fieldEnd[f] = pos; f += 1; fieldStart[f] = pos + 1 } else { f = 4 }
                }
                pos += 1
            }
            var lineEnd = pos
            pos += 1  // past the newline
            if lineEnd > lineStart && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd == lineStart { continue }  // blank line
            guard f == 3 else {
                failure = .badInput(path: path, line: line, column: 1,
                                    message: "expected 4 tab-separated fields (src, dst, kind, weight)")
                return
            }
            fieldEnd[3] = lineEnd
            for k in 0..<3 where fieldEnd[k] == fieldStart[k] {
                failure = .badInput(path: path, line: line, column: fieldStart[k] - lineStart + 1, message: "empty field")
                return
            }
            src.append(names.intern(base + fieldStart[0], fieldEnd[0] - fieldStart[0]))
            dst.append(names.intern(base + fieldStart[1], fieldEnd[1] - fieldStart[1]))
            let k = kindTable.intern(base + fieldStart[2], fieldEnd[2] - fieldStart[2])
            if k > Int32(UInt16.max) {
                failure = .badInput(path: path, line: line, column: fieldStart[2] - lineStart + 1, message: "too many kinds")
                return
            }
            kinds.append(UInt16(k))
            guard let w = parseWeight(base + fieldStart[3], fieldEnd[3] - fieldStart[3]), w.isFinite, w >= 0 else {
                failure = .badInput(path: path, line: line, column: fieldStart[3] - lineStart + 1,
                                    message: "weight is not a finite non-negative number")
                return
            }
            weights.append(w)
        }
    }
    if let failure { throw failure }
    let graph: CSRGraph
    do {
        graph = try CSRGraph(nodeCount: names.count, sources: src, targets: dst, weights: weights, directed: directed)
    } catch {
        throw .io("\(path): \(error)")
    }
    let kindNames = (0..<kindTable.count).map { kindTable.name($0) }
    return LoadedGraph(graph: graph, names: names, kinds: kinds, kindNames: kindNames)
}

private let powersOfTen: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { x, _ in x * 10 } }

/// A decimal `digits[.digits]` exactly as `strtod` reads it: the digits as an
/// integer below 2^53 divided by an exact power of ten is one correctly rounded
/// IEEE division. Anything else (exponents, long mantissas, signs) goes to `strtod`.
@inline(__always)
func parseWeight(_ p: UnsafePointer<UInt8>, _ len: Int) -> Double? {
    var mant: UInt64 = 0, digits = 0, frac = 0, seenDot = false, simple = len > 0 && len <= 17
    if simple {
        for i in 0..<len {
            let c = p[i]
            if c >= 0x30 && c <= 0x39 {
                mant = mant * 10 + UInt64(c - 0x30); digits += 1
                if seenDot { frac += 1 }
            } else if c == 0x2E && !seenDot {
                seenDot = true
            } else {
                simple = false; break
            }
        }
    }
    if simple && digits > 0 && digits <= 15 { return Double(mant) / powersOfTen[frac] }
    // Slow path: a NUL-terminated copy for strtod; the whole field must be consumed.
    var tmp = [CChar](repeating: 0, count: len + 1)
    for i in 0..<len { tmp[i] = CChar(bitPattern: p[i]) }
    return tmp.withUnsafeBufferPointer { t -> Double? in
        var endp: UnsafeMutablePointer<CChar>? = nil
        let v = strtod(t.baseAddress!, &endp)
        guard let endp, endp - UnsafeMutablePointer(mutating: t.baseAddress!) == len, len > 0 else { return nil }
        return v
    }
}
