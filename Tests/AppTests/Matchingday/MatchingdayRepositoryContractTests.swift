import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
@testable import Web

/// Issue 13: the Matchingday behind one seam. The same commands given to `SQLMatchingdayRepository` (SQLite, and
/// PostgreSQL in `scripts/test`) and to `InMemoryMatchingdayRepository` give the same outcomes and leave the same days;
/// the script also states what each outcome and the day must be, so two implementations wrong alike still fail.
@Suite struct MatchingdayRepositoryContractTests {
    static let today = PartialDate(year: 2026, month: 12, day: 1)
    typealias Outcome = DeskRepositoryContractTests

    /// What both repositories hold of the events the test made, comparable.
    struct Snapshot: Equatable {
        var days: [MatchingdayDay?]
        var counts: [String]
        var agreements: [[ActivityAgreement]]
    }

    static func snapshot(_ repo: any MatchingdayRepository, events: [String]) async throws -> Snapshot {
        var days: [MatchingdayDay?] = [], agreements: [[ActivityAgreement]] = []
        for id in events { days.append(try await repo.day(id)); agreements.append(try await repo.agreements(of: id)) }
        let counts = try await repo.registeredCounts().filter { events.contains($0.key) }.map { "\($0.key): \($0.value.schools)/\($0.value.companies)" }.sorted()
        return Snapshot(days: days, counts: counts, agreements: agreements)
    }

    /// Both repositories over one SQL database with the embedded programme (and whatever example day it holds).
    static func both(_ app: Application) async throws -> (sql: SQLMatchingdayRepository, memory: InMemoryMatchingdayRepository, schools: [String], companies: [String]) {
        let data = try await RecordStore(app.db).dataset(only: [Organization.entity])
        let store = AuditedRecords(app.db)
        var state = InMemoryMatchingdayRepository.State()
        state.events = try await store.all(MatchingdayEvent.self)
        state.tables = try await store.all(MatchingdayTable.self)
        state.participants = try await store.all(MatchingdayParticipant.self)
        state.wishes = try await store.all(MatchingdayWish.self)
        state.meetings = try await store.all(MatchingdayMeeting.self)
        state.agreements = try await store.all(ActivityAgreement.self)
        return (SQLMatchingdayRepository(app.db), InMemoryMatchingdayRepository(state),
                data.organizations.filter { $0.kind.isEducation }.prefix(4).map { $0.id }, data.organizations.filter { !$0.kind.isEducation }.prefix(4).map { $0.id })
    }

    static let event = MatchingdayEvent(id: "c-dag", name: "Contractdag", date: PartialDate(year: 2027, month: 3, day: 10), registrationDeadline: PartialDate(year: 2027, month: 3, day: 1),
                                        rounds: 4, maxMeetings: 4, schoolPlaces: 2, companyPlaces: 1, createdOn: today)
    static let tables = (1...3).map { MatchingdayTable(id: "c-dag-tafel-\($0)", eventId: "c-dag", number: $0) }

