import Fluent
import SQLKit

/// The report counts agreements per event and lists the first of each event in file order; with a million
/// agreements both need this index.
struct UpdateAgreementsAddEventIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "agreements_event_id").on("agreements").column("eventId").column("position").run()
    }
    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "agreements_event_id").run()
    }
}
