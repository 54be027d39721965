import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// All suites of this target run one after another (the memory test needs a quiet process);
/// the concurrency test makes its own parallel callers.
@Suite(.serialized) struct GraphvizRenderingTests {}

/// Output of a child process.
struct ProcessOutput {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
}

/// True when the environment says this is a CI run (`CI=true`): a test whose tool
/// is missing then runs and fails instead of being skipped.
let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

/// Whether a test that needs the executable `name` should run: it is installed, or
/// this is CI (where the test then fails on the missing tool). Use with `.enabled(if:)`.
func toolAvailable(_ name: String) -> Bool { findExecutable(name) != nil || isCI }

/// The executable `name`, or a thrown failure naming it (for tests enabled by ``toolAvailable(_:)``).
func requireExecutable(_ name: String) throws -> URL {
    guard let url = findExecutable(name) else { throw MissingTool(name: name) }
    return url
}

struct MissingTool: Error, CustomStringConvertible {
    var name: String
    var description: String { "`\(name)` is not installed (CI=true: a missing tool fails the test)" }
}

/// Finds an executable on PATH (or the usual bin folders); nil if missing.
func findExecutable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
    for folder in folders {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

/// Runs `executable` with `arguments`, feeding `input` on stdin.
func runProcess(_ executable: URL, _ arguments: [String], input: String) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Graphviz reads all of its input before writing, and its stderr is short.
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus, stdout: Array(out), stderr: Array(err))
}

/// Counts `<g class="node">` elements with Foundation's XML parser; nil if the SVG is not well-formed XML.
func svgNodeGroupCount(_ data: [UInt8]) -> Int? {
    final class Counter: NSObject, XMLParserDelegate {
        var nodes = 0
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if elementName == "g", attributes["class"] == "node" { nodes += 1 }
        }
    }
    let parser = XMLParser(data: Data(data))
    // Graphviz's SVG names an external DTD; don't fetch it.
    parser.shouldResolveExternalEntities = false
    let counter = Counter()
    parser.delegate = counter
    return parser.parse() ? counter.nodes : nil
}

/// Resident set size of this process in bytes, from /proc/self/statm (nil elsewhere).
func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// A small deterministic graph: `count` nodes in a ring plus chords.
func ringDOT(name: String = "ring", nodes count: Int) -> String {
    var lines = ["digraph \(name) {"]
    for i in 0..<count { lines.append("  n\(i) [label=\"Node \(i)\"];") }
    for i in 0..<count {
        lines.append("  n\(i) -> n\((i + 1) % count);")
        if i % 2 == 0 { lines.append("  n\(i) -> n\((i * 7 + 3) % count);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
}

/// A deterministic acyclic graph: a path plus forward chords. (dot in Graphviz 2.43
/// leaks about 3 KB per layout of a graph with cycles, in `new_virtual_edge`; an
/// acyclic graph lets a memory test see our own leaks only.)
func dagDOT(name: String, nodes count: Int) -> String {
    var lines = ["digraph \(name) {"]
    for i in 0..<count { lines.append("  n\(i) [label=\"Node \(i)\"];") }
    for i in 0..<count {
        if i + 1 < count { lines.append("  n\(i) -> n\(i + 1);") }
        let j = (i * 7 + 3) % count
        if i % 2 == 0, j > i { lines.append("  n\(i) -> n\(j);") }
    }
    lines.append("}")
    return lines.joined(separator: "\n")
}
