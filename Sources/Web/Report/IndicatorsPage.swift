import Domain
import Plot
import Reports

/// Indicators: each with its observations as a table (totals and changes computed) and a chart.
struct IndicatorsPage {
    let lang: Lang
    let data: Dataset
    let page: Page<Indicator>
    var canImport = false

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .if(canImport, .p(.a(.href(SiteRoute.importObservations.path), .text(t("Cijfers importeren (CSV of Excel)", "Import figures (CSV or Excel)"))))),
            Components.table(
                caption: t("Indicatoren", "Indicators"),
                headers: [t("Indicator", "Indicator"), t("Bron", "Source"), t("Waarnemingen", "Observations"), t("Doelen", "Targets")],
                rows: page.items.map { i in [
                    .a(.href(SiteRoute.indicator(i.key).path), .text(i.name(lang))),
                    .text(i.dataSource),
                    .text(String(data.observations.filter { $0.indicatorKey == i.key }.count)),
                    .text(String(data.targets.filter { $0.indicatorKey == i.key }.count)),
                ] }, numericFrom: 2),
            Components.pager(page, lang: lang) { SiteRoute.indicators.path + "?page=\($0)" }
        ))
    }
}

struct IndicatorPage {
    let lang: Lang
    let indicator: Indicator
    let data: Dataset

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let dimension = indicator.dimensions.first
        let observations = data.observations.filter { $0.indicatorKey == indicator.key }
        let table = CrossTable(indicatorKey: indicator.key, dimension: dimension, observations: observations)
        let targets = data.targets.filter { $0.indicatorKey == indicator.key }
        let unit = indicator.unit
        let showTotals = unit == .count && dimension != nil && table.rows.count > 1
        let headers = [dimension.map { $0.capitalized } ?? t("Waarde", "Value")] + table.periods.map { periodLabel($0, lang) }
            + (table.periods.count > 1 ? [t("Verschil", "Change"), t("Groei", "Growth")] : [])
        func changeCells(_ change: Change?) -> [Node<HTML.BodyContext>] {
            guard table.periods.count > 1 else { return [] }
            guard let change else { return [.text("–"), .text("–")] }
            return [.text(NumberFormat.signed(change.absolute, decimals: 1, lang)),
                    .text(change.percent.map { NumberFormat.signed($0, decimals: 1, percent: true, lang) } ?? "–")]
        }
        let rows: [[Node<HTML.BodyContext>]] = table.rows.map { r in
            [.text(r.label.isEmpty ? indicator.name(lang) : r.label)] + r.values.enumerated().map { i, v in
                let o = observations.first { $0.period == table.periods[i] && (dimension == nil || $0.dimension(dimension!) == r.label) }
                return .text(v.map { Components.qualified($0, o?.qualifier, unit, lang, max: o?.valueMax) } ?? "–")
            } + changeCells(r.change)
        }
        let footer: [[Node<HTML.BodyContext>]] = showTotals
            ? [[.text(t("Totaal (berekend)", "Total (computed)"))] + table.totals.map { .text($0.map { Components.valueText($0, unit, lang) } ?? "–") } + changeCells(table.totalChange)]
            : []
        var chart = ChartData(table, title: indicator.name(lang), description: indicator.name(lang) + " — " + indicator.dataSource, unit: unit)
        chart.categories = chart.categories.map { periodLabel($0, lang) }
        if dimension == nil { chart.series = chart.series.map { .init(name: indicator.name(lang), values: $0.values) } }
        return Layout.render(ctx, .group(
            Components.facts([
                (t("Eenheid", "Unit"), .text(unit.rawValue)),
                (t("Gegevensbron", "Data source"), .text(indicator.dataSource)),
                (t("Dimensies", "Dimensions"), indicator.dimensions.isEmpty ? nil : .text(indicator.dimensions.joined(separator: ", "))),
                (t("In het rapport", "In the report"), .text(indicator.section)),
                ("API", .a(.href("/api/v1/indicators/" + escapePath(indicator.key)), .text(indicator.key))),
            ]),
            Components.table(caption: indicator.name(lang), headers: headers, rows: rows, footer: footer),
            .p(.class("source"), .text(t("Totalen, verschillen en groeipercentages zijn berekend uit de cijfers, niet overgenomen; waar het rapport anders afrondt, staat hier de exacte waarde.",
                                         "Totals, differences and growth rates are computed from the figures, not copied; where the report rounds differently, the exact value is shown."))),
            .if(!observations.isEmpty, Components.chart(chart, style: table.periods.count > 2 ? .line : .groupedBar, id: "chart-indicator", lang: lang)),
            .if(!targets.isEmpty, Components.table(
                caption: t("Doelen", "Targets"),
                headers: [t("Doel", "Target"), t("Uiterlijk", "By"), t("Reikwijdte", "Scope"), t("Status", "Status"), t("Bron", "Source")],
                rows: targets.map { x in
                    let p = TargetProgress.of(x, observations: data.observations)
                    return [.text(Components.qualified(x.value, nil, unit, lang, max: x.valueMax)), .text(x.date.label(lang)), .text(x.scope),
                            Components.badge(p.label(lang), Components.badgeClass(p)), .text(x.source)]
                }, numericFrom: 99))
        ))
    }
}
