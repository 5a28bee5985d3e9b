import FluentKit

struct CreateProjectTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("project_targets")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("projectId", .string, .required)
            .field("description", .string, .required)
            .field("unit", .string, .required)
            .field("actual", .double)
            .field("actualQualifier", .string)
            .field("actualDate", .string)
            .field("target", .double)
            .field("targetMax", .double)
            .field("targetQualifier", .string)
            .field("targetDate", .string)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("project_targets").delete() }
}

struct CreateProjectParticipants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("project_participants")
            .field("position", .int, .required)
            .field("projectId", .string, .required)
            .field("organizationId", .string, .required)
            .field("role", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("project_participants").delete() }
}

struct CreateRoutes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("routes")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("fromLevel", .string, .required)
            .field("toLevel", .string, .required)
            .field("status", .string, .required)
            .field("projectId", .string)
            .field("startYear", .int)
            .field("description", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("routes").delete() }
}

struct CreateRouteParticipations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("route_participations")
            .field("position", .int, .required)
            .field("routeId", .string, .required)
            .field("organizationId", .string, .required)
            .field("sector", .string)
            .field("status", .string, .required)
            .field("note", .string)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("route_participations").delete() }
}

struct CreateRouteSectors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("route_sectors")
            .field("position", .int, .required)
            .field("routeId", .string, .required)
            .field("theme", .string, .required)
            .field("sector", .string)
            .field("status", .string, .required)
            .field("schoolCount", .int)
            .field("fromPeriod", .string)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("route_sectors").delete() }
}

struct CreateKeuzedelen: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("keuzedelen")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("routeId", .string, .required)
            .field("count", .int, .required)
            .field("areas", .string, .required)
            .field("availableFrom", .string)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("keuzedelen").delete() }
}
