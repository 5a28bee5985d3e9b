import Fluent

struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("function", .string)
            .field("organization_id", .string)
            .field("project_ids", .string, .required)
            .field("phone", .string)
            .field("password_hash", .string)
            .field("is_demo", .bool, .required)
            .field("erased_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("accounts").delete() }
}

struct CreatePasswordResets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("password_resets")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("password_resets").delete() }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("account_id", .uuid, .required, .references("accounts", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("scope", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("api_tokens").delete() }
}

struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("outbox").delete() }
}

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_attempts")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("login_attempts").delete() }
}

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .id()
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("action", .string, .required)
            .field("changes", .string, .required)
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("audit_log").delete() }
}
