import Domain
import SQLKit

extension RecordStore {
    /// What `Dataset.violations()` would find about `record` once written, read from the database instead of
    /// loading the whole dataset (issue 13): a second row with its key, each of its references (one query per
    /// referenced kind), its own field rules; in that order, as the whole-dataset check reports them. Run inside the
    /// writing transaction, after the write, so a record may refer to itself and a violation rolls everything back.
    func violations<R: Record>(of record: R, row: Int) async throws -> Violation? {
        if try await keyCount(of: record) > 1 {
            return Violation(entity: R.entity, row: row, column: "key", message: "duplicate record '\(record.key)'")
        }
        for reference in Dataset.references where reference.entity == R.entity {
            let ids = reference.ids(in: record)
            guard !ids.isEmpty else { continue }
            let key = SQLIdentifier(reference.targetKeyColumn)
            let rows = try await sql.select().column(key).from(reference.target).where(key, .in, Array(Set(ids))).all()
            let known = Set(try rows.map { try $0.decode(column: reference.targetKeyColumn, as: String.self) })
            if let missing = ids.first(where: { !known.contains($0) }) {
                return Violation(entity: R.entity, row: row, column: reference.column, message: "unknown reference '\(missing)'")
            }
        }
        return Dataset.fieldViolations(of: record, row: row).first
    }

    /// Rows holding `record`'s key: by its `id` or `key` column when the key is stored as one, else (composite keys
    /// of small tables) by reading that table alone.
    func keyCount<R: Record>(of record: R) async throws -> Int {
        let columns = try RowCodec.encode(record)
        if let column = ["id", "key"].first(where: { name in columns.contains { $0.column == name && $0.cell == .text(record.key) } }) {
            return try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(R.entity)
                .where(SQLIdentifier(column), .equal, SQLBind(record.key)).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return try await all(R.self).filter { $0.key == record.key }.count
    }
}
