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
}
