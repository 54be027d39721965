import GraphModel

/// One CSV field: its text, whether it was quoted, and where it starts.
struct CSVField: Sendable {
    var text: String
    var quoted: Bool
    var location: SourceLocation
}

/// The RFC 4180 CSV parser every CSV reader here uses (fixture edge lists, CSV
/// pairs); it reports file:line:column (columns count Unicode
/// scalars from 1).
///
/// Fields are separated by `,`, records by CRLF or LF (a lone CR as well). A
/// field in double quotes may hold commas, line breaks and `""` (one quote). A
/// UTF-8 byte order mark at the start is skipped, and lines that are entirely
/// empty are skipped. A quote inside an unquoted field, text after a closing
/// quote, and a quoted field left open are errors.
enum CSVParser {
    /// The records of `text`.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the offending character.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) throws(GraphFormatsError) -> [[CSVField]] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [[CSVField]] = []
        var record: [CSVField] = []
        var i = 0, line = 1, column = 1
        let n = scalars.count
        func loc() -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

        var atRecordStart = true
        while i < n {
            // Skip entirely empty lines.
            if atRecordStart, scalars[i] == "\n" || scalars[i] == "\r" {
                if scalars[i] == "\r", i + 1 < n, scalars[i + 1] == "\n" { i += 1 }
                i += 1; line += 1; column = 1
                continue
            }
            atRecordStart = false
            let start = loc()
            var field = String.UnicodeScalarView()
            var quoted = false
            if scalars[i] == "\"" {
                quoted = true
                i += 1; column += 1
                var closed = false
                while i < n {
                    let s = scalars[i]
                    if s == "\"" {
                        if i + 1 < n, scalars[i + 1] == "\"" {
                            field.append("\""); i += 2; column += 2
                            continue
                        }
                        i += 1; column += 1
                        closed = true
                        break
                    }
                    field.append(s)
                    i += 1
                    if s == "\n" || (s == "\r" && !(i < n && scalars[i] == "\n")) { line += 1; column = 1 } else if s != "\r" { column += 1 }
                }
                if !closed { throw .syntax(start, "a quoted field is never closed (missing '\"')") }
                if i < n, scalars[i] != ",", scalars[i] != "\n", scalars[i] != "\r" {
                    throw .syntax(loc(), "text after the closing quote of a field (a quote inside a field is written \"\")")
                }
            } else {
                while i < n, scalars[i] != ",", scalars[i] != "\n", scalars[i] != "\r" {
                    if scalars[i] == "\"" {
                        throw .syntax(loc(), "a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    field.append(scalars[i])
                    i += 1; column += 1
                }
            }
            record.append(CSVField(text: String(field), quoted: quoted, location: start))
            if i < n, scalars[i] == "," {
                i += 1; column += 1
                if i == n { record.append(CSVField(text: "", quoted: false, location: loc())) }
                continue
            }
            // End of record.
            if i < n {
                if scalars[i] == "\r", i + 1 < n, scalars[i + 1] == "\n" { i += 1 }
                i += 1; line += 1; column = 1
            }
            records.append(record)
            record = []
            atRecordStart = true
        }
        if !record.isEmpty { records.append(record) }
        return records
    }

    /// `text` as a CSV field: quoted (with `""` for `"`) when it contains a
    /// comma, a quote or a line break, or is empty; as it is otherwise.
    /// - Complexity: O(n).
    static func quote(_ text: String) -> String {
        if text.isEmpty { return "\"\"" }
        if text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            var out = "\""
            for s in text.unicodeScalars {
                if s == "\"" { out += "\"\"" } else { out.unicodeScalars.append(s) }
            }
            return out + "\""
        }
        return text
    }
}
