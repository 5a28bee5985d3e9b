import Domain
import Foundation

/// Accounts, password links and API tokens behind one seam (issue 13). `SQLAccountRepository` serves (Fluent models);
/// `InMemoryAccountRepository` answers from memory; `AccountRepositoryContractTests` holds both to the same answers.
/// The commands an attacker would race are single conditional writes: an address is taken once, a password link
/// works once, a revoked token never authenticates.
public protocol AccountRepository: Sendable {
    /// By id, erased or not (the caller decides what an erased account may do).
    func account(id: String) async throws -> Account?
    /// The active (not erased) account with this address, in any case.
    func activeAccount(email: String) async throws -> Account?
    /// Every account, by e-mail address (the coordinator's list).
    func accounts() async throws -> [Account]
    /// An organisation's contact persons that are not erased, by name.
    func contacts(of organizationId: String) async throws -> [Account]
    /// The coordinators (beheerders) that are not erased, by name.
    func coordinators() async throws -> [Account]
    /// The organisations that have a contact person who is not erased (a reminder can reach them).
    func organizationsWithContacts() async throws -> Set<String>
    /// The names of the accounts among `ids` (the audit trail's actors), by id.
    func names(of ids: [String]) async throws -> [String: String]

    /// A new account, audited; `AccountError.emailTaken` when the address has an account (erased ones included).
    func create(_ account: Account, actor: String) async throws
    func setLanguage(_ language: Lang, of accountId: String) async throws
    func setNotifyMode(_ mode: NotifyMode, of accountId: String) async throws

    /// A one-time password link (only its hash is kept), valid until `expiresAt`.
    func issueReset(for accountId: String, tokenHash: String, expiresAt: Date) async throws
    /// The account a link is for, while the link is unused and unexpired and the account active.
    func resetAccount(tokenHash: String, now: Date) async throws -> Account?
    /// Uses the link once and sets the password; `AccountError.resetInvalid` when it was used or ran out meanwhile.
    func completeReset(tokenHash: String, passwordHash: String, now: Date) async throws

    /// A new token for its account (only the hash of its secret is kept), audited.
    func createToken(_ token: APIToken, tokenHash: String, actor: String) async throws
    /// An account's tokens, oldest first.
    func tokens(of accountId: String) async throws -> [APIToken]
    /// Revokes `owner`'s token; false when `owner` has no such token (another's is not found, not forbidden).
    func revokeToken(_ id: String, owner: String, at: Date, actor: String) async throws -> Bool
    /// The unrevoked token with this hash and its active account, its last use recorded; nil otherwise.
    func authenticate(tokenHash: String, at: Date) async throws -> (token: APIToken, account: Account)?
}

/// The accounts in memory. Each command checks before it changes anything, so a refused one leaves nothing.
public actor InMemoryAccountRepository: AccountRepository {
    struct Reset { var accountId: String; var tokenHash: String; var expiresAt: Date; var usedAt: Date? }
    private var rows: [Account] = []
    private var resets: [Reset] = []
    private var tokenRows: [(token: APIToken, hash: String)] = []

    public init(_ accounts: [Account] = []) { rows = accounts }

    public func account(id: String) async throws -> Account? { rows.first { $0.id == id } }
    public func activeAccount(email: String) async throws -> Account? { rows.first { $0.email == email.lowercased() && $0.isActive } }
    public func accounts() async throws -> [Account] { rows.sorted { ($0.email, $0.id) < ($1.email, $1.id) } }
    public func contacts(of organizationId: String) async throws -> [Account] {
        rows.filter { $0.organizationId == organizationId && $0.role == .contactpersoon && $0.isActive }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
    public func coordinators() async throws -> [Account] {
        rows.filter { $0.role == .beheerder && $0.isActive }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
    public func organizationsWithContacts() async throws -> Set<String> {
        Set(rows.filter { $0.role == .contactpersoon && $0.isActive }.compactMap(\.organizationId))
    }
    public func names(of ids: [String]) async throws -> [String: String] {
        let wanted = Set(ids)
        return Dictionary(rows.filter { wanted.contains($0.id) }.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public func create(_ account: Account, actor: String) async throws {
        guard !rows.contains(where: { $0.email == account.email.lowercased() }) else { throw AccountError.emailTaken(account.email.lowercased()) }
        rows.append(account)
    }
    public func setLanguage(_ language: Lang, of accountId: String) async throws {
        if let i = rows.firstIndex(where: { $0.id == accountId }) { rows[i].language = language }
    }
    public func setNotifyMode(_ mode: NotifyMode, of accountId: String) async throws {
        if let i = rows.firstIndex(where: { $0.id == accountId }) { rows[i].notifyMode = mode }
    }

    public func issueReset(for accountId: String, tokenHash: String, expiresAt: Date) async throws {
        guard rows.contains(where: { $0.id == accountId }) else { throw StoreError.notFound(entity: "accounts", key: accountId) }
        resets.append(Reset(accountId: accountId, tokenHash: tokenHash, expiresAt: expiresAt))
    }
    public func resetAccount(tokenHash: String, now: Date) async throws -> Account? {
        guard let r = resets.first(where: { $0.tokenHash == tokenHash && $0.usedAt == nil && $0.expiresAt > now }) else { return nil }
        return rows.first { $0.id == r.accountId && $0.isActive }
    }
    public func completeReset(tokenHash: String, passwordHash: String, now: Date) async throws {
        guard let i = resets.firstIndex(where: { $0.tokenHash == tokenHash && $0.usedAt == nil && $0.expiresAt > now }),
              let a = rows.firstIndex(where: { $0.id == resets[i].accountId && $0.isActive }) else { throw AccountError.resetInvalid }
        resets[i].usedAt = now
        rows[a].passwordHash = passwordHash
    }

    public func createToken(_ token: APIToken, tokenHash: String, actor: String) async throws {
        guard rows.contains(where: { $0.id == token.accountId }) else { throw StoreError.notFound(entity: "accounts", key: token.accountId) }
        guard !tokenRows.contains(where: { $0.token.id == token.id }) else { throw StoreError.invalid(Violation(entity: "api_tokens", row: 0, column: "id", message: "duplicate")) }
        var stored = token
        stored.createdAt = stored.createdAt ?? Date()
        tokenRows.append((stored, tokenHash))
    }
    public func tokens(of accountId: String) async throws -> [APIToken] {
        tokenRows.map(\.token).filter { $0.accountId == accountId }.sorted { ($0.createdAt ?? .distantPast, $0.id) < ($1.createdAt ?? .distantPast, $1.id) }
    }
    public func revokeToken(_ id: String, owner: String, at: Date, actor: String) async throws -> Bool {
        guard let i = tokenRows.firstIndex(where: { $0.token.id == id && $0.token.accountId == owner }) else { return false }
        if tokenRows[i].token.revokedAt == nil { tokenRows[i].token.revokedAt = at }
        return true
    }
    public func authenticate(tokenHash: String, at: Date) async throws -> (token: APIToken, account: Account)? {
        guard let i = tokenRows.firstIndex(where: { $0.hash == tokenHash && $0.token.revokedAt == nil }),
              let account = rows.first(where: { $0.id == tokenRows[i].token.accountId && $0.isActive }) else { return nil }
        tokenRows[i].token.lastUsedAt = at
        return (tokenRows[i].token, account)
    }
}
