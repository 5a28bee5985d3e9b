import FluentKit

// Matchingday planning (issue 6): events, tables, participants, wishes and meetings. Column names are the record's
// field names, so `RowCodec` reads and writes them; `eventId` is indexed because every page reads one event's rows.

struct CreateMatchingdayEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("matchingday_events")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("date", .string, .required)
            .field("place", .string)
            .field("description", .string)
            .field("registrationDeadline", .string, .required)
            .field("startTime", .string, .required)
            .field("rounds", .int, .required)
            .field("roundMinutes", .int, .required)
            .field("changeMinutes", .int, .required)
            .field("breakAfterRound", .int)
            .field("breakMinutes", .int, .required)
            .field("maxMeetings", .int, .required)
            .field("schoolPlaces", .int, .required)
            .field("companyPlaces", .int, .required)
            .field("status", .string, .required)
            .field("example", .bool, .required)
            .field("reportEventId", .string)
            .field("objective", .int)
            .field("upperBound", .int)
            .field("fairness", .int)
            .field("createdOn", .string, .required)
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("matchingday_events").delete() }
}

struct CreateMatchingdayTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("matchingday_tables")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("eventId", .string, .required)
            .field("number", .int, .required)
            .field("name", .string)
            .field("seats", .int, .required)
            .field("sector", .string)
            .unique(on: "id")
            .unique(on: "eventId", "number")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("matchingday_tables").delete() }
}

struct CreateMatchingdayParticipants: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("matchingday_participants")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("eventId", .string, .required)
            .field("organizationId", .string, .required)
            .field("side", .string, .required)
            .field("status", .string, .required)
            .field("registeredOn", .string, .required)
            .field("attendees", .string)
            .field("firstRound", .int, .required)
            .field("lastRound", .int, .required)
            .field("checkedIn", .bool, .required)
            .unique(on: "id")
            .unique(on: "eventId", "organizationId")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("matchingday_participants").delete() }
}

struct CreateMatchingdayWishes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("matchingday_wishes")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("eventId", .string, .required)
            .field("fromId", .string, .required)
            .field("toId", .string, .required)
            .field("priority", .string, .required)
            .field("byOrganiser", .bool, .required)
            .unique(on: "id")
            .unique(on: "eventId", "fromId", "toId", "byOrganiser")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("matchingday_wishes").delete() }
}

struct CreateMatchingdayMeetings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("matchingday_meetings")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("eventId", .string, .required)
            .field("schoolId", .string, .required)
            .field("companyId", .string, .required)
            .field("round", .int, .required)
            .field("table", .int, .required)
            .field("change", .string)
            .field("previousRound", .int)
            .field("previousTable", .int)
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("matchingday_meetings").delete() }
}

/// Agreements recorded at a Matchingday: the event, the date window agreed, and the follow-up six months later.
struct UpdateActivityAgreementsAddMatchingday: AsyncMigration {
    static let fields = ["eventId", "windowStart", "windowEnd", "followUpOn", "followUpSentOn"]

    // SQLite adds one column per ALTER TABLE, so one schema update per field.
    func prepare(on database: any Database) async throws {
        for field in Self.fields { try await database.schema("activity_agreements").field(FieldKey(stringLiteral: field), .string).update() }
    }
    func revert(on database: any Database) async throws {
        for field in Self.fields.reversed() { try await database.schema("activity_agreements").deleteField(FieldKey(stringLiteral: field)).update() }
    }
}
