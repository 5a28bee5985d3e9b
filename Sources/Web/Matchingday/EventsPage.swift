import Domain
import Plot

/// Matchingdays and the agreements made there.
struct EventsPage {
    let lang: Lang
    /// Agreements per event (`Dataset.agreementCounts`, counted in SQL).
    let agreementCounts: [String: Int]
    let page: Page<Event>

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(Components.table(
            caption: t("Evenementen", "Events"),
            headers: [t("Naam", "Name"), t("Datum", "Date"), t("Status", "Status"), t("Afspraken (gerapporteerd)", "Agreements (reported)"), t("Afspraken (met naam)", "Agreements (named)")],
            rows: page.items.map { e in [
                .a(.href(SiteRoute.event(e.id).path), .text(e.name)), .text(e.date.label(lang)), Components.badge(e.status.label(lang)),
                .text(e.reportedAgreements.map(String.init) ?? "–"), .text(String(agreementCounts[e.id] ?? 0)),
            ] }, numericFrom: 3),
            Components.pager(page, lang: lang) { SiteRoute.events.path + "?page=\($0)" },
            .p(.a(.href(SiteRoute.matchingdays.path), .text(t("Matchingdagen plannen: aanmelden, wensen, rooster en agenda's", "Plan Matchingdays: registration, wishes, schedule and agendas"))))))
    }
}

struct EventPage {
    let lang: Lang
    let event: Event
    /// The event's slice (`Dataset.eventSlice`): the organisations the shown agreements name.
    let data: Dataset
    /// One page of the event's agreements, with their number (a national Matchingday has thousands).
    let page: Page<Agreement>

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let agreements = page.items
        let named = page.total
        return Layout.render(ctx, .group(
            Components.facts([
                (t("Datum", "Date"), .text(event.date.label(lang))),
                (t("Status", "Status"), Components.badge(event.status.label(lang))),
                (t("Scholen (gerapporteerd)", "Schools (reported)"), event.reportedSchools.map { .text(String($0)) }),
                (t("Afspraken (gerapporteerd)", "Agreements (reported)"), event.reportedAgreements.map { .text(String($0)) }),
                (t("Afspraken met naam", "Named agreements"), .text(String(named))),
                (t("Bron", "Source"), .text(event.section)),
            ]),
            .p(.text(event.description)),
            .if(event.kind == "matchingday", .p(.a(.href(SiteRoute.matchingdays.path), .text(t("Matchingdagen op het platform plannen", "Plan Matchingdays on the platform"))))),
            .if(event.reportedAgreements != nil && event.reportedAgreements != named,
                .p(.class("note"), .text(t("Het rapport noemt \(event.reportedAgreements ?? 0) afspraken en somt er \(named) met naam op (‘onder andere’). Alleen die staan hier als afspraak.",
                                           "The report counts \(event.reportedAgreements ?? 0) agreements and names \(named) of them (‘among others’). Only those are recorded here.")))),
            .if(!agreements.isEmpty, Components.table(
                caption: t("Afspraken", "Agreements"),
                headers: ["#", t("Bedrijf of organisatie", "Company or organisation"), t("School", "School"), t("Zoals gedrukt", "As printed")],
                rows: agreements.enumerated().map { i, a in [
                    .text(String((page.page - 1) * page.per + i + 1)),
                    .group(.forEach(a.companyIds.enumerated()) { j, id in .group(.if(j > 0, .text("; ")), Components.orgLink(id, data)) }),
                    Components.orgLink(a.schoolId, data), .text(a.printedAs),
                ] }, numericFrom: 99)),
            .if(page.pageCount > 1, Components.pager(page, lang: lang) { SiteRoute.event(event.id).path + "?page=\($0)" })
        ))
    }
}
