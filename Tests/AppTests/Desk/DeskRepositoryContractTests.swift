import Domain
import Vapor
import Foundation
@testable import Persistence
import Testing
@testable import Web

/// Issue 13: the desk behind one seam. The same commands, in the same order, given to `SQLDeskRepository` (SQLite, and
/// PostgreSQL in `scripts/test`) and to `InMemoryDeskRepository` give the same outcomes (done, or the same refusal) and
/// leave the same records; the scripted run also states what each outcome must be, so two implementations that are
/// wrong the same way still fail it.
@Suite struct DeskRepositoryContractTests {
    static let today = PartialDate(year: 2026, month: 12, day: 1)

    /// What a command's outcome is, comparable across the two implementations.
    static func outcome(_ body: () async throws -> Void) async -> String {
        do { try await body(); return "ok" }
        catch let error as DeskError { return "\(error)" }
        catch let error as AccountError { return "\(error)" }
        catch StoreError.notFound { return "not found" }
        catch { return "refused" }
    }

    /// Everything a repository holds that the desk's commands touch (memberships of the organisations used).
    struct Snapshot: Equatable {
        var offers: [Offer], requests: [NetworkRequest], agreements: [ActivityAgreement]
        var applications: [MembershipApplication], plans: [SchoolPlan], memberships: [Membership]
        var partners: [String: Set<String>], feeds: [String?], files: [[UInt8]?]
    }

    static func snapshot(_ repo: any DeskRepository, memberships: [Membership], organizations: [String]) async throws -> Snapshot {
        var partners: [String: Set<String>] = [:]
        for id in organizations { partners[id] = try await repo.partnersInProgress(of: id) }
        let plans = try await repo.all(SchoolPlan.self)
        var files: [[UInt8]?] = []
        for p in plans { files.append(try await repo.planFile(planId: p.id)) }
        var feeds: [String?] = []
        for hash in ["hash-a", "hash-b", "hash-c"] { feeds.append(try await repo.calendarFeedOrganization(tokenHash: hash)) }
        return Snapshot(offers: try await repo.all(Offer.self), requests: try await repo.all(NetworkRequest.self),
                        agreements: try await repo.all(ActivityAgreement.self), applications: try await repo.all(MembershipApplication.self),
                        plans: plans, memberships: memberships.filter { organizations.contains($0.organizationId) }.sorted { $0.id < $1.id },
                        partners: partners, feeds: feeds, files: files)
    }

    /// Both repositories over one SQL database holding the embedded programme; the in-memory one starts from the same rows.
    static func both(_ app: Application) async throws -> (sql: SQLDeskRepository, memory: InMemoryDeskRepository, schools: [String], companies: [String]) {
        let sql = SQLDeskRepository(app.db)
        let data = try await RecordStore(app.db).dataset()
        var records: [any DeskRecord] = []
        records += try await sql.all(Offer.self) as [any DeskRecord]
        records += try await sql.all(NetworkRequest.self) as [any DeskRecord]
        records += try await sql.all(ActivityAgreement.self) as [any DeskRecord]
        records += try await sql.all(MembershipApplication.self) as [any DeskRecord]
        records += try await sql.all(SchoolPlan.self) as [any DeskRecord]
        let schools = data.organizations.filter { $0.kind.isEducation }.prefix(4).map { $0.id }
        let companies = data.organizations.filter { !$0.kind.isEducation }.prefix(4).map { $0.id }
        return (sql, InMemoryDeskRepository(data, records: records), schools, companies)
    }

    static func request(_ id: String, school: String) -> NetworkRequest {
        NetworkRequest(id: id, schoolId: school, type: .gastles, sectors: [.bouw, .elektro], level: .vmboBK, pupils: 24,
                       windowStart: today, windowEnd: PartialDate(year: 2027, month: 3, day: 1), createdOn: today, respondBy: PartialDate(year: 2026, month: 12, day: 15))
    }

    static func offer(_ id: String, company: String, capacity: Int) -> Offer {
        Offer(id: id, organizationId: company, type: .gastles, title: "Gastles \(id)", sectors: [.elektro], levels: [.vmboBK], groupMax: 30,
              capacity: capacity, availableFrom: today, availableTo: PartialDate(year: 2027, month: 6, day: 30))
    }

