import Foundation

/// Runs a Graphviz job in a child process, so that it can be stopped.
///
/// A layout inside libgvc cannot be interrupted, and `fork()` of a
/// multithreaded process is unsafe; so the job is handed to a fresh process
/// (the same program, started with a hidden sub-command that calls
/// ``serve(engine:format:input:output:warnings:)``), through temporary files
/// in a private directory. The parent waits, calls `heartbeat` about once a
/// second, and past the time limit stops the child (SIGTERM, then SIGKILL after
/// a second), removes every temporary file and throws
/// ``GraphvizError/timedOut(engine:seconds:)``. Nothing is left behind on any path.
public struct ChildRenderer: Sendable {
    /// The program to start (the running `relgraph` binary, for instance).
    public var executable: String
    /// Arguments before the job's own (the hidden sub-command's name).
    public var leadingArguments: [String]

    public init(executable: String, leadingArguments: [String]) {
        self.executable = executable
        self.leadingArguments = leadingArguments
    }

    /// The running program's path: `/proc/self/exe` on Linux, else the first
    /// command-line argument made absolute.
    public static var currentExecutable: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        let first = CommandLine.arguments.first ?? "relgraph"
        return URL(fileURLWithPath: first).standardizedFileURL.path
    }

    /// Lays out and renders `dot` in a child process, within `timeout` seconds.
    ///
    /// - Parameters:
    ///   - engine: a ``LayoutEngine`` name, or ``Graphviz/pinnedEngineName`` for
    ///     pinned positions (``Graphviz/renderPinned(dot:format:)``).
    ///   - timeout: seconds before the child is stopped (`.infinity` for none).
    ///   - heartbeat: called about once a second with the seconds elapsed, on this thread.
    /// - Throws: ``GraphvizError/timedOut(engine:seconds:)``, ``GraphvizError/childFailed(_:)``,
    ///   or the child's ``GraphvizError/layoutFailed(engine:message:)``.
    /// - Complexity: that of the job, plus writing and reading the DOT text and output once.
    public func render(dot: String, engine: String, format: OutputFormat, timeout: Double,
                       heartbeat: ((Double) -> Void)? = nil) throws(GraphvizError) -> Rendering {
        try render(dots: [dot], engine: engine, format: format, timeout: timeout, heartbeat: heartbeat)[0]
    }

    /// Renders each of `dots` in a child process of its own, all at once (one
    /// per core), within `timeout` seconds for the lot; past it every child is stopped.
    /// - Returns: one rendering per text, in order.
    /// - Throws: as ``render(dot:engine:format:timeout:heartbeat:)``; the first failure
    ///   (in the order of `dots`) when several fail.
    /// - Complexity: that of the slowest job, when there are as many cores as jobs.
    public func render(dots: [String], engine: String, format: OutputFormat, timeout: Double,
                       heartbeat: ((Double) -> Void)? = nil) throws(GraphvizError) -> [Rendering] {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("relgraph-render-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        struct Child {
            let process = Process()
            let output: URL, warnings: URL, errors: URL
            var errorHandle: FileHandle?
        }
        var children: [Child] = []
        defer {
            for c in children {
                try? c.errorHandle?.close()
                if c.process.isRunning { stop(c.process) }
            }
        }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            for (k, dot) in dots.enumerated() {
                let input = dir.appendingPathComponent("in\(k).dot")
                var child = Child(output: dir.appendingPathComponent("out\(k)"), warnings: dir.appendingPathComponent("warnings\(k)"),
                                  errors: dir.appendingPathComponent("errors\(k)"))
                try Data(dot.utf8).write(to: input)
                _ = fm.createFile(atPath: child.errors.path, contents: nil)
                child.process.executableURL = URL(fileURLWithPath: executable)
                child.process.arguments = leadingArguments + [
                    "--engine", engine, "--format", format.rawValue, "--input", input.path,
                    "--output", child.output.path, "--warnings", child.warnings.path,
                ]
                child.errorHandle = try FileHandle(forWritingTo: child.errors)
                child.process.standardError = child.errorHandle
                child.process.standardOutput = FileHandle.nullDevice
                child.process.standardInput = FileHandle.nullDevice
                children.append(child)
                try child.process.run()
            }
        } catch {
            throw .childFailed("cannot start \(executable): \(error.localizedDescription)")
        }
        let start = Date()
        var beats = 0
        while children.contains(where: { $0.process.isRunning }) {
            let elapsed = Date().timeIntervalSince(start)
            if elapsed > timeout {
                for c in children where c.process.isRunning { stop(c.process) }
                throw .timedOut(engine: engine == Graphviz.pinnedEngineName ? "pinned" : engine, seconds: timeout)
            }
            if Int(elapsed) > beats {
                beats = Int(elapsed)
                heartbeat?(elapsed)
            }
            usleep(5_000)
        }
        var renderings: [Rendering] = []
        for c in children {
            c.process.waitUntilExit()
            let errorText = ((try? String(contentsOf: c.errors, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if c.process.terminationReason == .uncaughtSignal {
                throw .childFailed("stopped by signal \(c.process.terminationStatus)\(errorText.isEmpty ? "" : ": " + errorText)")
            }
            guard c.process.terminationStatus == 0, let data = fm.contents(atPath: c.output.path) else {
                throw .layoutFailed(engine: engine, message: errorText.isEmpty ? "exit status \(c.process.terminationStatus)" : errorText)
            }
            let warningText = (try? String(contentsOf: c.warnings, encoding: .utf8)) ?? ""
            renderings.append(Rendering(data: [UInt8](data), warnings: warningText.split(separator: "\u{0}").map(String.init)))
        }
        return renderings
    }

    /// SIGTERM, a second's grace, then SIGKILL; waits for the child to end.
    private func stop(_ process: Process) {
        process.terminate()
        let deadline = Date().addingTimeInterval(1)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The child's side: renders `input` in process and writes the bytes to
    /// `output` and the warnings (NUL-separated) to `warnings`; on failure
    /// prints the error to standard error.
    ///
    /// - Returns: the exit status, 0 on success, 1 on failure.
    /// - Complexity: that of the job.
    public static func serve(engine: String, format: String, input: String, output: String, warnings: String) -> Int32 {
        let fail: (String) -> Int32 = { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 1
        }
        guard let data = FileManager.default.contents(atPath: input), let dot = String(data: data, encoding: .utf8) else {
            return fail("cannot read \(input)")
        }
        do {
            let fmt = try OutputFormat(named: format)
            let rendering: Rendering
            // This process ends right after the job: the graph is not freed (see `renderUnchecked`).
            let name = engine == Graphviz.pinnedEngineName ? engine : try LayoutEngine(named: engine).rawValue
            rendering = try Graphviz.renderUnchecked(dot: dot, engine: name, format: fmt.rawValue, freeing: false)
            try Data(rendering.warnings.joined(separator: "\u{0}").utf8).write(to: URL(fileURLWithPath: warnings))
            try Data(rendering.data).write(to: URL(fileURLWithPath: output))
            return 0
        } catch let error as GraphvizError {
            return fail(error.errorDescription ?? "\(error)")
        } catch {
            return fail("\(error.localizedDescription)")
        }
    }
}
