import Domain
import Fluent
import Foundation

/// A person on the newsletter's lists. `unsubscribeToken` is the secret in every message's unsubscribe link: it can
/// only unsubscribe, so it is stored as it is (the link must be written into each message).
public final class SubscriberModel: Model, @unchecked Sendable {
    public static let schema = "newsletter_subscribers"
    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @OptionalField(key: "name") public var name: String?
    @Field(key: "language") public var language: String
    @Field(key: "unsubscribe_token") public var unsubscribeToken: String
    /// Set when a message to this address failed for good: nothing more is sent to it.
    @Field(key: "bouncing") public var bouncing: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
    public init(email: String, name: String?, language: Lang, unsubscribeToken: String) {
        self.email = email; self.name = name; self.language = language.rawValue; self.unsubscribeToken = unsubscribeToken; self.bouncing = false
    }
    public var lang: Lang { Lang(rawValue: language) ?? .nl }
}

/// One list of one subscriber, with its consent and, while pending, the hash of the confirmation link's token.
public final class SubscriptionModel: Model, @unchecked Sendable {
    public static let schema = "newsletter_subscriptions"
    @ID(key: .id) public var id: UUID?
    @Field(key: "subscriber_id") public var subscriberId: UUID
    @Field(key: "list") public var list: String
    @Field(key: "status") public var status: String
    @Field(key: "consent_at") public var consentAt: Date
    @Field(key: "consent_source") public var consentSource: String
    @Field(key: "consent_text") public var consentText: String
    @OptionalField(key: "confirm_token_hash") public var confirmTokenHash: String?
    @OptionalField(key: "confirm_expires") public var confirmExpires: Date?
    @OptionalField(key: "changed_at") public var changedAt: Date?

    public init() {}
    public init(subscriberId: UUID, list: NewsletterList, status: SubscriptionStatus, consent: Consent) {
        self.subscriberId = subscriberId; self.list = list.rawValue; self.status = status.rawValue
        self.consentAt = consent.at; self.consentSource = consent.source; self.consentText = consent.text
        self.changedAt = consent.at
    }
    public var consent: Consent { Consent(at: consentAt, source: consentSource, text: consentText) }
    public var subscriptionStatus: SubscriptionStatus { SubscriptionStatus(rawValue: status) ?? .pending }
    public var newsletterList: NewsletterList? { NewsletterList(rawValue: list) }
}

/// An issue: the editor's JSON (subject, blocks, lists) and, once sent, the frozen copies for the archive.
public final class IssueModel: Model, @unchecked Sendable {
    public static let schema = "newsletter_issues"
    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Field(key: "content") public var content: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "scheduled_at") public var scheduledAt: Date?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
    public init(_ issue: NewsletterIssue) throws {
        self.id = issue.id
        try set(issue)
    }

    public func set(_ issue: NewsletterIssue) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        content = String(decoding: try encoder.encode(issue), as: UTF8.self)
        status = issue.status.rawValue; scheduledAt = issue.scheduledAt; sentAt = issue.sentAt
    }

    public func issue() throws -> NewsletterIssue {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        var issue = try decoder.decode(NewsletterIssue.self, from: Data(content.utf8))
        issue.status = IssueStatus(rawValue: status) ?? issue.status
        issue.scheduledAt = scheduledAt; issue.sentAt = sentAt
        return issue
    }
}

/// That one issue went to one subscriber, through one outbox message (whose status is the delivery's).
public final class DeliveryModel: Model, @unchecked Sendable {
    public static let schema = "newsletter_deliveries"
    @ID(key: .id) public var id: UUID?
    @Field(key: "issue_id") public var issueId: String
    @Field(key: "subscriber_id") public var subscriberId: UUID
    @OptionalField(key: "outbox_id") public var outboxId: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

/// An image uploaded for an issue (PNG or JPEG, at most 2 MB), served at a fixed address to every reader alike:
/// the address says nothing about who opens it.
public final class NewsletterImageModel: Model, @unchecked Sendable {
    public static let schema = "newsletter_images"
    @ID(key: .id) public var id: UUID?
    @Field(key: "content_type") public var contentType: String
    @Field(key: "bytes") public var bytes: Data
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
    public init(contentType: String, bytes: Data) { self.contentType = contentType; self.bytes = bytes }
}

struct CreateNewsletter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SubscriberModel.schema)
            .id()
            .field("email", .string, .required).unique(on: "email")
            .field("name", .string)
            .field("language", .string, .required)
            .field("unsubscribe_token", .string, .required).unique(on: "unsubscribe_token")
            .field("bouncing", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SubscriptionModel.schema)
            .id()
            .field("subscriber_id", .uuid, .required, .references(SubscriberModel.schema, "id", onDelete: .cascade))
            .field("list", .string, .required)
            .field("status", .string, .required)
            .field("consent_at", .datetime, .required)
            .field("consent_source", .string, .required)
            .field("consent_text", .string, .required)
            .field("confirm_token_hash", .string)
            .field("confirm_expires", .datetime)
            .field("changed_at", .datetime)
            .unique(on: "subscriber_id", "list")
            .create()
        try await database.schema(IssueModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("content", .string, .required)
            .field("status", .string, .required)
            .field("scheduled_at", .datetime)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(DeliveryModel.schema)
            .id()
            .field("issue_id", .string, .required, .references(IssueModel.schema, "id", onDelete: .cascade))
            .field("subscriber_id", .uuid, .required)
            .field("outbox_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "issue_id", "subscriber_id")
            .create()
        try await database.schema(NewsletterImageModel.schema)
            .id()
            .field("content_type", .string, .required)
            .field("bytes", .data, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [NewsletterImageModel.schema, DeliveryModel.schema, IssueModel.schema, SubscriptionModel.schema, SubscriberModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// The outbox carries a message's List-Unsubscribe address (RFC 8058) when it is a newsletter.
struct UpdateOutboxAddListUnsubscribe: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).field("list_unsubscribe", .string).update()
    }
    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).deleteField("list_unsubscribe").update()
    }
}
