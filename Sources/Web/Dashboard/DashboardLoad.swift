import Domain
import Persistence
import Vapor

extension DashboardPage {
    /// The dashboard. For a visitor who is not signed in and asks nothing in the query string (the public's and a
    /// load balancer's request) the page is the same for everyone: it is kept whole per language, day and data
    /// version, and made again when any write transaction moved the write generation (`CreateWriteGeneration`), so a
    /// change through any instance shows on the next request. A signed-in person's page names them and is made fresh.
    static func response(_ req: Request) async throws -> Response {
        @Sendable func render() async throws -> String {
            try await load(req).render(PageSupport.context(req, title: Localized("Masterplan Techniek Amsterdam", "Masterplan Techniek Amsterdam"),
                                                           section: .dashboard))
        }
        guard req.signedIn == nil, req.url.query == nil else { return PageSupport.html(try await render()) }
        let versions = try await req.versions()
        let key = [req.lang.rawValue, DeskSupport.today(req).description, String(versions.data)].joined(separator: "|")
        return PageSupport.html(try await req.application.dashboardHTML.value(key, version: versions.writes) { try await render() })
    }

    /// The dashboard for this request (issue 13): the programme part from the small tables (`Dataset.dashboardSlice`),
    /// kept per data version and language; the school year live from the desk's records, its Vrienden counted in SQL
    /// once per data version; the next Matchingday open for registration.
    static func load(_ req: Request) async throws -> DashboardPage {
        let store = RecordStore(req.db)
        let version = try await req.dataVersion()
        var page = try await req.application.dashboardCache.value(req.lang.rawValue, version: version) {
            DashboardPage(try await store.dashboardSlice(), lang: req.lang)
        }
        let today = DeskSupport.today(req), startMonth = DeskSupport.settings(req).schoolYearStartMonth
        let days = SchoolYearFigures.vriendenDays(today: today, startMonth: startMonth)
        let counted = try await req.application.countCache.value("vrienden:" + days.map(\.description).joined(separator: ","), version: version) {
            var out: [String: Int] = [:]
            for day in days where out[day.description] == nil {
                out[day.description] = try await store.activeMemberships(on: day, distinctOrganizations: true)
            }
            return out
        }
        let desk = req.desk
        let requests = try await desk.all(NetworkRequest.self), agreements = try await desk.all(ActivityAgreement.self)
        let schools = try await store.organizations(Array(Set(agreements.map(\.schoolId))))
        page.schoolYear = SchoolYearFigures.compute(requests: requests, agreements: agreements, vrienden: { counted[$0.description] ?? 0 },
                                                    organizations: Dictionary(schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                                    today: today, startMonth: startMonth, lang: req.lang)
        page.nextMatchingday = try await req.matchingday.events()
            .filter { $0.status == .open && !$0.example && $0.registrationDeadline >= today }.min { $0.date < $1.date }
        return page
    }
}
