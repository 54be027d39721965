import CGraphviz
import Foundation

/// Where cgraph's messages go: C's `stderr`, pointed during each job at a stream
/// that keeps what the job's own thread writes (`rg_capture` in the C shim) and
/// passes any other thread's writes on to file descriptor 2 unchanged.
///
/// Why not `agseterrf`: Graphviz 2.43 hands a callback its messages through a
/// 1,024-byte buffer, and formats a longer one a second time from an already
/// used `va_list`, which reads whatever the next argument register held. A
/// syntax error near a 5,000-character token came back as "(null)"; a warning
/// about a 3,000-character `shape` value crashed the process (SIGSEGV, in a
/// 12-line C program too). Without a callback cgraph formats each message once,
/// with `vfprintf(stderr, …)`, right at any length.
final class MessageSink {
    private let capture: UnsafeMutablePointer<rg_capture>
    /// The capturing stream, made once and never closed (a thread that read
    /// `stderr` during a job may write to it later); `nil` if it could not be made.
    private let stream: UnsafeMutablePointer<FILE>?
    private var previous: UnsafeMutablePointer<FILE>?
    /// Byte offset where the messages of the current attempt begin.
    private var start = 0

    init() {
        capture = .allocate(capacity: 1)
        capture.initialize(to: rg_capture())
        stream = rg_capture_stream(capture)
    }

    /// Starts keeping what this thread writes to `stderr`, from an empty text.
    func begin() {
        start = 0
        guard let stream else { return }
        previous = rg_capture_begin(capture, stream)
    }

    /// Gives `stderr` back.
    func end() {
        guard stream != nil else { return }
        rg_capture_end(capture, previous)
    }

    /// Everything written since the last ``begin()`` or ``restart()``.
    var text: String {
        let length = capture.pointee.length
        guard let base = capture.pointee.text, length > start else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: base + start, count: length - start), as: UTF8.self)
    }

    /// Forgets what was written so far (the next ``text`` starts here).
    func restart() {
        start = capture.pointee.length
    }
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
    private let sink = MessageSink()

    private init() {
        lock.lock()
        defer { lock.unlock() }
        _ = agseterrf(nil)
        sink.begin()
        context = gvContext()
        sink.end()
    }

    /// State of one job, valid only inside ``GraphvizGate/run(fileName:_:)``.
    struct Job {
        let context: OpaquePointer
        fileprivate let sink: MessageSink
        fileprivate let fileName: UnsafeMutablePointer<CChar>?

        /// Messages reported since the job (or the last ``restart()``) started.
        var messages: [GraphvizMessage] { GraphvizGate.split(sink.text) }
        /// Whether Graphviz reported an error (not only a warning) in this job.
        var hadError: Bool { agerrors() > 0 }
        var warnings: [String] { messages.filter { !$0.isError }.map(\.text) }
        var errorText: String {
            let errors = messages.filter(\.isError).map(\.text)
            return (errors.isEmpty ? messages.map(\.text) : errors).joined(separator: "\n")
        }

        /// Clears the error state and the messages, and restarts cgraph's line count,
        /// for a second read in the same job.
        func restart() {
            _ = agreseterrors()
            agsetfile(fileName)
            sink.restart()
        }
    }

    /// Runs `body` alone: resets cgraph's error state, sends its messages to a
    /// fresh buffer, names the input for cgraph's messages (and restarts its line count).
    func run<T>(fileName: String, _ body: (Job) throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let context else { throw .unavailable("gvContext() returned NULL") }
        _ = agseterrf(nil)
        _ = agreseterrors()
        let previousName = fileNameCopy
        fileNameCopy = strdup(fileName)
        agsetfile(fileNameCopy)
        free(previousName)
        sink.begin()
        defer { sink.end() }
        return try body(Job(context: context, sink: sink, fileName: fileNameCopy))
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
