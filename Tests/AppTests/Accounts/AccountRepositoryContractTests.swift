import Domain
import Foundation
@testable import Persistence
import Testing
import Vapor
@testable import Web

/// Issue 13: accounts behind one seam. `SQLAccountRepository` (SQLite, and PostgreSQL in `scripts/test`) and
/// `InMemoryAccountRepository` answer the same script the same way, and the script states what each answer must be:
/// an address is taken once (in any case), an erased account neither logs in nor is reached, a password link works
/// once and not after it ran out, a revoked token or one of an erased account never authenticates, another's token is
/// not found.
@Suite struct AccountRepositoryContractTests {
    typealias Outcome = DeskRepositoryContractTests

    /// What a repository holds, without the moments it chose itself (creation and last use), which differ by the clock.
    struct Snapshot: Equatable {
        var accounts: [Account]
        var tokens: [[String]]
    }

    static func snapshot(_ repo: any AccountRepository) async throws -> Snapshot {
        let accounts = try await repo.accounts()
        var tokens: [[String]] = []
        for a in accounts {
            tokens.append(try await repo.tokens(of: a.id).map { "\($0.id) \($0.name) \($0.scope) \($0.prefix) used:\($0.lastUsedAt != nil) revoked:\($0.revokedAt != nil)" })
        }
        return Snapshot(accounts: accounts, tokens: tokens)
    }

    static func script(_ repo: any AccountRepository, ids: [String]) async -> [(String, String)] {
        var log: [(String, String)] = []
        func step(_ name: String, _ body: () async throws -> Void) async { log.append((name, await Outcome.outcome(body))) }
        func check(_ name: String, _ body: () async throws -> Bool) async {
            log.append((name, await Outcome.outcome { guard try await body() else { throw AccountError.resetInvalid } }))
        }
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let zed = Account(id: ids[0], email: "Zed@Example.org", name: "Zed Coördinator", role: .beheerder)
        let anna = Account(id: ids[1], email: "anna@school.example", name: "Anna", role: .contactpersoon, organizationId: "c-school")
        let bob = Account(id: ids[2], email: "bob@school.example", name: "Bob", role: .contactpersoon, organizationId: "c-school")
        let gone = Account(id: ids[3], email: "gone@bedrijf.example", name: "Weg", role: .contactpersoon, organizationId: "c-bedrijf", erasedAt: now)
        for a in [zed, anna, bob, gone] { await step("create \(a.name)") { try await repo.create(a, actor: "t") } }
        await step("the same address in capitals") { try await repo.create(Account(id: ids[4], email: "ZED@EXAMPLE.ORG", name: "Twee", role: .analist), actor: "t") }
        await check("by id, erased too") { let erased = try await repo.account(id: ids[3]), unknown = try await repo.account(id: "onbekend"); return erased?.name == "Weg" && unknown == nil }
        await check("active by address in any case") {
            let zed = try await repo.activeAccount(email: "ZED@example.org"), gone = try await repo.activeAccount(email: "gone@bedrijf.example")
            return zed?.id == ids[0] && gone == nil
        }
        await check("contacts by name, not erased") {
            let school = try await repo.contacts(of: "c-school"), company = try await repo.contacts(of: "c-bedrijf")
            return school.map(\.id) == [ids[1], ids[2]] && company.isEmpty
        }
        await check("coordinators") { try await repo.coordinators().map(\.id).contains(ids[0]) }
        await check("organisations with contacts") { let o = try await repo.organizationsWithContacts(); return o.contains("c-school") && !o.contains("c-bedrijf") }
        await check("names") { try await repo.names(of: [ids[1], "cli", "onbekend"]) == [ids[1]: "Anna"] }
        await step("language") { try await repo.setLanguage(.en, of: ids[1]) }
        await step("notify mode") { try await repo.setNotifyMode(.daily, of: ids[2]) }
        // Password links.
        await step("link for Anna") { try await repo.issueReset(for: ids[1], tokenHash: "h-anna", expiresAt: now.addingTimeInterval(3600)) }
        await step("link for Bob, run out") { try await repo.issueReset(for: ids[2], tokenHash: "h-bob", expiresAt: now.addingTimeInterval(-1)) }
        await step("link for the erased") { try await repo.issueReset(for: ids[3], tokenHash: "h-gone", expiresAt: now.addingTimeInterval(3600)) }
        await step("link for nobody") { try await repo.issueReset(for: UUID().uuidString, tokenHash: "h-x", expiresAt: now.addingTimeInterval(3600)) }
        await check("Anna's link is Anna's") { try await repo.resetAccount(tokenHash: "h-anna", now: now)?.id == ids[1] }
        await check("run-out and erased links are nobody's") {
            let bob = try await repo.resetAccount(tokenHash: "h-bob", now: now), gone = try await repo.resetAccount(tokenHash: "h-gone", now: now)
            return bob == nil && gone == nil
        }
        await step("use Anna's link") { try await repo.completeReset(tokenHash: "h-anna", passwordHash: "hash-anna", now: now) }
        await step("use it again") { try await repo.completeReset(tokenHash: "h-anna", passwordHash: "hash-mallory", now: now) }
        await step("use the run-out one") { try await repo.completeReset(tokenHash: "h-bob", passwordHash: "hash-mallory", now: now) }
        await step("use the erased one's") { try await repo.completeReset(tokenHash: "h-gone", passwordHash: "hash-mallory", now: now) }
        await check("Anna's password is hers") { let anna = try await repo.account(id: ids[1]), bob = try await repo.account(id: ids[2]); return anna?.passwordHash == "hash-anna" && bob?.passwordHash == nil }
        // API tokens.
        let t1 = APIToken(id: ids[5], accountId: ids[1], name: "lezen", scope: .read, prefix: "mp_aaaa")
        let t2 = APIToken(id: ids[6], accountId: ids[1], name: "schrijven", scope: .write, prefix: "mp_bbbb")
        let t3 = APIToken(id: ids[7], accountId: ids[3], name: "van een gewiste", scope: .write, prefix: "mp_cccc")
        for (t, hash) in [(t1, "th1"), (t2, "th2"), (t3, "th3")] { await step("token \(t.name)") { try await repo.createToken(t, tokenHash: hash, actor: "t") } }
        await step("token of nobody") { try await repo.createToken(APIToken(id: ids[8], accountId: UUID().uuidString, name: "x", scope: .read, prefix: "mp_x"), tokenHash: "thx", actor: "t") }
        await check("Anna's tokens, oldest first") { try await repo.tokens(of: ids[1]).map(\.name) == ["lezen", "schrijven"] }
        await check("Bob cannot revoke Anna's") { try await repo.revokeToken(ids[5], owner: ids[2], at: now, actor: "t") == false }
        await check("Anna revokes hers") { try await repo.revokeToken(ids[5], owner: ids[1], at: now, actor: "t") }
        await check("twice is fine") { try await repo.revokeToken(ids[5], owner: ids[1], at: now, actor: "t") }
        await check("a revoked token is unknown") { try await repo.authenticate(tokenHash: "th1", at: now) == nil }
        await check("the write token is Anna's") {
            guard let (token, account) = try await repo.authenticate(tokenHash: "th2", at: now) else { return false }
            return token.id == ids[6] && token.scope == .write && token.lastUsedAt != nil && account.id == ids[1]
        }
        await check("an erased account's token is unknown") { try await repo.authenticate(tokenHash: "th3", at: now) == nil }
        await check("an unknown hash is unknown") { try await repo.authenticate(tokenHash: "th-nothing", at: now) == nil }
        return log
    }

