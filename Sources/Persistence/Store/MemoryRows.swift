import Domain

/// The in-memory repositories' two writes on a table held as an array, with the SQL tables' answers: a taken key is
/// refused as the unique index would (`StoreError.invalid`), and a guarded replace finds the row by key and refuses it
/// when it is no longer `expected` (`DeskError.changedMeanwhile`), as the conditional UPDATE does.
enum MemoryRows {
    static func insert<R: Record>(_ record: R, into rows: inout [R]) throws {
        guard !rows.contains(where: { $0.key == record.key }) else {
            throw StoreError.invalid(Violation(entity: R.entity, row: 0, column: "key", message: "duplicate record '\(record.key)'"))
        }
        rows.append(record)
    }

    static func replace<R: Record>(_ record: R, expected: R, in rows: inout [R]) throws {
        guard let i = rows.firstIndex(where: { $0.key == record.key }) else { throw StoreError.notFound(entity: R.entity, key: record.key) }
        guard rows[i] == expected else { throw DeskError.changedMeanwhile }
        rows[i] = record
    }
}
