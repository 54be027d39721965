import SourceTexts

/// A word or punctuation mark of a sentence, with where it is.
public struct Token: Sendable, Hashable {
    /// The text as written.
    public let text: String
    /// The text in lower case (accents kept).
    public let lower: String
    /// Where the token starts in its sentence, in Unicode scalars from 0.
    public let start: Int
    /// Where the token ends (exclusive), in Unicode scalars.
    public let end: Int
    /// A run of letters or digits (not punctuation).
    public let isWord: Bool
    /// Starts with an upper-case letter.
    public let isCapitalized: Bool
    /// Two or more letters, all upper case ("KGB", "USSR").
    public let isAcronym: Bool
    /// Only digits.
    public let isNumber: Bool

    init(text: String, start: Int, end: Int) {
        self.text = text
        self.lower = text.lowercased()
        self.start = start
        self.end = end
        let scalars = text.unicodeScalars
        let first = scalars.first
        isWord = first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
        isCapitalized = first?.properties.isUppercase ?? false
        let letters = scalars.filter { $0.properties.isAlphabetic }
        isAcronym = letters.count >= 2 && letters.count == scalars.count && letters.allSatisfy { $0.properties.isUppercase }
        isNumber = !scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType == .decimal }
    }
}

/// A sentence cut into tokens.
public struct TokenizedSentence: Sendable {
    /// Which text of the extraction the sentence belongs to (0-based).
    public let textIndex: Int
    public let sentence: Sentence
    public let tokens: [Token]
    private let scalars: [Unicode.Scalar]

    public init(textIndex: Int, sentence: Sentence) {
        self.textIndex = textIndex
        self.sentence = sentence
        self.tokens = Tokenizer.tokens(of: sentence.text)
        self.scalars = Array(sentence.text.unicodeScalars)
    }

    /// The text of tokens `range` as written in the sentence.
    public func text(_ range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[first].start..<tokens[last].end])
        return String(view)
    }
}

/// Cuts a sentence into words and punctuation marks.
///
/// A word is a run of letters and digits; an apostrophe inside a word is kept
/// ("O'Brien", "didn't") except the possessive `'s`, which becomes a token of
/// its own ("Haldane's" → "Haldane", "'s"). Hyphens are tokens of their own.
enum Tokenizer {
    /// - Complexity: O(n) in the sentence's length.
    static func tokens(of text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        func isWordChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
        }
        func make(_ a: Int, _ b: Int) {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: s[a..<b])
            out.append(Token(text: String(v), start: a, end: b))
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == " " { i += 1; continue }
            if isWordChar(c) {
                var j = i + 1
                while j < s.count {
                    if isWordChar(s[j]) { j += 1; continue }
                    if (s[j] == "'" || s[j] == "\u{2019}"), j + 1 < s.count, isWordChar(s[j + 1]) {
                        // possessive 's: stop before it
                        let afterS = j + 2
                        if (s[j + 1] == "s" || s[j + 1] == "S"), afterS == s.count || !isWordChar(s[afterS]) { break }
                        j += 2; continue
                    }
                    break
                }
                make(i, j)
                i = j
                continue
            }
            if (c == "'" || c == "\u{2019}"), i + 1 < s.count, s[i + 1] == "s" || s[i + 1] == "S",
               i + 2 == s.count || !isWordChar(s[i + 2]) {
                out.append(Token(text: "'s", start: i, end: i + 2))
                i += 2
                continue
            }
            make(i, i + 1)
            i += 1
        }
        return out
    }
}
