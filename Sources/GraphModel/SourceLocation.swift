/// A place in an input file: the file's path as the user named it, a 1-based
/// line and a 1-based column. Every problem relgraph reports about its input
/// carries one.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and compilers use.
    public var description: String { "\(file):\(line):\(column)" }

    /// The complaint about a byte that is not UTF-8, as every reader words it.
    public static func notUTF8(_ byte: UInt8) -> String {
        String(format: "byte 0x%02X is not UTF-8 text (save the file as UTF-8)", byte)
    }

    /// Where the first byte of `bytes` that does not begin well-formed UTF-8 is
    /// (the column counts Unicode scalars), and that byte; `nil` when all of it is UTF-8.
    /// - Complexity: O(n).
    public static func firstNonUTF8Byte(in bytes: [UInt8], file: String) -> (location: SourceLocation, byte: UInt8)? {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.count == bytes.count && text.utf8.elementsEqual(bytes) { return nil }
        var line = 1, column = 1, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            var ok = len > 0 && i + len <= n
            if ok && len > 1 {
                ok = String(decoding: bytes[i..<(i + len)], as: UTF8.self).utf8.elementsEqual(bytes[i..<(i + len)])
            }
            if !ok { return (SourceLocation(file: file, line: line, column: column), b) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += len
        }
        return nil
    }
}

/// What kind of problem a ``Diagnostic`` reports: a stable identifier for code
/// that must decide something from a diagnostic without reading its text (the
/// raw value is the printed form, `model.unknown-kind`). Diagnostics that no
/// code decides anything from carry none.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // The model's checks (``Graph/validate(schema:entities:relations:)``).
    /// Two entities share an id (key `id`).
    case duplicateID = "model.duplicate-id"
    /// An entity's id is empty (key `id`).
    case emptyID = "model.empty-id"
    /// An entity's kind is empty (key `kind`).
    case emptyKind = "model.empty-kind"
    /// An entity names a kind the schema lacks (key `kind`).
    case unknownEntityKind = "model.unknown-entity-kind"
    /// A relation names a kind the schema lacks (key `kind`).
    case unknownRelationKind = "model.unknown-relation-kind"
    /// A relation's end names no entity (key `from` or `to`).
    case undefinedEndpoint = "model.undefined-endpoint"
    /// A relation kind cannot join these entity kinds (key `kind`).
    case forbiddenEndpoints = "model.forbidden-endpoints"
    /// An entity or relation ends before it starts (key `end`).
    case endsBeforeStart = "model.ends-before-start"
    /// A relation has both a point date and a span (key `date`).
    case dateAndSpan = "model.date-and-span"
    /// A weight is not finite, is negative or too large (key `weight`).
    case weightOutOfRange = "model.weight-out-of-range"
    /// A confidence is outside 0...1 (key `confidence`).
    case confidenceOutOfRange = "model.confidence-out-of-range"
    /// A text breaks the ``TextPolicy`` (key: the field or attribute).
    case textPolicy = "model.text-policy"
    /// An entity kind's shape Graphviz does not know (key `entity_kinds.NAME.shape`).
    case unknownShape = "schema.unknown-shape"
    /// A kind's colour is not `#rrggbb` (key `entity_kinds.NAME.color` or `relation_kinds.NAME.color`).
    case invalidColor = "schema.invalid-color"
    /// A relation kind's line style is unknown (key `relation_kinds.NAME.style`).
    case unknownStyle = "schema.unknown-style"
    /// A relation kind's endpoint rule names an entity kind the schema lacks
    /// (key `relation_kinds.NAME.ENTITYKIND`).
    case unknownEndpointKind = "schema.unknown-endpoint-kind"

    // The formats (`GraphFormatsError` and the readers).
    /// The text is not well-formed (YAML, JSON, CSV, XML, DOT…) at this place.
    case syntax = "format.syntax"
    /// A file could not be read or written (key: its path).
    case io = "format.io"
    /// A format relgraph does not read or write.
    case unsupportedFormat = "format.unsupported"
    /// Input refused on purpose (too large, unsafe, not representable).
    case refused = "format.refused"
    /// A format cannot carry a field the graph uses (key: the `GraphField` raw value).
    case formatDropsField = "format.drops-field"
    /// Graphviz warned while parsing a DOT file.
    case dotGraphvizWarning = "dot.graphviz-warning"
    /// Graphviz drawing attributes were dropped from a DOT file's nodes and edges.
    case dotDrawingDropped = "dot.drawing-dropped"

    // Source texts.
    /// A declared source's text cannot be read (key: the source's id).
    case sourceUnreadable = "source.unreadable"
}

/// One thing wrong (or suspicious) in an input, with where it is.
///
/// Two diagnostics are equal when they print the same (severity, location and
/// message): ``code`` and ``key`` describe the problem for code, and follow
/// from it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// What kind of problem this is, for code that must decide something from a
    /// diagnostic without reading its text.
    public var code: DiagnosticCode?
    /// The key or field the problem concerns (`confidence`, `evidence`), when there is one.
    public var key: String?

    public init(
        _ message: String, at location: SourceLocation?, severity: Severity = .error, code: DiagnosticCode? = nil,
        key: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.code = code
        self.key = key
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.location == b.location && a.message == b.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(message)
    }

    /// `file:line:col: error: message` (the location is omitted when unknown).
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}
