import Foundation

/// A binary min-heap of (key, value) pairs stored in two parallel contiguous
/// arrays; ties on the key pop the smaller value first, so runs are deterministic.
/// Used with lazy deletion (stale entries are skipped by the caller).
struct MinHeap {
    private(set) var keys: [Double] = []
    private(set) var values: [Int32] = []

    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && values[i] < values[j])
    }

    /// - Complexity: O(log n).
    mutating func push(_ key: Double, _ value: Int32) {
        keys.append(key)
        values.append(value)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if !less(i, p) { break }
            keys.swapAt(i, p)
            values.swapAt(i, p)
            i = p
        }
    }

    /// Removes the smallest pair. - Complexity: O(log n).
    mutating func pop() -> (key: Double, value: Int32) {
        let top = (keys[0], values[0])
        let lastKey = keys.removeLast(), lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var i = 0
            let n = keys.count
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                var c = l
                if l + 1 < n && less(l + 1, l) { c = l + 1 }
                if !less(c, i) { break }
                keys.swapAt(i, c)
                values.swapAt(i, c)
                i = c
            }
        }
        return top
    }
}

/// SplitMix64: a small, fast, seedable generator (Steele, Lea & Flood 2014), so
/// every randomised algorithm gives the same result for the same seed on every platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
