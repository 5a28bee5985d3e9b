import Domain
import Persistence
import Plot
import Reports
import Vapor

/// /rapportage: choose a period, read the report, download it as PDF, XLSX, Markdown or HTML.
struct ReportPage {
    let report: ProgrammeReport

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let from = report.period.from.description, to = report.period.to.description
        return Layout.render(ctx, .group(
            .p(.class("lead"), .text(t("De rapportage aan de gemeenteraad, berekend uit de gegevens van het platform voor de gekozen periode. Totalen, verschillen en groeipercentages zijn exact.",
                                       "The report to the city council, computed from the platform's data for the chosen period. Totals, differences and growth rates are exact."))),
            .element(named: "form", nodes: [
                .class("filters"), .attribute(named: "action", value: SiteRoute.report().path), .attribute(named: "method", value: "get"),
                Components.field("from", label: t("Van", "From"), value: from, type: "date"),
                Components.field("to", label: t("Tot en met", "To"), value: to, type: "date"),
                .button(.type(.submit), .text(t("Toon rapportage", "Show report"))),
            ]),
            .p(.class("downloads"), .text(t("Downloaden: ", "Download: ")),
               .forEach([("pdf", "PDF"), ("xlsx", "Excel (XLSX)"), ("md", "Markdown"), ("html", "HTML")].enumerated()) { i, f in
                   .group(.if(i > 0, .text(" · ")), .a(.href(SiteRoute.reportDownload(format: f.0, from: from, to: to).path + "&lang=" + ctx.lang.rawValue), .text(f.1)))
               }),
            .h2(.text(report.period.label(ctx.lang))),
            .div(.class("report"), .raw(ReportHTML.body(report, headingLevel: 2)))
        ))
    }
}

/// /indicatoren/import: the analyst uploads new figures (CSV or XLSX) and sees what changed.
enum ImportPage {
    /// The upload format's header and two example rows, written in the dialect of the download (`;` for Excel).
    static let template = [["indicator", "period", "sector", "leerweg", "level", "value", "source"],
                           ["roc.students.sector", "2015-2016", "Automotive", "", "", "455", "ROC van Amsterdam"],
                           ["havo-vwo.n-profile", "2015-2016", "", "", "", "52", "DUO"]]

    static func response(_ req: Request, data: Dataset, error: String? = nil, result: ObservationImportResult? = nil, status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Cijfers importeren", "Import figures"), section: .indicators)
        let t = ctx.t
        let names = Dictionary(data.indicators.map { ($0.key, $0.name(ctx.lang)) }, uniquingKeysWith: { a, _ in a })
        let body: Node<HTML.BodyContext> = .group(
            .unwrap(result) { r in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.strong(.text(t("Import gelukt: ", "Import done: ")
                                      + t("\(r.stored) waarnemingen opgeslagen voor \(r.periods.count) periode(s); \(r.replaced) eerdere vervangen.",
                                          "\(r.stored) observations stored for \(r.periods.count) period(s); \(r.replaced) earlier ones replaced.")))),
                     .ul(.forEach(r.periods) { p in
                         .li(.a(.href(SiteRoute.indicator(p.indicatorKey).path), .text(names[p.indicatorKey] ?? p.indicatorKey)), .text(" — " + p.period + (p.dimensionNames.isEmpty ? t(" (totaal)", " (total)") : " (" + p.dimensionNames.joined(separator: ", ") + ")")))
                     }),
                     .p(.a(.href(SiteRoute.dashboard.path), .text(t("Naar het overzicht met grafieken en doelen →", "To the overview with charts and targets →")))))
            },
            .unwrap(error) { e in
                .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                     .p(.strong(.text(t("Niets geïmporteerd. ", "Nothing was imported. "))), .text(e)))
            },
            .p(.text(t("Lever nieuwe cijfers aan als CSV (UTF-8, komma's of puntkomma's) of Excel (XLSX, het eerste werkblad): één regel per waarde met de kolommen indicator, period, value en source, en een kolom per dimensie (sector, leerweg, level …), leeg voor een totaal. Wat er al stond voor dezelfde indicator, uitsplitsing en periode wordt vervangen; de wijziging komt in het auditlog.",
                       "Provide new figures as CSV (UTF-8, commas or semicolons) or Excel (XLSX, the first sheet): one row per value with the columns indicator, period, value and source, and one column per dimension (sector, leerweg, level …), empty for a total. What was stored for the same indicator, breakdown and period is replaced; the change goes into the audit log."))),
            .p(.a(.href(SiteRoute.observationTemplate.path), .text(t("Sjabloon (CSV) downloaden", "Download a template (CSV)")))),
            .element(named: "form", nodes: [
                .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.importObservations.path),
                .attribute(named: "enctype", value: "multipart/form-data"), .class("edit"),
                .selfClosedElement(named: "input", attributes: [.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: "_csrf"),
                                                                .attribute(named: "value", value: ctx.csrf ?? "")] as [Attribute<HTML.BodyContext>]),
                .div(.class("field"),
                     .element(named: "label", nodes: [.attribute(named: "for", value: "file"), .text(t("Bestand (CSV of XLSX)", "File (CSV or XLSX)"))]),
                     .selfClosedElement(named: "input", attributes: [
                        .attribute(named: "type", value: "file"), .attribute(named: "name", value: "file"), .attribute(named: "id", value: "file"),
                        .attribute(named: "accept", value: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        .attribute(named: "required", value: "required")] as [Attribute<HTML.BodyContext>])),
                .button(.type(.submit), .text(t("Importeren", "Import"))),
            ]),
            Components.table(caption: t("Indicatoren en hun dimensies", "Indicators and their dimensions"),
                             headers: ["indicator", t("Naam", "Name"), t("Dimensies", "Dimensions"), t("Eenheid", "Unit")],
                             rows: data.indicators.map { i in [.code(.text(i.key)), .text(i.name(ctx.lang)), .text(i.dimensions.joined(separator: ", ")), .text(i.unit.rawValue)] },
                             numericFrom: 99))
        return PageSupport.html(Layout.render(ctx, body), status: status)
    }
}
