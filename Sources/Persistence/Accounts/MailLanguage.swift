import Fluent
import SQLKit

/// Each account's language for the mail it receives (issue 14): Dutch unless the person chose English.
struct UpdateAccountsAddLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccountModel.schema).field("language", .string, .required, .sql(.default("nl"))).update()
    }
    func revert(on database: any Database) async throws {
        try await database.schema(AccountModel.schema).deleteField("language").update()
    }
}

/// A queued message's HTML part and language, sent beside the text as multipart/alternative.
struct UpdateOutboxAddHTML: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).field("html", .string).update()
        try await database.schema(OutboxMessageModel.schema).field("language", .string).update()
    }
    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema).deleteField("language").update()
        try await database.schema(OutboxMessageModel.schema).deleteField("html").update()
    }
}
