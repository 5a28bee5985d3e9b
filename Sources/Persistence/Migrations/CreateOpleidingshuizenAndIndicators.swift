import FluentKit

struct CreateOpleidingshuizen: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opleidingshuizen")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("sectors", .string, .required)
            .field("status", .string, .required)
            .field("summary", .string, .required)
            .field("activities", .string, .required)
            .field("leadNote", .string)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("opleidingshuizen").delete() }
}

struct CreateOpleidingshuisPartners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opleidingshuis_partners")
            .field("position", .int, .required)
            .field("opleidingshuisId", .string, .required)
            .field("organizationId", .string, .required)
            .field("role", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("opleidingshuis_partners").delete() }
}

struct CreateOpleidingshuisMilestones: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("opleidingshuis_milestones")
            .field("position", .int, .required)
            .field("opleidingshuisId", .string, .required)
            .field("date", .string, .required)
            .field("text", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("opleidingshuis_milestones").delete() }
}

struct CreateIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indicators")
            .field("position", .int, .required)
            .field("key", .string, .required)
            .field("nameNl", .string, .required)
            .field("nameEn", .string, .required)
            .field("unit", .string, .required)
            .field("dataSource", .string, .required)
            .field("dimensions", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "key")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("indicators").delete() }
}

struct CreateObservations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("observations")
            .field("position", .int, .required)
            .field("indicatorKey", .string, .required)
            .field("period", .string, .required)
            .field("dimensions", .string, .required)
            .field("value", .double, .required)
            .field("valueMax", .double)
            .field("qualifier", .string)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("observations").delete() }
}

struct CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("targets")
            .field("position", .int, .required)
            .field("indicatorKey", .string, .required)
            .field("value", .double, .required)
            .field("valueMax", .double)
            .field("date", .string, .required)
            .field("scope", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("targets").delete() }
}
