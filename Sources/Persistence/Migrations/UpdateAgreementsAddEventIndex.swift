import Fluent
import SQLKit

/// The report counts agreements per event; with a million agreements that needs an index.
struct UpdateAgreementsAddEventIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "agreements_event_id").on("agreements").column("eventId").run()
    }
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "agreements_event_id").run()
    }
}
