import CGraphviz
import Foundation

/// Text handed to `agseterrf`'s callback during the current job.
/// Only touched while ``GraphvizGate`` holds its lock.
nonisolated(unsafe) private var capturedGraphvizText = ""

/// cgraph's message sink: collects every piece ("Error", ": ", text…) so nothing
/// reaches standard error.
private func captureGraphvizMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let text { capturedGraphvizText += String(cString: text) }
    return 0
}

/// One message Graphviz reported.
struct GraphvizMessage: Equatable {
    var isError: Bool
    var text: String
}

/// The one process-wide gate in front of Graphviz, which is not thread-safe:
/// every C call happens inside ``run(fileName:_:)`` under a single lock, with one
/// long-lived `GVC_t`.
final class GraphvizGate: @unchecked Sendable {
    static let shared = GraphvizGate()

    private let lock = NSLock()
    /// The context, created once and kept for the life of the process
    /// (a context per call leaks); `nil` if `gvContext()` failed.
    private let context: OpaquePointer?
    /// A stable copy of the current file name: `agsetfile` keeps the pointer.
    private var fileNameCopy: UnsafeMutablePointer<CChar>?

    private init() {
        lock.lock()
        defer { lock.unlock() }
        _ = agseterrf(captureGraphvizMessage)
        context = gvContext()
        capturedGraphvizText = ""
    }

    /// State of one job, valid only inside ``GraphvizGate/run(fileName:_:)``.
    struct Job {
        let context: OpaquePointer

        /// Messages reported since the job started.
        var messages: [GraphvizMessage] { GraphvizGate.split(capturedGraphvizText) }
        /// Whether Graphviz reported an error (not only a warning) in this job.
        var hadError: Bool { agerrors() > 0 }
        var warnings: [String] { messages.filter { !$0.isError }.map(\.text) }
        var errorText: String {
            let errors = messages.filter(\.isError).map(\.text)
            return (errors.isEmpty ? messages.map(\.text) : errors).joined(separator: "\n")
        }
    }

    /// Runs `body` alone: resets cgraph's error state and the captured text
    /// first, names the input for cgraph's messages (and restarts its line count).
    func run<T>(fileName: String, _ body: (Job) throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let context else { throw .unavailable("gvContext() returned NULL") }
        _ = agseterrf(captureGraphvizMessage)
        _ = agreseterrors()
        capturedGraphvizText = ""
        let previousName = fileNameCopy
        fileNameCopy = strdup(fileName)
        agsetfile(fileNameCopy)
        free(previousName)
        defer { capturedGraphvizText = "" }
        return try body(Job(context: context))
    }

    /// Splits captured text into messages: a line starting "Error: " or
    /// "Warning: " opens one; other lines continue the previous message.
    static func split(_ text: String) -> [GraphvizMessage] {
        var messages: [GraphvizMessage] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Error: ") {
                messages.append(GraphvizMessage(isError: true, text: String(line.dropFirst(7))))
            } else if line.hasPrefix("Warning: ") {
                messages.append(GraphvizMessage(isError: false, text: String(line.dropFirst(9))))
            } else if let last = messages.indices.last {
                messages[last].text += "\n" + line
            } else {
                messages.append(GraphvizMessage(isError: false, text: line))
            }
        }
        return messages
    }
}
