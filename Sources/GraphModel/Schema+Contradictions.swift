/// Two relation kinds that cannot both hold between the same two entities at the
/// same time: an alliance and a killing, an alliance and a rivalry. The pair is
/// unordered (`first` ≤ `second`), and so is the pair of entities it applies to:
/// `A ally_of B` contradicts `B opposed A` as much as `A opposed B`.
public struct KindContradiction: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let first: String
    public let second: String

    public init(_ a: String, _ b: String) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }

    public static func < (a: KindContradiction, b: KindContradiction) -> Bool {
        (a.first, a.second) < (b.first, b.second)
    }

    /// `ally_of ↔ opposed`
    public var description: String { "\(first) ↔ \(second)" }
}

extension Schema {
    /// Declares that relation kinds `a` and `b` contradict each other (order does not matter).
    ///
    /// The built-in schema declares `ally_of` against `opposed`, `rival_of`, `killed`,
    /// `ordered_killing_of`, `spied_on`, `attacked` and `exiled` (a pair may name a kind
    /// the schema does not define, such as `spied_on`: it applies once a graph defines it).
    /// A graph file adds its own under `schema: contradictions:`.
    /// - Complexity: O(1) expected.
    public mutating func addContradiction(_ a: String, _ b: String) {
        contradictions.insert(KindContradiction(a, b))
    }

    /// Whether relation kinds `a` and `b` contradict each other.
    /// - Complexity: O(1) expected.
    public func contradicts(_ a: String, _ b: String) -> Bool {
        contradictions.contains(KindContradiction(a, b))
    }
}
