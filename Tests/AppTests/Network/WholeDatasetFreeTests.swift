import Domain
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Issue 13: the pages and API lists that read the large tables (organisations, memberships, agreements) read them by
/// key, by chunk or a page at a time, and answer what the whole dataset answers.
@Suite struct WholeDatasetFreeTests {
    /// A form names an organisation from a select when there are few, and by id or name when there are more than the
    /// limit (nationally 250,000): one match is taken, several are listed, none is said, and the wrong kind refused.
    @Test func aFormChoosesAnOrganisationFromASelectWhenFewAndByNameWhenMany() async throws {
        try await withMasterplan { app in
            var p = try await NetworkDeskTests().people(app)
            #expect(try await p.coordinator.get("/aanbod/nieuw").text.contains(#"<select name="organizationId""#))
            app.storage[OrganizationChoice.LimitKey.self] = 10
            let form = try await p.coordinator.get("/aanbod/nieuw").text
            #expect(!form.contains(#"<select name="organizationId""#) && form.contains(#"name="organizationId""#) && form.contains("Typ de naam of het id"))
            var res = try await p.coordinator.post("/aanbod/nieuw", [("organizationId", "Infento")] + NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .seeOther)
            #expect(try await DeskStore(app.db).all(Offer.self).map(\.organizationId) == ["infento"])
            res = try await p.coordinator.post("/aanbod/nieuw", [("organizationId", "college")] + NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .badRequest && res.text.contains("past bij meer organisaties") && res.text.contains("(mundus-college)"))
            #expect(res.text.contains(#"value="college""#), "the typed text stays in the field")
            res = try await p.coordinator.post("/aanbod/nieuw", [("organizationId", "bestaat-nergens")] + NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .badRequest && res.text.contains("Geen organisatie gevonden voor ‘bestaat-nergens’"))
            #expect(try await DeskStore(app.db).all(Offer.self).count == 1, "nothing written by a refused form")
            // A request names a school: a school's name is taken, a company refused.
            res = try await p.coordinator.post("/verzoeken/nieuw", [("schoolId", "Montessori College Oost")] + NetworkDeskTests.requestFields(), csrfFrom: "/verzoeken/nieuw")
            #expect(res.status == .seeOther)
            #expect(try await DeskStore(app.db).all(NetworkRequest.self).map(\.schoolId) == ["montessori-college-oost"])
            res = try await p.coordinator.post("/verzoeken/nieuw", [("schoolId", "infento")] + NetworkDeskTests.requestFields(), csrfFrom: "/verzoeken/nieuw")
            #expect(res.status == .badRequest && res.text.contains("kan hier niet gekozen worden"))
            // The Matchingday's organiser registers by name too.
            let base = "/matchingdagen/matchingdag-basisonderwijs-2015"
            #expect(try await p.coordinator.get(base).text.contains("Typ de naam of het id"))
            #expect(try await p.coordinator.post(base + "/aanmelden", [("organizationId", "Mundus College")], csrfFrom: base).status == .seeOther)
            #expect(try await MatchingdayStore(app.db).day("matchingdag-basisonderwijs-2015")?.participants.contains { $0.organizationId == "mundus-college" } == true)
            #expect(try await p.coordinator.post(base + "/aanmelden", [("organizationId", "college")], csrfFrom: base).status == .badRequest)
        }
    }

