// relgraph-bench SIZE [--data DIR] [--reps N] [--budget S] [--steps a,b,...]
//
// Times relgraph on the data of ../shared/bench/gen.py, step for step as
// ../shared/bench/peers.py times NetworkX and igraph (same files, same graphs,
// same sources, same repetition/median policy), one JSON line per step on stdout.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GraphAlgorithms

func run() throws(BenchError) {
    var args = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String) -> String? {
        guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
        defer { args.removeSubrange(i...(i + 1)) }
        return args[i + 1]
    }
    let env = ProcessInfoLite.environment
    let dataDir = option("--data") ?? env["BENCH_DATA"] ?? "./.bench-data"
    let repsOpt = option("--reps").flatMap(Int.init)
    let budgetOpt = option("--budget").flatMap(Double.init)
    let only = option("--steps").map { Set($0.split(separator: ",").map(String.init)) }
    func want(_ step: String) -> Bool { only?.contains(step) ?? true }
    guard let size = args.first, ["S", "M", "L", "B"].contains(size) else {
        throw .usage("usage: relgraph-bench S|M|L|B [--data DIR] [--reps N] [--budget SECONDS] [--steps a,b,...]")
    }
    // run_peers.sh's policy per size.
    var policy: Policy
    switch size {
    case "S": policy = Policy(reps: 5, budget: 10)
    case "M": policy = Policy(reps: 3, budget: 10)
    case "B": policy = Policy(reps: 3, budget: 5)
    default: policy = Policy(reps: 1, budget: 10)
    }
    if let repsOpt { policy.reps = repsOpt }
    if let budgetOpt { policy.budget = budgetOpt }
    let once = Policy(reps: 1, budget: policy.budget)  // peers.py: reps=1 for Louvain and centralities

    let meta = try readWholeFile("\(dataDir)/\(size)_meta.json")
    let metaText = String(decoding: meta, as: UTF8.self)
    guard let source = jsonString(metaText, key: "source"), let n = jsonInt(metaText, key: "n") else {
        throw .io("\(dataDir)/\(size)_meta.json: no \"source\" / \"n\"")
    }
    let pairText = String(decoding: try readWholeFile("\(dataDir)/\(size)_pairs.tsv"), as: UTF8.self)
    let pairNames = pairText.split(separator: "\n").compactMap { l -> (String, String)? in
        let f = l.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\r" })
        return f.count == 2 ? (String(f[0]), String(f[1])) : nil
    }
    let upath = "\(dataDir)/\(size)_undirected.tsv", dpath = "\(dataDir)/\(size)_directed.tsv"
    let out = Reporter(size: size)
    out.emit("baseline_rss", [0], note: "relgraph (Swift, release)")
    writeText(2, "== relgraph \(size)\n")

    let G: LoadedGraph = try out.bench(
        "load_undirected", policy, note: "GraphFile.readBytes + EdgeListReader (relgraph's CSV/TSV edge-list reader: byte parse, interned ids) + CSRGraph(edges)",
        check: { "[\($0.graph.nodeCount), \($0.graph.edgeCount)]" }
    ) { () throws(BenchError) in try loadEdgeList(upath, directed: false, expectedNodes: n) }
    let g = G.graph

    if size == "B" {
        if want("betweenness") {
            _ = try out.bench("betweenness", once, note: "exact, unweighted, normalized, 2 threads",
                              check: { fmt($0.max() ?? 0, 6) }) { Centrality.betweenness(g) }
        }
        if want("closeness") {
            _ = try out.bench("closeness", once, note: "2 threads", check: { fmt($0.max() ?? 0, 6) }) {
                Centrality.closeness(g)
            }
        }
        // Extra rows, repeated (the one-shot rows above follow peers.py).
        if want("betweenness_median") {
            _ = try out.bench("betweenness_median", policy, check: { fmt($0.max() ?? 0, 6) }) { Centrality.betweenness(g) }
        }
        if want("closeness_median") {
            _ = try out.bench("closeness_median", policy, check: { fmt($0.max() ?? 0, 6) }) { Centrality.closeness(g) }
        }
        return
    }

    let s = try G.node(source, path: "\(size)_meta.json")
    var pairs: [(source: Int, target: Int)] = []
    for (a, b) in pairNames {
        pairs.append((try G.node(a, path: "\(size)_pairs.tsv"), try G.node(b, path: "\(size)_pairs.tsv")))
    }

    if want("csr_build") {
        _ = try out.bench("csr_build", policy, note: "CSRGraph(nodeCount:sources:targets:weights:directed:) alone",
                          check: { (c: CSRGraph) -> String in "\(c.arcCount)" }) { () throws(BenchError) -> CSRGraph in
            do {
                return try CSRGraph(nodeCount: g.nodeCount, sources: g.edgeSources, targets: g.edgeTargets,
                                    weights: g.edgeWeights, directed: false)
            } catch { throw .io("\(error)") }
        }
    }
    if want("bfs") {
        _ = try out.bench("bfs", policy, check: { (d: [Int32]) -> String in
            var reached = 0, far: Int32 = 0
            for x in d where x >= 0 { reached += 1; far = max(far, x) }
            return "[\(reached), \(far)]"
        }) { () throws(BenchError) in
            do { return try ShortestPaths.breadthFirstDistances(g, from: s) } catch { throw .io("\(error)") }
        }
    }
    if want("components") {
        _ = try out.bench("components", policy, check: { "\($0.count)" }) { Components.connected(g) }
    }
    if want("dijkstra") {
        _ = try out.bench("dijkstra", policy, check: { (t: ShortestPathTree) -> String in
            fmt(t.distances.reduce(0) { $1.isFinite ? $0 + $1 : $0 }, 2)
        }) { () throws(BenchError) in
            do { return try ShortestPaths.dijkstra(g, from: s) } catch { throw .io("\(error)") }
        }
    }
    if want("st_paths_100") {
        _ = try out.bench(
            "st_paths_100", policy, note: "bidirectional BFS", extra: "\"pairs\": \(pairs.count)",
            check: { (ps: [CSRPath?]) -> String in "\(ps.reduce(0) { $0 + ($1?.hopCount ?? -1) })" }
        ) { () throws(BenchError) in
            do { return try ShortestPaths.bidirectionalPaths(g, pairs: pairs) } catch { throw .io("\(error)") }
        }
    }
    if want("mst") {
        _ = try out.bench("mst", policy, check: { fmt($0.totalWeight, 2) }) { SpanningTree.minimum(g) }
    }
    if want("louvain") {
        _ = try out.bench("louvain", once, note: "weighted, seed 42",
                          check: { "[\($0.count), \(fmt($0.modularity ?? .nan, 4))]" }) {
            Communities.louvain(g, weighted: true, seed: 42)
        }
    }
    _ = consume G  // as peers.py drops G before the directed part
    if !(want("load_directed") || want("pagerank") || want("pagerank_tol1e-6")) { return }

    let D = try out.bench("load_directed", policy, check: { "[\($0.graph.nodeCount), \($0.graph.edgeCount)]" }) {
        () throws(BenchError) in try loadEdgeList(dpath, directed: true, expectedNodes: n)
    }
    if want("pagerank") {
        _ = try out.bench("pagerank", policy, note: "power iteration, tol 1e-10 (library default)",
                          check: { fmt($0.max() ?? 0, 6) }) { Centrality.pagerank(D.graph, alpha: 0.85) }
    }
    if want("pagerank_tol1e-6") {
        _ = try out.bench("pagerank_tol1e-6", policy, note: "power iteration, tol 1e-6 (NetworkX's)",
                          check: { fmt($0.max() ?? 0, 6) }) {
            Centrality.pagerank(D.graph, alpha: 0.85, tolerance: 1e-6)
        }
    }
}

/// `"key": "value"` from a flat JSON object (gen.py's meta file).
func jsonString(_ text: String, key: String) -> String? {
    guard let r = text.firstRange(of: "\"\(key)\"") else { return nil }
    let rest = text[r.upperBound...].drop { $0 == " " || $0 == ":" }
    guard rest.first == "\"" else { return nil }
    return String(rest.dropFirst().prefix { $0 != "\"" })
}

/// `"key": 123` from a flat JSON object.
func jsonInt(_ text: String, key: String) -> Int? {
    guard let r = text.firstRange(of: "\"\(key)\"") else { return nil }
    return Int(String(text[r.upperBound...].drop { $0 == " " || $0 == ":" }.prefix { $0.isNumber }))
}

enum ProcessInfoLite {
    static var environment: [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let c = p.pointee {
            let s = String(cString: c)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }
}

do {
    try run()
} catch {
    writeText(2, "relgraph-bench: \(error)\n")
    exit(1)
}
