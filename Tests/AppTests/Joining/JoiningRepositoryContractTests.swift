import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
@testable import Web

/// Issue 13: joining behind one seam. `SQLJoiningRepository` (SQLite, and PostgreSQL in `scripts/test`) and
/// `InMemoryJoiningRepository` answer the same script the same way, and the script states what must happen: an approval
/// makes the organisation (its id after the ones taken), its membership, the membership application and the contact's
/// account, or nothing; a second coordinator's decision is refused; a contact address with an account is refused.
@Suite struct JoiningRepositoryContractTests {
    typealias Outcome = DeskRepositoryContractTests
    static let today = PartialDate(year: 2026, month: 12, day: 1)

    static func application(_ id: String, name: String, email: String) -> JoinApplication {
        JoinApplication(id: id, name: name, kind: .company, registrationNumber: "1234567\(id.count)", address: "Straat 1", postcode: "1011 AB", city: "Amsterdam",
                        sectors: [.bouw], levels: [], contactName: "Contact " + name, contactEmail: email, motivation: "Wij willen leerlingen laten zien wat bouwen is.",
                        language: .nl, appliedOn: today)
    }

    struct Snapshot: Equatable {
        var applications: [JoinApplication], organizations: [Organization], memberships: [Membership], membershipApplications: [MembershipApplication]
        var accounts: [String]
    }

    static func script(_ repo: any JoiningRepository, taken: String) async -> (log: [(String, String)], made: [String]) {
        var log: [(String, String)] = []
        var made: [String] = []
        func step(_ name: String, _ body: () async throws -> Void) async {
            do { try await body(); log.append((name, "ok")) }
            catch let e as JoinError { log.append((name, "\(e)")) }
            catch { log.append((name, await Outcome.outcome { throw error })) }
        }
        let a = application("c-j1", name: "Bouwbedrijf Van 't Hoog", email: "jan@vanthoog.example")
        let b = application("c-j2", name: "Bouwbedrijf Van 't Hoog", email: "piet@vanthoog.example")
        let c = application("c-j3", name: "Elektro Zuid", email: taken)
        let d = application("c-j4", name: "Metaal Noord", email: "kim@metaal.example")
        for x in [a, b, c, d] { await step("submit \(x.id)") { try await repo.submit(x, actor: "publiek") } }
        await step("submit c-j1 again") { try await repo.submit(a, actor: "publiek") }
        func approval(_ x: JoinApplication, n: Int) async throws -> Joining.Approval {
            let taken = try await repo.organizationIds(startingWith: Joining.idBase(of: x))
            return Joining.approve(x, takenIds: taken, districts: .amsterdam, today: today, membershipApplicationId: "c-ma-\(n)")
        }
        await step("approve c-j1") { let ap = try await approval(a, n: 1); made.append(ap.organization.id); _ = try await repo.approve(ap, expected: a, actor: "t", accountId: "A1") }
        await step("approve c-j1 again") { _ = try await repo.approve(try await approval(a, n: 9), expected: a, actor: "t", accountId: "A9") }
        await step("approve c-j2: the same name, the next id") {
            let ap = try await approval(b, n: 2); made.append(ap.organization.id); _ = try await repo.approve(ap, expected: b, actor: "t", accountId: "A2")
        }
        await step("approve c-j3: its address has an account") { _ = try await repo.approve(try await approval(c, n: 3), expected: c, actor: "t", accountId: "A3") }
        let declined = Joining.decline(d, remarks: "Geen techniek", today: today)
        await step("decline c-j4") { try await repo.decline(declined, expected: d, actor: "t") }
        await step("decline c-j4 again") { try await repo.decline(Joining.decline(d, remarks: "Nog eens", today: today), expected: d, actor: "t") }
        await step("approve the declined c-j4") { _ = try await repo.approve(try await approval(declined, n: 4), expected: d, actor: "t", accountId: "A4") }
        return (log, made)
    }

    static let expected: [String: String] = [
        "submit c-j1 again": "refused", "approve c-j1 again": "\(JoinError.emailTaken("jan@vanthoog.example"))",
        "approve c-j3: its address has an account": "\(JoinError.emailTaken("taken@school.example"))",
        "decline c-j4 again": DeskError.changedMeanwhile.description, "approve the declined c-j4": DeskError.changedMeanwhile.description,
    ]

    @Test func theScriptGivesTheSameAnswersInBoth() async throws {
        try await withMasterplan { app in
            let accounts = SQLAccountRepository(app.db)
            try await accounts.create(Account(id: UUID().uuidString, email: "taken@school.example", name: "Bezet", role: .analist), actor: "t")
            var state = InMemoryJoiningRepository.State()
            state.data = try await RecordStore(app.db).dataset()
            state.applications = try await SQLJoiningRepository(app.db).applications(status: nil).reversed()
            state.membershipApplications = try await SQLDeskRepository(app.db).all(MembershipApplication.self)
            state.accounts = try await accounts.accounts()
            let sql = SQLJoiningRepository(app.db), memory = InMemoryJoiningRepository(state)
            let (a, madeA) = await Self.script(sql, taken: "taken@school.example"), (b, madeB) = await Self.script(memory, taken: "taken@school.example")
            #expect(a.map(\.0) == b.map(\.0))
            for ((name, x), (_, y)) in zip(a, b) { #expect(x == y, "\(name): SQL \(x), memory \(y)") }
            for (name, result) in a { #expect(result == (Self.expected[name] ?? "ok"), "\(name)") }
            #expect(madeA == madeB && madeA == ["bouwbedrijf-van-t-hoog", "bouwbedrijf-van-t-hoog-2"])
            // What both hold now.
            let data = try await RecordStore(app.db).dataset()
            let inMemory = await memory.state
            func snapshot(_ apps: [JoinApplication], _ d: Dataset, _ mas: [MembershipApplication], _ emails: [String]) -> Snapshot {
                Snapshot(applications: apps, organizations: d.organizations.filter { madeA.contains($0.id) }, memberships: d.memberships.filter { madeA.contains($0.organizationId) },
                         membershipApplications: mas.filter { $0.id.hasPrefix("c-ma-") }, accounts: emails.filter { $0.contains("vanthoog") || $0.contains("metaal") }.sorted())
            }
            let x = snapshot(try await sql.applications(status: nil), data, try await SQLDeskRepository(app.db).all(MembershipApplication.self),
                             try await accounts.accounts().map(\.email))
            let y = snapshot(try await memory.applications(status: nil), inMemory.data, inMemory.membershipApplications, inMemory.accounts.map(\.email))
            #expect(x == y)
            #expect(x.accounts == ["jan@vanthoog.example", "piet@vanthoog.example"] && x.memberships.count == 2 && x.membershipApplications.count == 2)
            #expect(try await sql.applications(status: .aangevraagd).map(\.id) == ["c-j3"])
        }
    }
}
