import Domain
import SQLKit

extension RecordStore {
    /// What `Dataset.violations()` would find about `record` once written, read from the database instead of
    /// loading the whole dataset (issue 13): a second row with its key, each of its references (one query per
    /// referenced kind), its own field rules; in that order, as the whole-dataset check reports them. Run inside the
    /// writing transaction, after the write, so a record may refer to itself and a violation rolls everything back.
    ///
    /// A changed key (`previousKey`) also leaves every record that referred to the old key dangling: those are looked
    /// for too, reference by reference in the same order (the contract test found edits that renamed an indicator,
    /// a project or an organisation and orphaned its observations, roles and acknowledgements).
    func violations<R: Record>(of record: R, row: Int, previousKey: String? = nil) async throws -> Violation? {
        if try await keyCount(of: record) > 1 {
            return Violation(entity: R.entity, row: row, column: "key", message: "duplicate record '\(record.key)'")
        }
        let removed = previousKey.flatMap { $0 == record.key ? nil : $0 }
        for reference in Dataset.references {
            if reference.entity == R.entity {
                let ids = reference.ids(in: record)
                if !ids.isEmpty {
                    let key = SQLIdentifier(reference.targetKeyColumn)
                    let rows = try await sql.select().column(key).from(reference.target).where(key, .in, Array(Set(ids))).all()
                    let known = Set(try rows.map { try $0.decode(column: reference.targetKeyColumn, as: String.self) })
                    if let missing = ids.first(where: { !known.contains($0) }) {
                        return Violation(entity: R.entity, row: row, column: reference.column, message: "unknown reference '\(missing)'")
                    }
                }
            }
            if let removed, reference.target == R.entity, let referrer = try await referrer(of: removed, through: reference) {
                return Violation(entity: reference.entity, row: referrer, column: reference.column, message: "unknown reference '\(removed)'")
            }
        }
        return Dataset.fieldViolations(of: record, row: row).first
    }

    /// The row number of the first record that refers to `key` through `reference` (a `;`-list through its entries).
    func referrer(of key: String, through reference: RecordReference) async throws -> Int? {
        let table = reference.entity
        var query = sql.select().column(SQLColumn("position", table: table)).from(SQLIdentifier(table))
        if DerivedColumns.lists[reference.entity]?.contains(reference.column) == true {
            // Every entity with list entries keeps its key in `id` (`DerivedColumns.lists`).
            query = query.join("list_entries", method: SQLJoinMethod.inner,
                               on: SQLBinaryExpression(SQLColumn("recordKey", table: "list_entries"), .equal, SQLColumn("id", table: table)))
                .where(SQLColumn("entity", table: "list_entries"), .equal, SQLBind(reference.entity))
                .where(SQLColumn("field", table: "list_entries"), .equal, SQLBind(reference.column))
                .where(SQLColumn("value", table: "list_entries"), .equal, SQLBind(key))
        } else {
            query = query.where(SQLColumn(reference.column, table: table), .equal, SQLBind(key))
        }
        return try await query.orderBy(SQLColumn("position", table: table)).limit(1).first()?.decode(column: "position", as: Int.self)
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
