import Foundation

/// A date as precise as the report gives it: a year ("2012"), a month ("2014-06") or a day ("2014-06-02").
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        var m: Int?, d: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let v = Int(parts[1]), (1...12).contains(v) else { return nil }
            m = v
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let v = Int(parts[2]), (1...31).contains(v) else { return nil }
            d = v
        }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day of a moment, in UTC.
    public init(day date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    public var description: String {
        var s = String(format4(year))
        if let month { s += "-" + pad2(month) }
        if let day { s += "-" + pad2(day) }
        return s
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PartialDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    static let monthsNl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                           "september", "oktober", "november", "december"]
    static let monthsEn = ["January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December"]

    /// "2 juni 2014" / "2 June 2014"; "juni 2014"; "2014".
    public func label(_ language: Lang) -> String {
        guard let month else { return String(year) }
        let name = (language == .nl ? Self.monthsNl : Self.monthsEn)[month - 1]
        if let day { return "\(day) \(name) \(year)" }
        return "\(name) \(year)"
    }
}

private func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
private func format4(_ v: Int) -> String { String(v) }

extension PartialDate {
    /// The same day `n` months later; the 31st becomes the month's last day (31 August + 6 months = 28/29 February).
    public func adding(months n: Int) -> PartialDate {
        let total = year * 12 + (month ?? 1) - 1 + n
        let y = total / 12, m = total % 12 + 1
        guard let d = day else { return PartialDate(year: y, month: month == nil ? nil : m) }
        let lengths = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return PartialDate(year: y, month: m, day: min(d, lengths[m - 1]))
    }
}
