import Domain
import Plot

/// The seven projects (§4) with their targets against actuals.
struct ProjectsPage {
    let lang: Lang
    let data: Dataset
    let page: Page<Project>

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            Components.table(
                caption: t("Zeven doelgerichte projecten", "Seven targeted projects"),
                headers: ["§", t("Project", "Project"), t("Status", "Status"), t("Projectleiding", "Project lead"), t("Doelen", "Targets")],
                rows: page.items.map { p in [
                    .text(p.number),
                    .a(.href(SiteRoute.project(p.id).path), .text(lang == .nl ? p.name : p.nameEn)),
                    Components.badge(p.status.label(lang)),
                    .text(ProjectPage.leads(p.id, data).joined(separator: ", ")),
                    .text(String(data.projectTargets.filter { $0.projectId == p.id }.count)),
                ] },
                numericFrom: 4),
            Components.pager(page, lang: lang) { SiteRoute.projects.path + "?page=\($0)" }
        ))
    }
}

struct ProjectPage {
    let lang: Lang
    let project: Project
    let data: Dataset
    /// The day the targets' status is judged on (`TargetProgress.of`).
    let today: PartialDate
    var canEdit = false

    /// A target's status as of `today`, by the report's rule; "–" when there is no actual or no target to judge.
    static func status(_ target: ProjectTarget, _ today: PartialDate, _ lang: Lang) -> Node<HTML.BodyContext> {
        guard target.actual != nil, target.target != nil else { return .text("–") }
        let progress = TargetProgress.of(target, asOf: today)
        return Components.badge(progress.label(lang), Components.badgeClass(progress))
    }

    static func leads(_ projectId: String, _ data: Dataset) -> [String] {
        let names = data.personRoles.filter { $0.projectId == projectId && $0.body == .projectgroep }
            .compactMap { r in data.people.first { $0.id == r.personId }?.name }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }


    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let targets = data.projectTargets.filter { $0.projectId == project.id }
        let participants = data.projectParticipants.filter { $0.projectId == project.id }
        let routes = data.routes.filter { $0.projectId == project.id }
        return Layout.render(ctx, .group(
            .if(canEdit, .p(.a(.href(SiteRoute.editProject(project.id).path), .text(t("Project bewerken", "Edit project"))))),
            Components.facts([
                (t("Paragraaf", "Section"), .text(project.section)),
                (t("Status", "Status"), Components.badge(project.status.label(lang))),
                (t("Projectleiding", "Project lead"), .text(Self.leads(project.id, data).joined(separator: ", "))),
            ]),
            .p(.text(project.summary)),
            .if(lang == .en, .p(.class("source"), .text("Project descriptions are kept in Dutch, the language of the report."))),
            .if(!targets.isEmpty, Components.table(
                caption: t("Doelen en resultaten", "Targets and results"),
                headers: [t("Wat", "What"), t("Stand", "Actual"), t("Peildatum", "As of"), t("Doel", "Target"), t("Uiterlijk", "By"), t("Status", "Status"), t("Bron", "Source")],
                rows: targets.map { x in [
                    .text(x.description),
                    .text(x.actual.map { Components.qualified($0, x.actualQualifier, x.unit, lang) } ?? "–"),
                    .text(x.actualDate?.label(lang) ?? "–"),
                    .text(x.target.map { Components.qualified($0, x.targetQualifier, x.unit, lang, max: x.targetMax) } ?? "–"),
                    .text(x.targetDate?.label(lang) ?? "–"),
                    Self.status(x, today, lang),
                    .text(x.source),
                ] },
                numericFrom: 99)),
            .if(!routes.isEmpty, .group(.h2(.text(t("Leerroutes", "Learning routes"))),
                .ul(.class("plain"), .forEach(routes) { r in .li(.a(.href(SiteRoute.routes.path + "#" + r.id), .text(r.name)), .text(" (" + r.status.label(lang) + ")")) }))),
            .if(project.id == "publiek-private-samenwerking", .p(.a(.href(SiteRoute.opleidingshuizen.path), .text(t("De Opleidingshuizen →", "The Opleidingshuizen →"))))),
            .if(project.id == "vrienden-netwerk", .p(.a(.href(SiteRoute.network().path), .text(t("Het netwerk in cijfers →", "The network in figures →"))))),
            .forEach(data.quotes.filter { $0.projectId == project.id }) { Components.quote($0, data, lang: lang) },
            .if(!participants.isEmpty, Components.table(
                caption: t("Deelnemers", "Participants"),
                headers: [t("Organisatie", "Organisation"), t("Rol", "Role"), t("Bron", "Source")],
                rows: participants.map { [Components.orgLink($0.organizationId, data), .text($0.role), .text($0.source)] },
                numericFrom: 99))
        ))
    }
}
