/// A Graphviz layout engine that works in process (see GRAPHVIZ.md).
///
/// `dot` is hierarchical and right for small or layered graphs; it stalls on
/// large tangled graphs (use ``Graphviz/recommendedEngine(nodeCount:edgeCount:)``).
/// `sfdp` scales to tens of thousands of nodes.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// Looks an engine up by its Graphviz name (`"dot"`, `"sfdp"`, …), case-insensitively.
    ///
    /// - Throws: ``GraphvizError/unknownEngine(_:)`` for any other name.
    /// - Complexity: O(n) in the length of `name`.
    public init(named name: String) throws(GraphvizError) {
        guard let engine = LayoutEngine(rawValue: name.lowercased()) else {
            throw .unknownEngine(name)
        }
        self = engine
    }
}

/// An output format that ``Graphviz/render(dot:engine:format:)`` may produce.
///
/// This is an allow-list: formats with side effects (`vrml` writes image files
/// into the working directory) can never be requested.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf

    /// Looks a format up by its Graphviz name (`"svg"`, `"png"`, `"pdf"`), case-insensitively.
    ///
    /// - Throws: ``GraphvizError/unknownFormat(_:)`` for any other name.
    /// - Complexity: O(n) in the length of `name`.
    public init(named name: String) throws(GraphvizError) {
        guard let format = OutputFormat(rawValue: name.lowercased()) else {
            throw .unknownFormat(name)
        }
        self = format
    }
}

/// The bytes Graphviz produced, and every warning it reported on the way.
public struct Rendering: Sendable, Equatable {
    /// The rendered document (SVG text, PNG or PDF bytes).
    public let data: [UInt8]
    /// Graphviz's warnings for this job, one message per entry, without the
    /// `"Warning: "` prefix. Graphviz reports each distinct bad attribute value
    /// only once per process, so do not rely on this to validate input.
    public let warnings: [String]

    public init(data: [UInt8], warnings: [String]) {
        self.data = data
        self.warnings = warnings
    }
}
