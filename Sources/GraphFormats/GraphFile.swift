#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GraphModel

/// The entry point for reading and writing graph files of every format
/// (``GraphFormat``): what it writes, it reads back.
public enum GraphFile {
    /// Reads and validates the graph in the file at `path` (`-`: standard
    /// input), through ``GraphLoader`` — the same detection the command line
    /// uses: by extension, and for `.csv` and `.json` by content (a CSV pair, an
    /// edge list or a fixture; relgraph or node-link JSON). Import warnings are
    /// dropped; call ``GraphLoader/load(path:format:mapping:)`` to keep them.
    /// - Parameters:
    ///   - path: the file, as the user named it (locations in errors use it as given).
    ///     For a CSV pair, either of its two files.
    ///   - format: the format, or `nil` to detect it.
    /// - Throws: ``GraphFormatsError`` naming the file, line and column of every problem.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func load(path: String, format: GraphFormat? = nil) throws(GraphFormatsError) -> Graph {
        try GraphLoader.load(path: path, format: format).graph
    }

    /// Reads and validates a graph from text already in memory.
    /// - Parameters:
    ///   - fileName: the name to print in locations (and to choose the format by
    ///     extension when `format` is `nil`, `.csv` and `.json` by content too;
    ///     YAML when it names none).
    /// - Throws: ``GraphFormatsError``.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func load(text: String, fileName: String, format: GraphFormat? = nil) throws(GraphFormatsError) -> Graph {
        let format = format ?? GraphFormat.guess(fileName: fileName, text: text)
        switch format {
        case .yaml: return try YAMLGraphReader.read(text, fileName: fileName)
        case .json: return try RelgraphJSON.read(text, fileName: fileName)
        case .fixtureCSV: return try FixtureCSV.read(edges: text, edgesFile: fileName)
        case .csv, .graphml, .gexf, .nodeLink, .dot:
            return try GraphImporter.read(text: text, fileName: fileName, format: format).graph
        case .cypher, .mermaid: throw .unsupportedFormat("\(format.rawValue) is written, not read")
        }
    }

    /// The graph as text in `format` (DOT with ``DOTOptions``' defaults, Cypher
    /// for Neo4j in single statements).
    /// - Throws: ``GraphFormatsError/unsupportedFormat(_:)`` for the fixture
    ///   CSV (read only) and the CSV pair (two files: use ``save(_:to:format:)``
    ///   or ``CSVPairWriter``).
    /// - Complexity: O(V + E).
    public static func write(_ graph: Graph, format: GraphFormat) throws(GraphFormatsError) -> String {
        switch format {
        case .yaml: return YAMLGraphWriter.write(graph)
        case .json: return RelgraphJSON.write(graph)
        case .dot: return DOTWriter.write(graph, options: DOTOptions())
        case .graphml: return try GraphMLWriter.write(graph)
        case .gexf: return try GEXFWriter.write(graph)
        case .nodeLink: return NodeLinkWriter.write(graph)
        case .cypher: return try CypherWriter.write(graph)
        case .mermaid: return MermaidWriter.write(graph)
        case .csv: throw .unsupportedFormat("csv writes two files (entities and relations); save it to a path")
        case .fixtureCSV: throw .unsupportedFormat("fixture CSV is read-only; export CSV with the csv format")
        }
    }

    /// Writes the graph to `path` atomically (temporary file, then rename).
    /// A CSV pair is two files, `BASE.entities.csv` and `BASE.relations.csv`
    /// (see ``csvPairPaths(writing:)``); read it back from either.
    /// - Parameter format: the format, or `nil` to choose by extension
    ///   (``GraphFormat/init(writingPath:)``).
    /// - Throws: ``GraphFormatsError``.
    /// - Complexity: O(V + E).
    public static func save(_ graph: Graph, to path: String, format: GraphFormat? = nil) throws(GraphFormatsError) {
        guard let format = format ?? GraphFormat(writingPath: path) else {
            throw .unsupportedFormat("cannot tell the format of '\(path)' from its extension")
        }
        switch format {
        case .dot: try DOTWriter.write(graph, options: DOTOptions(), toFile: path)
        case .graphml: try GraphMLWriter.write(graph, toFile: path)
        case .gexf: try GEXFWriter.write(graph, toFile: path)
        case .nodeLink: try NodeLinkWriter.write(graph, toFile: path)
        case .yaml: try YAMLGraphWriter.write(graph, toFile: path)
        case .json: try RelgraphJSON.write(graph, toFile: path)
        case .cypher: try CypherWriter.write(graph, toFile: path)
        case .mermaid: try MermaidWriter.write(graph, toFile: path)
        case .csv:
            let paths = csvPairPaths(writing: path)
            try CSVPairWriter.write(graph, entitiesFile: paths.entities, relationsFile: paths.relations)
        default: try AtomicWrite.write(write(graph, format: format), to: path)
        }
    }

    /// The two files a CSV pair saved at `path` is written to: `BASE.entities.csv`
    /// and `BASE.relations.csv`, where BASE is `path` without a final `.csv`
    /// (`out/g` and `out/g.csv` both give `out/g.entities.csv` and `out/g.relations.csv`).
    /// - Complexity: O(1).
    public static func csvPairPaths(writing path: String) -> (entities: String, relations: String) {
        let base = path.hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return (base + ".entities.csv", base + ".relations.csv")
    }

    /// The UTF-8 text of a file (`-`: standard input), without a byte order mark.
    /// - Throws: ``GraphFormatsError/io(path:_:)``, or
    ///   ``GraphFormatsError/syntax(_:_:)`` at the line and column of the first
    ///   byte that is not UTF-8.
    /// - Complexity: O(n).
    public static func readText(_ path: String) throws(GraphFormatsError) -> String {
        try text(readBytes(path), file: path)
    }

    /// The bytes of a file in one read loop. `-` is standard input, read to its
    /// end once and kept, so that a format can be sniffed and then read.
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: O(n).
    public static func readBytes(_ path: String) throws(GraphFormatsError) -> [UInt8] {
        if path == "-" {
            return try StandardInput.shared.bytes { () throws(GraphFormatsError) in try readDescriptor(0, path: path) }
        }
        return try readDescriptor(-1, path: path)
    }

    /// Whether a `.json` file is node-link JSON (top-level `nodes` with `links`
    /// or `edges`, no `entities`) rather than relgraph's JSON, judged from the
    /// located JSON tree (numbers are kept as text, so `1e999` is no obstacle).
    /// `nil` when the file cannot be read or is not JSON.
    /// - Complexity: O(n).
    public static func jsonFlavour(path: String) -> GraphFormat? {
        guard let text = try? readText(path), let tree = try? JSONParser.parse(text, file: path) else { return nil }
        return jsonFlavour(tree)
    }

    /// Node-link or relgraph JSON, judged from a parsed tree.
    /// - Complexity: O(k) for k top-level members.
    static func jsonFlavour(_ tree: LocatedJSON) -> GraphFormat {
        guard case .object(let members) = tree.value else { return .json }
        let keys = Set(members.map(\.key))
        return keys.contains("nodes") && (keys.contains("links") || keys.contains("edges")) && !keys.contains("entities")
            ? .nodeLink : .json
    }

    /// The most bytes read from one input: 4 GiB. A larger file, or an endless
    /// device or pipe (`/dev/zero`, `yes |`), is refused with a message instead of
    /// taking all memory and ending in a crash.
    public static let maximumInputBytes = 4 << 30

    static func readDescriptor(_ given: Int32, path: String, limit: Int = maximumInputBytes) throws(GraphFormatsError) -> [UInt8] {
        let fd: Int32 = given >= 0 ? given : open(path, O_RDONLY)
        guard fd >= 0 else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .io(path: path, exists ? "cannot read the file" : "no such file")
        }
        defer { if given < 0 { close(fd) } }
        var st = stat()
        var size = 0
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { size = Int(st.st_size) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .io(path: path, "is a directory, not a graph file") }
        let tooLarge = GraphFormatsError.io(path: path, "is larger than \(byteCount(limit)), more than relgraph reads from one input")
        if size > limit { throw tooLarge }
        var done = 0
        // A regular file is read straight into uninitialised storage of its size (no zero-filling
        // pass over it); the loop below then reads on until the end, should the file have grown.
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 65_536) { b, count in
            while done < size {
                let r = read(fd, b.baseAddress! + done, size - done)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                done += r
            }
            count = done
        }
        bytes.append(contentsOf: repeatElement(0, count: 65_536))
        while true {
            if done == bytes.count {
                if done > limit { throw tooLarge }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - done)))
            }
            let r = bytes.withUnsafeMutableBufferPointer { b in read(fd, b.baseAddress! + done, b.count - done) }
            if r < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, "cannot read the file")
            }
            if r == 0 { break }
            done += r
        }
        bytes.removeSubrange(done...)
        return bytes
    }

    /// "4 GiB", "64 KiB": a byte count for a message.
    static func byteCount(_ n: Int) -> String {
        n >= 1 << 30 && n % (1 << 30) == 0 ? "\(n >> 30) GiB" : n >= 1 << 10 && n % (1 << 10) == 0 ? "\(n >> 10) KiB" : "\(n) bytes"
    }

    /// `bytes` as UTF-8 text, without a byte order mark.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the line and column (in
    ///   Unicode scalars) of the first byte that is not UTF-8.
    /// - Complexity: O(n).
    public static func text(_ bytes: [UInt8], file: String) throws(GraphFormatsError) -> String {
        if let bad = SourceLocation.firstNonUTF8Byte(in: bytes, file: file) {
            throw .syntax(bad.location, SourceLocation.notUTF8(bad.byte))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}

/// Standard input, read once.
private final class StandardInput: @unchecked Sendable {
    static let shared = StandardInput()
    private let lock = NSLock()
    private var cached: [UInt8]?

    func bytes(_ read: () throws(GraphFormatsError) -> [UInt8]) throws(GraphFormatsError) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        if let cached { return cached }
        let b = try read()
        cached = b
        return b
    }
}
