import Foundation
import Testing
@testable import GraphFormats

@Suite("Atomic writes")
struct AtomicWriteTests {
    func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func createsParentsAndReplacesWithoutLeftovers() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a/b/out.yaml").path
        try AtomicWrite.write("first\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        try AtomicWrite.write(Data("second — ж\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second — ж\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a/b").path) == ["out.yaml"])
    }

    @Test func failureLeavesNothingBehind() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A parent that is a file: the directory cannot be created.
        let blocker = dir.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: GraphFormatsError.self) { try AtomicWrite.write("y", to: blocker.appendingPathComponent("out.txt").path) }
        // The destination is a directory: refused, directory untouched, no temporary file left.
        let target = dir.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        do {
            try AtomicWrite.write("y", to: target.path)
            Issue.record("expected an error")
        } catch {
            guard case .io(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path == target.path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["blocker", "target"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func saveAndLoadThroughGraphFile() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = try GraphFile.load(path: FormatFixtures.graphFile("small.yaml"))
        for ext in ["yaml", "yml", "json"] {
            let path = dir.appendingPathComponent("copy.\(ext)").path
            try GraphFile.save(g, to: path)
            #expect(try GraphFile.load(path: path) == g)
        }
        #expect(throws: GraphFormatsError.self) { try GraphFile.save(g, to: dir.appendingPathComponent("x.unknown").path) }
        #expect(throws: GraphFormatsError.self) { try GraphFile.load(path: dir.appendingPathComponent("missing.yaml").path) }
    }

    // MARK: issue 8 item 2

    @Test func replacedFileKeepsItsMode() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("secret.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
        try AtomicWrite.write("new", to: path)
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    }

    @Test func nothingIsNamedBeforeTheBytesAreComplete() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        var seen: [String] = ["not called"]
        try AtomicWrite.write(Data(repeating: 65, count: 1 << 20), to: path) {
            seen = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? ["error"]
        }
        // A kill -9 at that moment leaves the directory as it was: empty.
        #expect(seen == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }

    @Test func symbolicLinkIsFollowedAndKept() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.txt").path, link = dir.appendingPathComponent("link.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.txt")
        try AtomicWrite.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.txt")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new")
    }

    @Test func fifoIsWrittenThroughNotReplaced() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { box.data = h.readDataToEndOfFile() }
            done.signal()
        }
        thread.start()
        try AtomicWrite.write("through the pipe\n", to: fifo)
        done.wait()
        #expect(String(decoding: box.data, as: UTF8.self) == "through the pipe\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func deviceWriteErrorIsReportedAndDeviceKept() throws {
        #expect(throws: GraphFormatsError.self) { try AtomicWrite.write("x", to: "/dev/full") }
        var info = stat()
        #expect(lstat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func sameFileSeesThroughSpellings() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: a))
        #expect(AtomicWrite.sameFile(a, dir.path + "/./a.yaml"))
        #expect(!AtomicWrite.sameFile(a, dir.appendingPathComponent("b.yaml").path))
        #expect(!AtomicWrite.sameFile("-", a))
    }
}
