import Domain
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Issue 15, part 3: the report for any period counts the year's own work from the platform's records, beside the
/// previous comparable period; checked on a generated two years against counts made independently here.
@Suite struct ReportPlatformTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct LCG { var state: UInt64; mutating func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) } }

    @Test func theReportCountsAGeneratedYearAsCountedByHand() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2027, month: 9, day: 1)
            let schools = ["bredero-beroepscollege", "open-schoolgemeenschap-bijlmer", "ijburg-college-2", "montessori-college-oost", "mundus-college"]
            let data = try await RecordStore(app.db).dataset()
            let district = Dictionary(uniqueKeysWithValues: schools.map { id in (id, data.organization(id)?.district) })
            var rng = LCG(state: 2027)
            // Days from 1 August 2025 to 31 July 2027: the previous and the reported school year.
            func day() -> PartialDate { Matching.day(PartialDate(year: 2025, month: 8, day: 1), plus: rng.next(730)) }
            var requests: [NetworkRequest] = [], agreements: [ActivityAgreement] = []
            for i in 0..<80 {
                let created = day()
                requests.append(NetworkRequest(id: "r\(i)", schoolId: schools[rng.next(schools.count)], type: .gastles, sectors: [], level: .havo, pupils: 20,
                                               windowStart: created, windowEnd: created, status: RequestStatus.allCases[rng.next(RequestStatus.allCases.count)],
                                               createdOn: created, respondBy: Matching.day(created, plus: 14)))
                var a = ActivityAgreement(id: "a\(i)", schoolId: schools[rng.next(schools.count)], companyId: "alliander",
                                          type: [ActivityType.gastles, .excursie, .stage][rng.next(3)],
                                          status: AgreementStatus.allCases[rng.next(AgreementStatus.allCases.count)],
                                          level: [EducationLevel.vmboT, .havo, nil][rng.next(3)], pupils: 10 + rng.next(20), createdOn: day())
                if rng.next(3) > 0 { a.date = day() }
                if rng.next(2) == 0 { a.pupilsReached = rng.next(30) }
                if rng.next(4) == 0 { a.eventId = "matchingdag-x" }
                agreements.append(a)
            }
            // Read (and kept) before the desk's records exist: the writes below must show on the next read.
            let before = try await get(app, "/rapportage/download?format=md&from=2026-08-01&to=2027-07-31").text
            let store = AuditedRecords(app.db)
            for r in requests { try await store.insert(r, actor: "test") }
            for a in agreements { try await store.insert(a, actor: "test") }

            // By hand.
            let current = ReportPeriod(from: PartialDate(year: 2026, month: 8, day: 1), to: PartialDate(year: 2027, month: 7, day: 31))!
            let previous = ReportPeriod(from: PartialDate(year: 2025, month: 8, day: 1), to: PartialDate(year: 2026, month: 7, day: 31))!
            func counts(_ p: ReportPeriod) -> [String: Int] {
                let received = requests.filter { p.contains($0.createdOn) }
                let counted = agreements.filter { $0.status != .geannuleerd && p.contains($0.date ?? $0.createdOn) }
                let done = counted.filter { $0.status == .uitgevoerd || $0.status == .geevalueerd }
                return ["Verzoeken ontvangen": received.count,
                        "Verzoeken beantwoord": received.filter { $0.status != .nieuw && $0.status != .inBehandeling }.count,
                        "Activiteiten gepland": counted.filter { [.voorgesteld, .afgesproken, .gepland].contains($0.status) }.count,
                        "Activiteiten uitgevoerd": done.count,
                        "Leerlingen bereikt": done.reduce(0) { $0 + ($1.pupilsReached ?? $1.pupils) },
                        "Scholen bereikt": Set(done.map(\.schoolId)).count,
                        "Afspraken op Matchingdays": counted.filter { $0.eventId != nil }.count]
            }
            let expectedNow = counts(current), expectedBefore = counts(previous)

            let md = try await get(app, "/rapportage/download?format=md&from=2026-08-01&to=2027-07-31")
            #expect(md.status == .ok)
            let text = md.text
            #expect(text != before, "the report kept before the writes is not served after them")
            #expect(text.contains("Het jaar in het platform (eigen registratie)") && text.contains("1 augustus 2025 – 31 juli 2026"))
            func cells(_ label: String) -> [Int] {
                guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("| " + label + " |") || $0.hasPrefix("| **" + label + "** |") }) else { return [] }
                return line.split(separator: "|").dropFirst().prefix(2).compactMap { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")) }
            }
            for (label, value) in expectedNow {
                #expect(cells(label) == [expectedBefore[label]!, value], "\(label): \(cells(label)) vs \([expectedBefore[label]!, value])")
            }
            // Reach by district, from the schools' districts.
            let done = agreements.filter { ($0.status == .uitgevoerd || $0.status == .geevalueerd) && current.contains($0.date ?? $0.createdOn) }
            for (name, group) in Dictionary(grouping: done, by: { district[$0.schoolId].flatMap { $0 } ?? "Onbekend" }) {
                let line = text.split(separator: "\n").first { $0.hasPrefix("| " + name + " |") }
                let numbers = line.map { $0.split(separator: "|").dropFirst().prefix(2).compactMap { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")) } }
                #expect(numbers == [group.count, group.reduce(0) { $0 + ($1.pupilsReached ?? $1.pupils) }], "\(name)")
            }
            // The report's own 2012–2014 figures stay as reported: no platform section there.
            let reported = try await get(app, "/rapportage/download?format=md&from=2012-01-01&to=2014-12-31").text
            #expect(!reported.contains("eigen registratie"))
        }
    }

    /// Issue 13: the Vrienden are counted in SQL on the days the figures need, not read whole. The count must be the
    /// Domain's `Membership.vrienden` on every day, with partial dates (a year, a month) at the edges, an organisation
    /// with two memberships, ended ones and ones known only by the day the report attests them.
    @Test func vriendenCountedInSQLEqualTheDomainsCount() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let extra = [
                Membership(id: "m-maand", organizationId: "infento", startDate: PartialDate(year: 2015, month: 3), endDate: PartialDate(year: 2015, month: 9), evidence: "t", source: "t"),
                Membership(id: "m-tweede", organizationId: "infento", startDate: PartialDate(year: 2015, month: 6, day: 15), evidence: "t", source: "t"),
                Membership(id: "m-jaar", organizationId: "otib", startDate: PartialDate(year: 2016), endDate: PartialDate(year: 2016), evidence: "t", source: "t"),
                Membership(id: "m-attest", organizationId: "vhto", attestedOn: PartialDate(year: 2015, month: 5, day: 1), evidence: "t", source: "t"),
            ]
            for m in extra { try await store.add(m, actor: "test") }
            let all = try await store.all(Membership.self)
            var days: [PartialDate] = []
            for year in 2011...2017 {
                for month in [1, 2, 3, 5, 6, 9, 12] {
                    days.append(PartialDate(year: year, month: month, day: 1))
                    days.append(PartialDate(year: year, month: month, day: month == 2 ? 28 : 30))
                }
                days.append(PartialDate(year: year, month: 6, day: 14)); days.append(PartialDate(year: year, month: 6, day: 15))
            }
            var differing: [String] = []
            for day in days {
                let sql = try await store.activeMemberships(on: day, distinctOrganizations: true)
                if sql != Membership.vrienden(all, on: day) { differing.append("\(day): SQL \(sql), Domain \(Membership.vrienden(all, on: day))") }
                let rows = try await store.activeMemberships(on: day, distinctOrganizations: false)
                if rows != all.filter({ $0.isActive(on: day) }).count { differing.append("\(day): rows \(rows)") }
            }
            #expect(differing.isEmpty, "\(differing)")
            #expect(Set(days.map { Membership.vrienden(all, on: $0) }).count > 3, "the days see different numbers")
        }
    }
}
