#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Progress on standard error for steps that take a while (reading, building,
/// an algorithm, writing): after about a second, one line saying what is being
/// done and for how long, redrawn four times a second and erased when the step
/// ends. Only when standard error is a terminal and `--quiet` is not given;
/// otherwise nothing at all, so pipes and logs stay clean.
///
/// `RELGRAPH_PROGRESS_DELAY` (seconds) changes the one-second threshold (tests use 0).
final class Progress: @unchecked Sendable {
    nonisolated(unsafe) static var quiet = false
    static let shared = Progress()

    private let lock = NSLock()
    private var label: String?
    private var started = Date()
    private var generation = 0
    private var shown = false

    /// Whether progress may be drawn at all.
    static var enabled: Bool { !quiet && isatty(2) == 1 }

    static var delay: Double {
        ProcessInfo.processInfo.environment["RELGRAPH_PROGRESS_DELAY"].flatMap(Double.init) ?? 1.0
    }

    /// Runs `body` as one step named `label` ("reading M.edges.csv").
    static func step<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        shared.begin(label)
        defer { shared.end() }
        return try body()
    }

    private func begin(_ label: String) {
        lock.lock()
        self.label = label
        started = Date()
        generation += 1
        let mine = generation
        lock.unlock()
        let delay = Progress.delay
        if delay <= 0 { _ = draw(mine) }  // no threshold: drawn at once, whatever the scheduler does
        Thread.detachNewThread { [self] in
            Thread.sleep(forTimeInterval: delay)
            while self.draw(mine) { Thread.sleep(forTimeInterval: 0.25) }
        }
    }

    /// Draws the line for step `id`; `false` once that step has ended.
    private func draw(_ id: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard id == generation, let label else { return false }
        let seconds = Date().timeIntervalSince(started)
        let line = "\r\u{1B}[2Krelgraph: \(label)… \(String(format: "%.1f", seconds)) s"
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
        return true
    }

    private func end() {
        lock.lock(); defer { lock.unlock() }
        generation += 1
        label = nil
        if shown {
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            shown = false
        }
    }
}
