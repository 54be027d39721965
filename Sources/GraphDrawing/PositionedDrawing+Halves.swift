import Foundation
import GraphFormats

/// A big SVG drawing made by two Graphviz processes at once.
///
/// Graphviz draws on one core. In pinned mode its time goes to reading the
/// text, setting up every node and edge, and writing the SVG, all in proportion
/// to the number of objects; so a drawing of many edges is split in two jobs:
///
/// - the **first** has every node, and the edges whose lower-numbered end is one
///   of the first `k` nodes (all the edges between two nodes go to one job);
/// - the **second** has every node, *invisible* (placed and sized as in the
///   first, so Graphviz computes the same bounding box and clips each edge at the
///   same node outline), and the other edges.
///
/// With `outputorder=edgesfirst` Graphviz writes the graph's own elements, then
/// the edges tail by tail in node order, then the nodes. So the second job's
/// edges belong right after the first job's, and ``join(_:_:)`` puts them there
/// and renumbers the edge ids (`edgeN`, Graphviz's creation order) to what one
/// job would have given. The result is the SVG one Graphviz job writes for
/// ``whole``, byte for byte (a test holds it so), except that where two nodes are
/// tied both ways, the edges whose tail is the higher node are written with the
/// lower node's job (one layer earlier, the same lines).
public struct DrawingHalves: Sendable, Equatable {
    /// The first job's DOT text (every node, the first edges).
    public let first: String
    /// The second job's DOT text (every node hidden, the other edges).
    public let second: String
    /// The DOT text of the same drawing as one job (what the two joined are compared with).
    public var whole: String { drawing.dot(maxInches: maxInches) }
    let drawing: PositionedDrawing
    let maxInches: Double?
    /// Indices into ``PositionedDrawing/edges`` drawn by each job, in the order written.
    let firstEdges: [Int32]
    let secondEdges: [Int32]
    /// Node names as written (`n0`, `n1`, …): the first node's comment ends the edges.
    let firstNode: String

    /// Why two SVG texts could not be joined: one is not what Graphviz writes for these halves.
    public struct JoinError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The SVG of the whole drawing, from the first job's SVG and the second's.
    /// - Throws: ``JoinError`` when either text lacks the marks Graphviz writes.
    /// - Complexity: O(n) in the bytes of the two texts.
    public func join(_ a: [UInt8], _ b: [UInt8]) throws(JoinError) -> [UInt8] {
        let sink = TextSink()
        try join(a, b, into: sink)
        return Array(sink.text.utf8)
    }

    /// ``join(_:_:)`` written to `sink` (a file written in chunks, for instance), with no
    /// whole copy of the joined text in memory. Nothing is written when it throws.
    public func join(_ a: [UInt8], _ b: [UInt8], into sink: TextSink) throws(JoinError) {
        let nodeMark = Array("<!-- \(firstNode) -->\n".utf8)
        guard let graphA = find(Array("<g id=\"graph0\"".utf8), in: a, from: 0),
              let nodesA = find(nodeMark, in: a, from: graphA),
              let graphB = find(Array("<g id=\"graph0\"".utf8), in: b, from: 0),
              let nodesB = find(nodeMark, in: b, from: graphB)
        else { throw JoinError(description: "the two Graphviz drawings lack the marks of a pinned SVG") }
        // The second job's edges start at its first comment after the graph's own elements.
        let edgesB = find(Array("<!-- ".utf8), in: b, from: graphB) ?? nodesB
        // Both texts' edge ids are checked before a byte is written.
        let plans = [try renumbering(a[..<nodesA], edges: firstEdges), try renumbering(b[edgesB..<nodesB], edges: secondEdges)]
        for (text, plan) in zip([a[..<nodesA], b[edgesB..<nodesB]], plans) {
            var from = text.startIndex
            for (at, length, id) in plan {
                write(text[from..<at], to: sink)
                sink += String(id)
                from = at + length
            }
            write(text[from...], to: sink)
        }
        write(a[nodesA...], to: sink)
    }

    private func write(_ bytes: ArraySlice<UInt8>, to sink: TextSink) {
        bytes.withUnsafeBufferPointer { sink.append($0) }
    }

    /// Where each `id="edgeK"` / `id="a_edgeK…"` of `text` (K counted from 1 in this job)
    /// has its number (position and length), and the id of `edges[K - 1]` in the whole drawing.
    private func renumbering(_ text: ArraySlice<UInt8>, edges: [Int32]) throws(JoinError) -> [(Int, Int, Int)] {
        let mark = Array("id=\"".utf8), edge = Array("edge".utf8), anchor = Array("a_edge".utf8)
        var plan: [(Int, Int, Int)] = []
        plan.reserveCapacity(edges.count)
        var i = text.startIndex
        let end = text.endIndex
        while i < end {
            guard let hit = find(mark, in: text, from: i) else { break }
            var p = hit + mark.count
            let prefix: [UInt8]? = starts(text, with: anchor, at: p) ? anchor : starts(text, with: edge, at: p) ? edge : nil
            guard let prefix else { i = p; continue }
            p += prefix.count
            let digitsStart = p
            var number = 0
            while p < end, text[p] >= 0x30, text[p] <= 0x39 { number = number * 10 + Int(text[p] - 0x30); p += 1 }
            guard p > digitsStart, number >= 1, number <= edges.count else {
                throw JoinError(description: "an edge id in a Graphviz drawing is not one of its edges")
            }
            plan.append((digitsStart, p - digitsStart, Int(edges[number - 1]) + 1))
            i = p
        }
        return plan
    }

