import Foundation

/// Joins PDF documents into one multi-page PDF.
///
/// Graphviz's cairo PDF device writes one page per job and does not paginate,
/// so a series of diagrams is rendered frame by frame and the pages are joined
/// here. Every object of every document is kept with its bytes (streams are
/// copied unchanged); only object numbers are shifted, each page's `/Parent`
/// points at one new page tree, and a new catalogue and cross-reference table
/// are written. Documents must use a classic `xref` table (as cairo and
/// Graphviz's other PDF writers do), not a cross-reference stream.
public enum PDFPages {
    /// One PDF holding every page of `documents`, in order.
    ///
    /// - Throws: ``GraphvizError/renderFailed(format:message:)`` when a document
    ///   has no readable `xref` table or page tree.
    /// - Complexity: O(total bytes).
    public static func merge(_ documents: [[UInt8]]) throws(GraphvizError) -> [UInt8] {
        var out = Array("%PDF-1.5\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        var offsets: [Int: Int] = [:]  // new object number → byte offset
        var kids: [Int] = []
        var base = 0
        // Object 1: the new page tree; 2: the catalogue. Documents' objects follow.
        let pagesNumber = 1, catalogNumber = 2
        base = 2
        for (d, doc) in documents.enumerated() {
            let objects = try parse(doc, document: d)
            var highest = 0
            var docKids: [Int] = []
            var skip: Set<Int> = []
            for object in objects {
                highest = max(highest, object.number)
                let dict = object.dictionaryText
                if dict.contains("/Type /Catalog") || dict.contains("/Type/Catalog") { skip.insert(object.number) }
                if let range = dict.range(of: #"/Type\s*/Pages\b"#, options: .regularExpression) {
                    _ = range
                    skip.insert(object.number)
                    if let k = dict.range(of: #"/Kids\s*\[([^\]]*)\]"#, options: .regularExpression) {
                        let refs = dict[k].matches(of: /(\d+)\s+0\s+R/).compactMap { Int($0.1) }
                        docKids += refs
                    }
                }
            }
            guard !docKids.isEmpty else { throw .renderFailed(format: "pdf", message: "document \(d + 1) has no pages") }
            for object in objects where !skip.contains(object.number) {
                var dict = object.dictionaryText.replacing(/(\d+)(\s+)0(\s+)R/) { m in "\(Int(m.1)! + base)\(m.2)0\(m.3)R" }
                if docKids.contains(object.number) {
                    dict = dict.replacing(/\/Parent\s+\d+\s+0\s+R/) { _ in "/Parent \(pagesNumber) 0 R" }
                }
                offsets[object.number + base] = out.count
                out += latin1("\(object.number + base) 0 obj\n") + latin1(dict) + object.rest + latin1("\nendobj\n")
            }
            kids += docKids.map { $0 + base }
            base += highest
        }
        offsets[pagesNumber] = out.count
        out += latin1("\(pagesNumber) 0 obj\n<< /Type /Pages /Kids [ \(kids.map { "\($0) 0 R" }.joined(separator: " ")) ] /Count \(kids.count) >>\nendobj\n")
        offsets[catalogNumber] = out.count
        out += latin1("\(catalogNumber) 0 obj\n<< /Type /Catalog /Pages \(pagesNumber) 0 R >>\nendobj\n")
        let xref = out.count
        let size = base + 1
        var table = "xref\n0 \(size)\n0000000000 65535 f \n"
        for n in 1..<size {
            if let o = offsets[n] { table += String(format: "%010d 00000 n \n", o) } else { table += "0000000000 65535 f \n" }
        }
        table += "trailer\n<< /Size \(size) /Root \(catalogNumber) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + latin1(table)
    }

    /// One indirect object: its number, the text before any stream, and the
    /// bytes from `stream` to just before `endobj` (empty when it has no stream).
    struct Object {
        var number: Int
        var dictionaryText: String
        var rest: [UInt8]
    }

    private static func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }
    private static func text(_ b: ArraySlice<UInt8>) -> String { String(b.map { Character(Unicode.Scalar($0)) }) }

    /// The objects of one document, located through its `xref` table.
    static func parse(_ doc: [UInt8], document d: Int) throws(GraphvizError) -> [Object] {
        let bad = { (why: String) in GraphvizError.renderFailed(format: "pdf", message: "document \(d + 1): \(why)") }
        let tail = text(doc.suffix(64))
        guard let m = tail.firstMatch(of: /startxref\s+(\d+)/), let xref = Int(m.1), xref < doc.count else {
            throw bad("no startxref")
        }
        let table = text(doc[xref...].prefix(while: { _ in true }).prefix(doc.count - xref))
        guard let trailer = table.range(of: "trailer") else { throw bad("no trailer") }
        var lines = table[..<trailer.lowerBound].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "xref" else { throw bad("no classic xref table") }
        lines.removeFirst()
        var entries: [(number: Int, offset: Int)] = []
        var i = 0
        while i < lines.count {
            let head = lines[i].split(separator: " ")
            guard head.count == 2, let first = Int(head[0]), let count = Int(head[1]) else { throw bad("bad xref section") }
            for k in 0..<count {
                let f = lines[i + 1 + k].split(separator: " ")
                if f.count >= 3, f[2] == "n", let o = Int(f[0]) { entries.append((first + k, o)) }
            }
            i += 1 + count
        }
        let sorted = entries.sorted { $0.offset < $1.offset }
        var objects: [Object] = []
        for (k, e) in sorted.enumerated() {
            let end = k + 1 < sorted.count ? sorted[k + 1].offset : xref
            guard e.offset < end, end <= doc.count else { throw bad("bad object offset") }
            var body = Array(doc[e.offset..<end])
            // Drop the trailing "endobj" and whitespace.
            while let last = body.last, last == 10 || last == 13 || last == 32 { body.removeLast() }
            guard body.count >= 6, text(body.suffix(6)[...]) == "endobj" else { throw bad("object \(e.number) does not end in endobj") }
            body.removeLast(6)
            // Drop the "N G obj" header.
            guard let objEnd = firstIndex(of: Array("obj".utf8), in: body) else { throw bad("object \(e.number) has no header") }
            body.removeFirst(objEnd + 3)
            let streamAt = firstIndex(of: Array("stream".utf8), in: body) ?? body.count
            objects.append(Object(number: e.number, dictionaryText: text(body[..<streamAt]), rest: Array(body[streamAt...])))
        }
        return objects
    }

    private static func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
