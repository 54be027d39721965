import Foundation
import Testing

/// Progress lines go to standard error only on a terminal, never with --quiet,
/// never into a pipe or file. `RELGRAPH_PROGRESS_DELAY=0` makes every step "slow".
@Suite("progress on a terminal only")
struct ProgressTests {
    static let script = "/usr/bin/script"
    static var hasScript: Bool { FileManager.default.isExecutableFile(atPath: script) }
    static var requireTools: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Runs relgraph with standard error on a pseudo-terminal (util-linux `script`), returning what it drew.
    func onTerminal(_ arguments: [String]) throws -> String {
        let binary = try #require(CLI.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["RELGRAPH_PROGRESS_DELAY"] = "0"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("on a terminal, a slow step says what it is doing", .enabled(if: hasScript || requireTools))
    func drawnOnATerminal() throws {
        #expect(Self.hasScript, "util-linux script is needed (CI=true)")
        let drawn = try onTerminal(["rank", CLI.network("karate"), "--by", "pagerank", "--top", "1"])
        #expect(drawn.contains("relgraph: reading \(CLI.network("karate"))…"), "\(drawn)")
        #expect(drawn.contains("\u{1B}[2K"), "the line is erased when the step ends")
        let quiet = try onTerminal(["rank", CLI.network("karate"), "--by", "pagerank", "--top", "1", "--quiet"])
        #expect(!quiet.contains("relgraph: reading"), "\(quiet)")
    }

    @Test("into a file, nothing but the result", arguments: [
        ["rank", "Tests/Fixtures/networks/karate.edges.csv", "--by", "pagerank", "--top", "1"],
        ["info", "Tests/Fixtures/networks/karate.edges.csv"],
    ])
    func silentWhenNotATerminal(arguments: [String]) throws {
        let binary = try #require(CLI.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["RELGRAPH_PROGRESS_DELAY"] = "0"
        process.environment = env
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let text = String(decoding: errData, as: UTF8.self)
        #expect(!text.contains("relgraph: reading") && !text.contains("\u{1B}"), "\(text)")
    }
}
