import Domain
import Fluent
import SQLKit
import Foundation

/// The rights of access and erasure (AVG/GDPR) for a person with an account, a newsletter subscription, or both.
public enum PersonData {
    /// A newsletter subscriber: the address, the lists and the consent each rests on.
    public struct Newsletter: Codable, Sendable {
        public struct Subscription: Codable, Sendable { public var list: String; public var status: String; public var consentAt: Date; public var consentSource: String; public var consentText: String }
        public var email: String
        public var name: String?
        public var language: String
        public var bouncing: Bool
        public var createdAt: Date?
        public var subscriptions: [Subscription]
    }

    public struct Export: Codable, Sendable {
        public struct Token: Codable, Sendable { public var name: String; public var scope: String; public var createdAt: Date?; public var lastUsedAt: Date?; public var revokedAt: Date? }
        public struct Audit: Codable, Sendable { public var at: Date; public var actor: String; public var entity: String; public var entityId: String; public var action: String; public var changes: [FieldChange] }
        public struct Message: Codable, Sendable { public var createdAt: Date?; public var subject: String; public var sentAt: Date? }
        // The account's part: absent for a person who only subscribed to the newsletter.
        public var id: String?
        public var email: String
        public var name: String?
        public var role: String?
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
        public var newsletter: Newsletter?
        /// Applications to join the network made with this address (issue 15, part 1).
        public var joinApplications: [JoinApplication] = []
    }

    public enum Failure: Error, CustomStringConvertible {
        case unknown(String)
        public var description: String {
            switch self { case .unknown(let email): "no account with e-mail address \(email)" }
        }
    }

    /// Everything the platform holds about the person with this address.
    public static func export(email: String, on db: any Database) async throws -> Export {
        let newsletter = try await Self.newsletter(email: email, on: db)
        let joins = try await joinApplications(email: email, on: db)
        guard let account = try await account(email, on: db) else {
            guard newsletter != nil || !joins.isEmpty else { throw Failure.unknown(email) }
            let address = newsletter?.email ?? email.lowercased()
            let messages = try await OutboxMessageModel.query(on: db).filter(\.$recipient == address).all()
            return Export(id: nil, email: address, name: newsletter?.name ?? joins.first?.contactName, role: nil, function: nil, organizationId: nil, projectIds: [],
                          phone: nil, createdAt: newsletter?.createdAt, apiTokens: [], auditByPerson: [], auditAboutPerson: [],
                          messages: messages.map { .init(createdAt: $0.createdAt, subject: $0.subject, sentAt: $0.sentAt) }, failedLogins: 0,
                          newsletter: newsletter, joinApplications: joins)
        }
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
                      messages: messages.map { .init(createdAt: $0.createdAt, subject: $0.subject, sentAt: $0.sentAt) }, failedLogins: attempts,
                      newsletter: newsletter, joinApplications: joins)
    }

    static func joinApplications(email: String, on db: any Database) async throws -> [JoinApplication] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select().column("*").from(JoinApplication.entity).where("contactEmail", .equal, SQLBind(email.lowercased()))
            .all().map { try RowCodec.decode(JoinApplication.self, from: SQLRowCells(row: $0)) }
    }

    /// A join application keeps the organisation's part; the contact person's details go, in the record and in the
    /// audit entries about it.
    static func eraseJoinApplications(email: String, actor: String, on tx: any Database) async throws -> Bool {
        guard let sql = tx as? any SQLDatabase else { return false }
        let joins = try await joinApplications(email: email, on: tx)
        for a in joins {
            try await sql.update(JoinApplication.entity).set("contactName", to: SQLBind("Verwijderde persoon"))
                .set("contactEmail", to: SQLBind("erased-\(a.id)@invalid")).set("contactPhone", to: SQLLiteral.null).set("contactFunction", to: SQLLiteral.null)
                .where("id", .equal, SQLBind(a.id)).run()
            for entry in try await AuditEntryModel.query(on: tx).filter(\.$entity == JoinApplication.entity).filter(\.$entityId == a.id).all() {
                let changes = (try? JSONDecoder().decode([FieldChange].self, from: Data(entry.changes.utf8))) ?? []
                let scrubbed = changes.map { c in c.field.hasPrefix("contact") ? FieldChange(field: c.field, before: nil, after: nil) : c }
                entry.changes = String(decoding: try JSONEncoder().encode(scrubbed), as: UTF8.self)
                try await entry.save(on: tx)
            }
            try await OutboxMessageModel.query(on: tx).filter(\.$recipient == a.contactEmail).delete()
            try await AuditLog.record(on: tx, actor: actor, entity: JoinApplication.entity, entityId: a.id, action: "erase", changes: [])
        }
        return !joins.isEmpty
    }

    /// Removes the person's personal data and keeps anonymised records, so statistics and the audit trail
    /// (who changed what, by account id) stay as they were. One transaction.
    public static func erase(email: String, actor: String, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            let subscriber = try await SubscriberModel.query(on: tx).filter(\.$email == email.lowercased()).first()
            if let subscriber {
                // Deliveries keep only the random subscriber id; the messages to the address go with the rest.
                try await SubscriptionModel.query(on: tx).filter(\.$subscriberId == (try subscriber.requireID())).delete()
                try await OutboxMessageModel.query(on: tx).filter(\.$recipient == subscriber.email).delete()
                try await subscriber.delete(on: tx)
                try await AuditLog.record(on: tx, actor: actor, entity: "newsletter_subscribers", entityId: try subscriber.requireID().uuidString, action: "erase", changes: [])
            }
            let hadJoins = try await eraseJoinApplications(email: email, actor: actor, on: tx)
            // The public forms' throttle counts by address too (`FormThrottle`); those rows name the address.
            try await LoginAttemptModel.query(on: tx).filter(\.$key ~~ ["join-email:" + email.lowercased(), "subscribe-email:" + email.lowercased()]).delete()
            guard let account = try await account(email, on: tx) else {
                if subscriber == nil && !hadJoins { throw Failure.unknown(email) }
                return
            }
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

    static func account(_ email: String, on db: any Database) async throws -> AccountModel? {
        try await AccountModel.query(on: db).filter(\.$email == email.lowercased()).filter(\.$erasedAt == nil).first()
    }

    static func newsletter(email: String, on db: any Database) async throws -> Newsletter? {
        guard let s = try await SubscriberModel.query(on: db).filter(\.$email == email.lowercased()).first() else { return nil }
        let subscriptions = try await SubscriptionModel.query(on: db).filter(\.$subscriberId == (try s.requireID())).sort(\.$list).all()
        return Newsletter(email: s.email, name: s.name, language: s.language, bouncing: s.bouncing, createdAt: s.createdAt,
                          subscriptions: subscriptions.map { .init(list: $0.list, status: $0.status, consentAt: $0.consentAt,
                                                                   consentSource: $0.consentSource, consentText: $0.consentText) })
    }
}
