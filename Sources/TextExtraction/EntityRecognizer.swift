import GraphModel

/// A name a recogniser found in a sentence.
public struct NameSpan: Sendable, Hashable {
    /// The tokens the name covers, titles included ("Colonel Anton Rusk").
    public var tokens: Range<Int>
    /// The name to show, titles dropped ("Anton Rusk").
    public var name: String
    /// Other ways the span writes the name (the titled form).
    public var aliases: [String]
    /// person, organization, place, event or work.
    public var kind: String
    /// How sure the recogniser is, 0...1.
    public var confidence: Double

    public init(tokens: Range<Int>, name: String, aliases: [String] = [], kind: String, confidence: Double) {
        self.tokens = tokens
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.confidence = confidence
    }
}

/// Finds names in sentences: the seam where a stronger recogniser plugs in.
///
/// ``TextExtractor`` calls ``prepare(_:)`` once with every sentence of every text,
/// then ``names(in:)`` for each sentence in order. It links what the recogniser
/// returns to `--known` entities and to names met earlier ("Philby" → "Kim Philby"),
/// and finds the ties itself, so a recogniser only has to say where the names are
/// and of which kind. Spans must not overlap; spans overlapping a `--known` name are
/// ignored (the known name wins).
///
/// relgraph ships ``RuleBasedRecognizer``. A user's own model (a CoreML or ONNX NER
/// model, a gazetteer, a call to a service) is a type conforming to this protocol,
/// passed to ``TextExtractor/extract(_:known:recognizer:)``; it returns the token
/// ranges of ``TokenizedSentence/tokens`` its model tags.
public protocol EntityRecognizer {
    /// Learns from the whole document before any sentence is asked about
    /// (the rule-based recogniser counts capitalised words and place contexts).
    mutating func prepare(_ sentences: [TokenizedSentence])
    /// The names in one sentence, in order, not overlapping.
    func names(in sentence: TokenizedSentence) -> [NameSpan]
}

extension EntityRecognizer {
    public mutating func prepare(_ sentences: [TokenizedSentence]) {}
}
