import FluentKit

struct CreateStatements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("statements")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("statements").delete() }
}

struct CreateQuotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("quotes")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("personId", .string, .required)
            .field("role", .string, .required)
            .field("organizationId", .string)
            .field("projectId", .string)
            .field("text", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("quotes").delete() }
}
