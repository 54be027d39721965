#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GraphModel

/// A file format relgraph reads or writes through ``GraphFile``.
///
/// To add a format: add a case here, its extensions in ``fileExtensions``, and
/// a branch in ``GraphFile/load(text:fileName:format:)`` /
/// ``GraphFile/load(path:format:)`` (when it spans several files) and in
/// ``GraphFile/write(_:format:)`` when it can be written.
public enum GraphFileFormat: String, Sendable, CaseIterable, Hashable {
    /// The relgraph graph file (see `format.md`).
    case yaml
    /// The same structure as JSON.
    case json
    /// `X.edges.csv` (`source,target,weight,kind`) with optional sibling
    /// `X.nodes.csv` (`id,label,kind`) and `X.meta.json` (`directed`).
    case fixtureCSV
    /// GraphML (NetworkX, yEd, Gephi, Cytoscape); see ``GraphMLReader`` / ``GraphMLWriter``.
    case graphml
    /// GEXF 1.3 for Gephi; see ``GEXFReader`` / ``GEXFWriter``.
    case gexf
    /// NetworkX / D3 node-link JSON (no extension of its own: `.json` is relgraph's JSON).
    case nodeLink = "node-link"
    /// Cypher statements for Neo4j (written only).
    case cypher
    /// A Mermaid flowchart (written only).
    case mermaid

    /// Lower-case extensions (without the dot) that select this format.
    public var fileExtensions: [String] {
        switch self {
        case .yaml: return ["yaml", "yml"]
        case .json: return ["json"]
        case .fixtureCSV: return ["csv"]
        case .graphml: return ["graphml"]
        case .gexf: return ["gexf"]
        case .nodeLink: return []
        case .cypher: return ["cypher", "cql"]
        case .mermaid: return ["mmd", "mermaid"]
        }
    }

    /// The format a path's extension names, if any.
    public static func infer(fromPath path: String) -> GraphFileFormat? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return allCases.first { $0.fileExtensions.contains(ext) }
    }
}

/// The entry point for reading and writing graph files.
public enum GraphFile {
    /// Reads and validates the graph in the file at `path`.
    /// - Parameters:
    ///   - path: the file, as the user named it (locations in errors use it as given).
    ///   - format: the format, or `nil` to choose by extension.
    /// - Throws: ``GraphFormatsError`` naming the file, line and column of every problem.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func load(path: String, format: GraphFileFormat? = nil) throws(GraphFormatsError) -> Graph {
        guard let format = format ?? GraphFileFormat.infer(fromPath: path) else {
            let ext = URL(fileURLWithPath: path).pathExtension
            throw .unsupportedFormat("cannot tell the format of '\(path)' from its extension '\(ext)'; "
                + "known: \(GraphFileFormat.allCases.flatMap(\.fileExtensions).map { "." + $0 }.joined(separator: ", "))")
        }
        switch format {
        case .fixtureCSV:
            return try FixtureCSV.load(path: path)
        default:
            return try load(text: readText(path), fileName: path, format: format)
        }
    }

    /// Reads and validates a graph from text already in memory.
    /// - Parameters:
    ///   - fileName: the name to print in locations (and to choose the format by
    ///     extension when `format` is `nil`; YAML when it names none).
    /// - Throws: ``GraphFormatsError``.
    /// - Complexity: O(n + V + E) for n bytes.
    public static func load(text: String, fileName: String, format: GraphFileFormat? = nil) throws(GraphFormatsError) -> Graph {
        switch format ?? GraphFileFormat.infer(fromPath: fileName) ?? .yaml {
        case .yaml: return try YAMLGraphReader.read(text, fileName: fileName)
        case .json: return try RelgraphJSON.read(text, fileName: fileName)
        case .fixtureCSV: return try FixtureCSV.read(edges: text, edgesFile: fileName)
        case .graphml: return try GraphImporter.read(text: text, fileName: fileName, format: .graphml).graph
        case .gexf: return try GraphImporter.read(text: text, fileName: fileName, format: .gexf).graph
        case .nodeLink: return try GraphImporter.read(text: text, fileName: fileName, format: .nodeLink).graph
        case .cypher, .mermaid: throw .unsupportedFormat("Cypher and Mermaid are written, not read")
        }
    }

    /// The graph as text in `format`.
    /// - Throws: ``GraphFormatsError/unsupportedFormat(_:)`` for formats relgraph only reads.
    /// - Complexity: O(V + E).
    public static func write(_ graph: Graph, format: GraphFileFormat) throws(GraphFormatsError) -> String {
        switch format {
        case .yaml: return YAMLGraphWriter.write(graph)
        case .json: return RelgraphJSON.write(graph)
        case .fixtureCSV: throw .unsupportedFormat("fixture CSV is read-only; export CSV with the csv-pair format")
        case .graphml: return try GraphMLWriter.write(graph)
        case .gexf: return try GEXFWriter.write(graph)
        case .nodeLink: return NodeLinkWriter.write(graph)
        case .cypher: return try CypherWriter.write(graph)
        case .mermaid: return MermaidWriter.write(graph)
        }
    }

    /// Writes the graph to `path` atomically (temporary file, then rename).
    /// - Parameter format: the format, or `nil` to choose by extension.
    /// - Throws: ``GraphFormatsError``.
    /// - Complexity: O(V + E).
    public static func save(_ graph: Graph, to path: String, format: GraphFileFormat? = nil) throws(GraphFormatsError) {
        guard let format = format ?? GraphFileFormat.infer(fromPath: path) else {
            throw .unsupportedFormat("cannot tell the format of '\(path)' from its extension")
        }
        try AtomicWrite.write(write(graph, format: format), to: path)
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
    public static func jsonFlavour(path: String) -> GraphFileFormat? {
        guard let text = try? readText(path), let tree = try? JSONParser.parse(text, file: path) else { return nil }
        return jsonFlavour(tree)
    }

    /// Node-link or relgraph JSON, judged from a parsed tree.
    /// - Complexity: O(k) for k top-level members.
    static func jsonFlavour(_ tree: LocatedJSON) -> GraphFileFormat {
        guard case .object(let members) = tree.value else { return .json }
        let keys = Set(members.map(\.key))
        return keys.contains("nodes") && (keys.contains("links") || keys.contains("edges")) && !keys.contains("entities")
            ? .nodeLink : .json
    }

    private static func readDescriptor(_ given: Int32, path: String) throws(GraphFormatsError) -> [UInt8] {
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
            if done == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
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

    /// `bytes` as UTF-8 text, without a byte order mark.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the line and column (in
    ///   Unicode scalars) of the first byte that is not UTF-8.
    /// - Complexity: O(n).
    public static func text(_ bytes: [UInt8], file: String) throws(GraphFormatsError) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.count != bytes.count || !text.utf8.elementsEqual(bytes) {
            // Find the first bad byte: the first place where decoding the prefix differs.
            var line = 1, column = 1, i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                let len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
                var ok = len > 0 && i + len <= n
                if ok && len > 1 {
                    ok = String(decoding: bytes[i..<(i + len)], as: UTF8.self).utf8.elementsEqual(bytes[i..<(i + len)])
                }
                if !ok {
                    throw .syntax(SourceLocation(file: file, line: line, column: column),
                                  String(format: "byte 0x%02X is not UTF-8 text (save the file as UTF-8)", b))
                }
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += len
            }
        }
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
