import Domain
import Fluent
import Foundation

/// The rights of access and erasure (AVG/GDPR) for a person with an account.
public enum PersonData {
    public struct Export: Codable, Sendable {
        public struct Token: Codable, Sendable { public var name: String; public var scope: String; public var createdAt: Date?; public var lastUsedAt: Date?; public var revokedAt: Date? }
        public struct Audit: Codable, Sendable { public var at: Date; public var actor: String; public var entity: String; public var entityId: String; public var action: String; public var changes: [FieldChange] }
        public struct Message: Codable, Sendable { public var createdAt: Date?; public var subject: String; public var sentAt: Date? }
        public var id: String
        public var email: String
        public var name: String
        public var role: String
        public var function: String?
        public var organizationId: String?
        public var projectIds: [String]
        public var phone: String?
        public var createdAt: Date?
        public var apiTokens: [Token]
        public var auditByPerson: [Audit]
        public var auditAboutPerson: [Audit]
        public var messages: [Message]
        public var failedLogins: Int
    }

    public enum Failure: Error, CustomStringConvertible {
        case unknown(String)
        public var description: String {
            switch self { case .unknown(let email): "no account with e-mail address \(email)" }
        }
    }

    /// Everything the platform holds about the person with this address.
    public static func export(email: String, on db: any Database) async throws -> Export {
        let account = try await find(email, on: db)
        let id = try account.requireID()
        let tokens = try await APITokenModel.query(on: db).filter(\.$account.$id == id).all()
        let by = try await AuditEntryModel.query(on: db).filter(\.$actor == id.uuidString).sort(\.$at).all()
        let about = try await AuditEntryModel.query(on: db).filter(\.$entityId == id.uuidString).sort(\.$at).all()
        let messages = try await OutboxMessageModel.query(on: db).filter(\.$recipient == account.email).all()
        let attempts = try await LoginAttemptModel.query(on: db).filter(\.$key == "email:" + account.email).count()
        func audit(_ e: AuditEntryModel) -> Export.Audit {
            Export.Audit(at: e.at, actor: e.actor, entity: e.entity, entityId: e.entityId, action: e.action,
                         changes: (try? JSONDecoder().decode([FieldChange].self, from: Data(e.changes.utf8))) ?? [])
        }
        return Export(id: id.uuidString, email: account.email, name: account.name, role: account.role.rawValue, function: account.function,
                      organizationId: account.organizationId, projectIds: account.projects, phone: account.phone, createdAt: account.createdAt,
                      apiTokens: tokens.map { .init(name: $0.name, scope: $0.scope.rawValue, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt) },
                      auditByPerson: by.map(audit), auditAboutPerson: about.map(audit),
                      messages: messages.map { .init(createdAt: $0.createdAt, subject: $0.subject, sentAt: $0.sentAt) }, failedLogins: attempts)
    }

    /// Removes the person's personal data and keeps anonymised records, so statistics and the audit trail
    /// (who changed what, by account id) stay as they were. One transaction.
    public static func erase(email: String, actor: String, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let account = try await find(email, on: tx)
            let id = try account.requireID()
            let oldEmail = account.email
            account.name = "Verwijderde persoon"
            account.email = "erased-\(id.uuidString.lowercased())@invalid"
            account.phone = nil
            account.function = nil
            account.passwordHash = nil
            account.erasedAt = Date()
            try await account.save(on: tx)
            try await APITokenModel.query(on: tx).filter(\.$account.$id == id).delete()
            try await PasswordResetModel.query(on: tx).filter(\.$account.$id == id).delete()
            try await LoginAttemptModel.query(on: tx).filter(\.$key == "email:" + oldEmail).delete()
            try await OutboxMessageModel.query(on: tx).filter(\.$recipient == oldEmail).delete()
            // The audit trail keeps who did what by id; personal values about this person are blanked.
            for entry in try await AuditEntryModel.query(on: tx).filter(\.$entityId == id.uuidString).all() {
                let changes = (try? JSONDecoder().decode([FieldChange].self, from: Data(entry.changes.utf8))) ?? []
                let scrubbed = changes.map { c in ["email", "name", "phone", "function"].contains(c.field) ? FieldChange(field: c.field, before: nil, after: nil) : c }
                entry.changes = String(decoding: try JSONEncoder().encode(scrubbed), as: UTF8.self)
                try await entry.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: actor, entity: "accounts", entityId: id.uuidString, action: "erase", changes: [])
        }
    }

    static func find(_ email: String, on db: any Database) async throws -> AccountModel {
        guard let account = try await AccountModel.query(on: db).filter(\.$email == email.lowercased()).filter(\.$erasedAt == nil).first() else {
            throw Failure.unknown(email)
        }
        return account
    }
}
