import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
@testable import Web

/// Issue 13: student transport behind one seam. `SQLTransportRepository` (SQLite, and PostgreSQL in `scripts/test`) and
/// `InMemoryTransportRepository` answer the same script the same way, and the script states what must happen: trips
/// added all or none, guarded edits of trips and vehicle types, legs replaced by place pair, the week's plan by revision
/// (a stale re-plan loses), the weeks latest first.
@Suite struct TransportRepositoryContractTests {
    typealias Outcome = DeskRepositoryContractTests
    static let far = (PartialDate(year: 1900, month: 1, day: 1), PartialDate(year: 2999, month: 12, day: 31))

    struct Snapshot: Equatable {
        var trips: [TransportTrip], vehicles: [TransportVehicleType], locations: [TransportLocation], legs: [TravelLeg]
        var weeks: [PartialDate], plans: [TransportPlanRecord?], settings: TransportSettings
    }

    static func snapshot(_ repo: any TransportRepository) async throws -> Snapshot {
        let weeks = try await repo.weeks(limit: 1000)
        var plans: [TransportPlanRecord?] = []
        for w in weeks + [PartialDate(year: 2031, month: 3, day: 3)] { plans.append(try await repo.plan(week: w)) }
        return Snapshot(trips: try await repo.trips(from: far.0, to: far.1), vehicles: try await repo.vehicles(), locations: try await repo.locations(),
                        legs: try await repo.legs(), weeks: weeks, plans: plans, settings: try await repo.settings())
    }

    static func memory(from sql: SQLTransportRepository) async throws -> InMemoryTransportRepository {
        var state = InMemoryTransportRepository.State()
        state.trips = try await sql.trips(from: far.0, to: far.1)
        state.vehicles = try await sql.vehicles()
        state.locations = try await sql.locations()
        state.legs = try await sql.legs()
        for w in try await sql.weeks(limit: 1000) { if let p = try await sql.plan(week: w) { state.plans.append(p) } }
        state.settings = try await sql.settings()
        return InMemoryTransportRepository(state)
    }

