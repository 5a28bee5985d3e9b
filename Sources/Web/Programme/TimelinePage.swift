import Domain
import Plot

/// Bijlage 2: milestones and events by date, with attendance where the report prints it.
struct TimelinePage {
    let lang: Lang
    let data: Dataset
    let year: Int?
    let page: Page<TimelineEntry>
    let years: [Int]

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .nav(.class("pager"), .ariaLabel(t("Jaren", "Years")),
                 .a(.href(SiteRoute.timeline().path), .if(year == nil, .attribute(named: "aria-current", value: "page")), .text(t("Alle jaren", "All years"))),
                 .forEach(years) { y in
                     .a(.href(SiteRoute.timeline(year: y).path), .if(year == y, .attribute(named: "aria-current", value: "page")), .text(String(y)))
                 }),
            .ol(.class("timeline"), .forEach(page.items) { e in
                .li(.element(named: "time", nodes: [.attribute(named: "datetime", value: e.date.description), .text(e.date.label(lang))]),
                    Components.badge(e.kind.label(lang)), .text(" " + e.title),
                    .unwrap(e.attendance) { a in
                        .p(.text(t("Aanwezig: ", "Attendance: ") + Components.qualified(Double(a), e.attendanceQualifier, .count, lang) + " " + (e.attendanceUnit ?? "")))
                    },
                    .if(!e.organizationIds.isEmpty, .p(.text(t("Met: ", "With: ")),
                        .forEach(e.organizationIds.enumerated()) { i, id in .group(.if(i > 0, .text(", ")), Components.orgLink(id, data)) })),
                    Components.source(e.section, lang: lang))
            }),
            Components.pager(page, lang: lang) { SiteRoute.timeline(year: year, page: $0).path }
        ))
    }
}

/// Bijlage 1 and §6: who steers and who runs the programme. Names and roles only.
struct ProjectOrganisationPage {
    let lang: Lang
    let data: Dataset

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let people = Dictionary(data.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Layout.render(ctx, .group(
            .p(.text(t("Het Masterplan functioneert sinds november 2012 als samenwerkingsverband van bedrijfsleven, onderwijsinstellingen en de gemeente Amsterdam, met een stuurgroep en een projectgroep.",
                       "Since November 2012 the Masterplan has been a partnership of business, education and the City of Amsterdam, with a steering group and a project group."))),
            .forEach(GoverningBody.allCases) { body in
                let roles = data.personRoles.filter { $0.body == body }
                return .if(!roles.isEmpty, Components.table(
                    caption: body.label(lang),
                    headers: [t("Naam", "Name"), t("Rol", "Role"), t("Domein", "Domain"), t("Organisatie", "Organisation"), t("Project", "Project")],
                    rows: roles.map { r in [
                        .text(people[r.personId]?.name ?? r.personId), .text(r.role), .text(r.domain ?? "–"),
                        r.organizationId.map { Components.orgLink($0, data) } ?? .text("–"),
                        r.projectId.map { id in .a(.href(SiteRoute.project(id).path), .text(data.projects.first { $0.id == id }?.name ?? id)) } ?? .text("–"),
                    ] }, numericFrom: 99))
            }
        ))
    }
}
