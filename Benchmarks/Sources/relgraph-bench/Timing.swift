#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU seconds used by the whole process (all threads).
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident set so far, in MB (`ru_maxrss`, KiB on Linux, bytes on macOS).
func peakRSSMB() -> Double {
    var ru = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &ru)
    return Double(ru.ru_maxrss) / 1_048_576
    #else
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &ru)
    return Double(ru.ru_maxrss) / 1024
    #endif
}

/// The repetition policy of `peers.py`: up to `reps` runs, stop once the runs
/// so far have used `budget` seconds; report the median (mean of the middle two
/// for an even count, as Python's `statistics.median`).
struct Policy {
    var reps: Int
    var budget: Double
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}

/// One JSON line per step on stdout (the same fields as `peers.py`), a short
/// human line on stderr.
struct Reporter {
    let size: String

    func emit(
        _ step: String, _ times: [Double], cpu: [Double]? = nil, check: String? = nil, note: String? = nil,
        extra: String? = nil
    ) {
        var fields = [
            "\"tool\": \"relgraph\"", "\"size\": \"\(size)\"", "\"step\": \"\(step)\"",
            "\"median_s\": \(median(times))", "\"min_s\": \(times.min() ?? 0)", "\"reps\": \(times.count)",
            "\"rss_mb\": \((peakRSSMB() * 10).rounded() / 10)",
        ]
        if let cpu { fields.append("\"cpu_s\": \(median(cpu))") }
        if let check { fields.append("\"check\": \(check)") }
        if let note { fields.append("\"note\": \"\(note)\"") }
        if let extra { fields.append(extra) }
        writeText(1, "{" + fields.joined(separator: ", ") + "}\n")
        let line = "  \(step.padding(28)) \(fmt(median(times), 4)) s  (\(times.count) reps\(cpu.map { ", cpu " + fmt(median($0), 4) } ?? ""))  rss \(fmt(peakRSSMB(), 1)) MB"
            + (check.map { "  check \($0)" } ?? "") + "\n"
        writeText(2, line)
    }

    /// Times `body` under `policy`, emits the step, returns the last result.
    func bench<T>(
        _ step: String, _ policy: Policy, note: String? = nil, extra: String? = nil,
        check: (T) -> String, _ body: () throws(BenchError) -> T
    ) throws(BenchError) -> T {
        var times: [Double] = [], cpu: [Double] = []
        func once() throws(BenchError) -> T {
            let c0 = cpuNow(), t0 = now()
            let r = try body()
            times.append(now() - t0)
            cpu.append(cpuNow() - c0)
            return r
        }
        var result = try once()
        while times.count < policy.reps && times.reduce(0, +) <= policy.budget {
            _ = consume result  // free the previous result first, as peers.py does
            result = try once()
        }
        emit(step, times, cpu: cpu, check: check(result), note: note, extra: extra)
        return result
    }
}

/// `x` with `d` decimals (no Foundation).
func fmt(_ x: Double, _ d: Int) -> String {
    var buf = [CChar](repeating: 0, count: 64)
    _ = withVaList([x]) { vsnprintf(&buf, 64, "%.\(d)f", $0) }
    let len = Int(strlen(buf))
    return String(decoding: buf[0..<len].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Writes `text` to a file descriptor (1 stdout, 2 stderr) without stdio globals.
func writeText(_ fd: Int32, _ text: String) {
    var t = text
    t.withUTF8 { u in
        var off = 0
        while off < u.count {
            let r = write(fd, u.baseAddress! + off, u.count - off)
            if r <= 0 { break }
            off += r
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
