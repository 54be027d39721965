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
}

/// One thing wrong (or suspicious) in an input, with where it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// A stable identifier of the kind of problem (`format.drops-field`), for
    /// code that must decide something from a diagnostic without reading its text.
    public var code: String?
    /// The key or field the problem concerns (`confidence`, `evidence`), when there is one.
    public var key: String?

    public init(
        _ message: String, at location: SourceLocation?, severity: Severity = .error, code: String? = nil,
        key: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.code = code
        self.key = key
    }

    /// `file:line:col: error: message` (the location is omitted when unknown).
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}
