import Foundation

/// The parts of relgraph's own JSON graph file (`export --format json`) the tests read.
struct GraphJSON: Decodable {
    struct Entity: Decodable, Hashable {
        var id: String
        var kind: String
        var name: String?
    }
    struct Relation: Decodable {
        var from: String
        var kind: String
        var to: String
    }
    var entities: [Entity]
    var relations: [Relation]

    /// Entity ids → display names (the id when the file gives no name).
    var names: [String: String] {
        Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0.name ?? $0.id) })
    }
}
