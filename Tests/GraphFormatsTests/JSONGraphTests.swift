import Foundation
import GraphModel
import Testing
@testable import GraphFormats

@Suite("relgraph JSON")
struct JSONGraphTests {
    @Test func smallGraphRoundTripsThroughJSON() throws {
        let g = try GraphFile.load(path: FormatFixtures.graphFile("small.yaml"))
        let json = try GraphFile.write(g, format: .json)
        let back = try GraphFile.load(text: json, fileName: "small.json")
        #expect(back == g)
        #expect(RelgraphJSON.write(back) == json)
        // Foundation's parser (an independent reader) agrees it is JSON with sorted keys.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "Small test graph")
        #expect((object["entities"] as? [[String: Any]])?.map { $0["id"] as? String } == ["ada", "boris", "cele", "harbour_league", "gull"])
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        let reparsed = try JSONSerialization.jsonObject(with: sorted) as? NSDictionary
        #expect(reparsed == object as NSDictionary)
    }

    @Test func randomHostileGraphsRoundTrip() throws {
        for seed in UInt64(1)...200 {
            let g = try HostileGraphs.graph(seed: seed)
            let json = RelgraphJSON.write(g)
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "seed \(seed): not JSON")
            do {
                let back = try RelgraphJSON.read(json, fileName: "seed\(seed).json")
                #expect(back == g, "seed \(seed)")
                if back != g { print("failing seed \(seed):\n\(json)"); break }
            } catch {
                Issue.record("seed \(seed): \(error.errorDescription ?? "")\n\(json)")
                break
            }
        }
    }

    @Test func syntaxErrorsHaveLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\n  \"name\": \"x\",\n  \"entities\": [1,]\n}", "j.json:3:18"),
            ("{\n  \"name\" \"x\"\n}", "j.json:2:10"),
            ("{\"name\": \"x\"} trailing", "j.json:1:15"),
            ("{\"name\": 'x'}", "j.json:1:10"),
            ("{\"name\": \"tab\there\"}", "j.json:1:14"),
            ("{\"é\": 01}", "j.json:1:7"),
            ("{\"a\": \"\\ud800\"}", "j.json:1:8"),
            ("[", "j.json:1:2"),
        ]
        for (text, place) in cases {
            do {
                _ = try GraphFile.load(text: text, fileName: "j.json")
                Issue.record("accepted: \(text)")
            } catch {
                guard case .syntax = error else { Issue.record("\(error)"); continue }
                #expect(error.errorDescription?.hasPrefix(place + ": error: JSON syntax error") == true,
                        "\(text): \(error.errorDescription ?? "")")
            }
        }
    }

    @Test func nodeLinkAndRelgraphJSONShareTheParser() {
        // The same malformed text fails at the same place through either reader.
        let cases: [(String, Int, Int)] = [("{\"a\": \"\\ud800\"}", 1, 8), ("{\"a\": 01}", 1, 7), ("[tru]", 1, 2), ("[1 2]", 1, 4)]
        for (text, line, column) in cases {
            for read in [{ _ = try NodeLinkReader.read(text, file: "s.json") }, { _ = try RelgraphJSON.read(text, fileName: "s.json") }] as [() throws -> Void] {
                do {
                    try read()
                    Issue.record("accepted: \(text)")
                } catch let error as GraphFormatsError {
                    guard case .syntax(let loc, let message) = error else { Issue.record("\(error)"); continue }
                    #expect(loc == SourceLocation(file: "s.json", line: line, column: column), "\(text): \(message)")
                    #expect(message.hasPrefix("JSON syntax error: "))
                } catch { Issue.record("\(error)") }
            }
        }
        // A byte-order mark is skipped in text too, as GraphFile.readText does for files.
        #expect((try? RelgraphJSON.read("\u{FEFF}{\"name\": \"b\"}", fileName: "b.json"))?.name == "b")
    }

    @Test func semanticErrorsKeepPositions() {
        let text = #"{"entities": [{"id": "a", "kind": "persn"}]}"#
        #expect(throws: GraphFormatsError.invalidGraph([Diagnostic(
            "entity 'a' has unknown kind 'persn' (known: person, organization, place, event, work)",
            at: SourceLocation(file: "k.json", line: 1, column: 35))])) {
            try GraphFile.load(text: text, fileName: "k.json")
        }
    }

    @Test func escapesYAMLDoesNotKnowAreRead() throws {
        let text = #"{"name":"a\/b","entities":[{"id":"x","kind":"person","name":"smile \ud83d\ude00 \u00e9\t\"q\""}]}"#
        let g = try GraphFile.load(text: text, fileName: "e.json")
        #expect(g.name == "a/b")
        #expect(g.entity("x")?.name == "smile 😀 é\t\"q\"")
        // Raw characters that are line breaks or forbidden in YAML, inside JSON strings.
        let raw = "{\"name\": \"a\u{2028}b\u{85}c\u{7F}d\u{9F}e\u{2029}\", \"entities\": []}"
        #expect(try GraphFile.load(text: raw, fileName: "r.json").name == "a\u{2028}b\u{85}c\u{7F}d\u{9F}e\u{2029}")
    }
}