    /// The compliance overview read a chunk of members at a time equals the Domain's over the whole dataset, for
    /// chunks smaller than the members, and the page lists them a hundred at a time with counts over all.
    @Test func theComplianceOverviewByChunksEqualsTheWholeDatasets() async throws {
        try await withMasterplan { app in
            // Made-up members beside the report's two: of every kind, joined before and during the school year, one
            // ended, one with two memberships (listed once).
            let store = RecordStore(app.db)
            let orgs = try await store.all(Organization.self)
            let starts = ["2012-01-01", "2012-10-01", "2013-05-01", "2011", "2014-02-01"]
            for (i, org) in orgs.enumerated() where i % 4 == 0 {
                try await store.add(Membership(id: "test-\(org.id)", organizationId: org.id, startDate: PartialDate(starts[i % starts.count]),
                                               endDate: i % 9 == 0 ? PartialDate("2013-01-31") : nil, evidence: "test", source: "test"), actor: "test")
                if i % 7 == 0 { try await store.add(Membership(id: "test2-\(org.id)", organizationId: org.id, startDate: PartialDate("2010"), evidence: "test", source: "test"), actor: "test") }
            }
            let whole = try await store.dataset()
            let settings = app.settings.desk
            var compared = 0
            for day in [PartialDate(year: 2013, month: 6, day: 1), PartialDate(year: 2026, month: 10, day: 1)] {
                let expected = Compliance.overview(organizations: whole.organizations, memberships: whole.memberships, agreements: [],
                                                   settings: settings, today: day)
                compared += expected.count
                for size in [1, 3, 1_000] {
                    var rows: [ComplianceRow] = []
                    try await RecordStore(app.db).forEachMember(activeOn: day, size: size) { orgs, memberships in
                        rows += Compliance.overview(organizations: orgs, memberships: memberships, agreements: [], settings: settings, today: day)
                    }
                    #expect(rows == expected, "chunks of \(size) on \(day)")
                }
            }
            #expect(compared > 30, "members to compare")
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2013, month: 6, day: 1)
            var coordinator = try await signedIn(app, "c@test.invalid", role: .beheerder)
            let page = try await coordinator.get("/naleving").text
            let members = Compliance.overview(organizations: whole.organizations, memberships: whole.memberships, agreements: [],
                                              settings: settings, today: PartialDate(year: 2013, month: 6, day: 1))
            #expect(page.contains("(\(members.count) resultaten)"))
            #expect(page.contains("(\(members.filter { $0.status == .behind }.count))"), "the reminder button counts those behind")
        }
    }

    /// The API lists of the large tables page in SQL and answer what the whole dataset answers: memberships page by
    /// page, agreements of an organisation (as school or as one of the companies) and of an event, an event's page.
    @Test func theLargeListsPageInSQLAsTheWholeDatasetWould() async throws {
        try await withMasterplan { app in
            let whole = try await RecordStore(app.db).dataset()
            func ids(_ path: String) async throws -> (ids: [String], total: Int) {
                let json = try await get(app, path).json()
                let items = try #require(json["items"] as? [[String: Any]])
                return (items.compactMap { $0["id"] as? String }, try #require(json["total"] as? Int))
            }
            let per = 7
            for page in 1...((whole.memberships.count + per - 1) / per + 1) {
                let got = try await ids("/api/v1/memberships?page=\(page)&per=\(per)")
                #expect(got.ids == whole.memberships.map(\.id).paged(PageRequest(page: page, per: per)).items && got.total == whole.memberships.count)
            }
            let named = Set(whole.agreements.flatMap { [$0.schoolId] + $0.companyIds })
            #expect(named.count > 5)
            for org in named.sorted() + ["bestaat-niet", "%", "_"] {
                let got = try await ids("/api/v1/agreements?per=200&organization=" + (org.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? org))
                let expected = whole.agreements.filter { $0.schoolId == org || $0.companyIds.contains(org) }.map(\.id)
                #expect(got.ids == expected && got.total == expected.count, "\(org)")
            }
            for event in whole.events {
                let got = try await ids("/api/v1/agreements?per=200&event=\(event.id)")
                #expect(got.ids == whole.agreements.filter { $0.eventId == event.id }.map(\.id))
                let one = try await get(app, "/api/v1/events/\(event.id)").json()
                #expect((one["agreements"] as? [Any])?.count == got.total)
            }
            #expect(try await get(app, "/api/v1/events/bestaat-niet").status == .notFound)
        }
    }
}
