import FluentKit
import SQLKit

/// Issue 15, part 1: applications of new organisations. Column names are the record's fields (`RowCodec`); the
/// coordinator's list filters on status, the duplicate check reads registration number and postcode.
struct CreateJoinApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("join_applications")
            .field("position", .int, .required)
            .field("id", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("registrationNumber", .string, .required)
            .field("address", .string, .required)
            .field("postcode", .string, .required)
            .field("city", .string, .required)
            .field("sectors", .string)
            .field("levels", .string)
            .field("contactName", .string, .required)
            .field("contactEmail", .string, .required)
            .field("contactPhone", .string)
            .field("contactFunction", .string)
            .field("motivation", .string, .required)
            .field("language", .string, .required)
            .field("status", .string, .required)
            .field("appliedOn", .string, .required)
            .field("decidedOn", .string)
            .field("remarks", .string)
            .field("organizationId", .string)
            .unique(on: "id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "join_applications_status").on("join_applications").column("status").run()
        try await sql.create(index: "join_applications_registration").on("join_applications").column("registrationNumber").run()
        try await sql.create(index: "join_applications_postcode").on("join_applications").column("postcode").run()
    }
    func revert(on database: any Database) async throws { try await database.schema("join_applications").delete() }
}
