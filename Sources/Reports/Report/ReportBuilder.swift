import Domain

extension ProgrammeReport {
    /// Builds the report for a period from the dataset. Observations count when their period starts inside
    /// the report's period; events, timeline entries and milestones when their date does; funding when its
    /// period overlaps. Totals, differences and growth are computed here, exactly.
    public static func build(from data: Dataset, period: ReportPeriod, lang: Lang) -> ProgrammeReport {
        build(from: ReportInput(whole: data, period: period), period: period, lang: lang)
    }

    /// The same from summarised input, as `RecordStore.reportInput` reads it from a large database.
    public static func build(from input: ReportInput, period: ReportPeriod, lang: Lang) -> ProgrammeReport {
        let b = ReportBuilder(input: input, period: period, lang: lang)
        let sections = [b.platform(), b.education(), b.indicatorsAndTargets(), b.projects(), b.routes(), b.opleidingshuizen(),
                        b.funding(), b.network(), b.matchingday(), b.timeline()]
        return ProgrammeReport(
            title: lang == .nl ? "Rapportage Masterplan Techniek" : "Masterplan Techniek report",
            period: period, lang: lang,
            sections: sections.filter { !$0.tables.isEmpty || !$0.paragraphs.isEmpty })
    }
}

struct ReportBuilder {
    let input: ReportInput
    let data: Dataset
    let period: ReportPeriod
    let lang: Lang
    let observations: [Observation]
    let names: [String: String]

