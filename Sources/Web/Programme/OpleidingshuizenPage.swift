import Domain
import Plot

/// The public–private partnerships per sector (§4.6).
struct OpleidingshuizenPage {
    let lang: Lang
    let data: Dataset
    let page: Page<Opleidingshuis>

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .p(.text(t("In een Opleidingshuis worden initieel beroepsonderwijs, om- en bijscholing onder één (virtueel) dak aangeboden. Elk Opleidingshuis biedt acht soorten onderwijs en opleiding aan:",
                       "An Opleidingshuis brings initial vocational education, retraining and upskilling under one (virtual) roof. Each offers eight kinds of education and training:"))),
            .ol(.forEach(OpleidingshuisActivity.allCases) { .li(.text($0.label(lang))) }),
            Components.table(
                caption: t("Opleidingshuizen", "Opleidingshuizen"),
                headers: [t("Naam", "Name"), t("Sector", "Sector"), t("Status", "Status"), t("Partners", "Partners"), t("Bron", "Source")],
                rows: page.items.map { h in [
                    .a(.href(SiteRoute.opleidingshuis(h.id).path), .text(h.name)),
                    .text(h.sectors.map { $0.label(lang) }.joined(separator: ", ")),
                    Components.badge(h.status.label(lang)),
                    .text(String(data.opleidingshuisPartners.filter { $0.opleidingshuisId == h.id }.count)),
                    .text(h.section),
                ] }, numericFrom: 3),
            Components.pager(page, lang: lang) { SiteRoute.opleidingshuizen.path + "?page=\($0)" }
        ))
    }
}

struct OpleidingshuisPage {
    let lang: Lang
    let house: Opleidingshuis
    let data: Dataset
    var canEdit = false

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let partners = data.opleidingshuisPartners.filter { $0.opleidingshuisId == house.id }
        let milestones = data.opleidingshuisMilestones.filter { $0.opleidingshuisId == house.id }.sorted { $0.date < $1.date }
        return Layout.render(ctx, .group(
            .if(canEdit, .p(.a(.href(SiteRoute.editStatusText("opleidingshuizen", house.id).path), .text(t("Bewerken", "Edit"))))),
            Components.facts([
                (t("Sector", "Sector"), .text(house.sectors.map { $0.label(lang) }.joined(separator: ", "))),
                (t("Status", "Status"), Components.badge(house.status.label(lang))),
                (t("Projectleiding", "Project lead"), house.leadNote.map { .text($0) }),
                (t("Bron", "Source"), .text(house.section)),
            ]),
            .p(.text(house.summary)),
            .if(!house.activities.isEmpty, .group(.h2(.text(t("Aanbod", "Offer"))),
                .ul(.class("plain"), .forEach(house.activities) { .li(.text($0.label(lang))) }))),
            .if(!partners.isEmpty, Components.table(caption: t("Partners", "Partners"),
                headers: [t("Organisatie", "Organisation"), t("Rol", "Role"), t("Bron", "Source")],
                rows: partners.map { [Components.orgLink($0.organizationId, data), .text($0.role), .text($0.source)] }, numericFrom: 99)),
            .if(!milestones.isEmpty, .group(.h2(.text(t("Mijlpalen", "Milestones"))),
                .ol(.class("timeline"), .forEach(milestones) { m in
                    .li(.element(named: "time", text: m.date.label(lang)), .text(m.text + " "), Components.source(m.source, lang: lang))
                })))
        ))
    }
}
