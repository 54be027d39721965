import Foundation
import GraphModel
import SourceTexts
import Testing
@testable import TextExtraction

@Suite("Merging accepted candidates, and the review sheet")
struct MergeAndReviewTests {
    static let text = "Kim Philby joined the KGB in 1934. Philby married Litzi Friedmann. Guy Burgess was recruited by Philby."

    func target() throws -> Graph {
        try Graph(name: "ring", entities: [
            Entity(id: "philby", kind: "person", name: "Harold Philby", aliases: ["Kim Philby"]),
            Entity(id: "kgb", kind: "organization", name: "KGB"),
        ], relations: [Relation(from: "philby", kind: "member_of", to: "kgb")])
    }

    @Test("only accepted ties are added, entities matched by alias, nothing duplicated")
    func accepted() throws {
        var candidates = try TextExtractor.extract([SourceText(path: "a", text: Self.text)]).graph
        // Accept the marriage only.
        let relations = candidates.relations.map { r -> Relation in
            var r = r
            if r.kind == "spouse_of" { r.attributes["accepted"] = "true" }
            return r
        }
        candidates = try Graph(name: candidates.name, schema: candidates.schema, entities: candidates.entities, relations: relations)
        let report = CandidateMerge.merge(candidates, into: try target())
        #expect(report.addedRelations.map { "\($0.from) \($0.kind) \($0.to)" } == ["litzi_friedmann spouse_of philby"]
                || report.addedRelations.map { "\($0.from) \($0.kind) \($0.to)" } == ["philby spouse_of litzi_friedmann"])
        #expect(report.addedEntities == ["litzi_friedmann"])
        #expect(report.graph.relations.count == 2)
        let added = try #require(report.addedRelations.first)
        #expect(added.attributes["accepted"] == nil)
        #expect(added.attributes["cue"] == "married")
    }

    @Test("--all adds every tie once; merging again adds nothing")
    func all() throws {
        let candidates = try TextExtractor.extract([SourceText(path: "a", text: Self.text)]).graph
        let first = CandidateMerge.merge(candidates, into: try target(), all: true)
        #expect(first.duplicates.map { "\($0.from) \($0.kind) \($0.to)" } == ["philby member_of kgb"])
        #expect(first.addedRelations.count == candidates.relations.count - 1)
        #expect(Set(first.addedEntities) == ["litzi_friedmann", "guy_burgess"])
        let second = CandidateMerge.merge(candidates, into: first.graph, all: true)
        #expect(second.addedRelations.isEmpty)
        #expect(second.addedEntities.isEmpty)
        #expect(second.duplicates.count == candidates.relations.count)
    }

    @Test("an ambiguous name is reported, not guessed")
    func ambiguous() throws {
        let candidates = try TextExtractor.extract([SourceText(path: "a", text: "In 1934 Philby joined the KGB.")]).graph
        let target = try Graph(entities: [
            Entity(id: "kim", kind: "person", name: "Kim Philby", aliases: ["Philby"]),
            Entity(id: "st_john", kind: "person", name: "St John Philby", aliases: ["Philby"]),
        ])
        let report = CandidateMerge.merge(candidates, into: target, all: true)
        #expect(report.addedRelations.isEmpty)
        #expect(report.skipped.count == 1)
        #expect(report.skipped.first?.reason.contains("several entities") == true)
    }

    @Test("an accepted entity of a kind the graph lacks is reported, not dropped silently")
    func entityOfAnUnknownKind() throws {
        var schema = Schema.standard
        schema.add(EntityKind(name: "idea"))
        let candidates = try Graph(name: "c", schema: schema, entities: [
            Entity(id: "comm", kind: "idea", name: "Communism", attributes: ["accepted": "true"]),
            Entity(id: "lonely", kind: "person", name: "Lonely Guy", attributes: ["accepted": " TRUE "]),
            Entity(id: "maybe", kind: "person", name: "Perhaps", attributes: ["accepted": "nope"]),
            Entity(id: "no", kind: "person", name: "Refused", attributes: ["accepted": "false"]),
        ])
        let target = try Graph(name: "t", entities: [Entity(id: "a", kind: "person", name: "Alice")])
        let report = CandidateMerge.merge(candidates, into: target)
        #expect(report.addedEntities == ["lonely"])
        #expect(report.skippedEntities.map(\.id) == ["comm"])
        #expect(report.skippedEntities.first?.reason == "the graph has no entity kind 'idea'")
        #expect(report.unclearAcceptance.map(\.candidate) == ["entity maybe"])
        #expect(report.unclearAcceptance.map(\.value) == ["nope"])
        #expect(report.graph.entities.map(\.id) == ["a", "lonely"])
    }

    @Test("the review sheet lists each sentence with its mentions marked and a tick box per tie")
    func sheet() throws {
        let r = try TextExtractor.extract([SourceText(path: "a", text: "Intro. Kim Philby joined the KGB & left <quietly>. He married Litzi Friedmann.")])
        let md = ReviewSheet.render(r, format: .markdown)
        #expect(md.contains("## s. 2\n\n> **[Kim Philby]** joined the **[KGB]** & left \\<quietly\\>."))
        #expect(md.contains("- [ ] #1 **Kim Philby** `member_of` **KGB** — confidence"))
        #expect(md.contains("_He_ [→ Kim Philby] married **[Litzi Friedmann]**"))
        #expect(!md.contains("## s. 1"), "sentences without candidates are left out")
        let html = ReviewSheet.render(r, format: .html)
        #expect(html.contains("<mark title=\"kgb\">KGB</mark> &amp; left &lt;quietly&gt;."))
        #expect(html.components(separatedBy: "type=\"checkbox\"").count - 1 == r.ties.count)
    }
}
