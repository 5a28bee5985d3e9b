import Domain
import Fluent
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
            #expect(try await AuditedRecords(app.db).all(Offer.self).map(\.organizationId) == ["infento"])
            res = try await p.coordinator.post("/aanbod/nieuw", [("organizationId", "college")] + NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .badRequest && res.text.contains("past bij meer organisaties") && res.text.contains("(mundus-college)"))
            #expect(res.text.contains(#"value="college""#), "the typed text stays in the field")
            res = try await p.coordinator.post("/aanbod/nieuw", [("organizationId", "bestaat-nergens")] + NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .badRequest && res.text.contains("Geen organisatie gevonden voor ‘bestaat-nergens’"))
            #expect(try await AuditedRecords(app.db).all(Offer.self).count == 1, "nothing written by a refused form")
            // A request names a school: a school's name is taken, a company refused.
            res = try await p.coordinator.post("/verzoeken/nieuw", [("schoolId", "Montessori College Oost")] + NetworkDeskTests.requestFields(), csrfFrom: "/verzoeken/nieuw")
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).all(NetworkRequest.self).map(\.schoolId) == ["montessori-college-oost"])
            res = try await p.coordinator.post("/verzoeken/nieuw", [("schoolId", "infento")] + NetworkDeskTests.requestFields(), csrfFrom: "/verzoeken/nieuw")
            #expect(res.status == .badRequest && res.text.contains("kan hier niet gekozen worden"))
            // The Matchingday's organiser registers by name too.
            let base = "/matchingdagen/matchingdag-basisonderwijs-2015"
            #expect(try await p.coordinator.get(base).text.contains("Typ de naam of het id"))
            #expect(try await p.coordinator.post(base + "/aanmelden", [("organizationId", "Mundus College")], csrfFrom: base).status == .seeOther)
            #expect(try await SQLMatchingdayRepository(app.db).day("matchingdag-basisonderwijs-2015")?.participants.contains { $0.organizationId == "mundus-college" } == true)
            #expect(try await p.coordinator.post(base + "/aanmelden", [("organizationId", "college")], csrfFrom: base).status == .badRequest)
        }
    }

    /// Made-up members beside the report's two: of every kind, joined before and during the school year, one ended,
    /// some with two memberships (listed once); desk agreements of every status, school plans, contact accounts.
    static func addMembersAndDeskActivity(_ app: Application) async throws {
        let store = RecordStore(app.db)
        let orgs = try await store.all(Organization.self)
        let starts = ["2012-01-01", "2012-10-01", "2013-05-01", "2011", "2014-02-01"]
        for (i, org) in orgs.enumerated() where i % 4 == 0 {
            try await store.add(Membership(id: "test-\(org.id)", organizationId: org.id, startDate: PartialDate(starts[i % starts.count]),
                                           endDate: i % 9 == 0 ? PartialDate("2013-01-31") : nil, evidence: "test", source: "test"), actor: "test")
            if i % 7 == 0 { try await store.add(Membership(id: "test2-\(org.id)", organizationId: org.id, startDate: PartialDate("2010"), evidence: "test", source: "test"), actor: "test") }
        }
        let companies = orgs.filter { $0.kind == .company }, schools = orgs.filter(\.kind.isEducation)
        let statuses = AgreementStatus.allCases, days = ["2012-11-05", "2013-03-14", "2013-05-20", "2012-03-01", "2011-06-01"]
        for i in 0..<24 {
            let a = ActivityAgreement(id: "afspraak-test-\(i)", schoolId: schools[i * 3 % schools.count].id, companyId: companies[i * 5 % companies.count].id,
                                      type: .gastles, status: statuses[i % statuses.count], pupils: 20, date: i % 5 == 4 ? nil : PartialDate(days[i % days.count]),
                                      createdOn: PartialDate(days[(i + 1) % days.count])!)
            try await AuditedRecords(app.db).insert(a, actor: "test")
        }
        for (i, school) in schools.prefix(12).enumerated() {
            let plan = SchoolPlan(id: "plan-test-\(i)", schoolId: school.id, schoolYear: i % 3 == 0 ? 2011 : 2012, goals: "g", activities: "a", levels: [], sectors: [],
                                  contact: "c", status: PlanStatus.allCases[i % PlanStatus.allCases.count], submittedOn: PartialDate("2012-10-01")!)
            try await AuditedRecords(app.db).insert(plan, actor: "test")
        }
        for org in orgs.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element).prefix(40) {
            try await makeAccount(app, "contact-\(org.id)@test.invalid", role: .contactpersoon, org: org.id)
        }
    }

    /// The compliance overview read a chunk of members at a time equals the Domain's over the whole dataset, for
    /// chunks smaller than the members.
    @Test func theComplianceOverviewByChunksEqualsTheWholeDatasets() async throws {
        try await withMasterplan { app in
            try await Self.addMembersAndDeskActivity(app)
            let whole = try await RecordStore(app.db).dataset()
            let desk = try await AuditedRecords(app.db).all(ActivityAgreement.self), plans = try await AuditedRecords(app.db).all(SchoolPlan.self)
            let settings = app.settings.desk
            var compared = 0
            for day in [PartialDate(year: 2013, month: 6, day: 1), PartialDate(year: 2026, month: 10, day: 1)] {
                let expected = Compliance.overview(organizations: whole.organizations, memberships: whole.memberships, agreements: desk, plans: plans,
                                                   settings: settings, today: day)
                compared += expected.count
                for size in [1, 3, 1_000] {
                    var rows: [ComplianceRow] = []
                    try await RecordStore(app.db).forEachMember(activeOn: day, size: size) { orgs, memberships in
                        let ids = Set(orgs.map(\.id))
                        rows += Compliance.overview(organizations: orgs, memberships: memberships, agreements: desk.filter { ids.contains($0.schoolId) || ids.contains($0.companyId) },
                                                    plans: plans.filter { ids.contains($0.schoolId) }, settings: settings, today: day)
                    }
                    #expect(rows == expected, "chunks of \(size) on \(day)")
                }
            }
            #expect(compared > 30, "members to compare")
        }
    }

    /// The compliance page's view (a page of rows, the counts from SQL corrected for the members with desk activity,
    /// the first inactive and unreachable members) equals what the Domain gives over the whole dataset, for every
    /// filter, two days and two pages; the page shows its counts.
    @Test func theCompliancePageFromSQLEqualsTheDomainsOverTheWholeDataset() async throws {
        try await withMasterplan { app in
            try await Self.addMembersAndDeskActivity(app)
            let whole = try await RecordStore(app.db).dataset()
            let desk = try await AuditedRecords(app.db).all(ActivityAgreement.self), plans = try await AuditedRecords(app.db).all(SchoolPlan.self)
            let reachable = Set(try await AccountModel.query(on: app.db).all().compactMap(\.organizationId))
            let settings = app.settings.desk
            let districts = [""] + Array(Set(whole.organizations.compactMap(\.district))).sorted().prefix(3)
            var behindSeen = 0
            for day in [PartialDate(year: 2013, month: 6, day: 1), PartialDate(year: 2012, month: 12, day: 1)] {
                let all = Compliance.overview(organizations: whole.organizations, memberships: whole.memberships, agreements: desk, plans: plans,
                                              settings: settings, today: day)
                for kind in ["", "company", "school", "other"] {
                    for district in districts {
                        let kinds = Compliance.kinds(filter: kind)
                        let kept = all.filter { (kinds?.contains($0.organization.kind) ?? true) && (district.isEmpty || $0.organization.district == district) }
                        let behind = kept.filter { $0.status == .behind }, unreachable = behind.filter { !reachable.contains($0.organization.id) }
                        let inactive = Compliance.inactive(kept, today: day)
                        behindSeen += behind.count
                        for page in [1, 2] {
                            var expected = DeskPages.ComplianceView(rows: kept.paged(PageRequest(page: page, per: 100)))
                            expected.behind = behind.count
                            expected.unreachable = Array(unreachable.prefix(50).map(\.organization.name)); expected.unreachableCount = unreachable.count
                            expected.inactive = Array(inactive.prefix(200)); expected.inactiveCount = inactive.count
                            let req = Request(application: app, on: app.eventLoopGroup.next())
                            let got = try await NetworkDeskRoutes.complianceView(req, kind: kind, district: district, day: day, page: page)
                            #expect(got == expected, "\(day), kind '\(kind)', district '\(district)', page \(page)")
                        }
                    }
                }
            }
            #expect(behindSeen > 20, "members behind to compare")
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2013, month: 6, day: 1)
            var coordinator = try await signedIn(app, "c@test.invalid", role: .beheerder)
            let page = try await coordinator.get("/naleving").text
            let members = Compliance.overview(organizations: whole.organizations, memberships: whole.memberships, agreements: desk, plans: plans,
                                              settings: settings, today: PartialDate(year: 2013, month: 6, day: 1))
            #expect(page.contains("(\(members.count) resultaten)"))
            for far in ["9223372036854775807", "-5", "0", "abc"] {
                #expect(try await coordinator.get("/naleving?page=" + far).status == .ok, "page \(far): no overflow, a page past the end is empty")
            }
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
