/// A person, organization, place, event or work: a node of the graph.
///
/// `id` is stable and snake_case; `name` is how it is displayed; `aliases` are
/// every other name it is known by, and name lookup (``Graph/resolve(_:)``)
/// searches them all. `start`/`end` are born/died for a person,
/// founded/dissolved for an organization, and begin/end for anything else.
///
/// `location` (where the entity was defined in its file) is not part of the
/// entity's value: two entities that differ only in location are equal.
public struct Entity: Hashable, Sendable, Identifiable {
    public var id: String
    public var kind: String
    public var name: String
    public var aliases: [String]
    public var start: PartialDate?
    public var end: PartialDate?
    public var description: String?
    /// Free attributes, kept as text; writers emit them sorted by key.
    public var attributes: [String: String]
    public var location: SourceLocation?

    public init(
        id: String, kind: String, name: String? = nil, aliases: [String] = [],
        start: PartialDate? = nil, end: PartialDate? = nil, description: String? = nil,
        attributes: [String: String] = [:], location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name ?? id
        self.aliases = aliases
        self.start = start
        self.end = end
        self.description = description
        self.attributes = attributes
        self.location = location
    }

    public static func == (a: Entity, b: Entity) -> Bool {
        a.id == b.id && a.kind == b.kind && a.name == b.name && a.aliases == b.aliases
            && a.start == b.start && a.end == b.end && a.description == b.description
            && a.attributes == b.attributes
    }

    public func hash(into h: inout Hasher) {
        h.combine(id); h.combine(kind); h.combine(name)
    }
}

/// Why a relation is believed: a statement in the graph author's own words and a
/// reference to where the fact comes from (`"s. 88"`, a page, a URL).
public struct Evidence: Hashable, Sendable {
    public var text: String
    public var source: String?

    public init(_ text: String, source: String? = nil) {
        self.text = text
        self.source = source
    }
}

/// A relation's identity: the number a ``Graph`` gives a relation when the
/// relation enters it, kept by every graph derived from that one
/// (``Graph/filtered(entities:relations:)``, subgraphs, time slices), so that a
/// path or a highlight found on one graph names the same relations on another.
///
/// A graph read from a file numbers its relations 0, 1, 2… in file order; a
/// relation added later gets the next unused number. Compare identities only
/// between graphs derived from the same one. Look a relation up with
/// ``Graph/relation(_:)`` or ``Graph/index(of:)-(RelationID)``.
public struct RelationID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static func < (a: RelationID, b: RelationID) -> Bool { a.rawValue < b.rawValue }

    /// The number, as in `#12`.
    public var description: String { "#\(rawValue)" }
}

/// A typed tie between two entities.
///
/// A relation has either a point `date` (something that happened then) or a
/// `start`/`end` span (a tie that held over time; either end may be open).
/// See ``holds(during:keepUndated:)`` for how dates answer "did this hold then".
///
/// Storage is compact, because a graph may hold millions of relations: the
/// endpoints, kind, weight and location are stored inline; dates, evidence,
/// confidence and attributes (absent from a plain edge list) live in one
/// shared, copy-on-write box that is not allocated when all of them are empty.
/// A relation without them takes 104 bytes (`MemoryLayout<Relation>.stride`,
/// its identity included: it sits in the weight's padding; a ``Graph`` adds 8
/// for its endpoint indices, 112 in all).
public struct Relation: Hashable, Sendable {
    public var from: String
    public var kind: String
    public var to: String
    /// A length for weighted paths, a strength for centralities (see the algorithm's doc).
    public var weight: Double?
    /// ``id``'s number, `UInt32.max` until the relation enters a graph. Declared
    /// after `weight` so that it fills the 7 bytes of padding after `Double?`.
    var rawID: UInt32 = .max
    public var location: SourceLocation?
    private var details: Details?

    /// The fields most relations of a large graph do not carry.
    private final class Details: @unchecked Sendable {
        // Immutable after publication: a setter copies the box unless it is uniquely referenced.
        var date: PartialDate?
        var start: PartialDate?
        var end: PartialDate?
        var evidence: Evidence?
        var confidence: Double?
        var attributes: [String: String]

        init(date: PartialDate?, start: PartialDate?, end: PartialDate?, evidence: Evidence?,
             confidence: Double?, attributes: [String: String]) {
            self.date = date; self.start = start; self.end = end
            self.evidence = evidence; self.confidence = confidence; self.attributes = attributes
        }

        var isEmpty: Bool {
            date == nil && start == nil && end == nil && evidence == nil && confidence == nil && attributes.isEmpty
        }

