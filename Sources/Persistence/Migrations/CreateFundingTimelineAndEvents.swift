import FluentKit

struct CreateFunding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("funding")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("funderId", .string)
            .field("programme", .string, .required)
            .field("kind", .string, .required)
            .field("amount", .double, .required)
            .field("amountQualifier", .string)
            .field("periodFrom", .string, .required)
            .field("periodTo", .string, .required)
            .field("purpose", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("funding").delete() }
}

struct CreateFundingApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("funding_applications")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("fund", .string, .required)
            .field("applicantIds", .string, .required)
            .field("subject", .string, .required)
            .field("status", .string, .required)
            .field("date", .string)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("funding_applications").delete() }
}

struct CreateTimeline: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("timeline")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("date", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("attendance", .int)
            .field("attendanceQualifier", .string)
            .field("attendanceUnit", .string)
            .field("organizationIds", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("timeline").delete() }
}

struct CreateEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("status", .string, .required)
            .field("place", .string)
            .field("reportedSchools", .int)
            .field("reportedAgreements", .int)
            .field("description", .string, .required)
            .field("section", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("events").delete() }
}

struct CreateAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agreements")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("eventId", .string)
            .field("schoolId", .string, .required)
            .field("companyIds", .string, .required)
            .field("printedAs", .string, .required)
            .field("source", .string, .required)
            .unique(on: "position")
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("agreements").delete() }
}
