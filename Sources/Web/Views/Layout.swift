import Domain
import Plot

/// What every page shares: its title, language and where it sits in the navigation.
struct PageContext {
    var lang: Lang
    var path: String
    var title: String
    var section: NavSection?
    /// Name and role of the logged-in person, for the header.
    var user: (name: String, role: Role)? = nil
    /// The session's CSRF token, for the forms on the page (logout included).
    var csrf: String? = nil
    /// The years the data covers, shown beside the name (follows imports; see `DataCoverage`).
    var coverage: String? = nil
    func t(_ nl: String, _ en: String) -> String { lang == .nl ? nl : en }
}

enum NavSection: CaseIterable {
    case dashboard, organizations, network, desk, projects, routes, opleidingshuizen, indicators, timeline, funding, events, ambitions, organisation, report

    var route: SiteRoute {
        switch self {
        case .dashboard: .dashboard
        case .organizations: .organizations()
        case .network: .network()
        case .desk: .desk
        case .projects: .projects
        case .routes: .routes
        case .opleidingshuizen: .opleidingshuizen
        case .indicators: .indicators
        case .timeline: .timeline()
        case .funding: .funding
        case .events: .events
        case .ambitions: .ambitions
        case .organisation: .projectOrganisation
        case .report: .report()
        }
    }

    var label: Localized {
        switch self {
        case .dashboard: Localized("Overzicht", "Overview")
        case .organizations: Localized("Organisaties", "Organisations")
        case .network: Localized("Netwerk", "Network")
        case .desk: Localized("Netwerkbalie", "Network desk")
        case .projects: Localized("Projecten", "Projects")
        case .routes: Localized("Leerroutes", "Learning routes")
        case .opleidingshuizen: Localized("Opleidingshuizen", "Opleidingshuizen")
        case .indicators: Localized("Indicatoren", "Indicators")
        case .timeline: Localized("Tijdlijn", "Timeline")
        case .funding: Localized("Financiering", "Funding")
        case .events: Localized("Matchingdays", "Matchingdays")
        case .ambitions: Localized("Ambities", "Ambitions")
        case .organisation: Localized("Projectorganisatie", "Organisation")
        case .report: Localized("Rapportage", "Report")
        }
    }
}

enum Layout {
    static func render(_ ctx: PageContext, _ content: Node<HTML.BodyContext>) -> String {
        let html = HTML(
            .lang(ctx.lang == .nl ? .dutch : .english),
            .head(
                .element(named: "title", text: ctx.title + " · Masterplan Techniek Amsterdam"),
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .link(.rel(.stylesheet), .href(SiteRoute.stylesheet.path))
            ),
            .body(
                .a(.class("skip"), .href("#inhoud"), .text(ctx.t("Naar de inhoud", "Skip to content"))),
                .header(
                    .class("site"),
                    .div(.class("brand"),
                         .a(.href("/"), .text("Masterplan Techniek Amsterdam")),
                         .unwrap(ctx.coverage) { .span(.class("period"), .text(" " + $0)) }),
                    .nav(
                        .ariaLabel(ctx.t("Hoofdmenu", "Main menu")),
                        .ul(.forEach(NavSection.allCases) { s in
                            .li(.a(.href(s.route.path),
                                   .if(s == ctx.section, .attribute(named: "aria-current", value: "page")),
                                   .text(s.label(ctx.lang))))
                        })
                    ),
                    .div(.class("user"), .unwrap(ctx.user, { user in
                        .group(
                            .a(.href(SiteRoute.account.path), .text(user.name + " (" + user.role.label(ctx.lang) + ")")), .text(" · "),
                            .a(.href(SiteRoute.notifications.path), .text(ctx.t("Meldingen", "Notifications"))),
                            .if(user.role == .beheerder, .group(.text(" · "), .a(.href(SiteRoute.adminAccounts.path), .text(ctx.t("Beheer", "Admin"))))),
                            .if(user.role == .beheerder || user.role == .projectleider,
                                .group(.text(" · "), .a(.href(SiteRoute.programme.path), .text(ctx.t("Programma bewerken", "Edit programme"))))),
                            .if(user.role == .beheerder || user.role == .communicatie,
                                .group(.text(" · "), .a(.href(SiteRoute.newsletterAdmin.path), .text(ctx.t("Nieuwsbrief", "Newsletter"))))),
                            Components.postForm(action: SiteRoute.logout.path, csrf: ctx.csrf, class: "inline", [
                                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(ctx.t("Uitloggen", "Log out"))]),
                            ])
                        )
                    }, else: .a(.href(SiteRoute.login(back: ctx.path).path), .text(ctx.t("Inloggen", "Log in"))))),
                    .p(.class("lang"),
                       .if(ctx.lang == .nl,
                           .a(.href(SiteRoute.language(.en, back: ctx.path).path), .attribute(named: "hreflang", value: "en"),
                              .attribute(named: "lang", value: "en"), .text("English")),
                           else: .a(.href(SiteRoute.language(.nl, back: ctx.path).path), .attribute(named: "hreflang", value: "nl"),
                                    .attribute(named: "lang", value: "nl"), .text("Nederlands"))))
                ),
                .main(.id("inhoud"), .h1(.text(ctx.title)), content),
                .footer(
                    .p(.text(ctx.t(
                        "Bron: Rapportage Masterplan Techniek Amsterdam 2012–2014 (cijfers zoals gerapporteerd) en de eigen registratie van het platform (als zodanig gemarkeerd); totalen en groei worden berekend.",
                        "Source: Masterplan Techniek Amsterdam report 2012–2014 (figures as reported) and the platform's own records (marked as such); totals and growth are computed."))),
                    .p(.a(.href(SiteRoute.openAPI.path), .text(ctx.t("Open data (JSON API)", "Open data (JSON API)"))), .text(" · "),
                       .a(.href(SiteRoute.newsletter.path), .text(ctx.t("Nieuwsbrief", "Newsletter"))), .text(" · "),
                       .a(.href(SiteRoute.newsletterArchive.path), .text(ctx.t("Eerdere nieuwsbrieven", "Earlier newsletters"))))
                )
            )
        )
        return html.render()
    }
}
