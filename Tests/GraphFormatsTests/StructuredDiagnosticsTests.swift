import Foundation
import GraphModel
import Testing
@testable import GraphFormats

/// Diagnostics carry a code and the key concerned, and code decides from those,
/// never from a message's text; the messages printed stay as they were.
@Suite struct StructuredDiagnosticsTests {
    @Test func theModelNamesTheCodeAndKeyOfEachProblem() {
        let entities = [
            Entity(id: "a", kind: "person"), Entity(id: "a", kind: "person"),
            Entity(id: "s", kind: "ship"), Entity(id: "", kind: "person"),
        ]
        let relations = [
            Relation(from: "a", kind: "ally_of", to: "zz", weight: -1, confidence: 2),
            Relation(from: "a", kind: "no_such", to: "a"),
        ]
        let problems = Graph.validate(schema: .standard, entities: entities, relations: relations)
        let coded = problems.map { "\($0.code?.rawValue ?? "-") \($0.key ?? "-")" }
        // Hand-derived from Graph+Validation's checks, in their order.
        #expect(coded == [
            "model.duplicate-id id",
            "model.unknown-entity-kind kind",
            "model.empty-id id",
            "model.undefined-endpoint to",
            "model.weight-out-of-range weight",
            "model.confidence-out-of-range confidence",
            "model.unknown-relation-kind kind",
        ])
        #expect(problems.allSatisfy { $0.severity == .error })
    }

    @Test func equalityIsWhatIsPrinted() {
        let at = SourceLocation(file: "f.yaml", line: 2, column: 3)
        let coded = Diagnostic("m", at: at, code: .duplicateID, key: "id")
        #expect(coded == Diagnostic("m", at: at))
        #expect(Set([coded, Diagnostic("m", at: at)]).count == 1)
        #expect(coded != Diagnostic("m", at: at, severity: .warning, code: .duplicateID, key: "id"))
    }

    /// A relation with a weight and an attribute whose key says "weight": the
    /// attribute's text problem stays at the relation, where reading the message
    /// for "weight" moved it onto the weight's value.
    @Test func aProblemIsPlacedByItsCodeNotByWordsInIt() throws {
        let text = """
            entities:
              - {id: a, kind: person}
              - {id: b, kind: person}
            relations:
              - {from: a, kind: ally_of, to: b, weight: 2, attributes: {weight_note: "x\\u0001y"}}
              - {from: a, kind: ally_of, to: b, confidence: 7}

            """
        let result = try YAMLGraphReader.check(text, fileName: "w.yaml")
        #expect(result.graph == nil)
        let located = result.diagnostics.map { d in "\(d.location.map { "\($0.line):\($0.column)" } ?? "-") \(d.code?.rawValue ?? "-")" }
        // Line 5 column 5 is the relation's `{`; line 6 column 49 the value 7 (counted by hand).
        #expect(located == ["5:5 model.text-policy", "6:49 model.confidence-out-of-range"])
        #expect(result.diagnostics[0].message.hasPrefix("relation a -ally_of-> b: attribute 'weight_note' contains the control character"))
    }

    /// A schema problem is reported once, at its value: the reader's located
    /// report and the model's unlocated one share a code and key.
    @Test func aSchemaProblemIsReportedOnceAtItsValue() throws {
        let text = """
            schema:
              entity_kinds:
                ship: {shape: blob, color: red}
              relation_kinds:
                sails: {from: [ship], to: [harbour], style: wavy}
            entities: []

            """
        let result = try YAMLGraphReader.check(text, fileName: "s.yaml")
        let lines = result.diagnostics.map(\.description)
        #expect(lines.count == 4, "\(lines)")
        #expect(result.diagnostics.allSatisfy { $0.location != nil })
        #expect(result.diagnostics.map { $0.code?.rawValue ?? "-" } == [
            "schema.unknown-shape", "schema.invalid-color", "schema.unknown-endpoint-kind", "schema.unknown-style",
        ])
        #expect(result.diagnostics.map { $0.key ?? "-" } == [
            "entity_kinds.ship.shape", "entity_kinds.ship.color", "relation_kinds.sails.harbour", "relation_kinds.sails.style",
        ])
    }

    /// The one drawing warning of a DOT import is found and rewritten by its
    /// code; its text is as before.
    @Test func droppedDrawingAttributesAreCountedNotReparsed() {
        var a = AttributedGraph(directed: true, file: "d.dot")
        a.addDOTNode("x", attributes: ["color": "red", "kind": "person"])
        a.warnings.append(Diagnostic("something else", at: nil, severity: .warning))
        a.addDOTNode("y", attributes: ["shape": "box"])
        a.addDOTEdge(tail: "x", head: "y", attributes: ["penwidth": "2", "color": "blue"])
        let drawing = a.warnings.filter { $0.code == .dotDrawingDropped }
        #expect(drawing.count == 1)
        #expect(drawing.first?.message == "Graphviz drawing attributes dropped from 3 nodes and edges: color, penwidth, shape")
        #expect(drawing.first?.location == SourceLocation(file: "d.dot", line: 1, column: 1))
        // The summary moves after the warnings added before its last update, as before.
        #expect(a.warnings.map(\.message).first == "something else")
        #expect(a.nodes[0].attributes == ["kind": "person"])
    }

    @Test func formatsSayWhatTheyDropAsValues() throws {
        let g = try Interop.sample()
        #expect(GraphFormat.csv.droppedFields(writing: g) == [.graphName, .graphDescription])
        let warnings = GraphFormat.csv.dropWarnings(writing: g)
        #expect(warnings.map(\.code) == [.formatDropsField, .formatDropsField])
        #expect(warnings.map(\.key) == [GraphField.graphName.rawValue, GraphField.graphDescription.rawValue])
        #expect(GraphFormat.yaml.droppedFields.isEmpty && GraphFormat.dot.droppedFields.isEmpty)
    }

    @Test func formatErrorsCarryTheirCode() {
        #expect(GraphFormatsError.syntax(SourceLocation(file: "f", line: 1, column: 2), "bad").diagnostics.map(\.code) == [.syntax])
        #expect(GraphFormatsError.io(path: "p", "no such file").diagnostics.map(\.key) == ["p"])
        #expect(GraphFormatsError.unsupportedFormat("x").diagnostics.map(\.code) == [.unsupportedFormat])
    }
}
