import GraphModel

/// A review sheet: the candidate ties sentence by sentence, each sentence shown with
/// its mentions marked, and a tick box per tie, for a person to accept or reject.
///
/// The sheet quotes the source sentences so the reviewer can judge them; it is a
/// working document beside the candidates file, never graph evidence.
public enum ReviewSheet {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, html
    }

    /// The sheet as Markdown (GitHub task lists) or a standalone HTML page.
    /// - Complexity: O(S + M + C) for S sentences with candidates, M mentions, C ties.
    public static func render(_ result: ExtractionResult, format: Format) -> String {
        let names = Dictionary(result.graph.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var bySentence: [SentenceRef: [(Int, CandidateTie)]] = [:]
        for (i, tie) in result.ties.enumerated() {
            for ref in tie.sentences { bySentence[ref, default: []].append((i, tie)) }
        }
        let refs = bySentence.keys.sorted()
        let title = "Review: \(result.graph.name)"
        var out = ""
        switch format {
        case .markdown:
            out += "# \(markdownEscape(title))\n\n"
            out += "\(result.ties.count) candidate ties from \(refs.count) sentences. Tick a box, then set "
            out += "`accepted: true` on that relation in the candidates file (or run `relgraph merge --all`).\n"
            for ref in refs {
                guard let s = result.sentence(ref) else { continue }
                out += "\n## \(markdownEscape(result.cite(ref)))\n\n> \(marked(s.text, result.mentions[ref] ?? [], names: names, format: .markdown))\n\n"
                for (i, tie) in bySentence[ref]! {
                    let r = tie.relation
                    out += "- [ ] #\(i + 1) **\(markdownEscape(names[r.from] ?? r.from))** `\(r.kind)` **\(markdownEscape(names[r.to] ?? r.to))**"
                    out += " — confidence \(TextExtraction.format(r.confidence ?? 0)), cue “\(markdownEscape(tie.cue))”"
                    if let d = r.dateText { out += ", \(d)" }
                    if let h = tie.hedge { out += ", hedged (\(markdownEscape(h)))" }
                    out += "\n"
                }
            }
        case .html:
            out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(htmlEscape(title))</title>\n"
            out += "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
            out += "blockquote{margin:.5em 0;padding:.4em .8em;background:#f8fafc;border-left:3px solid #94a3b8}"
            out += "mark{background:#fde68a;padding:0 .15em}mark.pronoun{background:#e0e7ff}label{display:block}</style></head><body>\n"
            out += "<h1>\(htmlEscape(title))</h1>\n<p>\(result.ties.count) candidate ties from \(refs.count) sentences.</p>\n"
            for ref in refs {
                guard let s = result.sentence(ref) else { continue }
                out += "<section><h2>\(htmlEscape(result.cite(ref)))</h2>\n<blockquote>\(marked(s.text, result.mentions[ref] ?? [], names: names, format: .html))</blockquote>\n"
                for (i, tie) in bySentence[ref]! {
                    let r = tie.relation
                    var line = "<b>\(htmlEscape(names[r.from] ?? r.from))</b> \(htmlEscape(r.kind)) <b>\(htmlEscape(names[r.to] ?? r.to))</b>"
                    line += " — confidence \(TextExtraction.format(r.confidence ?? 0)), cue “\(htmlEscape(tie.cue))”"
                    if let d = r.dateText { line += ", \(htmlEscape(d))" }
                    if let h = tie.hedge { line += ", hedged (\(htmlEscape(h)))" }
                    out += "<label><input type=\"checkbox\" name=\"tie\" value=\"\(i + 1)\"> #\(i + 1) \(line)</label>\n"
                }
                out += "</section>\n"
            }
            out += "</body></html>\n"
        }
        return out
    }

    /// The sentence with every mention wrapped: `[Name]` in Markdown, `<mark>` in HTML.
    static func marked(_ text: String, _ mentions: [EntityMention], names: [String: String], format: Format) -> String {
        let scalars = Array(text.unicodeScalars)
        func slice(_ a: Int, _ b: Int) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[max(0, a)..<min(b, scalars.count)]); return String(v)
        }
        var out = ""
        var at = 0
        for m in mentions.sorted(by: { $0.sentenceOffsets.lowerBound < $1.sentenceOffsets.lowerBound }) where m.sentenceOffsets.lowerBound >= at {
            let plain = slice(at, m.sentenceOffsets.lowerBound)
            let word = slice(m.sentenceOffsets.lowerBound, m.sentenceOffsets.upperBound)
            switch format {
            case .markdown:
                out += markdownEscape(plain)
                out += m.isPronoun ? "_\(markdownEscape(word))_ [→ \(markdownEscape(names[m.entityID] ?? m.entityID))]"
                                   : "**[\(markdownEscape(word))]**"
            case .html:
                out += htmlEscape(plain)
                let tip = htmlEscape(m.entityID)
                out += m.isPronoun ? "<mark class=\"pronoun\" title=\"\(tip)\">\(htmlEscape(word))</mark>"
                                   : "<mark title=\"\(tip)\">\(htmlEscape(word))</mark>"
            }
            at = m.sentenceOffsets.upperBound
        }
        out += format == .markdown ? markdownEscape(slice(at, scalars.count)) : htmlEscape(slice(at, scalars.count))
        return out
    }
}

func htmlEscape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            if c.value < 0x20 && c != "\n" && c != "\t" { out += "&#xFFFD;" } else { out.unicodeScalars.append(c) }
        }
    }
    return out
}

func markdownEscape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
        if "\\`*_[]<>#|".unicodeScalars.contains(c) { out += "\\" }
        if c.value < 0x20 { out += " "; continue }
        out.unicodeScalars.append(c)
    }
    return out
}
