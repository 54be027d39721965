#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphAlgorithms
import GraphFormats

/// Writes the loaded graph as DOT, the same text as the NetworkX peer's hand loop:
/// `  "a" -- "b" [kind="k", weight=w];` per edge (`->` when directed), ids quoted
/// with ``DOTEscaping/quotedID(_:)``, weights as shortest round-trip decimals.
/// Streams through a 1 MiB buffer. Returns the file size.
func writeDOT(_ lg: LoadedGraph, to path: String) throws(BenchError) -> Int {
    let g = lg.graph
    // Every node id quoted once (O(V) String work), then edges copy bytes only.
    var quoted: [UInt8] = [], qStart = [Int](repeating: 0, count: g.nodeCount + 1)
    quoted.reserveCapacity(lg.names.bytes.count + 3 * g.nodeCount)
    for i in 0..<g.nodeCount {
        var q = DOTEscaping.quotedID(lg.names.name(i))
        q.withUTF8 { quoted.append(contentsOf: $0) }
        qStart[i + 1] = quoted.count
    }
    let kindText: [[UInt8]] = lg.kindNames.map { Array(" [kind=\(DOTEscaping.quotedID($0)), weight=".utf8) }
    let arrow: [UInt8] = Array((g.isDirected ? " -> " : " -- ").utf8)

    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var total = 0
    var buf: [UInt8] = []
    buf.reserveCapacity(1 << 20 + 4096)
    func flush() throws(BenchError) {
        var off = 0
        while off < buf.count {
            let r = buf.withUnsafeBytes { write(fd, $0.baseAddress! + off, $0.count - off) }
            guard r > 0 else { throw .io("write error on \(path)") }
            off += r
        }
        total += buf.count
        buf.removeAll(keepingCapacity: true)
    }
    buf.append(contentsOf: (g.isDirected ? "digraph G {\n" : "graph G {\n").utf8)
    try quoted.withUnsafeBufferPointer { (qb: UnsafeBufferPointer<UInt8>) throws(BenchError) in
        for e in 0..<g.edgeCount {
            let a = Int(g.edgeSources[e]), b = Int(g.edgeTargets[e])
            buf.append(0x20); buf.append(0x20)
            buf.append(contentsOf: UnsafeBufferPointer(rebasing: qb[qStart[a]..<qStart[a + 1]]))
            buf.append(contentsOf: arrow)
            buf.append(contentsOf: UnsafeBufferPointer(rebasing: qb[qStart[b]..<qStart[b + 1]]))
            buf.append(contentsOf: kindText[Int(lg.kinds[e])])
            var w = g.edgeWeights[e].description
            w.withUTF8 { buf.append(contentsOf: $0) }
            buf.append(0x5D); buf.append(0x3B); buf.append(0x0A)  // "];\n"
            if buf.count >= 1 << 20 { try flush() }
        }
    }
    buf.append(contentsOf: "}\n".utf8)
    try flush()
    return total
}
