import Domain
import Fluent
import Foundation
import SQLKit

/// One notice for one account: the "Meldingen" list, and the daily overview for those who chose it.
public final class NotificationModel: Model, @unchecked Sendable {
    public static let schema = "notifications"
    @ID(key: .id) public var id: UUID?
    @Field(key: "account_id") public var accountId: UUID
    @Field(key: "subject_nl") public var subjectNl: String
    @Field(key: "subject_en") public var subjectEn: String
    @Field(key: "text_nl") public var textNl: String
    @Field(key: "text_en") public var textEn: String
    @Field(key: "link") public var link: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "read_at") public var readAt: Date?
    /// When it went out by mail (at once, or in a daily overview); empty while it waits for the overview.
    @OptionalField(key: "mailed_at") public var mailedAt: Date?

    public init() {}
    public init(accountId: UUID, notice: Notice) {
        self.accountId = accountId
        subjectNl = notice.subject.nl; subjectEn = notice.subject.en; textNl = notice.text.nl; textEn = notice.text.en; link = notice.link
    }

    public var notice: Notice { Notice(subject: Localized(subjectNl, subjectEn), text: Localized(textNl, textEn), link: link) }
}

struct CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationModel.schema)
            .id()
            .field("account_id", .uuid, .required, .references(AccountModel.schema, "id", onDelete: .cascade))
            .field("subject_nl", .string, .required).field("subject_en", .string, .required)
            .field("text_nl", .string, .required).field("text_en", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime).field("read_at", .datetime).field("mailed_at", .datetime)
            .create()
        try await database.schema(AccountModel.schema).field("notify_mode", .string, .required, .sql(.default("immediate"))).update()
        try await database.schema(AccountModel.schema).field("digest_sent_on", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "notifications_account").on(NotificationModel.schema).column("account_id").column("created_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccountModel.schema).deleteField("digest_sent_on").update()
        try await database.schema(AccountModel.schema).deleteField("notify_mode").update()
        try await database.schema(NotificationModel.schema).delete()
    }
}

public enum Notifications {
    /// Claims today's overview for the account (one conditional UPDATE: two instances never both send it).
    public static func claimDigest(accountId: UUID, day: String, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.update(AccountModel.schema).set("digest_sent_on", to: SQLBind(day))
            .where("id", .equal, SQLBind(accountId))
            .where { $0.where("digest_sent_on", .is, SQLLiteral.null).orWhere("digest_sent_on", .lessThan, SQLBind(day)) }
            .returning("id").all()
        return !rows.isEmpty
    }
}
