import FluentKit

struct CreateOrganizations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organizations")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("sectors", .string, .required)
            .field("levels", .string, .required)
            .field("district", .string)
            .field("parentId", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("aliases", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("organizations").delete() }
}

struct CreatePartnershipMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("partnership_members")
            .field("position", .int, .required)
            .field("partnershipId", .string, .required)
            .field("memberId", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("partnership_members").delete() }
}

struct CreateAcknowledgements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("acknowledgements")
            .field("position", .int, .required)
            .field("organizationId", .string, .required)
            .field("list", .string, .required)
            .field("printedName", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("acknowledgements").delete() }
}

struct CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("memberships")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("organizationId", .string, .required)
            .field("startDate", .string)
            .field("endDate", .string)
            .field("attestedOn", .string)
            .field("evidence", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("memberships").delete() }
}

struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("people")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("people").delete() }
}

struct CreateProjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("number", .string, .required)
            .field("name", .string, .required)
            .field("nameEn", .string, .required)
            .field("status", .string, .required)
            .field("summary", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("projects").delete() }
}

struct CreatePersonRoles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("person_roles")
            .field("position", .int, .required)
            .field("personId", .string, .required)
            .field("body", .string, .required)
            .field("domain", .string)
            .field("role", .string, .required)
            .field("organizationId", .string)
            .field("projectId", .string)
            .field("source", .string, .required)
            .unique(on: "position")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("person_roles").delete() }
}
