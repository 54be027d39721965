import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `render` at scale: the overview above a threshold (lowered here by
/// `--overview-above`), `--full` from relgraph's own layout, `--timeout`
/// stopping a slow layout, and `--series` keeping every entity in place.
@Suite("Render at scale")
struct RenderScaleTests {
    /// Writes a fixture edge list (`source,target,weight,kind`).
    func edgeList(_ pairs: [(Int, Int)], in dir: URL, name: String) throws -> String {
        let path = dir.appendingPathComponent("\(name).edges.csv").path
        var text = "source,target,weight,kind\n"
        for (a, b) in pairs { text += "n\(a),n\(b),1,\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Three stars (hubs n0, n10, n20 with 9, 7 and 5 leaves), hub n0 tied to hub n10 twice over leaves.
    func threeStars() -> [(Int, Int)] {
        var p: [(Int, Int)] = []
        for (hub, leaves) in [(0, 9), (10, 7), (20, 5)] { for l in 1...leaves { p.append((hub, hub + l)) } }
        return p
    }

    /// Center of every node drawn in an SVG, by its tooltip (`xlink:title`).
    func nodeCenters(_ svg: String) -> [String: (Double, Double)] {
        var out: [String: (Double, Double)] = [:]
        for block in svg.components(separatedBy: "<g id=\"node").dropFirst() {
            guard let t = block.range(of: "xlink:title=\""), let e = block[t.upperBound...].firstIndex(of: "\"") else { continue }
            let title = String(block[t.upperBound..<e])
            if let m = block.firstMatch(of: /<ellipse[^>]* cx="([-\d.]+)" cy="([-\d.]+)"/), let x = Double(m.1), let y = Double(m.2) {
                out[title] = (x, y)
            } else if let m = block.firstMatch(of: /<polygon[^>]* points="([^"]+)"/) {
                let pts = m.1.split(separator: " ").compactMap { p -> (Double, Double)? in
                    let c = p.split(separator: ","); guard c.count == 2, let x = Double(c[0]), let y = Double(c[1]) else { return nil }
                    return (x, y)
                }
                guard !pts.isEmpty else { continue }
                let xs = pts.map(\.0), ys = pts.map(\.1)
                out[title] = (((xs.min() ?? 0) + (xs.max() ?? 0)) / 2, ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2)
            }
        }
        return out
    }

    @Test("Above the threshold: an overview, one node per component, and stderr says how to see more")
    func overview() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try edgeList(threeStars(), in: dir, name: "stars")
            let out = dir.appendingPathComponent("o.svg").path
            let r = try CLI.run(["render", file, "-o", out, "--group-by", "component", "--overview-above", "10"])
            expectStatus(r, 0)
            #expect(r.stderr.contains("overview"))
            for hint in ["--full", "--community N", "--focus NAME"] { #expect(r.stderr.contains(hint), "\(hint)") }
            let svg = try String(contentsOfFile: out, encoding: .utf8)
            // Hand-counted: components of 10, 8 and 6 entities, named after their hubs.
            let titles = nodeCenters(svg).keys.sorted()
            #expect(titles.count == 3)
            for label in ["n0", "10 entities", "n10", "8 entities", "n20", "6 entities"] {
                #expect(svg.contains(">\(label)<"), "\(label)")
            }
        }
    }

    @Test("Below the threshold, or with --full: every entity, no overview")
    func fullBelowThreshold() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try edgeList(threeStars(), in: dir, name: "stars")
            for extra in [[], ["--full", "--overview-above", "10"]] {
                let out = dir.appendingPathComponent("f.svg").path
                let r = try CLI.run(["render", file, "-o", out] + extra)
                expectStatus(r, 0)
                #expect(!r.stderr.contains("overview"))
                #expect(nodeCenters(try String(contentsOfFile: out, encoding: .utf8)).count == 24)
            }
        }
    }

    @Test("--community N draws group N only")
    func communityZoom() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = try edgeList(threeStars(), in: dir, name: "stars")
            let out = dir.appendingPathComponent("c.svg").path
            expectStatus(try CLI.run(["render", file, "-o", out, "--group-by", "component", "--community", "2"]), 0)
            let centers = nodeCenters(try String(contentsOfFile: out, encoding: .utf8))
            #expect(Set(centers.keys) == Set((10...17).map { "n\($0) (node)" }))
            let bad = try CLI.run(["render", file, "-o", out, "--group-by", "component", "--community", "4"])
            expectStatus(bad, 1)
            #expect(bad.stderr.contains("has 3 components"))
        }
    }

    @Test("--full beyond neato's range: relgraph's layout, names for the most tied only, no overlapping nodes")
    func pinnedFull() throws {
        try CLI.withTemporaryDirectory { dir in
            // 450 entities: a ring with chords, hubs every 45.
            var pairs: [(Int, Int)] = []
            for i in 0..<450 { pairs.append((i, (i + 1) % 450)); if i % 45 != 0 { pairs.append((i, i - i % 45)) } }
            let file = try edgeList(pairs, in: dir, name: "ring")
            let out = dir.appendingPathComponent("ring.svg").path
            let r = try CLI.run(["render", file, "-o", out])
            expectStatus(r, 0)
            #expect(r.stderr.contains("relgraph layout"))
            let svg = try String(contentsOfFile: out, encoding: .utf8)
            let centers = nodeCenters(svg)
            #expect(centers.count == 450)
            // 150 names drawn (plus the two heading lines); every other entity only as a tooltip.
            #expect(svg.components(separatedBy: "<text ").count - 1 == 152)
            // Nodes are ellipses of known radii: check every pair from the SVG itself.
            var shapes: [(Double, Double, Double, Double)] = []
            for m in svg.matches(of: /<ellipse[^>]* cx="([-\d.]+)" cy="([-\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/) {
                shapes.append((Double(m.1) ?? 0, Double(m.2) ?? 0, Double(m.3) ?? 0, Double(m.4) ?? 0))
            }
            #expect(shapes.count == 450)
            var overlaps = 0
            for a in shapes.indices {
                for b in shapes.indices where b > a {
                    let (x1, y1, rx1, ry1) = shapes[a], (x2, y2, rx2, ry2) = shapes[b]
                    if abs(x1 - x2) < rx1 + rx2 - 0.5 && abs(y1 - y2) < ry1 + ry2 - 0.5 { overlaps += 1 }
                }
            }
            #expect(overlaps == 0)
        }
    }

    @Test("--full above 20,000 relations: drawn by two Graphviz processes, one well-formed SVG with every edge once")
    func fullInTwoHalves() throws {
        try CLI.withTemporaryDirectory { dir in
            // 1,500 entities, 21,000 distinct ties (seeded), some both ways.
            var pairs: [(Int, Int)] = [], seen = Set<Int>()
            var state: UInt64 = 3
            while pairs.count < 21_000 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let a = Int((state >> 33) % 1_500), b = Int((state >> 13) % 1_500)
                if a != b && seen.insert(a * 1_500 + b).inserted { pairs.append((a, b)) }
            }
            let file = try edgeList(pairs, in: dir, name: "dense")
            let out = dir.appendingPathComponent("dense.svg").path
            let r = try run(["render", file, "--full", "-o", out], environment: ["RELGRAPH_TIMINGS": "1"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("time: Graphviz in two child processes"))
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            let svg = String(decoding: data, as: UTF8.self)
            // Every edge once, numbered 1…21,000 as one Graphviz process numbers them; every node once.
            let edgeIDs = svg.matches(of: /<g id="edge(\d+)" class="edge">/).compactMap { Int($0.1) }
            #expect(edgeIDs.count == 21_000)
            #expect(Set(edgeIDs) == Set(1...21_000))
            #expect(svg.matches(of: /<g id="node\d+" class="node">/).count == 1_500)
            #expect(svg.components(separatedBy: "<svg ").count == 2 && svg.hasSuffix("</svg>\n"))
            #expect(XMLParser(data: data).parse())
            // No file left beside the output, no temporary directory left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["dense.edges.csv", "dense.svg"])
        }
    }

    @Test("RELGRAPH_TIMINGS: each phase of a pinned drawing on stderr, in order, and the same SVG as without")
    func phaseTimings() throws {
        try CLI.withTemporaryDirectory { dir in
            var pairs: [(Int, Int)] = []
            for i in 0..<450 { pairs.append((i, (i + 1) % 450)); if i % 45 != 0 { pairs.append((i, i - i % 45)) } }
            let file = try edgeList(pairs, in: dir, name: "ring")
            let plain = dir.appendingPathComponent("plain.svg").path, timed = dir.appendingPathComponent("timed.svg").path
            expectStatus(try CLI.run(["render", file, "-o", plain]), 0)
            let r = try run(["render", file, "-o", timed], environment: ["RELGRAPH_TIMINGS": "1"])
            #expect(r.status == 0, "\(r.stderr)")
            let phases = r.stderr.split(separator: "\n").compactMap { line -> String? in
                guard let m = line.wholeMatch(of: /relgraph: time: (.+) (\d+\.\d{3}) s/) else { return nil }
                return String(m.1)
            }
            #expect(phases == ["load", "checks", "layout and overlap removal", "drawing model", "DOT text",
                               "Graphviz in the child process", "write"])
            // The child process no longer frees Graphviz's graph before it exits: same bytes all the same.
            #expect(FileManager.default.contents(atPath: plain) == FileManager.default.contents(atPath: timed))
        }
    }

    @Test("--timeout stops a slow layout: its own exit status, advice, and no file left")
    func timeout() throws {
        try CLI.withTemporaryDirectory { dir in
            // dot on a complete graph of 160 nodes runs for minutes.
            var pairs: [(Int, Int)] = []
            for a in 0..<160 { for b in (a + 1)..<160 { pairs.append((a, b)) } }
            let file = try edgeList(pairs, in: dir, name: "k160")
            let outDir = dir.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
            let tmp = dir.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            let r = try run(["render", file, "-o", outDir.appendingPathComponent("k.svg").path, "--full", "--engine", "dot",
                             "--timeout", "2"], environment: ["TMPDIR": tmp.path])
            #expect(r.status == 124, "\(r.stderr)")
            #expect(r.stderr.contains("did not finish within 2 s"))
            #expect(r.stderr.contains("try:"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: outDir.path).isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
        }
    }

    @Test("--series: one frame per date, every entity at the same place in every frame, one PDF")
    func series() throws {
        try CLI.withTemporaryDirectory { dir in
            let out = dir.appendingPathComponent("frames")
            let r = try CLI.run(["render", CLI.trotsky, "--series", "1917:1940:5", "-o", out.path + "/", "--dated-only"])
            expectStatus(r, 0)
            let years = [1917, 1922, 1927, 1932, 1937, 1940]
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(files == (years.map { "trotsky-stalin-\($0).svg" } + ["trotsky-stalin-1917-1940.pdf"]).sorted())
            var seen: [String: (Double, Double)] = [:]
            var moved = 0, shared = 0
            var counts: [Int] = []
            for y in years {
                let centers = nodeCenters(try String(contentsOf: out.appendingPathComponent("trotsky-stalin-\(y).svg"), encoding: .utf8))
                counts.append(centers.count)
                for (name, p) in centers {
                    if let q = seen[name] {
                        shared += 1
                        if abs(p.0 - q.0) > 0.01 || abs(p.1 - q.1) > 0.01 { moved += 1 }
                    } else { seen[name] = p }
                }
            }
            #expect(shared > 50)
            #expect(moved == 0)
            // The network forms and breaks up: the frames differ.
            #expect(Set(counts).count > 1)
            let pdf = try Data(contentsOf: out.appendingPathComponent("trotsky-stalin-1917-1940.pdf"))
            #expect(pdf.starts(with: Data("%PDF".utf8)))
        }
    }

    static let hasPyPDF: Bool = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import pypdf"]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test("The series PDF has one page per frame (read by pypdf)",
          .enabled(if: hasPyPDF || ProcessInfo.processInfo.environment["CI"] == "true"))
    func seriesPDF() throws {
        try CLI.withTemporaryDirectory { dir in
            let r = try CLI.run(["render", CLI.trotsky, "--series", "1920:1940:10", "-o", dir.path + "/", "--format", "png"])
            expectStatus(r, 0)
            let pdf = dir.appendingPathComponent("trotsky-stalin-1920-1940.pdf").path
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", "-c", "import sys, pypdf; r = pypdf.PdfReader(sys.argv[1]); print(len(r.pages))", pdf]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            p.waitUntilExit()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(p.terminationStatus == 0)
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
        }
    }

    /// Runs the binary with extra environment variables (the shared harness has none).
    func run(_ arguments: [String], environment: [String: String]) throws -> CommandResult {
        guard let binary = CLI.binary else { throw HarnessError("relgraph not built") }
        let scratch = try CLI.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        return CommandResult(arguments: arguments, stdout: "", stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                             status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal)
    }
}
