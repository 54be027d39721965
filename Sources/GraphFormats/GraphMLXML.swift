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

    /// The name without its namespace prefix (`y:ShapeNode` → `ShapeNode`).
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    func children(named local: String) -> [XMLElementNode] { children.filter { $0.localName == local } }
    func child(named local: String) -> XMLElementNode? { children.first { $0.localName == local } }

    /// Every descendant (depth first, document order).
    func descendants(named local: String) -> [XMLElementNode] {
        var out: [XMLElementNode] = []
        for c in children {
            if c.localName == local { out.append(c) }
            out += c.descendants(named: local)
        }
        return out
    }
}

enum XMLTree {
    /// Parses `text` into a tree of elements.
    /// - Throws: ``GraphFormatsError/syntax(_:_:)`` at the line and column XMLParser stopped at.
    /// - Complexity: O(n) in the length of the text.
    static func parse(_ text: String, file: String) throws(GraphFormatsError) -> XMLElementNode {
        let data = Data(text.utf8)
        let parser = XMLParser(data: data)
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
        return root
    }

    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "document is empty"
        case 5: return "unexpected end of document"
        case 9: return "invalid character"
        case 23: return "an element or attribute name is missing"
        case 26: return "undeclared entity"
        case 27: return "undeclared entity"
        case 38, 39, 40, 41, 42: return "malformed attribute"
        case 64: return "invalid XML declaration"
        case 68: return "a name is missing where one was expected"
        case 73, 76: return "mismatched end tag (an element is not closed, or closed by the wrong tag)"
        case 77: return "unexpected end of document (an element is not closed)"
        case 111: return "tag not closed"
        default: return "not well-formed (XMLParser error \(code))"
        }
    }

    final class Builder: NSObject, XMLParserDelegate {
        let file: String
        unowned let parser: XMLParser
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        var failure: GraphFormatsError?

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
