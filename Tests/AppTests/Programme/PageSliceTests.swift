import Domain
import Foundation
import Persistence
import SQLKit
import Testing
@testable import Web

/// Issue 13: the programme's pages read a slice (`PageReads` + `Dataset.slice`), not the whole dataset. Each page
/// rendered from its slice equals the page rendered from the whole dataset (a table missing from its reads shows as a
/// difference), and the slice read in SQL equals the Domain's slice, on the embedded data with the network contract's
/// generated organisations, memberships and agreements added.
@Suite struct PageSliceTests {
    static func renders(_ data: Dataset, slice: (Set<String>) -> Dataset, event: (String, PageRequest) -> Dataset, counts: [String: Int]) -> [String: String] {
        var out: [String: String] = [:]
        let today = PartialDate(year: 2014, month: 12, day: 1)
        for lang in [Lang.nl, .en] {
            let ctx = PageContext(lang: lang, path: "/", title: "t", section: nil)
            let p = slice(PageReads.projects)
            out["projects \(lang)"] = ProjectsPage(lang: lang, data: p, page: p.projects.paged(Domain.PageRequest())).render(ctx)
            for project in data.projects { out["project \(project.id) \(lang)"] = ProjectPage(lang: lang, project: project, data: p, today: today).render(ctx) }
            out["routes \(lang)"] = RoutesPage(lang: lang, data: slice(PageReads.routes)).render(ctx)
            let h = slice(PageReads.opleidingshuizen)
            out["houses \(lang)"] = OpleidingshuizenPage(lang: lang, data: h, page: h.opleidingshuizen.paged(Domain.PageRequest())).render(ctx)
            for house in data.opleidingshuizen { out["house \(house.id) \(lang)"] = OpleidingshuisPage(lang: lang, house: house, data: h).render(ctx) }
            let i = slice(PageReads.indicators)
            out["indicators \(lang)"] = IndicatorsPage(lang: lang, data: i, page: i.indicators.paged(Domain.PageRequest(page: 1, per: 200))).render(ctx)
            for indicator in data.indicators { out["indicator \(indicator.key) \(lang)"] = IndicatorPage(lang: lang, indicator: indicator, data: i).render(ctx) }
            let t = slice(PageReads.timeline)
            out["timeline \(lang)"] = TimelinePage(lang: lang, data: t, year: nil, page: t.timeline.sorted { $0.date < $1.date }.paged(Domain.PageRequest(page: 1, per: 200)),
                                                   years: Array(Set(t.timeline.map(\.date.year))).sorted()).render(ctx)
            out["organisation \(lang)"] = ProjectOrganisationPage(lang: lang, data: slice(PageReads.projectOrganisation)).render(ctx)
            out["funding \(lang)"] = FundingPage(lang: lang, data: slice(PageReads.funding)).render(ctx)
            out["statements \(lang)"] = StatementsPage(lang: lang, data: slice(PageReads.statements)).render(ctx)
            out["events \(lang)"] = EventsPage(lang: lang, agreementCounts: counts, page: data.events.paged(Domain.PageRequest(page: 1, per: 200))).render(ctx)
            for e in data.events {
                for request in [Domain.PageRequest(page: 1, per: 25), Domain.PageRequest(page: 2, per: 5)] {
                    let page = data.agreements.filter { $0.eventId == e.id }.paged(request)
                    out["event \(e.id) \(request) \(lang)"] = EventPage(lang: lang, event: e, data: event(e.id, request), page: page).render(ctx)
                }
            }
        }
        return out
    }

