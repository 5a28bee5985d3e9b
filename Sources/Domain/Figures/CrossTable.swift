/// Observations of one indicator laid out as rows (a dimension's values) × columns (periods),
/// with the totals and changes the report prints computed from the cells.
public struct CrossTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var label: String
        public var values: [Double?]
        public var change: Change? { Change.firstToLast(values) }
    }

    public var indicatorKey: String
    public var dimension: String?
    public var periods: [String]
    public var rows: [Row]

    /// Column totals; nil in a column where any row lacks a value.
    public var totals: [Double?] {
        periods.indices.map { i in
            var sum = 0.0
            for row in rows { guard let v = row.values[i] else { return nil }; sum += v }
            return sum
        }
    }

    public var totalChange: Change? { Change.firstToLast(totals) }

    public func row(_ label: String) -> Row? { rows.first { $0.label == label } }

    /// Builds the table; rows keep the order of first appearance in the data (the report's order),
    /// periods are sorted.
    public init(indicatorKey: String, dimension: String?, observations: [Observation], periods: [String]? = nil) {
        self.indicatorKey = indicatorKey
        self.dimension = dimension
        let mine = observations.filter { $0.indicatorKey == indicatorKey }
        self.periods = periods ?? Array(Set(mine.map(\.period))).sorted()
        var labels: [String] = []
        var cells: [String: [String: Double]] = [:]
        for o in mine {
            let label = dimension.flatMap { o.dimension($0) } ?? ""
            if cells[label] == nil { labels.append(label); cells[label] = [:] }
            cells[label]![o.period] = o.value
        }
        let periodList = self.periods
        self.rows = labels.map { label in Row(label: label, values: periodList.map { cells[label]?[$0] }) }
    }
}