    private func starts(_ text: ArraySlice<UInt8>, with word: [UInt8], at p: Int) -> Bool {
        p + word.count <= text.endIndex && text[p..<(p + word.count)].elementsEqual(word)
    }

    /// The first position at or after `start` where `word` occurs in `text`.
    private func find<C: RandomAccessCollection>(_ word: [UInt8], in text: C, from start: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        guard let first = word.first, word.count <= text.endIndex - start else { return nil }
        var i = start
        let last = text.endIndex - word.count
        while i <= last {
            if text[i] == first && text[i..<(i + word.count)].elementsEqual(word) { return i }
            i += 1
        }
        return nil
    }
}

extension PositionedDrawing {
    /// Below this many edges one Graphviz job draws the SVG; above, ``halves(maxInches:)`` two.
    public static let halvesAbove = 20_000

    /// The drawing as two Graphviz jobs of about equal work (see ``DrawingHalves``),
    /// or `nil` when it has too few edges to gain from it.
    ///
    /// The edges between two nodes (either way, and loops) go to the same job, so
    /// that Graphviz spreads parallel edges as one job would. Both jobs draw on a
    /// canvas a little larger than the nodes' extent (the `canvas` corners, widened by
    /// the largest node), so that both compute the same bounding box even where a
    /// loop or a curved parallel edge leaves the nodes' extent.
    /// - Complexity: O(V + E log E).
    public func halves(maxInches: Double? = nil) -> DrawingHalves? {
        guard edges.count > Self.halvesAbove, !nodes.isEmpty else { return nil }
        let whole = withMarginCanvas
        // A pair's edges go with its lower node; jobs are cut between lower nodes.
        // Edges by lower node, then by index: a stable counting sort.
        func low(_ e: Int) -> Int { min(edges[e].from, edges[e].to) }
        var start = [Int](repeating: 0, count: nodes.count + 1)
        for e in edges.indices { start[low(e) + 1] += 1 }
        for v in 0..<nodes.count { start[v + 1] += start[v] }
        var byPair = [Int](repeating: 0, count: edges.count)
        for e in edges.indices { byPair[start[low(e)]] = e; start[low(e)] += 1 }
        // Both jobs read and set up every node; only the first writes them (about a quarter
        // of an edge's cost each, measured on 20,000 nodes and 100,000 edges).
        var cut = min(max(0, edges.count / 2 - nodes.count / 4), byPair.count)
        while cut > 0 && cut < byPair.count && low(byPair[cut]) == low(byPair[cut - 1]) { cut += 1 }
        let first = byPair[..<cut].sorted(), second = Array(byPair[cut...]).sorted()
        guard !first.isEmpty, !second.isEmpty else { return nil }
        // The two texts are written at once, one per thread.
        let texts = TwoTexts()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let text = whole.dot(maxInches: maxInches, edges: part == 0 ? first : second, hiddenNodes: part == 1)
            texts.set(part, text)
        }
        return DrawingHalves(
            first: texts.first, second: texts.second,
            drawing: whole, maxInches: maxInches,
            firstEdges: first.map { Int32($0) }, secondEdges: second.map { Int32($0) }, firstNode: "n0")
    }

    /// This drawing with its canvas (the nodes' extent when it has none) widened on
    /// every side by the largest node's larger side.
    var withMarginCanvas: PositionedDrawing {
        var d = self
        let margin = nodes.reduce(0) { max($0, $1.width, $1.height) }
        let (x0, y0, x1, y1) = canvas ?? (
            nodes.reduce(Double.infinity) { min($0, $1.x - $1.width / 2) }, nodes.reduce(Double.infinity) { min($0, $1.y - $1.height / 2) },
            nodes.reduce(-Double.infinity) { max($0, $1.x + $1.width / 2) }, nodes.reduce(-Double.infinity) { max($0, $1.y + $1.height / 2) })
        d.canvas = (x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        return d
    }
}

/// The two DOT texts, each written by its own thread.
private final class TwoTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts = ["", ""]
    func set(_ part: Int, _ text: String) { lock.lock(); texts[part] = text; lock.unlock() }
    var first: String { texts[0] }
    var second: String { texts[1] }
}
