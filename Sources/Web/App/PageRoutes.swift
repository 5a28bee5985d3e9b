import Domain
import Fluent
import Persistence
import Vapor

/// The HTML pages. Each handler loads what its page shows (its model), and renders it.
struct PageRoutes {
    func register(_ app: Application) {
        app.get(.dashboard, access: .public) { req in try await DashboardPage.response(req) }
        NetworkController.register(app)
        app.get(.projects, access: .public, use: Self.projects)
        app.get(.project(":id"), access: .public, use: Self.project)
        app.get(.routes, access: .public, use: Self.routes)
        app.get(.opleidingshuizen, access: .public, use: Self.opleidingshuizen)
        app.get(.opleidingshuis(":id"), access: .public, use: Self.opleidingshuis)
        app.get(.indicators, access: .public, use: Self.indicators)
        app.get(.indicator(":key"), access: .public, use: Self.indicator)
        app.get(.timeline(), access: .public, use: Self.timeline)
        app.get(.funding, access: .public, use: Self.funding)
        app.get(.events, access: .public, use: Self.events)
        app.get(.event(":id"), access: .public, use: Self.event)
        app.get(.ambitions, access: .public, use: Self.ambitions)
        app.get(.projectOrganisation, access: .public, use: Self.projectOrganisation)
        app.get(.stylesheet, access: .public, use: Self.stylesheet)
        app.get(.chooseLanguage(":lang"), access: .public, use: Self.chooseLanguage)
    }

    @Sendable static func projects(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (data, page) = try await PageSupport.listing(req, \.projects, reads: PageReads.projects)
        return PageSupport.html(ProjectsPage(lang: req.lang, data: data, page: page)
            .render(PageSupport.context(req, title: Localized("Projecten", "Projects"), section: .projects)))
    }

    @Sendable static func project(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (data, project) = try await PageSupport.record(req, \.projects, reads: PageReads.projects)
        return PageSupport.html(ProjectPage(lang: req.lang, project: project, data: data, today: DeskSupport.today(req), canEdit: Permissions.canEditProject(req.actor, project.id))
            .render(PageSupport.context(req, title: Localized(project.number + " " + project.name, project.number + " " + project.nameEn), section: .projects)))
    }

    @Sendable static func routes(_ req: Request) async throws -> some AsyncResponseEncodable {
        PageSupport.html(RoutesPage(lang: req.lang, data: try await PageSupport.data(req, reads: PageReads.routes), actor: req.actor)
            .render(PageSupport.context(req, title: Localized("Leerroutes", "Learning routes"), section: .routes)))
    }

    @Sendable static func opleidingshuizen(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (data, page) = try await PageSupport.listing(req, \.opleidingshuizen, reads: PageReads.opleidingshuizen)
        return PageSupport.html(OpleidingshuizenPage(lang: req.lang, data: data, page: page)
            .render(PageSupport.context(req, title: Localized("Opleidingshuizen (publiek-private samenwerking)", "Opleidingshuizen (public–private partnerships)"), section: .opleidingshuizen)))
    }

    @Sendable static func opleidingshuis(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (data, house) = try await PageSupport.record(req, \.opleidingshuizen, reads: PageReads.opleidingshuizen)
        return PageSupport.html(OpleidingshuisPage(lang: req.lang, house: house, data: data, canEdit: Permissions.canEditOpleidingshuis(req.actor))
            .render(PageSupport.context(req, title: Localized(house.name, house.name), section: .opleidingshuizen)))
    }

    @Sendable static func indicators(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (data, page) = try await PageSupport.listing(req, \.indicators, reads: PageReads.indicators)
        return PageSupport.html(IndicatorsPage(lang: req.lang, data: data, page: page,
                                               canImport: ReportRoutes.analysts.allows(req.actor?.role))
            .render(PageSupport.context(req, title: Localized("Indicatoren", "Indicators"), section: .indicators)))
    }

    @Sendable static func indicator(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (data, indicator) = try await PageSupport.record(req, \.indicators, parameter: "key", reads: PageReads.indicators)
        return PageSupport.html(IndicatorPage(lang: req.lang, indicator: indicator, data: data)
            .render(PageSupport.context(req, title: Localized(indicator.nameNl, indicator.nameEn), section: .indicators)))
    }

