/// A sentence of a source text, numbered from 1 as graph files cite it (`s. N`).
public struct Sentence: Sendable, Hashable {
    /// The 1-based number a citation `s. N` uses.
    public let number: Int
    /// The sentence, whitespace collapsed to single spaces.
    public let text: String
    /// Where the sentence starts in the normalised text, in Unicode scalars from 0.
    public let offset: Int

    public init(number: Int, text: String, offset: Int) {
        self.number = number
        self.text = text
        self.offset = offset
    }
}

/// The one sentence rule of relgraph: `s. N` means the same in `check`, `cite`,
/// `coverage`, `extract` and `Graphs/tools/sentence.py`.
///
/// 1. Every run of whitespace is collapsed to one space; leading and trailing
///    whitespace is dropped.
/// 2. A sentence ends after `.`, `!` or `?`, optionally followed by closing quotes or
///    brackets (`"` `'` `)` `]` `}` `”` `’`), when the next character is whitespace or
///    the end of the text.
/// 3. Sentences are numbered from 1 in order; empty pieces are skipped.
///
/// The rule is deliberately simple (an abbreviation such as "Dr." ends a sentence):
/// it must stay stable, because published citations depend on it.
public enum SentenceSplitter {
    /// Splits `text` into numbered sentences.
    ///
    /// - Complexity: O(n) time and space in the length of `text`.
    public static func split(_ text: String) -> [Sentence] {
        let scalars = normalizedScalars(text)
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        func emit(_ lower: Int, _ upper: Int) {
            var lo = lower, hi = upper
            while lo < hi, scalars[lo] == " " { lo += 1 }
            while hi > lo, scalars[hi - 1] == " " { hi -= 1 }
            guard lo < hi else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lo..<hi])
            sentences.append(Sentence(number: sentences.count + 1, text: String(view), offset: lo))
        }
        while i < scalars.count {
            guard terminators.contains(scalars[i]) else { i += 1; continue }
            var end = i + 1
            while end < scalars.count, closers.contains(scalars[end]) { end += 1 }
            if end == scalars.count || scalars[end] == " " {
                emit(start, end)
                start = end
            }
            i = end
        }
        emit(start, scalars.count)
        return sentences
    }

    /// The text with whitespace runs collapsed to one space and trimmed, as the rule reads it.
    ///
    /// - Complexity: O(n).
    public static func normalize(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalizedScalars(text))
        return String(view)
    }

    private static func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return out
    }

    /// Python's `\s` for `str` patterns: the characters `str.isspace()` accepts.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    private static let terminators: Set<Unicode.Scalar> = [".", "!", "?"]
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}"]
}