    static func script(_ repo: any MatchingdayRepository, schools: [String], companies: [String]) async -> [(String, String)] {
        var log: [(String, String)] = []
        func step(_ name: String, _ body: () async throws -> Void) async { log.append((name, await Outcome.outcome(body))) }
        func expect(_ name: String, _ condition: Bool) { log.append((name, condition ? "ok" : "wrong")) }
        let (s0, s1, s2, c0, c1) = (schools[0], schools[1], schools[2], companies[0], companies[1])
        await step("create") { try await repo.create(Self.event, tables: Self.tables, actor: "t") }
        await step("create again") { try await repo.create(Self.event, tables: [], actor: "t") }
        var ids: [String: MatchingdayParticipant] = [:]
        for (org, side) in [(s0, ParticipantSide.school), (s1, .school), (s2, .school), (c0, .company), (c1, .company)] {
            await step("register \(org)") { ids[org] = try await repo.register(eventId: "c-dag", organizationId: org, side: side, today: Self.today, actor: "t", newId: "c-p-\(org)") }
        }
        expect("places, then the waiting list", ids.mapValues(\.status) == [s0: .registered, s1: .registered, s2: .waiting, c0: .registered, c1: .waiting])
        await step("register s0 again") {
            let again = try await repo.register(eventId: "c-dag", organizationId: s0, side: .school, today: Self.today, actor: "t", newId: "c-p-other")
            guard again.id == "c-p-\(s0)" else { throw DeskError.changedMeanwhile }
        }
        await step("register for no day") { _ = try await repo.register(eventId: "geen-dag", organizationId: s0, side: .school, today: Self.today, actor: "t", newId: "x") }
        await step("cancel s0") {
            let promoted = try await repo.cancel(ids[s0]!, actor: "t")
            guard promoted?.organizationId == s2, promoted?.status == .registered else { throw DeskError.requestNotOpen(requestId: "promoted \(String(describing: promoted))") }
        }
        await step("cancel s0 twice") { guard try await repo.cancel(ids[s0]!, actor: "t") == nil else { throw DeskError.changedMeanwhile } }
        await step("back: s0 waits at the end") {
            let back = try await repo.register(eventId: "c-dag", organizationId: s0, side: .school, today: PartialDate(year: 2026, month: 12, day: 2), actor: "t", newId: "c-p-new")
            guard back.id == "c-p-\(s0)", back.status == .waiting else { throw DeskError.requestNotOpen(requestId: "back \(back)") }
        }
        await step("cancel a waiting one: nobody moves") { guard try await repo.cancel(ids[c1]!, actor: "t") == nil else { throw DeskError.changedMeanwhile } }
        await step("stale participant edit") { var p = ids[s1]!; p.attendees = ["Jan"]; p.status = .cancelled; try await repo.update(p, expected: ids[s0]!, actor: "t") }
        await step("attendees") { var p = ids[s1]!; p.attendees = ["Jan", "Ans"]; try await repo.update(p, expected: ids[s1]!, actor: "t") }
        await step("attendees stale") { var p = ids[s1]!; p.attendees = ["Piet"]; try await repo.update(p, expected: ids[s1]!, actor: "t") }
        let wishes = [MatchingdayWish(id: "c-w1", eventId: "c-dag", fromId: s1, toId: c0, priority: .moet), MatchingdayWish(id: "c-w2", eventId: "c-dag", fromId: s1, toId: c1, priority: .graag)]
        await step("wishes") { try await repo.setWishes(eventId: "c-dag", fromId: s1, byOrganiser: false, wishes: wishes, actor: "t") }
        await step("wishes replaced") { try await repo.setWishes(eventId: "c-dag", fromId: s1, byOrganiser: false, wishes: [MatchingdayWish(id: "c-w3", eventId: "c-dag", fromId: s1, toId: c0, priority: .graag)], actor: "t") }
        await step("a wish twice") {
            try await repo.setWishes(eventId: "c-dag", fromId: s1, byOrganiser: false, wishes: [MatchingdayWish(id: "c-w4", eventId: "c-dag", fromId: s1, toId: c1, priority: .graag),
                                                                                              MatchingdayWish(id: "c-w5", eventId: "c-dag", fromId: s1, toId: c1, priority: .moet)], actor: "t")
        }
        await step("organiser's must") { try await repo.setWishes(eventId: "c-dag", fromId: s2, byOrganiser: true, wishes: [MatchingdayWish(id: "c-w6", eventId: "c-dag", fromId: s2, toId: c0, priority: .moet, byOrganiser: true)], actor: "t") }
        var retabled = Self.tables.prefix(2).map { $0 }
        retabled[0].seats = 8; retabled[1].sector = .bouw
        await step("tables: two kept, one removed") { try await repo.saveTables(retabled, previous: Self.tables, actor: "t") }
        await step("tables stale") { try await repo.saveTables([Self.tables[0]], previous: Self.tables, actor: "t") }
        await step("tables: one added") { try await repo.saveTables(retabled + [MatchingdayTable(id: "c-dag-tafel-9", eventId: "c-dag", number: 3, seats: 4)], previous: retabled, actor: "t") }
        let meetings = [MatchingdayMeeting(id: "c-g1", eventId: "c-dag", schoolId: s1, companyId: c0, round: 1, table: 1),
                        MatchingdayMeeting(id: "c-g2", eventId: "c-dag", schoolId: s2, companyId: c0, round: 3, table: 1)]
        var planned = Self.event; planned.status = .gepland; planned.objective = 7
        await step("schedule") { try await repo.saveSchedule(planned, expected: Self.event, meetings: meetings, actor: "t") }
        await step("schedule stale") { try await repo.saveSchedule(planned, expected: Self.event, meetings: [], actor: "t") }
        // Fewer rounds: the draft goes, the participants' last rounds are clamped.
        var shorter = planned; shorter.rounds = 2; shorter.status = .open; shorter.objective = nil
        if let day = try? await repo.day("c-dag") {
            await step("settings") { try await repo.saveSettings(shorter, expected: planned, clearSchedule: true, participants: MatchingdayRegistration.clamped(day.participants, rounds: 2), actor: "t") }
        }
        await step("settings stale") { try await repo.saveSettings(shorter, expected: planned, clearSchedule: true, participants: [], actor: "t") }
        if let day = try? await repo.day("c-dag") {
            expect("the day as stated", day.participants.map(\.status) == [.waiting, .registered, .registered, .registered, .cancelled]
                   && day.participants.map(\.lastRound) == [2, 2, 2, 2, 2] && day.participants[1].attendees == ["Jan", "Ans"]
                   && day.wishes.map(\.id) == ["c-w3", "c-w6"] && day.tables.map(\.seats) == [8, 6, 4] && day.tables.map(\.id) == ["c-dag-tafel-1", "c-dag-tafel-2", "c-dag-tafel-9"]
                   && day.meetings.isEmpty && day.event.rounds == 2)
        } else { expect("the day as stated", false) }
        return log
    }