    @Test func everyPageRendersTheSameFromItsSliceAsFromTheWholeDataset() async throws {
        let data = try NetworkRepositoryContractTests.dataset(seed: 21)
        let whole = Self.renders(data, slice: { _ in data }, event: { _, _ in data }, counts: data.agreementCounts)
        let sliced = Self.renders(data, slice: { data.slice($0) }, event: { data.eventSlice($0, page: $1).data }, counts: data.agreementCounts)
        let differing = whole.keys.filter { whole[$0] != sliced[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing)")
        #expect(whole.count > 40)
        // The slices are small: the projects page does not carry the generated organisations along.
        #expect(data.slice(PageReads.projects).organizations.count < data.organizations.count / 2)

        try await withMasterplan { app in
            let store = RecordStore(app.db)
            try await store.replace(with: data)
            var mismatched: [String] = []
            for reads in [PageReads.projects, PageReads.routes, PageReads.opleidingshuizen, PageReads.indicators, PageReads.timeline,
                          PageReads.projectOrganisation, PageReads.funding, PageReads.statements, PageReads.events] {
                if try await store.slice(reads) != data.slice(reads) { mismatched.append(reads.sorted().joined(separator: ",")) }
            }
            for e in data.events {
                for request in [Domain.PageRequest(page: 1, per: 25), Domain.PageRequest(page: 2, per: 5), Domain.PageRequest(page: 9, per: 200)] {
                    let (a, b) = (try await store.eventSlice(e.id, page: request), data.eventSlice(e.id, page: request))
                    if a.data != b.data || a.agreements != b.agreements { mismatched.append("event \(e.id) \(request)") }
                }
            }
            #expect(mismatched.isEmpty, "\(mismatched)")
            #expect(try await store.agreementCounts() == data.agreementCounts)
        }
    }
}

/// The dashboard's programme part is kept per data version and language: a change to the data shows at once.
@Suite struct DashboardCacheTests {
    @Test func aChangedBudgetShowsOnTheNextDashboard() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let budget = try #require(try await store.all(Funding.self).first { $0.kind == .budget })
            let before = try await get(app, "/").text
            #expect(before.contains(NumberFormat.euro(budget.amount, .nl)))
            var changed = budget
            changed.amount = 1_234_567
            _ = try await store.update(changed, expected: budget, actor: "test")
            let after = try await get(app, "/").text
            #expect(after.contains("€ 1.234.567") && !after.contains(NumberFormat.euro(budget.amount, .nl)))
            #expect(try await get(app, "/?lang=en", headers: ["Cookie": "lang=en"]).text.contains("€ 1,234,567"))
        }
    }
}

/// The public dashboard is kept whole per language, day and data version until any write transaction moves the write
/// generation (issue 13): a desk request, which does not touch the programme's data, shows on the next request, and
/// a signed-in person's page (which names them) is never what a visitor gets.
@Suite struct DashboardResponseCacheTests {
    static func received(_ html: String) -> Int? {
        html.firstMatch(of: /Verzoeken ontvangen<\/dt><dd>([0-9]+)</).flatMap { Int($0.1) }
    }

    @Test func theWholeDashboardFollowsEveryWrite() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = NetworkDeskTests.today
            let first = try await get(app, "/").text
            #expect(try await get(app, "/").text == first, "the same page again")
            let before = try #require(Self.received(first))
            let request = NetworkRequest(id: "verzoek-cache", schoolId: "mundus-college", type: .gastles, sectors: [], level: .vmboT, pupils: 20,
                                         windowStart: NetworkDeskTests.today, windowEnd: NetworkDeskTests.today, createdOn: NetworkDeskTests.today,
                                         respondBy: NetworkDeskTests.today)
            try await AuditedRecords(app.db).insert(request, actor: "test")
            #expect(Self.received(try await get(app, "/").text) == before + 1, "a desk write shows on the next request")
            var coordinator = try await signedIn(app, "cache@test.invalid", role: .beheerder)
            let mine = try await coordinator.get("/").text
            let visitor = try await get(app, "/").text
            #expect(mine.contains("Uitloggen") && !visitor.contains("Uitloggen"))
            // Another day is another page (the school year's "te laat" counts by today).
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2027, month: 3, day: 1)
            #expect(Self.received(try await get(app, "/").text) == before + 1)
        }
    }
}

/// The header's years are read for pages only: `/health` answers without the database, and a page whose version
/// cannot be read still renders (the failure is the page's own to report).
@Suite struct CoverageMiddlewareTests {
    @Test func healthAndPagesDoNotDependOnTheHeadersRead() async throws {
        try await withMasterplan { app in
            #expect(try await get(app, "/projecten").text.contains("2012–2014"), "the header names the years")
            let sql = app.db as! any SQLDatabase
            try await sql.raw("ALTER TABLE dataset_version RENAME TO dataset_version_gone").run()
            #expect(try await get(app, "/health").status == .ok)
            #expect(try await get(app, "/projecten").status == .ok)
            try await sql.raw("ALTER TABLE dataset_version_gone RENAME TO dataset_version").run()
        }
    }
}