    /// The scripted run: every command of the protocol, each refusal it names, and what each must give.
    static func script(_ repo: any DeskRepository, schools: [String], companies: [String], membershipsBefore: [Membership]) async -> [(String, String)] {
        var log: [(String, String)] = []
        func step(_ name: String, _ body: () async throws -> Void) async { log.append((name, await outcome(body))) }
        let (s0, s1, c0, c1) = (schools[0], schools[1], companies[0], companies[1])
        let r1 = request("c-r1", school: s0), r2 = request("c-r2", school: s1), r3 = request("c-r3", school: s0)
        let small = offer("c-o1", company: c0, capacity: 1), big = offer("c-o2", company: c1, capacity: 5)
        await step("insert r1") { try await repo.insert(r1, actor: "t") }
        await step("insert r2") { try await repo.insert(r2, actor: "t") }
        await step("insert r3") { try await repo.insert(r3, actor: "t") }
        await step("insert r1 again") { try await repo.insert(r1, actor: "t") }
        await step("insert small") { try await repo.insert(small, actor: "t") }
        await step("insert big") { try await repo.insert(big, actor: "t") }
        // The whole batch or nothing: the second pair finds the small offer full, so r1 stays open and nothing is booked.
        await step("batch over capacity") { _ = try await repo.propose([(r1, small), (r2, small)], today: today, actor: "t", newId: { "c-a-x" }) }
        await step("propose r1") { _ = try await repo.propose([(r1, small)], today: today, actor: "t", newId: { "c-a1" }) }
        await step("propose r1 twice") { _ = try await repo.propose([(r1, big)], today: today, actor: "t", newId: { "c-a2" }) }
        await step("propose r2 r3") {
            let ids = IdList(["c-a3", "c-a4"])
            _ = try await repo.propose([(r2, big), (r3, big)], today: today, actor: "t", newId: { ids.next() })
        }
        await step("stale request edit") { var edited = r2; edited.remarks = "later"; try await repo.update(edited, expected: r2, actor: "t") }
        await step("edit of a missing request") { let ghost = request("c-ghost", school: s0); try await repo.update(ghost, expected: ghost, actor: "t") }
        // Agreements: agree, plan, deliver (the request completes); cancel another (its place comes back, its request reopens).
        do {
            let a1 = try? await repo.find(ActivityAgreement.self, id: "c-a1")
            if var next = a1 { next.status = .afgesproken; let before = a1!; await step("agree a1") { try await repo.advance(next, expected: before, actor: "t") } }
            await step("stale advance a1") { var stale = a1!; stale.status = .geannuleerd; try await repo.advance(stale, expected: a1!, actor: "t") }
            if let agreed = try? await repo.find(ActivityAgreement.self, id: "c-a1") {
                var done = agreed; done.status = .uitgevoerd; done.pupilsReached = 22
                await step("deliver a1") { try await repo.advance(done, expected: agreed, actor: "t") }
            }
            if let a3 = try? await repo.find(ActivityAgreement.self, id: "c-a3") {
                var cancelled = a3; cancelled.status = .geannuleerd; cancelled.cancelReason = "ziek"
                await step("cancel a3") { try await repo.advance(cancelled, expected: a3, actor: "t") }
            }
        }
        // The cancellation reopened r2, so it can be proposed again.
        await step("propose r2 again") { _ = try await repo.propose([(r2, big)], today: today, actor: "t", newId: { "c-a5" }) }
        // Applications: approve one, decline one, end the approved one (its open offers are withdrawn).
        let app1 = MembershipApplication(id: "c-m1", organizationId: c1, motivation: "Wij willen graag gastlessen geven.", appliedOn: today)
        let app2 = MembershipApplication(id: "c-m2", organizationId: c0, motivation: "Wij willen graag excursies geven.", appliedOn: today)
        let unknown = MembershipApplication(id: "c-m3", organizationId: "bestaat-niet", motivation: "Wij bestaan niet maar willen toch.", appliedOn: today)
        await step("apply 1") { try await repo.insert(app1, actor: "t") }
        await step("apply 2") { try await repo.insert(app2, actor: "t") }
        await step("apply unknown") { try await repo.insert(unknown, actor: "t") }
        await step("approve 1") { _ = try await repo.approve(app1, today: today, actor: "t") }
        await step("approve 1 stale") { _ = try await repo.approve(app1, today: PartialDate(year: 2026, month: 12, day: 2), actor: "t") }
        await step("approve unknown organisation") { _ = try await repo.approve(unknown, today: today, actor: "t") }
        await step("decline 2") { try await repo.update(app2.declined(on: today, remarks: "Nog geen aanbod"), expected: app2, actor: "t") }
        let membership = app1.approvedMembership(on: today)
        let approved = app1.approved(on: today, membership: membership)
        await step("end with a stale membership") {
            var stale = membership; stale.evidence = "iets anders"
            try await repo.end(approved, membership: stale, reason: "gestopt", today: PartialDate(year: 2027, month: 1, day: 5), actor: "t")
        }
        await step("end 1") { try await repo.end(approved, membership: membership, reason: "gestopt", today: PartialDate(year: 2027, month: 1, day: 5), actor: "t") }
        // A school plan, resubmitted with a file; a feed replaced.
        let plan = SchoolPlan(id: "c-p1", schoolId: s0, schoolYear: 2026, goals: "Meer techniek in de onderbouw.", activities: "Gastlessen en excursies.",
                              levels: [.vmboBK], sectors: [.elektro], contact: "Decaan", submittedOn: today)
        await step("plan") { try await repo.submitPlan(plan, replacing: nil, pdf: nil, actor: "t") }
        var second = plan; second.goals = "Meer techniek in alle leerjaren."; second.pdfName = "plan.pdf"
        await step("plan again") { try await repo.submitPlan(second, replacing: plan, pdf: Array("%PDF-1.4 x".utf8), actor: "t") }
        await step("plan stale") { try await repo.submitPlan(plan, replacing: plan, pdf: Array("%PDF-1.4 y".utf8), actor: "t") }
        await step("feed a") { try await repo.setCalendarFeed(organizationId: s0, tokenHash: "hash-a") }
        await step("feed b") { try await repo.setCalendarFeed(organizationId: s0, tokenHash: "hash-b") }
        await step("feed c") { try await repo.setCalendarFeed(organizationId: s1, tokenHash: "hash-c") }
        // The page-shaped reads.
        await step("reads") {
            let mine = try await repo.applications(of: c1).map(\.id), plan = try await repo.plan(school: s0, year: 2026)?.goals
            let open = try await repo.openOffers(of: c0).map(\.id), none = try await repo.plan(school: s0, year: 2025)
            guard mine == ["c-m1"], plan == second.goals, open == ["c-o1"], none == nil else { throw DeskError.requestNotOpen(requestId: "reads \(mine) \(String(describing: plan)) \(open)") }
        }
        return log
    }

