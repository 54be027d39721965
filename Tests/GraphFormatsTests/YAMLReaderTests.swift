import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// Locates `Tests/Fixtures` from this file.
enum FormatFixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("Fixtures")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("graphs").path) { return candidate }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }()

    static func graphFile(_ name: String) -> String { root.appendingPathComponent("graphs/\(name)").path }
    static func network(_ name: String) -> String { root.appendingPathComponent("networks/\(name)").path }

    /// The diagnostics a graph file produces, as `name:line:col: severity: message`
    /// lines with the directory stripped.
    static func problems(_ name: String) -> [String] {
        do {
            _ = try GraphFile.load(path: graphFile(name))
            return []
        } catch {
            return error.diagnostics.map { d in
                var d = d
                if let l = d.location { d.location = SourceLocation(file: URL(fileURLWithPath: l.file).lastPathComponent, line: l.line, column: l.column) }
                return d.description
            }
        }
    }
}

@Suite("YAML graph reader")
struct YAMLReaderTests {
    @Test func readsTheSmallGraph() throws {
        let g = try GraphFile.load(path: FormatFixtures.graphFile("small.yaml"))
        #expect(g.name == "Small test graph")
        #expect(g.description == "Three people, one organization and a ship.")
        #expect(g.entities.map(\.id) == ["ada", "boris", "cele", "harbour_league", "gull"])
        #expect(g.relations.count == 4)
        let ada = try #require(g.entity("ada"))
        #expect(ada.aliases == ["Brun", "Ada \"the Quill\" Brun"])
        #expect(ada.start == PartialDate(year: 1880, month: 3, day: 4))
        #expect(ada.end == PartialDate(year: 1951))
        #expect(ada.attributes == ["role": "editor"])
        #expect(ada.location == SourceLocation(file: FormatFixtures.graphFile("small.yaml"), line: 11, column: 5))
        #expect(g.entity("boris")?.name == "Borís Kovač")
        #expect(g.entity("harbour_league")?.start == PartialDate(year: 1901))
        let ship = try #require(g.schema.entityKind("ship"))
        #expect(ship.shape == "box3d" && ship.color == "#aabbcc")
        let sailed = try #require(g.schema.relationKind("sailed_on"))
        #expect(sailed.fromKinds == ["person"] && sailed.toKinds == ["ship"])
        #expect(sailed.forward == "sailed on" && sailed.inverse == "carried" && sailed.style == "dashed")
        #expect(g.schema.relationKind("killed") == Schema.standard.relationKind("killed"))
        let member = g.relations[0]
        #expect(member.start == PartialDate(year: 1902) && member.end == PartialDate(year: 1920, month: 6))
        #expect(member.evidence == Evidence("listed among the founders' guests", source: "s. 1"))
        #expect(g.relations[1].confidence == 0.75)
        #expect(g.relations[2].weight == 2.5 && g.relations[2].date == PartialDate(year: 1912, month: 4, day: 10))
        #expect(g.relations[3].evidence == Evidence("", source: "s. 7"))
    }

