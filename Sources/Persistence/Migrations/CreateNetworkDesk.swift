import FluentKit

// The network desk's operational tables (issue 4): offers, requests and the agreements made through the desk.
// Column names are the record's field names, as for the dataset tables, so `RowCodec` reads and writes them.

struct CreateOffers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("offers")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("organizationId", .string, .required)
            .field("type", .string, .required)
            .field("title", .string, .required)
            .field("description", .string)
            .field("sectors", .string)
            .field("levels", .string)
            .field("groupMin", .int, .required)
            .field("groupMax", .int, .required)
            .field("capacity", .int, .required)
            .field("booked", .int, .required)
            .field("availableFrom", .string, .required)
            .field("availableTo", .string, .required)
            .field("weekdays", .string)
            .field("location", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("pupilsTravel", .bool, .required)
            .field("accessibility", .string)
            .field("active", .bool, .required)
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("offers").delete() }
}

struct CreateNetworkRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("network_requests")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("schoolId", .string, .required)
            .field("type", .string, .required)
            .field("sectors", .string)
            .field("level", .string, .required)
            .field("pupils", .int, .required)
            .field("windowStart", .string, .required)
            .field("windowEnd", .string, .required)
            .field("maxDistanceKm", .double)
            .field("remarks", .string)
            .field("status", .string, .required)
            .field("createdOn", .string, .required)
            .field("respondBy", .string, .required)
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("network_requests").delete() }
}

struct CreateActivityAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("activity_agreements")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("requestId", .string)
            .field("offerId", .string)
            .field("schoolId", .string, .required)
            .field("companyId", .string, .required)
            .field("type", .string, .required)
            .field("status", .string, .required)
            .field("level", .string)
            .field("sectors", .string)
            .field("pupils", .int, .required)
            .field("date", .string)
            .field("startTime", .string)
            .field("durationMinutes", .int, .required)
            .field("place", .string)
            .field("transportNeeded", .bool, .required)
            .field("pupilsReached", .int)
            .field("teachers", .int)
            .field("schoolRating", .int)
            .field("companyRating", .int)
            .field("evaluation", .string)
            .field("cancelReason", .string)
            .field("createdOn", .string, .required)
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("activity_agreements").delete() }
}

struct CreateMembershipApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("membership_applications")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("organizationId", .string, .required)
            .field("motivation", .string, .required)
            .field("status", .string, .required)
            .field("appliedOn", .string, .required)
            .field("decidedOn", .string)
            .field("remarks", .string)
            .field("membershipId", .string)
            .field("endedOn", .string)
            .field("endReason", .string)
            .unique(on: "id")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("membership_applications").delete() }
}

struct CreateSchoolPlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("school_plans")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("schoolId", .string, .required)
            .field("schoolYear", .int, .required)
            .field("goals", .string, .required)
            .field("activities", .string, .required)
            .field("levels", .string)
            .field("sectors", .string)
            .field("contact", .string, .required)
            .field("status", .string, .required)
            .field("remarks", .string)
            .field("pdfName", .string)
            .field("submittedOn", .string, .required)
            .unique(on: "id")
            .unique(on: "schoolId", "schoolYear")
            .create()
        // The optional PDF of a plan, kept out of the record (binary, and only the coordinator and the school read it).
        try await database.schema("school_plan_files")
            .field("plan_id", .string, .identifier(auto: false))
            .field("data", .data, .required)
            .create()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("school_plan_files").delete()
        try await database.schema("school_plans").delete()
    }
}

/// One secret calendar-feed address per organisation (only its SHA-256 hash is stored), so Outlook and Google
/// Calendar can subscribe without logging in.
struct CreateCalendarFeeds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("calendar_feeds")
            .field("organization_id", .string, .identifier(auto: false))
            .field("token_hash", .string, .required)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema("calendar_feeds").delete() }
}
