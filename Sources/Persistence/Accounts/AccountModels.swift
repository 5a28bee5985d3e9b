import Domain
import Fluent
import Foundation

/// A person who can log in. The only personal data the platform keeps about a contact person:
/// name, role, organisation, e-mail and an optional phone number.
public final class AccountModel: Model, @unchecked Sendable {
    public static let schema = "accounts"
    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "role") public var role: Role
    /// Function within the organisation ("docent techniek"), shown with the contact details.
    @OptionalField(key: "function") public var function: String?
    @OptionalField(key: "organization_id") public var organizationId: String?
    @Field(key: "project_ids") public var projectIds: String
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "password_hash") public var passwordHash: String?
    @Field(key: "is_demo") public var isDemo: Bool
    @OptionalField(key: "erased_at") public var erasedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// "nl" or "en": the language of the mail this person receives.
    @Field(key: "language") public var language: String
    @Field(key: "notify_mode") public var notifyMode: String
    /// The day ("2026-11-30") the last daily overview went out.
    @OptionalField(key: "digest_sent_on") public var digestSentOn: String?

    public init() {}

    public init(email: String, name: String, role: Role, function: String? = nil, organizationId: String? = nil,
                projectIds: [String] = [], phone: String? = nil, passwordHash: String?, isDemo: Bool = false) {
        self.email = email.lowercased(); self.name = name; self.role = role; self.function = function
        self.organizationId = organizationId; self.projectIds = projectIds.joined(separator: ";"); self.phone = phone
        self.passwordHash = passwordHash; self.isDemo = isDemo; self.language = "nl"
        self.notifyMode = NotifyMode.immediate.rawValue
    }

    public var lang: Lang { Lang(rawValue: language) ?? .nl }

    public var projects: [String] { projectIds.split(separator: ";").map(String.init) }

    public var actor: Actor {
        Actor(accountId: id?.uuidString ?? "", role: role, organizationId: organizationId, projectIds: projects)
    }
}

/// A one-time password reset token; only its hash is stored.
public final class PasswordResetModel: Model, @unchecked Sendable {
    public static let schema = "password_resets"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: AccountModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    public init() {}
    public init(accountId: UUID, tokenHash: String, expiresAt: Date) {
        self.$account.id = accountId; self.tokenHash = tokenHash; self.expiresAt = expiresAt
    }
}

/// An API token for integrations: shown once, stored hashed, revocable, last use recorded.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "account_id") public var account: AccountModel
    @Field(key: "name") public var name: String
    @Field(key: "scope") public var scope: TokenScope
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "prefix") public var prefix: String
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
    public init(accountId: UUID, name: String, scope: TokenScope, tokenHash: String, prefix: String) {
        self.$account.id = accountId; self.name = name; self.scope = scope; self.tokenHash = tokenHash; self.prefix = prefix
    }
}


/// Outgoing mail. A sender delivers it; without SMTP it stays here (and in the log) for a coordinator.
public final class OutboxMessageModel: Model, @unchecked Sendable {
    public static let schema = "outbox"
    @ID(key: .id) public var id: UUID?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    // Delivery (MailQueue): tries so far, when to try next, who holds it now, the server's last answer, given up.
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "next_attempt_at") public var nextAttemptAt: Date?
    @OptionalField(key: "claimed_until") public var claimedUntil: Date?
    @OptionalField(key: "last_reply") public var lastReply: String?
    @OptionalField(key: "failed_at") public var failedAt: Date?
    /// The HTML alternative of `body`, and the message's language (Content-Language).
    @OptionalField(key: "html") public var html: String?
    @OptionalField(key: "language") public var language: String?
    /// A newsletter's unsubscribe address, sent as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).
    @OptionalField(key: "list_unsubscribe") public var listUnsubscribe: String?
    public init() {}
    public init(recipient: String, subject: String, body: String, html: String? = nil, language: String? = nil) {
        self.attempts = 0
        self.recipient = recipient; self.subject = subject; self.body = body; self.html = html; self.language = language
    }
}

/// One failed login, by e-mail address and by client address, to slow down and then lock guessing.
public final class LoginAttemptModel: Model, @unchecked Sendable {
    public static let schema = "login_attempts"
    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date
    public init() {}
    public init(key: String, at: Date) { self.key = key; self.at = at }
}

/// Append-only record of every change: who, when, what, and the fields before and after.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_log"
    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    /// Account id, "cli" or "system".
    @Field(key: "actor") public var actor: String
    @Field(key: "entity") public var entity: String
    @Field(key: "entity_id") public var entityId: String
    @Field(key: "action") public var action: String
    /// JSON array of {field, before, after}.
    @Field(key: "changes") public var changes: String
    public init() {}
    public init(at: Date, actor: String, entity: String, entityId: String, action: String, changes: String) {
        self.at = at; self.actor = actor; self.entity = entity; self.entityId = entityId; self.action = action; self.changes = changes
    }
}
