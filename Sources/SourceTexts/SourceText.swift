import Foundation

/// A plain-text source read and split into numbered sentences by ``SentenceSplitter``.
public struct SourceText: Sendable {
    /// Where the text was read from.
    public let path: String
    /// Its sentences; `sentences[n - 1]` is sentence `n`.
    public let sentences: [Sentence]

    public init(path: String, text: String) {
        self.path = path
        self.sentences = SentenceSplitter.split(text)
    }

    /// Reads the file at `path` as UTF-8.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SourceTextError.unreadable(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SourceTextError.notUTF8(path: path)
        }
        self.init(path: path, text: text)
    }

    /// Sentence `number` (1-based), or nil when the text has no such sentence.
    public func sentence(_ number: Int) -> Sentence? {
        number >= 1 && number <= sentences.count ? sentences[number - 1] : nil
    }
}

/// Why a source text could not be read.
public enum SourceTextError: Error, LocalizedError, Equatable {
    case unreadable(path: String)
    case notUTF8(path: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path): return "\(path): cannot read the file"
        case .notUTF8(let path): return "\(path): the text is not UTF-8"
        }
    }
}
