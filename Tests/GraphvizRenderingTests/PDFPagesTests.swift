import Foundation
import Testing
@testable import GraphvizRendering

extension GraphvizRenderingTests {
/// Joining Graphviz's one-page PDFs into one document.
@Suite("PDF pages")
struct PDFPagesTests {
    @Test("Three one-page renders join into one three-page PDF with every page's content")
    func merge() throws {
        let docs = try ["a", "bb", "ccc"].map { name in
            try Graphviz.render(dot: "digraph \(name) { \(name) -> end }", engine: .dot, format: .pdf).data
        }
        let merged = try PDFPages.merge(docs)
        let text = String(decoding: merged, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/Count 3"))
        // Every page object, renumbered, points at the one new page tree (object 1).
        #expect(text.components(separatedBy: "/Parent 1 0 R").count - 1 == 3)
        // Each document's streams are copied byte for byte.
        for doc in docs {
            let objects = try PDFPages.parse(doc, document: 0)
            for o in objects where !o.rest.isEmpty {
                #expect(merged.firstRange(of: o.rest) != nil)
            }
        }
        // The merged file parses again: its xref table locates every object.
        let again = try PDFPages.parse(merged, document: 0)
        #expect(again.filter { $0.dictionaryText.contains("/Type /Page ") || $0.dictionaryText.contains("/Type /Page\n") }.count == 3)
    }

    @Test("Bytes that are no PDF are an error, not a crash")
    func garbage() {
        #expect(throws: GraphvizError.self) { try PDFPages.merge([Array("not a pdf".utf8)]) }
        #expect(throws: GraphvizError.self) { try PDFPages.merge([Array("%PDF-1.5\nstartxref\n999999\n%%EOF".utf8)]) }
    }
}
}
