/// A measured quantity the programme follows, with observations by period and dimension.
public struct Indicator: Record {
    public static let entity = "indicators"
    public var key: String
    public var nameNl: String
    public var nameEn: String
    public var unit: Unit
    /// Who measures it: ROC van Amsterdam, Servicepunt Techniek Noord Holland …
    public var dataSource: String
    public var dimensions: [String]
    public var section: String
    public func name(_ language: Lang) -> String { language == .nl ? nameNl : nameEn }
}

/// One reported value. Only figures the report prints are stored; totals and growth are computed.
public struct Observation: Record {
    public static let entity = "observations"
    public var indicatorKey: String
    /// A school year ("2012-2013"), a year ("2014"), a day ("2014-11-30") or a range from a day ("2014-08-01/").
    public var period: String
    /// "name=value" pairs, e.g. "sector=Automotive".
    public var dimensions: [String]
    public var value: Double
    public var valueMax: Double?
    public var qualifier: Qualifier?
    public var source: String
    public var key: String { [indicatorKey, period, dimensions.joined(separator: "&")].joined(separator: "|") }

    public func dimension(_ name: String) -> String? {
        for pair in dimensions {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }
}

public struct Target: Record {
    public static let entity = "targets"
    public var indicatorKey: String
    public var value: Double
    public var valueMax: Double?
    public var date: PartialDate
    public var scope: String
    public var source: String
    public var key: String { indicatorKey + "|" + date.description + "|" + scope }
}
