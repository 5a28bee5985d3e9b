import Domain
import Plot

/// Learning routes: the Vakmanschapsroute matrix, the Technologieroute and the mbo-hbo leerlijnen.
struct RoutesPage {
    let lang: Lang
    let data: Dataset
    var actor: Actor? = nil

    func matrix(_ route: LearningRoute) -> Node<HTML.BodyContext> {
        let cells = data.routeParticipations.filter { $0.routeId == route.id && $0.sector != nil }
        var schools: [String] = []
        for c in cells where !schools.contains(c.organizationId) { schools.append(c.organizationId) }
        var sectors: [Sector] = []
        for c in cells { if let s = c.sector, !sectors.contains(s) { sectors.append(s) } }
        let t = { (nl: String, en: String) in self.lang == .nl ? nl : en }
        return .div(.class("matrix"), Components.table(
            caption: t("Opleidingen techniek per school en sector (§4.3)", "Technical programmes by school and sector (§4.3)"),
            headers: [t("Sector", "Sector")] + schools.map { data.organization($0)?.name ?? $0 },
            rows: sectors.map { sector in
                [.text(sector.label(lang))] + schools.map { school in
                    let cell = cells.first { $0.organizationId == school && $0.sector == sector }
                    return cell.map { .group(.span(.ariaHidden(true), .text($0.note ?? "X")), .span(.class("skip"), .text(t("ja", "yes")))) }
                        ?? .span(.class("skip"), .text(t("nee", "no")))
                }
            },
            numericFrom: 99))
    }

    func route(_ r: LearningRoute) -> Node<HTML.BodyContext> {
        let t = { (nl: String, en: String) in self.lang == .nl ? nl : en }
        let participants = data.routeParticipations.filter { $0.routeId == r.id && $0.sector == nil }
        let themes = data.routeSectors.filter { $0.routeId == r.id }
        let keuzedelen = data.keuzedelen.filter { $0.routeId == r.id }
        return .section(.id(r.id),
            .h2(.text(r.name)),
            .if(Permissions.canEditRoute(actor, r), .p(.a(.href(SiteRoute.editStatusText("leerroutes", r.id).path), .text(t("Route bewerken", "Edit route"))))),
            Components.facts([
                (t("Soort", "Kind"), .text(r.kind.label(lang))),
                (t("Van – naar", "From – to"), .text(r.fromLevel.label(lang) + " → " + r.toLevel.label(lang))),
                (t("Status", "Status"), Components.badge(r.status.label(lang))),
                (t("Sinds", "Since"), r.startYear.map { .text(String($0)) }),
                (t("Bron", "Source"), .text(r.source)),
            ]),
            .p(.text(r.description)),
            .if(r.kind == .vakmanschapsroute, matrix(r)),
            .if(!participants.isEmpty, .group(
                .h3(.text(r.status == .interest ? t("Scholen die interesse hebben getoond", "Schools that showed interest") : t("Deelnemers", "Participants"))),
                .ul(.class("plain"), .forEach(participants) { p in
                    .li(Components.orgLink(p.organizationId, data), .text(p.note.map { " — " + $0 } ?? ""))
                }))),
            .if(!themes.isEmpty, Components.table(
                caption: t("Thema's en sectoren", "Themes and sectors"),
                headers: [t("Thema", "Theme"), t("Sector", "Sector"), t("Status", "Status"), t("Scholen", "Schools"), t("Vanaf", "From")],
                rows: themes.map { s in [
                    .text(s.theme), .text(s.sector?.label(lang) ?? "–"), .text(s.status.label(lang)),
                    .text(s.schoolCount.map(String.init) ?? "–"), .text(s.fromPeriod ?? "–"),
                ] }, numericFrom: 3)),
            .forEach(keuzedelen) { k in
                .p(.text(t("Keuzedelen: ", "Elective modules: ") + String(k.count) + t(" vanaf ", " from ") + (k.availableFrom?.label(lang) ?? "?")
                         + " (" + k.areas.joined(separator: ", ") + ")"))
            }
        )
    }

    func render(_ ctx: PageContext) -> String {
        Layout.render(ctx, .group(
            .nav(.ariaLabel(ctx.t("Routes op deze pagina", "Routes on this page")),
                 .ul(.class("plain"), .forEach(data.routes) { r in .li(.a(.href("#" + r.id), .text(r.name))) })),
            .forEach(data.routes) { route($0) }
        ))
    }
}
