import Foundation

/// How entities of one kind are drawn.
public struct EntityKind: Hashable, Sendable {
    public var name: String
    /// A Graphviz node shape from ``Schema/allowedShapes``.
    public var shape: String
    /// Fill colour, `#rrggbb`.
    public var color: String

    public init(name: String, shape: String = "ellipse", color: String = "#e5e7eb") {
        self.name = name
        self.shape = shape
        self.color = color
    }
}

/// What a relation kind means and how it is drawn.
public struct RelationKind: Hashable, Sendable {
    public var name: String
    /// Symmetric kinds (`rival_of`, `spouse_of`) read the same both ways and are
    /// drawn without an arrowhead.
    public var symmetric: Bool
    /// Entity kinds allowed at the `from` end; `nil` allows any.
    public var fromKinds: Set<String>?
    /// Entity kinds allowed at the `to` end; `nil` allows any.
    public var toKinds: Set<String>?
    /// The phrase that reads the relation forwards: "Mercader *killed* Trotsky".
    public var forward: String
    /// The phrase that reads it backwards: "Trotsky *was killed by* Mercader"
    /// (default `← phrase —`).
    public var inverse: String
    /// Edge colour, `#rrggbb`.
    public var color: String
    /// A Graphviz edge style from ``Schema/allowedStyles``.
    public var style: String

    public init(
        name: String, symmetric: Bool = false, from: Set<String>? = nil, to: Set<String>? = nil,
        forward: String? = nil, inverse: String? = nil, color: String = "#4b5563", style: String = "solid"
    ) {
        self.name = name
        self.symmetric = symmetric
        self.fromKinds = from
        self.toKinds = to
        let phrase = forward ?? name.replacingOccurrences(of: "_", with: " ")
        self.forward = phrase
        // Without a phrase of its own, the backward reading points the arrow back:
        // "Trotsky ← tie — Yezhov".
        self.inverse = inverse ?? (symmetric ? phrase : "← \(phrase) —")
        self.color = color
        self.style = style
    }
}

/// The entity kinds and relation kinds a graph may use.
///
/// ``Schema/standard`` is built in; a graph file may add kinds or redefine how
/// existing ones are drawn (see ``merging(_:)``). Kinds keep their declaration
/// order, which is the order legends list them in.
public struct Schema: Hashable, Sendable {
    public private(set) var entityKinds: [EntityKind]
    public private(set) var relationKinds: [RelationKind]
    private var entityIndex: [String: Int]
    private var relationIndex: [String: Int]
    /// Pairs of relation kinds that cannot hold between the same two entities at
    /// the same time (`ally_of` against `opposed`); `relgraph check` warns when
    /// they do. See ``addContradiction(_:_:)`` and `Graph.contradictionWarnings()`.
    public internal(set) var contradictions: Set<KindContradiction> = []

    public init(entityKinds: [EntityKind] = [], relationKinds: [RelationKind] = []) {
        self.entityKinds = []
        self.relationKinds = []
        entityIndex = [:]
        relationIndex = [:]
        for k in entityKinds { add(k) }
        for k in relationKinds { add(k) }
    }

    public func entityKind(_ name: String) -> EntityKind? { entityIndex[name].map { entityKinds[$0] } }
    public func relationKind(_ name: String) -> RelationKind? { relationIndex[name].map { relationKinds[$0] } }

    /// Adds a kind, replacing one of the same name in place.
    public mutating func add(_ kind: EntityKind) {
        if let i = entityIndex[kind.name] { entityKinds[i] = kind } else {
            entityIndex[kind.name] = entityKinds.count
            entityKinds.append(kind)
        }
    }

    /// Adds a kind, replacing one of the same name in place.
    public mutating func add(_ kind: RelationKind) {
        if let i = relationIndex[kind.name] { relationKinds[i] = kind } else {
            relationIndex[kind.name] = relationKinds.count
            relationKinds.append(kind)
        }
    }

    /// This schema with every kind of `other` added or replaced.
    public func merging(_ other: Schema) -> Schema {
        var s = self
        for k in other.entityKinds { s.add(k) }
        for k in other.relationKinds { s.add(k) }
        s.contradictions.formUnion(other.contradictions)
        return s
    }

    /// Graphviz node shapes a schema may name (anything else is refused before Graphviz sees it).
    public static let allowedShapes: Set<String> = [
        "box", "rect", "rectangle", "square", "ellipse", "oval", "circle", "doublecircle", "point",
        "egg", "triangle", "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon",
        "septagon", "octagon", "invtriangle", "invtrapezium", "invhouse", "note", "tab", "folder",
        "box3d", "component", "cylinder", "star", "underline", "plaintext", "plain", "none",
        "Mdiamond", "Msquare", "Mcircle",
    ]

    /// Graphviz edge styles a schema may name.
    public static let allowedStyles: Set<String> = ["solid", "dashed", "dotted", "bold"]

