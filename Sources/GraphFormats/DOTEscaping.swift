/// Escaping for Graphviz DOT text, as measured against Graphviz 2.42 (Debian's
/// libgraphviz-dev) on this machine.
///
/// - A NUL cannot reach Graphviz at all (it reads C strings); it is dropped
///   (``GraphModel/TextPolicy`` never lets one into a graph).
/// - Inside a quoted DOT string cgraph's lexer turns `\"` into `"` and drops a
///   backslash before a line break; everything else, `\\` included, is stored
///   as written. A quoted string holding only a line feed is stored empty, and
///   an empty value is the same as none.
/// - cgraph keeps one copy of equal texts: a quoted string and an HTML-like
///   string (`<…>`) with the same text share it, and both read as HTML-like or
///   both as not, whichever came first. Which values are HTML-like is therefore
///   not a reliable signal; the model values relgraph writes never are.
/// - Node and graph names beginning with `%` are renamed by cgraph (`%3`).
/// - Text attributes Graphviz draws (`label`, `tooltip`, `xlabel`, `id`…) then
///   go through Graphviz's escString pass, where `\n`, `\l`, `\r`, `\N`, `\G`,
///   `\E`, `\T`, `\H`, `\L` are substitutions and `\\` is one backslash; HTML
///   entities are decoded even in plain labels. So drawn text becomes:
///   `\` → `\\`, `"` → `\"`, line break → `\n`, `&` → `&amp;`, `<` → `&lt;`
///   (``escString(_:)``; with no `<`, a plain label never has the text of one of
///   relgraph's HTML-like labels, so cgraph cannot take it for one).
/// - HTML-like labels: XML-escape, and double backslashes as well (``html(_:)``).
///
/// ## relgraph's escapes
///
/// The model's text — node ids, the graph's name, and every model attribute
/// name and value (`kind`, `name`, `aliases`, `evidence`, free attributes…) —
/// is written as a quoted string in relgraph's own escapes (``value(_:)``,
/// ``id(_:)``), undone by ``unescape(_:)`` on the text cgraph stores:
///
/// | text | written as |
/// |---|---|
/// | `\` | `\\` |
/// | `"` | `\"` (DOT's own escape) |
/// | line feed, carriage return, tab | `\n`, `\r`, `\t` |
/// | the empty string | `\e` |
/// | `%` starting an id | `\%` |
///
/// Any other backslash pair is read as written. Every text ``TextPolicy`` allows
/// comes back exactly. The DOT writer says so with the graph attribute
/// ``escapesAttribute`` = ``escapesVersion``; the importer undoes the escapes only
/// in a graph that says so, and reads any other DOT (a foreign file, or one
/// written by an earlier relgraph) as before.
public enum DOTEscaping {
    /// A quoted DOT string for a text attribute that goes through escString
    /// (`label`, `tooltip`): shows exactly `text`, line breaks centred (a
    /// carriage return or CRLF is one line break, so a name holding one is
    /// not read back from its label exactly: see ``labelShowsExactly(_:)``).
    /// - Complexity: O(n).
    public static func escString(_ text: String) -> String {
        var out = "\""
        var previousCR = false
        for u in text.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "<": out += "&lt;"  // never the text of an HTML-like label (see the type's notes)
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\u{0}": break  // would end the C string cgraph reads
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Whether `id` can be written as a plain quoted DOT ID (``quotedID(_:)``)
    /// that cgraph stores unchanged, without relgraph's escapes: no backslash
    /// (whose handling differs between the lexer and escString), no control
    /// characters, and no leading `%` (cgraph reports a node named `%…` under an
    /// internal name such as `%489`).
    public static func isExactID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("%")
            && id.unicodeScalars.allSatisfy { u in u != "\\" && u.value >= 0x20 && u.value != 0x7F }
    }

    /// A plain quoted DOT ID, for text Graphviz reads as it is (colours, shapes,
    /// styles, layout hints). Exact for ids passing ``isExactID(_:)``; otherwise
    /// backslashes are doubled and control characters dropped so that the text
    /// stays lexically valid. Node ids and model text use ``id(_:)`` and ``value(_:)``.
    /// - Complexity: O(n).
    public static func quotedID(_ id: String) -> String {
        var out = "\""
        for u in id.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value >= 0x20 && u.value != 0x7F { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    /// The graph attribute with which the DOT writer says that it wrote ids,
    /// the graph's name and model attributes in relgraph's escapes.
    public static let escapesAttribute = "relgraph_escapes"
    /// The value of ``escapesAttribute``: the escapes of this version.
    public static let escapesVersion = "1"

    /// A quoted DOT string for a model attribute name or value (`kind`,
    /// `aliases`, `evidence`…), in relgraph's escapes: ``unescape(_:)`` turns the
    /// text cgraph stores back into exactly `text`.
    /// - Complexity: O(n).
    public static func value(_ text: String) -> String { escaped(text, id: false) }

    /// A quoted DOT ID for a node or the graph, in relgraph's escapes (as
    /// ``value(_:)``, and a leading `%` escaped, which cgraph would rename).
    /// - Complexity: O(n).
    public static func id(_ text: String) -> String { escaped(text, id: true) }

    private static func escaped(_ text: String, id: Bool) -> String {
        if text.isEmpty { return #""\e""# }
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }
        if plain && !(id && text.utf8.first == UInt8(ascii: "%")) { return "\"" + text + "\"" }
        var out = "\""
        var first = true
        for u in text.unicodeScalars {
            defer { first = false }
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "%" where first && id: out += "\\%"
            case "\u{0}": break  // would end the C string cgraph reads
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The text a ``value(_:)`` or ``id(_:)`` stood for, from the text cgraph
    /// stores for it (DOT's `\"` already undone): `\\` → `\`, `\n`, `\r`,
    /// `\t` → line feed, carriage return, tab, `\e` → nothing, `\%` → `%`;
    /// any other backslash is kept as it is.
    /// - Complexity: O(n).
    public static func unescape(_ stored: String) -> String {
        guard stored.utf8.contains(UInt8(ascii: "\\")) else { return stored }
        var out = ""
        var it = stored.unicodeScalars.makeIterator()
        while let u = it.next() {
            guard u == "\\" else { out.unicodeScalars.append(u); continue }
            guard let next = it.next() else { out += "\\"; break }
            switch next {
            case "\\": out += "\\"
            case "n": out += "\n"
            case "r": out += "\r"
            case "t": out += "\t"
            case "e": break
            case "%": out += "%"
            default: out += "\\"; out.unicodeScalars.append(next)
            }
        }
        return out
    }

    /// Whether a plain label (``escString(_:)``), read back as Graphviz shows it,
    /// gives exactly `name`: not when it holds a carriage return (drawn as a
    /// line break) or is empty (cgraph does not keep an empty value). For such
    /// a name, and for any name drawn as an HTML-like label, the DOT writer adds
    /// a `name` attribute (``value(_:)``) that the importer reads instead.
    /// - Complexity: O(n).
    public static func labelShowsExactly(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains { $0 == UInt8(ascii: "\r") || $0 == 0 }
    }

    /// Text for the inside of an HTML-like label (`<...>`): XML-escaped,
    /// backslashes doubled, line breaks as `<BR/>`.
    /// - Complexity: O(n).
    public static func html(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for u in text.unicodeScalars {
            defer { previousCR = u == "\r" }
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\\": out += "\\\\"
            case "\r": out += "<BR/>"
            case "\n": if !previousCR { out += "<BR/>" }
            default:
                if u.value >= 0x20 && u.value != 0x7F { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
