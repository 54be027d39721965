import GraphModel
import Foundation

/// A binary min-heap of (key, value) pairs; ties on the key pop the smaller value
/// first, so runs are deterministic. Used with lazy deletion (stale entries are
/// skipped by the caller).
///
/// Entries are packed (key and value side by side in one buffer) and sifted with
/// a hole: the moving entry is written once, at its final place, instead of being
/// swapped level by level. The buffer is owned (the heap is non-copyable), so
/// nothing is checked per level: no bounds, no uniqueness.
struct MinHeap: ~Copyable {
    struct Entry {
        var key: Double
        var value: Int32
    }
    private var base: UnsafeMutablePointer<Entry>
    private var capacity: Int
    /// Number of entries.
    private(set) var count = 0

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    private static func less(_ a: Entry, _ b: Entry) -> Bool {
        a.key < b.key || (a.key == b.key && a.value < b.value)
    }

    /// Doubles the buffer. - Complexity: O(n).
    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// - Complexity: O(log n) (amortised: the buffer doubles when full).
    @inline(__always)
    mutating func push(_ key: Double, _ value: Int32) {
        if count == capacity { grow() }
        let e = Entry(key: key, value: value)
        let h = base
        var i = count
        count += 1
        while i > 0 {
            let p = (i - 1) >> 1
            if !MinHeap.less(e, h[p]) { break }
            h[i] = h[p]
            i = p
        }
        (h + i).initialize(to: e)
    }

    /// Removes the smallest pair; the heap must not be empty. - Complexity: O(log n).
    @inline(__always)
    mutating func pop() -> (key: Double, value: Int32) {
        let h = base
        let top = h[0]
        count -= 1
        let n = count
        if n > 0 {
            let last = h[n]
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= n { break }
                if c + 1 < n && MinHeap.less(h[c + 1], h[c]) { c += 1 }
                if !MinHeap.less(h[c], last) { break }
                h[i] = h[c]
                i = c
            }
            h[i] = last
        }
        return (top.key, top.value)
    }
}

extension SeededGenerator {
    /// Fisher–Yates with this generator (stable across Swift versions, unlike `shuffle(using:)`).
    mutating func shuffle(_ a: inout [Int32]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
    }
}

/// A raw buffer that several threads write to in disjoint regions.
struct SharedBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    let count: Int
    init(repeating value: T, count: Int) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
        self.count = count
    }
    func free() {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }
}

/// Runs `body(part)` for `part` in `0..<parts` on up to that many threads
/// (`DispatchQueue.concurrentPerform`).
func runParts(_ parts: Int, _ body: @Sendable (Int) -> Void) {
    if parts <= 1 { body(0); return }
    DispatchQueue.concurrentPerform(iterations: parts) { body($0) }
}

/// Number of parts to split parallel work into: always 2 (whatever the core count,
/// so that floating-point sums are added in the same order on every machine)
/// unless the work is too small to be worth a thread.
func partCount(for work: Int) -> Int {
    work >= 64 ? 2 : 1
}
