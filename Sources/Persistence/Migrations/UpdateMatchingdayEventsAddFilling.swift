import FluentKit

/// Issue 15, part 8: whether free places are filled with suggested pairs, and the minimum number of meetings below
/// which a participant is named on the schedule. Both nullable: nil means the defaults (fill; two meetings).
struct UpdateMatchingdayEventsAddFilling: AsyncMigration {
    // SQLite adds one column per ALTER TABLE, so one schema update per field.
    func prepare(on database: any Database) async throws {
        try await database.schema("matchingday_events").field("fillFreePlaces", .bool).update()
        try await database.schema("matchingday_events").field("minMeetings", .int).update()
    }
    func revert(on database: any Database) async throws {
        try await database.schema("matchingday_events").deleteField("minMeetings").update()
        try await database.schema("matchingday_events").deleteField("fillFreePlaces").update()
    }
}
