import Foundation
import GraphModel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element with the place its start tag was read at
/// (shared by the GraphML and GEXF readers).
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    let location: SourceLocation
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String], location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    /// Frees the subtree without recursion: a document nested 40,000 levels deep
    /// would otherwise overflow the stack, one release per level.
    deinit {
        guard !children.isEmpty else { return }
        var pending = children
        children = []
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.children)
                node.children = []
            }
        }
    }

    /// The name without its namespace prefix (`y:ShapeNode` → `ShapeNode`).
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    func children(named local: String) -> [XMLElementNode] { children.filter { $0.localName == local } }
    func child(named local: String) -> XMLElementNode? { children.first { $0.localName == local } }

    /// Every descendant (depth first, document order), walked with an explicit stack.
    /// - Complexity: O(n) in the size of the subtree, whatever its depth.
    func descendants(named local: String) -> [XMLElementNode] {
        var out: [XMLElementNode] = []
        var pending: [XMLElementNode] = children.reversed()
        while let c = pending.popLast() {
            if c.localName == local { out.append(c) }
            pending.append(contentsOf: c.children.reversed())
        }
        return out
    }
}

enum XMLTree {
    /// Parses `text` into a tree of elements.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the line and column XMLParser stopped at.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) throws(GraphFormatsError) -> XMLElementNode {
        try parseWithWarnings(text, file: file).root
    }

    /// ``parse(_:file:)`` with what the reader must report: external entities
    /// that were declared and not read.
    static func parseWithWarnings(_ text: String, file: String) throws(GraphFormatsError) -> (root: XMLElementNode, warnings: [Diagnostic]) {
        try refuseEmptyProcessingInstructions(text, file: file)
        let data = Data(text.utf8)
        // Fed from a stream, libxml2 parses chunk by chunk and so never reaches its
        // 10 MB "huge input" lookup limit, which a single in-memory buffer does
        // (relgraph's own 20k-entity exports were refused).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let builder = Builder(file: file, parser: parser)
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.failure != nil {
            if let failure = builder.failure { throw failure }
            let code = (parser.parserError as NSError?)?.code ?? -1
            let location = SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            throw .syntax(location, "malformed XML: \(describe(code))")
        }
        if let open = builder.stack.last {
            throw .syntax(open.location, "malformed XML: <\(open.name)> is never closed")
        }
        guard let root = builder.root else {
            throw .syntax(SourceLocation(file: file, line: 1, column: 1), "no XML element found")
        }
        return (root, builder.externalEntities + externalEntityDeclarations(in: text, file: file))
    }

    /// Refuses a processing instruction without content (`<?pi?>`, `<?pi ?>`): XMLParser
    /// on Linux crashes on one (it calls `strlen` on the missing content; found by the
    /// GraphML and GEXF fuzz targets). Every `<?` in the text is looked at, even inside
    /// comments, CDATA or a malformed declaration (libxml2 may read those differently
    /// from any shortcut a scanner takes); processing instructions mean nothing to
    /// GraphML or GEXF, so refusing is the only change a reader sees.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the instruction.
    /// - Complexity: O(n) in the length of the text.
    static func refuseEmptyProcessingInstructions(_ text: String, file: String) throws(GraphFormatsError) {
        let b = Array(text.utf8)
        let lt = UInt8(ascii: "<"), q = UInt8(ascii: "?"), gt = UInt8(ascii: ">")
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        var i = 0
        while i + 1 < b.count {
            guard b[i] == lt, b[i + 1] == q else { i += 1; continue }
            // <?target data?>: the target runs to white space or '?'.
            var j = i + 2
            while j < b.count, b[j] != q, b[j] != lt, !isSpace(b[j]) { j += 1 }
            var k = j
            while k < b.count, isSpace(b[k]) { k += 1 }
            if k + 1 < b.count, b[k] == q, b[k + 1] == gt {
                let before = b[..<i]
                let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let column = String(decoding: b[lineStart..<i], as: UTF8.self).count + 1
                let target = String(decoding: b[(i + 2)..<j], as: UTF8.self)
                throw .syntax(SourceLocation(file: file, line: line, column: column),
                              "malformed XML: the processing instruction <?\(target)?> has no content (remove it; GraphML and GEXF do not use processing instructions)")
            }
            i += 2
        }
    }

    /// External entities declared in an internal DTD subset (`<!ENTITY x SYSTEM "…">`),
    /// which are never read: each use of one becomes empty text, so each is reported.
    /// (XMLParser on Linux does not call its delegate for these declarations.)
    /// - Complexity: O(n) in the length of the text.
    static func externalEntityDeclarations(in text: String, file: String) -> [Diagnostic] {
        guard text.contains("<!ENTITY") else { return [] }
        var found: [Diagnostic] = []
        let pattern = #/<!ENTITY\s+(?:%\s+)?([^\s>]+)\s+(?:SYSTEM\s+["']([^"']*)["']|PUBLIC\s+["']([^"']*)["'])/#
        for match in text.matches(of: pattern) {
            let before = text[..<match.range.lowerBound]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
            let address = match.output.2.map(String.init) ?? match.output.3.map(String.init) ?? "no address"
            found.append(Diagnostic(
                "external entity '\(match.output.1)' (\(address)) is not read: where it is used, the text is empty",
                at: SourceLocation(file: file, line: line, column: column), severity: .warning))
        }
        return found
    }

    /// libxml2's error (its `xmlParserErrors` number, which XMLParser reports as a
    /// code) in words, so no message says "XMLParser error 29".
    static func describe(_ code: Int) -> String {
        switch code {
        case 1: return "the document could not be read (libxml2 internal limit)"
        case 2: return "out of memory"
        case 3, 4: return "document is empty"
        case 5: return "unexpected end of document"
        case 6, 7, 8, 10, 11, 12, 13: return "invalid character reference"
        case 9: return "invalid character"
        case 14, 15, 16, 17, 22, 23: return "malformed entity reference ('&' must be written '&amp;')"
        case 18, 19, 20, 21, 24, 25, 30, 88: return "parameter entities are not supported"
        case 26, 27: return "undeclared entity"
        case 28: return "unparsed entity used in text"
        case 29: return "external entities are not read (an entity refers to a file or URL)"
        case 31, 32, 79, 81: return "unsupported or invalid character encoding"
        case 33, 34, 43, 44: return "a quoted value is not closed"
        case 35: return "malformed namespace declaration"
        case 36, 37: return "malformed entity declaration"
        case 38: return "'<' inside an attribute value"
        case 39, 40, 41, 42: return "malformed attribute"
        case 45: return "comment not closed"
        case 46, 47: return "malformed processing instruction"
        case 48, 49, 50, 51, 52, 53, 54, 55, 58, 59, 60, 61, 83, 95: return "malformed document type declaration"
        case 56, 57, 64, 96, 97: return "invalid XML declaration"
        case 62: return "']]>' outside a CDATA section"
        case 63: return "CDATA section not closed"
        case 65, 66: return "a space is missing"
        case 67, 68: return "a name is missing where one was expected"
        case 73: return "'>' is missing"
        case 74: return "'</' is missing"
        case 75: return "'=' is missing after an attribute name"
        case 76: return "mismatched end tag (an element is not closed, or closed by the wrong tag)"
        case 77: return "unexpected end of document (an element is not closed)"
        case 80: return "'--' inside a comment"
        case 85: return "elements are not balanced"
        case 86: return "extra content after the document element"
        case 89: return "an entity refers to itself (entity loop)"
        case 111: return "tag not closed"
        default: return "not well-formed XML"
        }
    }

    final class Builder: NSObject, XMLParserDelegate {
        let file: String
        unowned let parser: XMLParser
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        var failure: GraphFormatsError?
        /// External entities declared in the DTD (never read; their uses become empty text).
        var externalEntities: [Diagnostic] = []

        init(file: String, parser: XMLParser) {
            self.file = file
            self.parser = parser
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let loc = SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            let node = XMLElementNode(name: elementName, attributes: attributeDict, location: loc)
            if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
            stack.last?.text += whitespaceString
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard failure == nil else { return }
            let code = (parseError as NSError).code
            let loc = SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            failure = .syntax(loc, "malformed XML: \(XMLTree.describe(code))")
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            let loc = SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            externalEntities.append(Diagnostic(
                "external entity '\(name)' (\(systemID ?? publicID ?? "no address")) is not read: where it is used, the text is empty",
                at: loc, severity: .warning))
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}

/// XML 1.0 escaping for the writers, refusing what XML 1.0 cannot carry.
enum XMLEscaping {
    /// Whether XML 1.0 can carry this scalar at all (even as a character reference).
    static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Refuses text XML 1.0 cannot carry.
    /// - Throws: ``GraphFormatsError/refused(_:)`` naming `what` and the character.
    static func check(_ text: String, _ what: @autoclosure () -> String, format: String) throws(GraphFormatsError) {
        for s in text.unicodeScalars where !isAllowed(s) {
            let hex = String(s.value, radix: 16, uppercase: true)
            throw .refused("\(format) cannot carry \(what()): it contains the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), which XML 1.0 does not allow")
        }
    }

    /// Escapes text for element content or (with `attribute`) a double-quoted
    /// attribute value, keeping tabs, newlines and carriage returns exact.
    /// - Complexity: O(n).
    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