    static func script(_ repo: any TransportRepository, school: String, site: String) async -> [(String, String)] {
        var log: [(String, String)] = []
        func step(_ name: String, _ body: () async throws -> Void) async { log.append((name, await Outcome.outcome(body))) }
        func check(_ name: String, _ body: () async throws -> Bool) async {
            log.append((name, await Outcome.outcome { guard try await body() else { throw DeskError.changedMeanwhile } }))
        }
        let monday = PartialDate(year: 2031, month: 3, day: 3)
        func trip(_ id: String, day: Int, time: String, agreement: String? = nil) -> TransportTrip {
            TransportTrip(id: id, agreementId: agreement, schoolId: school, siteId: site, date: PartialDate(year: 2031, month: 3, day: day), startTime: time,
                          durationMinutes: 90, pupils: 24)
        }
        let t1 = trip("c-rit-1", day: 4, time: "10:00", agreement: "c-af-1"), t2 = trip("c-rit-2", day: 4, time: "09:00"), t3 = trip("c-rit-3", day: 11, time: "13:00")
        await step("two trips") { try await repo.add([t1, t2], actor: "t") }
        await step("one new and one taken: none") { try await repo.add([t3, t1], actor: "t") }
        await check("the week's trips by day and time") { try await repo.trips(from: monday, to: PartialDate(year: 2031, month: 3, day: 9)).map(\.id) == ["c-rit-2", "c-rit-1"] }
        await check("by agreement") { try await repo.trips(agreementIds: ["c-af-1", "c-af-9"]).map(\.id) == ["c-rit-1"] }
        await step("add the third alone") { try await repo.add([t3], actor: "t") }
        var moved = t1; moved.startTime = "11:00"
        await step("move a trip") { try await repo.update(moved, expected: t1, actor: "t") }
        await step("move it from the old version") { var again = t1; again.startTime = "12:00"; try await repo.update(again, expected: t1, actor: "t") }
        await step("edit a trip that is not there") { let ghost = trip("c-rit-x", day: 5, time: "10:00"); try await repo.update(ghost, expected: ghost, actor: "t") }
        await check("cancelling twice is refused by the rule") { moved.cancelled(reason: "ziek")?.cancelled(reason: nil) == nil }
        let bus = TransportVehicleType(id: "c-bus", name: "Bus", carrier: "Vervoerder", seats: 50, costPerDay: 40000, centsPerKm: 150, available: 2,
                                       depotName: "Depot", depotLatitude: 52.37, depotLongitude: 4.89)
        await step("a vehicle type") { try await repo.add(bus, actor: "t") }
        await step("the same id again") { try await repo.add(bus, actor: "t") }
        var bigger = bus; bigger.available = 3
        await step("more of them") { try await repo.update(bigger, expected: bus, actor: "t") }
        await step("from the old version") { var other = bus; other.seats = 20; try await repo.update(other, expected: bus, actor: "t") }
        await step("remove it") { try await repo.remove(bigger, actor: "t") }
        await check("gone") { try await repo.vehicle("c-bus") == nil }
        await step("legs") { try await repo.importLegs([TravelLeg(fromId: "a", toId: "b", minutes: 10, km: 4), TravelLeg(fromId: "b", toId: "c", minutes: 5, km: 2)], actor: "t") }
        await step("legs again, one replaced") { try await repo.importLegs([TravelLeg(fromId: "a", toId: "b", minutes: 12, km: 4.5)], actor: "t") }
        var settings = TransportSettings(); settings.busKmPerHour = 25
        await step("settings") { try await repo.save(settings, actor: "t") }
        let plan = TransportPlan(days: [])
        var published = plan; published.publishedOn = monday
        await step("a first plan cannot name a revision") { _ = try await repo.save(plan, week: monday, expectedRevision: 1, today: monday, actor: "t") }
        await step("the first plan") { _ = try await repo.save(plan, week: monday, expectedRevision: nil, today: monday, actor: "t") }
        await step("a second first plan") { _ = try await repo.save(plan, week: monday, expectedRevision: nil, today: monday, actor: "t") }
        await step("revision 2") { _ = try await repo.save(published, week: monday, expectedRevision: 1, today: monday, actor: "t") }
        await step("revision 2 again, from 1") { _ = try await repo.save(plan, week: monday, expectedRevision: 1, today: monday, actor: "t") }
        await check("the plan as saved") {
            let p = try await repo.plan(week: monday), decoded = try p.map(SQLTransportRepository.decode)
            return p?.revision == 2 && decoded?.publishedOn == monday
        }
        await check("weeks, latest first") { try await repo.weeks(limit: 2) == [PartialDate(year: 2031, month: 3, day: 10), monday] }
        return log
    }

    static let refusals: [String: String] = [
        "one new and one taken: none": "refused", "move it from the old version": DeskError.changedMeanwhile.description, "edit a trip that is not there": "not found",
        "the same id again": "refused", "from the old version": DeskError.changedMeanwhile.description,
        "a first plan cannot name a revision": DeskError.changedMeanwhile.description, "a second first plan": DeskError.changedMeanwhile.description,
        "revision 2 again, from 1": DeskError.changedMeanwhile.description,
    ]

    @Test func theScriptGivesTheSameAnswersInBoth() async throws {
        try await withMasterplan { app in
            let data = try await RecordStore(app.db).dataset(only: [Organization.entity])
            let school = try #require(data.organizations.first { $0.kind.isEducation }?.id), site = try #require(data.organizations.first { !$0.kind.isEducation }?.id)
            let sql = SQLTransportRepository(app.db)
            let memory = try await Self.memory(from: sql)
            #expect(try await Self.snapshot(sql) == (try await Self.snapshot(memory)), "the same start")
            let a = await Self.script(sql, school: school, site: site), b = await Self.script(memory, school: school, site: site)
            #expect(a.map(\.0) == b.map(\.0))
            for ((name, x), (_, y)) in zip(a, b) { #expect(x == y, "\(name): SQL \(x), memory \(y)") }
            for (name, result) in a { #expect(result == (Self.refusals[name] ?? "ok"), "\(name)") }
            let x = try await Self.snapshot(sql), y = try await Self.snapshot(memory)
            #expect(x == y)
            #expect(x.legs.first { $0.id == "a→b" }?.minutes == 12 && x.settings.busKmPerHour == 25)
        }
    }
}
