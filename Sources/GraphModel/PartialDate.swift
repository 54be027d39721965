import Foundation

/// A date as historians write it: a year (`1940`), a year and month
/// (`1940-08`) or a full day (`1940-08-20`). Negative years are BCE.
///
/// A partial date stands for the whole span it names: `1937` is every day from
/// 1937-01-01 to 1937-12-31. ``earliestDay`` and ``latestDay`` give that span as
/// sortable integers (`yyyymmdd`), which is what interval tests use.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible, LosslessStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date, or returns `nil` when the parts are not a calendar date
    /// (month outside 1...12, day outside the month, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        if day != nil && month == nil { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day {
            guard day >= 1, day <= PartialDate.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a leading `-` for BCE years).
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ p in !p.isEmpty && p.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count >= 1, parts[0].count <= 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              let y = Int(parts[0])
        else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        self.init(year: negative ? -y : y, month: m, day: d)
    }

    /// The first day of the span, as `yyyymmdd`.
    public var earliestDay: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day of the span, as `yyyymmdd`.
    public var latestDay: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// ISO 8601 text with the precision the date was given with.
    public var description: String {
        var s = year < 0 ? "-" : ""
        let y = abs(year)
        s += y < 1000 ? String(repeating: "0", count: 4 - String(y).count) + String(y) : String(y)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }

    /// Orders by first day, then by precision (a year sorts before its first month).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.earliestDay != b.earliestDay { return a.earliestDay < b.earliestDay }
        return a.latestDay > b.latestDay
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A closed span of days, `yyyymmdd` to `yyyymmdd`, used to ask "which ties held then".
public struct DateSpan: Hashable, Sendable, CustomStringConvertible {
    public let first: Int
    public let last: Int

    public init(_ date: PartialDate) { first = date.earliestDay; last = date.latestDay }
    public init(from: PartialDate, to: PartialDate) { first = from.earliestDay; last = to.latestDay }

    public func overlaps(first otherFirst: Int, last otherLast: Int) -> Bool {
        first <= otherLast && otherFirst <= last
    }

    public var description: String { first == last ? String(first) : "\(first)–\(last)" }
}