        func copy() -> Details {
            Details(date: date, start: start, end: end, evidence: evidence, confidence: confidence, attributes: attributes)
        }
    }

    /// Runs `change` on a box this relation alone owns (allocated or copied as needed).
    private mutating func updateDetails(_ change: (Details) -> Void) {
        if details == nil {
            details = Details(date: nil, start: nil, end: nil, evidence: nil, confidence: nil, attributes: [:])
        } else if !isKnownUniquelyReferenced(&details!) {
            details = details!.copy()
        }
        change(details!)
        if details!.isEmpty { details = nil }
    }

    /// The relation's identity in the graph it belongs to (see ``RelationID``);
    /// `nil` for a relation made but not yet in a graph. It is not part of the
    /// relation's value: two relations that differ only in identity are equal.
    public var id: RelationID? { rawID == .max ? nil : RelationID(rawID) }

    public var date: PartialDate? {
        get { details?.date }
        set { if newValue != nil || details != nil { updateDetails { $0.date = newValue } } }
    }
    public var start: PartialDate? {
        get { details?.start }
        set { if newValue != nil || details != nil { updateDetails { $0.start = newValue } } }
    }
    public var end: PartialDate? {
        get { details?.end }
        set { if newValue != nil || details != nil { updateDetails { $0.end = newValue } } }
    }
    public var evidence: Evidence? {
        get { details?.evidence }
        set { if newValue != nil || details != nil { updateDetails { $0.evidence = newValue } } }
    }
    /// How sure the author is, 0...1.
    public var confidence: Double? {
        get { details?.confidence }
        set { if newValue != nil || details != nil { updateDetails { $0.confidence = newValue } } }
    }
    public var attributes: [String: String] {
        get { details?.attributes ?? [:] }
        set { if !newValue.isEmpty || details != nil { updateDetails { $0.attributes = newValue } } }
    }

    public init(
        from: String, kind: String, to: String, date: PartialDate? = nil,
        start: PartialDate? = nil, end: PartialDate? = nil, evidence: Evidence? = nil,
        weight: Double? = nil, confidence: Double? = nil, attributes: [String: String] = [:],
        location: SourceLocation? = nil
    ) {
        self.from = from
        self.kind = kind
        self.to = to
        self.weight = weight
        self.location = location
        if date != nil || start != nil || end != nil || evidence != nil || confidence != nil || !attributes.isEmpty {
            details = Details(date: date, start: start, end: end, evidence: evidence, confidence: confidence,
                              attributes: attributes)
        }
    }

    public static func == (a: Relation, b: Relation) -> Bool {
        a.from == b.from && a.kind == b.kind && a.to == b.to && a.date == b.date
            && a.start == b.start && a.end == b.end && a.evidence == b.evidence
            && a.weight == b.weight && a.confidence == b.confidence && a.attributes == b.attributes
    }

    public func hash(into h: inout Hasher) {
        h.combine(from); h.combine(kind); h.combine(to)
    }

    /// Whether the relation carries nothing but its ends, kind, a valid weight
    /// (finite, ≥ 0) and location: no dates, evidence, confidence or attributes.
    /// Whether the relation carries a date, a span, evidence, a confidence or
    /// free attributes (anything beyond its ends, kind, weight and location).
    /// - Complexity: O(1).
    public var hasDetails: Bool { details != nil }

    var isPlain: Bool { details == nil && (weight.map { $0.isFinite && $0 >= 0 && $0 <= Graph.maximumWeight } ?? true) }

    /// Whether the relation carries any date at all.
    public var isDated: Bool { date != nil || start != nil || end != nil }

    /// The span of days the relation covers, as `yyyymmdd` bounds: a point date
    /// covers its own span; `start` without `end` is open towards the future and
    /// `end` without `start` open towards the past. `nil` when undated.
    public var span: (first: Int, last: Int)? {
        if let date { return (date.earliestDay, date.latestDay) }
        if start == nil && end == nil { return nil }
        return (start?.earliestDay ?? Int.min, end?.latestDay ?? Int.max)
    }

    /// Whether the tie held at some time within `period`. Undated relations
    /// answer `keepUndated`.
    public func holds(during period: DateSpan, keepUndated: Bool = true) -> Bool {
        guard let span else { return keepUndated }
        return period.overlaps(first: span.first, last: span.last)
    }

    /// The date to print beside the relation: `1940-08-20`, `1929–1940`, `from 1929`.
    public var dateText: String? {
        if let date { return date.description }
        switch (start, end) {
        case let (s?, e?): return "\(s)–\(e)"
        case let (s?, nil): return "from \(s)"
        case let (nil, e?): return "until \(e)"
        default: return nil
        }
    }
}
