import Fluent
import SQLKit

/// One row counting writes to the programme's data, so app instances can cache the dataset and still
/// see every change made through any instance (they compare this number on each request).
struct CreateDatasetVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dataset_version")
            .field("id", .int, .required)
            .field("version", .int, .required)
            .unique(on: "id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: "dataset_version").columns("id", "version").values(SQLBind(1), SQLBind(0)).run()
    }
    func revert(on database: any Database) async throws { try await database.schema("dataset_version").delete() }
}
