/// A text a graph's evidence cites, declared in the graph file under `sources:`.
///
/// ```yaml
/// sources:
///   - id: corpus
///     title: The Trotsky–Stalin corpus
///     path: ../corpus/trotsky-stalin.txt   # relative to the graph file
///     locators: sentences                  # `s. N` = sentence N by relgraph's rule
/// ```
///
/// A relation's `source` such as `"s. 38"` cites the source whose id it names as a
/// word (`"memoir s. 12"`), else the first declared source. The model keeps the
/// declaration as written; reading the text is the `SourceTexts` module's work.
public struct GraphSource: Hashable, Sendable {
    /// How a source's locators are numbered.
    public enum Locators: String, Hashable, Sendable, CaseIterable {
        /// `s. N` is sentence N of the text, split by relgraph's one sentence rule
        /// (`SourceTexts.SentenceSplitter`, the rule `relgraph cite` uses).
        case sentences
    }

    /// A short identifier, unique among the graph's sources.
    public var id: String
    /// What the text is, for people.
    public var title: String?
    /// Where the text is, relative to the graph file (or absolute).
    public var path: String?
    public var locators: Locators
    /// Where the declaration is in its file (not part of the value).
    public var location: SourceLocation?

    public init(id: String, title: String? = nil, path: String? = nil, locators: Locators = .sentences,
                location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.path = path
        self.locators = locators
        self.location = location
    }

    public static func == (a: GraphSource, b: GraphSource) -> Bool {
        a.id == b.id && a.title == b.title && a.path == b.path && a.locators == b.locators
    }

    public func hash(into h: inout Hasher) { h.combine(id) }
}
