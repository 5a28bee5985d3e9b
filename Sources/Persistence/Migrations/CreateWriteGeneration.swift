import Fluent
import SQLKit

/// A second counter beside the data version (issue 13): every write transaction, of any record the platform keeps
/// (desk, Matchingday, transport, accounts …), moves it in its own transaction. A page whose content depends on more
/// than the programme's data (the public dashboard with the desk's school year) is kept whole per (data version,
/// write generation) and is right across instances, as `dataset_version` makes the cached counts right.
struct CreateWriteGeneration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: "dataset_version").columns("id", "version").values(SQLBind(WriteGeneration.row), SQLBind(0)).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.delete(from: "dataset_version").where("id", .equal, SQLBind(WriteGeneration.row)).run()
    }
}

public enum WriteGeneration {
    /// The row of `dataset_version` that counts write transactions (row 1 counts writes to the programme's data).
    static let row = 2
}