    /// Whether `text` is a colour relgraph accepts: `#rgb` or `#rrggbb` hex.
    public static func isValidColor(_ text: String) -> Bool {
        guard text.first == "#" else { return false }
        let hex = text.dropFirst()
        return (hex.count == 6 || hex.count == 3) && hex.allSatisfy(\.isHexDigit)
    }
}

extension Schema {
    /// The built-in schema: five entity kinds and twenty-five relation kinds.
    public static let standard: Schema = {
        let person: Set<String> = ["person"]
        let actor: Set<String> = ["person", "organization"]
        let org: Set<String> = ["organization"]
        let place: Set<String> = ["place"]
        let violence = "#b91c1c", family = "#15803d", membership = "#1d4ed8", conflict = "#c2410c"
        let alliance = "#0f766e", whereabouts = "#6b7280", events = "#7e22ce", works = "#92400e"
        var schema = Schema(
            entityKinds: [
                EntityKind(name: "person", shape: "ellipse", color: "#dbeafe"),
                EntityKind(name: "organization", shape: "box", color: "#fde68a"),
                EntityKind(name: "place", shape: "house", color: "#d1fae5"),
                EntityKind(name: "event", shape: "diamond", color: "#fecaca"),
                EntityKind(name: "work", shape: "note", color: "#e9d5ff"),
            ],
            relationKinds: [
                RelationKind(name: "member_of", from: actor, to: org, forward: "was a member of", inverse: "had as a member", color: membership),
                RelationKind(name: "leader_of", from: person, to: org, forward: "led", inverse: "was led by", color: membership, style: "bold"),
                RelationKind(name: "founded", from: actor, to: ["organization", "work", "event", "place"], forward: "founded", inverse: "was founded by", color: membership, style: "bold"),
                RelationKind(name: "agent_of", from: actor, to: actor, forward: "was an agent of", inverse: "had as an agent", color: membership, style: "dashed"),
                RelationKind(name: "killed", from: actor, to: person, forward: "killed", inverse: "was killed by", color: violence, style: "bold"),
                RelationKind(name: "ordered_killing_of", from: actor, to: person, forward: "ordered the killing of", inverse: "was killed on the orders of", color: violence, style: "dashed"),
                RelationKind(name: "exiled", from: actor, to: person, forward: "exiled", inverse: "was exiled by", color: conflict),
                RelationKind(name: "rival_of", symmetric: true, from: actor, to: actor, forward: "was a rival of", color: conflict, style: "dashed"),
                RelationKind(name: "ally_of", symmetric: true, from: actor, to: actor, forward: "was an ally of", color: alliance),
                RelationKind(name: "opposed", forward: "opposed", inverse: "was opposed by", color: conflict),
                RelationKind(name: "defended", forward: "defended", inverse: "was defended by", color: alliance),
                RelationKind(name: "spouse_of", symmetric: true, from: person, to: person, forward: "was married to", color: family, style: "bold"),
                RelationKind(name: "parent_of", from: person, to: person, forward: "was a parent of", inverse: "was a child of", color: family),
                RelationKind(name: "grandparent_of", from: person, to: person, forward: "was a grandparent of", inverse: "was a grandchild of", color: family, style: "dashed"),
                RelationKind(name: "sibling_of", symmetric: true, from: person, to: person, forward: "was a sibling of", color: family, style: "dashed"),
                RelationKind(name: "affair_with", symmetric: true, from: person, to: person, forward: "had an affair with", color: family, style: "dotted"),
                RelationKind(name: "lived_in", from: actor, to: place, forward: "lived in", inverse: "was home to", color: whereabouts, style: "dotted"),
                RelationKind(name: "born_in", from: person, to: place, forward: "was born in", inverse: "was the birthplace of", color: whereabouts, style: "dotted"),
                RelationKind(name: "located_in", from: ["place", "organization", "event"], to: place, forward: "was located in", inverse: "was the location of", color: whereabouts, style: "dotted"),
                RelationKind(name: "participated_in", from: actor, to: ["event"], forward: "took part in", inverse: "involved", color: events),
                RelationKind(name: "attacked", from: actor, to: ["person", "organization", "place"], forward: "attacked", inverse: "was attacked by", color: violence),
                RelationKind(name: "infiltrated", from: actor, to: ["organization", "event"], forward: "infiltrated", inverse: "was infiltrated by", color: violence, style: "dashed"),
                RelationKind(name: "succeeded", from: actor, to: actor, forward: "succeeded", inverse: "was succeeded by", color: whereabouts),
                RelationKind(name: "part_of", from: ["organization", "place", "event"], to: ["organization", "place", "event"], forward: "was part of", inverse: "included", color: membership, style: "dotted"),
                RelationKind(name: "authored", from: actor, to: ["work"], forward: "wrote", inverse: "was written by", color: works),
            ]
        )
        for hostile in ["opposed", "rival_of", "killed", "ordered_killing_of", "spied_on", "attacked", "exiled"] {
            schema.addContradiction("ally_of", hostile)
        }
        return schema
    }()
}
