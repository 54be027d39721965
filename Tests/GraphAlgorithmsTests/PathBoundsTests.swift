import Foundation
import GraphModel
import Testing
@testable import GraphAlgorithms

/// Issue 8 item 5: path enumeration is bounded and says when it is cut.
@Suite struct PathBoundsTests {
    /// A chain of `count` diamonds n0 ⟨a0|b0⟩ n1 ⟨a1|b1⟩ … n<count>: 2^count shortest paths
    /// from n0 to n<count> (hand-derived: two choices per diamond), all dated 1930.
    static func diamonds(_ count: Int) throws -> Graph {
        var entities: [Entity] = (0...count).map { Entity(id: "n\($0)", kind: "person") }
        var relations: [Relation] = []
        for i in 0..<count {
            for m in ["a\(i)", "b\(i)"] {
                entities.append(Entity(id: m, kind: "person"))
                relations.append(Relation(from: "n\(i)", kind: "ally_of", to: m, date: PartialDate("1930")))
                relations.append(Relation(from: m, kind: "ally_of", to: "n\(i + 1)", date: PartialDate("1930")))
            }
        }
        return try Graph(entities: entities, relations: relations)
    }

    @Test func allShortestSaysTheFullCountWhenCut() throws {
        let g = try Self.diamonds(40)
        let listing = try ShortestPaths.listShortestPaths(in: g, from: "n0", to: "n40", limit: 1000)
        #expect(listing.paths.count == 1000)
        #expect(listing.truncated)
        #expect(listing.total == 1 << 40)
        #expect(listing.paths.allSatisfy { $0.hopCount == 80 })
    }

    @Test func allShortestIsCompleteWhenUnderTheLimit() throws {
        let g = try Self.diamonds(5)
        let listing = try ShortestPaths.listShortestPaths(in: g, from: "n0", to: "n5", limit: 1000)
        #expect(listing.paths.count == 32)
        #expect(!listing.truncated)
        #expect(listing.total == 32)
        #expect(Set(listing.paths.map(\.entities)).count == 32)
    }

    @Test func timeRespectingAllStopsAtTheWorkLimit() throws {
        let g = try Self.diamonds(40)
        let c = PathConstraints(timeRespecting: true)
        let listing = try ShortestPaths.listShortestPaths(in: g, from: "n0", to: "n40", constraints: c, limit: 1000, workLimit: 200_000)
        #expect(listing.truncated)
        #expect(listing.stoppedByWorkLimit)
        #expect(listing.total == nil)
        #expect(!listing.paths.isEmpty && listing.paths.count < 1000)
        // Small enough to finish: every one of the 2^4 paths, nothing cut.
        let small = try ShortestPaths.listShortestPaths(in: Self.diamonds(4), from: "n0", to: "n4", constraints: c)
        #expect(small.paths.count == 16 && !small.truncated && small.total == 16)
    }

    @Test func kShortestStopsAtTheWorkLimit() throws {
        let g = try Self.diamonds(40)
        let listing = try ShortestPaths.listKShortestPaths(in: g, from: "n0", to: "n40", k: 1_000_000, workLimit: 500_000)
        #expect(listing.truncated && listing.stoppedByWorkLimit)
        #expect(listing.paths.count < 1_000_000 && listing.paths.count > 1)
        // Paths come shortest first even when cut.
        #expect(zip(listing.paths, listing.paths.dropFirst()).allSatisfy { $0.length <= $1.length })
        let full = try ShortestPaths.listKShortestPaths(in: Self.diamonds(3), from: "n0", to: "n3", k: 100)
        #expect(full.paths.count == 8 && !full.truncated && full.total == 8)
    }
}
