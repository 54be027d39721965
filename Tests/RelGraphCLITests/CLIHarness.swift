import Foundation
import Testing

// End-to-end harness: runs the built `relgraph` binary as a user would, in the
// style of swift-argument-parser's `AssertExecuteCommand` (TestHelpers.swift).
// Output goes to temporary files, not pipes, so a large output can never block
// the child while the test waits for it.

/// What one run of the binary produced.
struct CommandResult: CustomStringConvertible {
    var arguments: [String]
    var stdout: String
    var stderr: String
    /// The exit status; for a run killed by a signal, 128 + the signal number.
    var status: Int32
    /// True when the process died of a signal (a trap, a crash).
    var crashed: Bool

    var stdoutData: Data { Data(stdout.utf8) }

    var description: String {
        "relgraph \(arguments.joined(separator: " ")) → exit \(status)\(crashed ? " (signal)" : "")\n"
            + "--- stdout ---\n\(stdout.prefix(2000))\n--- stderr ---\n\(stderr.prefix(2000))"
    }
}

enum CLI {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let goldenDirectory = fixtures.appendingPathComponent("cli")
    static let inputs = goldenDirectory.appendingPathComponent("inputs")
    static let networks = fixtures.appendingPathComponent("networks")

    /// Paths relative to the package root, as a user in the checkout would type them.
    static let trotsky = "Graphs/trotsky-stalin.yaml"
    static let small = "Tests/Fixtures/cli/inputs/small.yaml"

    static func network(_ name: String) -> String { "Tests/Fixtures/networks/\(name).edges.csv" }

    /// The `relgraph` executable built next to the test bundle, or nil.
    ///
    /// Linux: the test executable is `<scratch>/debug/relgraphPackageTests.xctest` and
    /// `relgraph` sits in the same directory. macOS: the bundle is
    /// `<products>/relgraphPackageTests.xctest/Contents/MacOS/…`, three levels below.
    /// `RELGRAPH_BINARY` overrides the search.
    static let binary: URL? = locate("relgraph")

    /// An executable product built next to the test bundle (see ``binary``).
    static func locate(_ name: String) -> URL? {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["RELGRAPH_BINARY"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var starts: [URL] = []
        if let first = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        starts.append(Bundle.main.bundleURL)
        if let exe = Bundle.main.executableURL { starts.append(exe.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            starts.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fm.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Runs `relgraph arguments…` with the package root (or `directory`) as the working directory.
    static func run(_ arguments: [String], in directory: URL? = nil, program: String = "relgraph") throws -> CommandResult {
        guard let binary = program == "relgraph" ? binary : locate(program) else {
            throw HarnessError(
                "the \(program) executable was not found next to the test bundle (searched from "
                    + "\(CommandLine.arguments.first ?? "?") and \(Bundle.main.bundlePath)); "
                    + "build it with `swift build --product relgraph` or set RELGRAPH_BINARY")
        }
        let scratch = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()

        let crashed = process.terminationReason == .uncaughtSignal
        return CommandResult(
            arguments: arguments,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            status: crashed ? 128 + process.terminationStatus : process.terminationStatus,
            crashed: crashed)
    }

    /// A fresh directory under the system temporary directory.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("relgraph-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a fresh temporary directory, removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    /// Absolute path of a file given relative to the package root.
    static func absolute(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Expectations

/// Exit status, and the marks of a crash that must never reach a user.
func expectStatus(
    _ result: CommandResult, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "\(result)", sourceLocation: sourceLocation)
    expectNoCrash(result, sourceLocation: sourceLocation)
}

/// No signal, no Swift runtime trap text, no stack trace on either stream.
func expectNoCrash(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.crashed, "killed by a signal: \(result)", sourceLocation: sourceLocation)
    for marker in ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "Illegal instruction", "Swift runtime failure"] {
        #expect(!result.stderr.contains(marker), "stderr shows '\(marker)': \(result)", sourceLocation: sourceLocation)
        #expect(!result.stdout.contains(marker), "stdout shows '\(marker)': \(result)", sourceLocation: sourceLocation)
    }
}

/// Compares `actual` with the golden file `Tests/Fixtures/cli/<name>`; with
/// `RELGRAPH_RECORD=1` in the environment, writes it instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = CLI.goldenDirectory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RELGRAPH_RECORD"] == "1" {
        try Data(actual.utf8).write(to: url, options: .atomic)
        print("recorded golden file \(url.path)")
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("missing golden file \(url.path); run with RELGRAPH_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != actual else { return }
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    let line = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
    let wanted = line < e.count ? e[line] : "<end of file>", got = line < a.count ? a[line] : "<end of output>"
    Issue.record(
        """
        output differs from golden file \(name) at line \(line + 1):
          expected: \(wanted)
          actual:   \(got)
        (re-record with RELGRAPH_RECORD=1 if the change is intended)
        """, sourceLocation: sourceLocation)
}

// MARK: - JSON

/// Decodes JSON text (from a command or a fixture) into `T`.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

func decode<T: Decodable>(_ type: T.Type, file url: URL) throws -> T {
    try JSONDecoder().decode(T.self, from: try Data(contentsOf: url))
}

// MARK: - Tools

/// External programs some tests compare against. A test that needs one is
/// `.enabled(if:)` on it, so it shows as skipped when the tool is missing — except
/// with `CI=true`, where it runs and fails.
enum Tools {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The executable `name` on PATH (or /usr/bin, /usr/local/bin), or nil.
    static func path(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// For `.enabled(if:)`: the tool is installed, or this is CI.
    static func availableOrCI(_ name: String) -> Bool { path(name) != nil || isCI }

    /// The tool's path, or a thrown failure naming it.
    static func require(_ name: String) throws -> String {
        guard let p = path(name) else { throw HarnessError("`\(name)` is not installed (CI=true: a missing tool fails the test)") }
        return p
    }

    /// python3 can import PyYAML.
    static let pyYAML: Bool = {
        guard let python = path("python3") else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import yaml"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    static let pyYAMLOrCI = pyYAML || isCI
}
