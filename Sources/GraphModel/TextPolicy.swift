/// What text a graph may hold, decided once for every reader and writer.
///
/// Text (ids, kinds, names, aliases, descriptions, evidence, sources, attribute
/// keys and values, the graph's name) may hold any Unicode scalar that XML 1.0
/// can carry, which is what every output path needs:
///
/// - no C0 control character (U+0000–U+001F) other than tab, line feed and
///   carriage return (names may span lines: DOT and GraphML labels do);
/// - no Unicode noncharacter (U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF in every
///   plane), which XML 1.0 cannot carry and Graphviz refuses.
///
/// ``Graph/validate(schema:entities:relations:)`` reports the rest, located, so an
/// SVG, GraphML or GEXF written from a valid graph is well-formed. DEL and the C1
/// controls (U+007F–U+009F) are legal XML and stay allowed; on the terminal,
/// ``terminalSafe(_:)`` shows them (and ESC, BEL, CR) as visible escapes.
public enum TextPolicy {
    /// The first scalar of `text` that this policy does not allow, if any.
    /// - Complexity: O(n) in the length of `text`.
    public static func firstDisallowed(in text: String) -> Unicode.Scalar? {
        for s in text.unicodeScalars where !isAllowed(s) { return s }
        return nil
    }

    /// Whether one scalar is allowed.
    /// - Complexity: O(1).
    @inline(__always)
    public static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        if v >= 0xFDD0 && v <= 0xFDEF { return false }
        if v & 0xFFFE == 0xFFFE { return false }
        return true
    }

    /// `U+001B` for a scalar, for messages.
    public static func codePoint(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A diagnostic-ready complaint about `text`, or nil when it is allowed:
    /// `its name contains the control character U+001B, which relgraph does not allow in text`.
    /// - Complexity: O(n).
    public static func problem(_ what: String, _ text: String) -> String? {
        guard let s = firstDisallowed(in: text) else { return nil }
        let nature = s.value < 0x20 ? "the control character" : "the Unicode noncharacter"
        return "\(what) contains \(nature) \(codePoint(s)), which relgraph does not allow in text (XML cannot carry it)"
    }

    /// `text` made safe to print on a terminal: every control character other
    /// than line feed and tab (ESC, BEL, CR, C1 controls, DEL) is shown as a
    /// visible `\u{1B}` escape, so no name or message can move the cursor,
    /// clear the screen or retitle the window.
    /// - Complexity: O(n).
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            if needsEscape(s) {
                out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// A message made safe to print (``terminalSafe(_:)``) and short enough to
    /// read: a line over `limit` characters keeps its first 600 and last 200,
    /// with the count left out between them. A quoted value can be any length
    /// (a 100 MB YAML scalar made a 100 MB error line).
    /// - Complexity: O(n).
    public static func messageSafe(_ text: String, limit: Int = 1_000) -> String {
        let safe = terminalSafe(text)
        guard safe.count > limit else { return safe }
        return safe.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > limit else { return String(line) }
            let head = 600, tail = 200
            return "\(line.prefix(head)) … [\(line.count - head - tail) characters left out] … \(line.suffix(tail))"
        }.joined(separator: "\n")
    }

    @inline(__always)
    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0xA && v != 0x9) || (v >= 0x7F && v <= 0x9F)
    }
}
