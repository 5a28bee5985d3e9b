import Domain
import Persistence
import Plot
import Reports

/// The Vrienden network: the counts the report publishes beside the members registered here.
struct NetworkPage {
    let lang: Lang
    /// What the page shows, read through `NetworkRepository.network(on:page:)`.
    let overview: NetworkOverview
    /// Registered membership is counted as of this day; the reported counts keep their own dates.
    let today: PartialDate

    /// The report's three kinds of member; branch organisations, foundations and partnerships count as "Bedrijven".
    static func reportKind(_ kind: OrganizationKind) -> String {
        if kind == .government { return "Overheden" }
        return kind.isEducation ? "Scholen" : "Bedrijven"
    }

    static func load(_ repository: any NetworkRepository, on day: PartialDate, page: PageRequest, lang: Lang) async throws -> NetworkPage {
        NetworkPage(lang: lang, overview: try await repository.network(on: day, page: page), today: day)
    }

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let data = overview.reported
        let f = ProgrammeFigures(data)
        let table = f.networkGrowth
        var registeredByKind: [String: Int] = [:]
        for (kind, n) in overview.registeredByKind { registeredByKind[Self.reportKind(kind), default: 0] += n }
        let headers = [t("Soort", "Kind")] + table.periods.map { t("Gerapporteerd ", "Reported ") + periodLabel($0, lang) }
            + [t("Toename", "Increase"), t("Geregistreerd in het platform op ", "Registered in the platform on ") + today.label(lang)]
        let rows: [[Node<HTML.BodyContext>]] = table.rows.map { r in
            [.text(r.label)] + r.values.map { .text($0.map { NumberFormat.integer($0, lang) } ?? "–") }
                + [.text(r.change.map { NumberFormat.signed($0.absolute, lang) } ?? "–"), .text(String(registeredByKind[r.label] ?? 0))]
        }
        let footer: [[Node<HTML.BodyContext>]] = [[.text(t("Totaal", "Total"))] + table.totals.map { .text($0.map { NumberFormat.integer($0, lang) } ?? "–") }
            + [.text(table.totalChange.map { NumberFormat.signed($0.absolute, lang) } ?? "–"), .text(String(overview.registeredTotal))]]
        var chart = ChartData(table, title: t("Groei van het netwerk", "Network growth"),
                              description: t("Gerapporteerd aantal Vrienden per soort.", "Reported number of Friends by kind."), rowsAsSeries: false)
        chart.series = chart.series.map { .init(name: periodLabel($0.name, lang), values: $0.values) }
        let counters = ["network.excursions-supported", "network.requests-served"].compactMap { key in
            data.indicators.first { $0.key == key }.map { ($0, f.observations(of: key)) }
        }
        let members = overview.members
        return Layout.render(ctx, .group(
            .p(.text(t("Bedrijven, scholen en overheden verenigen zich als Vrienden van het Masterplan. Een bedrijf organiseert minstens twee kwalitatief hoogstaande technische activiteiten voor en met onderwijsinstellingen; een school presenteert een plan om techniekonderwijs meer plaats te geven.",
                       "Companies, schools and governments join as Friends of the Masterplan. A company organises at least two high-quality technical activities for and with schools; a school presents a plan to give technology education more room."))),
            .p(.class("note"), .text(t("Het rapport publiceert alleen aantallen, geen ledenlijst. Als geregistreerd lid staan hier alleen organisaties die het rapport zelf als Vriend laat optreden; er worden geen lidmaatschappen verzonnen.",
                                       "The report publishes counts only, not a member list. Registered here are only organisations the report itself shows acting as a Friend; no memberships are invented."))),
            Components.table(caption: t("Ontwikkeling Vrienden van het Masterplan (§4.7.2)", "Development of the Friends of the Masterplan (§4.7.2)"),
                             headers: headers, rows: rows, footer: footer),
            Components.chart(chart, style: .groupedBar, id: "chart-network", lang: lang),
            .element(named: "form", nodes: [.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.network().path),
                Components.field("datum", label: t("Leden op datum", "Members on date"), value: today.description, type: "date"),
                Components.submit(t("Toon", "Show"))]),
            .if(ctx.user == nil, .p(.a(.href(SiteRoute.join.path), .text(t("Uw organisatie aanmelden bij het netwerk", "Apply for your organisation to join the network"))))),
            .if(ctx.user?.role == .contactpersoon, .p(.a(.href(SiteRoute.membershipApply.path), .text(t("Vriend worden", "Become a Vriend"))), .text(" · "),
                                                      .a(.href(SiteRoute.schoolPlan.path), .text(t("Plan voor techniekonderwijs (scholen)", "Plan for technology education (schools)"))))),
            .if(ctx.user?.role == .beheerder, .p(.a(.href(SiteRoute.membershipApplications.path), .text(t("Aanmeldingen als Vriend", "Applications to join"))), .text(" · "),
                                                 .a(.href(SiteRoute.schoolPlans.path), .text(t("Schoolplannen", "School plans"))))),
            .h2(.text(t("Geregistreerde Vrienden", "Registered Friends"))),
            .ul(.class("plain"), .forEach(members.items) { m in
                .li(.a(.href(SiteRoute.organization(m.organizationId).path), .text(overview.organizations[m.organizationId]?.name ?? m.organizationId)),
                    .text(" — " + m.evidence + " "), Components.source(m.source, lang: lang))
            }),
            .if(members.pageCount > 1, Components.pager(members, lang: lang) { SiteRoute.network(day: today.description, page: $0).path }),
            .h2(.text(t("Ondersteuning en verzoeken", "Support and requests"))),
            .ul(.class("plain"), .forEach(counters) { indicator, obs in
                .li(.a(.href(SiteRoute.indicator(indicator.key).path), .text(indicator.name(lang))), .text(": "),
                    .text(obs.map { NumberFormat.integer($0.value, lang) + " (" + periodLabel($0.period, lang) + ")" }.joined(separator: "; ")))
            }),
            .p(.a(.href(SiteRoute.events.path), .text(t("Matchingdays en afspraken →", "Matchingdays and agreements →"))))
        ))
    }
}
