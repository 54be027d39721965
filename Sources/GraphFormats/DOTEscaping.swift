/// Escaping for Graphviz DOT text, as measured against Graphviz 2.42 on this
/// machine (see `GRAPHVIZ.md`, "Escaping").
///
/// - A NUL cannot reach Graphviz at all (it reads C strings); it is dropped.
/// - Inside a quoted DOT string the lexer only knows `\"` (and `\\`, kept as two
///   characters); a string ending in one backslash would swallow its closing quote.
/// - Text attributes (`label`, `tooltip`, `xlabel`, `id`…) then go through
///   Graphviz's escString pass, where `\n`, `\l`, `\r`, `\N`, `\G`, `\E`, `\T`,
///   `\H`, `\L` are substitutions and `\\` is one backslash; HTML entities are
///   decoded even in plain labels. So plain text becomes: `\` → `\\`,
///   `"` → `\"`, line break → `\n`, `&` → `&amp;`.
/// - HTML-like labels: XML-escape, and double backslashes as well.
public enum DOTEscaping {
    /// A quoted DOT string for a text attribute that goes through escString
    /// (`label`, `tooltip`): shows exactly `text`, line breaks centred.
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
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\u{0}": break  // would end the C string cgraph reads
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Whether `id` can be written as a quoted DOT ID that cgraph stores
    /// unchanged: no backslash (whose handling differs between the lexer and
    /// escString), no control characters, and no leading `%` (cgraph reports a
    /// node named `%…` under an internal name such as `%489`).
    public static func isExactID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("%")
            && id.unicodeScalars.allSatisfy { u in u != "\\" && u.value >= 0x20 && u.value != 0x7F }
    }

    /// A quoted DOT ID (node, graph or attribute value that is not escString).
    /// Exact for ids passing ``isExactID(_:)``; otherwise backslashes are
    /// doubled and control characters dropped so that the text stays lexically valid.
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

    /// A DOT value that cgraph stores as exactly `text`, for an attribute
    /// Graphviz does not interpret (`kind`, `aliases`, `evidence`…). Without a
    /// backslash or a NUL, a quoted string holding every other character as it
    /// is (`"` escaped); otherwise, or for a lone line feed (which cgraph 2.43
    /// reads as an empty value), an HTML-like string (`<…>`, see ``html(_:)``)
    /// whose text the DOT importer decodes (`AttributedGraph.dotHTMLText`):
    /// exact but for control characters, which are dropped, and line breaks,
    /// which become `\n`.
    /// - Complexity: O(n).
    public static func value(_ text: String) -> String {
        if text == "\n" || text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\u{0}" }) { return "<" + html(text) + ">" }
        var out = "\""
        for u in text.unicodeScalars {
            if u == "\"" { out += "\\\"" } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
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
