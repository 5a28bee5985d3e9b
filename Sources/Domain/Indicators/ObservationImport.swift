import Foundation

/// New figures for indicators in the documented long format (docs/data.md, "Importing observations"):
/// one row per value, with the columns `indicator`, `period`, `value`, `source` and one column per
/// dimension the indicator has (named as in its definition: `sector`, `leerweg`, `level` …), empty where a
/// row is a total. Column order is free. The same rows come from a CSV file or an XLSX sheet.
///
/// Parsing is pure: it checks every row against the indicators' definitions and either returns all
/// observations or the first error with file, line, column and field, so nothing is half-imported.
public struct ObservationImport: Sendable, Hashable {
    /// The figures to store, in file order.
    public var observations: [Observation]

    public static let fixedColumns = ["indicator", "period", "value", "source"]
    /// More rows than a region's yearly figures need by far; beyond it the import is refused before any work.
    public static let maxRows = 200_000

    /// `rows` are the file's rows, each with its 1-based line (a CSV line, a spreadsheet row); the first is the header.
    public static func parse(rows: [CSV.Row], file: String, indicators: [Indicator]) throws(DatasetError) -> ObservationImport {
        guard let header = rows.first else { throw DatasetError(file: file, message: "the file is empty; expected a header row with indicator, period, value, source") }
        if rows.count - 1 > maxRows {
            throw DatasetError(file: file, line: rows[maxRows + 1].line, message: "more than \(maxRows) rows; split the figures over several files")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for required in fixedColumns where !names.contains(required) {
            throw DatasetError(file: file, line: header.line, field: required, message: "missing column '\(required)'")
        }
        var seenNames = Set<String>()
        for (i, name) in names.enumerated() {
            if name.isEmpty { throw DatasetError(file: file, line: header.line, column: i + 1, message: "a column without a name") }
            if !seenNames.insert(name).inserted { throw DatasetError(file: file, line: header.line, column: i + 1, field: name, message: "column '\(name)' appears twice") }
        }
        let column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let dimensionColumns = names.enumerated().filter { !fixedColumns.contains($0.element) }
        let byKey = Dictionary(indicators.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })

        var result: [Observation] = []
        var seen: [String: Int] = [:]
        for row in rows.dropFirst() {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func cell(_ name: String) -> String {
                let i = column[name]!
                return i < row.fields.count ? row.fields[i].trimmingCharacters(in: .whitespaces) : ""
            }
            func fail(_ name: String, _ message: String) -> DatasetError {
                DatasetError(file: file, line: row.line, column: column[name]! + 1, field: name, message: message)
            }
            let key = cell("indicator")
            guard !key.isEmpty else { throw fail("indicator", "empty; expected an indicator key such as roc.students.sector") }
            guard let indicator = byKey[key] else { throw fail("indicator", "unknown indicator '\(key)'") }
            let period = cell("period")
            guard ObservationPeriod.isValid(period) else {
                throw fail("period", "'\(period)' is not a period; expected a school year (2015-2016), a year (2015), a month (2015-02), a day (2015-11-30) or a day followed by / (2015-08-01/)")
            }
            let raw = cell("value")
            guard let value = parseNumber(raw) else { throw fail("value", "'\(raw)' is not a number") }
            if indicator.unit == .count, value != value.rounded() {
                throw fail("value", "'\(raw)' is not a whole number, and \(key) counts (write 1793, not 1.793)")
            }
            if indicator.unit == .percentage, !(0...100).contains(value) { throw fail("value", "\(raw) is not a percentage between 0 and 100") }
            if value < 0 { throw fail("value", "\(raw) is negative") }
            let source = cell("source")
            guard !source.isEmpty else { throw fail("source", "empty; every figure needs its source (e.g. ROC van Amsterdam, DUO)") }
            var dimensions: [String] = []
            for (_, name) in dimensionColumns {
                let v = cell(name)
                guard !v.isEmpty else { continue }
                guard indicator.dimensions.contains(name) else {
                    throw fail(name, "\(key) has no dimension '\(name)'" + (indicator.dimensions.isEmpty ? "" : "; it has " + indicator.dimensions.joined(separator: ", ")))
                }
                if v.contains(";") || v.contains("=") { throw fail(name, "'\(v)' may not contain ; or =") }
                dimensions.append(name + "=" + v)
            }
            let observation = Observation(indicatorKey: key, period: period, dimensions: dimensions, value: value,
                                          valueMax: nil, qualifier: nil, source: source)
            if let earlier = seen[observation.key] {
                throw fail("value", "the same indicator, period and dimensions as line \(earlier)")
            }
            seen[observation.key] = row.line
            result.append(observation)
        }
        guard !result.isEmpty else { throw DatasetError(file: file, message: "no rows below the header") }
        return ObservationImport(observations: result)
    }

    /// The series and periods this import covers: a re-import replaces exactly these. A series is an indicator
    /// split by a set of dimensions, so new sector figures for a period replace that period's sector figures
    /// (a sector left out disappears) while its overall figure, or a split by another dimension, stays.
    public var periods: [IndicatorPeriod] {
        var out: [IndicatorPeriod] = [], seen = Set<IndicatorPeriod>()
        for o in observations where seen.insert(IndicatorPeriod(o)).inserted { out.append(IndicatorPeriod(o)) }
        return out
    }

    /// The observations after the import: those of the covered series and periods replaced, the rest kept
    /// in place, new ones appended.
    public func applied(to existing: [Observation]) -> [Observation] {
        let covered = Set(periods)
        return existing.filter { !covered.contains(IndicatorPeriod($0)) } + observations
    }

    /// Accepts 1793, 1793.5, 53,3 (a decimal comma) and numbers a spreadsheet wrote (1.793E3).
    static func parseNumber(_ text: String) -> Double? {
        guard !text.isEmpty else { return nil }
        var t = text.replacingOccurrences(of: " ", with: "")
        if t.hasSuffix("%") { t.removeLast() }
        if t.contains(",") {
            guard !t.contains(".") else { return nil }
            t = t.replacingOccurrences(of: ",", with: ".")
        }
        guard let v = Double(t), v.isFinite else { return nil }
        return v
    }
}

/// One period of one series: an indicator, the dimensions it is split by (none: the overall figure) and a period.
public struct IndicatorPeriod: Sendable, Hashable, CustomStringConvertible {
    public var indicatorKey: String
    public var dimensionNames: [String]
    public var period: String

    public init(indicatorKey: String, dimensionNames: [String] = [], period: String) {
        self.indicatorKey = indicatorKey; self.dimensionNames = dimensionNames.sorted(); self.period = period
    }

    public init(_ o: Observation) {
        self.init(indicatorKey: o.indicatorKey, dimensionNames: o.dimensions.map { String($0.split(separator: "=", maxSplits: 1)[0]) }, period: o.period)
    }

    public func covers(_ o: Observation) -> Bool { IndicatorPeriod(o) == self }

    /// "roc.students.sector|sector|2015-2016": the audit log's id for the series and period.
    public var description: String { [indicatorKey, dimensionNames.joined(separator: "&"), period].joined(separator: "|") }
}
