import Domain
import FluentKit
import Foundation
import SQLKit

/// Accounts in SQL through the Fluent models (`AccountModel`, `PasswordResetModel`, `APITokenModel`), handed out as
/// `Account` and `APIToken` values. Every write is audited in its transaction.
public struct SQLAccountRepository: AccountRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    public func account(id: String) async throws -> Account? {
        guard let uuid = UUID(uuidString: id) else { return nil }
        return try await AccountModel.find(uuid, on: database).map(Account.init)
    }

    public func activeAccount(email: String) async throws -> Account? {
        try await AccountModel.query(on: database).filter(\.$email == email.lowercased()).filter(\.$erasedAt == nil).first().map(Account.init)
    }

    public func accounts() async throws -> [Account] {
        // Sorted once, in Swift, by the id's text: the order the in-memory repository gives (a database orders UUIDs
        // by their bytes, so its sort was redone here anyway).
        try await AccountModel.query(on: database).all().map(Account.init).sorted { ($0.email, $0.id) < ($1.email, $1.id) }
    }

    public func contacts(of organizationId: String) async throws -> [Account] {
        try await AccountModel.query(on: database).filter(\.$organizationId == organizationId).filter(\.$role == .contactpersoon)
            .filter(\.$erasedAt == nil).all().map(Account.init).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    public func coordinators() async throws -> [Account] {
        try await AccountModel.query(on: database).filter(\.$role == .beheerder).filter(\.$erasedAt == nil).all().map(Account.init)
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Only the organisation column, distinct, of the contact persons.
    public func organizationsWithContacts() async throws -> Set<String> {
        let rows = try await RecordStore(database).sql.select().distinct().column("organization_id").from(AccountModel.schema)
            .where("role", .equal, SQLBind(Role.contactpersoon.rawValue)).where(SQLIdentifier("erased_at"), .is, SQLLiteral.null)
            .where(SQLIdentifier("organization_id"), .isNot, SQLLiteral.null).all()
        return Set(try rows.map { try $0.decode(column: "organization_id", as: String.self) })
    }

    public func names(of ids: [String]) async throws -> [String: String] {
        let uuids = Array(Set(ids.compactMap(UUID.init(uuidString:))))
        guard !uuids.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for account in try await AccountModel.query(on: database).filter(\.$id ~~ uuids).all() {
            if let id = account.id { names[id.uuidString] = account.name }
        }
        return names
    }

    /// The address is checked and the row inserted in one write transaction; the unique index on `email` refuses a
    /// second writer that checked at the same moment (reported as the same `emailTaken`).
    public func create(_ account: Account, actor: String) async throws {
        let email = account.email.lowercased()
        do {
            try await database.writeTransaction { tx in
                if try await AccountModel.query(on: tx).filter(\.$email == email).first() != nil { throw AccountError.emailTaken(email) }
                let model = AccountModel(account)
                try await model.create(on: tx)
                try await AuditLog.record(on: tx, actor: actor, entity: "accounts", entityId: account.id, action: "create",
                                          changes: [FieldChange(field: "role", before: nil, after: account.role.rawValue)]
                                            + (account.organizationId.map { [FieldChange(field: "organizationId", before: nil, after: $0)] } ?? []))
            }
        } catch let error as AccountError {
            throw error
        } catch {
            if try await AccountModel.query(on: database).filter(\.$email == email).first() != nil { throw AccountError.emailTaken(email) }
            throw error
        }
    }

    public func setLanguage(_ language: Lang, of accountId: String) async throws {
        guard let uuid = UUID(uuidString: accountId) else { return }
        try await AccountModel.query(on: database).filter(\.$id == uuid).set(\.$language, to: language.rawValue).update()
    }

    public func setNotifyMode(_ mode: NotifyMode, of accountId: String) async throws {
        guard let uuid = UUID(uuidString: accountId) else { return }
        try await AccountModel.query(on: database).filter(\.$id == uuid).set(\.$notifyMode, to: mode.rawValue).update()
    }

    public func issueReset(for accountId: String, tokenHash: String, expiresAt: Date) async throws {
        guard let uuid = UUID(uuidString: accountId), try await AccountModel.find(uuid, on: database) != nil else {
            throw StoreError.notFound(entity: "accounts", key: accountId)
        }
        try await PasswordResetModel(accountId: uuid, tokenHash: tokenHash, expiresAt: expiresAt).create(on: database)
    }

    public func resetAccount(tokenHash: String, now: Date) async throws -> Account? {
        let reset = try await PasswordResetModel.query(on: database).filter(\.$tokenHash == tokenHash).filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now).with(\.$account).first()
        return reset.map { Account($0.account) }.flatMap { $0.isActive ? $0 : nil }
    }

    /// One conditional UPDATE uses the link: of two requests with one link, exactly one sets a password.
    public func completeReset(tokenHash: String, passwordHash: String, now: Date) async throws {
        try await database.writeTransaction { tx in
            let sql = RecordStore(tx).sql
            let used = try await sql.update(PasswordResetModel.schema).set("used_at", to: SQLBind(now))
                .where("token_hash", .equal, SQLBind(tokenHash)).where(SQLIdentifier("used_at"), .is, SQLLiteral.null)
                .where("expires_at", .greaterThan, SQLBind(now)).returning("account_id").all()
            guard let row = used.first else { throw AccountError.resetInvalid }
            let accountId = try row.decode(column: "account_id", as: UUID.self)
            guard let account = try await AccountModel.find(accountId, on: tx), account.erasedAt == nil else { throw AccountError.resetInvalid }
            account.passwordHash = passwordHash
            try await account.save(on: tx)
            try await AuditLog.record(on: tx, actor: accountId.uuidString, entity: "accounts", entityId: accountId.uuidString, action: "password-reset", changes: [])
        }
    }

    public func createToken(_ token: APIToken, tokenHash: String, actor: String) async throws {
        guard let owner = UUID(uuidString: token.accountId), let id = UUID(uuidString: token.id),
              try await AccountModel.find(owner, on: database) != nil else { throw StoreError.notFound(entity: "accounts", key: token.accountId) }
        try await database.writeTransaction { tx in
            let model = APITokenModel(accountId: owner, name: token.name, scope: token.scope, tokenHash: tokenHash, prefix: token.prefix)
            model.id = id
            try await model.create(on: tx)
            try await AuditLog.record(on: tx, actor: actor, entity: "api_tokens", entityId: token.id, action: "create",
                                      changes: [FieldChange(field: "name", before: nil, after: token.name), FieldChange(field: "scope", before: nil, after: token.scope.rawValue)])
        }
    }

    public func tokens(of accountId: String) async throws -> [APIToken] {
        guard let owner = UUID(uuidString: accountId) else { return [] }
        return try await APITokenModel.query(on: database).filter(\.$account.$id == owner).all().map(APIToken.init)
            .sorted { ($0.createdAt ?? .distantPast, $0.id) < ($1.createdAt ?? .distantPast, $1.id) }
    }

    public func revokeToken(_ id: String, owner: String, at: Date, actor: String) async throws -> Bool {
        guard let uuid = UUID(uuidString: id), let ownerId = UUID(uuidString: owner) else { return false }
        return try await database.writeTransaction { tx in
            guard try await APITokenModel.query(on: tx).filter(\.$id == uuid).filter(\.$account.$id == ownerId).first() != nil else { return false }
            let revoked = try await RecordStore(tx).sql.update(APITokenModel.schema).set("revoked_at", to: SQLBind(at))
                .where("id", .equal, SQLBind(uuid)).where(SQLIdentifier("revoked_at"), .is, SQLLiteral.null).returning("id").all()
            if !revoked.isEmpty { try await AuditLog.record(on: tx, actor: actor, entity: "api_tokens", entityId: id, action: "revoke", changes: []) }
            return true
        }
    }

    public func authenticate(tokenHash: String, at: Date) async throws -> (token: APIToken, account: Account)? {
        guard let model = try await APITokenModel.query(on: database).filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil).with(\.$account).first(),
              model.account.erasedAt == nil else { return nil }
        try await APITokenModel.query(on: database).filter(\.$id == model.id!).set(\.$lastUsedAt, to: at).update()
        var token = APIToken(model)
        token.lastUsedAt = at
        return (token, Account(model.account))
    }
}

