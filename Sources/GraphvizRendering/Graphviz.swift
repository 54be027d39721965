import CGraphviz
import Foundation

/// In-process Graphviz (libgvc/libcgraph): DOT text in, layout, SVG/PNG/PDF out;
/// and DOT read through cgraph into a ``DOTDocument``.
///
/// Every call goes through one process-wide lock (Graphviz is not thread-safe),
/// so the functions here may be called from any thread; they block while another
/// job runs. From async code, prefer
/// ``renderInBackground(dot:engine:format:)``, which keeps layouts off the
/// cooperative thread pool.
public enum Graphviz {
    /// The name given to an anonymous graph (`digraph { … }`) before rendering,
    /// so the output does not carry cgraph's process-wide counter (`%3`, `%7`, …).
    public static let anonymousGraphName = "G"

    /// Above this many nodes `dot` may take minutes (measured: 200 nodes 3 s,
    /// 300 nodes 23 s, 500 nodes over 2 minutes on sparse random graphs).
    public static let dotNodeLimit = 300

    /// The version of the loaded libgvc, e.g. `"2.43.0"`.
    public static var version: String {
        (try? GraphvizGate.shared.run(fileName: "<version>") { job throws(GraphvizError) -> String in
            guard let text = gvcVersion(job.context) else { return "unknown" }
            return String(cString: text)
        }) ?? "unknown"
    }

    /// Lays out `dot` with `engine` and renders it to `format`, in process.
    ///
    /// An anonymous graph is named ``anonymousGraphName`` first, so output is
    /// deterministic. For a named graph the bytes equal `dot -K<engine> -T<format>`
    /// (the C random generators are reset before each layout, as in a fresh process).
    /// Exception: Graphviz 2.43's fdp keeps state from earlier layouts in the process,
    /// so in-process fdp output can differ from call to call; choose another engine
    /// where byte-stable output matters.
    /// Steps: `agmemread` → `gvLayout` → `gvRender` into an `open_memstream` buffer →
    /// buffer freed → `gvFreeLayout` → `agclose`, on every path.
    ///
    /// - Parameters:
    ///   - dot: DOT source text.
    ///   - engine: the layout engine; see ``recommendedEngine(nodeCount:edgeCount:)``.
    ///   - format: the output format.
    /// - Returns: the bytes and Graphviz's warnings.
    /// - Throws: ``GraphvizError/syntax(fileName:line:column:message:)``,
    ///   ``GraphvizError/noGraph(fileName:)``, ``GraphvizError/layoutFailed(engine:message:)``,
    ///   ``GraphvizError/renderFailed(format:message:)``.
    /// - Complexity: that of the layout engine (dot: super-linear, impractical beyond
    ///   ``dotNodeLimit`` nodes; sfdp: about O((V + E) log V)); waits for any job
    ///   already running.
    public static func render(dot: String, engine: LayoutEngine = .dot, format: OutputFormat) throws(GraphvizError) -> Rendering {
        try renderUnchecked(dot: dot, engine: engine.rawValue, format: format.rawValue)
    }

    /// ``render(dot:engine:format:)`` naming the input in syntax errors.
    ///
    /// - Complexity: as ``render(dot:engine:format:)``.
    public static func render(dot: String, engine: LayoutEngine = .dot, format: OutputFormat, fileName: String) throws(GraphvizError) -> Rendering {
        try renderUnchecked(dot: dot, engine: engine.rawValue, format: format.rawValue, fileName: fileName)
    }

    /// Draws `dot` whose every node carries a pinned position (`pos="x,y!"`, in
    /// points), as `neato -n2` does: no layout runs, Graphviz only routes the
    /// edges (straight with `splines=false`) and draws every shape, label and
    /// tooltip. Use it with positions from ``GraphAlgorithms``' `ForceLayout`.
    ///
    /// - Throws: as ``render(dot:engine:format:)``; a node without `pos` is an error.
    /// - Complexity: O(V + E) for straight edges, plus the size of the output.
    public static func renderPinned(dot: String, format: OutputFormat) throws(GraphvizError) -> Rendering {
        try renderUnchecked(dot: dot, engine: pinnedEngineName, format: format.rawValue)
    }

    /// The layout plugin behind ``renderPinned(dot:format:)``: neato's `-n2` mode.
    public static let pinnedEngineName = "nop2"

