import Fluent
import SQLKit
import Foundation

/// A browser session of a signed-in person. Only the SHA-256 of the cookie's id is stored, so a copy of the
/// database holds no live sessions; each row ends at `expires_at` (the login's absolute lifetime) and the sweep
/// in `serve` removes it then. Anonymous visitors have no row at all.
public final class WebSessionModel: Model, @unchecked Sendable {
    public static let schema = "web_sessions"
    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Field(key: "data") public var data: String
    @Field(key: "expires_at") public var expiresAt: Date
    public init() {}
    public init(idHash: String, data: String, expiresAt: Date) { self.id = idHash; self.data = data; self.expiresAt = expiresAt }
}

/// Sessions with an end: replaces Fluent's `_fluent_sessions`, whose rows had no expiry and were written for
/// every anonymous visit.
struct CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("data", .string, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await SessionRecord.migration.revert(on: database)
    }
    func revert(on database: any Database) async throws {
        try await SessionRecord.migration.prepare(on: database)
        try await database.schema(WebSessionModel.schema).delete()
    }
}

/// The sweep reads expired sessions and old login attempts by time.
struct UpdateSessionsAndAttemptsAddTimeIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "web_sessions_expires_at").on(WebSessionModel.schema).column("expires_at").run()
        try await sql.create(index: "login_attempts_key_at").on(LoginAttemptModel.schema).column("key").column("at").run()
    }
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "web_sessions_expires_at").run()
        try await sql.drop(index: "login_attempts_key_at").run()
    }
}
