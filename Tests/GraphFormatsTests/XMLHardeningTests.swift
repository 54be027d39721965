import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// Regression tests for issue 8 items 1, 3 and 9 (XML readers).
@Suite struct XMLHardeningTests {
    static let header = #"<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">"#

    @Test func graphMLNested40000LevelsDeepIsReadWithoutOverflow() throws {
        let d = 40_000
        let text = Self.header + #"<graph edgedefault="undirected"><node id="a">"#
            + String(repeating: "<x>", count: d) + String(repeating: "</x>", count: d) + "</node></graph></graphml>"
        let g = try GraphMLReader.read(text, file: "deep.graphml")
        #expect(g.nodes.map(\.id) == ["a"])
    }

    @Test func gexfNodesNested40000LevelsDeepAreFlattenedWithoutOverflow() throws {
        let d = 40_000
        var text = #"<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes>"#
        for i in 0..<d { text += #"<node id="n\#(i)"><nodes>"# }
        for _ in 0..<d { text += "</nodes></node>" }
        text += "</nodes></graph></gexf>"
        let g = try GEXFReader.read(text, file: "deep.gexf")
        #expect(g.nodes.count == d)
        #expect(g.nodes.first?.id == "n0")
        #expect(g.nodes.last?.id == "n\(d - 1)")
    }

    @Test func graphMLOver10MBIsRead() throws {
        var text = Self.header + #"<key id="k" for="node" attr.name="name"/><graph edgedefault="directed">"#
        let n = 150_000
        for i in 0..<n { text += #"<node id="n\#(i)"><data key="k">Person number \#(i) of many</data></node>"# + "\n" }
        text += "</graph></graphml>"
        #expect(text.utf8.count > 10_500_000)
        let g = try GraphMLReader.read(text, file: "big.graphml")
        #expect(g.nodes.count == n)
        #expect(g.nodes.last?.attributes["name"] == "Person number \(n - 1) of many")
    }

    @Test(arguments: [
        (#"<!DOCTYPE g [<!ENTITY a "&a;">]><graphml>&a;</graphml>"#, "entity"),
        ("<graphml><graph></graphml>", "mismatched end tag"),
        ("<graphml attr=>", "attribute"),
        ("<graphml>&bogus;</graphml>", "undeclared entity"),
    ])
    func xmlErrorsAreWordsNotCodes(text: String, words: String) throws {
        #expect {
            _ = try GraphMLReader.read(text, file: "bad.graphml")
        } throws: { error in
            let message = "\(error)"
            return !message.contains("XMLParser error") && message.contains(words) && message.contains("bad.graphml:1:")
        }
    }

    @Test func secondGraphMLGraphIsReported() throws {
        let text = Self.header + #"<graph edgedefault="directed"><node id="a"/></graph><graph edgedefault="directed"><node id="b"/><node id="c"/></graph></graphml>"#
        let g = try GraphMLReader.read(text, file: "two.graphml")
        #expect(g.nodes.map(\.id) == ["a"])
        #expect(g.warnings.contains { $0.message.contains("second <graph> skipped (2 nodes, 0 edges)") && $0.location?.line == 1 }, "\(g.warnings)")
    }

    @Test func duplicatedAttrNameIsReported() throws {
        let text = Self.header + #"<key id="d0" for="node" attr.name="name"/><key id="d1" for="node" attr.name="name"/>"#
            + #"<graph edgedefault="directed"><node id="a"><data key="d0">One</data><data key="d1">Two</data></node></graph></graphml>"#
        let g = try GraphMLReader.read(text, file: "dup.graphml")
        #expect(g.warnings.contains { $0.message.contains("keys 'd0' and 'd1' both name the node attribute 'name'") }, "\(g.warnings)")
    }

    @Test func gexfNodeTimeIsReported() throws {
        let text = #"<?xml version="1.0"?><gexf version="1.3"><graph><nodes><node id="a" start="1917" end="1940"/></nodes></graph></gexf>"#
        let g = try GEXFReader.read(text, file: "t.gexf")
        #expect(g.warnings.contains { $0.message.contains("node 'a': start/end skipped") }, "\(g.warnings)")
    }

    @Test func externalEntityIsReported() throws {
        let text = #"<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>"#
            + #"<graphml><key id="k" for="node" attr.name="name"/><graph edgedefault="directed"><node id="a"><data key="k">&xxe;</data></node></graph></graphml>"#
        let g = try GraphMLReader.read(text, file: "x.graphml")
        #expect(g.warnings.contains { $0.message.contains("external entity 'xxe' (file:///etc/hostname) is not read") }, "\(g.warnings)")
    }

    /// Found by the GraphML fuzz target: XMLParser on Linux crashes (strlen of a null
    /// pointer) on a processing instruction without content. Refused, located.
    @Test(arguments: [
        "<?x1.0\u{FFFD}?>",                                          // the fuzzer's input, as the CLI decodes it
        #"<?xml version="1.0"?><graphml><?pi?><graph/></graphml>"#,
        "<?xml version=\"1.0\"?>\n<graphml>\n  <graph edgedefault=\"directed\"><?pi  ?></graph></graphml>",
    ])
    func emptyProcessingInstructionIsRefusedNotACrash(text: String) throws {
        #expect {
            _ = try GraphMLReader.read(text, file: "pi.graphml")
        } throws: { error in
            "\(error)".contains("pi.graphml:") && "\(error)".contains("has no content")
        }
        #expect {
            _ = try GEXFReader.read(text, file: "pi.gexf")
        } throws: { error in
            "\(error)".contains("pi.gexf:") && "\(error)".contains("has no content")
        }
    }

    @Test func processingInstructionsWithContentStillRead() throws {
        let text = Self.header + #"<?render quality="high"?><!-- a <?pi data?> in a comment --><key id="k" for="node" attr.name="name"/>"#
            + #"<graph edgedefault="directed"><node id="a"><data key="k"><![CDATA[<?x y?>]]></data></node></graph></graphml>"#
        let g = try GraphMLReader.read(text, file: "ok.graphml")
        #expect(g.nodes.first?.attributes["name"] == "<?x y?>")
    }

    /// The second fuzz find: an unterminated XML declaration before an empty instruction.
    @Test func emptyInstructionAfterABrokenDeclarationIsRefused() throws {
        let text = "<?xml version=\"1.0\"?ng.org/xmlns\">\n<graph edgedefault=\"directed\">\n  <?pi?>\n</graph>\n</graphml>\n"
        #expect {
            _ = try GraphMLReader.read(text, file: "broken.graphml")
        } throws: { error in
            "\(error)".contains("broken.graphml:3:3") && "\(error)".contains("has no content")
        }
    }
}