    static let expectedScript: [String: String] = [
        "insert r1 again": "refused", "batch over capacity": "offer c-o1 has no capacity left", "propose r1": "ok",
        "propose r1 twice": "request c-r1 is no longer open", "propose r2 r3": "ok",
        "stale request edit": DeskError.changedMeanwhile.description, "edit of a missing request": "not found",
        "agree a1": "ok", "stale advance a1": DeskError.changedMeanwhile.description, "deliver a1": "ok", "cancel a3": "ok",
        "approve 1": "ok", "approve 1 stale": DeskError.changedMeanwhile.description,
        "approve unknown organisation": "refused", "decline 2": "ok", "end with a stale membership": DeskError.changedMeanwhile.description,
        "end 1": "ok", "plan again": "ok", "plan stale": DeskError.changedMeanwhile.description, "reads": "ok",
    ]

    @Test func theScriptGivesTheSameOutcomesAndRecordsInBoth() async throws {
        try await withMasterplan { app in
            let (sql, memory, schools, companies) = try await Self.both(app)
            let before = try await RecordStore(app.db).all(Membership.self)
            let a = await Self.script(sql, schools: schools, companies: companies, membershipsBefore: before)
            let b = await Self.script(memory, schools: schools, companies: companies, membershipsBefore: before)
            #expect(a.map(\.0) == b.map(\.0))
            for ((name, x), (_, y)) in zip(a, b) { #expect(x == y, "\(name): SQL \(x), memory \(y)") }
            for (name, result) in a { #expect(result == (Self.expectedScript[name] ?? "ok"), "\(name)") }
            let orgs = schools + companies
            let sqlState = try await Self.snapshot(sql, memberships: try await RecordStore(app.db).all(Membership.self), organizations: orgs)
            let memoryState = try await Self.snapshot(memory, memberships: await memory.data.memberships, organizations: orgs)
            #expect(sqlState == memoryState)
            // What the script must have left, stated once (so both being wrong alike fails too).
            let offers = Dictionary(uniqueKeysWithValues: sqlState.offers.map { ($0.id, $0) })
            #expect(offers["c-o1"]?.booked == 1 && offers["c-o1"]?.active == true, "delivered: the place stays taken")
            #expect(offers["c-o2"]?.booked == 2 && offers["c-o2"]?.active == false, "a3 and a4 took two, a3's cancellation gave one back, r2's second proposal took it; ending c1 withdrew the offer")
            let requests = Dictionary(uniqueKeysWithValues: sqlState.requests.map { ($0.id, $0.status) })
            #expect(requests["c-r1"] == .afgerond && requests["c-r2"] == .gematcht && requests["c-r3"] == .gematcht, "r2 reopened by the cancellation and matched again")
            #expect(sqlState.applications.first { $0.id == "c-m1" }?.status == .beeindigd)
            #expect(sqlState.memberships.first { $0.id == "vriend-\(companies[1])-2026-12-01" }?.endDate == PartialDate(year: 2027, month: 1, day: 5))
            #expect(sqlState.feeds == [nil, schools[0], schools[1]], "a new feed secret replaces the old one")
            #expect(sqlState.partners[schools[1]] == [companies[1]], "r2's agreement with c1 is in progress")
        }
    }

    /// Random commands from a seeded generator, each given to both with the same arguments: outcomes and records agree
    /// after every step. Stale copies are kept and replayed, so refusals happen often.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomCommandsAgree(seed: UInt64) async throws {
        try await withMasterplan { app in
            let (sql, memory, schools, companies) = try await Self.both(app)
            var rng = NetworkRepositoryContractTests.Rng(state: seed)
            var requests: [NetworkRequest] = [], offers: [Offer] = [], seen: [ActivityAgreement] = []
            var disagreements: [String] = []
            var refusals = 0, done = 0
            for i in 0..<90 {
                let choice = rng.next(10)
                var a = "", b = ""
                switch choice {
                case 0, 1:
                    let r = Self.request("g\(seed)-r\(rng.next(12))", school: rng.pick(schools))
                    requests.append(r)
                    a = await Self.outcome { try await sql.insert(r, actor: "t") }; b = await Self.outcome { try await memory.insert(r, actor: "t") }
                case 2:
                    let o = Self.offer("g\(seed)-o\(rng.next(5))", company: rng.pick(companies), capacity: 1 + rng.next(3))
                    offers.append(o)
                    a = await Self.outcome { try await sql.insert(o, actor: "t") }; b = await Self.outcome { try await memory.insert(o, actor: "t") }
                case 3, 4, 5:
                    guard !requests.isEmpty, !offers.isEmpty else { continue }
                    let pairs = (0..<(1 + rng.next(2))).map { _ in (request: rng.pick(requests), offer: rng.pick(offers)) }
                    let ids = (0..<pairs.count).map { "g\(seed)-a\(i)-\($0)" }
                    let x = IdList(ids), y = IdList(ids)
                    a = await Self.outcome { _ = try await sql.propose(pairs, today: Self.today, actor: "t", newId: { x.next() }) }
                    b = await Self.outcome { _ = try await memory.propose(pairs, today: Self.today, actor: "t", newId: { y.next() }) }
                    if a == "ok" { seen += try await sql.all(ActivityAgreement.self).filter { ids.contains($0.id) } }
                case 6, 7, 8:
                    guard !seen.isEmpty else { continue }
                    // A step from a copy that may be stale: the stored one, or one seen earlier.
                    let stored = try await sql.all(ActivityAgreement.self).filter { $0.id.hasPrefix("g\(seed)") }
                    guard !stored.isEmpty else { continue }
                    let expected = rng.next(3) == 0 ? rng.pick(seen) : rng.pick(stored)
                    var next = expected
                    next.status = rng.pick(AgreementStatus.allCases)
                    if next.status == .uitgevoerd { next.pupilsReached = 20 }
                    seen.append(next)
                    a = await Self.outcome { try await sql.advance(next, expected: expected, actor: "t") }
                    b = await Self.outcome { try await memory.advance(next, expected: expected, actor: "t") }
                default:
                    guard !requests.isEmpty else { continue }
                    let expected = rng.pick(requests)
                    var edited = expected
                    edited.pupils += 1
                    requests.append(edited)
                    a = await Self.outcome { try await sql.update(edited, expected: expected, actor: "t") }
                    b = await Self.outcome { try await memory.update(edited, expected: expected, actor: "t") }
                }
                if a != b { disagreements.append("step \(i) (\(choice)): SQL \(a), memory \(b)") }
                if a == "ok" { done += 1 } else { refusals += 1 }
            }
            #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
            #expect(done > 20 && refusals > 10, "the run does things and is refused things (\(done) done, \(refusals) refused)")
            let orgs = schools + companies
            let x = try await Self.snapshot(sql, memberships: [], organizations: orgs), y = try await Self.snapshot(memory, memberships: [], organizations: orgs)
            #expect(x == y)
            #expect(x.offers.allSatisfy { $0.booked <= $0.capacity && $0.booked >= 0 })
        }
    }
}

/// Hands out given ids in order (a proposal asks for one per agreement).
final class IdList: @unchecked Sendable {
    private var ids: [String]
    private let lock = NSLock()
    init(_ ids: [String]) { self.ids = ids }
    func next() -> String { lock.withLock { ids.isEmpty ? "extra-\(UUID().uuidString)" : ids.removeFirst() } }
}
