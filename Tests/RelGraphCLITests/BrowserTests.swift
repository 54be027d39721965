import Foundation
import Testing

/// Headless Chromium, its driver and Selenium (`make deps` installs them).
enum Browser {
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let python = which("python3")

    static let available: Bool = {
        guard let python, which("chromium") != nil || which("chromium-browser") != nil,
              which("chromedriver") != nil else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import selenium"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    /// Under CI=true the browser tests run (and fail) even when the browser is missing.
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
}

/// The explorer page and the report in a real browser: `Tests/Browser/explore_test.py`
/// drives them as a person would (search, cards, click, path, year, no console
/// errors, no network, the hostile graph runs no script).
@Suite(.serialized)
struct BrowserTests {
    @Test(.enabled(if: Browser.available || Browser.required,
                   "headless Chromium, chromedriver or Selenium is missing (make deps installs them)"))
    func explorerAndReportInChromium() throws {
        let binary = try #require(CLI.binary, "the relgraph binary is not built")
        let python = try #require(Browser.python, "python3 is missing")
        let script = CLI.packageRoot.appendingPathComponent("Tests/Browser/explore_test.py").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-browser-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script, binary.path, CLI.packageRoot.path]
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        p.waitUntilExit()
        try handle.close()
        let output = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"), "\(output)")
        #expect(!output.contains("FAIL "), "\(output)")
    }
}
