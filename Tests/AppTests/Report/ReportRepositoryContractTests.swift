import Domain
import Foundation
@testable import Persistence
import Reports
import Testing
import Vapor
@testable import Web

/// Issue 13: indicators & report behind one seam. The report built from `SQLReportRepository` (counts in SQL, only the
/// named rows read) equals the one built from `InMemoryReportRepository` (the whole dataset and every desk record), for
/// periods that cut through the programme's years, the desk's records near their edges and short agreement lists;
/// and the platform's own figures are the same number for number.
@Suite struct ReportRepositoryContractTests {
    static func day(_ text: String) -> PartialDate { PartialDate(text)! }

    @Test func reportsAndPlatformFiguresAgreeForEveryPeriod() async throws {
        try await withMasterplan { app in
            let data = try await RecordStore(app.db).dataset()
            let desk = SQLDeskRepository(app.db)
            let schools = data.organizations.filter { $0.kind.isEducation }.prefix(5).map { $0.id }
            let companies = data.organizations.filter { !$0.kind.isEducation }.prefix(5).map { $0.id }
            // Desk records on and around the periods' edges, in every status.
            let days = ["2013-12-31", "2014-01-01", "2014-06-30", "2014-07-01", "2014-12-31", "2015-01-01"].map(Self.day)
            var rng = NetworkRepositoryContractTests.Rng(state: 5)
            for i in 0..<40 {
                let created = rng.pick(days)
                let request = NetworkRequest(id: "rr-\(i)", schoolId: rng.pick(schools), type: rng.pick(ActivityType.allCases), sectors: [.bouw], level: .vmboBK,
                                             pupils: 10 + i, windowStart: created, windowEnd: created.adding(months: 2), status: rng.pick(RequestStatus.allCases),
                                             createdOn: created, respondBy: created.adding(months: 1))
                try await desk.insert(request, actor: "t")
                var agreement = ActivityAgreement(id: "ra-\(i)", requestId: request.id, schoolId: request.schoolId, companyId: rng.pick(companies), type: request.type,
                                                  status: rng.pick(AgreementStatus.allCases), level: .vmboBK, pupils: 20, date: rng.next(3) == 0 ? nil : rng.pick(days),
                                                  createdOn: created)
                if agreement.isDelivered { agreement.pupilsReached = rng.next(2) == 0 ? nil : 18 }
                if rng.next(4) == 0 { agreement.eventId = "md-\(i)" }
                try await desk.insert(agreement, actor: "t")
            }
            let sql = SQLReportRepository(app.db)
            let memory = InMemoryReportRepository(data, requests: try await desk.all(NetworkRequest.self), agreements: try await desk.all(ActivityAgreement.self))
            let periods = [("2012-01-01", "2014-12-31"), ("2014-01-01", "2014-12-31"), ("2014-01-01", "2014-06-30"), ("2014-07-01", "2015-06-30"),
                           ("2013-06-01", "2013-06-01"), ("2000-01-01", "2000-12-31"), ("2015-01-01", "2026-12-31")]
            var differing: [String] = []
            for (from, to) in periods {
                let period = try #require(ReportPeriod(from: Self.day(from), to: Self.day(to)))
                for limit in [ReportInput.defaultListLimit, 3] {
                    for lang in [Lang.nl, .en] {
                        let a = try await sql.input(period: period, today: Self.day("2014-10-01"), listLimit: limit)
                        let b = try await memory.input(period: period, today: Self.day("2014-10-01"), listLimit: limit)
                        if a.platform != b.platform { differing.append("\(from)–\(to): platform figures") }
                        if a.agreementCounts != b.agreementCounts || a.agreementsInPeriod != b.agreementsInPeriod || a.activeMembers != b.activeMembers {
                            differing.append("\(from)–\(to): counts")
                        }
                        let x = ReportMarkdown.render(ProgrammeReport.build(from: a, period: period, lang: lang))
                        let y = ReportMarkdown.render(ProgrammeReport.build(from: b, period: period, lang: lang))
                        if x != y { differing.append("\(from)–\(to) limit \(limit) \(lang): the reports differ") }
                    }
                }
            }
            #expect(differing.isEmpty, "\(differing)")
            // The figures mean something: the desk's records are counted in some period.
            let year = try #require(ReportPeriod(from: Self.day("2014-01-01"), to: Self.day("2014-12-31")))
            let figures = try await sql.platformFigures(period: year, today: Self.day("2014-10-01"))
            #expect(figures.current.requestsReceived > 0 && figures.previous.requestsReceived > 0)
        }
    }
}
