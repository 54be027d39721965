#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GraphModel

/// Where a writer puts its text: a buffer in memory, or a file written in
/// 1 MiB chunks as the text is produced (so a 100 MB export never exists as one
/// `String`). Writers append with `+=`; the bytes are the same either way.
public final class TextSink {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let path: String
    private var failure: String?
    /// Bytes written so far (flushed or buffered).
    public private(set) var count = 0
    static let chunk = 1 << 20

    /// A sink collecting the text in memory (see ``text``).
    public init() {
        fd = -1
        path = ""
    }

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(TextSink.chunk + 4096)
    }

    /// Appends `text`'s UTF-8 bytes.
    /// - Complexity: O(n) amortized.
    @inline(__always)
    public static func += (sink: TextSink, text: String) {
        var text = text
        text.withUTF8 { sink.buffer.append(contentsOf: $0) }
        sink.count += text.utf8.count
        if sink.fd >= 0 && sink.buffer.count >= chunk { sink.flush() }
    }

    /// Appends raw bytes.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if fd >= 0 && buffer.count >= TextSink.chunk { flush() }
    }

    /// The text collected by an in-memory sink.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    func flush() {
        guard fd >= 0, failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        var done = 0
        buffer.withUnsafeBytes { b in
            while done < b.count {
                let r = Glibc_write(fd, b.baseAddress! + done, b.count - done)
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += r
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Streams a writer's output to `path` as ``AtomicWrite`` writes a file:
    /// `-` is standard output; a device or FIFO is written through; otherwise
    /// the chunks go to a temporary file in the same directory, renamed over
    /// `path` once everything is written, and on any error (the writer's or the
    /// disk's) the temporary file is removed and `path` is untouched.
    /// - Throws: the writer's error, or ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: O(n) in the bytes written, O(1) memory beyond one chunk.
    public static func writeFile(
        _ path: String, _ body: (TextSink) throws(GraphFormatsError) -> Void
    ) throws(GraphFormatsError) {
        try AtomicWrite.stream(to: path) { fd throws(GraphFormatsError) in
            let shown = path == AtomicWrite.standardOutputPath ? "standard output" : path
            let sink = TextSink(fd: fd, path: shown)
            try body(sink)
            sink.flush()
            if let failure = sink.failure { throw .io(path: shown, "cannot write: \(failure)") }
        }
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}

/// A writer that produces its text in order into a ``TextSink``; the whole text
/// as a `String` and the file written in chunks come from that one function.
public protocol SinkWriter {
    /// Appends the graph's text to `out`.
    static func write(_ graph: Graph, to out: TextSink)
}

extension SinkWriter {
    /// The graph's text, deterministic byte for byte.
    /// - Complexity: that of ``write(_:to:)``.
    public static func write(_ graph: Graph) -> String {
        let sink = TextSink()
        write(graph, to: sink)
        return sink.text
    }

    /// Writes the text of ``write(_:)`` to `path` (see ``TextSink/writeFile(_:_:)``:
    /// atomically, `-` for standard output), in chunks as it is produced (the same bytes).
    /// - Throws: ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: that of ``write(_:to:)``; O(1) memory beyond the graph and one chunk.
    public static func write(_ graph: Graph, toFile path: String) throws(GraphFormatsError) {
        try TextSink.writeFile(path) { sink in write(graph, to: sink) }
    }
}

/// A ``SinkWriter`` that may refuse the graph part-way (a value its format cannot carry).
public protocol ThrowingSinkWriter {
    /// Appends the graph's text to `out`, or throws ``GraphFormatsError/refused(_:)``.
    static func write(_ graph: Graph, to out: TextSink) throws(GraphFormatsError)
}

extension ThrowingSinkWriter {
    /// The graph's text, deterministic byte for byte.
    /// - Throws: ``GraphFormatsError/refused(_:)``.
    /// - Complexity: that of ``write(_:to:)``.
    public static func write(_ graph: Graph) throws(GraphFormatsError) -> String {
        let sink = TextSink()
        try write(graph, to: sink)
        return sink.text
    }

    /// Writes the text of ``write(_:)`` to `path` atomically, in chunks as it is
    /// produced (the same bytes); nothing is left behind when refused.
    /// - Throws: ``GraphFormatsError/refused(_:)`` or ``GraphFormatsError/io(path:_:)``.
    /// - Complexity: that of ``write(_:to:)``; O(1) memory beyond the graph and one chunk.
    public static func write(_ graph: Graph, toFile path: String) throws(GraphFormatsError) {
        try TextSink.writeFile(path) { sink throws(GraphFormatsError) in try write(graph, to: sink) }
    }
}
