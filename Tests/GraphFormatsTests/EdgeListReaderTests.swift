import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// The byte-level edge-list reader must give exactly the graph (and warnings)
/// of the general CSV-pair reader it replaces on plain files.
@Suite struct EdgeListReaderTests {
    /// The general reader's result: CSVParser → CSVPairReader → GraphImporter.
    func general(_ text: String, file: String = "e.csv") throws -> ImportResult {
        try GraphImporter.makeGraph(from: CSVPairReader.read(entities: nil, relations: text, relationsFile: file))
    }

    func fast(_ text: String, file: String = "e.csv") throws -> ImportResult? {
        try GraphImporter.readPlainEdgeList(bytes: Array(text.utf8), file: file, mapping: ImportMapping())
    }

    func locations(_ g: Graph) -> [String] {
        g.entities.map { "\($0.id)@\($0.location?.description ?? "-")" }
            + g.relations.map { "\($0.from)>\($0.to)@\($0.location?.description ?? "-")" }
    }

    @Test(arguments: [
        "source,target,weight\na,b,1.5\nb,c,2\n\nc,a,0.25\n",
        "Source,Target\r\n\"x, y\",z\r\nz,\"q\"\"r\"\r\n",
        "from,to,kind,weight\nann,bob,knows,\nbob,cat,rival,3e2\ncat,ann,,7\nann,\"multi\nline\",Knows,1\n",
        "\u{FEFF}target,source\nb,a\nc,a\na,a",
        "source,target,kind\nré,ñ,opposed\nñ,x,Opposed\n",
        "source,target,weight\na,b,0.1\na,b,0.30000000000000004\n",
    ])
    func sameGraphAsTheGeneralReader(text: String) throws {
        let slow = try general(text)
        let quick = try #require(try fast(text))
        #expect(quick.graph == slow.graph)
        #expect(locations(quick.graph) == locations(slow.graph))
        #expect(quick.warnings == slow.warnings)
        #expect(quick.graph.schema == slow.graph.schema)
    }

    @Test func valuesAreTheOnesWritten() throws {
        let r = try #require(try fast("source,target,weight\np1,p2,6.97\np2,p3,\n"))
        #expect(r.graph.entities.map(\.id) == ["p1", "p2", "p3"])
        #expect(r.graph.relations.map(\.weight) == [6.97, nil])
        #expect(r.graph.relations.map(\.kind) == ["tie", "tie"])
        #expect(r.graph.entities.map(\.kind) == ["node", "node", "node"])
    }

    @Test(arguments: [
        "source,target,label\na,b,x\n",       // an attribute column
        "source,target,weight\na,b,-1\n",     // a negative weight: a warning, kept as an attribute
        "source,target,weight\na,b,heavy\n",  // not a number
        "source,target,weight\na,b,\"\"\n",   // a quoted empty value
        "source,target,type\na,b,Directed\n", // Gephi's direction column
        "source,target,kind\na,b,member_of\n", // a kind whose endpoint rules the general reader applies
    ])
    func leavesUnusualFilesToTheGeneralReader(text: String) throws {
        #expect(try fast(text) == nil)
        // …which still reads them.
        _ = try general(text)
    }

    @Test func aBadRowNearTheEndOfAMillionLinesIsNamed() throws {
        var text = "source,target,weight\n"
        text.reserveCapacity(14_000_000)
        for i in 0..<999_998 { text += "n\(i % 5000),n\((i * 7) % 5000),1\n" }
        text += "a,b,1,extra\n"
        text += "c,d,1\n"
        #expect(throws: GraphFormatsError.syntax(SourceLocation(file: "big.csv", line: 1_000_000, column: 7),
                                                 "this row has 4 fields but the header has 3")) {
            _ = try fast(text, file: "big.csv")
        }
    }

    @Test func syntaxErrorsAreLocated() throws {
        #expect(throws: GraphFormatsError.syntax(SourceLocation(file: "e.csv", line: 3, column: 1),
                                                 "a quoted field is never closed (missing '\"')")) {
            _ = try fast("source,target\na,b\n\"c,d\n")
        }
        #expect(throws: GraphFormatsError.syntax(SourceLocation(file: "e.csv", line: 2, column: 4),
                                                 "a quote inside an unquoted field (quote the whole field and double the quote)")) {
            _ = try fast("source,target\né,b\"c\n")
        }
        #expect(throws: GraphFormatsError.syntax(SourceLocation(file: "e.csv", line: 2, column: 1),
                                                 "this row lacks its 'source' or 'target' value")) {
            _ = try fast("source,target\n,b\n")
        }
    }

    @Test func aTruncatedFileIsAnErrorNotAPartialGraph() throws {
        // The last row was cut inside a quoted id.
        #expect(throws: GraphFormatsError.self) { _ = try fast("source,target\na,b\nb,\"c") }
    }

    @Test func nonUTF8IdsAreLocated() throws {
        var bytes = Array("source,target\na,b\nc,".utf8)
        bytes += [0x64, 0xFF, 0x65, 0x0A]
        #expect(throws: GraphFormatsError.syntax(SourceLocation(file: "e.csv", line: 3, column: 3), "this field is not UTF-8 text")) {
            _ = try GraphImporter.readPlainEdgeList(bytes: bytes, file: "e.csv", mapping: ImportMapping())
        }
        #expect(throws: GraphFormatsError.syntax(SourceLocation(file: "e.csv", line: 3, column: 4),
                                                 "byte 0xFF is not UTF-8 text (save the file as UTF-8)")) {
            _ = try GraphFile.text(bytes, file: "e.csv")
        }
    }

    @Test func headerlessTSVWithGivenColumns() throws {
        let text = "p1\to2\tworks_at\t3.50\no2\tp3\tfunds\t1\n"
        let list = try EdgeListReader.read(bytes: Array(text.utf8), file: "x.tsv", separator: 9,
                                           columns: [.source, .target, .kind, .weight])
        #expect(list.names == ["p1", "o2", "p3"])
        #expect(list.sources == [0, 1] && list.targets == [1, 2])
        #expect(list.kindNames == ["works_at", "funds"] && list.kinds == [0, 1])
        #expect(list.weights == [3.5, 1])
    }

    @Test func plainNumbersMatchStrtod() {
        for s in ["0", "6.97", "0.1", "123456789012345", "1234567890123456789", "1e3", "2.5E-3", "7."] {
            let v = Array(s.utf8).withUnsafeBufferPointer { parsePlainNumber($0.baseAddress!, $0.count) }
            #expect(v == Double(s), "\(s)")
        }
        for s in ["-1", " 1", "inf", "nan", "0x10", "1e", "1e999", "."] {
            let v = Array(s.utf8).withUnsafeBufferPointer { parsePlainNumber($0.baseAddress!, $0.count) }
            #expect(v == nil, "\(s)")
        }
    }
}
