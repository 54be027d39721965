/// The sentence numbers a relation's `source` cites: every `s. N` (or `s. N-M`, or the
/// bare numbers of a list such as `s. 90, 111`) in the text.
///
/// `"general knowledge; cf. s. 84"` cites 84; `"s. 38; s. 84"` cites 38 and 84;
/// `"s. 221, 228"` cites 221 and 228; `"s. 10-12"` cites 10, 11 and 12.
public struct Citation: Sendable, Hashable {
    /// The cited sentence numbers, in the order written, without repeats.
    public let sentences: [Int]
    /// Whether the source says the fact (or part of it) is general knowledge.
    public let generalKnowledge: Bool

    /// Reads the citations in `source`.
    ///
    /// - Complexity: O(n) in the length of `source`.
    public init(_ source: String) {
        let chars = Array(source.unicodeScalars)
        var numbers: [Int] = []
        var seen = Set<Int>()
        func add(_ n: Int) { if seen.insert(n).inserted { numbers.append(n) } }
        var i = 0
        while i < chars.count {
            // "s." at a word start, then optional spaces, then numbers separated by , - or spaces.
            let atWordStart = i == 0 || !chars[i - 1].properties.isAlphabetic
            guard atWordStart, chars[i] == "s" || chars[i] == "S", i + 1 < chars.count, chars[i + 1] == "." else {
                i += 1; continue
            }
            var j = i + 2
            var lastNumber: Int?
            var pendingRange = false
            while j < chars.count {
                let c = chars[j]
                if c == " " { j += 1; continue }
                if let digit = c.properties.numericType == .decimal ? Int(String(c)) : nil {
                    // A number past Int.max (s. 99999999999999999999) stays Int.max: no text has that sentence.
                    var n = digit
                    j += 1
                    while j < chars.count, let d = chars[j].properties.numericType == .decimal ? Int(String(chars[j])) : nil {
                        let (times, o1) = n.multipliedReportingOverflow(by: 10)
                        let (sum, o2) = times.addingReportingOverflow(d)
                        n = o1 || o2 ? Int.max : sum
                        j += 1
                    }
                    // "s. 1e3" or "s. 12a" is not a sentence number.
                    if j < chars.count, chars[j].properties.isAlphabetic { break }
                    if pendingRange, let lo = lastNumber, n >= lo, n - lo <= 1000 {
                        for k in lo...n { add(k) }
                    } else {
                        add(n)
                    }
                    lastNumber = n
                    pendingRange = false
                    continue
                }
                if c == ",", lastNumber != nil { j += 1; continue }
                if c == "-" || c == "\u{2013}", lastNumber != nil { pendingRange = true; j += 1; continue }
                break
            }
            i = max(j, i + 1)
        }
        sentences = numbers
        generalKnowledge = source.lowercased().contains("general knowledge")
    }
}