    static let refusals: [String: String] = [
        "the same address in capitals": AccountError.emailTaken("zed@example.org").description, "link for nobody": "not found",
        "use it again": AccountError.resetInvalid.description, "use the run-out one": AccountError.resetInvalid.description,
        "use the erased one's": AccountError.resetInvalid.description, "token of nobody": "not found",
    ]

    @Test func theScriptGivesTheSameAnswersInBoth() async throws {
        try await withMasterplan { app in
            let sql = SQLAccountRepository(app.db)
            let memory = InMemoryAccountRepository(try await sql.accounts())
            let ids = (0..<9).map { _ in UUID().uuidString }
            let a = await Self.script(sql, ids: ids), b = await Self.script(memory, ids: ids)
            #expect(a.map(\.0) == b.map(\.0))
            for ((name, x), (_, y)) in zip(a, b) { #expect(x == y, "\(name): SQL \(x), memory \(y)") }
            for (name, result) in a { #expect(result == (Self.refusals[name] ?? "ok"), "\(name)") }
            let x = try await Self.snapshot(sql), y = try await Self.snapshot(memory)
            #expect(x == y)
            #expect(x.accounts.first { $0.id == ids[1] }?.language == .en && x.accounts.first { $0.id == ids[2] }?.notifyMode == .daily)
        }
    }

    /// Two requests with one password link at the same moment: exactly one sets the password (a conditional UPDATE).
    @Test func aLinkUsedTwiceAtOnceWorksOnce() async throws {
        try await withMasterplan { app in
            let repo = SQLAccountRepository(app.db)
            let id = UUID().uuidString
            try await repo.create(Account(id: id, email: "twee@school.example", name: "Twee Tabs", role: .analist), actor: "t")
            try await repo.issueReset(for: id, tokenHash: "h-twice", expiresAt: Date().addingTimeInterval(3600))
            let results = await withTaskGroup(of: String.self) { group in
                for n in 0..<6 { group.addTask { await Outcome.outcome { try await repo.completeReset(tokenHash: "h-twice", passwordHash: "hash-\(n)", now: Date()) } } }
                return await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(results.filter { $0 == "ok" }.count == 1, "\(results)")
            #expect(results.filter { $0 == AccountError.resetInvalid.description }.count == 5)
        }
    }
}
