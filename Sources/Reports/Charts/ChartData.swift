import Domain

/// What a chart shows: categories along the x axis and one or more series of values.
/// The same value renders as SVG and, beside it, as a data table for screen readers.
public struct ChartData: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double?]
        public init(name: String, values: [Double?]) { self.name = name; self.values = values }
    }

    public var title: String
    public var description: String
    public var categories: [String]
    public var series: [Series]
    public var unit: Unit

    public init(title: String, description: String, categories: [String], series: [Series], unit: Unit = .count) {
        self.title = title; self.description = description; self.categories = categories
        self.series = series; self.unit = unit
    }

    /// A cross table as chart: rows become series, periods categories (or the other way round).
    public init(_ table: CrossTable, title: String, description: String, rowsAsSeries: Bool = true, unit: Unit = .count) {
        if rowsAsSeries {
            self.init(title: title, description: description, categories: table.periods,
                      series: table.rows.map { Series(name: $0.label, values: $0.values) }, unit: unit)
        } else {
            self.init(title: title, description: description, categories: table.rows.map(\.label),
                      series: table.periods.enumerated().map { i, p in Series(name: p, values: table.rows.map { $0.values[i] }) },
                      unit: unit)
        }
    }

    var maxValue: Double { series.flatMap(\.values).compactMap { $0 }.max() ?? 0 }
    var maxStackedValue: Double {
        categories.indices.map { i in series.reduce(0) { $0 + max(0, $1.values[safe: i].flatMap { $0 } ?? 0) } }.max() ?? 0
    }
}

/// Okabe–Ito colours: distinguishable with the common forms of colour blindness.
let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

/// Round axis steps (1, 2, 2.5, 5 × 10ⁿ) so ticks read well.
func niceTicks(max: Double, count: Int = 5) -> [Double] {
    guard max > 0 else { return [0, 1] }
    let raw = max / Double(count)
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
    var ticks: [Double] = []
    var v = 0.0
    while v < max + step * 0.999 { ticks.append(v); v += step }
    return ticks
}

func fmt(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(r)
}

func formatValue(_ value: Double, unit: Unit, _ lang: Lang) -> String {
    switch unit {
    case .count: NumberFormat.number(value, decimals: 1, lang)
    case .percentage: NumberFormat.percent(value, lang)
    case .euro: NumberFormat.euro(value, lang)
    }
}
