import Domain

/// The programme report as data: sections of tables and charts, built once and rendered as HTML,
/// Markdown or XLSX. Every number in it is computed from the dataset at build time.
public struct ProgrammeReport: Sendable {
    public var title: String
    public var period: ReportPeriod
    public var lang: Lang
    public var sections: [ReportSection]

    public func table(_ id: String) -> ReportTable? {
        for s in sections { if let t = s.tables.first(where: { $0.id == id }) { return t } }
        return nil
    }
}

public struct ReportSection: Sendable {
    public var id: String
    public var title: String
    public var paragraphs: [String] = []
    public var tables: [ReportTable] = []
    public var charts: [ReportChart] = []
}

public struct ReportChart: Sendable {
    public var id: String
    public var data: ChartData
    public var style: SVGChart.Style
}

public struct ReportTable: Sendable {
    public var id: String
    public var caption: String
    public var source: String?
    /// The first header names the label column.
    public var headers: [String]
    public var rows: [ReportRow]
    public var note: String?

    /// The cell under a header in the row with a label, as text; nil when either is missing.
    public func text(row label: String, column header: String, _ lang: Lang) -> String? {
        guard let c = headers.firstIndex(of: header), c > 0, let r = rows.first(where: { $0.label == label }) else { return nil }
        return c - 1 < r.cells.count ? r.cells[c - 1].text(lang) : nil
    }
}

public struct ReportRow: Sendable {
    public var label: String
    public var cells: [ReportCell]
    public var isTotal = false
    public init(_ label: String, _ cells: [ReportCell], isTotal: Bool = false) {
        self.label = label; self.cells = cells; self.isTotal = isTotal
    }
}

/// One cell: a number keeps its value (XLSX gets the number, HTML and Markdown the Dutch or English text).
public enum ReportCell: Sendable, Hashable {
    case empty
    case text(String)
    case value(Double, Unit)
    /// A difference with its sign: +38, −176.
    case difference(Double)
    /// A relative change in percent, exact to one decimal: +119,1 %.
    case growth(Double)

    public func text(_ lang: Lang) -> String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .value(let v, .count): NumberFormat.number(v, decimals: 1, lang)
        case .value(let v, .percentage): NumberFormat.percent(v, lang)
        case .value(let v, .euro): NumberFormat.euro(v, lang)
        case .difference(let v): NumberFormat.signed(v, decimals: 1, lang)
        case .growth(let v): NumberFormat.signed(v, decimals: 1, percent: true, lang)
        }
    }

    /// The number behind the cell, for spreadsheets (growth as a fraction, so Excel's % format shows it).
    public var number: Double? {
        switch self {
        case .value(let v, .percentage): v / 100
        case .value(let v, _), .difference(let v): v
        case .growth(let v): v / 100
        case .empty, .text: nil
        }
    }

    public var isNumeric: Bool { number != nil }
}