    init(input: ReportInput, period: ReportPeriod, lang: Lang) {
        self.input = input; self.data = input.data; self.period = period; self.lang = lang
        observations = data.observations.filter { period.contains(period: $0.period) }
        names = Dictionary(data.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    func t(_ nl: String, _ en: String) -> String { lang == .nl ? nl : en }
    func name(_ id: String) -> String { names[id] ?? id }
    func header(_ period: String) -> String { ObservationPeriod.label(period, lang) }

    func cross(_ key: String, _ dimension: String?) -> CrossTable {
        CrossTable(indicatorKey: key, dimension: dimension, observations: observations)
    }

    /// Difference and growth of a row between its first and last period, when there are two or more.
    func changeCells(_ values: [Double?], periods: Int) -> [ReportCell] {
        guard periods > 1 else { return [] }
        guard let change = Change.firstToLast(values) else { return [.empty, .empty] }
        return [.difference(change.absolute), change.percent.map { .growth($0) } ?? .empty]
    }

    func values(_ values: [Double?], _ unit: Unit = .count) -> [ReportCell] {
        values.map { $0.map { .value($0, unit) } ?? .empty }
    }

    // MARK: §1 Enrolment and the labour market

    func education() -> ReportSection {
        var section = ReportSection(id: "onderwijs", title: t("Onderwijs en arbeidsmarkt", "Education and the labour market"))
        let sector = cross("roc.students.sector", "sector")
        let leerweg = cross("roc.students.leerweg", "leerweg")
        if !sector.rows.isEmpty {
            let periods = sector.periods
            let changeHeaders = periods.count > 1 ? [t("Verschil", "Change"), t("Groei", "Growth")] : []
            var rows = sector.rows.map { ReportRow($0.label, values($0.values) + changeCells($0.values, periods: periods.count)) }
            rows.append(ReportRow(t("Eindtotaal", "Total"), values(sector.totals) + changeCells(sector.totals, periods: periods.count), isTotal: true))
            if leerweg.periods == periods, !leerweg.rows.isEmpty {
                rows += leerweg.rows.map { ReportRow(t("Totaal ", "Total ") + $0.label, values($0.values) + changeCells($0.values, periods: periods.count)) }
                rows.append(ReportRow(t("Eindtotaal", "Total"), values(leerweg.totals) + changeCells(leerweg.totals, periods: periods.count), isTotal: true))
            }
            section.tables.append(ReportTable(
                id: "enrolment", caption: t("Studenten Techniek en Logistiek per sector en leerweg", "Engineering and logistics students by sector and learning pathway"),
                source: "ROC van Amsterdam", headers: [t("Sector / leerweg", "Sector / pathway")] + periods + changeHeaders, rows: rows,
                note: consistencyNote(sector, leerweg)))
            section.charts.append(ReportChart(id: "chart-enrolment", data: ChartData(
                sector, title: t("Studenten per sector", "Students by sector"),
                description: t("Studenten Techniek en Logistiek van het ROC van Amsterdam per sector, per schooljaar.",
                               "ROC van Amsterdam engineering and logistics students by sector and school year.")), style: periods.count > 2 ? .line : .groupedBar))
            if !leerweg.rows.isEmpty {
                section.charts.append(ReportChart(id: "chart-leerweg", data: ChartData(
                    leerweg, title: t("Studenten per leerweg", "Students by learning pathway"),
                    description: t("BBL en BOL voltijd opgeteld tot het totaal per schooljaar.", "BBL and full-time BOL stacked to the total per school year.")),
                    style: .stackedBar))
            }
            if let best = sector.rows.compactMap({ r in r.change?.percent.map { (r.label, $0) } }).max(by: { $0.1 < $1.1 }) {
                section.paragraphs.append(t("Sterkste groei: \(best.0), ", "Strongest growth: \(best.0), ") + NumberFormat.signed(best.1, decimals: 1, percent: true, lang)
                                          + t(" tussen \(periods.first!) en \(periods.last!).", " between \(periods.first!) and \(periods.last!)."))
            }
        }
        if let labour = labourTable() { section.tables.append(labour.table); section.charts.append(labour.chart) }
        return section
    }

    /// Sector and leerweg are two splits of the same students: when their totals differ, say so.
    func consistencyNote(_ a: CrossTable, _ b: CrossTable) -> String? {
        guard a.periods == b.periods, !b.rows.isEmpty else { return nil }
        let differing = a.periods.indices.filter { a.totals[$0] != b.totals[$0] }.map { a.periods[$0] }
        return differing.isEmpty ? nil
            : t("Let op: het totaal per sector wijkt af van het totaal per leerweg in ", "Note: the total by sector differs from the total by pathway in ") + differing.joined(separator: ", ") + "."
    }

    func labourTable() -> (table: ReportTable, chart: ReportChart)? {
        let benefits = cross("labour.benefits", "level"), vacancies = cross("labour.vacancies", "level")
        guard !benefits.rows.isEmpty || !vacancies.rows.isEmpty else { return nil }
        let share = cross("labour.technical-share", nil)
        let levels = benefits.rows.map(\.label) + vacancies.rows.map(\.label).filter { l in !benefits.rows.contains { $0.label == l } }
        let growthHeader = vacancies.periods.count > 1 ? [t("Groei% Vacature", "Vacancy growth %")] : []
        let headers = [t("Niveau", "Level")] + benefits.periods.map { $0 + t(" Uitkering", " benefits") }
            + vacancies.periods.map { $0 + t(" Vacature", " vacancies") } + growthHeader
        func growth(_ values: [Double?]) -> [ReportCell] {
            guard vacancies.periods.count > 1 else { return [] }
            return [Change.firstToLast(values)?.percent.map { .growth($0) } ?? .empty]
        }
        var rows = levels.map { level in
            let v = vacancies.row(level)?.values ?? vacancies.periods.map { _ in nil }
            return ReportRow(level, values(benefits.row(level)?.values ?? benefits.periods.map { _ in nil }) + values(v) + growth(v))
        }
        rows.append(ReportRow(t("totaal", "total"), values(benefits.totals) + values(vacancies.totals) + growth(vacancies.totals), isTotal: true))
        if let shareRow = share.rows.first {
            let cells = benefits.periods.map { p in shareRow.values[safe: share.periods.firstIndex(of: p)].flatMap { $0 }.map { ReportCell.value($0, .percentage) } ?? .empty }
            rows.append(ReportRow(t("aandeel technische & industrie beroepen in alle uitkeringen", "technical & industrial share of all benefits"),
                                  cells + vacancies.periods.map { _ in .empty } + growthHeader.map { _ in .empty }))
        }
        let table = ReportTable(
            id: "labour", caption: t("Vraag en aanbod op de technische arbeidsmarkt in Groot-Amsterdam", "Supply and demand on the technical labour market, Greater Amsterdam"),
            source: "Servicepunt Techniek Noord Holland", headers: headers, rows: rows,
            note: t("Groeipercentages zijn exact berekend uit de aantallen; het gedrukte rapport 2012–2014 rondde ze af (bijvoorbeeld 120 % voor 162 → 355, exact +119,1 %).",
                    "Growth rates are computed exactly from the counts; the printed 2012–2014 report rounded them (e.g. 120 % for 162 → 355, exactly +119.1 %)."))
        let chart = ChartData(
            title: t("Uitkeringen en vacatures per niveau", "Benefits and vacancies by level"),
            description: t("Uitkeringen en vacatures in technische en industriële beroepen per niveau.", "Benefits and vacancies in technical and industrial occupations by level."),
            categories: levels,
            series: benefits.periods.enumerated().map { i, p in .init(name: t("Uitkeringen ", "Benefits ") + p, values: levels.map { benefits.row($0)?.values[i] }) }
                + vacancies.periods.enumerated().map { i, p in .init(name: t("Vacatures ", "Vacancies ") + p, values: levels.map { vacancies.row($0)?.values[i] }) })
        return (table, ReportChart(id: "chart-labour", data: chart, style: .groupedBar))
    }
}

extension Array {
    subscript(safe index: Int?) -> Element? {
        guard let index, indices.contains(index) else { return nil }
        return self[index]
    }
}