    static let refusals: [String: String] = [
        "create again": "refused", "register for no day": "not found", "stale participant edit": DeskError.changedMeanwhile.description,
        "attendees stale": DeskError.changedMeanwhile.description, "a wish twice": "refused", "tables stale": DeskError.changedMeanwhile.description,
        "schedule stale": DeskError.changedMeanwhile.description, "settings stale": DeskError.changedMeanwhile.description,
    ]

    @Test func theScriptGivesTheSameOutcomesAndDaysInBoth() async throws {
        try await withMasterplan { app in
            // Two agreements of the day whose follow-up is due, and one asked already: claimed once, in both.
            let (_, _, schools0, companies0) = try await Self.both(app)
            for (i, sent) in [(1, false), (2, false), (3, true)] {
                var a = ActivityAgreement(id: "c-af-\(i)", schoolId: schools0[0], companyId: companies0[i % 2], type: .stage, status: .afgesproken, pupils: 2, createdOn: Self.today,
                                          eventId: "c-dag", followUpOn: PartialDate(year: 2026, month: 11, day: i))
                if sent { a.followUpSentOn = PartialDate(year: 2026, month: 11, day: 20) }
                try await SQLDeskRepository(app.db).insert(a, actor: "t")
            }
            let (sql, memory, schools, companies) = try await Self.both(app)
            let a = await Self.script(sql, schools: schools, companies: companies), b = await Self.script(memory, schools: schools, companies: companies)
            #expect(a.map(\.0) == b.map(\.0))
            for ((name, x), (_, y)) in zip(a, b) { #expect(x == y, "\(name): SQL \(x), memory \(y)") }
            for (name, result) in a { #expect(result == (Self.refusals[name] ?? "ok"), "\(name)") }
            let claimedSQL = try await sql.claimFollowUps(today: Self.today, eventId: "c-dag").map(\.id)
            let claimedMemory = try await memory.claimFollowUps(today: Self.today, eventId: "c-dag").map(\.id)
            #expect(claimedSQL == ["c-af-1", "c-af-2"] && claimedMemory == claimedSQL)
            let againSQL = try await sql.claimFollowUps(today: Self.today), againMemory = try await memory.claimFollowUps(today: Self.today)
            #expect(againSQL.isEmpty && againMemory.isEmpty, "asked once")
            let events = (try await sql.events()).map(\.id)
            let x = try await Self.snapshot(sql, events: events), y = try await Self.snapshot(memory, events: events)
            #expect(x == y)
            #expect(x.counts.contains("c-dag: 2/1"), "s1 and s2 (moved up); c0")
        }
    }

    /// Random registrations, cancellations and edits from stale and fresh copies on a small day: the same outcomes
    /// and the same day after every step, and never more registered than places.
    @Test(arguments: [UInt64(11), 12, 13])
    func randomRegistrationsAgree(seed: UInt64) async throws {
        try await withMasterplan { app in
            let (sql, memory, schools, companies) = try await Self.both(app)
            var rng = NetworkRepositoryContractTests.Rng(state: seed)
            let orgs = schools.map { ($0, ParticipantSide.school) } + companies.map { ($0, ParticipantSide.company) }
            var event = Self.event; event.id = "r-dag"; event.schoolPlaces = 2; event.companyPlaces = 2
            _ = await (Outcome.outcome { try await sql.create(event, tables: [], actor: "t") }, Outcome.outcome { try await memory.create(event, tables: [], actor: "t") })
            var seen: [MatchingdayParticipant] = []
            var disagreements: [String] = []
            for i in 0..<70 {
                let day = try await sql.day("r-dag")
                var a = "", b = ""
                switch rng.next(3) {
                case 0:
                    let (org, side) = rng.pick(orgs)
                    let on = PartialDate(year: 2026, month: 12, day: 1 + rng.next(3))
                    a = await Outcome.outcome { seen.append(try await sql.register(eventId: "r-dag", organizationId: org, side: side, today: on, actor: "t", newId: "r-\(i)")) }
                    b = await Outcome.outcome { _ = try await memory.register(eventId: "r-dag", organizationId: org, side: side, today: on, actor: "t", newId: "r-\(i)") }
                case 1:
                    guard let p = (rng.next(3) == 0 ? seen : day?.participants ?? []).randomElement(using: &rng) else { continue }
                    var x: MatchingdayParticipant?, y: MatchingdayParticipant?
                    a = await Outcome.outcome { x = try await sql.cancel(p, actor: "t") }
                    b = await Outcome.outcome { y = try await memory.cancel(p, actor: "t") }
                    if x != y { disagreements.append("step \(i): promoted \(String(describing: x?.id)) / \(String(describing: y?.id))") }
                default:
                    guard let p = (rng.next(2) == 0 ? seen : day?.participants ?? []).randomElement(using: &rng) else { continue }
                    var next = p
                    next.checkedIn.toggle(); next.attendees = ["deelnemer \(i)"]
                    seen.append(next)
                    a = await Outcome.outcome { try await sql.update(next, expected: p, actor: "t") }
                    b = await Outcome.outcome { try await memory.update(next, expected: p, actor: "t") }
                }
                if a != b { disagreements.append("step \(i): SQL \(a), memory \(b)") }
                let x = try await sql.day("r-dag"), y = try await memory.day("r-dag")
                if x != y { disagreements.append("step \(i): the days differ") }
                let registered = x?.participants.filter { $0.status == .registered } ?? []
                if registered.filter({ $0.side == .school }).count > 2 || registered.filter({ $0.side == .company }).count > 2 { disagreements.append("step \(i): over the places") }
            }
            #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
            let final = try #require(try await sql.day("r-dag"))
            #expect(final.participants.contains { $0.status == .waiting } || final.participants.contains { $0.status == .cancelled }, "the run reached the waiting list or cancellations")
        }
    }
}

extension NetworkRepositoryContractTests.Rng: RandomNumberGenerator {
    mutating func next() -> UInt64 { UInt64(next(Int(Int32.max))) << 32 | UInt64(next(Int(Int32.max))) }
}