    @Sendable static func timeline(_ req: Request) async throws -> some AsyncResponseEncodable {
        var reader = QueryReader(req, allowed: ["year", "page", "per"])
        let year = reader.string("year").map { _ in reader.integer("year", default: 0, range: 1900...2100) }
        let pageRequest = reader.page()
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let data = try await PageSupport.data(req, reads: PageReads.timeline)
        let entries = data.timeline.filter { year == nil || $0.date.year == year }.sorted { $0.date < $1.date }
        let years = Array(Set(data.timeline.map(\.date.year))).sorted()
        return PageSupport.html(TimelinePage(lang: req.lang, data: data, year: year, page: entries.paged(pageRequest), years: years)
            .render(PageSupport.context(req, title: Localized("Mijlpalen " + (DataCoverage.label(years.first.flatMap { f in years.last.map { f...$0 } }) ?? ""),
                                                                       "Milestones " + (DataCoverage.label(years.first.flatMap { f in years.last.map { f...$0 } }) ?? "")), section: .timeline)))
    }

    @Sendable static func funding(_ req: Request) async throws -> some AsyncResponseEncodable {
        PageSupport.html(FundingPage(lang: req.lang, data: try await PageSupport.data(req, reads: PageReads.funding))
            .render(PageSupport.context(req, title: Localized("Financiering", "Funding"), section: .funding)))
    }

    @Sendable static func events(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (_, page) = try await PageSupport.listing(req, \.events, reads: PageReads.events)
        let store = RecordStore(req.db)
        // Counted in SQL once per data version (a million agreements nationally).
        let counts = try await req.application.countCache.value("agreements-per-event", version: try await req.dataVersion()) {
            try await store.agreementCounts()
        }
        return PageSupport.html(EventsPage(lang: req.lang, agreementCounts: counts, page: page)
            .render(PageSupport.context(req, title: Localized("Matchingdays", "Matchingdays"), section: .events)))
    }

    @Sendable static func event(_ req: Request) async throws -> some AsyncResponseEncodable {
        let id = try req.parameters.require("id")
        var reader = QueryReader(req, allowed: ["page", "per"])
        let pageRequest = reader.page()
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let (data, agreements) = try await RecordStore(req.db).eventSlice(id, page: pageRequest)
        guard let event = data.events.first(where: { $0.id == id }) else { throw Abort(.notFound) }
        return PageSupport.html(EventPage(lang: req.lang, event: event, data: data, page: agreements)
            .render(PageSupport.context(req, title: Localized(event.name, event.name), section: .events)))
    }

    @Sendable static func ambitions(_ req: Request) async throws -> some AsyncResponseEncodable {
        PageSupport.html(StatementsPage(lang: req.lang, data: try await PageSupport.data(req, reads: PageReads.statements))
            .render(PageSupport.context(req, title: Localized("Ambities en vervolg", "Ambitions and follow-up"), section: .ambitions)))
    }

    @Sendable static func projectOrganisation(_ req: Request) async throws -> some AsyncResponseEncodable {
        PageSupport.html(ProjectOrganisationPage(lang: req.lang, data: try await PageSupport.data(req, reads: PageReads.projectOrganisation))
            .render(PageSupport.context(req, title: Localized("Projectorganisatie", "Programme organisation"), section: .organisation)))
    }

    @Sendable static func stylesheet(_ _: Request) async throws -> some AsyncResponseEncodable {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    @Sendable static func chooseLanguage(_ req: Request) async throws -> some AsyncResponseEncodable {
        guard let lang = Lang(rawValue: try req.parameters.require("lang")) else { throw Abort(.notFound) }
        // Signed in, the choice is the person's: their mail comes in it from now on.
        if let id = req.actor?.accountId { try await req.accounts.setLanguage(lang, of: id) }
        let response = req.redirect(to: req.query[String.self, at: "terug"] ?? "/")
        response.cookies["lang"] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                                     isSecure: req.clientScheme == "https", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