    /// ``render(dot:engine:format:)`` with engine and format names
    /// (e.g. from a command line), checked against the allow-lists first.
    ///
    /// - Throws: ``GraphvizError/unknownEngine(_:)``, ``GraphvizError/unknownFormat(_:)``,
    ///   or any error of ``render(dot:engine:format:)``.
    /// - Complexity: as ``render(dot:engine:format:)``.
    public static func render(dot: String, engineName: String, formatName: String) throws(GraphvizError) -> Rendering {
        let engine = try LayoutEngine(named: engineName)
        let format = try OutputFormat(named: formatName)
        return try render(dot: dot, engine: engine, format: format)
    }

    /// ``render(dot:engine:format:)`` run on a dedicated serial queue, so a long
    /// layout does not occupy a thread of Swift's cooperative pool.
    ///
    /// - Complexity: as ``render(dot:engine:format:)``.
    public static func renderInBackground(dot: String, engine: LayoutEngine = .dot, format: OutputFormat) async throws(GraphvizError) -> Rendering {
        let result: Result<Rendering, GraphvizError> = await withCheckedContinuation { continuation in
            backgroundQueue.async {
                do throws(GraphvizError) {
                    continuation.resume(returning: .success(try render(dot: dot, engine: engine, format: format)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// The engine to use for a graph of this size: `dot` for small graphs (up to
    /// 40 nodes and 100 edges), whose layered drawing reads best; `neato` up to
    /// 400 nodes and 1,200 edges, which spreads medium graphs without dot's long
    /// ranks (measured: 1.4 s at 500 nodes); `sfdp` beyond, the only engine that
    /// stays fast in the thousands (8.5 s at 10,000 nodes).
    ///
    /// - Complexity: O(1).
    public static func recommendedEngine(nodeCount: Int, edgeCount: Int) -> LayoutEngine {
        if nodeCount <= 40 && edgeCount <= 100 { return .dot }
        if nodeCount <= 400 && edgeCount <= 1_200 { return .neato }
        return .sfdp
    }

    /// Whether `engine` was measured to take many seconds or minutes on a graph
    /// this size (dot > 300 nodes, fdp > 150, circo > 500, neato > 1,500), so a
    /// caller can warn before starting an uncancellable layout.
    ///
    /// - Complexity: O(1).
    public static func mayStall(engine: LayoutEngine, nodeCount: Int, edgeCount: Int) -> Bool {
        switch engine {
        case .dot: nodeCount > dotNodeLimit || edgeCount > 2 * dotNodeLimit
        case .fdp: nodeCount > 150
        case .circo: nodeCount > 500
        case .neato: nodeCount > 1_500
        case .sfdp, .twopi: false
        }
    }

    private static let backgroundQueue = DispatchQueue(label: "relgraph.graphviz", qos: .userInitiated)

    /// The render pipeline with raw engine and format names (not checked, so tests
    /// can reach Graphviz's own failures).
    ///
    /// `freeing: false` leaves the laid-out graph allocated: only for a process
    /// that exits right after (the child of ``ChildRenderer``), where freeing
    /// 100,000 edges one by one costs a tenth of the drawing for nothing.
    static func renderUnchecked(dot: String, engine: String, format: String, fileName: String = "<dot>",
                                freeing: Bool = true) throws(GraphvizError) -> Rendering {
        let source = DOTHeader.naming(dot, as: anonymousGraphName)
        return try GraphvizGate.shared.run(fileName: fileName) { job throws(GraphvizError) -> Rendering in
            let graph = try read(source, original: dot, fileName: fileName, job: job)
            defer { if freeing { agclose(graph) } }
            let data: [UInt8]
            do {
                defer { if freeing { gvFreeLayout(job.context, graph) } }
                // sfdp's coarsening draws from rand() before seeding it, so the layout
                // depended on earlier layouts in the process (measured with 2.43);
                // start every layout from a fresh process's generator states, and
                // give the host process its own states back afterwards.
                let saved = RandomStates.enterFresh()
                defer { saved.restore() }
                let rc = engine.withCString { gvLayout(job.context, graph, $0) }
                guard rc == 0, !job.hadError else {
                    throw .layoutFailed(engine: engine, message: job.errorText)
                }
                data = try renderToMemory(graph, format: format, job: job)
            }
            return Rendering(data: data, warnings: job.warnings)
        }
    }

    /// `gvRender` into an `open_memstream` buffer (same signature in every
    /// Graphviz version, unlike `gvRenderData`); copies and frees the buffer.
    private static func renderToMemory(_ graph: UnsafeMutablePointer<Agraph_t>, format: String, job: GraphvizGate.Job) throws(GraphvizError) -> [UInt8] {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else {
            throw .renderFailed(format: format, message: "open_memstream failed (errno \(errno))")
        }
        let rc = format.withCString { gvRender(job.context, graph, $0, stream) }
        fclose(stream)
        defer { free(buffer) }
        guard rc == 0, !job.hadError else {
            throw .renderFailed(format: format, message: job.errorText)
        }
        guard let buffer else { return [] }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: size) { Array(UnsafeBufferPointer(start: $0, count: size)) }
    }

    /// `agmemread` with errors mapped; the caller must `agclose` the result.
    /// `original` is the text before any renaming, for error columns.
    static func read(_ source: String, original: String, fileName: String, job: GraphvizGate.Job) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        let graph = source.withCString { agmemread($0) }
        if let graph, !job.hadError { return graph }
        if let graph { agclose(graph) }
        let text = job.errorText
        guard !text.isEmpty else { throw .noGraph(fileName: fileName) }
        throw syntaxError(text, source: original, fileName: fileName) { prefix in
            // cgraph's message for the text cut after one occurrence of the token.
            job.restart()
            let graph = prefix.withCString { agmemread($0) }
            if let graph { agclose(graph) }
            return job.hadError ? job.errorText : nil
        }
    }

    /// The message with a "near '…'" token of over 80 characters cut to its first 60
    /// and its length (cgraph quotes the whole token: an identifier of 300,000
    /// characters made a 300 KB error line).
    static func shortened(_ message: String) -> String {
        guard let token = nearToken(in: message), token.count > 80,
              let range = message.range(of: "near '" + token + "'") else { return message }
        return message.replacingCharacters(in: range, with: "near '\(token.prefix(60))…' (\(token.count) characters)")
    }

    /// Builds a syntax error from cgraph's "<file>: syntax error in line N near 'x'",
    /// with the column of the `x` on line N where cgraph stopped (see
    /// ``errorColumn(of:inLine:of:messageFor:)``; `messageFor` gives cgraph's message
    /// for a cut text), or the end of the text when cgraph stopped there. A long
    /// token is quoted short (``shortened(_:)``).
    static func syntaxError(_ text: String, source: String, fileName: String,
                            messageFor: (String) -> String? = { _ in nil }) -> GraphvizError {
        var message = text
        if message.hasPrefix(fileName + ": ") { message.removeFirst(fileName.count + 2) }
        let line = lineNumber(in: message)
        var column: Int?
        if let line, let token = nearToken(in: message) {
            column = errorColumn(of: token, inLine: line, of: source, messageFor: messageFor)
        } else if let line, !message.prefix(while: { $0 != "\n" }).contains("near '") {
            // No token: cgraph stopped at the end of the text (an unclosed graph).
            column = endColumn(ofLastLine: line, of: source)
        }
        return .syntax(fileName: fileName, line: line, column: column, message: shortened(message))
    }

    /// N in cgraph's "… in line N …".
    static func lineNumber(in message: String) -> Int? {
        guard let range = message.range(of: "in line ") else { return nil }
        return Int(message[range.upperBound...].prefix(while: \.isNumber))
    }

    /// The token in "… near 'x'" on the first line of a cgraph message.
    static func nearToken(in message: String) -> String? {
        let firstLine = message.prefix(while: { $0 != "\n" })
        guard let near = firstLine.range(of: "near '"),
              let close = firstLine[near.upperBound...].range(of: "'", options: .backwards) else { return nil }
        let token = String(firstLine[near.upperBound..<close.lowerBound])
        return token.isEmpty ? nil : token
    }

    /// The column just after the last character of `line` when it is the text's last line.
    /// - Complexity: O(n).
    static func endColumn(ofLastLine line: Int, of source: String) -> Int? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard line == lines.count || (line == lines.count + 1 && source.hasSuffix("\n")) else { return nil }
        return line <= lines.count ? lines[line - 1].count + 1 : 1
    }

    /// The 1-based character column of the occurrence of `token` on `line` where
    /// cgraph stopped. One occurrence is the answer; among several, the first
    /// after which cgraph, reading the text cut just after it (`messageFor`),
    /// stops at that token on that line. Parsing is decided token by token, so
    /// a cut after an occurrence before the error still reads on to the end, and
    /// one at or after it stops there: a binary search finds the first, after
    /// trying the last two (a text cut short stops at its last occurrence).
    /// `nil` when the token is not on the line or no cut stops at it.
    /// - Complexity: O(n) to find the occurrences, then O(log k) reads for k
    ///   occurrences, each up to the error (cgraph stops there) or the cut.
    static func errorColumn(of token: String, inLine line: Int, of source: String,
                            messageFor: (String) -> String?) -> Int? {
        guard line >= 1 else { return nil }
        let bytes = Array(source.utf8), needle = Array(token.utf8)
        guard !needle.isEmpty else { return nil }
        var start = 0, current = 1
        while current < line {
            guard let nl = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = nl + 1
            current += 1
        }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let offsets = occurrences(of: needle, in: bytes[start..<end])
        let chosen: Int
        switch offsets.count {
        case 0: return nil
        case 1: chosen = offsets[0]
        default:
            func cut(_ k: Int) -> Bool {
                guard let message = messageFor(String(decoding: bytes[0..<(offsets[k] + needle.count)], as: UTF8.self)) else { return false }
                return lineNumber(in: message) == line && nearToken(in: message) == token
            }
            guard cut(offsets.count - 1) else { return nil }
            // A text cut short (the commonest error) stops at its last occurrence: two reads.
            guard cut(offsets.count - 2) else { chosen = offsets[offsets.count - 1]; break }
            var low = 0, high = offsets.count - 2  // the first that stops is in low...high
            while low < high {
                let mid = (low + high) / 2
                if cut(mid) { high = mid } else { low = mid + 1 }
            }
            chosen = offsets[low]
        }
        return String(decoding: bytes[start..<chosen], as: UTF8.self).count + 1
    }

    /// Start offsets of the non-overlapping occurrences of `needle` in `haystack`
    /// (Knuth–Morris–Pratt).
    /// - Complexity: O(n + m), however the bytes repeat.
    static func occurrences(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> [Int] {
        guard !needle.isEmpty else { return [] }
        // border[i]: length of the longest proper border of needle[0...i].
        var border = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in needle.indices.dropFirst() {
            while k > 0 && needle[i] != needle[k] { k = border[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            border[i] = k
        }
        var found: [Int] = []
        k = 0
        for i in haystack.indices {
            while k > 0 && haystack[i] != needle[k] { k = border[k - 1] }
            if haystack[i] == needle[k] { k += 1 }
            if k == needle.count {
                found.append(i - needle.count + 1)
                k = 0
            }
        }
        return found
    }
}

/// The C library's random generators (`rand`/`random` and the `drand48` family),
/// set to a fresh process's states for a layout and given back afterwards, so
/// rendering never reseeds the host program's generators. Use only inside the gate.
struct RandomStates {
    /// `random()`'s state array for the layout (a fresh process's: `srandom(1)`, 128 bytes).
    /// Used only inside the Graphviz gate (one job at a time).
    nonisolated(unsafe) private static let layoutState: UnsafeMutablePointer<CChar> = .allocate(capacity: 128)
    private let previousRandomState: UnsafeMutablePointer<CChar>?
    private let previousSeed48: (UInt16, UInt16, UInt16)

    /// Switches `rand`/`random` to a private state seeded 1 and `drand48` to seed
    /// 0x1234ABCD, remembering the host's states.
    static func enterFresh() -> RandomStates {
        // initstate returns the state array in use before, which setstate restores untouched.
        let previous = initstate(1, layoutState, 128)
        var fresh: [UInt16] = [0x330E, 0xABCD, 0x1234]  // = srand48(0x1234ABCD)
        let old = fresh.withUnsafeMutableBufferPointer { seed48($0.baseAddress!) }
        let seed = old.map { ($0[0], $0[1], $0[2]) } ?? (0x330E, 0, 0)
        srand48(0x1234_ABCD)  // also resets the multiplier and addend to their defaults
        return RandomStates(previousRandomState: previous, previousSeed48: seed)
    }

    func restore() {
        if let previousRandomState { setstate(previousRandomState) }
        var seed: [UInt16] = [previousSeed48.0, previousSeed48.1, previousSeed48.2]
        _ = seed.withUnsafeMutableBufferPointer { seed48($0.baseAddress!) }
    }
}
