import Testing
@testable import GraphFormats

/// Reading an edge list as two halves on two threads must give exactly what one
/// pass gives: ids in the same order, the same rows, lines and kinds, and on bad
/// input the same error (file, line, column and words).
@Suite struct EdgeListTwoPartTests {
    typealias Outcome = Result<String, EdgeListReader.ParseFailure>

    /// Everything an edge list holds, as one comparable text.
    func summary(_ l: EdgeList) -> String {
        "\(l.names)|\(l.firstLines)|\(l.sources)|\(l.targets)|\(l.weights.map { $0.isNaN ? "nan" : "\($0)" })|\(l.kinds)|\(l.kindNames)|\(l.lines)|\(l.header)"
    }

    func describe(_ f: EdgeListReader.ParseFailure) -> String {
        switch f {
        case .syntax(let e): "syntax: \(e.localizedDescription)"
        case .notPlain(let reason): "not plain: \(reason)"
        }
    }

    func onePass(_ text: String, columns: [EdgeListReader.Column]? = nil) -> String {
        Array(text.utf8).withUnsafeBufferPointer { buf in
            var parser = EdgeListReader.Parser(file: "e.csv", separator: UInt8(ascii: ","))
            do throws(EdgeListReader.ParseFailure) { return summary(try parser.run(buf, columns: columns).list) } catch { return describe(error) }
        }
    }

    /// The two-part result, or nil when the reader declines to split.
    func twoParts(_ text: String, columns: [EdgeListReader.Column]? = nil) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { buf in
            do throws(EdgeListReader.ParseFailure) {
                return try EdgeListReader.runInTwoParts(buf, file: "e.csv", separator: UInt8(ascii: ","), columns: columns,
                                                        minimum: 0).map(summary)
            } catch { return describe(error) }
        }
    }

    /// A seeded edge list: ids shared between the halves and new in the second, weights, kinds (some empty).
    func file(rows: Int, seed: UInt64, header: String = "source,target,weight,kind", lineBreak: String = "\n") -> String {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var out = header + lineBreak
        let kinds = ["knows", "", "rival", "ally"]
        for r in 0..<rows {
            let a = "p\(next(r / 2 + 3))", b = "q\(next(rows))"
            switch next(12) {
            case 0: out += "\(a),\(b)" + lineBreak                          // no weight, no kind
            case 1: out += "\(a),\(b),," + lineBreak                        // both empty, a trailing separator
            case 2: out += "\(a),\(b),\(next(9))e\(next(3))" + lineBreak    // an exponent, no kind
            default: out += "\(a),\(b),\(next(100)).\(next(10)),\(kinds[next(4)])" + lineBreak
            }
            if next(9) == 0 { out += lineBreak }  // blank lines are skipped
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 7, 40, 401])
    func sameListAsOnePass(rows: Int) throws {
        for seed in UInt64(1)...5 {
            let text = file(rows: rows, seed: seed)
            #expect(try #require(twoParts(text)) == onePass(text))
            let crlf = file(rows: rows, seed: seed, lineBreak: "\r\n")
            #expect(try #require(twoParts(crlf)) == onePass(crlf))
            let reversed = file(rows: rows, seed: seed, header: "\u{FEFF}target,source,weight,kind")
            #expect(try #require(twoParts(reversed)) == onePass(reversed))
        }
        let headless = String(file(rows: rows, seed: 9).drop { $0 != "\n" }.dropFirst())
        let columns: [EdgeListReader.Column] = [.source, .target, .weight, .kind]
        let two = twoParts(headless, columns: columns)
        if rows >= 3 { #expect(two == onePass(headless, columns: columns)) } else { #expect(two == nil || two == onePass(headless, columns: columns)) }
    }

    @Test func theSecondHalfNamesTheSameLineAndColumn() throws {
        let good = file(rows: 300, seed: 3)
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Bad rows late in the file (in the second half): too many fields, a missing target, a weight that is not plain.
        for bad in ["x,y,1,knows,extra", "x,,2,ally", "x,y,heavy,ally", "x,y,1,a\"b"] {
            var broken = lines
            broken[lines.count - 5] = bad
            let text = broken.joined(separator: "\n")
            let expected = onePass(text)
            #expect(expected.hasPrefix("syntax: e.csv:\(lines.count - 4):") || expected.hasPrefix("not plain"))
            if bad.contains("\"") {
                #expect(twoParts(text) == nil)  // a quote: one pass reads it
            } else {
                #expect(twoParts(text) == expected)
            }
        }
        // Faults in both halves: the first one in the file is reported, as by one pass.
        lines[10] = "x,,1,ally"
        lines[lines.count - 5] = "x,y,1,knows,extra"
        let both = lines.joined(separator: "\n")
        #expect(onePass(both).hasPrefix("syntax: e.csv:11:"))
        #expect(twoParts(both) == onePass(both))
    }

    @Test func filesOnePassMustReadAreLeftToIt() {
        #expect(twoParts("source,target\n\"a\",b\nb,c\nc,d\n") == nil)  // a quote
        #expect(twoParts("source,target\ra,b\rb,c\rc,d\r") == nil)      // lines ended by CR alone
        #expect(twoParts("source,target") == nil)                       // no line to cut at
        // Under the size threshold, never split.
        let small = Array("source,target\na,b\n".utf8)
        #expect(small.withUnsafeBufferPointer { buf in
            (try? EdgeListReader.runInTwoParts(buf, file: "e.csv", separator: 44, columns: nil)) ?? nil
        } == nil)
    }
}