extension Account {
    public init(_ model: AccountModel) {
        self.init(id: model.id?.uuidString ?? "", email: model.email, name: model.name, role: model.role, function: model.function,
                  organizationId: model.organizationId, projectIds: model.projects, phone: model.phone, passwordHash: model.passwordHash,
                  isDemo: model.isDemo, erasedAt: model.erasedAt, language: model.lang, notifyMode: NotifyMode(rawValue: model.notifyMode) ?? .immediate)
    }
}

extension AccountModel {
    /// A row for a new account (its id the account's).
    public convenience init(_ account: Account) {
        self.init(email: account.email, name: account.name, role: account.role, function: account.function, organizationId: account.organizationId,
                  projectIds: account.projectIds, phone: account.phone, passwordHash: account.passwordHash, isDemo: account.isDemo)
        id = UUID(uuidString: account.id)
        language = account.language.rawValue
        notifyMode = account.notifyMode.rawValue
        erasedAt = account.erasedAt
    }
}

extension APIToken {
    init(_ model: APITokenModel) {
        self.init(id: model.id?.uuidString ?? "", accountId: model.$account.id.uuidString, name: model.name, scope: model.scope, prefix: model.prefix,
                  createdAt: model.createdAt, lastUsedAt: model.lastUsedAt, revokedAt: model.revokedAt)
    }
}
