/// The period an observation covers, as written in the data: a school year ("2012-2013", 1 August to
/// 31 July), a year ("2014"), a month ("2014-06"), a day ("2014-11-30") or "from a day" ("2014-08-01/").
public enum ObservationPeriod {
    /// The first day of the period; nil when the text is none of the forms above.
    public static func start(_ period: String) -> PartialDate? {
        let parts = period.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, parts[1].count == 4,
           let a = Int(parts[0]), let b = Int(parts[1]) {
            return b == a + 1 ? PartialDate(year: a, month: 8, day: 1) : nil
        }
        let text = period.hasSuffix("/") ? String(period.dropLast()) : period
        if period.hasSuffix("/"), text.count != 10 { return nil }
        guard let d = PartialDate(text), d.description == text else { return nil }
        return PartialDate(year: d.year, month: d.month ?? 1, day: d.day ?? 1)
    }

    public static func isValid(_ period: String) -> Bool { start(period) != nil }

    /// A short label for table headers: days as 1-1-2014 (as the report prints them), "vanaf 1 augustus 2014".
    public static func label(_ period: String, _ language: Lang) -> String {
        if period.hasSuffix("/"), let d = PartialDate(String(period.dropLast())) {
            return (language == .nl ? "vanaf " : "since ") + d.label(language)
        }
        if period.count == 10, let d = PartialDate(period), let m = d.month, let day = d.day {
            return language == .nl ? "\(day)-\(m)-\(d.year)" : d.label(language)
        }
        return period
    }
}

/// A closed range of days, [from, to], that a report covers.
public struct ReportPeriod: Sendable, Hashable {
    public var from: PartialDate
    public var to: PartialDate

    /// Both ends must be full days and `from` must not be after `to`.
    public init?(from: PartialDate, to: PartialDate) {
        guard from.day != nil, to.day != nil, !(to < from) else { return nil }
        self.from = from; self.to = to
    }

    /// A full day written as YYYY-MM-DD, as the report's from and to are given; nil for anything else.
    public static func day(_ text: String) -> PartialDate? {
        guard let d = PartialDate(text), d.day != nil, d.description == text else { return nil }
        return d
    }

    public func contains(_ day: PartialDate) -> Bool { !(day < from) && !(to < day) }

    /// A partial date (a year, a month) counts when its first day falls inside.
    public func containsStart(of date: PartialDate) -> Bool {
        contains(PartialDate(year: date.year, month: date.month ?? 1, day: date.day ?? 1))
    }

    /// An observation counts when its period starts inside: the school year 2014-2015 (from 1 August 2014)
    /// belongs to a report up to 31 December 2014, as in the printed 2012–2014 report.
    public func contains(period: String) -> Bool {
        ObservationPeriod.start(period).map(contains) ?? false
    }

    public func label(_ language: Lang) -> String { from.label(language) + " – " + to.label(language) }
}