    @Test func yamlSyntaxErrorHasItsPlace() {
        // The quoted scalar opened at 5:11 never closes; libyaml reports the end of the stream.
        let p = FormatFixtures.problems("syntax-error.yaml")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("syntax-error.yaml:7:1: error: YAML syntax error: found unexpected end of stream") == true)
        #expect(p.first?.contains("while scanning a quoted scalar at line 5, column 11") == true)
    }

    @Test func badIndentationIsASyntaxError() {
        let p = FormatFixtures.problems("syntax-error-indent.yaml")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("syntax-error-indent.yaml:5:4: error: YAML syntax error: did not find expected '-' indicator") == true, "\(p)")
    }

    @Test func unknownEntityKindPointsAtTheKind() {
        #expect(FormatFixtures.problems("unknown-entity-kind.yaml") == [
            "unknown-entity-kind.yaml:4:11: error: entity 'ada' has unknown kind 'persn' (known: person, organization, place, event, work)",
        ])
    }

    @Test func unknownRelationKindPointsAtTheKind() {
        #expect(FormatFixtures.problems("unknown-relation-kind.yaml") == [
            "unknown-relation-kind.yaml:6:11: error: relation ada -befriended-> bob: unknown relation kind 'befriended'",
        ])
    }

    @Test func undefinedEndpointPointsAtTheEndpoint() {
        #expect(FormatFixtures.problems("undefined-endpoint.yaml") == [
            "undefined-endpoint.yaml:6:9: error: relation ada -rival_of-> zed: 'to' names undefined entity 'zed'",
        ])
    }

    @Test func duplicateIDPointsAtTheSecondID() {
        let file = FormatFixtures.graphFile("duplicate-id.yaml")
        #expect(FormatFixtures.problems("duplicate-id.yaml") == [
            "duplicate-id.yaml:6:9: error: duplicate entity id 'ada' (first defined at \(file):2:5)",
        ])
    }

    @Test func forbiddenEndpointKindsPointAtTheKind() {
        #expect(FormatFixtures.problems("forbidden-endpoints.yaml") == [
            "forbidden-endpoints.yaml:6:11: error: relation paris -member_of-> ada: 'member_of' cannot join a place to a person (allowed: organization|person -> organization)",
        ])
    }

    @Test func endBeforeStartPointsAtTheEnd() {
        #expect(FormatFixtures.problems("end-before-start.yaml") == [
            "end-before-start.yaml:5:11: error: entity 'ada' ends (1850-02) before it starts (1900)",
        ])
    }

    @Test func badDatesAreAllReported() {
        #expect(FormatFixtures.problems("bad-date.yaml") == [
            "bad-date.yaml:4:11: error: 'born' has a bad date '1940-13-45': expected YYYY, YYYY-MM or YYYY-MM-DD",
            "bad-date.yaml:11:11: error: 'date' has a bad date 'yesterday': expected YYYY, YYYY-MM or YYYY-MM-DD",
        ])
    }

    @Test func wrongTypesAreAllReported() {
        #expect(FormatFixtures.problems("wrong-type.yaml") == [
            "wrong-type.yaml:4:11: error: 'name' must be text, found a list",
            "wrong-type.yaml:5:14: error: 'aliases' must be a list of text, found a mapping",
            "wrong-type.yaml:10:13: error: 'weight' must be a number, found 'heavy'",
        ])
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        let p = FormatFixtures.problems("unknown-key.yaml")
        #expect(p.count == 2)
        #expect(p.first?.hasPrefix("unknown-key.yaml:5:5: error: unknown key 'brn' in an entity") == true)
        #expect(p.first?.hasSuffix("did you mean 'born'?") == true)
        #expect(p.last?.hasPrefix("unknown-key.yaml:7:1: error: unknown key 'relatons' in the graph file") == true)
        #expect(p.last?.hasSuffix("did you mean 'relations'?") == true)
    }

    @Test func missingFieldsAreReportedOnceEach() {
        // The relation's 'from' names the entity that lacks a kind: no extra "undefined" error.
        #expect(FormatFixtures.problems("missing-field.yaml") == [
            "missing-field.yaml:2:5: error: entity 'ada' is missing 'kind'",
            "missing-field.yaml:3:5: error: entity is missing 'id'",
            "missing-field.yaml:5:5: error: relation is missing 'kind'",
        ])
    }

    @Test func collectsEveryProblemInFileOrder() throws {
        let text = """
        entities:
          - {id: a, kind: persn}
          - {id: b, kind: person, born: 1990, died: 1980}
          - {id: a, kind: person}
        relations:
          - {from: a, kind: likes, to: b}
          - {from: b, kind: killed, to: nobody, weight: -1}
        """
        #expect(throws: GraphFormatsError.self) { try GraphFile.load(text: text, fileName: "t.yaml") }
        do {
            _ = try GraphFile.load(text: text, fileName: "t.yaml")
        } catch {
            let lines = error.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
            #expect(lines == [
                "2:19 entity 'a' has unknown kind 'persn' (known: person, organization, place, event, work)",
                "3:45 entity 'b' ends (1980) before it starts (1990)",
                "4:10 duplicate entity id 'a' (first defined at t.yaml:2:5)",
                "6:21 relation a -likes-> b: unknown relation kind 'likes'",
                "7:33 relation b -killed-> nobody: 'to' names undefined entity 'nobody'",
                "7:49 relation b -killed-> nobody: weight -1.0 must be a finite number from 0 to 1e15 (larger weights overflow sums of weights)",
            ])
            #expect(error.errorDescription?.split(separator: "\n").first?.hasPrefix("t.yaml:2:19: error: ") == true)
        }
    }

    @Test func schemaProblemsPointAtTheValue() {
        let text = """
        schema:
          entity_kinds:
            ship: {shape: boat, color: blue}
          relation_kinds:
            sailed_on: {from: [person], to: [vessel], style: wavy}
        """
        do {
            _ = try GraphFile.load(text: text, fileName: "s.yaml")
            Issue.record("expected an error")
        } catch {
            let lines = error.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
            #expect(lines == [
                "3:19 entity kind 'ship' has unknown shape 'boat'",
                "3:32 entity kind 'ship' has colour 'blue', expected #rrggbb",
                "5:37 relation kind 'sailed_on' names unknown entity kind 'vessel'",
                "5:54 relation kind 'sailed_on' has unknown style 'wavy' (use bold, dashed, dotted, solid)",
            ])
        }
    }

    @Test func duplicateKeysAreSyntaxErrors() {
        do {
            _ = try GraphFile.load(text: "name: a\nname: b\n", fileName: "d.yaml")
            Issue.record("expected an error")
        } catch {
            guard case .syntax(let at, let message) = error else { Issue.record("\(error)"); return }
            #expect(at.file == "d.yaml" && at.line == 1 && at.column == 1)
            #expect(message.contains("'name'"))
        }
    }

    @Test func rootMustBeAMapping() {
        for text in ["", "- a\n- b\n", "just text\n"] {
            #expect(throws: GraphFormatsError.self) { try GraphFile.load(text: text, fileName: "r.yaml") }
        }
    }

    @Test func defaultsAndLeniency() throws {
        let g = try GraphFile.load(text: """
            # no name: the file's stem names the graph
            entities:
              - {id: a, kind: person, aliases: Solo, description: ~}
              - {id: "1940", kind: event, name: 1940, start: 1940-06}
            relations:
            """, fileName: "dir/my-graph.yaml")
        #expect(g.name == "my-graph")
        #expect(g.entity("a")?.aliases == ["Solo"])
        #expect(g.entity("a")?.description == nil)
        #expect(g.entity("1940")?.name == "1940")
        #expect(g.entity("1940")?.start == PartialDate(year: 1940, month: 6))
        #expect(g.relations.isEmpty)
    }

    @Test func synonymDatesConflict() {
        do {
            _ = try GraphFile.load(text: "entities:\n  - {id: a, kind: person, born: 1900, start: 1901}\n", fileName: "x.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "x.yaml:2:39: error: 'start' and 'born' both give the start date; keep one",
            ])
        }
    }

    @Test func theTrotskyStalinGraphLoadsCleanly() throws {
        let path = FormatFixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Graphs/trotsky-stalin.yaml").path
        // No early return: a missing graph file fails the test (GraphFile.load throws).
        let result = try YAMLGraphReader.check(GraphFile.readText(path), fileName: path)
        #expect(result.diagnostics.map(\.description) == [])
        let g = try #require(result.graph)
        #expect(g.entity("trotsky") != nil)
        #expect(g.relations.count > 10)
    }
}
