import Domain
import Persistence
import Plot

/// One organisation with everything it takes part in.
struct OrganizationPage {
    let lang: Lang
    let profile: OrganizationProfile
    let data: Dataset
    /// Contact persons, only when the viewer may see personal data of this organisation.
    var contacts: [Account]? = nil
    var canEdit = false
    var saved = false

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let o = profile.organization
        let p = profile
        func section(_ title: String, _ show: Bool, _ body: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
            .if(show, .section(.h2(.text(title)), body))
        }
        return Layout.render(ctx, .group(
            .if(saved, .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("De wijzigingen zijn opgeslagen.", "Your changes were saved.")))),
            .if(canEdit, .p(.a(.href(SiteRoute.editOrganization(o.id).path), .text(t("Profiel bewerken", "Edit profile"))))),
            Components.facts([
                (t("Soort", "Kind"), .text(o.kind.label(lang))),
                (t("Sectoren", "Sectors"), o.sectors.isEmpty ? nil : .text(o.sectors.map { $0.label(lang) }.joined(separator: ", "))),
                (t("Onderwijsniveaus", "Education levels"), o.levels.isEmpty ? nil : .text(o.levels.map { $0.label(lang) }.joined(separator: ", "))),
                (t("Stadsdeel of gemeente", "District or municipality"), o.district.map { .text($0) }),
                (t("Onderdeel van", "Part of"), p.parent.map { .a(.href(SiteRoute.organization($0.id).path), .text($0.name)) }),
                (t("Ook geschreven als", "Also written as"), o.aliases.isEmpty ? nil : .text(o.aliases.joined(separator: "; "))),
                (t("Vriend van het Masterplan", "Friend of the Masterplan"),
                 p.memberships.isEmpty ? nil : .text(p.memberships.map { m in m.evidence + (m.attestedOn.map { " (" + $0.label(lang) + ")" } ?? "") }.joined(separator: "; "))),
                (t("Bron", "Source"), .text(o.source)),
            ]),
            .unwrap(contacts) { list in
                section(t("Contactpersonen", "Contact persons"), true, list.isEmpty
                    ? .p(.text(t("Geen contactpersonen geregistreerd.", "No contact persons registered.")))
                    : .ul(.class("plain"), .forEach(list) { c in
                        .li(.text(c.name + (c.function.map { ", " + $0 } ?? "") + " — "), .a(.href("mailto:" + c.email), .text(c.email)),
                            .unwrap(c.phone) { .text(" — " + $0) })
                    }))
            },
            .forEach(data.quotes.filter { $0.organizationId == o.id }) { Components.quote($0, data, lang: lang) },
            section(t("Leden van dit samenwerkingsverband", "Members of this partnership"), !p.members.isEmpty,
                    .ul(.class("plain"), .forEach(p.members) { m in .li(.a(.href(SiteRoute.organization(m.member.id).path), .text(m.member.name)), .text(" "), Components.source(m.source, lang: lang)) })),
            section(t("Lid van", "Member of"), !p.partnerships.isEmpty,
                    .ul(.class("plain"), .forEach(p.partnerships) { m in .li(.a(.href(SiteRoute.organization(m.partnership.id).path), .text(m.partnership.name))) })),
            section(t("Onderdelen", "Parts"), !p.children.isEmpty,
                    .ul(.class("plain"), .forEach(p.children) { c in .li(.a(.href(SiteRoute.organization(c.id).path), .text(c.name))) })),
            section(t("Projecten", "Projects"), !p.projects.isEmpty,
                    .ul(.class("plain"), .forEach(p.projects) { pr in .li(.a(.href(SiteRoute.project(pr.project.id).path), .text(pr.project.name)), .text(" — " + pr.role)) })),
            section(t("Leerroutes", "Learning routes"), !p.routes.isEmpty,
                    .ul(.class("plain"), .forEach(p.routes) { r in
                        .li(.a(.href(SiteRoute.routes.path + "#" + r.route.id), .text(r.route.name)),
                            .text((r.participation.sector.map { " — " + $0.label(lang) } ?? "") + " (" + r.participation.status.label(lang) + ")"))
                    })),
            section(t("Opleidingshuizen", "Opleidingshuizen"), !p.opleidingshuizen.isEmpty,
                    .ul(.class("plain"), .forEach(p.opleidingshuizen) { h in .li(.a(.href(SiteRoute.opleidingshuis(h.opleidingshuis.id).path), .text(h.opleidingshuis.name)), .text(" — " + h.role)) })),
            section(t("Afspraken", "Agreements"), !p.agreements.isEmpty,
                    .ul(.class("plain"), .forEach(p.agreements) { a in
                        .li(.text(a.printedAs), .text(" "),
                            .unwrap(a.eventId) { e in .a(.href(SiteRoute.event(e).path), .text("(" + (data.events.first { $0.id == e }?.name ?? e) + ")")) })
                    })),
            section(t("Personen", "People"), !p.people.isEmpty,
                    .ul(.class("plain"), .forEach(p.people) { x in .li(.text(x.person.name + " — " + x.role.role)) })),
            section(t("Financiering", "Funding"), !(p.funding.isEmpty && p.fundingApplications.isEmpty),
                    .ul(.class("plain"),
                        .forEach(p.funding) { f in .li(.text(f.programme + ": " + Components.qualified(f.amount, f.amountQualifier, .euro, lang))) },
                        .forEach(p.fundingApplications) { a in .li(.text(a.fund + ": " + a.subject + " (" + a.status.label(lang) + ")")) })),
            section(t("Op de tijdlijn", "On the timeline"), !p.timeline.isEmpty,
                    .ol(.class("timeline"), .forEach(p.timeline) { e in .li(.element(named: "time", text: e.date.label(lang)), .text(e.title)) })),
            section(t("Bedankt in het rapport", "Thanked in the report"), !p.acknowledgements.isEmpty,
                    .p(.text(p.acknowledgements.map { "“" + $0.printedName + "” (" + $0.list + ")" }.joined(separator: ", "))))
        ))
    }
}
