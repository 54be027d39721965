import Foundation
import GraphModel
import SourceTexts

/// Where a candidate was read: a sentence of one of the texts.
public struct SentenceRef: Sendable, Hashable, Comparable {
    /// Which text (0-based, in the order given).
    public let text: Int
    /// The sentence number, `s. N`.
    public let number: Int

    public static func < (a: SentenceRef, b: SentenceRef) -> Bool {
        a.text != b.text ? a.text < b.text : a.number < b.number
    }
}

/// A name found in a sentence, linked to the candidate entity it denotes.
public struct EntityMention: Sendable, Hashable {
    public let sentence: SentenceRef
    /// The entity's id in the candidate graph.
    public let entityID: String
    /// Where the mention is, in Unicode scalars of the whitespace-normalised text
    /// (``SourceTexts/SentenceSplitter/normalize(_:)``).
    public let offsets: Range<Int>
    /// Where the mention is inside its sentence, in Unicode scalars.
    public let sentenceOffsets: Range<Int>
    /// True for "he"/"she" read as an earlier person.
    public let isPronoun: Bool
}

/// A proposed tie.
public struct CandidateTie: Sendable, Hashable {
    /// The tie as it goes into the candidate graph (kind, ends, dates, evidence, source).
    public var relation: Relation
    /// The cue phrase that found it, lower case.
    public var cue: String
    /// Every sentence that states it, first one first.
    public var sentences: [SentenceRef]
    /// The mentions of its `from` and `to` ends in the first sentence.
    public var fromMention: EntityMention
    public var toMention: EntityMention
    /// The hedge word that lowered its confidence, if any.
    public var hedge: String?
}

/// What ``TextExtractor/extract(_:known:recognizer:)`` found.
public struct ExtractionResult: Sendable {
    /// The candidate graph: valid against its schema, ready to write.
    public let graph: Graph
    /// The texts read, in order.
    public let texts: [SourceText]
    /// Every mention, by sentence, in order.
    public let mentions: [SentenceRef: [EntityMention]]
    /// Every candidate tie, in the order the graph lists them.
    public let ties: [CandidateTie]
    /// How many cue matches were dropped because their clause is negated or the
    /// sentence hedges and negates at once.
    public let negatedCues: Int

    /// The sentence a reference points at.
    public func sentence(_ ref: SentenceRef) -> Sentence? { texts[ref.text].sentence(ref.number) }

    /// `s. N`, prefixed with the text's file name when several texts were read.
    public func cite(_ ref: SentenceRef) -> String {
        texts.count > 1 ? "\(fileName(texts[ref.text].path)) s. \(ref.number)" : "s. \(ref.number)"
    }
}

func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// Why extraction could not run.
public enum TextExtractionError: Error, Equatable, Sendable {
    case noText
    case invalidCandidates(String)
}

extension TextExtractionError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case .noText: return "no text to read"
        case .invalidCandidates(let why): return "the candidate graph would be invalid (a bug): \(why)"
        }
    }
}
