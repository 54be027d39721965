import Foundation
import GraphModel

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
        if let bad = SourceLocation.firstNonUTF8Byte(in: [UInt8](data), file: path) {
            throw SourceTextError.notUTF8(bad.location, byte: bad.byte)
        }
        let text = String(decoding: data, as: UTF8.self)
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
    /// The first byte that is not UTF-8, and where it is.
    case notUTF8(SourceLocation, byte: UInt8)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path): return "\(path): cannot read the file"
        case let .notUTF8(location, byte):
            return "\(location): \(SourceLocation.notUTF8(byte))"
        }
    }
}
